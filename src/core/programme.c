/* programme.c — programmes, their blocks, progress; the helpers the
 * programme modules share (prog.h). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/prog.h"

/* ---- Shared helpers ---- */

void lup_p_now_local(char out[17])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 17, "%Y-%m-%d %H:%M", &tm);
}

void lup_p_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int lup_p_keyword(const char *const *list, const char *s)
{
	if (!s)
		return 0;
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

int lup_p_date_ok(const char *s)
{
	lup_date d;
	if (!s || !*s)
		return 1;
	return strlen(s) == 10 && lup_date_parse(s, lup_date_today(), &d) == 0 && s[4] == '-';
}

/* One text value from a one-row query with one bound id; "" when none. */
int lup_p_lookup(lup_db *db, const char *sql, const char *a, const char *b, char *out,
                   size_t n, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	out[0] = '\0';
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("looking up"), err)) < 0)
		return -1;
	if (rc == SQLITE_ROW)
		lup_col_cut(st, 0, out, n);
	lup_done(st);
	return rc == SQLITE_ROW;
}

/* The next name of a facilitator list, trimmed; separators and blank
 * names are skipped.  0 at the end. */
static int next_name(const char **p, const char **name, size_t *len)
{
	const char *s = *p;
	while (*s) {
		size_t l = strcspn(s, ",;");
		const char *a = s, *b = s + l;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		s += l;
		if (*s)
			s++;
		if (b > a) {
			*name = a;
			*len = (size_t)(b - a);
			*p = s;
			return 1;
		}
	}
	*p = s;
	return 0;
}

int lup_p_each_facilitator(const char *list, int (*cb)(void *ud, const char *name, size_t n),
                           void *ud)
{
	const char *p = list, *name;
	size_t len;
	if (!list)
		return 0;
	while (next_name(&p, &name, &len)) {
		int r = cb(ud, name, len);
		if (r)
			return r;
	}
	return 0;
}

int lup_facilitator_count(const char *list)
{
	const char *p = list, *name;
	size_t len;
	int n = 0;
	if (!list)
		return 0;
	while (next_name(&p, &name, &len))
		n++;
	return n;
}

int lup_p_common_facilitator(const char *a, const char *fa, const char *fb, char *buf, size_t n)
{
	const char *p = fa, *x;
	size_t xl;
	int idx = 0;
	if (!a || !fa || !fb)
		return 0;
	while (next_name(&p, &x, &xl)) {
		const char *q = fb, *y;
		size_t yl;
		while (next_name(&q, &y, &yl)) {
			if (xl == yl && memcmp(x, y, xl) == 0) {
				/* Name it as the first list spells it. */
				const char *r = a, *z;
				size_t zl;
				int k = 0;
				snprintf(buf, n, "%.*s", (int)xl, x);
				while (next_name(&r, &z, &zl))
					if (k++ == idx) {
						snprintf(buf, n, "%.*s", (int)zl, z);
						break;
					}
				return 1;
			}
		}
		idx++;
	}
	return 0;
}

int lup_p_warn(struct lup_warnings *w, enum lup_warn_kind kind, const char *cohort_id,
               const char *session_id, const char *other_id, const char *person_id,
               lup_err *err, const char *fmt, ...)
{
	struct lup_warning *x;
	lup_buf b = { 0 };
	va_list ap;
	if (!w)
		return 0;
	if (lup_grow(&w->v, &w->cap, w->n + 1, sizeof *w->v) < 0)
		return lup_err_oom(err);
	x = &w->v[w->n];   /* counted once its message is made */
	memset(x, 0, sizeof *x);
	x->kind = kind;
	snprintf(x->cohort_id, sizeof x->cohort_id, "%s", cohort_id ? cohort_id : "");
	snprintf(x->session_id, sizeof x->session_id, "%s", session_id ? session_id : "");
	snprintf(x->other_id, sizeof x->other_id, "%s", other_id ? other_id : "");
	snprintf(x->person_id, sizeof x->person_id, "%s", person_id ? person_id : "");
	{
		char tmp[1024];
		va_start(ap, fmt);
		vsnprintf(tmp, sizeof tmp, fmt, ap);
		va_end(ap);
		if (lup_buf_puts(&b, tmp) < 0 || !b.s) {
			lup_buf_clear(&b);
			return lup_err_oom(err);
		}
	}
	x->msg = b.s;
	w->n++;
	return 0;
}

