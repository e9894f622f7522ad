/* checkin.c — check-ins and their ratings: a draft made, rated a
 * keystroke at a time, made final, corrected by a draft that replaces it;
 * a person's check-ins and a check-in's rating sheet, page by page.  The
 * other parts of competence assurance: targets (target.c), due dates and
 * the Due list (due.c), gaps (gaps.c), the heat map (heatmap.c), rounds
 * (round.c), profiles (profile.c); what they share, competence.c. */
#include <stdlib.h>
#include <string.h>
#include "core/comp_int.h"

#define NOTE_MAX 4000

static int valid_kind(const char *k)
{
	return strcmp(k, "self") == 0 || strcmp(k, "manager") == 0 || strcmp(k, "validation") == 0;
}

#define copy_level lup_comp_level
#define level_text lup_comp_level_text
#define level_word lup_comp_level_word
#define count1 lup_comp_count1

#define PERSON_SQL "SELECT count(*) FROM person WHERE id = ?1"
#define FRAMEWORK_SQL "SELECT count(*) FROM framework WHERE id = ?1"

/* 0 when the row of id is there (sql counts it), else -1 with the
 * message missing on field, or with err naming what failed. */
static int must_exist(lup_db *db, const char *sql, const char *id, const char *field,
                      const char *missing, lup_err *err)
{
	int r = count1(db, sql, id, err);
	if (r < 0)
		return -1;
	return r ? 0 : lup_err_field(err, field, "%s", missing);
}

/* ---- Check-ins ---- */

void lup_checkin_clear(struct lup_checkin *c)
{
	free(c->assessor_name);
	free(c->note);
	memset(c, 0, sizeof *c);
}

const char *lup_checkin_kind_label(const char *kind)
{
	if (!kind)
		return "";
	if (strcmp(kind, "self") == 0)
		return _("self-assessment");
	if (strcmp(kind, "manager") == 0)
		return _("manager review");
	if (strcmp(kind, "validation") == 0)
		return _("validation");
	return kind;
}

const char *lup_checkin_status_label(const char *status)
{
	if (!status)
		return "";
	if (strcmp(status, "draft") == 0)
		return _("draft");
	if (strcmp(status, "final") == 0)
		return _("final");
	return status;
}

int lup_checkin_get(lup_db *db, const char *id, struct lup_checkin *c, lup_err *err)
{
	static const char sql[] =
		"SELECT k.id, k.person_id, k.framework_id, k.date, k.kind, coalesce(k.assessor_id, ''), "
		"k.assessor_name, k.note, k.status, coalesce(k.supersedes_id, ''), "
		"coalesce((SELECT s.id FROM checkin s WHERE s.supersedes_id = k.id), ''), "
		"k.created_at, k.updated_at, coalesce(k.round_id, '') FROM checkin k WHERE k.id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	memset(c, 0, sizeof *c);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, c->id, sizeof c->id);
		lup_col_copy(st, 1, c->person_id, sizeof c->person_id);
		lup_col_copy(st, 2, c->framework_id, sizeof c->framework_id);
		lup_col_copy(st, 3, c->date, sizeof c->date);
		lup_col_copy(st, 4, c->kind, sizeof c->kind);
		lup_col_copy(st, 5, c->assessor_id, sizeof c->assessor_id);
		c->assessor_name = lup_col_dup(st, 6);
		c->note = lup_col_dup(st, 7);
		lup_col_copy(st, 8, c->status, sizeof c->status);
		lup_col_copy(st, 9, c->supersedes_id, sizeof c->supersedes_id);
		lup_col_copy(st, 10, c->superseded_by, sizeof c->superseded_by);
		lup_col_copy(st, 11, c->created_at, sizeof c->created_at);
		lup_col_copy(st, 12, c->updated_at, sizeof c->updated_at);
		lup_col_copy(st, 13, c->round_id, sizeof c->round_id);
	}
	lup_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return lup_err_set(err, LUP_ENOTFOUND, _("no such check-in"));
	return lup_sqlerr(db, err, _("reading a check-in"));
}

