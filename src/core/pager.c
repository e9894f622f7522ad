/* pager.c — paging by key: the loop every list query shares, and the
 * fetch of one row and of counts that go with it (internal.h). */
#include <stdlib.h>
#include <string.h>
#include "core/internal.h"

int lup_page_rows(lup_db *db, sqlite3_stmt *st, int back, int limit, void *rows, size_t size,
                  void (*read)(sqlite3_stmt *st, void *row), const char *what, lup_err *err)
{
	int n = 0, rc = SQLITE_DONE;
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *r = (char *)rows + (size_t)n++ * size;
		memset(r, 0, size);
		read(st, r);
	}
	if (n < limit && rc != SQLITE_DONE) {
		lup_sqlerr(db, err, what);
		lup_done(st);
		return -1;
	}
	lup_done(st);
	if (back)
		lup_reverse(rows, (size_t)n, size);
	return n;
}

void lup_bind_key(sqlite3_stmt *st, int i, const char *value, int back)
{
	sqlite3_bind_text(st, i, value ? value : back ? "~" : "", -1, SQLITE_TRANSIENT);
}

int lup_read_all(lup_db *db, sqlite3_stmt *st, void *rowsp, size_t *n, size_t size,
                 void (*read)(sqlite3_stmt *st, void *row), const char *what, lup_err *err)
{
	void *rows = NULL;
	size_t cap = 0;
	int rc = SQLITE_DONE;

	*n = 0;
	memcpy(rowsp, &rows, sizeof rows);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *r;
		if (lup_grow(&rows, &cap, *n + 1, size) < 0) {
			lup_done(st);
			free(rows);
			*n = 0;
			return lup_err_oom(err);
		}
		r = (char *)rows + *n * size;
		memset(r, 0, size);
		read(st, r);
		(*n)++;
	}
	if (rc != SQLITE_DONE) {
		lup_sqlerr(db, err, what);
		lup_done(st);
		free(rows);
		*n = 0;
		return -1;
	}
	lup_done(st);
	memcpy(rowsp, &rows, sizeof rows);
	return 0;
}

int lup_get_row(lup_db *db, sqlite3_stmt *st, const char *id, void *row, size_t size,
                void (*read)(sqlite3_stmt *st, void *row), const char *what, const char *missing,
                lup_err *err)
{
	int rc;
	memset(row, 0, size);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, what, err)) < 0)
		return -1;
	if (rc == SQLITE_ROW)
		read(st, row);
	lup_done(st);
	return rc == SQLITE_ROW ? 0 : lup_err_set(err, LUP_ENOTFOUND, "%s", missing);
}

sqlite3_stmt *lup_row_by_id(lup_db *db, const char *sql, const char *id, const char *what,
                            const char *missing, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, what, err)) < 0)
		return NULL;
	if (rc != SQLITE_ROW) {
		lup_done(st);
		lup_err_set(err, LUP_ENOTFOUND, "%s", missing);
		return NULL;
	}
	return st;
}

int lup_step_key(lup_db *db, const char *sql, const char *text, sqlite3_stmt **out, const char *what,
                 lup_err *err)
{
	char *key = lup_sortkey(text);
	int rc;
	*out = NULL;
	if (!key)
		return lup_err_oom(err);
	lup_trim(key);
	if (!(*out = lup_stmt(db, sql, err))) {
		free(key);
		return -1;
	}
	sqlite3_bind_text(*out, 1, key, -1, SQLITE_TRANSIENT);
	rc = lup_step(db, *out, what, err);
	free(key);
	if (rc == SQLITE_DONE)
		lup_done(*out);
	if (rc != SQLITE_ROW)
		*out = NULL;
	return rc;
}

int lup_count_row(lup_db *db, sqlite3_stmt *st, long *out, int n, const char *what, lup_err *err)
{
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_sqlerr(db, err, what);
		lup_done(st);
		return -1;
	}
	for (int i = 0; i < n; i++)
		out[i] = (long)sqlite3_column_int64(st, i);
	lup_done(st);
	return 0;
}
