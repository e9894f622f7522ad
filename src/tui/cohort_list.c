/* cohort_list.c — the Programme section's first screen: the programme's
 * progress towards its target, and its cohorts by start date with their
 * weeks, status, seats and warnings.  Add, edit, delete, open a cohort;
 * the calendar and the blocks editor are a key away. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/calendar.h"
#include "tui/dialog.h"
#include "tui/documents.h"
#include "tui/list.h"
#include "tui/programme.h"

enum { TAG_FORM = 1, TAG_VIEW, TAG_DELETE, TAG_NOTICE, TAG_CALENDAR, TAG_BLOCKS };
enum { C_NAME, C_DATES, C_WEEKS, C_STATUS, C_SEATS, C_WARN, NCOLS };

struct cohorts {
	tui_screen base;
	tui_app *app;
	struct tui_list list;
	char prog[LUP_ID_SIZE];     /* "" while there is no programme */
	char title[200];            /* the programme's name */
	char progress[200];
	int progress_pending;       /* to be counted once no key waits */
	int colw[NCOLS], full_dates;
	char pending_delete[LUP_ID_SIZE];
};

static void query(struct cohorts *s, struct lup_cohort_query *q, int with_warnings)
{
	q->programme_id = s->prog[0] ? s->prog : NULL;
	q->status = NULL;
	q->cfg = with_warnings ? tui_config(s->app) : NULL;
}

static int fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct cohorts *s = l->ud;
	struct lup_cohort_query q;
	query(s, &q, 1);
	return lup_cohort_page(tui_db(s->app), &q, from, dir, n, rows, err);
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct cohorts *s = l->ud;
	struct lup_cohort_query q;
	query(s, &q, 0);
	if (lup_cohort_count(tui_db(s->app), &q, total, err) < 0)
		return -1;
	*matching = *total;
	return 0;
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	struct cohorts *s = l->ud;
	struct lup_cohort_query q;
	query(s, &q, 0);
	return lup_cohort_position(tui_db(s->app), &q, row, err);
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct cohorts *s = l->ud;
	const char *titles[NCOLS] = { _("Cohort"), s->full_dates ? _("Dates") : _("Starts"), _("Weeks"),
	                              _("Status"), _("Seats"), _("Warnings") };
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], titles[c], tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct cohorts *s = l->ud;
	const struct lup_cohort_row *c = row;
	char dates[64], weeks[32], seats[64], warn[64];
	const char *cells[NCOLS];
	(void)width;
	if (s->full_dates)
		tui_prog_dates(c->start_date, c->end_date, dates, sizeof dates);
	else
		snprintf(dates, sizeof dates, "%s", c->start_date);
	tui_prog_weeks(c->start_date, c->end_date, weeks, sizeof weeks);
	tui_prog_seats(c->enrolled, c->capacity, c->waitlisted, seats, sizeof seats);
	tui_prog_warn_count(c->warnings, warn, sizeof warn);
	cells[C_NAME] = c->name;
	cells[C_DATES] = dates;
	cells[C_WEEKS] = weeks;
	cells[C_STATUS] = lup_cohort_status_label(c->status);
	cells[C_SEATS] = seats;
	cells[C_WARN] = warn;
	for (int i = 0; i < NCOLS; i++) {
		attr_t ca = a;
		if (s->colw[i] <= 0)
			continue;
		if (!(a & A_REVERSE)) {
			if (i == C_WARN)
				ca = tui_attr(TUI_S_WARN);
			else if (i == C_SEATS && c->waitlisted > 0)
				ca = tui_attr(TUI_S_WARN);
			else if (i == C_STATUS && (strcmp(c->status, "done") == 0 || strcmp(c->status, "cancelled") == 0))
				ca = tui_attr(TUI_S_DIM);
		}
		tui_put(y, x, s->colw[i], cells[i], ca, 0);
		x += s->colw[i] + 1;
	}
}

static const char *empty_text(struct tui_list *l)
{
	(void)l;
	return _("No cohorts yet: press a to add one.");
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .empty_text = empty_text,
};

/* ---- the screen ---- */

/* The programme's name; its progress is counted when idle (a pass over
 * every enrolment: tens of milliseconds at 50,000 people). */
