/* shadow_summary.c — placements by host country and start year, with the
 * count in each status, and the totals of every year below. */
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "tui/shadowing.h"

enum { C_COUNTRY, C_YEAR, C_S0, C_TOTAL = C_S0 + LUP_PS_COUNT, NCOLS };

struct summary {
	struct tui_lscreen ls;
	long totals[LUP_PS_COUNT];
	int totals_ok;
};

static const struct tui_col cols[NCOLS] = {
	{ N_("Country"), 12, 1, 0 }, { N_("Year"), 4, 0, 0 },
	{ NULL, 0, 0, TUI_RIGHT }, { NULL, 0, 0, TUI_RIGHT }, { NULL, 0, 0, TUI_RIGHT },
	{ NULL, 0, 0, TUI_RIGHT }, { NULL, 0, 0, TUI_RIGHT }, { N_("Total"), 0, 0, TUI_RIGHT },
};

/* A row per country and year: few, so the widget counts them by paging. */
static int page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err)
{
	return lup_shadow_summary_page(tui_db(ls->app), 0, from, dir, n, rows, err);
}

static const char *title(struct tui_lscreen *ls, int c)
{
	(void)ls;
	return c >= C_S0 && c < C_TOTAL ? lup_pstatus_label((enum lup_pstatus)(c - C_S0)) : NULL;
}

/* The numbers as wide as their titles; narrow, the widest status titles
 * give way before the country. */
static void layout(struct tui_lscreen *ls, int w, int *colw)
{
	int min[NCOLS], weight[NCOLS], need = -1;
	for (int c = 0; c < NCOLS; c++) {
		const char *t = c < C_S0 ? NULL : c == C_TOTAL ? _("Total") : title(ls, c);
		int tw = t ? tui_width(t) : 0;
		min[c] = t ? (tw < 5 ? 5 : tw) : cols[c].min;
		weight[c] = cols[c].weight;
		need += min[c] + 1;
	}
	while (need > w) {
		int widest = C_S0;
		for (int c = C_S0; c <= C_TOTAL; c++)
			if (min[c] > min[widest])
				widest = c;
		if (min[widest] <= 6)
			break;
		min[widest]--;
		need--;
	}
	tui_columns(w, NCOLS, min, weight, colw);
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	const struct lup_shadow_summary_row *r = row;
	(void)ls;
	tui_cell_printf(c, C_COUNTRY, "%s  %s", r->country, lup_country_name(r->country));
	tui_cell_printf(c, C_YEAR, "%d", r->year);
	for (int s = 0; s < LUP_PS_COUNT; s++) {
		tui_cell_printf(c, C_S0 + s, "%d", r->by_status[s]);
		if (!r->by_status[s])
			c->style[C_S0 + s] = TUI_S_DIM;
	}
	tui_cell_printf(c, C_TOTAL, "%d", r->total);
	c->add[C_TOTAL] = A_BOLD;
}

static const char *empty_text(struct tui_lscreen *ls)
{
	(void)ls;
	return _("No placements yet: propose one in the pipeline (v).");
}

static void load(struct tui_lscreen *ls, tui_app *app)
{
	struct summary *s = (struct summary *)ls;
	struct lup_placement_query q;
	lup_err err;
	memset(&q, 0, sizeof q);
	q.status = LUP_PS_ANY;
	s->totals_ok = lup_placement_counts(tui_db(app), &q, s->totals, &err) == 0;
	if (!s->totals_ok)
		tui_error(app, "%s", err.msg);
}

/* The totals of every year, under the columns. */
static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	struct summary *s = (struct summary *)ls;
	int y = r.y + r.h - 1, x = r.x + 2;
	long all = 0;
	attr_t a = tui_attr(TUI_S_HEADER);
	(void)app;
	if (!s->totals_ok)
		return;
	tui_fill(y, r.x, r.w, a);
	for (int st = 0; st < LUP_PS_COUNT; st++)
		all += s->totals[st];
	for (int c = 0; c < NCOLS; c++) {
		char b[64];
		if (ls->colw[c] <= 0)
			continue;
		if (c == C_COUNTRY)
			snprintf(b, sizeof b, "%s", _("All years"));
		else if (c == C_YEAR)
			b[0] = 0;
		else
			snprintf(b, sizeof b, "%ld", c == C_TOTAL ? all : s->totals[c - C_S0]);
		tui_put(y, x, ls->colw[c], b, a, c >= C_S0 ? TUI_RIGHT : 0);
		x += ls->colw[c] + 1;
	}
}

static const struct tui_lscreen_def def = {
	.name = N_("Summary"),
	.contexts = TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE),
	.row_size = sizeof(struct lup_shadow_summary_row),
	.flags = TUI_LS_NO_FILTER,
	.cols = cols, .ncols = NCOLS, .foot = 1,
	.page = page, .cells = cells, .layout = layout, .title = title, .empty_text = empty_text,
	.load = load, .draw = draw,
};

tui_screen *tui_summary_view(tui_app *app)
{
	struct summary *s = tui_lscreen_new(app, &def, sizeof *s);
	return s ? &s->ls.base : NULL;
}
