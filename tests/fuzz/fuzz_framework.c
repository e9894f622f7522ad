/* fuzz_framework.c — libFuzzer harness for the framework file parser: any
 * bytes must give a framework or clean problems naming the file, never a
 * crash, a leak or a hang.  Files that extend "digcomp" are resolved
 * against a small built-in base, so inheritance is explored too.
 *
 * Also the path that finds every problem in one run: the parser going on
 * past problems and the resolver working on what it could read (values it
 * refused left out).  And a property: a resolved framework written out as
 * a file (lup framework export) parses and resolves back to the same
 * content hash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/fw_int.h"
#include "lup/framework.h"

static const char base_text[] =
	"[framework]\nid = digcomp\nname = Base\nversion = 1\nlevel_max = 8\n"
	"[level 1]\nname = One\nband = Low\n"
	"[area 1]\nname = Info\n[area 2]\nname = Comm\n"
	"[competence 1.1]\narea = 1\nname = Browse\n"
	"[competence 1.2]\narea = 1\nname = Evaluate\nlevels = 4-5\nrenamed_from = 1.9\n"
	"[competence 2.1]\narea = 2\nname = Interact\nlevels = 3\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A resolved framework is whole: levels cover the scale, every competence
 * has a known area and a range inside the scale, every target a
 * competence. */
static void check_whole(const struct lup_framework *fw)
{
	if (fw->nlevels != (size_t)(fw->level_max - fw->level_min + 1) || strlen(fw->hash) != 64)
		abort();
	for (size_t i = 0; i < fw->ncomps; i++) {
		const struct lup_fw_competence *c = &fw->comps[i];
		if (!lup_fw_area_get(fw, c->area) || c->level_min < fw->level_min ||
		    c->level_max > fw->level_max || c->level_min > c->level_max ||
		    lup_fw_competence_get(fw, c->code) != c)
			abort();
	}
	for (size_t i = 0; i < fw->ntargets; i++)
		if (!lup_fw_competence_get(fw, fw->targets[i].code))
			abort();
}

/* Written out and read back: the same content. */
static void check_round_trip(const struct lup_framework *fw, const struct lup_framework *base)
{
	char *text = NULL;
	size_t len = 0;
	struct lup_framework *back;
	lup_err err;
	FILE *fp = open_memstream(&text, &len);
	if (!fp)
		return;
	if (lup_framework_write_ini(fw, fp, &err) < 0)
		abort();
	fclose(fp);
	if (lup_framework_parse(text, len, "export.ini", &back, &err) < 0 ||
	    lup_framework_resolve(back, back->extends ? base : NULL, &err) < 0) {
		fprintf(stderr, "the export does not read back: %s\n%s\n", err.msg, text);
		abort();
	}
	if (strcmp(back->hash, fw->hash) != 0) {
		fprintf(stderr, "the export reads back to other content:\n%s\n", text);
		abort();
	}
	lup_framework_free(back);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct lup_framework *base;
	struct lup_framework *fw;
	struct lup_fw_problems probs = { 0 };
	lup_err err;

	if (!base) {
		if (lup_framework_parse(base_text, sizeof base_text - 1, "base.ini", &base, &err) < 0 ||
		    lup_framework_resolve(base, NULL, &err) < 0)
			abort();
	}
	if (lup_framework_parse((const char *)data, size, "fuzz.ini", &fw, &err) < 0) {
		/* Every refusal names the file. */
		if (strncmp(err.msg, "fuzz.ini", 8) != 0)
			abort();
	} else {
		const struct lup_framework *b = fw->extends && strcmp(fw->extends, "digcomp") == 0 ? base : NULL;
		if (lup_framework_resolve(fw, b, &err) == 0) {
			check_whole(fw);
			if (!fw->extends || b)
				check_round_trip(fw, base);
		} else if (strncmp(err.msg, "fuzz.ini", 8) != 0 && err.code == LUP_EINVAL) {
			abort();
		}
		lup_framework_free(fw);
	}

	/* Every problem at once: what could be read is resolved as well. */
	if (lup_fw_parse_collect((const char *)data, size, "fuzz.ini", &fw, &probs, &err) >= 0 && fw) {
		const struct lup_framework *b = fw->extends && strcmp(fw->extends, "digcomp") == 0 ? base : NULL;
		if ((!fw->extends || b) && lup_fw_resolve_collect(fw, b, &probs, &err) == 0)
			check_whole(fw);
		lup_framework_free(fw);
	}
	for (size_t i = 0; i < probs.n; i++)
		if (strncmp(probs.msg[i], "fuzz.ini", 8) != 0)
			abort();
	lup_fw_problems_clear(&probs);
	return 0;
}
