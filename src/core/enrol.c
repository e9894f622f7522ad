/* enrol.c — enrolment: seats, the first-come waitlist, withdrawal with
 * promotion, one cohort per person per programme; the enrolment list. */
#include <stdlib.h>
#include <string.h>
#include "core/prog.h"
#include "lup/enrol.h"

const char *const lup_enrol_statuses[] = { "enrolled", "waitlisted", "withdrawn", "completed", NULL };

const char *lup_enrol_status_label(const char *status)
{
	if (!status)
		return "";
	if (strcmp(status, "enrolled") == 0)
		return C_("enrolment", "enrolled");
	if (strcmp(status, "waitlisted") == 0)
		return C_("enrolment", "waitlisted");
	if (strcmp(status, "withdrawn") == 0)
		return C_("enrolment", "withdrawn");
	if (strcmp(status, "completed") == 0)
		return C_("enrolment", "completed");
	return status;
}

struct cohort_info {
	char programme_id[LUP_ID_SIZE];
	char name[128];
	int capacity;
	long seated;
};

static int cohort_info(lup_db *db, const char *cohort_id, struct cohort_info *ci, lup_err *err)
{
	static const char sql[] =
		"SELECT c.programme_id, c.name, c.capacity, (SELECT count(*) FROM enrolment e "
		"WHERE e.cohort_id = c.id AND e.status IN ('enrolled', 'completed')) "
		"FROM cohort c WHERE c.id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("reading a cohort"), err)) < 0)
		return -1;
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, ci->programme_id, sizeof ci->programme_id);
		lup_col_cut(st, 1, ci->name, sizeof ci->name);
		ci->capacity = sqlite3_column_int(st, 2);
		ci->seated = sqlite3_column_int64(st, 3);
	}
	lup_done(st);
	return rc == SQLITE_ROW ? 0 : lup_err_set(err, LUP_ENOTFOUND, _("no such cohort"));
}

int lup_p_promote(lup_db *db, const char *cohort_id, struct lup_promotions *promoted,
                  lup_err *err)
{
	static const char first[] =
		"SELECT e.id, e.person_id, p.name FROM enrolment e JOIN person p ON p.id = e.person_id "
		"WHERE e.cohort_id = ?1 AND e.status = 'waitlisted' ORDER BY e.waitlist_pos LIMIT 1";
	static const char seat[] =
		"UPDATE enrolment SET status = 'enrolled', waitlist_pos = NULL, enrolled_on = ?2, "
		"updated_at = ?3 WHERE id = ?1";
	static const char close_up[] =
		"UPDATE enrolment SET waitlist_pos = waitlist_pos - 1, updated_at = ?2 "
		"WHERE cohort_id = ?1 AND status = 'waitlisted'";
	struct cohort_info ci;
	char today[11], now[21];
	int moved = 0;

	if (cohort_info(db, cohort_id, &ci, err) < 0)
		return -1;
	lup_p_today(today);
	lup_now_utc(now);
	while (ci.seated < ci.capacity) {
		char id[LUP_ID_SIZE], person[LUP_ID_SIZE], name[128];
		sqlite3_stmt *st = lup_stmt(db, first, err);
		int rc;
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
		if ((rc = lup_step(db, st, _("moving the waitlist"), err)) < 0)
			return -1;
		if (rc != SQLITE_ROW) {
			lup_done(st);
			break;
		}
		lup_col_copy(st, 0, id, sizeof id);
		lup_col_copy(st, 1, person, sizeof person);
		lup_col_cut(st, 2, name, sizeof name);
		lup_done(st);
		if (!(st = lup_stmt(db, seat, err)))
			return -1;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
		if (lup_run(db, st, _("moving the waitlist"), err) < 0)
			return -1;
		if (!(st = lup_stmt(db, close_up, err)))
			return -1;
		sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
		if (lup_run(db, st, _("moving the waitlist"), err) < 0)
			return -1;
		if (lup_p_promotion_add(promoted, id, person, name) < 0)
			return lup_err_oom(err);
		ci.seated++;
		moved++;
	}
	return moved;
}

