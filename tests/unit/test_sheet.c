/* test_sheet.c — the sheet widget's layout without a terminal: columns
 * measured by display width, left out by priority when narrow, the first
 * one narrowed last; bars taking the width left; paragraphs wrapped; and
 * the report screen's number formats. */
#include "helpers.h"
#include <locale.h>
#include "tui/reports.h"
#include "tui/sheet.h"

enum { NAME, COUNT, STATUS, DATES, BAR };

static void fill(struct tui_sheet *s)
{
	const struct tui_sheet_col cols[] = {
		{ "Name", 0, 0, 6 },
		{ "Count", TUI_SHEET_RIGHT, 0, 0 },
		{ "Status", 0, 1, 0 },
		{ "Dates", 0, 2, 0 },
		{ "", TUI_SHEET_BAR, 3, 8 },
	};
	tui_sheet_heading(s, 2, "Cohorts");
	tui_sheet_table(s, cols, 5);
	/* "Åsa Öberg-Ängström" is 18 columns wide and 21 bytes long */
	tui_sheet_row(s, TUI_S_NORMAL, (const char *const[]){ "Åsa Öberg-Ängström", "12", "running",
	                                                       "2015-01-12 – 2015-03-30", "0.5" });
	tui_sheet_row(s, TUI_S_NORMAL, (const char *const[]){ "Pilot", "7", NULL, NULL, "1" });
}

static void test_columns_by_width(void **state)
{
	struct tui_sheet s;
	(void)state;
	tui_sheet_init(&s);
	fill(&s);
	/* wide: everything, measured in columns, and the bar takes the rest */
	tui_sheet_layout(&s, 200);
	assert_int_equal(tui_sheet_colw(&s, 0, NAME), 18);
	assert_int_equal(tui_sheet_colw(&s, 0, COUNT), 5);     /* the title is wider than "12" */
	assert_int_equal(tui_sheet_colw(&s, 0, STATUS), 7);
	assert_int_equal(tui_sheet_colw(&s, 0, DATES), 23);
	assert_true(tui_sheet_colw(&s, 0, BAR) > 8);
	assert_true(tui_sheet_colw(&s, 0, BAR) <= 40);
	assert_int_equal(tui_sheet_colw(&s, 0, 5), -1);
	assert_int_equal(tui_sheet_colw(&s, 1, 0), -1);
	/* 18+5+7+23+8 and four gaps of 2: 69 fits exactly, bar at its least */
	tui_sheet_layout(&s, 69);
	assert_int_equal(tui_sheet_colw(&s, 0, BAR), 8);
	assert_int_equal(tui_sheet_colw(&s, 0, DATES), 23);
	/* one less: the bar (priority 3) goes first */
	tui_sheet_layout(&s, 68);
	assert_int_equal(tui_sheet_colw(&s, 0, BAR), 0);
	assert_int_equal(tui_sheet_colw(&s, 0, DATES), 23);
	/* then the dates (2), then the status (1) */
	tui_sheet_layout(&s, 50);
	assert_int_equal(tui_sheet_colw(&s, 0, DATES), 0);
	assert_int_equal(tui_sheet_colw(&s, 0, STATUS), 7);
	tui_sheet_layout(&s, 33);
	assert_int_equal(tui_sheet_colw(&s, 0, STATUS), 0);
	assert_int_equal(tui_sheet_colw(&s, 0, NAME), 18);
	assert_int_equal(tui_sheet_colw(&s, 0, COUNT), 5);
	/* columns of priority 0 stay: the first one is narrowed, not below its minimum */
	tui_sheet_layout(&s, 15);
	assert_int_equal(tui_sheet_colw(&s, 0, NAME), 8);
	assert_int_equal(tui_sheet_colw(&s, 0, COUNT), 5);
	tui_sheet_layout(&s, 5);
	assert_int_equal(tui_sheet_colw(&s, 0, NAME), 6);
	tui_sheet_free(&s);
}

static void test_lines(void **state)
{
	struct tui_sheet s;
	(void)state;
	tui_sheet_init(&s);
	fill(&s);
	/* heading, title row, two rows */
	tui_sheet_layout(&s, 80);
	assert_int_equal(tui_sheet_lines(&s), 4);
	/* a heading after something has a blank line before it */
	tui_sheet_heading(&s, 2, "Notes");
	tui_sheet_text(&s, TUI_S_NORMAL, 0, "%s", "one two three four five six seven eight nine ten");
	tui_sheet_layout(&s, 80);
	assert_int_equal(tui_sheet_lines(&s), 7);
	/* wrapped at spaces: "one two three" is 13 columns */
	tui_sheet_layout(&s, 14);
	assert_int_equal(tui_sheet_lines(&s), 6 + 4);
	/* a word longer than the line is cut, never lost */
	tui_sheet_clear(&s);
	tui_sheet_text(&s, TUI_S_NORMAL, 2, "%s", "ÅÄÖåäöÅÄÖåäöÅÄÖåäö");
	tui_sheet_layout(&s, 10);   /* 8 columns after the indent */
	assert_int_equal(tui_sheet_lines(&s), 3);
	tui_sheet_progress(&s, 0, 5, 8, 10, 10, "80 %");
	tui_sheet_blank(&s);
	tui_sheet_layout(&s, 80);
	assert_int_equal(tui_sheet_lines(&s), 3);
	tui_sheet_free(&s);
	assert_int_equal(tui_sheet_lines(&s), 0);
}

static void test_numbers(void **state)
{
	char b[32];
	(void)state;
	assert_string_equal(tui_report_pct(b, sizeof b, 0.737), "73.7 %");
	assert_string_equal(tui_report_pct(b, sizeof b, 1.0), "100.0 %");
	assert_string_equal(tui_report_pct(b, sizeof b, -1.0), "–");
	assert_string_equal(tui_report_dec(b, sizeof b, 3.071, 2, 0), "3.07");
	assert_string_equal(tui_report_dec(b, sizeof b, 0.54, 2, 1), "+0.54");
	/* a real minus sign in UTF-8 */
	assert_string_equal(tui_report_dec(b, sizeof b, -0.54, 2, 1), "\u22120.54");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns_by_width),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_numbers),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
