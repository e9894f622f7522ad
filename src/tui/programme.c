/* programme.c — the Programme section's first screen: the programme's
 * progress towards its target, and its cohorts by start date with their
 * weeks, status, seats and warnings.  Add, edit, delete, open a cohort
 * (list_screen.h); the calendar and the blocks editor are a key away. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/calendar.h"
#include "tui/dialog.h"
#include "tui/documents.h"
#include "tui/programme.h"

enum { TAG_NOTICE = 1, TAG_CALENDAR, TAG_BLOCKS, TAG_PROGRAMME };
enum { C_NAME, C_DATES, C_WEEKS, C_STATUS, C_SEATS, C_WARN, NCOLS };

struct cohorts {
	struct tui_cohorts c;
	char title[200];            /* the programme's name */
	char progress[200];
	int progress_pending;       /* to be counted once no key waits */
	int full_dates;
};

static const struct tui_col cols[NCOLS] = {
	{ N_("Cohort"), 0, 0, 0 }, { N_("Starts"), 0, 0, 0 }, { N_("Weeks"), 0, 0, 0 },
	{ N_("Status"), 0, 0, 0 }, { N_("Seats"), 0, 0, 0 }, { N_("Warnings"), 0, 0, 0 },
};

/* The dates whole when there is room; the name takes the rest. */
static void layout(struct tui_lscreen *ls, int w, int *colw)
{
	struct cohorts *s = (struct cohorts *)ls;
	int fixed;
	s->full_dates = w >= 100;
	colw[C_DATES] = s->full_dates ? 23 : 10;
	colw[C_WEEKS] = 8;
	colw[C_STATUS] = 9;
	colw[C_SEATS] = w >= 100 ? 20 : 16;
	colw[C_WARN] = 13;
	fixed = colw[C_DATES] + colw[C_WEEKS] + colw[C_STATUS] + colw[C_SEATS] + colw[C_WARN] + NCOLS - 1;
	colw[C_NAME] = w - fixed > 8 ? w - fixed : 8;
}

static const char *title(struct tui_lscreen *ls, int col)
{
	return col == C_DATES && ((struct cohorts *)ls)->full_dates ? _("Dates") : NULL;
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	struct cohorts *s = (struct cohorts *)ls;
	const struct lup_cohort_row *r = row;
	c->text[C_NAME] = r->name;
	if (s->full_dates)
		tui_prog_dates(r->start_date, r->end_date, c->buf[C_DATES], sizeof c->buf[C_DATES]);
	else
		snprintf(c->buf[C_DATES], sizeof c->buf[C_DATES], "%s", r->start_date);
	c->text[C_DATES] = c->buf[C_DATES];
	tui_prog_weeks(r->start_date, r->end_date, c->buf[C_WEEKS], sizeof c->buf[C_WEEKS]);
	c->text[C_WEEKS] = c->buf[C_WEEKS];
	c->text[C_STATUS] = lup_cohort_status_label(r->status);
	if (strcmp(r->status, "done") == 0 || strcmp(r->status, "cancelled") == 0)
		c->style[C_STATUS] = TUI_S_DIM;
	tui_prog_seats(r->enrolled, r->capacity, r->waitlisted, c->buf[C_SEATS], sizeof c->buf[C_SEATS]);
	c->text[C_SEATS] = c->buf[C_SEATS];
	if (r->waitlisted > 0)
		c->style[C_SEATS] = TUI_S_WARN;
	tui_prog_warn_count(r->warnings, c->buf[C_WARN], sizeof c->buf[C_WARN]);
	c->text[C_WARN] = c->buf[C_WARN];
	c->style[C_WARN] = TUI_S_WARN;
}

static const char *empty_text(struct tui_lscreen *ls)
{
	(void)ls;
	return _("No cohorts yet: press a to add one.");
}

/* ---- the programme ---- */

/* The programme's name; its progress is counted when idle (a pass over
 * every enrolment: tens of milliseconds at 50,000 people). */
static void load_programme(struct tui_lscreen *ls, tui_app *app)
{
	struct cohorts *s = (struct cohorts *)ls;
	struct lup_programme p;
	lup_err err;
	lup_err_clear(&err);
	s->title[0] = s->progress[0] = '\0';
	s->progress_pending = 0;
	if (lup_programme_first(tui_db(app), s->c.prog, &err) < 0) {
		s->c.prog[0] = '\0';
		if (err.code != LUP_ENOTFOUND)
			tui_error(app, "%s", err.msg);
		snprintf(s->progress, sizeof s->progress, "%s",
		         _("No programme yet: the first cohort you add starts one."));
		return;
	}
	if (lup_programme_get(tui_db(app), s->c.prog, &p, &err) == 0)
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
	if (lup_programme_progress(tui_db(app), s->c.prog, &pr, &err) < 0) {
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
	if (s->c.prog[0])
		return 0;
	lup_err_clear(&err);
	if (lup_programme_ensure(tui_db(app), tui_config(app), _("Leadership development"), s->c.prog,
	                         &err) < 0) {
		tui_error(app, "%s", err.msg);
		return -1;
	}
	load_programme(&s->c.ls, app);
	return 0;
}

/* The progress first: it is what the screen is for. */
static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	struct cohorts *s = (struct cohorts *)ls;
	char right[96], keys[32], ekeys[32];
	int x = r.x + 1, rw;
	(void)app;
	tui_action_keys_text(TUI_A_BLOCKS, keys, sizeof keys);
	snprintf(right, sizeof right, _("%s: blocks"), keys);
	/* the programme's key too when its name still has room */
	tui_action_keys_text(TUI_A_EDIT_PROGRAMME, ekeys, sizeof ekeys);
	if (*ekeys && *keys && r.w - tui_width(s->progress) - tui_width(s->title) > 40)
		snprintf(right, sizeof right, _("%s: programme · %s: blocks"), ekeys, keys);
	rw = *keys ? tui_width(right) : 0;
	x += tui_put(r.y, x, r.x + r.w - rw - 3 - x, s->progress, tui_attr(TUI_S_TITLE), 0);
	if (s->title[0] && r.x + r.w - rw - 3 - x > 8) {
		x += tui_put(r.y, x, 3, " · ", tui_attr(TUI_S_NORMAL), 0);
		tui_put(r.y, x, r.x + r.w - rw - 3 - x, s->title, tui_attr(TUI_S_NORMAL), 0);
	}
	if (rw)
		tui_put(r.y, r.x + r.w - rw - 1, rw, right, tui_attr(TUI_S_DIM), 0);
}

