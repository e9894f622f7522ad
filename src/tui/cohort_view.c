/* cohort_view.c — one cohort: its dates, seats and warnings at the top,
 * then one of two parts (Tab switches):
 *   sessions      date, week, time, title, block, kind, location and a
 *                 conflict marker; add, edit, delete, copy to next week or
 *                 to another cohort, take attendance;
 *   participants  enrolments with status, waitlist position, blocks met of
 *                 those the cohort runs and the day the seat counts from;
 *                 enrol (a picker marking several, as of a day), edit the
 *                 day and note, withdraw, back to the waitlist, mark
 *                 completions. */
#include <stdlib.h>
#include <string.h>
#include "lup/cal.h"
#include "lup/enrol.h"
#include "lup/i18n.h"
#include "tui/calendar.h"
#include "tui/changed.h"
#include "tui/dialog.h"
#include "tui/documents.h"
#include "tui/list.h"
#include "tui/people.h"
#include "tui/programme.h"

enum {
	TAG_SESSION_FORM = 1, TAG_COHORT_FORM, TAG_DEL_SESSION, TAG_WITHDRAW, TAG_ENROL,
	TAG_PICK_COHORT, TAG_REGISTER, TAG_PERSON, TAG_NOTICE, TAG_OTHER, TAG_CHANGED,
	TAG_ENROLMENT_FORM, TAG_UNSEAT, TAG_UNSEAT_CHANGED, TAG_COPY_WEEK
};
enum { PART_SESSIONS, PART_PEOPLE };
enum { S_DATE, S_WEEK, S_TIME, S_TITLE, S_BLOCK, S_KIND, S_LOC, S_CONF, NS };
enum { P_NAME, P_UNIT, P_STATUS, P_BLOCKS, P_SINCE, NP };

struct cohort_view {
	tui_screen base;
	tui_app *app;
	char id[LUP_ID_SIZE];
	struct lup_cohort_row row;
	char prog[LUP_ID_SIZE];
	char facilitators[300];
	int gone;
	struct lup_warnings warn;
	int part;
	struct tui_list sessions, people;
	int conflicts_on;             /* sessions are fetched with their conflicts */
	int sw[NS], pw[NP];
	int head;                     /* lines above the part tabs */
	char pending[LUP_ID_SIZE];    /* the session or enrolment asked about */
	char pending_name[200];
	char pending_status[16];      /* the enrolment's status as shown */
	struct tui_edit edit;         /* a withdrawal that met a change made elsewhere */
	struct tui_edit unseat;       /* back to the waitlist, the same */
	int position;                 /* the place in line it gave */
	struct lup_promotions moved;
};

/* ---- sessions ---- */

static int s_fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct cohort_view *s = l->ud;
	struct lup_session_query q = { s->id, s->conflicts_on };
	return lup_session_page(tui_db(s->app), &q, from, dir, n, rows, err);
}

static int s_count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct cohort_view *s = l->ud;
	struct lup_session_query q = { s->id, 0 };
	if (lup_session_count(tui_db(s->app), &q, total, err) < 0)
		return -1;
	*matching = *total;
	return 0;
}

static void s_header(struct tui_list *l, int y, int x, int width)
{
	struct cohort_view *s = l->ud;
	const char *t[NS] = { _("Date"), _("Week"), _("Time"), _("Title"), _("Block"), _("Kind"),
	                      _("Location"), "!" };
	(void)width;
	for (int c = 0; c < NS; c++) {
		if (s->sw[c] > 0)
			tui_put(y, x, s->sw[c], t[c], tui_attr(TUI_S_HEADER), 0);
		x += s->sw[c] + (s->sw[c] > 0);
	}
}

static void session_time(const struct lup_session_row *r, char *buf, size_t n)
{
	if (strncmp(r->starts_at, r->ends_at, 10) == 0)
		snprintf(buf, n, "%.5s–%.5s", r->starts_at + 11, r->ends_at + 11);
	else
		snprintf(buf, n, "%.5s→%.5s", r->starts_at + 11, r->ends_at + 5);
}

