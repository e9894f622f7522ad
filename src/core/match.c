/* match.c — the ranking of a text against what was typed (match.h). */
#include <stdlib.h>
#include <string.h>
#include "lup/match.h"
#include "lup/util.h"

/* A byte that is part of a word: a letter or digit, or any byte of a
 * character lup_fold left outside ASCII. */
static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static void span(const char *s, size_t *from, size_t *len)
{
	size_t a = 0, n = strlen(s);
	while (a < n && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*from = a;
	*len = n - a;
}

enum lup_match lup_match_folded(const char *ftext, const char *fquery)
{
	size_t ta, tn, qa, qn;
	const char *t, *q, *p;
	enum lup_match best = LUP_MATCH_NONE;

	span(ftext ? ftext : "", &ta, &tn);
	span(fquery ? fquery : "", &qa, &qn);
	t = (ftext ? ftext : "") + ta;
	q = (fquery ? fquery : "") + qa;
	if (qn == tn && memcmp(t, q, qn) == 0)
		return LUP_MATCH_EXACT;
	if (qn == 0 || (qn < tn && memcmp(t, q, qn) == 0))
		return LUP_MATCH_PREFIX;
	for (p = t + 1; qn <= tn && p + qn <= t + tn; p++) {
		if (memcmp(p, q, qn) != 0)
			continue;
		/* a word starts where a word byte follows one that is not */
		if (!word_byte((unsigned char)p[-1]) || !word_byte((unsigned char)p[0]))
			return LUP_MATCH_WORD;
		best = LUP_MATCH_INSIDE;
	}
	return best;
}

enum lup_match lup_match_rank(const char *text, const char *query)
{
	char *ft = lup_fold(text ? text : ""), *fq = lup_fold(query ? query : "");
	enum lup_match r = ft && fq ? lup_match_folded(ft, fq) : LUP_MATCH_NONE;
	free(ft);
	free(fq);
	return r;
}
