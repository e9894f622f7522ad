/* competence.c — the Competence section's first screen: its four views
 * under a tab bar (tabs.h): the Due list (comp_due.c), the heat map
 * (comp_heatmap.c), the frameworks (comp_frameworks.c) and the check-in
 * rounds (comp_rounds.c). */
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/tabs.h"

static const struct tui_tab views[] = {
	{ N_("Due"), tui_comp_due_view },
	{ N_("Heat map"), tui_comp_heatmap_view },
	{ N_("Frameworks"), tui_comp_frameworks_view },
	{ N_("Rounds"), tui_comp_rounds_view },
};

static const struct tui_tabs_def def = { N_("Competence"), views, 4 };

tui_screen *tui_competence_screen(tui_app *app)
{
	return tui_tabs_new(app, &def);
}
