/* sheet.c — a scrolled page of headings, paragraphs, tables and bars. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lup/lineedit.h"
#include "tui/sheet.h"

enum { IT_HEADING, IT_TEXT, IT_BLANK, IT_ROW, IT_PROGRESS };

#define GAP 2          /* columns between table columns */
#define BAR_MAX 40     /* widest a bar column grows */
#define PROGRESS_MAX 60

struct tui_sheet_item {
	int kind;
	int level;              /* heading level, or indent */
	int table;              /* IT_ROW: its table */
	int header;             /* IT_ROW: the title row */
	enum tui_style st;
	char *text;             /* heading, paragraph, text after a progress bar */
	char **cells;           /* IT_ROW */
	enum tui_style *cst;    /* IT_ROW: per cell, or NULL */
	double done, part, max, target;
};

struct tui_sheet_table {
	struct tui_sheet_col *cols;
	int ncols;
	int *natural, *w;       /* w[c] 0: hidden at this width */
};

struct tui_sheet_line {
	int item;
	int off, len;           /* IT_TEXT: the part of the text on this line */
};

void tui_sheet_init(struct tui_sheet *s)
{
	memset(s, 0, sizeof *s);
}

void tui_sheet_clear(struct tui_sheet *s)
{
	for (int i = 0; i < s->nitems; i++) {
		struct tui_sheet_item *it = &s->items[i];
		free(it->text);
		if (it->cells) {
			for (int c = 0; c < s->tables[it->table].ncols; c++)
				free(it->cells[c]);
			free(it->cells);
		}
		free(it->cst);
	}
	for (int t = 0; t < s->ntables; t++) {
		free(s->tables[t].cols);
		free(s->tables[t].natural);
		free(s->tables[t].w);
	}
	s->nitems = 0;
	s->ntables = 0;
	s->nlines = 0;
	s->width = 0;
}

void tui_sheet_free(struct tui_sheet *s)
{
	tui_sheet_clear(s);
	free(s->items);
	free(s->tables);
	free(s->lines);
	memset(s, 0, sizeof *s);
}

static int grow(void **p, int *cap, int n, size_t size)
{
	if (n < *cap)
		return 0;
	{
		int nc = *cap ? *cap * 2 : 64;
		void *np = realloc(*p, (size_t)nc * size);
		if (!np)
			return -1;
		*p = np;
		*cap = nc;
	}
	return 0;
}

static struct tui_sheet_item *add(struct tui_sheet *s, int kind)
{
	struct tui_sheet_item *it;
	if (grow((void **)&s->items, &s->capitems, s->nitems, sizeof *s->items) < 0)
		return NULL;
	it = &s->items[s->nitems++];
	memset(it, 0, sizeof *it);
	s->width = 0;   /* to be laid out again */
	it->kind = kind;
	it->st = TUI_S_NORMAL;
	return it;
}

void tui_sheet_heading(struct tui_sheet *s, int level, const char *title)
{
	struct tui_sheet_item *it;
	if (s->nitems)
		tui_sheet_blank(s);
	if (!(it = add(s, IT_HEADING)))
		return;
	it->level = level;
	it->st = level == 2 ? TUI_S_HEADER : TUI_S_TITLE;
	it->text = strdup(title ? title : "");
}

void tui_sheet_text(struct tui_sheet *s, enum tui_style st, int indent, const char *fmt, ...)
{
	struct tui_sheet_item *it;
	va_list ap, aq;
	int n;
	char *t;
	va_start(ap, fmt);
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || !(t = malloc((size_t)n + 1))) {
		va_end(ap);
		return;
	}
	vsnprintf(t, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (!(it = add(s, IT_TEXT))) {
		free(t);
		return;
	}
	it->st = st;
	it->level = indent;
	it->text = t;
}

void tui_sheet_blank(struct tui_sheet *s)
{
	add(s, IT_BLANK);
}

