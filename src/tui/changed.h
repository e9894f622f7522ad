/* changed.h — when an edit meets a change made in another window since
 * the screen loaded it (see lup/merge.h): the questions a person answers,
 * and what the status line says once it is saved.  The form screen
 * (form.h) uses them for every form; screens that save in place (the
 * register, a rating sheet, a role's targets, a cohort's withdrawals, a
 * placement's steps) call them themselves. */
#ifndef LUP_TUI_CHANGED_H
#define LUP_TUI_CHANGED_H

#include "lup/merge.h"
#include "tui/screen.h"

/* Ask about the first undecided conflict of mr: "Changed elsewhere since
 * you opened it: Unit is now X (yours: Y)", Keep yours / Take theirs /
 * Look again.  Look again is focused and Esc answers it: nothing is
 * overwritten without a yes.  on_result gets TUI_KEEP_MINE,
 * TUI_TAKE_THEIRS or TUI_LOOK_AGAIN with tag.  Returns TUI_PUSH. */
int tui_ask_changed(tui_app *app, int tag, const struct lup_merge_report *mr);
/* Note the answer to the question tui_ask_changed asked in mr: 1 for keep
 * or take (save again: the next conflict, if any, is asked then), 0 for
 * look again. */
int tui_changed_answer(struct lup_merge_report *mr, int result);
/* The record was deleted elsewhere (msg: the core's words, naming it):
 * Save as new / Drop the edit / Look again (focused, and Esc).  on_result
 * gets TUI_SAVE_AS_NEW, TUI_DROP_EDIT or TUI_LOOK_AGAIN. */
int tui_ask_gone(tui_app *app, int tag, const char *msg);
/* After a form's save: "Saved.", or with what was kept from the other
 * window ("Saved. Both edits kept: Unit changed in another window."). */
void tui_saved_status(tui_app *app, const struct lup_merge_report *mr);
/* After a save with warnings: each in the message log, and on the status
 * line `saved` ("Saved."), how many and the first (nothing to close). */
void tui_saved_warnings(tui_app *app, const char *saved, const char *const *msgs, int n);
/* After an in-place edit that found its value changed elsewhere already
 * (the same, kept as the other window left it, or taken after a
 * question): says so and returns 1; 0 when there is nothing to say. */
int tui_kept_status(tui_app *app, const struct lup_merge_report *mr);

/* An edit saved in place (a mark, a level, a withdrawal, a step) that may
 * meet a change made elsewhere and wait for a person's answer.  save
 * calls the core's edit function with mr, and is called again with the
 * answers. */
struct tui_edit {
	struct lup_merge_report mr;
	int (*save)(void *ud, tui_app *app, struct lup_merge_report *mr, lup_err *err);
	void *ud;
};
/* Save, the answers of an earlier edit forgotten: 0 saved (the status
 * line says what was found changed elsewhere), -1 not saved (it says
 * why), or TUI_PUSH: a question was asked; its answer comes to on_result
 * with tag: pass it to tui_edit_answer. */
int tui_edit_run(struct tui_edit *e, tui_app *app, int tag);
/* The answer: as tui_edit_run, or 1 for look again (nothing saved; reload
 * to show what is stored). */
int tui_edit_answer(struct tui_edit *e, tui_app *app, int result, int tag);
void tui_edit_free(struct tui_edit *e);
/* 1 when a saved edit left the stored value as it was (see
 * tui_kept_status): the screen reloads instead of showing the edit. */
int tui_edit_kept(const struct tui_edit *e);

#endif
