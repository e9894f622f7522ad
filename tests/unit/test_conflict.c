/* Unit tests for conflict.c and agenda.c: the UL rules as warnings, each
 * kind of scheduling conflict, Swedish holidays, the agenda and the month
 * grid. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "lup/agenda.h"
#include "lup/conflict.h"

static int conflicts(struct fx *f, const char *session, struct lup_warnings *w)
{
	lup_err err;
	int n;
	lup_warnings_clear(w);
	n = lup_session_conflicts(f->db, session, w, &err);
	if (n < 0)
		fx_fail("conflicts", &err);
	return n;
}

static const struct lup_warning *find(const struct lup_warnings *w, enum lup_warn_kind kind)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->v[i].kind == kind)
			return &w->v[i];
	return NULL;
}

static void set_cohort(struct fx *f, const char *id, int capacity, const char *facilitators,
                       const char *status, struct lup_warnings *w)
{
	struct lup_cohort c;
	lup_err err;
	assert_int_equal(lup_cohort_get(f->db, id, &c, &err), 0);
	if (capacity)
		c.capacity = capacity;
	if (facilitators) {
		free(c.facilitators);
		c.facilitators = strdup(facilitators);
	}
	if (status)
		snprintf(c.status_override, sizeof c.status_override, "%s", status);
	lup_warnings_clear(w);
	assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, w, NULL, &err), 0);
	lup_cohort_clear(&c);
}

/* ---- UL rules ---- */

static void test_ul_group_size(void **state)
{
	struct fx *f = *state;
	struct lup_warnings w = { 0 };
	char ids[20][LUP_ID_SIZE];
	const char *pp[20];
	struct lup_enrol_outcome out[20];
	lup_err err;

	/* 16 seats, two facilitators, open, nobody yet: too few. */
	set_cohort(f, f->cohort, 16, NULL, NULL, &w);
	assert_true(fx_has_warning(&w, LUP_WARN_GROUP_SMALL));
	assert_false(fx_has_warning(&w, LUP_WARN_CAPACITY));
	/* A planned cohort is still filling: no warning. */
	set_cohort(f, f->cohort, 0, NULL, "planned", &w);
	assert_false(fx_has_warning(&w, LUP_WARN_GROUP_SMALL));

	/* 20 seats with two facilitators: above 16. */
	set_cohort(f, f->cohort, 20, NULL, "open", &w);
	assert_true(fx_has_warning(&w, LUP_WARN_CAPACITY));
	for (int i = 0; i < 18; i++) {
		char name[16];
		snprintf(name, sizeof name, "P%02d", i);
		memcpy(ids[i], fx_person(f, name), LUP_ID_SIZE);
		pp[i] = ids[i];
	}
	assert_int_equal(lup_enrol_many(f->db, f->cohort, pp, 18, NULL, out, &err), 18);
	set_cohort(f, f->cohort, 0, NULL, NULL, &w);
	assert_true(fx_has_warning(&w, LUP_WARN_GROUP_LARGE));
	assert_false(fx_has_warning(&w, LUP_WARN_GROUP_SMALL));
	assert_non_null(strstr(find(&w, LUP_WARN_GROUP_LARGE)->msg, "18"));
	/* Three facilitators (comma-separated) allow 24. */
	set_cohort(f, f->cohort, 0, "Eva Ek, Olle Berg ,Kim Lund", NULL, &w);
	assert_false(fx_has_warning(&w, LUP_WARN_GROUP_LARGE));
	assert_false(fx_has_warning(&w, LUP_WARN_CAPACITY));
	set_cohort(f, f->cohort, 30, NULL, NULL, &w);
	assert_true(fx_has_warning(&w, LUP_WARN_CAPACITY));
	assert_int_equal(lup_facilitator_count("Eva; Olle, , Kim"), 3);
	assert_int_equal(lup_facilitator_count(""), 0);
	assert_int_equal(lup_facilitator_count(NULL), 0);

	/* A programme without UL has no UL rules. */
	{
		struct lup_block b;
		assert_int_equal(lup_block_get(f->db, fx_block(f, f->prog, "ul"), &b, &err), 0);
		snprintf(b.kind, sizeof b.kind, "other");
		assert_int_equal(lup_block_save(f->db, f->cfg, &b, &err), 0);
		lup_block_clear(&b);
		set_cohort(f, f->cohort, 0, "Eva Ek", NULL, &w);
		assert_int_equal(w.n, 0);
	}
	lup_warnings_clear(&w);
}

