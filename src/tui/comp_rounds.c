/* comp_rounds.c — check-in rounds: the form that starts one from the Due
 * list (a unit, a role, a cohort or everyone; those due or all of them;
 * a kind and a date; the list of whom to invite), the Rounds view (each
 * round with its progress, "12 of 40 done") and one round's people with
 * where each stands; x writes the list of whom to invite (from a round,
 * those not done: a reminder). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/competence.h"
#include "tui/dialog.h"
#include "tui/list_screen.h"
#include "tui/save_as.h"
#include "tui/rank.h"

/* ---- the form ---- */

static const struct tui_choice scopes[] = {
	{ "unit", N_("a unit") },
	{ "role", N_("a role") },
	{ "cohort", N_("a cohort") },
	{ "everyone", N_("everyone") },
};
static const struct tui_choice whom[] = {
	{ "due", N_("those due: overdue, due soon, never assessed") },
	{ "all", N_("all of them") },
};
static const struct tui_choice round_kinds[] = {
	{ "self", N_("self-assessment") },
	{ "manager", N_("manager review") },
	{ "validation", N_("validation") },
};

static int search_cohorts(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                          lup_err *err)
{
	struct lup_cohort_query q;
	struct lup_cohort_row rows[64], last;
	const struct lup_cohort_row *from = NULL;
	char *want = lup_fold(text ? text : "");
	int got = 0, n;
	(void)ud;
	if (!want)
		return lup_err_oom(err);
	memset(&q, 0, sizeof q);
	do {
		if ((n = lup_cohort_page(tui_db(app), &q, from, 1, 64, rows, err)) < 0) {
			free(want);
			return -1;
		}
		for (int i = 0; i < n && got < max; i++) {
			char *f = lup_fold(rows[i].name);
			if (f && strstr(f, want)) {
				snprintf(out[got].id, sizeof out[got].id, "%s", rows[i].id);
				snprintf(out[got].label, sizeof out[got].label, "%s", rows[i].name);
				got++;
			}
			free(f);
		}
		if (n > 0) {
			last = rows[n - 1];
			from = &last;
		}
	} while (n == 64 && got < max);
	free(want);
	tui_ref_rank(out, got, text);
	return got;
}

