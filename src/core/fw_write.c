/* fw_write.c — a framework written out: as a framework file that
 * lup framework import reads back to the same content, and as a Moodle
 * competency framework CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/fw_int.h"
#include "core/internal.h"
#include "lup/export.h"
#include "lup/framework.h"

/* key = value, quoted when the parser would otherwise change it (spaces
 * at either end, a leading quote).  A NULL value is left out, or written
 * empty when empty is set (so that an extended framework's value is not
 * inherited back). */
static void kv(FILE *out, const char *key, const char *v, int empty)
{
	size_t n;
	if (!v || !*v) {
		if (empty)
			fprintf(out, "%s =\n", key);
		return;
	}
	n = strlen(v);
	if (v[0] == ' ' || v[0] == '\t' || v[0] == '"' || v[n - 1] == ' ' || v[n - 1] == '\t')
		fprintf(out, "%s = \"%s\"\n", key, v);
	else
		fprintf(out, "%s = %s\n", key, v);
}

int lup_framework_write_ini(const struct lup_framework *fw, FILE *out, lup_err *err)
{
	int ext = fw->extends && *fw->extends;
	const char *prev_role = NULL;

	fprintf(out, "; %s (%s): as lup stores it, to be read back with lup framework import.\n",
	        fw->name, fw->ident);
	fprintf(out, "; See lup-framework(5).\n\n[framework]\n");
	kv(out, "id", fw->ident, 0);
	kv(out, "name", fw->name, 0);
	kv(out, "name_sv", fw->name_sv, ext);
	kv(out, "version", fw->version, 0);
	kv(out, "description", fw->description, ext);
	kv(out, "extends", fw->extends, 0);
	fprintf(out, "level_min = %d\nlevel_max = %d\n", fw->level_min, fw->level_max);
	for (size_t i = 0; i < fw->nlevels; i++) {
		const struct lup_fw_level *l = &fw->levels[i];
		fprintf(out, "\n[level %d]\n", l->value);
		kv(out, "name", l->name, 0);
		kv(out, "name_sv", l->name_sv, ext);
		kv(out, "band", l->band, ext);
		kv(out, "band_sv", l->band_sv, ext);
	}
	for (size_t i = 0; i < fw->nareas; i++) {
		const struct lup_fw_area *a = &fw->areas[i];
		fprintf(out, "\n[area %s]\n", a->code);
		kv(out, "name", a->name, 0);
		kv(out, "name_sv", a->name_sv, ext);
		fprintf(out, "order = %zu\n", i + 1);
	}
	for (size_t i = 0; i < fw->ncomps; i++) {
		const struct lup_fw_competence *c = &fw->comps[i];
		fprintf(out, "\n[competence %s]\n", c->code);
		kv(out, "area", c->area, 0);
		kv(out, "name", c->name, 0);
		kv(out, "name_sv", c->name_sv, ext);
		kv(out, "description", c->description, ext);
		kv(out, "description_sv", c->description_sv, ext);
		if (c->level_min == c->level_max)
			fprintf(out, "levels = %d\n", c->level_min);
		else
			fprintf(out, "levels = %d-%d\n", c->level_min, c->level_max);
		if (c->retired || ext)
			fprintf(out, "retired = %s\n", c->retired ? "yes" : "no");
		kv(out, "renamed_from", c->renamed_from, 0);
		kv(out, "replaces", c->replaces, 0);
		fprintf(out, "order = %zu\n", i + 1);
	}
	for (size_t i = 0; i < fw->ntargets; i++) {
		const struct lup_fw_target *t = &fw->targets[i];
		if (t->role != prev_role) {
			fprintf(out, "\n[targets %s]\n", t->role);
			prev_role = t->role;
		}
		fprintf(out, "%s = %d\n", t->code, t->level);
	}
	if (ferror(out))
		return lup_err_set(err, LUP_EFAIL, _("cannot write the framework"));
	return 0;
}

/* ---- Moodle ---- */

static void row(FILE *out, const char *const f[14])
{
	for (int i = 0; i < 14; i++) {
		lup_csv_put(out, f[i], ',');
		fputs(i == 13 ? "\r\n" : ",", out);
	}
}

