/* person_view.c — one person: their details, programme status, attendance,
 * placements and latest check-in.  The view is a list of parts (see
 * people.h): other sections add theirs to parts[]. */
#include <stdlib.h>
#include <string.h>
#include "lup/due.h"
#include "lup/enrol.h"
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/competence.h"
#include "tui/dialog.h"
#include "tui/people.h"
#include "tui/shadowing.h"

static const tui_person_part parts[] = {
	tui_person_part_details,
	tui_person_part_programme,
	tui_person_part_shadowing,
	tui_person_part_competence,
};

enum { TAG_FORM = 1, TAG_DELETE };

struct person_view {
	tui_screen base;
	char id[LUP_UUID_LEN + 1];
	char name[200];
	struct tui_view view;
	int gone;
};

static const char *or_dash(const char *s)
{
	return s && *s ? s : "–";
}

int tui_person_part_details(tui_app *app, const char *id, struct tui_view *v, lup_err *err)
{
	struct lup_person p;
	struct lup_person_summary sum;
	if (lup_person_get(tui_db(app), id, &p, err) < 0)
		return -1;
	if (lup_person_summary(tui_db(app), id, &sum, err) < 0) {
		lup_person_clear(&p);
		return -1;
	}
	tui_view_heading(v, p.name);
	tui_view_field(v, _("E-mail"), "%s", or_dash(p.email));
	tui_view_field(v, _("Phone"), "%s", or_dash(p.phone));
	tui_view_field(v, _("Unit"), "%s", or_dash(p.org_unit));
	tui_view_field(v, _("Role"), "%s", or_dash(p.role));
	tui_view_field(v, _("Manager"), "%s", or_dash(sum.manager_name));
	tui_view_field(v, _("Employee number"), "%s", or_dash(p.employee_no));
	tui_view_field(v, _("Active"), "%s", p.active ? _("Yes") : _("No"));
	tui_view_field(v, _("Id"), "%s", p.id);
	lup_person_clear(&p);
	return 0;
}

int tui_person_part_programme(tui_app *app, const char *id, struct tui_view *v, lup_err *err)
{
	struct lup_person_summary sum;
	if (lup_person_summary(tui_db(app), id, &sum, err) < 0)
		return -1;
	tui_view_heading(v, _("Programme"));
	if (sum.programme_status[0])
		tui_view_field(v, _("Status"), "%s%s%s", tui_enrolment_status_word(sum.programme_status),
		               sum.cohort[0] ? " · " : "", sum.cohort);
	else
		tui_view_field(v, _("Status"), "%s", _("not enrolled"));
	tui_view_field(v, _("Enrolments"), "%ld", sum.enrolments);
	tui_view_field(v, _("Attendance"), _("%ld attended, %ld missed, %ld excused"),
	               sum.sessions_attended, sum.sessions_missed, sum.sessions_excused);
	{
		/* each block of the programme for their live enrolment */
		struct lup_block_progress bp[LUP_MAX_BLOCKS];
		char prog[LUP_ID_SIZE], enrolment[LUP_ID_SIZE], text[200];
		lup_err ignored;
		int nb;
		if (lup_programme_first(tui_db(app), prog, &ignored) == 0 &&
		    lup_enrol_find(tui_db(app), prog, id, enrolment, &ignored) == 0 &&
		    (nb = lup_completion(tui_db(app), enrolment, bp, LUP_MAX_BLOCKS, err)) >= 0)
			for (int i = 0; i < nb; i++) {
				lup_block_progress_text(&bp[i], text, sizeof text);
				tui_view_field(v, bp[i].name, "%s", text);
			}
	}
	return 0;
}

int tui_person_part_shadowing(tui_app *app, const char *id, struct tui_view *v, lup_err *err)
{
	/* the count and the latest placements: see person_placements.c */
	tui_view_heading(v, _("Job shadowing"));
	return tui_shadow_person_lines(app, id, v, err);
}