static void s_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct cohort_view *s = l->ud;
	const struct lup_session_row *r = row;
	char date[11], week[8], time[32], conf[16] = "";
	const char *cells[NS];
	(void)width;
	snprintf(date, sizeof date, "%.10s", r->starts_at);
	snprintf(week, sizeof week, "%d", r->isoweek);
	session_time(r, time, sizeof time);
	if (r->conflicts > 0)
		snprintf(conf, sizeof conf, "!%d", r->conflicts);
	cells[S_DATE] = date;
	cells[S_WEEK] = week;
	cells[S_TIME] = time;
	cells[S_TITLE] = r->title;
	cells[S_BLOCK] = r->block;
	cells[S_KIND] = lup_session_kind_label(r->kind);
	cells[S_LOC] = r->location[0] ? r->location : r->host;
	cells[S_CONF] = conf;
	for (int c = 0; c < NS; c++) {
		attr_t ca = a;
		if (s->sw[c] <= 0)
			continue;
		if (c == S_CONF && !(a & A_REVERSE))
			ca = tui_attr(TUI_S_WARN);
		tui_put(y, x, s->sw[c], cells[c], ca, 0);
		x += s->sw[c] + 1;
	}
}

static const char *s_empty(struct tui_list *l)
{
	(void)l;
	return _("No sessions yet: press a to add one.");
}

static const struct tui_list_ops session_ops = {
	.fetch = s_fetch, .count = s_count, .draw_row = s_row,
	.draw_header = s_header, .empty_text = s_empty,
};

/* ---- participants ---- */

static int p_fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct cohort_view *s = l->ud;
	struct lup_enrolment_query q = { s->id, 1 };
	return lup_enrolment_page(tui_db(s->app), &q, from, dir, n, rows, err);
}

static int p_count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct cohort_view *s = l->ud;
	struct lup_enrolment_query q = { s->id, 1 };
	if (lup_enrolment_count(tui_db(s->app), &q, total, err) < 0)
		return -1;
	*matching = *total;
	return 0;
}

static void p_header(struct tui_list *l, int y, int x, int width)
{
	struct cohort_view *s = l->ud;
	const char *t[NP] = { _("Name"), _("Unit"), _("Status"), _("Blocks met"), _("Since") };
	(void)width;
	for (int c = 0; c < NP; c++) {
		if (s->pw[c] > 0)
			tui_put(y, x, s->pw[c], t[c], tui_attr(TUI_S_HEADER), 0);
		x += s->pw[c] + (s->pw[c] > 0);
	}
}

static void p_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct cohort_view *s = l->ud;
	const struct lup_enrolment_row *r = row;
	char status[96], blocks[32] = "", since[11];
	const char *cells[NP];
	enum tui_style st = TUI_S_NORMAL;
	(void)width;
	if (strcmp(r->status, "waitlisted") == 0) {
		/* TRANSLATORS: a status and a waitlist position, e.g. "waitlisted (2)". */
		snprintf(status, sizeof status, _("%s (%d)"), lup_enrol_status_label(r->status),
		         r->waitlist_pos);
		st = TUI_S_WARN;
	} else {
		snprintf(status, sizeof status, "%s", lup_enrol_status_label(r->status));
		if (strcmp(r->status, "completed") == 0)
			st = TUI_S_GOOD;
		else if (strcmp(r->status, "withdrawn") == 0)
			st = TUI_S_DIM;
	}
	if (r->blocks > 0)
		snprintf(blocks, sizeof blocks, "%d/%d", r->blocks_met, r->blocks);
	else if (strcmp(r->status, "enrolled") == 0 || strcmp(r->status, "completed") == 0)
		snprintf(blocks, sizeof blocks, "%s", tui_utf8() ? "–" : "-");   /* no block run yet */
	if (strcmp(r->status, "withdrawn") == 0 && r->ended_on[0])
		snprintf(since, sizeof since, "%s", r->ended_on);
	else if (r->enrolled_on[0])
		snprintf(since, sizeof since, "%s", r->enrolled_on);
	else
		snprintf(since, sizeof since, "%.10s", r->requested_at);
	cells[P_NAME] = r->name;
	cells[P_UNIT] = r->org_unit;
	cells[P_STATUS] = status;
	cells[P_BLOCKS] = blocks;
	cells[P_SINCE] = since;
	for (int c = 0; c < NP; c++) {
		attr_t ca = a;
		if (s->pw[c] <= 0)
			continue;
		if (!(a & A_REVERSE) && (c == P_STATUS || (st == TUI_S_DIM && c == P_NAME)))
			ca = tui_attr(st);
		tui_put(y, x, s->pw[c], cells[c], ca, 0);
		x += s->pw[c] + 1;
	}
}

