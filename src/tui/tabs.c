/* tabs.c — several views under a bar naming them (tabs.h). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/draw.h"
#include "tui/tabs.h"

#define MAX_TABS 8

struct tabs {
	tui_screen base;
	struct tui_screen_ops ops;   /* named as the section */
	const struct tui_tabs_def *def;
	tui_screen *views[MAX_TABS];
	int cur;
};

static struct tabs *T(tui_screen *s)
{
	return (struct tabs *)s;
}

static tui_screen *cur(tui_screen *s)
{
	return T(s)->views[T(s)->cur];
}

static tui_ctxmask contexts(tui_screen *s, tui_app *app)
{
	tui_screen *v = cur(s);
	return v->ops->contexts(v, app) | TUI_CTXBIT(TUI_CTX_VIEWS);
}

static int enter(tui_screen *s, tui_app *app)
{
	tui_screen *v = cur(s);
	return v->ops->enter ? v->ops->enter(v, app) : TUI_REDRAW;
}

static int changed(tui_screen *s, tui_app *app)
{
	tui_screen *v = cur(s);
	return v->ops->changed ? v->ops->changed(v, app) : 0;
}

static void leave(tui_screen *s, tui_app *app)
{
	tui_screen *v = cur(s);
	if (v->ops->leave)
		v->ops->leave(v, app);
}

static void on_resize(tui_screen *s, tui_app *app)
{
	/* only the view shown: the others lay out when they are switched to */
	tui_screen *v = cur(s);
	v->inset = s->inset + 1;
	if (v->ops->on_resize)
		v->ops->on_resize(v, app);
}

static void draw_bar(struct tabs *t, tui_app *app)
{
	tui_rect r = tui_screen_area(app, &t->base);
	tui_screen *v = t->views[t->cur];
	int x = r.x + 1, end = r.x + r.w - 1;
	char right[256] = "";
	attr_t ra = tui_attr(TUI_S_LABEL) | A_BOLD;

	tui_fill(r.y, r.x, r.w, tui_attr(TUI_S_NORMAL));
	for (int i = 0; i < t->def->n && x < end; i++) {
		char label[96];
		int on = i == t->cur;
		snprintf(label, sizeof label, on ? "[%s]" : " %s ", _(t->def->tabs[i].name));
		x += tui_put(r.y, x, end - x, label, on ? tui_attr(TUI_S_TAB_ACTIVE) | A_BOLD
		             : tui_attr(TUI_S_DIM), TUI_CLIP) + 1;
	}
	if (v->ops->note)
		v->ops->note(v, right, sizeof right);
	if (!right[0]) {
		/* no filters to name: the key that shows the next view */
		tui_key keys[TUI_MAX_KEYS];
		char kb[16];
		if (tui_action_keys(TUI_A_VIEW_NEXT, keys) > 0)
			snprintf(right, sizeof right, _("%s: next view"), tui_key_label(keys[0], kb));
		ra = tui_attr(TUI_S_DIM);
	}
	if (right[0] && end - x > 4) {
		int w = tui_width(right);
		if (w > end - x - 2)
			w = end - x - 2;
		tui_put(r.y, end - w, w, right, ra, 0);
	}
}

static void draw(tui_screen *s, tui_app *app)
{
	draw_bar(T(s), app);
	cur(s)->ops->draw(cur(s), app);
}

static int switch_view(struct tabs *t, tui_app *app, int to)
{
	leave(&t->base, app);
	t->cur = (to + t->def->n) % t->def->n;
	on_resize(&t->base, app);
	return enter(&t->base, app) | TUI_REDRAW;
}

static int on_action(tui_screen *s, tui_app *app, enum tui_action a)
{
	struct tabs *t = T(s);
	tui_screen *v = cur(s);
	if (a == TUI_A_VIEW_NEXT)
		return switch_view(t, app, t->cur + 1);
	if (a == TUI_A_VIEW_PREV)
		return switch_view(t, app, t->cur - 1);
	return v->ops->on_action ? v->ops->on_action(v, app, a) : TUI_UNHANDLED;
}

static int on_key(tui_screen *s, tui_app *app, tui_key k)
{
	tui_screen *v = cur(s);
	return v->ops->on_key ? v->ops->on_key(v, app, k) : TUI_UNHANDLED;
}

static int on_result(tui_screen *s, tui_app *app, tui_screen *child, int tag, int result)
{
	tui_screen *v = cur(s);
	return v->ops->on_result ? v->ops->on_result(v, app, child, tag, result) : TUI_REDRAW;
}

static int idle(tui_screen *s, tui_app *app)
{
	tui_screen *v = cur(s);
	return v->ops->idle ? v->ops->idle(v, app) : 0;
}

static int offers(tui_screen *s, tui_app *app, enum tui_action a)
{
	tui_screen *v = cur(s);
	if (a == TUI_A_VIEW_NEXT || a == TUI_A_VIEW_PREV)
		return 1;
	return v->ops->offers ? v->ops->offers(v, app, a) : 1;
}

/* The view named view (the one shown for NULL), passing the focus on. */
static int show(tui_screen *s, tui_app *app, const char *view, const char *id)
{
	struct tabs *t = T(s);
	tui_screen *v;
	if (view) {
		int i = 0;
		while (i < t->def->n && strcmp(t->def->tabs[i].name, view) != 0)
			i++;
		if (i == t->def->n)
			return -1;
		if (i != t->cur)
			switch_view(t, app, i);
	}
	v = cur(s);
	return v->ops->show ? v->ops->show(v, app, NULL, id) : 0;
}

static void destroy(tui_screen *s)
{
	struct tabs *t = T(s);
	for (int i = 0; i < t->def->n; i++)
		if (t->views[i] && t->views[i]->ops->destroy)
			t->views[i]->ops->destroy(t->views[i]);
	free(t);
}

static const struct tui_screen_ops tabs_ops = {
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
	.show = show,
	.destroy = destroy,
};

tui_screen *tui_tabs_new(tui_app *app, const struct tui_tabs_def *def)
{
	struct tabs *t;
	if (def->n < 1 || def->n > MAX_TABS || !(t = calloc(1, sizeof *t)))
		return NULL;
	t->ops = tabs_ops;
	t->ops.name = def->name;
	t->base.ops = &t->ops;
	t->def = def;
	for (int i = 0; i < def->n; i++) {
		if (!(t->views[i] = def->tabs[i].make(app))) {
			destroy(&t->base);
			return NULL;
		}
		t->views[i]->inset = 1;
	}
	return &t->base;
}