static void load_programme(struct cohorts *s, tui_app *app)
{
	struct lup_programme p;
	lup_err err;
	lup_err_clear(&err);
	s->title[0] = s->progress[0] = '\0';
	s->progress_pending = 0;
	if (lup_programme_first(tui_db(app), s->prog, &err) < 0) {
		s->prog[0] = '\0';
		if (err.code != LUP_ENOTFOUND)
			tui_error(app, "%s", err.msg);
		snprintf(s->progress, sizeof s->progress, "%s",
		         _("No programme yet: the first cohort you add starts one."));
		return;
	}
	if (lup_programme_get(tui_db(app), s->prog, &p, &err) == 0)
		snprintf(s->title, sizeof s->title, "%s", p.name ? p.name : "");
	lup_programme_clear(&p);
	snprintf(s->progress, sizeof s->progress, "%s", tui_glyph_ellipsis());
	s->progress_pending = 1;
}

static void count_progress(struct cohorts *s, tui_app *app)
{
	struct lup_progress pr;
	lup_err err;
	s->progress_pending = 0;
	lup_err_clear(&err);
	if (lup_programme_progress(tui_db(app), s->prog, &pr, &err) < 0) {
		tui_error(app, "%s", err.msg);
		s->progress[0] = '\0';
		return;
	}
	lup_progress_format(&pr, s->progress, sizeof s->progress);
	if (pr.waitlisted > 0) {
		size_t len = strlen(s->progress);
		snprintf(s->progress + len, sizeof s->progress - len,
		         ngettext(", %ld waiting", ", %ld waiting", (unsigned long)pr.waitlisted),
		         pr.waitlisted);
	}
}

/* The programme, made with the default blocks if there is none yet. */
static int ensure_programme(struct cohorts *s, tui_app *app)
{
	lup_err err;
	if (s->prog[0])
		return 0;
	lup_err_clear(&err);
	if (lup_programme_ensure(tui_db(app), tui_config(app), _("Leadership development"), s->prog,
	                         &err) < 0) {
		tui_error(app, "%s", err.msg);
		return -1;
	}
	load_programme(s, app);
	return 0;
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PROGRAMME) | TUI_CTXBIT(TUI_CTX_DOCUMENTS);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct cohorts *s = (struct cohorts *)scr;
	tui_rect r = tui_area(app);
	int avail = r.w - 3, fixed;
	s->full_dates = avail >= 100;
	s->colw[C_DATES] = s->full_dates ? 23 : 10;
	s->colw[C_WEEKS] = 8;
	s->colw[C_STATUS] = 9;
	s->colw[C_SEATS] = avail >= 100 ? 20 : 16;
	s->colw[C_WARN] = 13;
	fixed = s->colw[C_DATES] + s->colw[C_WEEKS] + s->colw[C_STATUS] + s->colw[C_SEATS] +
	        s->colw[C_WARN] + NCOLS - 1;
	s->colw[C_NAME] = avail - fixed > 8 ? avail - fixed : 8;
	r.y += 1;
	r.h -= 1;
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct cohorts *s = (struct cohorts *)scr;
	load_programme(s, app);
	tui_list_reload(&s->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct cohorts *s = (struct cohorts *)scr;
	tui_rect r = tui_area(app);
	char right[64], keys[32];
	int x = r.x + 1, rw;
	tui_action_keys_text(TUI_A_BLOCKS, keys, sizeof keys);
	snprintf(right, sizeof right, _("%s: blocks"), keys);
	rw = *keys ? tui_width(right) : 0;
	/* the progress first: it is what the screen is for */
	x += tui_put(r.y, x, r.x + r.w - rw - 3 - x, s->progress, tui_attr(TUI_S_TITLE), 0);
	if (s->title[0] && r.x + r.w - rw - 3 - x > 8) {
		x += tui_put(r.y, x, 3, " · ", tui_attr(TUI_S_NORMAL), 0);
		tui_put(r.y, x, r.x + r.w - rw - 3 - x, s->title, tui_attr(TUI_S_NORMAL), 0);
	}
	if (rw)
		tui_put(r.y, r.x + r.w - rw - 1, rw, right, tui_attr(TUI_S_DIM), 0);
	tui_list_draw(&s->list, app);
}

