/* placement_list.c — a list of placements, by status then start date (or
 * by start date): the pipeline's, and a host's in the host view.  The
 * actions on the focused placement live here too, so both lists move a
 * placement on, cancel, open, add, edit and delete it the same way. */
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

static void query(struct tui_plist *pl, struct lup_placement_query *q)
{
	memset(q, 0, sizeof *q);
	q->filter = tui_list_filter(&pl->list);
	q->status = pl->status;
	q->host_id = pl->host_id;
	q->sort = (enum lup_placement_sort)pl->list.sort;
}

static int fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct tui_plist *pl = l->ud;
	struct lup_placement_query q;
	query(pl, &q);
	return lup_placement_page(tui_db(pl->app), &q, from, dir, n, rows, err);
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
static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct tui_plist *pl = l->ud;
	struct lup_placement_query q;
	long all[LUP_PS_COUNT];
	query(pl, &q);
	if (lup_placement_counts(tui_db(pl->app), &q, pl->counts, err) < 0)
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
	if (lup_placement_counts(tui_db(pl->app), &q, all, err) < 0)
		return -1;
	*total = 0;
	for (int s = 0; s < LUP_PS_COUNT; s++)
		*total += all[s];
	return 0;
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	struct tui_plist *pl = l->ud;
	struct lup_placement_query q;
	query(pl, &q);
	return lup_placement_position(tui_db(pl->app), &q, row, err);
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct tui_plist *pl = l->ud;
	const char *titles[NCOLS] = { _("Status"), _("Participant"), _("Host"), _("Country"),
	                              _("Start"), _("End"), _("Days"), _("Next step needs") };
	(void)width;
	pl->last_status = -1;   /* rows follow: the first one starts a group */
	for (int c = 0; c < NCOLS; c++) {
		if (pl->colw[c] <= 0)
			continue;
		tui_put(y, x, pl->colw[c], titles[c], tui_attr(TUI_S_HEADER), c == C_DAYS ? TUI_RIGHT : 0);
		x += pl->colw[c] + 1;
	}
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

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct tui_plist *pl = l->ud;
	const struct lup_placement_row *r = row;
	char days[16], next[512];
	const char *cells[NCOLS];
	int first = (int)r->status != pl->last_status;
	(void)width;
	pl->last_status = (int)r->status;
	snprintf(days, sizeof days, "%d", r->days);
	if (pl->colw[C_NEXT] > 0)
		next_needs(r, next, sizeof next);
	else
		next[0] = 0;
	cells[C_STATUS] = lup_pstatus_label(r->status);
	cells[C_PERSON] = r->person;
	cells[C_HOST] = r->host;
	cells[C_COUNTRY] = lup_country_name(r->country);
	cells[C_START] = r->start;
	cells[C_END] = r->end;
	cells[C_DAYS] = r->days >= 0 ? days : "";
	cells[C_NEXT] = r->status == LUP_PS_CANCELLED ? r->cancel_reason : next;
	for (int c = 0; c < NCOLS; c++) {
		attr_t ca = a;
		if (pl->colw[c] <= 0)
			continue;
		if (c == C_STATUS && !(a & A_REVERSE))
			ca = tui_attr(tui_pstatus_style(r->status)) | (first ? A_BOLD : 0);
		else if (c == C_STATUS)
			ca = a | (first ? A_BOLD : 0);
		else if (c == C_NEXT && !(a & A_REVERSE))
			ca = tui_attr(TUI_S_DIM);
		tui_put(y, x, pl->colw[c], cells[c], ca, c == C_DAYS ? TUI_RIGHT : 0);
		x += pl->colw[c] + 1;
	}
}

static const char *sort_name(struct tui_list *l, int sort)
{
	(void)l;
	return lup_placement_sort_name((enum lup_placement_sort)sort);
}

static const char *empty_text(struct tui_list *l)
{
	struct tui_plist *pl = l->ud;
	if (pl->status != LUP_PS_ANY)
		return _("No placements with this status: Esc shows every status.");
	return pl->host_id[0] ? _("No placements here yet: press a to propose one.")
	                      : _("No placements yet: press a to propose one.");
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .sort_name = sort_name, .empty_text = empty_text,
};

void tui_plist_init(struct tui_plist *pl, tui_app *app, const char *host_id)
{
	memset(pl, 0, sizeof *pl);
	pl->app = app;
	snprintf(pl->host_id, sizeof pl->host_id, "%s", host_id ? host_id : "");
	pl->status = LUP_PS_ANY;
	tui_list_init(&pl->list, &list_ops, pl, sizeof(struct lup_placement_row), LUP_PLSORT_COUNT);
}

void tui_plist_free(struct tui_plist *pl)
{
	tui_list_free(&pl->list);
	free(pl->counted_filter);
	pl->counted_filter = NULL;
}

void tui_plist_layout(struct tui_plist *pl, tui_rect r)
{
	int w = r.w - 3, out[NCOLS];
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
	memset(pl->colw, 0, sizeof pl->colw);
	pl->wide = w >= 120;
	if (pl->host_id[0]) {
		/* a host's: no host and country columns */
		int min[5] = { status_w, 16, 10, 10, days_w }, weight[5] = { 0, 4, 0, 0, 0 };
		int n = pl->wide ? 6 : 5;
		int min6[6] = { status_w, 16, 10, 10, days_w, 20 }, weight6[6] = { 0, 3, 0, 0, 0, 6 };
		tui_columns(w, n, pl->wide ? min6 : min, pl->wide ? weight6 : weight, out);
		pl->colw[C_STATUS] = out[0];
		pl->colw[C_PERSON] = out[1];
		pl->colw[C_START] = out[2];
		pl->colw[C_END] = out[3];
		pl->colw[C_DAYS] = out[4];
		if (pl->wide)
			pl->colw[C_NEXT] = out[5];
	} else if (pl->wide) {
		int min[8] = { status_w, 16, 16, 9, 10, 10, days_w, 20 }, weight[8] = { 0, 3, 3, 1, 0, 0, 0, 6 };
		tui_columns(w, 8, min, weight, out);
		memcpy(pl->colw, out, sizeof out);
	} else {
		int min[6] = { status_w, 12, 12, 8, 10, 10 }, weight[6] = { 0, 4, 4, 2, 0, 0 };
		tui_columns(w, 6, min, weight, out);
		memcpy(pl->colw, out, 6 * sizeof out[0]);
	}
	tui_list_layout(&pl->list, pl->app, r);
}

