/* competence.c — check-ins, ratings, due dates, gaps and the heat map;
 * targets are in target.c, rounds in round.c, profiles in profile.c. */
#include <stdlib.h>
#include <string.h>
#include "core/comp_int.h"
#include "lup/competence.h"

#define NOTE_MAX 4000

static int oom(lup_err *err)
{
	return lup_err_set(err, LUP_EFAIL, _("out of memory"));
}

static int valid_kind(const char *k)
{
	return strcmp(k, "self") == 0 || strcmp(k, "manager") == 0 || strcmp(k, "validation") == 0;
}

int lup_comp_run(lup_db *db, sqlite3_stmt *st, const char *what, lup_err *err)
{
	int rc = sqlite3_step(st);
	lup_done(st);
	return rc == SQLITE_DONE ? 0 : lup_sqlerr(db, err, what);
}

void lup_comp_level(sqlite3_stmt *st, int col, int *out)
{
	*out = sqlite3_column_type(st, col) == SQLITE_NULL ? LUP_LEVEL_NONE : sqlite3_column_int(st, col);
}

void lup_comp_reverse(void *rows, int n, size_t size)
{
	char tmp[4096], *r = rows;
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		/* Rows are larger than tmp only in theory; swap in pieces. */
		for (size_t o = 0; o < size; o += sizeof tmp) {
			size_t k = size - o < sizeof tmp ? size - o : sizeof tmp;
			memcpy(tmp, r + (size_t)i * size + o, k);
			memcpy(r + (size_t)i * size + o, r + (size_t)j * size + o, k);
			memcpy(r + (size_t)j * size + o, tmp, k);
		}
	}
}

const char *lup_comp_level_text(int level, char buf[16])
{
	if (level == LUP_LEVEL_NONE)
		return NULL;
	if (level == LUP_LEVEL_NA)
		return "n/a";
	snprintf(buf, 16, "%d", level);
	return buf;
}

const char *lup_comp_level_word(const char *value)
{
	return strcmp(value, "n/a") == 0 ? _("not assessed") : value;
}

int lup_comp_count1(lup_db *db, const char *sql, const char *a, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int n;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("checking"));
	}
	n = sqlite3_column_int(st, 0);
	lup_done(st);
	return n;
}

void lup_comp_tidy(char **s)
{
	if (*s) {
		lup_trim(*s);
		if (!**s) {
			free(*s);
			*s = NULL;
		}
	}
}

#define run lup_comp_run
#define copy_level lup_comp_level
#define reverse lup_comp_reverse
#define level_text lup_comp_level_text
#define level_word lup_comp_level_word
#define count1 lup_comp_count1
#define tidy lup_comp_tidy

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
	int r;

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
	tidy(&c->assessor_name);
	tidy(&c->note);
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
	if (c->assessor_id[0]) {
		r = count1(db, "SELECT count(*) FROM person WHERE id = ?1", c->assessor_id, err);
		if (r < 0)
			return -1;
		if (!r)
			return lup_err_field(err, "assessor", _("the assessor does not exist"));
	}
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
		r = count1(db, "SELECT count(*) FROM person WHERE id = ?1", c->person_id, err);
		if (r < 0)
			goto fail;
		if (!r) {
			lup_err_field(err, "person", _("no such person"));
			goto fail;
		}
		r = count1(db, "SELECT count(*) FROM framework WHERE id = ?1", c->framework_id, err);
		if (r < 0)
			goto fail;
		if (!r) {
			lup_err_field(err, "framework", _("no such framework"));
			goto fail;
		}
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
		if (run(db, st, _("saving a check-in"), err) < 0)
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
			r = count1(db, "SELECT count(*) FROM framework WHERE id = ?1", c->framework_id, err);
			if (r < 0)
				goto fail;
			if (!r) {
				lup_err_field(err, "framework", _("no such framework"));
				goto fail;
			}
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
		if (run(db, st, _("saving a check-in"), err) < 0)
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
	if (run(db, st, _("finishing a check-in"), err) < 0)
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
	if (run(db, st, _("deleting a check-in"), err) < 0)
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
	if (run(db, st, _("correcting a check-in"), err) < 0)
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
		if (run(db, ins, _("correcting a check-in"), err) < 0) {
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

int lup_checkin_page(lup_db *db, const char *person_id, const struct lup_checkin_row *from,
                     int dir, int limit, struct lup_checkin_row *rows, lup_err *err)
{
	int back = dir < 0, n = 0, rc = SQLITE_DONE;
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
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_checkin_row *r = &rows[n++];
		memset(r, 0, sizeof *r);
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
	lup_done(st);
	if (n < limit && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("listing check-ins"));
	if (back)
		reverse(rows, n, sizeof *rows);
	return n;
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

int lup_rating_page(lup_db *db, const char *checkin_id, const struct lup_rating_row *from,
                    int dir, int limit, struct lup_rating_row *rows, lup_err *err)
{
	int back = dir < 0, n = 0, rc = SQLITE_DONE;
	sqlite3_stmt *st = lup_stmt(db, rt_sql[back][from != NULL], err);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, checkin_id, -1, SQLITE_TRANSIENT);
	if (from)
		sqlite3_bind_int64(st, 2, from->seq);
	sqlite3_bind_int(st, 3, limit);
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_rating_row *r = &rows[n++];
		memset(r, 0, sizeof *r);
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
	lup_done(st);
	if (n < limit && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading ratings"));
	if (back)
		reverse(rows, n, sizeof *rows);
	return n;
}

int lup_rating_count(lup_db *db, const char *checkin_id, long *rated, long *total, lup_err *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM rating r JOIN competence c ON c.id = r.competence_id "
		"WHERE r.checkin_id = ?1 AND c.retired = 0), "
		"(SELECT count(*) FROM checkin k JOIN competence c ON c.framework_id = k.framework_id "
		"WHERE k.id = ?1 AND c.retired = 0)";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, checkin_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("counting ratings"));
	}
	*rated = (long)sqlite3_column_int64(st, 0);
	*total = (long)sqlite3_column_int64(st, 1);
	lup_done(st);
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
	if (run(db, st, _("rating"), err) < 0)
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
		return oom(err);
	tidy(&text);
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
	if (run(db, st, _("commenting"), err) < 0)
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
		return oom(err);
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
		return oom(err);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading a comment"));
	return 0;
}

/* ---- Re-assessment ---- */

const char *lup_due_state_label(enum lup_due_state s)
{
	switch (s) {
	case LUP_DUE_OVERDUE: return _("overdue");
	case LUP_DUE_SOON: return _("due soon");
	case LUP_DUE_NEVER: return _("never assessed");
	default: return _("up to date");
	}
}

/* A whole number of days from 1 to 3650, or -1. */
static long interval_value(const char *s)
{
	char *end;
	long v;
	if (!s)
		return -1;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	return *end || v < 1 || v > 3650 ? -1 : v;
}

static int default_interval(const lup_config *cfg)
{
	return cfg ? (int)lup_config_int(cfg, "competence:interval_days") : 180;
}

static int soon_days(const lup_config *cfg)
{
	return cfg ? (int)lup_config_int(cfg, "competence:due_soon_days") : 30;
}

/* A free section's value for a role: its key matched as roles are
 * (lup_sortkey, so case and accents do not matter). */
struct role_match {
	char *key;
	const char *value;
};

static void match_role(void *ud, const char *key, const char *value)
{
	struct role_match *m = ud;
	char *k;
	if (m->value || !(k = lup_sortkey(key)))
		return;
	if (strcmp(lup_trim(k), m->key) == 0)
		m->value = value;
	free(k);
}

static const char *role_value(const lup_config *cfg, const char *section, const char *role)
{
	struct role_match m = { NULL, NULL };
	if (!cfg || !role || !*role || strlen(role) >= 200 || !(m.key = lup_sortkey(role)))
		return NULL;
	lup_trim(m.key);
	lup_config_each(cfg, section, match_role, &m);
	free(m.key);
	return m.value;
}

int lup_competence_interval(const lup_config *cfg, const char *role)
{
	long v = interval_value(role_value(cfg, "interval", role));
	return v > 0 ? (int)v : default_interval(cfg);
}

