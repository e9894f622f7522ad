/* merge_row.c — saving an edit: the row as a screen loaded it, the edit
 * and the row as it is stored now, merged by lup_merge3 (see lup/merge.h
 * and struct lup_table in internal.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/internal.h"
#include "lup/lineedit.h"

/* ---- The report ---- */

void lup_merge_report_init(struct lup_merge_report *r)
{
	memset(r, 0, sizeof *r);
}

static void col_free(struct lup_merge_col *c)
{
	free(c->theirs);
	free(c->theirs_shown);
	free(c->mine_shown);
	memset(c, 0, sizeof *c);
}

void lup_merge_report_clear(struct lup_merge_report *r)
{
	for (int i = 0; i < r->n; i++)
		col_free(&r->col[i]);
	memset(r, 0, sizeof *r);
}

static int undecided(const struct lup_merge_col *c)
{
	return c->how == LUP_MERGE_CONFLICT && c->resolve == LUP_ASK;
}

int lup_merge_resolve(struct lup_merge_report *r, const char *field, enum lup_resolve how)
{
	int found = -1;
	r->conflicts = 0;
	for (int i = 0; i < r->n; i++) {
		struct lup_merge_col *c = &r->col[i];
		if (c->how == LUP_MERGE_CONFLICT && strcmp(c->field, field) == 0) {
			c->resolve = how;
			found = 0;
		}
		r->conflicts += undecided(c);
	}
	return found;
}

const struct lup_merge_col *lup_merge_next_conflict(const struct lup_merge_report *r)
{
	for (int i = 0; i < r->n; i++)
		if (undecided(&r->col[i]))
			return &r->col[i];
	return NULL;
}

int lup_merge_fields(const struct lup_merge_report *r, enum lup_merge_how how, char *buf,
                     size_t n)
{
	size_t used = 0;
	int count = 0;
	if (n)
		buf[0] = '\0';
	for (int i = 0; i < r->n; i++) {
		int w;
		if (r->col[i].how != how)
			continue;
		w = snprintf(buf + used, n > used ? n - used : 0, "%s%s", count ? ", " : "",
		             _(r->col[i].label));
		if (w > 0 && used + (size_t)w < n)
			used += (size_t)w;
		count++;
	}
	return count;
}

/* A value for a question on one line: line breaks as spaces, at most
 * about 60 columns, "(empty)" for nothing. */
static void shorten(const char *s, char *out, size_t n)
{
	char flat[512];
	size_t i, fit;
	int used;
	if (!s || !*s) {
		snprintf(out, n, "%s", _("(empty)"));
		return;
	}
	for (i = 0; s[i] && i < sizeof flat - 1; i++)
		flat[i] = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];
	flat[i] = '\0';
	fit = lup_utf8_fit(flat, 60, &used);
	if (fit < strlen(flat) || s[i])
		snprintf(out, n, "%.*s…", (int)fit, flat);
	else
		snprintf(out, n, "%s", flat);
}

void lup_merge_question(const struct lup_merge_col *c, char *buf, size_t n)
{
	char th[512], mi[512];
	shorten(c->theirs_shown, th, sizeof th);
	shorten(c->mine_shown, mi, sizeof mi);
	snprintf(buf, n, _("Changed elsewhere since you opened it: %s is now %s (yours: %s)"),
	         _(c->label), th, mi);
}

/* ---- Columns as text ---- */

