/* due.c — re-assessment: the interval between check-ins for a role, the
 * framework a person is assessed on, a person's next due date, and the
 * Due list.
 *
 * The Due list reads person_due (schema 7), which triggers keep with each
 * person and the day of their latest check-in that counts.  A due date is
 * that day plus the interval of the person's role, which lup.ini gives, so
 * no index holds due dates; but within one interval the order of due dates
 * is the order of those days.  The list is therefore read as a few
 * streams, each in the order of an index: one for each role that
 * [interval] names (person_due_role), and one for everyone else with the
 * default interval (person_due_last, skipping the roles named).  A page
 * takes the rows that fit from each stream after the last row shown and
 * merges them; a count adds up ranges of the same indexes.  Nothing is
 * built for everyone, so the first page costs what any page costs.
 *
 * In a stream the list's order (state, due date, name, id) is a run of
 * index ranges over the day of the latest check-in: overdue and due soon
 * (those days up to soon - interval), never assessed (no day: by name),
 * then up to date. */
#include <stdlib.h>
#include <string.h>
#include "core/comp_int.h"

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

int lup_due_listed(const lup_config *cfg, const char *role, const char *last, lup_date today)
{
	lup_date d;
	if (!last || parse_day(last, &d) < 0)
		return 1;
	d = lup_date_add(d, lup_competence_interval(cfg, role));
	return lup_date_diff(d, today) <= soon_days(cfg);
}

/* ---- The Due list ---- */

/* Above every date and every sort key (no UTF-8 byte is 0xff): the end of
 * a range, or no row to page back from. */
#define TOP "\xff"

/* A stream: the people of one role named in [interval] (role its sort
 * key), or (role NULL) everyone else, with their interval.  Its ranges
 * over the day of the latest check-in: overdue before t0, due soon from
 * t0 up to (not including) u, up to date from u. */
struct stream {
	const char *role;
	int days;
	char t0[11], u[11];
};

struct due_ctx {
	lup_date today;
	unsigned states;           /* bits 1 << LUP_DUE_* */
	char *filter;              /* folded; "" for none */
	const char *cohort_id;
	struct stream *s;          /* s[0] everyone else; s[1..] the roles named */
	size_t ns;
};

/* A row as the list orders it. */
struct drow {
	char id[LUP_UUID_LEN + 1];
	int st;                    /* enum lup_due_state */
	char due[11], last[11];
	char key[512];             /* the sort name */
	int days;                  /* the interval */
};

static void due_ctx_clear(struct due_ctx *c)
{
	for (size_t i = 1; i < c->ns; i++)
		free((char *)c->s[i].role);
	free(c->s);
	free(c->filter);
	memset(c, 0, sizeof *c);
}

static void stream_bounds(struct stream *s, lup_date today, int soon)
{
	lup_date_format(lup_date_add(today, -s->days), s->t0);
	lup_date_format(lup_date_add(today, (long)soon - s->days + 1), s->u);
}

struct role_add {
	struct due_ctx *c;
	size_t cap;
	int failed, def;
};

/* One stream for each role [interval] names.  As in
 * lup_competence_interval, the first of a role's spellings counts, and
 * a value that is no number of days gives the default interval. */
static void add_role(void *ud, const char *key, const char *value)
{
	struct role_add *a = ud;
	struct due_ctx *c = a->c;
	long v = interval_value(value);
	char *k;
	if (a->failed)
		return;
	if (v < 0)
		v = a->def;
	if (!(k = lup_sortkey(key))) {
		a->failed = 1;
		return;
	}
	lup_trim(k);
	for (size_t i = 1; i < c->ns; i++)
		if (strcmp(c->s[i].role, k) == 0) {
			free(k);
			return;
		}
	if (c->ns == a->cap) {
		struct stream *s = realloc(c->s, (a->cap *= 2) * sizeof *s);
		if (!s) {
			free(k);
			a->failed = 1;
			return;
		}
		c->s = s;
	}
	memset(&c->s[c->ns], 0, sizeof c->s[c->ns]);
	c->s[c->ns].role = k;
	c->s[c->ns].days = (int)v;
	c->ns++;
}