static int person_name(lup_db *db, const char *person_id, char *name, size_t n, lup_err *err)
{
	static const char sql[] = "SELECT name FROM person WHERE id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("reading a person"), err)) < 0)
		return -1;
	if (rc == SQLITE_ROW)
		lup_col_cut(st, 0, name, n);
	lup_done(st);
	return rc == SQLITE_ROW ? 0 : lup_err_field(err, "person", _("no such person"));
}

int lup_enrol(lup_db *db, const char *cohort_id, const char *person_id, const char *on,
              struct lup_enrol_outcome *out, lup_err *err)
{
	static const char live[] =
		"SELECT e.cohort_id, c.name, e.status, coalesce(e.waitlist_pos, 0) FROM enrolment e "
		"JOIN cohort c ON c.id = e.cohort_id "
		"WHERE e.programme_id = ?1 AND e.person_id = ?2 AND e.status <> 'withdrawn' LIMIT 1";
	static const char next_pos[] =
		"SELECT coalesce(max(waitlist_pos), 0) + 1 FROM enrolment "
		"WHERE cohort_id = ?1 AND status = 'waitlisted'";
	static const char ins[] =
		"INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, "
		"waitlist_pos, enrolled_on, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?6, ?6) "
		/* Back after withdrawing: the same row (its id is the cohort's and
		 * the person's), asked for anew. */
		"ON CONFLICT (id) DO UPDATE SET status = excluded.status, requested_at = excluded.requested_at, "
		"waitlist_pos = excluded.waitlist_pos, enrolled_on = excluded.enrolled_on, ended_on = NULL, "
		"updated_at = excluded.updated_at";
	/* The seat they had before withdrawing stays a row of its own (the
	 * register and their marks of those days need it), its id from the
	 * day it began: the same return on two laptops is one row. */
	static const char keep_past[] =
		"INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, "
		"enrolled_on, ended_on, note, created_at, updated_at) "
		"SELECT lup_uuid_name('enrolment', cohort_id, person_id, enrolled_on), cohort_id, person_id, "
		"programme_id, 'withdrawn', requested_at, enrolled_on, ended_on, note, created_at, ?2 "
		"FROM enrolment WHERE id = ?1 AND status = 'withdrawn' AND enrolled_on IS NOT NULL "
		"ON CONFLICT (id) DO UPDATE SET ended_on = coalesce(max(ended_on, excluded.ended_on), ended_on, "
		"excluded.ended_on), updated_at = excluded.updated_at";
	struct lup_enrol_outcome tmp;
	struct cohort_info ci;
	lup_err local;
	char name[128] = "", id[LUP_ID_SIZE], now[21], day[11];
	sqlite3_stmt *st;
	int rc, pos = 0;

