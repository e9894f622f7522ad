/* sync_apply.c — taking in changes: the log, held-back changes, undoing
 * and applying again in canonical order, the conflict handler and its
 * rules, and erasing rows for privacy.  The design is at the top of
 * sync.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/sync_int.h"
#include "lup/merge.h"

/* ---- Values ---- */

void lup_val_from_sqlite(sqlite3_value *v, lup_val *out)
{
	memset(out, 0, sizeof *out);
	if (!v) {
		out->type = LUP_VAL_UNDEF;
		return;
	}
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		out->type = LUP_VAL_INT;
		out->i = sqlite3_value_int64(v);
		break;
	case SQLITE_FLOAT:
		out->type = LUP_VAL_REAL;
		out->r = sqlite3_value_double(v);
		break;
	case SQLITE_TEXT:
		out->type = LUP_VAL_TEXT;
		out->p = sqlite3_value_text(v);
		out->n = (size_t)sqlite3_value_bytes(v);
		break;
	case SQLITE_BLOB:
		out->type = LUP_VAL_BLOB;
		out->p = sqlite3_value_blob(v);
		out->n = (size_t)sqlite3_value_bytes(v);
		break;
	default:
		out->type = LUP_VAL_NULL;
	}
}

static void bind_val(sqlite3_stmt *st, int i, const lup_val *v)
{
	switch (v->type) {
	case LUP_VAL_INT: sqlite3_bind_int64(st, i, v->i); break;
	case LUP_VAL_REAL: sqlite3_bind_double(st, i, v->r); break;
	case LUP_VAL_TEXT: sqlite3_bind_text(st, i, v->p ? v->p : "", (int)v->n, SQLITE_TRANSIENT); break;
	case LUP_VAL_BLOB: sqlite3_bind_blob(st, i, v->p, (int)v->n, SQLITE_TRANSIENT); break;
	default: sqlite3_bind_null(st, i);
	}
}

/* SQLite's order: NULL, numbers, text, blobs. */
static int val_cmp(const lup_val *a, const lup_val *b)
{
	static const int rank[] = { 0, 0, 1, 1, 2, 3 };
	int ra = rank[a->type], rb = rank[b->type], c;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (ra == 1) {
		double x = a->type == LUP_VAL_INT ? (double)a->i : a->r;
		double y = b->type == LUP_VAL_INT ? (double)b->i : b->r;
		if (a->type == LUP_VAL_INT && b->type == LUP_VAL_INT)
			return a->i < b->i ? -1 : a->i > b->i;
		return x < y ? -1 : x > y;
	}
	if (ra == 0)
		return 0;
	c = a->n && b->n ? memcmp(a->p, b->p, a->n < b->n ? a->n : b->n) : 0;   /* an empty blob has no pointer */
	if (c)
		return c < 0 ? -1 : 1;
	return a->n < b->n ? -1 : a->n > b->n;
}

static void json_str(lup_buf *b, const char *s, size_t n)
{
	lup_buf_add(b, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			lup_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			lup_buf_puts(b, "\\n");
		else if (c < 0x20)
			lup_buf_printf(b, "\\u%04x", c);
		else
			lup_buf_add(b, (const char *)&s[i], 1);
	}
	lup_buf_add(b, "\"", 1);
}

static void json_val(lup_buf *b, const lup_val *v)
{
	switch (v->type) {
	case LUP_VAL_INT: lup_buf_printf(b, "%lld", v->i); break;
	case LUP_VAL_REAL: lup_buf_printf(b, "%.17g", v->r); break;
	case LUP_VAL_TEXT: json_str(b, v->p, v->n); break;
	case LUP_VAL_BLOB: {
		char *h = malloc(v->n * 2 + 1);
		if (h) {
			lup_hex(v->p, v->n, h);
			json_str(b, h, v->n * 2);
			free(h);
		}
		break;
	}
	default: lup_buf_puts(b, "null");
	}
}

char *lup_sync_row_json(const struct sync_table *t, sqlite3_value **vals, const unsigned char *mask)
{
	lup_buf b = { 0 };
	int first = 1;
	lup_buf_puts(&b, "{");
	for (int i = 0; i < t->ncol; i++) {
		lup_val v;
		if ((mask && !mask[i]) || !vals[i])
			continue;
		lup_val_from_sqlite(vals[i], &v);
		if (!first)
			lup_buf_puts(&b, ",");
		first = 0;
		json_str(&b, t->col[i], strlen(t->col[i]));
		lup_buf_puts(&b, ":");
		json_val(&b, &v);
	}
	lup_buf_puts(&b, "}");
	return b.s;
}

/* ---- A set of rows (table, id) ---- */

struct rowset {
	struct rowref { int table, op; char *id; } *v;
	int n;
	size_t cap;
	int *slot;            /* open addressing into v, -1 empty */
	int nslot;
};

static unsigned hash_row(int table, const char *id)
{
	unsigned h = 2166136261u ^ (unsigned)table;
	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h;
}

static int rowset_find(const struct rowset *s, int table, const char *id)
{
	if (!s->nslot)
		return -1;
	for (unsigned h = hash_row(table, id) & (unsigned)(s->nslot - 1);; h = (h + 1) & (unsigned)(s->nslot - 1)) {
		int k = s->slot[h];
		if (k < 0)
			return -1;
		if (s->v[k].table == table && strcmp(s->v[k].id, id) == 0)
			return k;
	}
}

static int rowset_add(struct rowset *s, int table, int op, const char *id)
{
	if (rowset_find(s, table, id) >= 0)
		return 0;
	if (lup_grow(&s->v, &s->cap, (size_t)s->n + 1, sizeof *s->v) < 0)
		return -1;
	if ((s->n + 1) * 2 > s->nslot) {
		int ns = s->nslot ? s->nslot * 2 : 32;
		while ((s->n + 1) * 2 > ns)
			ns *= 2;
		int *slot = malloc((size_t)ns * sizeof *slot);
		if (!slot)
			return -1;
		for (int i = 0; i < ns; i++)
			slot[i] = -1;
		free(s->slot);
		s->slot = slot;
		s->nslot = ns;
		for (int k = 0; k < s->n; k++) {
			unsigned h = hash_row(s->v[k].table, s->v[k].id) & (unsigned)(ns - 1);
			while (slot[h] >= 0)
				h = (h + 1) & (unsigned)(ns - 1);
			slot[h] = k;
		}
	}
	if (!(s->v[s->n].id = strdup(id)))
		return -1;
	s->v[s->n].table = table;
	s->v[s->n].op = op;
	{
		unsigned h = hash_row(table, id) & (unsigned)(s->nslot - 1);
		while (s->slot[h] >= 0)
			h = (h + 1) & (unsigned)(s->nslot - 1);
		s->slot[h] = s->n;
	}
	s->n++;
	return 0;
}

static void rowset_clear(struct rowset *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->v[i].id);
	free(s->v);
	free(s->slot);
	memset(s, 0, sizeof *s);
}

/* ---- The fold's state for one change ---- */

struct sync_fold {
	lup_db *db;
	const struct sync_meta *m;
	const struct sync_entry *e;
	int failed;
	lup_err *err;
	struct rowset rows;   /* the change's rows */
	struct rowset lost;   /* rows already recorded as set aside */
	struct sync_touch touch;
	int erased;           /* rows were erased for privacy here */
};

static int oom(struct sync_fold *f)
{
	f->failed = 1;
	return lup_err_oom(f->err);
}

int lup_fold_record(struct sync_fold *f, int table, const char *row_id, const char *col,
                    const char *kind, const char *rule, int arrived_won,
                    const lup_val *kept, const lup_val *lost)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO sync_conflict (id, device, seq, hlc, tbl, row_id, col, kind, rule, "
		"arrived_won, kept, lost) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
	char id[37], seq[24];
	const char *parts[6];
	sqlite3_stmt *st;

	snprintf(seq, sizeof seq, "%lld", f->e->seq);
	parts[0] = f->e->device;
	parts[1] = seq;
	parts[2] = f->m->t[table].name;
	parts[3] = row_id;
	parts[4] = col ? col : "";
	parts[5] = rule;
	lup_uuid_name(id, "conflict", 6, parts);
	if (!(st = lup_stmt(f->db, sql, f->err)))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, f->e->device, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, f->e->seq);
	sqlite3_bind_int64(st, 4, f->e->hlc);
	sqlite3_bind_text(st, 5, f->m->t[table].name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, row_id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 7, col);
	sqlite3_bind_text(st, 8, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, rule, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, arrived_won);
	if (kept)
		bind_val(st, 11, kept);
	if (lost)
		bind_val(st, 12, lost);
	if (sqlite3_step(st) != SQLITE_DONE) {
		lup_done(st);
		f->failed = 1;
		return lup_sqlerr(f->db, f->err, _("recording a conflict"));
	}
	lup_done(st);
	return 0;
}

/* A whole row set aside (its columns as JSON). */
static int record_row(struct sync_fold *f, int table, const char *id, sqlite3_value **vals,
                      const unsigned char *mask, const char *rule, int arrived_won)
{
	char *json;
	lup_val lost;
	int rc;
	if (rowset_find(&f->lost, table, id) >= 0)
		return 0;
	if (rowset_add(&f->lost, table, 0, id) < 0 || !(json = lup_sync_row_json(&f->m->t[table], vals, mask)))
		return oom(f);
	lost = lup_val_text(json);
	rc = lup_fold_record(f, table, id, NULL, "row", rule, arrived_won, NULL, &lost);
	free(json);
	return rc;
}

static int is_erased(struct sync_fold *f, int table, const char *id)
{
	static const char sql[] = "SELECT 1 FROM sync_erased WHERE tbl = ?1 AND pk = ?2";
	sqlite3_stmt *st;
	int rc;
	if (!f->erased || !id)
		return 0;
	if (!(st = lup_stmt(f->db, sql, f->err)))
		return 0;
	sqlite3_bind_text(st, 1, f->m->t[table].name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st) == SQLITE_ROW;
	lup_done(st);
	return rc;
}

