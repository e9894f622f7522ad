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

/* ---- questions ---- */

#define MAX_BUTTONS 4

struct choose {
	tui_screen base;
	char *question, *detail;
	struct tui_button b[MAX_BUTTONS];
	int n, focus, cancel;
};

static tui_ctxmask choose_contexts(tui_screen *scr, tui_app *app)
{
	struct choose *c = (struct choose *)scr;
	tui_ctxmask m = TUI_CTXBIT(TUI_CTX_DIALOG);
	(void)app;
	for (int i = 0; i < c->n; i++)
		m |= TUI_CTXBIT(tui_action_info(c->b[i].action)->ctx);
	return m;
}

/* Only the buttons' keys go on the hint line. */
static int choose_offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct choose *c = (struct choose *)scr;
	(void)app;
	if (a != TUI_A_YES && a != TUI_A_NO && tui_action_info(a)->ctx != TUI_CTX_CHANGED)
		return 1;
	for (int i = 0; i < c->n; i++)
		if (c->b[i].action == a)
			return 1;
	return 0;
}

static void choose_draw(tui_screen *scr, tui_app *app)
{
	struct choose *c = (struct choose *)scr;
	tui_rect r = tui_area(app);
	int w = r.w > 72 ? 64 : r.w - 8, h, y, x, lines, qlines, bw = 0, bx, cx = 0;
	attr_t a = tui_attr(TUI_S_DIALOG);
	char label[MAX_BUTTONS][96];

	qlines = wrap(c->question, w - 4, NULL, NULL);
	if (qlines > 4)
		qlines = 4;
	lines = wrap(c->detail, w - 4, NULL, NULL);
	if (lines > r.h - 7 - qlines)
		lines = r.h - 7 - qlines;
	if (lines < 0)
		lines = 0;
	h = 5 + qlines + lines + (lines ? 1 : 0);
	y = r.y + (r.h - h) / 2;
	x = r.x + (r.w - w) / 2;
	tui_box(y, x, h, w, _("Question"), a);
	{
		struct draw_lines d = { y + 2, x + 2, w - 4, qlines, a | A_BOLD };
		wrap(c->question, w - 4, draw_line, &d);
	}
	if (lines) {
		struct draw_lines d = { y + 3 + qlines, x + 2, w - 4, lines, a };
		wrap(c->detail, w - 4, draw_line, &d);
	}
	for (int i = 0; i < c->n; i++) {
		snprintf(label[i], sizeof label[i], i == c->focus ? "[ %s ]" : "  %s  ", _(c->b[i].label));
		bw += tui_width(label[i]) + (i ? 2 : 0);
	}
	bx = x + (w - bw) / 2;
	if (bx < x + 1)
		bx = x + 1;
	for (int i = 0; i < c->n; i++) {
		int lw = tui_width(label[i]);
		if (i == c->focus)
			cx = bx + 2;
		tui_put(y + h - 2, bx, lw, label[i], i == c->focus ? tui_attr(TUI_S_FOCUS) : a, TUI_CLIP);
		bx += lw + 2;
	}
	tui_cursor(app, y + h - 2, cx);
}

static int choose_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct choose *c = (struct choose *)scr;
	switch (a) {
	case TUI_A_PRESS:
		return tui_pop(app, c->b[c->focus].result);
	case TUI_A_NO:
		return tui_pop(app, c->cancel);
	case TUI_A_SWITCH:
		c->focus = (c->focus + 1) % c->n;
		return TUI_REDRAW;
	case TUI_A_SWITCH_BACK:
		c->focus = (c->focus + c->n - 1) % c->n;
		return TUI_REDRAW;
	case TUI_A_HELP: case TUI_A_REDRAW:
		return TUI_UNHANDLED;
	default:
		for (int i = 0; i < c->n; i++)
			if (c->b[i].action == a)
				return tui_pop(app, c->b[i].result);
		return 0;   /* nothing else while a question is open */
	}
}

static void choose_destroy(tui_screen *scr)
{
	struct choose *c = (struct choose *)scr;
	free(c->question);
	free(c->detail);
	free(c);
}