const char *lup_competence_framework_for(const lup_config *cfg, const char *role)
{
	const char *id = role_value(cfg, "frameworks", role);
	if (id && *id)
		return id;
	id = cfg ? lup_config_str(cfg, "competence:framework") : NULL;
	return id && *id ? id : "digcomp";
}

int lup_competence_framework_person(lup_db *db, const lup_config *cfg, const char *person_id,
                                    char id[LUP_UUID_LEN + 1], lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, "SELECT coalesce(role, '') FROM person WHERE id = ?1", err);
	char role[256] = "";
	const char *ident;
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, person_id ? person_id : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lup_col_copy(st, 0, role, sizeof role);
	lup_done(st);
	if (rc == SQLITE_DONE)
		return lup_err_set(err, LUP_ENOTFOUND, _("no such person"));
	if (rc != SQLITE_ROW)
		return lup_sqlerr(db, err, _("reading a person"));
	ident = lup_competence_framework_for(cfg, role);
	if (lup_framework_current(db, ident, id, err) < 0) {
		if (err && err->code == LUP_ENOTFOUND) {
			if (role_value(cfg, "frameworks", role))
				lup_err_set(err, LUP_ENOTFOUND,
				            _("framework '%s' (for the role %s in [frameworks] of lup.ini) is not imported: "
				              "see lup framework import"), ident, role);
			else
				lup_err_set(err, LUP_ENOTFOUND,
				            _("framework '%s' is not imported: see lup framework import, or set "
				              "[competence] framework in lup.ini"), ident);
		}
		return -1;
	}
	return 0;
}

struct interval_ctx {
	lup_db *db;
	sqlite3_stmt *st;
	int failed;
};

static void put_interval(void *ud, const char *key, const char *value)
{
	struct interval_ctx *c = ud;
	long v = interval_value(value);
	char *k;
	if (v < 0 || c->failed)
		return;
	if (!(k = lup_sortkey(key))) {
		c->failed = 1;
		return;
	}
	/* the first of a role's spellings counts, as lup_competence_interval */
	sqlite3_bind_text(c->st, 1, lup_trim(k), -1, free);
	sqlite3_bind_int64(c->st, 2, v);
	if (sqlite3_step(c->st) != SQLITE_DONE)
		c->failed = 1;
	lup_done(c->st);
}

/* The [interval] section as a temporary table the due queries join. */
static int load_intervals(lup_db *db, const lup_config *cfg, lup_err *err)
{
	static const char sql_ins[] = "INSERT OR IGNORE INTO temp.lup_interval (role, days) VALUES (?1, ?2)";
	static const char sql_clear[] = "DELETE FROM temp.lup_interval";
	struct interval_ctx c = { db, NULL, 0 };
	sqlite3_stmt *st;

	if (lup_exec(db, "CREATE TEMP TABLE IF NOT EXISTS lup_interval "
	                 "(role TEXT PRIMARY KEY, days INTEGER NOT NULL)", err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql_clear, err)) || run(db, st, _("reading intervals"), err) < 0)
		return -1;
	if (!cfg)
		return 0;
	if (!(c.st = lup_stmt(db, sql_ins, err)))
		return -1;
	lup_config_each(cfg, "interval", put_interval, &c);
	if (c.failed)
		return lup_sqlerr(db, err, _("reading intervals"));
	return 0;
}

static int parse_day(const char *s, lup_date *d)
{
	lup_date any = { 2000, 1, 1 };
	return s && *s ? lup_date_parse(s, any, d) : -1;
}

int lup_due_person(lup_db *db, const lup_config *cfg, const char *person_id, lup_date today,
                   struct lup_due_info *out, lup_err *err)
{
	static const char sql[] =
		"SELECT coalesce(p.role, ''), (SELECT k.date || ' ' || k.kind FROM checkin k "
		"WHERE k.person_id = p.id AND " EFFECTIVE("k") " "
		"ORDER BY k.date DESC, k.created_at DESC, k.id DESC LIMIT 1) FROM person p WHERE p.id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char role[256] = "", last[32] = "";
	lup_date d;
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, role, sizeof role);
		lup_col_copy(st, 1, last, sizeof last);
	}
	lup_done(st);
	if (rc == SQLITE_DONE)
		return lup_err_set(err, LUP_ENOTFOUND, _("no such person"));
	if (rc != SQLITE_ROW)
		return lup_sqlerr(db, err, _("reading a person"));
	out->interval = lup_competence_interval(cfg, role);
	if (!last[0]) {
		out->state = LUP_DUE_NEVER;
		return 0;
	}
	snprintf(out->last, sizeof out->last, "%.10s", last);
	snprintf(out->last_kind, sizeof out->last_kind, "%.11s", last[10] ? last + 11 : "");
	if (parse_day(out->last, &d) < 0)
		return lup_err_set(err, LUP_ECORRUPT, _("a check-in has a bad date: %s"), out->last);
	d = lup_date_add(d, out->interval);
	lup_date_format(d, out->due);
	out->days = lup_date_diff(d, today);
	out->state = out->days < 0 ? LUP_DUE_OVERDUE
	           : out->days <= soon_days(cfg) ? LUP_DUE_SOON : LUP_DUE_OK;
	return 0;
}

/* The Due list is computed for everyone at once into a temporary table and
 * paged from an index on it: working out each person's latest check-in
 * costs about a third of a second at 50,000 people, too much for every
 * page.  The table is computed again whenever its answer could differ: a
 * change by this connection to what it reads (see due_watch_sql), a
 * change to the database by another connection (PRAGMA data_version), or
 * another day, cohort or [interval].  Any other write (an attendance mark,
 * a rating in a draft, a host) leaves it as it is.  The filter is not part
 * of it: it keeps each person's folded search text, and pages and counts
 * match the filter against that, so typing a filter costs a scan of the
 * table, not a new pass over everyone's check-ins.
 *
 * ?6 default interval, ?7 cohort, ?8 today, ?9 today + soon. */
static const char due_build_sql[] =
	"INSERT INTO temp.lup_due (id, name, unit, role, sort_name, search, st, last, due, iv) "
	"SELECT id, name, unit, role, sort_name, search, "
	"CASE WHEN due = '' THEN 2 WHEN due < ?8 THEN 0 WHEN due <= ?9 THEN 1 ELSE 3 END, "
	"last, due, iv FROM ("
	"SELECT p.id, p.name, coalesce(p.org_unit, '') AS unit, coalesce(p.role, '') AS role, "
	"p.sort_name, coalesce(p.search, '') AS search, coalesce(l.last, '') AS last, "
	"coalesce(i.days, ?6) AS iv, CASE WHEN l.last IS NULL THEN '' "
	"ELSE date(l.last, '+' || coalesce(i.days, ?6) || ' days') END AS due "
	"FROM person p "
	/* everyone's latest check-in in one grouped pass over the check-ins,
	 * not a look-up per person */
	"LEFT JOIN (SELECT k.person_id, max(k.date) AS last FROM checkin k WHERE " EFFECTIVE("k") " "
	"GROUP BY k.person_id) l ON l.person_id = p.id "
	"LEFT JOIN temp.lup_interval i ON i.role = p.sort_role "
	"WHERE p.active = 1 "
	"AND (?7 IS NULL OR EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = p.id "
	"AND e.cohort_id = ?7 AND e.status <> 'withdrawn')))";

/* What the Due list reads, watched: temporary triggers (this connection
 * only, never stored in the file) count in temp.lup_due_gen each change by
 * this connection to a person, a final check-in or an enrolment that could
 * move someone on the list; the snapshot records the count it was built
 * at.  A draft check-in (and so every rating) counts for nothing until it
 * is made final; an enrolment only by whether it is withdrawn.  Other
 * connections' changes show in PRAGMA data_version instead.  The
 * snapshot's own writes go to temporary tables, which nothing watches. */