/* A scale item: Moodle separates them with commas, so a comma in a
 * level's name becomes a dash. */
static void item(lup_buf *b, const char *name)
{
	for (const char *p = name; *p; p++) {
		if (*p == ',') {
			lup_buf_puts(b, p[1] == ' ' ? " –" : " ");
			continue;
		}
		lup_buf_add(b, p, 1);
	}
}

/* The scale of levels lo..hi: its items, and its configuration (the
 * first level the default; those from the middle of the scale up
 * proficient). */
static void scale(const struct lup_framework *fw, int lo, int hi, lup_buf *items, lup_buf *config)
{
	int mid = lo + (hi - lo + 1) / 2;
	lup_buf_puts(config, "[{\"scaleid\":\"0\"}");
	for (int v = lo; v <= hi; v++) {
		const struct lup_fw_level *l = lup_fw_level_get(fw, v);
		char num[16];
		if (v > lo)
			lup_buf_puts(items, ",");
		if (l) {
			item(items, lup_fw_text(l->name, l->name_sv));
		} else {
			snprintf(num, sizeof num, "%d", v);
			lup_buf_puts(items, num);
		}
		lup_buf_printf(config, ",{\"id\":%d,\"scaledefault\":%d,\"proficient\":%d}", v - lo + 1,
		               v == lo, v >= mid);
	}
	lup_buf_puts(config, "]");
}

int lup_framework_write_moodle(const struct lup_framework *fw, FILE *out, lup_err *err)
{
	static const char *const head[14] = {
		"Parent ID number", "ID number", "Short name", "Description", "Description format",
		"Scale values", "Scale configuration", "Rule type (optional)", "Rule outcome (optional)",
		"Rule config (optional)", "Cross-referenced competency ID numbers", "Exported ID (optional)",
		"Is framework", "Taxonomy"
	};
	lup_buf items = { 0 }, config = { 0 };
	int prefix = 0, ok;

	/* An area whose code is also a competence's gets "area-" before it:
	 * ID numbers are one namespace in Moodle. */
	for (size_t i = 0; i < fw->nareas && !prefix; i++)
		prefix = lup_fw_competence_get(fw, fw->areas[i].code) != NULL;
	row(out, head);
	scale(fw, fw->level_min, fw->level_max, &items, &config);
	{
		const char *f[14] = { "", fw->ident, lup_fw_text(fw->name, fw->name_sv), fw->description, "2",
		                      items.s, config.s, "", "", "", "", "", "1", "domain,competency" };
		row(out, f);
	}
	for (size_t i = 0; i < fw->nareas; i++) {
		const struct lup_fw_area *a = &fw->areas[i];
		char id[LUP_FW_CODE_MAX + 8];
		const char *f[14] = { "", id, lup_fw_text(a->name, a->name_sv), "", "2", "", "", "", "0", "null",
		                      "", "", "", "" };
		snprintf(id, sizeof id, "%s%s", prefix ? "area-" : "", a->code);
		row(out, f);
		for (size_t k = 0; k < fw->ncomps; k++) {
			const struct lup_fw_competence *c = &fw->comps[k];
			lup_buf ci = { 0 }, cc = { 0 };
			if (c->retired || strcmp(c->area, a->code) != 0)
				continue;
			/* its own scale when it uses only some of the levels */
			if (c->level_min != fw->level_min || c->level_max != fw->level_max)
				scale(fw, c->level_min, c->level_max, &ci, &cc);
			{
				const char *g[14] = { id, c->code, lup_fw_text(c->name, c->name_sv),
				                      lup_fw_text(c->description, c->description_sv), "2",
				                      ci.s ? ci.s : "", cc.s ? cc.s : "", "", "0", "null", "", "", "", "" };
				row(out, g);
			}
			lup_buf_clear(&ci);
			lup_buf_clear(&cc);
		}
	}
	ok = !ferror(out);
	lup_buf_clear(&items);
	lup_buf_clear(&config);
	if (!ok)
		return lup_err_set(err, LUP_EFAIL, _("cannot write the framework"));
	return 0;
}
