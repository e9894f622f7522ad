/* Unit tests for demo.c: the demonstration data set. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/internal.h"
#include "lup/cal.h"
#include "lup/config.h"
#include "lup/demo.h"
#include "lup/people.h"

struct fx {
	char dir[64];
	lup_config *cfg;
	lup_db *db;        /* filled with the default 300 people */
};

static lup_db *open_new(struct fx *f, const char *name)
{
	char path[128];
	lup_db *db = NULL;
	lup_err err;
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	if (lup_db_open(path, LUP_DB_CREATE, &db, &err) < 0)
		fail_msg("open %s: %s", path, err.msg);
	return db;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	lup_err err;
	snprintf(f->dir, sizeof f->dir, "/tmp/lup-test-demo.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	if (lup_config_load(NULL, &f->cfg, NULL, NULL, &err) < 0)
		return -1;
	f->db = open_new(f, "demo.db");
	if (lup_demo_fill(f->db, f->cfg, 0, &err) < 0) {
		print_error("demo fill: %s\n", err.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char cmd[160];
	lup_db_close(f->db);
	lup_config_free(f->cfg);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

/* One integer from a query. */
static long q_long(lup_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long v = -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db->h));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Every row of a query's columns, joined into one malloc'd string. */
static char *q_text(lup_db *db, const char *sql)
{
	sqlite3_stmt *st;
	lup_buf b = { 0 };
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db->h));
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *t = sqlite3_column_text(st, i);
			lup_buf_puts(&b, t ? (const char *)t : "NULL");
			lup_buf_puts(&b, "|");
		}
		lup_buf_puts(&b, "\n");
	}
	sqlite3_finalize(st);
	return b.s ? b.s : strdup("");
}

static void count_problem(void *ud, const char *problem)
{
	(void)problem;
	(*(int *)ud)++;
}

