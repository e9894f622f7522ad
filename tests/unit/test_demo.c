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

/* The demonstration is placed around its day: a fixed one here, so every
 * figure below holds on any day the tests run. */
#define DEMO_TODAY "2025-10-15"

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
	if (lup_demo_fill(f->db, f->cfg, 0, DEMO_TODAY, &err) < 0) {
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

/* How many cohorts have a status on a day, as lup derives it. */
#define STATUS_ON(day, status) \
	"SELECT count(*) FROM cohort c WHERE " \
	"lup_cohort_status(NULL, c.start_date, c.end_date, EXISTS (SELECT 1 FROM session s " \
	"WHERE s.cohort_id = c.id), '" day "') = '" status "'"

#define STATUS_ON_NOW(status) \
	"SELECT count(*) FROM cohort c WHERE " \
	"lup_cohort_status(NULL, c.start_date, c.end_date, EXISTS (SELECT 1 FROM session s " \
	"WHERE s.cohort_id = c.id), date('now', 'localtime')) = '" status "'"

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
	/* The programme spans the years of its cohorts: the pilots about two
	 * and a half years back, the planned cohorts up to a year on. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM programme WHERE target = 300 AND "
	                            "start_date = '2023-01-01' AND end_date = '2026-12-31'"), 1);
	assert_int_equal(q_long(db, "SELECT count(*) FROM block WHERE (seq, kind) IN "
	                            "(VALUES (1, 'ul'), (2, 'abw'), (3, 'egov')) AND min_attendance = 0.8"), 3);
	/* The pilots, by name, Pilot Halland full. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM enrolment e JOIN cohort c ON c.id = e.cohort_id "
	                            "WHERE c.name = 'Pilot Halland' AND e.status <> 'withdrawn'"), 16);
	assert_int_equal(q_long(db, "SELECT count(*) FROM cohort WHERE name IN ('Pilot Halland', 'Pilot 2') "
	                            "AND end_date < '2024-06-01'"), 2);
	/* Roll-out cohorts whose seats reach the target, numbered in order. */
	assert_true(q_long(db, "SELECT sum(capacity) FROM cohort") >= 300);
	assert_int_equal(q_long(db, "SELECT count(*) FROM cohort a JOIN cohort b ON a.name LIKE 'Omgång %' "
	                            "AND b.name LIKE 'Omgång %' AND lup_sortkey(a.name) < lup_sortkey(b.name) "
	                            "AND a.start_date > b.start_date"), 0);
	/* The status lup gives each on the demo's day: 13 done, 2 running,
	 * 2 open (with sessions), 2 planned (none yet); nothing is stored. */
	assert_int_equal(q_long(db, STATUS_ON(DEMO_TODAY, "done")), 13);
	assert_int_equal(q_long(db, STATUS_ON(DEMO_TODAY, "running")), 2);
	assert_int_equal(q_long(db, STATUS_ON(DEMO_TODAY, "open")), 2);
	assert_int_equal(q_long(db, STATUS_ON(DEMO_TODAY, "planned")), 2);
	assert_int_equal(q_long(db, "SELECT count(*) FROM cohort WHERE status_override IS NOT NULL"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM cohort c WHERE NOT EXISTS (SELECT 1 FROM session s "
	                            "WHERE s.cohort_id = c.id)"), 2);
	/* Waitlists and a withdrawal. */
	assert_true(q_long(db, "SELECT count(*) FROM enrolment WHERE status = 'waitlisted'") >= 2);
	assert_int_equal(q_long(db, "SELECT count(*) FROM enrolment WHERE status = 'withdrawn'"), 1);
	assert_int_equal(q_long(db, "SELECT count(*) FROM enrolment w WHERE w.status = 'waitlisted' AND "
	                            "EXISTS (SELECT 1 FROM enrolment e WHERE e.cohort_id = w.cohort_id AND "
	                            "e.status = 'enrolled' AND e.requested_at > w.requested_at)"), 0);
	assert_true(q_long(db, "SELECT count(*) FROM enrolment e JOIN cohort c ON c.id = e.cohort_id "
	                       "WHERE c.end_date < '" DEMO_TODAY "' AND e.status = 'completed'") > 150);
	/* Nobody asked for a seat, or got one, after the demo's day. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM enrolment WHERE requested_at > '" DEMO_TODAY "T23:59:59Z' "
	                            "OR enrolled_on > '" DEMO_TODAY "'"), 0);
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
	/* Study visits to the four organisations of the project, each in the
	 * register (Swedish, no network), none typed as text. */
	assert_int_equal(q_long(db, "SELECT count(DISTINCT h.name) FROM session s JOIN host_org h ON h.id = s.host_id "
	                            "WHERE s.kind = 'study_visit' AND h.country = 'SE' AND h.networks = '[]' "
	                            "AND h.contact_name IS NOT NULL AND h.name IN ('Swedbank', 'Försäkringskassan', "
	                            "'Nacka kommun', 'Kungälvs kommun')"), 4);
	assert_int_equal(q_long(db, "SELECT count(*) FROM session WHERE kind = 'study_visit' AND "
	                            "(host_id IS NULL OR host_name IS NOT NULL)"), 0);
	/* Attendance only for past sessions. */
	assert_true(q_long(db, "SELECT count(*) FROM attendance") > 1000);
	assert_int_equal(q_long(db, "SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id "
	                            "WHERE s.starts_at >= '" DEMO_TODAY "'"), 0);
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
		lup_buf_clear(&all);
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
	assert_int_equal(q_long(db, "SELECT count(*) FROM host_org WHERE country <> 'SE' AND (json_valid(networks) = 0 "
	                            "OR json_array_length(networks) = 0 OR lat IS NULL OR capacity IS NULL)"), 0);
	/* Agreements run around the demo's day (2014–2017 for a day in 2016). */
	assert_int_equal(q_long(db, "SELECT count(*) FROM host_org WHERE name = 'City of Tartu' AND "
	                            "agreement_start = '2023-09-01' AND agreement_end = '2026-08-31'"), 1);
	assert_int_equal(q_long(db, "SELECT count(DISTINCT status) FROM placement WHERE status IN "
	                            "('proposed', 'agreed', 'confirmed', 'completed', 'cancelled')"), 5);
	/* Erasmus+ job shadowing: 2-60 days, up to 2 travel days. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE "
	                            "julianday(end_date) - julianday(start_date) + 1 NOT BETWEEN 2 AND 60 "
	                            "OR travel_days NOT BETWEEN 0 AND 2"), 0);
	assert_true(q_long(db, "SELECT count(*) FROM placement WHERE green_travel = 1") > 0);
	/* Each status as its lifecycle requires. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE status = 'completed' AND "
	                            "(end_date >= '" DEMO_TODAY "' OR report_received = 0 OR reflection IS NULL)"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE status = 'confirmed' AND "
	                            "(agreement_signed = 0 OR travel_booked = 0)"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE status IN ('agreed', 'confirmed', "
	                            "'completed') AND objectives IS NULL"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE status = 'cancelled' AND "
	                            "cancel_reason IS NULL"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM placement WHERE status IN ('proposed', 'agreed', "
	                            "'confirmed') AND start_date <= '" DEMO_TODAY "'"), 0);
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
		lup_date d[8], today = { 2025, 10, 15 };
		int n = 0;
		long widest = 0;
		if (!list)
			continue;   /* a planned cohort: no sessions yet */
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
	assert_int_equal(cohorts, 17);
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
	assert_int_equal(q_long(db, "SELECT count(*) FROM checkin WHERE date > '" DEMO_TODAY "'"), 0);
	/* All 21 competences on every check-in, some not assessed. */
	assert_int_equal(q_long(db, "SELECT count(*) FROM checkin k WHERE (SELECT count(*) FROM rating r "
	                            "WHERE r.checkin_id = k.id) <> 21"), 0);
	assert_true(q_long(db, "SELECT count(*) FROM rating WHERE level IS NULL") > 0);
	/* Levels rise a little over time. */
	assert_true(q_long(db, "SELECT count(*) FROM (SELECT k.person_id, k.date, avg(r.level) a FROM checkin k "
	                       "JOIN rating r ON r.checkin_id = k.id WHERE k.kind = 'self' GROUP BY k.id) x "
	                       "WHERE a > (SELECT avg(r2.level) FROM checkin k2 JOIN rating r2 ON r2.checkin_id = k2.id "
	                       "WHERE k2.person_id = x.person_id AND k2.kind = 'self' AND k2.date < x.date)") > 100);
	/* Some overdue: the last final check-in more than 180 days old, by
	 * days or weeks, never by years (at most 70 days past the interval). */
	assert_true(q_long(db, "SELECT count(*) FROM (SELECT max(date) d FROM checkin WHERE status = 'final' "
	                       "GROUP BY person_id) WHERE d < date('" DEMO_TODAY "', '-180 days')") > 10);
	assert_int_equal(q_long(db, "SELECT count(*) FROM (SELECT max(date) d FROM checkin WHERE status = 'final' "
	                            "GROUP BY person_id) WHERE d < date('" DEMO_TODAY "', '-250 days')"), 0);
	assert_true(q_long(db, "SELECT count(*) FROM (SELECT max(date) d FROM checkin WHERE status = 'final' "
	                       "GROUP BY person_id) WHERE d >= date('" DEMO_TODAY "', '-180 days')") > 10);
	/* … and some due within the month (due_soon_days). */
	assert_true(q_long(db, "SELECT count(*) FROM (SELECT max(date) d FROM checkin WHERE status = 'final' "
	                       "GROUP BY person_id) WHERE d BETWEEN date('" DEMO_TODAY "', '-180 days') AND "
	                       "date('" DEMO_TODAY "', '-150 days')") > 3);
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
	assert_int_equal(lup_demo_fill(f->db, f->cfg, 0, DEMO_TODAY, &err), -1);
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
	assert_int_equal(lup_demo_fill(db, f->cfg, 300, DEMO_TODAY, &err), -1);
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
	assert_int_equal(lup_demo_fill(db, f->cfg, 19, DEMO_TODAY, &err), -1);
	assert_int_equal(err.code, LUP_EINVAL);
	assert_int_equal(lup_demo_fill(db, f->cfg, 1000001, DEMO_TODAY, &err), -1);
	assert_int_equal(err.code, LUP_EINVAL);
	assert_int_equal(q_long(db, "SELECT count(*) FROM person"), 0);
	assert_int_equal(q_long(db, "SELECT count(*) FROM programme"), 0);
	lup_db_close(db);
}

/* On any day the same shape: as many cohorts done, running, open and
 * planned (a summer day, a Christmas day, a Leap Day, the default day). */
static void test_same_shape_on_any_day(void **state)
{
	static const char *const days[] = { "2024-02-29", "2025-07-14", "2025-12-24", "2027-01-04" };
	struct fx *f = *state;
	lup_err err;

	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		char name[32], sql[600];
		lup_db *db;
		snprintf(name, sizeof name, "day%zu.db", i);
		db = open_new(f, name);
		if (lup_demo_fill(db, f->cfg, 0, days[i], &err) < 0)
			fail_msg("%s: %s", days[i], err.msg);
#define COUNT_ON(status) \
	(snprintf(sql, sizeof sql, "SELECT count(*) FROM cohort c WHERE lup_cohort_status(NULL, c.start_date, " \
	          "c.end_date, EXISTS (SELECT 1 FROM session s WHERE s.cohort_id = c.id), '%s') = '%s'", \
	          days[i], status), q_long(db, sql))
		assert_int_equal(COUNT_ON("done"), 13);
		assert_int_equal(COUNT_ON("running"), 2);
		assert_int_equal(COUNT_ON("open"), 2);
		assert_int_equal(COUNT_ON("planned"), 2);
#undef COUNT_ON
		/* nothing marked, asked or checked in after that day */
		snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM attendance a JOIN session s ON "
		         "s.id = a.session_id WHERE substr(s.starts_at, 1, 10) >= '%s') + (SELECT count(*) FROM "
		         "checkin WHERE date > '%s') + (SELECT count(*) FROM enrolment WHERE enrolled_on > '%s')",
		         days[i], days[i], days[i]);
		assert_int_equal(q_long(db, sql), 0);
		lup_db_close(db);
	}
}

