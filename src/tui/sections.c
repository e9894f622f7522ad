/* sections.c — the sections behind the tabs. */
#include "lup/i18n.h"
#include "tui/app.h"
#include "tui/competence.h"
#include "tui/people.h"
#include "tui/programme.h"
#include "tui/reports.h"
#include "tui/shadowing.h"

/* Each section's first screen. */
const struct tui_section tui_sections[TUI_NSECTIONS] = {
	{ N_("People"), tui_people_screen },
	{ N_("Programme"), tui_programme_screen },
	{ N_("Shadowing"), tui_shadowing_screen },
	{ N_("Competence"), tui_competence_screen },
	{ N_("Reports"), tui_reports_screen },
};
