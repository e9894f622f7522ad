/* person_form.c — adding and editing a person. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/people.h"

static const struct tui_field_def fields[] = {
	{ "name", N_("Name"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, 200, 0, 0, NULL, 0, NULL, NULL },
	{ "email", N_("E-mail"), TUI_FIELD_TEXT, 0, 254, 0, 0, NULL, 0, NULL, NULL },
	{ "phone", N_("Phone"), TUI_FIELD_TEXT, 0, 40, 24, 0, NULL, 0, NULL, NULL },
	{ "org_unit", N_("Unit"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL, NULL },
	{ "role", N_("Role"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL, NULL },
	{ "manager", N_("Manager"), TUI_FIELD_REF, 0, 0, 0, 0, NULL, 0, tui_people_search,
	  N_("Type part of a name to search; Enter picks; BS clears") },
	{ "employee_no", N_("Employee number"), TUI_FIELD_TEXT, 0, 40, 16, 0, NULL, 0, NULL, NULL },
	{ "active", N_("Active"), TUI_FIELD_YESNO, 0, 0, 0, 0, NULL, 0, NULL,
	  N_("No keeps their history but marks them as no longer in the programme's scope") },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct person_form {
	tui_app *app;
	struct lup_person p;   /* as loaded (id "" for a new person) */
	char saved_id[LUP_UUID_LEN + 1];
};

static void destroy_ud(void *ud)
{
	struct person_form *pf = ud;
	lup_person_clear(&pf->p);
	free(pf);
}

static char *dup_field(struct tui_form *f, const char *name)
{
	const char *v = tui_form_get(f, name);
	return *v ? strdup(v) : NULL;
}

static int save(void *ud, struct tui_form *f, lup_err *err)
{
	struct person_form *pf = ud;
	struct lup_person p = pf->p;   /* id and timestamps; the rest from the form */
	int rc;
	p.name = dup_field(f, "name");
	p.email = dup_field(f, "email");
	p.phone = dup_field(f, "phone");
	p.org_unit = dup_field(f, "org_unit");
	p.role = dup_field(f, "role");
	p.manager_id = dup_field(f, "manager");
	p.employee_no = dup_field(f, "employee_no");
	p.active = tui_form_bool(f, "active");
	if (pf->p.id[0] && !tui_form_as_new(f)) {
		rc = lup_person_update(tui_db(pf->app), &pf->p, &p, tui_form_report(f), err);
	} else {
		p.id[0] = '\0';
		rc = lup_person_save(tui_db(pf->app), &p, err);
	}
	if (rc == 0)
		memcpy(pf->saved_id, p.id, sizeof pf->saved_id);
	lup_person_clear(&p);
	return rc;
}

tui_screen *tui_person_form(tui_app *app, const char *id)
{
	struct person_form *pf = calloc(1, sizeof *pf);
	struct tui_form *f;
	tui_screen *s;
	lup_err err;
	char title[300];

	if (!pf)
		return NULL;
	pf->app = app;
	if (id && lup_person_get(tui_db(app), id, &pf->p, &err) < 0) {
		tui_error(app, "%s", err.msg);
		free(pf);
		return NULL;
	}
	if (id)
		snprintf(title, sizeof title, _("Edit %s"), pf->p.name);
	else
		snprintf(title, sizeof title, "%s", _("New person"));
	if (!(s = tui_form_screen(title, fields, NFIELDS, save, destroy_ud, pf)))
		return NULL;
	f = tui_form_of(s);
	tui_form_set_bool(f, "active", 1);
	if (id) {
		tui_form_set(f, "name", pf->p.name);
		tui_form_set(f, "email", pf->p.email);
		tui_form_set(f, "phone", pf->p.phone);
		tui_form_set(f, "org_unit", pf->p.org_unit);
		tui_form_set(f, "role", pf->p.role);
		tui_form_set(f, "employee_no", pf->p.employee_no);
		tui_form_set_bool(f, "active", pf->p.active);
		if (pf->p.manager_id) {
			struct lup_person m;
			if (lup_person_get(tui_db(app), pf->p.manager_id, &m, &err) == 0)
				tui_form_set_ref(f, "manager", pf->p.manager_id, m.name);
			else
				tui_form_set_ref(f, "manager", pf->p.manager_id, NULL);
			lup_person_clear(&m);
		}
	}
	tui_form_mark_clean(f);
	return s;
}

const char *tui_person_form_id(tui_screen *form_screen)
{
	struct person_form *pf = tui_form_ud(form_screen);
	return pf ? pf->saved_id : NULL;
}
