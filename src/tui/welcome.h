/* welcome.h — the first run: a database file just made, and how to begin. */
#ifndef LUP_TUI_WELCOME_H
#define LUP_TUI_WELCOME_H

#include "tui/screen.h"

/* The welcome screen: where the file lives, and four ways to begin (a
 * demo, staff from a CSV file, a competence framework, nothing).  It pops
 * when one is done (TUI_SAVED) or on "start empty" (TUI_CANCELLED). */
tui_screen *tui_welcome(tui_app *app);

/* Whether lup opens on it: set by lup_tui_first_run (tui.h) before the
 * interface starts. */
int tui_welcome_wanted(void);

#endif
