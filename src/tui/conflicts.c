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
#include "tui/list_screen.h"
#include "tui/view_screen.h"

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
	struct tui_vscreen vs;
	struct lup_conflict c;
};

static void build(struct tui_vscreen *vs, tui_app *app)
{
	struct show *s = (struct show *)vs;
	char when[17];
	lup_err err;
	lup_err_clear(&err);
	lup_conflict_clear(&s->c);
	if (lup_conflict_get(tui_db(app), vs->id, &s->c, &err) < 0) {
		tui_vscreen_gone(vs, err.msg);
		return;
	}
	lup_sync_hlc_text(s->c.hlc, when);
	tui_view_heading(&vs->view, lup_conflict_table_label(s->c.table));
	tui_view_field(&vs->view, _("Record"), "%s%s", s->c.what, s->c.gone ? _(" (no longer there)") : "");
	if (s->c.column[0])
		tui_view_field(&vs->view, _("Field"), "%s", lup_conflict_column_label(s->c.table, s->c.column));
	tui_view_field(&vs->view, _("Change from"), "%s, %s UTC", s->c.device_name[0] ? s->c.device_name : "—", when);
	tui_view_blank(&vs->view);
	tui_view_line(&vs->view, TUI_S_NORMAL, "%s", lup_conflict_rule_text(&s->c));
	tui_view_blank(&vs->view);
	if (strcmp(s->c.kind, "row") == 0) {
		tui_view_field(&vs->view, _("Set aside"), "%s", s->c.lost ? s->c.lost : "—");
	} else {
		tui_view_field(&vs->view, _("Kept"), "%s", s->c.kept ? s->c.kept : "—");
		tui_view_field(&vs->view, _("Set aside"), "%s", s->c.lost ? s->c.lost : "—");
		if (!s->c.gone)
			tui_view_field(&vs->view, _("Now"), "%s", s->c.now ? s->c.now : "—");
	}
	tui_view_blank(&vs->view);
	if (s->c.resolved[0])
		tui_view_line(&vs->view, TUI_S_GOOD, "%s", _("Answered."));
	else if (s->c.can_take)
		tui_view_line(&vs->view, TUI_S_DIM, "%s", strcmp(s->c.kind, "row") == 0
			? _("1 keeps it as it is, 2 puts the record back.")
			: _("1 keeps what was kept, 2 takes back what was set aside, 3 types another value."));
	else
		tui_view_line(&vs->view, TUI_S_DIM, "%s", _("1 keeps it as it is (change the record itself if need be)."));
}

static int show_action(struct tui_vscreen *vs, tui_app *app, enum tui_action a)
{
	struct show *s = (struct show *)vs;
	switch (a) {
	case TUI_A_CONFLICT_KEEP:
		return answer(app, vs->id, LUP_CONFLICT_KEEP, NULL) == 0 ? tui_pop(app, TUI_SAVED) : TUI_REDRAW;
	case TUI_A_CONFLICT_TAKE:
		if (!s->c.can_take) {
			tui_error(app, "%s", _("There is nothing to take back here."));
			return TUI_REDRAW;
		}
		return answer(app, vs->id, LUP_CONFLICT_TAKE, NULL) == 0 ? tui_pop(app, TUI_SAVED) : TUI_REDRAW;
	case TUI_A_CONFLICT_TYPE:
		return open_type(app, &s->c);
	default:
		return TUI_UNHANDLED;
	}
}

static int show_result(struct tui_vscreen *vs, tui_app *app, tui_screen *child, int tag, int result)
{
	(void)vs; (void)child;
	if (tag == TAG_TYPE && result == TUI_SAVED) {
		tui_status(app, "%s", _("Saved; the answer travels with the next sync."));
		return tui_pop(app, TUI_SAVED);
	}
	return TUI_REDRAW;
}

static int show_offers(struct tui_vscreen *vs, enum tui_action a)
{
	struct show *s = (struct show *)vs;
	if (s->c.resolved[0] && (a == TUI_A_CONFLICT_TAKE || a == TUI_A_CONFLICT_TYPE))
		return 0;
	if (a == TUI_A_CONFLICT_TAKE)
		return s->c.can_take;
	if (a == TUI_A_CONFLICT_TYPE)
		return strcmp(s->c.kind, "value") == 0 && !s->c.gone;
	return 1;
}