static int checkin_validate(lup_db *db, struct lup_checkin *c, lup_err *err)
{
	lup_date today = lup_date_today(), d;

	if (!valid_kind(c->kind))
		return lup_err_field(err, "kind", _("'%s' is not a kind of check-in: self, manager or validation"),
		                     c->kind);
	if (!c->date[0]) {
		lup_date_format(today, c->date);
	} else {
		if (lup_date_parse(c->date, today, &d) < 0)
			return lup_err_field(err, "date", _("'%s' is not a date (YYYY-MM-DD)"), c->date);
		lup_date_format(d, c->date);
	}
	lup_tidy(&c->assessor_name);
	lup_tidy(&c->note);
	if (c->assessor_name && strlen(c->assessor_name) > 200)
		return lup_err_field(err, "assessor", _("the assessor's name is longer than 200 characters"));
	if (c->note && strlen(c->note) > NOTE_MAX)
		return lup_err_field(err, "note", _("the note is longer than %d characters"), NOTE_MAX);
	if (strcmp(c->kind, "manager") == 0 && !c->assessor_id[0] && !c->assessor_name && c->person_id[0]) {
		/* a manager review is by their manager, unless told otherwise */
		sqlite3_stmt *st = lup_stmt(db, "SELECT coalesce(manager_id, '') FROM person WHERE id = ?1", err);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, c->person_id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			lup_col_copy(st, 0, c->assessor_id, sizeof c->assessor_id);
		lup_done(st);
	}
	if (c->assessor_id[0])
		return must_exist(db, PERSON_SQL, c->assessor_id, "assessor", _("the assessor does not exist"),
		                  err);
	return 0;
}

int lup_checkin_save(lup_db *db, struct lup_checkin *c, lup_err *err)
{
	static const char sql_ins[] =
		"INSERT INTO checkin (id, person_id, framework_id, date, kind, assessor_id, assessor_name, "
		"note, status, round_id, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'draft', ?10, ?9, ?9)";
	static const char sql_upd[] =
		"UPDATE checkin SET date = ?2, kind = ?3, assessor_id = ?4, assessor_name = ?5, note = ?6, "
		"updated_at = ?7, framework_id = ?8 WHERE id = ?1 AND status = 'draft'";
	int insert = c->id[0] == '\0', r;
	char now[21];
	sqlite3_stmt *st;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (checkin_validate(db, c, err) < 0)
		goto fail;
	lup_now_utc(now);
	if (insert) {
		if (must_exist(db, PERSON_SQL, c->person_id, "person", _("no such person"), err) < 0 ||
		    must_exist(db, FRAMEWORK_SQL, c->framework_id, "framework", _("no such framework"), err) < 0)
			goto fail;
		if (!(st = lup_stmt(db, sql_ins, err)))
			goto fail;
		lup_uuid(c->id);
		sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, c->person_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, c->framework_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, c->date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, c->kind, -1, SQLITE_TRANSIENT);
		lup_bind_text(st, 6, c->assessor_id);
		lup_bind_text(st, 7, c->assessor_name);
		lup_bind_text(st, 8, c->note);
		sqlite3_bind_text(st, 9, now, -1, SQLITE_TRANSIENT);
		lup_bind_text(st, 10, c->round_id);
		if (lup_run(db, st, _("saving a check-in"), err) < 0)
			goto fail;
		strcpy(c->status, "draft");
		memcpy(c->created_at, now, sizeof now);
	} else {
		struct lup_checkin old;
		int moved;
		if (lup_checkin_get(db, c->id, &old, err) < 0)
			goto fail;
		r = strcmp(old.status, "draft") == 0;
		moved = c->framework_id[0] && strcmp(old.framework_id, c->framework_id) != 0;
		if (!c->framework_id[0])
			memcpy(c->framework_id, old.framework_id, sizeof c->framework_id);
		lup_checkin_clear(&old);
		if (!r) {
			lup_err_set(err, LUP_ECONFLICT,
			            _("a final check-in cannot be changed; correct it with a new one that supersedes it"));
			goto fail;
		}
		if (moved) {
			/* another framework: only while nothing is rated */
			if (must_exist(db, FRAMEWORK_SQL, c->framework_id, "framework", _("no such framework"),
			               err) < 0)
				goto fail;
			r = count1(db, "SELECT count(*) FROM rating WHERE checkin_id = ?1", c->id, err);
			if (r < 0)
				goto fail;
			if (r) {
				lup_err_field(err, "framework", _("the draft has ratings already: it keeps its framework "
				                                  "(delete it and start another to use a different one)"));
				goto fail;
			}
		}
		if (!(st = lup_stmt(db, sql_upd, err)))
			goto fail;
		sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, c->date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, c->kind, -1, SQLITE_TRANSIENT);
		lup_bind_text(st, 4, c->assessor_id);
		lup_bind_text(st, 5, c->assessor_name);
		lup_bind_text(st, 6, c->note);
		sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 8, c->framework_id, -1, SQLITE_TRANSIENT);
		if (lup_run(db, st, _("saving a check-in"), err) < 0)
			goto fail;
	}
	memcpy(c->updated_at, now, sizeof now);
	if (lup_db_commit(db, err) < 0) {
		if (insert)
			c->id[0] = '\0';
		return -1;
	}
	return 0;
