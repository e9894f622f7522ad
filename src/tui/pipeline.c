/* pipeline.c — every placement, grouped by status (proposed, agreed,
 * confirmed, completed, cancelled) with how many are in each; > moves
 * the focused one on, x cancels it with a reason. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/shadowing.h"

enum { TAG_BASE = 10 };

struct pipeline {
	struct tui_shadow_view base;
	tui_app *app;
	struct tui_plist pl;
};

static unsigned contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PLACEMENTS);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct pipeline *s = (struct pipeline *)scr;
	tui_rect r = tui_shadow_area(app);
	r.y += 1;   /* the counts */
	r.h -= 1;
	tui_plist_layout(&s->pl, r);
}

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
	int x = r.x + 2, end = r.x + r.w - 1;
	if (s->pl.counts_ok) {
		for (int st = 0; st < LUP_PS_COUNT && x < end; st++) {
			char b[96];
			snprintf(b, sizeof b, "%s%s %ld", st ? "· " : "", lup_pstatus_label((enum lup_pstatus)st),
			         s->pl.counts[st]);
			x += tui_put(r.y, x, end - x, b, tui_attr(tui_pstatus_style((enum lup_pstatus)st)), 0) + 1;
		}
	}
	tui_plist_draw(&s->pl);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_list_key(&((struct pipeline *)scr)->pl.list, app, k);
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct pipeline *)scr)->pl.list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct pipeline *s = (struct pipeline *)scr;
	(void)app;
	return tui_plist_action(&s->pl, a, TAG_BASE);
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
	s->app = app;
	tui_plist_init(&s->pl, app, NULL);
	return &s->base.base;
}