/* Around a day in term time the running cohorts meet this week and next. */
static void test_sessions_this_week_and_next(void **state)
{
	struct fx *f = *state;
	/* DEMO_TODAY is a Wednesday: Monday 13 October to Sunday 26 October. */
	assert_true(q_long(f->db, "SELECT count(*) FROM session WHERE starts_at BETWEEN '2025-10-13' AND "
	                          "'2025-10-19 24:00'") > 0);
	assert_true(q_long(f->db, "SELECT count(*) FROM session WHERE starts_at BETWEEN '2025-10-20' AND "
	                          "'2025-10-26 24:00'") > 0);
}

/* Made on the real date: lives today, overdue by days or weeks only. */
static void test_lives_today(void **state)
{
	struct fx *f = *state;
	lup_db *db = open_new(f, "today.db");
	lup_err err;
	int problems = 0;

	assert_int_equal(lup_demo_fill(db, f->cfg, 0, NULL, &err), 0);
	assert_int_equal(q_long(db, STATUS_ON_NOW("running")), 2);
	assert_int_equal(q_long(db, STATUS_ON_NOW("open")), 2);
	assert_true(q_long(db, "SELECT count(*) FROM (SELECT max(date) d FROM checkin WHERE status = 'final' "
	                       "GROUP BY person_id) WHERE d < date('now', 'localtime', '-180 days')") > 5);
	assert_int_equal(q_long(db, "SELECT count(*) FROM (SELECT max(date) d FROM checkin WHERE status = 'final' "
	                            "GROUP BY person_id) WHERE d < date('now', 'localtime', '-250 days')"), 0);
	assert_int_equal(lup_db_check(db, count_problem, &problems, &err), 0);
	assert_int_equal(problems, 0);
	lup_db_close(db);
}

