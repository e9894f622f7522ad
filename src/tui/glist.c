/* glist.c — the keyset-paged list with group headings. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/glist.h"

#define ROW(g, buf, i) ((buf) + (size_t)(i) * (g)->row_size)

void tui_glist_init(struct tui_glist *g, const struct tui_glist_ops *ops, void *ud, size_t row_size)
{
	memset(g, 0, sizeof *g);
	g->ops = ops;
	g->ud = ud;
	g->row_size = row_size;
}

void tui_glist_free(struct tui_glist *g)
{
	free(g->rows);
	free(g->tmp);
	free(g->before);
	g->rows = g->tmp = g->before = NULL;
	g->nrows = g->cap = g->nvis = 0;
}

const void *tui_glist_focused(const struct tui_glist *g)
{
	return g->nvis > 0 && g->focus >= 0 && g->focus < g->nvis ? ROW(g, g->rows, g->focus) : NULL;
}

static int fetch(struct tui_glist *g, tui_app *app, const void *from, int dir, int n, void *rows)
{
	lup_err err;
	int got;
	if (n <= 0)
		return 0;
	lup_err_clear(&err);
	got = g->ops->fetch(g, from, dir, n, rows, &err);
	if (got < 0) {
		tui_error(app, "%s", err.msg);
		return 0;
	}
	return got > n ? n : got;
}

/* Lines that rows a[0..n-1] take, a heading above the first and above
 * each new group. */
static int lines_of(struct tui_glist *g, const char *a, int n)
{
	int lines = 0;
	for (int i = 0; i < n; i++)
		lines += 1 + (i == 0 || strcmp(g->ops->group(g, ROW(g, a, i - 1)),
		                               g->ops->group(g, ROW(g, a, i))) != 0);
	return lines;
}

/* How many of the window's rows fit. */
static void count_visible(struct tui_glist *g)
{
	int used = 0;
	g->nvis = 0;
	for (int i = 0; i < g->nrows; i++) {
		int need = 1 + (i == 0 || strcmp(g->ops->group(g, ROW(g, g->rows, i - 1)),
		                                 g->ops->group(g, ROW(g, g->rows, i))) != 0);
		if (used + need > g->r.h)
			break;
		used += need;
		g->nvis = i + 1;
	}
	if (g->focus >= g->nvis)
		g->focus = g->nvis ? g->nvis - 1 : 0;
	if (g->focus < 0)
		g->focus = 0;
}

static void refetch(struct tui_glist *g, tui_app *app)
{
	if (!g->cap)
		return;
	g->nrows = fetch(g, app, g->has_before ? g->before : NULL, 1, g->cap, g->rows);
	if (g->nrows == 0 && g->has_before) {   /* everything after the window went */
		g->has_before = 0;
		g->nrows = fetch(g, app, NULL, 1, g->cap, g->rows);
	}
	count_visible(g);
}

void tui_glist_reload(struct tui_glist *g, tui_app *app)
{
	refetch(g, app);
}

void tui_glist_layout(struct tui_glist *g, tui_app *app, tui_rect r)
{
	int cap = r.h > 1 ? r.h : 1;
	g->r = r;
	if (cap != g->cap) {
		char *nr = realloc(g->rows, (size_t)cap * g->row_size);
		char *nt, *nb;
		if (!nr)
			return;
		g->rows = nr;
		if (!(nt = realloc(g->tmp, (size_t)(cap + 1) * g->row_size)))
			return;
		g->tmp = nt;
		if (!g->before) {
			if (!(nb = malloc(g->row_size)))
				return;
			g->before = nb;
		}
		g->cap = cap;
	}
	refetch(g, app);
}

/* The window starts after row `after` (NULL: at the first row). */
static void start_after(struct tui_glist *g, const void *after)
{
	if (after) {
		memmove(g->before, after, g->row_size);
		g->has_before = 1;
	} else {
		g->has_before = 0;
	}
}

int tui_glist_next(struct tui_glist *g, tui_app *app)
{
	int target = g->focus + 1;
	if (target < g->nvis) {
		g->focus = target;
		return 1;
	}
	if (target >= g->nrows)
		return 0;   /* the last row */
	/* scroll a row at a time until the next row shows */
	while (target >= g->nvis && g->nrows > 1) {
		start_after(g, ROW(g, g->rows, 0));
		target--;
		refetch(g, app);
	}
	g->focus = target < g->nvis ? target : g->nvis - 1;
	return 1;
}

static int prev(struct tui_glist *g, tui_app *app)
{
	int got;
	if (g->focus > 0) {
		g->focus--;
		return 1;
	}
	if (!g->has_before || !g->nrows)
		return 0;
	/* the row above the window becomes its top: fetch it and the one above */
	got = fetch(g, app, ROW(g, g->rows, 0), -1, 2, g->tmp);
	if (got == 0) {
		g->has_before = 0;
		refetch(g, app);
		return 0;
	}
	start_after(g, got == 2 ? ROW(g, g->tmp, 0) : NULL);
	refetch(g, app);
	g->focus = 0;
	return 1;
}

