/* dialog.h — a yes/no question, and the help overlay. */
#ifndef LUP_TUI_DIALOG_H
#define LUP_TUI_DIALOG_H

#include "tui/screen.h"

/* Ask a question over the current screen; `detail` (may be NULL) is shown
 * below it, wrapped.  No is focused first, so Enter answers No; y (and j,
 * for "ja") answers Yes.  The answer comes to the caller's on_result as
 * TUI_YES or TUI_NO with this tag.  Returns TUI_PUSH: use it as
 * `return tui_confirm(app, TAG, question, detail);`. */
int tui_confirm(tui_app *app, int tag, const char *question, const char *detail);

/* The help overlay: the keys of the contexts in ctxmask, generated from
 * the action table (the application opens it on ? and F1). */
tui_screen *tui_help_screen(tui_app *app, tui_screen *for_screen, unsigned ctxmask);
int tui_is_help(const tui_screen *s);

#endif
