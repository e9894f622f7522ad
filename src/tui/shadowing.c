/* shadowing.c — the Shadowing section's first screen: its three views
 * under a tab bar (tabs.h): the network of host organisations
 * (network_list.c), the pipeline of placements by status (pipeline.c)
 * and the summary by country and year (shadow_summary.c). */
#include "lup/i18n.h"
#include "tui/shadowing.h"
#include "tui/tabs.h"

static const struct tui_tab views[] = {
	{ N_("Network"), tui_network_view },
	{ N_("Pipeline"), tui_pipeline_view },
	{ N_("Summary"), tui_summary_view },
};

static const struct tui_tabs_def def = { N_("Shadowing"), views, 3 };

tui_screen *tui_shadowing_screen(tui_app *app)
{
	return tui_tabs_new(app, &def);
}