	if (!out)
		out = &tmp;
	if (!err)
		err = &local;
	memset(out, 0, sizeof *out);
	out->result = LUP_ENROL_REFUSED;
	snprintf(out->person_id, sizeof out->person_id, "%s", person_id ? person_id : "");
	if (on && *on && !lup_p_date_ok(on)) {
		lup_err_field(err, "enrolled_on", _("'%s' is not a date (YYYY-MM-DD)"), on);
		goto refused;
	}
	if (lup_db_begin(db, err) < 0)
		goto refused;
	if (cohort_info(db, cohort_id, &ci, err) < 0 ||
	    person_name(db, person_id, name, sizeof name, err) < 0)
		goto fail;
	/* One cohort per person per programme. */
	if (!(st = lup_stmt(db, live, err)))
		goto fail;
	sqlite3_bind_text(st, 1, ci.programme_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, person_id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("enrolling"), err)) < 0)
		goto fail;
	if (rc == SQLITE_ROW) {
		char other[LUP_ID_SIZE], cname[128], status[16];
		lup_col_copy(st, 0, other, sizeof other);
		lup_col_cut(st, 1, cname, sizeof cname);
		lup_col_copy(st, 2, status, sizeof status);
		pos = sqlite3_column_int(st, 3);
		lup_done(st);
		if (strcmp(other, cohort_id) != 0)
			lup_err_set(err, LUP_ECONFLICT,
				_("%s is already in cohort %s of this programme (one cohort per person)"),
				name, cname);
		else if (pos)
			lup_err_set(err, LUP_ECONFLICT,
				_("%s is already on the waitlist of %s, at number %d"), name, cname, pos);
		else
			lup_err_set(err, LUP_ECONFLICT, _("%s is already in %s (%s)"), name, cname,
			            lup_enrol_status_label(status));
		goto fail;
	}
	lup_done(st);
	if (ci.seated >= ci.capacity) {
		if (!(st = lup_stmt(db, next_pos, err)))
			goto fail;
		sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
		if (lup_step(db, st, _("enrolling"), err) < 0)
			goto fail;
		pos = sqlite3_column_int(st, 0);
		lup_done(st);
	} else {
		pos = 0;
	}
	lup_id_enrolment(id, cohort_id, person_id);
	lup_now_utc(now);
	if (on && *on)
		snprintf(day, sizeof day, "%s", on);
	else
		lup_p_today(day);
	if (!(st = lup_stmt(db, keep_past, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("enrolling"), err) < 0)
		goto fail;
	if (!(st = lup_stmt(db, ins, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, cohort_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, person_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, ci.programme_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, pos ? "waitlisted" : "enrolled", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
	if (pos)
		sqlite3_bind_int(st, 7, pos);
	else
		sqlite3_bind_null(st, 7);
	if (pos)
		sqlite3_bind_null(st, 8);
	else
		sqlite3_bind_text(st, 8, day, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("enrolling"), err) < 0)
		goto fail;
	if (lup_db_commit(db, err) < 0)
		goto refused;
	snprintf(out->enrolment_id, sizeof out->enrolment_id, "%s", id);
	out->position = pos;
	if (pos) {
		out->result = LUP_ENROL_WAITLISTED;
		snprintf(out->msg, sizeof out->msg,
		         ngettext("%s is number %d on the waitlist of %s (its %d seat is taken)",
		                  "%s is number %d on the waitlist of %s (all %d seats are taken)",
		                  (unsigned long)ci.capacity),
		         name, pos, ci.name, ci.capacity);
	} else {
		out->result = LUP_ENROL_SEATED;
		snprintf(out->msg, sizeof out->msg, _("%s is enrolled in %s"), name, ci.name);
	}
	return 0;
fail:
	lup_db_rollback(db);
refused:
	snprintf(out->msg, sizeof out->msg, "%s", err->msg);
	return -1;
}

int lup_enrol_many(lup_db *db, const char *cohort_id, const char *const *person_ids, int n,
                   const char *on, struct lup_enrol_outcome *out, lup_err *err)
{
	int done = 0;
	if (lup_db_begin(db, err) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		lup_err e;
		lup_err_clear(&e);
		if (lup_enrol(db, cohort_id, person_ids[i], on, &out[i], &e) == 0) {
			done++;
			continue;
		}
		/* The rules refuse one person; the others go ahead.  Anything
		 * else (a lost database, no such cohort) stops it all. */
		if (e.code == LUP_ECONFLICT || strcmp(e.field, "person") == 0)
			continue;
		if (err)
			*err = e;
		lup_db_rollback(db);
		return -1;
	}
	if (lup_db_commit(db, err) < 0)
		return -1;
	return done;
}

int lup_enrol_withdraw(lup_db *db, const char *enrolment_id, struct lup_promotions *promoted,
                       lup_err *err)
{
	static const char get[] =
		"SELECT cohort_id, status, coalesce(waitlist_pos, 0) FROM enrolment WHERE id = ?1";
	static const char out_sql[] =
		"UPDATE enrolment SET status = 'withdrawn', waitlist_pos = NULL, ended_on = ?2, "
		"updated_at = ?3 WHERE id = ?1";
	static const char close_up[] =
		"UPDATE enrolment SET waitlist_pos = waitlist_pos - 1, updated_at = ?3 "
		"WHERE cohort_id = ?1 AND status = 'waitlisted' AND waitlist_pos > ?2";
	char cohort[LUP_ID_SIZE], status[16], today[11], now[21];
	size_t before = promoted ? promoted->n : 0;
	sqlite3_stmt *st;
	int pos;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_row_by_id(db, get, enrolment_id, _("withdrawing"), _("no such enrolment"), err)))
		goto fail;
	lup_col_copy(st, 0, cohort, sizeof cohort);
	lup_col_copy(st, 1, status, sizeof status);
	pos = sqlite3_column_int(st, 2);
	lup_done(st);
	if (strcmp(status, "withdrawn") == 0) {
		lup_err_set(err, LUP_ECONFLICT, _("already withdrawn"));
		goto fail;
	}
	if (strcmp(status, "completed") == 0) {
		lup_err_set(err, LUP_ECONFLICT, _("a completed enrolment cannot be withdrawn"));
		goto fail;
	}
	lup_p_today(today);
	lup_now_utc(now);
	if (!(st = lup_stmt(db, out_sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, enrolment_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("withdrawing"), err) < 0)
		goto fail;
	if (pos) {
		if (!(st = lup_stmt(db, close_up, err)))
			goto fail;
		sqlite3_bind_text(st, 1, cohort, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, pos);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
		if (lup_run(db, st, _("withdrawing"), err) < 0)
			goto fail;
	} else if (lup_p_promote(db, cohort, promoted, err) < 0) {
		goto fail;
	}
	if (lup_db_commit(db, err) < 0)
		goto fail;
	return 0;
fail:
	lup_db_rollback(db);
	if (promoted)
		promoted->n = before;
	return -1;
}

static const struct lup_col enrol_status_col = {
	.field = "status", .label = N_("Status"), .kind = LUP_COL_BUF,
	.label_of = lup_enrol_status_label
};

/* A status step from a screen: seen is the status it showed, `to` the one
 * the step leads to; the stored status is merged with them (lup/merge.h)
 * and, unless what is stored stays, step(db, id, ud, err) runs, all in one
 * transaction. */
static int status_step(lup_db *db, const char *enrolment_id, const char *seen, const char *to,
                       int (*step)(lup_db *, const char *, void *, lup_err *), void *ud,
                       struct lup_merge_report *mr, lup_err *err)
{
	static const char sql[] = "SELECT status FROM enrolment WHERE id = ?1";
	char stored[16];
	int rc, stored_wins;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if ((rc = lup_p_lookup(db, sql, enrolment_id, NULL, stored, sizeof stored, err)) < 0)
		goto fail;
	if (rc == 0) {
		lup_merge_gone(mr, err, "%s",
		               _("The enrolment was deleted in another window since you opened the cohort"));
		goto fail;
	}
	if (lup_merge_value(db, &enrol_status_col, seen, to, stored, &stored_wins, mr, err) < 0 ||
	    (!stored_wins && step(db, enrolment_id, ud, err) < 0))
		goto fail;
	return lup_db_commit(db, err);
fail:
	lup_db_rollback(db);
	return -1;
}

static int withdraw_step(lup_db *db, const char *id, void *promoted, lup_err *err)
{
	return lup_enrol_withdraw(db, id, promoted, err);
}

int lup_enrol_withdraw_edit(lup_db *db, const char *enrolment_id, const char *seen,
                            struct lup_promotions *promoted, struct lup_merge_report *mr,
                            lup_err *err)
{
	return status_step(db, enrolment_id, seen, "withdrawn", withdraw_step, promoted, mr, err);
}

/* ---- One enrolment: its "since" date and note ---- */

void lup_enrolment_clear(struct lup_enrolment *e)
{
	free(e->note);
	memset(e, 0, sizeof *e);
}

static void read_enrolment(sqlite3_stmt *st, void *row)
{
	struct lup_enrolment *e = row;
	lup_col_copy(st, 0, e->id, sizeof e->id);
	lup_col_copy(st, 1, e->cohort_id, sizeof e->cohort_id);
	lup_col_copy(st, 2, e->person_id, sizeof e->person_id);
	lup_col_copy(st, 3, e->status, sizeof e->status);
	e->waitlist_pos = sqlite3_column_int(st, 4);
	lup_col_copy(st, 5, e->enrolled_on, sizeof e->enrolled_on);
	lup_col_copy(st, 6, e->ended_on, sizeof e->ended_on);
	e->note = lup_col_dup(st, 7);
	lup_col_copy(st, 8, e->requested_at, sizeof e->requested_at);
	lup_col_copy(st, 9, e->created_at, sizeof e->created_at);
	lup_col_copy(st, 10, e->updated_at, sizeof e->updated_at);
	lup_col_cut(st, 11, e->name, sizeof e->name);
	lup_col_cut(st, 12, e->cohort, sizeof e->cohort);
}

int lup_enrolment_get(lup_db *db, const char *id, struct lup_enrolment *e, lup_err *err)
{
	static const char sql[] =
		"SELECT e.id, e.cohort_id, e.person_id, e.status, coalesce(e.waitlist_pos, 0), "
		"e.enrolled_on, e.ended_on, e.note, e.requested_at, e.created_at, e.updated_at, p.name, c.name "
		"FROM enrolment e JOIN person p ON p.id = e.person_id JOIN cohort c ON c.id = e.cohort_id "
		"WHERE e.id = ?1";
	return lup_get_row(db, lup_stmt(db, sql, err), id, e, sizeof *e, read_enrolment,
	                   _("reading an enrolment"), _("no such enrolment"), err);
}

/* The first day the person was marked for a session of the cohort, "" if
 * never. */
static int first_mark(lup_db *db, const char *cohort_id, const char *person_id, char day[11],
                      lup_err *err)
{
	static const char sql[] =
		"SELECT min(substr(s.starts_at, 1, 10)) FROM attendance a JOIN session s ON s.id = a.session_id "
		"WHERE a.person_id = ?2 AND s.cohort_id = ?1";
	return lup_p_lookup(db, sql, cohort_id, person_id, day, 11, err) < 0 ? -1 : 0;
}

static int enrolment_write(lup_db *db, struct lup_enrolment *e, lup_err *err)
{
	static const char upd[] =
		"UPDATE enrolment SET enrolled_on = ?2, note = ?3, updated_at = ?4 WHERE id = ?1";
	struct lup_enrolment old;
	char marked[11], now[21];
	sqlite3_stmt *st;

	lup_tidy(&e->note);
	lup_trim(e->enrolled_on);
	if (e->note && strlen(e->note) > 2000)
		return lup_err_field(err, "note", _("the note is longer than 2000 characters"));
	if (!lup_p_date_ok(e->enrolled_on))
		return lup_err_field(err, "enrolled_on", _("'%s' is not a date (YYYY-MM-DD)"), e->enrolled_on);
	if (lup_enrolment_get(db, e->id, &old, err) < 0)
		return -1;
	if (strcmp(old.status, "waitlisted") == 0 && e->enrolled_on[0]) {
		lup_enrolment_clear(&old);
		return lup_err_field(err, "enrolled_on",
			_("%s is waiting for a seat: a seat counts from the day they get one"), e->name);
	}
	if (strcmp(old.status, "waitlisted") != 0 && !e->enrolled_on[0]) {
		lup_enrolment_clear(&old);
		return lup_err_field(err, "enrolled_on", _("give the day their seat counts from"));
	}
	if (old.ended_on[0] && e->enrolled_on[0] && strcmp(e->enrolled_on, old.ended_on) > 0) {
		lup_err_field(err, "enrolled_on", _("the seat cannot count from after it ended (%s)"),
		              old.ended_on);
		lup_enrolment_clear(&old);
		return -1;
	}
	if (first_mark(db, old.cohort_id, old.person_id, marked, err) < 0) {
		lup_enrolment_clear(&old);
		return -1;
	}
	if (marked[0] && e->enrolled_on[0] && strcmp(e->enrolled_on, marked) > 0) {
		lup_err_field(err, "enrolled_on",
			_("%s has attendance from %s: their seat must count from that day or earlier"),
			old.name, marked);
		lup_enrolment_clear(&old);
		return -1;
	}
	lup_enrolment_clear(&old);
	if (!(st = lup_stmt(db, upd, err)))
		return -1;
	lup_now_utc(now);
	sqlite3_bind_text(st, 1, e->id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 2, e->enrolled_on);
	lup_bind_text(st, 3, e->note);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("saving an enrolment"), err) < 0)
		return -1;
	memcpy(e->updated_at, now, sizeof now);
	return 0;
}

