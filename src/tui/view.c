/* view.c — scrolled detail text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tui/view.h"

enum { L_TEXT, L_HEADING, L_FIELD };

struct tui_view_line {
	int kind;
	enum tui_style style;
	char *label, *text;
};

void tui_view_init(struct tui_view *v)
{
	memset(v, 0, sizeof *v);
}

void tui_view_clear(struct tui_view *v)
{
	for (int i = 0; i < v->n; i++) {
		free(v->lines[i].label);
		free(v->lines[i].text);
	}
	v->n = 0;
	v->labw = 0;
}

void tui_view_free(struct tui_view *v)
{
	tui_view_clear(v);
	free(v->lines);
	memset(v, 0, sizeof *v);
}

static void add(struct tui_view *v, int kind, enum tui_style st, const char *label, char *text)
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
		add(v, L_TEXT, TUI_S_NORMAL, NULL, strdup(""));
	add(v, L_HEADING, TUI_S_HEADER, NULL, strdup(title));
}

void tui_view_field(struct tui_view *v, const char *label, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(v, L_FIELD, TUI_S_NORMAL, label, vfmt(fmt, ap));
	va_end(ap);
}

void tui_view_line(struct tui_view *v, enum tui_style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(v, L_TEXT, st, NULL, vfmt(fmt, ap));
	va_end(ap);
}

void tui_view_blank(struct tui_view *v)
{
	add(v, L_TEXT, TUI_S_NORMAL, NULL, strdup(""));
}

void tui_view_draw(struct tui_view *v, tui_app *app, tui_rect r)
{
	int labw = v->labw + 2 < r.w / 3 ? v->labw + 2 : r.w / 3;
	v->r = r;
	if (v->top > v->n - r.h)
		v->top = v->n - r.h;
	if (v->top < 0)
		v->top = 0;
	for (int i = 0; i < r.h && v->top + i < v->n; i++) {
		struct tui_view_line *l = &v->lines[v->top + i];
		int y = r.y + i;
		const char *t = l->text ? l->text : "";
		switch (l->kind) {
		case L_HEADING:
			tui_put(y, r.x, r.w, t, tui_attr(TUI_S_HEADER), 0);
			break;
		case L_FIELD:
			tui_put(y, r.x + 2, labw, l->label, tui_attr(TUI_S_LABEL), 0);
			tui_put(y, r.x + 2 + labw, r.w - labw - 2, t, tui_attr(l->style), 0);
			break;
		default:
			tui_put(y, r.x + 2, r.w - 2, t, tui_attr(l->style), 0);
		}
	}
	tui_cursor(app, r.y, r.x);
}

int tui_view_action(struct tui_view *v, tui_app *app, enum tui_action a)
{
	int page = v->r.h > 1 ? v->r.h - 1 : 1;
	(void)app;
	switch (a) {
	case TUI_A_UP: v->top--; break;
	case TUI_A_DOWN: v->top++; break;
	case TUI_A_PAGE_UP: v->top -= page; break;
	case TUI_A_PAGE_DOWN: v->top += page; break;
	case TUI_A_TOP: v->top = 0; break;
	case TUI_A_BOTTOM: v->top = v->n; break;
	default: return TUI_UNHANDLED;
	}
	return TUI_REDRAW;
}
