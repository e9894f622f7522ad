/* fw_diff.c — what changed from one framework to another: its own keys,
 * level names, areas, competences (by identity, so that a rename and a
 * replacement tell apart) and role targets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/fw_int.h"
#include "core/internal.h"
#include "lup/framework.h"

void lup_fw_diff_clear(struct lup_fw_diff *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->c[i].before);
		free(d->c[i].after);
	}
	free(d->c);
	memset(d, 0, sizeof *d);
}

int lup_fw_add_change(struct lup_fw_diff *d, enum lup_fw_change_kind kind, const char *code,
                      const char *old_code, const char *role, const char *field, const char *before,
                      const char *after)
{
	struct lup_fw_change *c = LUP_PUSH(d->c, d->n, d->cap);
	if (!c)
		return -1;
	c->kind = kind;
	snprintf(c->code, sizeof c->code, "%s", code ? code : "");
	snprintf(c->old_code, sizeof c->old_code, "%s", old_code ? old_code : "");
	snprintf(c->role, sizeof c->role, "%s", role ? role : "");
	snprintf(c->field, sizeof c->field, "%s", field ? field : "");
	if ((before && !(c->before = strdup(before))) || (after && !(c->after = strdup(after))))
		return -1;
	return 0;
}

static int same(const char *a, const char *b)
{
	return (!a || !*a) ? (!b || !*b) : (b && strcmp(a, b) == 0);
}

/* A text key that changed: a change of kind with field. */
static int text_change(struct lup_fw_diff *d, enum lup_fw_change_kind kind, const char *code,
                       const char *field, const char *a, const char *b)
{
	if (same(a, b))
		return 0;
	return lup_fw_add_change(d, kind, code, NULL, NULL, field, a && *a ? a : NULL, b && *b ? b : NULL);
}

struct by_identity {
	const char *identity;
	size_t i;
};

static int cmp_identity(const void *x, const void *y)
{
	return strcmp(((const struct by_identity *)x)->identity, ((const struct by_identity *)y)->identity);
}

static struct by_identity *identities(const struct lup_framework *fw)
{
	struct by_identity *v = calloc(fw->ncomps + 1, sizeof *v);
	if (!v)
		return NULL;
	for (size_t i = 0; i < fw->ncomps; i++) {
		v[i].identity = fw->comps[i].identity;
		v[i].i = i;
	}
	qsort(v, fw->ncomps, sizeof *v, cmp_identity);
	return v;
}

static const struct lup_fw_competence *find_identity(const struct lup_framework *fw,
                                                     const struct by_identity *v, const char *identity)
{
	struct by_identity key = { identity, 0 };
	const struct by_identity *hit = bsearch(&key, v, fw->ncomps, sizeof *v, cmp_identity);
	return hit ? &fw->comps[hit->i] : NULL;
}

static const char *range(const struct lup_fw_competence *c, char buf[32])
{
	snprintf(buf, 32, "%d-%d", c->level_min, c->level_max);
	return buf;
}

