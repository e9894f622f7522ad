/* attendance.c — the attendance register and completion per block. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/prog.h"
#include "lup/enrol.h"

const char *const lup_attendance_statuses[] = { "present", "late", "excused", "absent", NULL };

const char *lup_attendance_label(const char *status)
{
	if (!status)
		return "";
	if (strcmp(status, "present") == 0)
		return C_("attendance", "present");
	if (strcmp(status, "late") == 0)
		return C_("attendance", "late");
	if (strcmp(status, "excused") == 0)
		return C_("attendance", "excused");
	if (strcmp(status, "absent") == 0)
		return C_("attendance", "absent");
	return status;
}

/* The register: people with a seat on the session's day (a withdrawn
 * person until the day they left), and anyone already marked.  A person
 * with two enrolments in the cohort (withdrawn, then back) appears once,
 * with their live status. */
int lup_register(lup_db *db, const char *session_id, struct lup_register_row **rows,
                 lup_err *err)
{
	static const char sql[] = LUP_P_REGISTER_SQL("");
	static const char exists[] = "SELECT 1 FROM session WHERE id = ?1";
	struct lup_register_row *v = NULL;
	sqlite3_stmt *st;
	size_t n = 0, cap = 0;
	int rc;

	*rows = NULL;
	if (!(st = lup_row_by_id(db, exists, session_id, _("reading a session"), _("no such session"), err)))
		return -1;
	lup_done(st);
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, session_id, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("reading the register"), err)) == SQLITE_ROW) {
		struct lup_register_row *r;
		const char *es;
		if (!(r = LUP_PUSH(v, n, cap))) {
			lup_done(st);
			free(v);
			return lup_err_oom(err);
		}
		lup_col_copy(st, 0, r->person_id, sizeof r->person_id);
		lup_col_cut(st, 1, r->name, sizeof r->name);
		lup_col_copy(st, 2, r->status, sizeof r->status);
		es = (const char *)sqlite3_column_text(st, 3);
		snprintf(r->enrolment_status, sizeof r->enrolment_status, "%s",
		         es && strcmp(es, "z") != 0 ? es : "withdrawn");
	}
	if (rc < 0) {
		free(v);
		return -1;
	}
	lup_done(st);
	*rows = v;
	return (int)n;
}

int lup_attendance_set(lup_db *db, const char *session_id, const char *person_id,
                       const char *status, lup_err *err)
{
	/* The session's day, whether the person is (or was) in its cohort,
	 * whether they held a seat on that day, and since when they hold one. */
	static const char check[] =
		"SELECT substr(s.starts_at, 1, 10), "
		"(SELECT count(*) FROM enrolment e WHERE e.cohort_id = s.cohort_id "
		"  AND e.person_id = ?2 AND e.status <> 'waitlisted'), "
		"EXISTS (SELECT 1 FROM enrolment e WHERE e.cohort_id = s.cohort_id AND e.person_id = ?2 "
		"  AND e.status <> 'waitlisted' AND " LUP_P_SEAT_ON("e", "substr(s.starts_at, 1, 10)") "), "
		"(SELECT min(e.enrolled_on) FROM enrolment e WHERE e.cohort_id = s.cohort_id "
		"  AND e.person_id = ?2 AND e.status <> 'waitlisted'), "
		"(SELECT name FROM person WHERE id = ?2) "
		"FROM session s WHERE s.id = ?1";
	static const char upsert[] =
		"INSERT INTO attendance (id, session_id, person_id, status, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (session_id, person_id) "
		"DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at "
		"WHERE status <> excluded.status";
	static const char clear[] = "DELETE FROM attendance WHERE session_id = ?1 AND person_id = ?2";
	int blank = !status || !*status, rc, seat;
	char id[LUP_ID_SIZE], now[21], day[11], today[11], since[11], name[128];
	sqlite3_stmt *st;

	if (!blank && !lup_p_keyword(lup_attendance_statuses, status))
		return lup_err_field(err, "status",
			_("'%s' is not an attendance status (present, late, excused, absent)"), status);
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, check, err)))
		goto fail;
	sqlite3_bind_text(st, 1, session_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, person_id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("taking attendance"), err)) < 0)
		goto fail;
	if (rc != SQLITE_ROW) {
		lup_done(st);
		lup_err_set(err, LUP_ENOTFOUND, _("no such session"));
		goto fail;
	}
	lup_col_copy(st, 0, day, sizeof day);
	rc = sqlite3_column_int(st, 1);
	seat = sqlite3_column_int(st, 2);
	lup_col_copy(st, 3, since, sizeof since);
	lup_col_cut(st, 4, name, sizeof name);
	lup_done(st);
	if (!rc) {
		lup_err_set(err, LUP_ECONFLICT, _("that person is not in the session's cohort"));
		goto fail;
	}
	/* A mark says what happened: not before the day, and only for
	 * someone who held a seat that day.  Clearing one is always
	 * allowed (to put right what an older lup let through). */
	lup_p_today(today);
	if (!blank && strcmp(day, today) > 0) {
		lup_err_set(err, LUP_ECONFLICT,
			_("the session on %s has not taken place yet: its attendance can be taken from that day"),
			day);
		goto fail;
	}
	if (!blank && !seat) {
		if (since[0] && strcmp(since, day) > 0)
			lup_err_set(err, LUP_ECONFLICT,
				_("%s held no seat on %s: their seat counts from %s (change it on the participant "
				  "to take attendance before)"), name, day, since);
		else
			lup_err_set(err, LUP_ECONFLICT, _("%s held no seat in the cohort on %s"), name, day);
		goto fail;
	}
	if (!(st = lup_stmt(db, blank ? clear : upsert, err)))
		goto fail;
	lup_id_attendance(id, session_id, person_id);
	lup_now_utc(now);
	if (blank) {
		sqlite3_bind_text(st, 1, session_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, person_id, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, session_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, person_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, status, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	}
	if (lup_run(db, st, _("taking attendance"), err) < 0)
		goto fail;
	return lup_db_commit(db, err);
fail:
	lup_db_rollback(db);
	return -1;
}

