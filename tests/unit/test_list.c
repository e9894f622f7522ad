/* test_list.c — the list widget's model (list.c) and the list-screen base
 * (list_screen.c) without a terminal: moving and paging reach every row
 * and only ever fetch a window's worth; a reload keeps the focus on the
 * same record (renamed, re-sorted) or gives it to the one after a record
 * that went; the filter counts its matches; short lists are counted by
 * paging; and the base opens, focuses what was saved, asks before
 * deleting with No first, and picks.
 *
 * Nothing here draws: the application's services that the model and the
 * base call (app.c's, which needs a terminal) are stood in for below, and
 * note what was pushed, popped and said. */
#include "helpers.h"
#include <stdio.h>
#include "lup/i18n.h"
#include "tui/list.h"
#include "tui/list_screen.h"

/* ---- the application, stood in for ---- */

static struct {
	tui_screen *pushed;
	int tag, pops, pop_result, errors;
	char status[512];
} seen;
static int dummy_app;
#define APP ((tui_app *)&dummy_app)
#define LINES_ 12   /* the list's area: a count line, the titles and 10 rows */

static void forget(void)
{
	if (seen.pushed && seen.pushed->ops->destroy)
		seen.pushed->ops->destroy(seen.pushed);
	memset(&seen, 0, sizeof seen);
}

lup_db *tui_db(tui_app *app) { (void)app; return NULL; }
const lup_config *tui_config(tui_app *app) { (void)app; return NULL; }
tui_rect tui_area(tui_app *app) { tui_rect r = { 1, 0, LINES_, 80 }; (void)app; return r; }
tui_rect tui_screen_area(tui_app *app, const tui_screen *s) { (void)s; return tui_area(app); }
void tui_cursor(tui_app *app, int y, int x) { (void)app; (void)y; (void)x; }
int tui_is_root(tui_app *app, const tui_screen *s) { (void)app; (void)s; return 0; }
tui_screen *tui_top(tui_app *app) { (void)app; return NULL; }

void tui_status(tui_app *app, const char *fmt, ...)
{
	va_list ap;
	(void)app;
	va_start(ap, fmt);
	vsnprintf(seen.status, sizeof seen.status, fmt, ap);
	va_end(ap);
}

void tui_error(tui_app *app, const char *fmt, ...)
{
	va_list ap;
	(void)app;
	seen.errors++;
	va_start(ap, fmt);
	vsnprintf(seen.status, sizeof seen.status, fmt, ap);
	va_end(ap);
}

int tui_push(tui_app *app, tui_screen *child, int tag)
{
	(void)app;
	if (!child)
		return TUI_REDRAW;
	if (seen.pushed && seen.pushed->ops->destroy)
		seen.pushed->ops->destroy(seen.pushed);
	seen.pushed = child;
	seen.tag = tag;
	return TUI_PUSH;
}

int tui_pop(tui_app *app, int result)
{
	(void)app;
	seen.pops++;
	seen.pop_result = result;
	return TUI_POP;
}

/* ---- a table in memory, paged by keyset as the core pages ---- */

struct row {
	char id[8];
	int key;          /* the sort key */
	char name[16];
};

#define MAXROWS 200
static struct row table[MAXROWS];
static int nrows_, fetched_most, fetches;
static char filter_[32];

static void fill(int n)
{
	nrows_ = n;
	for (int i = 0; i < n; i++) {
		snprintf(table[i].id, sizeof table[i].id, "r%d", i);
		table[i].key = i * 10;
		snprintf(table[i].name, sizeof table[i].name, "n%d", i);
	}
}

static int matches(const struct row *r)
{
	return !filter_[0] || strstr(r->name, filter_) != NULL;
}

/* table is kept in key order; a row's place is found by its key */
static int cmp_key(const struct row *a, const struct row *b)
{
	return a->key != b->key ? (a->key > b->key) - (a->key < b->key) : strcmp(a->id, b->id);
}

