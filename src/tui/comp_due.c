/* comp_due.c — the Due list: who is overdue for a competence check-in
 * (and by how many days), who is due soon (and when), who was never
 * assessed; filtered as you type, Enter opens the person's check-ins, R
 * starts a round of check-ins for the focused person's unit or role (or
 * a cohort, or everyone). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/list.h"

enum { TAG_PERSON = 1, TAG_ROUND };
enum { C_NAME, C_UNIT, C_ROLE, C_DUE, C_LAST, NCOLS };

struct due {
	tui_screen base;
	tui_app *app;
	struct tui_list list;
	int colw[NCOLS];
	long counts[4];
	int counted;
	char *counted_filter;   /* the filter counts[] go with */
};

static void keep_filter(struct due *s, const char *filter)
{
	free(s->counted_filter);
	s->counted_filter = strdup(filter ? filter : "");
}

static void query(struct tui_list *l, struct lup_due_query *q)
{
	memset(q, 0, sizeof *q);
	q->today = lup_date_today();
	q->filter = tui_list_filter(l);
}

static int fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct due *s = l->ud;
	struct lup_due_query q;
	query(l, &q);
	return lup_due_page(tui_db(s->app), tui_config(s->app), &q, from, dir, n, rows, err);
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct due *s = l->ud;
	struct lup_due_query q;
	long all[4];
	query(l, &q);
	/* without a filter, everyone's counts are the ones just made */
	if (lup_due_count(tui_db(s->app), tui_config(s->app), &q, s->counts, err) < 0)
		return -1;
	if (!q.filter || !*q.filter)
		memcpy(all, s->counts, sizeof all);
	else if (lup_due_count_all(tui_db(s->app), tui_config(s->app), &q, all, err) < 0)
		return -1;
	s->counted = 1;
	keep_filter(s, q.filter);
	*matching = s->counts[LUP_DUE_OVERDUE] + s->counts[LUP_DUE_SOON] + s->counts[LUP_DUE_NEVER];
	*total = all[LUP_DUE_OVERDUE] + all[LUP_DUE_SOON] + all[LUP_DUE_NEVER];
	return 0;
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	struct due *s = l->ud;
	struct lup_due_query q;
	query(l, &q);
	return lup_due_position(tui_db(s->app), tui_config(s->app), &q, row, err);
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct due *s = l->ud;
	const char *titles[NCOLS] = { _("Name"), _("Unit"), _("Role"), _("Check-in"), _("Latest") };
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], titles[c], tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct due *s = l->ud;
	const struct lup_due_row *p = row;
	char due[128];
	const char *cells[NCOLS];
	(void)width;
	tui_comp_due_text(p->state, p->due, p->days, due, sizeof due);
	cells[C_NAME] = p->name;
	cells[C_UNIT] = p->org_unit;
	cells[C_ROLE] = p->role;
	cells[C_DUE] = due;
	cells[C_LAST] = p->last[0] ? p->last : "–";
	for (int c = 0; c < NCOLS; c++) {
		attr_t ca = a;
		if (s->colw[c] <= 0)
			continue;
		if (c == C_DUE && !(a & A_REVERSE))
			ca = tui_attr(p->state == LUP_DUE_OVERDUE ? TUI_S_BAD
			              : p->state == LUP_DUE_SOON ? TUI_S_WARN : TUI_S_DIM);
		tui_put(y, x, s->colw[c], cells[c], ca, 0);
		x += s->colw[c] + 1;
	}
}

static const char *empty_text(struct tui_list *l)
{
	(void)l;
	return _("Nobody is due for a check-in.");
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .empty_text = empty_text,
};

/* ---- the screen ---- */

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_DUE);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct due *s = (struct due *)scr;
	static const int min[NCOLS] = { 18, 10, 10, 22, 10 }, weight[NCOLS] = { 3, 4, 2, 2, 0 };
	tui_rect r = tui_comp_view_area(app);
	r.y += 1;   /* the counts */
	r.h -= 1;
	tui_columns(r.w - 3, NCOLS, min, weight, s->colw);
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct due *s = (struct due *)scr;
	tui_list_reload(&s->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct due *s = (struct due *)scr;
	tui_rect r = tui_comp_view_area(app);
	char line[256];
	if (s->counted) {
		int x = r.x + 2;
		snprintf(line, sizeof line, _("Overdue: %ld"), s->counts[LUP_DUE_OVERDUE]);
		x += tui_put(r.y, x, r.w - (x - r.x), line, tui_attr(TUI_S_BAD), 0) + 3;
		snprintf(line, sizeof line, _("Due soon: %ld"), s->counts[LUP_DUE_SOON]);
		x += tui_put(r.y, x, r.w - (x - r.x), line, tui_attr(TUI_S_WARN), 0) + 3;
		snprintf(line, sizeof line, _("Never assessed: %ld"), s->counts[LUP_DUE_NEVER]);
		x += tui_put(r.y, x, r.w - (x - r.x), line, tui_attr(TUI_S_NORMAL), 0) + 3;
		snprintf(line, sizeof line, _("Up to date: %ld"), s->counts[LUP_DUE_OK]);
		tui_put(r.y, x, r.w - (x - r.x), line, tui_attr(TUI_S_DIM), 0);
	}
	tui_list_draw(&s->list, app);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_list_key(&((struct due *)scr)->list, app, k);
}

static int idle(tui_screen *scr, tui_app *app)
{
	struct due *s = (struct due *)scr;
	int r = tui_list_idle(&s->list, app);
	const char *f = tui_list_filter(&s->list);
	/* When every match fits on the screen the list does not count them
	 * again; the counts above it follow the filter all the same. */
	if (s->counted && !s->list.count_pending &&
	    (!s->counted_filter || strcmp(s->counted_filter, f) != 0)) {
		struct lup_due_query q;
		lup_err err;
		lup_err_clear(&err);
		query(&s->list, &q);
		if (lup_due_count(tui_db(app), tui_config(app), &q, s->counts, &err) < 0)
			tui_error(app, "%s", err.msg);
		keep_filter(s, f);
		r |= TUI_REDRAW;
	}
	return r;
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct due *s = (struct due *)scr;
	const struct lup_due_row *p = tui_list_focused(&s->list);
	int r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_OPEN:
		return p ? tui_push(app, tui_comp_person(app, p->id), TAG_PERSON) : 0;
	case TUI_A_ROUND:
		return tui_push(app, tui_comp_round_form(app, p ? p->org_unit : NULL, p ? p->role : NULL), TAG_ROUND);
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_SORT;
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	(void)scr;
	if (tag == TAG_ROUND && result == TUI_SAVED)
		tui_status(app, "%s", tui_comp_round_done(child));
	return TUI_REDRAW;   /* enter() reloads */
}

static void destroy(tui_screen *scr)
{
	struct due *s = (struct due *)scr;
	tui_list_free(&s->list);
	free(s->counted_filter);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Due for a check-in"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *tui_comp_due_view(tui_app *app)
{
	struct due *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	tui_list_init(&s->list, &list_ops, s, sizeof(struct lup_due_row), 1);
	return &s->base;
}
