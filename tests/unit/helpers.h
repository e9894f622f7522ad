/* helpers.h — shared set-up for the unit tests: a fresh database in a
 * temporary folder, removed afterwards. */
#ifndef LUP_TEST_HELPERS_H
#define LUP_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "lup/db.h"

struct tdb {
	char dir[64];
	char path[128];
	lup_db *db;
};

static inline void tdb_open(struct tdb *t)
{
	lup_err err;
	snprintf(t->dir, sizeof t->dir, "/tmp/lup-unit-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/t.db", t->dir);
	if (lup_db_open(t->path, LUP_DB_CREATE, &t->db, &err) != 0)
		fail_msg("open: %s", err.msg);
}

static inline void tdb_close(struct tdb *t)
{
	char cmd[200];
	lup_db_close(t->db);
	t->db = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", t->dir);
}

#endif