static void add_row(struct tui_sheet *s, enum tui_style st, const char *const *cells,
                    const enum tui_style *cst, int header)
{
	struct tui_sheet_table *t;
	struct tui_sheet_item *it;
	if (!s->ntables || !(it = add(s, IT_ROW)))
		return;
	t = &s->tables[s->ntables - 1];
	it->table = s->ntables - 1;
	it->header = header;
	it->st = st;
	if (!(it->cells = calloc((size_t)t->ncols, sizeof *it->cells))) {
		s->nitems--;
		return;
	}
	if (cst && (it->cst = malloc((size_t)t->ncols * sizeof *it->cst)))
		memcpy(it->cst, cst, (size_t)t->ncols * sizeof *it->cst);
	for (int c = 0; c < t->ncols; c++) {
		const char *v = cells[c] ? cells[c] : "";
		it->cells[c] = strdup(v);
		if (!(t->cols[c].flags & TUI_SHEET_BAR)) {
			int w = tui_width(v);
			if (w > t->natural[c])
				t->natural[c] = w;
		}
	}
}

void tui_sheet_table(struct tui_sheet *s, const struct tui_sheet_col *cols, int ncols)
{
	struct tui_sheet_table *t;
	const char *titles[32];
	if (ncols <= 0 || ncols > 32)
		return;
	if (grow((void **)&s->tables, &s->captables, s->ntables, sizeof *s->tables) < 0)
		return;
	t = &s->tables[s->ntables];
	memset(t, 0, sizeof *t);
	t->cols = malloc((size_t)ncols * sizeof *t->cols);
	t->natural = calloc((size_t)ncols, sizeof *t->natural);
	t->w = calloc((size_t)ncols, sizeof *t->w);
	if (!t->cols || !t->natural || !t->w) {
		free(t->cols);
		free(t->natural);
		free(t->w);
		return;
	}
	memcpy(t->cols, cols, (size_t)ncols * sizeof *cols);
	t->ncols = ncols;
	s->ntables++;
	for (int c = 0; c < ncols; c++) {
		titles[c] = cols[c].title ? cols[c].title : "";
		if (cols[c].flags & TUI_SHEET_BAR)
			titles[c] = "";
	}
	add_row(s, TUI_S_HEADER, titles, NULL, 1);
}

void tui_sheet_row(struct tui_sheet *s, enum tui_style st, const char *const *cells)
{
	add_row(s, st, cells, NULL, 0);
}

void tui_sheet_row_styled(struct tui_sheet *s, enum tui_style st, const char *const *cells,
                          const enum tui_style *cst)
{
	add_row(s, st, cells, cst, 0);
}

void tui_sheet_progress(struct tui_sheet *s, int indent, double done, double part, double max,
                        double target, const char *text)
{
	struct tui_sheet_item *it = add(s, IT_PROGRESS);
	if (!it)
		return;
	it->level = indent;
	it->done = done;
	it->part = part < done ? done : part;
	it->max = max;
	it->target = target;
	it->text = strdup(text ? text : "");
}

/* ---- layout ---- */

static int colw(const struct tui_sheet_table *t, int c)
{
	int w = t->cols[c].flags & TUI_SHEET_BAR ? 0 : t->natural[c];
	return w > t->cols[c].minw ? w : t->cols[c].minw;
}

static void layout_table(struct tui_sheet_table *t, int width)
{
	int need = 0, nvis = t->ncols, nbars = 0;
	for (int c = 0; c < t->ncols; c++) {
		t->w[c] = colw(t, c);
		need += t->w[c] + (c ? GAP : 0);
	}
	/* Drop the least important columns while too wide. */
	while (need > width) {
		int drop = -1;
		for (int c = 0; c < t->ncols; c++)
			if (t->w[c] > 0 && t->cols[c].prio > 0 &&
			    (drop < 0 || t->cols[c].prio >= t->cols[drop].prio))
				drop = c;
		if (drop < 0)
			break;
		need -= t->w[drop] + (nvis > 1 ? GAP : 0);
		t->w[drop] = 0;
		nvis--;
	}
	/* Then narrow the first column. */
	if (need > width && t->w[0] > 0) {
		int floor = t->cols[0].minw > 4 ? t->cols[0].minw : 4, cut = need - width;
		if (t->w[0] - cut < floor)
			cut = t->w[0] - floor;
		if (cut > 0) {
			t->w[0] -= cut;
			need -= cut;
		}
	}
	/* Bars take what is left. */
	for (int c = 0; c < t->ncols; c++)
		nbars += t->w[c] > 0 && (t->cols[c].flags & TUI_SHEET_BAR);
	if (nbars && need < width) {
		int extra = (width - need) / nbars;
		for (int c = 0; c < t->ncols; c++)
			if (t->w[c] > 0 && (t->cols[c].flags & TUI_SHEET_BAR)) {
				int w = t->w[c] + extra;
				t->w[c] = w > BAR_MAX ? (t->cols[c].minw > BAR_MAX ? t->cols[c].minw : BAR_MAX) : w;
			}
	}
}