static int page_rows(const void *fromv, int dir, int n, void *rowsv)
{
	const struct row *from = fromv;
	struct row *rows = rowsv;
	int got = 0;
	fetches++;
	if (n > fetched_most)
		fetched_most = n;
	if (dir > 0) {
		for (int i = 0; i < nrows_ && got < n; i++)
			if (matches(&table[i]) && (!from || cmp_key(&table[i], from) > 0))
				rows[got++] = table[i];
		return got;
	}
	for (int i = nrows_ - 1; i >= 0 && got < n; i--)
		if (matches(&table[i]) && (!from || cmp_key(&table[i], from) < 0))
			got++;
	/* the same rows again, in display order */
	{
		int k = 0, skip = 0, have = 0;
		for (int i = nrows_ - 1; i >= 0; i--)
			if (matches(&table[i]) && (!from || cmp_key(&table[i], from) < 0))
				have++;
		skip = have - got;
		for (int i = 0; i < nrows_ && k < got; i++)
			if (matches(&table[i]) && (!from || cmp_key(&table[i], from) < 0)) {
				if (skip > 0) {
					skip--;
					continue;
				}
				rows[k++] = table[i];
			}
	}
	return got;
}

static int find(const char *id)
{
	for (int i = 0; i < nrows_; i++)
		if (strcmp(table[i].id, id) == 0)
			return i;
	return -1;
}

/* Keep table sorted after a key changed. */
static void resort(void)
{
	for (int i = 1; i < nrows_; i++)
		for (int j = i; j > 0 && cmp_key(&table[j], &table[j - 1]) < 0; j--) {
			struct row t = table[j];
			table[j] = table[j - 1];
			table[j - 1] = t;
		}
}

static void drop(const char *id)
{
	int i = find(id);
	if (i < 0)
		return;
	memmove(&table[i], &table[i + 1], (size_t)(nrows_ - i - 1) * sizeof table[0]);
	nrows_--;
}

/* ---- the widget's own callbacks ---- */

static int w_fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	(void)l; (void)err;
	return page_rows(from, dir, n, rows);
}

static int w_count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	long m = 0;
	(void)l; (void)err;
	for (int i = 0; i < nrows_; i++)
		m += matches(&table[i]);
	*total = nrows_;
	*matching = m;
	return 0;
}

static int w_row_again(struct tui_list *l, const void *row, void *out, lup_err *err)
{
	int i = find(((const struct row *)row)->id);
	(void)l; (void)err;
	if (i < 0)
		return -1;
	*(struct row *)out = table[i];
	return 0;
}

static void w_draw_row(struct tui_list *l, const void *row, int y, int x, int w, attr_t a)
{
	(void)l; (void)row; (void)y; (void)x; (void)w; (void)a;
}

/* count and position left to the widget: it pages */
static const struct tui_list_ops walked_ops = { .fetch = w_fetch, .draw_row = w_draw_row };
static const struct tui_list_ops ops = {
	.fetch = w_fetch, .count = w_count, .draw_row = w_draw_row, .row_again = w_row_again,
};

static const char *focused_id(const struct tui_list *l)
{
	const struct row *r = tui_list_focused(l);
	return r ? r->id : "";
}

static void settle(struct tui_list *l)
{
	while (tui_list_idle(l, APP))
		;
}

static void new_list(struct tui_list *l, const struct tui_list_ops *o, int n)
{
	tui_rect r = { 1, 0, LINES_, 80 };
	fill(n);
	filter_[0] = '\0';
	fetched_most = fetches = 0;
	tui_list_init(l, o, NULL, sizeof(struct row), 1);
	tui_list_layout(l, APP, r);
	settle(l);
}

/* ---- the model ---- */

/* Down one at a time reaches every row in order, the position follows,
 * and no fetch asks for more than a window and one. */
