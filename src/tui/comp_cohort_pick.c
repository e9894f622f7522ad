/* comp_cohort_pick.c — pick a cohort for the heat map, or everyone (the
 * first row).  Enter picks, q or Esc leaves it as it was. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/competence.h"
#include "tui/programme.h"


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

static const struct tui_lscreen_def def = {
	TUI_COHORTS_DEF,
	.name = N_("Pick a cohort"),
	.contexts = TUI_LS_CONTEXTS,
	.cols = cols, .ncols = 1, .head = 1,
	.cells = cells, .layout = layout, .draw = draw, .pick = tui_cohorts_pick,
};

tui_screen *tui_comp_cohort_picker(tui_app *app)
{
	struct tui_cohorts *c = tui_lscreen_new(app, &def, sizeof *c);
	if (!c)
		return NULL;
	c->all_row = 1;
	return &c->ls.base;
}

const char *tui_comp_cohort_picked(tui_screen *picker, const char **name)
{
	struct tui_cohorts *c = tui_lscreen_of(picker, &def);
	if (!c)
		return NULL;
	if (name)
		*name = c->picked_name;
	return c->picked_id;
}