static int add_line(struct tui_sheet *s, int item, int off, int len)
{
	if (grow((void **)&s->lines, &s->caplines, s->nlines, sizeof *s->lines) < 0)
		return -1;
	s->lines[s->nlines].item = item;
	s->lines[s->nlines].off = off;
	s->lines[s->nlines].len = len;
	s->nlines++;
	return 0;
}

/* Split a paragraph at spaces into lines of at most width columns. */
static void wrap(struct tui_sheet *s, int item, const char *text, int width)
{
	const char *p = text;
	if (width < 8)
		width = 8;
	if (!*p) {
		add_line(s, item, 0, 0);
		return;
	}
	while (*p) {
		int used;
		size_t fit = lup_utf8_fit(p, width, &used), cut = fit;
		if (p[fit]) {
			size_t sp = fit;
			while (sp > 0 && p[sp] != ' ')
				sp--;
			if (sp > 0)
				cut = sp;
			else if (fit == 0)
				cut = 1;
		}
		if (add_line(s, item, (int)(p - text), (int)cut) < 0)
			return;
		p += cut;
		while (*p == ' ')
			p++;
	}
}

void tui_sheet_layout(struct tui_sheet *s, int width)
{
	s->width = width;
	s->nlines = 0;
	for (int t = 0; t < s->ntables; t++)
		layout_table(&s->tables[t], width);
	for (int i = 0; i < s->nitems; i++) {
		struct tui_sheet_item *it = &s->items[i];
		if (it->kind == IT_TEXT)
			wrap(s, i, it->text, width - it->level);
		else if (add_line(s, i, 0, 0) < 0)
			return;
	}
}

int tui_sheet_lines(const struct tui_sheet *s)
{
	return s->nlines;
}

int tui_sheet_colw(const struct tui_sheet *s, int t, int col)
{
	if (t < 0 || t >= s->ntables || col < 0 || col >= s->tables[t].ncols)
		return -1;
	return s->tables[t].w[col];
}

/* ---- drawing ---- */

void tui_bar(int y, int x, int width, double share, attr_t attr)
{
	static const char *const eighth[8] = {
		"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589"
	};
	char buf[4 * 256 + 1];
	size_t o = 0;
	long units;
	int full, rest;
	if (width <= 0)
		return;
	if (width > 256)
		width = 256;
	if (!(share > 0) || !isfinite(share))
		share = 0;
	if (share > 1)
		share = 1;
	units = lround(share * width * 8);
	full = (int)(units / 8);
	rest = (int)(units % 8);
	if (!tui_utf8()) {
		full = (int)lround(share * width);
		rest = 0;
	}
	for (int i = 0; i < full; i++) {
		const char *g = tui_utf8() ? "\u2588" : "#";
		size_t n = strlen(g);
		memcpy(buf + o, g, n);
		o += n;
	}
	if (rest) {
		size_t n = strlen(eighth[rest]);
		memcpy(buf + o, eighth[rest], n);
		o += n;
	}
	buf[o] = 0;
	if (o)
		tui_put(y, x, width, buf, attr, TUI_CLIP);
}

static void put_run(int y, int *x, int n, const char *glyph, attr_t attr)
{
	char buf[4 * 256 + 1];
	size_t o = 0, g = strlen(glyph);
	if (n <= 0)
		return;
	if (n > 256)
		n = 256;
	for (int i = 0; i < n; i++) {
		memcpy(buf + o, glyph, g);
		o += g;
	}
	buf[o] = 0;
	tui_put(y, *x, n, buf, attr, TUI_CLIP);
	*x += n;
}

