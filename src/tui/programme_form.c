/* programme_form.c — editing the programme itself: its name, description,
 * the number of managers it is to reach and its dates (E on the Programme
 * screen, where they are shown). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/programme.h"

static const struct tui_field_def fields[] = {
	{ "name", N_("Name"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, 200, 0, 0, NULL, 0, NULL, NULL },
	{ "description", N_("Description"), TUI_FIELD_LINES, 0, 10000, 0, 3, NULL, 0, NULL, NULL },
	{ "target", N_("Managers to reach"), TUI_FIELD_TEXT, 0, 7, 8, 0, NULL, 0, NULL,
	  N_("How many managers the programme is to reach, e.g. 300") },
	{ "start_date", N_("Starts"), TUI_FIELD_DATE, 0, 40, 0, 0, NULL, 0, NULL, NULL },
	{ "end_date", N_("Ends"), TUI_FIELD_DATE, 0, 40, 0, 0, NULL, 0, NULL, NULL },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct programme_form {
	tui_app *app;
	struct lup_programme p;   /* as loaded */
};

static void destroy_ud(void *ud)
{
	struct programme_form *pf = ud;
	lup_programme_clear(&pf->p);
	free(pf);
}

static int save(void *ud, struct tui_form *f, lup_err *err)
{
	struct programme_form *pf = ud;
	struct lup_programme p = pf->p;   /* id and timestamps */
	const char *target = tui_form_get(f, "target"), *v;
	int rc;

	p.target = pf->p.target;
	if (*target) {
		char *end;
		long t;
		errno = 0;
		t = strtol(target, &end, 10);
		if (errno || *end || end == target || t < 0)
			return lup_err_field(err, "target", _("write the number of managers to reach, e.g. 300"));
		p.target = t;
	}
	v = tui_form_get(f, "name");
	p.name = *v ? strdup(v) : NULL;
	v = tui_form_get(f, "description");
	p.description = *v ? strdup(v) : NULL;
	snprintf(p.start_date, sizeof p.start_date, "%s", tui_form_get(f, "start_date"));
	snprintf(p.end_date, sizeof p.end_date, "%s", tui_form_get(f, "end_date"));
	if (tui_form_as_new(f)) {
		p.id[0] = '\0';
		rc = lup_programme_save(tui_db(pf->app), tui_config(pf->app), &p, err);
	} else {
		rc = lup_programme_update(tui_db(pf->app), tui_config(pf->app), &pf->p, &p, tui_form_report(f), err);
	}
	if (rc == 0)
		memcpy(pf->p.id, p.id, sizeof pf->p.id);
	free(p.name);
	free(p.description);
	return rc;
}

tui_screen *tui_programme_form(tui_app *app, const char *id)
{
	struct programme_form *pf = calloc(1, sizeof *pf);
	struct tui_form *f;
	tui_screen *s;
	lup_err err;
	char title[300], target[24];

	if (!pf)
		return NULL;
	pf->app = app;
	if (lup_programme_get(tui_db(app), id, &pf->p, &err) < 0) {
		tui_error(app, "%s", err.msg);
		free(pf);
		return NULL;
	}
	snprintf(title, sizeof title, _("Edit the programme %s"), pf->p.name ? pf->p.name : "");
	if (!(s = tui_form_screen(title, fields, NFIELDS, save, destroy_ud, pf)))
		return NULL;
	f = tui_form_of(s);
	tui_form_set(f, "name", pf->p.name);
	tui_form_set(f, "description", pf->p.description);
	snprintf(target, sizeof target, "%ld", pf->p.target);
	tui_form_set(f, "target", target);
	tui_form_set(f, "start_date", pf->p.start_date);
	tui_form_set(f, "end_date", pf->p.end_date);
	tui_form_mark_clean(f);
	return s;
}