static const struct tui_screen_ops choose_ops = {
	.name = N_("Question"),
	.contexts = choose_contexts,
	.draw = choose_draw,
	.on_action = choose_action,
	.offers = choose_offers,
	.destroy = choose_destroy,
};

int tui_choose(tui_app *app, int tag, const char *question, const char *detail,
               const struct tui_button *buttons, int n, int focus, int cancel)
{
	struct choose *c = calloc(1, sizeof *c);
	if (c) {
		c->base.ops = &choose_ops;
		c->base.flags = TUI_SCREEN_OVERLAY;
		c->question = strdup(question ? question : "");
		c->detail = detail && *detail ? strdup(detail) : NULL;
		c->n = n < 1 ? 1 : n > MAX_BUTTONS ? MAX_BUTTONS : n;
		memcpy(c->b, buttons, (size_t)c->n * sizeof *c->b);
		c->focus = focus >= 0 && focus < c->n ? focus : 0;
		c->cancel = cancel;
		if (!c->question) {
			choose_destroy(&c->base);
			c = NULL;
		}
	}
	return tui_push(app, c ? &c->base : NULL, tag);
}

int tui_confirm(tui_app *app, int tag, const char *question, const char *detail)
{
	static const struct tui_button yes_no[] = {
		{ TUI_A_YES, N_("Yes"), TUI_YES },
		{ TUI_A_NO, N_("No"), TUI_NO },
	};
	return tui_choose(app, tag, question, detail, yes_no, 2, 1, TUI_NO);
}

/* ---- deleting ---- */

int tui_ask_delete(tui_app *app, const struct tui_deleter *d, void *ud, const char *id, int tag)
{
	char what[300] = "", q[400];
	lup_buf detail = { 0 };
	lup_err err;
	size_t len;
	int r;
	lup_err_clear(&err);
	if (d->describe(app, ud, id, what, sizeof what, &detail, &err) < 0) {
		lup_buf_clear(&detail);
		tui_error(app, "%s", err.msg);
		return TUI_REDRAW;
	}
	snprintf(q, sizeof q, _("Delete %s?"), what);
	len = detail.len;
	if (len && detail.s[len - 1] != '\n')
		lup_buf_puts(&detail, " ");
	{
		tui_key keys[TUI_MAX_KEYS];
		char kb[16];
		if (tui_action_keys(TUI_A_UNDO, keys) > 0)
			lup_buf_printf(&detail, _("%s undoes it afterwards."), tui_key_name(keys[0], kb));
	}
	r = tui_confirm(app, tag, q, detail.s);
	lup_buf_clear(&detail);
	return r;
}

int tui_delete(tui_app *app, const struct tui_deleter *d, void *ud, const char *id)
{
	char what[300] = "", said[400] = "";
	lup_buf detail = { 0 };
	lup_err err;
	/* named before it goes */
	if (d->describe(app, ud, id, what, sizeof what, &detail, &err) < 0)
		what[0] = '\0';
	lup_buf_clear(&detail);
	lup_err_clear(&err);
	if (d->remove(app, ud, id, said, sizeof said, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return -1;
	}
	if (said[0])
		tui_status(app, "%s", said);
	else
		tui_status(app, _("Deleted %s."), what);
	return 0;
}

/* ---- help ---- */

struct help {
	tui_screen base;
	const char *title;   /* the screen's name, N_() */
	tui_ctxmask mask;
	int top;
	int shown, body, tw;                 /* entries drawn last, rows and text width */
	unsigned char hidden[TUI_A_COUNT];   /* every key taken by a later context */
};

static tui_ctxmask help_contexts(tui_screen *s, tui_app *app)
{
	(void)s; (void)app;
	return TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_HELP);
}

/* The keys that do action a on this screen, for display: not those a more
 * specific context takes (the rating sheet's digits over 1–5, a cohort's
 * Tab over the next section). */