static int idle(struct tui_lscreen *ls, tui_app *app)
{
	struct cohorts *s = (struct cohorts *)ls;
	if (!s->progress_pending)
		return 0;
	count_progress(s, app);
	return TUI_REDRAW;
}

/* ---- the cohorts ---- */

static tui_screen *open_row(struct tui_lscreen *ls, const void *row)
{
	return tui_cohort_view(ls->app, ((const struct lup_cohort_row *)row)->id);
}

/* Adding the first cohort starts the programme. */
static tui_screen *form(struct tui_lscreen *ls, const void *row)
{
	struct cohorts *s = (struct cohorts *)ls;
	if (!row && ensure_programme(s, ls->app) < 0)
		return NULL;
	return tui_cohort_form(ls->app, s->c.prog, row ? ((const struct lup_cohort_row *)row)->id : NULL);
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	struct cohorts *s = (struct cohorts *)ls;
	const struct lup_cohort_row *c = row;
	switch (a) {
	case TUI_A_CALENDAR:
		return tui_push(app, tui_calendar_screen(app, NULL), TAG_CALENDAR);
	case TUI_A_PRINT:
		return c ? tui_print(app, LUP_DOC_PARTICIPANTS, c->id, NULL) : 0;
	case TUI_A_BLOCKS:
		if (ensure_programme(s, app) < 0)
			return TUI_REDRAW;
		return tui_push(app, tui_blocks_screen(app, s->c.prog), TAG_BLOCKS);
	case TUI_A_EDIT_PROGRAMME:
		if (ensure_programme(s, app) < 0)
			return TUI_REDRAW;
		return tui_push(app, tui_programme_form(app, s->c.prog), TAG_PROGRAMME);
	default:
		return TUI_UNHANDLED;
	}
}

/* After a save: the warnings, and who moved up from the waitlist. */
static int result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result)
{
	tui_screen *notice;
	if (tag == TAG_PROGRAMME) {
		if (result == TUI_SAVED)
			load_programme(ls, app);
		return TUI_REDRAW;
	}
	if (tag != TUI_LS_TAG_FORM || result != TUI_SAVED)
		return TUI_UNHANDLED;
	notice = tui_cohort_form_report(app, child);
	load_programme(ls, app);
	tui_lscreen_focus(ls, tui_cohort_form_id(child));
	return notice ? tui_push(app, notice, TAG_NOTICE) : TUI_REDRAW;
}

/* ---- deleting a cohort ---- */

static int describe(tui_app *app, void *ud, const char *id, char *what, size_t n, lup_buf *detail,
                    lup_err *err)
{
	struct lup_cohort_row row;
	struct lup_cohort_query q = { NULL, NULL, NULL, NULL };
	lup_buf with = { 0 };
	long people;
	(void)ud;
	if (lup_cohort_row_get(tui_db(app), &q, id, &row, err) < 0)
		return -1;
	snprintf(what, n, _("the cohort %s"), row.name);
	people = row.enrolled + row.waitlisted;
	if (row.sessions > 0)
		lup_buf_printf(&with, ngettext("%ld session", "%ld sessions", (unsigned long)row.sessions),
		               row.sessions);
	if (people > 0) {
		if (with.len)
			lup_buf_puts(&with, ", ");
		lup_buf_printf(&with, ngettext("%ld enrolment", "%ld enrolments", (unsigned long)people), people);
	}
	if (with.len)
		lup_buf_printf(detail, _("With it go: %s, and the attendance taken at its sessions."), with.s);
	else
		lup_buf_puts(detail, _("It has no sessions and nobody is enrolled."));
	lup_buf_clear(&with);
	return 0;
}

static int remove_cohort(tui_app *app, void *ud, const char *id, char *said, size_t n, lup_err *err)
{
	(void)ud; (void)said; (void)n;
	return lup_cohort_delete(tui_db(app), id, err);
}

static const struct tui_deleter cohort_deleter = { describe, remove_cohort };

static const struct tui_lscreen_def def = {
	TUI_COHORTS_LIST_DEF,   /* with the "/" filter: part of a cohort's name */
	.name = N_("Cohorts"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PROGRAMME) |
	            TUI_CTXBIT(TUI_CTX_DOCUMENTS),
	.cols = cols, .ncols = NCOLS, .head = 1,
	.cells = cells, .layout = layout, .title = title, .empty_text = empty_text,
	.load = load_programme, .draw = draw, .idle = idle,
	.open = open_row, .form = form, .form_id = tui_cohort_form_id, .deleter = &cohort_deleter,
	.action = action, .result = result,
};

tui_screen *tui_programme_screen(tui_app *app)
{
	struct cohorts *s = tui_lscreen_new(app, &def, sizeof *s);
	if (!s)
		return NULL;
	s->c.warnings = 1;
	return &s->c.ls.base;
}
