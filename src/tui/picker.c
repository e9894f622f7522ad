/* picker.c — a pick list over the current screen. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/lineedit.h"
#include "lup/match.h"
#include "lup/util.h"
#include "tui/draw.h"
#include "tui/picker.h"

struct picker {
	tui_screen base;
	char *title, *hint;
	tui_pick_search search;
	void *ud;
	lup_lineedit text;
	struct tui_pick items[TUI_PICK_MAX];
	int n, focus;
	struct tui_pick picked;
};

/* What typing points at: the entry whose label (or value, a code) the text
 * matches best (lup_match_rank), the first of equals; when no label holds
 * the text (a name in the other language), the search's first real entry,
 * past an "all" entry (value "").  Nothing typed: the first entry. */
static int best(const struct picker *p)
{
	const char *t = lup_le_text(&p->text);
	int focus = -1, rank = LUP_MATCH_NONE;
	if (lup_blank(t) || p->n == 0)
		return 0;
	for (int i = 0; i < p->n; i++) {
		int r = lup_match_rank(p->items[i].label, t), rv = lup_match_rank(p->items[i].value, t);
		if (rv < r)
			r = rv;
		if (p->items[i].value[0] && r < rank) {
			rank = r;
			focus = i;
		}
	}
	if (focus >= 0)
		return focus;
	for (int i = 0; i < p->n; i++)
		if (p->items[i].value[0])
			return i;
	return 0;
}

static void narrow(struct picker *p, tui_app *app)
{
	lup_err err;
	int n;
	lup_err_clear(&err);
	n = p->search(app, p->ud, lup_le_text(&p->text), p->items, TUI_PICK_MAX, &err);
	if (n < 0) {
		tui_error(app, "%s", err.msg);
		n = 0;
	}
	p->n = n > TUI_PICK_MAX ? TUI_PICK_MAX : n;
	p->focus = best(p);
}

static tui_ctxmask contexts(tui_screen *s, tui_app *app)
{
	(void)s; (void)app;
	return TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_PICKER);
}

static int enter(tui_screen *s, tui_app *app)
{
	narrow((struct picker *)s, app);
	return TUI_REDRAW;
}

static void draw(tui_screen *s, tui_app *app)
{
	struct picker *p = (struct picker *)s;
	tui_rect r = tui_area(app);
	int w = r.w > 70 ? 60 : r.w - 8, rows = p->n ? p->n : 1;
	int h = rows + 5 + (p->hint ? 1 : 0), y, x, iy, col;
	attr_t a = tui_attr(TUI_S_DIALOG);
	size_t from, to;
	char buf[1024];

	if (h > r.h)
		h = r.h;
	y = r.y + (r.h - h) / 2;
	x = r.x + (r.w - w) / 2;
	tui_box(y, x, h, w, p->title, a);
	iy = y + 1;
	if (p->hint)
		tui_put(iy++, x + 2, w - 4, p->hint, tui_attr(TUI_S_DIALOG_DIM), 0);
	/* the input */
	tui_put(iy, x + 2, 2, "> ", a | A_BOLD, 0);
	lup_le_view(&p->text, w - 7, &from, &to, &col);
	snprintf(buf, sizeof buf, "%.*s", (int)(to - from), lup_le_text(&p->text) + from);
	tui_put(iy, x + 4, w - 6, buf, tui_attr(TUI_S_FIELD_FOCUS), TUI_PAD | TUI_CLIP);
	/* the entries */
	for (int i = 0; i < p->n && iy + 2 + i < y + h - 1; i++) {
		int f = i == p->focus;
		attr_t ia = f ? tui_attr(TUI_S_FOCUS) : a;
		tui_fill(iy + 2 + i, x + 1, w - 2, ia);
		if (f)
			tui_put(iy + 2 + i, x + 1, 1, tui_glyph_marker(), ia | A_BOLD, 0);
		tui_put(iy + 2 + i, x + 3, w - 5, p->items[i].label, ia, 0);
	}
	if (!p->n)
		tui_put(iy + 2, x + 3, w - 5, _("No match"), tui_attr(TUI_S_DIALOG_DIM), 0);
	tui_cursor(app, iy, x + 4 + col);
}

