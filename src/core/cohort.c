/* cohort.c — cohorts: validation, storage, the keyset-paged list. */
#include <stdlib.h>
#include <string.h>
#include "core/prog.h"
#include "lup/ref.h"

const char *lup_cohort_status_on(const char *override, const char *first, const char *last,
                                 int has_sessions, const char *today)
{
	if (override && *override) {
		for (int i = 0; lup_cohort_statuses[i]; i++)
			if (strcmp(lup_cohort_statuses[i], override) == 0)
				return lup_cohort_statuses[i];
	}
	if (last && *last && strcmp(last, today) < 0)
		return "done";
	if (first && *first && strcmp(first, today) <= 0)
		return "running";
	return has_sessions ? "open" : "planned";
}

void lup_cohort_clear(struct lup_cohort *c)
{
	free(c->name);
	free(c->facilitators);
	free(c->notes);
	memset(c, 0, sizeof *c);
}

static void read_cohort(sqlite3_stmt *st, void *row)
{
	struct lup_cohort *c = row;
	lup_col_copy(st, 0, c->id, sizeof c->id);
	lup_col_copy(st, 1, c->programme_id, sizeof c->programme_id);
	c->name = lup_col_dup(st, 2);
	c->capacity = sqlite3_column_int(st, 3);
	lup_col_copy(st, 4, c->start_date, sizeof c->start_date);
	lup_col_copy(st, 5, c->end_date, sizeof c->end_date);
	lup_col_copy(st, 6, c->status, sizeof c->status);
	c->facilitators = lup_col_dup(st, 7);
	c->notes = lup_col_dup(st, 8);
	lup_col_copy(st, 9, c->created_at, sizeof c->created_at);
	lup_col_copy(st, 10, c->updated_at, sizeof c->updated_at);
	lup_col_copy(st, 11, c->status_override, sizeof c->status_override);
}

int lup_cohort_get(lup_db *db, const char *id, struct lup_cohort *c, lup_err *err)
{
	static const char sql[] =
		"SELECT c.id, c.programme_id, c.name, c.capacity, c.start_date, c.end_date, "
		LUP_P_COHORT_STATUS("c", "?2") ", c.facilitators, c.notes, c.created_at, c.updated_at, "
		"coalesce(c.status_override, '') FROM cohort c WHERE c.id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char today[11];
	if (st) {
		lup_p_today(today);
		sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
	}
	return lup_get_row(db, st, id, c, sizeof *c, read_cohort, _("reading a cohort"),
	                   _("no such cohort"), err);
}

int lup_cohort_find(lup_db *db, const char *ref, char id[LUP_ID_SIZE], lup_err *err)
{
	if (lup_blank(ref))
		return lup_err_set(err, LUP_EINVAL, _("no cohort given"));
	return lup_ref_find(db, LUP_REF_COHORT, ref, id, err);
}

static int name_taken(lup_db *db, const struct lup_cohort *c, lup_err *err)
{
	static const char sql[] =
		"SELECT count(*) FROM cohort WHERE programme_id = ?1 AND name = ?2 AND id <> ?3";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int n;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, c->programme_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, c->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, c->id, -1, SQLITE_TRANSIENT);
	if (lup_step(db, st, _("checking the name"), err) < 0)
		return -1;
	n = sqlite3_column_int(st, 0);
	lup_done(st);
	return n > 0;
}

static int validate(const lup_config *cfg, struct lup_cohort *c, lup_err *err)
{
	lup_tidy(&c->name);
	lup_tidy(&c->facilitators);
	lup_tidy(&c->notes);
	if (!c->name)
		return lup_err_field(err, "name", _("a name is required"));
	if (strlen(c->name) > 200)
		return lup_err_field(err, "name", _("the name is longer than 200 characters"));
	if (c->capacity == 0 && !c->id[0])
		c->capacity = cfg ? (int)lup_config_int(cfg, "programme:default_capacity") : 16;
	if (c->capacity < 1 || c->capacity > 1000)
		return lup_err_field(err, "capacity", _("the capacity must be from 1 to 1000 seats"));
	if (!lup_p_date_ok(c->start_date))
		return lup_err_field(err, "start_date", _("'%s' is not a date (YYYY-MM-DD)"), c->start_date);
	if (!lup_p_date_ok(c->end_date))
		return lup_err_field(err, "end_date", _("'%s' is not a date (YYYY-MM-DD)"), c->end_date);
	if (c->start_date[0] && c->end_date[0] && strcmp(c->end_date, c->start_date) < 0)
		return lup_err_field(err, "end_date", _("the end comes before the start"));
	if (c->status_override[0] && !lup_p_keyword(lup_cohort_statuses, c->status_override))
		return lup_err_field(err, "status_override",
			_("'%s' is not a cohort status (planned, open, running, done, cancelled; "
			  "empty: from the dates)"), c->status_override);
	if (c->facilitators && strlen(c->facilitators) > 500)
		return lup_err_field(err, "facilitators", _("the facilitators are longer than 500 characters"));
	if (c->notes && strlen(c->notes) > 10000)
		return lup_err_field(err, "notes", _("the notes are longer than 10000 characters"));
	return 0;
}

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

