/* placement_list.c — a list of placements, by status then start date (or
 * by start date): the pipeline's, and a host's in the host view (a list
 * screen, list_screen.h, that both start from).  The actions on the
 * focused placement live here too, so both lists move a placement on,
 * cancel, open, add, edit and delete it the same way. */
#include <stdlib.h>
#include <string.h>
#include "lup/cal.h"
#include "lup/country.h"
#include "lup/i18n.h"
#include "tui/dialog.h"
#include "tui/documents.h"
#include "tui/shadowing.h"

enum { C_STATUS, C_PERSON, C_HOST, C_COUNTRY, C_START, C_END, C_DAYS, C_NEXT, NCOLS };

enum tui_style tui_pstatus_style(enum lup_pstatus s)
{
	switch (s) {
	case LUP_PS_COMPLETED: return TUI_S_GOOD;
	case LUP_PS_CONFIRMED: return TUI_S_NORMAL;
	case LUP_PS_CANCELLED: return TUI_S_DIM;
	default: return TUI_S_WARN;
	}
}

const struct tui_col tui_plist_cols[TUI_PLIST_NCOLS] = {
	{ N_("Status"), 0, 0, 0 }, { N_("Participant"), 0, 0, 0 }, { N_("Host"), 0, 0, 0 },
	{ N_("Country"), 0, 0, 0 }, { N_("Start"), 0, 0, 0 }, { N_("End"), 0, 0, 0 },
	{ N_("Days"), 0, 0, TUI_RIGHT }, { N_("Next step needs"), 0, 0, 0 },
};

static struct tui_plist *PL(struct tui_lscreen *ls)
{
	return (struct tui_plist *)ls;
}

static struct lup_placement_query query(struct tui_plist *pl)
{
	struct lup_placement_query q;
	memset(&q, 0, sizeof q);
	q.filter = tui_lscreen_filter(&pl->ls);
	q.status = pl->status;
	q.host_id = pl->host_id;
	q.sort = (enum lup_placement_sort)pl->ls.list.sort;
	return q;
}

int tui_plist_page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct lup_placement_query q = query(PL(ls));
	return lup_placement_page(tui_db(ls->app), &q, from, dir, n, rows, err);
}

/* Note which query the per-status counts are of. */
static void counted(struct tui_plist *pl, const struct lup_placement_query *q)
{
	free(pl->counted_filter);
	pl->counted_filter = strdup(q->filter ? q->filter : "");
	pl->counted_status = q->status;
	pl->counts_ok = pl->counted_filter != NULL;
}

/* The counts per status leave the query's status aside (every status gets
 * its count): the matching rows are the shown status's, or all of them. */
int tui_plist_count_rows(struct tui_lscreen *ls, long *total, long *matching, lup_err *err)
{
	struct tui_plist *pl = PL(ls);
	struct lup_placement_query q = query(pl);
	long all[LUP_PS_COUNT];
	if (lup_placement_counts(tui_db(ls->app), &q, pl->counts, err) < 0)
		return -1;
	counted(pl, &q);
	*total = 0;
	for (int s = 0; s < LUP_PS_COUNT; s++)
		*total += pl->counts[s];
	*matching = q.status == LUP_PS_ANY ? *total : pl->counts[q.status];
	if (!q.filter || !*q.filter)
		return 0;
	/* the total: without the text filter either */
	q.filter = NULL;
	if (lup_placement_counts(tui_db(ls->app), &q, all, err) < 0)
		return -1;
	*total = 0;
	for (int s = 0; s < LUP_PS_COUNT; s++)
		*total += all[s];
	return 0;
}

long tui_plist_position(struct tui_lscreen *ls, const void *row, lup_err *err)
{
	struct lup_placement_query q = query(PL(ls));
	return lup_placement_position(tui_db(ls->app), &q, row, err);
}

int tui_plist_fetch_one(struct tui_lscreen *ls, const char *id, void *out, lup_err *err)
{
	return lup_placement_row(tui_db(ls->app), id, out, err);
}

const char *tui_plist_sort_name(int sort)
{
	return lup_placement_sort_name((enum lup_placement_sort)sort);
}

