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

/* Screens any screen can open over itself by a key (the help, the
 * calendar, the conflicts of merging laptops): the application walks this
 * table for the action pressed. */
#define TUI_NOVERLAYS 4
struct tui_overlay {
	enum tui_action action;                 /* the key that opens it (TUI_CTX_ANY or MAIN) */
	tui_screen *(*make)(tui_app *app, tui_screen *top, tui_ctxmask top_contexts);
	int (*is)(const tui_screen *s);         /* s is one of these */
	int toggles;                            /* its key closes it again */
};
extern const struct tui_overlay tui_overlays[TUI_NOVERLAYS];

/* A screen to open over the first section at the start, or NULL: the
 * welcome of a first run. */
tui_screen *tui_opening_screen(tui_app *app);

/* The smallest terminal lup draws on. */
#define TUI_MIN_COLS 80
#define TUI_MIN_LINES 24

int tui_app_run(lup_db *db, const lup_config *cfg);

#endif