int lup_cohort_save(lup_db *db, const lup_config *cfg, struct lup_cohort *c,
                    struct lup_warnings *warn, struct lup_promotions *promoted, lup_err *err)
{
	static const char ins[] =
		"INSERT INTO cohort (id, programme_id, name, capacity, start_date, end_date, "
		"status_override, facilitators, notes, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
	static const char upd[] =
		"UPDATE cohort SET name = ?3, capacity = ?4, start_date = ?5, end_date = ?6, status_override = ?7, "
		"facilitators = ?8, notes = ?9, updated_at = ?10 WHERE id = ?1";
	int insert = c->id[0] == '\0', r;
	size_t promoted_before = promoted ? promoted->n : 0;
	sqlite3_stmt *st;
	char now[21];

	if (validate(cfg, c, err) < 0)
		return -1;
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (insert) {
		struct lup_programme p;
		if (lup_programme_get(db, c->programme_id, &p, err) < 0) {
			lup_err_field(err, "programme", _("no such programme"));
			goto fail;
		}
		lup_programme_clear(&p);
	} else {
		struct lup_cohort old;
		int retitled;
		if (lup_cohort_get(db, c->id, &old, err) < 0)
			goto fail;
		snprintf(c->programme_id, sizeof c->programme_id, "%s", old.programme_id);
		/* The cohort's name and facilitators are in its sessions'
		 * calendar entries. */
		retitled = !same(old.name, c->name) || !same(old.facilitators, c->facilitators);
		lup_cohort_clear(&old);
		if (retitled && lup_p_bump_cohort_sessions(db, c->id, err) < 0)
			goto fail;
	}
	if ((r = name_taken(db, c, err)) != 0) {
		if (r > 0)
			lup_err_field(err, "name", _("this programme has a cohort named '%s' already"), c->name);
		goto fail;
	}
	if (insert)
		lup_uuid(c->id);
	lup_now_utc(now);
	if (!(st = lup_stmt(db, insert ? ins : upd, err)))
		goto fail;
	sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, c->programme_id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 3, c->name);
	sqlite3_bind_int(st, 4, c->capacity);
	lup_bind_text(st, 5, c->start_date);
	lup_bind_text(st, 6, c->end_date);
	lup_bind_text(st, 7, c->status_override);
	lup_bind_text(st, 8, c->facilitators);
	lup_bind_text(st, 9, c->notes);
	sqlite3_bind_text(st, 10, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("saving a cohort"), err) < 0)
		goto fail;
	/* More seats: the waitlist moves up. */
	if (!insert && lup_p_promote(db, c->id, promoted, err) < 0)
		goto fail;
	if (lup_db_commit(db, err) < 0)
		goto fail;
	if (insert)
		memcpy(c->created_at, now, sizeof now);
	memcpy(c->updated_at, now, sizeof now);
	{
		/* the status the save leaves it in, for the caller to show */
		struct lup_cohort now_c;
		if (lup_cohort_get(db, c->id, &now_c, NULL) == 0)
			memcpy(c->status, now_c.status, sizeof c->status);
		lup_cohort_clear(&now_c);
	}
	if (warn) {
		lup_err ignored;
		lup_cohort_warnings(db, cfg, c->id, warn, &ignored);
	}
	return 0;
fail:
	lup_db_rollback(db);
	if (promoted)
		promoted->n = promoted_before;
	if (insert)
		c->id[0] = '\0';
	return -1;
}

static void cohort_gone(lup_db *db, const void *seen, lup_err *err)
{
	const struct lup_cohort *c = seen;
	(void)db;
	lup_err_set(err, LUP_EGONE,
	            _("The cohort %s was deleted in another window since you opened the form"),
	            c->name ? c->name : "");
}

/* A status set by hand, as the form shows it; none: from the dates. */
static const char *override_label(const char *value)
{
	return value && *value ? lup_cohort_status_label(value) : _("from the dates");
}