static void enrolment_gone(lup_db *db, const void *seen, lup_err *err)
{
	const struct lup_enrolment *e = seen;
	(void)db;
	lup_err_set(err, LUP_EGONE,
	            _("The enrolment of %s was deleted in another window since you opened the form"),
	            e->name);
}

static const struct lup_col enrolment_cols[] = {
	{ LUP_COL(struct lup_enrolment, enrolled_on, BUF, "enrolled_on", N_("Seat counts from")) },
	{ LUP_COL(struct lup_enrolment, note, STR, "note", N_("Note")) },
};

LUP_TABLE(enrolment_table, struct lup_enrolment, enrolment_cols,
          lup_enrolment_get, lup_enrolment_clear, enrolment_gone);

int lup_enrolment_update(lup_db *db, const struct lup_enrolment *seen, struct lup_enrolment *e,
                         struct lup_merge_report *mr, lup_err *err)
{
	return LUP_MERGE_SAVE(db, &enrolment_table, e->id, seen, e, mr, err,
	                      enrolment_write(db, e, err));
}

/* ---- Back to the waitlist ---- */

int lup_enrol_unseat(lup_db *db, const char *enrolment_id, int *position,
                     struct lup_promotions *promoted, lup_err *err)
{
	static const char info[] =
		"SELECT e.cohort_id, e.status, p.name, "
		"(SELECT count(*) FROM enrolment w WHERE w.cohort_id = e.cohort_id AND w.status = 'waitlisted'), "
		"(SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id "
		"  WHERE a.person_id = e.person_id AND s.cohort_id = e.cohort_id) "
		"FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.id = ?1";
	static const char to_end[] =
		"UPDATE enrolment SET status = 'waitlisted', enrolled_on = NULL, updated_at = ?2, "
		"waitlist_pos = (SELECT coalesce(max(w.waitlist_pos), 0) + 1 FROM enrolment w "
		"  WHERE w.cohort_id = enrolment.cohort_id AND w.status = 'waitlisted') WHERE id = ?1";
	static const char make_room[] =
		"UPDATE enrolment SET waitlist_pos = waitlist_pos + 1, updated_at = ?3 "
		"WHERE cohort_id = ?1 AND status = 'waitlisted' AND id <> ?2";
	static const char to_front[] =
		"UPDATE enrolment SET waitlist_pos = 1 WHERE id = ?1";
	char cohort[LUP_ID_SIZE], status[16], name[128], now[21];
	size_t before = promoted ? promoted->n : 0;
	struct cohort_info ci;
	long waiting, marks;
	sqlite3_stmt *st;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_row_by_id(db, info, enrolment_id, _("moving to the waitlist"),
	                         _("no such enrolment"), err)))
		goto fail;
	lup_col_copy(st, 0, cohort, sizeof cohort);
	lup_col_copy(st, 1, status, sizeof status);
	lup_col_cut(st, 2, name, sizeof name);
	waiting = sqlite3_column_int64(st, 3);
	marks = sqlite3_column_int64(st, 4);
	lup_done(st);
	if (strcmp(status, "enrolled") != 0) {
		lup_err_set(err, LUP_ECONFLICT, _("%s is %s: only someone holding a seat can go back to the waitlist"),
		            name, lup_enrol_status_label(status));
		goto fail;
	}
	if (marks > 0) {
		lup_err_set(err, LUP_ECONFLICT,
			ngettext("%s has attendance for %ld session: they took part, so withdraw them instead",
			         "%s has attendance for %ld sessions: they took part, so withdraw them instead",
			         (unsigned long)marks), name, marks);
		goto fail;
	}
	if (cohort_info(db, cohort, &ci, err) < 0)
		goto fail;
	if (ci.seated <= ci.capacity && waiting == 0) {
		lup_err_set(err, LUP_ECONFLICT,
			_("%s has a free seat and nobody waiting: %s would get the seat straight back "
			  "(withdraw them if they are leaving)"), ci.name, name);
		goto fail;
	}
	lup_now_utc(now);
	/* Out of the seat, to the end of the line; the first person waiting
	 * takes the seat if it is one the capacity has room for; then the
	 * one who had a seat goes first in line (they asked before). */
	if (!(st = lup_stmt(db, to_end, err)))
		goto fail;
	sqlite3_bind_text(st, 1, enrolment_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("moving to the waitlist"), err) < 0 ||
	    lup_p_promote(db, cohort, promoted, err) < 0)
		goto fail;
	if (!(st = lup_stmt(db, make_room, err)))
		goto fail;
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, enrolment_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("moving to the waitlist"), err) < 0)
		goto fail;
	if (!(st = lup_stmt(db, to_front, err)))
		goto fail;
	sqlite3_bind_text(st, 1, enrolment_id, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("moving to the waitlist"), err) < 0)
		goto fail;
	if (lup_db_commit(db, err) < 0)
		goto fail;
	if (position)
		*position = 1;
	return 0;