void lup_warnings_clear(struct lup_warnings *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].msg);
	free(w->v);
	memset(w, 0, sizeof *w);
}

int lup_p_promotion_add(struct lup_promotions *p, const char *enrolment_id,
                        const char *person_id, const char *name)
{
	struct lup_promotion *x;
	if (!p)
		return 0;
	if (!(x = LUP_PUSH(p->v, p->n, p->cap)))
		return -1;
	snprintf(x->enrolment_id, sizeof x->enrolment_id, "%s", enrolment_id);
	snprintf(x->person_id, sizeof x->person_id, "%s", person_id);
	snprintf(x->name, sizeof x->name, "%s", name ? name : "");
	return 0;
}

void lup_promotions_clear(struct lup_promotions *p)
{
	if (!p)
		return;
	free(p->v);
	memset(p, 0, sizeof *p);
}

int lup_p_bump_cohort_sessions(lup_db *db, const char *cohort_id, lup_err *err)
{
	static const char sql[] =
		"UPDATE session SET sequence = sequence + 1, updated_at = ?2 WHERE cohort_id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char now[21];
	if (!st)
		return -1;
	lup_now_utc(now);
	sqlite3_bind_text(st, 1, cohort_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	return lup_run(db, st, _("updating sessions"), err);
}

int lup_p_bump_block_sessions(lup_db *db, const char *block_id, lup_err *err)
{
	static const char sql[] =
		"UPDATE session SET sequence = sequence + 1, updated_at = ?2 WHERE block_id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char now[21];
	if (!st)
		return -1;
	lup_now_utc(now);
	sqlite3_bind_text(st, 1, block_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	return lup_run(db, st, _("updating sessions"), err);
}

/* ---- Keywords ---- */

const char *const lup_block_kinds[] = { "ul", "abw", "egov", "other", NULL };
const char *const lup_cohort_statuses[] = { "planned", "open", "running", "done", "cancelled", NULL };
const char *const lup_session_kinds[] = { "course_day", "follow_up", "study_visit", "other", NULL };

const char *lup_block_kind_label(const char *kind)
{
	if (!kind)
		return "";
	if (strcmp(kind, "ul") == 0)
		return _("Developmental leadership (UL)");
	if (strcmp(kind, "abw") == 0)
		return _("Activity-based workplace");
	if (strcmp(kind, "egov") == 0)
		return _("E-government tools and methods");
	if (strcmp(kind, "other") == 0)
		return C_("block", "Other");
	return kind;
}

const char *lup_cohort_status_label(const char *status)
{
	if (!status)
		return "";
	if (strcmp(status, "planned") == 0)
		return C_("cohort", "planned");
	if (strcmp(status, "open") == 0)
		return C_("cohort", "open");
	if (strcmp(status, "running") == 0)
		return C_("cohort", "running");
	if (strcmp(status, "done") == 0)
		return C_("cohort", "done");
	if (strcmp(status, "cancelled") == 0)
		return C_("cohort", "cancelled");
	return status;
}

const char *lup_session_kind_label(const char *kind)
{
	if (!kind)
		return "";
	if (strcmp(kind, "course_day") == 0)
		return C_("session", "course day");
	if (strcmp(kind, "follow_up") == 0)
		return C_("session", "follow-up");
	if (strcmp(kind, "study_visit") == 0)
		return C_("session", "study visit");
	if (strcmp(kind, "other") == 0)
		return C_("session", "other");
	return kind;
}

/* ---- Programmes ---- */

void lup_programme_clear(struct lup_programme *p)
{
	free(p->name);
	free(p->description);
	memset(p, 0, sizeof *p);
}

static void read_programme(sqlite3_stmt *st, void *row)
{
	struct lup_programme *p = row;
	lup_col_copy(st, 0, p->id, sizeof p->id);
	p->name = lup_col_dup(st, 1);
	p->description = lup_col_dup(st, 2);
	p->target = sqlite3_column_int64(st, 3);
	lup_col_copy(st, 4, p->start_date, sizeof p->start_date);
	lup_col_copy(st, 5, p->end_date, sizeof p->end_date);
	lup_col_copy(st, 6, p->created_at, sizeof p->created_at);
	lup_col_copy(st, 7, p->updated_at, sizeof p->updated_at);
}

int lup_programme_get(lup_db *db, const char *id, struct lup_programme *p, lup_err *err)
{
	static const char sql[] =
		"SELECT id, name, description, target, start_date, end_date, created_at, updated_at "
		"FROM programme WHERE id = ?1";
	return lup_get_row(db, lup_stmt(db, sql, err), id, p, sizeof *p, read_programme,
	                   _("reading a programme"), _("no such programme"), err);
}

/* The default blocks named in [programme] blocks: "ul,abw,egov". */
static int default_blocks(lup_db *db, const lup_config *cfg, const char *programme_id,
                          lup_err *err)
{
	const char *list = cfg ? lup_config_str(cfg, "programme:blocks") : "ul,abw,egov";
	const char *p = list;
	int seq = 0;
	while (*p) {
		size_t len = strcspn(p, ", ");
		if (len) {
			struct lup_block b;
			char kind[16];
			memset(&b, 0, sizeof b);
			snprintf(kind, sizeof kind, "%.*s", (int)(len < 15 ? len : 15), p);
			if (len > 15 || !lup_p_keyword(lup_block_kinds, kind))
				return lup_err_set(err, LUP_EINVAL,
					_("[programme] blocks: '%.*s' is not a block kind (ul, abw, egov, other)"),
					(int)len, p);
			snprintf(b.programme_id, sizeof b.programme_id, "%s", programme_id);
			memcpy(b.kind, kind, strlen(kind) + 1);  /* a known kind: fits */
			b.name = strdup(lup_block_kind_label(kind));
			b.min_attendance = -1;
			seq++;
			if (!b.name)
				return lup_err_oom(err);
			if (lup_block_save(db, cfg, &b, err) < 0) {
				lup_block_clear(&b);
				return -1;
			}
			lup_block_clear(&b);
		}
		p += len;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return seq;
}

int lup_programme_save(lup_db *db, const lup_config *cfg, struct lup_programme *p, lup_err *err)
{
	static const char ins[] =
		"INSERT INTO programme (id, name, description, target, start_date, end_date, "
		"created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
	static const char upd[] =
		"UPDATE programme SET name = ?2, description = ?3, target = ?4, start_date = ?5, "
		"end_date = ?6, updated_at = ?7 WHERE id = ?1";
	int insert = p->id[0] == '\0';
	sqlite3_stmt *st;
	char now[21];

	lup_tidy(&p->name);
	lup_tidy(&p->description);
	if (!p->name)
		return lup_err_field(err, "name", _("a name is required"));
	if (strlen(p->name) > 200)
		return lup_err_field(err, "name", _("the name is longer than 200 characters"));
	if (p->target < 0)
		p->target = cfg ? lup_config_int(cfg, "programme:target") : 300;
	if (p->target > 1000000)
		return lup_err_field(err, "target", _("the target must be from 0 to 1000000"));
	if (!lup_p_date_ok(p->start_date))
		return lup_err_field(err, "start_date", _("'%s' is not a date (YYYY-MM-DD)"), p->start_date);
	if (!lup_p_date_ok(p->end_date))
		return lup_err_field(err, "end_date", _("'%s' is not a date (YYYY-MM-DD)"), p->end_date);
	if (p->start_date[0] && p->end_date[0] && strcmp(p->end_date, p->start_date) < 0)
		return lup_err_field(err, "end_date", _("the end comes before the start"));

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (insert)
		lup_uuid(p->id);
	lup_now_utc(now);
	if (!(st = lup_stmt(db, insert ? ins : upd, err)))
		goto fail;
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 2, p->name);
	lup_bind_text(st, 3, p->description);
	sqlite3_bind_int64(st, 4, p->target);
	lup_bind_text(st, 5, p->start_date);
	lup_bind_text(st, 6, p->end_date);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("saving a programme"), err) < 0)
		goto fail;
	if (!insert && sqlite3_changes(db->h) == 0) {
		lup_err_set(err, LUP_ENOTFOUND, _("no such programme"));
		goto fail;
	}
	if (insert && default_blocks(db, cfg, p->id, err) < 0)
		goto fail;
	if (lup_db_commit(db, err) < 0)
		goto fail;
	if (insert)
		memcpy(p->created_at, now, sizeof now);
	memcpy(p->updated_at, now, sizeof now);
	return 0;
fail:
	lup_db_rollback(db);
	if (insert)
		p->id[0] = '\0';
	return -1;
}

