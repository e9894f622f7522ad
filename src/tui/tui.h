/* tui.h — the ncurses front end, entered when lup runs without a command. */
#ifndef LUP_TUI_H
#define LUP_TUI_H

#include <stdio.h>
#include "lup/config.h"
#include "lup/db.h"

/* Run the interactive application on an open database; returns the exit
 * status.  Refuses (status 1) when standard input or output is not a
 * terminal.  With LUP_KEYS=FILE in the environment it runs headless: keys
 * come from FILE (key names as in [keys], "quoted text"), output goes to a
 * null terminal (TERM xterm-256color, size from LINES and COLUMNS), and
 * timings are printed to stderr at the end, for the benchmark. */
int lup_tui_run(lup_db *db, const lup_config *cfg);
/* Open on the welcome screen (the database file was just made): call
 * before lup_tui_run. */
void lup_tui_first_run(int on);

/* The default key table as the KEYS section of lup(1); format "mdoc".
 * Returns -1 for an unknown format. */
int lup_tui_dump_keys(FILE *fp, const char *format);

#endif
