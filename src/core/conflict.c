/* conflict.c — the UL rules and scheduling conflicts, as warnings.  What
 * counts as what is described in include/lup/conflict.h. */
#include <stdlib.h>
#include <string.h>
#include "core/prog.h"
#include "lup/cal.h"

/* ---- The cohort's rules ---- */

struct ul_day_set {
	long *day;
	int n;
	size_t cap;
};

static int add_day(struct ul_day_set *s, long d)
{
	long *slot;
	for (int i = 0; i < s->n; i++)
		if (s->day[i] == d)
			return 0;
	if (!(slot = LUP_PUSH(s->day, s->n, s->cap)))
		return -1;
	*slot = d;
	return 0;
}

/* The days a session covers: from its start's day to its end's day; an end
 * at midnight does not take in that day. */
static int session_days(const char *starts, const char *ends, long *first, long *last)
{
	lup_datetime a, b;
	if (lup_datetime_parse(starts, &a) < 0 || lup_datetime_parse(ends, &b) < 0)
		return -1;
	*first = lup_date_to_days(a.date);
	*last = lup_date_to_days(b.date);
	if (*last > *first && b.hh == 0 && b.mm == 0)
		(*last)--;
	return 0;
}

static void day_text(long d, char buf[11])
{
	lup_date_format(lup_date_from_days(d), buf);
}

int lup_cohort_warnings(lup_db *db, const lup_config *cfg, const char *cohort_id,
                        struct lup_warnings *w, lup_err *err)
{
	static const char info[] =
		"SELECT c.name, c.capacity, " LUP_P_COHORT_STATUS("c", "?2") ", c.facilitators, "
		"(SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status IN ('enrolled', 'completed')), "
		"EXISTS (SELECT 1 FROM block b WHERE b.programme_id = c.programme_id AND b.kind = 'ul') "
		"FROM cohort c WHERE c.id = ?1";
	static const char outside_sql[] =
		"SELECT s.id, s.title, substr(s.starts_at, 1, 10), c.start_date, c.end_date, "
		"c.start_date IS NOT NULL AND substr(s.starts_at, 1, 10) < c.start_date "
		"FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE s.cohort_id = ?1 "
		"AND ((c.start_date IS NOT NULL AND substr(s.starts_at, 1, 10) < c.start_date) "
		"  OR (c.end_date IS NOT NULL AND substr(s.ends_at, 1, 10) > c.end_date)) "
		"ORDER BY s.starts_at, s.id";
	static const char ul_sql[] =
		"SELECT s.id, s.kind, s.starts_at, s.ends_at FROM session s JOIN block b ON b.id = s.block_id "
		"WHERE s.cohort_id = ?1 AND b.kind = 'ul' ORDER BY s.starts_at, s.id";
	char name[128], status[16], first1[LUP_ID_SIZE] = "", first2[LUP_ID_SIZE] = "", today[11];
	char late1[LUP_ID_SIZE] = "";
	char *facilitators = NULL;
	struct ul_day_set part1 = { 0 };
	long seated, p2_first = 0, p1_last = 0, prev_end = 0, late1_day = 0;
	int capacity, has_ul, nfac, max, added = 0, ul_sessions = 0, rc, before = w ? (int)w->n : 0;
	sqlite3_stmt *st;

	if (!(st = lup_stmt(db, info, err)))
		return -1;
	lup_p_today(today);
	sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("checking the rules"), err)) < 0)
		return -1;
	if (rc != SQLITE_ROW) {
		lup_done(st);
		return lup_err_set(err, LUP_ENOTFOUND, _("no such cohort"));
	}
	lup_col_cut(st, 0, name, sizeof name);
	capacity = sqlite3_column_int(st, 1);
	lup_col_copy(st, 2, status, sizeof status);
	facilitators = lup_col_dup(st, 3);
	seated = sqlite3_column_int64(st, 4);
	has_ul = sqlite3_column_int(st, 5);
	lup_done(st);
	nfac = lup_facilitator_count(facilitators);
	free(facilitators);