static void programme_gone(lup_db *db, const void *seen, lup_err *err)
{
	const struct lup_programme *p = seen;
	(void)db;
	lup_err_set(err, LUP_EGONE,
	            _("The programme %s was deleted in another window since you opened the form"),
	            p->name ? p->name : "");
}

static const struct lup_col programme_cols[] = {
	{ LUP_COL(struct lup_programme, name, STR, "name", N_("Name")) },
	{ LUP_COL(struct lup_programme, description, STR, "description", N_("Description")) },
	{ LUP_COL(struct lup_programme, target, LONG, "target", N_("Target")) },
	{ LUP_COL(struct lup_programme, start_date, BUF, "start_date", N_("Starts")) },
	{ LUP_COL(struct lup_programme, end_date, BUF, "end_date", N_("Ends")) },
};

LUP_TABLE(programme_table, struct lup_programme, programme_cols,
          lup_programme_get, lup_programme_clear, programme_gone);

int lup_programme_update(lup_db *db, const lup_config *cfg, const struct lup_programme *seen,
                         struct lup_programme *p, struct lup_merge_report *mr, lup_err *err)
{
	return LUP_MERGE_SAVE(db, &programme_table, p->id, seen, p, mr, err,
	                      lup_programme_save(db, cfg, p, err));
}