fail:
	lup_db_rollback(db);
	if (insert)
		c->id[0] = '\0';
	return -1;
}

static int checkin_get(lup_db *db, const char *id, void *out, lup_err *err)
{
	return lup_checkin_get(db, id, out, err);
}

static void checkin_clear(void *c)
{
	lup_checkin_clear(c);
}

static void checkin_gone(lup_db *db, const void *seen, lup_err *err)
{
	const struct lup_checkin *c = seen;
	(void)db;
	lup_err_set(err, LUP_EGONE,
	            _("The check-in of %s was deleted in another window since you opened it"), c->date);
}

static const struct lup_col checkin_cols[] = {
	{ LUP_COL(struct lup_checkin, date, BUF, "date", N_("Date")) },
	{ LUP_COL(struct lup_checkin, kind, BUF, "kind", N_("Kind")),
	  .label_of = lup_checkin_kind_label },
	{ LUP_COL(struct lup_checkin, assessor_id, BUF, "assessor", N_("Assessor")),
	  .ref_sql = "SELECT name FROM person WHERE id = ?1" },
	{ LUP_COL(struct lup_checkin, assessor_name, STR, "assessor_name", N_("Or by name")) },
	{ LUP_COL(struct lup_checkin, note, STR, "note", N_("Note")) },
	{ LUP_COL(struct lup_checkin, framework_id, BUF, "framework", N_("Framework")),
	  .ref_sql = "SELECT ident || '@' || revision FROM framework WHERE id = ?1" },
};

static const struct lup_table checkin_table = {
	checkin_cols, sizeof checkin_cols / sizeof checkin_cols[0], sizeof(struct lup_checkin),
	checkin_get, checkin_clear, checkin_gone
};

int lup_checkin_update(lup_db *db, const struct lup_checkin *seen, struct lup_checkin *c,
                       struct lup_merge_report *mr, lup_err *err)
{
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (lup_merge_stored(db, &checkin_table, c->id, seen, c, mr, err) < 0 ||
	    lup_checkin_save(db, c, err) < 0 || lup_db_commit(db, err) < 0) {
		lup_db_rollback(db);
		return -1;
	}
	return 0;
}

/* Why a lifecycle change did not apply: a missing check-in or its status. */
static int why_not(lup_db *db, const char *id, const char *draft_msg, const char *final_msg,
                   lup_err *err)
{
	struct lup_checkin c;
	int final;
	if (lup_checkin_get(db, id, &c, err) < 0)
		return -1;
	final = strcmp(c.status, "final") == 0;
	lup_checkin_clear(&c);
	return lup_err_set(err, LUP_ECONFLICT, "%s", final ? final_msg : draft_msg);
}

int lup_checkin_finalize(lup_db *db, const char *id, lup_err *err)
{
	static const char sql[] =
		"UPDATE checkin SET status = 'final', updated_at = ?2 WHERE id = ?1 AND status = 'draft' "
		"AND EXISTS (SELECT 1 FROM rating r JOIN competence c ON c.id = r.competence_id "
		"WHERE r.checkin_id = ?1 AND r.level IS NOT NULL AND c.retired = 0)";
	sqlite3_stmt *st;
	char now[21];

	lup_now_utc(now);
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("finishing a check-in"), err) < 0)
		goto fail;
	if (sqlite3_changes(db->h) == 0) {
		why_not(db, id, _("rate at least one competence with a level before making the check-in final"),
		        _("the check-in is final already"), err);
		goto fail;
	}
	return lup_db_commit(db, err);
fail:
	lup_db_rollback(db);
	return -1;
}