/* What the next step still needs, from the row's checklist. */
static void next_needs(const struct lup_placement_row *r, char *buf, size_t n)
{
	struct lup_placement p;
	lup_err err;
	int next = lup_pstatus_next(r->status);
	char end[11];
	memset(&p, 0, sizeof p);
	buf[0] = 0;
	if (next < 0)
		return;
	p.status = r->status;
	p.objectives = r->has_objectives ? (char *)"x" : NULL;
	p.agreement_signed = r->agreement_signed;
	p.travel_booked = r->travel_booked;
	p.report_received = r->report_received;
	snprintf(end, sizeof end, "%s", r->end);
	p.end_date = end[0] ? end : NULL;
	lup_err_clear(&err);
	if (lup_placement_can_move(&p, (enum lup_pstatus)next, lup_date_today(), NULL, &err) == 0) {
		snprintf(buf, n, _("ready for %s"), lup_pstatus_label((enum lup_pstatus)next));
	} else {
		/* what is missing, without "the placement cannot be … yet:" */
		const char *what = strstr(err.msg, ": ");
		snprintf(buf, n, "%s", what ? what + 2 : err.msg);
	}
}

void tui_plist_cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	const struct lup_placement_row *r = row, *above = c->above;
	/* the first row of a status group is bold */
	attr_t first = !above || above->status != r->status ? A_BOLD : 0;
	c->text[C_STATUS] = lup_pstatus_label(r->status);
	c->style[C_STATUS] = tui_pstatus_style(r->status);
	c->add[C_STATUS] = first;
	c->text[C_PERSON] = r->person;
	c->text[C_HOST] = r->host;
	c->text[C_COUNTRY] = lup_country_name(r->country);
	c->text[C_START] = r->start;
	c->text[C_END] = r->end;
	if (r->days >= 0)
		tui_cell_printf(c, C_DAYS, "%d", r->days);
	if (r->status == LUP_PS_CANCELLED)
		c->text[C_NEXT] = r->cancel_reason;
	else if (ls->colw[C_NEXT] > 0) {
		char next[512];
		next_needs(r, next, sizeof next);
		tui_cell_printf(c, C_NEXT, "%s", next);
	}
	c->style[C_NEXT] = TUI_S_DIM;
}

const char *tui_plist_empty_text(struct tui_lscreen *ls)
{
	struct tui_plist *pl = PL(ls);
	if (pl->status != LUP_PS_ANY)
		return _("No placements with this status: Esc shows every status.");
	return pl->host_id[0] ? _("No placements here yet: press a to propose one.")
	                      : _("No placements yet: press a to propose one.");
}

void tui_plist_init(struct tui_plist *pl, const char *host_id)
{
	snprintf(pl->host_id, sizeof pl->host_id, "%s", host_id ? host_id : "");
	pl->status = LUP_PS_ANY;
}

void tui_plist_free(struct tui_plist *pl)
{
	free(pl->counted_filter);
	pl->counted_filter = NULL;
}

void tui_plist_layout(struct tui_lscreen *ls, int w, int *colw)
{
	struct tui_plist *pl = PL(ls);
	int out[NCOLS], wide = w >= 120;
	int status_w = 0, days_w;
	/* the status column fits the longest status word */
	for (int s = 0; s < LUP_PS_COUNT; s++) {
		int sw = tui_width(lup_pstatus_label((enum lup_pstatus)s));
		if (sw > status_w)
			status_w = sw;
	}
	if (status_w < 6)
		status_w = 6;
	days_w = tui_width(_("Days"));
	if (days_w < 4)
		days_w = 4;
	memset(colw, 0, NCOLS * sizeof *colw);
	if (pl->host_id[0]) {
		/* a host's: no host and country columns */
		int min[5] = { status_w, 16, 10, 10, days_w }, weight[5] = { 0, 4, 0, 0, 0 };
		int n = wide ? 6 : 5;
		int min6[6] = { status_w, 16, 10, 10, days_w, 20 }, weight6[6] = { 0, 3, 0, 0, 0, 6 };
		tui_columns(w, n, wide ? min6 : min, wide ? weight6 : weight, out);
		colw[C_STATUS] = out[0];
		colw[C_PERSON] = out[1];
		colw[C_START] = out[2];
		colw[C_END] = out[3];
		colw[C_DAYS] = out[4];
		if (wide)
			colw[C_NEXT] = out[5];
	} else if (wide) {
		int min[8] = { status_w, 16, 16, 9, 10, 10, days_w, 20 }, weight[8] = { 0, 3, 3, 1, 0, 0, 0, 6 };
		tui_columns(w, 8, min, weight, colw);
	} else {
		int min[6] = { status_w, 12, 12, 8, 10, 10 }, weight[6] = { 0, 4, 4, 2, 0, 0 };
		tui_columns(w, 6, min, weight, colw);
	}
}