int lup_programme_delete(lup_db *db, const char *id, lup_err *err)
{
	static const char note[] = LUP_P_NOTE_REMOVED "WHERE c.programme_id = ?1";
	static const char sql[] = "DELETE FROM programme WHERE id = ?1";
	return lup_p_delete_sessions(db, note, sql, id, _("deleting a programme"), _("no such programme"),
	                             err);
}

int lup_programme_list(lup_db *db, struct lup_programme_row *rows, int max, lup_err *err)
{
	static const char sql[] =
		"SELECT p.id, p.name, p.target, (SELECT count(*) FROM cohort c WHERE c.programme_id = p.id) "
		"FROM programme p ORDER BY p.name, p.id";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int n = 0, rc;
	if (!st)
		return -1;
	while (n < max && (rc = lup_step(db, st, _("listing programmes"), err)) == SQLITE_ROW) {
		lup_col_copy(st, 0, rows[n].id, sizeof rows[n].id);
		lup_col_cut(st, 1, rows[n].name, sizeof rows[n].name);
		rows[n].target = sqlite3_column_int64(st, 2);
		rows[n].cohorts = sqlite3_column_int64(st, 3);
		n++;
	}
	if (n < max && rc < 0)
		return -1;
	lup_done(st);
	return n;
}

int lup_programme_first(lup_db *db, char id[LUP_ID_SIZE], lup_err *err)
{
	static const char sql[] = "SELECT id FROM programme ORDER BY created_at, id LIMIT 1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	if ((rc = lup_step(db, st, _("reading a programme"), err)) < 0)
		return -1;
	if (rc == SQLITE_ROW)
		lup_col_copy(st, 0, id, LUP_ID_SIZE);
	lup_done(st);
	return rc == SQLITE_ROW ? 0 : lup_err_set(err, LUP_ENOTFOUND, _("there is no programme yet"));
}

