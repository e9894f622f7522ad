/* view.h — scrolled text for detail views: headings, "label  value"
 * fields and lines, built up by the screen and scrolled with the move keys.
 *
 *     tui_view_clear(&v);
 *     tui_view_heading(&v, _("Programme"));
 *     tui_view_field(&v, _("Status"), "%s", _("enrolled"));
 *     tui_view_line(&v, TUI_S_DIM, "%s", _("No placements."));
 * and in the screen: tui_view_draw(&v, app, area), tui_view_action(&v, app, a)
 * with TUI_CTX_MOVE among its contexts. */
#ifndef LUP_TUI_VIEW_H
#define LUP_TUI_VIEW_H

#include "tui/draw.h"
#include "tui/screen.h"

struct tui_view_line;

struct tui_view {
	struct tui_view_line *lines;
	int n, cap, top, labw;
	tui_rect r;
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
void tui_view_draw(struct tui_view *v, tui_app *app, tui_rect r);
/* Scrolling actions; TUI_UNHANDLED for others. */
int tui_view_action(struct tui_view *v, tui_app *app, enum tui_action a);

#endif
