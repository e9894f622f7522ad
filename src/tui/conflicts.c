/* conflicts.c — what merging laptops set aside, for a person: the list of
 * open conflicts (M from any section; the header counts them), one
 * conflict with both sides, and the answer: keep what the rule kept (1),
 * take back what it set aside (2), or type a value (3).  An answer is an
 * ordinary change: it travels to the other laptops with the next sync. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/sync.h"
#include "tui/conflicts.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/list.h"
#include "tui/view.h"

enum { TAG_SHOW = 1, TAG_TYPE };
enum { C_WHEN, C_RECORD, C_FIELD, C_FROM, NCOLS };

/* Answer one conflict; 0, or -1 with the error on the status line. */
static int answer(tui_app *app, const char *id, enum lup_conflict_how how, const char *value)
{
	lup_err err;
	lup_err_clear(&err);
	if (lup_conflict_resolve(tui_db(app), id, how, value, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return -1;
	}
	tui_status(app, "%s", how == LUP_CONFLICT_KEEP ? _("Kept as it is; the answer travels with the next sync.")
	                      : how == LUP_CONFLICT_TAKE ? _("Taken back; the answer travels with the next sync.")
	                      : _("Saved; the answer travels with the next sync."));
	return 0;
}

/* ---- Typing a value ---- */

static const struct tui_field_def type_fields[] = {
	{ "value", N_("Value"), TUI_FIELD_TEXT, 0, 2000, 0, 0, NULL, 0, NULL,
	  N_("The value to keep; ^S saves, Esc leaves the conflict open") },
};

struct type_form {
	tui_app *app;
	char id[37];
};

static int type_save(void *ud, struct tui_form *f, lup_err *err)
{
	struct type_form *tf = ud;
	return lup_conflict_resolve(tui_db(tf->app), tf->id, LUP_CONFLICT_TYPE, tui_form_get(f, "value"), err);
}

static tui_screen *type_form(tui_app *app, const struct lup_conflict *c)
{
	struct type_form *tf = calloc(1, sizeof *tf);
	char title[320];
	tui_screen *s;
	if (!tf)
		return NULL;
	tf->app = app;
	snprintf(tf->id, sizeof tf->id, "%s", c->id);
	snprintf(title, sizeof title, "%s: %s", lup_conflict_column_label(c->table, c->column), c->what);
	if (!(s = tui_form_screen(title, type_fields, 1, type_save, free, tf))) {
		free(tf);
		return NULL;
	}
	tui_form_set(tui_form_of(s), "value", c->now ? c->now : c->kept);
	tui_form_mark_clean(tui_form_of(s));
	return s;
}

/* The key that answers by typing, if the conflict allows it. */
static int open_type(tui_app *app, const struct lup_conflict *c)
{
	tui_screen *f;
	if (strcmp(c->kind, "value") != 0 || c->gone) {
		tui_error(app, "%s", _("There is no value to type here: keep it, or take back what was set aside."));
		return TUI_REDRAW;
	}
	if (!(f = type_form(app, c)))
		return TUI_REDRAW;
	return tui_push(app, f, TAG_TYPE);
}

/* ---- One conflict ---- */

struct show {
	tui_screen base;
	struct tui_view view;
	char id[37];
	struct lup_conflict c;
};

static void build(struct show *s, tui_app *app)
{
	char when[17];
	lup_err err;
	lup_err_clear(&err);
	lup_conflict_clear(&s->c);
	tui_view_clear(&s->view);
	if (lup_conflict_get(tui_db(app), s->id, &s->c, &err) < 0) {
		tui_view_line(&s->view, TUI_S_ERROR, "%s", err.msg);
		return;
	}
	lup_sync_hlc_text(s->c.hlc, when);
	tui_view_heading(&s->view, lup_conflict_table_label(s->c.table));
	tui_view_field(&s->view, _("Record"), "%s%s", s->c.what, s->c.gone ? _(" (no longer there)") : "");
	if (s->c.column[0])
		tui_view_field(&s->view, _("Field"), "%s", lup_conflict_column_label(s->c.table, s->c.column));
	tui_view_field(&s->view, _("Change from"), "%s, %s UTC", s->c.device_name[0] ? s->c.device_name : "—", when);
	tui_view_blank(&s->view);
	tui_view_line(&s->view, TUI_S_NORMAL, "%s", lup_conflict_rule_text(&s->c));
	tui_view_blank(&s->view);
	if (strcmp(s->c.kind, "row") == 0) {
		tui_view_field(&s->view, _("Set aside"), "%s", s->c.lost ? s->c.lost : "—");
	} else {
		tui_view_field(&s->view, _("Kept"), "%s", s->c.kept ? s->c.kept : "—");
		tui_view_field(&s->view, _("Set aside"), "%s", s->c.lost ? s->c.lost : "—");
		if (!s->c.gone)
			tui_view_field(&s->view, _("Now"), "%s", s->c.now ? s->c.now : "—");
	}
	tui_view_blank(&s->view);
	if (s->c.resolved[0])
		tui_view_line(&s->view, TUI_S_GOOD, "%s", _("Answered."));
	else if (s->c.can_take)
		tui_view_line(&s->view, TUI_S_DIM, "%s", strcmp(s->c.kind, "row") == 0
			? _("1 keeps it as it is, 2 puts the record back.")
			: _("1 keeps what was kept, 2 takes back what was set aside, 3 types another value."));
	else
		tui_view_line(&s->view, TUI_S_DIM, "%s", _("1 keeps it as it is (change the record itself if need be)."));
}

static tui_ctxmask show_contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_CONFLICTS);
}