/* A trimmed copy; NULL for a blank one.  -1 when memory ran out. */
static int trimmed(const char *s, char **out)
{
	size_t a = 0, b;
	*out = NULL;
	if (!s)
		return 0;
	while (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r')
		a++;
	b = strlen(s + a);
	while (b > 0 && (s[a + b - 1] == ' ' || s[a + b - 1] == '\t' || s[a + b - 1] == '\n' ||
	                 s[a + b - 1] == '\r'))
		b--;
	if (b == 0)
		return 0;
	if (!(*out = strndup(s + a, b)))
		return -1;
	return 0;
}

static int col_text(const struct lup_col *c, const void *row, char **out)
{
	const char *p = (const char *)row + c->off;
	char buf[64];
	int oom = 0;
	*out = NULL;
	switch (c->kind) {
	case LUP_COL_STR:
		return trimmed(*(char *const *)(const void *)p, out);
	case LUP_COL_BUF:
		return trimmed(p, out);
	case LUP_COL_INT:
		snprintf(buf, sizeof buf, "%d", *(const int *)(const void *)p);
		break;
	case LUP_COL_LONG:
		snprintf(buf, sizeof buf, "%ld", *(const long *)(const void *)p);
		break;
	case LUP_COL_BOOL:
		snprintf(buf, sizeof buf, "%d", *(const int *)(const void *)p ? 1 : 0);
		break;
	case LUP_COL_REAL:
		snprintf(buf, sizeof buf, "%.9g", *(const double *)(const void *)p);
		break;
	case LUP_COL_FN:
		*out = c->text(row, &oom);
		return oom ? -1 : 0;
	}
	return (*out = strdup(buf)) ? 0 : -1;
}

/* Take column c of src into dst. */
static int col_copy(const struct lup_col *c, void *dst, const void *src)
{
	char *d = (char *)dst + c->off;
	const char *s = (const char *)src + c->off;
	switch (c->kind) {
	case LUP_COL_STR: {
		const char *from = *(char *const *)(const void *)s;
		char *copy = NULL;
		if (from && !(copy = strdup(from)))
			return -1;
		free(*(char **)(void *)d);
		*(char **)(void *)d = copy;
		return 0;
	}
	case LUP_COL_FN:
		return c->copy(dst, src);
	default:
		memcpy(d, s, c->kind == LUP_COL_BUF ? c->size
		              : c->kind == LUP_COL_LONG ? sizeof(long)
		              : c->kind == LUP_COL_REAL ? sizeof(double) : sizeof(int));
		return 0;
	}
}

/* What a person reads for a value (malloc'd; "" for none). */
static char *shown(lup_db *db, const struct lup_col *c, const char *value)
{
	char buf[512];
	if (!value)
		return strdup("");
	if (c->label_of)
		return strdup(c->label_of(value));
	if (c->show) {
		c->show(value, buf, sizeof buf);
		return strdup(buf);
	}
	if (c->kind == LUP_COL_BOOL)
		return strdup(strcmp(value, "0") == 0 ? _("No") : _("Yes"));
	if (c->ref_sql) {
		sqlite3_stmt *st = lup_stmt(db, c->ref_sql, NULL);
		char *name = NULL;
		if (st) {
			sqlite3_bind_text(st, 1, value, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(st) == SQLITE_ROW)
				name = lup_col_dup(st, 0);
			lup_done(st);
		}
		if (name)
			return name;
	}
	return strdup(value);
}

/* ---- The merge ---- */

/* Merge n columns given as text.  how[i] tells the caller what to take:
 * LUP_MERGE_MINE the edit's value, LUP_MERGE_THEIRS or LUP_MERGE_BOTH the
 * stored one, LUP_MERGE_SAME either.  mr is filled afresh, keeping the
 * answers it held for conflicts whose stored value is still the same.
 * Returns the number of conflicts left to decide (err says so), or -1. */
static int merge_texts(lup_db *db, const struct lup_col *cols, size_t n, char **b, char **m,
                       char **t, enum lup_merge_how *how, struct lup_merge_report *mr,
                       lup_err *err)
{
	struct { char field[32]; char *theirs; enum lup_resolve resolve; } prev[LUP_MERGE_MAX];
	int np = 0, left = 0, rc = 0;

	if (n > LUP_MERGE_MAX)
		return lup_err_set(err, LUP_EFAIL, "merge: %zu columns", n);
	for (int i = 0; i < mr->n; i++) {
		struct lup_merge_col *c = &mr->col[i];
		if (c->how == LUP_MERGE_CONFLICT && c->resolve != LUP_ASK) {
			memcpy(prev[np].field, c->field, sizeof prev[np].field);
			prev[np].theirs = c->theirs;
			prev[np].resolve = c->resolve;
			c->theirs = NULL;
			np++;
		}
	}
	lup_merge_report_clear(mr);
	lup_merge3_text(n, (const char *const *)b, (const char *const *)m, (const char *const *)t,
	                NULL, how);
	for (size_t i = 0; i < n; i++) {
		struct lup_merge_col *c;
		if (how[i] == LUP_MERGE_SAME || how[i] == LUP_MERGE_MINE)
			continue;
		c = &mr->col[mr->n++];
		snprintf(c->field, sizeof c->field, "%s", cols[i].field);
		c->label = cols[i].label;
		c->how = how[i];
		if ((t[i] && !(c->theirs = strdup(t[i]))) || !(c->theirs_shown = shown(db, &cols[i], t[i])) ||
		    !(c->mine_shown = shown(db, &cols[i], m[i]))) {
			rc = lup_err_oom(err);
			break;
		}
		if (how[i] != LUP_MERGE_CONFLICT)
			continue;
		for (int k = 0; k < np; k++)
			if (strcmp(prev[k].field, c->field) == 0 &&
			    ((!prev[k].theirs && !t[i]) ||
			     (prev[k].theirs && t[i] && strcmp(prev[k].theirs, t[i]) == 0)))
				c->resolve = prev[k].resolve;
		if (c->resolve == LUP_KEEP_MINE)
			how[i] = LUP_MERGE_MINE;
		else if (c->resolve == LUP_TAKE_THEIRS)
			how[i] = LUP_MERGE_THEIRS;
		else
			left++;
	}
	for (int k = 0; k < np; k++)
		free(prev[k].theirs);
	if (rc < 0)
		return -1;
	mr->conflicts = left;
	if (left) {
		char q[sizeof err->msg];
		const struct lup_merge_col *c = lup_merge_next_conflict(mr);
		lup_merge_question(c, q, sizeof q);
		lup_err_set(err, LUP_ECHANGED, "%s", q);
		if (err)
			snprintf(err->field, sizeof err->field, "%s", c->field);
	}
	return left;
}

int lup_merge_gone(struct lup_merge_report *mr, lup_err *err, const char *fmt, ...)
{
	if (mr) {
		lup_merge_report_clear(mr);
		mr->deleted = 1;
	}
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		err->code = LUP_EGONE;
		err->field[0] = '\0';
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static void free_texts(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
}

int lup_merge_stored(lup_db *db, const struct lup_table *t, const char *id, const void *seen,
                     void *mine, struct lup_merge_report *mr, lup_err *err)
{
	struct lup_merge_report local;
	char *b[LUP_MERGE_MAX] = { 0 }, *m[LUP_MERGE_MAX] = { 0 }, *th[LUP_MERGE_MAX] = { 0 };
	enum lup_merge_how how[LUP_MERGE_MAX];
	void *now;
	int rc = -1, got = 0;

	if (!mr) {
		lup_merge_report_init(&local);
		mr = &local;
	}
	if (t->ncols > LUP_MERGE_MAX)
		return lup_err_set(err, LUP_EFAIL, "merge: %zu columns", t->ncols);
	if (!(now = calloc(1, t->size)))
		return lup_err_oom(err);
	if (t->get(db, id, now, err) < 0) {
		if (err && err->code == LUP_ENOTFOUND) {
			lup_merge_report_clear(mr);
			mr->deleted = 1;
			t->gone(db, seen, err);
		}
		goto out;
	}
	got = 1;
	for (size_t i = 0; i < t->ncols; i++)
		if (col_text(&t->cols[i], seen, &b[i]) < 0 || col_text(&t->cols[i], mine, &m[i]) < 0 ||
		    col_text(&t->cols[i], now, &th[i]) < 0) {
			lup_err_oom(err);
			goto out;
		}
	if (merge_texts(db, t->cols, t->ncols, b, m, th, how, mr, err) != 0)
		goto out;
	for (size_t i = 0; i < t->ncols; i++)
		if ((how[i] == LUP_MERGE_THEIRS || how[i] == LUP_MERGE_BOTH) &&
		    col_copy(&t->cols[i], mine, now) < 0) {
			lup_err_oom(err);
			goto out;
		}
	rc = 0;
out:
	free_texts(b, t->ncols);
	free_texts(m, t->ncols);
	free_texts(th, t->ncols);
	if (got)
		t->clear(now);
	free(now);
	if (mr == &local)
		lup_merge_report_clear(&local);
	return rc;
}

int lup_merge_value(lup_db *db, const struct lup_col *col, const char *seen, const char *mine,
                    const char *stored, int *stored_wins, struct lup_merge_report *mr,
                    lup_err *err)
{
	struct lup_merge_report local;
	char *v[3] = { NULL, NULL, NULL };
	enum lup_merge_how how;
	int rc = -1;

	*stored_wins = 1;
	if (!mr) {
		lup_merge_report_init(&local);
		mr = &local;
	}
	if (trimmed(seen, &v[0]) < 0 || trimmed(mine, &v[1]) < 0 || trimmed(stored, &v[2]) < 0) {
		lup_err_oom(err);
		goto out;
	}
	if (merge_texts(db, col, 1, &v[0], &v[1], &v[2], &how, mr, err) != 0)
		goto out;
	*stored_wins = how != LUP_MERGE_MINE;
	rc = 0;
out:
	free_texts(v, 3);
	if (mr == &local)
		lup_merge_report_clear(&local);
	return rc;
}
