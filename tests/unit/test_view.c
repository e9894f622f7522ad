/* test_view.c — the scrolled view's items, without a terminal: Down
 * scrolls the text until an item is in reach and then moves among the
 * items, Up and Home leave them, End focuses the last one, a focus never
 * stays off screen, and rebuilding the view keeps the focused item (or
 * gives the focus to the item now in its place).  A view without items
 * scrolls as it always did. */
#include "helpers.h"
#include "tui/view.h"

enum { H = 10 };   /* lines on screen */

/* 20 lines of text, a heading (a blank line and the title), the items
 * named in keys, one closing line: items from line 22 on. */
static void build(struct tui_view *v, const char *const *keys, int nkeys)
{
	tui_view_clear(v);
	for (int i = 0; i < 20; i++)
		tui_view_line(v, TUI_S_NORMAL, "text %d", i);
	tui_view_heading(v, "Log");
	for (int i = 0; i < nkeys; i++)
		tui_view_item(v, keys[i], "2016-01-01", "entry %s", keys[i]);
	tui_view_line(v, TUI_S_DIM, "a closing line");
}

static void setup(struct tui_view *v)
{
	tui_view_init(v);
	v->r = (tui_rect){ 0, 0, H, 80 };
}

static int act(struct tui_view *v, enum tui_action a)
{
	return tui_view_action(v, NULL, a);
}

static void key_is(struct tui_view *v, const char *key)
{
	const char *f = tui_view_focused(v);
	if (!key) {
		if (f)
			fail_msg("focused %s, expected none", f);
		return;
	}
	assert_non_null(f);
	assert_string_equal(f, key);
}

/* After a key: the focused item, on screen. */
static void focused_is(struct tui_view *v, const char *key)
{
	key_is(v, key);
	if (key)
		assert_true(v->focus >= v->top && v->focus < v->top + H);
}

static void test_no_items_scrolls(void **state)
{
	struct tui_view v;
	(void)state;
	setup(&v);
	build(&v, NULL, 0);
	for (int i = 1; i <= 5; i++) {
		act(&v, TUI_A_DOWN);
		assert_int_equal(v.top, i);
		focused_is(&v, NULL);
	}
	act(&v, TUI_A_UP);
	assert_int_equal(v.top, 4);
	act(&v, TUI_A_BOTTOM);
	assert_int_equal(v.top, v.n - H);
	focused_is(&v, NULL);
	tui_view_free(&v);
}

static void test_down_reaches_items(void **state)
{
	static const char *const keys[] = { "a", "b", "c" };
	struct tui_view v;
	int downs = 0;
	(void)state;
	setup(&v);
	build(&v, keys, 3);
	/* the text scrolls by one until the first item is just below the
	 * screen; then Down focuses it */
	while (!tui_view_focused(&v) && downs < 100) {
		int top = v.top;
		act(&v, TUI_A_DOWN);
		downs++;
		if (!tui_view_focused(&v))
			assert_int_equal(v.top, top + 1);
	}
	focused_is(&v, "a");
	assert_int_equal(v.focus, 22);
	assert_int_equal(downs, 22 - H + 1);
	act(&v, TUI_A_DOWN);
	focused_is(&v, "b");
	act(&v, TUI_A_DOWN);
	focused_is(&v, "c");
	/* after the last item Down scrolls on; c stays while it is on screen */
	act(&v, TUI_A_DOWN);
	focused_is(&v, "c");
	assert_int_equal(v.top, v.n - H);
	act(&v, TUI_A_UP);
	focused_is(&v, "b");
	act(&v, TUI_A_UP);
	focused_is(&v, "a");
	/* Up from the first item leaves the items and scrolls */
	{
		int top = v.top;
		act(&v, TUI_A_UP);
		focused_is(&v, NULL);
		assert_int_equal(v.top, top - 1);
	}
	tui_view_free(&v);
}

static void test_home_end_pages(void **state)
{
	static const char *const keys[] = { "a", "b", "c" };
	struct tui_view v;
	(void)state;
	setup(&v);
	build(&v, keys, 3);
	act(&v, TUI_A_BOTTOM);
	focused_is(&v, "c");
	act(&v, TUI_A_TOP);
	assert_int_equal(v.top, 0);
	focused_is(&v, NULL);
	act(&v, TUI_A_BOTTOM);
	focused_is(&v, "c");
	/* a page up takes the items off screen: no focus is left there */
	act(&v, TUI_A_PAGE_UP);
	act(&v, TUI_A_PAGE_UP);
	focused_is(&v, NULL);
	/* everything on one screen: Down goes straight to the first item,
	 * and Home still leaves the items */
	v.r.h = 40;
	act(&v, TUI_A_TOP);
	act(&v, TUI_A_DOWN);
	key_is(&v, "a");
	assert_int_equal(v.top, 0);
	act(&v, TUI_A_BOTTOM);
	key_is(&v, "c");
	act(&v, TUI_A_TOP);
	key_is(&v, NULL);
	tui_view_free(&v);
}

static void test_rebuild_keeps_focus(void **state)
{
	static const char *const abc[] = { "a", "b", "c" };
	static const char *const cab[] = { "c", "a", "b" };
	static const char *const ac[] = { "a", "c" };
	static const char *const a[] = { "a" };
	struct tui_view v;
	(void)state;
	setup(&v);
	build(&v, abc, 3);
	assert_int_equal(tui_view_focus(&v, "b"), 0);
	key_is(&v, "b");
	/* the same item, wherever it went */
	build(&v, cab, 3);
	key_is(&v, "b");
	assert_int_equal(v.focus, 24);
	/* gone: the item now in its place (b was the third of c, a, b: the
	 * last, so the last one) */
	build(&v, ac, 2);
	key_is(&v, "c");
	assert_int_equal(tui_view_focus(&v, "a"), 0);
	build(&v, abc, 3);
	key_is(&v, "a");
	/* a was the first: after it is gone, the new first */
	build(&v, cab + 1, 2);
	key_is(&v, "a");
	build(&v, ac + 1, 1);
	key_is(&v, "c");
	/* no items left: no focus */
	build(&v, NULL, 0);
	key_is(&v, NULL);
	build(&v, a, 1);
	key_is(&v, NULL);
	/* an unknown key drops the focus */
	assert_int_equal(tui_view_focus(&v, "a"), 0);
	assert_int_equal(tui_view_focus(&v, "zzz"), -1);
	key_is(&v, NULL);
	tui_view_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_items_scrolls),
		cmocka_unit_test(test_down_reaches_items),
		cmocka_unit_test(test_home_end_pages),
		cmocka_unit_test(test_rebuild_keeps_focus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