int lup_checkin_delete(lup_db *db, const char *id, lup_err *err)
{
	static const char sql[] = "DELETE FROM checkin WHERE id = ?1 AND status = 'draft'";
	sqlite3_stmt *st;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("deleting a check-in"), err) < 0)
		goto fail;
	if (sqlite3_changes(db->h) == 0) {
		why_not(db, id, "", _("a final check-in is kept: correct it with a new one that supersedes it"),
		        err);
		goto fail;
	}
	return lup_db_commit(db, err);
fail:
	lup_db_rollback(db);
	return -1;
}

int lup_checkin_supersede(lup_db *db, const char *id, const char *date,
                          char new_id[LUP_UUID_LEN + 1], lup_err *err)
{
	static const char sql_by[] =
		"SELECT id, status FROM checkin WHERE supersedes_id = ?1";
	static const char sql_ins[] =
		"INSERT INTO checkin (id, person_id, framework_id, date, kind, assessor_id, assessor_name, "
		"note, status, supersedes_id, round_id, created_at, updated_at) "
		"SELECT ?2, person_id, framework_id, ?3, kind, assessor_id, assessor_name, note, 'draft', "
		"id, round_id, ?4, ?4 FROM checkin WHERE id = ?1";
	static const char sql_ratings[] =
		"SELECT competence_id, level, comment FROM rating WHERE checkin_id = ?1";
	static const char sql_copy[] =
		"INSERT INTO rating (id, checkin_id, competence_id, level, comment, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
	struct lup_checkin old;
	sqlite3_stmt *st, *ins;
	char now[21], day[11], uuid[LUP_UUID_LEN + 1], by[LUP_UUID_LEN + 1] = "", by_status[8] = "";
	int rc;

	new_id[0] = '\0';
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (lup_checkin_get(db, id, &old, err) < 0)
		goto fail;
	rc = strcmp(old.status, "final") == 0;
	memcpy(day, old.date, sizeof day);
	lup_checkin_clear(&old);
	if (!rc) {
		lup_err_set(err, LUP_ECONFLICT, _("a draft is edited, not superseded"));
		goto fail;
	}
	if (!(st = lup_stmt(db, sql_by, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		lup_col_copy(st, 0, by, sizeof by);
		lup_col_copy(st, 1, by_status, sizeof by_status);
	}
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		lup_sqlerr(db, err, _("correcting a check-in"));
		goto fail;
	}
	if (by[0]) {
		if (strcmp(by_status, "draft") == 0) {
			lup_db_rollback(db);
			memcpy(new_id, by, sizeof by);
			return 0;
		}
		lup_err_set(err, LUP_ECONFLICT, _("this check-in has been superseded already; correct the newer one"));
		goto fail;
	}
	if (date && *date) {
		lup_date d;
		if (lup_date_parse(date, lup_date_today(), &d) < 0) {
			lup_err_field(err, "date", _("'%s' is not a date (YYYY-MM-DD)"), date);
			goto fail;
		}
		lup_date_format(d, day);
	}
	lup_now_utc(now);
	lup_uuid(uuid);
	if (!(st = lup_stmt(db, sql_ins, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("correcting a check-in"), err) < 0)
		goto fail;
	if (!(st = lup_stmt(db, sql_ratings, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char rid[LUP_UUID_LEN + 1];
		if (!(ins = lup_stmt(db, sql_copy, err))) {
			lup_done(st);
			goto fail;
		}
		lup_id_rating(rid, uuid, (const char *)sqlite3_column_text(st, 0));
		sqlite3_bind_text(ins, 1, rid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 2, uuid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_value(ins, 3, sqlite3_column_value(st, 0));
		sqlite3_bind_value(ins, 4, sqlite3_column_value(st, 1));
		sqlite3_bind_value(ins, 5, sqlite3_column_value(st, 2));
		sqlite3_bind_text(ins, 6, now, -1, SQLITE_TRANSIENT);
		if (lup_run(db, ins, _("correcting a check-in"), err) < 0) {
			lup_done(st);
			goto fail;
		}
	}
	lup_done(st);
	if (rc != SQLITE_DONE) {
		lup_sqlerr(db, err, _("correcting a check-in"));
		goto fail;
	}
	if (lup_db_commit(db, err) < 0)
		return -1;
	memcpy(new_id, uuid, sizeof uuid);
	return 0;
fail:
	lup_db_rollback(db);
	return -1;
}

int lup_checkin_find_draft(lup_db *db, const char *person_id, const char *kind,
                           char id[LUP_UUID_LEN + 1], lup_err *err)
{
	static const char sql[] =
		"SELECT id FROM checkin WHERE person_id = ?1 AND status = 'draft' AND (?2 IS NULL OR kind = ?2) "
		"ORDER BY date DESC, created_at DESC, id DESC LIMIT 1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	id[0] = '\0';
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 2, kind);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lup_col_copy(st, 0, id, LUP_UUID_LEN + 1);
	lup_done(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return lup_sqlerr(db, err, _("looking for a draft"));
}

#define CK_COLS \
	"SELECT k.id, k.date, k.kind, k.status, f.ident, f.revision, coalesce(a.name, k.assessor_name, ''), " \
	"(SELECT count(*) FROM rating r WHERE r.checkin_id = k.id), " \
	"(SELECT count(*) FROM competence c WHERE c.framework_id = k.framework_id AND c.retired = 0), " \
	"EXISTS (SELECT 1 FROM checkin s WHERE s.supersedes_id = k.id AND s.status = 'final'), k.created_at, " \
	"coalesce((SELECT r.name FROM round r WHERE r.id = k.round_id), '') " \
	"FROM checkin k JOIN framework f ON f.id = k.framework_id LEFT JOIN person a ON a.id = k.assessor_id " \
	"WHERE k.person_id = ?1 "

static const char *const ck_sql[2][2] = {
	{ CK_COLS "ORDER BY k.date DESC, k.created_at DESC, k.id DESC LIMIT ?5",
	  CK_COLS "AND (k.date, k.created_at, k.id) < (?2, ?3, ?4) "
	  "ORDER BY k.date DESC, k.created_at DESC, k.id DESC LIMIT ?5" },
	{ CK_COLS "ORDER BY k.date, k.created_at, k.id LIMIT ?5",
	  CK_COLS "AND (k.date, k.created_at, k.id) > (?2, ?3, ?4) "
	  "ORDER BY k.date, k.created_at, k.id LIMIT ?5" },
};

static void checkin_row(sqlite3_stmt *st, void *row)
{
	struct lup_checkin_row *r = row;
	lup_col_copy(st, 0, r->id, sizeof r->id);
	lup_col_copy(st, 1, r->date, sizeof r->date);
	lup_col_copy(st, 2, r->kind, sizeof r->kind);
	lup_col_copy(st, 3, r->status, sizeof r->status);
	lup_col_copy(st, 4, r->framework, sizeof r->framework);
	r->revision = sqlite3_column_int(st, 5);
	lup_col_copy(st, 6, r->assessor, sizeof r->assessor);
	r->rated = (long)sqlite3_column_int64(st, 7);
	r->competences = (long)sqlite3_column_int64(st, 8);
	r->superseded = sqlite3_column_int(st, 9);
	lup_col_copy(st, 10, r->created_at, sizeof r->created_at);
	lup_col_copy(st, 11, r->round, sizeof r->round);
}

int lup_checkin_page(lup_db *db, const char *person_id, const struct lup_checkin_row *from,
                     int dir, int limit, struct lup_checkin_row *rows, lup_err *err)
{
	int back = dir < 0;
	sqlite3_stmt *st = lup_stmt(db, ck_sql[back][from != NULL], err);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
	if (from) {
		sqlite3_bind_text(st, 2, from->date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, from->created_at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, from->id, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(st, 5, limit);
	return lup_page_rows(db, st, back, limit, rows, sizeof *rows, checkin_row, _("listing check-ins"), err);
}

/* ---- Ratings ---- */

/* The sheet: each competence of the check-in's revision with its rating,
 * the target in force at the end of the check-in's day, and the level of
 * the same competence (by identity) in the person's last final check-in
 * before this one of the same kind (self, or manager and validation),
 * with the revision that was. */
#define RT_COLS \
	"SELECT c.id, c.seq, c.code, c.name, coalesce(c.name_sv, ''), a.code, a.name, coalesce(a.name_sv, ''), " \
	"c.level_min, c.level_max, r.id IS NOT NULL, r.level, coalesce(r.comment, ''), " \
	TARGET_AT("c.identity", "k.person_id", TARGET_TIME("k", "f")) ", " \
	"pv.level, pv.revision, pv.date " \
	"FROM checkin k JOIN framework f ON f.id = k.framework_id " \
	"JOIN competence c ON c.framework_id = k.framework_id AND c.retired = 0 " \
	"JOIN area a ON a.id = c.area_id " \
	"LEFT JOIN rating r ON r.checkin_id = k.id AND r.competence_id = c.id " \
	"LEFT JOIN (SELECT r2.level, g.revision, k2.date, c2.identity, " \
	"row_number() OVER (PARTITION BY c2.identity ORDER BY k2.date DESC, k2.created_at DESC, k2.id DESC) AS n " \
	"FROM checkin k0 JOIN checkin k2 ON k2.person_id = k0.person_id " \
	"JOIN rating r2 ON r2.checkin_id = k2.id JOIN competence c2 ON c2.id = r2.competence_id " \
	"JOIN framework g ON g.id = k2.framework_id " \
	"WHERE k0.id = ?1 AND " EFFECTIVE("k2") " AND (k2.date, k2.created_at, k2.id) < (k0.date, k0.created_at, k0.id) " \
	"AND (k2.kind = 'self') = (k0.kind = 'self') AND r2.level IS NOT NULL) pv " \
	"ON pv.identity = c.identity AND pv.n = 1 WHERE k.id = ?1 "

static const char *const rt_sql[2][2] = {
	{ RT_COLS "ORDER BY c.seq LIMIT ?3",
	  RT_COLS "AND c.seq > ?2 ORDER BY c.seq LIMIT ?3" },
	{ RT_COLS "ORDER BY c.seq DESC LIMIT ?3",
	  RT_COLS "AND c.seq < ?2 ORDER BY c.seq DESC LIMIT ?3" },
};

static void rating_row(sqlite3_stmt *st, void *row)
{
	struct lup_rating_row *r = row;
	lup_col_copy(st, 0, r->competence_id, sizeof r->competence_id);
	r->seq = (long)sqlite3_column_int64(st, 1);
	lup_col_copy(st, 2, r->code, sizeof r->code);
	lup_col_copy(st, 3, r->name, sizeof r->name);
	lup_col_copy(st, 4, r->name_sv, sizeof r->name_sv);
	lup_col_copy(st, 5, r->area, sizeof r->area);
	lup_col_copy(st, 6, r->area_name, sizeof r->area_name);
	lup_col_copy(st, 7, r->area_name_sv, sizeof r->area_name_sv);
	r->level_min = sqlite3_column_int(st, 8);
	r->level_max = sqlite3_column_int(st, 9);
	if (!sqlite3_column_int(st, 10))
		r->level = LUP_LEVEL_NONE;
	else if (sqlite3_column_type(st, 11) == SQLITE_NULL)
		r->level = LUP_LEVEL_NA;
	else
		r->level = sqlite3_column_int(st, 11);
	lup_col_copy(st, 12, r->comment, sizeof r->comment);
	copy_level(st, 13, &r->target);
	copy_level(st, 14, &r->previous);
	r->previous_rev = sqlite3_column_int(st, 15);
	lup_col_copy(st, 16, r->previous_date, sizeof r->previous_date);
}

int lup_rating_page(lup_db *db, const char *checkin_id, const struct lup_rating_row *from,
                    int dir, int limit, struct lup_rating_row *rows, lup_err *err)
{
	int back = dir < 0;
	sqlite3_stmt *st = lup_stmt(db, rt_sql[back][from != NULL], err);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, checkin_id, -1, SQLITE_TRANSIENT);
	if (from)
		sqlite3_bind_int64(st, 2, from->seq);
	sqlite3_bind_int(st, 3, limit);
	return lup_page_rows(db, st, back, limit, rows, sizeof *rows, rating_row, _("reading ratings"), err);
}

int lup_rating_count(lup_db *db, const char *checkin_id, long *rated, long *total, lup_err *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM rating r JOIN competence c ON c.id = r.competence_id "
		"WHERE r.checkin_id = ?1 AND c.retired = 0), "
		"(SELECT count(*) FROM checkin k JOIN competence c ON c.framework_id = k.framework_id "
		"WHERE k.id = ?1 AND c.retired = 0)";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	long v[2];
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, checkin_id, -1, SQLITE_TRANSIENT);
	if (lup_count_row(db, st, v, 2, _("counting ratings"), err) < 0)
		return -1;
	*rated = v[0];
	*total = v[1];
	return 0;
}

/* Is checkin a draft, and competence part of its framework?  Fills the
 * competence's range. */
static int rating_target(lup_db *db, const char *checkin_id, const char *competence_id,
                         int *lmin, int *lmax, lup_err *err)
{
	static const char sql[] =
		"SELECT k.status, c.level_min, c.level_max, c.retired, c.code FROM checkin k "
		"LEFT JOIN competence c ON c.id = ?2 AND c.framework_id = k.framework_id WHERE k.id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc, draft = 0, found = 0, retired = 0;
	char code[LUP_FW_CODE_MAX + 1] = "";

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, checkin_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, competence_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		draft = s && strcmp(s, "draft") == 0;
		found = sqlite3_column_type(st, 1) != SQLITE_NULL;
		*lmin = sqlite3_column_int(st, 1);
		*lmax = sqlite3_column_int(st, 2);
		retired = sqlite3_column_int(st, 3);
		lup_col_copy(st, 4, code, sizeof code);
	}
	lup_done(st);
	if (rc == SQLITE_DONE)
		return lup_err_set(err, LUP_ENOTFOUND, _("no such check-in"));
	if (rc != SQLITE_ROW)
		return lup_sqlerr(db, err, _("rating"));
	if (!draft)
		return lup_err_set(err, LUP_ECONFLICT,
		                   _("a final check-in cannot be changed; correct it with a new one that supersedes it"));
	if (!found)
		return lup_err_set(err, LUP_EINVAL, _("that competence is not part of this check-in's framework"));
	if (retired)
		return lup_err_set(err, LUP_EINVAL, _("competence %s is retired"), code);
	return 0;
}

int lup_rating_set(lup_db *db, const char *checkin_id, const char *competence_id, int level,
                   lup_err *err)
{
	static const char sql_set[] =
		"INSERT INTO rating (id, checkin_id, competence_id, level, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (checkin_id, competence_id) "
		"DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at";
	static const char sql_del[] =
		"DELETE FROM rating WHERE checkin_id = ?1 AND competence_id = ?2";
	char now[21], uuid[LUP_UUID_LEN + 1];
	sqlite3_stmt *st;
	int lmin, lmax;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (rating_target(db, checkin_id, competence_id, &lmin, &lmax, err) < 0)
		goto fail;
	if (level == LUP_LEVEL_NONE) {
		if (!(st = lup_stmt(db, sql_del, err)))
			goto fail;
		sqlite3_bind_text(st, 1, checkin_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, competence_id, -1, SQLITE_TRANSIENT);
	} else {
		if (level != LUP_LEVEL_NA && (level < lmin || level > lmax)) {
			lup_err_field(err, "level", _("level %d lies outside %d-%d"), level, lmin, lmax);
			goto fail;
		}
		if (!(st = lup_stmt(db, sql_set, err)))
			goto fail;
		lup_now_utc(now);
		lup_id_rating(uuid, checkin_id, competence_id);
		sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, checkin_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, competence_id, -1, SQLITE_TRANSIENT);
		if (level == LUP_LEVEL_NA)
			sqlite3_bind_null(st, 4);
		else
			sqlite3_bind_int(st, 4, level);
		sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	}
	if (lup_run(db, st, _("rating"), err) < 0)
		goto fail;
	return lup_db_commit(db, err);
fail:
	lup_db_rollback(db);
	return -1;
}

int lup_rating_comment(lup_db *db, const char *checkin_id, const char *competence_id,
                       const char *comment, lup_err *err)
{
	static const char sql[] =
		"UPDATE rating SET comment = ?3, updated_at = ?4 WHERE checkin_id = ?1 AND competence_id = ?2";
	char now[21], *text = NULL;
	sqlite3_stmt *st;
	int lmin, lmax;

	if (comment && !(text = strdup(comment)))
		return lup_err_oom(err);
	lup_tidy(&text);
	if (text && strlen(text) > NOTE_MAX) {
		free(text);
		return lup_err_field(err, "comment", _("the comment is longer than %d characters"), NOTE_MAX);
	}
	if (lup_db_begin(db, err) < 0) {
		free(text);
		return -1;
	}
	if (rating_target(db, checkin_id, competence_id, &lmin, &lmax, err) < 0)
		goto fail;
	if (!(st = lup_stmt(db, sql, err)))
		goto fail;
	lup_now_utc(now);
	sqlite3_bind_text(st, 1, checkin_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, competence_id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 3, text);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("commenting"), err) < 0)
		goto fail;
	if (sqlite3_changes(db->h) == 0) {
		lup_err_set(err, LUP_ECONFLICT, _("rate the competence (a level or n) before commenting on it"));
		goto fail;
	}
	free(text);
	return lup_db_commit(db, err);
fail:
	free(text);
	lup_db_rollback(db);
	return -1;
}

/* The stored rating of a competence in a draft, for an edit: its level
 * (LUP_LEVEL_NONE when not rated) and, when comment is not NULL, its
 * comment.  The check-in deleted since: LUP_EGONE, and mr says so. */
static int rating_now(lup_db *db, const char *checkin_id, const char *competence_id,
                      int *level, char **comment, struct lup_merge_report *mr, lup_err *err)
{
	static const char sql[] =
		"SELECT level, comment FROM rating WHERE checkin_id = ?1 AND competence_id = ?2";
	sqlite3_stmt *st;
	int lmin, lmax, rc;

	*level = LUP_LEVEL_NONE;
	if (rating_target(db, checkin_id, competence_id, &lmin, &lmax, err) < 0) {
		if (err && err->code == LUP_ENOTFOUND) {
			lup_merge_gone(mr, err, "%s",
			               _("The check-in was deleted in another window since you opened it"));
		}
		return -1;
	}
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, checkin_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, competence_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*level = sqlite3_column_type(st, 0) == SQLITE_NULL ? LUP_LEVEL_NA : sqlite3_column_int(st, 0);
		if (comment && sqlite3_column_type(st, 1) != SQLITE_NULL && !(*comment = lup_col_dup(st, 1)))
			rc = SQLITE_NOMEM;
	}
	lup_done(st);
	if (rc == SQLITE_NOMEM)
		return lup_err_oom(err);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("rating"));
	return 0;
}

