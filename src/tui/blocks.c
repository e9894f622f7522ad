/* blocks.c — the programme's blocks in order (UL, activity-based
 * workplace, e-government tools and methods, …): add, edit, delete, and
 * move one up or down. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/programme.h"

enum { TAG_FORM = 1, TAG_DELETE };

struct blocks {
	tui_screen base;
	char prog[LUP_ID_SIZE];
	struct lup_block b[LUP_MAX_BLOCKS];
	int n, focus, top;
	char pending[LUP_ID_SIZE];
};

static void clear_rows(struct blocks *s)
{
	for (int i = 0; i < s->n; i++)
		lup_block_clear(&s->b[i]);
	s->n = 0;
}

/* Reload; the focus goes to block id when given. */
static void load(struct blocks *s, tui_app *app, const char *id)
{
	lup_err err;
	int n;
	char keep[LUP_ID_SIZE] = "";
	if (id)
		snprintf(keep, sizeof keep, "%s", id);
	clear_rows(s);
	lup_err_clear(&err);
	if ((n = lup_block_list(tui_db(app), s->prog, s->b, LUP_MAX_BLOCKS, &err)) < 0) {
		tui_error(app, "%s", err.msg);
		return;
	}
	s->n = n;
	for (int i = 0; keep[0] && i < n; i++)
		if (strcmp(s->b[i].id, keep) == 0)
			s->focus = i;
	if (s->focus >= n)
		s->focus = n > 0 ? n - 1 : 0;
}

/* Deleting a block: its sessions stay. */
static int block_describe(tui_app *app, void *ud, const char *id, char *what, size_t n,
                          lup_buf *detail, lup_err *err)
{
	struct blocks *s = ud;
	(void)app;
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->b[i].id, id) == 0) {
			snprintf(what, n, _("the block %s"), s->b[i].name ? s->b[i].name : "");
			lup_buf_puts(detail, _("Its sessions stay, without a block, and no longer count towards "
			                       "completing it."));
			return 0;
		}
	return lup_err_set(err, LUP_ENOTFOUND, "%s", _("no such block"));
}

static int block_remove(tui_app *app, void *ud, const char *id, char *said, size_t n, lup_err *err)
{
	(void)ud; (void)said; (void)n;
	return lup_block_delete(tui_db(app), id, err);
}