static void test_counts_and_shape(void **state)
{
	struct fx *f = *state;
	lup_db *db = f->db;

	assert_int_equal(q_long(db, "SELECT count(*) FROM person"), 300);
	assert_int_equal(q_long(db, "SELECT count(*) FROM programme WHERE target = 300 AND "
	                            "start_date = '2014-01-01' AND end_date = '2016-12-31'"), 1);
	assert_int_equal(q_long(db, "SELECT count(*) FROM block WHERE (seq, kind) IN "
	                            "(VALUES (1, 'ul'), (2, 'abw'), (3, 'egov')) AND min_attendance = 0.8"), 3);
	/* The pilots, by name, Pilot Halland full. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM enrolment e JOIN cohort c ON c.id = e.cohort_id "
	                            "WHERE c.name = 'Pilot Halland' AND e.status <> 'withdrawn'"), 16);
	assert_int_equal(q_long(db, "SELECT count(*) FROM cohort WHERE name IN ('Pilot Halland', 'Pilot 2') "
	                            "AND status = 'done' AND start_date < '2015-01-01'"), 2);
	/* Roll-out cohorts in 2015-2016 whose seats reach the target. */
	assert_true(q_long(db, "SELECT sum(capacity) FROM cohort") >= 300);
	assert_int_equal(q_long(db, "SELECT count(*) FROM cohort WHERE name LIKE 'Omgång %' AND "
	                            "(start_date < '2015-01-01' OR end_date > '2016-12-31')"), 0);
	/* Each status by date relative to the demo's today. */
	assert_int_equal(q_long(db, "SELECT count(DISTINCT status) FROM cohort"), 4);
	assert_int_equal(q_long(db, "SELECT count(*) FROM cohort WHERE (status = 'done' AND end_date >= '2016-05-16') "
	                            "OR (status <> 'done' AND end_date < '2016-05-16') "
	                            "OR (status IN ('open', 'planned') AND start_date <= '2016-05-16')"), 0);
	/* Waitlists and a withdrawal. */
	assert_true(q_long(db, "SELECT count(*) FROM enrolment WHERE status = 'waitlisted'") >= 2);
	assert_int_equal(q_long(db, "SELECT count(*) FROM enrolment WHERE status = 'withdrawn'"), 1);
	assert_int_equal(q_long(db, "SELECT count(*) FROM enrolment w WHERE w.status = 'waitlisted' AND "
	                            "EXISTS (SELECT 1 FROM enrolment e WHERE e.cohort_id = w.cohort_id AND "
	                            "e.status = 'enrolled' AND e.requested_at > w.requested_at)"), 0);
	assert_true(q_long(db, "SELECT count(*) FROM enrolment e JOIN cohort c ON c.id = e.cohort_id "
	                       "WHERE c.status = 'done' AND e.status = 'completed'") > 150);
	/* Managers are other people; facilitators are people too. */
	assert_true(q_long(db, "SELECT count(*) FROM person WHERE manager_id IS NOT NULL") > 250);
	assert_int_equal(q_long(db, "SELECT count(*) FROM person WHERE role = 'förvaltningschef' AND "
	                            "manager_id IS NULL"), 0);
	assert_true(q_long(db, "SELECT count(*) FROM person WHERE role LIKE 'handledare%'") >= 4);
	assert_true(q_long(db, "SELECT count(*) FROM person WHERE role LIKE 'handledare%'") <= 6);
	/* Fictional, unique addresses. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM person WHERE email NOT LIKE '%_@example.org'"), 0);
	assert_int_equal(q_long(db, "SELECT count(DISTINCT lower(email)) FROM person"), 300);
	assert_true(q_long(db, "SELECT count(*) FROM person WHERE name LIKE '%Ö%' OR name LIKE '%Å%' "
	                       "OR name LIKE '%Ä%' OR name LIKE '%ö%' OR name LIKE '%å%' OR name LIKE '%ä%'") > 0);
	/* Study visits to the four organisations of the project. */
	assert_int_equal(q_long(db, "SELECT count(DISTINCT host_name) FROM session WHERE kind = 'study_visit' "
	                            "AND host_name IN ('Swedbank', 'Försäkringskassan', 'Nacka kommun', "
	                            "'Kungälvs kommun')"), 4);
	/* Attendance only for past sessions. */
	assert_true(q_long(db, "SELECT count(*) FROM attendance") > 1000);
	assert_int_equal(q_long(db, "SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id "
	                            "WHERE s.starts_at >= '2016-05-16'"), 0);
	assert_int_equal(q_long(db, "SELECT count(DISTINCT status) FROM attendance"), 4);
	assert_true(q_long(db, "SELECT count(*) FROM log_entry WHERE session_id IS NOT NULL") > 0);
	assert_true(q_long(db, "SELECT count(*) FROM log_entry WHERE placement_id IS NOT NULL") > 0);
}

