/* sheet.h — a scrolled page of figures: headings, wrapped paragraphs,
 * tables whose columns fit the width, and bars drawn in characters.
 *
 * The screen adds items once (when its data is loaded), then the widget
 * lays them out for the width it gets (tui_sheet_layout, on every resize)
 * and draws only the lines in view, so a page with thousands of table rows
 * scrolls as quickly as a short one.
 *
 *     const struct tui_sheet_col cols[] = {
 *         { _("Cohort"), 0, 0, 12 },              title, flags, priority, min width
 *         { _("Enrolled"), TUI_SHEET_RIGHT, 0, 0 },
 *         { _("Start"), 0, 3, 0 },                dropped first when narrow
 *         { "", TUI_SHEET_BAR, 1, 8 },            a bar: the cell is a share "0.42"
 *     };
 *     tui_sheet_heading(&s, _("By cohort"));
 *     tui_sheet_table(&s, cols, 4);
 *     tui_sheet_row(&s, TUI_S_NORMAL, (const char *[]){ name, "12", start, "0.4" });
 *
 * Tables: a column of priority 0 always shows; when the width runs out, the
 * column with the highest priority goes first (the rightmost among equals),
 * then the first column is narrowed and its text cut with an ellipsis.
 * Bars take the width that is left. */
#ifndef LUP_TUI_SHEET_H
#define LUP_TUI_SHEET_H

#include "tui/draw.h"
#include "tui/screen.h"

enum {
	TUI_SHEET_RIGHT = 1 << 0,   /* right-aligned (numbers) */
	TUI_SHEET_BAR = 1 << 1      /* the cell is a share 0..1 drawn as a bar */
};

struct tui_sheet_col {
	const char *title;   /* translated already; may be "" or NULL */
	unsigned flags;
	int prio;            /* 0: always shown; higher goes first when narrow */
	int minw;            /* at least this wide (a bar: its smallest width) */
};

struct tui_sheet_item;
struct tui_sheet_table;
struct tui_sheet_line;

struct tui_sheet {
	struct tui_sheet_item *items;
	int nitems, capitems;
	struct tui_sheet_table *tables;
	int ntables, captables;
	struct tui_sheet_line *lines;   /* laid out for width */
	int nlines, caplines;
	int width, top;
	tui_rect r;
};

void tui_sheet_init(struct tui_sheet *s);
void tui_sheet_free(struct tui_sheet *s);
/* Remove every item (the scroll position stays, clamped when drawn). */
void tui_sheet_clear(struct tui_sheet *s);

/* A heading (level 1: the page's title, 2: a part, 3: within a part),
 * preceded by a blank line unless it opens the page. */
void tui_sheet_heading(struct tui_sheet *s, int level, const char *title);
/* A paragraph, wrapped at spaces to the width, indented by indent columns. */
void tui_sheet_text(struct tui_sheet *s, enum tui_style st, int indent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void tui_sheet_blank(struct tui_sheet *s);
/* Start a table (its title row is added now); rows follow. */
void tui_sheet_table(struct tui_sheet *s, const struct tui_sheet_col *cols, int ncols);
/* A row of the current table: ncols cells (NULL is empty), in style st;
 * cst (may be NULL) gives each cell its own style. */
void tui_sheet_row(struct tui_sheet *s, enum tui_style st, const char *const *cells);
void tui_sheet_row_styled(struct tui_sheet *s, enum tui_style st, const char *const *cells,
                          const enum tui_style *cst);
/* A progress bar: `done` in full blocks and `part` (done ≤ part) in a
 * lighter shade, out of max; a mark at `target` when 0 < target ≤ max;
 * then text after it.  It is as wide as there is room, up to 60 columns. */
void tui_sheet_progress(struct tui_sheet *s, int indent, double done, double part, double max,
                        double target, const char *text);

/* Lay out for a width (call from on_resize and after adding items). */
void tui_sheet_layout(struct tui_sheet *s, int width);
int tui_sheet_lines(const struct tui_sheet *s);
/* The width of column col of table t (0-based, in the order added) at the
 * last layout: 0 when it was left out, -1 when there is no such column. */
int tui_sheet_colw(const struct tui_sheet *s, int t, int col);
void tui_sheet_draw(struct tui_sheet *s, tui_app *app, tui_rect r);
/* Scrolling (TUI_CTX_MOVE); TUI_UNHANDLED for other actions. */
int tui_sheet_action(struct tui_sheet *s, tui_app *app, enum tui_action a);

/* Draw a bar of `share` (0..1) in width columns at (y, x): full blocks
 * and eighths in UTF-8, '#' otherwise. */
void tui_bar(int y, int x, int width, double share, attr_t attr);

#endif
