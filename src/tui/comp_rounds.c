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
#include "tui/list.h"
#include "tui/save_as.h"

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
		return lup_err_set(err, LUP_EFAIL, "%s", _("out of memory"));
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

enum { TAG_ROUND = 1, TAG_INVITE, TAG_DELETE, TAG_PERSON };

struct round_item {
	long idx;
	struct lup_round_row r;
};

struct rounds {
	tui_screen base;
	tui_app *app;
	struct tui_list list;
	struct lup_round_row *rows;
	size_t n;
	int colw[4];
	char pending[LUP_UUID_LEN + 1];
};

static void load_rounds(struct rounds *s, tui_app *app)
{
	lup_err err;
	lup_err_clear(&err);
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
	if (lup_round_list(tui_db(app), &s->rows, &s->n, &err) < 0)
		tui_error(app, "%s", err.msg);
}

static int rounds_fetch(struct tui_list *l, const void *fromv, int dir, int n, void *rowsv, lup_err *err)
{
	struct rounds *s = l->ud;
	const struct round_item *from = fromv;
	struct round_item *rows = rowsv;
	long first;
	int got = tui_list_span(from ? from->idx : -1, dir, n, (long)s->n, &first);
	(void)err;
	for (int k = 0; k < got; k++) {
		rows[k].idx = first + k;
		rows[k].r = s->rows[first + k];
	}
	return got;
}

static int rounds_count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	(void)err;
	*total = *matching = (long)((struct rounds *)l->ud)->n;
	return 0;
}

static long rounds_position(struct tui_list *l, const void *row, lup_err *err)
{
	(void)l; (void)err;
	return ((const struct round_item *)row)->idx;
}

static void rounds_header(struct tui_list *l, int y, int x, int width)
{
	struct rounds *s = l->ud;
	const char *t[4] = { _("Date"), _("Round"), _("Kind"), _("Progress") };
	(void)width;
	for (int c = 0; c < 4; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], t[c], tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void rounds_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct rounds *s = l->ud;
	const struct lup_round_row *r = &((const struct round_item *)row)->r;
	char prog[64];
	const char *cells[4];
	(void)width;
	snprintf(prog, sizeof prog, _("%ld of %ld done"), r->done, r->people);
	cells[0] = r->date;
	cells[1] = r->name;
	cells[2] = lup_checkin_kind_label(r->kind);
	cells[3] = prog;
	for (int c = 0; c < 4; c++) {
		attr_t ca = a;
		if (s->colw[c] <= 0)
			continue;
		if (c == 3 && !(a & A_REVERSE))
			ca = tui_attr(r->done == r->people && r->people ? TUI_S_GOOD : TUI_S_NORMAL);
		tui_put(y, x, s->colw[c], cells[c], ca, 0);
		x += s->colw[c] + 1;
	}
}

static const char *rounds_empty(struct tui_list *l)
{
	char key[16];
	static char b[200];
	(void)l;
	snprintf(b, sizeof b, _("No rounds yet: %s on the Due list starts one."), tui_comp_key(TUI_A_ROUND, key));
	return b;
}

static const struct tui_list_ops rounds_ops = {
	.fetch = rounds_fetch, .count = rounds_count, .position = rounds_position, .draw_row = rounds_row,
	.draw_header = rounds_header, .empty_text = rounds_empty,
};

static tui_ctxmask rounds_contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_ROUNDS);
}

static void rounds_resize(tui_screen *scr, tui_app *app)
{
	struct rounds *s = (struct rounds *)scr;
	static const int min[4] = { 10, 20, 14, 16 }, weight[4] = { 0, 4, 1, 1 };
	tui_rect r = tui_comp_view_area(app);
	tui_columns(r.w - 3, 4, min, weight, s->colw);
	tui_list_layout(&s->list, app, r);
}

static int rounds_enter(tui_screen *scr, tui_app *app)
{
	struct rounds *s = (struct rounds *)scr;
	load_rounds(s, app);
	tui_list_reload(&s->list, app, NULL);
	return TUI_REDRAW;
}

static void rounds_draw(tui_screen *scr, tui_app *app)
{
	tui_list_draw(&((struct rounds *)scr)->list, app);
}

