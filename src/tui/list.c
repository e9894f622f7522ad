/* list.c — the keyset-paged list widget: its model (moving, paging,
 * refetching around a row, the filter text, the sort cycle, the counts).
 * It draws nothing and calls no curses (list_draw.c draws), so
 * tests/unit/test_list.c runs it without a terminal. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/list.h"

#define ROW(l, buf, i) ((buf) + (size_t)(i) * (l)->row_size)

void tui_list_init(struct tui_list *l, const struct tui_list_ops *ops, void *ud,
                   size_t row_size, int nsorts)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->ud = ud;
	l->row_size = row_size;
	l->nsorts = nsorts > 0 ? nsorts : 1;
	lup_le_init(&l->filter, 200);
}

void tui_list_free(struct tui_list *l)
{
	free(l->rows);
	free(l->tmp);
	lup_le_clear(&l->filter);
	l->rows = l->tmp = NULL;
	l->nrows = l->cap = 0;
}

int tui_list_span(long from, int dir, int n, long total, long *first)
{
	long a, b;   /* the first and the last index, inclusive */
	if (dir > 0) {
		a = from < 0 ? 0 : from + 1;
		b = a + n - 1 < total - 1 ? a + n - 1 : total - 1;
	} else {
		b = from < 0 ? total - 1 : from - 1;
		a = b - n + 1 < 0 ? 0 : b - n + 1;
	}
	*first = a;
	return b < a ? 0 : (int)(b - a + 1);
}

const char *tui_list_filter(const struct tui_list *l)
{
	return lup_le_text(&l->filter);
}

const void *tui_list_focused(const struct tui_list *l)
{
	return l->nrows > 0 && l->focus >= 0 && l->focus < l->nrows ? ROW(l, l->rows, l->focus) : NULL;
}

static int fetch(struct tui_list *l, tui_app *app, const void *from, int dir, int n, void *rows)
{
	lup_err err;
	int got;
	if (n <= 0)
		return 0;
	lup_err_clear(&err);
	got = l->ops->fetch(l, from, dir, n, rows, &err);
	if (got < 0) {
		tui_error(app, "%s", err.msg);
		return 0;
	}
	return got > n ? n : got;
}

#define WALK 64

long tui_list_walk(struct tui_list *l, const void *row, lup_err *err)
{
	char *buf = malloc(WALK * l->row_size), *from = malloc(l->row_size);
	int dir = row ? -1 : 1, got;
	long n = 0;
	if (!buf || !from) {
		free(buf);
		free(from);
		return lup_err_oom(err);
	}
	if (row)
		memcpy(from, row, l->row_size);
	while ((got = l->ops->fetch(l, row || n ? from : NULL, dir, WALK, buf, err)) > 0) {
		n += got;
		/* on from the last row fetched (going back, the first) */
		memcpy(from, ROW(l, buf, dir > 0 ? got - 1 : 0), l->row_size);
		if (got < WALK)
			break;
	}
	free(buf);
	free(from);
	return got < 0 ? -1 : n;
}

static int count_rows(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	long n;
	if (l->ops->count)
		return l->ops->count(l, total, matching, err);
	if ((n = tui_list_walk(l, NULL, err)) < 0)
		return -1;
	*total = *matching = n;
	return 0;
}

static void recount(struct tui_list *l, tui_app *app)
{
	lup_err err;
	lup_err_clear(&err);
	if (count_rows(l, &l->total, &l->matching, &err) < 0) {
		tui_error(app, "%s", err.msg);
		l->total = l->matching = l->nrows;
	}
	l->counted = 1;
	l->count_pending = 0;
	if (!l->nrows)
		l->pos_pending = 0;
}

static void reposition(struct tui_list *l, tui_app *app)
{
	const void *f = tui_list_focused(l);
	lup_err err;
	lup_err_clear(&err);
	l->pos_pending = 0;
	if (!f) {
		l->pos = 0;
		return;
	}
	l->pos = l->ops->position ? l->ops->position(l, f, &err) : tui_list_walk(l, f, &err);
	if (l->pos < 0) {
		if (err.msg[0])
			tui_error(app, "%s", err.msg);
		l->pos = l->focus;
	}
}

void tui_list_home(struct tui_list *l, tui_app *app)
{
	if (!l->cap)
		return;
	l->nrows = fetch(l, app, NULL, 1, l->cap, l->rows);
	l->focus = 0;
	l->pos = 0;
	l->pos_pending = 0;
	/* Fewer rows than fit: they are all the matching ones, and counting
	 * them again can be skipped (the total does not change as a filter is
	 * typed).  Otherwise counting (a scan of the whole table) waits until
	 * no key is waiting: tui_list_idle. */
	if (l->nrows < l->cap && l->counted) {
		l->matching = l->nrows;
		l->count_pending = 0;
	} else {
		l->count_pending = 1;
	}
}

