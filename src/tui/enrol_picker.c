/* enrol_picker.c — picking people to enrol in a cohort.  The list is the
 * people register (paged, filtered with /); Space marks the focused
 * person and moves on, Enter enrols everyone marked in the order they
 * were marked (or the focused person when nobody is).  Past the capacity
 * they join the waitlist; people already in a cohort of the programme are
 * refused and named.  d sets the day their seats count from ("enrol as
 * of"), to take attendance for sessions before today. */
#include <stdlib.h>
#include <string.h>
#include "lup/cal.h"
#include "lup/enrol.h"
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/list.h"
#include "tui/programme.h"

enum { C_MARK, C_NAME, C_UNIT, C_STATUS, NCOLS };

struct picker {
	tui_screen base;
	tui_app *app;
	char cohort[LUP_ID_SIZE];
	char cohort_name[128];
	char seats[64];
	struct tui_list list;
	int colw[NCOLS];
	char (*marked)[LUP_ID_SIZE];
	int nmarked, cap;
	char as_of[11];              /* the day the seats count from; "" today */
};

enum { TAG_AS_OF = 1 };

static int is_marked(const struct picker *s, const char *id)
{
	for (int i = 0; i < s->nmarked; i++)
		if (strcmp(s->marked[i], id) == 0)
			return i;
	return -1;
}

static void toggle(struct picker *s, tui_app *app, const char *id)
{
	int i = is_marked(s, id);
	if (i >= 0) {
		memmove(&s->marked[i], &s->marked[i + 1], (size_t)(s->nmarked - i - 1) * sizeof *s->marked);
		s->nmarked--;
		return;
	}
	if (s->nmarked == s->cap) {
		int cap = s->cap ? s->cap * 2 : 32;
		void *m = realloc(s->marked, (size_t)cap * sizeof *s->marked);
		if (!m) {
			tui_error(app, "%s", _("out of memory"));
			return;
		}
		s->marked = m;
		s->cap = cap;
	}
	snprintf(s->marked[s->nmarked++], LUP_ID_SIZE, "%s", id);
}

static void query(struct tui_list *l, struct lup_person_query *q)
{
	q->filter = tui_list_filter(l);
	q->sort = (enum lup_person_sort)l->sort;
}

static int fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct picker *s = l->ud;
	struct lup_person_query q;
	query(l, &q);
	return lup_person_page(tui_db(s->app), &q, from, dir, n, rows, err);
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct picker *s = l->ud;
	struct lup_person_query q;
	query(l, &q);
	return lup_person_count(tui_db(s->app), &q, total, matching, err);
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	struct picker *s = l->ud;
	struct lup_person_query q;
	query(l, &q);
	return lup_person_position(tui_db(s->app), &q, row, err);
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct picker *s = l->ud;
	const char *t[NCOLS] = { "", _("Name"), _("Unit"), _("Programme") };
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], t[c], tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct picker *s = l->ud;
	const struct lup_person_row *p = row;
	char status[200] = "";
	const char *cells[NCOLS];
	int m = is_marked(s, p->id) >= 0;
	(void)width;
	if (p->status[0])
		snprintf(status, sizeof status, p->cohort[0] ? "%s · %s" : "%s%s",
		         lup_enrol_status_label(p->status), p->cohort);
	cells[C_MARK] = m ? "[x]" : "[ ]";
	cells[C_NAME] = p->name;
	cells[C_UNIT] = p->org_unit;
	cells[C_STATUS] = status;
	for (int c = 0; c < NCOLS; c++) {
		attr_t ca = a;
		if (s->colw[c] <= 0)
			continue;
		if (m && (c == C_MARK || c == C_NAME))
			ca |= A_BOLD;
		else if (c == C_STATUS && !(a & A_REVERSE))
			ca = tui_attr(TUI_S_DIM);
		tui_put(y, x, s->colw[c], cells[c], ca, 0);
		x += s->colw[c] + 1;
	}
}

static const char *sort_name(struct tui_list *l, int sort)
{
	(void)l;
	return lup_person_sort_name((enum lup_person_sort)sort);
}

