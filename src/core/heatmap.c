/* heatmap.c — the heat map: org units (or cohorts) × a framework's areas,
 * each cell how far people fall short of their targets.
 *
 * One pass in C, person by person in the order of their ids: each
 * person's rows (their unit, or their cohorts), their targets (their
 * role's, or their own), then their ratings through the check-in index,
 * keeping their latest level per competence.  No sort of all ratings, no
 * people × competences table.  The pass can be taken a few milliseconds
 * at a time (lup_heatmap_step), so that a screen stays live while it runs
 * through 50,000 people and a million ratings; rows are put in order at
 * the end. */
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/comp_int.h"

/* The people of the map, a chunk at a time in id order after ?1 (?2 of
 * them), with their role's key and their row's label: all active people,
 * or (from the enrolment index) one cohort's (?3).  Everyone by cohort
 * reads each person's cohorts apart (heat_cohorts): a person may be in
 * several.  [by cohort][one cohort] */
static const char *const heat_people[2][2] = {
	{ "SELECT p.id, p.sort_role, coalesce(p.org_unit, '') FROM person p "
	  "WHERE p.active = 1 AND p.id > ?1 ORDER BY p.id LIMIT ?2",
	  "SELECT p.id, p.sort_role, coalesce(p.org_unit, '') FROM enrolment e "
	  "JOIN person p ON p.id = e.person_id WHERE e.cohort_id = ?3 AND e.status <> 'withdrawn' "
	  "AND p.active = 1 AND p.id > ?1 ORDER BY p.id LIMIT ?2" },
	{ "SELECT p.id, p.sort_role, NULL FROM person p WHERE p.active = 1 AND p.id > ?1 "
	  "AND EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = p.id AND e.status <> 'withdrawn') "
	  "ORDER BY p.id LIMIT ?2",
	  "SELECT p.id, p.sort_role, c.name FROM enrolment e JOIN person p ON p.id = e.person_id "
	  "JOIN cohort c ON c.id = e.cohort_id WHERE e.cohort_id = ?3 AND e.status <> 'withdrawn' "
	  "AND p.active = 1 AND p.id > ?1 ORDER BY p.id LIMIT ?2" },
};
static const char heat_cohorts[] =
	"SELECT c.name FROM enrolment e JOIN cohort c ON c.id = e.cohort_id "
	"WHERE e.person_id = ?1 AND e.status <> 'withdrawn'";
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
/* One person's levels (?4): ?2 ident, ?3 source.  Competences are mapped
 * in C. */
static const char heat_ratings[] =
	"SELECT k.person_id, r.competence_id, r.level, k.kind <> 'self', k.date, k.created_at, k.id "
	"FROM checkin k JOIN rating r ON r.checkin_id = k.id "
	"WHERE " EFFECTIVE("k") " AND r.level IS NOT NULL "
	"AND k.framework_id IN (SELECT g.id FROM framework g WHERE g.ident = ?2) "
	"AND (?3 = 0 OR (?3 = 1 AND k.kind = 'self') OR (?3 = 2 AND k.kind <> 'self')) "
	"AND k.person_id = ?4";

#define HEAT_CHUNK 256   /* people read at once */

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

struct hm_comp {
	char id[LUP_UUID_LEN + 1];
	int seq, revision;
};

struct hm_slot {
	int level, prio, revision;
	char date[11], created[21], id[LUP_UUID_LEN + 1];
};

/* A row as the pass finds it (idx: its place in the order found); put in
 * order at the end. */
struct hm_row {
	char *label;
	long people;
	size_t idx;
};

/* A person of the chunk being read. */
struct hm_next {
	char pid[LUP_UUID_LEN + 1];
	char *role, *label;  /* label NULL: their cohorts are read apart */
};