static int due_ctx_init(struct due_ctx *c, const lup_config *cfg, const struct lup_due_query *q,
                        lup_err *err)
{
	struct role_add a = { c, 8, 0, default_interval(cfg) };
	int soon = soon_days(cfg);

	memset(c, 0, sizeof *c);
	c->today = q->today;
	c->states = (q->states ? q->states : LUP_DUE_LISTED) & 15u;
	c->cohort_id = q->cohort_id;
	if (!(c->filter = lup_fold(q->filter ? q->filter : "")) || !(c->s = calloc(a.cap, sizeof *c->s))) {
		due_ctx_clear(c);
		return lup_err_oom(err);
	}
	lup_trim(c->filter);
	c->s[0].days = default_interval(cfg);
	c->ns = 1;
	if (cfg)
		lup_config_each(cfg, "interval", add_role, &a);
	if (a.failed) {
		due_ctx_clear(c);
		return lup_err_oom(err);
	}
	for (size_t i = 0; i < c->ns; i++)
		stream_bounds(&c->s[i], c->today, soon);
	return 0;
}

/* Whether everyone-else's stream leaves out a person of this role. */
static int named_role(const struct due_ctx *c, const char *role)
{
	for (size_t i = 1; i < c->ns; i++)
		if (strcmp(c->s[i].role, role) == 0)
			return 1;
	return 0;
}

/* A row's state and due date, worked out from the day of its latest
 * check-in and the stream's interval. */
static void drow_state(struct drow *r, const struct stream *s)
{
	lup_date d;
	r->days = s->days;
	if (!r->last[0] || parse_day(r->last, &d) < 0) {
		r->st = LUP_DUE_NEVER;
		r->due[0] = 0;
		return;
	}
	lup_date_format(lup_date_add(d, s->days), r->due);
	r->st = strcmp(r->last, s->t0) < 0 ? LUP_DUE_OVERDUE
	      : strcmp(r->last, s->u) < 0 ? LUP_DUE_SOON : LUP_DUE_OK;
}

static int drow_cmp(const struct drow *a, const struct drow *b)
{
	int c = a->st - b->st;
	if (!c) c = strcmp(a->due, b->due);
	if (!c) c = strcmp(a->key, b->key);
	if (!c) c = strcmp(a->id, b->id);
	return c;
}

static int drow_cmp_up(const void *a, const void *b)
{
	return drow_cmp(a, b);
}

static int drow_cmp_down(const void *a, const void *b)
{
	return drow_cmp(b, a);
}

/* The ranges of a stream, one for each state asked for, in the list's
 * order: a range of days (lo up to, not including, hi) or (nulls) the
 * people never assessed. */
struct range {
	int st, nulls;
	char lo[11], hi[11];
};

static size_t stream_ranges(const struct due_ctx *c, const struct stream *s, struct range r[4])
{
	/* the list's order of states is their order in enum lup_due_state */
	const char *lo[4] = { "", s->t0, "", s->u }, *hi[4] = { s->t0, s->u, "", TOP };
	size_t n = 0;
	for (int st = 0; st < 4; st++) {
		if (!(c->states & 1u << st))
			continue;
		memset(&r[n], 0, sizeof r[n]);
		r[n].st = st;
		r[n].nulls = st == LUP_DUE_NEVER;
		snprintf(r[n].lo, sizeof r[n].lo, "%s", lo[st]);
		snprintf(r[n].hi, sizeof r[n].hi, "%s", hi[st]);
		n++;
	}
	return n;
}

/* Where a row of the list falls in a range of a stream: -1 the whole range
 * comes before it, 1 after it, 0 it falls inside (key: its place there, as
 * the day of the latest check-in this stream would give that due date). */
struct skey {
	char last[11], name[512], id[LUP_UUID_LEN + 1];
};

static int range_side(const struct range *g, const struct stream *s, const struct drow *at,
                      struct skey *k)
{
	if (at->st < g->st)
		return 1;
	if (at->st > g->st)
		return -1;
	memset(k, 0, sizeof *k);
	snprintf(k->name, sizeof k->name, "%s", at->key);
	snprintf(k->id, sizeof k->id, "%s", at->id);
	if (!g->nulls) {
		lup_date d;
		if (parse_day(at->due, &d) < 0)
			return 1;
		lup_date_format(lup_date_add(d, -s->days), k->last);
	}
	return 0;
}

/* The statements over person_due: [nulls][a role's stream][mode]; mode 0
 * the rows after a place, 1 before it (backwards), 2 how many before it.
 * ?1 ?2 the range of days, ?3 ?4 ?5 the place (day, name, id), ?6 the
 * folded filter, ?7 the limit, ?8 the role.  The place bounds the range
 * on its side (it lies inside), so the index is entered at the place; the
 * index is named, since without statistics SQLite may take the other. */