static int rounds_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct rounds *s = (struct rounds *)scr;
	const struct round_item *f = tui_list_focused(&s->list);
	char q[300];
	int r;
	if (a == TUI_A_FILTER || a == TUI_A_SORT)
		return 0;
	r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_OPEN:
		return f ? tui_push(app, tui_comp_round(app, f->r.id), TAG_ROUND) : 0;
	case TUI_A_ROUND_INVITE:
		return f ? tui_push(app, invite_form(app, f->r.id, f->r.name, f->r.date, 0), TAG_INVITE) : 0;
	case TUI_A_DELETE:
		if (!f)
			return 0;
		memcpy(s->pending, f->r.id, sizeof s->pending);
		snprintf(q, sizeof q, _("Remove the round %s?"), f->r.name);
		return tui_confirm(app, TAG_DELETE, q,
		                   _("Its drafts that nothing was rated in go with it; check-ins with ratings stay, "
		                     "no longer in a round."));
	case TUI_A_ADD: {
		char key[16];
		tui_status(app, _("A round starts from the Due list: %s there."), tui_comp_key(TUI_A_ROUND, key));
		return TUI_REDRAW;
	}
	default:
		return TUI_UNHANDLED;
	}
}

static int rounds_offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_SORT && a != TUI_A_FILTER && a != TUI_A_EDIT && a != TUI_A_ADD;
}

static int rounds_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct rounds *s = (struct rounds *)scr;
	lup_err err;
	long removed;
	(void)child;
	if (tag == TAG_DELETE && result == TUI_YES) {
		lup_err_clear(&err);
		if (lup_round_delete(tui_db(app), s->pending, &removed, &err) < 0)
			tui_error(app, "%s", err.msg);
		else
			tui_status(app, ngettext("Round removed, and %ld draft with it.",
			                         "Round removed, and %ld drafts with it.", (unsigned long)removed), removed);
	}
	return TUI_REDRAW;
}

static int rounds_idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct rounds *)scr)->list, app);
}

static void rounds_destroy(tui_screen *scr)
{
	struct rounds *s = (struct rounds *)scr;
	tui_list_free(&s->list);
	free(s->rows);
	free(s);
}

static const struct tui_screen_ops rounds_screen_ops = {
	.name = N_("Check-in rounds"),
	.contexts = rounds_contexts,
	.enter = rounds_enter,
	.changed = rounds_enter,
	.draw = rounds_draw,
	.on_action = rounds_action,
	.on_resize = rounds_resize,
	.on_result = rounds_result,
	.offers = rounds_offers,
	.idle = rounds_idle,
	.destroy = rounds_destroy,
};

tui_screen *tui_comp_rounds_view(tui_app *app)
{
	struct rounds *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &rounds_screen_ops;
	s->app = app;
	tui_list_init(&s->list, &rounds_ops, s, sizeof(struct round_item), 1);
	return &s->base;
}

/* ---- one round ---- */

struct person_item {
	long idx;
	struct lup_round_person p;
};

struct round {
	tui_screen base;
	tui_app *app;
	char id[LUP_UUID_LEN + 1];
	struct lup_round r;
	struct lup_round_person *people;
	size_t n;
	long done;
	struct tui_list list;
	int colw[5];
};

static void load_round(struct round *s, tui_app *app)
{
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
}

static int people_fetch(struct tui_list *l, const void *fromv, int dir, int n, void *rowsv, lup_err *err)
{
	struct round *s = l->ud;
	const struct person_item *from = fromv;
	struct person_item *rows = rowsv;
	long first;
	int got = tui_list_span(from ? from->idx : -1, dir, n, (long)s->n, &first);
	(void)err;
	for (int k = 0; k < got; k++) {
		rows[k].idx = first + k;
		rows[k].p = s->people[first + k];
	}
	return got;
}

static int people_count(struct tui_list *l, long *total, long *matching, lup_err *err)
{
	(void)err;
	*total = *matching = (long)((struct round *)l->ud)->n;
	return 0;
}

static long people_position(struct tui_list *l, const void *row, lup_err *err)
{
	(void)l; (void)err;
	return ((const struct person_item *)row)->idx;
}

static void people_header(struct tui_list *l, int y, int x, int width)
{
	struct round *s = l->ud;
	const char *t[5] = { _("Name"), _("Unit"), _("Status"), _("Rated"), _("E-mail") };
	(void)width;
	for (int c = 0; c < 5; c++) {
		if (s->colw[c] > 0)
			tui_put(y, x, s->colw[c], t[c], tui_attr(TUI_S_HEADER), 0);
		x += s->colw[c] + (s->colw[c] > 0);
	}
}