static void show_destroy(struct tui_vscreen *vs)
{
	lup_conflict_clear(&((struct show *)vs)->c);
}

static const struct tui_vscreen_def show_def = {
	.name = N_("Conflict"),
	.contexts = TUI_VS_CONTEXTS | TUI_CTXBIT(TUI_CTX_CONFLICTS),
	.load = build, .action = show_action, .result = show_result, .offers = show_offers,
	.destroy = show_destroy,
};

/* ---- The list ---- */

static const struct tui_col cols[NCOLS] = {
	{ N_("When (UTC)"), 16, 0, 0 }, { N_("Record"), 24, 4, 0 }, { N_("Field"), 12, 1, 0 },
	{ N_("Laptop"), 10, 1, 0 },
};

static int page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err)
{
	return lup_conflict_page(tui_db(ls->app), 0, from, dir, n, rows, err);
}

static int count(struct tui_lscreen *ls, long *total, long *matching, lup_err *err)
{
	long n = lup_conflict_total(tui_db(ls->app), 0, err);
	if (n < 0)
		return -1;
	*total = *matching = n;
	return 0;
}

static long position(struct tui_lscreen *ls, const void *row, lup_err *err)
{
	return lup_conflict_position(tui_db(ls->app), 0, row, err);
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	const struct lup_conflict_row *r = row;
	char when[17];
	(void)ls;
	lup_sync_hlc_text(r->hlc, when);
	tui_cell_printf(c, C_WHEN, "%s", when);
	tui_cell_printf(c, C_RECORD, "%s: %s", lup_conflict_table_label(r->table), r->what);
	c->text[C_FIELD] = r->column[0] ? lup_conflict_column_label(r->table, r->column) : _("the whole record");
	c->text[C_FROM] = r->device_name;
}

static const char *empty_text(struct tui_lscreen *ls)
{
	(void)ls;
	return _("No open conflicts: whatever the laptops changed fitted together.");
}

static tui_screen *open_row(struct tui_lscreen *ls, const void *row)
{
	return tui_vscreen_new(ls->app, &show_def, sizeof(struct show), ((const struct lup_conflict_row *)row)->id);
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	const struct lup_conflict_row *f = row;
	struct lup_conflict c;
	lup_err err;
	int r;
	switch (a) {
	case TUI_A_CONFLICT_KEEP:
	case TUI_A_CONFLICT_TAKE:
		if (!f)
			return 0;
		if (answer(app, f->id, a == TUI_A_CONFLICT_KEEP ? LUP_CONFLICT_KEEP : LUP_CONFLICT_TAKE, NULL) == 0)
			tui_lscreen_reload(ls);
		return TUI_REDRAW;
	case TUI_A_CONFLICT_TYPE:
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
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(struct tui_lscreen *ls, enum tui_action a)
{
	if (a == TUI_A_CONFLICT_KEEP || a == TUI_A_CONFLICT_TAKE || a == TUI_A_CONFLICT_TYPE || a == TUI_A_OPEN)
		return tui_lscreen_focused(ls) != NULL;
	return 1;
}

static const struct tui_lscreen_def def = {
	.name = N_("Conflicts"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_CONFLICTS),
	.row_size = sizeof(struct lup_conflict_row),
	.flags = TUI_LS_NO_FILTER,
	.cols = cols, .ncols = NCOLS,
	.page = page, .count = count, .position = position,
	.cells = cells, .empty_text = empty_text, .open = open_row, .action = action, .offers = offers,
};

tui_screen *tui_conflicts_screen(tui_app *app)
{
	struct tui_lscreen *ls = tui_lscreen_new(app, &def, sizeof *ls);
	return ls ? &ls->base : NULL;
}

int tui_is_conflicts(const tui_screen *s)
{
	return tui_lscreen_of((tui_screen *)s, &def) != NULL;
}
