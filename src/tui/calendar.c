/* calendar.c — the Programme section's calendar: an agenda of sessions by
 * date under ISO week headings, and a month grid with week numbers, for
 * every cohort or one; jump to today or to a typed date; export what is
 * shown as iCalendar.
 *
 * The agenda holds only the sessions on screen, paged from the core by
 * keyset (lup_agenda_page), so it costs the same at 190 sessions as at
 * 30,000.  A session's conflicts take a few queries each: they are counted
 * once no key is waiting (idle), a few rows at a time, and remembered. */
#include <stdlib.h>
#include <string.h>
#include "lup/agenda.h"
#include "lup/i18n.h"
#include "lup/ics.h"
#include "tui/calendar.h"
#include "tui/calendar_int.h"
#include "tui/draw.h"

enum { V_AGENDA, V_MONTH };
enum { TAG_VIEW = 1, TAG_GOTO, TAG_EXPORT, TAG_PICK };
enum { C_DAY, C_TIME, C_COHORT, C_TITLE, C_PLACE, C_NOTES, NCOLS };

#define CACHE 512          /* conflict counts remembered */
#define CONFLICTS_PER_IDLE 2
#define MAX_DAYROWS 32     /* the focused day's sessions under the month */

struct conf_cache {
	char id[LUP_ID_SIZE];
	int n;
};

struct cal {
	tui_screen base;
	tui_app *app;
	char cohort_id[LUP_ID_SIZE];   /* "" for every cohort */
	char cohort[128];
	int view;
	lup_date day;                  /* the day in focus */
	tui_rect r;
	/* agenda: the rows on screen (rows), scratch space (buf) */
	struct lup_session_row *rows, *buf;
	int nrows, lines, focus;       /* lines: body lines for rows and headings */
	int colw[NCOLS];
	/* month */
	struct lup_month month;
	int month_loaded;
	struct lup_session_row dayrows[MAX_DAYROWS];
	int ndayrows, daymore;
	/* conflict counts by session id, in a ring */
	struct conf_cache cache[CACHE];
	int cache_next;
	long total;
	int total_pending;
	int loaded;
	int skip_reload;               /* back from a child that changed nothing */
};

/* ---- conflict counts ---- */

static int cache_get(const struct cal *s, const char *id)
{
	for (int i = 0; i < CACHE; i++)
		if (s->cache[i].id[0] && strcmp(s->cache[i].id, id) == 0)
			return s->cache[i].n;
	return -1;
}

static void cache_put(struct cal *s, const char *id, int n)
{
	struct conf_cache *c = &s->cache[s->cache_next];
	s->cache_next = (s->cache_next + 1) % CACHE;
	snprintf(c->id, sizeof c->id, "%s", id);
	c->n = n;
}

static void cache_clear(struct cal *s)
{
	memset(s->cache, 0, sizeof s->cache);
	s->cache_next = 0;
}

/* The conflicts of a session other than its holidays (those show with
 * the holiday's name). */
static int count_conflicts(tui_app *app, const char *id)
{
	struct lup_warnings w = { 0 };
	lup_err err;
	int n = 0;
	lup_err_clear(&err);
	if (lup_session_conflicts(tui_db(app), id, &w, &err) < 0) {
		lup_warnings_clear(&w);
		return 0;
	}
	for (size_t i = 0; i < w.n; i++)
		n += w.v[i].kind != LUP_WARN_HOLIDAY;
	lup_warnings_clear(&w);
	return n;
}

/* ---- paging ---- */

static void query(const struct cal *s, struct lup_agenda_query *q)
{
	memset(q, 0, sizeof *q);
	q->cohort_id = s->cohort_id[0] ? s->cohort_id : NULL;
}

static int page(struct cal *s, const struct lup_session_row *from, int dir, int n,
                struct lup_session_row *out)
{
	struct lup_agenda_query q;
	lup_err err;
	int got;
	if (n <= 0)
		return 0;
	query(s, &q);
	lup_err_clear(&err);
	got = lup_agenda_page(tui_db(s->app), &q, from, dir, n, out, &err);
	if (got < 0) {
		tui_error(s->app, "%s", err.msg);
		return 0;
	}
	for (int i = 0; i < got; i++)
		out[i].conflicts = cache_get(s, out[i].id);   /* -1: not counted yet */
	return got;
}

static int same_week(const struct lup_session_row *a, const struct lup_session_row *b)
{
	return a->isoweek == b->isoweek && a->isoyear == b->isoyear;
}

/* Screen lines for n rows: each row, and a heading above the first and
 * wherever the week changes. */
static int lines_of(const struct lup_session_row *r, int n)
{
	int l = n ? n + 1 : 0;
	for (int i = 1; i < n; i++)
		l += !same_week(&r[i], &r[i - 1]);
	return l;
}

static void set_rows(struct cal *s, const struct lup_session_row *r, int n, int focus)
{
	memmove(s->rows, r, (size_t)n * sizeof *r);
	s->nrows = n;
	s->focus = focus < 0 ? 0 : focus >= n ? (n ? n - 1 : 0) : focus;
}

