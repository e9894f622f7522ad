/* fuzz_programme.c — libFuzzer harness for what the programme core parses
 * from a coordinator's typing: facilitator lists (split, counted, compared
 * with case and accents folded) and session times (normalised, and turned
 * into UTC for iCalendar).  Any bytes must give an answer, never a crash,
 * an overrun or a leak.  Input: three fields separated by newlines. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/prog.h"
#include "lup/ics.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *a, *b, *c, *nl;
	char buf[64], utc[17];
	lup_datetime dt;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	a = s;
	b = (nl = strchr(a, '\n')) ? (*nl = '\0', nl + 1) : a + strlen(a);
	c = (nl = strchr(b, '\n')) ? (*nl = '\0', nl + 1) : b + strlen(b);

	(void)lup_facilitator_count(a);
	{
		char *fa = lup_fold(a), *fb = lup_fold(b);
		if (fa && fb && lup_p_common_facilitator(a, fa, fb, buf, sizeof buf) &&
		    strlen(buf) >= sizeof buf)
			abort();
		free(fa);
		free(fb);
	}
	if (lup_datetime_parse(c, &dt) == 0) {
		char norm[17];
		lup_datetime_format(dt, norm);
		if (lup_ics_local_to_utc(norm, utc) != 0 || strlen(utc) != 16 || utc[15] != 'Z')
			abort();
	} else {
		(void)lup_ics_local_to_utc(c, utc);
	}
	free(s);
	return 0;
}
