/* placement_form.c — proposing and editing a placement, the reason for a
 * cancellation, a learning-log entry; and the placement actions the lists
 * and the view share (move on, delete). */
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/people.h"
#include "lup/util.h"
#include "tui/changed.h"
#include "tui/dialog.h"
#include "tui/people.h"
#include "tui/shadowing.h"

static const struct tui_field_def fields[] = {
	{ "person", N_("Participant"), TUI_FIELD_REF, TUI_FIELD_REQUIRED, 0, 0, 0, NULL, 0, tui_people_search,
	  N_("Type part of a name to search; Enter picks; BS clears") },
	{ "host", N_("Host organisation"), TUI_FIELD_REF, TUI_FIELD_REQUIRED, 0, 0, 0, NULL, 0, tui_hosts_search,
	  N_("Type part of a name, a city or a country; Enter picks; BS clears") },
	{ "mentor", N_("Host mentor"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL, NULL },
	{ "start_date", N_("Start"), TUI_FIELD_DATE, 0, 20, 0, 0, NULL, 0, NULL, NULL },
	{ "end_date", N_("End"), TUI_FIELD_DATE, 0, 20, 0, 0, NULL, 0, NULL, NULL },
	{ "travel_days", N_("Travel days"), TUI_FIELD_TEXT, 0, 3, 4, 0, NULL, 0, NULL,
	  N_("Days spent travelling, 0 to 14: Erasmus+ funds 2, or 6 with green travel") },
	{ "green_travel", N_("Green travel"), TUI_FIELD_YESNO, 0, 0, 0, 0, NULL, 0, NULL,
	  N_("Train, bus or car sharing for most of the way") },
	{ "objectives", N_("Objectives"), TUI_FIELD_LINES, 0, 2000, 0, 4, NULL, 0, NULL,
	  N_("The learning agreement: what the participant will learn and do; needed to agree") },
	{ "agreement_signed", N_("Agreement signed"), TUI_FIELD_YESNO, 0, 0, 0, 0, NULL, 0, NULL,
	  N_("Signed by the participant, the sending and the receiving organisation; needed to confirm") },
	{ "travel_booked", N_("Travel booked"), TUI_FIELD_YESNO, 0, 0, 0, 0, NULL, 0, NULL,
	  N_("Needed to confirm") },
	{ "insurance", N_("Insurance"), TUI_FIELD_YESNO, 0, 0, 0, 0, NULL, 0, NULL, NULL },
	{ "report_received", N_("Report received"), TUI_FIELD_YESNO, 0, 0, 0, 0, NULL, 0, NULL,
	  N_("The participant's report after the stay; needed to complete") },
	{ "reflection", N_("Reflection"), TUI_FIELD_LINES, 0, 4000, 0, 3, NULL, 0, NULL, NULL },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct placement_form {
	tui_app *app;
	struct lup_placement p;   /* as loaded (id "" for a new one) */
	char saved_id[LUP_UUID_LEN + 1];
	struct lup_pwarnings warnings;
};

static void destroy_ud(void *ud)
{
	struct placement_form *pf = ud;
	lup_placement_clear(&pf->p);
	free(pf);
}

static char *dup_field(struct tui_form *f, const char *name)
{
	const char *v = tui_form_get(f, name);
	return *v ? strdup(v) : NULL;
}

static int save(void *ud, struct tui_form *f, lup_err *err)
{
	struct placement_form *pf = ud;
	struct lup_placement p;
	const char *td = tui_form_get(f, "travel_days");
	int rc;

	memset(&p, 0, sizeof p);
	memcpy(p.id, pf->p.id, sizeof p.id);
	p.status = pf->p.status;
	snprintf(p.person_id, sizeof p.person_id, "%s", tui_form_get(f, "person"));
	snprintf(p.host_id, sizeof p.host_id, "%s", tui_form_get(f, "host"));
	if (!p.person_id[0])
		return lup_err_field(err, "person", "%s", _("pick the participant"));
	if (!p.host_id[0])
		return lup_err_field(err, "host", "%s", _("pick the host organisation"));
	if (lup_blank(td)) {
		p.travel_days = 0;
	} else {
		char *end;
		long v = strtol(td, &end, 10);
		while (*end == ' ')
			end++;
		if (*end || v < 0 || v > 14)
			return lup_err_field(err, "travel_days", _("'%s' is not a number of days from 0 to 14"), td);
		p.travel_days = (int)v;
	}
	p.mentor = dup_field(f, "mentor");
	p.start_date = dup_field(f, "start_date");
	p.end_date = dup_field(f, "end_date");
	p.green_travel = tui_form_bool(f, "green_travel");
	p.objectives = dup_field(f, "objectives");
	p.agreement_signed = tui_form_bool(f, "agreement_signed");
	p.travel_booked = tui_form_bool(f, "travel_booked");
	p.insurance = tui_form_bool(f, "insurance");
	p.report_received = tui_form_bool(f, "report_received");
	p.reflection = dup_field(f, "reflection");
	if (pf->p.id[0] && !tui_form_as_new(f)) {
		rc = lup_placement_update(tui_db(pf->app), &pf->p, &p, tui_form_report(f), err);
	} else {
		p.id[0] = '\0';
		rc = lup_placement_save(tui_db(pf->app), &p, err);
	}
	if (rc == 0) {
		lup_err werr;
		memcpy(pf->saved_id, p.id, sizeof pf->saved_id);
		memset(&pf->warnings, 0, sizeof pf->warnings);
		if (lup_placement_warnings(tui_db(pf->app), tui_config(pf->app), &p, &pf->warnings, &werr) < 0)
			pf->warnings.n = 0;
	}
	lup_placement_clear(&p);
	return rc;
}

tui_screen *tui_placement_form(tui_app *app, const char *id, const char *host_id,
                               const char *person_id)
{
	struct placement_form *pf = calloc(1, sizeof *pf);
	struct tui_form *f;
	tui_screen *s;
	lup_err err;
	char title[400], label[300];
	struct lup_person person;
	struct lup_host host;
	const char *pid, *hid;

	if (!pf)
		return NULL;
	pf->app = app;
	if (id && lup_placement_get(tui_db(app), id, &pf->p, &err) < 0) {
		tui_error(app, "%s", err.msg);
		free(pf);
		return NULL;
	}
	pid = id ? pf->p.person_id : person_id;
	hid = id ? pf->p.host_id : host_id;
	if (id)
		snprintf(title, sizeof title, _("Placement (%s)"), lup_pstatus_label(pf->p.status));
	else
		snprintf(title, sizeof title, "%s", _("Propose a placement"));
	if (!(s = tui_form_screen(title, fields, NFIELDS, save, destroy_ud, pf)))
		return NULL;
	f = tui_form_of(s);
	memset(&person, 0, sizeof person);
	if (pid && *pid && lup_person_get(tui_db(app), pid, &person, &err) == 0)
		tui_form_set_ref(f, "person", pid, person.name);
	lup_person_clear(&person);
	lup_host_init(&host);
	if (hid && *hid && lup_host_get(tui_db(app), hid, &host, &err) == 0) {
		if (host.city)
			snprintf(label, sizeof label, "%s, %s", host.name, host.city);
		else
			snprintf(label, sizeof label, "%s", host.name);
		tui_form_set_ref(f, "host", hid, label);
	}
	lup_host_clear(&host);
	tui_form_set(f, "travel_days", "0");
	if (id) {
		char buf[16];
		tui_form_set(f, "mentor", pf->p.mentor);
		tui_form_set(f, "start_date", pf->p.start_date);
		tui_form_set(f, "end_date", pf->p.end_date);
		snprintf(buf, sizeof buf, "%d", pf->p.travel_days);
		tui_form_set(f, "travel_days", buf);
		tui_form_set_bool(f, "green_travel", pf->p.green_travel);
		tui_form_set(f, "objectives", pf->p.objectives);
		tui_form_set_bool(f, "agreement_signed", pf->p.agreement_signed);
		tui_form_set_bool(f, "travel_booked", pf->p.travel_booked);
		tui_form_set_bool(f, "insurance", pf->p.insurance);
		tui_form_set_bool(f, "report_received", pf->p.report_received);
		tui_form_set(f, "reflection", pf->p.reflection);
	} else if (pid && *pid && !(hid && *hid)) {
		tui_form_focus(f, "host");
	} else if (hid && *hid && !(pid && *pid)) {
		tui_form_focus(f, "person");
	}
	tui_form_mark_clean(f);
	return s;
}

const char *tui_placement_form_id(tui_screen *form_screen)
{
	struct placement_form *pf = tui_form_ud(form_screen);
	return pf ? pf->saved_id : NULL;
}

const struct lup_pwarnings *tui_placement_form_warnings(tui_screen *form_screen)
{
	struct placement_form *pf = tui_form_ud(form_screen);
	return pf ? &pf->warnings : NULL;
}

void tui_placement_saved_status(tui_app *app, const struct lup_pwarnings *w)
{
	const char *v[64];
	int n = 0;
	if (!w || w->n == 0)
		return;   /* the form said "Saved.", and what it kept from elsewhere */
	for (int i = 0; i < w->n && n < 64; i++)
		v[n++] = w->msg[i];
	tui_saved_warnings(app, _("Saved."), v, n);
}

/* ---- cancelling ---- */

static const struct tui_field_def cancel_fields[] = {
	{ "cancel_reason", N_("Reason"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, 1000, 0, 0, NULL, 0, NULL,
	  N_("Why the placement is cancelled: it is kept with the placement") },
};

struct cancel_form {
	tui_app *app;
	char id[LUP_UUID_LEN + 1];
	enum lup_pstatus seen;             /* the status when the form opened */
};

static int cancel_save(void *ud, struct tui_form *f, lup_err *err)
{
	struct cancel_form *cf = ud;
	return lup_placement_step(tui_db(cf->app), cf->id, cf->seen, LUP_PS_CANCELLED, lup_date_today(),
	                          tui_form_get(f, "cancel_reason"), tui_form_report(f), err);
}

/* "Anna Berg at Gdańsk City Hall"; its status to *status (may be NULL). */
static void who_where(tui_app *app, const char *id, char *buf, size_t n, enum lup_pstatus *status)
{
	struct lup_placement p;
	struct lup_person person;
	struct lup_host host;
	lup_err err;
	buf[0] = 0;
	memset(&person, 0, sizeof person);
	lup_host_init(&host);
	if (lup_placement_get(tui_db(app), id, &p, &err) < 0)
		return;
	if (status)
		*status = p.status;
	lup_person_get(tui_db(app), p.person_id, &person, &err);
	lup_host_get(tui_db(app), p.host_id, &host, &err);
	snprintf(buf, n, _("%s at %s"), person.name ? person.name : "?", host.name ? host.name : "?");
	lup_person_clear(&person);
	lup_host_clear(&host);
	lup_placement_clear(&p);
}

tui_screen *tui_cancel_form(tui_app *app, const char *id)
{
	struct cancel_form *cf = calloc(1, sizeof *cf);
	char title[400], ww[300];
	tui_screen *s;
	if (!cf)
		return NULL;
	cf->app = app;
	snprintf(cf->id, sizeof cf->id, "%s", id);
	who_where(app, id, ww, sizeof ww, &cf->seen);
	snprintf(title, sizeof title, _("Cancel the placement: %s"), ww);
	if ((s = tui_form_screen(title, cancel_fields, 1, cancel_save, free, cf)))
		tui_form_no_new(tui_form_of(s));
	return s;
}

/* ---- the learning log ---- */

static const struct tui_field_def log_fields[] = {
	{ "date", N_("Date"), TUI_FIELD_DATE, TUI_FIELD_REQUIRED, 20, 0, 0, NULL, 0, NULL, NULL },
	{ "text", N_("Entry"), TUI_FIELD_LINES, TUI_FIELD_REQUIRED, 2000, 0, 6, NULL, 0, NULL,
	  N_("What happened, what was learnt; Enter starts a new line") },
};

struct log_form {
	tui_app *app;
	char id[LUP_UUID_LEN + 1];         /* the placement's */
	char entry[LUP_UUID_LEN + 1];      /* the entry's: edited, or added */
	int editing;
	char date[11];                     /* the entry as loaded */
	char *text;
};

static void log_destroy(void *ud)
{
	struct log_form *lf = ud;
	free(lf->text);
	free(lf);
}

static int log_save(void *ud, struct tui_form *f, lup_err *err)
{
	struct log_form *lf = ud;
	if (lf->editing && !tui_form_as_new(f))
		return lup_placement_log_edit(tui_db(lf->app), lf->entry, lf->date, lf->text,
		                              tui_form_get(f, "date"), tui_form_get(f, "text"),
		                              tui_form_report(f), err);
	return lup_placement_log_add(tui_db(lf->app), lf->id, tui_form_get(f, "date"),
	                             tui_form_get(f, "text"), lf->entry, err);
}

/* The form for a new entry (entry_id NULL) or an entry to edit. */
static tui_screen *log_form(tui_app *app, const char *placement_id, const char *entry_id)
{
	struct log_form *lf = calloc(1, sizeof *lf);
	tui_screen *s;
	char title[400], ww[300], date[11];
	char *text = NULL;
	lup_err err;
	if (!lf)
		return NULL;
	lf->app = app;
	snprintf(lf->id, sizeof lf->id, "%s", placement_id);
	if (entry_id) {
		lf->editing = 1;
		snprintf(lf->entry, sizeof lf->entry, "%s", entry_id);
		if (lup_placement_log_get(tui_db(app), entry_id, date, &text, &err) < 0) {
			tui_error(app, "%s", err.msg);
			free(lf);
			return NULL;
		}
	} else {
		lup_date_format(lup_date_today(), date);
	}
	who_where(app, placement_id, ww, sizeof ww, NULL);
	snprintf(title, sizeof title, entry_id ? _("Edit a learning-log entry: %s") : _("Learning log: %s"), ww);
	memcpy(lf->date, date, sizeof lf->date);
	lf->text = text;
	if (!(s = tui_form_screen(title, log_fields, 2, log_save, log_destroy, lf)))
		return NULL;
	tui_form_set(tui_form_of(s), "date", date);
	if (text)
		tui_form_set(tui_form_of(s), "text", text);
	tui_form_focus(tui_form_of(s), "text");
	tui_form_mark_clean(tui_form_of(s));
	return s;
}

tui_screen *tui_log_form(tui_app *app, const char *placement_id)
{
	return log_form(app, placement_id, NULL);
}

tui_screen *tui_log_edit_form(tui_app *app, const char *placement_id, const char *entry_id)
{
	return log_form(app, placement_id, entry_id);
}

const char *tui_log_form_entry(tui_screen *form_screen)
{
	struct log_form *lf = tui_form_ud(form_screen);
	return lf ? lf->entry : "";
}

static int log_describe(tui_app *app, void *ud, const char *entry_id, char *what, size_t n,
                        lup_buf *detail, lup_err *err)
{
	char date[11];
	char *text = NULL;
	(void)ud;
	if (lup_placement_log_get(tui_db(app), entry_id, date, &text, err) < 0)
		return -1;
	snprintf(what, n, _("the learning-log entry of %s"), date);
	/* the entry's beginning, so it is clear which one goes */
	if (strlen(text) > 160) {
		size_t cut = 160;
		while (cut > 0 && ((unsigned char)text[cut] & 0xc0) == 0x80)
			cut--;
		text[cut] = 0;
		lup_buf_printf(detail, "%s%s\n\n", text, tui_glyph_ellipsis());
	} else {
		lup_buf_printf(detail, "%s\n\n", text);
	}
	free(text);
	return 0;
}

static int log_remove(tui_app *app, void *ud, const char *entry_id, char *said, size_t n, lup_err *err)
{
	(void)ud; (void)said; (void)n;
	return lup_placement_log_delete(tui_db(app), entry_id, err);
}

const struct tui_deleter tui_log_deleter = { log_describe, log_remove };

/* ---- moving on, deleting ---- */

/* The step waiting for an answer to "changed elsewhere" (one question is
 * open at a time). */
static struct {
	char id[LUP_UUID_LEN + 1];
	enum lup_pstatus seen;
	struct tui_edit edit;
} step;

static int save_step(void *ud, tui_app *app, struct lup_merge_report *mr, lup_err *err)
{
	int next = lup_pstatus_next(step.seen);
	(void)ud;
	if (next < 0)
		return lup_pstatus_step(step.seen, step.seen, err);
	return lup_placement_step(tui_db(app), step.id, step.seen, (enum lup_pstatus)next,
	                          lup_date_today(), NULL, mr, err);
}

/* Says where it went, unless it was moved elsewhere already. */
static int step_done(tui_app *app, int rc)
{
	if (rc == 0 && !tui_edit_kept(&step.edit))
		tui_status(app, _("Moved on: the placement is %s."),
		           lup_pstatus_label((enum lup_pstatus)lup_pstatus_next(step.seen)));
	return rc == 1 ? 0 : rc;
}

int tui_placement_advance(tui_app *app, const char *id, enum lup_pstatus seen, int tag)
{
	snprintf(step.id, sizeof step.id, "%s", id);
	step.seen = seen;
	step.edit.save = save_step;
	return step_done(app, tui_edit_run(&step.edit, app, tag));
}

int tui_placement_advance_answer(tui_app *app, int result, int tag)
{
	return step_done(app, tui_edit_answer(&step.edit, app, result, tag));
}

static int placement_describe(tui_app *app, void *ud, const char *id, char *what, size_t n,
                              lup_buf *detail, lup_err *err)
{
	char ww[300];
	(void)ud; (void)err;
	who_where(app, id, ww, sizeof ww, NULL);
	snprintf(what, n, _("the placement: %s"), ww);
	lup_buf_puts(detail, _("Its learning log goes with it. To keep a record of a placement that will "
	                       "not happen, cancel it instead (x)."));
	return 0;
}

static int placement_remove(tui_app *app, void *ud, const char *id, char *said, size_t n, lup_err *err)
{
	(void)ud; (void)said; (void)n;
	return lup_placement_delete(tui_db(app), id, err);
}

const struct tui_deleter tui_placement_deleter = { placement_describe, placement_remove };
