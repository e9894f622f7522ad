/* people_list.c — the People section's list: name, unit, role, e-mail and
 * programme status; add, edit, delete, open, filter, sort. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/dialog.h"
#include "tui/import.h"
#include "tui/list.h"
#include "tui/people.h"

enum { TAG_FORM = 1, TAG_VIEW, TAG_DELETE, TAG_IMPORT };
enum { C_NAME, C_UNIT, C_ROLE, C_EMAIL, C_STATUS, NCOLS };

struct people {
	tui_screen base;
	tui_app *app;
	struct tui_list list;
	int colw[NCOLS];
	char pending_delete[LUP_UUID_LEN + 1];
};

const char *tui_enrolment_status_word(const char *status)
{
	if (!status || !*status) return "";
	if (strcmp(status, "enrolled") == 0) return _("enrolled");
	if (strcmp(status, "waitlisted") == 0) return _("waitlisted");
	if (strcmp(status, "completed") == 0) return _("completed");
	if (strcmp(status, "withdrawn") == 0) return _("withdrawn");
	return status;
}

static enum tui_style status_style(const char *status)
{
	if (strcmp(status, "completed") == 0) return TUI_S_GOOD;
	if (strcmp(status, "waitlisted") == 0) return TUI_S_WARN;
	if (strcmp(status, "withdrawn") == 0) return TUI_S_DIM;
	return TUI_S_NORMAL;
}

static void query(struct tui_list *l, struct lup_person_query *q)
{
	q->filter = tui_list_filter(l);
	q->sort = (enum lup_person_sort)l->sort;
}

static int fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct people *s = l->ud;
	struct lup_person_query q;
	query(l, &q);
	return lup_person_page(tui_db(s->app), &q, from, dir, n, rows, err);
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	struct people *s = l->ud;
	struct lup_person_query q;
	query(l, &q);
	return lup_person_count(tui_db(s->app), &q, total, matching, err);
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	struct people *s = l->ud;
	struct lup_person_query q;
	query(l, &q);
	return lup_person_position(tui_db(s->app), &q, row, err);
}

static int row_again(struct tui_list *l, const void *row, void *out, lup_err *err)
{
	struct people *s = l->ud;
	struct lup_person_query q;
	query(l, &q);
	return lup_person_row(tui_db(s->app), &q, ((const struct lup_person_row *)row)->id, out, err);
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct people *s = l->ud;
	const char *titles[NCOLS] = { _("Name"), _("Unit"), _("Role"), _("E-mail"), _("Programme") };
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], titles[c], tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct people *s = l->ud;
	const struct lup_person_row *p = row;
	const char *cells[NCOLS] = { p->name, p->org_unit, p->role, p->email, "" };
	char status[160];
	(void)width;
	if (p->status[0])
		snprintf(status, sizeof status, p->cohort[0] ? "%s · %s" : "%s%s",
		         tui_enrolment_status_word(p->status), p->cohort);
	else
		snprintf(status, sizeof status, "%s", p->active ? "" : _("inactive"));
	cells[C_STATUS] = status;
	for (int c = 0; c < NCOLS; c++) {
		attr_t ca = a;
		if (s->colw[c] <= 0)
			continue;
		if (c == C_STATUS && p->status[0] && !(a & A_REVERSE))
			ca = tui_attr(status_style(p->status));
		if (c == C_NAME && !p->active) {
			char b[200];
			snprintf(b, sizeof b, "%s (%s)", p->name, _("inactive"));
			tui_put(y, x, s->colw[c], b, ca | A_DIM, 0);
		} else {
			tui_put(y, x, s->colw[c], cells[c], ca, 0);
		}
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
	return _("Nobody here yet: press a to add a person.");
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .sort_name = sort_name, .empty_text = empty_text,
	.row_again = row_again,
};

/* ---- the screen ---- */

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PEOPLE);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct people *s = (struct people *)scr;
	static const int min[NCOLS] = { 16, 10, 10, 12, 12 }, weight[NCOLS] = { 5, 3, 3, 4, 4 };
	tui_rect r = tui_area(app);
	tui_columns(r.w - 3, NCOLS, min, weight, s->colw);
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct people *s = (struct people *)scr;
	tui_list_reload(&s->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	tui_list_draw(&((struct people *)scr)->list, app);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_list_key(&((struct people *)scr)->list, app, k);
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct people *)scr)->list, app);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct people *s = (struct people *)scr;
	const struct lup_person_row *p = tui_list_focused(&s->list);
	int r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_OPEN:
		return p ? tui_push(app, tui_person_view(app, p->id), TAG_VIEW) : 0;
	case TUI_A_ADD:
		return tui_push(app, tui_person_form(app, NULL), TAG_FORM);
	case TUI_A_EDIT:
		return p ? tui_push(app, tui_person_form(app, p->id), TAG_FORM) : 0;
	case TUI_A_DELETE:
		if (!p)
			return 0;
		memcpy(s->pending_delete, p->id, sizeof s->pending_delete);
		return tui_person_confirm_delete(app, TAG_DELETE, p->id);
	case TUI_A_IMPORT:
		return tui_push(app, tui_import_form(app), TAG_IMPORT);
	default:
		return TUI_UNHANDLED;
	}
}