static const struct tui_deleter block_deleter = { block_describe, block_remove };

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_RECORD) |
	       TUI_CTXBIT(TUI_CTX_BLOCKS);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct blocks *s = (struct blocks *)scr;
	char id[LUP_ID_SIZE] = "";
	if (s->n > 0)
		memcpy(id, s->b[s->focus].id, sizeof id);
	load(s, app, id[0] ? id : NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct blocks *s = (struct blocks *)scr;
	tui_rect r = tui_area(app);
	int kindw = 32, namew = r.w - 2 - 4 - kindw - 10 - 3;
	tui_put(r.y, r.x + 1, r.w - 2, _("The programme's blocks, in order"), tui_attr(TUI_S_TITLE), 0);
	tui_fill(r.y + 2, r.x, r.w, tui_attr(TUI_S_HEADER));
	tui_put(r.y + 2, r.x + 2, 3, "#", tui_attr(TUI_S_HEADER), 0);
	tui_put(r.y + 2, r.x + 6, namew, _("Name"), tui_attr(TUI_S_HEADER), 0);
	tui_put(r.y + 2, r.x + 7 + namew, kindw, _("Kind"), tui_attr(TUI_S_HEADER), 0);
	tui_put(r.y + 2, r.x + 8 + namew + kindw, 10, _("Attendance"), tui_attr(TUI_S_HEADER), 0);
	if (s->n == 0) {
		tui_put(r.y + 4, r.x + 2, r.w - 4, _("No blocks: press a to add one."), tui_attr(TUI_S_DIM), 0);
		tui_cursor(app, r.y + 4, r.x + 2);
	}
	if (s->focus < s->top)
		s->top = s->focus;
	if (r.h - 4 > 0 && s->focus >= s->top + r.h - 4)
		s->top = s->focus - (r.h - 4) + 1;
	for (int i = s->top; i < s->n && i - s->top < r.h - 4; i++) {
		const struct lup_block *b = &s->b[i];
		int y = r.y + 3 + i - s->top, focused = i == s->focus;
		attr_t a = focused ? tui_attr(TUI_S_FOCUS) : tui_attr(TUI_S_NORMAL);
		char seq[8], att[16];
		snprintf(seq, sizeof seq, "%d", b->seq);
		/* TRANSLATORS: a minimum attendance share, e.g. "80%". */
		snprintf(att, sizeof att, _("%.0f%%"), b->min_attendance * 100.0);
		tui_fill(y, r.x, r.w, a);
		if (focused) {
			tui_put(y, r.x, 1, tui_glyph_marker(), a | A_BOLD, 0);
			tui_cursor(app, y, r.x);
		}
		tui_put(y, r.x + 2, 3, seq, a, 0);
		tui_put(y, r.x + 6, namew, b->name ? b->name : "", a, 0);
		tui_put(y, r.x + 7 + namew, kindw, lup_block_kind_label(b->kind), a, 0);
		tui_put(y, r.x + 8 + namew + kindw, 10, att, a, 0);
	}
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct blocks *s = (struct blocks *)scr;
	const struct lup_block *b = s->n ? &s->b[s->focus] : NULL;
	lup_err err;
	lup_err_clear(&err);
	switch (a) {
	case TUI_A_UP: case TUI_A_DOWN: case TUI_A_TOP: case TUI_A_BOTTOM:
	case TUI_A_PAGE_UP: case TUI_A_PAGE_DOWN:
		s->focus = a == TUI_A_UP || a == TUI_A_PAGE_UP ? s->focus - 1
		         : a == TUI_A_DOWN || a == TUI_A_PAGE_DOWN ? s->focus + 1
		         : a == TUI_A_TOP ? 0 : s->n - 1;
		if (s->focus >= s->n)
			s->focus = s->n - 1;
		if (s->focus < 0)
			s->focus = 0;
		return TUI_REDRAW;
	case TUI_A_ADD:
		return tui_push(app, tui_block_form(app, s->prog, NULL), TAG_FORM);
	case TUI_A_EDIT:
		return b ? tui_push(app, tui_block_form(app, s->prog, b->id), TAG_FORM) : 0;
	case TUI_A_DELETE:
		if (!b)
			return 0;
		memcpy(s->pending, b->id, sizeof s->pending);
		return tui_ask_delete(app, &block_deleter, s, s->pending, TAG_DELETE);
	case TUI_A_MOVE_UP: case TUI_A_MOVE_DOWN: {
		char id[LUP_ID_SIZE];
		if (!b)
			return 0;
		memcpy(id, b->id, sizeof id);
		if (lup_block_move(tui_db(app), id, a == TUI_A_MOVE_UP ? -1 : 1, &err) < 0)
			tui_error(app, "%s", err.msg);
		load(s, app, id);
		return TUI_REDRAW;
	}
	default:
		return TUI_UNHANDLED;
	}
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct blocks *s = (struct blocks *)scr;
	if (tag == TAG_DELETE && result == TUI_YES) {
		tui_delete(app, &block_deleter, s, s->pending);
	} else if (tag == TAG_FORM && result == TUI_SAVED) {
		load(s, app, tui_block_form_id(child));
	}
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct blocks *s = (struct blocks *)scr;
	clear_rows(s);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Blocks"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_result = on_result,
	.destroy = destroy,
};

tui_screen *tui_blocks_screen(tui_app *app, const char *programme_id)
{
	struct blocks *s = calloc(1, sizeof *s);
	(void)app;
	if (!s)
		return NULL;
	s->base.ops = &ops;
	snprintf(s->prog, sizeof s->prog, "%s", programme_id);
	return &s->base;
}
