/* dialog.c — the yes/no question and the help overlay. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/lineedit.h"
#include "tui/dialog.h"
#include "tui/draw.h"

/* ---- wrapping ---- */

/* Split text into lines of at most width columns at spaces (hard-cutting
 * words that are longer); calls out for each line.  Returns the count. */
static int wrap(const char *text, int width, void (*out)(void *, int, const char *, size_t), void *ud)
{
	int n = 0;
	const char *p = text ? text : "";
	if (width < 1)
		return 0;
	while (*p) {
		size_t nl = strcspn(p, "\n"), fit, cut;
		int used;
		char *line = strndup(p, nl);
		if (!line)
			return n;
		fit = lup_utf8_fit(line, width, &used);
		cut = fit;
		if (fit < nl) {
			size_t sp = fit;
			while (sp > 0 && line[sp] != ' ')
				sp--;
			if (sp > 0)
				cut = sp;
		}
		if (cut == 0)
			cut = fit ? fit : nl;
		if (out)
			out(ud, n, p, cut);
		n++;
		free(line);
		p += cut;
		while (*p == ' ')
			p++;
		if (cut >= nl && *p == '\n')
			p++;
	}
	return n;
}

struct draw_lines {
	int y, x, w, max;
	attr_t a;
};

static void draw_line(void *ud, int i, const char *s, size_t n)
{
	struct draw_lines *d = ud;
	char buf[1024];
	if (i >= d->max)
		return;
	snprintf(buf, sizeof buf, "%.*s", (int)n, s);
	tui_put(d->y + i, d->x, d->w, buf, d->a, TUI_CLIP);
}

/* ---- confirm ---- */

struct confirm {
	tui_screen base;
	char *question, *detail;
	int yes_focused;
	int bx;  /* where the buttons are, for the cursor */
};

static unsigned confirm_contexts(tui_screen *s, tui_app *app)
{
	(void)s; (void)app;
	return TUI_CTXBIT(TUI_CTX_DIALOG);
}

static void confirm_draw(tui_screen *scr, tui_app *app)
{
	struct confirm *c = (struct confirm *)scr;
	tui_rect r = tui_area(app);
	int w = r.w > 72 ? 64 : r.w - 8, h, y, x, lines;
	attr_t a = tui_attr(TUI_S_DIALOG);
	const char *yes = _("Yes"), *no = _("No");
	char by[64], bn[64];
	int bw;

	lines = wrap(c->detail, w - 4, NULL, NULL);
	if (lines > r.h - 8)
		lines = r.h - 8;
	h = 6 + lines + (lines ? 1 : 0);
	y = r.y + (r.h - h) / 2;
	x = r.x + (r.w - w) / 2;
	tui_box(y, x, h, w, _("Question"), a);
	tui_put(y + 2, x + 2, w - 4, c->question, a | A_BOLD, 0);
	if (lines) {
		struct draw_lines d = { y + 4, x + 2, w - 4, lines, a };
		wrap(c->detail, w - 4, draw_line, &d);
	}
	snprintf(bn, sizeof bn, c->yes_focused ? "  %s  " : "[ %s ]", no);
	snprintf(by, sizeof by, c->yes_focused ? "[ %s ]" : "  %s  ", yes);
	bw = tui_width(bn) + 2 + tui_width(by);
	c->bx = x + (w - bw) / 2;
	tui_put(y + h - 2, c->bx, tui_width(by), by, c->yes_focused ? tui_attr(TUI_S_FOCUS) : a, 0);
	tui_put(y + h - 2, c->bx + tui_width(by) + 2, tui_width(bn), bn,
	        c->yes_focused ? a : tui_attr(TUI_S_FOCUS), 0);
	tui_cursor(app, y + h - 2, c->yes_focused ? c->bx + 2 : c->bx + tui_width(by) + 4);
}

static int confirm_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct confirm *c = (struct confirm *)scr;
	switch (a) {
	case TUI_A_YES:
		return tui_pop(app, TUI_YES);
	case TUI_A_NO:
		return tui_pop(app, TUI_NO);
	case TUI_A_PRESS:
		return tui_pop(app, c->yes_focused ? TUI_YES : TUI_NO);
	case TUI_A_SWITCH:
		c->yes_focused = !c->yes_focused;
		return TUI_REDRAW;
	case TUI_A_HELP: case TUI_A_REDRAW:
		return TUI_UNHANDLED;
	default:
		return 0;   /* nothing else while a question is open */
	}
}

static void confirm_destroy(tui_screen *scr)
{
	struct confirm *c = (struct confirm *)scr;
	free(c->question);
	free(c->detail);
	free(c);
}

static const struct tui_screen_ops confirm_ops = {
	.name = N_("Question"),
	.contexts = confirm_contexts,
	.draw = confirm_draw,
	.on_action = confirm_action,
	.destroy = confirm_destroy,
};

int tui_confirm(tui_app *app, int tag, const char *question, const char *detail)
{
	struct confirm *c = calloc(1, sizeof *c);
	if (c) {
		c->base.ops = &confirm_ops;
		c->base.flags = TUI_SCREEN_OVERLAY;
		c->question = strdup(question ? question : "");
		c->detail = detail && *detail ? strdup(detail) : NULL;
		if (!c->question) {
			confirm_destroy(&c->base);
			c = NULL;
		}
	}
	return tui_push(app, c ? &c->base : NULL, tag);
}

/* ---- help ---- */

struct help {
	tui_screen base;
	const char *title;   /* the screen's name, N_() */
	unsigned mask;
	int top;
	unsigned char hidden[TUI_A_COUNT];   /* every key taken by a later context */
};

static unsigned help_contexts(tui_screen *s, tui_app *app)
{
	(void)s; (void)app;
	return TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_HELP);
}

