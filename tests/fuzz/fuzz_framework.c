/* fuzz_framework.c — libFuzzer harness for the framework file parser: any
 * bytes must give a framework or a clean error naming the file, never a
 * crash, a leak or a hang.  Files that extend "digcomp" are resolved
 * against a small built-in base, so inheritance is explored too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lup/framework.h"

static const char base_text[] =
	"[framework]\nid = digcomp\nname = Base\nversion = 1\nlevel_max = 8\n"
	"[level 1]\nname = One\nband = Low\n"
	"[area 1]\nname = Info\n[area 2]\nname = Comm\n"
	"[competence 1.1]\narea = 1\nname = Browse\n"
	"[competence 1.2]\narea = 1\nname = Evaluate\nlevels = 4-5\n"
	"[competence 2.1]\narea = 2\nname = Interact\nlevels = 3\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct lup_framework *base;
	struct lup_framework *fw;
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
		return 0;
	}
	if (lup_framework_resolve(fw, fw->extends && strcmp(fw->extends, "digcomp") == 0 ? base : NULL,
	                          &err) == 0) {
		/* A resolved framework is whole: levels cover the scale, every
		 * competence has a known area and a range inside the scale. */
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
	} else if (strncmp(err.msg, "fuzz.ini", 8) != 0 && err.code == LUP_EINVAL) {
		abort();
	}
	lup_framework_free(fw);
	return 0;
}
