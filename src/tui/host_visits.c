/* host_visits.c — the study visits made to one organisation: by cohort,
 * with who was there, then what the visits gave (the learning-log entries
 * about them).  Enter on a visit opens its attendance register. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/shadowing.h"
#include "tui/programme.h"
#include "tui/shadowing.h"
#include "tui/view_screen.h"

#define VISITS_SHOWN 200
#define NOTES_SHOWN 30

struct host_visits {
	struct tui_vscreen vs;
	char name[200];
};

static void load(struct tui_vscreen *vs, tui_app *app)
{
	struct host_visits *s = (struct host_visits *)vs;
	struct lup_host_visit *v = calloc(VISITS_SHOWN, sizeof *v);
	struct lup_visit_note *notes = calloc(NOTES_SHOWN, sizeof *notes);
	struct lup_host h;
	lup_err err;
	int n, nn;

	lup_host_init(&h);
	if (!v || !notes) {
		tui_error(app, "%s", lup_err_oom_text());
		goto out;
	}
	if (lup_host_get(tui_db(app), vs->id, &h, &err) < 0) {
		tui_vscreen_gone(vs, err.msg);
		goto out;
	}
	snprintf(s->name, sizeof s->name, "%s", h.name);
	if ((n = lup_host_visits(tui_db(app), vs->id, v, VISITS_SHOWN, &err)) < 0 ||
	    (nn = lup_host_visit_notes(tui_db(app), vs->id, notes, NOTES_SHOWN, &err)) < 0) {
		tui_error(app, "%s", err.msg);
		goto out;
	}
	if (h.contact_name || h.contact_email || h.contact_phone)
		tui_view_field(&vs->view, _("Contact"), "%s%s%s%s%s", h.contact_name ? h.contact_name : "",
		               h.contact_email ? "  " : "", h.contact_email ? h.contact_email : "",
		               h.contact_phone ? "  " : "", h.contact_phone ? h.contact_phone : "");
	if (n == 0) {
		tui_view_line(&vs->view, TUI_S_DIM, "%s",
		              _("No study visits yet: a session whose host is this organisation is one."));
		goto out;
	}
	for (int i = 0; i < n; i++) {
		char what[200];
		if (i == 0 || strcmp(v[i].cohort_id, v[i - 1].cohort_id) != 0)
			tui_view_heading(&vs->view, v[i].cohort);
		if (!v[i].held)
			snprintf(what, sizeof what, "%s", _("still to come"));
		else if (v[i].marked == 0)
			snprintf(what, sizeof what, "%s", _("no attendance taken"));
		else
			snprintf(what, sizeof what, ngettext("%ld present", "%ld present", (unsigned long)v[i].present),
			         v[i].present);
		if (v[i].entries > 0) {
			size_t len = strlen(what);
			snprintf(what + len, sizeof what - len,
			         ngettext(" · %ld learning-log entry", " · %ld learning-log entries",
			                  (unsigned long)v[i].entries), v[i].entries);
		}
		tui_view_item(&vs->view, v[i].session_id, v[i].day, "%s  (%s)", v[i].title, what);
	}
	if (n == VISITS_SHOWN)
		tui_view_line(&vs->view, TUI_S_DIM, _("(the first %d visits)"), VISITS_SHOWN);
	tui_view_heading(&vs->view, _("What the visits gave"));
	if (nn == 0)
		tui_view_line(&vs->view, TUI_S_DIM, "%s",
		              _("No learning-log entries about them yet: r in a visit's register writes one."));
	for (int i = 0; i < nn; i++) {
		tui_view_field(&vs->view, notes[i].date, "%s (%s): %s%s", notes[i].person, notes[i].cohort,
		               notes[i].text, notes[i].cut ? " …" : "");
	}
out:
	lup_host_clear(&h);
	free(v);
	free(notes);
}

static void draw(struct tui_vscreen *vs, tui_app *app, tui_rect r)
{
	char title[300];
	(void)app;
	snprintf(title, sizeof title, _("Study visits to %s"), ((struct host_visits *)vs)->name);
	tui_put(r.y, r.x + 1, r.w - 2, title, tui_attr(TUI_S_TITLE), 0);
}

static int action(struct tui_vscreen *vs, tui_app *app, enum tui_action a)
{
	const char *focused;
	switch (a) {
	case TUI_A_OPEN:
		if (!(focused = tui_view_focused(&vs->view))) {
			tui_status(app, "%s", _("Move to a visit (↓) and press Enter for its register."));
			return TUI_REDRAW;
		}
		return tui_push(app, tui_register_screen(app, focused), 1);
	case TUI_A_FILTER: case TUI_A_SORT:
		return 0;
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(struct tui_vscreen *vs, enum tui_action a)
{
	(void)vs;
	return a != TUI_A_FILTER && a != TUI_A_SORT;
}

static const struct tui_vscreen_def def = {
	.name = N_("Study visits"),
	.contexts = TUI_VS_CONTEXTS | TUI_CTXBIT(TUI_CTX_LIST),
	.head = 1, .load = load, .draw = draw, .action = action, .offers = offers,
};

tui_screen *tui_host_visits(tui_app *app, const char *host_id)
{
	struct host_visits *s = tui_vscreen_new(app, &def, sizeof *s, host_id);
	return s ? &s->vs.base : NULL;
}