int lup_programme_ensure(lup_db *db, const lup_config *cfg, const char *name,
                         char id[LUP_ID_SIZE], lup_err *err)
{
	struct lup_programme p;
	if (lup_programme_first(db, id, err) == 0)
		return 0;
	if (err && err->code != LUP_ENOTFOUND)
		return -1;
	memset(&p, 0, sizeof p);
	p.name = strdup(name && *name ? name : _("Leadership development"));
	p.target = -1;
	if (!p.name)
		return lup_err_oom(err);
	if (lup_programme_save(db, cfg, &p, err) < 0) {
		lup_programme_clear(&p);
		return -1;
	}
	memcpy(id, p.id, LUP_ID_SIZE);
	lup_programme_clear(&p);
	return 0;
}

int lup_programme_progress(lup_db *db, const char *programme_id, struct lup_progress *o,
                           lup_err *err)
{
	static const char sql[] =
		/* One pass over the cohorts' enrolments, on covering indexes.
		 * A person holds one live enrolment per programme, so rows are
		 * people. */
		"WITH e AS (SELECT sum(e.status IN ('enrolled', 'completed')) AS seated, "
		"  sum(e.status = 'completed') AS done, sum(e.status = 'waitlisted') AS waiting "
		"  FROM cohort c JOIN enrolment e ON e.cohort_id = c.id WHERE c.programme_id = ?1) "
		"SELECT (SELECT target FROM programme WHERE id = ?1), coalesce(e.seated, 0), "
		"coalesce(e.done, 0), coalesce(e.waiting, 0), "
		"(SELECT count(*) FROM cohort WHERE programme_id = ?1), "
		"(SELECT count(*) FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE c.programme_id = ?1) "
		"FROM e";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	memset(o, 0, sizeof *o);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, programme_id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("counting"), err)) < 0)
		return -1;
	if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
		lup_done(st);
		return lup_err_set(err, LUP_ENOTFOUND, _("no such programme"));
	}
	o->target = sqlite3_column_int64(st, 0);
	o->enrolled = sqlite3_column_int64(st, 1);
	o->completed = sqlite3_column_int64(st, 2);
	o->waitlisted = sqlite3_column_int64(st, 3);
	o->cohorts = sqlite3_column_int64(st, 4);
	o->sessions = sqlite3_column_int64(st, 5);
	lup_done(st);
	return 0;
}

void lup_progress_format(const struct lup_progress *p, char *buf, size_t n)
{
	/* TRANSLATORS: programme progress, e.g. "212 of 300 enrolled, 140 completed". */
	snprintf(buf, n, _("%ld of %ld enrolled, %ld completed"), p->enrolled, p->target, p->completed);
}

/* ---- Blocks ---- */

void lup_block_clear(struct lup_block *b)
{
	free(b->name);
	free(b->description);
	memset(b, 0, sizeof *b);
}

#define BLOCK_COLS "id, programme_id, seq, kind, name, description, min_attendance"

static void block_from(sqlite3_stmt *st, void *row)
{
	struct lup_block *b = row;
	memset(b, 0, sizeof *b);
	lup_col_copy(st, 0, b->id, sizeof b->id);
	lup_col_copy(st, 1, b->programme_id, sizeof b->programme_id);
	b->seq = sqlite3_column_int(st, 2);
	lup_col_copy(st, 3, b->kind, sizeof b->kind);
	b->name = lup_col_dup(st, 4);
	b->description = lup_col_dup(st, 5);
	b->min_attendance = sqlite3_column_double(st, 6);
}

