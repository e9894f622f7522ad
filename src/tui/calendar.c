/* calendar.c — the calendar screen (being built). */
#include "lup/i18n.h"
#include "tui/app.h"
#include "tui/calendar.h"

tui_screen *tui_calendar_screen(tui_app *app, const char *cohort_id)
{
	(void)app;
	(void)cohort_id;
	return tui_placeholder_screen(_("The calendar"));
}
