/* documents.c — writing a document from the screens (documents.h). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/shadowing.h"
#include "tui/documents.h"

int tui_print(tui_app *app, enum lup_doc_kind kind, const char *id, const char *person_id)
{
	struct lup_doc_opts o = { NULL, person_id, NULL };
	struct lup_doc_result *res = calloc(1, sizeof *res);
	const char *home = getenv("HOME");
	char shown[4200];
	lup_err err;

	if (!res) {
		tui_error(app, "%s", lup_err_oom_text());
		return TUI_REDRAW;
	}
	lup_err_clear(&err);
	if (lup_doc_print(tui_db(app), tui_config(app), kind, id, &o, res, &err) < 0) {
		tui_error(app, "%s", err.msg);
		free(res);
		return TUI_REDRAW;
	}
	/* The file's name first, where a narrow status line shows it; then
	 * its folder, ~ for the home folder. */
	{
		char *slash = strrchr(res->path, '/');
		const char *name = slash ? slash + 1 : res->path;
		if (slash)
			*slash = '\0';
		if (!slash)
			snprintf(shown, sizeof shown, ".");
		else if (home && *home && strncmp(res->path, home, strlen(home)) == 0 &&
		         (res->path[strlen(home)] == '/' || !res->path[strlen(home)]))
			snprintf(shown, sizeof shown, "~%s", res->path + strlen(home));
		else
			snprintf(shown, sizeof shown, "%s", res->path);
		tui_status(app, ngettext("Wrote %s (%d page) in %s.", "Wrote %s (%d pages) in %s.",
		                         (unsigned long)res->stats.pages), name, res->stats.pages, shown);
	}
	free(res);
	return TUI_REDRAW;
}

int tui_print_placement(tui_app *app, const char *placement_id)
{
	struct lup_placement p;
	enum lup_pstatus st;
	lup_err err;
	lup_err_clear(&err);
	if (lup_placement_get(tui_db(app), placement_id, &p, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return TUI_REDRAW;
	}
	st = p.status;
	lup_placement_clear(&p);
	return tui_print(app, st == LUP_PS_CONFIRMED || st == LUP_PS_COMPLETED ? LUP_DOC_ATTENDANCE
	                                                                        : LUP_DOC_AGREEMENT,
	                 placement_id, NULL);
}