static const struct tui_field_def round_fields[] = {
	{ "scope", N_("For"), TUI_FIELD_CHOICE, TUI_FIELD_REQUIRED, 0, 0, 0, scopes, 4, NULL, NULL },
	{ "value", N_("Unit or role"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL,
	  N_("As people's unit or role is written (case and accents do not matter)") },
	{ "cohort", N_("Cohort"), TUI_FIELD_REF, 0, 0, 0, 0, NULL, 0, search_cohorts,
	  N_("Type part of its name; Enter picks") },
	{ "whom", N_("Whom"), TUI_FIELD_CHOICE, TUI_FIELD_REQUIRED, 0, 0, 0, whom, 2, NULL, NULL },
	{ "kind", N_("Kind"), TUI_FIELD_CHOICE, TUI_FIELD_REQUIRED, 0, 0, 0, round_kinds, 3, NULL, NULL },
	{ "date", N_("Date"), TUI_FIELD_DATE, TUI_FIELD_REQUIRED, 20, 0, 0, NULL, 0, NULL,
	  N_("The date of the drafts") },
	{ "name", N_("Name"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL,
	  N_("Empty: made from the kind, whom and the date") },
	{ "invite", N_("Invite list"), TUI_FIELD_TEXT, 0, PATH_MAX - 1, 0, 0, NULL, 0, NULL,
	  N_("A CSV file of names and e-mail addresses to write, or empty for none; ~ is your home folder") },
};
#define NROUND_FIELDS ((int)(sizeof round_fields / sizeof round_fields[0]))

struct round_form {
	tui_app *app;
	char unit[201], role[201];   /* of the person the Due list focused */
	char done[600];              /* what happened, for the status line */
};

static void scope_changed(struct tui_form *f, const char *field, void *ud)
{
	struct round_form *rf = ud;
	const char *scope = tui_form_get(f, "scope");
	if (strcmp(field, "scope") != 0)
		return;
	if (strcmp(scope, "unit") == 0)
		tui_form_set(f, "value", rf->unit);
	else if (strcmp(scope, "role") == 0)
		tui_form_set(f, "value", rf->role);
	else
		tui_form_set(f, "value", "");
}

static int round_save(void *ud, struct tui_form *f, lup_err *err)
{
	struct round_form *rf = ud;
	const char *scope = tui_form_get(f, "scope"), *invite = tui_form_get(f, "invite");
	struct lup_round r;
	struct lup_round_result res;
	char path[PATH_MAX], tail[300] = "";

	memset(&r, 0, sizeof r);
	r.scope = strcmp(scope, "unit") == 0 ? LUP_ROUND_UNIT : strcmp(scope, "role") == 0 ? LUP_ROUND_ROLE
	        : strcmp(scope, "cohort") == 0 ? LUP_ROUND_COHORT : LUP_ROUND_EVERYONE;
	snprintf(r.value, sizeof r.value, "%s", tui_form_get(f, "value"));
	snprintf(r.cohort_id, sizeof r.cohort_id, "%s", tui_form_get(f, "cohort"));
	if (r.scope == LUP_ROUND_COHORT && !r.cohort_id[0])
		return lup_err_field(err, "cohort", "%s", _("which cohort?"));
	snprintf(r.kind, sizeof r.kind, "%s", tui_form_get(f, "kind"));
	snprintf(r.date, sizeof r.date, "%.10s", tui_form_get(f, "date"));
	snprintf(r.name, sizeof r.name, "%s", tui_form_get(f, "name"));
	r.only_due = strcmp(tui_form_get(f, "whom"), "due") == 0;
	if (!lup_blank(invite) && tui_expand_path(invite, path, sizeof path) < 0)
		return lup_err_field(err, "invite", "%s", _("The file name is too long."));
	if (lup_round_start(tui_db(rf->app), tui_config(rf->app), &r, lup_date_today(), &res, err) < 0)
		return -1;
	if (!lup_blank(invite)) {
		long rows, none;
		lup_err e2;
		if (lup_round_invites(tui_db(rf->app), r.id, 0, path, &rows, &none, &e2) < 0)
			snprintf(tail, sizeof tail, _("; the invite list was not written: %s"), e2.msg);
		else if (none)
			snprintf(tail, sizeof tail, ngettext("; invite list written (%ld without an e-mail address)",
			                                     "; invite list written (%ld without e-mail addresses)",
			                                     (unsigned long)none), none);
		else
			snprintf(tail, sizeof tail, "%s", _("; invite list written"));
	}
	snprintf(rf->done, sizeof rf->done, ngettext("Round %s: %ld asked (%ld new, %ld with a draft already)%s",
	                                             "Round %s: %ld asked (%ld new, %ld with a draft already)%s",
	                                             (unsigned long)res.people),
	         r.name, res.people, res.made, res.kept, tail);
	return 0;
}

tui_screen *tui_comp_round_form(tui_app *app, const char *unit, const char *role)
{
	struct round_form *rf = calloc(1, sizeof *rf);
	struct tui_form *f;
	tui_screen *s;
	char today[11];
	if (!rf)
		return NULL;
	rf->app = app;
	snprintf(rf->unit, sizeof rf->unit, "%s", unit ? unit : "");
	snprintf(rf->role, sizeof rf->role, "%s", role ? role : "");
	if (!(s = tui_form_screen(_("Start a check-in round"), round_fields, NROUND_FIELDS, round_save, free, rf)))
		return NULL;
	f = tui_form_of(s);
	tui_form_on_change(f, scope_changed);
	lup_date_format(lup_date_today(), today);
	tui_form_set(f, "scope", rf->unit[0] ? "unit" : "everyone");
	tui_form_set(f, "value", rf->unit);
	tui_form_set(f, "whom", "due");
	tui_form_set(f, "kind", "self");
	tui_form_set(f, "date", today);
	tui_form_mark_clean(f);
	return s;
}

const char *tui_comp_round_done(tui_screen *form_screen)
{
	struct round_form *rf = tui_form_ud(form_screen);
	return rf ? rf->done : "";
}

/* ---- writing the invite list ---- */

struct invite {
	tui_app *app;
	char id[LUP_UUID_LEN + 1];
	int pending;
};

static int write_invites(void *ud, const char *path, lup_err *err)
{
	struct invite *iv = ud;
	return lup_round_invites(tui_db(iv->app), iv->id, iv->pending, path, NULL, NULL, err);
}

static tui_screen *invite_form(tui_app *app, const char *id, const char *name, const char *date, int pending)
{
	struct invite *iv = calloc(1, sizeof *iv);
	char title[300], file[300];
	size_t o = 0;
	if (!iv)
		return NULL;
	iv->app = app;
	iv->pending = pending;
	snprintf(iv->id, sizeof iv->id, "%s", id);
	snprintf(title, sizeof title, pending ? _("Write the reminder list of %s (those not done)")
	                                      : _("Write the invite list of %s"), name);
	/* TRANSLATORS: the default file name of a round's invite list; %s is its date */
	snprintf(file, sizeof file, pending ? _("reminders-%s.csv") : _("invites-%s.csv"), date);
	for (size_t i = 0; file[i]; i++)
		if (file[i] != '/' && file[i] != ' ')
			file[o++] = file[i];
	file[o] = '\0';
	return tui_save_as(title, file, N_("CSV: name, e-mail, unit, role (a mail merge reads it)"),
	                   _("Wrote the list to %s"), write_invites, free, iv);
}

/* ---- the Rounds view ---- */

enum { TAG_INVITE = 1 };
enum { R_DATE, R_NAME, R_KIND, R_PROGRESS, NRCOLS };

struct rounds {
	struct tui_lscreen ls;
	struct lup_round_row *rows;
	size_t n;
};

static const struct tui_col round_cols[NRCOLS] = {
	{ N_("Date"), 10, 0, 0 }, { N_("Round"), 20, 4, 0 }, { N_("Kind"), 14, 1, 0 },
	{ N_("Progress"), 16, 1, 0 },
};

static void rounds_load(struct tui_lscreen *ls, tui_app *app)
{
	struct rounds *s = (struct rounds *)ls;
	lup_err err;
	lup_err_clear(&err);
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
	if (lup_round_list(tui_db(app), &s->rows, &s->n, &err) < 0)
		tui_error(app, "%s", err.msg);
	ls->items = s->rows;
	ls->nitems = (long)s->n;
}

static void rounds_cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	const struct lup_round_row *r = row;
	(void)ls;
	c->text[R_DATE] = r->date;
	c->text[R_NAME] = r->name;
	c->text[R_KIND] = lup_checkin_kind_label(r->kind);
	tui_cell_printf(c, R_PROGRESS, _("%ld of %ld done"), r->done, r->people);
	if (r->done == r->people && r->people)
		c->style[R_PROGRESS] = TUI_S_GOOD;
}

static const char *rounds_empty(struct tui_lscreen *ls)
{
	static char b[200];
	char key[16];
	(void)ls;
	snprintf(b, sizeof b, _("No rounds yet: %s on the Due list starts one."), tui_comp_key(TUI_A_ROUND, key));
	return b;
}

static tui_screen *rounds_open(struct tui_lscreen *ls, const void *row)
{
	return tui_comp_round(ls->app, ((const struct lup_round_row *)row)->id);
}

static int rounds_action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	const struct lup_round_row *r = row;
	char key[16];
	(void)ls;
	switch (a) {
	case TUI_A_ROUND_INVITE:
		return r ? tui_push(app, invite_form(app, r->id, r->name, r->date, 0), TAG_INVITE) : 0;
	case TUI_A_ADD:
		tui_status(app, _("A round starts from the Due list: %s there."), tui_comp_key(TUI_A_ROUND, key));
		return TUI_REDRAW;
	default:
		return TUI_UNHANDLED;
	}
}