/* The last sessions, the focus on the very last. */
static void fill_end(struct cal *s)
{
	int got = page(s, NULL, -1, s->lines, s->buf), start = 0;
	while (start < got && lines_of(s->buf + start, got - start) > s->lines)
		start++;
	set_rows(s, s->buf + start, got - start, got - start - 1);
}

/* The sessions after `from` (NULL: from the first), the focus on the first
 * of them; near the end, the window is filled from above.  Returns how
 * many came after `from` (0: the end is shown instead). */
static int fill_after(struct cal *s, const struct lup_session_row *from)
{
	int got, k, b, start;
	struct lup_session_row anchor;
	if (from) {
		anchor = *from;   /* from may point into rows or buf */
		from = &anchor;
	}
	got = page(s, from, 1, s->lines, s->buf + s->lines);
	if (got == 0) {
		fill_end(s);
		return 0;
	}
	k = got;
	while (k > 1 && lines_of(s->buf + s->lines, k) > s->lines)
		k--;
	if (k < got || !from) {
		set_rows(s, s->buf + s->lines, k, 0);
		return got;
	}
	/* all of them fit: the rows before them fill the rest */
	b = page(s, &s->buf[s->lines], -1, s->lines, s->buf);
	/* buf: [0, lines) before, [lines, lines + k) after; close the gap */
	memmove(s->buf + b, s->buf + s->lines, (size_t)k * sizeof *s->buf);
	start = b;
	while (start > 0 && lines_of(s->buf + start - 1, b + k - start + 1) <= s->lines)
		start--;
	set_rows(s, s->buf + start, b + k - start, b - start);
	return got;
}

/* The sessions before `to`, the focus on the one just before it. */
static void fill_before(struct cal *s, const struct lup_session_row *to)
{
	struct lup_session_row anchor = *to;
	int got = page(s, &anchor, -1, s->lines, s->buf), start = 0;
	if (got == 0)
		return;
	if (got < s->lines) {   /* the first sessions: show them from the top */
		char id[LUP_ID_SIZE];
		snprintf(id, sizeof id, "%s", s->buf[got - 1].id);
		fill_after(s, NULL);
		for (int i = 0; i < s->nrows; i++)
			if (strcmp(s->rows[i].id, id) == 0)
				s->focus = i;
		return;
	}
	while (start < got && lines_of(s->buf + start, got - start) > s->lines)
		start++;
	set_rows(s, s->buf + start, got - start, got - start - 1);
}

static lup_date row_date(const struct lup_session_row *r)
{
	lup_datetime dt;
	if (lup_datetime_parse(r->starts_at, &dt) == 0)
		return dt.date;
	return lup_date_today();
}

static void sync_day(struct cal *s)
{
	if (s->nrows)
		s->day = row_date(&s->rows[s->focus]);
}

/* Show the sessions from day d on; say so when d itself has none. */
static void agenda_goto(struct cal *s, lup_date d, int quiet)
{
	struct lup_session_row anchor;
	char ds[11];
	lup_date_format(d, ds);
	lup_agenda_anchor(ds, &anchor);
	if (fill_after(s, &anchor) == 0) {
		if (!quiet && s->nrows)
			tui_status(s->app, _("No sessions from %s on: these are the last ones."), ds);
		else if (!quiet)
			tui_status(s->app, "%s", _("There are no sessions yet."));
	} else if (!quiet && lup_date_cmp(row_date(&s->rows[s->focus]), d) != 0) {
		char next[11];
		lup_date_format(row_date(&s->rows[s->focus]), next);
		tui_status(s->app, _("No sessions on %s: the next is on %s."), ds, next);
	}
	s->day = d;
}

/* The week before the focused one that has sessions, or the next one. */
static void agenda_week(struct cal *s, int dir)
{
	lup_date mon;
	sync_day(s);
	mon = lup_date_add(s->day, 1 - lup_date_weekday(s->day));
	if (dir > 0) {
		agenda_goto(s, lup_date_add(mon, 7), 1);
	} else {
		struct lup_session_row anchor, prev;
		char ds[11];
		lup_date_format(mon, ds);
		lup_agenda_anchor(ds, &anchor);
		if (page(s, &anchor, -1, 1, &prev) != 1) {
			tui_status(s->app, "%s", _("There are no sessions before this week."));
			return;
		}
		mon = row_date(&prev);
		agenda_goto(s, lup_date_add(mon, 1 - lup_date_weekday(mon)), 1);
	}
	sync_day(s);
}

/* Fetch again around the focused row (after a change, a resize, a return
 * from a child), keeping the top row where it can. */