static int show_enter(tui_screen *scr, tui_app *app)
{
	build((struct show *)scr, app);
	return TUI_REDRAW;
}

static void show_draw(tui_screen *scr, tui_app *app)
{
	struct show *s = (struct show *)scr;
	tui_view_draw(&s->view, app, tui_area(app));
}

static int show_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct show *s = (struct show *)scr;
	switch (a) {
	case TUI_A_CONFLICT_KEEP:
		return answer(app, s->id, LUP_CONFLICT_KEEP, NULL) == 0 ? tui_pop(app, TUI_SAVED) : TUI_REDRAW;
	case TUI_A_CONFLICT_TAKE:
		if (!s->c.can_take) {
			tui_error(app, "%s", _("There is nothing to take back here."));
			return TUI_REDRAW;
		}
		return answer(app, s->id, LUP_CONFLICT_TAKE, NULL) == 0 ? tui_pop(app, TUI_SAVED) : TUI_REDRAW;
	case TUI_A_CONFLICT_TYPE:
		return open_type(app, &s->c);
	default:
		return tui_view_action(&s->view, app, a);
	}
}

static int show_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	(void)scr; (void)child;
	if (tag == TAG_TYPE && result == TUI_SAVED) {
		tui_status(app, "%s", _("Saved; the answer travels with the next sync."));
		return tui_pop(app, TUI_SAVED);
	}
	return 0;
}

static int show_offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct show *s = (struct show *)scr;
	(void)app;
	if (s->c.resolved[0] && (a == TUI_A_CONFLICT_TAKE || a == TUI_A_CONFLICT_TYPE))
		return 0;
	if (a == TUI_A_CONFLICT_TAKE)
		return s->c.can_take;
	if (a == TUI_A_CONFLICT_TYPE)
		return strcmp(s->c.kind, "value") == 0 && !s->c.gone;
	return 1;
}

static void show_destroy(tui_screen *scr)
{
	struct show *s = (struct show *)scr;
	tui_view_free(&s->view);
	lup_conflict_clear(&s->c);
	free(s);
}

static const struct tui_screen_ops show_ops = {
	.name = N_("Conflict"),
	.contexts = show_contexts,
	.enter = show_enter,
	.draw = show_draw,
	.on_action = show_action,
	.on_result = show_result,
	.changed = show_enter,
	.offers = show_offers,
	.destroy = show_destroy,
};

static tui_screen *show_screen(const char *id)
{
	struct show *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &show_ops;
	snprintf(s->id, sizeof s->id, "%s", id);
	tui_view_init(&s->view);
	return &s->base;
}

/* ---- The list ---- */

struct conflicts {
	tui_screen base;
	tui_app *app;
	struct tui_list list;
	int colw[NCOLS];
};