static void test_move_every_row(void **state)
{
	struct tui_list l;
	(void)state;
	new_list(&l, &ops, 57);
	assert_string_equal(focused_id(&l), "r0");
	assert_int_equal(l.pos, 0);
	assert_int_equal(l.matching, 57);
	for (int i = 1; i < 57; i++) {
		char want[8];
		tui_list_action(&l, APP, TUI_A_DOWN);
		snprintf(want, sizeof want, "r%d", i);
		assert_string_equal(focused_id(&l), want);
		assert_int_equal(l.pos, i);
		assert_true(l.focus >= 0 && l.focus < l.cap);
	}
	tui_list_action(&l, APP, TUI_A_DOWN);   /* at the end: stays */
	assert_string_equal(focused_id(&l), "r56");
	for (int i = 55; i >= 0; i--)
		tui_list_action(&l, APP, TUI_A_UP);
	assert_string_equal(focused_id(&l), "r0");
	tui_list_action(&l, APP, TUI_A_UP);     /* at the start: stays */
	assert_string_equal(focused_id(&l), "r0");
	assert_true(fetched_most <= l.cap + 1);
	tui_list_free(&l);
}

static void test_paging(void **state)
{
	struct tui_list l;
	int page;
	(void)state;
	new_list(&l, &ops, 100);
	page = l.cap - 1;
	assert_int_equal(l.cap, LINES_ - 2);
	tui_list_action(&l, APP, TUI_A_PAGE_DOWN);
	assert_int_equal(l.pos, page);
	tui_list_action(&l, APP, TUI_A_PAGE_DOWN);
	assert_int_equal(l.pos, 2 * page);
	assert_string_equal(focused_id(&l), "r18");
	tui_list_action(&l, APP, TUI_A_PAGE_UP);
	assert_int_equal(l.pos, page);
	tui_list_action(&l, APP, TUI_A_BOTTOM);
	assert_string_equal(focused_id(&l), "r99");
	assert_int_equal(l.pos, 99);
	assert_int_equal(l.nrows, l.cap);         /* a full window above the last row */
	tui_list_action(&l, APP, TUI_A_PAGE_DOWN);
	assert_string_equal(focused_id(&l), "r99");
	tui_list_action(&l, APP, TUI_A_TOP);
	assert_string_equal(focused_id(&l), "r0");
	tui_list_action(&l, APP, TUI_A_PAGE_UP);
	assert_string_equal(focused_id(&l), "r0");
	assert_true(fetched_most <= l.cap + 1);
	tui_list_free(&l);
}

/* A reload keeps the focused record: when it moved in the order (its key
 * changed), when it went (its successor takes the focus), and at the end
 * (the last one left). */
static void test_reload_keeps_the_record(void **state)
{
	struct tui_list l;
	int i;
	(void)state;
	new_list(&l, &ops, 60);
	for (i = 0; i < 25; i++)
		tui_list_action(&l, APP, TUI_A_DOWN);
	assert_string_equal(focused_id(&l), "r25");

	/* renamed elsewhere: now sorts near the end */
	table[find("r25")].key = 555;
	resort();
	tui_list_reload(&l, APP, NULL);
	settle(&l);
	assert_string_equal(focused_id(&l), "r25");
	assert_int_equal(l.pos, 55);

	/* deleted elsewhere: the one after it */
	drop("r25");
	tui_list_reload(&l, APP, NULL);
	settle(&l);
	assert_string_equal(focused_id(&l), "r56");

	/* the last ones went: the new last one */
	tui_list_action(&l, APP, TUI_A_BOTTOM);
	drop("r59");
	tui_list_reload(&l, APP, NULL);
	settle(&l);
	assert_string_equal(focused_id(&l), "r58");
	assert_int_equal(l.pos, nrows_ - 1);

	/* an anchor given (the row just saved) takes the focus */
	{
		struct row anchor = table[find("r7")];
		tui_list_reload(&l, APP, &anchor);
		settle(&l);
		assert_string_equal(focused_id(&l), "r7");
		assert_int_equal(l.pos, 7);
	}
	tui_list_free(&l);
}

/* "/" and text: the list starts over from its first match, counted when
 * no key waits; Esc clears the filter. */