/* (a trigger names no schema in its body: a TEMP one finds temp first) */
#define DUE_BUMP " BEGIN UPDATE lup_due_gen SET n = n + 1; END;"
#define DUE_WATCH(name, when) "CREATE TEMP TRIGGER IF NOT EXISTS lup_due_w_" name " " when DUE_BUMP
static const char due_watch_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS lup_due (id TEXT NOT NULL, name TEXT, unit TEXT, "
	"role TEXT, sort_name TEXT, search TEXT, st INTEGER, last TEXT, due TEXT, iv INTEGER);"
	"CREATE TEMP TABLE IF NOT EXISTS lup_due_key (k TEXT, dv INTEGER, gen INTEGER, "
	"c0 INTEGER, c1 INTEGER, c2 INTEGER, c3 INTEGER);"
	"CREATE TEMP TABLE IF NOT EXISTS lup_due_gen (n INTEGER NOT NULL);"
	"INSERT INTO temp.lup_due_gen (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.lup_due_gen);"
	DUE_WATCH("person_ins", "AFTER INSERT ON main.person")
	DUE_WATCH("person_del", "AFTER DELETE ON main.person")
	DUE_WATCH("person_upd", "AFTER UPDATE ON main.person WHEN "
	          "OLD.active IS NOT NEW.active OR OLD.role IS NOT NEW.role OR OLD.name IS NOT NEW.name "
	          "OR OLD.org_unit IS NOT NEW.org_unit OR OLD.sort_name IS NOT NEW.sort_name "
	          "OR OLD.search IS NOT NEW.search OR OLD.id IS NOT NEW.id")
	DUE_WATCH("checkin_ins", "AFTER INSERT ON main.checkin WHEN NEW.status = 'final'")
	DUE_WATCH("checkin_del", "AFTER DELETE ON main.checkin WHEN OLD.status = 'final'")
	DUE_WATCH("checkin_upd", "AFTER UPDATE ON main.checkin WHEN "
	          "(OLD.status = 'final' OR NEW.status = 'final') AND (OLD.status IS NOT NEW.status "
	          "OR OLD.date IS NOT NEW.date OR OLD.person_id IS NOT NEW.person_id "
	          "OR OLD.supersedes_id IS NOT NEW.supersedes_id OR OLD.id IS NOT NEW.id)")
	DUE_WATCH("enrolment_ins", "AFTER INSERT ON main.enrolment")
	DUE_WATCH("enrolment_del", "AFTER DELETE ON main.enrolment")
	DUE_WATCH("enrolment_upd", "AFTER UPDATE ON main.enrolment WHEN "
	          "OLD.person_id IS NOT NEW.person_id OR OLD.cohort_id IS NOT NEW.cohort_id "
	          "OR (OLD.status <> 'withdrawn') IS NOT (NEW.status <> 'withdrawn')");
/* The objects due_watch_sql makes (all dropped together when temp_store
 * changes, so the count of them tells whether to make them again). */
#define DUE_OBJECTS 12
static const char due_objects_sql[] =
	"SELECT count(*) FROM temp.sqlite_master WHERE (type = 'table' AND name IN "
	"('lup_due', 'lup_due_key', 'lup_due_gen')) OR (type = 'trigger' AND name LIKE 'lup\\_due\\_w\\_%' ESCAPE '\\')";

static unsigned long due_rebuilds;

unsigned long lup_due_rebuilds(void)
{
	return due_rebuilds;
}

/* ?3 the folded filter ("" for none) */
#define DUE_SEL "SELECT id, name, unit, role, st, last, due, iv, sort_name FROM temp.lup_due " \
	"WHERE ((?10 >> st) & 1) AND (?3 = '' OR instr(search, ?3) > 0) "

/* [backward][from a row] */
static const char *const due_sql[2][2] = {
	{ DUE_SEL "ORDER BY st, due, sort_name, id LIMIT ?11",
	  DUE_SEL "AND (st, due, sort_name, id) > (?1, ?2, ?4, ?5) "
	  "ORDER BY st, due, sort_name, id LIMIT ?11" },
	{ DUE_SEL "ORDER BY st DESC, due DESC, sort_name DESC, id DESC LIMIT ?11",
	  DUE_SEL "AND (st, due, sort_name, id) < (?1, ?2, ?4, ?5) "
	  "ORDER BY st DESC, due DESC, sort_name DESC, id DESC LIMIT ?11" },
};

struct key_ctx {
	lup_buf *b;
};

static void key_interval(void *ud, const char *key, const char *value)
{
	struct key_ctx *c = ud;
	lup_buf_printf(c->b, "%s=%ld;", key, interval_value(value));
}

/* Make the snapshot current; counts (may be NULL) with the query's filter,
 * *filter_out (may be NULL) the folded filter to match pages against
 * (malloc'd). */
static int due_snapshot(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                        long counts[4], long all[4], char **filter_out, lup_err *err)
{
	static const char sql_dv[] = "PRAGMA data_version";
	static const char sql_gen[] = "SELECT n FROM temp.lup_due_gen";
	static const char sql_key[] = "SELECT k, dv, gen, c0, c1, c2, c3 FROM temp.lup_due_key";
	static const char sql_clear[] = "DELETE FROM temp.lup_due";
	static const char sql_unkey[] = "DELETE FROM temp.lup_due_key";
	static const char sql_count[] = "SELECT st, count(*) FROM temp.lup_due GROUP BY st";
	static const char sql_count_f[] =
		"SELECT st, count(*) FROM temp.lup_due WHERE instr(search, ?1) > 0 GROUP BY st";
	static const char sql_setkey[] =
		"INSERT INTO temp.lup_due_key (k, dv, gen, c0, c1, c2, c3) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	char today[11], soon[11], *filter;
	lup_buf key = { 0 };
	struct key_ctx kc = { &key };
	sqlite3_stmt *st;
	sqlite3_int64 dv = 0, gen = -1, have = 0;
	long c[4] = { 0, 0, 0, 0 };
	int rc, fresh = 0;

	/* Checked on each call: changing temp_store drops temporary tables and
	 * triggers (and so the snapshot with its watch). */
	if (!(st = lup_stmt(db, due_objects_sql, err)))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		have = sqlite3_column_int64(st, 0);
	lup_done(st);
	if (have != DUE_OBJECTS && lup_exec(db, due_watch_sql, err) < 0)
		return -1;
	if (!(filter = lup_fold(q->filter ? q->filter : "")))
		return oom(err);
	lup_trim(filter);
	lup_date_format(q->today, today);
	lup_date_format(lup_date_add(q->today, soon_days(cfg)), soon);
	lup_buf_printf(&key, "%s|%s|%d|%s|", today, soon, default_interval(cfg),
	               q->cohort_id ? q->cohort_id : "");
	if (cfg)
		lup_config_each(cfg, "interval", key_interval, &kc);
	if (!key.s) {
		free(filter);
		return oom(err);
	}

	if (!(st = lup_stmt(db, sql_dv, err)))
		goto fail;
	if (sqlite3_step(st) == SQLITE_ROW)
		dv = sqlite3_column_int64(st, 0);
	lup_done(st);
	if (!(st = lup_stmt(db, sql_gen, err)))
		goto fail;
	if (sqlite3_step(st) == SQLITE_ROW)
		gen = sqlite3_column_int64(st, 0);
	lup_done(st);
	if (gen < 0) {
		lup_sqlerr(db, err, _("listing who is due"));
		goto fail;
	}
	if (!(st = lup_stmt(db, sql_key, err)))
		goto fail;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		fresh = k && strcmp(k, key.s) == 0 && sqlite3_column_int64(st, 1) == dv &&
		        sqlite3_column_int64(st, 2) == gen;
		for (int i = 0; i < 4; i++)
			c[i] = (long)sqlite3_column_int64(st, 3 + i);
	}
	lup_done(st);
	if (fresh)
		goto done;

	/* Compute it again. */
	due_rebuilds++;
	memset(c, 0, sizeof c);
	/* The order's index is built once the rows are in: sorting them once
	 * costs a third of growing the index a row at a time. */
	if (!(st = lup_stmt(db, sql_unkey, err)) || run(db, st, _("listing who is due"), err) < 0 ||
	    load_intervals(db, cfg, err) < 0 ||
	    lup_exec(db, "DROP INDEX IF EXISTS temp.lup_due_order", err) < 0 ||
	    !(st = lup_stmt(db, sql_clear, err)) || run(db, st, _("listing who is due"), err) < 0)
		goto fail;
	if (!(st = lup_stmt(db, due_build_sql, err)))
		goto fail;
	sqlite3_bind_int(st, 6, default_interval(cfg));
	lup_bind_text(st, 7, q->cohort_id);
	sqlite3_bind_text(st, 8, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, soon, -1, SQLITE_TRANSIENT);
	if (run(db, st, _("listing who is due"), err) < 0 ||
	    lup_exec(db, "CREATE INDEX temp.lup_due_order ON lup_due (st, due, sort_name, id)", err) < 0)
		goto fail;
	if (!(st = lup_stmt(db, sql_count, err)))
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int s = sqlite3_column_int(st, 0);
		if (s >= 0 && s < 4)
			c[s] = (long)sqlite3_column_int64(st, 1);
	}
	lup_done(st);
	if (rc != SQLITE_DONE) {
		lup_sqlerr(db, err, _("counting who is due"));
		goto fail;
	}
	if (!(st = lup_stmt(db, sql_setkey, err)))
		goto fail;
	sqlite3_bind_text(st, 1, key.s, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, dv);
	sqlite3_bind_int64(st, 3, gen);
	for (int i = 0; i < 4; i++)
		sqlite3_bind_int64(st, 4 + i, c[i]);
	if (run(db, st, _("listing who is due"), err) < 0)
		goto fail;
