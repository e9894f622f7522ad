/* test_calendar.c — the calendar screen's words and dates: what may be
 * typed to go to a date (days, months, ISO weeks with and without a year),
 * week headings across year ends, time spans, holiday names on a
 * session's days, the suggested export file and "~" in it; and that the
 * calendar's keys mean one thing each among the contexts it is used with. */
#include "helpers.h"
#include <locale.h>
#define LUP_CAL_NO_SCREENS
#include "tui/actions.h"
#include "tui/calendar_int.h"

static const lup_date today = { 2015, 9, 10 };   /* a Thursday in week 37 */

static lup_date parse_ok(const char *s, lup_date ref)
{
	lup_date d = { 0, 0, 0 };
	if (cal_parse_goto(s, today, ref, &d) != 0)
		fail_msg("'%s' was not read", s);
	return d;
}

static void assert_date(lup_date d, int y, int m, int day)
{
	if (d.y != y || d.m != m || d.d != day)
		fail_msg("got %04d-%02d-%02d, want %04d-%02d-%02d", d.y, d.m, d.d, y, m, day);
}

static void test_days_and_months(void **state)
{
	(void)state;
	assert_date(parse_ok("2015-09-14", today), 2015, 9, 14);
	assert_date(parse_ok("  2015-09-14 ", today), 2015, 9, 14);
	assert_date(parse_ok("today", today), 2015, 9, 10);
	assert_date(parse_ok("Idag", today), 2015, 9, 10);
	assert_date(parse_ok("+7", today), 2015, 9, 17);
	assert_date(parse_ok("-1", today), 2015, 9, 9);
	assert_date(parse_ok("+2w", today), 2015, 9, 24);
	assert_date(parse_ok("2015-06", today), 2015, 6, 1);
	assert_date(parse_ok("2016-2", today), 2016, 2, 1);
}

static void test_weeks(void **state)
{
	lup_date ref2020 = { 2020, 3, 1 }, newyear = { 2016, 1, 2 };  /* ISO 2015-W53 */
	(void)state;
	/* Monday of week 37 of the reference's ISO year */
	assert_date(parse_ok("v. 37", today), 2015, 9, 7);
	assert_date(parse_ok("V.37", today), 2015, 9, 7);
	assert_date(parse_ok("v37", today), 2015, 9, 7);
	assert_date(parse_ok("vecka 37", today), 2015, 9, 7);
	assert_date(parse_ok("Week 37", today), 2015, 9, 7);
	assert_date(parse_ok("w37", today), 2015, 9, 7);
	assert_date(parse_ok("37", today), 2015, 9, 7);
	assert_date(parse_ok("v. 37", ref2020), 2020, 9, 7);
	/* the ISO year, not the calendar year, of the reference */
	assert_date(parse_ok("v. 1", newyear), 2014, 12, 29);
	/* with a year */
	assert_date(parse_ok("v. 37 2016", today), 2016, 9, 12);
	assert_date(parse_ok("2016 v. 37", today), 2016, 9, 12);
	assert_date(parse_ok("2016-W37", today), 2016, 9, 12);
	assert_date(parse_ok("2016w37", today), 2016, 9, 12);
	assert_date(parse_ok("2016-W37-3", today), 2016, 9, 14);
	assert_date(parse_ok("vecka 37, 2016", today), 2016, 9, 12);
	/* week 1 starting in the year before, week 53 ending in the next */
	assert_date(parse_ok("2015-W01", today), 2014, 12, 29);
	assert_date(parse_ok("2015-W53-7", today), 2016, 1, 3);
	assert_date(parse_ok("2020-W53", today), 2020, 12, 28);
}

static void test_not_dates(void **state)
{
	static const char *const bad[] = {
		"", "   ", "v", "v.", "week", "v. 0", "v. 54", "2016-W53", "2015-13", "2015-00",
		"37 2016", "v. 37 2016 2017", "2016-W37-8", "2016-W37-", "2016-W37-12", "15-09-14",
		"2015-09-31", "v. 037", "v. 37x", "vv 37", "2016 2017", "x", "-", "--", "v 3 7",
		"v. 12345", "2015-09-14 12:00", "tomorrow", "2015/09/14", "\xc3\xa5", "v. \xe2\x80\x8b" "37",
		NULL
	};
	lup_date d = { 1, 2, 3 };
	(void)state;
	for (int i = 0; bad[i]; i++)
		if (cal_parse_goto(bad[i], today, today, &d) == 0)
			fail_msg("'%s' was read as %04d-%02d-%02d", bad[i], d.y, d.m, d.d);
	assert_int_equal(cal_parse_goto(NULL, today, today, &d), -1);
	/* a failure leaves the date alone */
	assert_int_equal(d.y, 1);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.d, 3);
}

