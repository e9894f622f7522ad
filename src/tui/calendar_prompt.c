/* calendar_prompt.c — one line to type in a box over the calendar (a date
 * to go to, a file to write): a form of one field, where Enter (the form's
 * "next field") carries it out, as ^S does, and Esc cancels. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "tui/calendar_int.h"
#include "tui/draw.h"
#include "tui/form.h"

struct prompt {
	tui_screen base;
	char *title;
	struct tui_field_def def;
	struct tui_form *form;
	cal_prompt_fn fn;
	void *ud;
	tui_rect box;
};

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)app;
	return tui_form_contexts(((struct prompt *)scr)->form);
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_NEXT_FIELD && a != TUI_A_PREV_FIELD;
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct prompt *s = (struct prompt *)scr;
	tui_rect r = tui_area(app), in;
	int w = r.w - 4 > 100 ? 100 : r.w - 4;
	s->box.h = 7;   /* the line, up to three of a message under it, a hint */
	s->box.w = w;
	s->box.x = r.x + (r.w - w) / 2;
	s->box.y = r.y + r.h - s->box.h - 1;
	if (s->box.y < r.y)
		s->box.y = r.y;
	in.y = s->box.y + 1;
	in.x = s->box.x + 1;
	in.h = 5;
	in.w = w - 2;
	tui_form_layout(s->form, in);
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct prompt *s = (struct prompt *)scr;
	tui_box(s->box.y, s->box.x, s->box.h, s->box.w, s->title, tui_attr(TUI_S_DIALOG));
	tui_form_draw(s->form, app);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_form_key(((struct prompt *)scr)->form, app, k);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct prompt *s = (struct prompt *)scr;
	lup_err err;
	switch (a) {
	case TUI_A_NEXT_FIELD: case TUI_A_SAVE:
		lup_err_clear(&err);
		if (s->fn(s->ud, app, tui_form_get(s->form, "value"), &err) < 0) {
			tui_form_error(s->form, "value", err.msg[0] ? err.msg : _("That did not work."));
			return TUI_REDRAW;
		}
		return tui_pop(app, TUI_SAVED);
	case TUI_A_CANCEL:
		return tui_pop(app, TUI_CANCELLED);
	case TUI_A_PREV_FIELD:
		return 0;
	default:
		return tui_form_action(s->form, app, a);
	}
}

static void destroy(tui_screen *scr)
{
	struct prompt *s = (struct prompt *)scr;
	tui_form_free(s->form);
	free(s->title);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Prompt"),
	.contexts = contexts,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *cal_prompt(const char *title, const char *label, const char *help, const char *value,
                       int maxlen, cal_prompt_fn fn, void *ud)
{
	struct prompt *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->base.flags = TUI_SCREEN_OVERLAY;
	s->def.name = "value";
	s->def.label = label;
	s->def.type = TUI_FIELD_TEXT;
	s->def.maxlen = maxlen;
	s->def.help = help;
	s->fn = fn;
	s->ud = ud;
	if (!(s->title = strdup(title)) || !(s->form = tui_form_new(&s->def, 1, ud))) {
		free(s->title);
		free(s);
		return NULL;
	}
	tui_form_set(s->form, "value", value ? value : "");
	tui_form_mark_clean(s->form);
	return &s->base;
}