static void agenda_reload(struct cal *s)
{
	struct lup_session_row top, foc, before;
	int have_before;
	if (!s->nrows) {
		agenda_goto(s, s->day, 1);
		return;
	}
	top = s->rows[0];
	foc = s->rows[s->focus];
	have_before = page(s, &top, -1, 1, &before) == 1;
	fill_after(s, have_before ? &before : NULL);
	for (int i = 0; i < s->nrows; i++)
		if (strcmp(s->rows[i].id, foc.id) == 0) {
			s->focus = i;
			return;
		}
	/* it is off the window now (smaller), or gone */
	have_before = page(s, &foc, -1, 1, &before) == 1;
	fill_after(s, have_before ? &before : NULL);
	if (s->nrows && strcmp(s->rows[0].id, foc.id) != 0) {
		/* gone: its successor has the focus */
		for (int i = 0; i < s->nrows; i++)
			if (strcmp(s->rows[i].starts_at, foc.starts_at) >= 0) {
				s->focus = i;
				break;
			}
	}
}

static void agenda_down(struct cal *s)
{
	if (s->focus < s->nrows - 1) {
		s->focus++;
		return;
	}
	if (!s->nrows || page(s, &s->rows[s->nrows - 1], 1, 1, &s->rows[s->nrows]) != 1)
		return;
	s->nrows++;
	{
		int drop = 0;
		while (drop < s->nrows - 1 && lines_of(s->rows + drop, s->nrows - drop) > s->lines)
			drop++;
		set_rows(s, s->rows + drop, s->nrows - drop, s->nrows - drop - 1);
	}
}

static void agenda_up(struct cal *s)
{
	struct lup_session_row prev;
	if (s->focus > 0) {
		s->focus--;
		return;
	}
	if (!s->nrows || page(s, &s->rows[0], -1, 1, &prev) != 1)
		return;
	memmove(s->rows + 1, s->rows, (size_t)s->nrows * sizeof *s->rows);
	s->rows[0] = prev;
	s->nrows++;
	while (s->nrows > 1 && lines_of(s->rows, s->nrows) > s->lines)
		s->nrows--;
	s->focus = 0;
}

/* ---- month ---- */

static void load_day(struct cal *s)
{
	struct lup_agenda_query q;
	char ds[11];
	lup_err err;
	int got;
	query(s, &q);
	lup_date_format(s->day, ds);
	q.start = q.end = ds;
	lup_err_clear(&err);
	got = lup_agenda_page(tui_db(s->app), &q, NULL, 1, MAX_DAYROWS, s->dayrows, &err);
	if (got < 0) {
		tui_error(s->app, "%s", err.msg);
		got = 0;
	}
	s->ndayrows = got;
	s->daymore = 0;
	if (got == MAX_DAYROWS) {
		long n = 0;
		if (lup_agenda_count(tui_db(s->app), &q, &n, &err) == 0)
			s->daymore = (int)(n - got);
	}
}

static void load_month(struct cal *s)
{
	lup_err err;
	lup_err_clear(&err);
	if (!s->month_loaded || s->month.year != s->day.y || s->month.month != s->day.m) {
		if (lup_agenda_month(tui_db(s->app), s->cohort_id[0] ? s->cohort_id : NULL, s->day.y,
		                     s->day.m, &s->month, &err) < 0) {
			tui_error(s->app, "%s", err.msg);
			s->month_loaded = 0;
		} else {
			s->month_loaded = 1;
		}
	}
	load_day(s);
}

static void month_move(struct cal *s, long days)
{
	lup_date d = lup_date_add(s->day, days);
	if (!lup_date_valid(d))
		return;
	s->day = d;
	load_month(s);
}

static void month_add(struct cal *s, int months)
{
	int m = s->day.y * 12 + (s->day.m - 1) + months;
	lup_date d = { m / 12, m % 12 + 1, s->day.d };
	if (d.y < 1 || d.y > 9999)
		return;
	if (d.d > lup_days_in_month(d.y, d.m))
		d.d = lup_days_in_month(d.y, d.m);
	s->day = d;
	load_month(s);
}

/* ---- showing ---- */

static void set_view(struct cal *s, int view)
{
	if (view == s->view)
		return;
	s->view = view;
	if (view == V_MONTH) {
		s->month_loaded = 0;
		load_month(s);
	} else {
		agenda_goto(s, s->day, 0);
	}
}

/* Columns for the rows on screen: the warnings column as wide as its
 * widest entry (up to a quarter of the width), none when there is none;
 * the cohort's only for every cohort. */
static int notes_width(const struct lup_session_row *row)
{
	const char *hol = cal_session_holiday(row->starts_at, row->ends_at, NULL);
	char b[160];
	int w = 0;
	if (hol) {
		snprintf(b, sizeof b, "%s %s", cal_glyph_holiday(), hol);
		w = tui_width(b);
	}
	if (row->conflicts > 0) {
		char c[96];
		snprintf(c, sizeof c, ngettext("%d conflict", "%d conflicts", (unsigned long)row->conflicts),
		         row->conflicts);
		snprintf(b, sizeof b, "%s %s", cal_glyph_conflict(), c);
		w += (w ? 1 : 0) + tui_width(b);
	}
	return w;
}