static const char *empty_text(struct tui_list *l)
{
	(void)l;
	return _("Nobody in the register yet: add people in the People section.");
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .sort_name = sort_name, .empty_text = empty_text,
};

/* ---- the screen ---- */

static void load(struct picker *s, tui_app *app)
{
	struct lup_cohort_query q = { NULL, NULL, NULL };
	struct lup_cohort_row row;
	lup_err err;
	if (lup_cohort_row_get(tui_db(app), &q, s->cohort, &row, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return;
	}
	snprintf(s->cohort_name, sizeof s->cohort_name, "%s", row.name);
	tui_prog_seats(row.enrolled, row.capacity, row.waitlisted, s->seats, sizeof s->seats);
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_PICKER) | TUI_CTXBIT(TUI_CTX_ENROL);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct picker *s = (struct picker *)scr;
	static const int min[NCOLS] = { 3, 18, 12, 14 }, weight[NCOLS] = { 0, 5, 3, 4 };
	tui_rect r = tui_area(app);
	tui_columns(r.w - 3, NCOLS, min, weight, s->colw);
	r.y += 1;
	r.h -= 1;
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct picker *s = (struct picker *)scr;
	load(s, app);
	tui_list_reload(&s->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct picker *s = (struct picker *)scr;
	tui_rect r = tui_area(app);
	char line[400];
	int x;
	snprintf(line, sizeof line, _("Enrol in %s"), s->cohort_name);
	x = r.x + 1 + tui_put(r.y, r.x + 1, r.w - 2, line, tui_attr(TUI_S_TITLE), 0);
	if (s->as_of[0])
		snprintf(line, sizeof line, _("  seats %s · %d marked · as of %s"), s->seats, s->nmarked,
		         s->as_of);
	else
		snprintf(line, sizeof line, _("  seats %s · %d marked"), s->seats, s->nmarked);
	tui_put(r.y, x, r.x + r.w - 1 - x, line, tui_attr(TUI_S_NORMAL), 0);
	tui_list_draw(&s->list, app);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_list_key(&((struct picker *)scr)->list, app, k);
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct picker *)scr)->list, app);
}

/* Enrol the marked people (or the focused one) and say what happened. */
static int enrol(struct picker *s, tui_app *app)
{
	const struct lup_person_row *p = tui_list_focused(&s->list);
	const char **ids;
	struct lup_enrol_outcome *out;
	lup_err err;
	int n = s->nmarked ? s->nmarked : p ? 1 : 0, done, seated = 0, waiting = 0, refused = 0;
	const char *first_refusal = NULL;
	lup_buf msg = { 0 };

	if (n == 0)
		return 0;
	ids = calloc((size_t)n, sizeof *ids);
	out = calloc((size_t)n, sizeof *out);
	if (!ids || !out) {
		free(ids);
		free(out);
		tui_error(app, "%s", _("out of memory"));
		return TUI_REDRAW;
	}
	for (int i = 0; i < n; i++)
		ids[i] = s->nmarked ? s->marked[i] : p->id;
	lup_err_clear(&err);
	done = lup_enrol_many(tui_db(app), s->cohort, ids, n, s->as_of, out, &err);
	if (done < 0) {
		tui_error(app, "%s", err.msg);
		free(ids);
		free(out);
		return TUI_REDRAW;
	}
	for (int i = 0; i < n; i++) {
		if (out[i].result == LUP_ENROL_SEATED) {
			seated++;
		} else if (out[i].result == LUP_ENROL_WAITLISTED) {
			waiting++;
		} else {
			refused++;
			if (!first_refusal)
				first_refusal = out[i].msg;
		}
	}
	lup_buf_printf(&msg, ngettext("%d enrolled", "%d enrolled", (unsigned long)seated), seated);
	if (waiting > 0) {
		lup_buf_puts(&msg, ", ");
		lup_buf_printf(&msg, ngettext("%d on the waitlist", "%d on the waitlist", (unsigned long)waiting),
		               waiting);
	}
	if (refused > 0) {
		lup_buf_puts(&msg, "; ");
		lup_buf_printf(&msg, ngettext("%d refused: %s", "%d refused: %s", (unsigned long)refused),
		               refused, first_refusal);
	}
	if (seated + waiting == 0) {
		/* nothing happened: stay, so that the marks can be put right */
		tui_error(app, "%s", msg.s ? msg.s : "");
		lup_buf_free(&msg);
		free(ids);
		free(out);
		tui_list_reload(&s->list, app, NULL);
		return TUI_REDRAW;
	}
	tui_status(app, "%s", msg.s ? msg.s : "");
	lup_buf_free(&msg);
	free(ids);
	free(out);
	return tui_pop(app, TUI_SAVED);
}