int tui_list_idle(struct tui_list *l, tui_app *app)
{
	if (!l->count_pending && !l->pos_pending)
		return 0;
	if (l->count_pending)
		recount(l, app);
	if (l->pos_pending)
		reposition(l, app);
	return TUI_REDRAW;
}

static void go_end(struct tui_list *l, tui_app *app)
{
	if (l->count_pending)
		recount(l, app);
	l->nrows = fetch(l, app, NULL, -1, l->cap, l->rows);
	l->focus = l->nrows ? l->nrows - 1 : 0;
	l->pos = l->matching > 0 ? l->matching - 1 : 0;
	l->pos_pending = 0;
}

/* Scroll the window by up to d rows (d > 0: towards the end) keeping the
 * focus on the same screen line; returns how far it scrolled. */
static int scroll_by(struct tui_list *l, tui_app *app, int d)
{
	int got, shift;
	if (l->nrows == 0 || d == 0)
		return 0;
	if (d > 0) {
		got = fetch(l, app, ROW(l, l->rows, l->nrows - 1), 1, d, l->tmp);
		if (got <= 0)
			return 0;
		shift = l->nrows + got > l->cap ? l->nrows + got - l->cap : 0;
		memmove(l->rows, ROW(l, l->rows, shift), (size_t)(l->nrows - shift) * l->row_size);
		memcpy(ROW(l, l->rows, l->nrows - shift), l->tmp, (size_t)got * l->row_size);
		l->nrows = l->nrows + got - shift;
		l->pos += shift;
		return shift;
	}
	got = fetch(l, app, ROW(l, l->rows, 0), -1, -d, l->tmp);
	if (got <= 0)
		return 0;
	{
		int keep = l->nrows + got > l->cap ? l->cap - got : l->nrows;
		memmove(ROW(l, l->rows, got), l->rows, (size_t)keep * l->row_size);
		memcpy(l->rows, l->tmp, (size_t)got * l->row_size);
		l->nrows = got + keep;
	}
	l->pos -= got;
	return got;
}

static void move_focus(struct tui_list *l, int d)
{
	int f = l->focus + d;
	if (f < 0)
		f = 0;
	if (f > l->nrows - 1)
		f = l->nrows - 1;
	if (f < 0)
		f = 0;
	l->pos += f - l->focus;
	l->focus = f;
}

void tui_list_reload(struct tui_list *l, tui_app *app, const void *anchor)
{
	int want, b, got, keep;
	char *save = NULL;

	if (!l->cap)
		return;
	l->counted = 0;   /* the data may have changed: count again */
	if (!anchor) {
		anchor = tui_list_focused(l);
		if (!anchor) {
			tui_list_home(l, app);
			return;
		}
	}
	/* The anchor may point into rows: keep a copy. */
	if (!(save = malloc(l->row_size))) {
		tui_list_home(l, app);
		return;
	}
	memcpy(save, anchor, l->row_size);
	if (anchor == tui_list_focused(l) && l->ops->row_again) {
		/* the focused record as stored now: its sort keys may have changed */
		char *now = malloc(l->row_size);
		lup_err err;
		if (now && l->ops->row_again(l, save, now, &err) == 0)
			memcpy(save, now, l->row_size);
		free(now);
	}
	want = l->focus < l->cap ? l->focus : l->cap - 1;
	/* up to `want` rows before the anchor, then the anchor (or what took
	 * its place) and on after the row just before it */
	b = fetch(l, app, save, -1, want + 1, l->tmp);
	keep = b > want ? want : b;
	memcpy(l->rows, ROW(l, l->tmp, b - keep), (size_t)keep * l->row_size);
	got = fetch(l, app, b > 0 ? ROW(l, l->tmp, b - 1) : NULL, 1, l->cap - keep, ROW(l, l->rows, keep));
	l->nrows = keep + got;
	l->focus = keep;
	/* near the end: fill the window from above */
	if (l->nrows < l->cap && l->nrows > 0) {
		int more = fetch(l, app, l->rows, -1, l->cap - l->nrows, l->tmp);
		memmove(ROW(l, l->rows, more), l->rows, (size_t)l->nrows * l->row_size);
		memcpy(l->rows, l->tmp, (size_t)more * l->row_size);
		l->nrows += more;
		l->focus += more;
	}
	if (l->nrows == 0) {
		/* the anchor and everything after it are gone */
		go_end(l, app);
	}
	if (l->focus >= l->nrows)
		l->focus = l->nrows ? l->nrows - 1 : 0;
	free(save);
	/* Counting and finding the position scan up to the whole table: put
	 * off until no key is waiting (tui_list_idle). */
	l->count_pending = l->pos_pending = 1;
}