#define WARN(kind, sess, ...) do { \
		if (lup_p_warn(w, kind, cohort_id, sess, NULL, NULL, err, __VA_ARGS__) < 0) \
			goto fail; \
	} while (0)
	st = NULL;

	if (seated > capacity)
		WARN(LUP_WARN_OVERBOOKED, NULL,
		     ngettext("%s: %ld person holds a seat but the capacity is %d; move someone back to "
		              "the waitlist, or raise the capacity",
		              "%s: %ld people hold seats but the capacity is %d; move someone back to the "
		              "waitlist, or raise the capacity", (unsigned long)seated), name, seated, capacity);

	/* Sessions outside the cohort's own dates. */
	if (!(st = lup_stmt(db, outside_sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("checking the rules"), err)) == SQLITE_ROW) {
		char sid[LUP_ID_SIZE], title[128], day[11], start[11], end[11];
		lup_col_copy(st, 0, sid, sizeof sid);
		lup_col_cut(st, 1, title, sizeof title);
		lup_col_copy(st, 2, day, sizeof day);
		lup_col_copy(st, 3, start, sizeof start);
		lup_col_copy(st, 4, end, sizeof end);
		if (sqlite3_column_int(st, 5))
			WARN(LUP_WARN_OUTSIDE_DATES, sid,
			     _("%s: '%s' on %s is before the cohort starts (%s)"), name, title, day, start);
		else
			WARN(LUP_WARN_OUTSIDE_DATES, sid,
			     _("%s: '%s' on %s is after the cohort ends (%s)"), name, title, day, end);
	}
	if (rc < 0)
		goto fail;
	lup_done(st);
	st = NULL;

	if (!has_ul || !cfg)
		goto done;

	max = (int)lup_config_int(cfg, nfac >= 3 ? "programme:ul_max_group_three" : "programme:ul_max_group");
	if (capacity > max)
		WARN(LUP_WARN_CAPACITY, NULL,
		     ngettext("%s: a capacity of %d is above UL's maximum of %d with %d facilitator",
		              "%s: a capacity of %d is above UL's maximum of %d with %d facilitators",
		              (unsigned long)nfac),
		     name, capacity, max, nfac);
	if (seated > max)
		WARN(LUP_WARN_GROUP_LARGE, NULL,
		     ngettext("%s: %ld participants; UL takes at most %d with %d facilitator (%ld with three)",
		              "%s: %ld participants; UL takes at most %d with %d facilitators (%ld with three)",
		              (unsigned long)nfac),
		     name, seated, max, nfac, lup_config_int(cfg, "programme:ul_max_group_three"));
	if ((strcmp(status, "open") == 0 || strcmp(status, "running") == 0) &&
	    seated < lup_config_int(cfg, "programme:ul_min_group"))
		WARN(LUP_WARN_GROUP_SMALL, NULL,
		     ngettext("%s: only %ld participant; UL needs at least %ld",
		              "%s: only %ld participants; UL needs at least %ld", (unsigned long)seated),
		     name, seated, lup_config_int(cfg, "programme:ul_min_group"));

	/* UL part 1 and part 2: the cohort's course days and follow-ups in
	 * UL blocks, in order.  Part 2 begins at the first follow-up, or at
	 * the first of them that starts LUP_UL_PART_GAP_DAYS or more after the
	 * one before ended; everything before it is part 1. */
	if (!(st = lup_stmt(db, ul_sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("checking the rules"), err)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		int follow = kind && strcmp(kind, "follow_up") == 0;
		long a, b;
		if (!follow && !(kind && strcmp(kind, "course_day") == 0))
			continue;
		ul_sessions++;
		if (session_days((const char *)sqlite3_column_text(st, 2),
		                 (const char *)sqlite3_column_text(st, 3), &a, &b) < 0)
			continue;
		if (!first2[0] && (follow || (part1.n > 0 && a - prev_end >= LUP_UL_PART_GAP_DAYS))) {
			lup_col_copy(st, 0, first2, sizeof first2);
			p2_first = a;
		}
		/* Course days after part 2 began while part 1 is missing: a
		 * part 1 out of order. */
		if (first2[0] && part1.n == 0 && !follow && !late1[0]) {
			lup_col_copy(st, 0, late1, sizeof late1);
			late1_day = a;
		}
		if (!first2[0]) {
			if (!first1[0])
				lup_col_copy(st, 0, first1, sizeof first1);
			for (long d = a; d <= b; d++)
				if (add_day(&part1, d) < 0) {
					lup_done(st);
					lup_err_oom(err);
					goto fail;
				}
		}
		prev_end = b > prev_end ? b : prev_end;
	}
	if (rc < 0)
		goto fail;
	lup_done(st);
	st = NULL;

	if (ul_sessions > 0 && nfac < 2)
		WARN(LUP_WARN_FACILITATORS, NULL,
		     _("%s: UL is led by two facilitators; the cohort names %d"), name, nfac);
	if (part1.n == 0 && first2[0]) {
		/* UL begins with part 2: part 1 is missing, or comes after it. */
		long need = lup_config_int(cfg, "programme:ul_part1_days");
		char a[11], b[11];
		day_text(p2_first, b);
		if (late1[0]) {
			long wk;
			day_text(late1_day, a);
			wk = lup_config_int(cfg, "programme:ul_part2_min_weeks");
			WARN(LUP_WARN_UL_PART1, late1,
			     ngettext("%s: UL part 1 (course days from %s) comes after part 2 began (%s); "
			              "part 1 comes first, part 2 at least %ld week after it",
			              "%s: UL part 1 (course days from %s) comes after part 2 began (%s); "
			              "part 1 comes first, part 2 at least %ld weeks after it", (unsigned long)wk),
			     name, a, b, wk);
		} else {
			WARN(LUP_WARN_UL_PART1, first2,
			     ngettext("%s: UL part 1 is missing: UL begins with a follow-up on %s; part 1 is "
			              "%ld course day before it",
			              "%s: UL part 1 is missing: UL begins with a follow-up on %s; part 1 is "
			              "%ld consecutive course days before it", (unsigned long)need),
			     name, b, need);
		}
	}
	if (part1.n > 0) {
		long lo = part1.day[0], hi = part1.day[0], need = lup_config_int(cfg, "programme:ul_part1_days");
		char a[11], b[11];
		for (int i = 1; i < part1.n; i++) {
			lo = part1.day[i] < lo ? part1.day[i] : lo;
			hi = part1.day[i] > hi ? part1.day[i] : hi;
		}
		p1_last = hi;
		day_text(lo, a);
		day_text(hi, b);
		if (hi - lo + 1 != part1.n)
			WARN(LUP_WARN_UL_PART1, first1,
			     ngettext("%s: UL part 1 should be %ld consecutive day; its %d days from %s to %s "
			              "have gaps",
			              "%s: UL part 1 should be %ld consecutive days; its %d days from %s to %s "
			              "have gaps", (unsigned long)need),
			     name, need, part1.n, a, b);
		else if (part1.n < need && part1.n == 1)
			WARN(LUP_WARN_UL_PART1, first1,
			     _("%s: UL part 1 is too short: one day (%s); it should be %ld consecutive days"),
			     name, a, need);
		else if (part1.n < need)
			WARN(LUP_WARN_UL_PART1, first1,
			     ngettext("%s: UL part 1 is too short: %d day from %s to %s; it should be %ld "
			              "consecutive days",
			              "%s: UL part 1 is too short: %d days from %s to %s; it should be %ld "
			              "consecutive days", (unsigned long)part1.n),
			     name, part1.n, a, b, need);
		else if (part1.n > need)
			WARN(LUP_WARN_UL_PART1, first1,
			     ngettext("%s: UL part 1 is too long: %d day from %s to %s (it should be %ld "
			              "consecutive days)",
			              "%s: UL part 1 is too long: %d days from %s to %s (it should be %ld "
			              "consecutive days)", (unsigned long)part1.n),
			     name, part1.n, a, b, need);
	}
	if (part1.n > 0 && first2[0]) {
		long weeks = lup_config_int(cfg, "programme:ul_part2_min_weeks");
		long gap = p2_first - p1_last;
		if (gap < weeks * 7) {
			char a[11], b[11];
			day_text(p1_last, a);
			day_text(p2_first, b);
			char want[200];
			snprintf(want, sizeof want,
			         ngettext("it should be at least %ld week (%ld days)",
			                  "it should be at least %ld weeks (%ld days)", (unsigned long)weeks),
			         weeks, weeks * 7);
			/* TRANSLATORS: the last %s is "it should be at least N weeks (N days)" */
			WARN(LUP_WARN_UL_PART2, first2,
			     ngettext("%s: UL part 2 (%s) begins %ld day after part 1 ends (%s); %s",
			              "%s: UL part 2 (%s) begins %ld days after part 1 ends (%s); %s",
			              (unsigned long)gap),
			     name, b, gap, a, want);
		}
	}
#undef WARN
done:
	free(part1.day);
	added = w ? (int)w->n - before : 0;
	return added;
fail:
	if (st)
		lup_done(st);
	free(part1.day);
	return -1;
}

