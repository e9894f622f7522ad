/* list_screen.c — the base of every list screen (list_screen.h): the
 * screen functions, the list widget's callbacks over the screen's
 * queries, columns drawn from its cells, and open, add, edit, delete and
 * pick the same way everywhere. */
#include <stdarg.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/list_screen.h"

/* A short list held in memory: the widget's rows are the item's index
 * (for the position), then the item, each row aligned for anything. */
#define ALIGNED(n) (((n) + alignof(max_align_t) - 1) / alignof(max_align_t) * alignof(max_align_t))
#define ITEM_OFF ALIGNED(sizeof(long))

static int in_memory(const struct tui_lscreen *ls)
{
	return ls->def->page == NULL;
}

/* The screen's row in one of the widget's rows. */
static const void *user_row(const struct tui_lscreen *ls, const void *row)
{
	return row && in_memory(ls) ? (const char *)row + ITEM_OFF : row;
}

static const char *row_id(const struct tui_lscreen *ls, const void *user)
{
	return (const char *)user + ls->def->id_offset;
}

void tui_cell_printf(struct tui_cells *c, int col, const char *fmt, ...)
{
	va_list ap;
	if (col < 0 || col >= TUI_COLS_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(c->buf[col], sizeof c->buf[col], fmt, ap);
	va_end(ap);
	c->text[col] = c->buf[col];
}

/* ---- the widget's callbacks ---- */

static int l_fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct tui_lscreen *ls = l->ud;
	long first;
	int got;
	if (!in_memory(ls))
		return ls->def->page(ls, from, dir, n, rows, err);
	got = tui_list_span(from ? *(const long *)from : -1, dir, n, ls->nitems, &first);
	for (int k = 0; k < got; k++) {
		char *r = (char *)rows + (size_t)k * l->row_size;
		*(long *)r = first + k;
		memcpy(r + ITEM_OFF, (const char *)ls->items + (size_t)(first + k) * ls->def->row_size,
		       ls->def->row_size);
	}
	return got;
}

static int l_count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct tui_lscreen *ls = l->ud;
	long n;
	if (ls->def->count)
		return ls->def->count(ls, total, matching, err);
	n = in_memory(ls) ? ls->nitems : tui_list_walk(l, NULL, err);
	if (n < 0)
		return -1;
	*total = *matching = n;
	return 0;
}

static long l_position(struct tui_list *l, const void *row, lup_err *err)
{
	struct tui_lscreen *ls = l->ud;
	if (in_memory(ls))
		return *(const long *)row;
	if (ls->def->position)
		return ls->def->position(ls, row, err);
	return tui_list_walk(l, row, err);
}

static int l_row_again(struct tui_list *l, const void *row, void *out, lup_err *err)
{
	struct tui_lscreen *ls = l->ud;
	if (in_memory(ls) || !ls->def->fetch_one)
		return -1;
	return ls->def->fetch_one(ls, row_id(ls, row), out, err);
}

/* The row drawn just above (its group, in a list that groups). */
static const void *drawn_above;

static void l_draw_header(struct tui_list *l, int y, int x, int width)
{
	struct tui_lscreen *ls = l->ud;
	const struct tui_lscreen_def *d = ls->def;
	(void)width;
	drawn_above = NULL;
	for (int c = 0; c < d->ncols; c++) {
		const char *t = d->title ? d->title(ls, c) : NULL;
		if (ls->colw[c] <= 0)
			continue;
		if (!t)
			t = d->cols[c].title && *d->cols[c].title ? _(d->cols[c].title) : "";
		tui_put(y, x, ls->colw[c], t, tui_attr(TUI_S_HEADER), d->cols[c].flags);
		x += ls->colw[c] + 1;
	}
}

static void l_draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct tui_lscreen *ls = l->ud;
	const struct tui_lscreen_def *d = ls->def;
	struct tui_cells c;
	(void)width;
	memset(&c, 0, offsetof(struct tui_cells, buf));
	c.above = drawn_above ? user_row(ls, drawn_above) : NULL;
	d->cells(ls, user_row(ls, row), &c);
	drawn_above = row;
	for (int i = 0; i < d->ncols; i++) {
		attr_t ca = a;
		if (c.text[i] && !d->layout) {
			int tw = tui_width(c.text[i]);
			if (tw > 80)
				tw = 80;
			if (tw > ls->want[i]) {
				ls->want[i] = tw;
				ls->want_grew = 1;
			}
		}
		if (ls->colw[i] <= 0)
			continue;
		if (!(a & A_REVERSE) && c.style[i] != TUI_S_NORMAL)
			ca = tui_attr(c.style[i]);
		tui_put(y, x, ls->colw[i], c.text[i] ? c.text[i] : "", ca | c.add[i], d->cols[i].flags);
		x += ls->colw[i] + 1;
	}
}

static const char *l_sort_name(struct tui_list *l, int sort)
{
	struct tui_lscreen *ls = l->ud;
	return ls->def->sort_name ? ls->def->sort_name(sort) : "";
}

static const char *l_empty_text(struct tui_list *l)
{
	struct tui_lscreen *ls = l->ud;
	return ls->def->empty_text ? ls->def->empty_text(ls) : NULL;
}

