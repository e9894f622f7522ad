/* fuzz_match.c — libFuzzer harness for the ranking of matches: any bytes
 * as a text and what was typed (split at the first newline) give a rank
 * from exact to none, never a crash; a text matches itself exactly, and
 * nothing typed is a prefix of everything. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lup/match.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *nl;
	const char *text, *query;
	enum lup_match r;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	text = s;
	query = "";
	if ((nl = strchr(s, '\n'))) {
		*nl = 0;
		query = nl + 1;
	}
	r = lup_match_rank(text, query);
	if (r < LUP_MATCH_EXACT || r > LUP_MATCH_NONE)
		abort();
	if (lup_match_rank(text, text) != LUP_MATCH_EXACT)
		abort();
	if (lup_match_rank(text, "") > LUP_MATCH_PREFIX)
		abort();
	free(s);
	return 0;
}
