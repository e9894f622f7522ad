/* calendar_int.h — what the calendar's files share: its words and dates
 * (calendar_date.c, no curses, so that the unit tests and the fuzz harness
 * can use them), the session view, the cohort picker and the one-line
 * prompt. */
#ifndef LUP_TUI_CALENDAR_INT_H
#define LUP_TUI_CALENDAR_INT_H

#include <stddef.h>
#include "lup/cal.h"
#include "lup/err.h"

/* ---- calendar_date.c ---- */

/* What may be typed to go to a date: anything lup_date_parse reads
 * ("2015-09-14", "today", "idag", "+7", "-1", "+2w"), "YYYY-MM" (the first
 * of the month), or an ISO week: "v. 37", "v37", "vecka 37", "week 37",
 * "w37" or a bare "37", with a year before or after ("2016 v. 37",
 * "v. 37 2016") or as "2016-W37" / "2016W37", and a weekday after it
 * ("2016-W37-3").  A week without a year is in the ISO year of `ref`.
 * Spaces around it are ignored, letters may be in any case.  Returns 0 with
 * the date (a week's Monday unless a weekday was given), or -1. */
int cal_parse_goto(const char *s, lup_date today, lup_date ref, lup_date *out);

/* Translated names: weekday 1 = Monday … 7, month 1 … 12. */
const char *cal_weekday_abbr(int wd);
const char *cal_month_name(int m);
/* "Week 37 · 2015-09-07 – 09-13" ("v. 37 · …" in Swedish). */
void cal_week_heading(int isoyear, int week, char *buf, size_t n);
/* "08:30–17:00", or for a session over several days "08:30→09-16". */
void cal_time_span(const char *starts_at, const char *ends_at, char *buf, size_t n);
/* The first Swedish public holiday or de facto day off among the days of
 * [starts_at, ends_at) — a session that ends at midnight does not touch
 * the next day — in the language in use, or NULL; *kind gets LUP_HOLIDAY
 * or LUP_DAY_OFF (may be NULL). */
const char *cal_session_holiday(const char *starts_at, const char *ends_at, int *kind);
/* The name of a day's holiday in the language in use, or NULL. */
const char *cal_holiday_name(lup_date d, int *kind);
/* The file an export suggests: HOME/lup-<cohort>.ics with the cohort's
 * name made safe for a file name (letters, digits, '-', '_', '.'), or
 * lup-<"calendar">.ics for every cohort; without a HOME, in the current
 * folder. */
void cal_export_path(const char *cohort, const char *home, char *buf, size_t n);
/* A leading "~" or "~/" as HOME.  Returns -1 when it does not fit. */
int cal_expand_home(const char *in, const char *home, char *buf, size_t n);

#ifndef LUP_CAL_NO_SCREENS
#include "lup/db.h"
#include "lup/programme.h"
#include "tui/screen.h"

/* ---- calendar.c ---- */
const char *cal_glyph_conflict(void);   /* "⚠" or "!" */
const char *cal_glyph_holiday(void);    /* "✱" or "*" */

/* ---- calendar_view.c: one session, its details and conflicts ---- */
tui_screen *cal_session_view(tui_app *app, const char *session_id);

/* ---- calendar_pick.c: choose a cohort, or every cohort ---- */
tui_screen *cal_cohort_picker(tui_app *app, const char *current_id);
/* After the picker popped with TUI_SAVED: the id ("" for every cohort)
 * and name of what was picked. */
void cal_picked(tui_screen *picker, char id[LUP_ID_SIZE], char name[128]);

/* ---- calendar_prompt.c: one line to type, over the screen ---- */
/* Called with the text when Enter is pressed: 0 closes the prompt (its
 * parent gets TUI_SAVED), -1 shows err under the line. */
typedef int (*cal_prompt_fn)(void *ud, tui_app *app, const char *text, lup_err *err);
tui_screen *cal_prompt(const char *title, const char *label, const char *help, const char *value,
                       int maxlen, cal_prompt_fn fn, void *ud);
#endif

#endif
