/* view_screen.c — the base of every detail view (view_screen.h). */
#include <stdio.h>
#include <stdlib.h>
#include "lup/i18n.h"
#include "tui/view_screen.h"

static struct tui_vscreen *VS(tui_screen *s)
{
	return (struct tui_vscreen *)s;
}

/* The view's rectangle: below the head, a column in from either side. */
static tui_rect area(struct tui_vscreen *vs)
{
	tui_rect r = tui_screen_area(vs->app, &vs->base);
	r.y += vs->def->head;
	r.h -= vs->def->head;
	r.x += 1;
	r.w -= 2;
	return r;
}

void tui_vscreen_gone(struct tui_vscreen *vs, const char *why)
{
	vs->gone = 1;
	tui_view_line(&vs->view, TUI_S_DIM, "%s", why);
}

void tui_vscreen_load(struct tui_vscreen *vs)
{
	vs->gone = 0;
	vs->width = area(vs).w;
	tui_view_clear(&vs->view);
	vs->def->load(vs, vs->app);
}

static tui_ctxmask contexts(tui_screen *s, tui_app *app)
{
	(void)app;
	return VS(s)->def->contexts;
}

static int enter(tui_screen *s, tui_app *app)
{
	(void)app;
	tui_vscreen_load(VS(s));
	return TUI_REDRAW;
}

static void on_resize(tui_screen *s, tui_app *app)
{
	struct tui_vscreen *vs = VS(s);
	(void)app;
	if ((vs->def->flags & TUI_VS_FOLLOWS_WIDTH) && vs->view.n && area(vs).w != vs->width)
		tui_vscreen_load(vs);
}

static void draw(tui_screen *s, tui_app *app)
{
	struct tui_vscreen *vs = VS(s);
	if (vs->def->draw)
		vs->def->draw(vs, app, tui_screen_area(app, s));
	tui_view_draw(&vs->view, app, area(vs));
}

/* Once the record is gone only the keys of every screen are left. */
static int for_gone(enum tui_action a)
{
	const struct tui_action_info *ai = tui_action_info(a);
	return ai && (ai->ctx == TUI_CTX_MAIN || ai->ctx == TUI_CTX_ANY);
}

static int on_action(tui_screen *s, tui_app *app, enum tui_action a)
{
	struct tui_vscreen *vs = VS(s);
	const struct tui_vscreen_def *d = vs->def;
	int r = tui_view_action(&vs->view, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	if (vs->gone && !for_gone(a))
		return 0;
	if (d->action) {
		r = d->action(vs, app, a);
		if (!(r & TUI_UNHANDLED))
			return r;
	}
	switch (a) {
	case TUI_A_EDIT:
		return d->form ? tui_push(app, d->form(vs), TUI_VS_TAG_FORM) : 0;
	case TUI_A_DELETE:
		return d->deleter ? tui_ask_delete(app, d->deleter, vs, vs->id, TUI_VS_TAG_DELETE) : 0;
	case TUI_A_ADD:
		return 0;   /* a view adds nothing */
	default:
		return TUI_UNHANDLED;
	}
}

static int on_result(tui_screen *s, tui_app *app, tui_screen *child, int tag, int result)
{
	struct tui_vscreen *vs = VS(s);
	if (vs->def->result) {
		int r = vs->def->result(vs, app, child, tag, result);
		if (!(r & TUI_UNHANDLED))
			return r;
	}
	if (tag == TUI_VS_TAG_DELETE && result == TUI_YES && tui_delete(app, vs->def->deleter, vs, vs->id) == 0)
		return tui_pop(app, TUI_DELETED);
	return TUI_REDRAW;   /* enter() reads the record again */
}

static int offers(tui_screen *s, tui_app *app, enum tui_action a)
{
	struct tui_vscreen *vs = VS(s);
	(void)app;
	if (a == TUI_A_ADD)
		return 0;
	return vs->def->offers ? vs->def->offers(vs, a) : 1;
}

static void destroy(tui_screen *s)
{
	struct tui_vscreen *vs = VS(s);
	if (vs->def->destroy)
		vs->def->destroy(vs);
	tui_view_free(&vs->view);
	free(vs);
}

static const struct tui_screen_ops base_ops = {
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.on_result = on_result,
	.offers = offers,
	.destroy = destroy,
};

void *tui_vscreen_new(tui_app *app, const struct tui_vscreen_def *def, size_t size, const char *id)
{
	struct tui_vscreen *vs;
	if (size < sizeof *vs || !(vs = calloc(1, size)))
		return NULL;
	vs->ops = base_ops;
	vs->ops.name = def->name;
	vs->base.ops = &vs->ops;
	vs->def = def;
	vs->app = app;
	snprintf(vs->id, sizeof vs->id, "%s", id ? id : "");
	tui_view_init(&vs->view);
	return vs;
}
