/* placement_view.c — one placement: status and what the next step needs,
 * participant, host, dates, travel and grant, checklist, warnings, cancel
 * reason, objectives, reflection and the learning log.  > moves it on,
 * x cancels it, l adds to the log, e edits, d deletes.  The log's entries
 * take the focus (Down reaches them): on an entry, e edits its date and
 * text and d deletes it. */
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/dialog.h"
#include "tui/documents.h"
#include "tui/shadowing.h"
#include "tui/view_screen.h"

enum { TAG_CANCEL = 1, TAG_LOG, TAG_LOG_EDIT, TAG_LOG_DELETE, TAG_ADVANCE };
#define LOG_SHOWN 50

struct placement_view {
	struct tui_vscreen vs;
	enum lup_pstatus status;
	char entry[LUP_UUID_LEN + 1];      /* the log entry asked about, or to focus */
};

static const char *or_dash(const char *s)
{
	return s && *s ? s : "–";
}

static const char *yes_no(int v)
{
	return v ? _("Yes") : _("No");
}

/* Each line of a multi-line text, indented under its heading. */
static void text_lines(struct tui_view *v, const char *text, const char *none)
{
	const char *p = text;
	if (!text || !*text) {
		tui_view_line(v, TUI_S_DIM, "%s", none);
		return;
	}
	while (*p) {
		size_t n = strcspn(p, "\n");
		tui_view_line(v, TUI_S_NORMAL, "%.*s", (int)n, p);
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* The first key of an action, as its name ("l", "Down"). */
static const char *first_key(enum tui_action a, char buf[32])
{
	tui_key k[TUI_MAX_KEYS];
	char kb[16];
	snprintf(buf, 32, "%s", tui_action_keys(a, k) > 0 ? tui_key_label(k[0], kb) : "?");
	return buf;
}

static void load(struct tui_vscreen *vs, tui_app *app)
{
	struct placement_view *s = (struct placement_view *)vs;
	struct lup_placement p;
	struct lup_person person;
	struct lup_host host;
	struct lup_pwarnings w;
	struct lup_log_row log[LOG_SHOWN];
	lup_err err;
	int next, n;

	if (lup_placement_get(tui_db(app), vs->id, &p, &err) < 0) {
		tui_vscreen_gone(vs, err.msg);
		return;
	}
	s->status = p.status;
	memset(&person, 0, sizeof person);
	lup_host_init(&host);
	lup_person_get(tui_db(app), p.person_id, &person, &err);
	lup_host_get(tui_db(app), p.host_id, &host, &err);

	{
		char title[400];
		snprintf(title, sizeof title, _("%s at %s"), or_dash(person.name), or_dash(host.name));
		tui_view_heading(&vs->view, title);
	}
	tui_view_field(&vs->view, _("Status"), "%s", lup_pstatus_label(p.status));
	next = lup_pstatus_next(p.status);
	if (next >= 0) {
		lup_err_clear(&err);
		if (lup_placement_can_move(&p, (enum lup_pstatus)next, lup_date_today(), NULL, &err) == 0) {
			tui_view_field(&vs->view, _("Next step"), _("ready to be %s: press >"),
			               lup_pstatus_label((enum lup_pstatus)next));
		} else {
			/* what is missing, without "the placement cannot be … yet:" */
			const char *what = strstr(err.msg, ": ");
			tui_view_field(&vs->view, _("Next step"), _("%s needs: %s"),
			               lup_pstatus_label((enum lup_pstatus)next), what ? what + 2 : err.msg);
		}
	}
	if (p.status == LUP_PS_CANCELLED)
		tui_view_field(&vs->view, _("Cancel reason"), "%s", or_dash(p.cancel_reason));
	tui_view_field(&vs->view, _("Participant"), "%s", or_dash(person.name));
	tui_view_field(&vs->view, _("Host organisation"), "%s%s%s (%s)", or_dash(host.name),
	               host.city ? ", " : "", host.city ? host.city : "", lup_country_name(host.country));
	tui_view_field(&vs->view, _("Host mentor"), "%s", or_dash(p.mentor));
	{
		long days = lup_placement_days(p.start_date, p.end_date);
		if (days > 0)
			tui_view_field(&vs->view, _("Dates"), ngettext("%s to %s, %ld day", "%s to %s, %ld days",
			               (unsigned long)days), p.start_date, p.end_date, days);
		else
			tui_view_field(&vs->view, _("Dates"), "%s – %s", or_dash(p.start_date), or_dash(p.end_date));
	}
	tui_view_field(&vs->view, _("Travel"), ngettext("%d travel day%s", "%d travel days%s",
	               (unsigned long)p.travel_days), p.travel_days,
	               p.green_travel ? _(", green travel") : "");
	if (host.has_coords) {
		double km = lup_home_distance_km(tui_config(app), host.lat, host.lon);
		enum lup_band band = lup_distance_band(km);
		char label[64];
		lup_band_label(band, label, sizeof label);
		tui_view_field(&vs->view, _("Travel grant"), _("%d EUR (%.0f km, band %s%s)"),
		               lup_band_grant(band, p.green_travel), km, label,
		               p.green_travel && lup_band_info(band)->green_eur > 0 ? _(", green rate") : "");
	}

	tui_view_heading(&vs->view, _("Checklist"));
	tui_view_field(&vs->view, _("Objectives"), "%s", yes_no(!lup_blank(p.objectives)));
	tui_view_field(&vs->view, _("Agreement signed"), "%s", yes_no(p.agreement_signed));
	tui_view_field(&vs->view, _("Travel booked"), "%s", yes_no(p.travel_booked));
	tui_view_field(&vs->view, _("Insurance"), "%s", yes_no(p.insurance));
	tui_view_field(&vs->view, _("Report received"), "%s", yes_no(p.report_received));

	lup_err_clear(&err);
	n = lup_placement_warnings(tui_db(app), tui_config(app), &p, &w, &err);
	if (n < 0) {
		tui_error(app, "%s", err.msg);
	} else if (n > 0) {
		tui_view_heading(&vs->view, _("Warnings"));
		for (int i = 0; i < w.n; i++)
			tui_view_line(&vs->view, TUI_S_WARN, "! %s", w.msg[i]);
	}

	tui_view_heading(&vs->view, _("Objectives"));
	text_lines(&vs->view, p.objectives, _("none yet: the learning agreement is needed to agree"));
	tui_view_heading(&vs->view, _("Reflection"));
	text_lines(&vs->view, p.reflection, _("none yet"));

	tui_view_heading(&vs->view, _("Learning log"));
	lup_err_clear(&err);
	n = lup_placement_log_page(tui_db(app), vs->id, NULL, 1, LOG_SHOWN, log, &err);
	if (n < 0)
		tui_error(app, "%s", err.msg);
	else if (n == 0)
		tui_view_line(&vs->view, TUI_S_DIM, "%s", _("no entries yet: press l to add one"));
	for (int i = 0; i < n; i++)
		tui_view_item(&vs->view, log[i].id, log[i].date, "%s%s", log[i].text,
		              log[i].cut ? tui_glyph_ellipsis() : "");
	if (n == LOG_SHOWN)
		tui_view_line(&vs->view, TUI_S_DIM, _("(the first %d entries)"), LOG_SHOWN);
	if (n > 0) {
		char k1[32], k2[32], k3[32], k4[32];
		tui_view_line(&vs->view, TUI_S_DIM, _("%s adds an entry; %s moves to one, %s edits it, "
		              "%s deletes it"), first_key(TUI_A_LOG_ADD, k1), first_key(TUI_A_DOWN, k2),
		              first_key(TUI_A_EDIT, k3), first_key(TUI_A_DELETE, k4));
	}

	lup_person_clear(&person);
	lup_host_clear(&host);
	lup_placement_clear(&p);
	if (s->entry[0]) {   /* an entry just added */
		tui_view_focus(&vs->view, s->entry);
		s->entry[0] = 0;
	}
}

static tui_screen *form(struct tui_vscreen *vs)
{
	return tui_placement_form(vs->app, vs->id, NULL, NULL);
}

static int action(struct tui_vscreen *vs, tui_app *app, enum tui_action a)
{
	struct placement_view *s = (struct placement_view *)vs;
	const char *entry = tui_view_focused(&vs->view);
	int rc;
	switch (a) {
	case TUI_A_EDIT:   /* on a log entry: the entry */
		return entry ? tui_push(app, tui_log_edit_form(app, vs->id, entry), TAG_LOG_EDIT) : TUI_UNHANDLED;
	case TUI_A_DELETE:
		if (!entry)
			return TUI_UNHANDLED;
		snprintf(s->entry, sizeof s->entry, "%s", entry);
		return tui_ask_delete(app, &tui_log_deleter, NULL, entry, TAG_LOG_DELETE);
	case TUI_A_ADVANCE:
		if ((rc = tui_placement_advance(app, vs->id, s->status, TAG_ADVANCE)) == TUI_PUSH)
			return rc;
		if (rc == 0)
			tui_vscreen_load(vs);
		return TUI_REDRAW;
	case TUI_A_CANCEL_PLACEMENT:
		return tui_push(app, tui_cancel_form(app, vs->id), TAG_CANCEL);
	case TUI_A_LOG_ADD:
		return tui_push(app, tui_log_form(app, vs->id), TAG_LOG);
	case TUI_A_PRINT:
		return tui_print_placement(app, vs->id);
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(struct tui_vscreen *vs, enum tui_action a)
{
	struct placement_view *s = (struct placement_view *)vs;
	if (a == TUI_A_ADVANCE || a == TUI_A_CANCEL_PLACEMENT)
		return !vs->gone && lup_pstatus_next(s->status) >= 0;
	return a != TUI_A_FILTER_STATUS;
}

static int result(struct tui_vscreen *vs, tui_app *app, tui_screen *child, int tag, int result)
{
	struct placement_view *s = (struct placement_view *)vs;
	switch (tag) {
	case TUI_VS_TAG_FORM:
		if (result == TUI_SAVED)
			tui_placement_saved_status(app, tui_placement_form_warnings(child));
		return TUI_REDRAW;
	case TAG_ADVANCE:
		return tui_placement_advance_answer(app, result, TAG_ADVANCE) == TUI_PUSH ? TUI_PUSH : TUI_REDRAW;
	case TAG_LOG:
		/* focus the new entry (enter() reads the view again first) */
		if (result == TUI_SAVED)
			snprintf(s->entry, sizeof s->entry, "%s", tui_log_form_entry(child));
		return TUI_REDRAW;
	case TAG_LOG_DELETE:
		/* the entry after it takes the focus when the view is rebuilt */
		if (result == TUI_YES)
			tui_delete(app, &tui_log_deleter, NULL, s->entry);
		s->entry[0] = 0;
		return TUI_REDRAW;
	default:
		return TUI_UNHANDLED;
	}
}

static const struct tui_vscreen_def def = {
	.name = N_("Placement"),
	.contexts = TUI_VS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PLACEMENTS) |
	            TUI_CTXBIT(TUI_CTX_DOCUMENTS),
	.load = load, .form = form, .deleter = &tui_placement_deleter,
	.action = action, .result = result, .offers = offers,
};

tui_screen *tui_placement_view(tui_app *app, const char *id)
{
	struct placement_view *s = tui_vscreen_new(app, &def, sizeof *s, id);
	return s ? &s->vs.base : NULL;
}