struct lup_heat_build {
	lup_db *db;
	struct lup_heatmap *out;
	int by, source, done;
	char fwid[LUP_UUID_LEN + 1], cohort[LUP_UUID_LEN + 1];
	char ident[LUP_FW_IDENT_MAX + 1];
	size_t nseq;
	int *col;                       /* by seq: column, or -1 */
	struct hm_role *roles;
	size_t nroles;
	struct hm_own *own;
	size_t nown, own_at;            /* own_at: the next person's, both in id order */
	struct hm_comp *comps;          /* by id: competence → seq */
	size_t ncomps;
	struct hm_slot *slot;           /* by seq */
	int *touched;
	size_t ntouched;
	/* the rows found so far: the tree finds one by its label */
	void *tree;
	struct hm_row **rows;
	size_t nrows, caprows;
	long *pairs, *below, *total;    /* [row * ncols + col] */
	double *sum;                    /* shortfall */
	/* the chunk of people being read, and where the pass is */
	struct hm_next next[HEAT_CHUNK];
	int nnext, at, more;
	char last[LUP_UUID_LEN + 1];
	size_t *prow;                   /* the rows of the person being read */
	size_t nprow, capprow;
};

/* the person being read: their role, own targets and rows */
struct hm_person {
	int role;            /* index in roles, or -1 */
	size_t own0, nown;
};

