/* report_export.c — writing the report on screen to a file: a format and a
 * file name (save_as.h: in the current folder unless a path is given;
 * asks before replacing a file), written safely by the core's renderer. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/report.h"
#include "tui/form.h"
#include "tui/reports.h"
#include "tui/save_as.h"

static const struct tui_choice formats[] = {
	{ "html", N_("HTML with charts") },
	{ "md", N_("Markdown") },
	{ "text", N_("Plain text") },
};

static const struct tui_field_def fields[] = {
	{ "format", N_("File format"), TUI_FIELD_CHOICE, 0, 0, 0, 0, formats, 3, NULL,
	  N_("HTML opens in a web browser and prints well; Markdown and text suit e-mail") },
};

struct export {
	const struct lup_report *rep;
	char format[8];          /* the format as last seen, to follow its changes */
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
static void follow_format(struct tui_form *f, const char *field, void *ud)
{
	struct export *x = ud;
	const char *now = tui_form_get(f, "format"), *old_ext, *file;
	size_t n, e;
	if (strcmp(field, "format") != 0 || strcmp(now, x->format) == 0)
		return;
	old_ext = ext_of(x->format);
	file = tui_form_get(f, "file");
	n = strlen(file);
	e = strlen(old_ext);
	if (n > e && strcmp(file + n - e, old_ext) == 0) {
		char buf[PATH_MAX];
		snprintf(buf, sizeof buf, "%.*s%s", (int)(n - e), file, ext_of(now));
		tui_form_set(f, "file", buf);
	}
	snprintf(x->format, sizeof x->format, "%s", now);
}

static int write_report(void *ud, struct tui_form *f, const char *path, lup_err *err)
{
	struct export *x = ud;
	return lup_report_file(x->rep, format_of(tui_form_get(f, "format")), path, err);
}

tui_screen *tui_report_export_form(tui_app *app, const struct lup_report *r)
{
	struct export *x = calloc(1, sizeof *x);
	char name[64];
	tui_screen *s;
	(void)app;
	if (!x)
		return NULL;
	x->rep = r;
	snprintf(x->format, sizeof x->format, "html");
	/* TRANSLATORS: the default name of a written report; %s is its date */
	snprintf(name, sizeof name, _("lup-report-%s.html"), r->as_of);
	s = tui_save_as_form(_("Write the report to a file"), fields, 1, name,
	                     N_("A name in the current folder, or a path; ~ is your home folder"),
	                     _("Wrote the report to %s"), write_report, follow_format, free, x);
	if (s) {
		tui_form_set(tui_save_as_form_of(s), "format", "html");
		tui_form_mark_clean(tui_save_as_form_of(s));
	}
	return s;
}
