/* comp_comment.c — the comment on one rating of a draft check-in. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/competence.h"

static const struct tui_field_def fields[] = {
	{ "comment", N_("Comment"), TUI_FIELD_LINES, 0, 2000, 0, 6, NULL, 0, NULL,
	  N_("Evidence, examples, what to work on; Enter starts a new line, ^S saves") },
};

struct comment_form {
	tui_app *app;
	char checkin[LUP_UUID_LEN + 1], competence[LUP_UUID_LEN + 1];
	char *seen;   /* the comment as loaded */
};

static void destroy_ud(void *ud)
{
	struct comment_form *cf = ud;
	free(cf->seen);
	free(cf);
}

static int save(void *ud, struct tui_form *f, lup_err *err)
{
	struct comment_form *cf = ud;
	return lup_rating_comment_edit(tui_db(cf->app), cf->checkin, cf->competence, cf->seen,
	                               tui_form_get(f, "comment"), tui_form_report(f), err);
}

tui_screen *tui_comp_comment_form(tui_app *app, const char *checkin_id, const char *competence_id,
                                  const char *title)
{
	struct comment_form *cf = calloc(1, sizeof *cf);
	char *text = NULL;
	tui_screen *s;
	lup_err err;
	if (!cf)
		return NULL;
	cf->app = app;
	snprintf(cf->checkin, sizeof cf->checkin, "%s", checkin_id);
	snprintf(cf->competence, sizeof cf->competence, "%s", competence_id);
	lup_err_clear(&err);
	if (lup_rating_get_comment(tui_db(app), checkin_id, competence_id, &text, &err) < 0) {
		tui_error(app, "%s", err.msg);
		free(cf);
		return NULL;
	}
	cf->seen = text;
	if (!(s = tui_form_screen(title, fields, 1, save, destroy_ud, cf)))
		return NULL;
	tui_form_set(tui_form_of(s), "comment", text);
	tui_form_mark_clean(tui_form_of(s));
	tui_form_no_new(tui_form_of(s));
	return s;
}
