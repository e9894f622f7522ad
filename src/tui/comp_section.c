/* comp_section.c — the Competence section's first screen: the Due list,
 * the heat map, the frameworks and the check-in rounds, one at a time,
 * switched with v.  The
 * views are screens of their own; this one hands them everything and
 * draws the line naming the views above them. */
#include <stdlib.h>
#include "lup/i18n.h"
#include "tui/competence.h"
#include "tui/draw.h"

enum { NVIEWS = 4 };

static const char *const view_names[NVIEWS] = { N_("Due"), N_("Heat map"), N_("Frameworks"), N_("Rounds") };

struct section {
	tui_screen base;
	tui_screen *views[NVIEWS];
	int cur, laid_out;
};

static tui_screen *cur(tui_screen *scr)
{
	struct section *s = (struct section *)scr;
	return s->views[s->cur];
}

tui_rect tui_comp_view_area(tui_app *app)
{
	tui_rect r = tui_area(app);
	r.y += 1;
	r.h -= 1;
	if (r.h < 1)
		r.h = 1;
	return r;
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	tui_screen *v = cur(scr);
	return v->ops->contexts(v, app) | TUI_CTXBIT(TUI_CTX_COMPETENCE);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct section *s = (struct section *)scr;
	for (int i = 0; i < NVIEWS; i++)
		if (s->views[i]->ops->on_resize)
			s->views[i]->ops->on_resize(s->views[i], app);
	s->laid_out = 1;
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct section *s = (struct section *)scr;
	tui_screen *v = cur(scr);
	if (!s->laid_out)   /* a section opened after the start */
		on_resize(scr, app);
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

static void draw(tui_screen *scr, tui_app *app)
{
	struct section *s = (struct section *)scr;
	tui_rect r = tui_area(app);
	int x = r.x + 1;
	char hint[160], key[16];
	tui_screen *v = cur(scr);
	for (int i = 0; i < NVIEWS; i++) {
		char b[96];
		snprintf(b, sizeof b, i == s->cur ? "[%s]" : " %s ", _(view_names[i]));
		x += tui_put(r.y, x, r.x + r.w - x, b,
		             i == s->cur ? tui_attr(TUI_S_TAB_ACTIVE) : tui_attr(TUI_S_DIM), 0) + 1;
	}
	snprintf(hint, sizeof hint, _("%s: next view"), tui_comp_key(TUI_A_COMP_VIEW, key));
	if (x + tui_width(hint) + 2 < r.x + r.w)
		tui_put(r.y, r.x + r.w - tui_width(hint) - 1, tui_width(hint), hint, tui_attr(TUI_S_DIM), 0);
	v->ops->draw(v, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct section *s = (struct section *)scr;
	tui_screen *v = cur(scr);
	if (a == TUI_A_COMP_VIEW) {
		leave(scr, app);
		s->cur = (s->cur + 1) % NVIEWS;
		v = cur(scr);
		if (v->ops->on_resize)
			v->ops->on_resize(v, app);
		return (v->ops->enter ? v->ops->enter(v, app) : 0) | TUI_REDRAW;
	}
	return v->ops->on_action(v, app, a);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	tui_screen *v = cur(scr);
	return v->ops->on_key ? v->ops->on_key(v, app, k) : TUI_UNHANDLED;
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
	if (a == TUI_A_COMP_VIEW)
		return 1;
	return v->ops->offers ? v->ops->offers(v, app, a) : 1;
}

static void destroy(tui_screen *scr)
{
	struct section *s = (struct section *)scr;
	for (int i = 0; i < NVIEWS; i++)
		if (s->views[i] && s->views[i]->ops->destroy)
			s->views[i]->ops->destroy(s->views[i]);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Competence"),
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

tui_screen *tui_competence_screen(tui_app *app)
{
	struct section *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->views[0] = tui_comp_due_view(app);
	s->views[1] = tui_comp_heatmap_view(app);
	s->views[2] = tui_comp_frameworks_view(app);
	s->views[3] = tui_comp_rounds_view(app);
	for (int i = 0; i < NVIEWS; i++)
		if (!s->views[i]) {
			destroy(&s->base);
			return NULL;
		}
	return &s->base;
}