static void columns(struct cal *s)
{
	static const int min[NCOLS] = { 6, 11, 11, 14, 8, 0 };
	static const int weight[NCOLS] = { 0, 0, 1, 6, 3, 0 };
	int mn[NCOLS], wt[NCOLS], out[NCOLS], map[NCOLS], n = 0, notes = 0, cap = (s->r.w - 2) / 4;
	for (int i = 0; i < s->nrows; i++) {
		int w = notes_width(&s->rows[i]);
		if (w > notes)
			notes = w;
	}
	if (notes > 0 && notes < tui_width(C_("calendar", "Warnings")))
		notes = tui_width(C_("calendar", "Warnings"));
	if (notes > cap)
		notes = cap;
	for (int c = 0; c < NCOLS; c++) {
		s->colw[c] = 0;
		if ((c == C_COHORT && s->cohort_id[0]) || (c == C_NOTES && !notes))
			continue;
		mn[n] = c == C_NOTES ? notes : min[c];
		wt[n] = weight[c];
		map[n++] = c;
	}
	tui_columns(s->r.w - 2, n, mn, wt, out);
	for (int i = 0; i < n; i++)
		s->colw[map[i]] = out[i];
}

static void layout(struct cal *s, tui_app *app)
{
	int lines;
	s->r = tui_area(app);
	lines = s->r.h - 2;
	if (lines < 2)
		lines = 2;
	if (lines != s->lines) {
		struct lup_session_row *nr = realloc(s->rows, (size_t)(lines + 2) * sizeof *nr), *nb;
		if (!nr)
			return;
		s->rows = nr;
		if (!(nb = realloc(s->buf, (size_t)(2 * lines + 2) * sizeof *nb)))
			return;
		s->buf = nb;
		s->lines = lines;
		if (s->nrows > lines)
			s->nrows = lines;
		if (s->focus >= s->nrows)
			s->focus = s->nrows ? s->nrows - 1 : 0;
	}
}

static void reload(struct cal *s)
{
	cache_clear(s);   /* sessions may have changed elsewhere */
	s->total_pending = 1;
	if (s->view == V_AGENDA) {
		agenda_reload(s);
	} else {
		s->month_loaded = 0;
		load_month(s);
	}
}

static void draw_title(struct cal *s)
{
	tui_rect r = s->r;
	char left[256], right[128];
	int rw;
	snprintf(left, sizeof left, "%s · %s", _("Calendar"), s->cohort_id[0] ? s->cohort : C_("calendar", "All cohorts"));
	if (s->total_pending)
		snprintf(right, sizeof right, "%s · %s",
		         s->view == V_AGENDA ? C_("calendar", "Agenda") : C_("calendar", "Month"),
		         tui_glyph_ellipsis());
	else if (s->view == V_AGENDA)
		snprintf(right, sizeof right, ngettext("Agenda · %ld session", "Agenda · %ld sessions",
		                                       (unsigned long)s->total), s->total);
	else
		snprintf(right, sizeof right, ngettext("Month · %ld session", "Month · %ld sessions",
		                                       (unsigned long)s->total), s->total);
	rw = tui_width(right);
	tui_put(r.y, r.x + 1, r.w - rw - 4, left, tui_attr(TUI_S_TITLE), 0);
	tui_put(r.y, r.x + r.w - rw - 1, rw, right, tui_attr(TUI_S_TITLE), 0);
}

/* The warnings cell: a holiday's name, then the other conflicts. */
static void draw_notes(const struct lup_session_row *row, int y, int x, int w, attr_t a)
{
	int focused = (a & A_REVERSE) != 0, used = 0;
	const char *hol = cal_session_holiday(row->starts_at, row->ends_at, NULL);
	char b[160];
	if (w <= 0)
		return;
	if (hol) {
		snprintf(b, sizeof b, "%s %s", cal_glyph_holiday(), hol);
		used = tui_put(y, x, w, b, focused ? a | A_BOLD : tui_attr(TUI_S_BAD) | A_BOLD, 0);
		if (used < w)
			used++;
	}
	if (used >= w)
		return;
	if (row->conflicts < 0) {
		if (!hol)
			tui_put(y, x + used, w - used, tui_glyph_ellipsis(), focused ? a : tui_attr(TUI_S_DIM), 0);
	} else if (row->conflicts > 0) {
		char c[96];
		snprintf(c, sizeof c, ngettext("%d conflict", "%d conflicts", (unsigned long)row->conflicts),
		         row->conflicts);
		snprintf(b, sizeof b, "%s %s", cal_glyph_conflict(), c);
		tui_put(y, x + used, w - used, b, focused ? a | A_BOLD : tui_attr(TUI_S_WARN) | A_BOLD, 0);
	}
}