#define DUE_FROM(ix) "FROM person_due INDEXED BY " ix " WHERE active = 1 "
#define DUE_FILTER "AND (?6 = '' OR instr(search, ?6) > 0) "
#define DUE_ALL DUE_FROM("person_due_last")
#define DUE_ROLE DUE_FROM("person_due_role") "AND sort_role = ?8 "
#define DUE_COLS "SELECT person_id, sort_role, sort_name, last "
#define DUE_UP "ORDER BY last, sort_name, person_id LIMIT ?7"
#define DUE_DOWN "ORDER BY last DESC, sort_name DESC, person_id DESC LIMIT ?7"
#define DUE_AFTER "AND last < ?2 AND (last, sort_name, person_id) > (?3, ?4, ?5) "
#define DUE_BEFORE "AND last >= ?1 AND (last, sort_name, person_id) < (?3, ?4, ?5) "
#define DUE_N_UP "ORDER BY sort_name, person_id LIMIT ?7"
#define DUE_N_DOWN "ORDER BY sort_name DESC, person_id DESC LIMIT ?7"
#define DUE_N_AFTER "AND last IS NULL AND (sort_name, person_id) > (?4, ?5) "
#define DUE_N_BEFORE "AND last IS NULL AND (sort_name, person_id) < (?4, ?5) "
#define DUE_STMTS(from, after, before, up, down) { \
	DUE_COLS from after DUE_FILTER up, DUE_COLS from before DUE_FILTER down, \
	"SELECT count(*) " from before DUE_FILTER }
static const char *const due_sql[2][2][3] = {
	{ DUE_STMTS(DUE_ALL, DUE_AFTER, DUE_BEFORE, DUE_UP, DUE_DOWN),
	  DUE_STMTS(DUE_ROLE, DUE_AFTER, DUE_BEFORE, DUE_UP, DUE_DOWN) },
	{ DUE_STMTS(DUE_ALL, DUE_N_AFTER, DUE_N_BEFORE, DUE_N_UP, DUE_N_DOWN),
	  DUE_STMTS(DUE_ROLE, DUE_N_AFTER, DUE_N_BEFORE, DUE_N_UP, DUE_N_DOWN) },
};

/* Bind a range, a place in it (NULL: its start going forwards, its end
 * going backwards or counting: (lo, "", "") comes before every row of
 * days from lo on, (hi, "", "") after every row of days before hi), the
 * filter and the role. */
