/* app.h — the application shell's own interface (screens use screen.h). */
#ifndef LUP_TUI_APP_H
#define LUP_TUI_APP_H

#include "tui/screen.h"

/* The sections behind the tabs and the keys 1–5. */
#define TUI_NSECTIONS 5
struct tui_section {
	const char *name;                       /* N_() */
	tui_screen *(*make)(tui_app *app);      /* its first screen */
};
extern const struct tui_section tui_sections[TUI_NSECTIONS];

/* The smallest terminal lup draws on. */
#define TUI_MIN_COLS 80
#define TUI_MIN_LINES 24

int tui_app_run(lup_db *db, const lup_config *cfg);

#endif
