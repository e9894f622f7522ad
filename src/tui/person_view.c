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
#include "tui/people.h"
#include "tui/shadowing.h"
#include "tui/view_screen.h"

static const tui_person_part parts[] = {
	tui_person_part_details,
	tui_person_part_programme,
	tui_person_part_shadowing,
	tui_person_part_competence,
};

struct person_view {
	struct tui_vscreen vs;
	char name[200];   /* to say who went, once deleted elsewhere */
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
	{
		char att[200];
		size_t u = (size_t)snprintf(att, sizeof att, ngettext("%ld attended", "%ld attended",
		                                                      (unsigned long)sum.sessions_attended),
		                            sum.sessions_attended);
		u += (size_t)snprintf(att + u, sizeof att - u, ngettext(", %ld missed", ", %ld missed",
		                                                        (unsigned long)sum.sessions_missed),
		                      sum.sessions_missed);
		snprintf(att + u, sizeof att - u, ngettext(", %ld excused", ", %ld excused",
		                                           (unsigned long)sum.sessions_excused), sum.sessions_excused);
		tui_view_field(v, _("Attendance"), "%s", att);
	}
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

static void load(struct tui_vscreen *vs, tui_app *app)
{
	struct person_view *s = (struct person_view *)vs;
	struct lup_person p;
	lup_err err;
	if (lup_person_get(tui_db(app), vs->id, &p, &err) < 0) {
		char why[sizeof err.msg];
		if (err.code == LUP_ENOTFOUND && s->name[0])
			snprintf(why, sizeof why, _("%s was deleted in another window."), s->name);
		tui_vscreen_gone(vs, err.code == LUP_ENOTFOUND && s->name[0] ? why : err.msg);
		return;
	}
	snprintf(s->name, sizeof s->name, "%s", p.name);
	lup_person_clear(&p);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		lup_err_clear(&err);
		if (parts[i](app, vs->id, &vs->view, &err) < 0)
			tui_error(app, "%s", err.msg);
	}
}

static tui_screen *form(struct tui_vscreen *vs)
{
	return tui_person_form(vs->app, vs->id);
}

static int action(struct tui_vscreen *vs, tui_app *app, enum tui_action a)
{
	if (a == TUI_A_PERSON_COMPETENCE)
		return tui_push(app, tui_comp_person(app, vs->id), 0);
	return TUI_UNHANDLED;
}

static const struct tui_vscreen_def def = {
	.name = N_("Person"),
	.contexts = TUI_VS_CONTEXTS | TUI_CTXBIT(TUI_CTX_RECORD) | TUI_CTXBIT(TUI_CTX_PERSON),
	.load = load, .form = form, .deleter = &tui_person_deleter, .action = action,
};

tui_screen *tui_person_view(tui_app *app, const char *id)
{
	struct person_view *s = tui_vscreen_new(app, &def, sizeof *s, id);
	return s ? &s->vs.base : NULL;
}