static void bind_range(sqlite3_stmt *st, const struct due_ctx *c, const struct range *g,
                       const struct skey *k, int back, const char *role)
{
	const char *edge = g->nulls && back ? TOP : "";
	if (!g->nulls) {
		sqlite3_bind_text(st, 1, g->lo, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, g->hi, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, k ? k->last : back ? g->hi : g->lo, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_text(st, 4, k ? k->name : edge, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, k ? k->id : edge, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, c->filter, -1, SQLITE_TRANSIENT);
	if (role)
		sqlite3_bind_text(st, 8, role, -1, SQLITE_TRANSIENT);
}

/* Up to want rows of stream s in range g after (back 0) or before (back
 * 1) the place k, in that direction, into out; everyone else's stream
 * skips the roles that have their own.  Returns how many. */
static int range_rows(lup_db *db, const struct due_ctx *c, const struct stream *s,
                      const struct range *g, const struct skey *from, int back, int want,
                      struct drow *out, lup_err *err)
{
	struct skey k;
	int n = 0, asked, got;
	const struct skey *at = from;

	do {
		sqlite3_stmt *st = lup_stmt(db, due_sql[g->nulls][s->role != NULL][back], err);
		int rc;
		if (!st)
			return -1;
		bind_range(st, c, g, at, back, s->role);
		sqlite3_bind_int(st, 7, asked = want - n);
		got = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct drow *r = &out[n];
			got++;
			/* the place of the last row read, to go on from */
			lup_col_copy(st, 0, k.id, sizeof k.id);
			lup_col_copy(st, 2, k.name, sizeof k.name);
			lup_col_copy(st, 3, k.last, sizeof k.last);
			at = &k;
			if (!s->role && c->ns > 1) {
				const char *role = (const char *)sqlite3_column_text(st, 1);
				if (named_role(c, role ? role : ""))
					continue;
			}
			memset(r, 0, sizeof *r);
			snprintf(r->id, sizeof r->id, "%s", k.id);
			snprintf(r->key, sizeof r->key, "%s", k.name);
			snprintf(r->last, sizeof r->last, "%s", k.last);
			drow_state(r, s);
			n++;
		}
		lup_done(st);
		if (rc != SQLITE_DONE)
			return lup_sqlerr(db, err, _("listing who is due"));
		/* a full read left short by the roles skipped: read on */
	} while (got == asked && n < want);
	return n;
}

/* How many rows of stream s fall in range g before the place k (NULL:
 * all of it).  Everyone else's stream leaves out the roles with their own. */
static long range_count(lup_db *db, const struct due_ctx *c, const struct stream *s,
                        const struct range *g, const struct skey *k, lup_err *err)
{
	long n = 0;
	for (size_t i = 0; i < (s->role ? 1 : c->ns); i++) {
		/* for everyone else: all roles, less each role named */
		const char *role = s->role ? s->role : i ? c->s[i].role : NULL;
		sqlite3_stmt *st = lup_stmt(db, due_sql[g->nulls][role != NULL][2], err);
		long m = -1;
		if (!st)
			return -1;
		bind_range(st, c, g, k, 1, role);
		if (sqlite3_step(st) == SQLITE_ROW)
			m = (long)sqlite3_column_int64(st, 0);
		lup_done(st);
		if (m < 0)
			return lup_sqlerr(db, err, _("counting who is due"));
		n += i ? -m : m;
	}
	return n;
}

/* The people of one cohort (a few dozen, at most a thousand) worked out
 * in full, in the list's order. */
static int cohort_rows(lup_db *db, const struct due_ctx *c, struct drow **out, size_t *n,
                       lup_err *err)
{
	static const char sql[] =
		"SELECT DISTINCT d.person_id, d.sort_role, d.sort_name, d.last FROM enrolment e "
		"JOIN person_due d ON d.person_id = e.person_id WHERE e.cohort_id = ?1 "
		"AND e.status <> 'withdrawn' AND d.active = 1 AND (?2 = '' OR instr(d.search, ?2) > 0)";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, c->cohort_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, c->filter, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 1);
		const struct stream *s = &c->s[0];
		struct drow *r;
		if (lup_grow(out, &cap, *n + 1, sizeof **out) < 0) {
			lup_done(st);
			free(*out);
			*out = NULL;
			return lup_err_oom(err);
		}
		for (size_t i = 1; i < c->ns; i++)
			if (strcmp(c->s[i].role, role ? role : "") == 0)
				s = &c->s[i];
		r = &(*out)[*n];
		memset(r, 0, sizeof *r);
		lup_col_copy(st, 0, r->id, sizeof r->id);
		lup_col_copy(st, 2, r->key, sizeof r->key);
		lup_col_copy(st, 3, r->last, sizeof r->last);
		drow_state(r, s);
		if (c->states & 1u << r->st)
			(*n)++;
	}
	lup_done(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		return lup_sqlerr(db, err, _("listing who is due"));
	}
	if (*n > 1)
		qsort(*out, *n, sizeof **out, drow_cmp_up);
	return 0;
}

/* A page's row, from the person's own row. */
static int fill_row(lup_db *db, const struct drow *d, lup_date today, struct lup_due_row *r,
                    lup_err *err)
{
	static const char sql[] =
		"SELECT name, coalesce(org_unit, ''), coalesce(role, '') FROM person WHERE id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	lup_date day;
	if (!st)
		return -1;
	memset(r, 0, sizeof *r);
	sqlite3_bind_text(st, 1, d->id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		lup_col_copy(st, 0, r->name, sizeof r->name);
		lup_col_copy(st, 1, r->org_unit, sizeof r->org_unit);
		lup_col_copy(st, 2, r->role, sizeof r->role);
	} else if (sqlite3_errcode(db->h) != SQLITE_DONE && sqlite3_errcode(db->h) != SQLITE_OK &&
	           sqlite3_errcode(db->h) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("listing who is due"));
	}
	lup_done(st);
	snprintf(r->id, sizeof r->id, "%s", d->id);
	r->state = (enum lup_due_state)d->st;
	snprintf(r->last, sizeof r->last, "%s", d->last);
	snprintf(r->due, sizeof r->due, "%s", d->due);
	snprintf(r->key, sizeof r->key, "%s", d->key);
	r->interval = d->days;
	if (parse_day(r->due, &day) == 0)
		r->days = lup_date_diff(day, today);
	return 0;
}

static void drow_from(struct drow *d, const struct lup_due_row *r)
{
	memset(d, 0, sizeof *d);
	snprintf(d->id, sizeof d->id, "%s", r->id);
	d->st = (int)r->state;
	snprintf(d->due, sizeof d->due, "%s", r->due);
	snprintf(d->key, sizeof d->key, "%s", r->key);
}

int lup_due_page(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                 const struct lup_due_row *from, int dir, int limit,
                 struct lup_due_row *rows, lup_err *err)
{
	struct due_ctx c;
	struct drow at, *all = NULL;
	size_t nall = 0, cap;
	int back = dir < 0, n = 0, rc = -1;

