/* comp_checkin_form.c — a new check-in (kind, date, assessor, note), or
 * the details of a draft.  A new one is rated against the current
 * revision of the framework named in [competence] framework; when the
 * person has an open draft of the same kind already, that one is resumed
 * instead of starting a second. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/competence.h"
#include "tui/people.h"

static const struct tui_choice kinds[] = {
	{ "self", N_("self-assessment") },
	{ "manager", N_("manager review") },
	{ "validation", N_("validation") },
};

static const struct tui_field_def fields[] = {
	{ "kind", N_("Kind"), TUI_FIELD_CHOICE, TUI_FIELD_REQUIRED, 0, 0, 0, kinds, 3, NULL, NULL },
	{ "date", N_("Date"), TUI_FIELD_DATE, TUI_FIELD_REQUIRED, 20, 0, 0, NULL, 0, NULL, NULL },
	{ "assessor", N_("Assessor"), TUI_FIELD_REF, 0, 0, 0, 0, NULL, 0, tui_people_search,
	  N_("Who assesses (a manager review or validation): type part of a name; Enter picks; BS clears") },
	{ "assessor_name", N_("Or by name"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL,
	  N_("An assessor who is not in lup") },
	{ "note", N_("Note"), TUI_FIELD_TEXT, 0, 2000, 0, 0, NULL, 0, NULL, NULL },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct ck_form {
	tui_app *app;
	char person_id[LUP_UUID_LEN + 1];
	struct lup_checkin ck;   /* as loaded; id "" for a new one */
	char saved_id[LUP_UUID_LEN + 1];
	int resumed;
};

static void destroy_ud(void *ud)
{
	struct ck_form *cf = ud;
	lup_checkin_clear(&cf->ck);
	free(cf);
}

static char *dup_field(struct tui_form *f, const char *name)
{
	const char *v = tui_form_get(f, name);
	return *v ? strdup(v) : NULL;
}

/* An open draft of this kind that is not a correction: resume it. */
static int resumable(struct ck_form *cf, const char *kind, char id[LUP_UUID_LEN + 1], lup_err *err)
{
	struct lup_checkin d;
	int r = lup_checkin_find_draft(tui_db(cf->app), cf->person_id, kind, id, err);
	if (r <= 0)
		return r;
	if (lup_checkin_get(tui_db(cf->app), id, &d, err) < 0)
		return -1;
	r = d.supersedes_id[0] == '\0';
	lup_checkin_clear(&d);
	return r;
}

static int save(void *ud, struct tui_form *f, lup_err *err)
{
	struct ck_form *cf = ud;
	struct lup_checkin c = cf->ck;   /* ids and read-only fields */
	int rc, r;
	c.assessor_name = dup_field(f, "assessor_name");
	c.note = dup_field(f, "note");
	snprintf(c.kind, sizeof c.kind, "%s", tui_form_get(f, "kind"));
	snprintf(c.date, sizeof c.date, "%.10s", tui_form_get(f, "date"));
	if (strlen(tui_form_get(f, "date")) > 10) {
		rc = lup_err_field(err, "date", _("'%s' is not a date (YYYY-MM-DD)"), tui_form_get(f, "date"));
		goto out;
	}
	snprintf(c.assessor_id, sizeof c.assessor_id, "%s", tui_form_get(f, "assessor"));
	if (!c.id[0]) {
		char draft[LUP_UUID_LEN + 1];
		if ((r = resumable(cf, c.kind, draft, err)) < 0) {
			rc = -1;
			goto out;
		}
		if (r) {
			memcpy(cf->saved_id, draft, sizeof draft);
			cf->resumed = 1;
			rc = 0;
			goto out;
		}
		snprintf(c.person_id, sizeof c.person_id, "%s", cf->person_id);
		if (tui_comp_framework(cf->app, c.framework_id, err) < 0) {
			rc = -1;
			goto out;
		}
	}
	if (cf->ck.id[0] && !tui_form_as_new(f)) {
		rc = lup_checkin_update(tui_db(cf->app), &cf->ck, &c, tui_form_report(f), err);
	} else {
		if (c.id[0]) {   /* deleted elsewhere: a new draft of the same framework */
			c.id[0] = '\0';
			snprintf(c.person_id, sizeof c.person_id, "%s", cf->person_id);
		}
		rc = lup_checkin_save(tui_db(cf->app), &c, err);
	}
	if (rc == 0)
		memcpy(cf->saved_id, c.id, sizeof cf->saved_id);
out:
	free(c.assessor_name);
	free(c.note);
	return rc;
}

tui_screen *tui_comp_checkin_form(tui_app *app, const char *person_id, const char *checkin_id)
{
	struct ck_form *cf = calloc(1, sizeof *cf);
	struct lup_person p;
	struct tui_form *f;
	tui_screen *s;
	lup_err err;
	char title[300], today[11];

	if (!cf)
		return NULL;
	cf->app = app;
	snprintf(cf->person_id, sizeof cf->person_id, "%s", person_id);
	if (checkin_id && lup_checkin_get(tui_db(app), checkin_id, &cf->ck, &err) < 0) {
		tui_error(app, "%s", err.msg);
		free(cf);
		return NULL;
	}
	if (lup_person_get(tui_db(app), person_id, &p, &err) < 0) {
		tui_error(app, "%s", err.msg);
		destroy_ud(cf);
		return NULL;
	}
	if (checkin_id)
		snprintf(title, sizeof title, _("Check-in of %s"), p.name);
	else
		snprintf(title, sizeof title, _("New check-in for %s"), p.name);
	lup_person_clear(&p);
	if (!(s = tui_form_screen(title, fields, NFIELDS, save, destroy_ud, cf)))
		return NULL;
	f = tui_form_of(s);
	lup_date_format(lup_date_today(), today);
	tui_form_set(f, "kind", "self");
	tui_form_set(f, "date", today);
	if (checkin_id) {
		tui_form_set(f, "kind", cf->ck.kind);
		tui_form_set(f, "date", cf->ck.date);
		tui_form_set(f, "assessor_name", cf->ck.assessor_name);
		tui_form_set(f, "note", cf->ck.note);
		if (cf->ck.assessor_id[0]) {
			struct lup_person a;
			if (lup_person_get(tui_db(app), cf->ck.assessor_id, &a, &err) == 0)
				tui_form_set_ref(f, "assessor", cf->ck.assessor_id, a.name);
			else
				tui_form_set_ref(f, "assessor", cf->ck.assessor_id, NULL);
			lup_person_clear(&a);
		}
	}
	tui_form_mark_clean(f);
	return s;
}

const char *tui_comp_checkin_form_id(tui_screen *form_screen, int *resumed)
{
	struct ck_form *cf = tui_form_ud(form_screen);
	if (resumed)
		*resumed = cf ? cf->resumed : 0;
	return cf ? cf->saved_id : NULL;
}
