/* view.h — scrolled text for detail views: headings, "label  value"
 * fields and lines, built up by the screen and scrolled with the move keys.
 *
 *     tui_view_clear(&v);
 *     tui_view_heading(&v, _("Programme"));
 *     tui_view_field(&v, _("Status"), "%s", _("enrolled"));
 *     tui_view_line(&v, TUI_S_DIM, "%s", _("No placements."));
 * and in the screen: tui_view_draw(&v, app, area), tui_view_action(&v, app, a)
 * with TUI_CTX_MOVE among its contexts.
 *
 * Items: a view may hold lines that take the focus (the entries of a short
 * list shown in it, e.g. a learning log), added with tui_view_item and a
 * key the screen knows them by.  Down moves the focus to the next item
 * when it is on screen (or just below it) and scrolls otherwise; Up moves
 * it back, and from the first item leaves the items (no focus) and
 * scrolls; End focuses the last item when it ends the view, Home leaves
 * the items, and the page keys drop a focus that leaves the screen.  The focused item is
 * drawn in reverse video with the marker and holds the terminal cursor.
 * tui_view_clear remembers the focused item's key: rebuilding the view
 * focuses it again, or, when it is gone, the item now in its place.
 *
 * Text longer than the width, and text with newlines, wraps over several
 * rows (at spaces where it can); scrolling goes by rows, and an item's
 * label stands on its first row. */
#ifndef LUP_TUI_VIEW_H
#define LUP_TUI_VIEW_H

#include "tui/draw.h"
#include "tui/screen.h"

struct tui_view_line;

struct tui_view {
	struct tui_view_line *lines;
	int n, cap, top, labw;
	tui_rect r;
	int focus;            /* the focused item's line, -1 for none */
	/* private: the focus carried over a clear, and scrolling to it */
	char *refocus_key;
	int refocus_nth, show_focus;
	int *row0, nrows;     /* the lines laid out in rows of the drawn width */
	int laid;             /* the lines row0 holds (n when last laid out) */
};

void tui_view_init(struct tui_view *v);
void tui_view_free(struct tui_view *v);
void tui_view_clear(struct tui_view *v);   /* keeps the scroll position */
void tui_view_heading(struct tui_view *v, const char *title);
void tui_view_field(struct tui_view *v, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tui_view_line(struct tui_view *v, enum tui_style st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tui_view_blank(struct tui_view *v);
/* A field line that can take the focus, known by key. */
void tui_view_item(struct tui_view *v, const char *key, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The key of the focused item, or NULL when no item has the focus. */
const char *tui_view_focused(struct tui_view *v);
/* Focus the item with this key (NULL: none) and scroll it into view when
 * drawn; -1 if there is no such item (the focus is then dropped). */
int tui_view_focus(struct tui_view *v, const char *key);
/* The rows the view's text takes drawn width columns wide. */
int tui_view_rows(struct tui_view *v, int width);
void tui_view_draw(struct tui_view *v, tui_app *app, tui_rect r);
/* Scrolling actions; TUI_UNHANDLED for others. */
int tui_view_action(struct tui_view *v, tui_app *app, enum tui_action a);

#endif
