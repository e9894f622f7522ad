/* test_export.c — CSV quoting and line ends, the Excel flavour (with
 * Swedish headers), JSON through SQLite, names beside ids, and the people
 * round trip. */
#include "data_fixture.h"
#include "lup/export.h"
#include "lup/people.h"

/* excel: 0 plain CSV, 1 for Excel, 2 for Excel with Swedish headers */
static char *export_mem(lup_db *db, const char *table, enum lup_export_format f, int excel, long *rows)
{
	struct lup_export_opts o = { f, excel > 0, excel == 2 ? LUP_EXPORT_SV : LUP_EXPORT_EN };
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	lup_err err;
	assert_non_null(fp);
	if (lup_export_write(db, table, &o, fp, rows, &err) != 0)
		fail_msg("export %s: %s", table, err.msg);
	fclose(fp);
	return buf;
}

static int json_valid_array(const char *text, long *n)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int ok = 0;
	sqlite3_open(":memory:", &h);
	sqlite3_prepare_v2(h, "SELECT json_valid(?1) AND json_type(?1) = 'array', json_array_length(?1)", -1, &st, NULL);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		ok = sqlite3_column_int(st, 0);
		*n = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return ok;
}

static void add(lup_db *db, const char *name, const char *email, const char *unit, const char *role,
                const char *empno, const char *manager, char *id)
{
	struct lup_person p;
	lup_err err;
	memset(&p, 0, sizeof p);
	p.name = lup_strdup(name);
	p.email = lup_strdup(email);
	p.org_unit = lup_strdup(unit);
	p.role = lup_strdup(role);
	p.employee_no = lup_strdup(empno);
	p.manager_id = lup_strdup(manager);
	if (lup_person_save(db, &p, &err) != 0)
		fail_msg("add %s: %s", name, err.msg);
	if (id)
		strcpy(id, p.id);
	lup_person_clear(&p);
}

static void test_csv_quoting(void **state)
{
	struct tdb t;
	char *csv;
	long rows;
	char boss[LUP_UUID_LEN + 1];
	(void)state;
	tdb_open(&t);
	add(t.db, "Berg, Anna", "anna@x.se", "Service; kundtjänst", "Chef för \"Kontaktcenter\"", "1", NULL, boss);
	add(t.db, "Lindgren\nJohan", NULL, "Teknik", NULL, NULL, boss, NULL);
	csv = export_mem(t.db, "people", LUP_EXPORT_CSV, 0, &rows);
	assert_int_equal(rows, 2);
	assert_non_null(strstr(csv, "id,name,email,phone,unit,role,employee_no,manager,manager_name,active,"));
	assert_non_null(strstr(csv, "\"Berg, Anna\",anna@x.se,,Service; kundtjänst,\"Chef för \"\"Kontaktcenter\"\"\",1,,,1,"));
	assert_non_null(strstr(csv, "\"Lindgren\nJohan\",,,Teknik,,,1,\"Berg, Anna\",1,"));
	/* Every record ends in CRLF; no bare LF outside quotes. */
	assert_int_equal(csv[strlen(csv) - 1], '\n');
	assert_int_equal(csv[strlen(csv) - 2], '\r');
	free(csv);

	csv = export_mem(t.db, "people", LUP_EXPORT_CSV, 1, &rows);
	assert_memory_equal(csv, "\xef\xbb\xbfid;name;email;", 17);
	assert_non_null(strstr(csv, "Berg, Anna;anna@x.se;;\"Service; kundtjänst\";"));
	free(csv);

	/* For Swedish Excel in Swedish: the headers in the interface's words */
	csv = export_mem(t.db, "people", LUP_EXPORT_CSV, 2, &rows);
	assert_non_null(strstr(csv, "\xef\xbb\xbfId;Namn;E-post;Telefon;Enhet;Roll;Anställningsnummer;Chef;"
	                            "Chefens namn;Aktiv;Skapad;Ändrad\r\n"));
	assert_non_null(strstr(csv, "Berg, Anna;anna@x.se;;\"Service; kundtjänst\";"));
	free(csv);
	/* every column of every table has a Swedish header */
	for (const char *const *tb = lup_export_tables(); *tb; tb++) {
		char *en = export_mem(t.db, *tb, LUP_EXPORT_CSV, 0, NULL), *sv = export_mem(t.db, *tb, LUP_EXPORT_CSV, 2, NULL);
		char *line = strtok(en, "\r");
		for (char *col = strtok(line, ","); col; col = strtok(NULL, ","))
			if (strcmp(lup_export_header(col, LUP_EXPORT_SV), col) == 0 && strcmp(col, "id") != 0)
				fail_msg("%s: the column %s has no Swedish header", *tb, col);
		assert_null(strstr(sv, "created_at"));
		free(en);
		free(sv);
	}
	assert_string_equal(lup_export_header("employee_no", LUP_EXPORT_EN), "employee_no");

	csv = export_mem(t.db, "people", LUP_EXPORT_JSON, 0, &rows);
	{
		long n = 0;
		assert_true(json_valid_array(csv, &n));
		assert_int_equal(n, 2);
		assert_non_null(strstr(csv, "\"name\":\"Lindgren\\nJohan\""));
		assert_non_null(strstr(csv, "\"active\":1"));
	}
	free(csv);
	tdb_close(&t);
}