static const struct lup_col rating_col = {
	.field = "level", .label = N_("Level"), .kind = LUP_COL_BUF, .label_of = level_word
};

int lup_rating_edit(lup_db *db, const char *checkin_id, const char *competence_id, int seen,
                    int level, struct lup_merge_report *mr, lup_err *err)
{
	char b1[16], b2[16], b3[16];
	int stored, stored_wins;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (rating_now(db, checkin_id, competence_id, &stored, NULL, mr, err) < 0 ||
	    lup_merge_value(db, &rating_col, level_text(seen, b1), level_text(level, b2),
	                    level_text(stored, b3), &stored_wins, mr, err) < 0 ||
	    (!stored_wins && lup_rating_set(db, checkin_id, competence_id, level, err) < 0)) {
		lup_db_rollback(db);
		return -1;
	}
	return lup_db_commit(db, err);
}

static const struct lup_col comment_col = {
	.field = "comment", .label = N_("Comment"), .kind = LUP_COL_STR
};

int lup_rating_comment_edit(lup_db *db, const char *checkin_id, const char *competence_id,
                            const char *seen, const char *comment, struct lup_merge_report *mr,
                            lup_err *err)
{
	char *stored = NULL;
	int level, stored_wins, rc = -1;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (rating_now(db, checkin_id, competence_id, &level, &stored, mr, err) < 0 ||
	    lup_merge_value(db, &comment_col, seen, comment, stored, &stored_wins, mr, err) < 0 ||
	    (!stored_wins && lup_rating_comment(db, checkin_id, competence_id, comment, err) < 0))
		lup_db_rollback(db);
	else
		rc = lup_db_commit(db, err);
	free(stored);
	return rc;
}

int lup_rating_get_comment(lup_db *db, const char *checkin_id, const char *competence_id,
                           char **comment, lup_err *err)
{
	static const char sql[] =
		"SELECT comment FROM rating WHERE checkin_id = ?1 AND competence_id = ?2";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	*comment = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, checkin_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, competence_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL && !(*comment = lup_col_dup(st, 0)))
		rc = SQLITE_NOMEM;
	lup_done(st);
	if (rc == SQLITE_NOMEM)
		return lup_err_oom(err);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading a comment"));
	return 0;
}
