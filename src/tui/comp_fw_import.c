/* comp_fw_import.c — importing a framework file from the Frameworks view:
 * its file name, then a preview of what the new revision changes
 * (competences added, retired, renamed, replaced; level names; targets;
 * roles no one has) or, instead, every problem of the file, each with its
 * line; ^S stores it (asks first), Esc leaves without storing anything. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "lup/fw_files.h"
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/dialog.h"
#include "tui/save_as.h"
#include "tui/view_screen.h"

enum { TAG_PREVIEW = 1, TAG_STORE };

struct preview {
	struct tui_vscreen vs;
	struct lup_fw_plan plan;
	char path[PATH_MAX];
};

static void fill(struct tui_vscreen *vs, tui_app *app)
{
	struct preview *s = (struct preview *)vs;
	const struct lup_fw_plan *p = &s->plan;
	const struct lup_framework *fw = p->fw;
	char line[1400], k1[16], k2[16];
	size_t active = 0;

	(void)app;
	tui_view_heading(&vs->view, s->path);
	if (p->problems.total) {
		tui_view_line(&vs->view, TUI_S_BAD, ngettext("%zu problem: nothing can be stored until it is put right.",
		                                           "%zu problems: nothing can be stored until they are put right.",
		                                           (unsigned long)p->problems.total), p->problems.total);
		for (size_t i = 0; i < p->problems.n; i++)
			tui_view_line(&vs->view, TUI_S_NORMAL, "%s", p->problems.msg[i]);
		if (p->problems.total > p->problems.n)
			tui_view_line(&vs->view, TUI_S_DIM, ngettext("and %zu more", "and %zu more",
			              (unsigned long)(p->problems.total - p->problems.n)), p->problems.total - p->problems.n);
		return;
	}
	for (size_t i = 0; i < fw->ncomps; i++)
		active += !fw->comps[i].retired;
	if (p->unchanged) {
		tui_view_line(&vs->view, TUI_S_GOOD, _("The same as %s revision %d: nothing to import."), fw->ident,
		              p->revision);
		return;
	}
	tui_view_field(&vs->view, _("Framework"), "%s · %s", fw->ident, lup_fw_text(fw->name, fw->name_sv));
	tui_view_field(&vs->view, _("Becomes"), _("revision %d (%zu competences, %zu targets)"), p->revision, active,
	               fw->ntargets);
	if (p->same_as)
		tui_view_field(&vs->view, _("Content"), _("the same as revision %d"), p->same_as);
	tui_view_heading(&vs->view, p->revision == 1 ? _("A new framework") : _("What changes"));
	if (p->revision > 1 && !p->diff.n)
		tui_view_line(&vs->view, TUI_S_DIM, "%s", _("Nothing but the file's layout."));
	for (size_t i = 0; i < p->diff.n; i++) {
		const struct lup_fw_change *c = &p->diff.c[i];
		if (p->revision == 1 && c->kind != LUP_FW_ROLE_NOBODY)
			continue;
		lup_fw_change_text(c, line, sizeof line);
		tui_view_line(&vs->view, c->kind == LUP_FW_ROLE_NOBODY || c->kind == LUP_FW_TARGET_GONE ||
		                        c->kind == LUP_FW_REPLACED ? TUI_S_WARN : TUI_S_NORMAL, "%s", line);
	}
	tui_view_blank(&vs->view);
	tui_view_line(&vs->view, TUI_S_DIM, _("%s stores it, %s leaves without storing anything."),
	              tui_comp_key(TUI_A_IMPORT_RUN, k1), tui_comp_key(TUI_A_IMPORT_CANCEL, k2));
}

static void draw(struct tui_vscreen *vs, tui_app *app, tui_rect r)
{
	(void)vs; (void)app;
	tui_put(r.y, r.x + 1, r.w - 2, _("Import a framework"), tui_attr(TUI_S_TITLE), 0);
}

static int action(struct tui_vscreen *vs, tui_app *app, enum tui_action a)
{
	struct preview *s = (struct preview *)vs;
	char q[300];
	switch (a) {
	case TUI_A_IMPORT_CANCEL:
		tui_status(app, "%s", _("Nothing was imported."));
		return tui_pop(app, TUI_CANCELLED);
	case TUI_A_IMPORT_RUN:
		if (s->plan.problems.total || !s->plan.fw) {
			tui_error(app, "%s", _("The file has problems: put them right and import it again."));
			return TUI_REDRAW;
		}
		if (s->plan.unchanged) {
			tui_status(app, "%s", _("Nothing to import: it is the same as the latest revision."));
			return tui_pop(app, TUI_CANCELLED);
		}
		snprintf(q, sizeof q, _("Store %s as revision %d?"), s->plan.fw->ident, s->plan.revision);
		return tui_confirm(app, TAG_STORE, q,
		                   _("Check-ins keep the revision they were made with; new ones use this one."));
	default:
		return TUI_UNHANDLED;
	}
}

static int result(struct tui_vscreen *vs, tui_app *app, tui_screen *child, int tag, int result)
{
	struct preview *s = (struct preview *)vs;
	char id[LUP_UUID_LEN + 1];
	lup_err err;
	(void)child;
	if (tag != TAG_STORE || result != TUI_YES)
		return TUI_REDRAW;
	lup_err_clear(&err);
	if (lup_framework_store(tui_db(app), &s->plan, id, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return TUI_REDRAW;
	}
	tui_status(app, _("Imported %s as revision %d."), s->plan.fw->ident, s->plan.revision);
	/* wherever the import began (the welcome, the list): the list, on it */
	tui_goto(app, N_("Competence"), N_("Frameworks"), id);
	return tui_pop(app, TUI_SAVED);
}

