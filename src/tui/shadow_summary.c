/* shadow_summary.c — placements by host country and start year, with the
 * count in each status. */
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "tui/shadowing.h"

enum { C_COUNTRY, C_YEAR, C_S0, C_TOTAL = C_S0 + LUP_PS_COUNT, NCOLS };

struct summary {
	struct tui_shadow_view base;
	tui_app *app;
	struct tui_list list;
	int colw[NCOLS];
	long totals[LUP_PS_COUNT];
	int totals_ok;
};

static int fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct summary *s = l->ud;
	return lup_shadow_summary_page(tui_db(s->app), 0, from, dir, n, rows, err);
}

/* The summary has a row per country and year: few, so counting walks them. */
static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct summary *s = l->ud;
	struct lup_shadow_summary_row rows[64];
	long n = 0;
	int got;
	const struct lup_shadow_summary_row *from = NULL;
	struct lup_shadow_summary_row last;
	while ((got = lup_shadow_summary_page(tui_db(s->app), 0, from, 1, 64, rows, err)) > 0) {
		n += got;
		last = rows[got - 1];
		from = &last;
		if (got < 64)
			break;
	}
	if (got < 0)
		return -1;
	*total = *matching = n;
	return 0;
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	struct summary *s = l->ud;
	struct lup_shadow_summary_row rows[64], last = *(const struct lup_shadow_summary_row *)row;
	long n = 0;
	int got;
	while ((got = lup_shadow_summary_page(tui_db(s->app), 0, &last, -1, 64, rows, err)) > 0) {
		n += got;
		last = rows[0];
		if (got < 64)
			break;
	}
	return got < 0 ? -1 : n;
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct summary *s = l->ud;
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		const char *t = c == C_COUNTRY ? _("Country") : c == C_YEAR ? _("Year")
		              : c == C_TOTAL ? _("Total") : lup_pstatus_label((enum lup_pstatus)(c - C_S0));
		if (s->colw[c] <= 0)
			continue;
		tui_put(y, x, s->colw[c], t, tui_attr(TUI_S_HEADER), c >= C_S0 ? TUI_RIGHT : 0);
		x += s->colw[c] + 1;
	}
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct summary *s = l->ud;
	const struct lup_shadow_summary_row *r = row;
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		char b[64];
		const char *t = b;
		attr_t ca = a;
		if (s->colw[c] <= 0)
			continue;
		if (c == C_COUNTRY)
			snprintf(b, sizeof b, "%s  %s", r->country, lup_country_name(r->country));
		else if (c == C_YEAR)
			snprintf(b, sizeof b, "%d", r->year);
		else if (c == C_TOTAL)
			snprintf(b, sizeof b, "%d", r->total);
		else {
			int v = r->by_status[c - C_S0];
			snprintf(b, sizeof b, "%d", v);
			if (!v && !(a & A_REVERSE))
				ca = tui_attr(TUI_S_DIM);
		}
		tui_put(y, x, s->colw[c], t, c == C_TOTAL ? ca | A_BOLD : ca, c >= C_S0 ? TUI_RIGHT : 0);
		x += s->colw[c] + 1;
	}
}

static const char *empty_text(struct tui_list *l)
{
	(void)l;
	return _("No placements yet: propose one in the pipeline (v).");
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .empty_text = empty_text,
};

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct summary *s = (struct summary *)scr;
	tui_rect r = tui_shadow_area(app);
	int min[NCOLS], weight[NCOLS];
	r.h -= 1;   /* the totals */
	min[C_COUNTRY] = 12; weight[C_COUNTRY] = 1;
	min[C_YEAR] = 4; weight[C_YEAR] = 0;
	for (int c = C_S0; c <= C_TOTAL; c++) {
		const char *t = c == C_TOTAL ? _("Total") : lup_pstatus_label((enum lup_pstatus)(c - C_S0));
		int w = tui_width(t);
		min[c] = w < 5 ? 5 : w;
		weight[c] = 0;
	}
	/* narrow: the widest status titles give way before the country */
	{
		int need = -1;
		for (int c = 0; c < NCOLS; c++)
			need += min[c] + 1;
		while (need > r.w - 3) {
			int widest = C_S0;
			for (int c = C_S0; c <= C_TOTAL; c++)
				if (min[c] > min[widest])
					widest = c;
			if (min[widest] <= 6)
				break;
			min[widest]--;
			need--;
		}
	}
	tui_columns(r.w - 3, NCOLS, min, weight, s->colw);
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct summary *s = (struct summary *)scr;
	struct lup_placement_query q;
	lup_err err;
	memset(&q, 0, sizeof q);
	q.status = LUP_PS_ANY;
	tui_list_reload(&s->list, app, NULL);
	s->totals_ok = lup_placement_counts(tui_db(app), &q, s->totals, &err) == 0;
	if (!s->totals_ok)
		tui_error(app, "%s", err.msg);
	return TUI_REDRAW;
}

/* The totals of every year, under the columns. */
static void draw(tui_screen *scr, tui_app *app)
{
	struct summary *s = (struct summary *)scr;
	tui_rect r = tui_shadow_area(app);
	tui_list_draw(&s->list, app);
	if (s->totals_ok) {
		int y = r.y + r.h - 1, x = r.x + 2;
		long all = 0;
		attr_t a = tui_attr(TUI_S_HEADER);
		tui_fill(y, r.x, r.w, a);
		for (int st = 0; st < LUP_PS_COUNT; st++)
			all += s->totals[st];
		for (int c = 0; c < NCOLS; c++) {
			char b[64];
			if (s->colw[c] <= 0)
				continue;
			if (c == C_COUNTRY)
				snprintf(b, sizeof b, "%s", _("All years"));
			else if (c == C_YEAR)
				b[0] = 0;
			else
				snprintf(b, sizeof b, "%ld", c == C_TOTAL ? all : s->totals[c - C_S0]);
			tui_put(y, x, s->colw[c], b, a, c >= C_S0 ? TUI_RIGHT : 0);
			x += s->colw[c] + 1;
		}
	}
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct summary *)scr)->list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	return tui_list_action(&((struct summary *)scr)->list, app, a);
}

static void destroy(tui_screen *scr)
{
	struct summary *s = (struct summary *)scr;
	tui_list_free(&s->list);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Summary"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.idle = idle,
	.destroy = destroy,
};

tui_screen *tui_summary_view(tui_app *app)
{
	struct summary *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.base.ops = &ops;
	s->app = app;
	tui_list_init(&s->list, &list_ops, s, sizeof(struct lup_shadow_summary_row), 1);
	return &s->base.base;
}
