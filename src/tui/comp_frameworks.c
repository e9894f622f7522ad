/* comp_frameworks.c — the imported competence frameworks, every revision
 * (newest first within a framework) with what uses it: new check-ins
 * (the default framework, or one [frameworks] names for a role) and the
 * check-ins made with it; Enter shows one's areas and competences, t its
 * target levels per role, i imports a file (a preview first). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/list_screen.h"

enum { TAG_ROLES = 1, TAG_IMPORT, TAG_PREVIEW };
enum { C_IDENT, C_NAME, C_VERSION, C_REV, C_COMPS, C_USE, C_IMPORTED, NCOLS };

struct frameworks {
	struct tui_lscreen ls;
	struct lup_framework_row *rows;   /* the whole list: frameworks are few */
	size_t n;
	int identw;                       /* the widest ident */
};

static const struct tui_col cols[NCOLS] = {
	{ N_("Id"), 10, 0, 0 }, { N_("Name"), 14, 4, 0 }, { N_("Version"), 7, 1, 0 },
	{ N_("Rev."), 4, 0, TUI_RIGHT }, { N_("Competences"), 11, 0, TUI_RIGHT },
	{ N_("In use"), 20, 0, 0 }, { N_("Imported"), 10, 0, 0 },
};

struct uses {
	const char *ident;
	int found;
};

static void uses_ident(void *ud, const char *key, const char *value)
{
	struct uses *u = ud;
	(void)key;
	if (value && strcmp(value, u->ident) == 0)
		u->found = 1;
}

/* New check-ins use this framework: the default, or a role's. */
static int for_new(tui_app *app, const char *ident)
{
	struct uses u = { ident, 0 };
	if (strcmp(lup_competence_framework_for(tui_config(app), NULL), ident) == 0)
		return 1;
	lup_config_each(tui_config(app), "frameworks", uses_ident, &u);
	return u.found;
}

static void load(struct tui_lscreen *ls, tui_app *app)
{
	struct frameworks *s = (struct frameworks *)ls;
	lup_err err;
	lup_err_clear(&err);
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
	if (lup_framework_list(tui_db(app), 1, &s->rows, &s->n, &err) < 0) {
		tui_error(app, "%s", err.msg);
		s->rows = NULL;
		s->n = 0;
	}
	s->identw = 10;
	for (size_t i = 0; i < s->n; i++) {
		int w = tui_width(s->rows[i].ident);
		if (w > s->identw)
			s->identw = w < 40 ? w : 40;
	}
	ls->items = s->rows;
	ls->nitems = (long)s->n;
}

/* The id whole when there is room for it and a name. */
static void layout(struct tui_lscreen *ls, int w, int *colw)
{
	struct frameworks *s = (struct frameworks *)ls;
	int min[NCOLS], weight[NCOLS], third = (w + 3) / 3;
	for (int c = 0; c < NCOLS; c++) {
		min[c] = cols[c].min;
		weight[c] = cols[c].weight;
	}
	min[C_IDENT] = s->identw < third ? s->identw : third > 10 ? third : 10;
	tui_columns(w, NCOLS, min, weight, colw);
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	struct frameworks *s = (struct frameworks *)ls;
	const struct lup_framework_row *f = row;
	long i = tui_lscreen_index(ls, row);
	/* the latest revision of a framework in use takes new check-ins */
	int latest = i <= 0 || strcmp(s->rows[i - 1].ident, f->ident) != 0;
	int fresh = latest && for_new(ls->app, f->ident);
	c->text[C_IDENT] = f->ident;
	c->text[C_NAME] = lup_fw_text(f->name, f->name_sv);
	c->text[C_VERSION] = f->version;
	tui_cell_printf(c, C_REV, "%d", f->revision);
	tui_cell_printf(c, C_COMPS, "%ld", f->competences);
	tui_cell_printf(c, C_IMPORTED, "%.10s", f->imported_at);
	if (fresh && f->checkins)
		tui_cell_printf(c, C_USE, ngettext("new · %ld check-in", "new · %ld check-ins",
		                                   (unsigned long)f->checkins), f->checkins);
	else if (fresh)
		c->text[C_USE] = _("new check-ins");
	else if (f->checkins)
		tui_cell_printf(c, C_USE, ngettext("%ld check-in", "%ld check-ins", (unsigned long)f->checkins),
		                f->checkins);
	c->style[C_USE] = TUI_S_GOOD;
}

static const char *empty_text(struct tui_lscreen *ls)
{
	static char text[300];
	char keys[32];
	(void)ls;
	tui_action_keys_text(TUI_A_FW_IMPORT, keys, sizeof keys);
	snprintf(text, sizeof text, _("No framework is imported: press %s to import one (digcomp-2.2 ships "
	                              "with lup), or run lup framework import digcomp-2.2."), keys);
	return text;
}

static tui_screen *open_row(struct tui_lscreen *ls, const void *row)
{
	return tui_comp_framework_view(ls->app, ((const struct lup_framework_row *)row)->id);
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	const struct lup_framework_row *f = row;
	(void)ls;
	switch (a) {
	case TUI_A_TARGETS:
		return f ? tui_push(app, tui_comp_roles(app, f->ident), TAG_ROLES) : 0;
	case TUI_A_FW_IMPORT:
		return tui_push(app, tui_comp_fw_import(app), TAG_IMPORT);
	default:
		return TUI_UNHANDLED;
	}
}

static int result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result)
{
	(void)ls;
	if (tag == TAG_IMPORT && result == TUI_SAVED) {
		tui_screen *preview = tui_comp_fw_import_preview(child);
		if (preview)
			return tui_push(app, preview, TAG_PREVIEW);
	}
	return TUI_REDRAW;
}

static void destroy(struct tui_lscreen *ls)
{
	free(((struct frameworks *)ls)->rows);
}

static const struct tui_lscreen_def def = {
	.name = N_("Frameworks"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_FRAMEWORKS),
	.row_size = sizeof(struct lup_framework_row),
	.flags = TUI_LS_NO_FILTER,
	.cols = cols, .ncols = NCOLS,
	.cells = cells, .layout = layout, .empty_text = empty_text,
	.load = load, .open = open_row, .action = action, .result = result, .destroy = destroy,
};

tui_screen *tui_comp_frameworks_view(tui_app *app)
{
	struct frameworks *s = tui_lscreen_new(app, &def, sizeof *s);
	return s ? &s->ls.base : NULL;
}
