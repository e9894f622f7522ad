/* host_form.c — adding and editing a host organisation; the searches
 * for host and country fields. */
#include <stdlib.h>
#include <string.h>
#include "lup/country.h"
#include "lup/i18n.h"
#include "lup/util.h"
#include "tui/shadowing.h"

enum {
	F_NAME, F_TYPE, F_COUNTRY, F_CITY, F_NETWORKS, F_FORUM, F_CONTACT, F_EMAIL, F_PHONE,
	F_LANGUAGES, F_THEMES, F_CAPACITY, F_AGR_TYPE, F_AGR_START, F_AGR_END, F_COORDS, F_NOTES,
	NFIELDS
};

static const struct tui_field_def field_defs[NFIELDS] = {
	[F_NAME] = { "name", N_("Name"), TUI_FIELD_TEXT, TUI_FIELD_REQUIRED, 200, 0, 0, NULL, 0, NULL, NULL },
	[F_TYPE] = { "type", N_("Type"), TUI_FIELD_CHOICE, 0, 0, 0, 0, NULL, 0, NULL, NULL },
	[F_COUNTRY] = { "country", N_("Country"), TUI_FIELD_REF, TUI_FIELD_REQUIRED, 0, 0, 0, NULL, 0,
	                tui_countries_search,
	                N_("Type a code or a name (pl, Poland, Polen); Enter picks; BS clears") },
	[F_CITY] = { "city", N_("City"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL, NULL },
	[F_NETWORKS] = { "networks", N_("Networks"), TUI_FIELD_LINES, 0, 250, 0, 3, NULL, 0, NULL, NULL },
	[F_FORUM] = { "forum", N_("Forum or working group"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL, NULL },
	[F_CONTACT] = { "contact_name", N_("Contact person"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL, NULL },
	[F_EMAIL] = { "contact_email", N_("E-mail"), TUI_FIELD_TEXT, 0, 254, 0, 0, NULL, 0, NULL, NULL },
	[F_PHONE] = { "contact_phone", N_("Phone"), TUI_FIELD_TEXT, 0, 40, 24, 0, NULL, 0, NULL, NULL },
	[F_LANGUAGES] = { "languages", N_("Languages"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL, NULL },
	[F_THEMES] = { "themes", N_("Themes"), TUI_FIELD_TEXT, 0, 500, 0, 0, NULL, 0, NULL, NULL },
	[F_CAPACITY] = { "capacity", N_("Placements a year"), TUI_FIELD_TEXT, 0, 6, 8, 0, NULL, 0, NULL,
	                 N_("How many placements the host takes a year; empty if not agreed") },
	[F_AGR_TYPE] = { "agreement_type", N_("Agreement"), TUI_FIELD_TEXT, 0, 200, 0, 0, NULL, 0, NULL,
	                 N_("The kind of agreement, e.g. memorandum of understanding") },
	[F_AGR_START] = { "agreement_start", N_("Agreement from"), TUI_FIELD_DATE, 0, 20, 0, 0, NULL, 0, NULL, NULL },
	[F_AGR_END] = { "agreement_end", N_("Agreement until"), TUI_FIELD_DATE, 0, 20, 0, 0, NULL, 0, NULL, NULL },
	[F_COORDS] = { "coords", N_("Coordinates"), TUI_FIELD_TEXT, 0, 60, 26, 0, NULL, 0, NULL,
	               N_("Latitude, longitude: 54.3520, 18.6466 or 54.35N 18.65E; gives the distance band") },
	[F_NOTES] = { "notes", N_("Notes"), TUI_FIELD_LINES, 0, 500, 0, 3, NULL, 0, NULL, NULL },
};

struct host_form {
	tui_app *app;
	struct lup_host h;               /* as loaded (id "" for a new host) */
	char saved_id[LUP_UUID_LEN + 1];
	struct tui_field_def defs[NFIELDS];
	struct tui_choice types[LUP_HT_COUNT];
	lup_buf net_help;
};

const char *tui_host_type_word(const char *key)
{
	int t = lup_host_type_parse(key);
	return t < 0 ? (key ? key : "") : lup_host_type_label((enum lup_host_type)t);
}

int tui_countries_search(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                         lup_err *err)
{
	const char *codes[16];
	int n;
	(void)app; (void)ud; (void)err;
	if (max > 16)
		max = 16;
	n = lup_country_search(text, codes, max);
	for (int i = 0; i < n; i++) {
		snprintf(out[i].id, sizeof out[i].id, "%s", codes[i]);
		snprintf(out[i].label, sizeof out[i].label, "%s (%s)", lup_country_name(codes[i]), codes[i]);
	}
	return n;
}

int tui_hosts_search(tui_app *app, void *ud, const char *text, struct tui_ref *out, int max,
                     lup_err *err)
{
	struct lup_host_query q = { 0 };
	struct lup_host_row rows[16];
	int n;
	(void)ud;
	q.filter = text;
	if (max > 16)
		max = 16;
	n = lup_host_page(tui_db(app), &q, NULL, 1, max, rows, err);
	for (int i = 0; i < n; i++) {
		snprintf(out[i].id, sizeof out[i].id, "%s", rows[i].id);
		if (rows[i].city[0])
			snprintf(out[i].label, sizeof out[i].label, "%s, %s (%s)", rows[i].name, rows[i].city,
			         lup_country_name(rows[i].country));
		else
			snprintf(out[i].label, sizeof out[i].label, "%s (%s)", rows[i].name,
			         lup_country_name(rows[i].country));
	}
	return n;
}

static void destroy_ud(void *ud)
{
	struct host_form *hf = ud;
	lup_host_clear(&hf->h);
	lup_buf_clear(&hf->net_help);
	free(hf);
}

static char *dup_field(struct tui_form *f, const char *name)
{
	const char *v = tui_form_get(f, name);
	return *v ? strdup(v) : NULL;
}

/* The networks field: one network a line, "network: role". */
static int read_networks(const char *text, char **json, lup_err *err)
{
	const char *p = text;
	int line = 0;
	*json = NULL;
	while (*p) {
		size_t n = strcspn(p, "\n");
		char *one = strndup(p, n), *colon, *role = NULL;
		line++;
		if (!one)
			return lup_err_oom(err);
		if ((colon = strchr(one, ':'))) {
			*colon = 0;
			role = colon + 1;
		}
		lup_trim(one);
		if (role)
			lup_trim(role);
		if (one[0] && lup_networks_add(json, one, role ? role : "", err) < 0) {
			char why[sizeof err->msg];
			snprintf(why, sizeof why, "%s", err->msg);
			free(one);
			return lup_err_field(err, "networks", _("line %d: %s"), line, why);
		}
		if (!one[0] && role && role[0]) {
			free(one);
			return lup_err_field(err, "networks", _("line %d: a role without a network; write network: role"),
			                     line);
		}
		free(one);
		p += n;
		if (*p == '\n')
			p++;
	}
	return 0;
}

static int save(void *ud, struct tui_form *f, lup_err *err)
{
	struct host_form *hf = ud;
	struct lup_host h;
	const char *cap = tui_form_get(f, "capacity");
	char *end = NULL;
	int rc = -1;

	lup_host_init(&h);
	memcpy(h.id, hf->h.id, sizeof h.id);
	h.name = dup_field(f, "name");
	snprintf(h.type, sizeof h.type, "%s", tui_form_get(f, "type"));
	h.country = dup_field(f, "country");
	h.city = dup_field(f, "city");
	h.forum = dup_field(f, "forum");
	h.contact_name = dup_field(f, "contact_name");
	h.contact_email = dup_field(f, "contact_email");
	h.contact_phone = dup_field(f, "contact_phone");
	h.languages = dup_field(f, "languages");
	h.themes = dup_field(f, "themes");
	h.agreement_type = dup_field(f, "agreement_type");
	h.agreement_start = dup_field(f, "agreement_start");
	h.agreement_end = dup_field(f, "agreement_end");
	h.notes = dup_field(f, "notes");
	if (lup_blank(cap)) {
		h.capacity = -1;
	} else {
		long v = strtol(cap, &end, 10);
		while (end && (*end == ' ' || *end == '\t'))
			end++;
		if (!end || *end || v < 0 || v > 10000) {
			lup_err_field(err, "capacity", _("'%s' is not a number of placements (0 to 10000)"), cap);
			goto out;
		}
		h.capacity = (int)v;
	}
	if (lup_coords_parse(tui_form_get(f, "coords"), &h.has_coords, &h.lat, &h.lon, err) < 0)
		goto out;
	if (read_networks(tui_form_get(f, "networks"), &h.networks, err) < 0)
		goto out;
	if (hf->h.id[0] && !tui_form_as_new(f)) {
		if (lup_host_update(tui_db(hf->app), &hf->h, &h, tui_form_report(f), err) < 0)
			goto out;
	} else {
		h.id[0] = '\0';
		if (lup_host_save(tui_db(hf->app), &h, err) < 0)
			goto out;
	}
	memcpy(hf->saved_id, h.id, sizeof hf->saved_id);
	rc = 0;
out:
	lup_host_clear(&h);
	return rc;
}

static void network_name(void *ud, const char *network, const char *roles)
{
	lup_buf *b = ud;
	(void)roles;
	if (b->len > 200)
		return;
	/* the first name follows the hint's colon, the rest a comma */
	lup_buf_puts(b, b->len && b->s[b->len - 1] != ':' ? ", " : " ");
	lup_buf_puts(b, network);
}

static void set_networks(struct tui_form *f, const char *json)
{
	struct lup_network nets[LUP_NETWORKS_MAX];
	int n = lup_networks_parse(json, nets, LUP_NETWORKS_MAX, NULL);
	lup_buf b = { 0 };
	for (int i = 0; i < n; i++) {
		if (i)
			lup_buf_puts(&b, "\n");
		lup_buf_puts(&b, nets[i].network);
		if (nets[i].role[0])
			lup_buf_printf(&b, ": %s", nets[i].role);
	}
	tui_form_set(f, "networks", b.s ? b.s : "");
	lup_buf_clear(&b);
}

tui_screen *tui_host_form(tui_app *app, const char *id)
{
	struct host_form *hf = calloc(1, sizeof *hf);
	struct tui_form *f;
	tui_screen *s;
	lup_err err;
	char title[300];

	if (!hf)
		return NULL;
	hf->app = app;
	lup_host_init(&hf->h);
	if (id && lup_host_get(tui_db(app), id, &hf->h, &err) < 0) {
		tui_error(app, "%s", err.msg);
		destroy_ud(hf);
		return NULL;
	}
	memcpy(hf->defs, field_defs, sizeof hf->defs);
	for (int t = 0; t < LUP_HT_COUNT; t++) {
		hf->types[t].value = lup_host_type_key((enum lup_host_type)t);
		hf->types[t].label = lup_host_type_label((enum lup_host_type)t);
	}
	hf->defs[F_TYPE].choices = hf->types;
	hf->defs[F_TYPE].nchoices = LUP_HT_COUNT;
	/* the networks' hint names the known ones */
	lup_buf_puts(&hf->net_help, _("One a line, network: role. Known:"));
	lup_err_clear(&err);
	lup_network_names(tui_db(app), network_name, &hf->net_help, &err);
	hf->defs[F_NETWORKS].help = hf->net_help.s;

	if (id)
		snprintf(title, sizeof title, _("Edit %s"), hf->h.name);
	else
		snprintf(title, sizeof title, "%s", _("New host organisation"));
	if (!(s = tui_form_screen(title, hf->defs, NFIELDS, save, destroy_ud, hf)))
		return NULL;
	f = tui_form_of(s);
	tui_form_set(f, "type", "municipality");
	if (id) {
		char buf[64];
		tui_form_set(f, "name", hf->h.name);
		tui_form_set(f, "type", hf->h.type[0] ? hf->h.type : "other");
		if (hf->h.country) {
			snprintf(title, sizeof title, "%s (%s)", lup_country_name(hf->h.country), hf->h.country);
			tui_form_set_ref(f, "country", hf->h.country, title);
		}
		tui_form_set(f, "city", hf->h.city);
		set_networks(f, hf->h.networks);
		tui_form_set(f, "forum", hf->h.forum);
		tui_form_set(f, "contact_name", hf->h.contact_name);
		tui_form_set(f, "contact_email", hf->h.contact_email);
		tui_form_set(f, "contact_phone", hf->h.contact_phone);
		tui_form_set(f, "languages", hf->h.languages);
		tui_form_set(f, "themes", hf->h.themes);
		if (hf->h.capacity >= 0) {
			snprintf(buf, sizeof buf, "%d", hf->h.capacity);
			tui_form_set(f, "capacity", buf);
		}
		tui_form_set(f, "agreement_type", hf->h.agreement_type);
		tui_form_set(f, "agreement_start", hf->h.agreement_start);
		tui_form_set(f, "agreement_end", hf->h.agreement_end);
		if (hf->h.has_coords) {
			lup_coords_format(hf->h.lat, hf->h.lon, buf, sizeof buf);
			tui_form_set(f, "coords", buf);
		}
		tui_form_set(f, "notes", hf->h.notes);
	}
	tui_form_mark_clean(f);
	return s;
}

const char *tui_host_form_id(tui_screen *form_screen)
{
	struct host_form *hf = tui_form_ud(form_screen);
	return hf ? hf->saved_id : NULL;
}
