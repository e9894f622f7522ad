/* notice.c — a message to read over the current screen: warnings after a
 * save, a cohort's conflicts.  Enter, Esc or q closes it; the move keys
 * scroll it when it is long. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/lineedit.h"
#include "tui/draw.h"
#include "tui/programme.h"

struct notice {
	tui_screen base;
	char *title;
	char **lines;
	int n, top, body;
	int log;   /* the message log (tui_messages_screen) */
};

/* Wrap one message into width columns: calls out(ud, text, len) per line;
 * returns the number of lines. */
static int wrap(const char *s, int width, void (*out)(void *, const char *, size_t), void *ud)
{
	int n = 0;
	size_t len = strlen(s);
	if (width < 4)
		width = 4;
	do {
		int used;
		size_t fit = lup_utf8_fit(s, width, &used), cut = fit;
		if (fit > len)
			fit = cut = len;
		if (fit < len) {
			size_t sp = fit;
			while (sp > 0 && s[sp] != ' ')
				sp--;
			if (sp > 0)
				cut = sp;
		}
		if (cut == 0)
			cut = len;
		if (out)
			out(ud, s, cut);
		n++;
		s += cut;
		len -= cut;
		while (*s == ' ') {
			s++;
			len--;
		}
	} while (len > 0);
	return n;
}

struct draw_ctx {
	int y, x, w, row, top, rows;
	attr_t a;
	const char *prefix;
};

static void draw_piece(void *ud, const char *s, size_t n)
{
	struct draw_ctx *d = ud;
	char buf[1200];
	int i = d->row++ - d->top;
	if (i < 0 || i >= d->rows)
		return;
	snprintf(buf, sizeof buf, "%s%.*s", d->prefix, (int)n, s);
	tui_put(d->y + i, d->x, d->w, buf, d->a, 0);
	d->prefix = "  ";
}

static tui_ctxmask contexts(tui_screen *s, tui_app *app)
{
	(void)s; (void)app;
	return TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_NOTICE);
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct notice *s = (struct notice *)scr;
	tui_rect r = tui_area(app);
	int w = r.w - 8 > 90 ? 90 : r.w - 8, total = 0, h, y, x;
	struct draw_ctx d;
	attr_t a = tui_attr(TUI_S_DIALOG);

	for (int i = 0; i < s->n; i++)
		total += wrap(s->lines[i], w - 6, NULL, NULL);
	h = total + 4;
	if (h > r.h - 2)
		h = r.h - 2;
	s->body = h - 4;
	if (s->top > total - s->body)
		s->top = total - s->body;
	if (s->top < 0)
		s->top = 0;
	y = r.y + (r.h - h) / 2;
	x = r.x + (r.w - w) / 2;
	tui_box(y, x, h, w, s->title, a);
	d.y = y + 1;
	d.x = x + 2;
	d.w = w - 4;
	d.row = 0;
	d.top = s->top;
	d.rows = s->body;
	d.a = a;
	for (int i = 0; i < s->n; i++) {
		d.prefix = "• ";
		if (!tui_utf8())
			d.prefix = "* ";
		wrap(s->lines[i], w - 6, draw_piece, &d);
	}
	tui_put(y + h - 2, x + 2, w - 4,
	        total > s->body ? _("↑/↓ scroll · Enter closes") : _("Enter closes"), a | A_BOLD, 0);
	tui_cursor(app, y + 1, x + 2);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct notice *s = (struct notice *)scr;
	int page = s->body > 1 ? s->body - 1 : 1;
	switch (a) {
	case TUI_A_OK: return tui_pop(app, TUI_CANCELLED);
	case TUI_A_UP: s->top--; return TUI_REDRAW;
	case TUI_A_DOWN: s->top++; return TUI_REDRAW;
	case TUI_A_PAGE_UP: s->top -= page; return TUI_REDRAW;
	case TUI_A_PAGE_DOWN: s->top += page; return TUI_REDRAW;
	case TUI_A_TOP: s->top = 0; return TUI_REDRAW;
	case TUI_A_BOTTOM: s->top = 1 << 20; return TUI_REDRAW;
	default: return TUI_UNHANDLED;
	}
}

static void destroy(tui_screen *scr)
{
	struct notice *s = (struct notice *)scr;
	for (int i = 0; i < s->n; i++)
		free(s->lines[i]);
	free(s->lines);
	free(s->title);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Message"),
	.contexts = contexts,
	.draw = draw,
	.on_action = on_action,
	.destroy = destroy,
};

tui_screen *tui_notice(const char *title, const char *const *lines, int n)
{
	struct notice *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->base.flags = TUI_SCREEN_OVERLAY;
	s->title = strdup(title ? title : "");
	s->lines = calloc((size_t)(n > 0 ? n : 1), sizeof *s->lines);
	if (!s->title || !s->lines) {
		destroy(&s->base);
		return NULL;
	}
	for (int i = 0; i < n; i++) {
		if (!(s->lines[i] = strdup(lines[i] ? lines[i] : ""))) {
			destroy(&s->base);
			return NULL;
		}
		s->n++;
	}
	return &s->base;
}

tui_screen *tui_notice_warnings(const char *title, const struct lup_warnings *w)
{
	const char **lines = calloc(w->n ? w->n : 1, sizeof *lines);
	tui_screen *s;
	if (!lines)
		return NULL;
	for (size_t i = 0; i < w->n; i++)
		lines[i] = w->v[i].msg ? w->v[i].msg : "";
	s = tui_notice(title, lines, (int)w->n);
	free(lines);
	return s;
}

tui_screen *tui_messages_screen(tui_app *app)
{
	const char *none[1] = { _("No messages yet in this run.") };
	const char **v;
	int n = 0;
	tui_screen *s;
	while (tui_message(app, n))
		n++;
	if (!(v = calloc((size_t)(n ? n : 1), sizeof *v)))
		return NULL;
	for (int i = 0; i < n; i++)
		v[i] = tui_message(app, i);
	s = tui_notice(_("Messages of this run, the newest first"), n ? v : none, n ? n : 1);
	free(v);
	if (s)
		((struct notice *)s)->log = 1;
	return s;
}

int tui_is_messages(const tui_screen *s)
{
	return s && s->ops == &ops && ((const struct notice *)s)->log;
}
