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
#include "tui/list_screen.h"
#include "tui/save_as.h"

enum { TAG_FORM = 1, TAG_EDIT, TAG_SHEET, TAG_SUPERSEDE, TAG_GAPS, TAG_TARGETS, TAG_PROFILE };
enum { C_DATE, C_KIND, C_STATUS, C_ASSESSOR, C_RATED, C_FW, NCOLS };

struct person {
	struct tui_lscreen ls;
	char id[LUP_UUID_LEN + 1];
	char name[200], unit[200], role[200];
	struct lup_due_info due;
	int gone;
};

static const struct tui_col cols[NCOLS] = {
	{ N_("Date"), 10, 0, 0 }, { N_("Kind"), 14, 2, 0 }, { N_("Status"), 9, 1, 0 },
	{ N_("Assessor"), 12, 5, 0 }, { N_("Rated"), 9, 0, 0 }, { N_("Framework"), 10, 1, 0 },
};

/* A person has a few check-ins a year: the widget counts them by paging. */
static int page(struct tui_lscreen *ls, const void *from, int dir, int n, void *rows, lup_err *err)
{
	return lup_checkin_page(tui_db(ls->app), ((struct person *)ls)->id, from, dir, n, rows, err);
}

static void cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	const struct lup_checkin_row *k = row;
	(void)ls;
	c->text[C_DATE] = k->date;
	c->text[C_KIND] = lup_checkin_kind_label(k->kind);
	c->text[C_STATUS] = k->superseded ? _("corrected") : lup_checkin_status_label(k->status);
	c->style[C_STATUS] = strcmp(k->status, "draft") == 0 ? TUI_S_WARN : k->superseded ? TUI_S_DIM
	                   : TUI_S_GOOD;
	c->text[C_ASSESSOR] = k->assessor[0] ? k->assessor : "–";
	tui_cell_printf(c, C_RATED, _("%ld of %ld"), k->rated, k->competences);
	tui_cell_printf(c, C_FW, "%s r%d", k->framework, k->revision);
}

static const char *empty_text(struct tui_lscreen *ls)
{
	(void)ls;
	return _("No check-ins yet: press a to start one.");
}

static void load(struct tui_lscreen *ls, tui_app *app)
{
	struct person *s = (struct person *)ls;
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

static void draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	struct person *s = (struct person *)ls;
	char line[512], due[160];
	(void)app;
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
}

/* A final check-in: ask to correct it. */
static int correct(struct person *s, tui_app *app, const struct lup_checkin_row *k)
{
	char q[256];
	if (k->superseded) {
		tui_status(app, "%s", _("A later check-in corrects this one: open that one instead."));
		return TUI_REDRAW;
	}
	memcpy(s->ls.pending, k->id, sizeof k->id);
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
	if (lup_profile_build(tui_db(s->ls.app), tui_config(s->ls.app), s->id, &p, err) < 0)
		return -1;
	rc = lup_profile_file(&p, path, err);
	lup_profile_clear(&p);
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

static tui_screen *open_row(struct tui_lscreen *ls, const void *row)
{
	/* a draft to rate, a final one to read */
	return tui_comp_sheet(ls->app, ((const struct lup_checkin_row *)row)->id);
}

static int action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	struct person *s = (struct person *)ls;
	const struct lup_checkin_row *k = row;
	if (s->gone && a != TUI_A_QUIT && a != TUI_A_BACK)
		return 0;
	switch (a) {
	case TUI_A_ADD:
		return tui_push(app, tui_comp_checkin_form(app, s->id, NULL), TAG_FORM);
	case TUI_A_EDIT:
		if (!k)
			return 0;
		if (strcmp(k->status, "draft") != 0)
			return correct(s, app, k);   /* a final one is not changed: corrected */
		return tui_push(app, tui_comp_checkin_form(app, s->id, k->id), TAG_EDIT);
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

static int offers(struct tui_lscreen *ls, enum tui_action a)
{
	const struct lup_checkin_row *k = tui_lscreen_focused(ls);
	if (a == TUI_A_DELETE)
		return k && strcmp(k->status, "draft") == 0;
	if (a == TUI_A_EDIT)
		return k && !k->superseded;
	return 1;
}

static int result(struct tui_lscreen *ls, tui_app *app, tui_screen *child, int tag, int result)
{
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
		return TUI_REDRAW;
	case TAG_SUPERSEDE:
		if (result != TUI_YES)
			return TUI_REDRAW;
		if (lup_checkin_supersede(tui_db(app), ls->pending, NULL, id, &err) < 0) {
			tui_error(app, "%s", err.msg);
			return TUI_REDRAW;
		}
		return tui_push(app, tui_comp_sheet(app, id), TAG_SHEET);
	default:
		return TUI_UNHANDLED;
	}
}

/* ---- deleting a draft ---- */

static int describe(tui_app *app, void *ud, const char *id, char *what, size_t n, lup_buf *detail,
                    lup_err *err)
{
	struct lup_checkin k;
	int draft;
	(void)ud;
	memset(&k, 0, sizeof k);
	if (lup_checkin_get(tui_db(app), id, &k, err) < 0)
		return -1;
	draft = strcmp(k.status, "draft") == 0;
	snprintf(what, n, _("the draft %s of %s"), lup_checkin_kind_label(k.kind), k.date);
	lup_checkin_clear(&k);
	if (!draft)
		return lup_err_set(err, LUP_EFAIL, "%s",
		                   _("a final check-in is kept: correct it with a new one that supersedes it"));
	lup_buf_puts(detail, _("Its ratings and comments go with it."));
	return 0;
}

static int remove_draft(tui_app *app, void *ud, const char *id, char *said, size_t n, lup_err *err)
{
	(void)ud; (void)said; (void)n;
	return lup_checkin_delete(tui_db(app), id, err);
}

static const struct tui_deleter draft_deleter = { describe, remove_draft };

static const struct tui_lscreen_def def = {
	.name = N_("Check-ins"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_CHECKINS),
	.row_size = sizeof(struct lup_checkin_row),
	.id_offset = offsetof(struct lup_checkin_row, id),
	.flags = TUI_LS_NO_FILTER,
	.cols = cols, .ncols = NCOLS, .head = 3,
	.page = page, .cells = cells, .empty_text = empty_text, .load = load, .draw = draw,
	.open = open_row, .deleter = &draft_deleter,
	.action = action, .result = result, .offers = offers,
};

tui_screen *tui_comp_person(tui_app *app, const char *person_id)
{
	struct person *s = tui_lscreen_new(app, &def, sizeof *s);
	if (!s)
		return NULL;
	snprintf(s->id, sizeof s->id, "%s", person_id);
	return &s->ls.base;
}