done:
	if (all)
		memcpy(all, c, sizeof c);
	/* The counts kept are everyone's; with a filter, count its matches. */
	if (counts && *filter) {
		memset(c, 0, sizeof c);
		if (!(st = lup_stmt(db, sql_count_f, err)))
			goto fail;
		sqlite3_bind_text(st, 1, filter, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int s = sqlite3_column_int(st, 0);
			if (s >= 0 && s < 4)
				c[s] = (long)sqlite3_column_int64(st, 1);
		}
		lup_done(st);
		if (rc != SQLITE_DONE) {
			lup_sqlerr(db, err, _("counting who is due"));
			goto fail;
		}
	}
	if (counts)
		memcpy(counts, c, sizeof c);
	if (filter_out)
		*filter_out = filter;
	else
		free(filter);
	lup_buf_free(&key);
	return 0;
fail:
	free(filter);
	lup_buf_free(&key);
	return -1;
}

int lup_due_refresh(lup_db *db, const lup_config *cfg, lup_date today, const char *cohort_id,
                    lup_err *err)
{
	struct lup_due_query q = { today, NULL, cohort_id, 0 };
	return due_snapshot(db, cfg, &q, NULL, NULL, NULL, err);
}

int lup_due_page(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                 const struct lup_due_row *from, int dir, int limit,
                 struct lup_due_row *rows, lup_err *err)
{
	int back = dir < 0, n = 0, rc = SQLITE_DONE;
	unsigned states = q->states ? q->states : LUP_DUE_LISTED;
	sqlite3_stmt *st;
	char *filter = NULL;

	if (due_snapshot(db, cfg, q, NULL, NULL, &filter, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, due_sql[back][from != NULL], err))) {
		free(filter);
		return -1;
	}
	sqlite3_bind_text(st, 3, filter, -1, SQLITE_TRANSIENT);
	free(filter);
	if (from) {
		sqlite3_bind_int(st, 1, (int)from->state);
		sqlite3_bind_text(st, 2, from->due, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, from->key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, from->id, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(st, 10, (int)(states & 15));
	sqlite3_bind_int(st, 11, limit);
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_due_row *r = &rows[n++];
		lup_date d;
		memset(r, 0, sizeof *r);
		lup_col_copy(st, 0, r->id, sizeof r->id);
		lup_col_copy(st, 1, r->name, sizeof r->name);
		lup_col_copy(st, 2, r->org_unit, sizeof r->org_unit);
		lup_col_copy(st, 3, r->role, sizeof r->role);
		r->state = (enum lup_due_state)sqlite3_column_int(st, 4);
		lup_col_copy(st, 5, r->last, sizeof r->last);
		lup_col_copy(st, 6, r->due, sizeof r->due);
		r->interval = sqlite3_column_int(st, 7);
		lup_col_copy(st, 8, r->key, sizeof r->key);
		if (parse_day(r->due, &d) == 0)
			r->days = lup_date_diff(d, q->today);
	}
	lup_done(st);
	if (n < limit && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("listing who is due"));
	if (back)
		reverse(rows, n, sizeof *rows);
	return n;
}

long lup_due_position(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                      const struct lup_due_row *row, lup_err *err)
{
	static const char sql[] =
		"SELECT count(*) FROM temp.lup_due WHERE ((?5 >> st) & 1) "
		"AND (st, due, sort_name, id) < (?1, ?2, ?3, ?4) AND (?6 = '' OR instr(search, ?6) > 0)";
	unsigned states = q->states ? q->states : LUP_DUE_LISTED;
	sqlite3_stmt *st;
	char *filter = NULL;
	long n = -1;

	if (due_snapshot(db, cfg, q, NULL, NULL, &filter, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err))) {
		free(filter);
		return -1;
	}
	sqlite3_bind_text(st, 6, filter, -1, SQLITE_TRANSIENT);
	free(filter);
	sqlite3_bind_int(st, 1, (int)row->state);
	sqlite3_bind_text(st, 2, row->due, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, row->key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, row->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 5, (int)(states & 15));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	lup_done(st);
	if (n < 0)
		return lup_sqlerr(db, err, _("listing who is due"));
	return n;
}

int lup_due_count(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                  long counts[4], lup_err *err)
{
	memset(counts, 0, 4 * sizeof *counts);
	return due_snapshot(db, cfg, q, counts, NULL, NULL, err);
}

int lup_due_count_all(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                      long counts[4], lup_err *err)
{
	memset(counts, 0, 4 * sizeof *counts);
	return due_snapshot(db, cfg, q, NULL, counts, NULL, err);
}

/* ---- Gap analysis ---- */

/* ?1 person, ?2 framework revision.  Ratings are matched to the
 * revision's competences by identity; each carries its revision. */
#define GAP_CTE \
	"WITH rt AS (SELECT c2.identity, r.level, k.kind, k.date, g.revision, k.kind <> 'self' AS assessed, " \
	"row_number() OVER (PARTITION BY c2.identity, k.kind <> 'self' " \
	"ORDER BY k.date DESC, k.created_at DESC, k.id DESC) AS n " \
	"FROM checkin k JOIN rating r ON r.checkin_id = k.id JOIN competence c2 ON c2.id = r.competence_id " \
	"JOIN framework g ON g.id = k.framework_id " \
	"WHERE k.person_id = ?1 AND " EFFECTIVE("k") " AND r.level IS NOT NULL " \
	"AND g.ident = (SELECT ident FROM framework WHERE id = ?2)) "
/* the targets in force now */
#define GAP_SEL \
	"SELECT c.id, c.seq, c.code, c.name, coalesce(c.name_sv, ''), a.code, c.level_min, c.level_max, " \
	"(SELECT t.level FROM target t JOIN competence tc ON tc.id = t.competence_id " \
	"WHERE tc.identity = c.identity AND t.person_id = ?1 AND t.valid_to IS NULL), " \
	"(SELECT t.level FROM target t JOIN competence tc ON tc.id = t.competence_id, person p " \
	"WHERE p.id = ?1 AND tc.identity = c.identity AND t.role_key = p.sort_role AND t.valid_to IS NULL), " \
	"s1.level, s1.date, s2.level, m1.level, m1.date, m1.kind, m2.level, " \
	"s1.revision, s2.revision, m1.revision, m2.revision " \
	"FROM competence c JOIN area a ON a.id = c.area_id " \
	"LEFT JOIN rt s1 ON s1.identity = c.identity AND s1.assessed = 0 AND s1.n = 1 " \
	"LEFT JOIN rt s2 ON s2.identity = c.identity AND s2.assessed = 0 AND s2.n = 2 " \
	"LEFT JOIN rt m1 ON m1.identity = c.identity AND m1.assessed = 1 AND m1.n = 1 " \
	"LEFT JOIN rt m2 ON m2.identity = c.identity AND m2.assessed = 1 AND m2.n = 2 " \
	"WHERE c.framework_id = ?2 AND c.retired = 0 "