int tui_person_part_competence(tui_app *app, const char *id, struct tui_view *v, lup_err *err)
{
	struct lup_person_summary sum;
	if (lup_person_summary(tui_db(app), id, &sum, err) < 0)
		return -1;
	tui_view_heading(v, _("Competence"));
	tui_view_field(v, _("Check-ins"), "%ld", sum.checkins);
	tui_view_field(v, _("Latest check-in"), "%s", sum.last_checkin[0] ? sum.last_checkin : _("none yet"));
	{
		struct lup_due_info due;
		char b[160];
		if (lup_due_person(tui_db(app), tui_config(app), id, lup_date_today(), &due, err) < 0)
			return -1;
		tui_comp_due_text(due.state, due.due, due.days, b, sizeof b);
		tui_view_field(v, _("Next check-in due"), "%s", b);
	}
	return 0;
}

static void load(struct person_view *s, tui_app *app)
{
	struct lup_person p;
	lup_err err;
	tui_view_clear(&s->view);
	if (lup_person_get(tui_db(app), s->id, &p, &err) < 0) {
		s->gone = 1;
		if (err.code == LUP_ENOTFOUND && s->name[0])
			tui_view_line(&s->view, TUI_S_DIM, _("%s was deleted in another window."), s->name);
		else
			tui_view_line(&s->view, TUI_S_DIM, "%s", err.msg);
		return;
	}
	snprintf(s->name, sizeof s->name, "%s", p.name);
	lup_person_clear(&p);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		lup_err_clear(&err);
		if (parts[i](app, s->id, &s->view, &err) < 0)
			tui_error(app, "%s", err.msg);
	}
}

static tui_ctxmask contexts(tui_screen *scr, tui_app *app)
{
	(void)scr; (void)app;
	return TUI_CTXBIT(TUI_CTX_MAIN) | TUI_CTXBIT(TUI_CTX_MOVE) | TUI_CTXBIT(TUI_CTX_RECORD) |
	       TUI_CTXBIT(TUI_CTX_PERSON);
}

static int enter(tui_screen *scr, tui_app *app)
{
	load((struct person_view *)scr, app);
	return TUI_REDRAW;
}

static void draw(tui_screen *scr, tui_app *app)
{
	struct person_view *s = (struct person_view *)scr;
	tui_rect r = tui_area(app);
	r.x += 1;
	r.w -= 2;
	tui_view_draw(&s->view, app, r);
}

static int on_action(tui_screen *scr, tui_app *app, enum tui_action a)
{
	struct person_view *s = (struct person_view *)scr;
	int r = tui_view_action(&s->view, app, a);
	if (!(r & TUI_UNHANDLED))
		return r;
	switch (a) {
	case TUI_A_EDIT:
		return s->gone ? 0 : tui_push(app, tui_person_form(app, s->id), TAG_FORM);
	case TUI_A_DELETE:
		return s->gone ? 0 : tui_person_confirm_delete(app, TAG_DELETE, s->id);
	case TUI_A_ADD:
		return 0;
	case TUI_A_PERSON_COMPETENCE:
		return s->gone ? 0 : tui_push(app, tui_comp_person(app, s->id), 0);
	default:
		return TUI_UNHANDLED;
	}
}

static int offers(tui_screen *scr, tui_app *app, enum tui_action a)
{
	(void)scr; (void)app;
	return a != TUI_A_ADD;
}

static int on_result(tui_screen *scr, tui_app *app, tui_screen *child, int tag, int result)
{
	struct person_view *s = (struct person_view *)scr;
	(void)child;
	if (tag == TAG_DELETE && result == TUI_YES && tui_person_delete(app, s->id) == 0)
		return tui_pop(app, TUI_DELETED);
	return TUI_REDRAW;
}

static void destroy(tui_screen *scr)
{
	struct person_view *s = (struct person_view *)scr;
	tui_view_free(&s->view);
	free(s);
}

static const struct tui_screen_ops ops = {
	.name = N_("Person"),
	.contexts = contexts,
	.enter = enter,
	.changed = enter,
	.draw = draw,
	.on_action = on_action,
	.on_result = on_result,
	.offers = offers,
	.destroy = destroy,
};

tui_screen *tui_person_view(tui_app *app, const char *id)
{
	struct person_view *s = calloc(1, sizeof *s);
	(void)app;
	if (!s)
		return NULL;
	s->base.ops = &ops;
	snprintf(s->id, sizeof s->id, "%s", id);
	tui_view_init(&s->view);
	return &s->base;
}