static void test_ul_parts(void **state)
{
	struct fx *f = *state;
	struct lup_warnings w = { 0 };
	char s3[LUP_ID_SIZE], p2[LUP_ID_SIZE];
	struct lup_session s;
	lup_err err;

	/* Part 1 on two days, with a gap: not three consecutive days. */
	fx_session(f, f->cohort, "ul", "course_day", "2015-09-07 09:00", "2015-09-07 17:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "course_day", "2015-09-08 09:00", "2015-09-08 17:00", NULL, NULL);
	memcpy(s3, fx_session(f, f->cohort, "ul", "course_day", "2015-09-10 09:00",
	                      "2015-09-10 17:00", NULL, NULL), sizeof s3);
	assert_int_equal(lup_cohort_warnings(f->db, f->cfg, f->cohort, &w, &err) >= 0, 1);
	assert_true(fx_has_warning(&w, LUP_WARN_UL_PART1));
	assert_non_null(strstr(find(&w, LUP_WARN_UL_PART1)->msg, "2015-09-10"));
	/* Moved to the 9th: 7, 8, 9 September.  No warning (saving shows it). */
	assert_int_equal(lup_session_get(f->db, s3, &s, &err), 0);
	snprintf(s.starts_at, sizeof s.starts_at, "2015-09-09 09:00");
	snprintf(s.ends_at, sizeof s.ends_at, "2015-09-09 17:00");
	lup_warnings_clear(&w);
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, &w, &err), 0);
	assert_false(fx_has_warning(&w, LUP_WARN_UL_PART1));
	lup_session_clear(&s);

	/* Part 2 five weeks later: too soon (8 weeks). */
	memcpy(p2, fx_session(f, f->cohort, "ul", "follow_up", "2015-10-14 09:00",
	                      "2015-10-14 17:00", NULL, NULL), sizeof p2);
	lup_warnings_clear(&w);
	assert_true(lup_cohort_warnings(f->db, f->cfg, f->cohort, &w, &err) >= 1);
	assert_true(fx_has_warning(&w, LUP_WARN_UL_PART2));
	assert_string_equal(find(&w, LUP_WARN_UL_PART2)->session_id, p2);
	/* 56 days after the last day of part 1: exactly 8 weeks, fine. */
	assert_int_equal(lup_session_get(f->db, p2, &s, &err), 0);
	snprintf(s.starts_at, sizeof s.starts_at, "2015-11-04 09:00");
	snprintf(s.ends_at, sizeof s.ends_at, "2015-11-04 17:00");
	lup_warnings_clear(&w);
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, &w, &err), 0);
	assert_false(fx_has_warning(&w, LUP_WARN_UL_PART2));
	/* A day earlier: warned, and it is still saved (a warning, not a refusal). */
	snprintf(s.starts_at, sizeof s.starts_at, "2015-11-03 09:00");
	snprintf(s.ends_at, sizeof s.ends_at, "2015-11-03 17:00");
	lup_warnings_clear(&w);
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, &w, &err), 0);
	assert_true(fx_has_warning(&w, LUP_WARN_UL_PART2));
	lup_session_clear(&s);
	assert_int_equal(lup_session_get(f->db, p2, &s, &err), 0);
	assert_string_equal(s.starts_at, "2015-11-03 09:00");
	lup_session_clear(&s);

	/* A UL cohort led by one facilitator. */
	set_cohort(f, f->cohort, 0, "Eva Ek", NULL, &w);
	assert_true(fx_has_warning(&w, LUP_WARN_FACILITATORS));
	lup_warnings_clear(&w);
}