fail:
	lup_db_rollback(db);
	if (promoted)
		promoted->n = before;
	return -1;
}

struct unseat_ud {
	int *position;
	struct lup_promotions *promoted;
};

static int unseat_step(lup_db *db, const char *id, void *ud, lup_err *err)
{
	struct unseat_ud *u = ud;
	return lup_enrol_unseat(db, id, u->position, u->promoted, err);
}

int lup_enrol_unseat_edit(lup_db *db, const char *enrolment_id, const char *seen, int *position,
                          struct lup_promotions *promoted, struct lup_merge_report *mr,
                          lup_err *err)
{
	struct unseat_ud u = { position, promoted };
	return status_step(db, enrolment_id, seen, "waitlisted", unseat_step, &u, mr, err);
}

int lup_enrol_find(lup_db *db, const char *programme_id, const char *person_id,
                   char enrolment_id[LUP_ID_SIZE], lup_err *err)
{
	static const char sql[] =
		"SELECT id FROM enrolment WHERE programme_id = ?1 AND person_id = ?2 AND status <> 'withdrawn'";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, programme_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, person_id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("looking up an enrolment"), err)) < 0)
		return -1;
	if (rc == SQLITE_ROW)
		lup_col_copy(st, 0, enrolment_id, LUP_ID_SIZE);
	lup_done(st);
	return rc == SQLITE_ROW ? 0
		: lup_err_set(err, LUP_ENOTFOUND, _("not enrolled in this programme"));
}

