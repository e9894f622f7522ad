/* test_glist.c — the list with group headings, without a terminal: every
 * row is reached in order by moving and paging, the focused row is always
 * on screen, rows and headings never take more lines than there are, and
 * only the rows on screen are ever fetched; and the span a fetch over an
 * array returns is the one this test's own fetch does. */
#include "helpers.h"
#include "tui/glist.h"
#include "tui/list.h"

struct row {
	int idx;
	char group[16];
};

static struct row data[200];
static int ndata, fetched_max;

/* Groups of sizes taken in turn from sizes[]. */
static void fill(int n, const int *sizes, int nsizes)
{
	int g = 0, left = sizes[0];
	ndata = n;
	for (int i = 0; i < n; i++) {
		if (left == 0) {
			g++;
			left = sizes[g % nsizes];
		}
		data[i].idx = i;
		snprintf(data[i].group, sizeof data[i].group, "g%d", g);
		left--;
	}
}

static int fetch(struct tui_glist *g, const void *fromv, int dir, int n, void *rowsv, lup_err *err)
{
	const struct row *from = fromv;
	struct row *rows = rowsv;
	int got = 0;
	(void)g; (void)err;
	if (n > fetched_max)
		fetched_max = n;
	if (dir > 0) {
		for (int i = from ? from->idx + 1 : 0; i < ndata && got < n; i++)
			rows[got++] = data[i];
	} else {
		int last = from ? from->idx - 1 : ndata - 1, first = last - n + 1 < 0 ? 0 : last - n + 1;
		for (int i = first; i <= last; i++)
			rows[got++] = data[i];
	}
	return got;
}

static const char *group(struct tui_glist *g, const void *row)
{
	(void)g;
	return ((const struct row *)row)->group;
}

static void draw_heading(struct tui_glist *g, const void *row, int y, int x, int w)
{
	(void)g; (void)row; (void)y; (void)x; (void)w;
}

static void draw_row(struct tui_glist *g, const void *row, int y, int x, int w, attr_t a)
{
	(void)g; (void)row; (void)y; (void)x; (void)w; (void)a;
}

static const struct tui_glist_ops ops = { fetch, group, draw_heading, draw_row, NULL };

static int focused(const struct tui_glist *g)
{
	const struct row *r = tui_glist_focused(g);
	return r ? r->idx : -1;
}

/* What is on screen fits, and holds the focus. */
static void check_window(const struct tui_glist *g)
{
	int lines = 0;
	const struct row *rows = (const struct row *)g->rows;
	for (int i = 0; i < g->nvis; i++) {
		lines += 1 + (i == 0 || strcmp(rows[i - 1].group, rows[i].group) != 0);
		if (i)
			assert_int_equal(rows[i].idx, rows[i - 1].idx + 1);
	}
	assert_true(lines <= g->r.h);
	if (ndata) {
		assert_true(g->nvis >= 1);
		assert_true(g->focus >= 0 && g->focus < g->nvis);
	}
	assert_true(fetched_max <= g->r.h + 1);
}

static void walk(int n, const int *sizes, int nsizes, int h)
{
	struct tui_glist g;
	tui_rect r = { 0, 0, h, 60 };
	fill(n, sizes, nsizes);
	fetched_max = 0;
	tui_glist_init(&g, &ops, NULL, sizeof(struct row));
	tui_glist_layout(&g, NULL, r);
	check_window(&g);
	assert_int_equal(focused(&g), n ? 0 : -1);
	/* down, one row at a time, to the end */
	for (int i = 1; i < n; i++) {
		assert_int_equal(tui_glist_next(&g, NULL), 1);
		assert_int_equal(focused(&g), i);
		check_window(&g);
	}
	assert_int_equal(tui_glist_next(&g, NULL), 0);
	assert_int_equal(focused(&g), n - 1);
	/* up to the start */
	for (int i = n - 2; i >= 0; i--) {
		tui_glist_action(&g, NULL, TUI_A_UP);
		assert_int_equal(focused(&g), i);
		check_window(&g);
	}
	/* the ends */
	tui_glist_action(&g, NULL, TUI_A_BOTTOM);
	assert_int_equal(focused(&g), n - 1);
	check_window(&g);
	tui_glist_action(&g, NULL, TUI_A_TOP);
	assert_int_equal(focused(&g), n ? 0 : -1);
	check_window(&g);
	/* pages: forward only, reaching the end; then back to the start */
	for (int i = 0, was = focused(&g); i < n + 2; i++) {
		tui_glist_action(&g, NULL, TUI_A_PAGE_DOWN);
		check_window(&g);
		assert_true(focused(&g) >= was);
		was = focused(&g);
	}
	assert_int_equal(focused(&g), n - 1);
	for (int i = 0, was = focused(&g); i < n + 2; i++) {
		tui_glist_action(&g, NULL, TUI_A_PAGE_UP);
		check_window(&g);
		assert_true(focused(&g) <= was);
		was = focused(&g);
	}
	assert_int_equal(focused(&g), n ? 0 : -1);
	/* a reload keeps the focus */
	tui_glist_action(&g, NULL, TUI_A_DOWN);
	tui_glist_reload(&g, NULL);

	assert_int_equal(focused(&g), n > 1 ? 1 : n - 1);
	tui_glist_free(&g);
}

static void test_digcomp_shape(void **state)
{
	static const int areas[] = { 3, 6, 4, 4, 4 };   /* DigComp 2.2 */
	(void)state;
	walk(21, areas, 5, 17);   /* 80x24 */
	walk(21, areas, 5, 36);   /* 132x43: all fits */
	walk(21, areas, 5, 3);    /* a tiny window */
}

static void test_shapes(void **state)
{
	static const int one[] = { 200 }, single[] = { 1 }, mixed[] = { 1, 7, 2, 30, 1 };
	(void)state;
	walk(200, one, 1, 10);     /* one long group */
	walk(50, single, 1, 10);   /* a heading for every row */
	walk(150, mixed, 5, 12);
	walk(1, one, 1, 10);
	walk(0, one, 1, 10);
}

/* tui_list_span against the fetch above, for every start, direction and
 * count over arrays of a few sizes. */
static void test_span(void **state)
{
	static const int sizes[] = { 0, 1, 5, 37 };
	(void)state;
	for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++) {
		fill(sizes[z], (const int[]){ 3 }, 1);
		for (int at = -1; at < ndata; at++)
			for (int dir = -1; dir <= 1; dir += 2)
				for (int n = 1; n <= 12; n++) {
					struct row want[16];
					long first = -7;
					int k = fetch(NULL, at < 0 ? NULL : &data[at], dir, n, want, NULL);
					assert_int_equal(tui_list_span(at, dir, n, ndata, &first), k);
					for (int i = 0; i < k; i++)
						assert_int_equal(first + i, want[i].idx);
				}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digcomp_shape),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
