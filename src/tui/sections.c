/* sections.c — the sections behind the tabs, and the overlays any screen
 * opens by a key. */
#include "lup/i18n.h"
#include "tui/app.h"
#include "tui/calendar.h"
#include "tui/competence.h"
#include "tui/conflicts.h"
#include "tui/dialog.h"
#include "tui/people.h"
#include "tui/programme.h"
#include "tui/reports.h"
#include "tui/shadowing.h"
#include "tui/welcome.h"

/* Each section's first screen. */
const struct tui_section tui_sections[TUI_NSECTIONS] = {
	{ N_("People"), tui_people_screen },
	{ N_("Programme"), tui_programme_screen },
	{ N_("Shadowing"), tui_shadowing_screen },
	{ N_("Competence"), tui_competence_screen },
	{ N_("Reports"), tui_reports_screen },
};

tui_screen *tui_opening_screen(tui_app *app)
{
	return tui_welcome_wanted() ? tui_welcome(app) : NULL;
}

static tui_screen *calendar(tui_app *app, tui_screen *top, tui_ctxmask top_contexts)
{
	(void)top; (void)top_contexts;
	return tui_calendar_screen(app, NULL);
}

static tui_screen *conflicts(tui_app *app, tui_screen *top, tui_ctxmask top_contexts)
{
	(void)top; (void)top_contexts;
	return tui_conflicts_screen(app);
}

static tui_screen *messages(tui_app *app, tui_screen *top, tui_ctxmask top_contexts)
{
	(void)top; (void)top_contexts;
	return tui_messages_screen(app);
}

const struct tui_overlay tui_overlays[TUI_NOVERLAYS] = {
	{ TUI_A_HELP, tui_help_screen, tui_is_help, 1 },
	{ TUI_A_CALENDAR, calendar, tui_is_calendar, 0 },
	{ TUI_A_CONFLICTS, conflicts, tui_is_conflicts, 0 },
	{ TUI_A_MESSAGES, messages, tui_is_messages, 0 },
};
