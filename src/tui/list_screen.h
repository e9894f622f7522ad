/* list_screen.h — the base of every list screen and pick list.
 *
 * A list screen declares what is its own, in one struct tui_lscreen_def:
 * its columns and how to fill a row's cells, its queries (a page of rows
 * after or before a row, the counts, a row's position, one row by id),
 * and its own actions.  The base (list_screen.c) does the rest the same
 * way on every screen: the screen functions (screen.h), moving and paging
 * (the list widget, list.h), the "/" filter and the sort cycle, focusing
 * the record just saved, Enter to open, a and e to add and edit through
 * the screen's form, d to delete (asking first, No the default, in the
 * words of dialog.h's tui_ask_delete), and picking in a pick list.
 *
 * HOW TO WRITE A LIST SCREEN (see people.c, the clearest, and
 * network_list.c, which adds filters of its own):
 *
 *     struct things { struct tui_lscreen ls; … your state … };
 *
 *     static const struct tui_col cols[] = {
 *         { N_("Name"), 16, 5, 0 }, { N_("Unit"), 10, 3, 0 }, …   title, min, weight, flags
 *     };
 *     static int page(struct tui_lscreen *ls, const void *from, int dir, int n,
 *                     void *rows, lup_err *err)
 *     {
 *         struct lup_thing_query q = { tui_lscreen_filter(ls), ls->list.sort };
 *         return lup_thing_page(tui_db(ls->app), &q, from, dir, n, rows, err);
 *     }
 *     … count, position, fetch_one the same way (the core's queries) …
 *     static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
 *     {
 *         const struct lup_thing_row *t = row;
 *         c->text[C_NAME] = t->name;
 *         tui_cell_printf(c, C_COUNT, "%d", t->count);
 *         if (t->late) c->style[C_COUNT] = TUI_S_WARN;
 *     }
 *     static const struct tui_lscreen_def def = {
 *         .name = N_("Things"), .contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD),
 *         .row_size = sizeof(struct lup_thing_row), .id_offset = offsetof(struct lup_thing_row, id),
 *         .cols = cols, .ncols = NCOLS, .page = page, .count = count, .position = position,
 *         .fetch_one = fetch_one, .cells = cells, .open = open_row, .form = form,
 *         .form_id = tui_thing_form_id, .deleter = &tui_thing_deleter,
 *     };
 *     tui_screen *tui_things_screen(tui_app *app)
 *     {
 *         struct things *s = tui_lscreen_new(app, &def, sizeof *s);
 *         return s ? &s->ls.base : NULL;
 *     }
 *
 * and then, for what the screen does besides: .action (its own keys: add
 * the action to actions.c with the screen's context), .result (what its
 * own children answer), .draw (lines above or below the list: .head and
 * .foot say how many), .load (data kept beside the list, read on every
 * enter), .idle (counting put off until no key waits), .offers, .note
 * (what a tab bar shows for the screen), .destroy (its own memory).
 *
 * A short list held in memory (tens of rows, e.g. the frameworks) leaves
 * .page out: .load puts the rows in ls->items / ls->nitems, and the base
 * pages, counts and positions over them.  A list of hundreds or more
 * always pages through the core by keyset: the screen costs the same at
 * 300 rows as at 50,000.  .count and .position may be left out of a short
 * paged list: the widget then pages through it to count.
 *
 * Every callback gets the row as the screen's own row struct (never the
 * base's), and may use ls->app, ls->list.sort and tui_lscreen_filter(). */
#ifndef LUP_TUI_LIST_SCREEN_H
#define LUP_TUI_LIST_SCREEN_H

#include <stddef.h>
#include "lup/util.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/list.h"
#include "tui/screen.h"

#define TUI_COLS_MAX 12

/* The contexts every list screen has: sections, moving, lists. */
#define TUI_LS_CONTEXTS (TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST))

/* A column: its title (N_()), its least width and its share of the rest
 * (tui_columns), and how its title and cells are put (TUI_RIGHT, TUI_CLIP). */
struct tui_col {
	const char *title;
	int min, weight;
	unsigned flags;
};

/* A row's cells, as the screen's cells() fills them.  text NULL is an
 * empty cell; style is the cell's when the row is not focused
 * (TUI_S_NORMAL: the row's own); add is added either way (A_BOLD,
 * A_UNDERLINE; faint text goes through a style, which the contrast test
 * checks).  tui_cell_printf writes a cell's text into its own buffer. */
