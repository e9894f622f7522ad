/* host_visits.c — the study visits made to one organisation: by cohort,
 * with who was there, then what the visits gave (the learning-log entries
 * about them).  Enter on a visit opens its attendance register. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/shadowing.h"
#include "tui/programme.h"
#include "tui/shadowing.h"
#include "tui/view.h"

#define VISITS_SHOWN 200
#define NOTES_SHOWN 30

struct host_visits {
	tui_screen base;
	char id[LUP_UUID_LEN + 1];
	char name[200];
	struct tui_view view;
};

static void load(struct host_visits *s, tui_app *app)
{
	struct lup_host_visit *v = calloc(VISITS_SHOWN, sizeof *v);
	struct lup_visit_note *notes = calloc(NOTES_SHOWN, sizeof *notes);
	struct lup_host h;
	lup_err err;
	int n, nn;

	tui_view_clear(&s->view);
	lup_host_init(&h);
	if (!v || !notes) {
		tui_error(app, "%s", _("out of memory"));
		goto out;
	}
	if (lup_host_get(tui_db(app), s->id, &h, &err) < 0) {
		tui_view_line(&s->view, TUI_S_DIM, "%s", err.msg);
		goto out;
	}
	snprintf(s->name, sizeof s->name, "%s", h.name);
	if ((n = lup_host_visits(tui_db(app), s->id, v, VISITS_SHOWN, &err)) < 0 ||
	    (nn = lup_host_visit_notes(tui_db(app), s->id, notes, NOTES_SHOWN, &err)) < 0) {
		tui_error(app, "%s", err.msg);
		goto out;
	}
	if (h.contact_name || h.contact_email || h.contact_phone)
		tui_view_field(&s->view, _("Contact"), "%s%s%s%s%s", h.contact_name ? h.contact_name : "",
		               h.contact_email ? "  " : "", h.contact_email ? h.contact_email : "",
		               h.contact_phone ? "  " : "", h.contact_phone ? h.contact_phone : "");
	if (n == 0) {
		tui_view_line(&s->view, TUI_S_DIM, "%s",
		              _("No study visits yet: a session whose host is this organisation is one."));
		goto out;
	}
	for (int i = 0; i < n; i++) {
		char what[200];
		if (i == 0 || strcmp(v[i].cohort_id, v[i - 1].cohort_id) != 0)
			tui_view_heading(&s->view, v[i].cohort);
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
		tui_view_item(&s->view, v[i].session_id, v[i].day, "%s  (%s)", v[i].title, what);
	}
	if (n == VISITS_SHOWN)
		tui_view_line(&s->view, TUI_S_DIM, _("(the first %d visits)"), VISITS_SHOWN);
	tui_view_heading(&s->view, _("What the visits gave"));
	if (nn == 0)
		tui_view_line(&s->view, TUI_S_DIM, "%s",
		              _("No learning-log entries about them yet: r in a visit's register writes one."));
	for (int i = 0; i < nn; i++) {
		size_t cut = strcspn(notes[i].text, "\n");
		tui_view_field(&s->view, notes[i].date, "%s (%s): %.*s%s", notes[i].person, notes[i].cohort,
		               (int)cut, notes[i].text, notes[i].cut || notes[i].text[cut] ? " …" : "");
	}
out:
	lup_host_clear(&h);
	free(v);
	free(notes);
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST);
}

static int enter(tui_screen *scr, tui_app *app)
{
	load((struct host_visits *)scr, app);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct host_visits *s = (struct host_visits *)scr;
	tui_rect r = tui_area(app);
	char title[300];
	snprintf(title, sizeof title, _("Study visits to %s"), s->name);
	tui_put(r.y, r.x + 1, r.w - 2, title, tui_attr(TUI_S_TITLE), 0);
	r.y += 1;
	r.h -= 1;
	r.x += 1;
	r.w -= 2;
	tui_view_draw(&s->view, app, r);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct host_visits *s = (struct host_visits *)scr;
	int r = tui_view_action(&s->view, app, a);
	const char *focused;
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_OPEN:
		focused = tui_view_focused(&s->view);
		if (!focused) {
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

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_FILTER && a != TUI_A_SORT;
}

static void destroy(tui_screen *scr)
{
	struct host_visits *s = (struct host_visits *)scr;
	tui_view_free(&s->view);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Study visits"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *tui_host_visits(tui_app *app, const char *host_id)
{
	struct host_visits *s = calloc(1, sizeof *s);
	(void)app;
	if (!s)
		return NULL;
	s->base.ops = &ops;
	snprintf(s->id, sizeof s->id, "%s", host_id);
	tui_view_init(&s->view);
	return &s->base;
}