int lup_block_get(lup_db *db, const char *id, struct lup_block *b, lup_err *err)
{
	static const char sql[] = "SELECT " BLOCK_COLS " FROM block WHERE id = ?1";
	return lup_get_row(db, lup_stmt(db, sql, err), id, b, sizeof *b, block_from,
	                   _("reading a block"), _("no such block"), err);
}

int lup_block_list(lup_db *db, const char *programme_id, struct lup_block *out, int max,
                   lup_err *err)
{
	static const char sql[] = "SELECT " BLOCK_COLS " FROM block WHERE programme_id = ?1 ORDER BY seq";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int n = 0, rc = SQLITE_DONE;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, programme_id, -1, SQLITE_TRANSIENT);
	while (n < max && (rc = lup_step(db, st, _("listing blocks"), err)) == SQLITE_ROW)
		block_from(st, &out[n++]);
	if (rc < 0) {
		while (n > 0)
			lup_block_clear(&out[--n]);
		return -1;
	}
	lup_done(st);
	return n;
}

int lup_block_save(lup_db *db, const lup_config *cfg, struct lup_block *b, lup_err *err)
{
	static const char ins[] =
		"INSERT INTO block (id, programme_id, seq, kind, name, description, min_attendance, "
		"created_at, updated_at) VALUES (?1, ?2, (SELECT coalesce(max(seq), 0) + 1 FROM block "
		"WHERE programme_id = ?2), ?3, ?4, ?5, ?6, ?7, ?7) RETURNING seq";
	static const char upd[] =
		"UPDATE block SET kind = ?3, name = ?4, description = ?5, min_attendance = ?6, "
		"updated_at = ?7 WHERE id = ?1 RETURNING seq";
	int insert = b->id[0] == '\0', renamed = 0, rc;
	sqlite3_stmt *st;
	char now[21];

	lup_tidy(&b->name);
	lup_tidy(&b->description);
	if (!b->kind[0])
		snprintf(b->kind, sizeof b->kind, "other");
	if (!lup_p_keyword(lup_block_kinds, b->kind))
		return lup_err_field(err, "kind", _("'%s' is not a block kind (ul, abw, egov, other)"), b->kind);
	if (!b->name)
		return lup_err_field(err, "name", _("a name is required"));
	if (strlen(b->name) > 200)
		return lup_err_field(err, "name", _("the name is longer than 200 characters"));
	if (b->min_attendance < 0 && insert)
		b->min_attendance = cfg ? lup_config_real(cfg, "programme:min_attendance") : 0.8;
	if (!(b->min_attendance >= 0 && b->min_attendance <= 1))
		return lup_err_field(err, "min_attendance",
		                     _("the minimum attendance is a share from 0 to 1 (0.8 is 80%%)"));

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (insert) {
		static const char count_sql[] = "SELECT count(*) FROM block WHERE programme_id = ?1";
		struct lup_programme p;
		if (lup_programme_get(db, b->programme_id, &p, err) < 0) {
			lup_err_field(err, "programme", _("no such programme"));
			goto fail;
		}
		lup_programme_clear(&p);
		if (!(st = lup_stmt(db, count_sql, err)))
			goto fail;
		sqlite3_bind_text(st, 1, b->programme_id, -1, SQLITE_TRANSIENT);
		if (lup_step(db, st, _("saving a block"), err) < 0)
			goto fail;
		rc = sqlite3_column_int(st, 0);
		lup_done(st);
		if (rc >= LUP_MAX_BLOCKS) {
			lup_err_set(err, LUP_ECONFLICT, _("a programme has at most %d blocks"), LUP_MAX_BLOCKS);
			goto fail;
		}
		lup_uuid(b->id);
	} else {
		struct lup_block old;
		if (lup_block_get(db, b->id, &old, err) < 0)
			goto fail;
		renamed = strcmp(old.name, b->name) != 0 || strcmp(old.kind, b->kind) != 0;
		snprintf(b->programme_id, sizeof b->programme_id, "%s", old.programme_id);
		lup_block_clear(&old);
	}
	lup_now_utc(now);
	if (!(st = lup_stmt(db, insert ? ins : upd, err)))
		goto fail;
	sqlite3_bind_text(st, 1, b->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, b->programme_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, b->kind, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 4, b->name);
	lup_bind_text(st, 5, b->description);
	sqlite3_bind_double(st, 6, b->min_attendance);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("saving a block"), err)) < 0)
		goto fail;
	if (rc == SQLITE_ROW) {
		b->seq = sqlite3_column_int(st, 0);
		if (lup_run(db, st, _("saving a block"), err) < 0)
			goto fail;
	} else {
		lup_done(st);
	}
	if (renamed && lup_p_bump_block_sessions(db, b->id, err) < 0)
		goto fail;
	if (lup_db_commit(db, err) < 0)
		goto fail;
	return 0;
