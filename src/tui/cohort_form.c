/* cohort_form.c — adding and editing a cohort.  The programme's rules
 * (UL group size, part 1 on consecutive days, part 2 eight weeks later)
 * never stop a save: they come back as warnings, shown on the status line
 * and in a notice; so does who moved up when the capacity rose. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/programme.h"

/* The status follows from the dates and sessions; a status set here wins
 * until it is set back to "from the dates". */
static const struct tui_choice statuses[] = {
	{ "", N_("from the dates") },
	{ "cancelled", N_("cancelled") },
	{ "planned", N_("planned") },
	{ "open", N_("open") },
	{ "running", N_("running") },
	{ "done", N_("done") },
};

static const struct tui_field_def fields[] = {
	{ "name", N_("Name"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, 200, 0, 0, NULL, 0, NULL, NULL },
	{ "capacity", N_("Capacity"), TUI_FIELD_TEXT, 0, 5, 6, 0, NULL, 0, NULL,
	  N_("Seats; past them people join the waitlist (empty: the default from lup.ini)") },
	{ "start_date", N_("Starts"), TUI_FIELD_DATE, 0, 40, 0, 0, NULL, 0, NULL, NULL },
	{ "end_date", N_("Ends"), TUI_FIELD_DATE, 0, 40, 0, 0, NULL, 0, NULL, NULL },
	{ "status_now", N_("Status now"), TUI_FIELD_TEXT, TUI_FIELD_READONLY, 60, 0, 0, NULL, 0, NULL, NULL },
	{ "status_override", N_("Set status"), TUI_FIELD_CHOICE, 0, 0, 0, 0, statuses, 6, NULL,
	  N_("Leave it to the dates and sessions, or set one by hand (cancelled, or closed early)") },
	{ "facilitators", N_("Facilitators"), TUI_FIELD_TEXT, 0, 500, 0, 0, NULL, 0, NULL,
	  N_("Names separated by commas; UL asks for two (three for more than 16)") },
	{ "notes", N_("Notes"), TUI_FIELD_LINES, 0, 10000, 0, 4, NULL, 0, NULL, NULL },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct cohort_form {
	tui_app *app;
	struct lup_cohort c;    /* as loaded (id "" for a new cohort) */
	char saved_id[LUP_ID_SIZE];
	struct lup_warnings warn;
	struct lup_promotions moved;
};

static void destroy_ud(void *ud)
{
	struct cohort_form *cf = ud;
	lup_cohort_clear(&cf->c);
	lup_warnings_clear(&cf->warn);
	lup_promotions_clear(&cf->moved);
	free(cf);
}

static char *dup_field(struct tui_form *f, const char *name)
{
	const char *v = tui_form_get(f, name);
	return *v ? strdup(v) : NULL;
}

static int save(void *ud, struct tui_form *f, lup_err *err)
{
	struct cohort_form *cf = ud;
	struct lup_cohort c = cf->c;   /* id, programme and timestamps */
	const char *cap = tui_form_get(f, "capacity");
	int rc;

	c.capacity = 0;
	if (*cap) {
		char *end;
		long v;
		errno = 0;
		v = strtol(cap, &end, 10);
		if (errno || *end || end == cap || v < 0 || v > 100000)
			return lup_err_field(err, "capacity", _("write the number of seats, e.g. 16"));
		c.capacity = (int)v;
		if (c.capacity == 0)
			return lup_err_field(err, "capacity", _("the capacity must be from 1 to 1000 seats"));
	} else if (cf->c.id[0]) {
		c.capacity = cf->c.capacity;
	}
	c.name = dup_field(f, "name");
	snprintf(c.start_date, sizeof c.start_date, "%s", tui_form_get(f, "start_date"));
	snprintf(c.end_date, sizeof c.end_date, "%s", tui_form_get(f, "end_date"));
	snprintf(c.status_override, sizeof c.status_override, "%s", tui_form_get(f, "status_override"));
	c.facilitators = dup_field(f, "facilitators");
	c.notes = dup_field(f, "notes");
	lup_warnings_clear(&cf->warn);
	cf->moved.n = 0;
	if (cf->c.id[0] && !tui_form_as_new(f)) {
		rc = lup_cohort_update(tui_db(cf->app), tui_config(cf->app), &cf->c, &c, &cf->warn, &cf->moved,
		                       tui_form_report(f), err);
	} else {
		c.id[0] = '\0';
		rc = lup_cohort_save(tui_db(cf->app), tui_config(cf->app), &c, &cf->warn, &cf->moved, err);
	}
	if (rc == 0) {
		memcpy(cf->saved_id, c.id, sizeof cf->saved_id);
		memcpy(cf->c.id, c.id, sizeof cf->c.id);   /* a second save updates */
	}
	free(c.name);
	free(c.facilitators);
	free(c.notes);
	return rc;
}

tui_screen *tui_cohort_form(tui_app *app, const char *programme_id, const char *id)
{
	struct cohort_form *cf = calloc(1, sizeof *cf);
	struct tui_form *f;
	tui_screen *s;
	lup_err err;
	char title[300], cap[16];

	if (!cf)
		return NULL;
	cf->app = app;
	if (id && lup_cohort_get(tui_db(app), id, &cf->c, &err) < 0) {
		tui_error(app, "%s", err.msg);
		free(cf);
		return NULL;
	}
	if (!id)
		snprintf(cf->c.programme_id, sizeof cf->c.programme_id, "%s", programme_id ? programme_id : "");
	if (id)
		snprintf(title, sizeof title, _("Edit the cohort %s"), cf->c.name ? cf->c.name : "");
	else
		snprintf(title, sizeof title, "%s", _("New cohort"));
	if (!(s = tui_form_screen(title, fields, NFIELDS, save, destroy_ud, cf)))
		return NULL;
	f = tui_form_of(s);
	if (id) {
		tui_form_set(f, "name", cf->c.name);
		snprintf(cap, sizeof cap, "%d", cf->c.capacity);
		tui_form_set(f, "capacity", cap);
		tui_form_set(f, "start_date", cf->c.start_date);
		tui_form_set(f, "end_date", cf->c.end_date);
		tui_form_set(f, "status_now", lup_cohort_status_label(cf->c.status));
		tui_form_set(f, "status_override", cf->c.status_override);
		tui_form_set(f, "facilitators", cf->c.facilitators);
		tui_form_set(f, "notes", cf->c.notes);
	} else {
		const lup_config *cfg = tui_config(app);
		snprintf(cap, sizeof cap, "%ld", cfg ? (long)lup_config_int(cfg, "programme:default_capacity") : 16L);
		tui_form_set(f, "capacity", cap);
		tui_form_set(f, "status_now", lup_cohort_status_label("planned"));
	}
	tui_form_mark_clean(f);
	return s;
}

const char *tui_cohort_form_id(tui_screen *form_screen)
{
	struct cohort_form *cf = tui_form_ud(form_screen);
	return cf ? cf->saved_id : NULL;
}

tui_screen *tui_cohort_form_report(tui_app *app, tui_screen *form_screen)
{
	struct cohort_form *cf = tui_form_ud(form_screen);
	if (!cf)
		return NULL;
	tui_prog_saved_status(app, &cf->warn, &cf->moved);
	return NULL;   /* the warnings are in the message log */
}