static int find_role(const lup_heat_build *b, const char *role)
{
	size_t lo = 0, hi = b->nroles;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(b->roles[mid].name, role);
		if (!c)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int person_target(const lup_heat_build *b, const struct hm_person *p, int seq)
{
	for (size_t i = p->own0; i < p->own0 + p->nown; i++)
		if (b->own[i].seq == seq)
			return b->own[i].level;
	return p->role >= 0 ? b->roles[p->role].level[seq] : -1;
}

static int hm_seq(const lup_heat_build *b, const char *id, int *revision)
{
	size_t lo = 0, hi = b->ncomps;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(b->comps[mid].id, id);
		if (!c) {
			*revision = b->comps[mid].revision;
			return b->comps[mid].seq;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void hm_take(lup_heat_build *b, sqlite3_stmt *st)
{
	const char *cid = (const char *)sqlite3_column_text(st, 1);
	int revision = 0, seq = cid ? hm_seq(b, cid, &revision) : -1, prio = sqlite3_column_int(st, 3);
	const char *date = (const char *)sqlite3_column_text(st, 4);
	const char *created = (const char *)sqlite3_column_text(st, 5);
	const char *id = (const char *)sqlite3_column_text(st, 6);
	struct hm_slot *s;
	int c;

	if (seq < 0 || (size_t)seq >= b->nseq || b->col[seq] < 0)
		return;
	s = &b->slot[seq];
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
		b->touched[b->ntouched++] = seq;
	}
	s->level = sqlite3_column_int(st, 2);
	s->prio = prio;
	s->revision = revision;
	snprintf(s->date, sizeof s->date, "%s", date);
	snprintf(s->created, sizeof s->created, "%s", created);
	snprintf(s->id, sizeof s->id, "%s", id);
}

/* The levels kept for the person read into their rows' cells. */
static void hm_flush(lup_heat_build *b, const struct hm_person *p)
{
	size_t ncols = b->out->ncols;
	for (size_t i = 0; i < b->ntouched; i++) {
		int seq = b->touched[i], level = b->slot[seq].level, rev = b->slot[seq].revision;
		int t = person_target(b, p, seq);
		b->slot[seq].level = -1;
		if (t < 0)
			continue;
		if (!b->out->rev_min || rev < b->out->rev_min)
			b->out->rev_min = rev;
		if (rev > b->out->rev_max)
			b->out->rev_max = rev;
		for (size_t r = 0; r < b->nprow; r++) {
			size_t idx = b->prow[r] * ncols + (size_t)b->col[seq];
			b->pairs[idx]++;
			if (level < t) {
				b->below[idx]++;
				b->sum[idx] += t - level;
			}
		}
	}
	b->ntouched = 0;
}

static int cmp_row_label(const void *a, const void *b)
{
	return strcmp(((const struct hm_row *)a)->label, ((const struct hm_row *)b)->label);
}

/* The row of label, made when new; its index into *row. */
static int row_of(lup_heat_build *b, const char *label, size_t *row)
{
	struct hm_row probe = { (char *)label, 0, 0 }, *r, *const *found;
	size_t ncols = b->out->ncols, old = b->caprows;

	if ((found = tfind(&probe, &b->tree, cmp_row_label))) {
		*row = (*found)->idx;
		return 0;
	}
	if (lup_grow(&b->rows, &b->caprows, b->nrows + 1, sizeof *b->rows) < 0)
		return -1;
	if (b->caprows != old) {
		/* the cells grow with the rows */
		size_t n = b->caprows * ncols, was = old * ncols;
		long *pa = realloc(b->pairs, (n + 1) * sizeof *pa), *be, *to;
		double *su;
		if (pa) b->pairs = pa;
		be = pa ? realloc(b->below, (n + 1) * sizeof *be) : NULL;
		if (be) b->below = be;
		to = be ? realloc(b->total, (n + 1) * sizeof *to) : NULL;
		if (to) b->total = to;
		su = to ? realloc(b->sum, (n + 1) * sizeof *su) : NULL;
		if (!su)
			return -1;
		b->sum = su;
		memset(b->pairs + was, 0, (n - was) * sizeof *b->pairs);
		memset(b->below + was, 0, (n - was) * sizeof *b->below);
		memset(b->total + was, 0, (n - was) * sizeof *b->total);
		for (size_t i = was; i < n; i++)
			b->sum[i] = 0;
	}
	if (!(r = calloc(1, sizeof *r)) || !(r->label = strdup(label))) {
		free(r);
		return -1;
	}
	if (!tsearch(r, &b->tree, cmp_row_label)) {
		free(r->label);
		free(r);
		return -1;
	}
	r->idx = b->nrows;
	b->rows[b->nrows] = r;
	*row = b->nrows++;
	return 0;
}

/* One person: their rows (labels, or their cohorts read here), their
 * targets into the rows' totals, their levels into the rows' cells. */
static int hm_person(lup_heat_build *b, const struct hm_next *n, lup_err *err)
{
	size_t ncols = b->out->ncols;
	struct hm_person p;
	sqlite3_stmt *st;
	int rc;

	memset(&p, 0, sizeof p);
	p.role = n->role && *n->role ? find_role(b, n->role) : -1;
	/* their own targets: both lists are in id order */
	while (b->own_at < b->nown && strcmp(b->own[b->own_at].pid, n->pid) < 0)
		b->own_at++;
	p.own0 = b->own_at;
	while (p.own0 + p.nown < b->nown && strcmp(b->own[p.own0 + p.nown].pid, n->pid) == 0)
		p.nown++;

	/* their rows, each once */
	b->nprow = 0;
	if (n->label) {
		size_t *row = LUP_PUSH(b->prow, b->nprow, b->capprow);
		if (!row || row_of(b, n->label, row) < 0)
			return lup_err_oom(err);
	} else {
		if (!(st = lup_stmt(b->db, heat_cohorts, err)))
			return -1;
		sqlite3_bind_text(st, 1, n->pid, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *label = (const char *)sqlite3_column_text(st, 0);
			size_t row, i;
			if (row_of(b, label ? label : "", &row) < 0) {
				lup_done(st);
				return lup_err_oom(err);
			}
			for (i = 0; i < b->nprow && b->prow[i] != row; i++)
				;
			if (i < b->nprow)
				continue;
			size_t *slot = LUP_PUSH(b->prow, b->nprow, b->capprow);
			if (!slot) {
				lup_done(st);
				return lup_err_oom(err);
			}
			*slot = row;
		}
		lup_done(st);
		if (rc != SQLITE_DONE)
			return lup_sqlerr(b->db, err, _("building the heat map"));
	}
	for (size_t r = 0; r < b->nprow; r++)
		b->rows[b->prow[r]]->people++;

	/* target pairs: every competence with a target */
	for (size_t k = 0; p.role >= 0 && k < b->roles[p.role].nseqs; k++) {
		int seq = b->roles[p.role].seqs[k];
		if (b->col[seq] < 0 || person_target(b, &p, seq) < 0)
			continue;
		for (size_t r = 0; r < b->nprow; r++)
			b->total[b->prow[r] * ncols + (size_t)b->col[seq]]++;
	}
	for (size_t k = p.own0; k < p.own0 + p.nown; k++) {
		int seq = b->own[k].seq;
		if (seq < 0 || (size_t)seq >= b->nseq || b->col[seq] < 0 || b->own[k].level < 0)
			continue;
		if (p.role >= 0 && b->roles[p.role].level[seq] >= 0)
			continue;   /* counted with the role's */
		for (size_t r = 0; r < b->nprow; r++)
			b->total[b->prow[r] * ncols + (size_t)b->col[seq]]++;
	}

	/* their levels */
	if (!(st = lup_stmt(b->db, heat_ratings, err)))
		return -1;
	sqlite3_bind_text(st, 2, b->ident, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, b->source);
	sqlite3_bind_text(st, 4, n->pid, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		hm_take(b, st);
	lup_done(st);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < b->ntouched; i++)
			b->slot[b->touched[i]].level = -1;
		b->ntouched = 0;
		return lup_sqlerr(b->db, err, _("building the heat map"));
	}
	hm_flush(b, &p);
	return 0;
}

/* The next chunk of people after the last read. */
static int hm_chunk(lup_heat_build *b, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(b->db, heat_people[b->by == LUP_HEAT_COHORT][b->cohort[0] != 0], err);
	int rc;

	for (int i = 0; i < b->nnext; i++) {
		free(b->next[i].role);
		free(b->next[i].label);
	}
	b->nnext = b->at = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, b->last, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, HEAT_CHUNK);
	if (b->cohort[0])
		sqlite3_bind_text(st, 3, b->cohort, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct hm_next *n = &b->next[b->nnext];
		memset(n, 0, sizeof *n);
		lup_col_copy(st, 0, n->pid, sizeof n->pid);
		if (!(n->role = lup_col_dup(st, 1)) && sqlite3_column_type(st, 1) != SQLITE_NULL) {
			lup_done(st);
			return lup_err_oom(err);
		}
		if (sqlite3_column_type(st, 2) != SQLITE_NULL && !(n->label = lup_col_dup(st, 2))) {
			free(n->role);
			lup_done(st);
			return lup_err_oom(err);
		}
		b->nnext++;
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(b->db, err, _("building the heat map"));
	b->more = b->nnext == HEAT_CHUNK;
	if (b->nnext)
		snprintf(b->last, sizeof b->last, "%s", b->next[b->nnext - 1].pid);
	return 0;
}

struct hm_order {
	char *key;
	size_t idx;
	const char *label;
};

static int cmp_order(const void *a, const void *b)
{
	const struct hm_order *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->label, y->label);
}