static const char *const gap_sql[2][2] = {
	{ GAP_CTE GAP_SEL "ORDER BY c.seq LIMIT ?4",
	  GAP_CTE GAP_SEL "AND c.seq > ?3 ORDER BY c.seq LIMIT ?4" },
	{ GAP_CTE GAP_SEL "ORDER BY c.seq DESC LIMIT ?4",
	  GAP_CTE GAP_SEL "AND c.seq < ?3 ORDER BY c.seq DESC LIMIT ?4" },
};

static enum lup_change change(int now, int before)
{
	if (now == LUP_LEVEL_NONE || before == LUP_LEVEL_NONE)
		return LUP_CHANGE_NONE;
	return now > before ? LUP_CHANGE_UP : now < before ? LUP_CHANGE_DOWN : LUP_CHANGE_SAME;
}

int lup_gap_page(lup_db *db, const char *person_id, const char *framework_id,
                 const struct lup_gap_row *from, int dir, int limit,
                 struct lup_gap_row *rows, lup_err *err)
{
	int back = dir < 0, n = 0, rc = SQLITE_DONE;
	sqlite3_stmt *st = lup_stmt(db, gap_sql[back][from != NULL], err);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, framework_id, -1, SQLITE_TRANSIENT);
	if (from)
		sqlite3_bind_int64(st, 3, from->seq);
	sqlite3_bind_int(st, 4, limit);
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_gap_row *r = &rows[n++];
		int own, byrole;
		memset(r, 0, sizeof *r);
		lup_col_copy(st, 0, r->competence_id, sizeof r->competence_id);
		r->seq = (long)sqlite3_column_int64(st, 1);
		lup_col_copy(st, 2, r->code, sizeof r->code);
		lup_col_copy(st, 3, r->name, sizeof r->name);
		lup_col_copy(st, 4, r->name_sv, sizeof r->name_sv);
		lup_col_copy(st, 5, r->area, sizeof r->area);
		r->level_min = sqlite3_column_int(st, 6);
		r->level_max = sqlite3_column_int(st, 7);
		copy_level(st, 8, &own);
		copy_level(st, 9, &byrole);
		r->target = own != LUP_LEVEL_NONE ? own : byrole;
		r->target_personal = own != LUP_LEVEL_NONE;
		copy_level(st, 10, &r->self);
		lup_col_copy(st, 11, r->self_date, sizeof r->self_date);
		copy_level(st, 12, &r->self_prev);
		copy_level(st, 13, &r->assessed);
		lup_col_copy(st, 14, r->assessed_date, sizeof r->assessed_date);
		lup_col_copy(st, 15, r->assessed_kind, sizeof r->assessed_kind);
		copy_level(st, 16, &r->assessed_prev);
		r->self_rev = sqlite3_column_int(st, 17);
		r->self_prev_rev = sqlite3_column_int(st, 18);
		r->assessed_rev = sqlite3_column_int(st, 19);
		r->assessed_prev_rev = sqlite3_column_int(st, 20);
		r->self_change = change(r->self, r->self_prev);
		r->assessed_change = change(r->assessed, r->assessed_prev);
		r->level = r->assessed != LUP_LEVEL_NONE ? r->assessed : r->self;
		r->has_gap = r->level != LUP_LEVEL_NONE && r->target != LUP_LEVEL_NONE;
		r->gap = r->has_gap ? r->target - r->level : 0;
	}
	lup_done(st);
	if (n < limit && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading gaps"));
	if (back)
		reverse(rows, n, sizeof *rows);
	return n;
}


/* ---- The heat map ----
 * One pass in C: the people of each row and their targets (their role's,
 * or their own), then their ratings streamed person by person (index seeks
 * for a small group, one scan in person order for a large one) keeping each
 * person's latest level per competence.  No sort of all ratings, no
 * people × competences table. */

/* The people of the map with their row label, ordered by person: all
 * active people, or (driven from the enrolment index) one cohort's.
 * [by cohort][one cohort]; ?2 cohort. */
static const char *const heat_people[2][2] = {
	/* "+p.id": one pass over the table and a sort, not a walk of the id
	 * index with a row look-up each (a third of the time at 50,000) */
	{ "SELECT p.id, p.sort_role, coalesce(p.org_unit, '') FROM person p "
	  "WHERE p.active = 1 ORDER BY +p.id",
	  "SELECT p.id, p.sort_role, coalesce(p.org_unit, '') FROM enrolment e "
	  "JOIN person p ON p.id = e.person_id WHERE e.cohort_id = ?2 AND e.status <> 'withdrawn' "
	  "AND p.active = 1 ORDER BY p.id" },
	{ "SELECT p.id, p.sort_role, c.name FROM enrolment e JOIN person p ON p.id = e.person_id "
	  "JOIN cohort c ON c.id = e.cohort_id WHERE e.status <> 'withdrawn' AND p.active = 1 ORDER BY p.id",
	  "SELECT p.id, p.sort_role, c.name FROM enrolment e JOIN person p ON p.id = e.person_id "
	  "JOIN cohort c ON c.id = e.cohort_id WHERE e.cohort_id = ?2 AND e.status <> 'withdrawn' "
	  "AND p.active = 1 ORDER BY p.id" },
};
static const char heat_cols[] =
	"SELECT a.code, a.name, a.name_sv FROM area a WHERE a.framework_id = ?1 ORDER BY a.seq";
static const char heat_comps[] =
	"SELECT c.seq, (SELECT count(*) FROM area b WHERE b.framework_id = ?1 AND b.seq < a.seq) "
	"FROM competence c JOIN area a ON a.id = c.area_id WHERE c.framework_id = ?1 AND c.retired = 0";
/* The targets in force now (they belong to the latest revision), each
 * given the seq of the competence of the same identity in the revision
 * shown (not retired). */
static const char heat_role_targets[] =
	"SELECT t.role_key, c.seq, t.level FROM target t JOIN competence tc ON tc.id = t.competence_id "
	"JOIN framework g ON g.id = t.framework_id AND g.ident = ?2 "
	"JOIN competence c ON c.framework_id = ?1 AND c.identity = tc.identity AND c.retired = 0 "
	"WHERE t.role_key IS NOT NULL AND t.valid_to IS NULL ORDER BY t.role_key";
static const char heat_own_targets[] =
	"SELECT t.person_id, c.seq, t.level FROM target t JOIN competence tc ON tc.id = t.competence_id "
	"JOIN framework g ON g.id = t.framework_id AND g.ident = ?2 "
	"JOIN competence c ON c.framework_id = ?1 AND c.identity = tc.identity AND c.retired = 0 "
	"WHERE t.person_id IS NOT NULL AND t.valid_to IS NULL ORDER BY t.person_id";
/* Each competence of any revision of the ident, by id, with the seq of the
 * competence of the same identity in the revision shown (not retired),
 * and the revision it belongs to. */
static const char heat_compmap[] =
	"SELECT c.id, cur.seq, g.revision FROM competence c JOIN framework g ON g.id = c.framework_id "
	"JOIN competence cur ON cur.framework_id = ?1 AND cur.identity = c.identity AND cur.retired = 0 "
	"WHERE g.ident = ?2 ORDER BY c.id";
/* ?2 ident, ?3 source, ?4 person.  Competences are mapped in C. */
#define HEAT_RATINGS \
	"SELECT k.person_id, r.competence_id, r.level, k.kind <> 'self', k.date, k.created_at, k.id " \
	"FROM checkin k JOIN rating r ON r.checkin_id = k.id " \
	"WHERE " EFFECTIVE("k") " AND r.level IS NOT NULL " \
	"AND k.framework_id IN (SELECT g.id FROM framework g WHERE g.ident = ?2) " \
	"AND (?3 = 0 OR (?3 = 1 AND k.kind = 'self') OR (?3 = 2 AND k.kind <> 'self')) "
static const char heat_ratings_all[] = HEAT_RATINGS "ORDER BY k.person_id";
static const char heat_ratings_one[] = HEAT_RATINGS "AND k.person_id = ?4";

