/* import.h — importing people from the People list: a form for the file,
 * then a preview of what would change; nothing is stored until the user
 * confirms, and then all rows or none. */
#ifndef LUP_TUI_IMPORT_H
#define LUP_TUI_IMPORT_H

#include "lup/import.h"
#include "tui/screen.h"

/* The result a screen of the import hands back when people were stored
 * (the status line says how many). */
#define TUI_IMPORTED (TUI_RESULT_USER + 1)

/* The form asking for the file, its delimiter and its encoding; it reads
 * the file and pushes the preview.  Pops with TUI_IMPORTED or
 * TUI_CANCELLED. */
tui_screen *tui_import_form(tui_app *app);

/* The preview of a file read and checked by a dry run (lup_import_run):
 * the counts, every row with what would happen to it, refused rows with
 * their line, column and why.  It takes im over.  `file` is the name to
 * show.  Pops with TUI_IMPORTED once stored, or TUI_CANCELLED. */
tui_screen *tui_import_preview(tui_app *app, lup_import *im, const char *file,
                               const struct lup_import_counts *c, int ok);

#endif
