/* Unit tests for pager.c: pages forward and backward by key over a
 * table of its own, the rows of a backward page in the order shown, the
 * keys a list starts from, a page cut at its limit, a failing statement
 * named in the error, the row of an id, and the counts of a one-row
 * query. */
#include "helpers.h"
#include <sqlite3.h>
#include "core/internal.h"

struct row { char k[8]; char id[8]; long n; };

/* [backward][from a row] */
static const char *const page_sql[2][2] = {
	{ "SELECT k, id, n FROM pg ORDER BY k, id LIMIT ?3",
	  "SELECT k, id, n FROM pg WHERE (k, id) > (?1, ?2) ORDER BY k, id LIMIT ?3" },
	{ "SELECT k, id, n FROM pg ORDER BY k DESC, id DESC LIMIT ?3",
	  "SELECT k, id, n FROM pg WHERE (k, id) < (?1, ?2) ORDER BY k DESC, id DESC LIMIT ?3" },
};
/* the same with the ends bound as keys */
static const char *const keyed_sql[2] = {
	"SELECT k, id, n FROM pg WHERE (k, id) > (?1, ?2) ORDER BY k, id LIMIT ?3",
	"SELECT k, id, n FROM pg WHERE (k, id) < (?1, ?2) ORDER BY k DESC, id DESC LIMIT ?3",
};
static const char count_sql[] = "SELECT count(*), sum(n), count(*) FILTER (WHERE k > ?1) FROM pg";
/* fails as it steps: the integer overflows */
static const char bad_sql[] =
	"SELECT k, id, abs(-9223372036854775807 - n) FROM pg WHERE ?1 IS NOT 'x' ORDER BY k, id";

static void read_row(sqlite3_stmt *st, void *p)
{
	struct row *r = p;
	lup_col_copy(st, 0, r->k, sizeof r->k);
	lup_col_copy(st, 1, r->id, sizeof r->id);
	r->n = (long)sqlite3_column_int64(st, 2);
}

/* rows k = a…j, two ids each: (a,1) (a,2) (b,1) … (j,2), n their order */
static void fill(struct tdb *t)
{
	lup_err err;
	char sql[160];
	if (lup_exec(t->db, "CREATE TEMP TABLE pg (k TEXT, id TEXT, n INTEGER)", &err) < 0)
		fail_msg("%s", err.msg);
	for (int i = 0; i < 20; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO pg VALUES ('%c', '%d', %d)", 'a' + i / 2, 1 + i % 2, i);
		if (lup_exec(t->db, sql, &err) < 0)
			fail_msg("%s", err.msg);
	}
}

