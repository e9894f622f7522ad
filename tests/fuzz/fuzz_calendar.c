/* fuzz_calendar.c — libFuzzer harness for what may be typed to go to a
 * date in the calendar (cal_parse_goto), and for the export file name made
 * from a cohort's name: any bytes must give a valid date or a clean -1,
 * and a file name that stays in its folder.  calendar_date.c has no curses
 * in it, so it is compiled in directly. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tui/calendar_date.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const lup_date today = { 2015, 9, 10 }, refs[] = { { 2015, 9, 10 }, { 2016, 1, 2 },
	                                                           { 1, 1, 1 }, { 9999, 12, 31 } };
	char *s = malloc(size + 1), path[600], home[64];
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
		lup_date d = { -7, -7, -7 };
		int rc = cal_parse_goto(s, today, refs[i], &d);
		if (rc == 0 && !lup_date_valid(d))
			abort();
		if (rc != 0 && (rc != -1 || d.y != -7 || d.m != -7 || d.d != -7))
			abort();
	}
	cal_export_path(s, "/home/x", path, sizeof path);
	if (strncmp(path, "/home/x/lup-", 12) != 0 || strchr(path + 8, '/') ||
	    strlen(path) < 16 || strcmp(path + strlen(path) - 4, ".ics") != 0)
		abort();
	snprintf(home, sizeof home, "/h");
	if (cal_expand_home(s, home, path, sizeof path) == 0 && s[0] == '~' && (s[1] == '/' || !s[1]) &&
	    strncmp(path, "/h", 2) != 0)
		abort();
	free(s);
	return 0;
}