static const char *p_empty(struct tui_list *l)
{
	(void)l;
	return _("Nobody is enrolled yet: press a to pick people.");
}

static const struct tui_list_ops people_ops = {
	.fetch = p_fetch, .count = p_count, .draw_row = p_row,
	.draw_header = p_header, .empty_text = p_empty,
};

/* ---- loading and layout ---- */

static void load(struct cohort_view *s, tui_app *app)
{
	struct lup_cohort_query q = { NULL, NULL, NULL, NULL };
	struct lup_cohort c;
	lup_err err;
	lup_err_clear(&err);
	lup_warnings_clear(&s->warn);
	if (lup_cohort_row_get(tui_db(app), &q, s->id, &s->row, &err) < 0 ||
	    lup_cohort_get(tui_db(app), s->id, &c, &err) < 0) {
		s->gone = 1;
		tui_error(app, "%s", err.msg);
		return;
	}
	s->gone = 0;
	snprintf(s->prog, sizeof s->prog, "%s", c.programme_id);
	snprintf(s->facilitators, sizeof s->facilitators, "%s", c.facilitators ? c.facilitators : "");
	lup_cohort_clear(&c);
	if (lup_cohort_warnings(tui_db(app), tui_config(app), s->id, &s->warn, &err) < 0)
		tui_error(app, "%s", err.msg);
}

/* Warning lines shown at the top: all that fit in a third of the screen. */
static int warn_lines(const struct cohort_view *s, tui_rect r)
{
	int max = r.h >= 30 ? 6 : 2;
	return (int)s->warn.n < max ? (int)s->warn.n : max;
}

static void layout(struct cohort_view *s, tui_app *app)
{
	tui_rect r = tui_area(app), lr;
	int avail = r.w - 3, rest;
	static const int smin[NS] = { 10, 5, 11, 12, 8, 11, 8, 3 };
	static const int pmin[NP] = { 16, 10, 18, 11, 10 };
	int flex;

	s->head = 2 + warn_lines(s, r);
	lr = r;
	lr.y += s->head + 1;
	lr.h -= s->head + 1;
	/* sessions: title, block and location share what is left */
	for (int c = 0; c < NS; c++)
		s->sw[c] = smin[c];
	rest = avail - (NS - 1);
	for (int c = 0; c < NS; c++)
		rest -= smin[c];
	if (avail < 100) {
		/* narrow: the title names the block already (as made from it) */
		rest += s->sw[S_BLOCK] + 1;
		s->sw[S_BLOCK] = 0;
	}
	if (rest > 0) {
		flex = rest;
		if (s->sw[S_BLOCK]) {
			s->sw[S_TITLE] += flex / 2;
			s->sw[S_BLOCK] += flex / 4;
			s->sw[S_LOC] += flex - flex / 2 - flex / 4;
		} else {
			s->sw[S_TITLE] += flex * 2 / 3;
			s->sw[S_LOC] += flex - flex * 2 / 3;
		}
	}
	for (int c = 0; c < NP; c++)
		s->pw[c] = pmin[c];
	rest = avail - (NP - 1);
	for (int c = 0; c < NP; c++)
		rest -= pmin[c];
	if (rest > 0) {
		s->pw[P_NAME] += rest / 2;
		s->pw[P_UNIT] += rest - rest / 2;
	}
	tui_list_layout(&s->sessions, app, lr);
	tui_list_layout(&s->people, app, lr);
}

static struct tui_list *part_list(struct cohort_view *s)
{
	return s->part == PART_SESSIONS ? &s->sessions : &s->people;
}

/* ---- the screen ---- */

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PROGRAMME) | TUI_CTXBIT(TUI_CTX_COHORT) |
	       TUI_CTXBIT(TUI_CTX_DOCUMENTS);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	layout((struct cohort_view *)scr, app);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct cohort_view *s = (struct cohort_view *)scr;
	int head = s->head;
	load(s, app);
	if (2 + warn_lines(s, tui_area(app)) != head)
		layout(s, app);
	/* conflicts take a few milliseconds a session at 50,000 people:
	 * they are counted once no key waits */
	s->conflicts_on = 0;
	tui_list_reload(&s->sessions, app, NULL);
	tui_list_reload(&s->people, app, NULL);
	return TUI_REDRAW;
}