/* ---- enrol as of a day ---- */

static const struct tui_field_def as_of_fields[] = {
	{ "enrolled_on", N_("Seats count from"), TUI_FIELD_DATE, 0, 40, 0, 0, NULL, 0, NULL,
	  N_("For a cohort that met before it was entered in lup: sessions from this day on can be "
	     "marked for them. Empty: today") },
};

static int save_as_of(void *ud, struct tui_form *f, lup_err *err)
{
	struct picker *s = ud;
	const char *v = tui_form_get(f, "enrolled_on");
	lup_date d;
	if (*v && (strlen(v) != 10 || lup_date_parse(v, lup_date_today(), &d) < 0))
		return lup_err_field(err, "enrolled_on", _("'%s' is not a date (YYYY-MM-DD)"), v);
	snprintf(s->as_of, sizeof s->as_of, "%s", v);
	return 0;
}

static int ask_as_of(struct picker *s, tui_app *app)
{
	tui_screen *form = tui_form_screen(_("Enrol as of"), as_of_fields, 1, save_as_of, NULL, s);
	if (form) {
		tui_form_set(tui_form_of(form), "enrolled_on", s->as_of);
		tui_form_mark_clean(tui_form_of(form));
	}
	return tui_push(app, form, TAG_AS_OF);
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct picker *s = (struct picker *)scr;
	(void)child;
	if (tag == TAG_AS_OF && result == TUI_SAVED) {
		if (s->as_of[0])
			tui_status(app, _("Seats given now count from %s."), s->as_of);
		else
			tui_status(app, "%s", _("Seats given now count from today."));
	}
	return TUI_REDRAW;
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct picker *s = (struct picker *)scr;
	const struct lup_person_row *p = tui_list_focused(&s->list);
	int r;
	/* Esc in a pick list: clear the filter first, then go back (the
	 * application's default for back does not see a changed action). */
	if (a == TUI_A_PICK_CLOSE) {
		r = tui_list_action(&s->list, app, TUI_A_BACK);
		return r & TUI_UNHANDLED ? tui_pop(app, TUI_CANCELLED) : r;
	}
	if (a == TUI_A_PICK) {
		/* Enter first ends typing a filter */
		r = tui_list_action(&s->list, app, TUI_A_OPEN);
		if (!(r & TUI_UNHANDLED))
			return r;
		return enrol(s, app);
	}
	r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_MARK:
		if (!p)
			return 0;
		toggle(s, app, p->id);
		tui_list_action(&s->list, app, TUI_A_DOWN);
		return TUI_REDRAW;
	case TUI_A_ENROL_AS_OF:
		return ask_as_of(s, app);
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_PICK_CLOSE;   /* q Back says it, and the line is full */
}

static void destroy(tui_screen *scr)
{
	struct picker *s = (struct picker *)scr;
	tui_list_free(&s->list);
	free(s->marked);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Enrol people"),
	.on_result = on_result,
	.contexts = contexts,
	.enter = enter,
	.draw = draw,
	.on_action = on_action,
	.offers = offers,
	.on_key = on_key,
	.on_resize = on_resize,
	.idle = idle,
	.destroy = destroy,
};

tui_screen *tui_enrol_picker(tui_app *app, const char *cohort_id)
{
	struct picker *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	snprintf(s->cohort, sizeof s->cohort, "%s", cohort_id);
	tui_list_init(&s->list, &list_ops, s, sizeof(struct lup_person_row), LUP_PSORT_COUNT);
	return &s->base;
}
