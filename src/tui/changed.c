/* changed.c — the questions when an edit meets a change made elsewhere. */
#include <stdio.h>
#include "lup/err.h"
#include "lup/i18n.h"
#include "tui/changed.h"
#include "tui/dialog.h"

int tui_ask_changed(tui_app *app, int tag, const struct lup_merge_report *mr)
{
	static const struct tui_button buttons[] = {
		{ TUI_A_KEEP_MINE, N_("Keep yours"), TUI_KEEP_MINE },
		{ TUI_A_TAKE_THEIRS, N_("Take theirs"), TUI_TAKE_THEIRS },
		{ TUI_A_LOOK_AGAIN, N_("Look again"), TUI_LOOK_AGAIN },
	};
	const struct lup_merge_col *c = lup_merge_next_conflict(mr);
	char q[600];
	if (!c)
		return 0;
	lup_merge_question(c, q, sizeof q);
	return tui_choose(app, tag, q,
	                  _("Keep yours writes your value over it; take theirs keeps the stored one; "
	                    "look again saves nothing yet."),
	                  buttons, 3, 2, TUI_LOOK_AGAIN);
}

int tui_changed_answer(struct lup_merge_report *mr, int result)
{
	const struct lup_merge_col *c = lup_merge_next_conflict(mr);
	if (!c || (result != TUI_KEEP_MINE && result != TUI_TAKE_THEIRS))
		return 0;
	lup_merge_resolve(mr, c->field, result == TUI_KEEP_MINE ? LUP_KEEP_MINE : LUP_TAKE_THEIRS);
	return 1;
}

int tui_ask_gone(tui_app *app, int tag, const char *msg)
{
	static const struct tui_button buttons[] = {
		{ TUI_A_SAVE_AS_NEW, N_("Save as new"), TUI_SAVE_AS_NEW },
		{ TUI_A_DROP_EDIT, N_("Drop the edit"), TUI_DROP_EDIT },
		{ TUI_A_LOOK_AGAIN, N_("Look again"), TUI_LOOK_AGAIN },
	};
	return tui_choose(app, tag, msg,
	                  _("Save as new stores your edit as a new record; drop the edit closes the form; "
	                    "look again keeps the form open and saves nothing."),
	                  buttons, 3, 2, TUI_LOOK_AGAIN);
}

void tui_saved_status(tui_app *app, const struct lup_merge_report *mr)
{
	char fields[256];
	if (mr && lup_merge_fields(mr, LUP_MERGE_THEIRS, fields, sizeof fields) > 0)
		tui_status(app, _("Saved. Both edits kept: %s changed in another window."), fields);
	else
		tui_status(app, "%s", _("Saved."));
}

void tui_saved_warnings(tui_app *app, const char *saved, const char *const *msgs, int n)
{
	tui_key keys[TUI_MAX_KEYS];
	char kb[16];
	const char *key = tui_action_keys(TUI_A_MESSAGES, keys) > 0 ? tui_key_name(keys[0], kb) : "";
	if (n <= 0) {
		tui_status(app, "%s", saved);
		return;
	}
	/* the log shows the newest first: the first warning just under the
	 * status message */
	for (int i = n - 1; i >= 0; i--)
		tui_log(app, _("Warning: %s"), msgs[i] ? msgs[i] : "");
	tui_status(app, ngettext("%s %d warning (%s lists it): %s", "%s %d warnings (%s lists them): %s",
	                         (unsigned long)n), saved, n, key, msgs[0] ? msgs[0] : "");
}

/* The column whose stored value stayed: the same elsewhere, changed only
 * there, or taken after a question. */
static const struct lup_merge_col *kept(const struct lup_merge_report *mr)
{
	for (int i = 0; mr && i < mr->n; i++) {
		const struct lup_merge_col *c = &mr->col[i];
		if (c->how == LUP_MERGE_BOTH || c->how == LUP_MERGE_THEIRS ||
		    (c->how == LUP_MERGE_CONFLICT && c->resolve == LUP_TAKE_THEIRS))
			return c;
	}
	return NULL;
}

int tui_kept_status(tui_app *app, const struct lup_merge_report *mr)
{
	const struct lup_merge_col *c = kept(mr);
	if (!c)
		return 0;
	tui_status(app, _("Changed in another window already: %s is %s."), _(c->label),
	           c->theirs_shown[0] ? c->theirs_shown : _("(empty)"));
	return 1;
}

int tui_edit_kept(const struct tui_edit *e)
{
	return kept(&e->mr) != NULL;
}

static int edit_save(struct tui_edit *e, tui_app *app, int tag)
{
	lup_err err;
	lup_err_clear(&err);
	if (e->save(e->ud, app, &e->mr, &err) < 0) {
		if (err.code == LUP_ECHANGED && lup_merge_next_conflict(&e->mr))
			return tui_ask_changed(app, tag, &e->mr);
		tui_error(app, "%s", err.msg);
		return -1;
	}
	tui_kept_status(app, &e->mr);
	return 0;
}

int tui_edit_run(struct tui_edit *e, tui_app *app, int tag)
{
	lup_merge_report_clear(&e->mr);
	return edit_save(e, app, tag);
}

int tui_edit_answer(struct tui_edit *e, tui_app *app, int result, int tag)
{
	if (!tui_changed_answer(&e->mr, result)) {
		tui_status(app, "%s", _("Nothing was changed: the screen shows what is stored now."));
		return 1;
	}
	return edit_save(e, app, tag);
}

void tui_edit_free(struct tui_edit *e)
{
	lup_merge_report_clear(&e->mr);
}