static void draw_tabs(struct cohort_view *s, int y, tui_rect r)
{
	char a[160], b[160], seats[64], keys[32], hint[64];
	int x = r.x + 1;
	tui_prog_seats(s->row.enrolled, s->row.capacity, s->row.waitlisted, seats, sizeof seats);
	snprintf(a, sizeof a, _("Sessions (%ld)"), s->row.sessions);
	snprintf(b, sizeof b, _("Participants %s"), seats);
	tui_fill(y, r.x, r.w, tui_attr(TUI_S_NORMAL));
	for (int i = 0; i < 2; i++) {
		const char *t = i == 0 ? a : b;
		char lab[200];
		int on = s->part == i;
		snprintf(lab, sizeof lab, on ? "[ %s ]" : "  %s  ", t);
		x += tui_put(y, x, r.x + r.w - x, lab, on ? tui_attr(TUI_S_TAB_ACTIVE) : tui_attr(TUI_S_DIM), 0);
		x += 1;
	}
	tui_action_keys_text(TUI_A_SWITCH_PART, keys, sizeof keys);
	if (*keys) {
		char *comma = strchr(keys, ',');
		if (comma)
			*comma = '\0';
		snprintf(hint, sizeof hint, _("%s switches"), keys);
		if (x + tui_width(hint) + 2 < r.x + r.w)
			tui_put(y, r.x + r.w - tui_width(hint) - 1, tui_width(hint), hint, tui_attr(TUI_S_DIM), 0);
	}
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct cohort_view *s = (struct cohort_view *)scr;
	tui_rect r = tui_area(app);
	char line[600], dates[64], weeks[32], seats[64];
	int y = r.y, nw;

	if (s->gone) {
		tui_put(r.y + 1, r.x + 2, r.w - 4, _("This cohort is gone: press q to go back."),
		        tui_attr(TUI_S_DIM), 0);
		tui_cursor(app, r.y + 1, r.x + 2);
		return;
	}
	tui_prog_dates(s->row.start_date, s->row.end_date, dates, sizeof dates);
	tui_prog_weeks(s->row.start_date, s->row.end_date, weeks, sizeof weeks);
	tui_prog_seats(s->row.enrolled, s->row.capacity, s->row.waitlisted, seats, sizeof seats);
	{
		int x = r.x + 1;
		x += tui_put(y, x, r.w - 2, s->row.name, tui_attr(TUI_S_TITLE), 0);
		snprintf(line, sizeof line, "  %s%s%s%s · %s · %s", dates, *weeks ? " (" : "", weeks,
		         *weeks ? ")" : "", lup_cohort_status_label(s->row.status), seats);
		tui_put(y, x, r.x + r.w - 1 - x, line, tui_attr(TUI_S_NORMAL), 0);
	}
	y++;
	if (s->facilitators[0])
		snprintf(line, sizeof line, _("Facilitators: %s"), s->facilitators);
	else
		snprintf(line, sizeof line, "%s", _("No facilitators given."));
	tui_put(y++, r.x + 1, r.w - 2, line, tui_attr(TUI_S_DIM), 0);
	nw = warn_lines(s, r);
	for (int i = 0; i < nw; i++) {
		if (i == nw - 1 && (int)s->warn.n > nw) {
			char keys[32];
			tui_action_keys_text(TUI_A_WARNINGS, keys, sizeof keys);
			snprintf(line, sizeof line, ngettext("! %s (and %d more: %s shows all)", "! %s (and %d more: %s shows all)",
			                                     (unsigned long)((int)s->warn.n - nw)), s->warn.v[i].msg,
			         (int)s->warn.n - nw, keys);
		} else {
			snprintf(line, sizeof line, "! %s", s->warn.v[i].msg);
		}
		tui_put(y++, r.x + 1, r.w - 2, line, tui_attr(TUI_S_WARN), 0);
	}
	draw_tabs(s, r.y + s->head, r);
	tui_list_draw(part_list(s), app);
}

static int idle(tui_screen *scr, tui_app *app)
{
	struct cohort_view *s = (struct cohort_view *)scr;
	int r = tui_list_idle(&s->sessions, app) | tui_list_idle(&s->people, app);
	if (!s->conflicts_on && !s->gone) {
		s->conflicts_on = 1;
		tui_list_reload(&s->sessions, app, NULL);
		r |= TUI_REDRAW;
	}
	return r;
}

/* Focus a session by id in the sessions part. */
static void focus_session(struct cohort_view *s, tui_app *app, const char *id)
{
	struct lup_session_query q = { s->id, 0 };
	struct lup_session_row row;
	lup_err err;
	if (lup_session_row_get(tui_db(app), &q, id, &row, &err) == 0)
		tui_list_reload(&s->sessions, app, &row);
}