static void test_filter(void **state)
{
	struct tui_list l;
	(void)state;
	new_list(&l, &ops, 100);
	tui_list_action(&l, APP, TUI_A_DOWN);
	assert_int_equal(tui_list_action(&l, APP, TUI_A_FILTER), TUI_REDRAW);
	assert_true(l.filtering);
	tui_list_key(&l, APP, '7');
	/* the filter goes to the query: the widget's own rows follow it */
	snprintf(filter_, sizeof filter_, "%s", tui_list_filter(&l));
	assert_string_equal(filter_, "7");
	tui_list_home(&l, APP);
	settle(&l);
	assert_string_equal(focused_id(&l), "r7");
	assert_int_equal(l.matching, 19);   /* 7, 17 … 97 and 70 … 79 */
	assert_int_equal(l.total, 100);
	/* Enter ends the typing, the filter stays */
	assert_int_equal(tui_list_action(&l, APP, TUI_A_OPEN), TUI_REDRAW);
	assert_false(l.filtering);
	assert_string_equal(tui_list_filter(&l), "7");
	/* q is a key for commands again: not typed into the filter */
	assert_int_equal(tui_list_key(&l, APP, 'q'), TUI_UNHANDLED);
	/* Esc clears it */
	assert_int_equal(tui_list_action(&l, APP, TUI_A_BACK), TUI_REDRAW);
	filter_[0] = '\0';
	tui_list_home(&l, APP);
	settle(&l);
	assert_string_equal(tui_list_filter(&l), "");
	assert_int_equal(l.matching, 100);
	/* and Esc without a filter is not the list's */
	assert_int_equal(tui_list_action(&l, APP, TUI_A_BACK), TUI_UNHANDLED);
	tui_list_free(&l);
}

/* Without count and position the widget pages through a short list. */
static void test_walked_counts(void **state)
{
	struct tui_list l;
	lup_err err;
	(void)state;
	new_list(&l, &walked_ops, 150);
	assert_int_equal(l.total, 150);
	assert_int_equal(l.matching, 150);
	tui_list_action(&l, APP, TUI_A_BOTTOM);
	settle(&l);
	assert_int_equal(l.pos, 149);
	for (int i = 0; i < 30; i++)
		tui_list_action(&l, APP, TUI_A_UP);
	tui_list_reload(&l, APP, NULL);     /* the position is found again by paging back */
	settle(&l);
	assert_string_equal(focused_id(&l), "r119");
	assert_int_equal(l.pos, 119);
	lup_err_clear(&err);
	assert_int_equal(tui_list_walk(&l, NULL, &err), 150);
	assert_int_equal(tui_list_walk(&l, &table[64], &err), 64);
	assert_int_equal(tui_list_walk(&l, &table[0], &err), 0);
	tui_list_free(&l);
}

/* An empty list, and one that empties. */
static void test_empty(void **state)
{
	struct tui_list l;
	(void)state;
	new_list(&l, &ops, 0);
	assert_null(tui_list_focused(&l));
	tui_list_action(&l, APP, TUI_A_DOWN);
	tui_list_action(&l, APP, TUI_A_PAGE_DOWN);
	tui_list_action(&l, APP, TUI_A_BOTTOM);
	assert_null(tui_list_focused(&l));
	assert_int_equal(l.matching, 0);
	tui_list_free(&l);
	new_list(&l, &ops, 3);
	tui_list_action(&l, APP, TUI_A_DOWN);
	nrows_ = 0;
	tui_list_reload(&l, APP, NULL);
	settle(&l);
	assert_null(tui_list_focused(&l));
	tui_list_free(&l);
}

/* The span of an array: the n after or before an index, never past
 * either end. */
static void test_span(void **state)
{
	long first;
	(void)state;
	assert_int_equal(tui_list_span(-1, 1, 5, 12, &first), 5);
	assert_int_equal(first, 0);
	assert_int_equal(tui_list_span(9, 1, 5, 12, &first), 2);
	assert_int_equal(first, 10);
	assert_int_equal(tui_list_span(11, 1, 5, 12, &first), 0);
	assert_int_equal(tui_list_span(-1, -1, 5, 12, &first), 5);
	assert_int_equal(first, 7);
	assert_int_equal(tui_list_span(3, -1, 5, 12, &first), 3);
	assert_int_equal(first, 0);
	assert_int_equal(tui_list_span(0, -1, 5, 12, &first), 0);
	assert_int_equal(tui_list_span(-1, 1, 5, 0, &first), 0);
}

