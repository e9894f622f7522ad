/* pipeline.c — every placement, grouped by status (proposed, agreed,
 * confirmed, completed, cancelled) with how many are in each; > moves
 * the focused one on, x cancels it with a reason; S shows one status
 * only (named on the view bar; Esc shows all again). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/util.h"
#include "tui/picker.h"
#include "tui/shadowing.h"

enum { TAG_STATUS = 1, TAG_BASE = 10 };

struct pipeline {
	struct tui_shadow_view base;
	tui_app *app;
	struct tui_plist pl;
};

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PLACEMENTS) | TUI_CTXBIT(TUI_CTX_DOCUMENTS);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct pipeline *s = (struct pipeline *)scr;
	tui_rect r = tui_shadow_area(app);
	r.y += 1;   /* the counts */
	r.h -= 1;
	tui_plist_layout(&s->pl, r);
}

/* ---- the status pick list ---- */

/* Does the label or the keyword of a status hold what was typed? */
static int status_matches(const char *want, const char *label, const char *key)
{
	char *f;
	int hit;
	if (!want[0])
		return 1;
	if (!(f = lup_fold(label)))
		return 0;
	hit = strstr(f, want) != NULL || strncmp(key, want, strlen(want)) == 0;
	free(f);
	return hit;
}

static int pick_status(tui_app *app, void *ud, const char *text, struct tui_pick *out, int max,
                       lup_err *err)
{
	char *want = lup_fold(text);
	int n = 0;
	(void)app; (void)ud;
	if (!want)
		return lup_err_set(err, LUP_EFAIL, "%s", _("out of memory"));
	lup_trim(want);
	snprintf(out[n].value, sizeof out[n].value, "%s", "");
	snprintf(out[n].label, sizeof out[n].label, "%s", _("All statuses"));
	n++;
	for (int st = 0; st < LUP_PS_COUNT && n < max; st++) {
		const char *label = lup_pstatus_label((enum lup_pstatus)st);
		const char *key = lup_pstatus_key((enum lup_pstatus)st);
		if (!status_matches(want, label, key))
			continue;
		snprintf(out[n].value, sizeof out[n].value, "%s", key);
		snprintf(out[n].label, sizeof out[n].label, "%s", label);
		n++;
	}
	free(want);
	return n;
}

/* What the view bar shows on its right: the status shown, if only one. */
static void note(struct tui_shadow_view *v, char *buf, size_t n)
{
	struct pipeline *s = (struct pipeline *)v;
	buf[0] = 0;
	if (s->pl.status != LUP_PS_ANY)
		snprintf(buf, n, _("Status: %s"), lup_pstatus_label((enum lup_pstatus)s->pl.status));
}

/* ---- the screen ---- */

static int enter(tui_screen *scr, tui_app *app)
{
	struct pipeline *s = (struct pipeline *)scr;
	tui_list_reload(&s->pl.list, app, NULL);
	if (!s->pl.counts_ok)
		tui_plist_count(&s->pl);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct pipeline *s = (struct pipeline *)scr;
	tui_rect r = tui_shadow_area(app);
	int x = r.x + 2, end = r.x + r.w - 1, y = r.y;
	if (s->pl.counts_ok) {
		/* with one status shown, only its count: the line agrees with the list */
		for (int st = 0, first = 1; st < LUP_PS_COUNT && x < end; st++) {
			char b[96];
			if (s->pl.status != LUP_PS_ANY && st != s->pl.status)
				continue;
			snprintf(b, sizeof b, "%s%s %ld", first ? "" : "· ", lup_pstatus_label((enum lup_pstatus)st),
			         s->pl.counts[st]);
			x += tui_put(y, x, end - x, b, tui_attr(tui_pstatus_style((enum lup_pstatus)st)), 0) + 1;
			first = 0;
		}
		if (s->pl.status != LUP_PS_ANY && x < end - 4)
			tui_put(y, x + 1, end - x - 1, _("(one status shown: Esc shows every status)"),
			        tui_attr(TUI_S_DIM), 0);
	}
	tui_plist_draw(&s->pl);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_list_key(&((struct pipeline *)scr)->pl.list, app, k);
}

static int idle(tui_screen *scr, tui_app *app)
{
	(void)app;
	return tui_plist_idle(&((struct pipeline *)scr)->pl);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct pipeline *s = (struct pipeline *)scr;
	int r = tui_plist_action(&s->pl, a, TAG_BASE);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_FILTER_STATUS:
		return tui_push(app, tui_picker(app, _("Status"), _("Type part of a status to narrow the list"),
		                                pick_status, s), TAG_STATUS);
	case TUI_A_BACK:
		/* after the text filter (the list's), Esc shows every status again */
		if (s->pl.status != LUP_PS_ANY) {
			tui_plist_set_status(&s->pl, LUP_PS_ANY);
			return TUI_REDRAW;
		}
		return TUI_UNHANDLED;
	default:
		return r;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_LOG_ADD;
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct pipeline *s = (struct pipeline *)scr;
	(void)app;
	if (tag == TAG_STATUS) {
		if (result == TUI_SAVED) {
			const char *v = tui_picker_value(child);
			tui_plist_set_status(&s->pl, v[0] ? lup_pstatus_parse(v) : LUP_PS_ANY);
		}
		return TUI_REDRAW;
	}
	return tui_plist_result(&s->pl, child, tag, result, TAG_BASE);
}

static void destroy(tui_screen *scr)
{
	struct pipeline *s = (struct pipeline *)scr;
	tui_plist_free(&s->pl);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Pipeline"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *tui_pipeline_view(tui_app *app)
{
	struct pipeline *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.base.ops = &ops;
	s->base.note = note;
	s->app = app;
	tui_plist_init(&s->pl, app, NULL);
	return &s->base.base;
}
