/* comp_framework_view.c — one framework revision: what it is, its level
 * scale, its areas with their competences and level ranges, and the roles
 * that have target levels. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/view_screen.h"

enum { TAG_ROLES = 1 };

struct fw_view {
	struct tui_vscreen vs;
	char ident[LUP_FW_IDENT_MAX + 1];
};

static void load(struct tui_vscreen *vs, tui_app *app)
{
	struct fw_view *s = (struct fw_view *)vs;
	struct lup_framework *fw = NULL;
	lup_err err;
	const char *dash = tui_utf8() ? "–" : "-";
	lup_err_clear(&err);
	if (lup_framework_load(tui_db(app), vs->id, &fw, &err) < 0) {
		tui_vscreen_gone(vs, err.msg);
		return;
	}
	snprintf(s->ident, sizeof s->ident, "%s", fw->ident);
	tui_view_heading(&vs->view, lup_fw_text(fw->name, fw->name_sv));
	tui_view_field(&vs->view, _("Id"), "%s", fw->ident);
	tui_view_field(&vs->view, _("Version"), "%s", fw->version ? fw->version : dash);
	tui_view_field(&vs->view, _("Revision"), "%d", fw->revision);
	tui_view_field(&vs->view, _("Imported"), "%.10s", fw->imported_at);
	if (fw->extends && *fw->extends)
		tui_view_field(&vs->view, _("Extends"), "%s", fw->extends);
	if (fw->description && *fw->description)
		tui_view_field(&vs->view, _("Description"), "%s", fw->description);

	tui_view_heading(&vs->view, _("Levels"));
	for (size_t i = 0; i < fw->nlevels; i++) {
		const struct lup_fw_level *l = &fw->levels[i];
		const char *band = lup_fw_text(l->band, l->band_sv);
		tui_view_line(&vs->view, TUI_S_NORMAL, "%3d  %s%s%s", l->value, lup_fw_text(l->name, l->name_sv),
		              band && *band ? " · " : "", band ? band : "");
	}

	tui_view_heading(&vs->view, _("Areas and competences"));
	for (size_t a = 0; a < fw->nareas; a++) {
		const struct lup_fw_area *ar = &fw->areas[a];
		tui_view_blank(&vs->view);
		tui_view_line(&vs->view, TUI_S_TITLE, "%s  %s", ar->code, lup_fw_text(ar->name, ar->name_sv));
		for (size_t c = 0; c < fw->ncomps; c++) {
			const struct lup_fw_competence *k = &fw->comps[c];
			if (strcmp(k->area, ar->code) != 0)
				continue;
			char range[32];
			snprintf(range, sizeof range, "%d%s%d", k->level_min, dash, k->level_max);
			tui_view_line(&vs->view, k->retired ? TUI_S_DIM : TUI_S_NORMAL, "%-6s %-5s  %s%s", k->code, range,
			              lup_fw_text(k->name, k->name_sv), k->retired ? _("  (retired)") : "");
		}
	}

	tui_view_heading(&vs->view, _("Target levels per role"));
	if (fw->nroles == 0)
		tui_view_line(&vs->view, TUI_S_DIM, "%s", _("None yet: press t to set them."));
	for (size_t r = 0; r < fw->nroles; r++) {
		long n = 0;
		for (size_t t = 0; t < fw->ntargets; t++)
			if (fw->targets[t].role == fw->roles[r])
				n++;
		tui_view_line(&vs->view, TUI_S_NORMAL, ngettext("%s: %ld competence", "%s: %ld competences",
		                                              (unsigned long)n), fw->roles[r], n);
	}
	lup_framework_free(fw);
}

static int action(struct tui_vscreen *vs, tui_app *app, enum tui_action a)
{
	struct fw_view *s = (struct fw_view *)vs;
	if (a == TUI_A_TARGETS && s->ident[0])
		return tui_push(app, tui_comp_roles(app, s->ident), TAG_ROLES);
	return TUI_UNHANDLED;
}

static const struct tui_vscreen_def def = {
	.name = N_("Framework"),
	.contexts = TUI_VS_CONTEXTS | TUI_CTXBIT(TUI_CTX_FRAMEWORKS),
	.load = load, .action = action,
};

tui_screen *tui_comp_framework_view(tui_app *app, const char *framework_id)
{
	struct fw_view *s = tui_vscreen_new(app, &def, sizeof *s, framework_id);
	return s ? &s->vs.base : NULL;
}