/* Focus a person by id (after saving them). */
static void focus_person(struct people *s, tui_app *app, const char *id)
{
	struct lup_person_query q;
	struct lup_person_row row;
	lup_err err;
	query(&s->list, &q);
	if (lup_person_row(tui_db(app), &q, id, &row, &err) == 0)
		tui_list_reload(&s->list, app, &row);
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct people *s = (struct people *)scr;
	if (tag == TAG_FORM && result == TUI_SAVED) {
		const char *id = tui_person_form_id(child);
		if (id && *id)
			focus_person(s, app, id);
	} else if (tag == TAG_DELETE && result == TUI_YES) {
		tui_person_delete(app, s->pending_delete);
	}
	/* after an import (TUI_IMPORTED) enter() reloads the list and counts again */
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct people *s = (struct people *)scr;
	tui_list_free(&s->list);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("People"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.destroy = destroy,
};

tui_screen *tui_people_screen(tui_app *app)
{
	struct people *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	tui_list_init(&s->list, &list_ops, s, sizeof(struct lup_person_row), LUP_PSORT_COUNT);
	return &s->base;
}

/* ---- shared with the detail view ---- */

static void add_count(lup_buf *b, long n, const char *fmt)
{
	if (n <= 0)
		return;
	if (b->len)
		lup_buf_puts(b, ", ");
	lup_buf_printf(b, fmt, n);
}

int tui_person_confirm_delete(tui_app *app, int tag, const char *id)
{
	struct lup_person p;
	struct lup_person_impact im;
	lup_err err;
	lup_buf what = { 0 }, detail = { 0 };
	char q[300];
	int r;

	if (lup_person_get(tui_db(app), id, &p, &err) < 0 ||
	    lup_person_impact(tui_db(app), id, &im, &err) < 0) {
		lup_person_clear(&p);
		tui_error(app, "%s", err.msg);
		return TUI_REDRAW;
	}
	snprintf(q, sizeof q, _("Delete %s?"), p.name);
	add_count(&what, im.enrolments, ngettext("%ld enrolment", "%ld enrolments", (unsigned long)im.enrolments));
	add_count(&what, im.attendance, ngettext("%ld attendance record", "%ld attendance records", (unsigned long)im.attendance));
	add_count(&what, im.placements, ngettext("%ld placement", "%ld placements", (unsigned long)im.placements));
	add_count(&what, im.checkins, ngettext("%ld check-in", "%ld check-ins", (unsigned long)im.checkins));
	add_count(&what, im.log_entries, ngettext("%ld log entry", "%ld log entries", (unsigned long)im.log_entries));
	if (what.len)
		lup_buf_printf(&detail, _("With them go: %s."), what.s);
	else
		lup_buf_puts(&detail, _("Nothing else is recorded for them."));
	if (im.reports > 0) {
		lup_buf_puts(&detail, " ");
		lup_buf_printf(&detail, ngettext("%ld person loses their manager.",
		                                 "%ld people lose their manager.", (unsigned long)im.reports),
		               im.reports);
	}
	lup_buf_puts(&detail, " ");
	lup_buf_puts(&detail, _("This cannot be undone."));
	r = tui_confirm(app, tag, q, detail.s);
	lup_buf_free(&what);
	lup_buf_free(&detail);
	lup_person_clear(&p);
	return r;
}

int tui_person_delete(tui_app *app, const char *id)
{
	struct lup_person p;
	lup_err err;
	char name[160] = "";
	if (lup_person_get(tui_db(app), id, &p, &err) == 0)
		snprintf(name, sizeof name, "%s", p.name);
	lup_person_clear(&p);
	if (lup_person_delete(tui_db(app), id, &err) < 0) {
		tui_error(app, "%s", err.msg);
		return -1;
	}
	tui_status(app, _("Deleted %s."), name);
	return 0;
}

int tui_people_search(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                      lup_err *err)
{
	(void)ud;
	struct lup_person_query q = { text, LUP_PSORT_NAME };
	struct lup_person_row rows[16];
	int n;
	if (max > 16)
		max = 16;
	n = lup_person_page(tui_db(app), &q, NULL, 1, max, rows, err);
	for (int i = 0; i < n; i++) {
		snprintf(out[i].id, sizeof out[i].id, "%s", rows[i].id);
		if (rows[i].org_unit[0])
			snprintf(out[i].label, sizeof out[i].label, "%s (%s)", rows[i].name, rows[i].org_unit);
		else
			snprintf(out[i].label, sizeof out[i].label, "%s", rows[i].name);
	}
	return n;
}