/* The rows in Swedish alphabetical order, and their cells. */
static int hm_finish(lup_heat_build *b, lup_err *err)
{
	struct lup_heatmap *out = b->out;
	size_t ncols = out->ncols, n = b->nrows;
	struct hm_order *o = calloc(n + 1, sizeof *o);
	int rc = -1;

	if (!o || !(out->row_label = calloc(n + 1, sizeof *out->row_label)) ||
	    !(out->row_people = calloc(n + 1, sizeof *out->row_people)) ||
	    !(out->cells = calloc(n * ncols + 1, sizeof *out->cells)))
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		o[i].idx = i;
		o[i].label = b->rows[i]->label;
		if (!(o[i].key = lup_sortkey(o[i].label)))
			goto nomem;
	}
	qsort(o, n, sizeof *o, cmp_order);
	for (size_t i = 0; i < n; i++) {
		size_t from = o[i].idx;
		if (!(out->row_label[i] = strdup(o[i].label)))
			goto nomem;
		out->nrows = i + 1;
		out->row_people[i] = b->rows[from]->people;
		for (size_t c = 0; c < ncols; c++) {
			struct lup_heat_cell *cell = &out->cells[i * ncols + c];
			size_t k = from * ncols + c;
			cell->pairs = b->pairs[k];
			cell->below = b->below[k];
			cell->unassessed = b->total[k] - b->pairs[k];
			cell->mean_gap = cell->pairs ? b->sum[k] / (double)cell->pairs : 0;
		}
	}
	rc = 0;
	goto out;
nomem:
	lup_err_oom(err);
out:
	for (size_t i = 0; o && i < n; i++)
		free(o[i].key);
	free(o);
	return rc;
}

/* What is read once: the framework, its columns, the competences of
 * every revision mapped to the one shown, the targets. */
/* st (if made) with ?1 the revision shown and ?2 its ident */
static sqlite3_stmt *bind_fw(lup_heat_build *b, sqlite3_stmt *st)
{
	if (st) {
		sqlite3_bind_text(st, 1, b->fwid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, b->ident, -1, SQLITE_TRANSIENT);
	}
	return st;
}