void tui_list_layout(struct tui_list *l, tui_app *app, tui_rect r)
{
	int cap = r.h - 2;
	if (cap < 1)
		cap = 1;
	l->r = r;
	if (cap != l->cap) {
		char *nr = realloc(l->rows, (size_t)cap * l->row_size);
		char *nt;
		if (!nr)
			return;
		l->rows = nr;
		if (!(nt = realloc(l->tmp, (size_t)(cap + 1) * l->row_size)))
			return;
		l->tmp = nt;
		if (l->nrows > cap) {
			/* keep the focused row in the window */
			int drop = l->focus >= cap ? l->focus - cap + 1 : 0;
			memmove(l->rows, ROW(l, l->rows, drop), (size_t)cap * l->row_size);
			l->focus -= drop;
			l->nrows = cap;
		}
		l->cap = cap;
		if (l->focus >= cap)
			l->focus = cap - 1;
		tui_list_reload(l, app, NULL);
	}
}

int tui_list_action(struct tui_list *l, tui_app *app, enum tui_action a)
{
	int page = l->cap > 1 ? l->cap - 1 : 1;
	switch (a) {
	case TUI_A_DOWN:
		if (l->focus < l->nrows - 1)
			move_focus(l, 1);
		else
			scroll_by(l, app, 1);
		return TUI_REDRAW;
	case TUI_A_UP:
		if (l->focus > 0)
			move_focus(l, -1);
		else
			scroll_by(l, app, -1);
		return TUI_REDRAW;
	case TUI_A_PAGE_DOWN: {
		int s = scroll_by(l, app, page);
		move_focus(l, page - s);
		return TUI_REDRAW;
	}
	case TUI_A_PAGE_UP: {
		int s = scroll_by(l, app, -page);
		move_focus(l, -(page - s));
		return TUI_REDRAW;
	}
	case TUI_A_TOP:
		l->nrows = fetch(l, app, NULL, 1, l->cap, l->rows);
		l->focus = 0;
		l->pos = 0;
		l->pos_pending = 0;
		return TUI_REDRAW;
	case TUI_A_BOTTOM:
		go_end(l, app);
		return TUI_REDRAW;
	case TUI_A_FILTER:
		l->filtering = 1;
		lup_le_op(&l->filter, LUP_LE_END);
		return TUI_REDRAW;
	case TUI_A_SORT:
		if (l->nsorts < 2)
			return 0;
		l->sort = (l->sort + 1) % l->nsorts;
		tui_list_reload(l, app, NULL);
		if (l->ops->sort_name)
			tui_status(app, _("Sorted %s."), l->ops->sort_name(l, l->sort));
		return TUI_REDRAW;
	case TUI_A_OPEN:
		if (l->filtering) {  /* Enter ends the typing; the filter stays */
			l->filtering = 0;
			return TUI_REDRAW;
		}
		return TUI_UNHANDLED;
	case TUI_A_BACK:
		if (l->filtering || l->filter.len) {  /* Esc clears the filter */
			l->filtering = 0;
			lup_le_set(&l->filter, "");
			tui_list_home(l, app);
			return TUI_REDRAW;
		}
		return TUI_UNHANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

int tui_list_key(struct tui_list *l, tui_app *app, tui_key k)
{
	enum lup_le_op op;
	int changed;
	if (!l->filtering)
		return TUI_UNHANDLED;
	if (tui_key_is_text(k)) {
		changed = lup_le_insert(&l->filter, (uint32_t)k) == 0;
	} else if (k == TUI_KEY_BS) {
		if (l->filter.len == 0) {   /* backspace on an empty filter leaves it */
			l->filtering = 0;
			return TUI_REDRAW;
		}
		changed = lup_le_op(&l->filter, LUP_LE_BACKSPACE);
	} else if (k == TUI_KEY_DEL) {
		changed = lup_le_op(&l->filter, LUP_LE_DELETE);
	} else if (k == TUI_KEY_LEFT || k == TUI_KEY_RIGHT || k == TUI_KEY_HOME || k == TUI_KEY_END) {
		lup_le_op(&l->filter, k == TUI_KEY_LEFT ? LUP_LE_LEFT : k == TUI_KEY_RIGHT ? LUP_LE_RIGHT
		                      : k == TUI_KEY_HOME ? LUP_LE_HOME : LUP_LE_END);
		return TUI_REDRAW;
	} else if (k > 0 && k < 0x20 && lup_le_key_op(k, &op)) {
		changed = lup_le_op(&l->filter, op);
	} else {
		return TUI_UNHANDLED;
	}
	if (changed)
		tui_list_home(l, app);
	return TUI_REDRAW;
}
