/* comp_cohort_pick.c — pick a cohort for the heat map, or everyone (the
 * first row).  Enter picks, q or Esc leaves it as it was. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/competence.h"
#include "tui/programme.h"

struct picker {
	struct tui_cohorts c;
	char id[LUP_UUID_LEN + 1], name[160];
};

static const struct tui_col cols[] = { { N_("Cohort"), 0, 0, 0 } };

/* One column, the whole width. */
static void layout(struct tui_lscreen *ls, int w, int *colw)
{
	(void)ls;
	colw[0] = w + 1;
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	const struct lup_cohort_row *r = row;
	(void)ls;
	if (!r->id[0]) {
		c->text[0] = _("Everyone (no cohort chosen)");
		c->add[0] = A_BOLD;
		return;
	}
	tui_cell_printf(c, 0, "%s  %s – %s", r->name, r->start_date[0] ? r->start_date : "?",
	                r->end_date[0] ? r->end_date : "?");
}

static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	(void)ls; (void)app;
	tui_put(r.y, r.x + 1, r.w - 2, _("Heat map: whose levels? Enter picks a cohort, or everyone"),
	        tui_attr(TUI_S_TITLE), 0);
}

static int pick(struct tui_lscreen *ls, const void *row)
{
	struct picker *s = (struct picker *)ls;
	const struct lup_cohort_row *r = row;
	if (!r)
		return 0;
	snprintf(s->id, sizeof s->id, "%s", r->id);
	snprintf(s->name, sizeof s->name, "%s", r->id[0] ? r->name : "");
	return tui_pop(ls->app, TUI_SAVED);
}

static const struct tui_lscreen_def def = {
	TUI_COHORTS_DEF,
	.name = N_("Pick a cohort"),
	.contexts = TUI_LS_CONTEXTS,
	.cols = cols, .ncols = 1, .head = 1,
	.cells = cells, .layout = layout, .draw = draw, .pick = pick,
};

tui_screen *tui_comp_cohort_picker(tui_app *app)
{
	struct picker *s = tui_lscreen_new(app, &def, sizeof *s);
	if (!s)
		return NULL;
	s->c.all_row = 1;
	return &s->c.ls.base;
}

const char *tui_comp_cohort_picked(tui_screen *picker, const char **name)
{
	struct picker *s = tui_lscreen_of(picker, &def);
	if (!s)
		return NULL;
	if (name)
		*name = s->name;
	return s->id;
}
