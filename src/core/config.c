/* config.c — lup.ini through iniparser, checked against one option table. */
#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <iniparser/iniparser.h>
#include "lup/config.h"
#include "lup/i18n.h"
#include "lup/safeio.h"
#include "lup/util.h"

static const struct lup_option options[] = {
	{ "ui", "theme", LUP_OPT_CHOICE, "auto", 0, 0, "auto|dark|light|mono|color",
	  N_("Colours for a dark or a light terminal background, or mono; auto asks the terminal "
	     "which it has and is mono when NO_COLOR is set; color is auto despite NO_COLOR.") },
	{ "ui", "week_numbers", LUP_OPT_BOOL, "yes", 0, 0, NULL,
	  N_("Show ISO week numbers beside dates.") },
	{ "ui", "confirm_quit", LUP_OPT_BOOL, "no", 0, 0, NULL,
	  N_("Ask before quitting (everything is saved as you go either way).") },

	{ "programme", "target", LUP_OPT_INT, "300", 0, 1000000, NULL,
	  N_("Managers the programme aims to reach.") },
	{ "programme", "blocks", LUP_OPT_STR, "ul,abw,egov", 0, 200, NULL,
	  N_("The blocks of a new programme, in order: ul, abw, egov, other.") },
	{ "programme", "min_attendance", LUP_OPT_REAL, "0.8", 0, 1, NULL,
	  N_("Share of a block's sessions a participant must attend to complete it.") },
	{ "programme", "default_capacity", LUP_OPT_INT, "16", 1, 1000, NULL,
	  N_("Seats in a new cohort.") },
	{ "programme", "ul_min_group", LUP_OPT_INT, "6", 1, 1000, NULL,
	  N_("Fewest participants in a UL group.") },
	{ "programme", "ul_max_group", LUP_OPT_INT, "16", 1, 1000, NULL,
	  N_("Most participants in a UL group with two facilitators.") },
	{ "programme", "ul_max_group_three", LUP_OPT_INT, "24", 1, 1000, NULL,
	  N_("Most participants in a UL group with three facilitators.") },
	{ "programme", "ul_part2_min_weeks", LUP_OPT_INT, "8", 0, 104, NULL,
	  N_("Weeks that must pass between UL part 1 and part 2.") },
	{ "programme", "ul_part1_days", LUP_OPT_INT, "3", 1, 14, NULL,
	  N_("Consecutive days of UL part 1.") },

	{ "shadowing", "min_days", LUP_OPT_INT, "2", 1, 365, NULL,
	  N_("Shortest job-shadowing stay in days, travel excluded.") },
	{ "shadowing", "max_days", LUP_OPT_INT, "60", 1, 365, NULL,
	  N_("Longest job-shadowing stay in days, travel excluded.") },
	{ "shadowing", "home_name", LUP_OPT_STR, "Kungsbacka", 0, 200, NULL,
	  N_("The sending organisation's town, for distances.") },
	{ "shadowing", "home_lat", LUP_OPT_REAL, "57.4872", -90, 90, NULL,
	  N_("Latitude of the sending organisation, for distance bands.") },
	{ "shadowing", "home_lon", LUP_OPT_REAL, "12.0761", -180, 180, NULL,
	  N_("Longitude of the sending organisation, for distance bands.") },

	{ "competence", "framework", LUP_OPT_STR, "digcomp", 0, 64, NULL,
	  N_("The framework new check-ins use, by its id, unless [frameworks] names one for the person's role.") },
	{ "competence", "interval_days", LUP_OPT_INT, "180", 1, 3650, NULL,
	  N_("Days between re-assessments; [interval] overrides it per role.") },
	{ "competence", "due_soon_days", LUP_OPT_INT, "30", 0, 365, NULL,
	  N_("Check-ins due within this many days are listed as due soon.") },

	{ "privacy", "retention_years", LUP_OPT_INT, "0", 0, 100, NULL,
	  N_("Years after a person's programme ended before lup purge removes them; 0 keeps everyone.") },

	{ "documents", "organisation", LUP_OPT_STR, "", 0, 200, NULL,
	  N_("The organisation's name at the top of every document and as the sending organisation of a mobility agreement; empty: [shadowing] home_name.") },
	{ "documents", "logo", LUP_OPT_STR, "", 0, 4096, NULL,
	  N_("A PNG or SVG image printed at the top left of every document; empty for none.") },
	{ "documents", "signatory", LUP_OPT_STR, "", 0, 200, NULL,
	  N_("Who signs certificates for the programme: the programme owner's name.") },
	{ "documents", "signatory_title", LUP_OPT_STR, "", 0, 200, NULL,
	  N_("The signatory's title, printed under the name.") },
	{ "documents", "organiser", LUP_OPT_STR, "", 0, 254, NULL,
	  N_("The e-mail address meeting invitations come from (ORGANIZER); lup export ics --invite needs it.") },
	{ "documents", "organiser_name", LUP_OPT_STR, "", 0, 200, NULL,
	  N_("The organiser's name in meeting invitations; empty: the signatory, else the organisation.") },
	{ "documents", "folder", LUP_OPT_STR, "", 0, 4096, NULL,
	  N_("Where documents are written; empty: the XDG documents folder (XDG_DOCUMENTS_DIR in user-dirs.dirs), else ~/Documents.") },
	{ "documents", "templates", LUP_OPT_STR, "", 0, 4096, NULL,
	  N_("A folder of the organisation's own document templates, looked in first (lup-documents(5)).") },
	{ "documents", "font", LUP_OPT_STR, "DejaVu Sans", 0, 100, NULL,
	  N_("The font family documents are set in (a fontconfig name).") },
};