/* Below this many people the ratings are read person by person. */
#define HEAT_SEEK_MAX 4000

struct hm_role {
	char *name;
	int *level;          /* by seq; -1: no target */
	int *seqs;           /* the seqs that have one */
	size_t nseqs;
};

struct hm_own {
	char pid[LUP_UUID_LEN + 1];
	int seq, level;
};

struct hm_person {
	char pid[LUP_UUID_LEN + 1];
	int role;            /* index in roles, or -1 */
	size_t own0, nown;   /* their own targets */
	size_t row0, nrows;  /* their rows, in rowof */
};

struct hm_comp {
	char id[LUP_UUID_LEN + 1];
	int seq, revision;
};

struct hm_slot {
	int level, prio, revision;
	char date[11], created[21], id[LUP_UUID_LEN + 1];
};

struct hm {
	struct lup_heatmap *out;
	size_t nseq;
	int *col;                       /* by seq: column, or -1 */
	struct hm_role *roles;
	size_t nroles;
	struct hm_own *own;
	size_t nown;
	struct hm_person *people;
	size_t npeople;
	size_t *rowof;
	long *total;                    /* target pairs per cell */
	double *sum;                    /* shortfall per cell */
	struct hm_comp *comps;          /* by id: competence → seq */
	size_t ncomps;
	struct hm_slot *slot;           /* by seq */
	int *touched;
	size_t ntouched;
};

