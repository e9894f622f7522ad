/* calendar_view.c — one session from the calendar: when and where, its
 * cohort, block and facilitators, a holiday it falls on, and its conflicts
 * (lup_session_conflicts), wrapped to the width of the screen. */
#include <stdlib.h>
#include <string.h>
#include "lup/cal.h"
#include "lup/conflict.h"
#include "lup/i18n.h"
#include "lup/lineedit.h"
#include "lup/programme.h"
#include "tui/calendar_int.h"
#include "tui/view_screen.h"

/* The marks of the calendar's lines (the agenda's and this view's). */
const char *cal_glyph_conflict(void) { return tui_utf8() ? "\u26a0" : "!"; }
const char *cal_glyph_holiday(void) { return tui_utf8() ? "\u2731" : "*"; }



static const char *or_dash(const char *s)
{
	return s && *s ? s : "–";
}

/* Lines of text no wider than width columns, broken at spaces (a word
 * longer than a line is cut), each with the given prefix on the first and
 * as much space on the others. */
static void wrapped(struct tui_view *v, enum tui_style st, const char *prefix, const char *text,
                    int width)
{
	int pw = tui_width(prefix), first = 1;
	const char *p = text;
	if (width - pw < 10)
		width = pw + 10;
	while (*p) {
		int used = 0;
		size_t fit = lup_utf8_fit(p, width - pw, &used), cut = fit;
		if (p[fit]) {   /* back to the last space that fits */
			size_t sp = fit;
			while (sp > 0 && p[sp] != ' ')
				sp--;
			if (sp > 0)
				cut = sp;
		}
		if (cut == 0)
			cut = strlen(p);
		tui_view_line(v, st, "%*s%.*s", first ? 0 : pw, first ? prefix : "", (int)cut, p);
		first = 0;
		p += cut;
		while (*p == ' ')
			p++;
	}
	if (first)
		tui_view_line(v, st, "%s", prefix);
}

static void when_text(const struct lup_session_row *r, char *buf, size_t n)
{
	lup_datetime a, e;
	if (lup_datetime_parse(r->starts_at, &a) < 0) {
		snprintf(buf, n, "%s", r->starts_at);
		return;
	}
	if (lup_datetime_parse(r->ends_at, &e) < 0 || lup_date_cmp(a.date, e.date) == 0 ||
	    (lup_date_diff(e.date, a.date) == 1 && e.hh == 0 && e.mm == 0)) {
		char span[40];
		cal_time_span(r->starts_at, r->ends_at, span, sizeof span);
		snprintf(buf, n, "%s %.10s %s", cal_weekday_abbr(lup_date_weekday(a.date)), r->starts_at, span);
	} else {
		snprintf(buf, n, "%s %s – %s %s", cal_weekday_abbr(lup_date_weekday(a.date)), r->starts_at,
		         cal_weekday_abbr(lup_date_weekday(e.date)), r->ends_at);
	}
}

static void load(struct tui_vscreen *vs, tui_app *app)
{
	struct lup_session_row r;
	struct lup_session full;
	struct lup_warnings w = { 0 };
	lup_err err;
	char b[256], wk[64];
	int kind, width = vs->width > 20 ? vs->width : 78;
	const char *hol;

	memset(&full, 0, sizeof full);
	lup_err_clear(&err);
	if (lup_session_row_get(tui_db(app), NULL, vs->id, &r, &err) < 0 ||
	    lup_session_get(tui_db(app), vs->id, &full, &err) < 0) {
		tui_vscreen_gone(vs, err.msg);
		lup_session_clear(&full);
		return;
	}
	tui_view_heading(&vs->view, r.title);
	when_text(&r, b, sizeof b);
	snprintf(wk, sizeof wk, C_("calendar", "Week %d"), r.isoweek);
	tui_view_field(&vs->view, C_("calendar", "When"), "%s · %s", b, wk);
	tui_view_field(&vs->view, C_("calendar", "Cohort"), "%s", or_dash(r.cohort));
	if (r.block[0])
		tui_view_field(&vs->view, C_("calendar", "Block"), "%s (%s)", r.block, lup_block_kind_label(r.block_kind));
	else
		tui_view_field(&vs->view, C_("calendar", "Block"), "%s", "–");
	tui_view_field(&vs->view, C_("calendar", "Kind"), "%s", lup_session_kind_label(r.kind));
	tui_view_field(&vs->view, C_("calendar", "Location"), "%s", or_dash(r.location));
	if (r.host[0])
		tui_view_field(&vs->view, C_("calendar", "Host"), "%s", r.host);
	tui_view_field(&vs->view, C_("calendar", "Facilitators"), "%s", or_dash(r.facilitators));
	hol = cal_session_holiday(r.starts_at, r.ends_at, &kind);
	if (hol)
		tui_view_field(&vs->view, C_("calendar", "Holiday"), "%s %s%s", cal_glyph_holiday(), hol,
		               kind == LUP_DAY_OFF ? _(" (day off)") : "");
	tui_view_field(&vs->view, _("Id"), "%s", r.id);
	if (full.notes && *full.notes) {
		tui_view_heading(&vs->view, C_("calendar", "Notes"));
		for (char *line = full.notes, *nl; line; line = nl ? nl + 1 : NULL) {
			if ((nl = strchr(line, '\n')))
				*nl = 0;
			wrapped(&vs->view, TUI_S_NORMAL, "", line, width - 2);
		}
	}

	lup_err_clear(&err);
	if (lup_session_conflicts(tui_db(app), vs->id, &w, &err) < 0) {
		tui_view_heading(&vs->view, C_("calendar", "Conflicts"));
		tui_view_line(&vs->view, TUI_S_ERROR, "%s", err.msg);
	} else {
		char h[96], pre[16];
		snprintf(h, sizeof h, "%s (%zu)", C_("calendar", "Conflicts"), w.n);
		tui_view_heading(&vs->view, h);
		if (!w.n)
			tui_view_line(&vs->view, TUI_S_GOOD, "%s", _("No conflicts."));
		snprintf(pre, sizeof pre, "%s ", cal_glyph_conflict());
		for (size_t i = 0; i < w.n; i++)
			wrapped(&vs->view, TUI_S_WARN, pre, w.v[i].msg ? w.v[i].msg : "", width - 2);
	}
	lup_warnings_clear(&w);
	lup_session_clear(&full);
}

static const struct tui_vscreen_def def = {
	.name = N_("Session in the calendar"),
	.contexts = TUI_VS_CONTEXTS,
	.flags = TUI_VS_FOLLOWS_WIDTH,
	.load = load,
};

tui_screen *cal_session_view(tui_app *app, const char *session_id)
{
	struct tui_vscreen *vs = tui_vscreen_new(app, &def, sizeof *vs, session_id);
	return vs ? &vs->base : NULL;
}
