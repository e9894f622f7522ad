/* view.c — scrolled detail text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lup/lineedit.h"
#include "tui/view.h"

enum { L_TEXT, L_HEADING, L_FIELD, L_ITEM };

struct tui_view_line {
	int kind;
	enum tui_style style;
	char *label, *text;
	char *key;            /* L_ITEM: the screen's key */
};

void tui_view_init(struct tui_view *v)
{
	memset(v, 0, sizeof *v);
	v->focus = -1;
}

/* The ordinal of line i among the items. */
static int item_nth(const struct tui_view *v, int i)
{
	int nth = 0;
	for (int j = 0; j < i && j < v->n; j++)
		nth += v->lines[j].kind == L_ITEM;
	return nth;
}

void tui_view_clear(struct tui_view *v)
{
	if (v->focus >= 0 && v->focus < v->n && v->lines[v->focus].key) {
		free(v->refocus_key);
		v->refocus_key = strdup(v->lines[v->focus].key);
		v->refocus_nth = item_nth(v, v->focus);
	}
	v->focus = -1;
	for (int i = 0; i < v->n; i++) {
		free(v->lines[i].label);
		free(v->lines[i].text);
		free(v->lines[i].key);
	}
	v->n = 0;
	v->labw = 0;
}

void tui_view_free(struct tui_view *v)
{
	tui_view_clear(v);
	free(v->lines);
	free(v->row0);
	free(v->refocus_key);
	memset(v, 0, sizeof *v);
	v->focus = -1;
}

static void add(struct tui_view *v, int kind, enum tui_style st, const char *label, char *text,
                const char *key)
{
	if (v->n == v->cap) {
		int cap = v->cap ? v->cap * 2 : 32;
		struct tui_view_line *nl = realloc(v->lines, (size_t)cap * sizeof *nl);
		if (!nl) {
			free(text);
			return;
		}
		v->lines = nl;
		v->cap = cap;
	}
	v->lines[v->n].kind = kind;
	v->lines[v->n].style = st;
	v->lines[v->n].label = label ? strdup(label) : NULL;
	v->lines[v->n].text = text;
	v->lines[v->n].key = key ? strdup(key) : NULL;
	if (key && v->refocus_key && strcmp(key, v->refocus_key) == 0) {
		/* the item focused before the view was rebuilt */
		v->focus = v->n;
		v->show_focus = 1;
		free(v->refocus_key);
		v->refocus_key = NULL;
	}
	v->n++;
	if (label) {
		int w = tui_width(label);
		if (w > v->labw)
			v->labw = w;
	}
}