static int quiet(const struct sync_table *t, int c)
{
	return t->rule[c] == SR_MIN || t->rule[c] == SR_MAX || t->rule[c] == SR_DERIVED ||
	       t->rule[c] == SR_FOLLOW;
}

static int lattice_rank(const struct sync_table *t, const lup_val *v)
{
	if (!t->lattice || v->type != LUP_VAL_TEXT)
		return -1;
	for (int i = 0; t->lattice[i]; i++)
		if (strlen(t->lattice[i]) == v->n && memcmp(t->lattice[i], v->p, v->n) == 0)
			return i;
	return -1;
}

static void values_free(sqlite3_value **v, int n)
{
	if (!v)
		return;
	for (int i = 0; i < n; i++)
		sqlite3_value_free(v[i]);
	free(v);
}

/* The row here as values (each its own copy); NULL when there is none
 * (*err_out set when the read failed). */
static sqlite3_value **row_values(struct sync_fold *f, int ti, const char *id)
{
	const struct sync_table *t = &f->m->t[ti];
	sqlite3_stmt *st = lup_stmt(f->db, t->sql_select, f->err);
	sqlite3_value **v = NULL;
	int rc;
	if (!st) {
		f->failed = 1;
		return NULL;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (!(v = calloc((size_t)t->ncol, sizeof *v))) {
			oom(f);
		} else {
			for (int c = 0; c < t->ncol && c < sqlite3_column_count(st); c++)
				if (!(v[c] = sqlite3_value_dup(sqlite3_column_value(st, c)))) {
					values_free(v, c);
					v = NULL;
					oom(f);
					break;
				}
		}
	} else if (rc != SQLITE_DONE) {
		f->failed = 1;
		lup_sqlerr(f->db, f->err, _("merging"));
	}
	lup_done(st);
	return v;
}

/* Write a whole row (an INSERT, or an UPDATE of every column): SQLite's
 * code of the failure, or SQLITE_DONE.  A change from an older schema has
 * fewer columns; the rest get their defaults. */
static int write_row(struct sync_fold *f, int ti, sqlite3_value **v, int ncol, int update)
{
	const struct sync_table *t = &f->m->t[ti];
	sqlite3_stmt *st;
	int rc, own = 0;
	if (!update && ncol < t->ncol) {
		lup_buf q = { 0 };
		lup_buf_printf(&q, "INSERT INTO \"%s\" (", t->name);
		for (int c = 0; c < ncol; c++)
			lup_buf_printf(&q, "%s\"%s\"", c ? ", " : "", t->col[c]);
		lup_buf_puts(&q, ") VALUES (");
		for (int c = 0; c < ncol; c++)
			lup_buf_printf(&q, "%s?%d", c ? ", " : "", c + 1);
		lup_buf_puts(&q, ")");
		rc = q.s ? sqlite3_prepare_v2(f->db->h, q.s, -1, &st, NULL) : SQLITE_NOMEM;
		lup_buf_clear(&q);
		if (rc != SQLITE_OK)
			return rc;
		own = 1;
	} else if (!(st = lup_stmt(f->db, update ? t->sql_update : t->sql_insert, f->err))) {
		return SQLITE_ERROR;
	}
	for (int c = 0; c < (update ? t->ncol : ncol); c++)
		if (v[c])
			sqlite3_bind_value(st, c + 1, v[c]);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		rc = sqlite3_extended_errcode(f->db->h);
	if (own)
		sqlite3_finalize(st);
	else
		lup_done(st);
	return rc;
}

static const char *fail_rule(int rc)
{
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return "parent";
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return "unique";
	return "check";
}

/* Column by column, so a value one index or check refuses does not take
 * the others with it; each refused value is listed (the value here kept). */
static int update_each(struct sync_fold *f, int ti, const char *id, sqlite3_value **cur,
                       sqlite3_value **want)
{
	const struct sync_table *t = &f->m->t[ti];
	for (int c = 1; c < t->ncol && !f->failed; c++) {
		lup_val a, b;
		sqlite3_stmt *st;
		int rc;
		lup_val_from_sqlite(cur[c], &a);
		lup_val_from_sqlite(want[c], &b);
		if (lup_val_equal(&a, &b))
			continue;
		if (!(st = lup_stmt(f->db, t->sql_setcol[c], f->err)))
			return -1;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_value(st, 2, want[c]);
		rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			rc = sqlite3_extended_errcode(f->db->h);
		lup_done(st);
		if (rc == SQLITE_DONE)
			continue;
		if ((rc & 0xff) != SQLITE_CONSTRAINT) {
			f->failed = 1;
			return lup_sqlerr(f->db, f->err, _("merging"));
		}
		if (!quiet(t, c))
			lup_fold_record(f, ti, id, t->col[c], "value", fail_rule(rc), 0, &a, &b);
	}
	return f->failed ? -1 : 0;
}

/* Set one column of a row to be inserted, keeping the old value aside. */
static int set_col(struct sync_fold *f, int ti, sqlite3_value **v, int ncol, const char *col,
                   sqlite3_value *nv, const char *kind)
{
	int c = lup_sync_col_index(&f->m->t[ti], col);
	lup_val k, l;
	if (c < 0 || c >= ncol)
		return 0;
	lup_val_from_sqlite(nv, &k);
	if (!nv)
		k.type = LUP_VAL_NULL;
	lup_val_from_sqlite(v[c], &l);
	if (lup_fold_record(f, ti, (const char *)sqlite3_value_text(v[0]), col, kind, "unique", 0, &k, &l) < 0)
		return -1;
	sqlite3_value_free(v[c]);
	v[c] = NULL;   /* NULL: the column is left empty */
	if (nv && !(v[c] = sqlite3_value_dup(nv)))
		return oom(f);
	return 0;
}

/* A value the statement gives (one row, one column), or NULL. */
static sqlite3_value *query_value(struct sync_fold *f, const char *sql, sqlite3_value *a,
                                  sqlite3_value *b)
{
	sqlite3_stmt *st = lup_stmt(f->db, sql, NULL);
	sqlite3_value *v = NULL;
	if (!st)
		return NULL;
	if (a)
		sqlite3_bind_value(st, 1, a);
	if (b)
		sqlite3_bind_value(st, 2, b);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_value_dup(sqlite3_column_value(st, 0));
	lup_done(st);
	return v;
}

static sqlite3_value *col_of(struct sync_fold *f, int ti, sqlite3_value **v, int ncol, const char *col)
{
	int c = lup_sync_col_index(&f->m->t[ti], col);
	return c >= 0 && c < ncol ? v[c] : NULL;
}

/* Two targets in force for one role or person and competence: set on
 * two laptops at once.  The one arriving (the later in the canonical
 * order) holds; the other ends where it begins, stays in the history and
 * is listed.  0 when one was ended (try again), 1 when none was found. */
static int replace_target(struct sync_fold *f, int ti, sqlite3_value **v, int ncol)
{
	static const char other[] =
		"SELECT id, level FROM target WHERE framework_id = ?1 AND competence_id = ?2 AND valid_to IS NULL "
		"AND id <> ?3 AND (role_key = ?4 OR person_id = ?5)";
	static const char end[] =
		"UPDATE target SET valid_to = max(valid_from, ?2), updated_at = max(updated_at, ?2) WHERE id = ?1";
	const char *cols[] = { "framework_id", "competence_id", "id", "role_key", "person_id" };
	sqlite3_stmt *st;
	sqlite3_value *from = col_of(f, ti, v, ncol, "valid_from");
	char id[LUP_UUID_LEN + 1] = "";
	lup_val kept, lost;
	int level = 0, rc;

	if (!(st = lup_stmt(f->db, other, f->err)))
		return f->failed = 1, -1;
	for (int i = 0; i < 5; i++) {
		sqlite3_value *x = col_of(f, ti, v, ncol, cols[i]);
		if (x)
			sqlite3_bind_value(st, i + 1, x);
	}
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		lup_col_copy(st, 0, id, sizeof id);
		level = sqlite3_column_int(st, 1);
	}
	lup_done(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 1 : (f->failed = 1, lup_sqlerr(f->db, f->err, _("merging")));
	lup_val_from_sqlite(col_of(f, ti, v, ncol, "level"), &kept);
	lost = lup_val_int(level);
	if (lup_fold_record(f, ti, id, "level", "note", "replaced", 0, &kept, &lost) < 0 ||
	    !(st = lup_stmt(f->db, end, f->err)))
		return f->failed = 1, -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (from)
		sqlite3_bind_value(st, 2, from);
	rc = sqlite3_step(st);
	lup_done(st);
	if (rc != SQLITE_DONE)
		return f->failed = 1, lup_sqlerr(f->db, f->err, _("merging"));
	return 0;
}

/* A row a unique index refused: move the clashing value aside (kept in
 * the conflict), so the row itself, and what later changes hang on it,
 * stays.  0 when something was moved (try again), 1 when nothing could be. */