/* ---- the list-screen base ---- */

static char saved_id[8], removed[8];
static int refuse_delete;

static int s_page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err)
{
	(void)ls; (void)err;
	snprintf(filter_, sizeof filter_, "%s", tui_lscreen_filter(ls));
	return page_rows(from, dir, n, rows);
}

static int s_fetch_one(struct tui_lscreen *ls, const char *id, void *out, lup_err *err)
{
	int i = find(id);
	(void)ls; (void)err;
	if (i < 0)
		return -1;
	*(struct row *)out = table[i];
	return 0;
}

static void s_cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	(void)ls;
	c->text[0] = ((const struct row *)row)->name;
}

static void child_destroy(tui_screen *s) { free(s); }
static const struct tui_screen_ops child_ops = { .name = "child", .destroy = child_destroy };

static tui_screen *child(void)
{
	tui_screen *s = calloc(1, sizeof *s);
	if (s)
		s->ops = &child_ops;
	return s;
}

static tui_screen *s_open(struct tui_lscreen *ls, const void *row) { (void)ls; (void)row; return child(); }
static tui_screen *s_form(struct tui_lscreen *ls, const void *row) { (void)ls; (void)row; return child(); }
static const char *s_form_id(tui_screen *form) { (void)form; return saved_id; }

static int describe(tui_app *app, void *ud, const char *id, char *what, size_t n, lup_buf *detail,
                    lup_err *err)
{
	int i = find(id);
	(void)app; (void)ud;
	if (refuse_delete)
		return lup_err_set(err, LUP_EFAIL, "%s", "it is in use");
	snprintf(what, n, "%s", i >= 0 ? table[i].name : "?");
	lup_buf_puts(detail, "Its things go with it.");
	return 0;
}

static int remove_row(tui_app *app, void *ud, const char *id, char *said, size_t n, lup_err *err)
{
	(void)app; (void)ud; (void)said; (void)n; (void)err;
	snprintf(removed, sizeof removed, "%s", id);
	drop(id);
	return 0;
}

static const struct tui_deleter deleter = { describe, remove_row };
static const struct tui_col cols[] = { { "Name", 10, 1, 0 } };

static const struct tui_lscreen_def def = {
	.name = "Rows", .contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD),
	.row_size = sizeof(struct row), .id_offset = offsetof(struct row, id),
	.cols = cols, .ncols = 1,
	.page = s_page, .fetch_one = s_fetch_one, .cells = s_cells,
	.open = s_open, .form = s_form, .form_id = s_form_id, .deleter = &deleter,
};

static struct tui_lscreen *new_screen(const struct tui_lscreen_def *d, int n)
{
	struct tui_lscreen *ls;
	fill(n);
	filter_[0] = '\0';
	forget();
	ls = tui_lscreen_new(APP, d, sizeof *ls);
	assert_non_null(ls);
	ls->base.ops->on_resize(&ls->base, APP);
	ls->base.ops->enter(&ls->base, APP);
	while (ls->base.ops->idle(&ls->base, APP))
		;
	return ls;
}

static int act(struct tui_lscreen *ls, enum tui_action a)
{
	return ls->base.ops->on_action(&ls->base, APP, a);
}

static const char *ls_focused(struct tui_lscreen *ls)
{
	const struct row *r = tui_lscreen_focused(ls);
	return r ? r->id : "";
}

/* Enter opens the focused row; after a save the record saved has the
 * focus, wherever it sorts. */