static int rounds_offers(struct tui_lscreen *ls, enum tui_action a)
{
	(void)ls;
	return a != TUI_A_EDIT && a != TUI_A_ADD;
}

static int round_describe(tui_app *app, void *ud, const char *id, char *what, size_t n,
                          lup_buf *detail, lup_err *err)
{
	struct lup_round r;
	(void)ud;
	if (lup_round_get(tui_db(app), id, &r, err) < 0)
		return -1;
	snprintf(what, n, _("the round %s"), r.name);
	lup_buf_puts(detail, _("Its drafts that nothing was rated in go with it; check-ins with ratings stay, "
	                       "no longer in a round."));
	return 0;
}

static int round_remove(tui_app *app, void *ud, const char *id, char *said, size_t n, lup_err *err)
{
	struct lup_round r;
	long removed;
	(void)ud;
	if (lup_round_get(tui_db(app), id, &r, err) < 0 || lup_round_delete(tui_db(app), id, &removed, err) < 0)
		return -1;
	snprintf(said, n, ngettext("Deleted the round %s, and %ld draft with it.",
	                           "Deleted the round %s, and %ld drafts with it.", (unsigned long)removed),
	         r.name, removed);
	return 0;
}

static const struct tui_deleter round_deleter = { round_describe, round_remove };

static void rounds_destroy(struct tui_lscreen *ls)
{
	free(((struct rounds *)ls)->rows);
}

static const struct tui_lscreen_def rounds_def = {
	.name = N_("Check-in rounds"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_ROUNDS),
	.row_size = sizeof(struct lup_round_row),
	.id_offset = offsetof(struct lup_round_row, id),
	.flags = TUI_LS_NO_FILTER,
	.cols = round_cols, .ncols = NRCOLS,
	.cells = rounds_cells, .empty_text = rounds_empty, .load = rounds_load,
	.open = rounds_open, .deleter = &round_deleter,
	.action = rounds_action, .offers = rounds_offers, .destroy = rounds_destroy,
};