static void draw_row(struct cal *s, const struct lup_session_row *row, int y, int focused)
{
	tui_rect r = s->r;
	attr_t a = focused ? tui_attr(TUI_S_FOCUS) : tui_attr(TUI_S_NORMAL);
	lup_date d = row_date(row);
	char day[32], span[40];
	const char *cells[NCOLS];
	int x = r.x + 2;
	/* the month and year are in the week's heading */
	snprintf(day, sizeof day, "%s %2d", cal_weekday_abbr(lup_date_weekday(d)), d.d);
	cal_time_span(row->starts_at, row->ends_at, span, sizeof span);
	cells[C_DAY] = day;
	cells[C_TIME] = span;
	cells[C_COHORT] = row->cohort;
	cells[C_TITLE] = row->title;
	cells[C_PLACE] = row->location[0] ? row->location : row->host;
	cells[C_NOTES] = "";
	tui_fill(y, r.x, r.w, a);
	if (focused)
		tui_put(y, r.x, 1, tui_glyph_marker(), a | A_BOLD, 0);
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] <= 0)
			continue;
		if (c == C_NOTES)
			draw_notes(row, y, x, s->colw[c], a);
		else
			tui_put(y, x, s->colw[c], cells[c], c == C_TITLE ? a | A_BOLD : a, 0);
		x += s->colw[c] + 1;
	}
}

static void draw_heading(struct cal *s, const struct lup_session_row *row, int y)
{
	tui_rect r = s->r;
	char h[160];
	lup_buf b = { 0 };
	cal_week_heading(row->isoyear, row->isoweek, h, sizeof h);
	lup_buf_puts(&b, h);
	/* the week's holidays, where there is room */
	{
		lup_date mon = lup_date_from_isoweek(row->isoyear, row->isoweek, 1);
		int any = 0;
		for (int i = 0; i < 7; i++) {
			const char *name = cal_holiday_name(lup_date_add(mon, i), NULL);
			if (!name)
				continue;
			if (any)
				lup_buf_printf(&b, ", %s", name);
			else
				lup_buf_printf(&b, "  %s %s", cal_glyph_holiday(), name);
			any = 1;
		}
	}
	tui_fill(y, r.x, r.w, tui_attr(TUI_S_HEADER));
	tui_put(y, r.x + 1, r.w - 2, b.s ? b.s : h, tui_attr(TUI_S_HEADER) | A_BOLD, 0);
	lup_buf_clear(&b);
}

static void draw_agenda(struct cal *s, tui_app *app)
{
	tui_rect r = s->r;
	const char *titles[NCOLS] = { C_("calendar", "Day"), C_("calendar", "Time"),
	                              C_("calendar", "Cohort"), C_("calendar", "Title"),
	                              C_("calendar", "Location"), C_("calendar", "Warnings") };
	int y = r.y + 2, x = r.x + 2;
	columns(s);
	tui_fill(r.y + 1, r.x, r.w, tui_attr(TUI_S_DIM));
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] <= 0)
			continue;
		tui_put(r.y + 1, x, s->colw[c], titles[c], tui_attr(TUI_S_DIM), 0);
		x += s->colw[c] + 1;
	}
	for (int i = 0; i < s->nrows && y < r.y + r.h; i++) {
		if (i == 0 || !same_week(&s->rows[i], &s->rows[i - 1]))
			draw_heading(s, &s->rows[i], y++);
		if (y >= r.y + r.h)
			break;
		draw_row(s, &s->rows[i], y, i == s->focus);
		if (i == s->focus)
			tui_cursor(app, y, r.x);
		y++;
	}
	if (!s->nrows) {
		tui_put(r.y + 3, r.x + 2, r.w - 4,
		        s->cohort_id[0] ? _("This cohort has no sessions yet.") : _("There are no sessions yet."),
		        tui_attr(TUI_S_DIM), 0);
		tui_cursor(app, r.y + 3, r.x + 2);
	}
}