static const struct lup_col cohort_cols[] = {
	{ LUP_COL(struct lup_cohort, name, STR, "name", N_("Name")) },
	{ LUP_COL(struct lup_cohort, capacity, INT, "capacity", N_("Capacity")) },
	{ LUP_COL(struct lup_cohort, start_date, BUF, "start_date", N_("Starts")) },
	{ LUP_COL(struct lup_cohort, end_date, BUF, "end_date", N_("Ends")) },
	{ LUP_COL(struct lup_cohort, status_override, BUF, "status_override", N_("Status")),
	  .label_of = override_label },
	{ LUP_COL(struct lup_cohort, facilitators, STR, "facilitators", N_("Facilitators")) },
	{ LUP_COL(struct lup_cohort, notes, STR, "notes", N_("Notes")) },
};

LUP_TABLE(cohort_table, struct lup_cohort, cohort_cols,
          lup_cohort_get, lup_cohort_clear, cohort_gone);

int lup_cohort_update(lup_db *db, const lup_config *cfg, const struct lup_cohort *seen,
                      struct lup_cohort *c, struct lup_warnings *warn,
                      struct lup_promotions *promoted, struct lup_merge_report *mr,
                      lup_err *err)
{
	return LUP_MERGE_SAVE(db, &cohort_table, c->id, seen, c, mr, err,
	                      lup_cohort_save(db, cfg, c, warn, promoted, err));
}

int lup_cohort_delete(lup_db *db, const char *id, lup_err *err)
{
	static const char note[] = LUP_P_NOTE_REMOVED "WHERE s.cohort_id = ?1";
	static const char sql[] = "DELETE FROM cohort WHERE id = ?1";
	return lup_p_delete_sessions(db, note, sql, id, _("deleting a cohort"), _("no such cohort"), err);
}

/* ---- The list ---- */

#define CSTATUS LUP_P_COHORT_STATUS("c", "?6")
/* The list's order: by start date (undated last), cohorts of the same day
 * by name, then by id; one text, so that a page goes on from a (key, id)
 * pair.  COLLATE lup_dated (sqlfn.c) compares the names by lup_sortkey,
 * and only of cohorts starting on the same day. */
#define CKEY "(coalesce(c.start_date, '9999-12-31') || ' ' || c.name)"
#define CROW "SELECT c.id, c.name, coalesce(c.start_date, ''), coalesce(c.end_date, ''), " CSTATUS ", " \
	"c.capacity, " \
	"(SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status IN ('enrolled', 'completed')), " \
	"(SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status = 'completed'), " \
	"(SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status = 'waitlisted'), " \
	"(SELECT count(*) FROM session s WHERE s.cohort_id = c.id), " \
	"c.facilitators, " CKEY " AS k, coalesce(c.status_override, '') " \
	"FROM cohort c "
#define CFILT "(?1 IS NULL OR c.programme_id = ?1) AND (?2 IS NULL OR " CSTATUS " = ?2) " \
	"AND (?7 IS NULL OR instr(lup_fold(c.name), ?7) > 0) "

/* A page: the ids are chosen (and sorted) first, and the counts are made
 * for those rows only, not for every cohort before the LIMIT. */
#define CPAGE(cmp, dir) \
	"SELECT c.id, c.name, coalesce(c.start_date, ''), coalesce(c.end_date, ''), " CSTATUS ", " \
	"c.capacity, " \
	"(SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status IN ('enrolled', 'completed')), " \
	"(SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status = 'completed'), " \
	"(SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status = 'waitlisted'), " \
	"(SELECT count(*) FROM session s WHERE s.cohort_id = c.id), " \
	"c.facilitators, p.k, coalesce(c.status_override, '') " \
	"FROM (SELECT c.id, " CKEY " AS k FROM cohort c " \
	"WHERE " CFILT "AND (" CKEY " COLLATE lup_dated, c.id) " cmp " (?3, ?4) " \
	"ORDER BY k COLLATE lup_dated " dir ", c.id " dir " LIMIT ?5) p JOIN cohort c ON c.id = p.id " \
	"ORDER BY p.k COLLATE lup_dated " dir ", p.id " dir

static const char *const page_sql[2] = {
	CPAGE(">", "ASC"),
	CPAGE("<", "DESC"),
};