static const struct tui_list_ops list_ops = {
	.fetch = l_fetch, .count = l_count, .position = l_position, .row_again = l_row_again,
	.draw_row = l_draw_row, .draw_header = l_draw_header, .empty_text = l_empty_text,
};
static const struct tui_list_ops list_ops_sorted = {
	.fetch = l_fetch, .count = l_count, .position = l_position, .row_again = l_row_again,
	.draw_row = l_draw_row, .draw_header = l_draw_header, .empty_text = l_empty_text,
	.sort_name = l_sort_name,
};

/* ---- the screen ---- */

static struct tui_lscreen *LS(tui_screen *s)
{
	return (struct tui_lscreen *)s;
}

const void *tui_lscreen_focused(struct tui_lscreen *ls)
{
	return user_row(ls, tui_list_focused(&ls->list));
}

long tui_lscreen_index(const struct tui_lscreen *ls, const void *row)
{
	return in_memory(ls) ? *(const long *)((const char *)row - ITEM_OFF) : -1;
}

const char *tui_lscreen_filter(struct tui_lscreen *ls)
{
	return tui_list_filter(&ls->list);
}

void tui_lscreen_reload(struct tui_lscreen *ls)
{
	tui_list_reload(&ls->list, ls->app, NULL);
}

void tui_lscreen_home(struct tui_lscreen *ls)
{
	tui_list_home(&ls->list, ls->app);
}

void tui_lscreen_focus(struct tui_lscreen *ls, const char *id)
{
	char *row;
	lup_err err;
	size_t len = id ? strlen(id) + 1 : 0;
	if (in_memory(ls) && len > 1 && ls->def->id_offset + len <= ls->def->row_size) {
		/* a short list: the item with the id, found in memory */
		for (long i = 0; i < ls->nitems; i++) {
			const char *item = (const char *)ls->items + (size_t)i * ls->def->row_size;
			if (memcmp(item + ls->def->id_offset, id, len) != 0 || !(row = calloc(1, ls->list.row_size)))
				continue;
			*(long *)row = i;
			memcpy(row + ITEM_OFF, item, ls->def->row_size);
			tui_list_reload(&ls->list, ls->app, row);
			free(row);
			return;
		}
	}
	if (!ls->def->fetch_one || in_memory(ls) || !id || !*id || !(row = calloc(1, ls->list.row_size))) {
		tui_lscreen_reload(ls);
		return;
	}
	lup_err_clear(&err);
	if (ls->def->fetch_one(ls, id, row, &err) == 0)
		tui_list_reload(&ls->list, ls->app, row);
	else
		tui_lscreen_reload(ls);
	free(row);
}

void tui_lscreen_layout(struct tui_lscreen *ls)
{
	const struct tui_lscreen_def *d = ls->def;
	tui_rect r = tui_screen_area(ls->app, &ls->base), lr;
	int width = r.w - 3;
	ls->area = r;
	ls->head = d->head_lines ? d->head_lines(ls, r) : d->head;
	if (d->layout) {
		d->layout(ls, width, ls->colw);
	} else {
		int min[TUI_COLS_MAX], weight[TUI_COLS_MAX];
		for (int c = 0; c < d->ncols; c++) {
			min[c] = d->cols[c].min;
			weight[c] = d->cols[c].weight;
		}
		tui_columns_fit(width, d->ncols, min, weight, ls->want, ls->colw);
	}
	lr = r;
	lr.y += ls->head;
	lr.h -= ls->head + d->foot;
	tui_list_layout(&ls->list, ls->app, lr);
}

static tui_ctxmask contexts(tui_screen *s, tui_app *app)
{
	(void)app;
	return LS(s)->def->contexts;
}

static void on_resize(tui_screen *s, tui_app *app)
{
	(void)app;
	tui_lscreen_layout(LS(s));
}

static int enter(tui_screen *s, tui_app *app)
{
	struct tui_lscreen *ls = LS(s);
	if (ls->def->load) {
		ls->def->load(ls, app);
		tui_lscreen_layout(ls);   /* the head, or the columns, may follow what was read */
	}
	tui_lscreen_reload(ls);
	return TUI_REDRAW;
}

static void draw(tui_screen *s, tui_app *app)
{
	struct tui_lscreen *ls = LS(s);
	if (ls->def->draw)
		ls->def->draw(ls, app, ls->area);
	ls->want_grew = 0;
	tui_list_draw(&ls->list, app);
	if (ls->want_grew) {
		/* wider text than seen before: the spare width goes to it */
		tui_lscreen_layout(ls);
		ls->want_grew = 0;
		if (ls->def->draw)
			ls->def->draw(ls, app, ls->area);
		tui_list_draw(&ls->list, app);
	}
}

static int on_key(tui_screen *s, tui_app *app, tui_key k)
{
	return tui_list_key(&LS(s)->list, app, k);
}

static int idle(tui_screen *s, tui_app *app)
{
	struct tui_lscreen *ls = LS(s);
	int r = tui_list_idle(&ls->list, app);
	if (ls->def->idle)
		r |= ls->def->idle(ls, app);
	return r;
}