void tui_plist_count(struct tui_plist *pl)
{
	struct lup_placement_query q = query(pl);
	lup_err err;
	lup_err_clear(&err);
	if (lup_placement_counts(tui_db(pl->ls.app), &q, pl->counts, &err) == 0) {
		counted(pl, &q);
		pl->count_failed = 0;
	} else {
		/* noted as counted, so that idle does not ask again for the same query */
		counted(pl, &q);
		pl->counts_ok = 0;
		pl->count_failed = 1;
		tui_error(pl->ls.app, "%s", err.msg);
	}
}

int tui_plist_idle(struct tui_lscreen *ls, tui_app *app)
{
	struct tui_plist *pl = PL(ls);
	const char *f = tui_lscreen_filter(ls);
	int changed = !pl->counted_filter || pl->counted_status != pl->status ||
	              strcmp(pl->counted_filter, f) != 0;
	(void)app;
	if (changed || (!pl->counts_ok && !pl->count_failed)) {
		tui_plist_count(pl);
		return TUI_REDRAW;
	}
	return 0;
}

void tui_plist_set_status(struct tui_plist *pl, int status)
{
	pl->status = status >= 0 && status < LUP_PS_COUNT ? status : LUP_PS_ANY;
	pl->counts_ok = 0;
	tui_lscreen_home(&pl->ls);
	tui_plist_count(pl);
}

/* ---- records and actions ---- */

tui_screen *tui_plist_open(struct tui_lscreen *ls, const void *row)
{
	return tui_placement_view(ls->app, ((const struct lup_placement_row *)row)->id);
}

tui_screen *tui_plist_form(struct tui_lscreen *ls, const void *row)
{
	if (row)
		return tui_placement_form(ls->app, ((const struct lup_placement_row *)row)->id, NULL, NULL);
	return tui_placement_form(ls->app, NULL, PL(ls)->host_id, NULL);
}

int tui_plist_action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	struct tui_plist *pl = PL(ls);
	const struct lup_placement_row *r = row;
	int rc;
	switch (a) {
	case TUI_A_ADVANCE:
		if (!r)
			return 0;
		snprintf(ls->pending, sizeof ls->pending, "%s", r->id);
		rc = tui_placement_advance(app, ls->pending, r->status, TUI_PLIST_TAG_ADVANCE);
		if (rc == TUI_PUSH)
			return rc;
		if (rc == 0) {
			tui_lscreen_focus(ls, ls->pending);
			pl->counts_ok = 0;
		}
		return TUI_REDRAW;
	case TUI_A_CANCEL_PLACEMENT:
		if (!r)
			return 0;
		snprintf(ls->pending, sizeof ls->pending, "%s", r->id);
		return tui_push(app, tui_cancel_form(app, r->id), TUI_PLIST_TAG_CANCEL);
	case TUI_A_LOG_ADD:
		return 0;
	case TUI_A_PRINT:
		return r ? tui_print_placement(app, r->id) : 0;
	default:
		return TUI_UNHANDLED;
	}
}

int tui_plist_result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result)
{
	struct tui_plist *pl = PL(ls);
	pl->counts_ok = 0;
	switch (tag) {
	case TUI_LS_TAG_FORM:
		if (result != TUI_SAVED)
			return TUI_REDRAW;
		tui_placement_saved_status(app, tui_placement_form_warnings(child));
		return TUI_UNHANDLED;   /* the base focuses it */
	case TUI_PLIST_TAG_CANCEL:
		if (result == TUI_SAVED)
			tui_lscreen_focus(ls, ls->pending);
		return TUI_REDRAW;
	case TUI_PLIST_TAG_ADVANCE:
		if (tui_placement_advance_answer(app, result, tag) == TUI_PUSH)
			return TUI_PUSH;
		tui_lscreen_focus(ls, ls->pending);
		return TUI_REDRAW;
	default:
		return TUI_UNHANDLED;
	}
}
