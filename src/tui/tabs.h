/* tabs.h — a screen that holds several views of a section and shows one
 * at a time under a bar naming them (Shadowing: network, pipeline,
 * summary; Competence: Due, heat map, frameworks, rounds).
 *
 * v and V (view-next, view-prev in the action table; ] and [ as well)
 * switch views on every such screen.  Everything else goes to the view
 * shown, and what it pushes comes back to it.  A view is an ordinary
 * screen: it draws in tui_screen_area() (below the bar), and may say what
 * the bar shows on its right through its note() op (its own filters);
 * without a note the bar names the key for the next view.
 *
 *     static const struct tui_tab tabs[] = {
 *         { N_("Network"), tui_network_view }, { N_("Pipeline"), tui_pipeline_view }, …
 *     };
 *     static const struct tui_tabs_def def = { N_("Shadowing"), tabs, 3 };
 *     tui_screen *tui_shadowing_screen(tui_app *app) { return tui_tabs_new(app, &def); } */
#ifndef LUP_TUI_TABS_H
#define LUP_TUI_TABS_H

#include "tui/screen.h"

struct tui_tab {
	const char *name;                     /* N_() */
	tui_screen *(*make)(tui_app *app);
};

struct tui_tabs_def {
	const char *name;                     /* N_(): the section's */
	const struct tui_tab *tabs;
	int n;
};

/* NULL when out of memory. */
tui_screen *tui_tabs_new(tui_app *app, const struct tui_tabs_def *def);

#endif
