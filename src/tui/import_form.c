/* import_form.c — the first step of importing people: which file, its
 * delimiter and encoding (found by themselves unless chosen).  ^S reads
 * the file and checks every row against the database without storing
 * anything, then shows the preview. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lup/i18n.h"
#include "lup/util.h"
#include "lup/import.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/import.h"
#include "tui/save_as.h"

enum { TAG_PREVIEW = 1 };

static const struct tui_choice delimiters[] = {
	{ "auto", N_("Detect") },
	{ "comma", N_("Comma") },
	{ "semicolon", N_("Semicolon") },
	{ "tab", N_("Tab") },
};

static const struct tui_choice encodings[] = {
	{ "auto", N_("Detect") },
	{ "UTF-8", N_("UTF-8") },
	{ "WINDOWS-1252", N_("Windows-1252") },
};

static const struct tui_field_def fields[] = {
	{ "file", N_("CSV file"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, PATH_MAX - 1, 0, 0, NULL, 0, NULL,
	  N_("A name in the current folder, or a path; ~ is your home folder") },
	{ "delimiter", N_("Delimiter"), TUI_FIELD_CHOICE, 0, 0, 0, 0, delimiters, 4, NULL,
	  N_("Detect reads it from the header line: comma, semicolon (as Swedish Excel writes) or tab") },
	{ "encoding", N_("Character encoding"), TUI_FIELD_CHOICE, 0, 0, 0, 0, encodings, 3, NULL,
	  N_("Detect takes UTF-8 when the file is valid UTF-8, else Windows-1252") },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct import_form {
	tui_screen base;
	struct tui_form *form;
	int pending;              /* read the file when idle */
	char path[PATH_MAX];
};

static int start(struct import_form *s, tui_app *app)
{
	int r = tui_file_field(s->form, "file", app, -1, NULL, s->path, sizeof s->path);
	if (r)
		return r;
	s->pending = 1;
	tui_status(app, _("Reading %s…"), tui_form_get(s->form, "file"));
	return TUI_REDRAW;
}

/* Read and check the file (when no key is waiting), then show the preview. */
static int read_now(struct import_form *s, tui_app *app)
{
	struct lup_import_opts o;
	struct lup_import_counts c;
	const char *d = tui_form_get(s->form, "delimiter"), *e = tui_form_get(s->form, "encoding");
	lup_import *im = NULL;
	lup_err err;
	int rc;

	memset(&o, 0, sizeof o);
	if (strcmp(d, "auto") != 0)
		lup_import_delimiter_parse(d, &o.delimiter);
	if (strcmp(e, "auto") != 0)
		o.encoding = e;
	lup_err_clear(&err);
	if (lup_import_read_file(s->path, &o, &im, &err) < 0) {
		tui_form_error(s->form, "file", err.msg);
		tui_error(app, "%s", _("The file cannot be imported: see under its name."));
		return TUI_REDRAW;
	}
	lup_err_clear(&err);
	rc = lup_import_run(tui_db(app), im, 1, &c, &err);
	if (rc < 0 && err.code != LUP_EINVAL) {
		tui_error(app, "%s", err.msg);
		lup_import_free(im);
		return TUI_REDRAW;
	}
	tui_status(app, "%s", "");   /* "Reading …" is done */
	return tui_push(app, tui_import_preview(app, im, tui_form_get(s->form, "file"), &c, rc == 0),
	                TAG_PREVIEW);
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)app;
	return tui_form_contexts(((struct import_form *)scr)->form) | TUI_CTXBIT(TUI_CTX_IMPORT);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct import_form *s = (struct import_form *)scr;
	tui_rect r = tui_area(app);
	r.y += 2;
	r.h -= 6;
	r.x += 1;
	r.w -= 2;
	tui_form_layout(s->form, r);
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct import_form *s = (struct import_form *)scr;
	tui_rect r = tui_area(app);
	tui_put(r.y, r.x + 1, r.w - 2, _("Import people from a CSV file"), tui_attr(TUI_S_TITLE), 0);
	tui_put_wrapped(r.y + r.h - 4, r.x + 3, r.w - 4, 3,
	                _("The header line names the columns, in Swedish or English: Namn, E-post, "
	                  "Telefon, Enhet, Roll, Chef, Anställningsnummer. A row updates the person with "
	                  "its employee number, else its e-mail; anyone else is added."),
	                tui_attr(TUI_S_DIM), 1);
	tui_draw_cwd(r);
	tui_form_draw(s->form, app);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_form_key(((struct import_form *)scr)->form, app, k);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct import_form *s = (struct import_form *)scr;
	switch (a) {
	case TUI_A_IMPORT_RUN:
		return start(s, app);
	case TUI_A_IMPORT_CANCEL:
		return tui_pop(app, TUI_CANCELLED);
	default:
		return tui_form_action(s->form, app, a);
	}
}

static int idle(tui_screen *scr, tui_app *app)
{
	struct import_form *s = (struct import_form *)scr;
	if (!s->pending)
		return 0;
	s->pending = 0;
	return read_now(s, app);
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	(void)scr; (void)child;
	if (tag == TAG_PREVIEW && result == TUI_IMPORTED)
		return tui_pop(app, TUI_IMPORTED);
	if (tag == TAG_PREVIEW)
		tui_status(app, "%s", _("Nothing was imported."));
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct import_form *s = (struct import_form *)scr;
	tui_form_free(s->form);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Import people"),
	.contexts = contexts,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.destroy = destroy,
};

tui_screen *tui_import_form(tui_app *app)
{
	struct import_form *s = calloc(1, sizeof *s);
	(void)app;
	if (!s || !(s->form = tui_form_new(fields, NFIELDS, s))) {
		free(s);
		return NULL;
	}
	s->base.ops = &ops;
	tui_form_set(s->form, "delimiter", "auto");
	tui_form_set(s->form, "encoding", "auto");
	tui_form_mark_clean(s->form);
	return &s->base;
}