static void free_plan(struct tui_vscreen *vs)
{
	lup_fw_plan_clear(&((struct preview *)vs)->plan);
}

static const struct tui_vscreen_def preview_def = {
	.name = N_("Import a framework"),
	.contexts = TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_IMPORT),
	.head = 1, .load = fill, .draw = draw, .action = action, .result = result, .destroy = free_plan,
};

static void destroy(struct preview *s)
{
	s->vs.base.ops->destroy(&s->vs.base);
}

/* ---- the file name ---- */

struct pick {
	tui_app *app;
	struct preview *preview;   /* made by the save, handed to the caller */
};

static int plan_file(void *ud, const char *typed, lup_err *err)
{
	struct pick *pk = ud;
	struct preview *s;
	char path[PATH_MAX];
	/* a file, or the name of one at hand: digcomp-2.2 */
	if (lup_fw_file_find(typed, path, sizeof path, err) < 0)
		return -1;
	if (!(s = tui_vscreen_new(pk->app, &preview_def, sizeof *s, NULL)))
		return lup_err_oom(err);
	snprintf(s->path, sizeof s->path, "%s", path);
	if (lup_framework_plan_file(tui_db(pk->app), path, &s->plan, err) < 0) {
		destroy(s);
		return -1;
	}
	if (!s->plan.fw && s->plan.problems.total == 1) {
		/* the file could not be read at all: say so at the field */
		lup_err_set(err, LUP_EINVAL, "%s", s->plan.problems.msg[0]);
		destroy(s);
		return -1;
	}
	if (pk->preview)
		destroy(pk->preview);
	pk->preview = s;
	return 0;
}

static void free_pick(void *ud)
{
	struct pick *pk = ud;
	if (pk->preview)
		destroy(pk->preview);
	free(pk);
}

tui_screen *tui_comp_fw_import(tui_app *app)
{
	struct pick *pk = calloc(1, sizeof *pk);
	if (!pk)
		return NULL;
	pk->app = app;
	return tui_open_file(_("Import a framework file"), N_("A framework file (lup-framework(5)); ~ is your home folder"),
	                     _("Read %s: nothing is stored until you say so."), plan_file, free_pick, pk);
}

tui_screen *tui_comp_fw_import_file(tui_app *app, const char *path)
{
	struct pick pk = { app, NULL };
	lup_err err;
	lup_err_clear(&err);
	if (plan_file(&pk, path, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return NULL;
	}
	return &pk.preview->vs.base;
}

tui_screen *tui_comp_fw_import_preview(tui_screen *name_screen)
{
	struct pick *pk = tui_save_as_ud(name_screen);
	struct preview *s = pk ? pk->preview : NULL;
	if (pk)
		pk->preview = NULL;
	return s ? &s->vs.base : NULL;
}