/* Deleting a session, and the attendance taken for it. */
static int session_describe(tui_app *app, void *ud, const char *id, char *what, size_t n,
                            lup_buf *detail, lup_err *err)
{
	struct cohort_view *s = ud;
	struct lup_session_query q = { s->id, 0 };
	struct lup_session_row row;
	if (lup_session_row_get(tui_db(app), &q, id, &row, err) < 0)
		return -1;
	/* the day first: a long title is cut at the end of the question, the
	 * day that tells two sessions apart is not */
	snprintf(what, n, _("the session of %.10s, %s"), row.starts_at, row.title);
	if (row.marked > 0)
		lup_buf_printf(detail, ngettext("The attendance taken for %d person goes with it.",
		                                "The attendance taken for %d people goes with it.",
		                                (unsigned long)row.marked), row.marked);
	else
		lup_buf_puts(detail, _("No attendance was taken for it."));
	return 0;
}

static int session_remove(tui_app *app, void *ud, const char *id, char *said, size_t n, lup_err *err)
{
	(void)ud; (void)said; (void)n;
	return lup_session_delete(tui_db(app), id, err);
}

static const struct tui_deleter session_deleter = { session_describe, session_remove };

/* Copy a session `days` later into cohort_id (NULL: this one) and say
 * where it went. */
static int copy_session(struct cohort_view *s, tui_app *app, const char *session_id,
                        const char *cohort_id, const char *cohort_name, int days)
{
	struct lup_session out;
	struct lup_warnings w = { 0 };
	lup_err err;
	lup_datetime dt;
	char where[300], warn[600] = "";
	int week = 0;

	lup_err_clear(&err);
	memset(&out, 0, sizeof out);
	if (lup_session_copy(tui_db(app), tui_config(app), session_id, cohort_id, days, &out, &w,
	                     &err) < 0) {
		tui_error(app, "%s", err.msg);
		lup_warnings_clear(&w);
		return TUI_REDRAW;
	}
	if (lup_datetime_parse(out.starts_at, &dt) == 0)
		week = lup_date_isoweek(dt.date, NULL);
	if (cohort_name)
		snprintf(where, sizeof where, _("Copied to %s: %s, week %d."), cohort_name, out.starts_at, week);
	else
		snprintf(where, sizeof where, _("Copied to %s, week %d."), out.starts_at, week);
	if (w.n > 0)
		snprintf(warn, sizeof warn, ngettext(" %d warning: %s", " %d warnings: %s", (unsigned long)w.n),
		         (int)w.n, w.v[0].msg ? w.v[0].msg : "");
	tui_status(app, "%s%s", where, warn);
	load(s, app);
	if (!cohort_name)
		focus_session(s, app, out.id);
	lup_session_clear(&out);
	lup_warnings_clear(&w);
	return TUI_REDRAW;
}

/* n makes a new session: it asks first (n answers No in every question),
 * naming the day the copy would get. */
static int ask_copy_week(struct cohort_view *s, tui_app *app, const struct lup_session_row *sr)
{
	lup_datetime dt;
	char q[400], day[11] = "";
	if (lup_datetime_parse(sr->starts_at, &dt) == 0) {
		lup_date to = lup_date_add(dt.date, 7);
		lup_date_format(to, day);
		snprintf(q, sizeof q, _("Copy %s to %s %s (week %d)?"), sr->title, day, sr->starts_at + 11,
		         lup_date_isoweek(to, NULL));
	} else {
		snprintf(q, sizeof q, _("Copy %s to the same weekday next week?"), sr->title);
	}
	memcpy(s->pending, sr->id, sizeof s->pending);
	return tui_confirm(app, TAG_COPY_WEEK, q, NULL);
}

/* Every warning of the cohort and every conflict of its sessions. */
static int show_warnings(struct cohort_view *s, tui_app *app)
{
	struct lup_warnings w = { 0 };
	lup_err err;
	char title[300];
	lup_err_clear(&err);
	if (lup_cohort_warnings(tui_db(app), tui_config(app), s->id, &w, &err) < 0 ||
	    lup_cohort_conflicts(tui_db(app), s->id, &w, &err) < 0) {
		tui_error(app, "%s", err.msg);
		lup_warnings_clear(&w);
		return TUI_REDRAW;
	}
	if (w.n == 0) {
		tui_status(app, _("No warnings and no conflicts for %s."), s->row.name);
		return TUI_REDRAW;
	}
	snprintf(title, sizeof title, _("Warnings and conflicts: %s"), s->row.name);
	{
		tui_screen *n = tui_notice_warnings(title, &w);
		lup_warnings_clear(&w);
		return tui_push(app, n, TAG_NOTICE);
	}
}

