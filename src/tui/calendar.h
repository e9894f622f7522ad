/* calendar.h — the Programme section's calendar: an agenda grouped under
 * ISO week headings and a month grid with week numbers. */
#ifndef LUP_TUI_CALENDAR_H
#define LUP_TUI_CALENDAR_H

#include "tui/screen.h"

/* The calendar of one cohort (its id), or of all cohorts when NULL. */
tui_screen *tui_calendar_screen(tui_app *app, const char *cohort_id);
/* 1 when s is a calendar screen. */
int tui_is_calendar(const tui_screen *s);

#endif