static int find_role(const struct hm *h, const char *role)
{
	size_t lo = 0, hi = h->nroles;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(h->roles[mid].name, role);
		if (!c)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int person_target(const struct hm *h, const struct hm_person *p, int seq)
{
	for (size_t i = p->own0; i < p->own0 + p->nown; i++)
		if (h->own[i].seq == seq)
			return h->own[i].level;
	return p->role >= 0 ? h->roles[p->role].level[seq] : -1;
}

static int hm_seq(const struct hm *h, const char *id, int *revision)
{
	size_t lo = 0, hi = h->ncomps;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(h->comps[mid].id, id);
		if (!c) {
			*revision = h->comps[mid].revision;
			return h->comps[mid].seq;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void hm_take(struct hm *h, sqlite3_stmt *st)
{
	const char *cid = (const char *)sqlite3_column_text(st, 1);
	int revision = 0, seq = cid ? hm_seq(h, cid, &revision) : -1, prio = sqlite3_column_int(st, 3);
	const char *date = (const char *)sqlite3_column_text(st, 4);
	const char *created = (const char *)sqlite3_column_text(st, 5);
	const char *id = (const char *)sqlite3_column_text(st, 6);
	struct hm_slot *s;
	int c;

	if (seq < 0 || (size_t)seq >= h->nseq || h->col[seq] < 0)
		return;
	s = &h->slot[seq];
	date = date ? date : "";
	created = created ? created : "";
	id = id ? id : "";
	if (s->level >= 0) {
		/* Keep the best: assessed over self (for LUP_GAP_BEST), then the latest. */
		c = prio - s->prio;
		if (!c) c = strcmp(date, s->date);
		if (!c) c = strcmp(created, s->created);
		if (!c) c = strcmp(id, s->id);
		if (c <= 0)
			return;
	} else {
		h->touched[h->ntouched++] = seq;
	}
	s->level = sqlite3_column_int(st, 2);
	s->prio = prio;
	s->revision = revision;
	snprintf(s->date, sizeof s->date, "%s", date);
	snprintf(s->created, sizeof s->created, "%s", created);
	snprintf(s->id, sizeof s->id, "%s", id);
}

static void hm_flush(struct hm *h, const struct hm_person *p)
{
	size_t ncols = h->out->ncols;
	for (size_t i = 0; i < h->ntouched; i++) {
		int seq = h->touched[i], level = h->slot[seq].level, rev = h->slot[seq].revision;
		int t = p ? person_target(h, p, seq) : -1;
		h->slot[seq].level = -1;
		if (t < 0)
			continue;
		if (!h->out->rev_min || rev < h->out->rev_min)
			h->out->rev_min = rev;
		if (rev > h->out->rev_max)
			h->out->rev_max = rev;
		for (size_t r = p->row0; r < p->row0 + p->nrows; r++) {
			size_t idx = h->rowof[r] * ncols + (size_t)h->col[seq];
			struct lup_heat_cell *cell = &h->out->cells[idx];
			cell->pairs++;
			if (level < t) {
				cell->below++;
				h->sum[idx] += t - level;
			}
		}
	}
	h->ntouched = 0;
}

static const struct hm_person *hm_person_find(const struct hm *h, const char *pid)
{
	size_t lo = 0, hi = h->npeople;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(h->people[mid].pid, pid);
		if (!c)
			return &h->people[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void hm_free(struct hm *h)
{
	for (size_t i = 0; i < h->nroles; i++) {
		free(h->roles[i].name);
		free(h->roles[i].level);
		free(h->roles[i].seqs);
	}
	free(h->roles); free(h->own); free(h->people); free(h->rowof); free(h->comps);
	free(h->col); free(h->total); free(h->sum); free(h->slot); free(h->touched);
}

/* What the heat map reads, watched like the Due list (see due_watch_sql):
 * temporary triggers count this connection's changes to people (role,
 * unit, active), enrolments, cohort names, final check-ins and their
 * ratings, targets and frameworks.  Attendance, sessions, placements and a
 * draft's ratings leave the map as it is. */
#define HEAT_BUMP " BEGIN UPDATE lup_heat_gen SET n = n + 1; END"
#define HEAT_WATCH(name, when) "CREATE TEMP TRIGGER IF NOT EXISTS lup_heat_w_" name " " when HEAT_BUMP,
#define HEAT_ANY(t) HEAT_WATCH(t "_ins", "AFTER INSERT ON main." t) \
	HEAT_WATCH(t "_del", "AFTER DELETE ON main." t) HEAT_WATCH(t "_upd", "AFTER UPDATE ON main." t)
static const char *const heat_watch_sql[] = {
	"CREATE TEMP TABLE IF NOT EXISTS lup_heat_gen (n INTEGER NOT NULL);"
	"INSERT INTO temp.lup_heat_gen (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.lup_heat_gen)",
	HEAT_WATCH("person_ins", "AFTER INSERT ON main.person")
	HEAT_WATCH("person_del", "AFTER DELETE ON main.person")
	HEAT_WATCH("person_upd", "AFTER UPDATE ON main.person WHEN OLD.active IS NOT NEW.active "
	           "OR OLD.role IS NOT NEW.role OR OLD.org_unit IS NOT NEW.org_unit OR OLD.id IS NOT NEW.id")
	HEAT_ANY("enrolment")
	HEAT_WATCH("cohort_del", "AFTER DELETE ON main.cohort")
	HEAT_WATCH("cohort_upd", "AFTER UPDATE ON main.cohort WHEN OLD.name IS NOT NEW.name "
	           "OR OLD.id IS NOT NEW.id")
	HEAT_WATCH("checkin_ins", "AFTER INSERT ON main.checkin WHEN NEW.status = 'final'")
	HEAT_WATCH("checkin_del", "AFTER DELETE ON main.checkin WHEN OLD.status = 'final'")
	HEAT_WATCH("checkin_upd", "AFTER UPDATE ON main.checkin WHEN OLD.status = 'final' "
	           "OR NEW.status = 'final'")
	HEAT_WATCH("rating_ins", "AFTER INSERT ON main.rating WHEN "
	           "(SELECT status FROM checkin WHERE id = NEW.checkin_id) = 'final'")
	HEAT_WATCH("rating_del", "AFTER DELETE ON main.rating WHEN "
	           "(SELECT status FROM checkin WHERE id = OLD.checkin_id) IS NOT 'draft'")
	HEAT_WATCH("rating_upd", "AFTER UPDATE ON main.rating WHEN "
	           "(SELECT status FROM checkin WHERE id = NEW.checkin_id) = 'final' "
	           "OR (SELECT status FROM checkin WHERE id = OLD.checkin_id) = 'final'")
	HEAT_ANY("target") HEAT_ANY("framework") HEAT_ANY("area") HEAT_ANY("competence")
	NULL
};
#define HEAT_OBJECTS 27   /* the table and its 26 triggers */
static const char heat_objects_sql[] =
	"SELECT count(*) FROM temp.sqlite_master WHERE (type = 'table' AND name = 'lup_heat_gen') "
	"OR (type = 'trigger' AND name LIKE 'lup\\_heat\\_w\\_%' ESCAPE '\\')";

void lup_heatmap_stamp(lup_db *db, struct lup_db_stamp *out)
{
	static const char sql_gen[] = "SELECT n FROM temp.lup_heat_gen";
	static long long epoch;   /* the watch made again: nothing before counts */
	sqlite3_stmt *st;
	long long have = -1, gen = -1;
	lup_err err;

	lup_db_stamp(db, out);   /* data_version; and, should the watch fail, every change */
	if (!(st = lup_stmt(db, heat_objects_sql, &err)))
		return;
	if (sqlite3_step(st) == SQLITE_ROW)
		have = sqlite3_column_int64(st, 0);
	lup_done(st);
	if (have != HEAT_OBJECTS) {
		for (const char *const *w = heat_watch_sql; *w; w++)
			if (lup_exec(db, *w, &err) < 0)
				return;
		epoch++;
	}
	if (!(st = lup_stmt(db, sql_gen, &err)))
		return;
	if (sqlite3_step(st) == SQLITE_ROW)
		gen = sqlite3_column_int64(st, 0);
	lup_done(st);
	if (gen >= 0)
		out->changes = (epoch << 40) + gen;
}

void lup_heatmap_free(struct lup_heatmap *h)
{
	for (size_t i = 0; i < h->nrows; i++)
		free(h->row_label[i]);
	for (size_t i = 0; i < h->ncols; i++) {
		free(h->col_code[i]);
		free(h->col_name[i]);
		free(h->col_name_sv[i]);
	}
	free(h->row_label); free(h->row_people);
	free(h->col_code); free(h->col_name); free(h->col_name_sv);
	free(h->cells);
	memset(h, 0, sizeof *h);
}

/* A growable array of T: GROW(arr, n, cap) makes room for one more. */
#define GROW(arr, n, cap) ((n) < (cap) || grow_to((void **)&(arr), &(cap), sizeof *(arr)) == 0)

static int grow_to(void **arr, size_t *cap, size_t size)
{
	size_t c = *cap ? *cap * 2 : 16;
	void *p = realloc(*arr, c * size);
	if (!p)
		return -1;
	*arr = p;
	*cap = c;
	return 0;
}

struct hm_label {
	char *label, *key;
	size_t row;
	long people;
};

static int cmp_label_text(const void *a, const void *b)
{
	return strcmp(((const struct hm_label *)a)->label, ((const struct hm_label *)b)->label);
}

static int cmp_label_key(const void *a, const void *b)
{
	const struct hm_label *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->label, y->label);
}

/* The people of the map with their rows; fills out's rows. */
static int hm_people(lup_db *db, const struct lup_heat_query *q, struct hm *h, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, heat_people[q->by == LUP_HEAT_COHORT][q->cohort_id != NULL], err);
	struct hm_label *labels = NULL, *uniq = NULL;
	char **entry_label = NULL;
	size_t n = 0, cap = 0, pcap = 0, nuniq = 0, own = 0;
	int rc, ok = 1;

	if (!st)
		return -1;
	if (q->cohort_id)
		sqlite3_bind_text(st, 2, q->cohort_id, -1, SQLITE_TRANSIENT);
	/* Entries (person, label), ordered by person. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *pid = (const char *)sqlite3_column_text(st, 0);
		const char *role = (const char *)sqlite3_column_text(st, 1);
		const char *label = (const char *)sqlite3_column_text(st, 2);
		if (!GROW(entry_label, n, cap) || !(entry_label[n] = strdup(label ? label : ""))) {
			ok = 0;
			break;
		}
		if (!h->npeople || strcmp(h->people[h->npeople - 1].pid, pid ? pid : "") != 0) {
			struct hm_person *p;
			if (!GROW(h->people, h->npeople, pcap)) {
				free(entry_label[n]);
				ok = 0;
				break;
			}
			p = &h->people[h->npeople++];
			memset(p, 0, sizeof *p);
			snprintf(p->pid, sizeof p->pid, "%s", pid ? pid : "");
			p->role = role && *role ? find_role(h, role) : -1;
			p->row0 = n;
			/* Their own targets: both lists are in id order. */
			while (own < h->nown && strcmp(h->own[own].pid, p->pid) < 0)
				own++;
			p->own0 = own;
			while (own + p->nown < h->nown && strcmp(h->own[own + p->nown].pid, p->pid) == 0)
				p->nown++;
		}
		h->people[h->npeople - 1].nrows++;
		n++;
	}
	lup_done(st);
	if (ok && rc != SQLITE_DONE) {
		lup_sqlerr(db, err, _("building the heat map"));
		goto fail;
	}
	if (!ok)
		goto nomem;

	/* Rows: the distinct labels, in Swedish order. */
	if (!(labels = calloc(n + 1, sizeof *labels)) || !(uniq = calloc(n + 1, sizeof *uniq)))
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		labels[i].label = entry_label[i];
		labels[i].row = i;   /* the entry, for now */
	}
	qsort(labels, n, sizeof *labels, cmp_label_text);
	for (size_t i = 0; i < n; i++) {
		if (!nuniq || strcmp(uniq[nuniq - 1].label, labels[i].label) != 0) {
			uniq[nuniq].label = labels[i].label;
			if (!(uniq[nuniq].key = lup_sortkey(labels[i].label)))
				goto nomem;
			nuniq++;
		}
		uniq[nuniq - 1].people++;
	}
	qsort(uniq, nuniq, sizeof *uniq, cmp_label_key);
	h->out->row_label = calloc(nuniq + 1, sizeof *h->out->row_label);
	h->out->row_people = calloc(nuniq + 1, sizeof *h->out->row_people);
	h->rowof = calloc(n + 1, sizeof *h->rowof);
	if (!h->out->row_label || !h->out->row_people || !h->rowof)
		goto nomem;
	for (size_t i = 0; i < nuniq; i++) {
		uniq[i].row = i;
		h->out->row_people[i] = uniq[i].people;
		if (!(h->out->row_label[i] = strdup(uniq[i].label)))
			goto nomem;
		h->out->nrows = i + 1;
	}
	/* Each entry's row: look its label up among the rows by text. */
	qsort(uniq, nuniq, sizeof *uniq, cmp_label_text);
	for (size_t i = 0; i < n; i++) {
		struct hm_label key = { entry_label[i], NULL, 0, 0 };
		const struct hm_label *u = bsearch(&key, uniq, nuniq, sizeof *uniq, cmp_label_text);
		h->rowof[i] = u ? u->row : 0;
	}
	for (size_t i = 0; i < nuniq; i++)
		free(uniq[i].key);
	for (size_t i = 0; i < n; i++)
		free(entry_label[i]);
	free(entry_label);
	free(labels);
	free(uniq);
	return 0;
nomem:
	oom(err);
fail:
	if (uniq)
		for (size_t i = 0; i < nuniq; i++)
			free(uniq[i].key);
	for (size_t i = 0; i < n; i++)
		free(entry_label[i]);
	free(entry_label);
	free(labels);
	free(uniq);
	return -1;
}