static int ask_withdraw(struct cohort_view *s, tui_app *app, const struct lup_enrolment_row *e)
{
	char q[300];
	const char *detail;
	if (strcmp(e->status, "withdrawn") == 0 || strcmp(e->status, "completed") == 0) {
		tui_error(app, _("%s is %s: there is nothing to withdraw."), e->name,
		          lup_enrol_status_label(e->status));
		return TUI_REDRAW;
	}
	memcpy(s->pending, e->id, sizeof s->pending);
	snprintf(s->pending_name, sizeof s->pending_name, "%s", e->name);
	snprintf(s->pending_status, sizeof s->pending_status, "%s", e->status);
	snprintf(q, sizeof q, _("Withdraw %s from %s?"), e->name, s->row.name);
	if (strcmp(e->status, "waitlisted") == 0)
		detail = _("They leave the waitlist, and those after them move up a place.");
	else if (s->row.waitlisted > 0)
		detail = _("Their seat goes to the first person on the waitlist. Their attendance so far is kept.");
	else
		detail = _("Their seat becomes free. Their attendance so far is kept.");
	return tui_confirm(app, TAG_WITHDRAW, q, detail);
}

static int save_withdrawal(void *ud, tui_app *app, struct lup_merge_report *mr, lup_err *err)
{
	struct cohort_view *s = ud;
	s->moved.n = 0;
	return lup_enrol_withdraw_edit(tui_db(app), s->pending, s->pending_status, &s->moved, mr, err);
}

/* After the withdrawal was saved (rc 0), not (-1), or looked at again. */
static int withdrawn(struct cohort_view *s, tui_app *app, int rc)
{
	char names[400];
	if (rc != 0 || tui_edit_kept(&s->edit))
		return rc == TUI_PUSH ? rc : TUI_REDRAW;
	if (s->moved.n > 0) {
		tui_prog_names(&s->moved, names, sizeof names);
		tui_status(app, _("Withdrew %s. %s moved up from the waitlist."), s->pending_name, names);
	} else {
		tui_status(app, _("Withdrew %s."), s->pending_name);
	}
	return TUI_REDRAW;
}

static int ask_unseat(struct cohort_view *s, tui_app *app, const struct lup_enrolment_row *e)
{
	char q[300];
	if (strcmp(e->status, "enrolled") != 0) {
		tui_error(app, _("%s is %s: only someone holding a seat can go back to the waitlist."), e->name,
		          lup_enrol_status_label(e->status));
		return TUI_REDRAW;
	}
	memcpy(s->pending, e->id, sizeof s->pending);
	snprintf(s->pending_name, sizeof s->pending_name, "%s", e->name);
	snprintf(s->pending_status, sizeof s->pending_status, "%s", e->status);
	snprintf(q, sizeof q, _("Move %s back to the waitlist of %s?"), e->name, s->row.name);
	return tui_confirm(app, TAG_UNSEAT, q,
		s->row.enrolled > s->row.capacity
		? _("They give up their seat and go first in line; the cohort holds more people than its "
		    "capacity, so nobody else moves up.")
		: _("They give up their seat and go first in line; the first person waiting takes the seat."));
}

static int save_unseat(void *ud, tui_app *app, struct lup_merge_report *mr, lup_err *err)
{
	struct cohort_view *s = ud;
	s->moved.n = 0;
	s->position = 0;
	return lup_enrol_unseat_edit(tui_db(app), s->pending, s->pending_status, &s->position, &s->moved,
	                             mr, err);
}

/* After the move to the waitlist was saved (rc 0), not (-1), or looked
 * at again: the status line names who lost the seat, and who got it. */
static int unseated(struct cohort_view *s, tui_app *app, int rc)
{
	char names[400];
	if (rc != 0 || tui_edit_kept(&s->unseat))
		return rc == TUI_PUSH ? rc : TUI_REDRAW;
	if (s->moved.n > 0) {
		tui_prog_names(&s->moved, names, sizeof names);
		tui_status(app, _("%s lost the seat and is number %d on the waitlist; %s got it."),
		           s->pending_name, s->position, names);
	} else {
		tui_status(app, _("%s lost the seat and is number %d on the waitlist; nobody moved up."),
		           s->pending_name, s->position);
	}
	return TUI_REDRAW;
}