static void draw_month(struct cal *s, tui_app *app)
{
	tui_rect r = s->r;
	struct lup_month *m = &s->month;
	lup_date today = lup_date_today();
	int wk = 6, cw, ch, gy, avail, y, cur_y = r.y + 1, cur_x = r.x;
	char b[256];

	if (!s->month_loaded)
		return;
	cw = (r.w - wk) / 7;
	avail = r.h - 3 - 1 - 4;   /* the legend, and the day with three sessions */
	ch = m->weeks ? avail / m->weeks : 2;
	if (ch > 4)
		ch = 4;
	if (ch < 2)
		ch = 2;
	/* the month, the weekdays */
	snprintf(b, sizeof b, "%s %d", cal_month_name(m->month), m->year);
	tui_put(r.y + 1, r.x + 1, r.w - 2, b, tui_attr(TUI_S_TITLE) | A_BOLD, 0);
	tui_fill(r.y + 2, r.x, r.w, tui_attr(TUI_S_HEADER));
	tui_put(r.y + 2, r.x + 1, wk - 1, C_("calendar", "Week"), tui_attr(TUI_S_HEADER), TUI_CLIP);
	for (int c = 0; c < 7; c++)
		tui_put(r.y + 2, r.x + wk + c * cw + 1, cw - 1, cal_weekday_abbr(c + 1),
		        tui_attr(TUI_S_HEADER) | (c >= 5 ? 0 : A_BOLD), 0);
	gy = r.y + 3;
	for (int w = 0; w < m->weeks; w++) {
		char wn[8];
		snprintf(wn, sizeof wn, "%2d", m->isoweek[w]);
		tui_put(gy + w * ch, r.x + 1, wk - 2, wn, tui_attr(TUI_S_DIM) | A_BOLD, 0);
		for (int c = 0; c < 7; c++) {
			const struct lup_month_cell *cell = &m->cell[w][c];
			int x = r.x + wk + c * cw, cy = gy + w * ch, focused = lup_date_cmp(cell->date, s->day) == 0;
			int is_today = lup_date_cmp(cell->date, today) == 0, used;
			attr_t base = focused ? tui_attr(TUI_S_FOCUS)
			              : cell->in_month ? tui_attr(TUI_S_NORMAL) : tui_attr(TUI_S_DIM);
			if (focused)
				for (int i = 0; i < ch; i++)
					tui_fill(cy + i, x, cw - 1, base);
			if (focused)
				tui_put(cy, x, 1, tui_glyph_marker(), base | A_BOLD, 0);
			snprintf(b, sizeof b, is_today ? "[%2d]" : " %2d ", cell->date.d);
			used = 1 + tui_put(cy, x + 1, cw - 2, b, base | (is_today || cell->in_month ? A_BOLD : 0), 0);
			if (cell->holiday != LUP_WORKDAY) {
				attr_t ha = focused ? base | A_BOLD : tui_attr(TUI_S_BAD) | A_BOLD;
				used += tui_put(cy, x + used, cw - 1 - used, cal_glyph_holiday(), ha, 0);
				if (ch >= 3) {
					const char *name = cal_holiday_name(cell->date, NULL);
					tui_put(cy + 2, x + 1, cw - 2, name ? name : "", focused ? base : tui_attr(TUI_S_BAD), 0);
				}
			}
			if (cell->sessions > 0) {
				snprintf(b, sizeof b, ngettext("%d session", "%d sessions", (unsigned long)cell->sessions),
				         cell->sessions);   /* a cell of the month grid */
				if (tui_width(b) > cw - 2)
					snprintf(b, sizeof b, ngettext("%d sess.", "%d sess.", (unsigned long)cell->sessions),
					         cell->sessions);
				if (tui_width(b) > cw - 2)
					snprintf(b, sizeof b, "%d", cell->sessions);
				tui_put(cy + 1, x + 1, cw - 2, b, base | (focused ? A_BOLD : 0), 0);
			}
			if (focused) {
				cur_y = cy;
				cur_x = x;
			}
		}
	}
	y = gy + m->weeks * ch;
	/* the legend: this month's holidays by name, and the mark for today */
	{
		lup_buf lg = { 0 };
		int any = 0;
		for (int w = 0; w < m->weeks; w++)
			for (int c = 0; c < 7; c++) {
				const struct lup_month_cell *cell = &m->cell[w][c];
				const char *name;
				if (!cell->in_month || cell->holiday == LUP_WORKDAY ||
				    !(name = cal_holiday_name(cell->date, NULL)))
					continue;
				lup_buf_printf(&lg, any ? ", %d %s" : "%d %s", cell->date.d, name);
				any = 1;
			}
		if (any) {
			int used = tui_put(y, r.x + 1, r.w - 2, cal_glyph_holiday(), tui_attr(TUI_S_BAD) | A_BOLD, 0);
			used += tui_put(y, r.x + 1 + used, r.w - 2 - used, " ", tui_attr(TUI_S_NORMAL), 0);
			used += tui_put(y, r.x + 1 + used, r.w - 2 - used, lg.s, tui_attr(TUI_S_NORMAL), 0);
			tui_put(y, r.x + 1 + used, r.w - 2 - used, " · ", tui_attr(TUI_S_DIM), 0);
			used += 3;
			snprintf(b, sizeof b, "%s", _("[ ] today"));
			tui_put(y, r.x + 1 + used, r.w - 2 - used, b, tui_attr(TUI_S_DIM), 0);
		} else {
			snprintf(b, sizeof b, "%s · %s %s", _("[ ] today"), cal_glyph_holiday(),
			         _("public holiday or day off"));
			tui_put(y, r.x + 1, r.w - 2, b, tui_attr(TUI_S_DIM), 0);
		}
		lup_buf_clear(&lg);
	}
	y++;
	/* the focused day and its sessions */
	if (y < r.y + r.h) {
		lup_buf h = { 0 };
		int kind;
		const char *hol = cal_holiday_name(s->day, &kind);
		char ds[11];
		long n = s->ndayrows + s->daymore;
		lup_date_format(s->day, ds);
		lup_buf_printf(&h, "%s %s · ", cal_weekday_abbr(lup_date_weekday(s->day)), ds);
		lup_buf_printf(&h, C_("calendar", "Week %d"), lup_date_isoweek(s->day, NULL));
		if (hol)
			lup_buf_printf(&h, " · %s %s%s", cal_glyph_holiday(), hol,
			               kind == LUP_DAY_OFF ? _(" (day off)") : "");
		lup_buf_puts(&h, " · ");
		if (n)
			lup_buf_printf(&h, ngettext("%ld session that day", "%ld sessions that day",
			                            (unsigned long)n), n);
		else
			lup_buf_puts(&h, _("no sessions"));
		tui_fill(y, r.x, r.w, tui_attr(TUI_S_HEADER));
		tui_put(y, r.x + 1, r.w - 2, h.s, tui_attr(TUI_S_HEADER) | A_BOLD, 0);
		lup_buf_clear(&h);
		y++;
		for (int i = 0; i < s->ndayrows && y < r.y + r.h; i++, y++) {
			const struct lup_session_row *row = &s->dayrows[i];
			char span[40];
			int x = r.x + 2;
			if (y == r.y + r.h - 1 && i < s->ndayrows - 1) {
				snprintf(b, sizeof b, ngettext("… and %ld more: Enter shows it in the agenda",
				                               "… and %ld more: Enter shows them in the agenda",
				                               (unsigned long)(n - i)), (long)(n - i));
				tui_put(y, x, r.w - 3, b, tui_attr(TUI_S_DIM), 0);
				break;
			}
			cal_time_span(row->starts_at, row->ends_at, span, sizeof span);
			tui_put(y, x, 12, span, tui_attr(TUI_S_NORMAL), 0);
			x += 13;
			if (!s->cohort_id[0]) {
				tui_put(y, x, 14, row->cohort, tui_attr(TUI_S_DIM), 0);
				x += 15;
			}
			snprintf(b, sizeof b, "%s%s%s", row->title, row->location[0] || row->host[0] ? " · " : "",
			         row->location[0] ? row->location : row->host);
			tui_put(y, x, r.x + r.w - 1 - x, b, tui_attr(TUI_S_NORMAL), 0);
		}
	}
	tui_cursor(app, cur_y, cur_x);
}