/* ---- Conflicts of a session ---- */

/* "2015-03-02 09:00–16:00", or both in full over several days. */
static void range_text(const char *a, const char *b, char *buf, size_t n)
{
	if (strncmp(a, b, 10) == 0)
		snprintf(buf, n, "%s–%s", a, b + 11);
	else
		snprintf(buf, n, "%s – %s", a, b);
}

/* Folded and trimmed, or NULL for nothing. */
static char *folded(const char *s)
{
	char *f;
	if (lup_blank(s))
		return NULL;
	if ((f = lup_fold(s)))
		lup_trim(f);
	return f;
}

/* The earliest start an overlapping session can have. */
static void lower_bound(const char *starts, char out[17])
{
	lup_datetime dt;
	if (lup_datetime_parse(starts, &dt) < 0) {
		snprintf(out, 17, "%s", "");
		return;
	}
	dt.date = lup_date_add(dt.date, -(LUP_SESSION_MAX_DAYS + 1));
	lup_datetime_format(dt, out);
}

int lup_session_conflicts(lup_db *db, const char *session_id, struct lup_warnings *w,
                          lup_err *err)
{
	static const char self_sql[] =
		"SELECT s.cohort_id, s.title, s.starts_at, s.ends_at, coalesce(s.location, ''), "
		"coalesce(s.facilitators, c.facilitators, '') FROM session s JOIN cohort c ON c.id = s.cohort_id "
		"WHERE s.id = ?1";
	static const char overlap_sql[] =
		"SELECT s.id, s.cohort_id, c.name, s.title, s.starts_at, s.ends_at, coalesce(s.location, ''), "
		"coalesce(s.facilitators, c.facilitators, '') FROM session s JOIN cohort c ON c.id = s.cohort_id "
		"WHERE s.starts_at >= ?2 AND s.starts_at < ?3 AND s.ends_at > ?4 AND s.id <> ?1 "
		"ORDER BY s.starts_at, s.id";
	static const char people_sql[] =
		"SELECT p.id, p.name, s2.id, s2.title, c2.name, s2.starts_at, s2.ends_at "
		"FROM enrolment e1 JOIN person p ON p.id = e1.person_id "
		"JOIN enrolment e2 ON e2.person_id = e1.person_id AND e2.cohort_id <> e1.cohort_id "
		"  AND e2.status IN ('enrolled', 'completed') "
		"JOIN session s2 ON s2.cohort_id = e2.cohort_id AND s2.starts_at >= ?2 AND s2.starts_at < ?3 "
		"  AND s2.ends_at > ?4 "
		"JOIN cohort c2 ON c2.id = s2.cohort_id "
		"WHERE e1.cohort_id = ?1 AND e1.status IN ('enrolled', 'completed') "
		"ORDER BY p.sort_name, p.id, s2.starts_at, s2.id";
	static const char placement_sql[] =
		"SELECT p.id, p.name, pl.id, pl.start_date, pl.end_date, h.name "
		"FROM enrolment e CROSS JOIN placement pl ON pl.person_id = e.person_id "
		"  AND pl.status <> 'cancelled' AND pl.start_date <= ?3 AND pl.end_date >= ?2 "
		"CROSS JOIN host_org h ON h.id = pl.host_id CROSS JOIN person p ON p.id = e.person_id "
		"WHERE e.cohort_id = ?1 AND e.status IN ('enrolled', 'completed') "
		"ORDER BY p.sort_name, p.id, pl.start_date";
	char cohort[LUP_ID_SIZE], starts[17], ends[17], lo[17], day1[11], dayn[11], title[128];
	char *location = NULL, *facilitators = NULL, *floc = NULL, *ffac = NULL;
	int rc, before = w ? (int)w->n : 0;
	long first, last;
	sqlite3_stmt *st;

	if (!(st = lup_row_by_id(db, self_sql, session_id, _("checking for conflicts"),
	                         _("no such session"), err)))
		return -1;
	lup_col_copy(st, 0, cohort, sizeof cohort);
	lup_col_cut(st, 1, title, sizeof title);
	lup_col_copy(st, 2, starts, sizeof starts);
	lup_col_copy(st, 3, ends, sizeof ends);
	location = lup_col_dup(st, 4);
	facilitators = lup_col_dup(st, 5);
	lup_done(st);
	st = NULL;
	/* Folded once here, each other session's once in the loop. */
	floc = folded(location);
	ffac = folded(facilitators);
	lower_bound(starts, lo);
	if (session_days(starts, ends, &first, &last) < 0)
		first = last = 0;
	day_text(first, day1);
	day_text(last, dayn);

#define WARN(kind, other, person, ...) do { \
		if (lup_p_warn(w, kind, cohort, session_id, other, person, err, __VA_ARGS__) < 0) \
			goto fail; \
	} while (0)

	/* Sessions at the same time: of this cohort, with a facilitator in
	 * common, at the same place. */
	if (!(st = lup_stmt(db, overlap_sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, session_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, ends, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, starts, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("checking for conflicts"), err)) == SQLITE_ROW) {
		char oid[LUP_ID_SIZE], ocohort[LUP_ID_SIZE], oname[128], otitle[128], when[40], who[128];
		const char *oloc = (const char *)sqlite3_column_text(st, 6);
		const char *ofac = (const char *)sqlite3_column_text(st, 7);
		lup_col_copy(st, 0, oid, sizeof oid);
		lup_col_copy(st, 1, ocohort, sizeof ocohort);
		lup_col_cut(st, 2, oname, sizeof oname);
		lup_col_cut(st, 3, otitle, sizeof otitle);
		range_text((const char *)sqlite3_column_text(st, 4),
		           (const char *)sqlite3_column_text(st, 5), when, sizeof when);
		if (strcmp(ocohort, cohort) == 0) {
			WARN(LUP_WARN_COHORT_OVERLAP, oid, NULL,
			     _("overlaps '%s' of the same cohort (%s)"), otitle, when);
			continue;
		}
		{
			char *fo = ffac ? folded(ofac) : NULL, *fl = floc ? folded(oloc) : NULL;
			int fac = fo && lup_p_common_facilitator(facilitators, ffac, fo, who, sizeof who);
			int place = fl && strcmp(floc, fl) == 0;
			free(fo);
			free(fl);
			if (fac)
				WARN(LUP_WARN_FACILITATOR_OVERLAP, oid, NULL,
				     _("facilitator %s also leads '%s' (%s) at %s"), who, otitle, oname, when);
			if (place)
				WARN(LUP_WARN_LOCATION, oid, NULL,
				     _("'%s' (%s) is at %s at the same time (%s)"), otitle, oname, location, when);
		}
	}
	if (rc < 0)
		goto fail_st;
	lup_done(st);

	/* Participants in another cohort's session at the same time. */
	if (!(st = lup_stmt(db, people_sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, ends, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, starts, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("checking for conflicts"), err)) == SQLITE_ROW) {
		char pid[LUP_ID_SIZE], pname[128], oid[LUP_ID_SIZE], otitle[128], oname[128], when[40];
		lup_col_copy(st, 0, pid, sizeof pid);
		lup_col_cut(st, 1, pname, sizeof pname);
		lup_col_copy(st, 2, oid, sizeof oid);
		lup_col_cut(st, 3, otitle, sizeof otitle);
		lup_col_cut(st, 4, oname, sizeof oname);
		range_text((const char *)sqlite3_column_text(st, 5),
		           (const char *)sqlite3_column_text(st, 6), when, sizeof when);
		WARN(LUP_WARN_PERSON_OVERLAP, oid, pid,
		     _("%s is also in '%s' (%s) at %s"), pname, otitle, oname, when);
	}
	if (rc < 0)
		goto fail_st;
	lup_done(st);

	/* Participants away on job shadowing. */
	if (!(st = lup_stmt(db, placement_sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, day1, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, dayn, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("checking for conflicts"), err)) == SQLITE_ROW) {
		char pid[LUP_ID_SIZE], pname[128], plid[LUP_ID_SIZE], a[11], b[11], host[128];
		lup_col_copy(st, 0, pid, sizeof pid);
		lup_col_cut(st, 1, pname, sizeof pname);
		lup_col_copy(st, 2, plid, sizeof plid);
		lup_col_copy(st, 3, a, sizeof a);
		lup_col_copy(st, 4, b, sizeof b);
		lup_col_cut(st, 5, host, sizeof host);
		WARN(LUP_WARN_PLACEMENT, plid, pid,
		     _("%s is on job shadowing at %s from %s to %s, during '%s' (%s)"), pname, host, a, b,
		     title, day1);
	}
	if (rc < 0)
		goto fail_st;
	lup_done(st);

	/* Holidays and de facto days off. */
	for (long d = first; d <= last && d - first <= LUP_SESSION_MAX_DAYS; d++) {
		const char *en, *sv;
		char day[11];
		int h = lup_holiday(lup_date_from_days(d), &en, &sv);
		if (h == LUP_WORKDAY)
			continue;
		day_text(d, day);
		if (h == LUP_HOLIDAY)
			WARN(LUP_WARN_HOLIDAY, NULL, NULL, _("%s is a public holiday: %s"), day,
			     lup_i18n_is_swedish() ? sv : en);
		else
			WARN(LUP_WARN_HOLIDAY, NULL, NULL, _("%s is %s, a day most people have off"), day,
			     lup_i18n_is_swedish() ? sv : en);
	}