static const char *live_keys(enum tui_action a, tui_ctxmask mask, char *buf, size_t n)
{
	tui_key k[TUI_MAX_KEYS];
	int nk = tui_action_live_keys(a, mask, k);
	size_t used = 0;
	char kb[16];
	if (n)
		buf[0] = 0;
	for (int i = 0; i < nk && used < n; i++) {
		int w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", tui_key_label(k[i], kb));
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

/* Rows entry i takes at text width tw (its text wrapped). */
static int help_rows(struct help *h, int i, int tw)
{
	const char *k, *t;
	char kb[128];
	int hd;
	if (!help_line(h, i, &k, kb, sizeof kb, &t, &hd))
		return 0;
	return hd || !*t ? 1 : tui_put_wrapped(0, 0, tw, 50, t, 0, 0);
}

/* The help scrolls by entries: one at the top shows whole; the last top
 * is the one from which the rest fits. */
static void help_draw(tui_screen *scr, tui_app *app)
{
	struct help *h = (struct help *)scr;
	tui_rect r = tui_area(app);
	int w = r.w - 4, bh = r.h - 2, y = r.y + 1, x = r.x + 2, body = bh - 3, total = help_count(h);
	int tw = w - 29, max_top = total, used = 0, row = 0;
	char title[160];
	attr_t a = tui_attr(TUI_S_DIALOG);

	while (max_top > 0 && used + help_rows(h, max_top - 1, tw) <= body)
		used += help_rows(h, --max_top, tw);
	if (h->top > max_top)
		h->top = max_top;
	if (h->top < 0)
		h->top = 0;
	snprintf(title, sizeof title, _("Keys: %s"), _(h->title));
	tui_box(y, x, bh, w, title, a);
	h->shown = 0;
	h->body = body;
	h->tw = tw;
	for (int i = h->top; row < body; i++) {
		const char *k, *t;
		char kb[128];
		int hd;
		if (!help_line(h, i, &k, kb, sizeof kb, &t, &hd))
			break;
		if (row + help_rows(h, i, tw) > body && row > 0)
			break;   /* shown whole from the top of the next page */
		h->shown++;
		if (hd) {
			tui_put(y + 1 + row, x + 2, w - 4, t, a | A_BOLD | A_UNDERLINE, 0);
			row++;
		} else {
			tui_put(y + 1 + row, x + 3, 22, k, a | A_BOLD, 0);
			row += *t ? tui_put_wrapped(y + 1 + row, x + 27, tw, body - row, t, a, 1) : 1;
		}
	}
	tui_put(y + bh - 2, x + 2, w - 4,
	        max_top > 0 ? _("↑/↓ scroll · q or Esc closes") : _("q or Esc closes"), a, 0);
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
	case TUI_A_PAGE_UP:
		/* back by as many entries as fill the page above */
		if (h->body > 0) {
			int rows = 0;
			while (h->top > 0 && rows + help_rows(h, h->top - 1, h->tw) <= h->body)
				rows += help_rows(h, --h->top, h->tw);
		} else {
			h->top -= page;
		}
		return TUI_REDRAW;
	case TUI_A_PAGE_DOWN:
		/* the first entry not shown whole comes to the top */
		h->top += h->shown > 1 ? h->shown : h->body > 0 ? 1 : page;
		return TUI_REDRAW;
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

tui_screen *tui_help_screen(tui_app *app, tui_screen *for_screen, tui_ctxmask ctxmask)
{
	struct help *h = calloc(1, sizeof *h);
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
		enum tui_ctx c = tui_action_info((enum tui_action)a)->ctx;
		h->hidden[a] = tui_action_keys((enum tui_action)a, k) > 0 &&
		               tui_action_live_keys((enum tui_action)a, h->mask, k) == 0;
		/* No key listed that does nothing here: the list and record keys
		 * a screen does not offer (no sort order to change, nothing to add
		 * on a record's view, a placement's pipeline filter) are left out
		 * too.  (Other keys a screen leaves off a full hint line still
		 * work, and are listed.) */
		if (for_screen && for_screen->ops->offers &&
		    (c == TUI_CTX_LIST || c == TUI_CTX_RECORD || c == TUI_CTX_PLACEMENTS) &&
		    !for_screen->ops->offers(for_screen, app, (enum tui_action)a))
			h->hidden[a] = 1;
	}
	return &h->base;
}
