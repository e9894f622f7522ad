/* save_as.c — writing to a file from a screen (see save_as.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lup/i18n.h"
#include "lup/util.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/save_as.h"

enum { TAG_REPLACE = 1 };

struct save_as {
	tui_screen base;
	struct tui_form *form;
	struct tui_field_def fields[TUI_SAVE_AS_FIELDS + 1];   /* the caller's, then the file's */
	char title[300], done[200];
	char path[PATH_MAX];
	tui_save_fn write;
	tui_save_form_fn write_form;
	tui_form_changed_fn changed;
	void (*free_ud)(void *);
	void *ud;
	int reading;             /* a file to read: never asks about replacing */
};

int tui_expand_path(const char *typed_raw, char *out, size_t n)
{
	const char *home = getenv("HOME"), *typed;
	char buf[PATH_MAX];
	int w;
	snprintf(buf, sizeof buf, "%s", typed_raw);
	typed = lup_trim(buf);   /* spaces around a name are a slip of the finger */
	if ((typed[0] == '~' && (typed[1] == '/' || typed[1] == '\0')) && home && *home)
		w = snprintf(out, n, "%s%s", home, typed + 1);
	else if (strcmp(typed, "-") == 0)
		w = snprintf(out, n, "./-");
	else
		w = snprintf(out, n, "%s", typed);
	return w < 0 || (size_t)w >= n ? -1 : 0;
}

static int write_now(struct save_as *s, tui_app *app)
{
	lup_err err;
	char shown[PATH_MAX];
	lup_err_clear(&err);
	if ((s->write_form ? s->write_form(s->ud, s->form, s->path, &err) : s->write(s->ud, s->path, &err)) < 0) {
		tui_form_error(s->form, "file", err.msg);
		tui_error(app, "%s", err.msg);
		return TUI_REDRAW;
	}
	if (!realpath(s->path, shown))
		snprintf(shown, sizeof shown, "%s", s->path);
	tui_status(app, s->done, shown);
	return tui_pop(app, TUI_SAVED);
}

int tui_file_field(struct tui_form *f, const char *field, tui_app *app, int replace_tag, const char *why,
                   char *out, size_t n)
{
	const char *typed = tui_form_get(f, field);
	tui_form_error(f, field, NULL);
	if (lup_blank(typed)) {
		tui_form_error(f, field, _("Type a file name."));
		return TUI_REDRAW;
	}
	if (tui_expand_path(typed, out, n) < 0) {
		tui_form_error(f, field, _("The file name is too long."));
		return TUI_REDRAW;
	}
	if (replace_tag >= 0 && access(out, F_OK) == 0) {
		char q[PATH_MAX + 64];
		snprintf(q, sizeof q, _("Replace %s?"), typed);
		return tui_confirm(app, replace_tag, q, why);
	}
	return 0;
}

void tui_draw_cwd(tui_rect r)
{
	char cwd[PATH_MAX], line[PATH_MAX + 64];
	if (getcwd(cwd, sizeof cwd)) {
		snprintf(line, sizeof line, _("Current folder: %s"), cwd);
		tui_put(r.y + r.h - 1, r.x + 3, r.w - 4, line, tui_attr(TUI_S_DIM), 0);
	}
}

static int save(struct save_as *s, tui_app *app)
{
	int r = tui_file_field(s->form, "file", app, s->reading ? -1 : TAG_REPLACE,
	                       _("A file of that name is there already; the new one takes its place."),
	                       s->path, sizeof s->path);
	return r ? r : write_now(s, app);
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)app;
	return tui_form_contexts(((struct save_as *)scr)->form);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct save_as *s = (struct save_as *)scr;
	tui_rect r = tui_area(app);
	r.y += 2;
	r.h -= 4;
	r.x += 1;
	r.w -= 2;
	tui_form_layout(s->form, r);
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct save_as *s = (struct save_as *)scr;
	tui_rect r = tui_area(app);
	tui_put(r.y, r.x + 1, r.w - 2, s->title, tui_attr(TUI_S_TITLE), 0);
	tui_draw_cwd(r);
	tui_form_draw(s->form, app);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_form_key(((struct save_as *)scr)->form, app, k);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct save_as *s = (struct save_as *)scr;
	switch (a) {
	case TUI_A_SAVE:
		return save(s, app);
	case TUI_A_CANCEL:
		return tui_pop(app, TUI_CANCELLED);
	default:
		return tui_form_action(s->form, app, a);
	}
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	(void)child;
	if (tag == TAG_REPLACE && result == TUI_YES)
		return write_now((struct save_as *)scr, app);
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct save_as *s = (struct save_as *)scr;
	tui_form_free(s->form);
	if (s->free_ud)
		s->free_ud(s->ud);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Write to a file"),
	.contexts = contexts,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.destroy = destroy,
};

/* The caller's on_change, with the caller's ud. */
static void forward_change(struct tui_form *f, const char *field, void *ud)
{
	struct save_as *s = ud;
	s->changed(f, field, s->ud);
}

tui_screen *tui_save_as_form(const char *title, const struct tui_field_def *more, int nmore, const char *name,
                             const char *hint, const char *done_fmt, tui_save_form_fn write,
                             tui_form_changed_fn changed, void (*free_ud)(void *), void *ud)
{
	struct save_as *s = nmore >= 0 && nmore <= TUI_SAVE_AS_FIELDS ? calloc(1, sizeof *s) : NULL;
	if (!s) {
		if (free_ud)
			free_ud(ud);
		return NULL;
	}
	s->base.ops = &ops;
	if (nmore)
		memcpy(s->fields, more, (size_t)nmore * sizeof *more);
	s->fields[nmore] = (struct tui_field_def){ "file", N_("File name"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED,
	                                           PATH_MAX - 1, 0, 0, NULL, 0, NULL, hint };
	if (!(s->form = tui_form_new(s->fields, nmore + 1, s))) {
		if (free_ud)
			free_ud(ud);
		free(s);
		return NULL;
	}
	snprintf(s->title, sizeof s->title, "%s", title);
	snprintf(s->done, sizeof s->done, "%s", done_fmt);
	s->write_form = write;
	s->changed = changed;
	s->free_ud = free_ud;
	s->ud = ud;
	if (changed)
		tui_form_on_change(s->form, forward_change);
	tui_form_set(s->form, "file", name);
	tui_form_focus(s->form, "file");
	tui_form_mark_clean(s->form);
	return &s->base;
}

tui_screen *tui_save_as(const char *title, const char *name, const char *hint, const char *done_fmt,
                        tui_save_fn write, void (*free_ud)(void *), void *ud)
{
	tui_screen *scr = tui_save_as_form(title, NULL, 0, name, hint, done_fmt, NULL, NULL, free_ud, ud);
	if (scr)
		((struct save_as *)scr)->write = write;
	return scr;
}

tui_screen *tui_open_file(const char *title, const char *hint, const char *done_fmt, tui_save_fn read,
                          void (*free_ud)(void *), void *ud)
{
	tui_screen *scr = tui_save_as(title, "", hint, done_fmt, read, free_ud, ud);
	if (scr)
		((struct save_as *)scr)->reading = 1;
	return scr;
}

void *tui_save_as_ud(tui_screen *scr)
{
	return scr && scr->ops == &ops ? ((struct save_as *)scr)->ud : NULL;
}

struct tui_form *tui_save_as_form_of(tui_screen *scr)
{
	return scr && scr->ops == &ops ? ((struct save_as *)scr)->form : NULL;
}