/* ---- The list ---- */

#define RANK "CASE e.status WHEN 'enrolled' THEN 1 WHEN 'completed' THEN 2 " \
	"WHEN 'waitlisted' THEN 3 ELSE 4 END"
#define EROW "SELECT e.id, e.person_id, p.name, coalesce(p.email, ''), coalesce(p.org_unit, ''), " \
	"e.status, coalesce(e.waitlist_pos, 0) AS wp, e.requested_at, coalesce(e.enrolled_on, ''), " \
	"coalesce(e.ended_on, ''), " RANK " AS r FROM enrolment e JOIN person p ON p.id = e.person_id " \
	"WHERE e.cohort_id = ?1 AND (?2 OR e.status <> 'withdrawn') "

static const char *const page_sql[2] = {
	EROW "AND (r, wp, e.requested_at, e.id) > (?3, ?4, ?5, ?6) "
	"ORDER BY r, wp, e.requested_at, e.id LIMIT ?7",
	EROW "AND (r, wp, e.requested_at, e.id) < (?3, ?4, ?5, ?6) "
	"ORDER BY r DESC, wp DESC, e.requested_at DESC, e.id DESC LIMIT ?7",
};

static void read_enrolment_row(sqlite3_stmt *st, void *row)
{
	struct lup_enrolment_row *r = row;
	lup_col_copy(st, 0, r->id, sizeof r->id);
	lup_col_copy(st, 1, r->person_id, sizeof r->person_id);
	lup_col_cut(st, 2, r->name, sizeof r->name);
	lup_col_cut(st, 3, r->email, sizeof r->email);
	lup_col_cut(st, 4, r->org_unit, sizeof r->org_unit);
	lup_col_copy(st, 5, r->status, sizeof r->status);
	r->waitlist_pos = sqlite3_column_int(st, 6);
	lup_col_copy(st, 7, r->requested_at, sizeof r->requested_at);
	lup_col_copy(st, 8, r->enrolled_on, sizeof r->enrolled_on);
	lup_col_copy(st, 9, r->ended_on, sizeof r->ended_on);
	r->rank = sqlite3_column_int(st, 10);
}