static void read_comp(sqlite3_stmt *st, void *row)
{
	struct hm_comp *c = row;
	lup_col_copy(st, 0, c->id, sizeof c->id);
	c->seq = sqlite3_column_int(st, 1);
	c->revision = sqlite3_column_int(st, 2);
}

static void read_own(sqlite3_stmt *st, void *row)
{
	struct hm_own *o = row;
	lup_col_copy(st, 0, o->pid, sizeof o->pid);
	o->seq = sqlite3_column_int(st, 1);
	o->level = sqlite3_column_int(st, 2);
}

static int hm_setup(lup_heat_build *b, lup_err *err)
{
	static const char sql_ident[] =
		"SELECT ident, (SELECT coalesce(max(seq), 0) + 1 FROM competence WHERE framework_id = ?1), revision "
		"FROM framework WHERE id = ?1";
	struct lup_heatmap *out = b->out;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if (!(st = lup_stmt(b->db, sql_ident, err)))
		return -1;
	sqlite3_bind_text(st, 1, b->fwid, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, b->ident, sizeof b->ident);
		b->nseq = (size_t)sqlite3_column_int64(st, 1);
		out->revision = sqlite3_column_int(st, 2);
	}
	lup_done(st);
	if (rc == SQLITE_DONE)
		return lup_err_set(err, LUP_ENOTFOUND, _("no such framework"));
	if (rc != SQLITE_ROW)
		return lup_sqlerr(b->db, err, _("building the heat map"));

	/* Columns: the areas; each competence's column by its seq. */
	if (!(st = lup_stmt(b->db, heat_cols, err)))
		return -1;
	sqlite3_bind_text(st, 1, b->fwid, -1, SQLITE_TRANSIENT);
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
				return lup_err_oom(err);
			}
			cap = c;
		}
		out->col_code[i] = lup_col_dup(st, 0);
		out->col_name[i] = lup_col_dup(st, 1);
		out->col_name_sv[i] = lup_col_dup(st, 2);
		out->ncols++;
		if (!out->col_code[i] || !out->col_name[i]) {
			lup_done(st);
			return lup_err_oom(err);
		}
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(b->db, err, _("building the heat map"));
	if (!(b->col = malloc((b->nseq + 1) * sizeof *b->col)) ||
	    !(b->slot = calloc(b->nseq + 1, sizeof *b->slot)) ||
	    !(b->touched = malloc((b->nseq + 1) * sizeof *b->touched)))
		return lup_err_oom(err);
	for (size_t i = 0; i < b->nseq; i++) {
		b->col[i] = -1;
		b->slot[i].level = -1;
	}
	if (!(st = lup_stmt(b->db, heat_comps, err)))
		return -1;
	sqlite3_bind_text(st, 1, b->fwid, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long seq = (long)sqlite3_column_int64(st, 0), col = (long)sqlite3_column_int64(st, 1);
		if (seq >= 0 && (size_t)seq < b->nseq && col >= 0 && (size_t)col < out->ncols)
			b->col[seq] = (int)col;
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(b->db, err, _("building the heat map"));

	/* the competences of every revision, by id */
	if (lup_read_all(b->db, bind_fw(b, lup_stmt(b->db, heat_compmap, err)), &b->comps, &b->ncomps,
	                 sizeof *b->comps, read_comp, _("building the heat map"), err) < 0)
		return -1;

	/* roles' targets, in the order of the roles' keys (lup_sortkey):
	 * one role however it is spelt */
	cap = 0;
	if (!(st = lup_stmt(b->db, heat_role_targets, err)))
		return -1;
	sqlite3_bind_text(st, 1, b->fwid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, b->ident, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 0);
		int seq = sqlite3_column_int(st, 1);
		struct hm_role *r;
		if (!role || seq < 0 || (size_t)seq >= b->nseq)
			continue;
		if (!b->nroles || strcmp(b->roles[b->nroles - 1].name, role) != 0) {
			if (lup_grow(&b->roles, &cap, b->nroles + 1, sizeof *b->roles) < 0) {
				lup_done(st);
				return lup_err_oom(err);
			}
			r = &b->roles[b->nroles];
			memset(r, 0, sizeof *r);
			if (!(r->name = strdup(role)) || !(r->level = malloc(b->nseq * sizeof *r->level)) ||
			    !(r->seqs = malloc(b->nseq * sizeof *r->seqs))) {
				free(r->name);
				free(r->level);
				lup_done(st);
				return lup_err_oom(err);
			}
			b->nroles++;
			for (size_t i = 0; i < b->nseq; i++)
				r->level[i] = -1;
		}
		r = &b->roles[b->nroles - 1];
		if (r->level[seq] < 0)
			r->seqs[r->nseqs++] = seq;
		r->level[seq] = sqlite3_column_int(st, 2);
	}
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(b->db, err, _("building the heat map"));

	return lup_read_all(b->db, bind_fw(b, lup_stmt(b->db, heat_own_targets, err)), &b->own, &b->nown,
	                    sizeof *b->own, read_own, _("building the heat map"), err);
}