static int move_aside(struct sync_fold *f, int ti, sqlite3_value **v, int ncol)
{
	static const char email[] = "SELECT 1 FROM person WHERE email = ?1 COLLATE NOCASE AND id <> ?2";
	static const char empno[] = "SELECT 1 FROM person WHERE employee_no = ?1 AND id <> ?2";
	static const char withdrawn[] = "SELECT 'withdrawn'";
	static const char ended[] = "SELECT coalesce(?1, substr(?2, 1, 10))";
	static const char cname[] =
		"WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
		"SELECT ?1 || ' (' || i || ')' FROM n WHERE NOT EXISTS (SELECT 1 FROM cohort "
		"WHERE programme_id = ?2 AND name = ?1 || ' (' || i || ')') LIMIT 1";
	static const char bseq[] = "SELECT max(seq) + 1 FROM block WHERE programme_id = ?1";
	static const char frev[] = "SELECT max(revision) + 1 FROM framework WHERE ident = ?1";
	const char *t = f->m->t[ti].name;
	sqlite3_value *x = NULL;
	int rc = 1;

	if (strcmp(t, "person") == 0) {
		if ((x = query_value(f, email, col_of(f, ti, v, ncol, "email"), v[0]))) {
			rc = set_col(f, ti, v, ncol, "email", NULL, "value") < 0 ? -1 : 0;
			sqlite3_value_free(x);
		}
		if (rc >= 0 && (x = query_value(f, empno, col_of(f, ti, v, ncol, "employee_no"), v[0]))) {
			rc = set_col(f, ti, v, ncol, "employee_no", NULL, "value") < 0 ? -1 : 0;
			sqlite3_value_free(x);
		}
		return rc;
	}
	if (strcmp(t, "enrolment") == 0) {
		/* One cohort per person per programme: the earlier enrolment
		 * keeps it; this one is kept as withdrawn. */
		sqlite3_value *w = query_value(f, withdrawn, NULL, NULL);
		sqlite3_value *end = query_value(f, ended, col_of(f, ti, v, ncol, "enrolled_on"),
		                                 col_of(f, ti, v, ncol, "requested_at"));
		if (w && set_col(f, ti, v, ncol, "status", w, "note") == 0) {
			int c = lup_sync_col_index(&f->m->t[ti], "waitlist_pos");
			int e = lup_sync_col_index(&f->m->t[ti], "ended_on");
			if (c >= 0 && c < ncol) {
				sqlite3_value_free(v[c]);
				v[c] = NULL;
			}
			if (e >= 0 && e < ncol && end) {
				sqlite3_value_free(v[e]);
				v[e] = sqlite3_value_dup(end);
			}
			rc = 0;
		}
		sqlite3_value_free(w);
		sqlite3_value_free(end);
		return rc;
	}
	if (strcmp(t, "target") == 0)
		return replace_target(f, ti, v, ncol);
	if (strcmp(t, "cohort") == 0) {
		if ((x = query_value(f, cname, col_of(f, ti, v, ncol, "name"), col_of(f, ti, v, ncol, "programme_id"))))
			rc = set_col(f, ti, v, ncol, "name", x, "value") < 0 ? -1 : 0;
	} else if (strcmp(t, "block") == 0) {
		if ((x = query_value(f, bseq, col_of(f, ti, v, ncol, "programme_id"), NULL)))
			rc = set_col(f, ti, v, ncol, "seq", x, "value") < 0 ? -1 : 0;
	} else if (strcmp(t, "framework") == 0) {
		if ((x = query_value(f, frev, col_of(f, ti, v, ncol, "ident"), NULL)))
			rc = set_col(f, ti, v, ncol, "revision", x, "value") < 0 ? -1 : 0;
	} else if (strcmp(t, "checkin") == 0 && col_of(f, ti, v, ncol, "supersedes_id")) {
		rc = set_col(f, ti, v, ncol, "supersedes_id", NULL, "value") < 0 ? -1 : 0;
	}
	sqlite3_value_free(x);
	return rc;
}

/* ---- Applying one change, row by row ----
 *
 * Each row of the changeset is compared with the row here, as SQLite's
 * own changeset_apply does, but with lup's statements (prepared once per
 * connection) and lup's handler inline: */

enum { SIDE_THEIRS, SIDE_MINE };

/* A row that arrives (o: the changeset's old values, or NULL for an
 * insert; nw: its new values) merged into the row here (cur): the three-
 * way merge, then the table's rule for each column both changed.  The
 * merged row is written when it differs from cur. */
static int merge_into(struct sync_fold *f, int ti, int ncol, sqlite3_value **o, sqlite3_value **nw,
                      sqlite3_value **cur)
{
	const struct sync_table *t = &f->m->t[ti];
	int n = t->ncol, status_side = -1, any = 0, rc = 0;
	lup_val *base = calloc((size_t)n, sizeof *base), *mine = calloc((size_t)n, sizeof *mine);
	lup_val *theirs = calloc((size_t)n, sizeof *theirs);
	enum lup_merge_how *how = calloc((size_t)n, sizeof *how);
	sqlite3_value **want = calloc((size_t)n, sizeof *want);
	const char *id = (const char *)sqlite3_value_text(cur[0]);

	if (!base || !mine || !theirs || !how || !want) {
		rc = oom(f);
		goto out;
	}
	for (int c = 0; c < n; c++) {
		if (o && c < ncol)
			lup_val_from_sqlite(o[c], &base[c]);
		if (c < ncol)
			lup_val_from_sqlite(nw[c], &mine[c]);
		lup_val_from_sqlite(cur[c], &theirs[c]);
	}
	lup_merge3((size_t)n, o ? base : NULL, mine, theirs, NULL, how);
	/* The status decides first: its side carries the columns that follow it. */
	if (t->status >= 0 && how[t->status] == LUP_MERGE_CONFLICT)
		status_side = lattice_rank(t, &mine[t->status]) > lattice_rank(t, &theirs[t->status])
			? SIDE_MINE : SIDE_THEIRS;
	for (int c = 0; c < n && !f->failed; c++) {
		int side = SIDE_THEIRS;
		if (how[c] == LUP_MERGE_MINE) {
			side = SIDE_MINE;
		} else if (how[c] == LUP_MERGE_CONFLICT) {
			switch (t->rule[c]) {
			case SR_LATER: side = SIDE_MINE; break;
			case SR_FIRST: side = SIDE_THEIRS; break;
			case SR_FORWARD: side = status_side; break;
			case SR_FOLLOW: side = status_side == SIDE_MINE && nw[c] ? SIDE_MINE : SIDE_THEIRS; break;
			case SR_MIN: side = val_cmp(&mine[c], &theirs[c]) < 0 ? SIDE_MINE : SIDE_THEIRS; break;
			case SR_MAX: side = val_cmp(&mine[c], &theirs[c]) > 0 ? SIDE_MINE : SIDE_THEIRS; break;
			default: side = SIDE_THEIRS;
			}
			if (!quiet(t, c) && id)
				lup_fold_record(f, ti, id, t->col[c], "value",
				                t->rule[c] == SR_FIRST ? "first" : t->rule[c] == SR_FORWARD ? "forward" : "later",
				                side == SIDE_MINE, side == SIDE_MINE ? &mine[c] : &theirs[c],
				                side == SIDE_MINE ? &theirs[c] : &mine[c]);
		}
		want[c] = side == SIDE_MINE && c < ncol && nw[c] ? nw[c] : cur[c];
		if (want[c] != cur[c] && !lup_val_equal(&mine[c], &theirs[c]))
			any = 1;
	}
	/* A seat this change took (the rules look at it again). */
	if (t->status >= 0 && want[t->status] != cur[t->status] && id && strcmp(t->name, "enrolment") == 0 &&
	    mine[t->status].type == LUP_VAL_TEXT && mine[t->status].n == 8 &&
	    memcmp(mine[t->status].p, "enrolled", 8) == 0 &&
	    lup_touch_add(&f->touch.seated, &f->touch.nseated, &f->touch.capseated, id) < 0)
		rc = oom(f);
	if (any && !f->failed) {
		int w = write_row(f, ti, want, n, 1);
		if (w != SQLITE_DONE) {
			if ((w & 0xff) != SQLITE_CONSTRAINT) {
				f->failed = 1;
				rc = lup_err_set(f->err, LUP_EFAIL, _("merging: %s"), sqlite3_errstr(w));
			} else {
				rc = update_each(f, ti, id, cur, want);
			}
		}
	}
out:
	free(base); free(mine); free(theirs); free(how); free(want);
	return f->failed ? -1 : rc;
}

/* A row new here: inserted; a value a unique index refuses is moved aside
 * (and listed); a row that cannot be written at all is listed. */
static int insert_row(struct sync_fold *f, int ti, int ncol, sqlite3_value **nw)
{
	sqlite3_value **v = calloc((size_t)ncol, sizeof *v);
	int rc = 0;
	if (!v)
		return oom(f);
	for (int c = 0; c < ncol; c++)
		if (nw[c] && !(v[c] = sqlite3_value_dup(nw[c]))) {
			values_free(v, ncol);
			return oom(f);
		}
	for (int tries = 0; !f->failed; tries++) {
		int w = write_row(f, ti, v, ncol, 0), m;
		if (w == SQLITE_DONE)
			break;
		if ((w & 0xff) != SQLITE_CONSTRAINT) {
			f->failed = 1;
			rc = lup_err_set(f->err, LUP_EFAIL, _("merging: %s"), sqlite3_errstr(w));
			break;
		}
		if (tries < 3 && w == SQLITE_CONSTRAINT_UNIQUE) {
			if ((m = move_aside(f, ti, v, ncol)) < 0) {
				rc = -1;
				break;
			}
			if (m == 0)
				continue;
		}
		/* Nothing to move aside: the row is listed, not written. */
		rc = record_row(f, ti, (const char *)sqlite3_value_text(v[0]), v, NULL, fail_rule(w), 0);
		break;
	}
	values_free(v, ncol);
	return f->failed ? -1 : rc;
}

/* A change to a row that is no longer here: listed, unless it only touched
 * bookkeeping or the row was erased for privacy. */
static int edit_of_deleted(struct sync_fold *f, int ti, int ncol, sqlite3_value **o, sqlite3_value **nw)
{
	const struct sync_table *t = &f->m->t[ti];
	unsigned char *mask = calloc((size_t)t->ncol, 1);
	sqlite3_value **v = calloc((size_t)t->ncol, sizeof *v);
	const char *id = o[0] ? (const char *)sqlite3_value_text(o[0]) : NULL;
	int any = 0, rc = 0;
	if (!mask || !v) {
		free(mask);
		free(v);
		return oom(f);
	}
	v[0] = o[0];
	mask[0] = 1;
	for (int c = 1; c < ncol; c++)
		if (nw[c] && !quiet(t, c)) {
			v[c] = nw[c];
			mask[c] = 1;
			any = 1;
		}
	if (any && id && !is_erased(f, ti, id))
		rc = record_row(f, ti, id, v, mask, "delete", 0);
	free(mask);
	free(v);
	return rc;
}

/* A delete: it goes ahead; a row someone changed meanwhile is listed as it
 * was here.  A row that others' rows must keep (ON DELETE RESTRICT) stays,
 * and that is noted. */