#undef WARN
	free(location);
	free(facilitators);
	free(floc);
	free(ffac);
	return w ? (int)w->n - before : 0;
fail_st:
fail:
	if (st)
		lup_done(st);
	free(location);
	free(facilitators);
	free(floc);
	free(ffac);
	return -1;
}

/* Move a session's warnings into w.  A participant's job shadowing that
 * clashes with several of the cohort's sessions is one warning naming
 * them all, not one per session: the later sessions are added to the
 * first's message. */
static int merge_clashes(lup_db *db, struct lup_warnings *w, struct lup_warnings *one,
                         lup_err *err)
{
	static const char sql[] = "SELECT title || char(9) || substr(starts_at, 1, 10) FROM session WHERE id = ?1";
	for (size_t i = 0; i < one->n; i++) {
		struct lup_warning *x = &one->v[i], *same = NULL;
		if (!w)
			continue;
		if (x->kind == LUP_WARN_PLACEMENT)
			for (size_t k = 0; k < w->n && !same; k++)
				if (w->v[k].kind == LUP_WARN_PLACEMENT &&
				    strcmp(w->v[k].person_id, x->person_id) == 0 &&
				    strcmp(w->v[k].other_id, x->other_id) == 0)
					same = &w->v[k];
		if (same) {
			char t[200], *tab;
			lup_buf b = { 0 };
			if (lup_p_lookup(db, sql, x->session_id, NULL, t, sizeof t, err) < 0)
				return -1;
			if ((tab = strchr(t, '\t')))
				*tab++ = '\0';
			lup_buf_puts(&b, same->msg);
			/* TRANSLATORS: more sessions a job-shadowing clash falls on. */
			if (strstr(same->msg, _("; also")))
				lup_buf_printf(&b, _(", '%s' (%s)"), t, tab ? tab : "");
			else
				lup_buf_printf(&b, "%s '%s' (%s)", _("; also"), t, tab ? tab : "");
			if (!b.s)
				return lup_err_oom(err);
			free(same->msg);
			same->msg = b.s;
			continue;
		}
		if (lup_p_warn(w, x->kind, x->cohort_id, x->session_id, x->other_id, x->person_id, err,
		               "%s", x->msg) < 0)
			return -1;
	}
	return 0;
}