static int idle(tui_screen *scr, tui_app *app)
{
	struct cohorts *s = (struct cohorts *)scr;
	int r = tui_list_idle(&s->list, app);
	if (s->progress_pending) {
		count_progress(s, app);
		r |= TUI_REDRAW;
	}
	return r;
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct cohorts *s = (struct cohorts *)scr;
	const struct lup_cohort_row *c = tui_list_focused(&s->list);
	int r;
	if (a == TUI_A_FILTER || a == TUI_A_SORT)
		return 0;   /* a programme has tens of cohorts, by date */
	r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_OPEN:
		return c ? tui_push(app, tui_cohort_view(app, c->id), TAG_VIEW) : 0;
	case TUI_A_ADD:
		if (ensure_programme(s, app) < 0)
			return TUI_REDRAW;
		return tui_push(app, tui_cohort_form(app, s->prog, NULL), TAG_FORM);
	case TUI_A_EDIT:
		return c ? tui_push(app, tui_cohort_form(app, s->prog, c->id), TAG_FORM) : 0;
	case TUI_A_DELETE:
		if (!c)
			return 0;
		memcpy(s->pending_delete, c->id, sizeof s->pending_delete);
		return tui_cohort_confirm_delete(app, TAG_DELETE, c->id);
	case TUI_A_CALENDAR:
		return tui_push(app, tui_calendar_screen(app, NULL), TAG_CALENDAR);
	case TUI_A_PRINT:
		return c ? tui_print(app, LUP_DOC_PARTICIPANTS, c->id, NULL) : 0;
	case TUI_A_BLOCKS:
		if (ensure_programme(s, app) < 0)
			return TUI_REDRAW;
		return tui_push(app, tui_blocks_screen(app, s->prog), TAG_BLOCKS);
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_FILTER && a != TUI_A_SORT;
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct cohorts *s = (struct cohorts *)scr;
	if (tag == TAG_FORM && result == TUI_SAVED) {
		const char *id = tui_cohort_form_id(child);
		tui_screen *notice = tui_cohort_form_report(app, child);
		struct lup_cohort_query q;
		struct lup_cohort_row row;
		lup_err err;
		query(s, &q, 0);
		load_programme(s, app);
		if (id && *id && lup_cohort_row_get(tui_db(app), &q, id, &row, &err) == 0)
			tui_list_reload(&s->list, app, &row);
		if (notice) {
			tui_list_reload(&s->list, app, NULL);
			return tui_push(app, notice, TAG_NOTICE);
		}
	} else if (tag == TAG_DELETE && result == TUI_YES) {
		tui_cohort_delete(app, s->pending_delete);
	}
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct cohorts *s = (struct cohorts *)scr;
	tui_list_free(&s->list);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Cohorts"),
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

tui_screen *tui_programme_screen(tui_app *app)
{
	struct cohorts *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	tui_list_init(&s->list, &list_ops, s, sizeof(struct lup_cohort_row), 1);
	return &s->base;
}

/* ---- deleting, shared with the cohort's view ---- */

int tui_cohort_confirm_delete(tui_app *app, int tag, const char *id)
{
	struct lup_cohort_row row;
	struct lup_cohort_query q = { NULL, NULL, NULL };
	lup_err err;
	lup_buf what = { 0 }, detail = { 0 };
	char question[300];
	long people;
	int r;

	if (lup_cohort_row_get(tui_db(app), &q, id, &row, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return TUI_REDRAW;
	}
	snprintf(question, sizeof question, _("Delete the cohort %s?"), row.name);
	people = row.enrolled + row.waitlisted;
	if (row.sessions > 0)
		lup_buf_printf(&what, ngettext("%ld session", "%ld sessions", (unsigned long)row.sessions),
		               row.sessions);
	if (people > 0) {
		if (what.len)
			lup_buf_puts(&what, ", ");
		lup_buf_printf(&what, ngettext("%ld enrolment", "%ld enrolments", (unsigned long)people),
		               people);
	}
	if (what.len)
		lup_buf_printf(&detail, _("With it go: %s, and the attendance taken at its sessions."), what.s);
	else
		lup_buf_puts(&detail, _("It has no sessions and nobody is enrolled."));
	lup_buf_puts(&detail, " ");
	lup_buf_puts(&detail, _("This cannot be undone."));
	r = tui_confirm(app, tag, question, detail.s);
	lup_buf_free(&what);
	lup_buf_free(&detail);
	return r;
}

int tui_cohort_delete(tui_app *app, const char *id)
{
	struct lup_cohort c;
	lup_err err;
	char name[160] = "";
	if (lup_cohort_get(tui_db(app), id, &c, &err) == 0)
		snprintf(name, sizeof name, "%s", c.name ? c.name : "");
	lup_cohort_clear(&c);
	if (lup_cohort_delete(tui_db(app), id, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return -1;
	}
	tui_status(app, _("Deleted the cohort %s."), name);
	return 0;
}