tui_screen *tui_comp_rounds_view(tui_app *app)
{
	struct rounds *s = tui_lscreen_new(app, &rounds_def, sizeof *s);
	return s ? &s->ls.base : NULL;
}

/* ---- one round ---- */

enum { P_NAME, P_UNIT, P_STATUS, P_RATED, P_EMAIL, NPCOLS };

struct round {
	struct tui_lscreen ls;
	char id[LUP_UUID_LEN + 1];
	struct lup_round r;
	struct lup_round_person *people;
	size_t n;
	long done;
};

static const struct tui_col people_cols[NPCOLS] = {
	{ N_("Name"), 18, 3, 0 }, { N_("Unit"), 12, 2, 0 }, { N_("Status"), 8, 0, 0 },
	{ N_("Rated"), 5, 0, 0 }, { N_("E-mail"), 16, 2, 0 },
};

static void round_load(struct tui_lscreen *ls, tui_app *app)
{
	struct round *s = (struct round *)ls;
	long people;
	lup_err err;
	lup_err_clear(&err);
	free(s->people);
	s->people = NULL;
	s->n = 0;
	if (lup_round_get(tui_db(app), s->id, &s->r, &err) < 0 ||
	    lup_round_people(tui_db(app), s->id, &s->people, &s->n, &err) < 0 ||
	    lup_round_progress(tui_db(app), s->id, &s->done, &people, &err) < 0)
		tui_error(app, "%s", err.msg);
	ls->items = s->people;
	ls->nitems = (long)s->n;
}

static void people_cells(struct tui_lscreen *ls, const void *row, struct tui_cells *c)
{
	const struct lup_round_person *p = row;
	int final = strcmp(p->status, "final") == 0;
	(void)ls;
	c->text[P_NAME] = p->name;
	c->text[P_UNIT] = p->unit;
	c->text[P_STATUS] = final ? _("done") : _("not yet");
	c->style[P_STATUS] = final ? TUI_S_GOOD : TUI_S_WARN;
	tui_cell_printf(c, P_RATED, "%ld", p->rated);
	c->text[P_EMAIL] = p->email[0] ? p->email : _("(no e-mail)");
}

static void round_draw(struct tui_lscreen *ls, tui_app *app, tui_rect r)
{
	struct round *s = (struct round *)ls;
	char line[600], prog[96];
	int pw;
	(void)app;
	snprintf(prog, sizeof prog, _("%ld of %ld done"), s->done, (long)s->n);
	pw = tui_width(prog);
	tui_put(r.y, r.x + r.w - pw - 1, pw, prog,
	        tui_attr(s->done == (long)s->n && s->n ? TUI_S_GOOD : TUI_S_TITLE) | A_BOLD, 0);
	snprintf(line, sizeof line, _("Round: %s"), s->r.name);
	tui_put(r.y, r.x + 1, r.w - pw - 4, line, tui_attr(TUI_S_TITLE), 0);
	snprintf(line, sizeof line, "%s · %s%s%s · %s", lup_checkin_kind_label(s->r.kind),
	         lup_round_scope_label(s->r.scope), s->r.value[0] ? " " : "", s->r.value, s->r.date);
	tui_put(r.y + 1, r.x + 1, r.w - 2, line, tui_attr(TUI_S_DIM), 0);
}

static tui_screen *round_open(struct tui_lscreen *ls, const void *row)
{
	return tui_comp_person(ls->app, ((const struct lup_round_person *)row)->person_id);
}

static int round_action(struct tui_lscreen *ls, tui_app *app, enum tui_action a, const void *row)
{
	struct round *s = (struct round *)ls;
	(void)row;
	if (a == TUI_A_ROUND_INVITE)
		return tui_push(app, invite_form(app, s->id, s->r.name, s->r.date, 1), TAG_INVITE);
	return TUI_UNHANDLED;
}

static void round_destroy(struct tui_lscreen *ls)
{
	free(((struct round *)ls)->people);
}

static const struct tui_lscreen_def round_def = {
	.name = N_("A check-in round"),
	.contexts = TUI_LS_CONTEXTS | TUI_CTXBIT(TUI_CTX_ROUNDS),
	.row_size = sizeof(struct lup_round_person),
	.flags = TUI_LS_NO_FILTER,
	.cols = people_cols, .ncols = NPCOLS, .head = 2,
	.cells = people_cells, .load = round_load, .draw = round_draw,
	.open = round_open, .action = round_action, .destroy = round_destroy,
};

tui_screen *tui_comp_round(tui_app *app, const char *round_id)
{
	struct round *s = tui_lscreen_new(app, &round_def, sizeof *s);
	if (!s)
		return NULL;
	snprintf(s->id, sizeof s->id, "%s", round_id);
	return &s->ls.base;
}
