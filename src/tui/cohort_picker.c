/* cohort_picker.c — pick one cohort of the programme (to copy a session
 * to it): the cohorts by start date with their weeks, status and seats;
 * Enter picks. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/programme.h"

enum { C_NAME, C_DATES, C_WEEKS, C_STATUS, C_SEATS, NCOLS };

struct cpicker {
	struct tui_cohorts c;
	char title[300];
	char not_id[LUP_ID_SIZE];
};

static const struct tui_col cols[NCOLS] = {
	{ N_("Cohort"), 14, 3, 0 }, { N_("Dates"), 23, 0, 0 }, { N_("Weeks"), 8, 0, 0 },
	{ N_("Status"), 9, 0, 0 }, { N_("Seats"), 15, 1, 0 },
};

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	struct cpicker *s = (struct cpicker *)ls;
	const struct lup_cohort_row *r = row;
	int self = strcmp(r->id, s->not_id) == 0;
	if (self)
		tui_cell_printf(c, C_NAME, _("%s (this one)"), r->name);
	else
		c->text[C_NAME] = r->name;
	tui_prog_dates(r->start_date, r->end_date, c->buf[C_DATES], sizeof c->buf[C_DATES]);
	c->text[C_DATES] = c->buf[C_DATES];
	tui_prog_weeks(r->start_date, r->end_date, c->buf[C_WEEKS], sizeof c->buf[C_WEEKS]);
	c->text[C_WEEKS] = c->buf[C_WEEKS];
	c->text[C_STATUS] = lup_cohort_status_label(r->status);
	tui_prog_seats(r->enrolled, r->capacity, r->waitlisted, c->buf[C_SEATS], sizeof c->buf[C_SEATS]);
	c->text[C_SEATS] = c->buf[C_SEATS];
	for (int i = 0; self && i < NCOLS; i++)
		c->style[i] = TUI_S_DIM;
}

static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	(void)app;
	tui_put(r.y, r.x + 1, r.w - 2, ((struct cpicker *)ls)->title, tui_attr(TUI_S_TITLE), 0);
}

static int pick(struct tui_lscreen *ls, const void *row)
{
	struct cpicker *s = (struct cpicker *)ls;
	const struct lup_cohort_row *c = row;
	if (!c)
		return 0;
	if (strcmp(c->id, s->not_id) == 0) {
		tui_error(ls->app, "%s", _("That is the cohort it comes from: pick another."));
		return TUI_REDRAW;
	}
	return tui_cohorts_pick(ls, c);
}

static int offers(struct tui_lscreen *ls, enum tui_action a)
{
	(void)ls;
	return a != TUI_A_MARK;   /* one cohort is picked */
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	(void)ls; (void)app; (void)row;
	return a == TUI_A_MARK ? 0 : TUI_UNHANDLED;
}

static const struct tui_lscreen_def def = {
	TUI_COHORTS_DEF,
	.name = N_("Pick a cohort"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_PICKER),
	.cols = cols, .ncols = NCOLS, .head = 1,
	.cells = cells, .draw = draw, .pick = pick, .action = action, .offers = offers,
};

tui_screen *tui_cohort_picker(tui_app *app, const char *title, const char *not_id)
{
	struct cpicker *s = tui_lscreen_new(app, &def, sizeof *s);
	lup_err err;
	if (!s)
		return NULL;
	snprintf(s->title, sizeof s->title, "%s", title);
	if (not_id) {
		struct lup_cohort c;
		snprintf(s->not_id, sizeof s->not_id, "%s", not_id);
		if (lup_cohort_get(tui_db(app), not_id, &c, &err) == 0)
			snprintf(s->c.prog, sizeof s->c.prog, "%s", c.programme_id);
		lup_cohort_clear(&c);
	}
	if (!s->c.prog[0] && lup_programme_first(tui_db(app), s->c.prog, &err) < 0)
		s->c.prog[0] = '\0';
	return &s->c.ls.base;
}

const char *tui_cohort_picked(tui_screen *picker)
{
	struct cpicker *s = tui_lscreen_of(picker, &def);
	return s ? s->c.picked_id : NULL;
}
