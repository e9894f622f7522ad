/* enrol_picker.c — picking people to enrol in a cohort.  The list is the
 * people register (paged, filtered with /: people_common.c's queries);
 * Space marks the focused person and moves on, Enter enrols everyone
 * marked in the order they were marked (or the focused person when
 * nobody is).  Past the capacity they join the waitlist; people already
 * in a cohort of the programme are refused and named.  d sets the day
 * their seats count from ("enrol as of"), to take attendance for
 * sessions before today. */
#include <stdlib.h>
#include <string.h>
#include "lup/cal.h"
#include "lup/enrol.h"
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/people.h"
#include "tui/programme.h"

enum { C_MARK, C_NAME, C_UNIT, C_STATUS, NCOLS };

struct picker {
	struct tui_lscreen ls;
	char cohort[LUP_ID_SIZE];
	char cohort_name[128];
	char seats[64];
	char (*marked)[LUP_ID_SIZE];
	int nmarked, cap;
	char as_of[11];              /* the day the seats count from; "" today */
};

enum { TAG_AS_OF = 1 };

static const struct tui_col cols[NCOLS] = {
	{ "", 3, 0, 0 }, { N_("Name"), 18, 5, 0 }, { N_("Unit"), 12, 3, 0 }, { N_("Programme"), 14, 4, 0 },
};

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
			tui_error(app, "%s", lup_err_oom_text());
			return;
		}
		s->marked = m;
		s->cap = cap;
	}
	snprintf(s->marked[s->nmarked++], LUP_ID_SIZE, "%s", id);
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	struct picker *s = (struct picker *)ls;
	const struct lup_person_row *p = row;
	int m = is_marked(s, p->id) >= 0;
	c->text[C_MARK] = m ? "[x]" : "[ ]";
	c->text[C_NAME] = p->name;
	c->text[C_UNIT] = p->org_unit;
	if (p->status[0])
		tui_cell_printf(c, C_STATUS, p->cohort[0] ? "%s · %s" : "%s%s",
		                lup_enrol_status_label(p->status), p->cohort);
	if (m)
		c->add[C_MARK] = c->add[C_NAME] = A_BOLD;
	c->style[C_STATUS] = TUI_S_DIM;
}

static const char *empty_text(struct tui_lscreen *ls)
{
	(void)ls;
	return _("Nobody in the register yet: add people in the People section.");
}

/* ---- the screen ---- */

static void load(struct tui_lscreen *ls, tui_app *app)
{
	struct picker *s = (struct picker *)ls;
	struct lup_cohort_query q = { NULL, NULL, NULL, NULL };
	struct lup_cohort_row row;
	lup_err err;
	if (lup_cohort_row_get(tui_db(app), &q, s->cohort, &row, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return;
	}
	snprintf(s->cohort_name, sizeof s->cohort_name, "%s", row.name);
	tui_prog_seats(row.enrolled, row.capacity, row.waitlisted, s->seats, sizeof s->seats);
}

static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	struct picker *s = (struct picker *)ls;
	char line[400];
	int x;
	(void)app;
	snprintf(line, sizeof line, _("Enrol in %s"), s->cohort_name);
	x = r.x + 1 + tui_put(r.y, r.x + 1, r.w - 2, line, tui_attr(TUI_S_TITLE), 0);
	if (s->as_of[0])
		snprintf(line, sizeof line, ngettext("  seats %s · %d marked · as of %s", "  seats %s · %d marked · as of %s",
		                                       (unsigned long)s->nmarked), s->seats, s->nmarked,
		         s->as_of);
	else
		snprintf(line, sizeof line, ngettext("  seats %s · %d marked", "  seats %s · %d marked", (unsigned long)s->nmarked), s->seats, s->nmarked);
	tui_put(r.y, x, r.x + r.w - 1 - x, line, tui_attr(TUI_S_NORMAL), 0);
}

/* Enrol the marked people (or the focused one) and say what happened. */
static int enrol(struct tui_lscreen *ls, const void *row)
{
	struct picker *s = (struct picker *)ls;
	tui_app *app = ls->app;
	const struct lup_person_row *p = row;
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
		tui_error(app, "%s", lup_err_oom_text());
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
		lup_buf_clear(&msg);
		free(ids);
		free(out);
		tui_lscreen_reload(ls);
		return TUI_REDRAW;
	}
	tui_status(app, "%s", msg.s ? msg.s : "");
	lup_buf_clear(&msg);
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

static int result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result)
{
	struct picker *s = (struct picker *)ls;
	(void)child;
	if (tag == TAG_AS_OF && result == TUI_SAVED) {
		if (s->as_of[0])
			tui_status(app, _("Seats given now count from %s."), s->as_of);
		else
			tui_status(app, "%s", _("Seats given now count from today."));
	}
	return TUI_REDRAW;
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	struct picker *s = (struct picker *)ls;
	const struct lup_person_row *p = row;
	switch (a) {
	case TUI_A_MARK:
		if (!p)
			return 0;
		toggle(s, app, p->id);
		tui_list_action(&ls->list, app, TUI_A_DOWN);
		return TUI_REDRAW;
	case TUI_A_ENROL_AS_OF:
		return ask_as_of(s, app);
	default:
		return TUI_UNHANDLED;
	}
}

static void destroy(struct tui_lscreen *ls)
{
	free(((struct picker *)ls)->marked);
}

static const struct tui_lscreen_def def = {
	.name = N_("Enrol people"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_PICKER) | TUI_CTXBIT(TUI_CTX_ENROL),
	.row_size = sizeof(struct lup_person_row),
	.id_offset = offsetof(struct lup_person_row, id),
	.nsorts = LUP_PSORT_COUNT,
	.cols = cols, .ncols = NCOLS, .head = 1,
	.page = tui_people_page, .count = tui_people_count, .position = tui_people_position,
	.fetch_one = tui_people_fetch_one,
	.cells = cells, .sort_name = tui_people_sort_name, .empty_text = empty_text,
	.load = load, .draw = draw, .pick = enrol, .action = action, .result = result, .destroy = destroy,
};

tui_screen *tui_enrol_picker(tui_app *app, const char *cohort_id)
{
	struct picker *s = tui_lscreen_new(app, &def, sizeof *s);
	if (!s)
		return NULL;
	snprintf(s->cohort, sizeof s->cohort, "%s", cohort_id);
	return &s->ls.base;
}