static int delete_row(struct sync_fold *f, int ti, int ncol, sqlite3_value **o, sqlite3_value **cur)
{
	const struct sync_table *t = &f->m->t[ti];
	const char *id = (const char *)sqlite3_value_text(cur[0]);
	sqlite3_stmt *st;
	int edited = 0, rc;
	for (int c = 1; c < ncol && !edited; c++) {
		lup_val a, b;
		if (!o[c] || quiet(t, c))
			continue;
		lup_val_from_sqlite(o[c], &a);
		lup_val_from_sqlite(cur[c], &b);
		edited = !lup_val_equal(&a, &b);
	}
	if (!(st = lup_stmt(f->db, t->sql_delete, f->err)))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		rc = sqlite3_extended_errcode(f->db->h);
	lup_done(st);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		lup_val k = lup_val_text(id);
		return lup_fold_record(f, ti, id, NULL, "note", "restrict", 0, &k, NULL);
	}
	if (rc != SQLITE_DONE) {
		f->failed = 1;
		return lup_sqlerr(f->db, f->err, _("merging"));
	}
	return edited ? record_row(f, ti, id, cur, NULL, "delete", 1) : 0;
}

/* The end of reading a change: one that could not be read to its end
 * (no memory, or damaged) fails the fold, with why. */
static void cs_finish(struct sync_fold *f, sqlite3_changeset_iter *it)
{
	int rc = sqlite3changeset_finalize(it);
	if (rc != SQLITE_OK && !f->failed) {
		lup_cs_err(rc, f->err);
		f->failed = 1;
	}
}

/* Foreign keys are checked at the end (replay_from defers them: parents
 * may come after their children within one change), and the rows left
 * without a parent are seen to by fix_parents. */
static int apply_changes(struct sync_fold *f)
{
	sqlite3_changeset_iter *it;
	sqlite3_value *o[128], *nw[128];

	if (f->e->ncs == 0)
		return 0;
	if (sqlite3changeset_start(&it, (int)f->e->ncs, (void *)f->e->cs) != SQLITE_OK)
		return lup_err_set(f->err, LUP_EFAIL, _("a change cannot be read"));
	while (!f->failed && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab, *id;
		int ncol, op, ind, ti;
		sqlite3_value **cur, *idv;

		if (sqlite3changeset_op(it, &tab, &ncol, &op, &ind) != SQLITE_OK ||
		    (ti = lup_sync_table_index(tab)) < 0)
			continue;
		if (ncol > f->m->t[ti].ncol)
			ncol = f->m->t[ti].ncol;
		if (ncol > 128) {
			lup_err_set(f->err, LUP_EFAIL, _("a change cannot be read"));
			f->failed = 1;
			break;
		}
		for (int c = 0; c < ncol; c++) {
			o[c] = nw[c] = NULL;
			if (op != SQLITE_INSERT)
				sqlite3changeset_old(it, c, &o[c]);
			if (op != SQLITE_DELETE)
				sqlite3changeset_new(it, c, &nw[c]);
		}
		idv = op == SQLITE_INSERT ? nw[0] : o[0];
		id = (const char *)sqlite3_value_text(idv);
		if (!id) {
			/* a row with no id is nothing to apply; an id SQLite found no
			 * memory to read (it reads as NULL then) is a change not
			 * applied */
			if (lup_sq_oom_seen() || (idv && sqlite3_value_type(idv) != SQLITE_NULL)) {
				lup_err_oom(f->err);
				f->failed = 1;
				break;
			}
			continue;
		}
		cur = row_values(f, ti, id);
		if (f->failed)
			break;
		if (op == SQLITE_INSERT)
			cur ? merge_into(f, ti, ncol, NULL, nw, cur) : insert_row(f, ti, ncol, nw);
		else if (op == SQLITE_UPDATE)
			cur ? merge_into(f, ti, ncol, o, nw, cur) : edit_of_deleted(f, ti, ncol, o, nw);
		else if (cur)
			delete_row(f, ti, ncol, o, cur);
		values_free(cur, f->m->t[ti].ncol);
	}
	cs_finish(f, it);
	return f->failed ? -1 : 0;
}

/* Run a statement with one text parameter: a static one through the
 * statement cache (cached 1), one built here prepared each time. */
static int exec_text(lup_db *db, const char *sql, int cached, const char *a, lup_err *err)
{
	sqlite3_stmt *st;
	int rc;
	if (cached) {
		if (!(st = lup_stmt(db, sql, err)))
			return -1;
	} else if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		return lup_sqlerr(db, err, _("merging"));
	}
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (cached)
		lup_done(st);
	else
		sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : lup_sqlerr(db, err, _("merging"));
}

/* ---- Rows whose parent is gone ---- */