/* ---- the screen ---- */

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_CALENDAR);
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct cal *s = (struct cal *)scr;
	(void)app;
	if (a == TUI_A_CAL_MONTH)
		return s->view == V_AGENDA;
	if (a == TUI_A_CAL_AGENDA)
		return s->view == V_MONTH;
	return 1;
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct cal *s = (struct cal *)scr;
	layout(s, app);
	if (s->loaded && s->view == V_AGENDA)
		agenda_reload(s);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct cal *s = (struct cal *)scr;
	if (!s->lines)
		layout(s, app);
	if (!s->loaded) {
		s->loaded = 1;
		s->total_pending = 1;
		if (s->view == V_AGENDA)
			agenda_goto(s, s->day, 1);
		else
			load_month(s);
		return TUI_REDRAW;
	}
	if (s->skip_reload)
		s->skip_reload = 0;
	else
		reload(s);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct cal *s = (struct cal *)scr;
	draw_title(s);
	if (s->view == V_AGENDA)
		draw_agenda(s, app);
	else
		draw_month(s, app);
}

static int idle(tui_screen *scr, tui_app *app)
{
	struct cal *s = (struct cal *)scr;
	int done = 0;
	if (s->view == V_AGENDA)
		for (int i = 0; i < s->nrows && done < CONFLICTS_PER_IDLE; i++) {
			if (s->rows[i].conflicts >= 0)
				continue;
			s->rows[i].conflicts = count_conflicts(app, s->rows[i].id);
			cache_put(s, s->rows[i].id, s->rows[i].conflicts);
			done++;
		}
	if (done)
		return TUI_REDRAW;
	if (s->total_pending) {
		struct lup_agenda_query q;
		lup_err err;
		query(s, &q);
		lup_err_clear(&err);
		s->total_pending = 0;
		if (lup_agenda_count(tui_db(app), &q, &s->total, &err) < 0)
			tui_error(app, "%s", err.msg);
		return TUI_REDRAW;
	}
	return 0;
}

/* ---- asking: a date, a file ---- */

static int goto_typed(void *ud, tui_app *app, const char *text, lup_err *err)
{
	struct cal *s = ud;
	lup_date d;
	(void)app;
	if (cal_parse_goto(text, lup_date_today(), s->day, &d) < 0)
		return lup_err_field(err, "value",
		                     _("'%s' is not a date: write YYYY-MM-DD, today, +7 or a week: v. 37"),
		                     text);
	s->day = d;
	if (s->view == V_AGENDA) {
		agenda_goto(s, d, 0);
	} else {
		load_month(s);
	}
	return 0;
}