/* Make the window end with rows a[0..n-1] followed by `last` (NULL: none):
 * the earliest start that fits.  a comes from fetching backwards, so
 * whether anything lies above a[0] is known only when n == asked. */
static void end_with(struct tui_glist *g, tui_app *app, char *a, int n, int asked, const void *last)
{
	int s = n;
	char *seq = malloc((size_t)(n + 1) * g->row_size);
	if (!seq)
		return;
	memcpy(seq, a, (size_t)n * g->row_size);
	if (last)
		memcpy(ROW(g, seq, n), last, g->row_size);
	/* the smallest s with rows s.. (and last) fitting */
	while (s > 0 && lines_of(g, ROW(g, seq, s - 1), n - s + 1 + (last != NULL)) <= g->r.h)
		s--;
	if (s == n && n > 0)   /* too little room even for one more: move by one */
		s = n - 1;
	if (s > 0) {
		start_after(g, ROW(g, seq, s - 1));
	} else if (n == asked && n > 0) {
		char *above = malloc(g->row_size);
		int got = above ? fetch(g, app, ROW(g, seq, 0), -1, 1, above) : 0;
		start_after(g, got == 1 ? above : NULL);
		free(above);
	} else {
		start_after(g, NULL);
	}
	free(seq);
	refetch(g, app);
}

int tui_glist_action(struct tui_glist *g, tui_app *app, enum tui_action a)
{
	switch (a) {
	case TUI_A_DOWN:
		tui_glist_next(g, app);
		return TUI_REDRAW;
	case TUI_A_UP:
		prev(g, app);
		return TUI_REDRAW;
	case TUI_A_PAGE_DOWN:
		if (g->focus < g->nvis - 1) {
			g->focus = g->nvis - 1;
		} else if (g->nrows > g->nvis && g->nvis > 0) {
			/* the last row shown becomes the first */
			start_after(g, g->nvis >= 2 ? ROW(g, g->rows, g->nvis - 2) : ROW(g, g->rows, 0));
			refetch(g, app);
			g->focus = g->nvis ? g->nvis - 1 : 0;
		}
		return TUI_REDRAW;
	case TUI_A_PAGE_UP:
		if (g->focus > 0) {
			g->focus = 0;
		} else if (g->has_before && g->nrows) {
			/* the first row shown becomes the last */
			char *top = malloc(g->row_size);
			int got;
			if (!top)
				return TUI_REDRAW;
			memcpy(top, g->rows, g->row_size);
			got = fetch(g, app, top, -1, g->cap, g->tmp);
			end_with(g, app, g->tmp, got, g->cap, top);
			free(top);
			g->focus = 0;
		}
		return TUI_REDRAW;
	case TUI_A_TOP:
		g->has_before = 0;
		refetch(g, app);
		g->focus = 0;
		return TUI_REDRAW;
	case TUI_A_BOTTOM: {
		int got = fetch(g, app, NULL, -1, g->cap, g->tmp);
		end_with(g, app, g->tmp, got, g->cap, NULL);
		g->focus = g->nvis ? g->nvis - 1 : 0;
		return TUI_REDRAW;
	}
	default:
		return TUI_UNHANDLED;
	}
}

void tui_glist_draw(struct tui_glist *g, tui_app *app)
{
	tui_rect r = g->r;
	int y = r.y;
	attr_t normal = tui_attr(TUI_S_NORMAL);
	for (int i = 0; i < g->nvis; i++) {
		const void *row = ROW(g, g->rows, i);
		int focused = i == g->focus;
		attr_t a = focused ? tui_attr(TUI_S_FOCUS) : normal;
		if (i == 0 || strcmp(g->ops->group(g, ROW(g, g->rows, i - 1)), g->ops->group(g, row)) != 0) {
			tui_fill(y, r.x, r.w, tui_attr(TUI_S_NORMAL));
			g->ops->draw_heading(g, row, y, r.x, r.w);
			y++;
		}
		tui_fill(y, r.x, r.w, a);
		if (focused)
			tui_put(y, r.x, 1, tui_glyph_marker(), a | A_BOLD, 0);
		g->ops->draw_row(g, row, y, r.x + 2, r.w - 2, a);
		if (focused)
			tui_cursor(app, y, r.x);
		y++;
	}
	if (g->nvis == 0) {
		const char *e = g->ops->empty_text ? g->ops->empty_text(g) : _("Nothing here yet.");
		tui_put(r.y + 1, r.x + 2, r.w - 4, e, tui_attr(TUI_S_DIM), 0);
		tui_cursor(app, r.y + 1, r.x + 2);
	}
}