static char *vfmt(const char *fmt, va_list ap)
{
	va_list aq;
	char *s;
	int n;
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void tui_view_heading(struct tui_view *v, const char *title)
{
	if (v->n)
		add(v, L_TEXT, TUI_S_NORMAL, NULL, strdup(""), NULL);
	add(v, L_HEADING, TUI_S_HEADER, NULL, strdup(title), NULL);
}

void tui_view_field(struct tui_view *v, const char *label, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(v, L_FIELD, TUI_S_NORMAL, label, vfmt(fmt, ap), NULL);
	va_end(ap);
}

void tui_view_item(struct tui_view *v, const char *key, const char *label, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(v, L_ITEM, TUI_S_NORMAL, label, vfmt(fmt, ap), key ? key : "");
	va_end(ap);
}

void tui_view_line(struct tui_view *v, enum tui_style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(v, L_TEXT, st, NULL, vfmt(fmt, ap), NULL);
	va_end(ap);
}

void tui_view_blank(struct tui_view *v)
{
	add(v, L_TEXT, TUI_S_NORMAL, NULL, strdup(""), NULL);
}

/* After a rebuild that lost the focused item: the item now in its place
 * (its successor, or the last one). */
static void settle(struct tui_view *v)
{
	int nth = 0, last = -1;
	if (!v->refocus_key)
		return;
	free(v->refocus_key);
	v->refocus_key = NULL;
	if (v->focus >= 0)
		return;
	for (int i = 0; i < v->n; i++) {
		if (v->lines[i].kind != L_ITEM)
			continue;
		last = i;
		if (nth++ == v->refocus_nth)
			break;
	}
	v->focus = last;
	v->show_focus = 1;
}

const char *tui_view_focused(struct tui_view *v)
{
	settle(v);
	return v->focus >= 0 && v->focus < v->n ? v->lines[v->focus].key : NULL;
}

int tui_view_focus(struct tui_view *v, const char *key)
{
	free(v->refocus_key);
	v->refocus_key = NULL;
	v->focus = -1;
	if (!key)
		return 0;
	for (int i = 0; i < v->n; i++)
		if (v->lines[i].kind == L_ITEM && strcmp(v->lines[i].key, key) == 0) {
			v->focus = i;
			v->show_focus = 1;
			return 0;
		}
	return -1;
}

/* Row `row` of text broken into rows of at most width columns: at each
 * newline, and at the last space that fits (or inside a word longer than
 * the row).  Copies the row into out (size n) when out is not NULL;
 * returns the number of rows (at least 1). */
static int wrap_row(const char *t, int width, int row, char *out, size_t n)
{
	int rows = 0;
	if (out && n)
		*out = 0;
	if (width < 1)
		width = 1;
	if (!t)
		t = "";
	for (;;) {
		size_t para = strcspn(t, "\n"), used_b = 0;
		const char *p = t;
		do {   /* the rows of one paragraph; an empty one is one row */
			size_t left = para - used_b, cut;
			char chunk[4096];
			snprintf(chunk, sizeof chunk, "%.*s", (int)(left < sizeof chunk - 1 ? left : sizeof chunk - 1), p);
			cut = lup_utf8_fit(chunk, width, NULL);
			if (cut < strlen(chunk)) {
				size_t sp = cut;
				while (sp > 0 && chunk[sp] != ' ')
					sp--;
				if (sp > 0) {
					cut = sp;
				} else if (cut == 0) {   /* a character wider than the row: alone on it */
					cut = 1;
					while ((chunk[cut] & 0xc0) == 0x80)
						cut++;
				}
			} else if (cut < left) {
				cut = strlen(chunk);   /* longer than the buffer: go on */
			}
			if (rows == row && out && n)
				snprintf(out, n, "%.*s", (int)cut, p);
			rows++;
			p += cut;
			used_b += cut;
			while (used_b < para && *p == ' ') {
				p++;
				used_b++;
			}
		} while (used_b < para);
		t += para;
		if (*t != '\n')
			break;
		t++;
	}
	return rows;
}

/* The columns line l's text is drawn in (labw as tui_view_draw has it). */
static int text_width(const struct tui_view_line *l, int w, int labw)
{
	switch (l->kind) {
	case L_HEADING: return w;
	case L_FIELD:
	case L_ITEM: return w - labw - 2;
	default: return w - 2;
	}
}

static int label_width(const struct tui_view *v, int w)
{
	return v->labw + 2 < w / 3 ? v->labw + 2 : w / 3;
}

/* Lay the lines out in rows of the drawn width: row0[i] is line i's first
 * row, row0[n] the number of rows. */
static void layout(struct tui_view *v)
{
	int w = v->r.w > 0 ? v->r.w : 80, labw = label_width(v, w), row = 0;
	int *nr = realloc(v->row0, ((size_t)v->n + 1) * sizeof *nr);
	if (!nr) {   /* one row a line */
		free(v->row0);
		v->row0 = NULL;
		v->nrows = v->laid = v->n;
		return;
	}
	v->row0 = nr;
	for (int i = 0; i < v->n; i++) {
		v->row0[i] = row;
		row += wrap_row(v->lines[i].text, text_width(&v->lines[i], w, labw), -1, NULL, 0);
	}
	v->row0[v->n] = row;
	v->nrows = row;
	v->laid = v->n;
}

int tui_view_rows(struct tui_view *v, int width)
{
	tui_rect keep = v->r;
	int rows;
	v->r.w = width;
	layout(v);
	rows = v->nrows;
	v->r = keep;
	layout(v);
	return rows;
}

static int row0(const struct tui_view *v, int i)
{
	if (i < 0)
		return 0;
	if (!v->row0)
		return i < v->laid ? i : v->laid;
	return v->row0[i < v->laid ? i : v->laid];
}

/* The line drawn on row `row`, -1 above the first. */
static int line_at(const struct tui_view *v, int row)
{
	int i = 0;
	if (row < 0)
		return -1;
	while (i < v->n && row0(v, i + 1) <= row)
		i++;
	return i;
}

static int focus_visible(const struct tui_view *v)
{
	return v->focus >= 0 && row0(v, v->focus) >= v->top && row0(v, v->focus) < v->top + v->r.h;
}

/* Scroll a focus asked to be shown into the screen, and keep the scroll
 * position within the text. */
static void reveal(struct tui_view *v)
{
	int h = v->r.h > 0 ? v->r.h : 1;
	layout(v);
	if (v->show_focus && v->focus >= 0) {
		int first = row0(v, v->focus), last = row0(v, v->focus + 1) - 1;
		if (first < v->top)
			v->top = first;
		else if (last >= v->top + h)
			v->top = last - h + 1 < first ? last - h + 1 : first;
	}
	v->show_focus = 0;
	if (v->top > v->nrows - h)
		v->top = v->nrows - h;
	if (v->top < 0)
		v->top = 0;
}

void tui_view_draw(struct tui_view *v, tui_app *app, tui_rect r)
{
	int labw = label_width(v, r.w);
	int cy = r.y;
	v->r = r;
	settle(v);
	reveal(v);
	for (int i = 0, li = line_at(v, v->top); i < r.h && li >= 0 && li < v->n; li++) {
		struct tui_view_line *l = &v->lines[li];
		int focused = li == v->focus, tw = text_width(l, r.w, labw);
		int rows = row0(v, li + 1) - row0(v, li);
		for (int k = v->top > row0(v, li) ? v->top - row0(v, li) : 0; k < rows && i < r.h; k++, i++) {
			int y = r.y + i;
			char t[4096];
			wrap_row(l->text, tw, k, t, sizeof t);
			switch (l->kind) {
			case L_HEADING:
				tui_put(y, r.x, r.w, t, tui_attr(TUI_S_HEADER), 0);
				break;
			case L_FIELD:
			case L_ITEM:
				if (focused) {
					attr_t fa = tui_attr(TUI_S_FOCUS);
					tui_fill(y, r.x, r.w, fa);
					if (k == 0) {
						tui_put(y, r.x, 1, tui_glyph_marker(), fa | A_BOLD, 0);
						tui_put(y, r.x + 2, labw, l->label, fa, 0);
						cy = y;
					}
					tui_put(y, r.x + 2 + labw, tw, t, fa, 0);
					break;
				}
				if (k == 0)
					tui_put(y, r.x + 2, labw, l->label, tui_attr(TUI_S_LABEL), 0);
				tui_put(y, r.x + 2 + labw, tw, t, tui_attr(l->style), 0);
				break;
			default:
				tui_put(y, r.x + 2, tw, t, tui_attr(l->style), 0);
			}
		}
	}
	tui_cursor(app, cy, r.x);
}

/* The next (dir 1) or previous (dir -1) item from line `from`, or -1. */
static int next_item(const struct tui_view *v, int from, int dir)
{
	for (int i = from + dir; i >= 0 && i < v->n; i += dir)
		if (v->lines[i].kind == L_ITEM)
			return i;
	return -1;
}

/* Up and Down among items: 1 when the focus moved, 0 to scroll instead. */
static int move_focus(struct tui_view *v, int dir)
{
	int h = v->r.h > 0 ? v->r.h : 1, i;
	if (dir > 0) {
		/* from the focus, or from the line above the screen */
		i = next_item(v, focus_visible(v) ? v->focus : line_at(v, v->top - 1), 1);
		if (i < 0 || row0(v, i) > v->top + h)   /* none, or further than the row below the screen */
			return 0;
	} else {
		if (v->focus < 0 || !focus_visible(v))
			return 0;
		i = next_item(v, v->focus, -1);
		if (i < 0 || row0(v, i + 1) - 1 < v->top - 1) {
			v->focus = -1;   /* leave the items, and scroll */
			return 0;
		}
	}
	v->focus = i;
	v->show_focus = 1;
	return 1;
}

int tui_view_action(struct tui_view *v, tui_app *app, enum tui_action a)
{
	int page = v->r.h > 1 ? v->r.h - 1 : 1;
	(void)app;
	settle(v);
	layout(v);
	switch (a) {
	case TUI_A_UP:
		if (!move_focus(v, -1))
			v->top--;
		break;
	case TUI_A_DOWN:
		if (!move_focus(v, 1))
			v->top++;
		break;
	case TUI_A_PAGE_UP: v->top -= page; break;
	case TUI_A_PAGE_DOWN: v->top += page; break;
	case TUI_A_TOP:
		v->top = 0;
		v->focus = -1;   /* the top of the view: none of its items */
		break;
	case TUI_A_BOTTOM:
		v->top = v->nrows;
		/* the last item, when it is on the last screen */
		{
			int last = next_item(v, v->n, -1);
			if (last >= 0 && row0(v, last) >= v->nrows - (v->r.h > 0 ? v->r.h : 1)) {
				v->focus = last;
				v->show_focus = 1;
			}
		}
		break;
	default: return TUI_UNHANDLED;
	}
	/* show a focus just moved; drop one that scrolling took off screen */
	reveal(v);
	if (v->focus >= 0 && !focus_visible(v))
		v->focus = -1;
	return TUI_REDRAW;
}