/* Part 2 entered as course days in the UL block, weeks after part 1. */
static void test_ul_part2_as_course_days(void **state)
{
	struct fx *f = *state;
	struct lup_warnings w = { 0 };
	char d1[LUP_ID_SIZE], d2[LUP_ID_SIZE];
	struct lup_session s;
	lup_err err;

	fx_session(f, f->cohort, "ul", "course_day", "2016-01-12 08:30", "2016-01-12 17:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "course_day", "2016-01-13 08:30", "2016-01-13 17:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "course_day", "2016-01-14 08:30", "2016-01-14 17:00", NULL, NULL);
	/* Five weeks later: part 2, too soon. */
	memcpy(d1, fx_session(f, f->cohort, "ul", "course_day", "2016-02-18 08:30",
	                      "2016-02-18 17:00", NULL, NULL), sizeof d1);
	memcpy(d2, fx_session(f, f->cohort, "ul", "course_day", "2016-02-19 08:30",
	                      "2016-02-19 17:00", NULL, NULL), sizeof d2);
	assert_true(lup_cohort_warnings(f->db, f->cfg, f->cohort, &w, &err) >= 1);
	assert_false(fx_has_warning(&w, LUP_WARN_UL_PART1));
	assert_true(fx_has_warning(&w, LUP_WARN_UL_PART2));
	assert_string_equal(find(&w, LUP_WARN_UL_PART2)->session_id, d1);
	assert_non_null(strstr(find(&w, LUP_WARN_UL_PART2)->msg, "35 days"));
	/* Nine weeks later: fine. */
	assert_int_equal(lup_session_get(f->db, d1, &s, &err), 0);
	snprintf(s.starts_at, sizeof s.starts_at, "2016-03-17 08:30");
	snprintf(s.ends_at, sizeof s.ends_at, "2016-03-17 17:00");
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, NULL, &err), 0);
	lup_session_clear(&s);
	assert_int_equal(lup_session_get(f->db, d2, &s, &err), 0);
	snprintf(s.starts_at, sizeof s.starts_at, "2016-03-18 08:30");
	snprintf(s.ends_at, sizeof s.ends_at, "2016-03-18 17:00");
	lup_warnings_clear(&w);
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, &w, &err), 0);
	assert_false(fx_has_warning(&w, LUP_WARN_UL_PART1));
	assert_false(fx_has_warning(&w, LUP_WARN_UL_PART2));
	lup_session_clear(&s);
	/* A fourth course day ten days after part 1: still part 1, now too long. */
	fx_session(f, f->cohort, "ul", "course_day", "2016-01-24 08:30", "2016-01-24 17:00", NULL, NULL);
	lup_warnings_clear(&w);
	assert_true(lup_cohort_warnings(f->db, f->cfg, f->cohort, &w, &err) >= 1);
	assert_true(fx_has_warning(&w, LUP_WARN_UL_PART1));
	assert_non_null(strstr(find(&w, LUP_WARN_UL_PART1)->msg, "4 days from 2016-01-12 to 2016-01-24"));
	lup_warnings_clear(&w);
}

/* A UL schedule without part 1: missing, or after part 2 (the example
 * of a follow-up in January and three course days in March). */