static void test_base_open_and_refocus(void **state)
{
	struct tui_lscreen *ls = new_screen(&def, 40);
	(void)state;
	assert_int_equal(act(ls, TUI_A_DOWN), TUI_REDRAW);
	assert_string_equal(ls_focused(ls), "r1");
	assert_int_equal(act(ls, TUI_A_OPEN), TUI_PUSH);
	assert_int_equal(seen.tag, TUI_LS_TAG_OPEN);
	assert_int_equal(act(ls, TUI_A_ADD), TUI_PUSH);
	assert_int_equal(seen.tag, TUI_LS_TAG_FORM);
	/* saved: the form names r33, which now sorts first */
	table[find("r33")].key = -5;
	resort();
	snprintf(saved_id, sizeof saved_id, "r33");
	ls->base.ops->on_result(&ls->base, APP, seen.pushed, TUI_LS_TAG_FORM, TUI_SAVED);
	assert_string_equal(ls_focused(ls), "r33");
	/* cancelled: the focus stays */
	act(ls, TUI_A_DOWN);
	snprintf(saved_id, sizeof saved_id, "r20");
	ls->base.ops->on_result(&ls->base, APP, seen.pushed, TUI_LS_TAG_FORM, TUI_CANCELLED);
	assert_string_equal(ls_focused(ls), "r0");
	forget();
	ls->base.ops->destroy(&ls->base);
}

/* d asks first, and the question's first answer is No: Enter keeps the
 * record; y deletes it and says so; a refusal is said instead of asked. */
static void test_base_delete_asks_no_first(void **state)
{
	struct tui_lscreen *ls = new_screen(&def, 10);
	tui_screen *q;
	(void)state;
	act(ls, TUI_A_DOWN);
	act(ls, TUI_A_DOWN);
	assert_int_equal(act(ls, TUI_A_DELETE), TUI_PUSH);
	assert_int_equal(seen.tag, TUI_LS_TAG_DELETE);
	q = seen.pushed;
	assert_true(q->flags & TUI_SCREEN_OVERLAY);
	/* Enter presses the focused button: No */
	assert_int_equal(q->ops->on_action(q, APP, TUI_A_PRESS), TUI_POP);
	assert_int_equal(seen.pop_result, TUI_NO);
	ls->base.ops->on_result(&ls->base, APP, q, TUI_LS_TAG_DELETE, seen.pop_result);
	assert_string_equal(removed, "");
	assert_int_equal(find("r2"), 2);
	/* Yes */
	assert_int_equal(act(ls, TUI_A_DELETE), TUI_PUSH);
	q = seen.pushed;
	assert_int_equal(q->ops->on_action(q, APP, TUI_A_YES), TUI_POP);
	assert_int_equal(seen.pop_result, TUI_YES);
	ls->base.ops->on_result(&ls->base, APP, q, TUI_LS_TAG_DELETE, TUI_YES);
	assert_string_equal(removed, "r2");
	assert_string_equal(seen.status, "Deleted n2.");
	ls->base.ops->enter(&ls->base, APP);
	assert_string_equal(ls_focused(ls), "r3");   /* the one after it */
	/* refused: said, not asked */
	forget();
	refuse_delete = 1;
	assert_int_equal(act(ls, TUI_A_DELETE), TUI_REDRAW);
	assert_null(seen.pushed);
	assert_int_equal(seen.errors, 1);
	assert_string_equal(seen.status, "it is in use");
	refuse_delete = 0;
	forget();
	ls->base.ops->destroy(&ls->base);
}

/* A short list held in memory: paged, counted and placed by the base. */
struct mem_screen {
	struct tui_lscreen ls;
	struct row items[25];
};

static void mem_load(struct tui_lscreen *ls, tui_app *app)
{
	struct mem_screen *s = (struct mem_screen *)ls;
	(void)app;
	for (int i = 0; i < 25; i++) {
		snprintf(s->items[i].id, sizeof s->items[i].id, "m%d", i);
		s->items[i].key = i;
	}
	ls->items = s->items;
	ls->nitems = 25;
}

static const struct tui_lscreen_def mem_def = {
	.name = "Memory", .contexts = TUI_LS_CONTEXTS, .row_size = sizeof(struct row),
	.flags = TUI_LS_NO_FILTER, .cols = cols, .ncols = 1, .cells = s_cells, .load = mem_load,
};