/* ?1 programme, ?2 status, ?6 today, ?7 the folded filter. */
static void bind_query(sqlite3_stmt *st, const struct lup_cohort_query *q)
{
	char today[11];
	lup_p_today(today);
	lup_bind_text(st, 1, q ? q->programme_id : NULL);
	lup_bind_text(st, 2, q ? q->status : NULL);
	sqlite3_bind_text(st, 6, today, -1, SQLITE_TRANSIENT);
	if (q && q->filter && *q->filter) {
		char *f = lup_fold(q->filter);
		if (f && *f)
			sqlite3_bind_text(st, 7, f, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, 7);
		free(f);
	} else {
		sqlite3_bind_null(st, 7);
	}
}

static void row_from(sqlite3_stmt *st, void *row)
{
	struct lup_cohort_row *r = row;
	memset(r, 0, sizeof *r);
	lup_col_copy(st, 0, r->id, sizeof r->id);
	lup_col_cut(st, 1, r->name, sizeof r->name);
	lup_col_copy(st, 2, r->start_date, sizeof r->start_date);
	lup_col_copy(st, 3, r->end_date, sizeof r->end_date);
	lup_col_copy(st, 4, r->status, sizeof r->status);
	r->capacity = sqlite3_column_int(st, 5);
	r->enrolled = sqlite3_column_int64(st, 6);
	r->completed = sqlite3_column_int64(st, 7);
	r->waitlisted = sqlite3_column_int64(st, 8);
	r->sessions = sqlite3_column_int64(st, 9);
	r->facilitators = lup_facilitator_count((const char *)sqlite3_column_text(st, 10));
	lup_col_copy(st, 11, r->key, sizeof r->key);
	lup_col_copy(st, 12, r->status_override, sizeof r->status_override);
}

static void add_warnings(lup_db *db, const struct lup_cohort_query *q, struct lup_cohort_row *r)
{
	struct lup_warnings w = { 0 };
	lup_err ignored;
	if (!q || !q->cfg)
		return;
	if (lup_cohort_warnings(db, q->cfg, r->id, &w, &ignored) >= 0)
		r->warnings = (int)w.n;
	lup_warnings_clear(&w);
}

int lup_cohort_page(lup_db *db, const struct lup_cohort_query *q,
                    const struct lup_cohort_row *from, int dir, int limit,
                    struct lup_cohort_row *rows, lup_err *err)
{
	int back = dir < 0, n;
	sqlite3_stmt *st;
	if (limit <= 0)
		return 0;
	if (!(st = lup_stmt(db, page_sql[back], err)))
		return -1;
	bind_query(st, q);
	lup_bind_key(st, 3, from ? from->key : NULL, back);
	lup_bind_key(st, 4, from ? from->id : NULL, back);
	sqlite3_bind_int(st, 5, limit);
	if ((n = lup_page_rows(db, st, back, limit, rows, sizeof *rows, row_from, _("listing cohorts"), err)) < 0)
		return -1;
	/* Outside the statement: the rules run queries of their own. */
	for (int i = 0; i < n; i++)
		add_warnings(db, q, &rows[i]);
	return n;
}

int lup_cohort_count(lup_db *db, const struct lup_cohort_query *q, long *n, lup_err *err)
{
	static const char sql[] = "SELECT count(*) FROM cohort c WHERE " CFILT;
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	if (!st)
		return -1;
	bind_query(st, q);
	return lup_count_row(db, st, n, 1, _("counting cohorts"), err);
}

long lup_cohort_position(lup_db *db, const struct lup_cohort_query *q,
                         const struct lup_cohort_row *row, lup_err *err)
{
	static const char sql[] =
		"SELECT count(*) FROM cohort c WHERE " CFILT
		"AND (" CKEY " COLLATE lup_dated, c.id) < (?3, ?4)";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	long n;
	if (!st)
		return -1;
	bind_query(st, q);
	sqlite3_bind_text(st, 3, row->key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, row->id, -1, SQLITE_TRANSIENT);
	return lup_count_row(db, st, &n, 1, _("counting cohorts"), err) < 0 ? -1 : n;
}

int lup_cohort_row_get(lup_db *db, const struct lup_cohort_query *q, const char *id,
                       struct lup_cohort_row *row, lup_err *err)
{
	static const char sql[] = CROW "WHERE c.id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char today[11];
	if (st) {
		lup_p_today(today);
		sqlite3_bind_text(st, 6, today, -1, SQLITE_TRANSIENT);
	}
	if (lup_get_row(db, st, id, row, sizeof *row, row_from, _("reading a cohort"),
	                _("no such cohort"), err) < 0)
		return -1;
	add_warnings(db, q, row);
	return 0;
}