void lup_heatmap_end(lup_heat_build *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nroles; i++) {
		free(b->roles[i].name);
		free(b->roles[i].level);
		free(b->roles[i].seqs);
	}
	for (size_t i = 0; i < b->nrows; i++) {
		tdelete(b->rows[i], &b->tree, cmp_row_label);
		free(b->rows[i]->label);
		free(b->rows[i]);
	}
	for (int i = 0; i < b->nnext; i++) {
		free(b->next[i].role);
		free(b->next[i].label);
	}
	free(b->roles); free(b->own); free(b->comps); free(b->col); free(b->slot); free(b->touched);
	free(b->rows); free(b->pairs); free(b->below); free(b->total); free(b->sum); free(b->prow);
	free(b);
}

int lup_heatmap_begin(lup_db *db, const struct lup_heat_query *q, struct lup_heatmap *out,
                      lup_heat_build **bp, lup_err *err)
{
	lup_heat_build *b;

	*bp = NULL;
	memset(out, 0, sizeof *out);
	if (!(b = calloc(1, sizeof *b)))
		return lup_err_oom(err);
	b->db = db;
	b->out = out;
	b->by = q->by;
	b->source = (int)q->source;
	b->more = 1;
	snprintf(b->fwid, sizeof b->fwid, "%s", q->framework_id ? q->framework_id : "");
	snprintf(b->cohort, sizeof b->cohort, "%s", q->cohort_id ? q->cohort_id : "");
	if (hm_setup(b, err) < 0) {
		lup_heatmap_end(b);
		lup_heatmap_clear(out);
		return -1;
	}
	*bp = b;
	return 0;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int lup_heatmap_step(lup_heat_build *b, int ms, double *progress, lup_err *err)
{
	double until = now_ms() + ms;

	if (b->done)
		return 1;
	for (;;) {
		if (b->at == b->nnext) {
			if (!b->more)
				break;
			if (hm_chunk(b, err) < 0)
				goto fail;
			if (!b->nnext)
				break;
		}
		if (hm_person(b, &b->next[b->at], err) < 0)
			goto fail;
		b->at++;
		if (ms >= 0 && now_ms() >= until) {
			if (progress) {
				/* ids are random: how far the pass is through them */
				char hex[9];
				snprintf(hex, sizeof hex, "%.8s", b->next[b->at - 1].pid);
				*progress = (double)strtoul(hex, NULL, 16) / 4294967296.0;
			}
			return 0;
		}
	}
	if (hm_finish(b, err) < 0)
		goto fail;
	b->done = 1;
	if (progress)
		*progress = 1;
	return 1;
fail:
	lup_heatmap_clear(b->out);
	return -1;
}

int lup_heatmap_build(lup_db *db, const struct lup_heat_query *q, struct lup_heatmap *out,
                      lup_err *err)
{
	lup_heat_build *b;
	int rc;
	if (lup_heatmap_begin(db, q, out, &b, err) < 0)
		return -1;
	rc = lup_heatmap_step(b, -1, NULL, err);
	lup_heatmap_end(b);
	return rc < 0 ? -1 : 0;
}

void lup_heatmap_clear(struct lup_heatmap *h)
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

/* What the heat map reads, watched: temporary triggers (this connection
 * only, never stored in the file) count this connection's changes to
 * people (role, unit, active), enrolments, cohort names, final check-ins
 * and their ratings, targets and frameworks.  Attendance, sessions,
 * placements and a draft's ratings leave the map as it is. */
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