static void test_base_in_memory(void **state)
{
	struct mem_screen *s;
	struct tui_lscreen *ls;
	(void)state;
	forget();
	s = tui_lscreen_new(APP, &mem_def, sizeof *s);
	ls = &s->ls;
	ls->base.ops->on_resize(&ls->base, APP);
	ls->base.ops->enter(&ls->base, APP);
	while (ls->base.ops->idle(&ls->base, APP))
		;
	assert_int_equal(ls->list.matching, 25);
	assert_string_equal(ls_focused(ls), "m0");
	act(ls, TUI_A_PAGE_DOWN);
	act(ls, TUI_A_PAGE_DOWN);
	act(ls, TUI_A_DOWN);
	while (ls->base.ops->idle(&ls->base, APP))
		;
	assert_string_equal(ls_focused(ls), "m19");
	assert_int_equal(ls->list.pos, 19);
	assert_int_equal(tui_lscreen_index(ls, tui_lscreen_focused(ls)), 19);
	act(ls, TUI_A_BOTTOM);
	assert_string_equal(ls_focused(ls), "m24");
	/* no filter here: / does nothing and is not offered */
	assert_int_equal(act(ls, TUI_A_FILTER), 0);
	assert_int_equal(ls->base.ops->offers(&ls->base, APP, TUI_A_FILTER), 0);
	assert_int_equal(ls->base.ops->offers(&ls->base, APP, TUI_A_SORT), 0);
	/* nothing to open: the application's */
	assert_int_equal(act(ls, TUI_A_OPEN), TUI_UNHANDLED);
	ls->base.ops->destroy(&ls->base);
}

/* A pick list: Enter ends typing a filter, then picks; Esc clears the
 * filter, then closes without picking. */
static char picked[8];

static int s_pick(struct tui_lscreen *ls, const void *row)
{
	snprintf(picked, sizeof picked, "%s", row ? ((const struct row *)row)->id : "");
	return tui_pop(ls->app, TUI_SAVED);
}

static const struct tui_lscreen_def pick_def = {
	.name = "Pick", .contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_PICKER),
	.row_size = sizeof(struct row), .cols = cols, .ncols = 1,
	.page = s_page, .cells = s_cells, .pick = s_pick,
};

static void test_base_pick(void **state)
{
	struct tui_lscreen *ls = new_screen(&pick_def, 30);
	(void)state;
	picked[0] = '\0';
	act(ls, TUI_A_FILTER);
	ls->base.ops->on_key(&ls->base, APP, '2');
	ls->base.ops->on_key(&ls->base, APP, '5');
	assert_string_equal(ls_focused(ls), "r25");
	assert_int_equal(act(ls, TUI_A_PICK), TUI_REDRAW);   /* ends the typing */
	assert_string_equal(picked, "");
	assert_int_equal(act(ls, TUI_A_PICK_CLOSE), TUI_REDRAW);  /* clears the filter */
	assert_int_equal(seen.pops, 0);
	assert_string_equal(tui_lscreen_filter(ls), "");
	act(ls, TUI_A_DOWN);
	assert_int_equal(act(ls, TUI_A_PICK), TUI_POP);
	assert_string_equal(picked, "r1");
	assert_int_equal(seen.pop_result, TUI_SAVED);
	assert_int_equal(act(ls, TUI_A_PICK_CLOSE), TUI_POP);
	assert_int_equal(seen.pop_result, TUI_CANCELLED);
	assert_int_equal(ls->base.ops->offers(&ls->base, APP, TUI_A_PICK_CLOSE), 0);
	assert_ptr_equal(tui_lscreen_of(&ls->base, &pick_def), ls);
	assert_null(tui_lscreen_of(&ls->base, &def));
	ls->base.ops->destroy(&ls->base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_move_every_row),
		cmocka_unit_test(test_paging),
		cmocka_unit_test(test_reload_keeps_the_record),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_walked_counts),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_base_open_and_refocus),
		cmocka_unit_test(test_base_delete_asks_no_first),
		cmocka_unit_test(test_base_in_memory),
		cmocka_unit_test(test_base_pick),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