static void complete(struct cohort_view *s, tui_app *app)
{
	lup_err err;
	int n;
	lup_err_clear(&err);
	if ((n = lup_cohort_complete(tui_db(app), s->id, &err)) < 0) {
		tui_error(app, "%s", err.msg);
		return;
	}
	if (n == 0)
		tui_status(app, "%s", _("Nobody more has met every block: no one was marked as completed."));
	else
		tui_status(app, ngettext("%d participant marked as completed.",
		                         "%d participants marked as completed.", (unsigned long)n), n);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct cohort_view *s = (struct cohort_view *)scr;
	struct tui_list *l = part_list(s);
	const struct lup_session_row *sr = s->part == PART_SESSIONS ? tui_list_focused(&s->sessions) : NULL;
	const struct lup_enrolment_row *er = s->part == PART_PEOPLE ? tui_list_focused(&s->people) : NULL;
	int r;

	if (a == TUI_A_FILTER || a == TUI_A_SORT)
		return 0;
	r = tui_list_action(l, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	if (s->gone)
		return TUI_UNHANDLED;
	switch (a) {
	case TUI_A_SWITCH_PART:
		s->part = s->part == PART_SESSIONS ? PART_PEOPLE : PART_SESSIONS;
		return TUI_REDRAW;
	case TUI_A_CALENDAR:
		return tui_push(app, tui_calendar_screen(app, s->id), TAG_OTHER);
	case TUI_A_BLOCKS:
		return tui_push(app, tui_blocks_screen(app, s->prog), TAG_OTHER);
	case TUI_A_WARNINGS:
		return show_warnings(s, app);
	case TUI_A_EDIT_COHORT:
		return tui_push(app, tui_cohort_form(app, s->prog, s->id), TAG_COHORT_FORM);
	default:
		break;
	}
	if (s->part == PART_SESSIONS) {
		switch (a) {
		case TUI_A_ADD:
			return tui_push(app, tui_session_form(app, s->id, NULL), TAG_SESSION_FORM);
		case TUI_A_EDIT:
			return sr ? tui_push(app, tui_session_form(app, s->id, sr->id), TAG_SESSION_FORM) : 0;
		case TUI_A_DELETE:
			if (!sr)
				return 0;
			snprintf(s->pending, sizeof s->pending, "%s", sr->id);
			return tui_ask_delete(app, &session_deleter, s, s->pending, TAG_DEL_SESSION);
		case TUI_A_OPEN: case TUI_A_ATTENDANCE:
			return sr ? tui_push(app, tui_register_screen(app, sr->id), TAG_REGISTER) : 0;
		case TUI_A_COPY_NEXT_WEEK:
			return sr ? ask_copy_week(s, app, sr) : 0;
		case TUI_A_COPY_TO_COHORT:
			if (!sr)
				return 0;
			memcpy(s->pending, sr->id, sizeof s->pending);
			return tui_push(app, tui_cohort_picker(app, _("Copy the session to which cohort?"), s->id),
			                TAG_PICK_COHORT);
		case TUI_A_WITHDRAW: case TUI_A_COMPLETE: case TUI_A_UNSEAT:
			tui_status(app, "%s", _("That is for participants: Tab shows them."));
			return TUI_REDRAW;
		case TUI_A_PRINT:
			return sr ? tui_print(app, LUP_DOC_SHEET, sr->id, NULL) : 0;
		default:
			return TUI_UNHANDLED;
		}
	}
	switch (a) {
	case TUI_A_ADD:
		return tui_push(app, tui_enrol_picker(app, s->id), TAG_ENROL);
	case TUI_A_OPEN:
		return er ? tui_push(app, tui_person_view(app, er->person_id), TAG_PERSON) : 0;
	case TUI_A_WITHDRAW: case TUI_A_DELETE:
		return er ? ask_withdraw(s, app, er) : 0;
	case TUI_A_UNSEAT:
		return er ? ask_unseat(s, app, er) : 0;
	case TUI_A_COMPLETE:
		complete(s, app);
		return TUI_REDRAW;
	case TUI_A_PRINT:
		return er ? tui_print(app, LUP_DOC_CERTIFICATE, s->id, er->person_id) : 0;
	case TUI_A_EDIT:
		return er ? tui_push(app, tui_enrolment_form(app, er->id), TAG_ENROLMENT_FORM) : 0;
	case TUI_A_COPY_NEXT_WEEK: case TUI_A_COPY_TO_COHORT: case TUI_A_ATTENDANCE:
		tui_status(app, "%s", _("That is for sessions: Tab shows them."));
		return TUI_REDRAW;
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct cohort_view *s = (struct cohort_view *)scr;
	(void)app;
	switch (a) {
	case TUI_A_FILTER: case TUI_A_SORT: case TUI_A_CALENDAR:
		return 0;
	case TUI_A_WITHDRAW: case TUI_A_COMPLETE: case TUI_A_UNSEAT:
		return s->part == PART_PEOPLE;
	case TUI_A_OPEN:
		return 1;   /* a participant's person view; a session's register */
	case TUI_A_COPY_NEXT_WEEK: case TUI_A_COPY_TO_COHORT: case TUI_A_ATTENDANCE:
	case TUI_A_DELETE:
		return s->part == PART_SESSIONS;
	default:
		return 1;
	}
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct cohort_view *s = (struct cohort_view *)scr;
	tui_screen *notice = NULL;
	lup_err err;
	if (tag == TAG_SESSION_FORM && result == TUI_SAVED) {
		const char *id = tui_session_form_id(child);
		notice = tui_session_form_report(app, child);
		if (id && *id)
			focus_session(s, app, id);
	} else if (tag == TAG_COHORT_FORM && result == TUI_SAVED) {
		notice = tui_cohort_form_report(app, child);
	} else if (tag == TAG_COPY_WEEK && result == TUI_YES) {
		return copy_session(s, app, s->pending, NULL, NULL, 7);
	} else if (tag == TAG_DEL_SESSION && result == TUI_YES) {
		tui_delete(app, &session_deleter, s, s->pending);
	} else if (tag == TAG_WITHDRAW && result == TUI_YES) {
		return withdrawn(s, app, tui_edit_run(&s->edit, app, TAG_CHANGED));
	} else if (tag == TAG_CHANGED) {
		return withdrawn(s, app, tui_edit_answer(&s->edit, app, result, TAG_CHANGED));
	} else if (tag == TAG_UNSEAT && result == TUI_YES) {
		return unseated(s, app, tui_edit_run(&s->unseat, app, TAG_UNSEAT_CHANGED));
	} else if (tag == TAG_UNSEAT_CHANGED) {
		return unseated(s, app, tui_edit_answer(&s->unseat, app, result, TAG_UNSEAT_CHANGED));
	} else if (tag == TAG_ENROLMENT_FORM && result == TUI_SAVED) {
		tui_status(app, "%s", _("Saved."));
	} else if (tag == TAG_PICK_COHORT && result == TUI_SAVED) {
		const char *to = tui_cohort_picked(child);
		struct lup_cohort c;
		if (to && *to && lup_cohort_get(tui_db(app), to, &c, &err) == 0) {
			char name[200];
			snprintf(name, sizeof name, "%s", c.name ? c.name : "");
			lup_cohort_clear(&c);
			copy_session(s, app, s->pending, to, name, 0);
		}
	}
	if (notice) {
		enter(scr, app);   /* the screen under the notice shows the change */
		return tui_push(app, notice, TAG_NOTICE);
	}
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct cohort_view *s = (struct cohort_view *)scr;
	tui_list_free(&s->sessions);
	tui_list_free(&s->people);
	lup_warnings_clear(&s->warn);
	tui_edit_free(&s->edit);
	tui_edit_free(&s->unseat);
	lup_promotions_clear(&s->moved);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Cohort"),
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.offers = offers,
	.changed = enter,
	.destroy = destroy,
};

tui_screen *tui_cohort_view(tui_app *app, const char *id)
{
	struct cohort_view *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	snprintf(s->id, sizeof s->id, "%s", id);
	s->edit.save = save_withdrawal;
	s->edit.ud = s;
	s->unseat.save = save_unseat;
	s->unseat.ud = s;
	tui_list_init(&s->sessions, &session_ops, s, sizeof(struct lup_session_row), 1);
	tui_list_init(&s->people, &people_ops, s, sizeof(struct lup_enrolment_row), 1);
	load(s, app);
	s->head = 2 + warn_lines(s, tui_area(app));
	return &s->base;
}
