/* data_fixture.h — the small programme of tests/data (programme_people.csv and
 * programme.sql), loaded into a test database: people through the
 * importer, the rest as SQL.  Run from the top of the source tree. */
#ifndef LUP_TEST_DATA_FIXTURE_H
#define LUP_TEST_DATA_FIXTURE_H

#include "helpers.h"
#include "core/internal.h"
#include "lup/import.h"

static inline void fixture_load(lup_db *db)
{
	lup_import *im;
	lup_err err;
	lup_buf sql = { 0 };
	char chunk[4096];
	size_t n;
	char *msg = NULL;
	FILE *fp;

	if (lup_import_read_file("tests/data/programme_people.csv", NULL, &im, &err) != 0)
		fail_msg("fixture people: %s", err.msg);
	if (lup_import_run(db, im, 0, NULL, &err) != 0)
		fail_msg("fixture import: %s", err.msg);
	lup_import_free(im);
	if (!(fp = fopen("tests/data/programme.sql", "r")))
		fail_msg("tests/data/programme.sql: cannot open");
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		lup_buf_add(&sql, chunk, n);
	fclose(fp);
	if (sqlite3_exec(db->h, sql.s, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("fixture SQL: %s", msg ? msg : "?");
	lup_buf_clear(&sql);
}

/* The text of a query's first column, in a static buffer. */
static inline const char *fixture_text(lup_db *db, const char *sql)
{
	static char buf[4096];
	sqlite3_stmt *st;
	buf[0] = '\0';
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db->h));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

#endif