static int row_exists(struct sync_fold *f, int ti, const char *id)
{
	sqlite3_stmt *st = lup_stmt(f->db, f->m->t[ti].sql_exists, f->err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	lup_done(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	/* not known: never taken for "gone" */
	f->failed = 1;
	lup_sqlerr(f->db, f->err, _("merging"));
	return -1;
}

/* The change's rows that point at a row no longer here: a reference that
 * may be empty is emptied, a row that needs its parent goes (with what
 * hangs on it); either is listed — unless the parent was erased for
 * privacy, which takes everything of it quietly. */
static int fix_parents(struct sync_fold *f, const void *cs, int ncs)
{
	int deleted = 0;
	for (int k = 0; k < f->rows.n && !f->failed; k++) {
		struct rowref *r = &f->rows.v[k];
		const struct sync_table *t = &f->m->t[r->table];
		sqlite3_stmt *st;
		int bad = -1;
		if (r->op == SQLITE_DELETE || t->nfk == 0)
			continue;
		/* The row's references, each looked up. */
		if (!(st = lup_stmt(f->db, t->sql_refs, f->err)))
			return -1;
		sqlite3_bind_text(st, 1, r->id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			for (int i = 0; i < t->nfk && bad < 0; i++) {
				const char *parent = (const char *)sqlite3_column_text(st, 1 + i);
				if (parent && row_exists(f, t->fk[i].table, parent) == 0)
					bad = i;
			}
		lup_done(st);
		if (bad < 0)
			continue;
		/* One of them is gone: look at the whole row, each reference. */
		{
			sqlite3_value **v = row_values(f, r->table, r->id);
			if (!v)
				return oom(f);
			for (int i = 0; i < t->nfk; i++) {
				const struct sync_fk *fk = &t->fk[i];
				const char *parent = v[fk->col] ? (const char *)sqlite3_value_text(v[fk->col]) : NULL;
				int quietly;
				if (!parent || row_exists(f, fk->table, parent) != 0)
					continue;
				quietly = is_erased(f, fk->table, parent);
				if (fk->nullable) {
					char sql[160];
					lup_val kept = lup_val_null(), lost;
					snprintf(sql, sizeof sql, "UPDATE \"%s\" SET \"%s\" = NULL WHERE id = ?1", t->name,
					         t->col[fk->col]);
					if (exec_text(f->db, sql, 0, r->id, f->err) < 0) {
						f->failed = 1;  /* the change fails whole */
						break;
					}
					lup_val_from_sqlite(v[fk->col], &lost);
					if (!quietly)
						lup_fold_record(f, r->table, r->id, t->col[fk->col], "value", "parent", 0, &kept, &lost);
				} else {
					char sql[96];
					if (!quietly)
						record_row(f, r->table, r->id, v, NULL, "parent", 0);
					else
						rowset_add(&f->lost, r->table, 0, r->id);
					snprintf(sql, sizeof sql, "DELETE FROM \"%s\" WHERE id = ?1", t->name);
					if (exec_text(f->db, sql, 0, r->id, f->err) < 0)
						f->failed = 1;
					deleted = 1;
					break;
				}
			}
			values_free(v, t->ncol);
		}
	}
	if (!deleted)
		return f->failed ? -1 : 0;
	/* Rows the change made that went with a parent deleted above. */
	{
		sqlite3_changeset_iter *it;
		if (sqlite3changeset_start(&it, ncs, (void *)cs) != SQLITE_OK)
			return lup_err_set(f->err, LUP_EFAIL, _("a change cannot be read"));
		while (!f->failed && sqlite3changeset_next(it) == SQLITE_ROW) {
			const char *tab;
			int ncol, op, ind, ti;
			sqlite3_value **nv;
			sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
			if (op != SQLITE_INSERT || (ti = lup_sync_table_index(tab)) < 0)
				continue;
			if (ncol > f->m->t[ti].ncol)
				ncol = f->m->t[ti].ncol;
			if (!(nv = calloc((size_t)f->m->t[ti].ncol, sizeof *nv))) {
				lup_err_oom(f->err);
				f->failed = 1;
				break;
			}
			for (int c = 0; c < ncol; c++)
				sqlite3changeset_new(it, c, &nv[c]);
			if (nv[0] && sqlite3_value_text(nv[0]) &&
			    rowset_find(&f->lost, ti, (const char *)sqlite3_value_text(nv[0])) < 0 &&
			    row_exists(f, ti, (const char *)sqlite3_value_text(nv[0])) == 0)
				record_row(f, ti, (const char *)sqlite3_value_text(nv[0]), nv, NULL, "parent", 0);
			free(nv);
		}
		cs_finish(f, it);
	}
	return f->failed ? -1 : 0;
}

/* What a delete took with it here that its laptop did not know of (rows
 * added meanwhile, deleted or emptied by ON DELETE): listed, and touched
 * for the table rules (a seat it freed goes to the first waiting, as it
 * would on the laptop that deleted). */
static int cascade_victims(struct sync_fold *f, sqlite3_session *s)
{
	sqlite3_changeset_iter *it;
	void *cs = NULL;
	int n = 0;
	if (sqlite3session_changeset(s, &n, &cs) != SQLITE_OK)
		return lup_sqlerr(f->db, f->err, _("merging"));
	if (lup_touch_changeset(f->db, cs, n, &f->touch, f->err) < 0) {
		sqlite3_free(cs);
		return -1;
	}
	if (sqlite3changeset_start(&it, n, cs) != SQLITE_OK) {
		sqlite3_free(cs);
		return lup_err_set(f->err, LUP_EFAIL, _("a change cannot be read"));
	}
	while (!f->failed && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, ind, ti;
		sqlite3_value *idv = NULL;
		const char *id;
		sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
		if ((ti = lup_sync_table_index(tab)) < 0 || ti == SYNC_CONFLICT_TABLE || op == SQLITE_INSERT)
			continue;
		sqlite3changeset_old(it, 0, &idv);
		if (!idv || !(id = (const char *)sqlite3_value_text(idv)) || rowset_find(&f->rows, ti, id) >= 0 ||
		    is_erased(f, ti, id))
			continue;
		if (op == SQLITE_DELETE) {
			sqlite3_value **ov = calloc((size_t)ncol, sizeof *ov);
			if (!ov) {
				oom(f);
				break;
			}
			for (int c = 0; c < ncol; c++)
				sqlite3changeset_old(it, c, &ov[c]);
			record_row(f, ti, id, ov, NULL, "delete", 1);
			free(ov);
		} else {
			for (int c = 1; c < ncol; c++) {
				sqlite3_value *o = NULL, *nw = NULL;
				lup_val k, l;
				sqlite3changeset_old(it, c, &o);
				sqlite3changeset_new(it, c, &nw);
				if (!o || !nw || quiet(&f->m->t[ti], c))
					continue;
				lup_val_from_sqlite(nw, &k);
				lup_val_from_sqlite(o, &l);
				lup_fold_record(f, ti, id, f->m->t[ti].col[c], "value", "delete", 1, &k, &l);
			}
		}
	}
	cs_finish(f, it);
	sqlite3_free(cs);
	return f->failed ? -1 : 0;
}

/* ---- One change ---- */

static int fold_filter(void *ctx, const char *table)
{
	(void)ctx;
	return lup_sync_table_index(table) >= 0;
}

static int collect_rows(struct sync_fold *f, const void *cs, int n, int *deletes)
{
	sqlite3_changeset_iter *it;
	*deletes = 0;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		return lup_err_set(f->err, LUP_EFAIL, _("a change cannot be read"));
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, ind, ti;
		sqlite3_value *idv = NULL;
		sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
		if ((ti = lup_sync_table_index(tab)) < 0)
			continue;
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, 0, &idv);
		else
			sqlite3changeset_old(it, 0, &idv);
		if (op == SQLITE_DELETE)
			*deletes = 1;
		if (idv && sqlite3_value_text(idv) &&
		    rowset_add(&f->rows, ti, op, (const char *)sqlite3_value_text(idv)) < 0) {
			sqlite3changeset_finalize(it);
			return oom(f);
		}
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK)
		return lup_err_set(f->err, LUP_EFAIL, _("a change cannot be read"));
	return 0;
}

/* Apply one change through the handler and the table rules (the caller's
 * session records what it does). */
static int apply_one(lup_db *db, const struct sync_meta *m, const struct sync_entry *e, int erased,
                     lup_err *err)
{
	struct sync_fold f;
	sqlite3_session *s = NULL;
	int deletes = 0, rc = -1;

	memset(&f, 0, sizeof f);
	f.db = db;
	f.m = m;
	f.e = e;
	f.err = err;
	f.erased = erased;
	if (collect_rows(&f, e->cs, (int)e->ncs, &deletes) < 0 ||
	    lup_touch_changeset(db, e->cs, (int)e->ncs, &f.touch, err) < 0)
		goto out;
	/* A delete may take rows with it that its laptop did not know of: a
	 * session of its own shows them. */
	if (deletes) {
		if (sqlite3session_create(db->h, "main", &s) != SQLITE_OK) {
			lup_sqlerr(db, err, _("merging"));
			goto out;
		}
		sqlite3session_table_filter(s, fold_filter, NULL);
		if (sqlite3session_attach(s, NULL) != SQLITE_OK) {
			lup_sqlerr(db, err, _("merging"));
			goto out;
		}
	}
	if (apply_changes(&f) < 0)
		goto out;
	if (s && cascade_victims(&f, s) < 0)
		goto out;
	/* Rows whose parent is gone: looked up. */
	if (fix_parents(&f, e->cs, (int)e->ncs) < 0)
		goto out;
	if (lup_sync_rules(db, &f.touch, e->hlc, &f, err) < 0)
		goto out;
	rc = f.failed ? -1 : 0;
out:
	if (s)
		sqlite3session_delete(s);
	rowset_clear(&f.rows);
	rowset_clear(&f.lost);
	lup_touch_clear(&f.touch);
	return rc;
}

/* ---- Undoing the changes after a point ---- */

static int cmp_key(long long h1, const char *d1, long long s1, long long h2, const char *d2, long long s2)
{
	int c;
	if (h1 != h2)
		return h1 < h2 ? -1 : 1;
	if ((c = strcmp(d1, d2)))
		return c < 0 ? -1 : 1;
	return s1 < s2 ? -1 : s1 > s2;
}

/* A place in canonical order (hlc, device, seq). */
struct fold_point {
	long long hlc, seq;
	char device[37];
	int set;
};

static void point_min(struct fold_point *p, long long hlc, const char *device, long long seq)
{
	if (!p->set || cmp_key(hlc, device, seq, p->hlc, p->device, p->seq) < 0) {
		p->hlc = hlc;
		p->seq = seq;
		snprintf(p->device, sizeof p->device, "%s", device);
		p->set = 1;
	}
}

static int abort_conflict(void *ctx, int type, sqlite3_changeset_iter *it)
{
	(void)type;
	(void)it;
	*(int *)ctx = 1;
	return SQLITE_CHANGESET_ABORT;
}

/* Undo what the applied changes from p on did here, as one inverted
 * changeset; foreign keys and triggers are off meanwhile, since the rows
 * come back in no particular order and the inverse is exact.  Changes
 * applied together share one effect, so p moves back to the first of the
 * run it falls in: apply again from p.  *n receives how many effects. */
static int undo_from(lup_db *db, struct fold_point *p, long *n, lup_err *err)
{
	static const char first[] =
		"SELECT hlc, device, seq, run FROM sync_log WHERE held = 0 AND (hlc, device, seq) >= (?1, ?2, ?3) "
		"ORDER BY hlc, device, seq LIMIT 1";
	static const char head[] =
		"SELECT hlc, device, seq FROM sync_log WHERE held = 0 AND run = 0 AND (hlc, device, seq) < (?1, ?2, ?3) "
		"ORDER BY hlc DESC, device DESC, seq DESC LIMIT 1";
	static const char sql[] =
		"SELECT coalesce(effect, cs) FROM sync_log WHERE held = 0 AND run = 0 AND (hlc, device, seq) >= (?1, ?2, ?3) "
		"ORDER BY hlc, device, seq";
	sqlite3_changegroup *g;
	sqlite3_stmt *st;
	void *all = NULL;
	int nall = 0, bad = 0, rc, member = 0;

	*n = 0;
	/* The run p falls in starts at its head. */
	if (!(st = lup_stmt(db, first, err)))
		return -1;
	sqlite3_bind_int64(st, 1, p->hlc);
	sqlite3_bind_text(st, 2, p->device, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, p->seq);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_int(st, 3) == 1) {
		struct fold_point q = { 0 };
		member = 1;
		q.hlc = sqlite3_column_int64(st, 0);
		q.seq = sqlite3_column_int64(st, 2);
		lup_col_copy(st, 1, q.device, sizeof q.device);
		lup_done(st);
		if (!(st = lup_stmt(db, head, err)))
			return -1;
		sqlite3_bind_int64(st, 1, q.hlc);
		sqlite3_bind_text(st, 2, q.device, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, q.seq);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			p->hlc = sqlite3_column_int64(st, 0);
			p->seq = sqlite3_column_int64(st, 2);
			lup_col_copy(st, 1, p->device, sizeof p->device);
		}
	}
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading the change log"));
	if (member && rc != SQLITE_ROW)
		return lup_err_set(err, LUP_ECORRUPT, _("the change log is damaged (a run without its first change)"));

	if (sqlite3changegroup_new(&g) != SQLITE_OK)
		return lup_err_oom(err);
	if (!(st = lup_stmt(db, sql, err))) {
		sqlite3changegroup_delete(g);
		return -1;
	}
	sqlite3_bind_int64(st, 1, p->hlc);
	sqlite3_bind_text(st, 2, p->device, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, p->seq);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3changegroup_add(g, sqlite3_column_bytes(st, 0), (void *)sqlite3_column_blob(st, 0)) != SQLITE_OK) {
			rc = SQLITE_ERROR;
			break;
		}
		(*n)++;
	}
	lup_done(st);
	if (rc != SQLITE_DONE || sqlite3changegroup_output(g, &nall, &all) != SQLITE_OK) {
		sqlite3changegroup_delete(g);
		return lup_err_set(err, LUP_EFAIL, _("the change log cannot be read back"));
	}
	sqlite3changegroup_delete(g);
	if (*n && nall) {
		sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_FKEY, 0, (int *)NULL);
		sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
		rc = sqlite3changeset_apply_v2(db->h, nall, all, NULL, abort_conflict, &bad, NULL, NULL,
		                               SQLITE_CHANGESETAPPLY_INVERT | SQLITE_CHANGESETAPPLY_NOSAVEPOINT);
		sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, (int *)NULL);
		sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_FKEY, 1, (int *)NULL);
		if (rc != SQLITE_OK || bad) {
			sqlite3_free(all);
			return lup_err_set(err, LUP_ECORRUPT,
				_("the change log does not match the database (changed outside lup?); "
				  "nothing was applied"));
		}
		/* The Due list's entries of the people undone, as triggers would. */
		if (lup_sync_due_redo(db, all, nall, err) < 0) {
			sqlite3_free(all);
			return -1;
		}
	}
	sqlite3_free(all);
	return 0;
}

/* ---- Held back, in order ---- */