static const struct lup_free_section free_sections[] = {
	{ "keys", N_("Key bindings: action = keys, separated by spaces (see lup(1)).") },
	{ "interval", N_("Re-assessment interval in days per role: role = days.") },
	{ "frameworks", N_("The framework each role is assessed on: role = framework id.") },
};

#define NOPT (sizeof options / sizeof options[0])

struct lup_config {
	char *path;
	dictionary *d;
	union { long i; double r; const char *s; } val[NOPT];
};

const struct lup_option *lup_config_options(size_t *n)
{
	*n = NOPT;
	return options;
}

const struct lup_free_section *lup_config_free_sections(size_t *n)
{
	*n = sizeof free_sections / sizeof free_sections[0];
	return free_sections;
}

static int find_option(const char *section, const char *key)
{
	for (size_t i = 0; i < NOPT; i++)
		if (strcasecmp(options[i].section, section) == 0 && strcasecmp(options[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int is_free_section(const char *section)
{
	for (size_t i = 0; i < sizeof free_sections / sizeof free_sections[0]; i++)
		if (strcasecmp(free_sections[i].section, section) == 0)
			return 1;
	return 0;
}

static int known_section(const char *section)
{
	for (size_t i = 0; i < NOPT; i++)
		if (strcasecmp(options[i].section, section) == 0)
			return 1;
	return is_free_section(section);
}

/* Check and store one value; on error word the problem into err. */
static int set_value(lup_config *cfg, size_t i, const char *v, const char *where, lup_err *err)
{
	const struct lup_option *o = &options[i];
	char *end;

	switch (o->type) {
	case LUP_OPT_INT: {
		long x;
		errno = 0;
		x = strtol(v, &end, 10);
		if (errno || end == v || *end || x < (long)o->min || x > (long)o->max)
			return lup_err_set(err, LUP_EINVAL,
				_("%s[%s] %s = '%s': expected a whole number from %ld to %ld"),
				where, o->section, o->key, v, (long)o->min, (long)o->max);
		cfg->val[i].i = x;
		break;
	}
	case LUP_OPT_REAL: {
		double x;
		errno = 0;
		x = strtod(v, &end);
		if (errno || end == v || *end || !isfinite(x) || x < o->min || x > o->max)
			return lup_err_set(err, LUP_EINVAL,
				_("%s[%s] %s = '%s': expected a number from %g to %g"),
				where, o->section, o->key, v, o->min, o->max);
		cfg->val[i].r = x;
		break;
	}
	case LUP_OPT_BOOL: {
		int b;
		if (lup_parse_bool(v, &b) < 0)
			return lup_err_set(err, LUP_EINVAL,
				_("%s[%s] %s = '%s': expected yes or no"), where, o->section, o->key, v);
		cfg->val[i].i = b;
		break;
	}
	case LUP_OPT_CHOICE: {
		const char *c = o->choices;
		size_t n = strlen(v);
		int ok = 0;
		while (*c) {
			size_t len = strcspn(c, "|");
			if (len == n && strncasecmp(c, v, n) == 0) {
				ok = 1;
				break;
			}
			c += len + (c[len] == '|');
		}
		if (!ok)
			return lup_err_set(err, LUP_EINVAL,
				_("%s[%s] %s = '%s': expected one of %s"),
				where, o->section, o->key, v, o->choices);
		cfg->val[i].s = v;
		break;
	}
	case LUP_OPT_STR:
		if (strlen(v) > (size_t)o->max)
			return lup_err_set(err, LUP_EINVAL,
				_("%s[%s] %s: longer than %ld characters"),
				where, o->section, o->key, (long)o->max);
		cfg->val[i].s = v;
		break;
	}
	return 0;
}

static struct {
	char msg[512];
	int set;
} ini_error;

static int ini_error_cb(const char *fmt, ...)
{
	va_list ap;
	if (!ini_error.set) {
		va_start(ap, fmt);
		vsnprintf(ini_error.msg, sizeof ini_error.msg, fmt, ap);
		va_end(ap);
		ini_error.set = 1;
		ini_error.msg[strcspn(ini_error.msg, "\n")] = '\0';
	}
	return 0;
}

int lup_config_load(const char *path, lup_config **out, lup_warn_cb warn,
                    void *ud, lup_err *err)
{
	lup_config *cfg = calloc(1, sizeof *cfg);
	char where[1100];

	*out = NULL;
	if (!cfg)
		return lup_err_set(err, LUP_EFAIL, "%s", strerror(ENOMEM));
	for (size_t i = 0; i < NOPT; i++)
		if (set_value(cfg, i, options[i].def, "", err) < 0)
			goto fail;  /* a bad default: a bug, caught by the tests */
	if (!path || !*path) {
		cfg->path = strdup("");
		*out = cfg;
		return 0;
	}
	cfg->path = strdup(path);
	{
		FILE *fp = fopen(path, "r");
		struct stat sb;
		if (!fp) {
			lup_err_set(err, LUP_EINVAL, _("cannot read config %s: %s"), path, strerror(errno));
			goto fail;
		}
		if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
			fclose(fp);
			lup_err_set(err, LUP_EINVAL, _("cannot read config %s: %s"), path, strerror(EISDIR));
			goto fail;
		}
		if (lup_check_size(fp, path, LUP_MAX_INI, err) < 0) {
			fclose(fp);
			goto fail;
		}
		fclose(fp);
	}
	ini_error.set = 0;
	iniparser_set_error_callback(ini_error_cb);
	cfg->d = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	if (!cfg->d || ini_error.set) {
		lup_err_set(err, LUP_EINVAL, _("config %s: %s"), path,
		            ini_error.set ? ini_error.msg : _("cannot be parsed"));
		goto fail;
	}
	snprintf(where, sizeof where, "%s: ", path);
	for (int s = 0; s < iniparser_getnsec(cfg->d); s++) {
		const char *sec = iniparser_getsecname(cfg->d, s);
		int nk = iniparser_getsecnkeys(cfg->d, sec);
		const char **keys;
		char msg[1400];

		if (!known_section(sec)) {
			if (warn) {
				snprintf(msg, sizeof msg, _("%sunknown section [%s] ignored"), where, sec);
				warn(ud, msg);
			}
			continue;
		}
		if (is_free_section(sec) || nk <= 0)
			continue;
		keys = calloc((size_t)nk, sizeof *keys);
		if (!keys || !iniparser_getseckeys(cfg->d, sec, keys)) {
			free(keys);
			continue;
		}
		for (int k = 0; k < nk; k++) {
			const char *key = strchr(keys[k], ':');
			int i;
			key = key ? key + 1 : keys[k];
			i = find_option(sec, key);
			if (i < 0) {
				if (warn) {
					snprintf(msg, sizeof msg, _("%sunknown key '%s' in section [%s] ignored"),
					         where, key, sec);
					warn(ud, msg);
				}
				continue;
			}
			const char *v = iniparser_getstring(cfg->d, keys[k], "");
			/* A section named like "[ui:theme]" makes an entry with no value. */
			if (set_value(cfg, (size_t)i, v ? v : "", where, err) < 0) {
				free(keys);
				goto fail;
			}
		}
		free(keys);
	}
	if (lup_config_int(cfg, "shadowing:min_days") > lup_config_int(cfg, "shadowing:max_days")) {
		lup_err_set(err, LUP_EINVAL, _("%s[shadowing] min_days (%ld) is more than max_days (%ld)"),
		            where, lup_config_int(cfg, "shadowing:min_days"),
		            lup_config_int(cfg, "shadowing:max_days"));
		goto fail;
	}
	*out = cfg;
	return 0;
fail:
	lup_config_free(cfg);
	return -1;
}

void lup_config_free(lup_config *cfg)
{
	if (!cfg)
		return;
	if (cfg->d)
		iniparser_freedict(cfg->d);
	free(cfg->path);
	free(cfg);
}

const char *lup_config_path(const lup_config *cfg)
{
	return cfg->path ? cfg->path : "";
}

static int lookup(const char *name)
{
	char sec[64];
	const char *colon = strchr(name, ':');
	int i;
	if (!colon || (size_t)(colon - name) >= sizeof sec)
		return -1;
	memcpy(sec, name, (size_t)(colon - name));
	sec[colon - name] = '\0';
	i = find_option(sec, colon + 1);
#ifndef NDEBUG
	if (i < 0) {
		fprintf(stderr, "lup: internal: no option %s\n", name);
		abort();
	}
#endif
	return i;
}

long lup_config_int(const lup_config *cfg, const char *name)
{
	int i = lookup(name);
	return i < 0 ? 0 : cfg->val[i].i;
}

double lup_config_real(const lup_config *cfg, const char *name)
{
	int i = lookup(name);
	return i < 0 ? 0 : cfg->val[i].r;
}

int lup_config_bool(const lup_config *cfg, const char *name)
{
	int i = lookup(name);
	return i < 0 ? 0 : (int)cfg->val[i].i;
}

const char *lup_config_str(const lup_config *cfg, const char *name)
{
	int i = lookup(name);
	return i < 0 ? "" : cfg->val[i].s;
}

void lup_config_each(const lup_config *cfg, const char *section, lup_kv_cb cb, void *ud)
{
	int nk;
	const char **keys;
	if (!cfg->d || (nk = iniparser_getsecnkeys(cfg->d, section)) <= 0)
		return;
	if (!(keys = calloc((size_t)nk, sizeof *keys)))
		return;
	if (iniparser_getseckeys(cfg->d, section, keys))
		for (int k = 0; k < nk; k++) {
			const char *key = strchr(keys[k], ':');
			const char *v = iniparser_getstring(cfg->d, keys[k], "");
			cb(ud, key ? key + 1 : keys[k], v ? v : "");
		}
	free(keys);
}

const char *lup_config_get(const lup_config *cfg, const char *section, const char *key)
{
	char full[256];
	if (!cfg->d)
		return NULL;
	snprintf(full, sizeof full, "%s:%s", section, key);
	return iniparser_getstring(cfg->d, full, NULL);
}
