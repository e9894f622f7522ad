/* shadowing.c — the Shadowing section's first screen: a bar naming its
 * three views (the network, the pipeline, the summary) above the one
 * shown; v and V switch between them.  Everything else goes to the view
 * shown, and what it pushes comes back to it. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/draw.h"
#include "tui/shadowing.h"

enum { V_NETWORK, V_PIPELINE, V_SUMMARY, NVIEWS };

static const char *const view_names[NVIEWS] = {
	N_("Network"), N_("Pipeline"), N_("Summary")
};

struct shadowing {
	tui_screen base;
	tui_screen *views[NVIEWS];
	int cur;
};

tui_rect tui_shadow_area(tui_app *app)
{
	tui_rect r = tui_area(app);
	r.y += 1;
	r.h -= 1;
	return r;
}

static tui_screen *cur(tui_screen *scr)
{
	struct shadowing *s = (struct shadowing *)scr;
	return s->views[s->cur];
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	tui_screen *v = cur(scr);
	return v->ops->contexts(v, app) | TUI_CTXBIT(TUI_CTX_VIEWS);
}

static int enter(tui_screen *scr, tui_app *app)
{
	tui_screen *v = cur(scr);
	return v->ops->enter ? v->ops->enter(v, app) : TUI_REDRAW;
}

static int changed(tui_screen *scr, tui_app *app)
{
	tui_screen *v = cur(scr);
	return v->ops->changed ? v->ops->changed(v, app) : 0;
}

static void leave(tui_screen *scr, tui_app *app)
{
	tui_screen *v = cur(scr);
	if (v->ops->leave)
		v->ops->leave(v, app);
}

static void draw_bar(struct shadowing *s, tui_app *app)
{
	tui_rect r = tui_area(app);
	struct tui_shadow_view *sv = (struct tui_shadow_view *)s->views[s->cur];
	int x = r.x + 1, end = r.x + r.w - 1;
	char note[256] = "";

	tui_fill(r.y, r.x, r.w, tui_attr(TUI_S_NORMAL));
	for (int i = 0; i < NVIEWS && x < end; i++) {
		char label[96];
		int on = i == s->cur;
		snprintf(label, sizeof label, on ? "[%s]" : " %s ", _(view_names[i]));
		x += tui_put(r.y, x, end - x, label, on ? tui_attr(TUI_S_TAB_ACTIVE) | A_BOLD
		             : tui_attr(TUI_S_DIM), TUI_CLIP) + 1;
	}
	if (sv->note)
		sv->note(sv, note, sizeof note);
	if (note[0] && end - x > 4) {
		int w = tui_width(note);
		if (w > end - x - 2)
			w = end - x - 2;
		tui_put(r.y, end - w, w, note, tui_attr(TUI_S_LABEL) | A_BOLD, 0);
	}
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct shadowing *s = (struct shadowing *)scr;
	draw_bar(s, app);
	cur(scr)->ops->draw(cur(scr), app);
}

static int switch_view(struct shadowing *s, tui_app *app, int to)
{
	tui_screen *v;
	leave(&s->base, app);
	s->cur = (to + NVIEWS) % NVIEWS;
	v = s->views[s->cur];
	if (v->ops->on_resize)
		v->ops->on_resize(v, app);
	return enter(&s->base, app) | TUI_REDRAW;
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct shadowing *s = (struct shadowing *)scr;
	tui_screen *v = cur(scr);
	if (a == TUI_A_VIEW_NEXT)
		return switch_view(s, app, s->cur + 1);
	if (a == TUI_A_VIEW_PREV)
		return switch_view(s, app, s->cur - 1);
	return v->ops->on_action(v, app, a);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	tui_screen *v = cur(scr);
	return v->ops->on_key ? v->ops->on_key(v, app, k) : TUI_UNHANDLED;
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct shadowing *s = (struct shadowing *)scr;
	/* only the view shown: the others lay out when they are switched to */
	tui_screen *v = s->views[s->cur];
	if (v->ops->on_resize)
		v->ops->on_resize(v, app);
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	tui_screen *v = cur(scr);
	return v->ops->on_result ? v->ops->on_result(v, app, child, tag, result) : TUI_REDRAW;
}

static int idle(tui_screen *scr, tui_app *app)
{
	tui_screen *v = cur(scr);
	return v->ops->idle ? v->ops->idle(v, app) : 0;
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	tui_screen *v = cur(scr);
	return v->ops->offers ? v->ops->offers(v, app, a) : 1;
}

static void destroy(tui_screen *scr)
{
	struct shadowing *s = (struct shadowing *)scr;
	for (int i = 0; i < NVIEWS; i++)
		if (s->views[i])
			s->views[i]->ops->destroy(s->views[i]);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Shadowing"),
	.contexts = contexts,
	.enter = enter,
	.changed = changed,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.leave = leave,
	.idle = idle,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *tui_shadowing_screen(tui_app *app)
{
	struct shadowing *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->views[V_NETWORK] = tui_network_view(app);
	s->views[V_PIPELINE] = tui_pipeline_view(app);
	s->views[V_SUMMARY] = tui_summary_view(app);
	for (int i = 0; i < NVIEWS; i++)
		if (!s->views[i]) {
			destroy(&s->base);
			return NULL;
		}
	return &s->base;
}