static void draw_progress(const struct tui_sheet_item *it, int y, int x, int width)
{
	int u = tui_utf8(), end = x + width, avail, bw, nd, np, x0;
	double max = it->max > 0 ? it->max : 1;
	x += it->level;
	avail = end - x - 2;   /* inside the brackets */
	bw = avail;
	if (it->text && *it->text)
		bw -= tui_width(it->text) + 1;
	if (bw < 20)
		bw = avail < 20 ? avail : 20;
	if (bw > PROGRESS_MAX)
		bw = PROGRESS_MAX;
	if (bw < 4)
		return;
	nd = (int)lround(it->done / max * bw);
	np = (int)lround(it->part / max * bw);
	if (nd > bw) nd = bw;
	if (np > bw) np = bw;
	if (np < nd) np = nd;
	tui_put(y, x, 1, "[", tui_attr(TUI_S_NORMAL), TUI_CLIP);
	x0 = ++x;
	put_run(y, &x, nd, u ? "\u2588" : "#", tui_attr(TUI_S_GOOD));
	put_run(y, &x, np - nd, u ? "\u2592" : "+", tui_attr(TUI_S_NORMAL));
	put_run(y, &x, bw - np, u ? "\u00b7" : ".", tui_attr(TUI_S_DIM));
	if (it->target > 0 && it->target < max) {
		int m = (int)lround(it->target / max * bw);
		if (m >= bw)
			m = bw - 1;
		tui_put(y, x0 + m, 1, u ? "\u2502" : "|", tui_attr(TUI_S_WARN), TUI_CLIP);
	}
	tui_put(y, x, 1, "]", tui_attr(TUI_S_NORMAL), TUI_CLIP);
	x += 2;
	if (it->text && *it->text && x < end)
		tui_put(y, x, end - x, it->text, tui_attr(it->st), 0);
}

static void draw_row(const struct tui_sheet *s, const struct tui_sheet_item *it, int y, int x,
                     int width)
{
	const struct tui_sheet_table *t = &s->tables[it->table];
	int x0 = x, first = 1;
	for (int c = 0; c < t->ncols; c++) {
		int w = t->w[c];
		attr_t a = tui_attr(it->cst ? it->cst[c] : it->st);
		if (w <= 0)
			continue;
		if (!first)
			x += GAP;
		first = 0;
		if (x - x0 >= width)
			break;
		if (w > width - (x - x0))
			w = width - (x - x0);
		if (t->cols[c].flags & TUI_SHEET_BAR) {
			if (!it->header)
				tui_bar(y, x, w, strtod(it->cells[c], NULL), a);
		} else {
			tui_put(y, x, w, it->cells[c], a, t->cols[c].flags & TUI_SHEET_RIGHT ? TUI_RIGHT : 0);
		}
		x += t->w[c];
	}
}

void tui_sheet_draw(struct tui_sheet *s, tui_app *app, tui_rect r)
{
	if (r.w != s->width)
		tui_sheet_layout(s, r.w);
	s->r = r;
	if (s->top > s->nlines - r.h)
		s->top = s->nlines - r.h;
	if (s->top < 0)
		s->top = 0;
	for (int i = 0; i < r.h && s->top + i < s->nlines; i++) {
		const struct tui_sheet_line *l = &s->lines[s->top + i];
		const struct tui_sheet_item *it = &s->items[l->item];
		int y = r.y + i;
		switch (it->kind) {
		case IT_HEADING:
			tui_put(y, r.x, r.w, it->text, tui_attr(it->st), 0);
			break;
		case IT_TEXT: {
			char buf[4096];
			snprintf(buf, sizeof buf, "%.*s", l->len, it->text + l->off);
			tui_put(y, r.x + it->level, r.w - it->level, buf, tui_attr(it->st), 0);
			break;
		}
		case IT_ROW:
			draw_row(s, it, y, r.x, r.w);
			break;
		case IT_PROGRESS:
			draw_progress(it, y, r.x, r.w);
			break;
		default:
			break;
		}
	}
	tui_cursor(app, r.y, r.x);
}

int tui_sheet_action(struct tui_sheet *s, tui_app *app, enum tui_action a)
{
	int page = s->r.h > 1 ? s->r.h - 1 : 1;
	(void)app;
	switch (a) {
	case TUI_A_UP: s->top--; break;
	case TUI_A_DOWN: s->top++; break;
	case TUI_A_PAGE_UP: s->top -= page; break;
	case TUI_A_PAGE_DOWN: s->top += page; break;
	case TUI_A_TOP: s->top = 0; break;
	case TUI_A_BOTTOM: s->top = s->nlines; break;
	default: return TUI_UNHANDLED;
	}
	if (s->top < 0)
		s->top = 0;
	if (s->r.h > 0 && s->top > s->nlines - s->r.h)
		s->top = s->nlines - s->r.h > 0 ? s->nlines - s->r.h : 0;
	return TUI_REDRAW;
}
