/* enrolment_form.c — one participant's enrolment: the day their seat
 * counts from ("since") and a note.  Moving the day back is how attendance
 * is taken for sessions before they were enrolled in lup (a paper cohort,
 * a study visit written up afterwards); the core keeps it inside their
 * marks. */
#include <stdlib.h>
#include <string.h>
#include "lup/enrol.h"
#include "lup/i18n.h"
#include "tui/programme.h"

static const struct tui_field_def fields[] = {
	{ "status", N_("Status"), TUI_FIELD_TEXT, TUI_FIELD_READONLY, 80, 0, 0, NULL, 0, NULL, NULL },
	{ "enrolled_on", N_("Seat counts from"), TUI_FIELD_DATE, 0, 40, 0, 0, NULL, 0, NULL,
	  N_("The day their seat counts from: sessions before it are not theirs to attend. "
	     "Set an earlier day to take attendance for earlier sessions") },
	{ "note", N_("Note"), TUI_FIELD_LINES, 0, 2000, 0, 3, NULL, 0, NULL, NULL },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct enrolment_form {
	tui_app *app;
	struct lup_enrolment e;   /* as loaded */
};

static void destroy_ud(void *ud)
{
	struct enrolment_form *ef = ud;
	lup_enrolment_clear(&ef->e);
	free(ef);
}

static int save(void *ud, struct tui_form *f, lup_err *err)
{
	struct enrolment_form *ef = ud;
	struct lup_enrolment e = ef->e;   /* ids, status, names */
	const char *note = tui_form_get(f, "note");
	int rc;

	if (tui_form_as_new(f))
		return lup_err_set(err, LUP_EGONE, _("The enrolment is gone: enrol %s again from the cohort"),
		                   ef->e.name);
	snprintf(e.enrolled_on, sizeof e.enrolled_on, "%s", tui_form_get(f, "enrolled_on"));
	e.note = *note ? strdup(note) : NULL;
	rc = lup_enrolment_update(tui_db(ef->app), &ef->e, &e, tui_form_report(f), err);
	free(e.note);
	return rc;
}

tui_screen *tui_enrolment_form(tui_app *app, const char *id)
{
	struct enrolment_form *ef = calloc(1, sizeof *ef);
	struct tui_form *f;
	tui_screen *s;
	lup_err err;
	char title[300], status[80];

	if (!ef)
		return NULL;
	ef->app = app;
	if (lup_enrolment_get(tui_db(app), id, &ef->e, &err) < 0) {
		tui_error(app, "%s", err.msg);
		free(ef);
		return NULL;
	}
	snprintf(title, sizeof title, _("%s in %s"), ef->e.name, ef->e.cohort);
	if (!(s = tui_form_screen(title, fields, NFIELDS, save, destroy_ud, ef)))
		return NULL;
	f = tui_form_of(s);
	tui_form_no_new(f);
	if (ef->e.waitlist_pos)
		/* TRANSLATORS: a status and a waitlist position, e.g. "waitlisted (2)". */
		snprintf(status, sizeof status, _("%s (%d)"), lup_enrol_status_label(ef->e.status),
		         ef->e.waitlist_pos);
	else
		snprintf(status, sizeof status, "%s", lup_enrol_status_label(ef->e.status));
	tui_form_set(f, "status", status);
	tui_form_set(f, "enrolled_on", ef->e.enrolled_on);
	tui_form_set(f, "note", ef->e.note);
	tui_form_mark_clean(f);
	return s;
}