fail:
	lup_db_rollback(db);
	if (insert)
		b->id[0] = '\0';
	return -1;
}

static void block_gone(lup_db *db, const void *seen, lup_err *err)
{
	const struct lup_block *b = seen;
	(void)db;
	lup_err_set(err, LUP_EGONE,
	            _("The block %s was deleted in another window since you opened the form"),
	            b->name ? b->name : "");
}

/* A share as a person reads it: "80 %". */
static void show_share(const char *value, char *buf, size_t n)
{
	snprintf(buf, n, "%g %%", strtod(value, NULL) * 100.0);
}

static const struct lup_col block_cols[] = {
	{ LUP_COL(struct lup_block, kind, BUF, "kind", N_("Kind")), .label_of = lup_block_kind_label },
	{ LUP_COL(struct lup_block, name, STR, "name", N_("Name")) },
	{ LUP_COL(struct lup_block, description, STR, "description", N_("Description")) },
	{ LUP_COL(struct lup_block, min_attendance, REAL, "min_attendance", N_("Attendance needed")),
	  .show = show_share },
};

LUP_TABLE(block_table, struct lup_block, block_cols, lup_block_get, lup_block_clear, block_gone);

int lup_block_update(lup_db *db, const lup_config *cfg, const struct lup_block *seen,
                     struct lup_block *b, struct lup_merge_report *mr, lup_err *err)
{
	return LUP_MERGE_SAVE(db, &block_table, b->id, seen, b, mr, err,
	                      lup_block_save(db, cfg, b, err));
}

/* Move the block at seq `from` to `to` (positions shift to make room):
 * through a free number, as (programme_id, seq) is unique. */
static int set_seq(lup_db *db, const char *id, int seq, lup_err *err)
{
	static const char sql[] = "UPDATE block SET seq = ?2, updated_at = ?3 WHERE id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char now[21];
	if (!st)
		return -1;
	lup_now_utc(now);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, seq);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	return lup_run(db, st, _("moving a block"), err);
}

int lup_block_move(lup_db *db, const char *id, int delta, lup_err *err)
{
	static const char nb[] = "SELECT id FROM block WHERE programme_id = ?1 AND seq = ?2";
	static const char top[] = "SELECT coalesce(max(seq), 0) FROM block WHERE programme_id = ?1";
	struct lup_block b;
	char other[LUP_ID_SIZE] = "";
	sqlite3_stmt *st;
	int rc, target, spare;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (lup_block_get(db, id, &b, err) < 0)
		goto fail;
	target = b.seq + (delta < 0 ? -1 : delta > 0 ? 1 : 0);
	if (!(st = lup_stmt(db, nb, err)))
		goto fail_b;
	sqlite3_bind_text(st, 1, b.programme_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, target);
	if ((rc = lup_step(db, st, _("moving a block"), err)) < 0)
		goto fail_b;
	if (rc == SQLITE_ROW)
		lup_col_copy(st, 0, other, sizeof other);
	lup_done(st);
	if (!other[0] || target == b.seq) {  /* at an end: nothing to do */
		int seq = b.seq;
		lup_block_clear(&b);
		lup_db_rollback(db);
		return seq;
	}
	if (!(st = lup_stmt(db, top, err)))
		goto fail_b;
	sqlite3_bind_text(st, 1, b.programme_id, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("moving a block"), err)) < 0)
		goto fail_b;
	spare = sqlite3_column_int(st, 0) + 1;
	lup_done(st);
	if (set_seq(db, id, spare, err) < 0 || set_seq(db, other, b.seq, err) < 0 ||
	    set_seq(db, id, target, err) < 0)
		goto fail_b;
	lup_block_clear(&b);
	if (lup_db_commit(db, err) < 0)
		goto fail;
	return target;