static int export_typed(void *ud, tui_app *app, const char *text, lup_err *err)
{
	struct cal *s = ud;
	struct lup_ics_opts o = { 0 };
	char path[4096];
	long events = 0;
	if (lup_blank(text))
		return lup_err_field(err, "value", "%s", _("Write a file name."));
	if (cal_expand_home(text, getenv("HOME"), path, sizeof path) < 0)
		return lup_err_field(err, "value", "%s", _("The file name is too long."));
	o.cohort_id = s->cohort_id[0] ? s->cohort_id : NULL;
	if (lup_ics_export(tui_db(app), &o, path, &events, err) < 0)
		return -1;
	tui_status(app, ngettext("Wrote %ld event to %s", "Wrote %ld events to %s", (unsigned long)events),
	           events, path);
	return 0;
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct cal *s = (struct cal *)scr;
	int month = s->view == V_MONTH;
	switch (a) {
	case TUI_A_UP:
		if (month) month_move(s, -7); else agenda_up(s);
		break;
	case TUI_A_DOWN:
		if (month) month_move(s, 7); else agenda_down(s);
		break;
	case TUI_A_CAL_PREV:
		if (month) month_move(s, -1); else agenda_week(s, -1);
		break;
	case TUI_A_CAL_NEXT:
		if (month) month_move(s, 1); else agenda_week(s, 1);
		break;
	case TUI_A_PAGE_UP:
		if (month) month_add(s, -1); else if (s->nrows) fill_before(s, &s->rows[0]);
		break;
	case TUI_A_PAGE_DOWN:
		if (month) {
			month_add(s, 1);
		} else if (s->nrows) {
			if (fill_after(s, &s->rows[s->nrows - 1]) == 0)
				s->focus = s->nrows ? s->nrows - 1 : 0;
		}
		break;
	case TUI_A_TOP:
		if (month) month_move(s, 1 - s->day.d); else fill_after(s, NULL);
		break;
	case TUI_A_BOTTOM:
		if (month) month_move(s, lup_days_in_month(s->day.y, s->day.m) - s->day.d); else fill_end(s);
		break;
	case TUI_A_CAL_TODAY:
		s->day = lup_date_today();
		if (month) load_month(s); else agenda_goto(s, s->day, 0);
		break;
	case TUI_A_CAL_OPEN:
		if (month) {
			s->view = V_AGENDA;
			agenda_goto(s, s->day, 0);
			break;
		}
		if (!s->nrows)
			return 0;
		return tui_push(app, cal_session_view(app, s->rows[s->focus].id), TAG_VIEW);
	case TUI_A_CAL_MONTH:
		set_view(s, month ? V_AGENDA : V_MONTH);
		break;
	case TUI_A_CAL_AGENDA:
		set_view(s, V_AGENDA);
		break;
	case TUI_A_CAL_GOTO:
		if (!month)
			sync_day(s);
		return tui_push(app, cal_prompt(_("Go to a date"), N_("Date"),
		                                N_("YYYY-MM-DD, today, +7, -1, a week: v. 37 · Enter goes there"),
		                                "", 40, goto_typed, s), TAG_GOTO);
	case TUI_A_CAL_COHORT:
		return tui_push(app, cal_cohort_picker(app, s->cohort_id), TAG_PICK);
	case TUI_A_CAL_EXPORT: {
		char path[4096];
		cal_export_path(s->cohort_id[0] ? s->cohort : NULL, getenv("HOME"), path, sizeof path);
		return tui_push(app, cal_prompt(s->cohort_id[0] ? _("Export this cohort's calendar")
		                                                : _("Export the calendar of every cohort"),
		                                N_("File"),
		                                N_("An iCalendar file for calendar programs · Enter writes it"),
		                                path, 4000, export_typed, s), TAG_EXPORT);
	}
	default:
		return TUI_UNHANDLED;
	}
	/* the agenda's day follows the focus as it moves */
	if (!month && a != TUI_A_CAL_TODAY && a != TUI_A_CAL_MONTH && a != TUI_A_CAL_AGENDA &&
	    a != TUI_A_CAL_OPEN)
		sync_day(s);
	return TUI_REDRAW;
}

static void set_cohort(struct cal *s, const char *id, const char *name)
{
	snprintf(s->cohort_id, sizeof s->cohort_id, "%s", id ? id : "");
	snprintf(s->cohort, sizeof s->cohort, "%s", name ? name : "");
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct cal *s = (struct cal *)scr;
	if (tag == TAG_PICK && result == TUI_SAVED) {
		char id[LUP_ID_SIZE], name[128];
		cal_picked(child, id, name);
		set_cohort(s, id, name);
		cache_clear(s);
		layout(s, app);
		s->total_pending = 1;
		s->month_loaded = 0;
		if (s->view == V_AGENDA)
			agenda_goto(s, s->day, 1);
		else
			load_month(s);
	}
	s->skip_reload = 1;   /* nothing of the calendar's changed meanwhile */
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct cal *s = (struct cal *)scr;
	free(s->rows);
	free(s->buf);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Calendar"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.offers = offers,
	.destroy = destroy,
};

int tui_is_calendar(const tui_screen *s)
{
	return s && s->ops == &ops;
}

tui_screen *tui_calendar_screen(tui_app *app, const char *cohort_id)
{
	struct cal *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	s->view = V_AGENDA;
	s->day = lup_date_today();
	if (cohort_id && *cohort_id) {
		struct lup_cohort c;
		lup_err err;
		memset(&c, 0, sizeof c);
		if (lup_cohort_get(tui_db(app), cohort_id, &c, &err) == 0)
			set_cohort(s, c.id, c.name);
		else
			tui_error(app, "%s", err.msg);
		lup_cohort_clear(&c);
	}
	return &s->base;
}
