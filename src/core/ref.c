/* ref.c — references found by name (ref.h). */
#include <stdlib.h>
#include <string.h>
#include "core/internal.h"
#include "lup/i18n.h"
#include "lup/match.h"
#include "lup/ref.h"

#define SHOWN 5

/* id, name, what else tells rows apart, rank; best first.  ?1 is the
 * folded reference. */
static const char *const sql[] = {
	[LUP_REF_PERSON] =
		"SELECT id, name, coalesce(email, employee_no, ''), lup_match(name, ?1) AS r FROM person "
		"WHERE instr(search, ?1) > 0 AND r < 5 ORDER BY r, sort_name, id",
	[LUP_REF_COHORT] =
		"SELECT id, name, coalesce(start_date, ''), lup_match(name, ?1) AS r FROM cohort "
		"WHERE r < 5 ORDER BY r, lup_sortkey(name), id",
	[LUP_REF_HOST] =
		"SELECT id, name, coalesce(city, ''), lup_match(name, ?1) AS r FROM host_org "
		"WHERE r < 5 ORDER BY r, sort_name, id",
	[LUP_REF_FRAMEWORK] =
		"SELECT f.id, f.name, f.ident || '@' || f.revision, "
		"min(lup_match(f.name, ?1), lup_match(f.ident, ?1), lup_match(coalesce(f.name_sv, ''), ?1)) AS r "
		"FROM framework f WHERE f.revision = (SELECT max(revision) FROM framework g WHERE g.ident = f.ident) "
		"AND r < 5 ORDER BY r, f.ident",
};

struct cand {
	char id[LUP_UUID_LEN + 1];
	char name[120], extra[120];
	int rank;
};

static const char *many_text(enum lup_ref_kind kind)
{
	switch (kind) {
	case LUP_REF_PERSON: return _("more than one person matches '%s':");
	case LUP_REF_COHORT: return _("more than one cohort matches '%s':");
	case LUP_REF_HOST: return _("more than one host organisation matches '%s':");
	default: return _("more than one framework matches '%s':");
	}
}

static const char *none_text(enum lup_ref_kind kind)
{
	switch (kind) {
	case LUP_REF_PERSON: return _("no person matches '%s'");
	case LUP_REF_COHORT: return _("no cohort matches '%s'");
	case LUP_REF_HOST: return _("no host organisation matches '%s'");
	default: return _("no framework matches '%s'");
	}
}

const char *lup_ref_help(enum lup_ref_kind kind)
{
	switch (kind) {
	case LUP_REF_PERSON:
		return _("a REF is a person's name (any case, with or without accents), the unique start "
		         "of one, an e-mail address, an employee number or 6 or more characters of an id");
	case LUP_REF_COHORT:
		return _("a REF is a cohort's name (any case, with or without accents), the unique start "
		         "of one or 6 or more characters of its id");
	case LUP_REF_HOST:
		return _("a REF is a host organisation's name (any case, with or without accents), the "
		         "unique start of one or 6 or more characters of its id");
	default:
		return _("a REF is a framework's id (digcomp), ID@REVISION, its name (any case, with or "
		         "without accents), the unique start of one or 6 or more characters of an id");
	}
}

/* The message: first line, then the candidates of cands[from…to). */
static int listing(lup_err *err, enum lup_errcode code, const char *first, const struct cand *c,
                   int from, int to)
{
	lup_buf b = { 0 };
	int shown = 0;
	lup_buf_puts(&b, first);
	for (int i = from; i < to && shown < SHOWN; i++, shown++) {
		lup_buf_printf(&b, "\n  %s", c[i].name);
		if (c[i].extra[0])
			lup_buf_printf(&b, "  %s", c[i].extra);
		lup_buf_printf(&b, "  (%.8s)", c[i].id);
	}
	if (to - from > SHOWN)
		lup_buf_printf(&b, _("\n  and %d more"), to - from - SHOWN);
	if (!b.s) {
		lup_buf_clear(&b);
		return lup_err_oom(err);
	}
	lup_err_set(err, code, "%s", b.s);
	lup_buf_clear(&b);
	return -1;
}

int lup_ref_find(lup_db *db, enum lup_ref_kind kind, const char *ref, char id[LUP_UUID_LEN + 1],
                 lup_err *err)
{
	static const char *const table[] = {
		[LUP_REF_PERSON] = "person", [LUP_REF_COHORT] = "cohort",
		[LUP_REF_HOST] = "host_org", [LUP_REF_FRAMEWORK] = "framework",
	};
	struct cand *c = NULL;
	size_t n = 0, cap = 0;
	char *want, first[600];
	sqlite3_stmt *st;
	lup_err e2;
	int rc, best, same = 0, ret;

	if ((unsigned)kind > LUP_REF_FRAMEWORK || lup_blank(ref))
		return lup_err_set(err, LUP_EINVAL, "%s", lup_ref_help(kind));
	if (!(want = lup_fold(ref)))
		return lup_err_oom(err);
	lup_trim(want);
	if (!(st = lup_stmt(db, sql[kind], err))) {
		free(want);
		return -1;
	}
	sqlite3_bind_text(st, 1, want, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("looking up"), err)) == SQLITE_ROW) {
		struct cand *x = LUP_PUSH(c, n, cap);
		if (!x) {
			lup_done(st);
			free(want);
			free(c);
			return lup_err_oom(err);
		}
		lup_col_copy(st, 0, x->id, sizeof x->id);
		lup_col_copy(st, 1, x->name, sizeof x->name);
		lup_col_copy(st, 2, x->extra, sizeof x->extra);
		x->rank = sqlite3_column_int(st, 3);
	}
	free(want);
	if (rc < 0) {
		free(c);
		return -1;
	}
	lup_done(st);
	best = n ? c[0].rank : LUP_MATCH_NONE;
	while ((size_t)same < n && c[same].rank == best)
		same++;
	snprintf(first, sizeof first, many_text(kind), ref);
	/* the whole name, then an id, then the start of a name */
	if (best == LUP_MATCH_EXACT && same == 1) {
		memcpy(id, c[0].id, LUP_UUID_LEN + 1);
		free(c);
		return 0;
	}
	if (best == LUP_MATCH_EXACT) {
		ret = listing(err, LUP_EAMBIG, first, c, 0, same);
		free(c);
		return ret;
	}
	lup_err_clear(&e2);
	if (strlen(ref) >= 6 && lup_resolve_id(db, table[kind], ref, id, &e2) == 0) {
		free(c);
		return 0;
	}
	if (e2.code == LUP_EAMBIG || e2.code == LUP_EFAIL || e2.code == LUP_EBUSY) {
		free(c);
		if (err)
			*err = e2;
		return -1;
	}
	if (best == LUP_MATCH_PREFIX && same == 1) {
		memcpy(id, c[0].id, LUP_UUID_LEN + 1);
		free(c);
		return 0;
	}
	if (best == LUP_MATCH_PREFIX) {
		ret = listing(err, LUP_EAMBIG, first, c, 0, same);
		free(c);
		return ret;
	}
	snprintf(first, sizeof first, none_text(kind), ref);
	if (n)
		lup_copy_cut(first + strlen(first), sizeof first - strlen(first), _("; names that hold it:"));
	ret = listing(err, LUP_ENOTFOUND, first, c, 0, (int)n);
	free(c);
	return ret;
}
