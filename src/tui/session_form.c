/* session_form.c — adding and editing a session: block (the programme's),
 * kind, title, day and times, location, facilitators, the host of a study
 * visit (from the register, or a name) and notes.  Its conflicts come
 * back as warnings after the save, never as a refusal.  A new session
 * starts as what the cohort's next session most likely is
 * (lup_session_suggest): UL part 1's next day, part 2 eight weeks on, a
 * study visit a week after the last one. */
#include <stdlib.h>
#include <string.h>
#include "lup/cal.h"
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/programme.h"
#include "tui/session_hosts.h"

static const struct tui_choice kinds[] = {
	{ "course_day", N_("course day") },
	{ "follow_up", N_("follow-up") },
	{ "study_visit", N_("study visit") },
	{ "other", N_("other") },
};

enum { F_BLOCK, F_KIND };
static const struct tui_field_def fields[] = {
	{ "block_id", N_("Block"), TUI_FIELD_CHOICE, 0, 0, 0, 0, NULL, 0, NULL, NULL },
	{ "kind", N_("Kind"), TUI_FIELD_CHOICE, 0, 0, 0, 0, kinds, 4, NULL, NULL },
	{ "title", N_("Title"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL,
	  N_("Empty: made from the block and the kind") },
	{ "date", N_("Date"), TUI_FIELD_DATE, TUI_FIELD_REQUIRED, 40, 0, 0, NULL, 0, NULL, NULL },
	{ "start", N_("From"), TUI_FIELD_TIME, TUI_FIELD_REQUIRED, 8, 0, 0, NULL, 0, NULL, NULL },
	{ "end", N_("To"), TUI_FIELD_TIME, TUI_FIELD_REQUIRED, 8, 0, 0, NULL, 0, NULL, NULL },
	{ "end_date", N_("Ends on"), TUI_FIELD_DATE, 0, 40, 0, 0, NULL, 0, NULL,
	  N_("Only for a session over several days; empty: the same day") },
	{ "location", N_("Location"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL, NULL },
	{ "facilitators", N_("Facilitators"), TUI_FIELD_TEXT, 0, 500, 0, 0, NULL, 0, NULL,
	  N_("Names separated by commas; empty: the cohort's") },
	{ "host_id", N_("Host"), TUI_FIELD_REF, 0, 0, 0, 0, NULL, 0, tui_session_host_search,
	  N_("For a study visit: type to search the host organisations; BS clears") },
	{ "host_name", N_("Other host"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL,
	  N_("A host organisation that is not in the register") },
	{ "notes", N_("Notes"), TUI_FIELD_LINES, 0, 10000, 0, 3, NULL, 0, NULL, NULL },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct session_form {
	tui_app *app;
	struct tui_field_def defs[NFIELDS];
	struct tui_choice blocks[LUP_MAX_BLOCKS + 1];
	char block_names[LUP_MAX_BLOCKS][160];
	char block_ids[LUP_MAX_BLOCKS][LUP_ID_SIZE];
	struct lup_session s;   /* as loaded (id "" for a new session) */
	char saved_id[LUP_ID_SIZE];
	struct lup_warnings warn;
};

static void destroy_ud(void *ud)
{
	struct session_form *sf = ud;
	lup_session_clear(&sf->s);
	lup_warnings_clear(&sf->warn);
	free(sf);
}

static char *dup_field(struct tui_form *f, const char *name)
{
	const char *v = tui_form_get(f, name);
	return *v ? strdup(v) : NULL;
}

/* The core names starts_at and ends_at; the form has a day and times. */
static void map_field(lup_err *err)
{
	if (strcmp(err->field, "starts_at") == 0)
		snprintf(err->field, sizeof err->field, "date");
	else if (strcmp(err->field, "ends_at") == 0)
		snprintf(err->field, sizeof err->field, "end");
}

static int save(void *ud, struct tui_form *f, lup_err *err)
{
	struct session_form *sf = ud;
	struct lup_session s = sf->s;   /* id, cohort, sequence, timestamps */
	const char *date = tui_form_get(f, "date"), *start, *end, *end_date;
	int rc;

	if (!*date)
		return lup_err_field(err, "date", _("a date is required"));
	snprintf(s.starts_at, sizeof s.starts_at, "%s", date);
	start = tui_form_get(f, "start");
	if (!*start)
		return lup_err_field(err, "start", _("a start time is required"));
	snprintf(s.starts_at, sizeof s.starts_at, "%s %s", date, start);
	end = tui_form_get(f, "end");
	if (!*end)
		return lup_err_field(err, "end", _("an end time is required"));
	end_date = tui_form_get(f, "end_date");
	if (*end_date)
		snprintf(s.ends_at, sizeof s.ends_at, "%s %s", end_date, tui_form_get(f, "end"));
	else
		snprintf(s.ends_at, sizeof s.ends_at, "%s %s", tui_form_get(f, "date"), tui_form_get(f, "end"));
	snprintf(s.block_id, sizeof s.block_id, "%s", tui_form_get(f, "block_id"));
	snprintf(s.kind, sizeof s.kind, "%s", tui_form_get(f, "kind"));
	snprintf(s.host_id, sizeof s.host_id, "%s", tui_form_get(f, "host_id"));
	s.title = dup_field(f, "title");
	s.location = dup_field(f, "location");
	s.facilitators = dup_field(f, "facilitators");
	s.host_name = dup_field(f, "host_name");
	s.notes = dup_field(f, "notes");
	lup_warnings_clear(&sf->warn);
	if (sf->s.id[0] && !tui_form_as_new(f)) {
		rc = lup_session_update(tui_db(sf->app), tui_config(sf->app), &sf->s, &s, &sf->warn,
		                        tui_form_report(f), err);
	} else {
		s.id[0] = '\0';
		s.sequence = 0;
		rc = lup_session_save(tui_db(sf->app), tui_config(sf->app), &s, &sf->warn, err);
	}
	if (rc == 0) {
		memcpy(sf->saved_id, s.id, sizeof sf->saved_id);
		memcpy(sf->s.id, s.id, sizeof sf->s.id);
		sf->s.sequence = s.sequence;
	} else {
		map_field(err);
	}
	free(s.title);
	free(s.location);
	free(s.facilitators);
	free(s.host_name);
	free(s.notes);
	return rc;
}

/* The programme's blocks as the choices of the block field. */
static void load_blocks(struct session_form *sf, tui_app *app, const char *cohort_id)
{
	struct lup_cohort c;
	struct lup_block b[LUP_MAX_BLOCKS];
	lup_err err;
	int n = 0;
	sf->blocks[0].value = "";
	sf->blocks[0].label = N_("(none)");
	if (lup_cohort_get(tui_db(app), cohort_id, &c, &err) == 0) {
		n = lup_block_list(tui_db(app), c.programme_id, b, LUP_MAX_BLOCKS, &err);
		if (n < 0) {
			tui_error(app, "%s", err.msg);
			n = 0;
		}
		lup_cohort_clear(&c);
	}
	for (int i = 0; i < n; i++) {
		snprintf(sf->block_names[i], sizeof sf->block_names[i], "%s", b[i].name ? b[i].name : "");
		memcpy(sf->block_ids[i], b[i].id, sizeof sf->block_ids[i]);
		sf->blocks[i + 1].value = sf->block_ids[i];
		sf->blocks[i + 1].label = sf->block_names[i];
		lup_block_clear(&b[i]);
	}
	memcpy(sf->defs, fields, sizeof fields);
	sf->defs[F_BLOCK].choices = sf->blocks;
	sf->defs[F_BLOCK].nchoices = n + 1;
}

tui_screen *tui_session_form(tui_app *app, const char *cohort_id, const char *id)
{
	struct session_form *sf = calloc(1, sizeof *sf);
	struct tui_form *f;
	tui_screen *scr;
	lup_err err;
	char title[300], buf[16];

	if (!sf)
		return NULL;
	sf->app = app;
	if (id && lup_session_get(tui_db(app), id, &sf->s, &err) < 0) {
		tui_error(app, "%s", err.msg);
		free(sf);
		return NULL;
	}
	if (!id)
		snprintf(sf->s.cohort_id, sizeof sf->s.cohort_id, "%s", cohort_id);
	load_blocks(sf, app, sf->s.cohort_id);
	if (id)
		snprintf(title, sizeof title, _("Edit the session %s"), sf->s.title ? sf->s.title : "");
	else
		snprintf(title, sizeof title, "%s", _("New session"));
	if (!(scr = tui_form_screen(title, sf->defs, NFIELDS, save, destroy_ud, sf)))
		return NULL;
	f = tui_form_of(scr);
	if (id) {
		tui_form_set(f, "block_id", sf->s.block_id);
		tui_form_set(f, "kind", sf->s.kind);
		tui_form_set(f, "title", sf->s.title);
		snprintf(buf, sizeof buf, "%.10s", sf->s.starts_at);
		tui_form_set(f, "date", buf);
		tui_form_set(f, "start", sf->s.starts_at + 11);
		tui_form_set(f, "end", sf->s.ends_at + 11);
		if (strncmp(sf->s.starts_at, sf->s.ends_at, 10) != 0) {
			snprintf(buf, sizeof buf, "%.10s", sf->s.ends_at);
			tui_form_set(f, "end_date", buf);
		}
		tui_form_set(f, "location", sf->s.location);
		tui_form_set(f, "facilitators", sf->s.facilitators);
		tui_form_set(f, "host_name", sf->s.host_name);
		tui_form_set(f, "notes", sf->s.notes);
		if (sf->s.host_id[0]) {
			char name[200];
			tui_session_host_name(app, sf->s.host_id, name, sizeof name);
			tui_form_set_ref(f, "host_id", sf->s.host_id, name[0] ? name : NULL);
		}
	} else {
		/* what the next session most likely is (lup_session_suggest) */
		struct lup_session next;
		if (lup_session_suggest(tui_db(app), tui_config(app), cohort_id, &next, &err) == 0) {
			tui_form_set(f, "block_id", next.block_id);
			tui_form_set(f, "kind", next.kind);
			snprintf(buf, sizeof buf, "%.10s", next.starts_at);
			tui_form_set(f, "date", buf);
			tui_form_set(f, "start", next.starts_at + 11);
			tui_form_set(f, "end", next.ends_at + 11);
			tui_form_set(f, "location", next.location);
		}
		lup_session_clear(&next);
	}
	tui_form_mark_clean(f);
	return scr;
}

const char *tui_session_form_id(tui_screen *form_screen)
{
	struct session_form *sf = tui_form_ud(form_screen);
	return sf ? sf->saved_id : NULL;
}

tui_screen *tui_session_form_report(tui_app *app, tui_screen *form_screen)
{
	struct session_form *sf = tui_form_ud(form_screen);
	if (!sf)
		return NULL;
	tui_prog_saved_status(app, &sf->warn, NULL);
	return NULL;   /* the warnings are in the message log */
}