static int comps(const struct lup_framework *a, const struct lup_framework *b,
                 const struct by_identity *ia, const struct by_identity *ib, struct lup_fw_diff *d)
{
	char r1[32], r2[32];
	for (size_t i = 0; i < b->ncomps; i++) {
		const struct lup_fw_competence *c = &b->comps[i];
		const struct lup_fw_competence *o = a ? find_identity(a, ia, c->identity) : NULL;
		if (!o) {
			const struct lup_fw_competence *old = NULL;
			if (a && c->replaces)
				old = lup_fw_competence_get(a, c->replaces);
			if (!old && a)
				old = lup_fw_competence_get(a, c->code);
			if (old && find_identity(b, ib, old->identity))
				old = NULL;   /* still there: not replaced */
			if (lup_fw_add_change(d, old ? LUP_FW_REPLACED : LUP_FW_ADDED, c->code, old ? old->code : NULL,
			                      NULL, NULL, old ? old->name : NULL, c->name) < 0)
				return -1;
			continue;
		}
		if (strcmp(o->code, c->code) != 0 || !same(o->name, c->name) || !same(o->name_sv, c->name_sv)) {
			int en = !same(o->name, c->name) || same(o->name_sv, c->name_sv);
			if (lup_fw_add_change(d, LUP_FW_RENAMED, c->code, strcmp(o->code, c->code) ? o->code : NULL,
			                      NULL, en ? "name" : "name_sv", en ? o->name : o->name_sv,
			                      en ? c->name : c->name_sv) < 0)
				return -1;
		}
		if (o->retired != c->retired &&
		    lup_fw_add_change(d, c->retired ? LUP_FW_RETIRED : LUP_FW_RESTORED, c->code, NULL, NULL, NULL,
		                      NULL, c->name) < 0)
			return -1;
		if (text_change(d, LUP_FW_CHANGED, c->code, "area", o->area, c->area) < 0 ||
		    text_change(d, LUP_FW_CHANGED, c->code, "levels", range(o, r1), range(c, r2)) < 0 ||
		    text_change(d, LUP_FW_CHANGED, c->code, "description", o->description, c->description) < 0 ||
		    text_change(d, LUP_FW_CHANGED, c->code, "description_sv", o->description_sv, c->description_sv) < 0)
			return -1;
	}
	for (size_t i = 0; a && i < a->ncomps; i++) {
		const struct lup_fw_competence *o = &a->comps[i];
		int replaced = 0;
		if (find_identity(b, ib, o->identity))
			continue;
		for (size_t k = 0; k < d->n && !replaced; k++)
			replaced = d->c[k].kind == LUP_FW_REPLACED && strcasecmp(d->c[k].old_code, o->code) == 0;
		if (!replaced && lup_fw_add_change(d, LUP_FW_REMOVED, o->code, NULL, NULL, NULL, o->name, NULL) < 0)
			return -1;
	}
	return 0;
}

/* A role target keyed by the role's sort key and its competence's
 * identity, for a merge of the two sides. */
struct tkey {
	char *key;                 /* sortkey(role) \x1f identity */
	const struct lup_fw_target *t;
	const struct lup_fw_competence *c;
};

static int cmp_tkey(const void *x, const void *y)
{
	return strcmp(((const struct tkey *)x)->key, ((const struct tkey *)y)->key);
}

static struct tkey *tkeys(const struct lup_framework *fw, size_t *n)
{
	struct tkey *v = calloc(fw->ntargets + 1, sizeof *v);
	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < fw->ntargets; i++) {
		const struct lup_fw_target *t = &fw->targets[i];
		const struct lup_fw_competence *c = lup_fw_competence_get(fw, t->code);
		char *role = lup_sortkey(t->role);
		size_t len;
		if (!role)
			goto nomem;
		if (!c) {
			free(role);
			continue;
		}
		lup_trim(role);
		len = strlen(role) + strlen(c->identity) + 2;
		if (!(v[*n].key = malloc(len))) {
			free(role);
			goto nomem;
		}
		snprintf(v[*n].key, len, "%s\x1f%s", role, c->identity);
		free(role);
		v[*n].t = t;
		v[*n].c = c;
		(*n)++;
	}
	qsort(v, *n, sizeof *v, cmp_tkey);
	return v;
nomem:
	for (size_t i = 0; i < *n; i++)
		free(v[i].key);
	free(v);
	return NULL;
}