static void test_every_table(void **state)
{
	static const struct { const char *table; long rows; const char *has; } want[] = {
		{ "people", 8, "Hugo Ivarsson" },
		{ "cohorts", 2, "Pilot Halland,done,,4,2014-03-01,2014-06-30,0,3,0,1" },
		{ "sessions", 10, "Utvecklande ledarskap,ul,\"UL del 1, dag 1\",course_day,2014-03-03 09:00" },
		{ "enrolments", 7, "Greta Holm,greta.holm@kungsbacka.se,8107,c0000000-0000-4000-8000-000000000002,Omgång 1,Ledarutveckling,waitlisted,1" },
		{ "attendance", 23, "Studiebesök Nacka" },
		{ "hosts", 3, "Aarhus Kommune,municipality,DK,Aarhus,[]" },
		{ "placements", 4, "Cecilia Dahl,cecilia.dahl@kungsbacka.se,f0000000-0000-4000-8000-000000000002,Stadt Wien,AT" },
		{ "checkins", 8, "Hugo Ivarsson" },
		{ "ratings", 21, "Anna Berg söker bättre nu" },
	};
	struct tdb t;
	(void)state;
	tdb_open(&t);
	fixture_load(t.db);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		long rows, n = -1;
		char *csv = export_mem(t.db, want[i].table, LUP_EXPORT_CSV, 0, &rows);
		char *json = export_mem(t.db, want[i].table, LUP_EXPORT_JSON, 0, NULL);
		assert_int_equal(rows, want[i].rows);
		if (!strstr(csv, want[i].has))
			fail_msg("%s lacks %s", want[i].table, want[i].has);
		assert_true(json_valid_array(json, &n));
		assert_int_equal(n, want[i].rows);
		free(csv);
		free(json);
	}
	/* networks nests as JSON, not as a string */
	{
		char *json = export_mem(t.db, "hosts", LUP_EXPORT_JSON, 0, NULL);
		assert_non_null(strstr(json, "\"networks\":[]"));
		free(json);
	}
	{
		lup_err err;
		struct lup_export_opts o = { LUP_EXPORT_CSV, 0, LUP_EXPORT_EN };
		assert_int_equal(lup_export_write(t.db, "secrets", &o, stdout, NULL, &err), -1);
		assert_string_equal(lup_export_table_name("enrollments"), "enrolments");
		assert_null(lup_export_table_name("secrets"));
	}
	tdb_close(&t);
}

static const char people_fields[] =
	"SELECT group_concat(x, char(10)) FROM (SELECT p.name || '|' || coalesce(p.email, '') || '|' || "
	"coalesce(p.phone, '') || '|' || coalesce(p.org_unit, '') || '|' || coalesce(p.role, '') || '|' || "
	"coalesce(p.employee_no, '') || '|' || p.active || '|' || coalesce(m.name, '') AS x "
	"FROM person p LEFT JOIN person m ON m.id = p.manager_id ORDER BY p.sort_name, p.name)";

