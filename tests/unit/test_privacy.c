/* test_privacy.c — a person's data in full; erasure leaves no copy in the
 * database file or its WAL; the retention rule. */
#include <sys/stat.h>
#include "data_fixture.h"
#include "lup/people.h"
#include "lup/privacy.h"

/* How many times `needle` occurs in the bytes of a file (0 if missing). */
static long occurrences(const char *path, const char *needle)
{
	FILE *fp = fopen(path, "rb");
	lup_buf b = { 0 };
	char chunk[65536];
	size_t n, k = strlen(needle);
	long count = 0;
	if (!fp)
		return 0;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		lup_buf_add(&b, chunk, n);
	fclose(fp);
	for (size_t i = 0; b.len >= k && i <= b.len - k; i++)
		if (memcmp(b.s + i, needle, k) == 0)
			count++;
	lup_buf_clear(&b);
	return count;
}

static long in_files(const struct tdb *t, const char *needle)
{
	char wal[160];
	snprintf(wal, sizeof wal, "%s-wal", t->path);
	return occurrences(t->path, needle) + occurrences(wal, needle);
}

static char *person_json(lup_db *db, const char *id)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	lup_err err;
	if (lup_person_export_json(db, id, fp, &err) != 0)
		fail_msg("person export: %s", err.msg);
	fclose(fp);
	return buf;
}