static const struct lup_col mark_col = {
	.field = "status", .label = N_("Attendance"), .kind = LUP_COL_BUF,
	.label_of = lup_attendance_label
};

int lup_attendance_edit(lup_db *db, const char *session_id, const char *person_id,
                        const char *seen, const char *status, struct lup_merge_report *mr,
                        lup_err *err)
{
	static const char sql[] =
		"SELECT (SELECT status FROM attendance WHERE session_id = ?1 AND person_id = ?2) "
		"FROM session WHERE id = ?1";
	char stored[16];
	int rc, stored_wins;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if ((rc = lup_p_lookup(db, sql, session_id, person_id, stored, sizeof stored, err)) < 0)
		goto fail;
	if (rc == 0) {
		lup_merge_gone(mr, err, "%s",
		               _("The session was deleted in another window since you opened the register"));
		goto fail;
	}
	if (lup_merge_value(db, &mark_col, seen, status, stored, &stored_wins, mr, err) < 0 ||
	    (!stored_wins && lup_attendance_set(db, session_id, person_id, status, err) < 0))
		goto fail;
	return lup_db_commit(db, err);
fail:
	lup_db_rollback(db);
	return -1;
}

/* ---- Completion ---- */

int lup_completion(lup_db *db, const char *enrolment_id, struct lup_block_progress *out,
                   int max, lup_err *err)
{
	/* x: each session of the cohort with whether it has started, the
	 * person's mark, and whether it counts for them (on or after the day
	 * they got their seat and not after they left, or marked anyway). */
	static const char sql[] =
		"WITH en AS (SELECT person_id, cohort_id, programme_id, enrolled_on, ended_on "
		"  FROM enrolment WHERE id = ?1), "
		"x AS (SELECT s.block_id AS block_id, s.starts_at <= ?2 AS started, a.status AS st, "
		"  (a.id IS NOT NULL OR (en.enrolled_on IS NOT NULL AND en.enrolled_on <= substr(s.starts_at, 1, 10) "
		"   AND (en.ended_on IS NULL OR substr(s.starts_at, 1, 10) <= en.ended_on))) AS counts "
		/* CROSS JOIN keeps the one enrolment outermost: its cohort's
		 * sessions by index, never every session of a block. */
		"  FROM en CROSS JOIN session s ON s.cohort_id = en.cohort_id "
		"  LEFT JOIN attendance a ON a.session_id = s.id AND a.person_id = en.person_id), "
		/* Aggregated per block first: once, not once per block. */
		"g AS (SELECT block_id, sum(counts AND started) AS n, "
		"  sum(counts AND started AND st IN ('present', 'late')) AS att, "
		"  sum(counts AND started AND st = 'late') AS late, "
		"  sum(counts AND started AND st = 'excused') AS exc, "
		"  sum(counts AND started AND st = 'absent') AS abs, "
		"  sum(counts AND started AND st IS NULL) AS unrec, "
		"  sum(counts AND NOT started) AS planned, count(*) AS total "
		"  FROM x GROUP BY block_id) "
		"SELECT b.id, b.name, b.kind, b.min_attendance, coalesce(g.n, 0), coalesce(g.att, 0), "
		"  coalesce(g.late, 0), coalesce(g.exc, 0), coalesce(g.abs, 0), coalesce(g.unrec, 0), "
		"  coalesce(g.planned, 0), coalesce(g.total, 0) "
		"FROM en JOIN block b ON b.programme_id = en.programme_id "
		"LEFT JOIN g ON g.block_id = b.id ORDER BY b.seq";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char now[17];
	int n = 0, rc = SQLITE_DONE;
	if (!st)
		return -1;
	lup_p_now_local(now);
	sqlite3_bind_text(st, 1, enrolment_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	while (n < max && (rc = lup_step(db, st, _("computing completion"), err)) == SQLITE_ROW) {
		struct lup_block_progress *b = &out[n++];
		int all;
		memset(b, 0, sizeof *b);
		lup_col_copy(st, 0, b->block_id, sizeof b->block_id);
		lup_col_cut(st, 1, b->name, sizeof b->name);
		lup_col_copy(st, 2, b->kind, sizeof b->kind);
		b->min_attendance = sqlite3_column_double(st, 3);
		b->sessions = sqlite3_column_int(st, 4);
		b->attended = sqlite3_column_int(st, 5);
		b->late = sqlite3_column_int(st, 6);
		b->excused = sqlite3_column_int(st, 7);
		b->absent = sqlite3_column_int(st, 8);
		b->unrecorded = sqlite3_column_int(st, 9);
		b->planned = sqlite3_column_int(st, 10);
		all = sqlite3_column_int(st, 11);
		b->scheduled = all > 0;
		if (!b->scheduled || b->sessions == 0)
			b->met = 0;          /* not run by the cohort, or nothing held yet */
		else
			b->met = b->attended >= (int)ceil(b->min_attendance * b->sessions - 1e-9);
	}
	if (rc < 0)
		return -1;
	lup_done(st);
	return n;
}

void lup_block_progress_text(const struct lup_block_progress *b, char *buf, size_t n)
{
	int need = (int)ceil(b->min_attendance * b->sessions - 1e-9);
	if (!b->scheduled)
		snprintf(buf, n, "%s", _("not scheduled in the cohort"));
	else if (b->sessions == 0)
		snprintf(buf, n, ngettext("nothing held yet (%d session to come)",
		                          "nothing held yet (%d sessions to come)", (unsigned long)b->planned),
		         b->planned);
	else if (b->met)
		snprintf(buf, n, ngettext("met: attended %d of %d session", "met: attended %d of %d sessions",
		                          (unsigned long)b->sessions), b->attended, b->sessions);
	else
		snprintf(buf, n, ngettext("not met: attended %d of %d session, %d needed",
		                          "not met: attended %d of %d sessions, %d needed",
		                          (unsigned long)b->sessions), b->attended, b->sessions, need);
}

int lup_completion_met(const struct lup_block_progress *bp, int n)
{
	int run = 0;
	for (int k = 0; k < n; k++) {
		if (!bp[k].scheduled)
			continue;
		run++;
		if (!bp[k].met)
			return 0;
	}
	return run > 0;
}

int lup_cohort_complete(lup_db *db, const char *cohort_id, lup_err *err)
{
	static const char status_sql[] =
		"SELECT " LUP_P_COHORT_STATUS("c", "?2") " FROM cohort c WHERE c.id = ?1";
	static const char list_sql[] =
		"SELECT id FROM enrolment WHERE cohort_id = ?1 AND status = 'enrolled' ORDER BY id";
	static const char mark_sql[] =
		"UPDATE enrolment SET status = 'completed', ended_on = ?2, updated_at = ?3 WHERE id = ?1";
	char status[16], today[11], now[21];
	char (*ids)[LUP_ID_SIZE] = NULL, (*id)[LUP_ID_SIZE];
	size_t n = 0, cap = 0;
	int marked = 0, rc;
	sqlite3_stmt *st;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, status_sql, err)))
		goto fail;
	lup_p_today(today);
	sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("reading a cohort"), err)) < 0)
		goto fail;
	if (rc != SQLITE_ROW) {
		lup_done(st);
		lup_err_set(err, LUP_ENOTFOUND, _("no such cohort"));
		goto fail;
	}
	lup_col_copy(st, 0, status, sizeof status);
	lup_done(st);
	if (strcmp(status, "done") != 0) {
		/* one sentence per status: a status word does not read as the
		 * complement of "is" in every language */
		if (strcmp(status, "running") == 0)
			lup_err_set(err, LUP_ECONFLICT, "%s",
				_("the cohort is still running: completions are marked once its last day has passed"));
		else if (strcmp(status, "cancelled") == 0)
			lup_err_set(err, LUP_ECONFLICT, "%s",
				_("the cohort was cancelled: no one completes it"));
		else
			lup_err_set(err, LUP_ECONFLICT, "%s",
				_("the cohort has not started yet: completions are marked once its last day has passed"));
		goto fail;
	}
	if (!(st = lup_stmt(db, list_sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("marking completions"), err)) == SQLITE_ROW) {
		if (!(id = LUP_PUSH(ids, n, cap))) {
			lup_done(st);
			lup_err_oom(err);
			goto fail;
		}
		lup_col_copy(st, 0, *id, LUP_ID_SIZE);
	}
	if (rc < 0)
		goto fail;
	lup_done(st);
	lup_now_utc(now);
	for (size_t i = 0; i < n; i++) {
		struct lup_block_progress bp[LUP_MAX_BLOCKS];
		int nb = lup_completion(db, ids[i], bp, LUP_MAX_BLOCKS, err);
		if (nb < 0)
			goto fail;
		if (!lup_completion_met(bp, nb))
			continue;
		if (!(st = lup_stmt(db, mark_sql, err)))
			goto fail;
		sqlite3_bind_text(st, 1, ids[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
		if (lup_run(db, st, _("marking completions"), err) < 0)
			goto fail;
		marked++;
	}
	free(ids);
	if (lup_db_commit(db, err) < 0)
		return -1;
	return marked;
fail:
	free(ids);
	lup_db_rollback(db);
	return -1;
}