static int fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct conflicts *s = l->ud;
	return lup_conflict_page(tui_db(s->app), 0, from, dir, n, rows, err);
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct conflicts *s = l->ud;
	long n = lup_conflict_total(tui_db(s->app), 0, err);
	if (n < 0)
		return -1;
	*total = *matching = n;
	return 0;
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	struct conflicts *s = l->ud;
	return lup_conflict_position(tui_db(s->app), 0, row, err);
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct conflicts *s = l->ud;
	const char *titles[NCOLS] = { _("When (UTC)"), _("Record"), _("Field"), _("Laptop") };
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], titles[c], tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void draw_row(struct tui_list *l, const void *rowv, int y, int x, int width, attr_t a)
{
	struct conflicts *s = l->ud;
	const struct lup_conflict_row *r = rowv;
	char when[17], record[320];
	const char *cells[NCOLS];
	(void)width;
	lup_sync_hlc_text(r->hlc, when);
	snprintf(record, sizeof record, "%s: %s", lup_conflict_table_label(r->table), r->what);
	cells[C_WHEN] = when;
	cells[C_RECORD] = record;
	cells[C_FIELD] = r->column[0] ? lup_conflict_column_label(r->table, r->column) : _("the whole record");
	cells[C_FROM] = r->device_name;
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] <= 0)
			continue;
		tui_put(y, x, s->colw[c], cells[c], a, 0);
		x += s->colw[c] + 1;
	}
}

static const char *empty_text(struct tui_list *l)
{
	(void)l;
	return _("No open conflicts: whatever the laptops changed fitted together.");
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .empty_text = empty_text,
};

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_CONFLICTS);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct conflicts *s = (struct conflicts *)scr;
	static const int min[NCOLS] = { 16, 24, 12, 10 }, weight[NCOLS] = { 0, 4, 1, 1 };
	tui_rect r = tui_area(app);
	tui_columns(r.w - 3, NCOLS, min, weight, s->colw);
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	tui_list_reload(&((struct conflicts *)scr)->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	tui_list_draw(&((struct conflicts *)scr)->list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct conflicts *s = (struct conflicts *)scr;
	const struct lup_conflict_row *f = tui_list_focused(&s->list);
	int r;
	if (a == TUI_A_FILTER || a == TUI_A_SORT)
		return 0;
	r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_OPEN:
		return f ? tui_push(app, show_screen(f->id), TAG_SHOW) : 0;
	case TUI_A_CONFLICT_KEEP:
	case TUI_A_CONFLICT_TAKE:
		if (!f)
			return 0;
		if (answer(app, f->id, a == TUI_A_CONFLICT_KEEP ? LUP_CONFLICT_KEEP : LUP_CONFLICT_TAKE, NULL) == 0)
			tui_list_reload(&s->list, app, NULL);
		return TUI_REDRAW;
	case TUI_A_CONFLICT_TYPE: {
		struct lup_conflict c;
		lup_err err;
		if (!f)
			return 0;
		lup_err_clear(&err);
		if (lup_conflict_get(tui_db(app), f->id, &c, &err) < 0) {
			tui_error(app, "%s", err.msg);
			return TUI_REDRAW;
		}
		r = open_type(app, &c);
		lup_conflict_clear(&c);
		return r;
	}
	default:
		return TUI_UNHANDLED;
	}
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	(void)child;
	(void)tag;
	if (result == TUI_SAVED)
		tui_list_reload(&((struct conflicts *)scr)->list, app, NULL);
	return TUI_REDRAW;
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct conflicts *s = (struct conflicts *)scr;
	(void)app;
	if (a == TUI_A_SORT || a == TUI_A_FILTER)
		return 0;
	if (a == TUI_A_CONFLICT_KEEP || a == TUI_A_CONFLICT_TAKE || a == TUI_A_CONFLICT_TYPE || a == TUI_A_OPEN)
		return tui_list_focused(&s->list) != NULL;
	return 1;
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct conflicts *)scr)->list, app);
}

static void destroy(tui_screen *scr)
{
	struct conflicts *s = (struct conflicts *)scr;
	tui_list_free(&s->list);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Conflicts"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_result = on_result,
	.on_resize = on_resize,
	.changed = enter,
	.offers = offers,
	.idle = idle,
	.destroy = destroy,
};

tui_screen *tui_conflicts_screen(tui_app *app)
{
	struct conflicts *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	tui_list_init(&s->list, &list_ops, s, sizeof(struct lup_conflict_row), 1);
	return &s->base;
}

int tui_is_conflicts(const tui_screen *s)
{
	return s && s->ops == &ops;
}