static void test_search_and_sort_keys(void **state)
{
	struct fx *f = *state;
	sqlite3_stmt *st;
	int rows = 0;

	/* As people.c computes them. */
	assert_int_equal(sqlite3_prepare_v2(f->db->h,
		"SELECT name, coalesce(email, ''), coalesce(org_unit, ''), coalesce(role, ''), "
		"coalesce(employee_no, ''), search, sort_name, sort_unit, sort_role FROM person "
		"WHERE rowid % 7 = 1", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *c[9];
		lup_buf all = { 0 };
		char *fold, *k1, *k2, *k3;
		for (int i = 0; i < 9; i++)
			c[i] = (const char *)sqlite3_column_text(st, i);
		lup_buf_printf(&all, "%s %s %s %s %s", c[0], c[1], c[2], c[3], c[4]);
		fold = lup_fold(all.s);
		k1 = lup_sortkey(c[0]);
		k2 = lup_sortkey(c[2]);
		k3 = lup_sortkey(c[3]);
		assert_string_equal(c[5], fold);
		assert_string_equal(c[6], k1);
		assert_string_equal(c[7], k2);
		assert_string_equal(c[8], k3);
		free(fold); free(k1); free(k2); free(k3);
		lup_buf_free(&all);
		rows++;
	}
	sqlite3_finalize(st);
	assert_true(rows > 30);
	assert_int_equal(q_long(f->db, "SELECT count(*) FROM host_org WHERE search = '' OR sort_name = ''"), 0);
}

static void test_network_and_placements(void **state)
{
	struct fx *f = *state;
	lup_db *db = f->db;

	assert_true(q_long(db, "SELECT count(*) FROM host_org") >= 12);
	assert_true(q_long(db, "SELECT count(DISTINCT country) FROM host_org") >= 6);
	assert_int_equal(q_long(db, "SELECT count(*) FROM host_org WHERE name = 'Drakenstein Municipality' "
	                            "AND country = 'ZA' AND networks LIKE '%ICLD%'"), 1);
	assert_int_equal(q_long(db, "SELECT count(*) FROM host_org WHERE json_valid(networks) = 0 "
	                            "OR json_array_length(networks) = 0 OR lat IS NULL OR capacity IS NULL"), 0);
	assert_int_equal(q_long(db, "SELECT count(DISTINCT status) FROM placement WHERE status IN "
	                            "('proposed', 'agreed', 'confirmed', 'completed', 'cancelled')"), 5);
	/* Erasmus+ job shadowing: 2-60 days, up to 2 travel days. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE "
	                            "julianday(end_date) - julianday(start_date) + 1 NOT BETWEEN 2 AND 60 "
	                            "OR travel_days NOT BETWEEN 0 AND 2"), 0);
	assert_true(q_long(db, "SELECT count(*) FROM placement WHERE green_travel = 1") > 0);
	/* Each status as its lifecycle requires. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE status = 'completed' AND "
	                            "(end_date >= '2016-05-16' OR report_received = 0 OR reflection IS NULL)"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE status = 'confirmed' AND "
	                            "(agreement_signed = 0 OR travel_booked = 0)"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE status IN ('agreed', 'confirmed', "
	                            "'completed') AND objectives IS NULL"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE status = 'cancelled' AND "
	                            "cancel_reason IS NULL"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE status IN ('proposed', 'agreed', "
	                            "'confirmed') AND start_date <= '2016-05-16'"), 0);
}

static void test_sessions_follow_the_rules(void **state)
{
	struct fx *f = *state;
	sqlite3_stmt *st;
	long sessions = 0, cohorts = 0;

	/* No session on a weekend or a Swedish public holiday. */
	assert_int_equal(sqlite3_prepare_v2(f->db->h, "SELECT starts_at, ends_at FROM session",
	                                    -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		lup_datetime a, b;
		const char *en = NULL;
		assert_int_equal(lup_datetime_parse((const char *)sqlite3_column_text(st, 0), &a), 0);
		assert_int_equal(lup_datetime_parse((const char *)sqlite3_column_text(st, 1), &b), 0);
		assert_true(lup_datetime_cmp(a, b) < 0);
		if (lup_holiday(a.date, &en, NULL) != LUP_WORKDAY)
			fail_msg("a session on %d-%02d-%02d, %s", a.date.y, a.date.m, a.date.d, en ? en : "");
		assert_true(lup_date_weekday(a.date) <= 5);
		sessions++;
	}
	sqlite3_finalize(st);
	assert_true(sessions > 150);

	/* UL: part 1 three consecutive days, part 2 at least 8 weeks later. */
	assert_int_equal(sqlite3_prepare_v2(f->db->h,
		"SELECT c.id, "
		" (SELECT group_concat(d, ',') FROM (SELECT substr(s.starts_at, 1, 10) d FROM session s "
		"   JOIN block b ON b.id = s.block_id WHERE s.cohort_id = c.id AND b.kind = 'ul' "
		"   ORDER BY s.starts_at)) FROM cohort c", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *list = (const char *)sqlite3_column_text(st, 1);
		lup_date d[8], today = { 2016, 5, 16 };
		int n = 0;
		long widest = 0;
		assert_non_null(list);
		for (const char *p = list; *p && n < 8; p += p[10] ? 11 : 10) {
			char one[11];
			memcpy(one, p, 10);
			one[10] = '\0';
			assert_int_equal(lup_date_parse(one, today, &d[n++]), 0);
		}
		assert_true(n >= 4);
		assert_int_equal(lup_date_diff(d[1], d[0]), 1);
		assert_int_equal(lup_date_diff(d[2], d[1]), 1);
		for (int i = 1; i < n; i++)
			if (lup_date_diff(d[i], d[i - 1]) > widest)
				widest = lup_date_diff(d[i], d[i - 1]);
		/* Measured from the last day of part 1 to the first of part 2. */
		assert_true(widest >= 56);
		assert_true(lup_date_diff(d[3], d[2]) >= 56);
		cohorts++;
	}
	sqlite3_finalize(st);
	assert_true(cohorts >= 19);
}

static void test_competence(void **state)
{
	struct fx *f = *state;
	lup_db *db = f->db;

	assert_int_equal(q_long(db, "SELECT count(*) FROM framework WHERE ident = 'digcomp' AND "
	                            "version = '2.2' AND name LIKE 'DigComp 2.2%' AND level_min = 1 AND level_max = 8 "
	                            "AND source LIKE '%digcomp-2.2.ini'"), 1);
	assert_int_equal(q_long(db, "SELECT count(*) FROM level WHERE name_sv IS NOT NULL AND band_sv IS NOT NULL"), 8);
	assert_int_equal(q_long(db, "SELECT count(DISTINCT band) FROM level"), 4);
	assert_int_equal(q_long(db, "SELECT count(*) FROM area WHERE name_sv IS NOT NULL"), 5);
	assert_int_equal(q_long(db, "SELECT count(*) FROM competence WHERE name_sv IS NOT NULL "
	                            "AND level_min = 1 AND level_max = 8"), 21);
	assert_int_equal(q_long(db, "SELECT count(*) FROM competence WHERE code IN ('1.1', '2.6', '3.4', '4.4', '5.4')"), 5);
	assert_int_equal(q_long(db, "SELECT count(DISTINCT t.role_key) FROM target t JOIN framework f "
	                            "ON f.id = t.framework_id WHERE f.ident = 'digcomp' AND t.valid_to IS NULL"), 3);
	assert_int_equal(q_long(db, "SELECT count(*) FROM target"), 63);
	/* every competence has its identity */
	assert_int_equal(q_long(db, "SELECT count(*) FROM competence WHERE identity = id"), 21);
	/* Self-assessments before and after, managers' reviews, drafts. */
	assert_true(q_long(db, "SELECT count(*) FROM checkin WHERE kind = 'self' AND status = 'final'") > 300);
	assert_true(q_long(db, "SELECT count(*) FROM checkin WHERE kind = 'manager' AND assessor_id IS NOT NULL") > 5);
	assert_true(q_long(db, "SELECT count(*) FROM checkin WHERE status = 'draft'") > 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM checkin WHERE date > '2016-05-16'"), 0);
	/* All 21 competences on every check-in, some not assessed. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM checkin k WHERE (SELECT count(*) FROM rating r "
	                            "WHERE r.checkin_id = k.id) <> 21"), 0);
	assert_true(q_long(db, "SELECT count(*) FROM rating WHERE level IS NULL") > 0);
	/* Levels rise a little over time. */
	assert_true(q_long(db, "SELECT count(*) FROM (SELECT k.person_id, k.date, avg(r.level) a FROM checkin k "
	                       "JOIN rating r ON r.checkin_id = k.id WHERE k.kind = 'self' GROUP BY k.id) x "
	                       "WHERE a > (SELECT avg(r2.level) FROM checkin k2 JOIN rating r2 ON r2.checkin_id = k2.id "
	                       "WHERE k2.person_id = x.person_id AND k2.kind = 'self' AND k2.date < x.date)") > 100);
	/* Some overdue: the last final check-in more than 180 days old. */
	assert_true(q_long(db, "SELECT count(*) FROM (SELECT max(date) d FROM checkin WHERE status = 'final' "
	                       "GROUP BY person_id) WHERE d < date('2016-05-16', '-180 days')") > 10);
	assert_true(q_long(db, "SELECT count(*) FROM (SELECT max(date) d FROM checkin WHERE status = 'final' "
	                       "GROUP BY person_id) WHERE d >= date('2016-05-16', '-180 days')") > 10);
}

static void test_check_finds_nothing(void **state)
{
	struct fx *f = *state;
	lup_err err;
	int problems = 0;
	assert_int_equal(lup_db_check(f->db, count_problem, &problems, &err), 0);
	assert_int_equal(problems, 0);
	assert_int_equal(q_long(f->db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

static void test_second_fill_refused(void **state)
{
	struct fx *f = *state;
	lup_err err;
	long sessions = q_long(f->db, "SELECT count(*) FROM session");
	assert_int_equal(lup_demo_fill(f->db, f->cfg, 0, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_non_null(strstr(err.msg, "300"));
	assert_int_equal(q_long(f->db, "SELECT count(*) FROM person"), 300);
	assert_int_equal(q_long(f->db, "SELECT count(*) FROM session"), sessions);
	assert_int_equal(q_long(f->db, "SELECT count(*) FROM programme"), 1);
}

static void test_refused_with_one_person(void **state)
{
	struct fx *f = *state;
	lup_db *db = open_new(f, "one.db");
	struct lup_person p;
	lup_err err;
	memset(&p, 0, sizeof p);
	p.name = strdup("Åsa Öberg");
	assert_int_equal(lup_person_save(db, &p, &err), 0);
	lup_person_clear(&p);
	assert_int_equal(lup_demo_fill(db, f->cfg, 300, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(q_long(db, "SELECT count(*) FROM person"), 1);
	assert_int_equal(q_long(db, "SELECT count(*) FROM programme"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM framework"), 0);
	lup_db_close(db);
}

static void test_bad_count(void **state)
{
	struct fx *f = *state;
	lup_db *db = open_new(f, "bad.db");
	lup_err err;
	assert_int_equal(lup_demo_fill(db, f->cfg, 19, &err), -1);
	assert_int_equal(err.code, LUP_EINVAL);
	assert_int_equal(lup_demo_fill(db, f->cfg, 1000001, &err), -1);
	assert_int_equal(err.code, LUP_EINVAL);
	assert_int_equal(q_long(db, "SELECT count(*) FROM person"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM programme"), 0);
	lup_db_close(db);
}

/* The same number of people gives the same names, dates and statuses. */
static void test_deterministic(void **state)
{
	static const char *const queries[] = {
		"SELECT name, email, phone, org_unit, role, employee_no, search, "
		"(SELECT m.rowid FROM person m WHERE m.id = p.manager_id) FROM person p ORDER BY rowid",
		"SELECT name, start_date, end_date, status, facilitators FROM cohort ORDER BY rowid",
		"SELECT c.name, s.title, s.starts_at, s.ends_at, s.location FROM session s "
		"JOIN cohort c ON c.id = s.cohort_id ORDER BY s.rowid",
		"SELECT p.rowid, e.status, e.requested_at, e.waitlist_pos, e.enrolled_on, e.ended_on "
		"FROM enrolment e JOIN person p ON p.id = e.person_id ORDER BY e.rowid",
		"SELECT p.rowid, a.status FROM attendance a JOIN person p ON p.id = a.person_id ORDER BY a.rowid",
		"SELECT p.rowid, h.name, x.start_date, x.end_date, x.status FROM placement x "
		"JOIN person p ON p.id = x.person_id JOIN host_org h ON h.id = x.host_id ORDER BY x.rowid",
		"SELECT p.rowid, k.date, k.kind, k.status, (SELECT group_concat(l) FROM (SELECT "
		"coalesce(level, '-') l FROM rating r WHERE r.checkin_id = k.id ORDER BY r.rowid)) "
		"FROM checkin k JOIN person p ON p.id = k.person_id ORDER BY k.rowid",
	};
	struct fx *f = *state;
	lup_db *a = open_new(f, "a.db"), *b = open_new(f, "b.db"), *c = open_new(f, "c.db");
	lup_err err;

	assert_int_equal(lup_demo_fill(a, f->cfg, 700, &err), 0);
	assert_int_equal(lup_demo_fill(b, f->cfg, 700, &err), 0);
	assert_int_equal(lup_demo_fill(c, f->cfg, 701, &err), 0);
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		char *x = q_text(a, queries[i]), *y = q_text(b, queries[i]), *z = q_text(c, queries[i]);
		assert_true(strlen(x) > 100);
		assert_string_equal(x, y);
		if (i == 0)  /* another size is another draw */
			assert_string_not_equal(x, z);
		free(x); free(y); free(z);
	}
	/* The ids themselves are random. */
	{
		char *x = q_text(a, "SELECT id FROM person ORDER BY rowid LIMIT 5");
		char *y = q_text(b, "SELECT id FROM person ORDER BY rowid LIMIT 5");
		assert_string_not_equal(x, y);
		free(x); free(y);
	}
	lup_db_close(a);
	lup_db_close(b);
	lup_db_close(c);
}

/* Scaled up: the same shape, still sound. */
static void test_scaled(void **state)
{
	struct fx *f = *state;
	lup_db *db = open_new(f, "big.db");
	lup_err err;
	int problems = 0;

	assert_int_equal(lup_demo_fill(db, f->cfg, 3000, &err), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM person"), 3000);
	assert_int_equal(q_long(db, "SELECT target FROM programme"), 3000);
	assert_true(q_long(db, "SELECT count(*) FROM cohort") >= 3000 / 16);
	assert_true(q_long(db, "SELECT sum(capacity) FROM cohort") >= 3000);
	assert_int_equal(q_long(db, "SELECT count(*) FROM enrolment e JOIN cohort c ON c.id = e.cohort_id "
	                            "WHERE c.name = 'Pilot Halland' AND e.status <> 'withdrawn'"), 16);
	assert_int_equal(q_long(db, "SELECT count(DISTINCT status) FROM placement"), 5);
	assert_true(q_long(db, "SELECT count(*) FROM checkin") > 500);
	assert_int_equal(lup_db_check(db, count_problem, &problems, &err), 0);
	assert_int_equal(problems, 0);
	lup_db_close(db);
}

/* The smallest demonstration the command line accepts is still sound. */
static void test_smallest(void **state)
{
	struct fx *f = *state;
	lup_db *db = open_new(f, "small.db");
	lup_err err;
	int problems = 0;

	assert_int_equal(lup_demo_fill(db, f->cfg, 20, &err), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM person"), 20);
	assert_int_equal(q_long(db, "SELECT count(DISTINCT status) FROM placement"), 5);
	assert_int_equal(lup_db_check(db, count_problem, &problems, &err), 0);
	assert_int_equal(problems, 0);
	lup_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_and_shape),
		cmocka_unit_test(test_search_and_sort_keys),
		cmocka_unit_test(test_network_and_placements),
		cmocka_unit_test(test_sessions_follow_the_rules),
		cmocka_unit_test(test_competence),
		cmocka_unit_test(test_check_finds_nothing),
		cmocka_unit_test(test_second_fill_refused),
		cmocka_unit_test(test_refused_with_one_person),
		cmocka_unit_test(test_bad_count),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_scaled),
		cmocka_unit_test(test_smallest),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