static int on_key(tui_screen *s, tui_app *app, tui_key k)
{
	struct picker *p = (struct picker *)s;
	enum lup_le_op op;
	int changed;
	if (tui_key_is_text(k)) {
		changed = lup_le_insert(&p->text, (uint32_t)k) == 0;
	} else if (k == TUI_KEY_BS) {
		changed = lup_le_op(&p->text, LUP_LE_BACKSPACE);
	} else if (k == TUI_KEY_DEL) {
		changed = lup_le_op(&p->text, LUP_LE_DELETE);
	} else if (k == TUI_KEY_LEFT || k == TUI_KEY_RIGHT) {
		lup_le_op(&p->text, k == TUI_KEY_LEFT ? LUP_LE_LEFT : LUP_LE_RIGHT);
		return TUI_REDRAW;
	} else if (k > 0 && k < 0x20 && k != TUI_KEY_TAB && k != TUI_KEY_ENTER && k != TUI_KEY_ESC &&
	           lup_le_key_op(k, &op)) {
		changed = lup_le_op(&p->text, op);
	} else {
		return TUI_UNHANDLED;
	}
	if (changed)
		narrow(p, app);
	return TUI_REDRAW;
}

static int on_action(tui_screen *s, tui_app *app, enum tui_action a)
{
	struct picker *p = (struct picker *)s;
	switch (a) {
	case TUI_A_UP:
		if (p->n)
			p->focus = (p->focus + p->n - 1) % p->n;
		return TUI_REDRAW;
	case TUI_A_DOWN:
		if (p->n)
			p->focus = (p->focus + 1) % p->n;
		return TUI_REDRAW;
	case TUI_A_TOP: case TUI_A_PAGE_UP:
		p->focus = 0;
		return TUI_REDRAW;
	case TUI_A_BOTTOM: case TUI_A_PAGE_DOWN:
		p->focus = p->n ? p->n - 1 : 0;
		return TUI_REDRAW;
	case TUI_A_PICK:
		if (!p->n)
			return 0;
		p->picked = p->items[p->focus];
		return tui_pop(app, TUI_SAVED);
	case TUI_A_PICK_CLOSE:
		return tui_pop(app, TUI_CANCELLED);
	case TUI_A_HELP: case TUI_A_REDRAW:
		return TUI_UNHANDLED;
	default:
		return 0;
	}
}

static void destroy(tui_screen *s)
{
	struct picker *p = (struct picker *)s;
	lup_le_clear(&p->text);
	free(p->title);
	free(p->hint);
	free(p);
}

static const struct tui_screen_ops ops = {
	.name = N_("Pick list"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.destroy = destroy,
};

tui_screen *tui_picker(tui_app *app, const char *title, const char *hint,
                       tui_pick_search search, void *ud)
{
	struct picker *p = calloc(1, sizeof *p);
	(void)app;
	if (!p)
		return NULL;
	p->base.ops = &ops;
	p->base.flags = TUI_SCREEN_OVERLAY;
	p->title = strdup(title ? title : "");
	p->hint = hint && *hint ? strdup(hint) : NULL;
	p->search = search;
	p->ud = ud;
	lup_le_init(&p->text, 200);
	if (!p->title) {
		destroy(&p->base);
		return NULL;
	}
	return &p->base;
}

const char *tui_picker_value(tui_screen *s)
{
	return s && s->ops == &ops ? ((struct picker *)s)->picked.value : "";
}

const char *tui_picker_label(tui_screen *s)
{
	return s && s->ops == &ops ? ((struct picker *)s)->picked.label : "";
}