static int ask_delete(struct tui_lscreen *ls, const void *row)
{
	snprintf(ls->pending, sizeof ls->pending, "%s", row_id(ls, row));
	return tui_ask_delete(ls->app, ls->def->deleter, ls, ls->pending, TUI_LS_TAG_DELETE);
}

static int on_action(tui_screen *s, tui_app *app, enum tui_action a)
{
	struct tui_lscreen *ls = LS(s);
	const struct tui_lscreen_def *d = ls->def;
	const void *row = tui_lscreen_focused(ls);
	int r;
	if (a == TUI_A_FILTER && (d->flags & TUI_LS_NO_FILTER))
		return 0;
	if (d->pick && a == TUI_A_PICK_CLOSE) {
		/* Esc in a pick list: clears the filter first, then closes it */
		r = tui_list_action(&ls->list, app, TUI_A_BACK);
		return r & TUI_UNHANDLED ? tui_pop(app, TUI_CANCELLED) : r;
	}
	if (d->pick && a == TUI_A_PICK)
		a = TUI_A_OPEN;   /* Enter ends typing a filter first, then picks */
	r = tui_list_action(&ls->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	if (d->action) {
		r = d->action(ls, app, a, row);
		if (!(r & TUI_UNHANDLED))
			return r;
	}
	switch (a) {
	case TUI_A_OPEN:
		if (d->pick)
			return d->pick(ls, row);
		if (d->open)
			return row ? tui_push(app, d->open(ls, row), TUI_LS_TAG_OPEN) : 0;
		break;
	case TUI_A_ADD:
		if (d->form)
			return tui_push(app, d->form(ls, NULL), TUI_LS_TAG_FORM);
		break;
	case TUI_A_EDIT:
		if (d->form)
			return row ? tui_push(app, d->form(ls, row), TUI_LS_TAG_FORM) : 0;
		break;
	case TUI_A_DELETE:
		if (d->deleter)
			return row ? ask_delete(ls, row) : 0;
		break;
	default:
		break;
	}
	return TUI_UNHANDLED;
}

static int on_result(tui_screen *s, tui_app *app, tui_screen *child, int tag, int result)
{
	struct tui_lscreen *ls = LS(s);
	const struct tui_lscreen_def *d = ls->def;
	if (d->result) {
		int r = d->result(ls, app, child, tag, result);
		if (!(r & TUI_UNHANDLED))
			return r;
	}
	if (tag == TUI_LS_TAG_FORM && result == TUI_SAVED && d->form_id)
		tui_lscreen_focus(ls, d->form_id(child));
	else if (tag == TUI_LS_TAG_DELETE && result == TUI_YES && d->deleter)
		tui_delete(app, d->deleter, ls, ls->pending);
	/* enter() fetches the list again once the child is gone */
	return TUI_REDRAW;
}

static int offers(tui_screen *s, tui_app *app, enum tui_action a)
{
	struct tui_lscreen *ls = LS(s);
	const struct tui_lscreen_def *d = ls->def;
	(void)app;
	if (a == TUI_A_FILTER && (d->flags & TUI_LS_NO_FILTER))
		return 0;
	if (a == TUI_A_SORT && d->nsorts < 2)
		return 0;
	if (a == TUI_A_PICK_CLOSE && d->pick)
		return 0;   /* q Back says it, and the line is full */
	return d->offers ? d->offers(ls, a) : 1;
}

static void note(tui_screen *s, char *buf, size_t n)
{
	struct tui_lscreen *ls = LS(s);
	buf[0] = '\0';
	ls->def->note(ls, buf, n);
}

/* A list is one view: show focuses the record. */
static int show(tui_screen *s, tui_app *app, const char *view, const char *id)
{
	(void)app;
	if (view)
		return -1;
	if (id)
		tui_lscreen_focus(LS(s), id);
	return 0;
}

static void destroy(tui_screen *s)
{
	struct tui_lscreen *ls = LS(s);
	if (ls->def->destroy)
		ls->def->destroy(ls);
	tui_list_free(&ls->list);
	free(ls);
}

static const struct tui_screen_ops base_ops = {
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.offers = offers,
	.show = show,
	.destroy = destroy,
};

void *tui_lscreen_new(tui_app *app, const struct tui_lscreen_def *def, size_t size)
{
	struct tui_lscreen *ls;
	size_t row_size = def->page ? def->row_size : ITEM_OFF + ALIGNED(def->row_size);
	if (size < sizeof *ls || def->ncols > TUI_COLS_MAX || !(ls = calloc(1, size)))
		return NULL;
	ls->ops = base_ops;
	ls->ops.name = def->name;
	if (def->note)
		ls->ops.note = note;
	ls->base.ops = &ls->ops;
	ls->def = def;
	ls->app = app;
	tui_list_init(&ls->list, def->sort_name && def->nsorts > 1 ? &list_ops_sorted : &list_ops, ls,
	              row_size, def->nsorts);
	return ls;
}

void *tui_lscreen_of(tui_screen *s, const struct tui_lscreen_def *def)
{
	return s && s->ops->draw == draw && LS(s)->def == def ? s : NULL;
}