/* The keys that do action a on this screen, for display: not those a more
 * specific context takes (the rating sheet's digits over 1–5, a cohort's
 * Tab over the next section). */
static const char *live_keys(enum tui_action a, unsigned mask, char *buf, size_t n)
{
	tui_key k[TUI_MAX_KEYS];
	int nk = tui_action_live_keys(a, mask, k);
	size_t used = 0;
	char kb[16];
	if (n)
		buf[0] = 0;
	for (int i = 0; i < nk && used < n; i++) {
		int w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", tui_key_name(k[i], kb));
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* Lines of the help: a heading per context, then "keys  text"; actions
 * hidden are left out, and so is a heading with none shown. */
static int help_line(struct help *h, int i, const char **keys_out, char *kbuf, size_t kn,
                     const char **text, int *heading)
{
	int n = 0;
	for (int c = 0; c < TUI_CTX_COUNT; c++) {
		int first = 1;
		if (!(h->mask & TUI_CTXBIT(c)))
			continue;
		for (int a = 0; a < TUI_A_COUNT; a++) {
			const struct tui_action_info *ai = tui_action_info((enum tui_action)a);
			if ((int)ai->ctx != c || h->hidden[a])
				continue;
			if (first) {
				if (n > 0) {
					if (n++ == i) {  /* blank line between groups */
						*heading = 0; *text = ""; *keys_out = "";
						return 1;
					}
				}
				if (n++ == i) {
					*heading = 1; *text = _(tui_ctx_title((enum tui_ctx)c)); *keys_out = "";
					return 1;
				}
				first = 0;
			}
			if (n++ == i) {
				*heading = 0;
				*text = _(ai->help);
				*keys_out = live_keys((enum tui_action)a, h->mask, kbuf, kn);
				if (!**keys_out)
					*keys_out = _("(none)");
				return 1;
			}
		}
	}
	return 0;
}

static int help_count(struct help *h)
{
	const char *k, *t;
	char kb[128];
	int hd, n = 0;
	while (help_line(h, n, &k, kb, sizeof kb, &t, &hd))
		n++;
	return n;
}

static void help_draw(tui_screen *scr, tui_app *app)
{
	struct help *h = (struct help *)scr;
	tui_rect r = tui_area(app);
	int w = r.w - 4, bh = r.h - 2, y = r.y + 1, x = r.x + 2, body = bh - 3, total = help_count(h);
	char title[160];
	attr_t a = tui_attr(TUI_S_DIALOG);

	if (h->top > total - body)
		h->top = total - body;
	if (h->top < 0)
		h->top = 0;
	snprintf(title, sizeof title, _("Keys: %s"), _(h->title));
	tui_box(y, x, bh, w, title, a);
	for (int i = 0; i < body; i++) {
		const char *k, *t;
		char kb[128];
		int hd;
		if (!help_line(h, h->top + i, &k, kb, sizeof kb, &t, &hd))
			break;
		if (hd)
			tui_put(y + 1 + i, x + 2, w - 4, t, a | A_BOLD | A_UNDERLINE, 0);
		else {
			tui_put(y + 1 + i, x + 3, 22, k, a | A_BOLD, 0);
			tui_put(y + 1 + i, x + 27, w - 29, t, a, 0);
		}
	}
	tui_put(y + bh - 2, x + 2, w - 4,
	        total > body ? _("↑/↓ scroll · q or Esc closes") : _("q or Esc closes"), a, 0);
	tui_cursor(app, y + 1, x + 2);
}

static int help_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct help *h = (struct help *)scr;
	tui_rect r = tui_area(app);
	int page = r.h - 5 > 1 ? r.h - 5 : 1;
	switch (a) {
	case TUI_A_UP: h->top--; return TUI_REDRAW;
	case TUI_A_DOWN: h->top++; return TUI_REDRAW;
	case TUI_A_PAGE_UP: h->top -= page; return TUI_REDRAW;
	case TUI_A_PAGE_DOWN: h->top += page; return TUI_REDRAW;
	case TUI_A_TOP: h->top = 0; return TUI_REDRAW;
	case TUI_A_BOTTOM: h->top = 1 << 20; return TUI_REDRAW;
	case TUI_A_CLOSE: case TUI_A_HELP:
		return tui_pop(app, TUI_CANCELLED);
	default:
		return TUI_UNHANDLED;
	}
}

static void help_destroy(tui_screen *scr)
{
	free(scr);
}

static const struct tui_screen_ops help_ops = {
	.name = N_("Help"),
	.contexts = help_contexts,
	.draw = help_draw,
	.on_action = help_action,
	.destroy = help_destroy,
};

int tui_is_help(const tui_screen *s)
{
	return s && s->ops == &help_ops;
}

tui_screen *tui_help_screen(tui_app *app, tui_screen *for_screen, unsigned ctxmask)
{
	struct help *h = calloc(1, sizeof *h);
	(void)app;
	if (!h)
		return NULL;
	h->base.ops = &help_ops;
	h->base.flags = TUI_SCREEN_OVERLAY;
	h->title = for_screen && for_screen->ops->name ? for_screen->ops->name : N_("Help");
	h->mask = ctxmask | TUI_CTXBIT(TUI_CTX_ANY);
	/* An unbound action says (none); one whose every key a later context
	 * takes cannot be reached here and is left out. */
	for (int a = 0; a < TUI_A_COUNT; a++) {
		tui_key k[TUI_MAX_KEYS];
		h->hidden[a] = tui_action_keys((enum tui_action)a, k) > 0 &&
		               tui_action_live_keys((enum tui_action)a, h->mask, k) == 0;
	}
	return &h->base;
}
