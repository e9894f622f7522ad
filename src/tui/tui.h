/* tui.h — the ncurses front end, entered when lup runs without a command. */
#ifndef LUP_TUI_H
#define LUP_TUI_H

#include "lup/config.h"
#include "lup/db.h"

/* Run the interactive application on an open database; returns the exit
 * status. */
int lup_tui_run(lup_db *db, const lup_config *cfg);

#endif