static void people_row(struct tui_list *l, const void *row, int y, int x, int width, attr_t a)
{
	struct round *s = l->ud;
	const struct lup_round_person *p = &((const struct person_item *)row)->p;
	char rated[32];
	const char *cells[5];
	int final = strcmp(p->status, "final") == 0;
	(void)width;
	snprintf(rated, sizeof rated, "%ld", p->rated);
	cells[0] = p->name;
	cells[1] = p->unit;
	cells[2] = final ? _("done") : _("not yet");
	cells[3] = rated;
	cells[4] = p->email[0] ? p->email : _("(no e-mail)");
	for (int c = 0; c < 5; c++) {
		attr_t ca = a;
		if (s->colw[c] <= 0)
			continue;
		if (c == 2 && !(a & A_REVERSE))
			ca = tui_attr(final ? TUI_S_GOOD : TUI_S_WARN);
		tui_put(y, x, s->colw[c], cells[c], ca, 0);
		x += s->colw[c] + 1;
	}
}

static const struct tui_list_ops people_ops = {
	.fetch = people_fetch, .count = people_count, .position = people_position, .draw_row = people_row,
	.draw_header = people_header,
};

static tui_ctxmask round_contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_LIST) |
	       TUI_CTXBIT(TUI_CTX_ROUNDS);
}

static void round_resize(tui_screen *scr, tui_app *app)
{
	struct round *s = (struct round *)scr;
	static const int min[5] = { 18, 12, 8, 5, 16 }, weight[5] = { 3, 2, 0, 0, 2 };
	tui_rect r = tui_area(app);
	r.y += 2;
	r.h -= 2;
	tui_columns(r.w - 3, 5, min, weight, s->colw);
	tui_list_layout(&s->list, app, r);
}

static int round_enter(tui_screen *scr, tui_app *app)
{
	struct round *s = (struct round *)scr;
	load_round(s, app);
	tui_list_reload(&s->list, app, NULL);
	return TUI_REDRAW;
}

static void round_draw(tui_screen *scr, tui_app *app)
{
	struct round *s = (struct round *)scr;
	tui_rect r = tui_area(app);
	char line[600], prog[96];
	int pw;
	snprintf(prog, sizeof prog, _("%ld of %ld done"), s->done, (long)s->n);
	pw = tui_width(prog);
	tui_put(r.y, r.x + r.w - pw - 1, pw, prog,
	        tui_attr(s->done == (long)s->n && s->n ? TUI_S_GOOD : TUI_S_TITLE) | A_BOLD, 0);
	snprintf(line, sizeof line, _("Round: %s"), s->r.name);
	tui_put(r.y, r.x + 1, r.w - pw - 4, line, tui_attr(TUI_S_TITLE), 0);
	snprintf(line, sizeof line, "%s · %s%s%s · %s", lup_checkin_kind_label(s->r.kind),
	         lup_round_scope_label(s->r.scope), s->r.value[0] ? " " : "", s->r.value, s->r.date);
	tui_put(r.y + 1, r.x + 1, r.w - 2, line, tui_attr(TUI_S_DIM), 0);
	tui_list_draw(&s->list, app);
}

static int round_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct round *s = (struct round *)scr;
	const struct person_item *f = tui_list_focused(&s->list);
	int r;
	if (a == TUI_A_FILTER || a == TUI_A_SORT)
		return 0;
	r = tui_list_action(&s->list, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_OPEN:
		return f ? tui_push(app, tui_comp_person(app, f->p.person_id), TAG_PERSON) : 0;
	case TUI_A_ROUND_INVITE:
		return tui_push(app, invite_form(app, s->id, s->r.name, s->r.date, 1), TAG_INVITE);
	default:
		return TUI_UNHANDLED;
	}
}

static int round_offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_SORT && a != TUI_A_FILTER;
}

static int round_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	(void)scr; (void)app; (void)child; (void)tag; (void)result;
	return TUI_REDRAW;
}

static int round_idle(tui_screen *scr, tui_app *app)
{
	return tui_list_idle(&((struct round *)scr)->list, app);
}

static void round_destroy(tui_screen *scr)
{
	struct round *s = (struct round *)scr;
	tui_list_free(&s->list);
	free(s->people);
	free(s);
}

static const struct tui_screen_ops round_screen_ops = {
	.name = N_("A check-in round"),
	.contexts = round_contexts,
	.enter = round_enter,
	.changed = round_enter,
	.draw = round_draw,
	.on_action = round_action,
	.on_resize = round_resize,
	.on_result = round_result,
	.offers = round_offers,
	.idle = round_idle,
	.destroy = round_destroy,
};

tui_screen *tui_comp_round(tui_app *app, const char *round_id)
{
	struct round *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.ops = &round_screen_ops;
	s->app = app;
	snprintf(s->id, sizeof s->id, "%s", round_id);
	tui_list_init(&s->list, &people_ops, s, sizeof(struct person_item), 1);
	return &s->base;
}