struct held {
	char device[37];
	long long seq, hlc;
	struct sync_vv deps;
	int ready;
};

/* Which held-back changes can now be applied: each follows its device's
 * previous change and everything it was made on. */
static int release_held(lup_db *db, struct sync_vv *applied, struct held **out, int *nout,
                        lup_err *err)
{
	static const char sql[] =
		"SELECT device, seq, hlc, deps FROM sync_log WHERE held = 1 ORDER BY device, seq";
	struct held *v = NULL;
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int n = 0, rc, moved;
	size_t cap = 0;

	*out = NULL;
	*nout = 0;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct held *h = LUP_PUSH(v, n, cap);
		if (!h) {
			lup_done(st);
			goto oom;
		}
		lup_col_copy(st, 0, h->device, sizeof h->device);
		h->seq = sqlite3_column_int64(st, 1);
		h->hlc = sqlite3_column_int64(st, 2);
		if (lup_vv_decode(sqlite3_column_blob(st, 3), (size_t)sqlite3_column_bytes(st, 3), &h->deps) < 0) {
			lup_done(st);
			goto oom;
		}
	}
	lup_done(st);
	if (rc != SQLITE_DONE) {
		lup_sqlerr(db, err, _("reading the change log"));
		goto fail;
	}
	do {
		moved = 0;
		for (int i = 0; i < n; i++) {
			int ok;
			if (v[i].ready || v[i].seq != lup_vv_get(applied, v[i].device) + 1)
				continue;
			ok = 1;
			for (int d = 0; d < v[i].deps.n && ok; d++)
				if (lup_vv_get(applied, v[i].deps.v[d].device) < v[i].deps.v[d].seq)
					ok = 0;
			if (!ok)
				continue;
			v[i].ready = 1;
			if (lup_vv_set(applied, v[i].device, v[i].seq) < 0)
				goto oom;
			moved = 1;
		}
	} while (moved);
	*out = v;
	*nout = n;
	return 0;
oom:
	lup_err_oom(err);
fail:
	for (int i = 0; i < n; i++)
		lup_vv_clear(&v[i].deps);
	free(v);
	return -1;
}