void tui_plist_draw(struct tui_plist *pl)
{
	tui_list_draw(&pl->list, pl->app);
}

void tui_plist_count(struct tui_plist *pl)
{
	struct lup_placement_query q;
	lup_err err;
	query(pl, &q);
	lup_err_clear(&err);
	if (lup_placement_counts(tui_db(pl->app), &q, pl->counts, &err) == 0) {
		counted(pl, &q);
		pl->count_failed = 0;
	} else {
		/* noted as counted, so that idle does not ask again for the same query */
		counted(pl, &q);
		pl->counts_ok = 0;
		pl->count_failed = 1;
		tui_error(pl->app, "%s", err.msg);
	}
}

int tui_plist_idle(struct tui_plist *pl)
{
	int r = tui_list_idle(&pl->list, pl->app);
	const char *f = tui_list_filter(&pl->list);
	int changed = !pl->counted_filter || pl->counted_status != pl->status ||
	              strcmp(pl->counted_filter, f) != 0;
	if (changed || (!pl->counts_ok && !pl->count_failed)) {
		tui_plist_count(pl);
		r |= TUI_REDRAW;
	}
	return r;
}

void tui_plist_set_status(struct tui_plist *pl, int status)
{
	pl->status = status >= 0 && status < LUP_PS_COUNT ? status : LUP_PS_ANY;
	pl->counts_ok = 0;
	tui_list_home(&pl->list, pl->app);
	tui_plist_count(pl);
}

void tui_plist_focus(struct tui_plist *pl, const char *id)
{
	struct lup_placement p;
	struct lup_placement_row row;
	lup_err err;
	if (!id || !*id || lup_placement_get(tui_db(pl->app), id, &p, &err) < 0) {
		tui_list_reload(&pl->list, pl->app, NULL);
		return;
	}
	memset(&row, 0, sizeof row);
	memcpy(row.id, p.id, sizeof row.id);
	row.status = p.status;
	row.key_rank = (int)p.status;
	snprintf(row.key_date, sizeof row.key_date, "%s", p.start_date ? p.start_date : "");
	lup_placement_clear(&p);
	tui_list_reload(&pl->list, pl->app, &row);
}

/* ---- actions ---- */

/* The id of a placement a child works on (a form, a question). */
static char pending[LUP_UUID_LEN + 1];

int tui_plist_action(struct tui_plist *pl, enum tui_action a, int tag_base)
{
	tui_app *app = pl->app;
	const struct lup_placement_row *r = tui_list_focused(&pl->list);
	int res = tui_list_action(&pl->list, app, a);
	if (!(res & TUI_UNHANDLED))
		return res;
	switch (a) {
	case TUI_A_OPEN:
		return r ? tui_push(app, tui_placement_view(app, r->id), tag_base) : 0;
	case TUI_A_ADD:
		return tui_push(app, tui_placement_form(app, NULL, pl->host_id, NULL), tag_base + 1);
	case TUI_A_EDIT:
		return r ? tui_push(app, tui_placement_form(app, r->id, NULL, NULL), tag_base + 1) : 0;
	case TUI_A_DELETE:
		if (!r)
			return 0;
		memcpy(pending, r->id, sizeof pending);
		return tui_placement_confirm_delete(app, tag_base + 2, r->id);
	case TUI_A_ADVANCE:
		if (!r)
			return 0;
		{
			int rc;
			memcpy(pending, r->id, sizeof pending);
			rc = tui_placement_advance(app, pending, r->status, tag_base + 4);
			if (rc == TUI_PUSH)
				return rc;
			if (rc == 0) {
				tui_plist_focus(pl, pending);
				pl->counts_ok = 0;
			}
		}
		return TUI_REDRAW;
	case TUI_A_CANCEL_PLACEMENT:
		if (!r)
			return 0;
		memcpy(pending, r->id, sizeof pending);
		return tui_push(app, tui_cancel_form(app, r->id), tag_base + 3);
	case TUI_A_LOG_ADD:
		return 0;
	case TUI_A_PRINT:
		return r ? tui_print_placement(app, r->id) : 0;
	default:
		return TUI_UNHANDLED;
	}
}

int tui_plist_result(struct tui_plist *pl, tui_screen *child, int tag, int result, int tag_base)
{
	tui_app *app = pl->app;
	if (tag == tag_base + 1 && result == TUI_SAVED) {
		const char *id = tui_placement_form_id(child);
		tui_placement_saved_status(app, tui_placement_form_warnings(child));
		tui_plist_focus(pl, id);
	} else if (tag == tag_base + 2 && result == TUI_YES) {
		tui_placement_delete(app, pending);
	} else if (tag == tag_base + 3 && result == TUI_SAVED) {
		tui_plist_focus(pl, pending);
	} else if (tag == tag_base + 4) {
		int rc = tui_placement_advance_answer(app, result, tag);
		if (rc == TUI_PUSH)
			return rc;
		tui_plist_focus(pl, pending);
	}
	pl->counts_ok = 0;
	return TUI_REDRAW;
}
