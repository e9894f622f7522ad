/* report_export.c — writing the report on screen to a file: a format and a
 * file name (in the current folder unless a path is given), written safely
 * by the core's renderer; asks before replacing a file. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lup/i18n.h"
#include "lup/util.h"
#include "lup/report.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/reports.h"
#include "tui/save_as.h"

enum { TAG_REPLACE = 1 };

static const struct tui_choice formats[] = {
	{ "html", N_("HTML with charts") },
	{ "md", N_("Markdown") },
	{ "text", N_("Plain text") },
};

static const struct tui_field_def fields[] = {
	{ "format", N_("File format"), TUI_FIELD_CHOICE, 0, 0, 0, 0, formats, 3, NULL,
	  N_("HTML opens in a web browser and prints well; Markdown and text suit e-mail") },
	{ "file", N_("File name"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, PATH_MAX - 1, 0, 0, NULL, 0, NULL,
	  N_("A name in the current folder, or a path; ~ is your home folder") },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct export_form {
	tui_screen base;
	const struct lup_report *rep;
	struct tui_form *form;
	char format[8];          /* the format as last seen, to follow its changes */
	char path[PATH_MAX];     /* the file to write, once asked */
};

static const char *ext_of(const char *format)
{
	if (strcmp(format, "md") == 0) return ".md";
	if (strcmp(format, "text") == 0) return ".txt";
	return ".html";
}

static enum lup_report_format format_of(const char *format)
{
	if (strcmp(format, "md") == 0) return LUP_REPORT_MD;
	if (strcmp(format, "text") == 0) return LUP_REPORT_TEXT;
	return LUP_REPORT_HTML;
}

/* When the format changes, a file name ending in the old format's
 * extension takes the new one. */
static void follow_format(struct export_form *s)
{
	const char *now = tui_form_get(s->form, "format"), *old_ext, *file;
	size_t n, e;
	if (strcmp(now, s->format) == 0)
		return;
	old_ext = ext_of(s->format);
	file = tui_form_get(s->form, "file");
	n = strlen(file);
	e = strlen(old_ext);
	if (n > e && strcmp(file + n - e, old_ext) == 0) {
		char buf[PATH_MAX];
		snprintf(buf, sizeof buf, "%.*s%s", (int)(n - e), file, ext_of(now));
		tui_form_set(s->form, "file", buf);
	}
	snprintf(s->format, sizeof s->format, "%s", now);
}

static int write_now(struct export_form *s, tui_app *app)
{
	lup_err err;
	char shown[PATH_MAX];
	lup_err_clear(&err);
	if (lup_report_file(s->rep, format_of(tui_form_get(s->form, "format")), s->path, &err) < 0) {
		tui_form_error(s->form, "file", err.msg);
		tui_error(app, "%s", err.msg);
		return TUI_REDRAW;
	}
	if (!realpath(s->path, shown))
		snprintf(shown, sizeof shown, "%s", s->path);
	tui_status(app, _("Wrote the report to %s"), shown);
	return tui_pop(app, TUI_SAVED);
}

static int save(struct export_form *s, tui_app *app)
{
	int r = tui_file_field(s->form, "file", app, TAG_REPLACE,
	                       _("A file of that name is there already; the report takes its place."),
	                       s->path, sizeof s->path);
	return r ? r : write_now(s, app);
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)app;
	return tui_form_contexts(((struct export_form *)scr)->form);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct export_form *s = (struct export_form *)scr;
	tui_rect r = tui_area(app);
	r.y += 2;
	r.h -= 4;
	r.x += 1;
	r.w -= 2;
	tui_form_layout(s->form, r);
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct export_form *s = (struct export_form *)scr;
	tui_rect r = tui_area(app);
	tui_put(r.y, r.x + 1, r.w - 2, _("Write the report to a file"), tui_attr(TUI_S_TITLE), 0);
	tui_draw_cwd(r);
	tui_form_draw(s->form, app);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	struct export_form *s = (struct export_form *)scr;
	int r = tui_form_key(s->form, app, k);
	follow_format(s);
	return r;
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct export_form *s = (struct export_form *)scr;
	int r;
	switch (a) {
	case TUI_A_SAVE:
		return save(s, app);
	case TUI_A_CANCEL:
		return tui_pop(app, TUI_CANCELLED);
	default:
		r = tui_form_action(s->form, app, a);
		follow_format(s);
		return r;
	}
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct export_form *s = (struct export_form *)scr;
	(void)child;
	if (tag == TAG_REPLACE && result == TUI_YES)
		return write_now(s, app);
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct export_form *s = (struct export_form *)scr;
	tui_form_free(s->form);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Write the report to a file"),
	.contexts = contexts,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.destroy = destroy,
};

tui_screen *tui_report_export_form(tui_app *app, const struct lup_report *r)
{
	struct export_form *s = calloc(1, sizeof *s);
	char name[64];
	(void)app;
	if (!s || !(s->form = tui_form_new(fields, NFIELDS, s))) {
		free(s);
		return NULL;
	}
	s->base.ops = &ops;
	s->rep = r;
	snprintf(s->format, sizeof s->format, "html");
	/* TRANSLATORS: the default name of a written report; %s is its date */
	snprintf(name, sizeof name, _("lup-report-%s.html"), r->as_of);
	tui_form_set(s->form, "format", "html");
	tui_form_set(s->form, "file", name);
	tui_form_focus(s->form, "file");
	tui_form_mark_clean(s->form);
	return &s->base;
}