static void test_headings_and_spans(void **state)
{
	char b[128];
	(void)state;
	cal_week_heading(2015, 37, b, sizeof b);
	assert_string_equal(b, "Week 37 · 2015-09-07 – 09-13");
	/* a week across the year end shows both years */
	cal_week_heading(2015, 53, b, sizeof b);
	assert_string_equal(b, "Week 53 · 2015-12-28 – 2016-01-03");
	cal_week_heading(2015, 1, b, sizeof b);
	assert_string_equal(b, "Week 1 · 2014-12-29 – 2015-01-04");

	cal_time_span("2015-09-14 08:30", "2015-09-14 17:00", b, sizeof b);
	assert_string_equal(b, "08:30–17:00");
	cal_time_span("2015-09-14 22:00", "2015-09-15 00:00", b, sizeof b);
	assert_string_equal(b, "22:00–00:00");
	cal_time_span("2015-09-14 08:30", "2015-09-16 12:00", b, sizeof b);
	assert_string_equal(b, "08:30→09-16");
	cal_time_span("2015-09-14 08:30", "", b, sizeof b);
	assert_string_equal(b, "08:30");
	cal_time_span("nonsense", "2015-09-14 08:30", b, sizeof b);
	assert_string_equal(b, "");

	assert_string_equal(cal_weekday_abbr(1), "Mon");
	assert_string_equal(cal_weekday_abbr(7), "Sun");
	assert_string_equal(cal_weekday_abbr(0), "");
	assert_string_equal(cal_month_name(6), "June");
	assert_string_equal(cal_month_name(13), "");
}

static void test_holidays(void **state)
{
	int kind = -1;
	const char *name;
	(void)state;
	/* Midsummer Eve 2015 is Friday 19 June: a day off, not a holiday */
	name = cal_session_holiday("2015-06-19 09:00", "2015-06-19 16:00", &kind);
	assert_non_null(name);
	assert_string_equal(name, "Midsummer Eve");
	assert_int_equal(kind, LUP_DAY_OFF);
	/* a session over the weekend after it meets Midsummer Day */
	name = cal_session_holiday("2015-06-18 09:00", "2015-06-20 12:00", &kind);
	assert_string_equal(name, "Midsummer Eve");
	name = cal_session_holiday("2015-06-20 09:00", "2015-06-20 12:00", &kind);
	assert_string_equal(name, "Midsummer Day");
	assert_int_equal(kind, LUP_HOLIDAY);
	/* ending at midnight does not touch the next day */
	assert_null(cal_session_holiday("2015-06-18 20:00", "2015-06-19 00:00", &kind));
	assert_int_equal(kind, LUP_WORKDAY);
	assert_null(cal_session_holiday("2015-09-14 09:00", "2015-09-14 17:00", NULL));
	/* Easter Monday 2015 */
	name = cal_holiday_name((lup_date){ 2015, 4, 6 }, &kind);
	assert_string_equal(name, "Easter Monday");
	assert_null(cal_holiday_name((lup_date){ 2015, 4, 7 }, &kind));
}

