/* dialog.h — questions (yes/no, or a few buttons), and the help overlay. */
#ifndef LUP_TUI_DIALOG_H
#define LUP_TUI_DIALOG_H

#include <stddef.h>
#include "lup/util.h"
#include "tui/screen.h"

/* Ask a question over the current screen; `detail` (may be NULL) is shown
 * below it, wrapped.  No is focused first, so Enter answers No; y (and j,
 * for "ja") answers Yes.  The answer comes to the caller's on_result as
 * TUI_YES or TUI_NO with this tag.  Returns TUI_PUSH: use it as
 * `return tui_confirm(app, TAG, question, detail);`. */
int tui_confirm(tui_app *app, int tag, const char *question, const char *detail);

/* Deleting, in the same words everywhere.  tui_ask_delete asks "Delete
 * <what>?" with what goes with it and "This cannot be undone." below, No
 * focused (the answer comes to on_result with tag: TUI_YES or TUI_NO);
 * tui_delete deletes after a Yes and says "Deleted <what>." (or what
 * remove() wrote).  A record kind says how, once, in a struct tui_deleter
 * (people_common.c has a person's, programme_common.c a cohort's …) that
 * its list screen and its view both use. */
struct tui_deleter {
	/* What to call the record ("Åsa Öberg", "the cohort Pilot Halland")
	 * into what (n bytes) and, into detail, what goes with it (may stay
	 * empty); -1 with err when it cannot be deleted (said instead of
	 * asking).  ud is the caller's (the list screen, or NULL). */
	int (*describe)(tui_app *app, void *ud, const char *id, char *what, size_t n,
	                lup_buf *detail, lup_err *err);
	/* Delete it: 0, or -1 with err.  It may write the status line's
	 * report into said (n bytes), else "Deleted <what>." is said. */
	int (*remove)(tui_app *app, void *ud, const char *id, char *said, size_t n, lup_err *err);
};
/* Returns TUI_PUSH, or TUI_REDRAW with the refusal on the status line. */
int tui_ask_delete(tui_app *app, const struct tui_deleter *d, void *ud, const char *id, int tag);
/* 0, or -1 with the error on the status line. */
int tui_delete(tui_app *app, const struct tui_deleter *d, void *ud, const char *id);

/* One button of a question: the action whose keys press it (its hint is
 * shown on the key-hint line), its label (N_()) and what it answers. */
struct tui_button {
	enum tui_action action;
	const char *label;
	int result;
};
/* Ask a question with up to four buttons over the current screen.  Enter
 * presses the focused button (buttons[focus] at first), a button's keys
 * press it, Esc (the No keys) answers `cancel`: make the focused button
 * and `cancel` the answer that loses and overwrites nothing.  The answer
 * comes to on_result with this tag.  Returns TUI_PUSH. */
int tui_choose(tui_app *app, int tag, const char *question, const char *detail,
               const struct tui_button *buttons, int n, int focus, int cancel);

/* The help overlay: the keys of the contexts in ctxmask, generated from
 * the action table (the application opens it on ? and F1). */
tui_screen *tui_help_screen(tui_app *app, tui_screen *for_screen, tui_ctxmask ctxmask);
int tui_is_help(const tui_screen *s);

#endif
