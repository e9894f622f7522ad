/* comp_person.c — one person's competence check-ins: when the next one is
 * due, their history (date, kind, status, assessor, how much is rated,
 * the framework revision), a new check-in, resuming a draft, reading a
 * final one and correcting it, deleting a draft, and the ways to their
 * gap analysis, their targets and their competence profile. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "lup/profile.h"
#include "tui/competence.h"
#include "tui/dialog.h"
#include "tui/list.h"
#include "tui/save_as.h"

enum { TAG_FORM = 1, TAG_EDIT, TAG_SHEET, TAG_SUPERSEDE, TAG_DELETE, TAG_GAPS, TAG_TARGETS, TAG_PROFILE };
enum { C_DATE, C_KIND, C_STATUS, C_ASSESSOR, C_RATED, C_FW, NCOLS };
#define PAGE 64

struct person {
	tui_screen base;
	tui_app *app;
	char id[LUP_UUID_LEN + 1];
	char name[200], unit[200], role[200];
	struct lup_due_info due;
	int gone;
	struct tui_list list;
	int colw[NCOLS];
	char pending[LUP_UUID_LEN + 1];   /* the check-in a question is about */
};

static int fetch(struct tui_list *l, const void *from, int dir, int n, void *rows, lup_err *err)
{
	struct person *s = l->ud;
	return lup_checkin_page(tui_db(s->app), s->id, from, dir, n, rows, err);
}

/* A person has a few check-ins a year: count them page by page. */
static long walk(struct person *s, const char *until_id, lup_err *err)
{
	struct lup_checkin_row rows[PAGE];
	long n = 0;
	int got;
	const struct lup_checkin_row *from = NULL;
	struct lup_checkin_row last;
	do {
		got = lup_checkin_page(tui_db(s->app), s->id, from, 1, PAGE, rows, err);
		if (got < 0)
			return -1;
		for (int i = 0; i < got; i++, n++)
			if (until_id && strcmp(rows[i].id, until_id) == 0)
				return n;
		if (got > 0) {
			last = rows[got - 1];
			from = &last;
		}
	} while (got == PAGE);
	return until_id ? -1 : n;
}

static int count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	long n = walk(l->ud, NULL, err);
	if (n < 0)
		return -1;
	*total = *matching = n;
	return 0;
}

static long position(struct tui_list *l, const void *row, lup_err *err)
{
	return walk(l->ud, ((const struct lup_checkin_row *)row)->id, err);
}

static void draw_header(struct tui_list *l, int y, int x, int width)
{
	struct person *s = l->ud;
	const char *titles[NCOLS] = { _("Date"), _("Kind"), _("Status"), _("Assessor"), _("Rated"),
	                              _("Framework") };
	(void)width;
	for (int c = 0; c < NCOLS; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], titles[c], tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void draw_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct person *s = l->ud;
	const struct lup_checkin_row *k = row;
	char status[64], rated[64], fw[96];
	const char *cells[NCOLS];
	(void)width;
	if (k->superseded)
		snprintf(status, sizeof status, "%s", _("corrected"));
	else
		snprintf(status, sizeof status, "%s", lup_checkin_status_label(k->status));
	snprintf(rated, sizeof rated, _("%ld of %ld"), k->rated, k->competences);
	snprintf(fw, sizeof fw, "%s r%d", k->framework, k->revision);
	cells[C_DATE] = k->date;
	cells[C_KIND] = lup_checkin_kind_label(k->kind);
	cells[C_STATUS] = status;
	cells[C_ASSESSOR] = k->assessor[0] ? k->assessor : "–";
	cells[C_RATED] = rated;
	cells[C_FW] = fw;
	for (int c = 0; c < NCOLS; c++) {
		attr_t ca = a;
		if (s->colw[c] <= 0)
			continue;
		if (c == C_STATUS && !(a & A_REVERSE))
			ca = tui_attr(strcmp(k->status, "draft") == 0 ? TUI_S_WARN
			              : k->superseded ? TUI_S_DIM : TUI_S_GOOD);
		tui_put(y, x, s->colw[c], cells[c], ca, 0);
		x += s->colw[c] + 1;
	}
}

static const char *empty_text(struct tui_list *l)
{
	(void)l;
	return _("No check-ins yet: press a to start one.");
}

static const struct tui_list_ops list_ops = {
	.fetch = fetch, .count = count, .position = position, .draw_row = draw_row,
	.draw_header = draw_header, .empty_text = empty_text,
};

