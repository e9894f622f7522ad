/* comp_checkin_form.c — a new check-in (kind, date, framework, assessor,
 * note), or the details of a draft.  A new one is rated against the
 * latest revision of the framework the person's role is assessed on
 * ([frameworks] in lup.ini, else [competence] framework) unless another
 * is chosen; a manager review's assessor is the person's manager unless
 * another is given.  When the person has an open draft of the same kind
 * already, that one is resumed instead of starting a second. */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "tui/competence.h"
#include "tui/people.h"
#include "tui/rank.h"

static const struct tui_choice kinds[] = {
	{ "self", N_("self-assessment") },
	{ "manager", N_("manager review") },
	{ "validation", N_("validation") },
};

static int search_frameworks(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                             lup_err *err);

static const struct tui_field_def fields[] = {
	{ "kind", N_("Kind"), TUI_FIELD_CHOICE, TUI_FIELD_REQUIRED, 0, 0, 0, kinds, 3, NULL, NULL },
	{ "date", N_("Date"), TUI_FIELD_DATE, TUI_FIELD_REQUIRED, 20, 0, 0, NULL, 0, NULL, NULL },
	{ "framework", N_("Framework"), TUI_FIELD_REF, TUI_FIELD_REQUIRED, 0, 0, 0, NULL, 0, search_frameworks,
	  N_("The framework rated against (the one their role is assessed on unless another is chosen): "
	     "type part of its id or name; Enter picks") },
	{ "assessor", N_("Assessor"), TUI_FIELD_REF, 0, 0, 0, 0, NULL, 0, tui_people_search,
	  N_("Who assesses (a manager review or validation): type part of a name; Enter picks; BS clears") },
	{ "assessor_name", N_("Or by name"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL,
	  N_("An assessor who is not in lup") },
	{ "note", N_("Note"), TUI_FIELD_LINES, 0, 2000, 0, 3, NULL, 0, NULL, NULL },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct ck_form {
	tui_app *app;
	char person_id[LUP_UUID_LEN + 1];
	struct lup_checkin ck;   /* as loaded; id "" for a new one */
	char saved_id[LUP_UUID_LEN + 1];
	int resumed;
	char manager_id[LUP_UUID_LEN + 1], manager[200];   /* the person's manager */
	int manager_filled;      /* the assessor was filled in as their manager */
};

/* "kommun-chefer r3 · Name": a framework revision as a reference shows. */
static void framework_label(const struct lup_framework_row *r, char *buf, size_t n)
{
	snprintf(buf, n, "%s r%d · %s", r->ident, r->revision, lup_fw_text(r->name, r->name_sv));
}

static int search_frameworks(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                             lup_err *err)
{
	struct lup_framework_row *rows;
	size_t n;
	int got = 0;
	char *want = lup_fold(text ? text : "");
	(void)ud;
	if (!want)
		return lup_err_oom(err);
	if (lup_framework_list(tui_db(app), 0, &rows, &n, err) < 0) {
		free(want);
		return -1;
	}
	for (size_t i = 0; i < n && got < max; i++) {
		char label[sizeof out->label], *f;
		framework_label(&rows[i], label, sizeof label);
		if (!(f = lup_fold(label)))
			continue;
		if (strstr(f, want)) {
			snprintf(out[got].id, sizeof out[got].id, "%s", rows[i].id);
			snprintf(out[got].label, sizeof out[got].label, "%s", label);
			got++;
		}
		free(f);
	}
	free(rows);
	free(want);
	tui_ref_rank(out, got, text);
	return got;
}

/* The label of a framework revision for the form. */
static void set_framework(struct tui_form *f, tui_app *app, const char *id)
{
	struct lup_framework_row *rows;
	size_t n;
	lup_err err;
	char label[192] = "";
	if (lup_framework_list(tui_db(app), 1, &rows, &n, &err) == 0) {
		for (size_t i = 0; i < n; i++)
			if (strcmp(rows[i].id, id) == 0)
				framework_label(&rows[i], label, sizeof label);
		free(rows);
	}
	tui_form_set_ref(f, "framework", id, label[0] ? label : NULL);
}

/* A manager review is by the person's manager unless another is given. */
static void kind_changed(struct tui_form *f, const char *field, void *ud)
{
	struct ck_form *cf = ud;
	if (strcmp(field, "kind") != 0 || !cf->manager_id[0])
		return;
	if (strcmp(tui_form_get(f, "kind"), "manager") == 0) {
		if (!*tui_form_get(f, "assessor") && !*tui_form_get(f, "assessor_name")) {
			tui_form_set_ref(f, "assessor", cf->manager_id, cf->manager);
			cf->manager_filled = 1;
		}
	} else if (cf->manager_filled && strcmp(tui_form_get(f, "assessor"), cf->manager_id) == 0) {
		tui_form_set_ref(f, "assessor", NULL, NULL);
		cf->manager_filled = 0;
	}
}

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
	}
	snprintf(c.framework_id, sizeof c.framework_id, "%s", tui_form_get(f, "framework"));
	if (!c.framework_id[0] &&
	    lup_competence_framework_person(tui_db(cf->app), tui_config(cf->app), cf->person_id, c.framework_id,
	                                    err) < 0) {
		lup_err_field(err, "framework", "%s", err->msg);
		rc = -1;
		goto out;
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
	if (p.manager_id && *p.manager_id) {
		struct lup_person m;
		if (lup_person_get(tui_db(app), p.manager_id, &m, &err) == 0) {
			snprintf(cf->manager_id, sizeof cf->manager_id, "%s", m.id);
			snprintf(cf->manager, sizeof cf->manager, "%s", m.name);
			lup_person_clear(&m);
		}
	}
	lup_person_clear(&p);
	if (!(s = tui_form_screen(title, fields, NFIELDS, save, destroy_ud, cf)))
		return NULL;
	f = tui_form_of(s);
	tui_form_on_change(f, kind_changed);
	lup_date_format(lup_date_today(), today);
	tui_form_set(f, "kind", "self");
	tui_form_set(f, "date", today);
	if (!checkin_id) {
		char fwid[LUP_UUID_LEN + 1];
		lup_err_clear(&err);
		if (lup_competence_framework_person(tui_db(app), tui_config(app), person_id, fwid, &err) == 0)
			set_framework(f, app, fwid);
		else
			tui_form_error(f, "framework", err.msg);
	}
	if (checkin_id) {
		set_framework(f, app, cf->ck.framework_id);
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