static void test_round_trip(void **state)
{
	struct tdb a, b;
	char *csv, want[4096], boss[LUP_UUID_LEN + 1], mid[LUP_UUID_LEN + 1];
	lup_import *im;
	struct lup_import_counts c;
	lup_err err;
	int excel;
	(void)state;
	tdb_open(&a);
	fixture_load(a.db);
	/* People who test the edges: quotes, delimiters, line breaks, a
	 * manager with neither e-mail nor employee number, an inactive one. */
	add(a.db, "Nameless Boss", NULL, "  spaced unit ", NULL, NULL, NULL, boss);
	add(a.db, "Semi;colon \"Q\"", "semi@x.se", "A,B", "Line\nbreak", NULL, boss, mid);
	{
		struct lup_person p;
		assert_int_equal(lup_person_get(a.db, mid, &p, &err), 0);
		p.active = 0;
		assert_int_equal(lup_person_save(a.db, &p, &err), 0);
		lup_person_clear(&p);
	}
	snprintf(want, sizeof want, "%s", fixture_text(a.db, people_fields));
	for (excel = 0; excel <= 2; excel++) {   /* plain, Excel, Excel with Swedish headers */
		csv = export_mem(a.db, "people", LUP_EXPORT_CSV, excel, NULL);
		tdb_open(&b);
		if (lup_import_parse(csv, strlen(csv), NULL, &im, &err) != 0)
			fail_msg("reimport: %s", err.msg);
		if (lup_import_run(b.db, im, 0, &c, &err) != 0)
			fail_msg("reimport: %s", err.msg);
		assert_int_equal(c.added, 10);
		lup_import_free(im);
		assert_string_equal(fixture_text(b.db, people_fields), want);
		tdb_close(&b);
		/* Into the database it came from: nothing changes. */
		assert_int_equal(lup_import_parse(csv, strlen(csv), NULL, &im, &err), 0);
		assert_int_equal(lup_import_run(a.db, im, 0, &c, &err), 0);
		assert_int_equal(c.unchanged, 10);
		lup_import_free(im);
		free(csv);
	}
	tdb_close(&a);
}

static void test_export_file(void **state)
{
	struct tdb t;
	struct lup_export_opts o = { LUP_EXPORT_JSON, 0, LUP_EXPORT_EN };
	char path[160];
	lup_err err;
	long rows;
	FILE *fp;
	(void)state;
	tdb_open(&t);
	fixture_load(t.db);
	snprintf(path, sizeof path, "%s/out.json", t.dir);
	assert_int_equal(lup_export_file(t.db, "cohorts", &o, path, &rows, &err), 0);
	assert_int_equal(rows, 2);
	assert_non_null(fp = fopen(path, "r"));
	fclose(fp);
	/* A failed export leaves the old file whole. */
	assert_int_equal(lup_export_file(t.db, "nothing", &o, path, &rows, &err), -1);
	assert_non_null(fp = fopen(path, "r"));
	fclose(fp);
	tdb_close(&t);
}

/* A spreadsheet's cell: one that starts like a formula starts with an
 * apostrophe, quoted as any field; others as lup_csv_put writes them. */
static void test_csv_cell(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0" },
		{ "+46 70", "'+46 70" },
		{ "-chef", "'-chef" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tx", "'\tx" },
		{ "\rx", "\"'\rx\"" },
		{ "=a,b", "\"'=a,b\"" },
		{ "=\"q\"", "\"'=\"\"q\"\"\"" },
		{ "Åsa = chef", "Åsa = chef" },
		{ "", "" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *buf = NULL;
		size_t n = 0;
		FILE *fp = open_memstream(&buf, &n);
		assert_non_null(fp);
		lup_csv_put_cell(fp, cases[i].in, ',');
		fclose(fp);
		assert_string_equal(buf, cases[i].out);
		free(buf);
	}
	{
		char *buf = NULL;
		size_t n = 0;
		FILE *fp = open_memstream(&buf, &n);
		lup_csv_put_cell(fp, NULL, ',');
		fclose(fp);
		assert_string_equal(buf, "");
		free(buf);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_every_table),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_export_file),
		cmocka_unit_test(test_csv_cell),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
