/* glist.h — a keyset-paged list whose rows come in groups, each group
 * under a heading line (competences under their areas).
 *
 * Like list.h it holds only the rows on screen, fetched from the core
 * through a callback ("the n rows after this one"), so it costs the same
 * for 21 competences as for thousands.  The row at the top always has its
 * group's heading above it, so the context never scrolls away.  There is
 * no filter and no count: the screen says what it needs to above the list.
 *
 *     static const struct tui_glist_ops ops = { fetch, group, draw_heading, draw_row };
 *     tui_glist_init(&s->gl, &ops, s, sizeof(struct lup_rating_row));
 *     on_resize: tui_glist_layout(&s->gl, app, rect);
 *     enter:     tui_glist_reload(&s->gl, app);
 *     on_action: r = tui_glist_action(&s->gl, app, a); if (!(r & TUI_UNHANDLED)) return r; …
 *     draw:      tui_glist_draw(&s->gl, app);
 * with TUI_CTX_MOVE among the screen's contexts. */
#ifndef LUP_TUI_GLIST_H
#define LUP_TUI_GLIST_H

#include <stddef.h>
#include "tui/draw.h"
#include "tui/screen.h"

struct tui_glist;

struct tui_glist_ops {
	/* Up to n rows after (dir > 0) or before (dir < 0) the row `from`, in
	 * display order; from NULL: from the start (or, dir < 0, the end).
	 * Returns the count, or -1 with err set. */
	int (*fetch)(struct tui_glist *g, const void *from, int dir, int n, void *rows, lup_err *err);
	/* The group of a row (rows of a group come together): a key compared
	 * with strcmp. */
	const char *(*group)(struct tui_glist *g, const void *row);
	/* The heading of row's group, in width columns at (y, x). */
	void (*draw_heading)(struct tui_glist *g, const void *row, int y, int x, int width);
	/* One row; attr is its base attribute (reverse video when focused). */
	void (*draw_row)(struct tui_glist *g, const void *row, int y, int x, int width, attr_t attr);
	/* Optional: what to say when there are no rows (translated). */
	const char *(*empty_text)(struct tui_glist *g);
};

struct tui_glist {
	const struct tui_glist_ops *ops;
	void *ud;
	size_t row_size;
	/* private */
	char *before;         /* the row just above the window … */
	int has_before;       /* … if there is one */
	char *rows, *tmp;
	int nrows, cap, nvis, focus;
	tui_rect r;
};

void tui_glist_init(struct tui_glist *g, const struct tui_glist_ops *ops, void *ud, size_t row_size);
void tui_glist_free(struct tui_glist *g);
/* Its rectangle (rows and headings); refetches. */
void tui_glist_layout(struct tui_glist *g, tui_app *app, tui_rect r);
/* Refetch the window after a change, keeping the focus on the same line. */
void tui_glist_reload(struct tui_glist *g, tui_app *app);
const void *tui_glist_focused(const struct tui_glist *g);
/* Move the focus to the next row; 0 when it was on the last one. */
int tui_glist_next(struct tui_glist *g, tui_app *app);
/* Moving and paging actions; TUI_UNHANDLED for others. */
int tui_glist_action(struct tui_glist *g, tui_app *app, enum tui_action a);
void tui_glist_draw(struct tui_glist *g, tui_app *app);

#endif
