/* cohort_picker.c — pick one cohort of the programme (to copy a session
 * to it): the cohorts by start date with their weeks, status and seats;
 * Enter picks. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/list.h"
#include "tui/programme.h"

enum { C_NAME, C_DATES, C_WEEKS, C_STATUS, C_SEATS, NCOLS };

struct cpicker {
	tui_screen base;
	tui_app *app;
	char title[300];
	char prog[LUP_ID_SIZE];
	char not_id[LUP_ID_SIZE];
	char picked[LUP_ID_SIZE];
	struct tui_list list;
	int colw[NCOLS];
};

static void query(struct cpicker *s, struct lup_cohort_query *q)
{
	q->programme_id = s->prog[0] ? s->prog : NULL;
	q->status = NULL;
	q->cfg = NULL;
}

static int fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct cpicker *s = l->ud;
	struct lup_cohort_query q;
	query(s, &q);
	return lup_cohort_page(tui_db(s->app), &q, from, dir, n, rows, err);
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct cpicker *s = l->ud;
	struct lup_cohort_query q;
	query(s, &q);
	if (lup_cohort_count(tui_db(s->app), &q, total, err) < 0)
		return -1;
	*matching = *total;
	return 0;
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	struct cpicker *s = l->ud;
	struct lup_cohort_query q;
	query(s, &q);
	return lup_cohort_position(tui_db(s->app), &q, row, err);
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct cpicker *s = l->ud;
	const char *t[NCOLS] = { _("Cohort"), _("Dates"), _("Weeks"), _("Status"), _("Seats") };
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], t[c], tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct cpicker *s = l->ud;
	const struct lup_cohort_row *c = row;
	char dates[64], weeks[32], seats[64], name[200];
	const char *cells[NCOLS];
	int self = strcmp(c->id, s->not_id) == 0;
	(void)width;
	tui_prog_dates(c->start_date, c->end_date, dates, sizeof dates);
	tui_prog_weeks(c->start_date, c->end_date, weeks, sizeof weeks);
	tui_prog_seats(c->enrolled, c->capacity, c->waitlisted, seats, sizeof seats);
	if (self)
		snprintf(name, sizeof name, _("%s (this one)"), c->name);
	else
		snprintf(name, sizeof name, "%s", c->name);
	cells[C_NAME] = name;
	cells[C_DATES] = dates;
	cells[C_WEEKS] = weeks;
	cells[C_STATUS] = lup_cohort_status_label(c->status);
	cells[C_SEATS] = seats;
	for (int i = 0; i < NCOLS; i++) {
		if (s->colw[i] <= 0)
			continue;
		tui_put(y, x, s->colw[i], cells[i], self && !(a & A_REVERSE) ? tui_attr(TUI_S_DIM) : a, 0);
		x += s->colw[i] + 1;
	}
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header,
};

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_PICKER);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct cpicker *s = (struct cpicker *)scr;
	static const int min[NCOLS] = { 14, 23, 8, 9, 15 }, weight[NCOLS] = { 3, 0, 0, 0, 1 };
	tui_rect r = tui_area(app);
	tui_columns(r.w - 3, NCOLS, min, weight, s->colw);
	r.y += 1;
	r.h -= 1;
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	tui_list_reload(&((struct cpicker *)scr)->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct cpicker *s = (struct cpicker *)scr;
	tui_rect r = tui_area(app);
	tui_put(r.y, r.x + 1, r.w - 2, s->title, tui_attr(TUI_S_TITLE), 0);
	tui_list_draw(&s->list, app);
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct cpicker *)scr)->list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct cpicker *s = (struct cpicker *)scr;
	const struct lup_cohort_row *c = tui_list_focused(&s->list);
	int r;
	/* Esc in a pick list: back (it has no filter) */
	if (a == TUI_A_PICK_CLOSE)
		return tui_pop(app, TUI_CANCELLED);
	if (a == TUI_A_FILTER || a == TUI_A_SORT || a == TUI_A_MARK)
		return 0;
	r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	if (a != TUI_A_PICK && a != TUI_A_OPEN)
		return TUI_UNHANDLED;
	if (!c)
		return 0;
	if (strcmp(c->id, s->not_id) == 0) {
		tui_error(app, "%s", _("That is the cohort it comes from: pick another."));
		return TUI_REDRAW;
	}
	memcpy(s->picked, c->id, sizeof s->picked);
	return tui_pop(app, TUI_SAVED);
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_FILTER && a != TUI_A_SORT && a != TUI_A_MARK && a != TUI_A_PICK_CLOSE;
}

static void destroy(tui_screen *scr)
{
	struct cpicker *s = (struct cpicker *)scr;
	tui_list_free(&s->list);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Pick a cohort"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.idle = idle,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *tui_cohort_picker(tui_app *app, const char *title, const char *not_id)
{
	struct cpicker *s = calloc(1, sizeof *s);
	lup_err err;
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	snprintf(s->title, sizeof s->title, "%s", title);
	if (not_id) {
		struct lup_cohort c;
		snprintf(s->not_id, sizeof s->not_id, "%s", not_id);
		if (lup_cohort_get(tui_db(app), not_id, &c, &err) == 0)
			snprintf(s->prog, sizeof s->prog, "%s", c.programme_id);
		lup_cohort_clear(&c);
	}
	if (!s->prog[0] && lup_programme_first(tui_db(app), s->prog, &err) < 0)
		s->prog[0] = '\0';
	tui_list_init(&s->list, &list_ops, s, sizeof(struct lup_cohort_row), 1);
	return &s->base;
}

const char *tui_cohort_picked(tui_screen *picker)
{
	return picker && picker->ops == &ops ? ((struct cpicker *)picker)->picked : NULL;
}