int lup_cohort_conflicts(lup_db *db, const char *cohort_id, struct lup_warnings *w,
                         lup_err *err)
{
	int before = w ? (int)w->n : 0;
	static const char sql[] = "SELECT id FROM session WHERE cohort_id = ?1 ORDER BY starts_at, id";
	char (*ids)[LUP_ID_SIZE] = NULL, (*id)[LUP_ID_SIZE];
	size_t n = 0, cap = 0;
	int rc, added = 0;
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("checking for conflicts"), err)) == SQLITE_ROW) {
		if (!(id = LUP_PUSH(ids, n, cap))) {
			lup_done(st);
			free(ids);
			return lup_err_oom(err);
		}
		lup_col_copy(st, 0, *id, LUP_ID_SIZE);
	}
	if (rc < 0) {
		free(ids);
		return -1;
	}
	lup_done(st);
	for (size_t i = 0; i < n; i++) {
		struct lup_warnings one = { 0 };
		if (lup_session_conflicts(db, ids[i], &one, err) < 0 || merge_clashes(db, w, &one, err) < 0) {
			lup_warnings_clear(&one);
			free(ids);
			return -1;
		}
		lup_warnings_clear(&one);
	}
	free(ids);
	added = w ? (int)w->n - before : 0;
	return added;
}