static int page(lup_db *db, const struct row *from, int back, int limit, struct row *rows, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, page_sql[back][from != NULL], err);
	if (!st)
		return -1;
	if (from) {
		sqlite3_bind_text(st, 1, from->k, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, from->id, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(st, 3, limit);
	return lup_page_rows(db, st, back, limit, rows, sizeof *rows, read_row, "listing", err);
}

static void test_forward_backward(void **state)
{
	struct tdb t;
	struct row rows[8], mark = { 0 };
	lup_err err;
	int n;
	(void)state;
	tdb_open(&t);
	fill(&t);
	memset(rows, 0x55, sizeof rows);
	n = page(t.db, NULL, 0, 6, rows, &err);
	assert_int_equal(n, 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(rows[i].n, i);
	/* the next page starts after the last row */
	mark = rows[5];
	n = page(t.db, &mark, 0, 6, rows, &err);
	assert_int_equal(n, 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(rows[i].n, 6 + i);
	/* backward from a row: the rows before it, in the order shown */
	mark = rows[0];   /* n 6 */
	n = page(t.db, &mark, 1, 4, rows, &err);
	assert_int_equal(n, 4);
	for (int i = 0; i < 4; i++)
		assert_int_equal(rows[i].n, 2 + i);
	/* fewer rows than asked: the count, rows in order */
	n = page(t.db, &mark, 1, 8, rows, &err);
	assert_int_equal(n, 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(rows[i].n, i);
	/* from the end */
	n = page(t.db, NULL, 1, 3, rows, &err);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].n, 17);
	assert_int_equal(rows[2].n, 19);
	assert_string_equal(rows[2].k, "j");
	assert_string_equal(rows[2].id, "2");
	/* past the end: nothing, and no error */
	mark = rows[2];
	assert_int_equal(page(t.db, &mark, 0, 3, rows, &err), 0);
	tdb_close(&t);
}

/* A row's fields it does not read are zeroed, not left from before. */
static void test_rows_zeroed(void **state)
{
	struct tdb t;
	struct row rows[2];
	lup_err err;
	(void)state;
	tdb_open(&t);
	fill(&t);
	memset(rows, 'x', sizeof rows);
	assert_int_equal(page(t.db, NULL, 0, 1, rows, &err), 1);
	assert_string_equal(rows[0].k, "a");
	assert_int_equal(rows[0].k[2], 0);
	assert_int_equal(rows[1].k[0], 'x');   /* past the count: untouched */
	tdb_close(&t);
}

static void test_bind_key(void **state)
{
	struct tdb t;
	struct row rows[4];
	lup_err err;
	sqlite3_stmt *st;
	(void)state;
	tdb_open(&t);
	fill(&t);
	/* no row: forward from "", backward from "~" */
	for (int back = 0; back < 2; back++) {
		assert_non_null(st = lup_stmt(t.db, keyed_sql[back], &err));
		lup_bind_key(st, 1, NULL, back);
		lup_bind_key(st, 2, NULL, back);
		sqlite3_bind_int(st, 3, 4);
		assert_int_equal(lup_page_rows(t.db, st, back, 4, rows, sizeof *rows, read_row, "x", &err), 4);
		assert_int_equal(rows[0].n, back ? 16 : 0);
		assert_int_equal(rows[3].n, back ? 19 : 3);
	}
	/* a row's key */
	assert_non_null(st = lup_stmt(t.db, keyed_sql[0], &err));
	lup_bind_key(st, 1, "c", 0);
	lup_bind_key(st, 2, "1", 0);
	sqlite3_bind_int(st, 3, 2);
	assert_int_equal(lup_page_rows(t.db, st, 0, 2, rows, sizeof *rows, read_row, "x", &err), 2);
	assert_int_equal(rows[0].n, 5);
	assert_int_equal(rows[1].n, 6);
	tdb_close(&t);
}

static void test_failure(void **state)
{
	struct tdb t;
	struct row rows[4];
	lup_err err;
	sqlite3_stmt *st;
	char *sql;
	(void)state;
	tdb_open(&t);
	fill(&t);
	assert_non_null(st = lup_stmt(t.db, bad_sql, &err));
	sqlite3_bind_text(st, 1, "bound", -1, SQLITE_STATIC);
	lup_err_clear(&err);
	assert_int_equal(lup_page_rows(t.db, st, 0, 4, rows, sizeof *rows, read_row, "listing things", &err), -1);
	assert_int_equal(err.code, LUP_EFAIL);
	assert_non_null(strstr(err.msg, "listing things"));
	/* finished: reset, its values unbound */
	assert_false(sqlite3_stmt_busy(st));
	assert_non_null(sql = sqlite3_expanded_sql(st));
	assert_null(strstr(sql, "bound"));
	sqlite3_free(sql);
	/* the statement was finished: the connection is usable, the cached
	 * statement runs again */
	assert_int_equal(page(t.db, NULL, 0, 2, rows, &err), 2);
	assert_non_null(st = lup_stmt(t.db, bad_sql, &err));
	assert_int_equal(lup_page_rows(t.db, st, 0, 4, rows, sizeof *rows, read_row, "again", &err), -1);
	assert_non_null(strstr(err.msg, "again"));
	tdb_close(&t);
}

/* Every row into a growing array; none; a failure part way. */
static void test_read_all(void **state)
{
	static const char all[] = "SELECT k, id, n FROM pg ORDER BY n";
	static const char none[] = "SELECT k, id, n FROM pg WHERE 0";
	struct tdb t;
	struct row *rows = (struct row *)&t;   /* not NULL: it is set */
	size_t n = 99;
	lup_err err;
	(void)state;
	tdb_open(&t);
	fill(&t);
	assert_int_equal(lup_read_all(t.db, lup_stmt(t.db, all, &err), &rows, &n, sizeof *rows, read_row,
	                              "reading", &err), 0);
	assert_int_equal(n, 20);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(rows[i].n, (long)i);
	assert_string_equal(rows[19].k, "j");
	free(rows);
	assert_int_equal(lup_read_all(t.db, lup_stmt(t.db, none, &err), &rows, &n, sizeof *rows, read_row,
	                              "reading", &err), 0);
	assert_int_equal(n, 0);
	assert_null(rows);
	/* the overflow comes on the second row: nothing is handed back */
	assert_int_equal(lup_read_all(t.db, lup_stmt(t.db, bad_sql, &err), &rows, &n, sizeof *rows, read_row,
	                              "reading things", &err), -1);
	assert_non_null(strstr(err.msg, "reading things"));
	assert_int_equal(n, 0);
	assert_null(rows);
	assert_int_equal(lup_read_all(t.db, NULL, &rows, &n, sizeof *rows, read_row, "x", &err), -1);
	assert_int_equal(n, 0);
	assert_null(rows);
	tdb_close(&t);
}

/* Fetch one: by id (?1), another parameter bound by the caller. */
static void test_get_row(void **state)
{
	static const char sql[] = "SELECT k, id, n FROM pg WHERE id = ?1 AND k = ?2";
	struct tdb t;
	struct row r;
	sqlite3_stmt *st;
	lup_err err;
	(void)state;
	tdb_open(&t);
	fill(&t);
	assert_non_null(st = lup_stmt(t.db, sql, &err));
	sqlite3_bind_text(st, 2, "c", -1, SQLITE_STATIC);
	memset(&r, 'x', sizeof r);
	assert_int_equal(lup_get_row(t.db, st, "2", &r, sizeof r, read_row, "reading", "no such row", &err), 0);
	assert_string_equal(r.k, "c");
	assert_int_equal(r.n, 5);
	/* none: not found, named; the row zeroed */
	assert_non_null(st = lup_stmt(t.db, sql, &err));
	sqlite3_bind_text(st, 2, "c", -1, SQLITE_STATIC);
	memset(&r, 'x', sizeof r);
	lup_err_clear(&err);
	assert_int_equal(lup_get_row(t.db, st, "3", &r, sizeof r, read_row, "reading", "no such row", &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_string_equal(err.msg, "no such row");
	assert_string_equal(r.k, "");
	assert_false(sqlite3_stmt_busy(st));
	/* no statement (lup_stmt failed and said why): -1, the row zeroed */
	memset(&r, 'x', sizeof r);
	assert_int_equal(lup_get_row(t.db, NULL, "2", &r, sizeof r, read_row, "reading", "no such row", &err), -1);
	assert_int_equal(r.n, 0);
	tdb_close(&t);
}

/* The statement on the row of an id; none: not found, named, finished; a
 * failing statement named. */
static void test_row_by_id(void **state)
{
	static const char sql[] = "SELECT k, n FROM pg WHERE id = ?1 AND k = 'd'";
	static const char bad_id[] = "SELECT abs(-9223372036854775807 - n) FROM pg WHERE id = ?1";
	struct tdb t;
	sqlite3_stmt *st;
	lup_err err;
	(void)state;
	tdb_open(&t);
	fill(&t);
	assert_non_null(st = lup_row_by_id(t.db, sql, "2", "reading", "no such row", &err));
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "d");
	assert_int_equal(sqlite3_column_int(st, 1), 7);
	lup_done(st);
	lup_err_clear(&err);
	assert_null(lup_row_by_id(t.db, sql, "3", "reading", "no such row", &err));
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_string_equal(err.msg, "no such row");
	lup_err_clear(&err);
	assert_null(lup_row_by_id(t.db, bad_id, "2", "reading things", "no such row", &err));
	assert_int_equal(err.code, LUP_EFAIL);
	assert_non_null(strstr(err.msg, "reading things"));
	/* the statements were finished: both run again */
	assert_non_null(st = lup_row_by_id(t.db, sql, "1", "reading", "no such row", &err));
	assert_int_equal(sqlite3_column_int(st, 1), 6);
	lup_done(st);
	assert_null(lup_row_by_id(t.db, bad_id, "2", "again", "no such row", &err));
	assert_non_null(strstr(err.msg, "again"));
	tdb_close(&t);
}

/* A query by the sort key of a text: found, not found, trimmed and
 * folded. */
static void test_step_key(void **state)
{
	static const char sql[] = "SELECT n FROM pg WHERE k = ?1 ORDER BY n LIMIT 1";
	struct tdb t;
	sqlite3_stmt *st;
	lup_err err;
	(void)state;
	tdb_open(&t);
	fill(&t);
	assert_int_equal(lup_step_key(t.db, sql, "  C ", &st, "reading", &err), SQLITE_ROW);
	assert_non_null(st);
	assert_int_equal(sqlite3_column_int(st, 0), 4);
	lup_done(st);
	assert_int_equal(lup_step_key(t.db, sql, "z", &st, "reading", &err), SQLITE_DONE);
	assert_null(st);
	/* finished: it runs again */
	assert_int_equal(lup_step_key(t.db, sql, "j", &st, "reading", &err), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 18);
	lup_done(st);
	tdb_close(&t);
}

static void test_count_row(void **state)
{
	struct tdb t;
	sqlite3_stmt *st;
	long c[3] = { -1, -1, -1 };
	lup_err err;
	(void)state;
	tdb_open(&t);
	fill(&t);
	assert_non_null(st = lup_stmt(t.db, count_sql, &err));
	sqlite3_bind_text(st, 1, "h", -1, SQLITE_STATIC);
	assert_int_equal(lup_count_row(t.db, st, c, 3, "counting", &err), 0);
	assert_int_equal(c[0], 20);
	assert_int_equal(c[1], 190);
	assert_int_equal(c[2], 4);
	/* a statement without a row is a failure, named */
	assert_non_null(st = lup_stmt(t.db, "SELECT 1 WHERE 0", &err));
	assert_int_equal(lup_count_row(t.db, st, c, 1, "counting nothing", &err), -1);
	assert_non_null(strstr(err.msg, "counting nothing"));
	tdb_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forward_backward),
		cmocka_unit_test(test_rows_zeroed),
		cmocka_unit_test(test_bind_key),
		cmocka_unit_test(test_failure),
		cmocka_unit_test(test_read_all),
		cmocka_unit_test(test_get_row),
		cmocka_unit_test(test_row_by_id),
		cmocka_unit_test(test_step_key),
		cmocka_unit_test(test_count_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
