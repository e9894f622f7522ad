/* list_draw.c — drawing the list widget (list.c is its model). */
#include <stdio.h>
#include "lup/i18n.h"
#include "tui/list.h"

#define ROW(l, buf, i) ((buf) + (size_t)(i) * (l)->row_size)

void tui_list_draw(struct tui_list *l, tui_app *app)
{
	tui_rect r = l->r;
	char count[96];
	int cw, fx = r.x, fw;
	attr_t normal = tui_attr(TUI_S_NORMAL);

	/* line 1: filter and count */
	if (l->pos_pending || l->count_pending)
		snprintf(count, sizeof count, "%s", tui_glyph_ellipsis());
	else if (l->matching != l->total)
		snprintf(count, sizeof count, _("%ld of %ld (%ld)"), l->nrows ? l->pos + 1 : 0,
		         l->matching, l->total);
	else
		snprintf(count, sizeof count, _("%ld of %ld"), l->nrows ? l->pos + 1 : 0, l->matching);
	cw = tui_put(r.y, r.x + r.w - tui_width(count) - 1, tui_width(count), count, tui_attr(TUI_S_TITLE), 0);
	fw = r.w - cw - 3;
	if (l->filtering || l->filter.len) {
		int used = tui_put(r.y, fx, fw, _("Filter: "), tui_attr(TUI_S_LABEL), 0);
		int w = fw - used, col = 0;
		size_t from = 0, to = 0;
		char buf[1024];
		if (w > 40)
			w = 40;
		lup_le_view(&l->filter, w, &from, &to, &col);
		snprintf(buf, sizeof buf, "%.*s", (int)(to - from), lup_le_text(&l->filter) + from);
		tui_put(r.y, fx + used, w, buf, tui_attr(l->filtering ? TUI_S_FIELD_FOCUS : TUI_S_FIELD), TUI_PAD | TUI_CLIP);
		if (l->filtering)
			tui_cursor(app, r.y, fx + used + col);
	} else if (l->nsorts > 1 && l->ops->sort_name) {
		char s[128];
		snprintf(s, sizeof s, _("Sorted %s · / filters"), l->ops->sort_name(l, l->sort));
		tui_put(r.y, fx, fw, s, tui_attr(TUI_S_DIM), 0);
	}
	/* line 2: column titles */
	tui_fill(r.y + 1, r.x, r.w, tui_attr(TUI_S_HEADER));
	if (l->ops->draw_header)
		l->ops->draw_header(l, r.y + 1, r.x + 2, r.w - 2);
	/* the rows */
	for (int i = 0; i < l->nrows && i < l->cap; i++) {
		int y = r.y + 2 + i, focused = i == l->focus;
		attr_t a = focused ? tui_attr(TUI_S_FOCUS) : normal;
		tui_fill(y, r.x, r.w, a);
		if (focused)
			tui_put(y, r.x, 1, tui_glyph_marker(), a | A_BOLD, 0);
		l->ops->draw_row(l, ROW(l, l->rows, i), y, r.x + 2, r.w - 2, a);
		if (focused && !l->filtering)
			tui_cursor(app, y, r.x);
	}
	if (l->nrows == 0) {
		const char *e = l->ops->empty_text ? l->ops->empty_text(l) : NULL;
		if (!e)
			e = _("Nothing here yet.");
		if (l->filter.len)
			e = _("Nothing matches the filter. Esc clears it.");
		tui_put(r.y + 3, r.x + 2, r.w - 4, e, tui_attr(TUI_S_DIM), 0);
		if (!l->filtering)
			tui_cursor(app, r.y + 3, r.x + 2);
	}
}