static void test_ul_part1_missing_or_late(void **state)
{
	struct fx *f = *state;
	struct lup_warnings w = { 0 };
	char fu[LUP_ID_SIZE], d1[LUP_ID_SIZE];
	lup_err err;

	memcpy(fu, fx_session(f, f->cohort, "ul", "follow_up", "2027-01-11 09:00", "2027-01-11 17:00",
	                      NULL, NULL), sizeof fu);
	assert_true(lup_cohort_warnings(f->db, f->cfg, f->cohort, &w, &err) >= 1);
	assert_int_equal(fx_count_warnings(&w, LUP_WARN_UL_PART1), 1);
	assert_string_equal(find(&w, LUP_WARN_UL_PART1)->session_id, fu);
	assert_non_null(strstr(find(&w, LUP_WARN_UL_PART1)->msg, "part 1 is missing"));
	assert_non_null(strstr(find(&w, LUP_WARN_UL_PART1)->msg, "2027-01-11"));
	/* Course days come later: part 1 out of order, named by its first day. */
	memcpy(d1, fx_session(f, f->cohort, "ul", "course_day", "2027-03-15 09:00", "2027-03-15 17:00",
	                      NULL, NULL), sizeof d1);
	fx_session(f, f->cohort, "ul", "course_day", "2027-03-16 09:00", "2027-03-16 17:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "course_day", "2027-03-17 09:00", "2027-03-17 17:00", NULL, NULL);
	lup_warnings_clear(&w);
	assert_true(lup_cohort_warnings(f->db, f->cfg, f->cohort, &w, &err) >= 1);
	assert_int_equal(fx_count_warnings(&w, LUP_WARN_UL_PART1), 1);
	assert_string_equal(find(&w, LUP_WARN_UL_PART1)->session_id, d1);
	assert_non_null(strstr(find(&w, LUP_WARN_UL_PART1)->msg,
	                       "part 1 (course days from 2027-03-15) comes after part 2 began (2027-01-11)"));
	/* The follow-up moved after part 1: no part-1 warning, part 2 too soon. */
	{
		struct lup_session x;
		assert_int_equal(lup_session_get(f->db, fu, &x, &err), 0);
		snprintf(x.starts_at, sizeof x.starts_at, "2027-04-12 09:00");
		snprintf(x.ends_at, sizeof x.ends_at, "2027-04-12 17:00");
		lup_warnings_clear(&w);
		assert_int_equal(lup_session_save(f->db, f->cfg, &x, &w, &err), 0);
		lup_session_clear(&x);
		assert_false(fx_has_warning(&w, LUP_WARN_UL_PART1));
		assert_true(fx_has_warning(&w, LUP_WARN_UL_PART2));
		assert_non_null(strstr(find(&w, LUP_WARN_UL_PART2)->msg, "26 days"));
	}
	lup_warnings_clear(&w);
}

/* Part 1 of two consecutive days: too short, said so. */
static void test_ul_part1_too_short(void **state)
{
	struct fx *f = *state;
	struct lup_warnings w = { 0 };
	lup_err err;

	fx_session(f, f->cohort, "ul", "course_day", "2015-09-07 09:00", "2015-09-07 17:00", NULL, NULL);
	assert_true(lup_cohort_warnings(f->db, f->cfg, f->cohort, &w, &err) >= 1);
	assert_non_null(strstr(find(&w, LUP_WARN_UL_PART1)->msg,
	                       "too short: one day (2015-09-07); it should be 3 consecutive days"));
	fx_session(f, f->cohort, "ul", "course_day", "2015-09-08 09:00", "2015-09-08 17:00", NULL, NULL);
	lup_warnings_clear(&w);
	assert_true(lup_cohort_warnings(f->db, f->cfg, f->cohort, &w, &err) >= 1);
	assert_non_null(strstr(find(&w, LUP_WARN_UL_PART1)->msg,
	                       "too short: 2 days from 2015-09-07 to 2015-09-08"));
	lup_warnings_clear(&w);
}

/* Sessions outside the cohort's own dates, in any programme. */
static void test_outside_dates(void **state)
{
	struct fx *f = *state;
	struct lup_warnings w = { 0 };
	struct lup_cohort c;
	char early[LUP_ID_SIZE], late[LUP_ID_SIZE];
	lup_err err;

	assert_int_equal(lup_cohort_get(f->db, f->cohort, &c, &err), 0);
	snprintf(c.end_date, sizeof c.end_date, "2015-06-30");
	assert_int_equal(lup_cohort_save(f->db, f->cfg, &c, NULL, NULL, &err), 0);
	lup_cohort_clear(&c);
	memcpy(early, fx_session(f, f->cohort, "abw", "study_visit", "2015-01-05 09:00", "2015-01-05 15:00",
	                         NULL, NULL), sizeof early);
	fx_session(f, f->cohort, "abw", "study_visit", "2015-03-05 09:00", "2015-03-05 15:00", NULL, NULL);
	memcpy(late, fx_session(f, f->cohort, "abw", "study_visit", "2015-08-20 09:00", "2015-08-20 15:00",
	                        NULL, NULL), sizeof late);
	assert_true(lup_cohort_warnings(f->db, f->cfg, f->cohort, &w, &err) >= 2);
	assert_int_equal(fx_count_warnings(&w, LUP_WARN_OUTSIDE_DATES), 2);
	for (size_t i = 0; i < w.n; i++) {
		if (w.v[i].kind != LUP_WARN_OUTSIDE_DATES)
			continue;
		if (strcmp(w.v[i].session_id, early) == 0)
			assert_non_null(strstr(w.v[i].msg, "on 2015-01-05 is before the cohort starts (2015-01-12)"));
		else
			assert_non_null(strstr(w.v[i].msg, "on 2015-08-20 is after the cohort ends (2015-06-30)"));
	}
	lup_warnings_clear(&w);
}

/* ---- Conflicts ---- */

static void test_person_and_cohort_overlap(void **state)
{
	struct fx *f = *state;
	struct lup_warnings w = { 0 };
	char prog2[LUP_ID_SIZE], other[LUP_ID_SIZE], pid[LUP_ID_SIZE], a[LUP_ID_SIZE];
	char b[LUP_ID_SIZE], c[LUP_ID_SIZE], d[LUP_ID_SIZE];
	lup_err err;

	memcpy(prog2, fx_programme(f, "Digitalt ledarskap"), sizeof prog2);
	memcpy(other, fx_cohort(f, prog2, "Digital kull", 16, "Kim Lund", "open"), sizeof other);
	memcpy(pid, fx_person(f, "Lena Holm"), sizeof pid);
	assert_int_equal(lup_enrol(f->db, f->cohort, pid, NULL, NULL, &err), 0);
	assert_int_equal(lup_enrol(f->db, other, pid, NULL, NULL, &err), 0);

	memcpy(a, fx_session(f, f->cohort, "abw", "course_day", "2015-04-14 09:00",
	                     "2015-04-14 12:00", "Rum 1", NULL), sizeof a);
	memcpy(b, fx_session(f, other, "abw", "course_day", "2015-04-14 11:00",
	                     "2015-04-14 15:00", "Rum 2", NULL), sizeof b);
	assert_int_equal(conflicts(f, a, &w), 1);
	assert_int_equal(w.v[0].kind, LUP_WARN_PERSON_OVERLAP);
	assert_string_equal(w.v[0].person_id, pid);
	assert_string_equal(w.v[0].other_id, b);
	assert_non_null(strstr(w.v[0].msg, "Lena Holm"));
	assert_non_null(strstr(w.v[0].msg, "Digital kull"));
	/* Both ways. */
	assert_int_equal(conflicts(f, b, &w), 1);
	assert_int_equal(w.v[0].kind, LUP_WARN_PERSON_OVERLAP);

	/* Back to back is not an overlap. */
	memcpy(c, fx_session(f, other, "abw", "course_day", "2015-04-15 12:00",
	                     "2015-04-15 15:00", NULL, NULL), sizeof c);
	memcpy(d, fx_session(f, f->cohort, "abw", "course_day", "2015-04-15 09:00",
	                     "2015-04-15 12:00", NULL, NULL), sizeof d);
	assert_int_equal(conflicts(f, d, &w), 0);

	/* Withdrawn from the other cohort: no conflict left. */
	{
		char e[LUP_ID_SIZE];
		assert_int_equal(lup_enrol_find(f->db, prog2, pid, e, &err), 0);
		assert_int_equal(lup_enrol_withdraw(f->db, e, NULL, &err), 0);
		assert_int_equal(conflicts(f, a, &w), 0);
	}

	/* Two sessions of one cohort at once: one warning, not one per person. */
	memcpy(c, fx_session(f, f->cohort, "ul", "course_day", "2015-04-14 10:00",
	                     "2015-04-14 11:00", NULL, NULL), sizeof c);
	assert_int_equal(conflicts(f, c, &w), 1);
	assert_int_equal(w.v[0].kind, LUP_WARN_COHORT_OVERLAP);
	assert_string_equal(w.v[0].other_id, a);
	/* A long session that started days before still overlaps. */
	memcpy(d, fx_session(f, f->cohort, "abw", "study_visit", "2015-04-12 08:00",
	                     "2015-04-14 09:30", NULL, NULL), sizeof d);
	assert_int_equal(conflicts(f, a, &w), 2);
	assert_int_equal(fx_count_warnings(&w, LUP_WARN_COHORT_OVERLAP), 2);
	lup_warnings_clear(&w);
	{
		struct lup_warnings all = { 0 };
		assert_true(lup_cohort_conflicts(f->db, f->cohort, &all, &err) >= 4);
		lup_warnings_clear(&all);
	}
}

static void test_facilitator_and_location(void **state)
{
	struct fx *f = *state;
	struct lup_warnings w = { 0 };
	char other[LUP_ID_SIZE], a[LUP_ID_SIZE], b[LUP_ID_SIZE];

	memcpy(other, fx_cohort(f, f->prog, "Kull 2", 16, "Kim Lund, Ulla Åberg", "open"), sizeof other);
	/* Fixture cohort: "Eva Ek, Olle Berg".  The session names its own. */
	memcpy(a, fx_session(f, f->cohort, "ul", "course_day", "2015-05-18 09:00",
	                     "2015-05-18 16:00", "Stadshuset, sal A", "ulla aberg; Eva Ek"), sizeof a);
	memcpy(b, fx_session(f, other, "ul", "course_day", "2015-05-18 13:00",
	                     "2015-05-18 17:00", "stadshuset, sal a ", NULL), sizeof b);
	assert_int_equal(conflicts(f, a, &w), 2);
	assert_true(fx_has_warning(&w, LUP_WARN_FACILITATOR_OVERLAP));
	assert_non_null(strstr(find(&w, LUP_WARN_FACILITATOR_OVERLAP)->msg, "ulla aberg"));
	assert_true(fx_has_warning(&w, LUP_WARN_LOCATION));
	assert_string_equal(find(&w, LUP_WARN_LOCATION)->other_id, b);
	/* Another room, other facilitators: none. */
	{
		struct lup_session s;
		lup_err err;
		assert_int_equal(lup_session_get(f->db, a, &s, &err), 0);
		free(s.location);
		s.location = strdup("Stadshuset, sal B");
		free(s.facilitators);
		s.facilitators = NULL;        /* the cohort's: Eva Ek, Olle Berg */
		lup_warnings_clear(&w);
		assert_int_equal(lup_session_save(f->db, f->cfg, &s, &w, &err), 0);
		assert_false(fx_has_warning(&w, LUP_WARN_LOCATION));
		assert_false(fx_has_warning(&w, LUP_WARN_FACILITATOR_OVERLAP));
		lup_session_clear(&s);
	}
	assert_int_equal(conflicts(f, b, &w), 0);
	lup_warnings_clear(&w);
}

static void test_placement(void **state)
{
	struct fx *f = *state;
	struct lup_warnings w = { 0 };
	char pid[LUP_ID_SIZE], host[LUP_ID_SIZE], pl[LUP_ID_SIZE], s[LUP_ID_SIZE], s2[LUP_ID_SIZE];
	lup_err err;

	memcpy(pid, fx_person(f, "Maja Lind"), sizeof pid);
	assert_int_equal(lup_enrol(f->db, f->cohort, pid, NULL, NULL, &err), 0);
	memcpy(host, fx_host(f, "Stadt Wien", "Wien"), sizeof host);
	memcpy(pl, fx_placement(f, pid, host, "2015-05-04", "2015-05-08", "confirmed"), sizeof pl);
	fx_placement(f, pid, host, "2015-05-11", "2015-05-13", "cancelled");
	memcpy(s, fx_session(f, f->cohort, "egov", "course_day", "2015-05-08 09:00",
	                     "2015-05-08 12:00", NULL, NULL), sizeof s);
	assert_int_equal(conflicts(f, s, &w), 1);
	assert_int_equal(w.v[0].kind, LUP_WARN_PLACEMENT);
	assert_string_equal(w.v[0].other_id, pl);
	assert_string_equal(w.v[0].person_id, pid);
	assert_non_null(strstr(w.v[0].msg, "Stadt Wien"));
	/* The day after, and during the cancelled one: nothing. */
	memcpy(s2, fx_session(f, f->cohort, "egov", "course_day", "2015-05-12 09:00",
	                      "2015-05-12 12:00", NULL, NULL), sizeof s2);
	assert_int_equal(conflicts(f, s2, &w), 0);
	lup_warnings_clear(&w);
}

/* A placement over three of the cohort's sessions: in the cohort's list,
 * one warning naming the three sessions, not the same line three times. */
static void test_placement_clash_named_once(void **state)
{
	struct fx *f = *state;
	struct lup_warnings all = { 0 };
	char pid[LUP_ID_SIZE], host[LUP_ID_SIZE];
	const struct lup_warning *x;
	lup_err err;

	memcpy(pid, fx_person(f, "Maja Lind"), sizeof pid);
	assert_int_equal(lup_enrol(f->db, f->cohort, pid, "2015-01-12", NULL, &err), 0);
	memcpy(host, fx_host(f, "Stadt Wien", "Wien"), sizeof host);
	fx_placement(f, pid, host, "2015-05-04", "2015-05-08", "confirmed");
	fx_session(f, f->cohort, "ul", "course_day", "2015-05-05 09:00", "2015-05-05 17:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "course_day", "2015-05-06 09:00", "2015-05-06 17:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "course_day", "2015-05-07 09:00", "2015-05-07 17:00", NULL, NULL);
	assert_true(lup_cohort_conflicts(f->db, f->cohort, &all, &err) >= 1);
	assert_int_equal(fx_count_warnings(&all, LUP_WARN_PLACEMENT), 1);
	x = find(&all, LUP_WARN_PLACEMENT);
	assert_non_null(strstr(x->msg, "Maja Lind is on job shadowing at Stadt Wien from 2015-05-04 to 2015-05-08"));
	assert_non_null(strstr(x->msg, "(2015-05-05)"));
	assert_non_null(strstr(x->msg, "(2015-05-06)"));
	assert_non_null(strstr(x->msg, "(2015-05-07)"));
	lup_warnings_clear(&all);
}

static void test_holidays(void **state)
{
	struct fx *f = *state;
	struct lup_warnings w = { 0 };
	char s[LUP_ID_SIZE];

	/* Midsummer Eve 2015: a de facto day off. */
	memcpy(s, fx_session(f, f->cohort, "abw", "course_day", "2015-06-19 09:00",
	                     "2015-06-19 12:00", NULL, NULL), sizeof s);
	assert_int_equal(conflicts(f, s, &w), 1);
	assert_int_equal(w.v[0].kind, LUP_WARN_HOLIDAY);
	assert_non_null(strstr(w.v[0].msg, "2015-06-19"));
	assert_non_null(strstr(w.v[0].msg, "Midsummer Eve"));
	/* Ascension Day 2016: a public holiday. */
	memcpy(s, fx_session(f, f->cohort, "abw", "course_day", "2016-05-05 09:00",
	                     "2016-05-05 12:00", NULL, NULL), sizeof s);
	assert_int_equal(conflicts(f, s, &w), 1);
	assert_int_equal(w.v[0].kind, LUP_WARN_HOLIDAY);
	assert_non_null(strstr(w.v[0].msg, "Ascension Day"));
	/* The days around them are working days. */
	memcpy(s, fx_session(f, f->cohort, "abw", "course_day", "2016-05-04 09:00",
	                     "2016-05-04 12:00", NULL, NULL), sizeof s);
	assert_int_equal(conflicts(f, s, &w), 0);
	/* A three-day session over Christmas: Eve, Day and Boxing Day. */
	memcpy(s, fx_session(f, f->cohort, "abw", "other", "2015-12-23 09:00",
	                     "2015-12-26 12:00", NULL, NULL), sizeof s);
	assert_int_equal(conflicts(f, s, &w), 3);
	lup_warnings_clear(&w);
}

/* ---- Agenda and month ---- */

static void test_agenda(void **state)
{
	struct fx *f = *state;
	struct lup_agenda_query q = { NULL, NULL, NULL, 1 };
	struct lup_session_row rows[20], anchor;
	struct lup_month m;
	char other[LUP_ID_SIZE];
	lup_err err;
	long n;
	int k;

	memcpy(other, fx_cohort(f, f->prog, "Kull 2", 16, NULL, "open"), sizeof other);
	fx_session(f, f->cohort, "ul", "course_day", "2015-12-30 09:00", "2015-12-30 16:00", NULL, NULL);
	fx_session(f, other, "ul", "course_day", "2016-01-04 09:00", "2016-01-04 16:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "course_day", "2016-01-05 09:00", "2016-01-05 16:00", NULL, NULL);
	fx_session(f, other, "abw", "study_visit", "2016-01-06 09:00", "2016-01-07 16:00", NULL, NULL);
	fx_session(f, f->cohort, "ul", "follow_up", "2016-03-01 00:00", "2016-03-01 08:00", NULL, NULL);

	k = lup_agenda_page(f->db, &q, NULL, 1, 20, rows, &err);
	assert_int_equal(k, 5);
	/* ISO weeks across the year end: 30 Dec 2015 is week 53 of 2015. */
	assert_int_equal(rows[0].isoweek, 53);
	assert_int_equal(rows[0].isoyear, 2015);
	assert_int_equal(rows[1].isoweek, 1);
	assert_int_equal(rows[1].isoyear, 2016);
	assert_string_equal(rows[1].cohort, "Kull 2");
	assert_int_equal(rows[3].conflicts, 1);   /* 6 January: Epiphany */

	/* Jump to a date, then page back from there. */
	lup_agenda_anchor("2016-01-05", &anchor);
	k = lup_agenda_page(f->db, &q, &anchor, 1, 20, rows, &err);
	assert_int_equal(k, 3);
	assert_string_equal(rows[0].starts_at, "2016-01-05 09:00");
	k = lup_agenda_page(f->db, &q, &anchor, -1, 20, rows, &err);
	assert_int_equal(k, 2);
	assert_string_equal(rows[1].starts_at, "2016-01-04 09:00");
	lup_agenda_anchor("2016-03-01", &anchor);   /* a midnight start counts */
	assert_int_equal(lup_agenda_page(f->db, &q, &anchor, 1, 20, rows, &err), 1);

	/* One cohort, a range. */
	q.cohort_id = f->cohort;
	q.start = "2016-01-01";
	q.end = "2016-01-31";
	assert_int_equal(lup_agenda_count(f->db, &q, &n, &err), 0);
	assert_int_equal(n, 1);
	k = lup_agenda_page(f->db, &q, NULL, -1, 20, rows, &err);
	assert_int_equal(k, 1);
	assert_string_equal(rows[0].starts_at, "2016-01-05 09:00");
	q.cohort_id = NULL;
	assert_int_equal(lup_agenda_count(f->db, &q, &n, &err), 0);
	assert_int_equal(n, 3);

	/* January 2016: Friday the 1st, so the grid starts Monday 28 December. */
	assert_int_equal(lup_agenda_month(f->db, NULL, 2016, 1, &m, &err), 0);
	assert_int_equal(m.weeks, 5);
	assert_int_equal(m.isoweek[0], 53);
	assert_int_equal(m.isoweek[1], 1);
	assert_int_equal(m.cell[0][0].date.d, 28);
	assert_false(m.cell[0][0].in_month);
	assert_int_equal(m.cell[0][2].sessions, 1);        /* 30 December */
	assert_int_equal(m.cell[0][4].holiday, LUP_HOLIDAY); /* New Year's Day */
	assert_int_equal(m.cell[1][0].sessions, 1);        /* 4 January */
	assert_int_equal(m.cell[1][2].sessions, 1);        /* 6 January, two-day visit */
	assert_int_equal(m.cell[1][3].sessions, 1);        /* and 7 January */
	assert_int_equal(m.cell[1][2].holiday, LUP_HOLIDAY);
	assert_true(m.cell[1][5].weekend);
	assert_int_equal(lup_agenda_month(f->db, f->cohort, 2016, 1, &m, &err), 0);
	assert_int_equal(m.cell[1][0].sessions, 0);        /* the other cohort's */
	assert_int_equal(m.cell[1][1].sessions, 1);
	assert_int_equal(lup_agenda_month(f->db, NULL, 2016, 13, &m, &err), -1);
	/* February 2016 starts on a Monday: 5 rows; June 2015: Midsummer Eve. */
	assert_int_equal(lup_agenda_month(f->db, NULL, 2015, 6, &m, &err), 0);
	assert_int_equal(m.cell[2][4].date.d, 19);
	assert_int_equal(m.cell[2][4].holiday, LUP_DAY_OFF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ul_group_size, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ul_parts, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ul_part2_as_course_days, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ul_part1_missing_or_late, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ul_part1_too_short, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_outside_dates, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_placement_clash_named_once, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_person_and_cohort_overlap, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_facilitator_and_location, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_placement, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_holidays, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_agenda, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