static void test_person_export(void **state)
{
	struct tdb t;
	char id[LUP_UUID_LEN + 1], *json;
	lup_err err;
	(void)state;
	tdb_open(&t);
	fixture_load(t.db);
	assert_int_equal(lup_person_find(t.db, "anna.berg@kungsbacka.se", id, &err), 0);
	json = person_json(t.db, id);
	assert_string_equal(fixture_text(t.db, "SELECT 1"), "1");
	{
		sqlite3_stmt *st;
		static const char q[] =
			"SELECT json_valid(?1), json_extract(?1, '$.person.name'), json_extract(?1, '$.person.manager.name'), "
			"json_array_length(?1, '$.enrolments'), json_array_length(?1, '$.attendance'), "
			"json_array_length(?1, '$.placements'), json_array_length(?1, '$.placements[0].log'), "
			"json_array_length(?1, '$.log'), json_array_length(?1, '$.checkins'), "
			"json_array_length(?1, '$.checkins[1].ratings'), json_extract(?1, '$.checkins[1].ratings[0].comment'), "
			"json_array_length(?1, '$.targets'), json_extract(?1, '$.checkins[2].assessor')";
		assert_int_equal(sqlite3_prepare_v2(t.db->h, q, -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 1);
		assert_string_equal(sqlite3_column_text(st, 1), "Anna Berg");
		assert_string_equal(sqlite3_column_text(st, 2), "Hugo Ivarsson");
		assert_int_equal(sqlite3_column_int(st, 3), 1);
		assert_int_equal(sqlite3_column_int(st, 4), 5);
		assert_int_equal(sqlite3_column_int(st, 5), 1);
		assert_int_equal(sqlite3_column_int(st, 6), 1);
		assert_int_equal(sqlite3_column_int(st, 7), 2);
		assert_int_equal(sqlite3_column_int(st, 8), 3);
		assert_int_equal(sqlite3_column_int(st, 9), 3);
		assert_string_equal(sqlite3_column_text(st, 10), "Anna Berg söker bättre nu");
		assert_int_equal(sqlite3_column_int(st, 11), 1);
		assert_string_equal(sqlite3_column_text(st, 12), "Hugo Ivarsson");
		sqlite3_finalize(st);
	}
	free(json);
	{
		FILE *fp = fopen("/dev/null", "w");
		assert_int_equal(lup_person_export_json(t.db, "00000000-0000-4000-8000-000000000000", fp, &err), -1);
		assert_int_equal(err.code, LUP_ENOTFOUND);
		fclose(fp);
	}
	tdb_close(&t);
}

static void test_erase_leaves_no_trace(void **state)
{
	static const char *const traces[] = {
		"Hugo Ivarsson", "hugo.ivarsson@kungsbacka.se", "hugo ivarsson", "0300-83 80 01",
		"Hugo Ivarssons egen anteckning",
	};
	struct tdb t;
	struct lup_erase_counts n = { 0 };
	char id[LUP_UUID_LEN + 1];
	lup_err err;
	(void)state;
	tdb_open(&t);
	fixture_load(t.db);
	/* Keep the WAL busy with old pages: a few changes after the load. */
	assert_int_equal(sqlite3_exec(t.db->h, "UPDATE person SET updated_at = updated_at", NULL, NULL, NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof traces / sizeof traces[0]; i++)
		if (in_files(&t, traces[i]) == 0)
			fail_msg("the test cannot see '%s' before the erase", traces[i]);

	assert_int_equal(lup_person_find(t.db, "8001", id, &err), 0);
	if (lup_person_erase(t.db, id, &n, &err) != 0)
		fail_msg("erase: %s", err.msg);
	assert_int_equal(n.people, 1);
	assert_int_equal(n.manager_refs, 4);
	assert_int_equal(n.assessor_refs, 1);
	assert_int_equal(n.log_entries, 1);
	for (size_t i = 0; i < sizeof traces / sizeof traces[0]; i++)
		if (in_files(&t, traces[i]) != 0)
			fail_msg("'%s' is still in the database or its WAL", traces[i]);
	/* The typed assessor name on Greta's check-in went too; others stay. */
	assert_string_equal(fixture_text(t.db, "SELECT count(*) FROM checkin WHERE assessor_name IS NOT NULL"), "0");
	assert_string_equal(fixture_text(t.db, "SELECT count(*) FROM person"), "7");
	assert_string_equal(fixture_text(t.db, "SELECT count(*) FROM checkin"), "8");
	assert_string_equal(fixture_text(t.db, "SELECT count(*) FROM session"), "10");
	assert_string_equal(fixture_text(t.db, "SELECT count(*) FROM cohort"), "2");
	assert_int_equal(lup_db_check(t.db, NULL, NULL, &err), 0);

	/* A participant: their rows go, a waiting person gets the seat. */
	memset(&n, 0, sizeof n);
	assert_int_equal(lup_person_find(t.db, "eva.frost@kungsbacka.se", id, &err), 0);
	assert_int_equal(lup_person_erase(t.db, id, &n, &err), 0);
	assert_int_equal(n.enrolments, 1);
	assert_int_equal(n.attendance, 3);
	assert_int_equal(n.placements, 1);
	assert_int_equal(n.promoted, 1);
	assert_string_equal(fixture_text(t.db, "SELECT e.status FROM enrolment e JOIN person p ON p.id = e.person_id "
	                                       "WHERE p.email = 'greta.holm@kungsbacka.se'"), "enrolled");
	assert_int_equal(lup_db_check(t.db, NULL, NULL, &err), 0);
	assert_int_equal(in_files(&t, "eva.frost@kungsbacka.se"), 0);

	/* Anna: ratings, placements with their log, her own check-ins. */
	memset(&n, 0, sizeof n);
	assert_int_equal(lup_person_find(t.db, "anna.berg@kungsbacka.se", id, &err), 0);
	assert_int_equal(lup_person_erase(t.db, id, &n, &err), 0);
	assert_int_equal(n.checkins, 3);
	assert_int_equal(n.ratings, 9);
	assert_int_equal(n.targets, 1);
	assert_int_equal(n.log_entries, 2);
	assert_int_equal(in_files(&t, "Anna Berg"), 0);
	assert_int_equal(in_files(&t, "Annas reflektion"), 0);
	assert_string_equal(fixture_text(t.db, "SELECT count(*) FROM target"), "1");  /* the role's */
	assert_int_equal(lup_person_erase(t.db, id, &n, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	tdb_close(&t);
}

static void collect(void *ud, const char *id, const char *name, const char *ended)
{
	lup_buf *b = ud;
	(void)id;
	lup_buf_printf(b, "%s %s;", name, ended);
}

static void test_purge(void **state)
{
	struct tdb t;
	struct lup_erase_counts n = { 0 };
	lup_buf b = { 0 };
	lup_err err;
	(void)state;
	tdb_open(&t);
	fixture_load(t.db);
	/* As of 2020-06-01 with 5 years: everything of theirs before 2015-06-01. */
	assert_int_equal(lup_purge_list(t.db, 5, "2020-06-01", collect, &b, &err), 3);
	assert_string_equal(b.s, "Anna Berg 2014-06-30;Cecilia Dahl 2014-06-30;David Ek 2014-04-01;");
	lup_buf_clear(&b);
	/* A year before 2017-06-01: Björn's placement of October 2016 keeps
	 * him, the cohort ending in September 2016 keeps its people. */
	assert_int_equal(lup_purge_list(t.db, 1, "2017-06-01", NULL, NULL, &err), 3);
	/* A year before 2018-01-01: everyone ever enrolled; Hugo never was. */
	assert_int_equal(lup_purge_list(t.db, 1, "2018-01-01", NULL, NULL, &err), 7);
	assert_int_equal(lup_purge_list(t.db, 0, "2017-06-01", NULL, NULL, &err), -1);
	assert_string_equal(fixture_text(t.db, "SELECT count(*) FROM person"), "8");  /* a list erases nothing */

	assert_int_equal(lup_purge(t.db, 5, "2020-06-01", NULL, NULL, &n, &err), 3);
	assert_int_equal(n.people, 3);
	assert_string_equal(fixture_text(t.db, "SELECT count(*) FROM person WHERE name IN ('Anna Berg', 'Cecilia Dahl', 'David Ek')"), "0");
	assert_string_equal(fixture_text(t.db, "SELECT count(*) FROM person"), "5");
	assert_int_equal(in_files(&t, "cecilia.dahl@kungsbacka.se"), 0);
	assert_int_equal(lup_db_check(t.db, NULL, NULL, &err), 0);
	assert_int_equal(lup_purge(t.db, 5, "2020-06-01", NULL, NULL, &n, &err), 0);
	tdb_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_person_export),
		cmocka_unit_test(test_erase_leaves_no_trace),
		cmocka_unit_test(test_purge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