/* ---- the screen ---- */

static void load(struct person *s, tui_app *app)
{
	struct lup_person p;
	lup_err err;
	lup_err_clear(&err);
	if (lup_person_get(tui_db(app), s->id, &p, &err) < 0) {
		s->gone = 1;
		tui_error(app, "%s", err.msg);
		return;
	}
	snprintf(s->name, sizeof s->name, "%s", p.name);
	snprintf(s->unit, sizeof s->unit, "%s", p.org_unit ? p.org_unit : "");
	snprintf(s->role, sizeof s->role, "%s", p.role ? p.role : "");
	lup_person_clear(&p);
	if (lup_due_person(tui_db(app), tui_config(app), s->id, lup_date_today(), &s->due, &err) < 0)
		tui_error(app, "%s", err.msg);
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_CHECKINS);
}

static void on_resize(tui_screen *scr, tui_app *app)
{
	struct person *s = (struct person *)scr;
	static const int min[NCOLS] = { 10, 14, 9, 12, 9, 10 }, weight[NCOLS] = { 0, 2, 1, 5, 0, 1 };
	tui_rect r = tui_area(app);
	r.y += 3;
	r.h -= 3;
	tui_columns(r.w - 3, NCOLS, min, weight, s->colw);
	tui_list_layout(&s->list, app, r);
}

static int enter(tui_screen *scr, tui_app *app)
{
	struct person *s = (struct person *)scr;
	load(s, app);
	tui_list_reload(&s->list, app, NULL);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct person *s = (struct person *)scr;
	tui_rect r = tui_area(app);
	char line[512], due[160];
	snprintf(line, sizeof line, _("%s: competence check-ins"), s->name);
	tui_put(r.y, r.x + 1, r.w - 2, line, tui_attr(TUI_S_TITLE), 0);
	snprintf(line, sizeof line, "%s%s%s", s->unit, s->unit[0] && s->role[0] ? " · " : "", s->role);
	tui_put(r.y + 1, r.x + 1, r.w - 2, line, tui_attr(TUI_S_DIM), 0);
	tui_comp_due_text(s->due.state, s->due.due, s->due.days, due, sizeof due);
	snprintf(line, sizeof line, ngettext("Next check-in: %s · every %d day", "Next check-in: %s · every %d days",
	                                     (unsigned long)s->due.interval), due, s->due.interval);
	tui_put(r.y + 2, r.x + 1, r.w - 2, line,
	        tui_attr(s->due.state == LUP_DUE_OVERDUE ? TUI_S_BAD
	                 : s->due.state == LUP_DUE_SOON ? TUI_S_WARN : TUI_S_NORMAL), 0);
	tui_list_draw(&s->list, app);
}

static int on_key(tui_screen *scr, tui_app *app, tui_key k)
{
	return tui_list_key(&((struct person *)scr)->list, app, k);
}

static int idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct person *)scr)->list, app);
}

/* A final check-in: ask to correct it. */
static int correct(struct person *s, tui_app *app, const struct lup_checkin_row *k)
{
	char q[256];
	if (k->superseded) {
		tui_status(app, "%s", _("A later check-in corrects this one: open that one instead."));
		return TUI_REDRAW;
	}
	memcpy(s->pending, k->id, sizeof s->pending);
	snprintf(q, sizeof q, _("Correct the %s of %s?"), lup_checkin_kind_label(k->kind), k->date);
	return tui_confirm(app, TAG_SUPERSEDE, q,
	                   _("A final check-in is not changed. A new draft copies its ratings; once it is "
	                     "made final it takes this one's place, and this one stays in the history."));
}

static int write_profile(void *ud, const char *path, lup_err *err)
{
	struct person *s = ud;
	struct lup_profile p;
	int rc;
	if (lup_profile_build(tui_db(s->app), tui_config(s->app), s->id, &p, err) < 0)
		return -1;
	rc = lup_profile_file(&p, path, err);
	lup_profile_free(&p);
	return rc;
}