static int targets(const struct lup_framework *a, const struct lup_framework *b,
                   const struct by_identity *ib, struct lup_fw_diff *d)
{
	size_t na = 0, nb = 0, i = 0, j = 0;
	struct tkey *ta = a ? tkeys(a, &na) : calloc(1, sizeof *ta), *tb = tkeys(b, &nb);
	int rc = -1;
	char l1[16], l2[16];

	if (!ta || !tb)
		goto out;
	while (i < na || j < nb) {
		int c = i >= na ? 1 : j >= nb ? -1 : strcmp(ta[i].key, tb[j].key);
		if (c < 0) {
			/* a's only: its competence gone, or the target ended */
			const struct lup_fw_competence *now = find_identity(b, ib, ta[i].c->identity);
			snprintf(l1, sizeof l1, "%d", ta[i].t->level);
			if (lup_fw_add_change(d, now && !now->retired ? LUP_FW_TARGET : LUP_FW_TARGET_GONE,
			                      ta[i].c->code, NULL, ta[i].t->role, NULL, l1, NULL) < 0)
				goto out;
			i++;
		} else if (c > 0) {
			snprintf(l2, sizeof l2, "%d", tb[j].t->level);
			if (lup_fw_add_change(d, LUP_FW_TARGET, tb[j].c->code, NULL, tb[j].t->role, NULL, NULL, l2) < 0)
				goto out;
			j++;
		} else {
			if (ta[i].t->level != tb[j].t->level) {
				snprintf(l1, sizeof l1, "%d", ta[i].t->level);
				snprintf(l2, sizeof l2, "%d", tb[j].t->level);
				if (lup_fw_add_change(d, LUP_FW_TARGET, tb[j].c->code, NULL, tb[j].t->role, NULL, l1, l2) < 0)
					goto out;
			}
			i++;
			j++;
		}
	}
	rc = 0;
out:
	for (size_t k = 0; ta && k < na; k++)
		free(ta[k].key);
	for (size_t k = 0; tb && k < nb; k++)
		free(tb[k].key);
	free(ta);
	free(tb);
	return rc;
}

int lup_framework_diff(const struct lup_framework *a, const struct lup_framework *b,
                       struct lup_fw_diff *d, lup_err *err)
{
	struct by_identity *ia = NULL, *ib = NULL;
	int rc = -1;

	memset(d, 0, sizeof *d);
	if (a) {
		if (text_change(d, LUP_FW_META, NULL, "name", a->name, b->name) < 0 ||
		    text_change(d, LUP_FW_META, NULL, "name_sv", a->name_sv, b->name_sv) < 0 ||
		    text_change(d, LUP_FW_META, NULL, "version", a->version, b->version) < 0 ||
		    text_change(d, LUP_FW_META, NULL, "description", a->description, b->description) < 0 ||
		    text_change(d, LUP_FW_META, NULL, "extends", a->extends, b->extends) < 0)
			goto nomem;
		for (size_t i = 0; i < b->nlevels; i++) {
			const struct lup_fw_level *l = &b->levels[i], *o = lup_fw_level_get(a, l->value);
			char num[16];
			snprintf(num, sizeof num, "%d", l->value);
			if (!o) {
				if (lup_fw_add_change(d, LUP_FW_LEVEL, num, NULL, NULL, "name", NULL, l->name) < 0)
					goto nomem;
				continue;
			}
			if (text_change(d, LUP_FW_LEVEL, num, "name", o->name, l->name) < 0 ||
			    text_change(d, LUP_FW_LEVEL, num, "name_sv", o->name_sv, l->name_sv) < 0 ||
			    text_change(d, LUP_FW_LEVEL, num, "band", o->band, l->band) < 0 ||
			    text_change(d, LUP_FW_LEVEL, num, "band_sv", o->band_sv, l->band_sv) < 0)
				goto nomem;
		}
		for (size_t i = 0; i < b->nareas; i++) {
			const struct lup_fw_area *ar = &b->areas[i], *o = lup_fw_area_get(a, ar->code);
			if (!o) {
				if (lup_fw_add_change(d, LUP_FW_AREA, ar->code, NULL, NULL, NULL, NULL, ar->name) < 0)
					goto nomem;
			} else if (text_change(d, LUP_FW_AREA, ar->code, "name", o->name, ar->name) < 0 ||
			           text_change(d, LUP_FW_AREA, ar->code, "name_sv", o->name_sv, ar->name_sv) < 0) {
				goto nomem;
			}
		}
		for (size_t i = 0; i < a->nareas; i++)
			if (!lup_fw_area_get(b, a->areas[i].code) &&
			    lup_fw_add_change(d, LUP_FW_AREA, a->areas[i].code, NULL, NULL, NULL, a->areas[i].name, NULL) < 0)
				goto nomem;
		if (!(ia = identities(a)))
			goto nomem;
	}
	if (!(ib = identities(b)) || comps(a, b, ia, ib, d) < 0 || targets(a, b, ib, d) < 0)
		goto nomem;
	rc = 0;
	goto out;
nomem:
	lup_err_oom(err);
	lup_fw_diff_clear(d);
out:
	free(ia);
	free(ib);
	return rc;
}

