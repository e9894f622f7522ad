/* block_form.c — adding and editing a block: kind, name, description and
 * the attendance a participant needs to complete it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#include "tui/programme.h"

static const struct tui_choice kinds[] = {
	{ "ul", N_("Developmental leadership (UL)") },
	{ "abw", N_("Activity-based workplace") },
	{ "egov", N_("E-government tools and methods") },
	{ "other", N_("Something else") },
};

static const struct tui_field_def fields[] = {
	{ "kind", N_("Kind"), TUI_FIELD_CHOICE, 0, 0, 0, 0, kinds, 4, NULL,
	  N_("UL blocks follow the Swedish Defence University's rules; Space, ← or → changes") },
	{ "name", N_("Name"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, 200, 0, 0, NULL, 0, NULL, NULL },
	{ "description", N_("Description"), TUI_FIELD_LINES, 0, 10000, 0, 3, NULL, 0, NULL, NULL },
	{ "min_attendance", N_("Attendance needed"), TUI_FIELD_TEXT, 0, 6, 6, 0, NULL, 0, NULL,
	  N_("Per cent of the block's sessions a participant must attend to complete it") },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct block_form {
	tui_app *app;
	struct lup_block b;
	char saved_id[LUP_ID_SIZE];
};

static void destroy_ud(void *ud)
{
	struct block_form *bf = ud;
	lup_block_clear(&bf->b);
	free(bf);
}

static int save(void *ud, struct tui_form *f, lup_err *err)
{
	struct block_form *bf = ud;
	struct lup_block b = bf->b;
	const char *pct = tui_form_get(f, "min_attendance"), *v;
	int rc;

	b.min_attendance = -1;   /* a new block: from lup.ini */
	if (*pct) {
		char *end;
		double d;
		errno = 0;
		d = strtod(pct, &end);
		while (*end == ' ' || *end == '%')
			end++;
		if (errno || *end || end == pct || d < 0 || d > 100)
			return lup_err_field(err, "min_attendance", _("write a per cent from 0 to 100, e.g. 80"));
		b.min_attendance = d / 100.0;
	} else if (bf->b.id[0]) {
		b.min_attendance = bf->b.min_attendance;
	}
	snprintf(b.kind, sizeof b.kind, "%s", tui_form_get(f, "kind"));
	v = tui_form_get(f, "name");
	b.name = *v ? strdup(v) : NULL;
	v = tui_form_get(f, "description");
	b.description = *v ? strdup(v) : NULL;
	if (bf->b.id[0] && !tui_form_as_new(f)) {
		rc = lup_block_update(tui_db(bf->app), tui_config(bf->app), &bf->b, &b, tui_form_report(f), err);
	} else {
		b.id[0] = '\0';
		rc = lup_block_save(tui_db(bf->app), tui_config(bf->app), &b, err);
	}
	if (rc == 0) {
		memcpy(bf->saved_id, b.id, sizeof bf->saved_id);
		memcpy(bf->b.id, b.id, sizeof bf->b.id);
	}
	free(b.name);
	free(b.description);
	return rc;
}

tui_screen *tui_block_form(tui_app *app, const char *programme_id, const char *id)
{
	struct block_form *bf = calloc(1, sizeof *bf);
	struct tui_form *f;
	tui_screen *s;
	lup_err err;
	char title[300], pct[16];

	if (!bf)
		return NULL;
	bf->app = app;
	if (id && lup_block_get(tui_db(app), id, &bf->b, &err) < 0) {
		tui_error(app, "%s", err.msg);
		free(bf);
		return NULL;
	}
	if (!id) {
		snprintf(bf->b.programme_id, sizeof bf->b.programme_id, "%s", programme_id);
		snprintf(bf->b.kind, sizeof bf->b.kind, "other");
	}
	if (id)
		snprintf(title, sizeof title, _("Edit the block %s"), bf->b.name ? bf->b.name : "");
	else
		snprintf(title, sizeof title, "%s", _("New block"));
	if (!(s = tui_form_screen(title, fields, NFIELDS, save, destroy_ud, bf)))
		return NULL;
	f = tui_form_of(s);
	tui_form_set(f, "kind", bf->b.kind);
	if (id) {
		tui_form_set(f, "name", bf->b.name);
		tui_form_set(f, "description", bf->b.description);
		snprintf(pct, sizeof pct, "%.0f", bf->b.min_attendance * 100.0);
		tui_form_set(f, "min_attendance", pct);
	} else {
		const lup_config *cfg = tui_config(app);
		snprintf(pct, sizeof pct, "%.0f", (cfg ? lup_config_real(cfg, "programme:min_attendance") : 0.8) * 100.0);
		tui_form_set(f, "min_attendance", pct);
	}
	tui_form_mark_clean(f);
	return s;
}

const char *tui_block_form_id(tui_screen *form_screen)
{
	struct block_form *bf = tui_form_ud(form_screen);
	return bf ? bf->saved_id : NULL;
}