static int profile(struct person *s, tui_app *app)
{
	char name[300], title[300];
	size_t o = 0;
	/* TRANSLATORS: the default file name of a competence profile; %s is the person's name */
	snprintf(name, sizeof name, _("profile-%s.html"), s->name);
	for (size_t i = 0; name[i]; i++)   /* a name without spaces or slashes */
		if (name[i] != '/')
			name[o++] = name[i] == ' ' ? '-' : name[i];
	name[o] = '\0';
	snprintf(title, sizeof title, _("Write the competence profile of %s"), s->name);
	return tui_push(app, tui_save_as(title, name, N_("HTML: opens in a web browser and prints well"),
	                                 _("Wrote the competence profile to %s"), write_profile, NULL, s),
	                TAG_PROFILE);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct person *s = (struct person *)scr;
	const struct lup_checkin_row *k = tui_list_focused(&s->list);
	char q[256];
	int r;
	if (a == TUI_A_FILTER || a == TUI_A_SORT)
		return 0;   /* a person's few check-ins, newest first */
	r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	if (s->gone && a != TUI_A_QUIT && a != TUI_A_BACK)
		return 0;
	switch (a) {
	case TUI_A_OPEN:
		/* a draft to rate, a final one to read */
		return k ? tui_push(app, tui_comp_sheet(app, k->id), TAG_SHEET) : 0;
	case TUI_A_ADD:
		return tui_push(app, tui_comp_checkin_form(app, s->id, NULL), TAG_FORM);
	case TUI_A_EDIT:
		if (!k)
			return 0;
		if (strcmp(k->status, "draft") != 0)
			return correct(s, app, k);   /* a final one is not changed: corrected */
		return tui_push(app, tui_comp_checkin_form(app, s->id, k->id), TAG_EDIT);
	case TUI_A_DELETE:
		if (!k)
			return 0;
		if (strcmp(k->status, "draft") != 0) {
			tui_error(app, "%s", _("a final check-in is kept: correct it with a new one that supersedes it"));
			return TUI_REDRAW;
		}
		memcpy(s->pending, k->id, sizeof s->pending);
		snprintf(q, sizeof q, _("Delete the draft %s of %s?"), lup_checkin_kind_label(k->kind), k->date);
		return tui_confirm(app, TAG_DELETE, q, _("Its ratings and comments go with it."));
	case TUI_A_GAPS:
		return tui_push(app, tui_comp_gaps(app, s->id), TAG_GAPS);
	case TUI_A_PERSON_TARGETS:
		return tui_push(app, tui_comp_targets_person(app, s->id), TAG_TARGETS);
	case TUI_A_PROFILE:
		return profile(s, app);
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct person *s = (struct person *)scr;
	const struct lup_checkin_row *k = tui_list_focused(&s->list);
	(void)app;
	if (a == TUI_A_SORT || a == TUI_A_FILTER)
		return 0;
	if (a == TUI_A_DELETE)
		return k && strcmp(k->status, "draft") == 0;
	if (a == TUI_A_EDIT)
		return k && !k->superseded;
	return 1;
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct person *s = (struct person *)scr;
	lup_err err;
	char id[LUP_UUID_LEN + 1];
	lup_err_clear(&err);
	switch (tag) {
	case TAG_FORM:
		if (result == TUI_SAVED) {
			int resumed = 0;
			const char *cid = tui_comp_checkin_form_id(child, &resumed);
			if (resumed)
				tui_status(app, "%s", _("An open draft of that kind was there: it is resumed."));
			if (cid && *cid)
				return tui_push(app, tui_comp_sheet(app, cid), TAG_SHEET);
		}
		break;
	case TAG_SUPERSEDE:
		if (result != TUI_YES)
			break;
		if (lup_checkin_supersede(tui_db(app), s->pending, NULL, id, &err) < 0) {
			tui_error(app, "%s", err.msg);
			break;
		}
		return tui_push(app, tui_comp_sheet(app, id), TAG_SHEET);
	case TAG_DELETE:
		if (result != TUI_YES)
			break;
		if (lup_checkin_delete(tui_db(app), s->pending, &err) < 0)
			tui_error(app, "%s", err.msg);
		else
			tui_status(app, "%s", _("Draft deleted."));
		break;
	default:
		break;
	}
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct person *s = (struct person *)scr;
	tui_list_free(&s->list);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Check-ins"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_key = on_key,
	.on_resize = on_resize,
	.on_result = on_result,
	.idle = idle,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *tui_comp_person(tui_app *app, const char *person_id)
{
	struct person *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &ops;
	s->app = app;
	snprintf(s->id, sizeof s->id, "%s", person_id);
	tui_list_init(&s->list, &list_ops, s, sizeof(struct lup_checkin_row), 1);
	return &s->base;
}