static int erased_any(lup_db *db)
{
	sqlite3_stmt *st;
	int rc = 0;
	if (sqlite3_prepare_v2(db->h, "SELECT 1 FROM sync_erased LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		rc = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return rc;
}

/* Apply, in canonical order, every applied change from p on, with
 * triggers off (what they would do is in the changes already, and the
 * rules work out the derived text) and foreign keys deferred (see
 * apply_changes).  One session records what they did: the run's effect,
 * kept on its first change. */
static int replay_from(lup_db *db, const struct fold_point *p, long *n, lup_err *err)
{
	static const char sql[] =
		"SELECT device, seq, hlc, schema, flags, cs FROM sync_log "
		"WHERE held = 0 AND (hlc, device, seq) >= (?1, ?2, ?3) ORDER BY hlc, device, seq";
	static const char set_head[] = "UPDATE sync_log SET effect = ?3, run = 0 WHERE device = ?1 AND seq = ?2";
	static const char set_member[] = "UPDATE sync_log SET effect = NULL, run = 1 WHERE device = ?1 AND seq = ?2";
	const struct sync_meta *m = lup_sync_meta(db, err);
	struct sync_entry head;
	sqlite3_session *s = NULL;
	int erased = erased_any(db), rc, ready;
	sqlite3_stmt *st;
	void *eff = NULL;
	int neff = 0;
	unsigned char *head_copy = NULL;

	*n = 0;
	memset(&head, 0, sizeof head);
	if (!m)
		return -1;
	if (sqlite3session_create(db->h, "main", &s) != SQLITE_OK)
		return lup_sqlerr(db, err, _("merging"));
	sqlite3session_table_filter(s, fold_filter, NULL);
	if (sqlite3session_attach(s, NULL) != SQLITE_OK) {
		sqlite3session_delete(s);
		return lup_sqlerr(db, err, _("merging"));
	}
	/* Not a cached statement: apply_one runs others meanwhile. */
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3session_delete(s);
		return lup_sqlerr(db, err, _("reading the change log"));
	}
	sqlite3_bind_int64(st, 1, p->hlc);
	sqlite3_bind_text(st, 2, p->device, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, p->seq);
	/* Both settings make SQLite prepare its statements again: once here,
	 * not once a change. */
	ready = sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL) == SQLITE_OK &&
	        sqlite3_exec(db->h, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL) == SQLITE_OK;
	/* Without deferred keys a row would meet its parent too early and
	 * be set aside as a conflict: no change is applied at all. */
	if (!ready) {
		lup_sqlerr(db, err, _("merging"));
		rc = -1;
	}
	while (ready && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sync_entry e;
		sqlite3_stmt *up;
		memset(&e, 0, sizeof e);
		lup_col_copy(st, 0, e.device, sizeof e.device);
		e.seq = sqlite3_column_int64(st, 1);
		e.hlc = sqlite3_column_int64(st, 2);
		e.schema = sqlite3_column_int(st, 3);
		e.flags = sqlite3_column_int(st, 4);
		e.cs = sqlite3_column_blob(st, 5);
		e.ncs = (size_t)sqlite3_column_bytes(st, 5);
		/* An erase acted on the base (see erase_base): nothing to do. */
		if (!(e.flags & SYNC_F_ERASE) && apply_one(db, m, &e, erased, err) < 0) {
			rc = -1;
			break;
		}
		if (*n == 0) {
			head = e;
			if (!(head_copy = malloc(e.ncs + 1))) {
				rc = -1;
				lup_err_oom(err);
				break;
			}
			if (e.ncs)
				memcpy(head_copy, e.cs, e.ncs);
		} else {
			if (!(up = lup_stmt(db, set_member, err))) {
				rc = -1;
				break;
			}
			sqlite3_bind_text(up, 1, e.device, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(up, 2, e.seq);
			rc = sqlite3_step(up);
			lup_done(up);
			if (rc != SQLITE_DONE) {
				lup_sqlerr(db, err, _("writing the change log"));
				rc = -1;
				break;
			}
		}
		(*n)++;
	}
	sqlite3_exec(db->h, "PRAGMA defer_foreign_keys = OFF", NULL, NULL, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, (int *)NULL);
	if (rc == SQLITE_DONE && *n) {
		sqlite3_stmt *up;
		if (sqlite3session_changeset(s, &neff, &eff) != SQLITE_OK) {
			lup_sqlerr(db, err, _("merging"));
			rc = -1;
		} else if (!(up = lup_stmt(db, set_head, err))) {
			rc = -1;
		} else {
			sqlite3_bind_text(up, 1, head.device, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(up, 2, head.seq);
			/* A change alone that did here what it did where it was
			 * made keeps no copy of it. */
			if (*n == 1 && (size_t)neff == head.ncs && (neff == 0 || memcmp(eff, head_copy, head.ncs) == 0) &&
			    !(head.flags & SYNC_F_ERASE))
				sqlite3_bind_null(up, 3);
			else if (neff == 0)
				sqlite3_bind_zeroblob(up, 3, 0);   /* it did nothing here: not NULL */
			else
				sqlite3_bind_blob(up, 3, eff, neff, SQLITE_TRANSIENT);
			rc = sqlite3_step(up);
			lup_done(up);
			if (rc != SQLITE_DONE)
				lup_sqlerr(db, err, _("writing the change log"));
		}
	}
	sqlite3_free(eff);
	free(head_copy);
	sqlite3_finalize(st);
	sqlite3session_delete(s);
	if (rc == -1)
		return -1;
	return rc == SQLITE_DONE ? 0 : lup_sqlerr(db, err, _("reading the change log"));
}

/* ---- Erasing for privacy ----
 *
 * An erase (lup person erase, lup purge) acts on the base every laptop
 * shares: with every change undone, the erased rows go, and so does the
 * erased person's name wherever it was typed as someone's assessor; the
 * log is cleared of both; then every change is applied again.  The erase
 * travels as keys only (a patchset); its effect here is empty, since it
 * changed the base.  The names are kept only as hashes, to clear them from
 * changes that arrive later. */

static int erased_row(lup_db *db, const char *tbl, sqlite3_value *id)
{
	static const char sql[] = "SELECT 1 FROM sync_erased WHERE tbl = ?1 AND pk = ?2";
	sqlite3_stmt *st;
	int rc;
	if (!tbl || !id)
		return 0;
	/* a look-up that fails counts as a hit: the change is then redacted,
	 * which finds out for itself (or fails with a message) */
	if (!(st = lup_stmt(db, sql, NULL)))
		return 1;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_value(st, 2, id);
	rc = sqlite3_step(st);
	lup_done(st);
	return rc != SQLITE_DONE;
}

static int erased_name(lup_db *db, sqlite3_value *v)
{
	static const char sql[] = "SELECT 1 FROM sync_erased_name WHERE hash = lup_name_hash(?1)";
	sqlite3_stmt *st;
	int rc;
	if (!v || sqlite3_value_type(v) != SQLITE_TEXT)
		return 0;
	if (!(st = lup_stmt(db, sql, NULL)))
		return 1;   /* as in erased_row */
	sqlite3_bind_value(st, 1, v);
	rc = sqlite3_step(st);
	lup_done(st);
	return rc != SQLITE_DONE;
}

/* Does the changeset hold an erased row, a conflict about one, or an
 * erased name typed as an assessor? */
static int touches_erased(lup_db *db, const void *cs, int n)
{
	sqlite3_changeset_iter *it;
	int hit = 0, ac = -1;
	const struct sync_meta *m = lup_sync_meta(db, NULL);
	if (!cs || n <= 0)
		return 0;
	if (!m || sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		return 1;
	ac = lup_sync_col_index(&m->t[lup_sync_table_index("checkin")], "assessor_name");
	while (!hit && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab, *tbl;
		int ncol, op, ind;
		sqlite3_value *v = NULL, *t = NULL;
		sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
		tbl = tab;
		if (strcmp(tab, "sync_conflict") == 0) {
			/* its tbl and row_id are columns 4 and 5 */
			if (op == SQLITE_INSERT) {
				sqlite3changeset_new(it, 4, &t);
				sqlite3changeset_new(it, 5, &v);
			} else {
				sqlite3changeset_old(it, 4, &t);
				sqlite3changeset_old(it, 5, &v);
			}
			tbl = t ? (const char *)sqlite3_value_text(t) : NULL;
		} else if (op == SQLITE_INSERT) {
			sqlite3changeset_new(it, 0, &v);
		} else {
			sqlite3changeset_old(it, 0, &v);
		}
		hit = erased_row(db, tbl, v);
		if (!hit && strcmp(tab, "checkin") == 0 && ac >= 0 && ac < ncol) {
			sqlite3_value *a = NULL, *b = NULL;
			if (op != SQLITE_INSERT)
				sqlite3changeset_old(it, ac, &a);
			if (op != SQLITE_DELETE)
				sqlite3changeset_new(it, ac, &b);
			hit = erased_name(db, a) || erased_name(db, b);
		}
	}
	/* a change not read to its end may hold one */
	if (sqlite3changeset_finalize(it) != SQLITE_OK)
		hit = 1;
	return hit;
}

static int omit_conflict(void *ctx, int type, sqlite3_changeset_iter *it)
{
	(void)ctx;
	(void)type;
	(void)it;
	return SQLITE_CHANGESET_OMIT;
}

static int redact_conflict(void *ctx, int type, sqlite3_changeset_iter *it)
{
	(void)ctx;
	(void)it;
	/* A row whose name was cleared first: the change goes ahead. */
	return type == SQLITE_CHANGESET_DATA ? SQLITE_CHANGESET_REPLACE : SQLITE_CHANGESET_OMIT;
}

/* The changeset without the erased rows and names: applied, all but
 * those, to empty copies of its tables in a scratch database that records
 * what it does.  The rows an update or delete expects are put there first;
 * an erased row's insert meets a row of its own key there and is left out,
 * its updates and deletes find nothing; erased names are cleared before
 * and after. */
static int redact(lup_db *db, const void *cs, int n, void **out, int *nout, lup_err *err)
{
	static const char scrub[] =
		"UPDATE checkin SET assessor_name = NULL WHERE assessor_name IS NOT NULL "
		"AND lup_name_hash(assessor_name) IN (SELECT hash FROM main.sync_erased_name)";
	const struct sync_meta *m = lup_sync_meta(db, err);
	sqlite3 *x = NULL;
	sqlite3_session *s = NULL;
	sqlite3_changeset_iter *it = NULL;
	unsigned char made[SYNC_NTABLES] = { 0 };
	int rc = -1, step;

	*out = NULL;
	*nout = 0;
	if (!m)
		return -1;
	if (sqlite3_open(":memory:", &x) != SQLITE_OK || lup_sql_functions(x) != SQLITE_OK ||
	    sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		goto fail;
	/* The hashes, for the scrub. */
	if (sqlite3_exec(x, "CREATE TABLE sync_erased_name (hash TEXT PRIMARY KEY)", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	{
		sqlite3_stmt *q, *ins;
		if (sqlite3_prepare_v2(db->h, "SELECT hash FROM sync_erased_name", -1, &q, NULL) != SQLITE_OK)
			goto fail;
		if (sqlite3_prepare_v2(x, "INSERT INTO sync_erased_name VALUES (?1)", -1, &ins, NULL) != SQLITE_OK) {
			sqlite3_finalize(q);
			goto fail;
		}
		while (sqlite3_step(q) == SQLITE_ROW) {
			sqlite3_bind_value(ins, 1, sqlite3_column_value(q, 0));
			sqlite3_step(ins);
			sqlite3_reset(ins);
		}
		sqlite3_finalize(q);
		sqlite3_finalize(ins);
	}
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, ind, ti, gone;
		sqlite3_value *idv = NULL;
		sqlite3_stmt *st;
		lup_buf q = { 0 };

		sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
		if ((ti = lup_sync_table_index(tab)) < 0 || ncol > m->t[ti].ncol)
			goto fail;
		if (!made[ti]) {
			lup_buf_printf(&q, "CREATE TABLE \"%s\" (", tab);
			for (int c = 0; c < ncol; c++)
				lup_buf_printf(&q, "%s\"%s\"%s", c ? ", " : "", m->t[ti].col[c], c == 0 ? " PRIMARY KEY" : "");
			lup_buf_puts(&q, ")");
			if (!q.s || sqlite3_exec(x, q.s, NULL, NULL, NULL) != SQLITE_OK) {
				lup_buf_clear(&q);
				goto fail;
			}
			lup_buf_clear(&q);
			made[ti] = 1;
		}
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, 0, &idv);
		else
			sqlite3changeset_old(it, 0, &idv);
		gone = erased_row(db, tab, idv);
		if (gone ? op != SQLITE_INSERT : op == SQLITE_INSERT)
			continue;
		lup_buf_printf(&q, "INSERT INTO \"%s\" VALUES (", tab);
		for (int c = 0; c < ncol; c++)
			lup_buf_printf(&q, "%s?", c ? ", " : "");
		lup_buf_puts(&q, ")");
		if (!q.s || sqlite3_prepare_v2(x, q.s, -1, &st, NULL) != SQLITE_OK) {
			lup_buf_clear(&q);
			goto fail;
		}
		lup_buf_clear(&q);
		if (gone) {
			sqlite3_bind_value(st, 1, idv);
		} else {
			for (int c = 0; c < ncol; c++) {
				sqlite3_value *v = NULL;
				sqlite3changeset_old(it, c, &v);
				if (v)
					sqlite3_bind_value(st, c + 1, v);
			}
		}
		step = sqlite3_step(st);
		sqlite3_finalize(st);
		if (step != SQLITE_DONE)
			goto fail;
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK) {
		it = NULL;
		goto fail;
	}
	it = NULL;
	if (made[lup_sync_table_index("checkin")] && sqlite3_exec(x, scrub, NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	if (sqlite3session_create(x, "main", &s) != SQLITE_OK || sqlite3session_attach(s, NULL) != SQLITE_OK ||
	    sqlite3changeset_apply(x, n, (void *)cs, NULL, redact_conflict, NULL) != SQLITE_OK)
		goto fail;
	if (made[lup_sync_table_index("checkin")] && sqlite3_exec(x, scrub, NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	if (sqlite3session_changeset(s, nout, out) != SQLITE_OK)
		goto fail;
	rc = 0;
fail:
	if (it)
		sqlite3changeset_finalize(it);
	if (s)
		sqlite3session_delete(s);
	sqlite3_close(x);
	if (rc < 0)
		lup_err_set(err, LUP_EFAIL, _("a change cannot be cleared of erased rows"));
	return rc;
}

/* 1 when the change touched erased rows (out, maybe empty, replaces it),
 * 0 when it did not, -1 on failure. */
static int redact_incoming(lup_db *db, const struct sync_entry *e, void **out, int *nout, lup_err *err)
{
	*out = NULL;
	*nout = 0;
	if (!touches_erased(db, e->cs, (int)e->ncs))
		return 0;
	return redact(db, e->cs, (int)e->ncs, out, nout, err) < 0 ? -1 : 1;
}

/* Note what an erase patchset erases: its deleted rows, and the names of
 * the people among them (from full, the changeset with their old values,
 * when there is one; else from the rows here). */
static int note_erased(lup_db *db, const void *ps, int n, const void *full, int nfull, lup_err *err)
{
	static const char row_sql[] = "INSERT OR IGNORE INTO sync_erased (tbl, pk) VALUES (?1, ?2)";
	static const char name_sql[] = "INSERT OR IGNORE INTO sync_erased_name (hash) VALUES (lup_name_hash(?1))";
	static const char here_sql[] =
		"INSERT OR IGNORE INTO sync_erased_name (hash) SELECT lup_name_hash(name) FROM person WHERE id = ?1";
	const struct sync_meta *m = lup_sync_meta(db, err);
	sqlite3_changeset_iter *it;
	int namecol;

	if (!m)
		return -1;
	namecol = lup_sync_col_index(&m->t[0], "name");
	if (sqlite3changeset_start(&it, full ? nfull : n, (void *)(full ? full : ps)) != SQLITE_OK)
		return lup_err_set(err, LUP_EFAIL, _("a change cannot be read"));
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, ind;
		sqlite3_value *idv = NULL, *nm = NULL;
		sqlite3_stmt *st;
		sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
		if (op != SQLITE_DELETE || lup_sync_table_index(tab) < 0 ||
		    sqlite3changeset_old(it, 0, &idv) != SQLITE_OK || !idv)
			continue;
		if (!(st = lup_stmt(db, row_sql, err))) {
			sqlite3changeset_finalize(it);
			return -1;
		}
		sqlite3_bind_text(st, 1, tab, -1, SQLITE_TRANSIENT);
		sqlite3_bind_value(st, 2, idv);
		if (sqlite3_step(st) != SQLITE_DONE) {
			lup_sqlerr(db, err, _("noting what was erased"));
			lup_done(st);
			sqlite3changeset_finalize(it);
			return -1;
		}
		lup_done(st);
		if (strcmp(tab, "person") != 0)
			continue;
		if (full && namecol < ncol && sqlite3changeset_old(it, namecol, &nm) == SQLITE_OK && nm) {
			if (!(st = lup_stmt(db, name_sql, err))) {
				sqlite3changeset_finalize(it);
				return -1;
			}
			sqlite3_bind_value(st, 1, nm);
		} else if (!(st = lup_stmt(db, here_sql, err))) {
			sqlite3changeset_finalize(it);
			return -1;
		} else {
			sqlite3_bind_value(st, 1, idv);
		}
		if (sqlite3_step(st) != SQLITE_DONE) {
			lup_sqlerr(db, err, _("noting what was erased"));
			lup_done(st);
			sqlite3changeset_finalize(it);
			return -1;
		}
		lup_done(st);
	}
	{
		int frc = sqlite3changeset_finalize(it);
		if (frc != SQLITE_OK)
			return lup_cs_err(frc, err);
	}
	return 0;
}

/* With every change undone: the erase on the base, and its names cleared
 * where typed as an assessor (at the erase's time, the same everywhere). */
static int erase_base(lup_db *db, const void *ps, int n, long long hlc, lup_err *err)
{
	static const char scrub[] =
		"UPDATE checkin SET assessor_name = NULL, updated_at = ?1 WHERE assessor_name IS NOT NULL "
		"AND lup_name_hash(assessor_name) IN (SELECT hash FROM sync_erased_name)";
	char at[21];
	sqlite3_stmt *st;
	int rc;
	if (sqlite3changeset_apply(db->h, n, (void *)ps, NULL, omit_conflict, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("erasing"));
	if (!(st = lup_stmt(db, scrub, err)))
		return -1;
	lup_sync_hlc_iso(hlc, at);
	sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	lup_done(st);
	return rc == SQLITE_DONE ? 0 : lup_sqlerr(db, err, _("erasing"));
}

/* Drop the erased rows and names from every change in the log (not from
 * the erases: they hold keys only). */
static int redact_log(lup_db *db, lup_err *err)
{
	static const char sql[] = "SELECT device, seq, cs FROM sync_log WHERE flags & 1 = 0";
	static const char set[] = "UPDATE sync_log SET cs = ?3, effect = NULL WHERE device = ?1 AND seq = ?2";
	sqlite3_stmt *st;
	int rc;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("reading the change log"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const void *cs = sqlite3_column_blob(st, 2);
		int n = sqlite3_column_bytes(st, 2);
		void *out = NULL;
		int nout = 0;
		sqlite3_stmt *up;
		if (!touches_erased(db, cs, n))
			continue;
		if (redact(db, cs, n, &out, &nout, err) < 0 || !(up = lup_stmt(db, set, err))) {
			sqlite3_free(out);
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_bind_text(up, 1, (const char *)sqlite3_column_text(st, 0), -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(up, 2, sqlite3_column_int64(st, 1));
		if (nout)
			sqlite3_bind_blob(up, 3, out, nout, SQLITE_TRANSIENT);
		else
			sqlite3_bind_zeroblob(up, 3, 0);
		rc = sqlite3_step(up);
		lup_done(up);
		sqlite3_free(out);
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(st);
			return lup_sqlerr(db, err, _("writing the change log"));
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : lup_sqlerr(db, err, _("reading the change log"));
}

/* The erases among the applied changes: on the base, from the log. */
static int erases_to_base(lup_db *db, lup_err *err)
{
	static const char sql[] =
		"SELECT cs, hlc FROM sync_log WHERE flags & 3 = 1 AND held = 0 ORDER BY hlc, device, seq";
	static const char done[] =
		"UPDATE sync_log SET flags = flags | 2, effect = zeroblob(0) WHERE flags & 3 = 1 AND held = 0";
	sqlite3_stmt *st;
	int rc;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("reading the change log"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (erase_base(db, sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0),
		               sqlite3_column_int64(st, 1), err) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading the change log"));
	return lup_exec(db, done, err);
}

/* With everything undone: the new erases on the base (triggers off, as in
 * replay_from), the log cleared, everything applied again. */
static int rebase(lup_db *db, long *redone, lup_err *err)
{
	int rc;
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
	rc = erases_to_base(db, err);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, (int *)NULL);
	/* the erased people's Due-list entries go, as their triggers would do */
	if (rc < 0 || lup_exec(db, "DELETE FROM person_due WHERE person_id NOT IN (SELECT id FROM person)", err) < 0 ||
	    redact_log(db, err) < 0)
		return -1;
	{
		struct fold_point zero = { 0 };
		return replay_from(db, &zero, redone, err);
	}
}

int lup_sync_erase_rows(lup_db *db, const void *patchset, int n, const void *full, int nfull,
                        lup_err *err)
{
	static const char mine[] =
		"UPDATE sync_log SET effect = NULL WHERE device = (SELECT device FROM sync_self) "
		"AND seq = (SELECT seq FROM sync_self)";
	long undone, redone;
	/* Undone with everything else using what it did at the tip, the erase
	 * then acts on the base instead, and everything is applied again. */
	struct fold_point zero = { 0 };
	if (note_erased(db, patchset, n, full, nfull, err) < 0 ||
	    undo_from(db, &zero, &undone, err) < 0 || lup_exec(db, mine, err) < 0)
		return -1;
	return rebase(db, &redone, err);
}

/* ---- Taking in changes ---- */

static int store(lup_db *db, const struct sync_entry *e, int erasing, struct lup_sync_result *r,
                 long long *maxhlc, lup_err *err)
{
	static const char ins[] =
		"INSERT OR IGNORE INTO sync_log (device, seq, hlc, schema, flags, deps, cs, held) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)";
	static const char peer[] = "INSERT OR IGNORE INTO sync_peer (device) VALUES (?1)";
	sqlite3_stmt *st;
	void *red = NULL;
	int nred = 0, redacted = 0, rc;

	r->entries++;
	/* What was erased here does not come back, not even in the log. */
	if (erasing && !(e->flags & SYNC_F_ERASE) && (redacted = redact_incoming(db, e, &red, &nred, err)) < 0)
		return -1;
	if (!(st = lup_stmt(db, ins, err))) {
		sqlite3_free(red);
		return -1;
	}
	sqlite3_bind_text(st, 1, e->device, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, e->seq);
	sqlite3_bind_int64(st, 3, e->hlc);
	sqlite3_bind_int(st, 4, e->schema);
	sqlite3_bind_int(st, 5, e->flags);
	if (e->ndeps)
		sqlite3_bind_blob(st, 6, e->deps, (int)e->ndeps, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 6);
	if (redacted)   /* all of it may be gone: an empty change */
		sqlite3_bind_blob(st, 7, red ? red : "", nred, SQLITE_TRANSIENT);
	else
		sqlite3_bind_blob(st, 7, e->cs, (int)e->ncs, SQLITE_STATIC);
	rc = sqlite3_step(st);
	lup_done(st);
	sqlite3_free(red);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("writing the change log"));
	if (sqlite3_changes(db->h) == 0)
		return 0;
	r->added++;
	if (e->hlc > *maxhlc)
		*maxhlc = e->hlc;
	if (!(st = lup_stmt(db, peer, err)))
		return -1;
	sqlite3_bind_text(st, 1, e->device, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	lup_done(st);
	return rc == SQLITE_DONE ? 0 : lup_sqlerr(db, err, _("writing the change log"));
}

/* If a ready change is an erase, note what it erases: 1, else 0. */
static int ready_erase(lup_db *db, const struct held *h, lup_err *err)
{
	static const char get[] = "SELECT flags, cs FROM sync_log WHERE device = ?1 AND seq = ?2";
	sqlite3_stmt *st = lup_stmt(db, get, err);
	int erase = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, h->device, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, h->seq);
	if (sqlite3_step(st) == SQLITE_ROW && (sqlite3_column_int(st, 0) & SYNC_F_ERASE)) {
		erase = 1;
		if (note_erased(db, sqlite3_column_blob(st, 1), sqlite3_column_bytes(st, 1), NULL, 0, err) < 0)
			erase = -1;
	}
	lup_done(st);
	return erase;
}

static int mark_applied(lup_db *db, const struct held *h, lup_err *err)
{
	static const char mark[] = "UPDATE sync_log SET held = 0 WHERE device = ?1 AND seq = ?2";
	static const char peer[] = "UPDATE sync_peer SET applied = ?2 WHERE device = ?1 AND applied < ?2";
	const char *const sqls[] = { mark, peer };
	for (int k = 0; k < 2; k++) {
		sqlite3_stmt *st = lup_stmt(db, sqls[k], err);
		int rc;
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, h->device, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, h->seq);
		rc = sqlite3_step(st);
		lup_done(st);
		if (rc != SQLITE_DONE)
			return lup_sqlerr(db, err, _("writing the change log"));
	}
	return 0;
}

int lup_sync_take(lup_db *db, const struct sync_entry *e, size_t n, struct lup_sync_result *r,
                  lup_err *err)
{
	struct sync_vv applied = { 0 };
	struct fold_point p = { 0 };
	struct held *h = NULL;
	int nh = 0, erase_new = 0, rc = -1, erasing = erased_any(db);
	long long maxhlc = 0;
	long undone = 0, redone = 0;

	for (size_t i = 0; i < n; i++)
		if (store(db, &e[i], erasing, r, &maxhlc, err) < 0)
			return -1;
	if (maxhlc && lup_sync_seen(db, maxhlc, err) < 0)
		return -1;
	if (lup_vv_applied(db, &applied, err) < 0 || release_held(db, &applied, &h, &nh, err) < 0)
		goto out;
	for (int i = 0; i < nh; i++) {
		int k;
		if (!h[i].ready) {
			r->held++;
			continue;
		}
		r->applied++;
		point_min(&p, h[i].hlc, h[i].device, h[i].seq);
		/* Names are read now, while the erased rows are still here. */
		if ((k = ready_erase(db, &h[i], err)) < 0)
			goto out;
		erase_new |= k;
	}
	if (!p.set) {
		rc = 0;
		goto out;
	}
	/* An erase changes the base: everything is applied again. */
	if (erase_new)
		memset(&p, 0, sizeof p);
	/* Undo from the earliest ready change on (the ready ones are not
	 * applied yet, so not undone), mark them applied, and apply
	 * everything from there in order. */
	if (undo_from(db, &p, &undone, err) < 0)
		goto out;
	for (int i = 0; i < nh; i++)
		if (h[i].ready && mark_applied(db, &h[i], err) < 0)
			goto out;
	if (erase_new ? rebase(db, &redone, err) < 0 : replay_from(db, &p, &redone, err) < 0)
		goto out;
	rc = 0;
	r->replayed += redone > r->applied ? redone - r->applied : 0;
out:
	for (int i = 0; i < nh; i++)
		lup_vv_clear(&h[i].deps);
	free(h);
	lup_vv_clear(&applied);
	return rc;
}