fail_b:
	lup_block_clear(&b);
fail:
	lup_db_rollback(db);
	return -1;
}

int lup_block_delete(lup_db *db, const char *id, lup_err *err)
{
	static const char del[] = "DELETE FROM block WHERE id = ?1";
	static const char later[] =
		"SELECT id FROM block WHERE programme_id = ?1 AND seq > ?2 ORDER BY seq";
	struct lup_block b;
	sqlite3_stmt *st;
	char (*ids)[LUP_ID_SIZE] = NULL, (*one)[LUP_ID_SIZE];
	size_t n = 0, cap = 0;
	int rc, seq;

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (lup_block_get(db, id, &b, err) < 0)
		goto fail;
	seq = b.seq;
	/* Its sessions lose their block (ON DELETE SET NULL): their calendar
	 * text changes, so their sequence rises. */
	if (lup_p_bump_block_sessions(db, id, err) < 0)
		goto fail_b;
	if (!(st = lup_stmt(db, del, err)))
		goto fail_b;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("deleting a block"), err) < 0)
		goto fail_b;
	if (!(st = lup_stmt(db, later, err)))
		goto fail_b;
	sqlite3_bind_text(st, 1, b.programme_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, seq);
	while ((rc = lup_step(db, st, _("deleting a block"), err)) == SQLITE_ROW) {
		if (!(one = LUP_PUSH(ids, n, cap))) {
			lup_done(st);
			lup_err_oom(err);
			goto fail_b;
		}
		lup_col_copy(st, 0, *one, LUP_ID_SIZE);
	}
	if (rc < 0)
		goto fail_b;
	lup_done(st);
	for (size_t i = 0; i < n; i++)
		if (set_seq(db, ids[i], seq + (int)i, err) < 0)
			goto fail_b;
	free(ids);
	lup_block_clear(&b);
	return lup_db_commit(db, err);
fail_b:
	free(ids);
	lup_block_clear(&b);
fail:
	lup_db_rollback(db);
	return -1;
}

/* Used by the other modules: a session row from LUP_P_SROW_COLS. */
void lup_p_session_row(sqlite3_stmt *st, void *row)
{
	struct lup_session_row *r = row;
	lup_datetime dt;
	memset(r, 0, sizeof *r);
	lup_col_copy(st, 0, r->id, sizeof r->id);
	lup_col_copy(st, 1, r->cohort_id, sizeof r->cohort_id);
	lup_col_cut(st, 2, r->cohort, sizeof r->cohort);
	lup_col_cut(st, 3, r->title, sizeof r->title);
	lup_col_copy(st, 4, r->kind, sizeof r->kind);
	lup_col_cut(st, 5, r->block, sizeof r->block);
	lup_col_copy(st, 6, r->block_kind, sizeof r->block_kind);
	lup_col_copy(st, 7, r->starts_at, sizeof r->starts_at);
	lup_col_copy(st, 8, r->ends_at, sizeof r->ends_at);
	lup_col_cut(st, 9, r->location, sizeof r->location);
	lup_col_cut(st, 10, r->facilitators, sizeof r->facilitators);
	lup_col_cut(st, 11, r->host, sizeof r->host);
	r->sequence = sqlite3_column_int64(st, 12);
	r->marked = sqlite3_column_int(st, 13);
	if (lup_datetime_parse(r->starts_at, &dt) == 0)
		r->isoweek = lup_date_isoweek(dt.date, &r->isoyear);
}
