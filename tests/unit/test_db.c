/* test_db.c — opening, migrations, refusal of foreign files, transactions,
 * backup and check. */
#include "helpers.h"
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/internal.h"

static void test_create_private(void **state)
{
	struct tdb t;
	struct stat sb;
	(void)state;
	tdb_open(&t);
	assert_int_equal(stat(t.path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(lup_db_user_version(t.db), lup_db_schema_version());
	tdb_close(&t);
}

static void test_folder_created_0700(void **state)
{
	char dir[64], path[160];
	struct stat sb;
	lup_db *db;
	lup_err err;
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/lup-unit-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a/b/lup.db", dir);
	assert_int_equal(lup_db_open(path, LUP_DB_CREATE, &db, &err), 0);
	lup_db_close(db);
	snprintf(path, sizeof path, "%s/a/b", dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

static void test_pragmas(void **state)
{
	struct tdb t;
	sqlite3_stmt *st;
	(void)state;
	tdb_open(&t);
	static const struct { const char *sql; int want; } checks[] = {
		{ "PRAGMA foreign_keys", 1 }, { "PRAGMA synchronous", 2 },
		{ "PRAGMA secure_delete", 1 }, { "PRAGMA trusted_schema", 0 },
		{ "PRAGMA application_id", LUP_APPLICATION_ID },
	};
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		assert_int_equal(sqlite3_prepare_v2(t.db->h, checks[i].sql, -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), checks[i].want);
		sqlite3_finalize(st);
	}
	assert_int_equal(sqlite3_prepare_v2(t.db->h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	tdb_close(&t);
}

static void file_sum(const char *path, unsigned long *sum, long *size)
{
	FILE *fp = fopen(path, "rb");
	int c;
	*sum = 5381;
	*size = 0;
	assert_non_null(fp);
	while ((c = getc(fp)) != EOF) {
		*sum = *sum * 33 + (unsigned)c;
		(*size)++;
	}
	fclose(fp);
}

static void test_newer_refused_untouched(void **state)
{
	struct tdb t;
	lup_db *db2;
	lup_err err;
	unsigned long s1, s2;
	long n1, n2;
	char wal[160];
	(void)state;
	tdb_open(&t);
	assert_int_equal(lup_exec(t.db, "PRAGMA user_version = 99", &err), 0);
	lup_db_close(t.db);
	t.db = NULL;
	file_sum(t.path, &s1, &n1);
	assert_int_equal(lup_db_open(t.path, 0, &db2, &err), -1);
	assert_int_equal(err.code, LUP_EVERSION);
	assert_non_null(strstr(err.msg, "newer lup"));
	file_sum(t.path, &s2, &n2);
	assert_true(s1 == s2 && n1 == n2);
	snprintf(wal, sizeof wal, "%s-wal", t.path);
	assert_int_not_equal(access(wal, F_OK), 0);
	tdb_close(&t);
}

static void test_foreign_files_refused(void **state)
{
	struct tdb t;
	lup_db *db2;
	lup_err err;
	char path[160];
	sqlite3 *h;
	int fd;
	(void)state;
	tdb_open(&t);
	/* Not SQLite at all. */
	snprintf(path, sizeof path, "%s/junk.db", t.dir);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "this is not a database, just text......................................................................................", 120), 120);
	close(fd);
	assert_int_equal(lup_db_open(path, 0, &db2, &err), -1);
	assert_int_equal(err.code, LUP_ECORRUPT);
	/* Another program's SQLite database. */
	snprintf(path, sizeof path, "%s/other.db", t.dir);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE x(a); INSERT INTO x VALUES (1);", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(lup_db_open(path, 0, &db2, &err), -1);
	assert_int_equal(err.code, LUP_ECORRUPT);
	assert_non_null(strstr(err.msg, "another program"));
	/* Missing file without create, and a missing folder. */
	snprintf(path, sizeof path, "%s/none.db", t.dir);
	assert_int_equal(lup_db_open(path, 0, &db2, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	snprintf(path, sizeof path, "%s/no/such/dir/x.db", t.dir);
	assert_int_equal(lup_db_open(path, 0, &db2, &err), -1);
	assert_non_null(strstr(err.msg, "does not exist"));
	/* A folder. */
	assert_int_equal(lup_db_open(t.dir, LUP_DB_CREATE, &db2, &err), -1);
	tdb_close(&t);
}

static int count_people(lup_db *db)
{
	sqlite3_stmt *st;
	int n;
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT count(*) FROM person", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

#define INS(name) "INSERT INTO person (id, name, sort_name) VALUES (lower(hex(randomblob(18))), '" name "', " \
	"lup_sortkey('" name "'))"

static void test_nested_transactions(void **state)
{
	struct tdb t;
	lup_err err;
	(void)state;
	tdb_open(&t);
	/* The uuid check needs 36 characters: hex(randomblob(18)) gives them. */
	assert_int_equal(lup_db_begin(t.db, &err), 0);
	assert_int_equal(lup_exec(t.db, INS("A"), &err), 0);
	assert_int_equal(lup_db_begin(t.db, &err), 0);
	assert_int_equal(lup_exec(t.db, INS("B"), &err), 0);
	lup_db_rollback(t.db);                /* inner: B goes */
	assert_int_equal(lup_db_begin(t.db, &err), 0);
	assert_int_equal(lup_exec(t.db, INS("C"), &err), 0);
	assert_int_equal(lup_db_commit(t.db, &err), 0);   /* inner: C stays for now */
	assert_int_equal(lup_db_commit(t.db, &err), 0);   /* outer */
	assert_int_equal(count_people(t.db), 2);
	/* An outer rollback takes everything. */
	assert_int_equal(lup_db_begin(t.db, &err), 0);
	assert_int_equal(lup_exec(t.db, INS("D"), &err), 0);
	assert_int_equal(lup_db_begin(t.db, &err), 0);
	assert_int_equal(lup_exec(t.db, INS("E"), &err), 0);
	assert_int_equal(lup_db_commit(t.db, &err), 0);
	lup_db_rollback(t.db);
	assert_int_equal(count_people(t.db), 2);
	/* Constraint failures come back as errors. */
	assert_int_equal(lup_exec(t.db, "INSERT INTO person (id, name) VALUES ('short', 'X')", &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	tdb_close(&t);
}

/* A stamp changes with a write by this connection or by another. */
static void test_stamp(void **state)
{
	struct tdb t;
	struct lup_db_stamp a, b;
	lup_db *other;
	lup_err err;
	(void)state;
	tdb_open(&t);
	lup_db_stamp(t.db, &a);
	lup_db_stamp(t.db, &b);
	assert_true(lup_db_stamp_equal(&a, &b));
	assert_int_equal(lup_exec(t.db, "SELECT count(*) FROM person", &err), 0);
	lup_db_stamp(t.db, &b);
	assert_true(lup_db_stamp_equal(&a, &b));      /* reading changes nothing */
	assert_int_equal(lup_exec(t.db, INS("A"), &err), 0);
	lup_db_stamp(t.db, &b);
	assert_false(lup_db_stamp_equal(&a, &b));
	lup_db_stamp(t.db, &a);
	assert_int_equal(lup_db_open(t.path, 0, &other, &err), 0);
	assert_int_equal(lup_exec(other, INS("B"), &err), 0);
	lup_db_close(other);
	lup_db_stamp(t.db, &b);
	assert_false(lup_db_stamp_equal(&a, &b));
	tdb_close(&t);
}

static int problems;
static void on_problem(void *ud, const char *p)
{
	(void)ud;
	(void)p;
	problems++;
}

static void test_check_and_backup(void **state)
{
	struct tdb t;
	lup_err err;
	char bk[160];
	lup_db *copy;
	struct lup_db_counts c;
	(void)state;
	tdb_open(&t);
	assert_int_equal(lup_exec(t.db, INS("A"), &err), 0);
	problems = 0;
	assert_int_equal(lup_db_check(t.db, on_problem, NULL, &err), 0);
	assert_int_equal(problems, 0);
	/* A manager loop breaks one of lup's rules. */
	assert_int_equal(lup_exec(t.db,
		"INSERT INTO person (id, name) VALUES ('aaaaaaaa-0000-4000-8000-000000000001', 'P');"
		"INSERT INTO person (id, name, manager_id) VALUES ('aaaaaaaa-0000-4000-8000-000000000002', 'Q', "
		"'aaaaaaaa-0000-4000-8000-000000000001');"
		"UPDATE person SET manager_id = 'aaaaaaaa-0000-4000-8000-000000000002' "
		"WHERE id = 'aaaaaaaa-0000-4000-8000-000000000001'", &err), 0);
	assert_true(lup_db_check(t.db, on_problem, NULL, &err) > 0);
	snprintf(bk, sizeof bk, "%s/copy.db", t.dir);
	assert_int_equal(lup_db_backup(t.db, bk, &err), 0);
	assert_int_equal(lup_db_open(bk, 0, &copy, &err), 0);
	assert_int_equal(lup_db_counts(copy, &c, &err), 0);
	assert_int_equal(c.people, 3);
	lup_db_close(copy);
	/* A backup into a missing folder fails and says so. */
	snprintf(bk, sizeof bk, "%s/missing/copy.db", t.dir);
	assert_int_equal(lup_db_backup(t.db, bk, &err), -1);
	assert_non_null(strstr(err.msg, "copy.db"));
	tdb_close(&t);
}

static void test_resolve_id(void **state)
{
	struct tdb t;
	lup_err err;
	char id[LUP_UUID_LEN + 1];
	(void)state;
	tdb_open(&t);
	assert_int_equal(lup_exec(t.db,
		"INSERT INTO person (id, name) VALUES ('abcdef12-0000-4000-8000-000000000001', 'P');"
		"INSERT INTO person (id, name) VALUES ('abcdef12-0000-4000-8000-000000000002', 'Q');", &err), 0);
	assert_int_equal(lup_resolve_id(t.db, "person", "ABCDEF12-0000-4000-8000-000000000002", id, &err), 0);
	assert_string_equal(id, "abcdef12-0000-4000-8000-000000000002");
	assert_int_equal(lup_resolve_id(t.db, "person", "abcdef", id, &err), -1);
	assert_int_equal(err.code, LUP_EAMBIG);
	assert_int_equal(lup_resolve_id(t.db, "person", "abc", id, &err), -1);
	assert_int_equal(err.code, LUP_EINVAL);
	assert_int_equal(lup_resolve_id(t.db, "person", "ffffff", id, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	tdb_close(&t);
}

/* A database of schema version upto (in a new folder dir, the file in
 * path), as lup made it then, with rows (SQL) of that time; the
 * connection stays open for more.  done() removes the folder. */
static sqlite3 *old_database(char dir[64], char path[96], int upto, const char *rows)
{
	char sql[128];
	sqlite3 *h;
	snprintf(dir, 64, "/tmp/lup-v%d.XXXXXX", upto);
	assert_non_null(mkdtemp(dir));
	snprintf(path, 96, "%s/v%d.db", dir, upto);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(lup_sql_functions(h), SQLITE_OK);
	for (const struct lup_migration *m = lup_migrations; m->steps && m->version <= upto; m++)
		for (const char *const *q = m->steps; *q; q++)
			assert_int_equal(sqlite3_exec(h, *q, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
	         LUP_APPLICATION_ID, upto);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, rows, NULL, NULL, NULL), SQLITE_OK);
	return h;
}

static void done(const char *dir)
{
	char sql[128];
	snprintf(sql, sizeof sql, "rm -rf '%s'", dir);
	assert_int_equal(system(sql), 0);
}

/* Schema 3 from a database of schema 2: the stored cohort status goes
 * (what was set stays apart only when set again), sort keys are made
 * again, study-visit hosts typed as text are linked by name. */
static void test_upgrade_to_3(void **state)
{
	char dir[64], path[96];
	sqlite3 *h;
	lup_db *db;
	lup_err err;
	sqlite3_stmt *st;
	(void)state;

	h = old_database(dir, path, 2,
		"INSERT INTO person (id, name, org_unit, sort_name, sort_unit) VALUES "
		"('00000000-0000-4000-8000-000000000001', 'Anna Ek', 'Förskola 10', 'anna ek', 'f}rskola 10'),"
		"('00000000-0000-4000-8000-000000000002', 'Bo Ek', 'Förskola 2', 'bo ek', 'f}rskola 2');"
		"INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-000000000010', 'P');"
		"INSERT INTO cohort (id, programme_id, name, status, start_date, end_date) VALUES "
		"('00000000-0000-4000-8000-000000000020', '00000000-0000-4000-8000-000000000010', 'Omgång 1', "
		"'running', '2016-01-01', '2016-06-30');"
		"INSERT INTO host_org (id, name, country, sort_name) VALUES "
		"('00000000-0000-4000-8000-000000000030', 'Nacka kommun', 'SE', 'nacka kommun'),"
		"('00000000-0000-4000-8000-000000000031', 'Kungälvs kommun', 'SE', 'kung|lvs kommun'),"
		"('00000000-0000-4000-8000-000000000032', 'Kungälvs Kommun', 'SE', 'kung|lvs kommun');"
		"INSERT INTO session (id, cohort_id, title, kind, starts_at, ends_at, host_name) VALUES "
		"('00000000-0000-4000-8000-000000000040', '00000000-0000-4000-8000-000000000020', 'Nacka', "
		"'study_visit', '2016-02-01 09:00', '2016-02-01 15:00', ' NACKA kommun '),"
		"('00000000-0000-4000-8000-000000000041', '00000000-0000-4000-8000-000000000020', 'Kungälv', "
		"'study_visit', '2016-03-01 09:00', '2016-03-01 15:00', 'Kungälvs kommun'),"
		"('00000000-0000-4000-8000-000000000042', '00000000-0000-4000-8000-000000000020', 'Swedbank', "
		"'study_visit', '2016-04-01 09:00', '2016-04-01 15:00', 'Swedbank');");
	sqlite3_close(h);

	assert_int_equal(lup_db_open(path, 0, &db, &err), 0);
	assert_int_equal(lup_db_user_version(db), lup_db_schema_version());
	/* the stored status is gone; nothing set by hand */
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT count(*) FROM pragma_table_info('cohort') "
	                                    "WHERE name = 'status'", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	{
		const char *want[][2] = {
			{ "SELECT coalesce(status_override, '-') FROM cohort", "-" },
			/* Förskola 2 before Förskola 10 now */
			{ "SELECT group_concat(name, ',') FROM (SELECT name FROM person ORDER BY sort_unit)", "Bo Ek,Anna Ek" },
			/* linked: one organisation has the name (case and spaces aside) */
			{ "SELECT host_id || '|' || coalesce(host_name, '-') FROM session WHERE title = 'Nacka'",
			  "00000000-0000-4000-8000-000000000030|-" },
			/* two have it: the text stays; none has it: the text stays */
			{ "SELECT coalesce(host_id, '-') || '|' || host_name FROM session WHERE title = 'Kungälv'",
			  "-|Kungälvs kommun" },
			{ "SELECT coalesce(host_id, '-') || '|' || host_name FROM session WHERE title = 'Swedbank'",
			  "-|Swedbank" },
		};
		for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
			assert_int_equal(sqlite3_prepare_v2(db->h, want[i][0], -1, &st, NULL), SQLITE_OK);
			assert_int_equal(sqlite3_step(st), SQLITE_ROW);
			assert_string_equal((const char *)sqlite3_column_text(st, 0), want[i][1]);
			sqlite3_finalize(st);
		}
	}
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 0);
	lup_db_close(db);
	done(dir);
}

/* Schema 7 from a database of schema 5: every person gets their entry
 * in the Due list, with the day of their latest check-in that counts (a
 * final one, not one a final correction replaces, never a draft). */
static void test_upgrade_to_7(void **state)
{
	char dir[64], path[96];
	sqlite3 *h;
	lup_db *db;
	lup_err err;
	sqlite3_stmt *st;
	(void)state;

#define P(n) "'00000000-0000-4000-8000-00000000000" #n "'"
#define K(n) "'00000000-0000-4000-8000-0000000000c" #n "'"
#define F "'00000000-0000-4000-8000-0000000000f1'"
	h = old_database(dir, path, 5,
		"INSERT INTO person (id, name, role, active, search, sort_name, sort_role) VALUES "
		"(" P(1) ", 'Anna', 'Rektor', 1, 'anna', 'anna', 'rektor'), "
		"(" P(2) ", 'Bo', NULL, 1, 'bo', 'bo', ''), "
		"(" P(3) ", 'Cia', 'Rektor', 0, 'cia', 'cia', 'rektor');"
		"INSERT INTO framework (id, ident, name, version, content_hash, level_max, imported_at) VALUES "
		"(" F ", 'f', 'F', '1', 'x', 5, '2014-01-01T00:00:00Z');"
		"INSERT INTO checkin (id, person_id, framework_id, date, kind, status, supersedes_id) VALUES "
		"(" K(1) ", " P(1) ", " F ", '2015-01-10', 'self', 'final', NULL), "
		"(" K(2) ", " P(1) ", " F ", '2015-03-01', 'self', 'final', NULL), "
		"(" K(3) ", " P(1) ", " F ", '2015-02-01', 'self', 'final', " K(2) "), "
		"(" K(4) ", " P(1) ", " F ", '2015-04-01', 'self', 'draft', NULL), "
		"(" K(5) ", " P(2) ", " F ", '2015-05-01', 'self', 'draft', NULL), "
		"(" K(6) ", " P(3) ", " F ", '2014-05-01', 'manager', 'final', NULL);");
#undef P
#undef K
#undef F
	sqlite3_close(h);

	assert_int_equal(lup_db_open(path, 0, &db, &err), 0);
	assert_int_equal(lup_db_user_version(db), lup_db_schema_version());
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT group_concat(sort_name || ':' || active || ':' "
	                                    "|| sort_role || ':' || coalesce(last, '-'), ' ') FROM "
	                                    "(SELECT * FROM person_due ORDER BY sort_name)", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	/* Anna: 2015-03-01 is replaced by its correction of 2015-02-01 */
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	                    "anna:1:rektor:2015-02-01 bo:1::- cia:0:rektor:2014-05-01");
	sqlite3_finalize(st);
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 0);
	lup_db_close(db);
	done(dir);
}

/* lup_step and lup_run: a row, the end, a failure named and the
 * statement finished after it. */
static void test_step_run(void **state)
{
	static const char make[] = "CREATE TEMP TABLE sr (k TEXT PRIMARY KEY)";
	static const char put[] = "INSERT INTO sr VALUES (?1)";
	static const char get[] = "SELECT k FROM sr ORDER BY k";
	struct tdb t;
	sqlite3_stmt *st;
	lup_err err;
	(void)state;
	tdb_open(&t);
	assert_non_null(st = lup_stmt(t.db, make, &err));
	assert_int_equal(lup_run(t.db, st, "making", &err), 0);
	assert_non_null(st = lup_stmt(t.db, put, &err));
	sqlite3_bind_text(st, 1, "a", -1, SQLITE_STATIC);
	assert_int_equal(lup_run(t.db, st, "adding", &err), 0);
	assert_false(sqlite3_stmt_busy(st));
	assert_non_null(st = lup_stmt(t.db, put, &err));
	sqlite3_bind_text(st, 1, "a", -1, SQLITE_STATIC);   /* the same key again */
	assert_int_equal(lup_run(t.db, st, "adding again", &err), -1);
	assert_non_null(strstr(err.msg, "adding again"));
	assert_false(sqlite3_stmt_busy(st));
	assert_non_null(st = lup_stmt(t.db, get, &err));
	assert_int_equal(lup_step(t.db, st, "reading", &err), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "a");
	assert_int_equal(lup_step(t.db, st, "reading", &err), SQLITE_DONE);
	lup_done(st);
	tdb_close(&t);
}

/* The indexes of the person table and of its Due list copy (person_due),
 * and the person table's triggers, as sqlite_schema has them: "name sql"
 * lines. */
static void person_indexes(lup_db *db, char *out, size_t n)
{
	sqlite3_stmt *st;
	size_t k = 0;
	out[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL "
	                                    "AND ((type = 'index' AND tbl_name IN ('person', 'person_due')) "
	                                    "OR (type = 'trigger' AND tbl_name = 'person')) ORDER BY name",
	                                    -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && k < n)
		k += (size_t)snprintf(out + k, n - k, "%s %s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
}

/* A count from one query. */
static long count_of(lup_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long n;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Bulk loading: the person table's indexes that are not unique go, the
 * unique ones stay, and the same ones come back, by lup_bulk_end or by a
 * rollback.  The Due list's copy of each person goes with them (its
 * triggers and indexes) and lup_bulk_end makes it again from the people
 * there are then. */
static void test_bulk_indexes(void **state)
{
	struct tdb t;
	struct lup_bulk b = { 0 };
	char before[8192], during[8192], after[8192];
	lup_err err;
	(void)state;
	tdb_open(&t);
	person_indexes(t.db, before, sizeof before);
	assert_non_null(strstr(before, "CREATE INDEX"));
	assert_non_null(strstr(before, "CREATE UNIQUE INDEX"));
	for (int commit = 1; commit >= 0; commit--) {
		assert_int_equal(lup_db_begin(t.db, &err), 0);
		assert_int_equal(lup_bulk_begin(t.db, "person", &b, &err), 0);
		assert_true(b.n > 0);
		person_indexes(t.db, during, sizeof during);
		assert_null(strstr(during, "CREATE INDEX"));
		assert_null(strstr(during, "person_due_"));
		assert_non_null(strstr(during, "CREATE UNIQUE INDEX"));
		if (commit) {   /* a person added while the triggers are away */
			assert_int_equal(lup_exec(t.db, "INSERT INTO person (id, name, active, search, sort_name, "
			                          "sort_role) VALUES ('00000000-0000-4000-8000-0000000000b1', 'Bo', "
			                          "1, 'bo', 'bo', '')", &err), 0);
			assert_int_equal(count_of(t.db, "SELECT count(*) FROM person_due"), 0);
		}
		if (commit) {
			assert_int_equal(lup_bulk_end(t.db, &b, &err), 0);
			assert_int_equal(count_of(t.db, "SELECT count(*) FROM person_due WHERE person_id = "
			                           "'00000000-0000-4000-8000-0000000000b1'"), 1);
			assert_int_equal(lup_db_commit(t.db, &err), 0);
		} else {
			lup_db_rollback(t.db);
		}
		lup_bulk_clear(&b);
		assert_int_equal(b.n, 0);
		person_indexes(t.db, after, sizeof after);
		assert_string_equal(after, before);
	}
	/* a table without such indexes: nothing to do */
	assert_int_equal(lup_db_begin(t.db, &err), 0);
	assert_int_equal(lup_bulk_begin(t.db, "no_such_table", &b, &err), 0);
	assert_int_equal(b.n, 0);
	assert_int_equal(lup_bulk_end(t.db, &b, &err), 0);
	lup_db_rollback(t.db);
	tdb_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_private),
		cmocka_unit_test(test_folder_created_0700),
		cmocka_unit_test(test_pragmas),
		cmocka_unit_test(test_newer_refused_untouched),
		cmocka_unit_test(test_foreign_files_refused),
		cmocka_unit_test(test_nested_transactions),
		cmocka_unit_test(test_stamp),
		cmocka_unit_test(test_check_and_backup),
		cmocka_unit_test(test_resolve_id),
		cmocka_unit_test(test_upgrade_to_3),
		cmocka_unit_test(test_bulk_indexes),
		cmocka_unit_test(test_step_run),
		cmocka_unit_test(test_upgrade_to_7),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