static int hm_targets(lup_db *db, const char *fwid, const char *ident, struct hm *h, lup_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if (!(st = lup_stmt(db, heat_compmap, err)))
		return -1;
	sqlite3_bind_text(st, 1, fwid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, ident, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct hm_comp *c;
		if (!GROW(h->comps, h->ncomps, cap))
			goto nomem;
		c = &h->comps[h->ncomps++];
		lup_col_copy(st, 0, c->id, sizeof c->id);
		c->seq = sqlite3_column_int(st, 1);
		c->revision = sqlite3_column_int(st, 2);
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("building the heat map"));
	cap = 0;

	if (!(st = lup_stmt(db, heat_role_targets, err)))
		return -1;
	sqlite3_bind_text(st, 1, fwid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, ident, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 0);
		int seq = sqlite3_column_int(st, 1);
		struct hm_role *r;
		if (!role || seq < 0 || (size_t)seq >= h->nseq)
			continue;
		/* Rows come in the order of the roles' keys (lup_sortkey): one
		 * role however it is spelt. */
		if (!h->nroles || strcmp(h->roles[h->nroles - 1].name, role) != 0) {
			if (!GROW(h->roles, h->nroles, cap))
				goto nomem;
			r = &h->roles[h->nroles];
			memset(r, 0, sizeof *r);
			if (!(r->name = strdup(role)) || !(r->level = malloc(h->nseq * sizeof *r->level)) ||
			    !(r->seqs = malloc(h->nseq * sizeof *r->seqs))) {
				free(r->name);
				free(r->level);
				goto nomem;
			}
			h->nroles++;
			for (size_t i = 0; i < h->nseq; i++)
				r->level[i] = -1;
		}
		r = &h->roles[h->nroles - 1];
		if (r->level[seq] < 0)
			r->seqs[r->nseqs++] = seq;
		r->level[seq] = sqlite3_column_int(st, 2);
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("building the heat map"));

	cap = 0;
	if (!(st = lup_stmt(db, heat_own_targets, err)))
		return -1;
	sqlite3_bind_text(st, 1, fwid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, ident, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct hm_own *o;
		if (!GROW(h->own, h->nown, cap))
			goto nomem;
		o = &h->own[h->nown++];
		lup_col_copy(st, 0, o->pid, sizeof o->pid);
		o->seq = sqlite3_column_int(st, 1);
		o->level = sqlite3_column_int(st, 2);
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("building the heat map"));
	return 0;
nomem:
	lup_done(st);
	return oom(err);
}

static int hm_ratings(lup_db *db, const struct lup_heat_query *q, const char *ident, struct hm *h,
                      lup_err *err)
{
	int seek = h->npeople <= HEAT_SEEK_MAX, rc = SQLITE_DONE;
	sqlite3_stmt *st = lup_stmt(db, seek ? heat_ratings_one : heat_ratings_all, err);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 2, ident, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, (int)q->source);
	if (seek) {
		for (size_t i = 0; i < h->npeople; i++) {
			sqlite3_reset(st);
			sqlite3_bind_text(st, 4, h->people[i].pid, -1, SQLITE_TRANSIENT);
			while ((rc = sqlite3_step(st)) == SQLITE_ROW)
				hm_take(h, st);
			if (rc != SQLITE_DONE)
				break;
			hm_flush(h, &h->people[i]);
		}
	} else {
		const struct hm_person *p = NULL;
		char cur[LUP_UUID_LEN + 1] = "";
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *pid = (const char *)sqlite3_column_text(st, 0);
			if (!pid)
				continue;
			if (strcmp(pid, cur) != 0) {
				hm_flush(h, p);
				snprintf(cur, sizeof cur, "%s", pid);
				p = hm_person_find(h, cur);
			}
			if (p)
				hm_take(h, st);
		}
		hm_flush(h, p);
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("building the heat map"));
	return 0;
}

int lup_heatmap_build(lup_db *db, const struct lup_heat_query *q, struct lup_heatmap *out,
                      lup_err *err)
{
	static const char sql_ident[] =
		"SELECT ident, (SELECT coalesce(max(seq), 0) + 1 FROM competence WHERE framework_id = ?1), revision "
		"FROM framework WHERE id = ?1";
	char ident[LUP_FW_IDENT_MAX + 1] = "";
	struct hm h;
	sqlite3_stmt *st;
	size_t cap = 0, ncells;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&h, 0, sizeof h);
	h.out = out;
	if (!(st = lup_stmt(db, sql_ident, err)))
		return -1;
	sqlite3_bind_text(st, 1, q->framework_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, ident, sizeof ident);
		h.nseq = (size_t)sqlite3_column_int64(st, 1);
		out->revision = sqlite3_column_int(st, 2);
	}
	lup_done(st);
	if (rc == SQLITE_DONE)
		return lup_err_set(err, LUP_ENOTFOUND, _("no such framework"));
	if (rc != SQLITE_ROW)
		return lup_sqlerr(db, err, _("building the heat map"));

	/* Columns: the areas; each competence's column by its seq. */
	if (!(st = lup_stmt(db, heat_cols, err)))
		goto fail;
	sqlite3_bind_text(st, 1, q->framework_id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t i = out->ncols;
		if (i == cap) {
			size_t c = cap ? cap * 2 : 16;
			char **a = realloc(out->col_code, c * sizeof *a);
			if (a) out->col_code = a;
			a = a ? realloc(out->col_name, c * sizeof *a) : NULL;
			if (a) out->col_name = a;
			a = a ? realloc(out->col_name_sv, c * sizeof *a) : NULL;
			if (a) out->col_name_sv = a;
			if (!a) {
				lup_done(st);
				goto nomem;
			}
			cap = c;
		}
		out->col_code[i] = lup_col_dup(st, 0);
		out->col_name[i] = lup_col_dup(st, 1);
		out->col_name_sv[i] = lup_col_dup(st, 2);
		out->ncols++;
		if (!out->col_code[i] || !out->col_name[i]) {
			lup_done(st);
			goto nomem;
		}
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		goto sqlfail;
	if (!(h.col = malloc(h.nseq * sizeof *h.col)) || !(h.slot = calloc(h.nseq, sizeof *h.slot)) ||
	    !(h.touched = malloc(h.nseq * sizeof *h.touched)))
		goto nomem;
	for (size_t i = 0; i < h.nseq; i++) {
		h.col[i] = -1;
		h.slot[i].level = -1;
	}
	if (!(st = lup_stmt(db, heat_comps, err)))
		goto fail;
	sqlite3_bind_text(st, 1, q->framework_id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long seq = (long)sqlite3_column_int64(st, 0), col = (long)sqlite3_column_int64(st, 1);
		if (seq >= 0 && (size_t)seq < h.nseq && col >= 0 && (size_t)col < out->ncols)
			h.col[seq] = (int)col;
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		goto sqlfail;

	if (hm_targets(db, q->framework_id, ident, &h, err) < 0 || hm_people(db, q, &h, err) < 0)
		goto fail;
	ncells = out->nrows * out->ncols;
	if (!(out->cells = calloc(ncells + 1, sizeof *out->cells)) ||
	    !(h.total = calloc(ncells + 1, sizeof *h.total)) || !(h.sum = calloc(ncells + 1, sizeof *h.sum)))
		goto nomem;

	/* Target pairs: every person × competence with a target. */
	for (size_t i = 0; i < h.npeople; i++) {
		const struct hm_person *p = &h.people[i];
		for (size_t k = 0; p->role >= 0 && k < h.roles[p->role].nseqs; k++) {
			int seq = h.roles[p->role].seqs[k];
			if (h.col[seq] < 0 || person_target(&h, p, seq) < 0)
				continue;
			for (size_t r = p->row0; r < p->row0 + p->nrows; r++)
				h.total[h.rowof[r] * out->ncols + (size_t)h.col[seq]]++;
		}
		for (size_t k = p->own0; k < p->own0 + p->nown; k++) {
			int seq = h.own[k].seq;
			if (seq < 0 || (size_t)seq >= h.nseq || h.col[seq] < 0 || h.own[k].level < 0)
				continue;
			if (p->role >= 0 && h.roles[p->role].level[seq] >= 0)
				continue;   /* counted with the role's */
			for (size_t r = p->row0; r < p->row0 + p->nrows; r++)
				h.total[h.rowof[r] * out->ncols + (size_t)h.col[seq]]++;
		}
	}
	if (hm_ratings(db, q, ident, &h, err) < 0)
		goto fail;
	for (size_t i = 0; i < ncells; i++) {
		struct lup_heat_cell *c = &out->cells[i];
		c->unassessed = h.total[i] - c->pairs;
		c->mean_gap = c->pairs ? h.sum[i] / (double)c->pairs : 0;
	}
	hm_free(&h);
	return 0;
sqlfail:
	lup_sqlerr(db, err, _("building the heat map"));
	goto fail;
nomem:
	oom(err);
fail:
	hm_free(&h);
	lup_heatmap_free(out);
	return -1;
}