static void test_bad_day(void **state)
{
	struct fx *f = *state;
	lup_db *db = open_new(f, "badday.db");
	lup_err err;
	assert_int_equal(lup_demo_fill(db, f->cfg, 0, "2025-13-01", &err), -1);
	assert_int_equal(err.code, LUP_EINVAL);
	assert_string_equal(err.field, "today");
	assert_int_equal(q_long(db, "SELECT count(*) FROM person"), 0);
	lup_db_close(db);
}

/* The same number of people gives the same names, dates and statuses. */
static void test_deterministic(void **state)
{
	static const char *const queries[] = {
		"SELECT name, email, phone, org_unit, role, employee_no, search, "
		"(SELECT m.rowid FROM person m WHERE m.id = p.manager_id) FROM person p ORDER BY rowid",
		"SELECT name, start_date, end_date, facilitators FROM cohort ORDER BY rowid",
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

	assert_int_equal(lup_demo_fill(a, f->cfg, 700, DEMO_TODAY, &err), 0);
	assert_int_equal(lup_demo_fill(b, f->cfg, 700, DEMO_TODAY, &err), 0);
	assert_int_equal(lup_demo_fill(c, f->cfg, 701, DEMO_TODAY, &err), 0);
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

	assert_int_equal(lup_demo_fill(db, f->cfg, 3000, DEMO_TODAY, &err), 0);
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

	assert_int_equal(lup_demo_fill(db, f->cfg, 20, DEMO_TODAY, &err), 0);
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
		cmocka_unit_test(test_same_shape_on_any_day),
		cmocka_unit_test(test_sessions_this_week_and_next),
		cmocka_unit_test(test_lives_today),
		cmocka_unit_test(test_bad_day),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_scaled),
		cmocka_unit_test(test_smallest),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