void lup_fw_change_text(const struct lup_fw_change *c, char *buf, size_t n)
{
	const char *b = c->before ? c->before : "", *a = c->after ? c->after : "";
	switch (c->kind) {
	case LUP_FW_META:
		snprintf(buf, n, _("framework %s: \"%s\" → \"%s\""), c->field, b, a);
		break;
	case LUP_FW_LEVEL:
		snprintf(buf, n, _("level %s %s: \"%s\" → \"%s\""), c->code, c->field, b, a);
		break;
	case LUP_FW_AREA:
		if (!c->before)
			snprintf(buf, n, _("area %s added: %s"), c->code, a);
		else if (!c->after)
			snprintf(buf, n, _("area %s removed: %s"), c->code, b);
		else
			snprintf(buf, n, _("area %s %s: \"%s\" → \"%s\""), c->code, c->field, b, a);
		break;
	case LUP_FW_ADDED:
		snprintf(buf, n, _("added %s \"%s\""), c->code, a);
		break;
	case LUP_FW_REMOVED:
		snprintf(buf, n, _("removed %s \"%s\" (its ratings stay with the revisions that had it)"), c->code, b);
		break;
	case LUP_FW_RETIRED:
		snprintf(buf, n, _("retired %s \"%s\""), c->code, a);
		break;
	case LUP_FW_RESTORED:
		snprintf(buf, n, _("in use again %s \"%s\""), c->code, a);
		break;
	case LUP_FW_RENAMED:
		if (c->old_code[0])
			snprintf(buf, n, _("renamed %s → %s: \"%s\" → \"%s\" (the same competence: ratings carry over)"),
			         c->old_code, c->code, b, a);
		else
			snprintf(buf, n, _("renamed %s: \"%s\" → \"%s\" (the same competence: ratings carry over)"),
			         c->code, b, a);
		break;
	case LUP_FW_REPLACED:
		if (strcmp(c->old_code, c->code) == 0)
			snprintf(buf, n, _("replaced %s: \"%s\" by \"%s\" (another competence: ratings do not carry over)"),
			         c->code, b, a);
		else
			snprintf(buf, n, _("replaced %s \"%s\" by %s \"%s\" (another competence: ratings do not carry over)"),
			         c->old_code, b, c->code, a);
		break;
	case LUP_FW_CHANGED:
		snprintf(buf, n, _("changed %s %s: \"%s\" → \"%s\""), c->code, c->field, b, a);
		break;
	case LUP_FW_TARGET:
		if (!c->before)
			snprintf(buf, n, _("target for %s, %s: %s (new)"), c->role, c->code, a);
		else if (!c->after)
			snprintf(buf, n, _("target for %s, %s: %s, removed"), c->role, c->code, b);
		else
			snprintf(buf, n, _("target for %s, %s: %s → %s"), c->role, c->code, b, a);
		break;
	case LUP_FW_TARGET_GONE:
		if (strcmp(c->field, "person") == 0)
			snprintf(buf, n, _("target ends for %s (their own), %s: %s; the competence is retired or gone"), c->role,
			         c->code, b);
		else
			snprintf(buf, n, _("target ends for %s, %s: %s; the competence is retired or gone"), c->role, c->code, b);
		break;
	case LUP_FW_ROLE_NOBODY:
		snprintf(buf, n, _("no one has the role \"%s\" (targets for it apply to nobody: a misspelling?)"),
		         c->role);
		break;
	}
}