struct tui_cells {
	const void *above;   /* the row drawn just above this one, or NULL (for groups) */
	const char *text[TUI_COLS_MAX];
	enum tui_style style[TUI_COLS_MAX];
	attr_t add[TUI_COLS_MAX];
	char buf[TUI_COLS_MAX][256];
};
void tui_cell_printf(struct tui_cells *c, int col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

enum {
	TUI_LS_NO_FILTER = 1 << 0    /* no "/" filter (a short list) */
};

/* The base's tags for the children it opens (a screen's own tags stay
 * below TUI_LS_TAG_OPEN). */
enum { TUI_LS_TAG_OPEN = 0x7000, TUI_LS_TAG_FORM, TUI_LS_TAG_DELETE };

struct tui_lscreen;

struct tui_lscreen_def {
	const char *name;             /* N_(): the help overlay's title */
	tui_ctxmask contexts;         /* TUI_LS_CONTEXTS | the screen's own */
	size_t row_size;              /* the screen's row struct */
	size_t id_offset;             /* where a row holds its id (with fetch_one) */
	int nsorts;                   /* orders s cycles through (0, 1: none) */
	unsigned flags;               /* TUI_LS_… */
	const struct tui_col *cols;
	int ncols;
	int head, foot;               /* lines draw() fills above and below the list */

	/* ---- the queries ---- */
	/* Up to n rows after (dir > 0) or before (dir < 0) the row from (NULL:
	 * from the start, or the end), in display order; the count, or -1
	 * with err set.  NULL: the rows are ls->items (filled by load). */
	int (*page)(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err);
	/* All rows and those matching the filter (optional for a short list). */
	int (*count)(struct tui_lscreen *ls, long *total, long *matching, lup_err *err);
	/* A row's 0-based place among the matching ones (optional, as count). */
	long (*position)(struct tui_lscreen *ls, const void *row, lup_err *err);
	/* One row by id as page() fills it (its sort keys too), matching or
	 * not; 0, or -1 when it is gone.  With it the focus follows a record
	 * that was saved, renamed elsewhere or re-sorted. */
	int (*fetch_one)(struct tui_lscreen *ls, const char *id, void *out, lup_err *err);

	/* ---- drawing ---- */
	void (*cells)(struct tui_lscreen *ls, const void *row, struct tui_cells *c);
	/* Optional: the column widths for width columns, into colw (else
	 * tui_columns over cols[]' min and weight). */
	void (*layout)(struct tui_lscreen *ls, int width, int *colw);
	/* Optional: a column title that changes (else cols[col].title). */
	const char *(*title)(struct tui_lscreen *ls, int col);
	const char *(*sort_name)(int sort);              /* translated */
	const char *(*empty_text)(struct tui_lscreen *ls); /* translated; optional */
	/* Optional: the head and foot lines; r is the screen's whole area
	 * (the list has r less head lines above and foot lines below). */
	void (*draw)(struct tui_lscreen *ls, tui_app *app, tui_rect r);
	/* Optional: what a tab bar shows on its right for this screen. */
	void (*note)(struct tui_lscreen *ls, char *buf, size_t n);

	/* ---- life ---- */
	/* Optional: read what the screen keeps beside the list (and, without
	 * page, the rows), on every enter and change made elsewhere. */
	void (*load)(struct tui_lscreen *ls, tui_app *app);
	/* Optional: how many lines the head takes now (else .head), after
	 * load and on a resize. */
	int (*head_lines)(struct tui_lscreen *ls, tui_rect r);
	int (*idle)(struct tui_lscreen *ls, tui_app *app);  /* optional */
	void (*destroy)(struct tui_lscreen *ls);           /* optional: its own memory */

	/* ---- the records ---- */
	/* Enter: the child to open on the row, or, in a pick list, pick it
	 * (returns tui_pop(app, TUI_SAVED) or 0 to stay).  Either or none. */
	tui_screen *(*open)(struct tui_lscreen *ls, const void *row);
	int (*pick)(struct tui_lscreen *ls, const void *row);
	/* a (row NULL) and e: the form; after TUI_SAVED form_id(child) names
	 * the record to focus. */
	tui_screen *(*form)(struct tui_lscreen *ls, const void *row);
	const char *(*form_id)(tui_screen *form);
	/* d: asks as tui_ask_delete does, with ls as ud. */
	const struct tui_deleter *deleter;

	/* ---- its own ---- */
	/* Actions after the list's (moving, filter, sort) and before the
	 * base's (open, add, edit, delete): TUI_UNHANDLED for the rest.  row
	 * is the focused one, or NULL. */
	int (*action)(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row);
	/* What a child answered; TUI_UNHANDLED lets the base see its own tags. */
	int (*result)(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result);
	/* 0 for an action of its contexts it does not offer now. */
	int (*offers)(struct tui_lscreen *ls, enum tui_action a);
};

struct tui_lscreen {
	tui_screen base;
	struct tui_screen_ops ops;        /* the base's, named as def says */
	const struct tui_lscreen_def *def;
	tui_app *app;
	struct tui_list list;
	int colw[TUI_COLS_MAX];
	int want[TUI_COLS_MAX];           /* the widest text seen per column */
	int want_grew;
	tui_rect area;                    /* the screen's whole area */
	int head;                         /* lines above the list now */
	/* a short list held in memory (def->page NULL): load() sets them */
	void *items;
	long nitems;
	char pending[256];                /* the id a question is about */
};

/* A new list screen of size bytes (the screen's struct, which starts with
 * a struct tui_lscreen), zeroed but for the base; NULL when out of
 * memory. */
void *tui_lscreen_new(tui_app *app, const struct tui_lscreen_def *def, size_t size);
/* The list screen s is, if it was made from def (NULL otherwise). */
void *tui_lscreen_of(tui_screen *s, const struct tui_lscreen_def *def);
/* The focused row (the screen's row struct), or NULL. */
const void *tui_lscreen_focused(struct tui_lscreen *ls);
const char *tui_lscreen_filter(struct tui_lscreen *ls);   /* never NULL */
/* In a list held in memory, the index in ls->items of a row the base
 * handed over (-1 in a paged list). */
long tui_lscreen_index(const struct tui_lscreen *ls, const void *row);
/* Fetch the rows again around the focused one (data changed). */
void tui_lscreen_reload(struct tui_lscreen *ls);
/* From the first row, counted anew (a filter of the screen's changed). */
void tui_lscreen_home(struct tui_lscreen *ls);
/* Focus a record by id (after saving it): in a list held in memory, the
 * item holding the id at id_offset; without fetch_one, or when it is
 * gone, the list is fetched again around the focused row. */
void tui_lscreen_focus(struct tui_lscreen *ls, const char *id);
/* Lay the screen out again (its head's height changed). */
void tui_lscreen_layout(struct tui_lscreen *ls);

#endif
