/* list.h — a list over a table of any size.
 *
 * The widget holds only the rows on screen, fetched from the core by
 * keyset pagination through callbacks ("the n rows after this one"), so it
 * costs the same at 300 rows as at 50,000.  Rows are opaque to the widget:
 * fixed-size structs (e.g. struct lup_person_row) that the screen's fetch
 * function fills and its draw_row function draws.  The widget does the
 * moving, paging, the focus marker and terminal cursor, the "/" filter
 * typed into a line editor (the text goes to the core query), the sort
 * cycle and the count ("34 of 312", filtered: "3 of 12 (312)").
 *
 * Use:
 *     static const struct tui_list_ops ops = { fetch, count, position,
 *                                              draw_row, draw_header, … };
 *     tui_list_init(&s->list, &ops, s, sizeof(struct lup_person_row), 3);
 *     on_resize: tui_list_layout(&s->list, app, area);
 *     enter:     tui_list_reload(&s->list, app, NULL);
 *     on_key:    return tui_list_key(&s->list, app, k);
 *     idle:      return tui_list_idle(&s->list, app);
 *     on_action: r = tui_list_action(&s->list, app, a); if (!(r & TUI_UNHANDLED)) return r; …
 *     draw:      tui_list_draw(&s->list, app);
 * and the screen's contexts include TUI_CTX_MOVE and TUI_CTX_LIST. */
#ifndef LUP_TUI_LIST_H
#define LUP_TUI_LIST_H

#include <stddef.h>
#include "lup/lineedit.h"
#include "tui/draw.h"
#include "tui/screen.h"

struct tui_list;

struct tui_list_ops {
	/* Up to n rows after (dir > 0) or before (dir < 0) the row `from`, in
	 * display order, into rows (n * row_size bytes); from NULL means from
	 * the start (dir > 0) or from the end (dir < 0).  Use
	 * tui_list_filter(l) and l->sort for the query.  Returns the number
	 * of rows, or -1 with err set. */
	int (*fetch)(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err);
	/* All rows, and those matching the filter.  NULL for a short list:
	 * the widget counts by paging through it. */
	int (*count)(struct tui_list *l, long *total, long *matching, lup_err *err);
	/* The 0-based position of row among the matching rows, or -1.  NULL
	 * for a short list: the widget pages back from the row. */
	long (*position)(struct tui_list *l, const void *row, lup_err *err);
	/* Draw one row in width columns at (y, x); attr is the row's base
	 * attribute (reverse video when focused): add to it, don't replace. */
	void (*draw_row)(struct tui_list *l, const void *row, int y, int x, int width, attr_t attr);
	/* Optional: column titles at (y, x). */
	void (*draw_header)(struct tui_list *l, int y, int x, int width);
	/* Optional: the name of sort order i (translated), for the status line. */
	const char *(*sort_name)(struct tui_list *l, int sort);
	/* Optional: what to say when there are no rows (translated; NULL: the
	 * widget's words). */
	const char *(*empty_text)(struct tui_list *l);
	/* Optional: row as it is stored now, found by its id, with the sort
	 * keys of the list's query, into out; 0, or -1 when it is gone.  With
	 * it a reload keeps the focus on the same record even when its sort
	 * key changed (renamed in another window, or the sort cycled). */
	int (*row_again)(struct tui_list *l, const void *row, void *out, lup_err *err);
};

struct tui_list {
	const struct tui_list_ops *ops;
	void *ud;             /* the screen's own pointer */
	size_t row_size;
	int nsorts, sort;     /* sort: 0 .. nsorts-1, cycled by `s` */
	/* private */
	lup_lineedit filter;
	int filtering;        /* the filter line has the cursor */
	char *rows, *tmp;     /* the window (cap rows) and scratch space */
	int nrows, cap, focus;
	long pos, total, matching;
	int counted;          /* total is known (since the last reload) */
	int count_pending;    /* matching is to be counted when idle */
	int pos_pending;      /* pos is to be found when idle */
	tui_rect r;
};

void tui_list_init(struct tui_list *l, const struct tui_list_ops *ops, void *ud,
                   size_t row_size, int nsorts);
void tui_list_free(struct tui_list *l);
/* Give the list its rectangle (it uses the first line for the filter and
 * count, the second for the column titles); refetches around the focus. */
void tui_list_layout(struct tui_list *l, tui_app *app, tui_rect r);
/* Refetch after a change.  anchor: a row (as fetch fills them, keys
 * current) to focus, e.g. the one just saved; NULL keeps the focused row
 * (found again by row_again when the list has it).  If the anchor is gone
 * its successor gets the focus. */
void tui_list_reload(struct tui_list *l, tui_app *app, const void *anchor);
/* Back to the first row, recounting (after a filter or data change). */
void tui_list_home(struct tui_list *l, tui_app *app);
/* The focused row, or NULL when the list is empty. */
const void *tui_list_focused(const struct tui_list *l);
const char *tui_list_filter(const struct tui_list *l);   /* never NULL */
/* Moving, paging, filter and sort actions; TUI_UNHANDLED for others. */
int tui_list_action(struct tui_list *l, tui_app *app, enum tui_action a);
/* Text typed into the filter while it has the cursor. */
int tui_list_key(struct tui_list *l, tui_app *app, tui_key k);
/* Work put off while keys are coming (counting the matches of a filter):
 * call it from the screen's idle(). */
int tui_list_idle(struct tui_list *l, tui_app *app);
void tui_list_draw(struct tui_list *l, tui_app *app);
/* How many rows come before row (NULL: how many there are), paging
 * through them with fetch: for the count and position of a short list.
 * -1 with err set. */
long tui_list_walk(struct tui_list *l, const void *row, lup_err *err);
/* For a fetch over rows kept in an array of total: which of them to
 * return, after (dir > 0) or before (dir < 0) the one at index from (-1:
 * from the start or the end), n at most.  Returns how many; *first is the
 * index of the first (rows go out in index order). */
int tui_list_span(long from, int dir, int n, long total, long *first);

#endif
