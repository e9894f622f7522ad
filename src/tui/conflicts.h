/* conflicts.h — the conflicts merging laptops listed (conflicts.c). */
#ifndef LUP_TUI_CONFLICTS_H
#define LUP_TUI_CONFLICTS_H

#include "tui/screen.h"

tui_screen *tui_conflicts_screen(tui_app *app);
int tui_is_conflicts(const tui_screen *s);

#endif
