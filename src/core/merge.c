/* merge.c — the three-way column merge (see lup/merge.h). */
#include <string.h>
#include "lup/merge.h"

lup_val lup_val_text(const char *s)
{
	lup_val v = { 0 };
	if (!s) {
		v.type = LUP_VAL_NULL;
		return v;
	}
	v.type = LUP_VAL_TEXT;
	v.p = s;
	v.n = strlen(s);
	return v;
}

lup_val lup_val_int(long long i)
{
	lup_val v = { 0 };
	v.type = LUP_VAL_INT;
	v.i = i;
	return v;
}

lup_val lup_val_null(void)
{
	lup_val v = { 0 };
	v.type = LUP_VAL_NULL;
	return v;
}

static int numeric(const lup_val *v, double *out)
{
	if (v->type == LUP_VAL_INT) {
		*out = (double)v->i;
		return 1;
	}
	if (v->type == LUP_VAL_REAL) {
		*out = v->r;
		return 1;
	}
	return 0;
}

int lup_val_equal(const lup_val *a, const lup_val *b)
{
	double x, y;

	if (a->type == LUP_VAL_INT && b->type == LUP_VAL_INT)
		return a->i == b->i;
	if (numeric(a, &x) && numeric(b, &y))
		return x == y;
	if (a->type != b->type)
		return 0;
	switch (a->type) {
	case LUP_VAL_UNDEF:
	case LUP_VAL_NULL:
		return 1;
	case LUP_VAL_TEXT:
	case LUP_VAL_BLOB:
		return a->n == b->n && (a->n == 0 || memcmp(a->p, b->p, a->n) == 0);
	default:
		return 0;
	}
}

/* mine unchanged: undefined (not part of the change) or equal to base. */
static int unchanged(const lup_val *base, const lup_val *v)
{
	return v->type == LUP_VAL_UNDEF || lup_val_equal(base, v);
}

int lup_merge3(size_t n, const lup_val *base, const lup_val *mine,
               const lup_val *theirs, lup_val *out, enum lup_merge_how *how)
{
	int conflicts = 0;

	if (!base) {
		/* Both made the row: every difference is a conflict. */
		for (size_t i = 0; i < n; i++) {
			const lup_val *m = &mine[i], *t = theirs ? &theirs[i] : m;
			enum lup_merge_how h;
			if (m->type == LUP_VAL_UNDEF || t->type == LUP_VAL_UNDEF)
				h = m->type == LUP_VAL_UNDEF ? LUP_MERGE_THEIRS : LUP_MERGE_MINE;
			else if (lup_val_equal(m, t))
				h = LUP_MERGE_BOTH;
			else
				h = LUP_MERGE_CONFLICT, conflicts++;
			if (out)
				out[i] = h == LUP_MERGE_MINE ? *m : *t;
			if (how)
				how[i] = h;
		}
		return theirs ? conflicts : -1;
	}
	for (size_t i = 0; i < n; i++) {
		/* A deleted row (theirs NULL) merges against base: only mine's
		 * changes remain, should the caller save it as new. */
		const lup_val *t = theirs ? &theirs[i] : &base[i];
		const lup_val *m = &mine[i];
		int m_same = unchanged(&base[i], m);
		int t_same = t->type == LUP_VAL_UNDEF || base[i].type == LUP_VAL_UNDEF ||
		             lup_val_equal(&base[i], t);
		enum lup_merge_how h;
		const lup_val *pick;

		if (t->type == LUP_VAL_UNDEF)
			t = &base[i];
		if (m_same && t_same) {
			h = LUP_MERGE_SAME;
			pick = m->type == LUP_VAL_UNDEF ? t : m;
			if (pick->type == LUP_VAL_UNDEF)
				pick = &base[i];
		} else if (t_same) {
			h = LUP_MERGE_MINE;
			pick = m;
		} else if (m_same) {
			h = LUP_MERGE_THEIRS;
			pick = t;
		} else if (lup_val_equal(m, t)) {
			h = LUP_MERGE_BOTH;
			pick = t;
		} else {
			h = LUP_MERGE_CONFLICT;
			pick = t;
			conflicts++;
		}
		if (out)
			out[i] = *pick;
		if (how)
			how[i] = h;
	}
	return theirs ? conflicts : -1;
}

int lup_merge_changed(size_t n, const lup_val *base, const lup_val *mine)
{
	for (size_t i = 0; i < n; i++)
		if (!unchanged(&base[i], &mine[i]))
			return 1;
	return 0;
}

int lup_merge3_text(size_t n, const char *const *base, const char *const *mine,
                    const char *const *theirs, const char **out,
                    enum lup_merge_how *how)
{
	enum { CHUNK = 32 };
	int conflicts = 0, deleted = 0;

	/* In chunks, so any number of columns needs no allocation. */
	for (size_t off = 0; off < n; off += CHUNK) {
		lup_val b[CHUNK], m[CHUNK], t[CHUNK], o[CHUNK];
		size_t k = n - off < CHUNK ? n - off : CHUNK;
		int rc;

		for (size_t i = 0; i < k; i++) {
			b[i] = lup_val_text(base[off + i]);
			m[i] = lup_val_text(mine[off + i]);
			if (theirs)
				t[i] = lup_val_text(theirs[off + i]);
		}
		rc = lup_merge3(k, b, m, theirs ? t : NULL, o, how ? how + off : NULL);
		if (rc < 0)
			deleted = 1;
		else
			conflicts += rc;
		if (out)
			for (size_t i = 0; i < k; i++) {
				/* Point back at the caller's strings. */
				if (o[i].type == LUP_VAL_NULL)
					out[off + i] = NULL;
				else if (o[i].p == (const void *)mine[off + i])
					out[off + i] = mine[off + i];
				else if (theirs && o[i].p == (const void *)theirs[off + i])
					out[off + i] = theirs[off + i];
				else
					out[off + i] = base[off + i];
			}
	}
	return deleted ? -1 : conflicts;
}