static void test_export_path(void **state)
{
	char b[256];
	(void)state;
	cal_export_path("Pilot Halland", "/home/eva", b, sizeof b);
	assert_string_equal(b, "/home/eva/lup-Pilot-Halland.ics");
	cal_export_path("Omgång 1 / höst", "/home/eva/", b, sizeof b);
	assert_string_equal(b, "/home/eva/lup-Omgång-1-höst.ics");
	cal_export_path("../../etc/passwd", "/home/eva", b, sizeof b);
	assert_string_equal(b, "/home/eva/lup-etc-passwd.ics");
	cal_export_path(".hidden.", NULL, b, sizeof b);
	assert_string_equal(b, "lup-hidden.ics");
	cal_export_path("!!!", "", b, sizeof b);
	assert_string_equal(b, "lup-calendar.ics");
	cal_export_path(NULL, "/h", b, sizeof b);
	assert_string_equal(b, "/h/lup-calendar.ics");
	{
		/* a long name is cut between characters, never inside one */
		char name[400];
		size_t n = 0;
		while (n + 2 < sizeof name - 1) {
			memcpy(name + n, "\xc3\xa5", 2);   /* å */
			n += 2;
		}
		name[n++] = 'x';
		name[n] = 0;
		cal_export_path(name, "/h", b, sizeof b);
		assert_true(strncmp(b, "/h/lup-\xc3\xa5", 9) == 0);
		assert_true(strlen(b) > 100);
		for (size_t i = 7; b[i] && b[i] != '.'; i += 2)
			assert_memory_equal(b + i, "\xc3\xa5", 2);
	}

	assert_int_equal(cal_expand_home("~/x.ics", "/home/eva", b, sizeof b), 0);
	assert_string_equal(b, "/home/eva/x.ics");
	assert_int_equal(cal_expand_home("~", "/home/eva/", b, sizeof b), 0);
	assert_string_equal(b, "/home/eva");
	assert_int_equal(cal_expand_home("~eva/x.ics", "/home/eva", b, sizeof b), 0);
	assert_string_equal(b, "~eva/x.ics");
	assert_int_equal(cal_expand_home("/tmp/a~/x.ics", "/home/eva", b, sizeof b), 0);
	assert_string_equal(b, "/tmp/a~/x.ics");
	assert_int_equal(cal_expand_home("~/x.ics", NULL, b, sizeof b), 0);
	assert_string_equal(b, "~/x.ics");
	assert_int_equal(cal_expand_home("~/a-rather-long-name.ics", "/home/eva", b, 12), -1);
}

/* No key may mean two things on the calendar, and the calendar's key
 * from any section means nothing else there. */
static void test_keys(void **state)
{
	tui_ctxmask cal = TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) |
	               TUI_CTXBIT(TUI_CTX_CALENDAR);
	tui_ctxmask list = TUI_CTXBIT(TUI_CTX_ANY) | TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) |
	                TUI_CTXBIT(TUI_CTX_LIST) | TUI_CTXBIT(TUI_CTX_RECORD);
	(void)state;
	tui_keys_defaults();
	for (int a = 0; a < TUI_A_COUNT; a++) {
		tui_key ka[TUI_MAX_KEYS];
		int na;
		if (!(cal & TUI_CTXBIT(tui_action_info((enum tui_action)a)->ctx)))
			continue;
		na = tui_action_keys((enum tui_action)a, ka);
		for (int b = a + 1; b < TUI_A_COUNT; b++) {
			tui_key kb[TUI_MAX_KEYS];
			int nb;
			if (!(cal & TUI_CTXBIT(tui_action_info((enum tui_action)b)->ctx)))
				continue;
			nb = tui_action_keys((enum tui_action)b, kb);
			for (int i = 0; i < na; i++)
				for (int j = 0; j < nb; j++)
					if (ka[i] == kb[j])
						fail_msg("on the calendar, a key is bound to both %s and %s",
						         tui_action_info((enum tui_action)a)->name,
						         tui_action_info((enum tui_action)b)->name);
		}
	}
	assert_int_equal(tui_action_for('C', list), TUI_A_CALENDAR);
	assert_int_equal(tui_action_for('C', cal), TUI_A_CALENDAR);
	assert_int_equal(tui_action_for('t', cal), TUI_A_CAL_TODAY);
	assert_int_equal(tui_action_for(':', cal), TUI_A_CAL_GOTO);
	assert_int_equal(tui_action_for('m', cal), TUI_A_CAL_MONTH);
	assert_int_equal(tui_action_for('x', cal), TUI_A_CAL_EXPORT);
	assert_int_equal(tui_action_for(TUI_KEY_ENTER, cal), TUI_A_CAL_OPEN);
	assert_int_equal(tui_action_for(TUI_KEY_LEFT, cal), TUI_A_CAL_PREV);
	assert_int_equal(tui_action_for('l', cal), TUI_A_CAL_NEXT);
	assert_int_equal(tui_action_for(TUI_KEY_PGDN, cal), TUI_A_PAGE_DOWN);
	assert_int_equal(tui_action_for('q', cal), TUI_A_QUIT);
	assert_string_equal(tui_ctx_title(TUI_CTX_CALENDAR), "Calendar");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_and_months),
		cmocka_unit_test(test_weeks),
		cmocka_unit_test(test_not_dates),
		cmocka_unit_test(test_headings_and_spans),
		cmocka_unit_test(test_holidays),
		cmocka_unit_test(test_export_path),
		cmocka_unit_test(test_keys),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