	if (limit <= 0)
		return 0;
	if (due_ctx_init(&c, cfg, q, err) < 0)
		return -1;
	if (from)
		drow_from(&at, from);
	if (c.cohort_id) {
		size_t i = 0, m;
		if (cohort_rows(db, &c, &all, &nall, err) < 0)
			goto out;
		/* the rows after (before) from, in the direction asked */
		if (!back) {
			while (from && i < nall && drow_cmp(&all[i], &at) <= 0)
				i++;
			for (m = i; m < nall && n < limit; m++)
				if (fill_row(db, &all[m], c.today, &rows[n++], err) < 0)
					goto out;
		} else {
			size_t end = nall;
			while (from && end > 0 && drow_cmp(&all[end - 1], &at) >= 0)
				end--;
			m = end > (size_t)limit ? end - (size_t)limit : 0;
			for (; m < end; m++)
				if (fill_row(db, &all[m], c.today, &rows[n++], err) < 0)
					goto out;
		}
		rc = n;
		goto out;
	}
	/* Up to limit rows from each stream, merged. */
	cap = c.ns * (size_t)limit;
	if (!(all = calloc(cap, sizeof *all))) {
		lup_err_oom(err);
		goto out;
	}
	for (size_t i = 0; i < c.ns; i++) {
		struct range g[4];
		size_t ng = stream_ranges(&c, &c.s[i], g);
		int got = 0;
		for (size_t j = 0; j < ng && got < limit; j++) {
			const struct range *r = &g[back ? ng - 1 - j : j];
			struct skey k;
			int side = from ? range_side(r, &c.s[i], &at, &k) : back ? -1 : 1, m;
			/* going forwards the ranges after from count; backwards those before */
			if (side == (back ? 1 : -1))
				continue;
			m = range_rows(db, &c, &c.s[i], r, side == 0 ? &k : NULL, back, limit - got,
			               all + nall, err);
			if (m < 0)
				goto out;
			got += m;
			nall += (size_t)m;
		}
	}
	qsort(all, nall, sizeof *all, back ? drow_cmp_down : drow_cmp_up);
	for (size_t i = 0; i < nall && n < limit; i++)
		if (fill_row(db, &all[i], c.today, &rows[n++], err) < 0)
			goto out;
	if (back)
		lup_reverse(rows, (size_t)n, sizeof *rows);
	rc = n;
out:
	free(all);
	due_ctx_clear(&c);
	return rc;
}

/* The rows of the list before at (NULL: all of them), in each state. */
static int due_tally(lup_db *db, const struct due_ctx *c, const struct drow *at, long counts[4],
                     lup_err *err)
{
	memset(counts, 0, 4 * sizeof *counts);
	if (c->cohort_id) {
		struct drow *all = NULL;
		size_t n = 0;
		if (cohort_rows(db, c, &all, &n, err) < 0)
			return -1;
		for (size_t i = 0; i < n && (!at || drow_cmp(&all[i], at) < 0); i++)
			counts[all[i].st]++;
		free(all);
		return 0;
	}
	for (size_t i = 0; i < c->ns; i++) {
		struct range g[4];
		size_t ng = stream_ranges(c, &c->s[i], g);
		for (size_t j = 0; j < ng; j++) {
			struct skey k;
			int side = at ? range_side(&g[j], &c->s[i], at, &k) : -1;
			long m;
			if (side == 1)
				continue;
			if ((m = range_count(db, c, &c->s[i], &g[j], side == 0 ? &k : NULL, err)) < 0)
				return -1;
			counts[g[j].st] += m;
		}
	}
	return 0;
}

long lup_due_position(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                      const struct lup_due_row *row, lup_err *err)
{
	struct due_ctx c;
	struct drow at;
	long counts[4];
	int rc;
	if (due_ctx_init(&c, cfg, q, err) < 0)
		return -1;
	drow_from(&at, row);
	rc = due_tally(db, &c, &at, counts, err);
	due_ctx_clear(&c);
	return rc < 0 ? -1 : counts[0] + counts[1] + counts[2] + counts[3];
}

int lup_due_count(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                  long counts[4], lup_err *err)
{
	struct lup_due_query all = *q;
	struct due_ctx c;
	int rc;
	all.states = 15u;
	memset(counts, 0, 4 * sizeof *counts);
	if (due_ctx_init(&c, cfg, &all, err) < 0)
		return -1;
	rc = due_tally(db, &c, NULL, counts, err);
	due_ctx_clear(&c);
	return rc;
}

int lup_due_count_all(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                      long counts[4], lup_err *err)
{
	struct lup_due_query all = *q;
	all.filter = NULL;
	return lup_due_count(db, cfg, &all, counts, err);
}