int lup_enrolment_page(lup_db *db, const struct lup_enrolment_query *q,
                       const struct lup_enrolment_row *from, int dir, int limit,
                       struct lup_enrolment_row *rows, lup_err *err)
{
	int back = dir < 0, n;
	sqlite3_stmt *st;
	if (!q || !q->cohort_id)
		return lup_err_set(err, LUP_EINVAL, _("no cohort given"));
	if (limit <= 0)
		return 0;
	if (!(st = lup_stmt(db, page_sql[back], err)))
		return -1;
	sqlite3_bind_text(st, 1, q->cohort_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, q->with_withdrawn ? 1 : 0);
	sqlite3_bind_int(st, 3, from ? from->rank : back ? 9 : 0);
	sqlite3_bind_int(st, 4, from ? from->waitlist_pos : 0);
	lup_bind_key(st, 5, from ? from->requested_at : NULL, back);
	lup_bind_key(st, 6, from ? from->id : NULL, back);
	sqlite3_bind_int(st, 7, limit);
	if ((n = lup_page_rows(db, st, back, limit, rows, sizeof *rows, read_enrolment_row,
	                       _("listing enrolments"), err)) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		struct lup_block_progress bp[LUP_MAX_BLOCKS];
		lup_err ignored;
		int nb;
		if (strcmp(rows[i].status, "enrolled") != 0 && strcmp(rows[i].status, "completed") != 0)
			continue;
		nb = lup_completion(db, rows[i].id, bp, LUP_MAX_BLOCKS, &ignored);
		for (int k = 0; k < nb; k++) {
			rows[i].blocks += bp[k].scheduled;
			rows[i].blocks_met += bp[k].met;
		}
	}
	return n;
}

int lup_enrolment_count(lup_db *db, const struct lup_enrolment_query *q, long *n, lup_err *err)
{
	static const char sql[] =
		"SELECT count(*) FROM enrolment e WHERE e.cohort_id = ?1 AND (?2 OR e.status <> 'withdrawn')";
	sqlite3_stmt *st;
	if (!q || !q->cohort_id)
		return lup_err_set(err, LUP_EINVAL, _("no cohort given"));
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, q->cohort_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, q->with_withdrawn ? 1 : 0);
	return lup_count_row(db, st, n, 1, _("counting enrolments"), err);
}
