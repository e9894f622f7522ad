/* doc.c — writing a document: its template in the right language, its
 * values, the file it goes to (doc.h). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "core/doc_int.h"
#include "core/prog.h"
#include "lup/people.h"

const char *lup_doc_default_lang(void)
{
	return lup_i18n_is_swedish() ? "sv" : "en";
}

/* "~/x" with $HOME; a relative path against base's folder (a file). */
static void expand_path(const char *p, const char *base, char *out, size_t n)
{
	const char *home = getenv("HOME");
	if (p[0] == '~' && (p[1] == '/' || !p[1]) && home && *home) {
		snprintf(out, n, "%s%s", home, p + 1);
	} else if (p[0] != '/' && base && *base && strrchr(base, '/')) {
		int dir = (int)(strrchr(base, '/') - base);
		snprintf(out, n, "%.*s/%s", dir, base, p);
	} else {
		snprintf(out, n, "%s", p);
	}
}

/* XDG_DOCUMENTS_DIR from user-dirs.dirs: XDG_DOCUMENTS_DIR="$HOME/Dokument". */
static int user_dirs(char *out, size_t n)
{
	const char *cfg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char path[PATH_MAX], line[PATH_MAX + 64];
	FILE *fp;
	int found = 0;
	if (cfg && *cfg == '/')
		snprintf(path, sizeof path, "%s/user-dirs.dirs", cfg);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.config/user-dirs.dirs", home);
	else
		return 0;
	if (!(fp = fopen(path, "r")))
		return 0;
	while (!found && fgets(line, sizeof line, fp)) {
		char *v = line, *end;
		while (*v == ' ' || *v == '\t')
			v++;
		if (strncmp(v, "XDG_DOCUMENTS_DIR=", 18) != 0)
			continue;
		v += 18;
		if (*v != '"' || !(end = strchr(v + 1, '"')))
			continue;
		*end = '\0';
		v++;
		if (strncmp(v, "$HOME", 5) == 0 && (v[5] == '/' || !v[5]) && home && *home) {
			snprintf(out, n, "%s%s", home, v + 5);
			found = 1;
		} else if (*v == '/') {
			snprintf(out, n, "%s", v);
			found = 1;
		}
	}
	fclose(fp);
	return found;
}

int lup_doc_folder(const lup_config *cfg, char *out, size_t n)
{
	const char *own = cfg ? lup_config_str(cfg, "documents:folder") : "";
	const char *env = getenv("XDG_DOCUMENTS_DIR"), *home = getenv("HOME");
	if (own && *own)
		expand_path(own, cfg ? lup_config_path(cfg) : NULL, out, n);
	else if (env && *env == '/')
		snprintf(out, n, "%s", env);
	else if (!user_dirs(out, n))
		snprintf(out, n, "%s/Documents", home && *home ? home : ".");
	return 0;
}

/* ---- References ---- */

/* Step st (bound by the caller) through the rows that could be meant:
 * the first one's id (column 0) into id, every one into list as
 * "1a2b3c4d (column 1<sep>column 2)" for a message.  Returns how many
 * there were, or -1. */
static int candidates(lup_db *db, sqlite3_stmt *st, const char *what, const char *sep,
                      char id[LUP_ID_SIZE], lup_buf *list, lup_err *err)
{
	int rc, n = 0;
	while ((rc = lup_step(db, st, what, err)) == SQLITE_ROW) {
		if (n++ == 0)
			lup_col_copy(st, 0, id, LUP_ID_SIZE);
		lup_buf_printf(list, "%s%.8s (%s%s%s)", list->len ? ", " : "", sqlite3_column_text(st, 0),
		               sqlite3_column_text(st, 1), sep, sqlite3_column_text(st, 2));
	}
	if (rc < 0) {
		lup_buf_clear(list);
		return -1;
	}
	lup_done(st);
	return n;
}

/* "COHORT@YYYY-MM-DD" or "COHORT@YYYY-MM-DD HH:MM": the cohort's session
 * then. */
static int session_at(lup_db *db, const char *ref, char id[LUP_ID_SIZE], lup_err *err)
{
	static const char sql[] =
		"SELECT id, starts_at, title FROM session WHERE cohort_id = ?1 AND substr(starts_at, 1, ?3) = ?2 "
		"ORDER BY starts_at, id LIMIT 6";
	const char *at = strrchr(ref, '@');
	char cohort_ref[256], cohort[LUP_ID_SIZE], when[17];
	lup_buf list = { 0 };
	sqlite3_stmt *st;
	int rc, n;
	lup_date d;
	lup_datetime dt;

	snprintf(cohort_ref, sizeof cohort_ref, "%.*s", (int)(at - ref), ref);
	if (lup_datetime_parse(at + 1, &dt) == 0)
		lup_datetime_format(dt, when);
	else if (lup_date_parse(at + 1, lup_date_today(), &d) == 0)
		lup_date_format(d, when);
	else
		return lup_err_set(err, LUP_EINVAL, _("'%s' is not a date (YYYY-MM-DD) or a date and time"), at + 1);
	if (lup_cohort_find(db, cohort_ref, cohort, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, when, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, (int)strlen(when));
	if ((n = candidates(db, st, _("finding a session"), " ", id, &list, err)) < 0)
		return -1;
	if (n == 1)
		rc = 0;
	else if (n == 0)
		rc = lup_err_set(err, LUP_ENOTFOUND, _("%s has no session on %s"), cohort_ref, when);
	else
		rc = lup_err_set(err, LUP_EAMBIG, _("%s has several sessions on %s: %s; give a time or an id"),
		                 cohort_ref, when, list.s ? list.s : "");
	lup_buf_clear(&list);
	return rc;
}

/* A person's one placement that is not cancelled. */
static int placement_of(lup_db *db, const char *ref, char id[LUP_ID_SIZE], lup_err *err)
{
	static const char sql[] =
		"SELECT pl.id, h.name, pl.start_date FROM placement pl JOIN host_org h ON h.id = pl.host_id "
		"WHERE pl.person_id = ?1 AND pl.status <> 'cancelled' ORDER BY pl.start_date, pl.id LIMIT 6";
	char person[LUP_ID_SIZE];
	lup_buf list = { 0 };
	sqlite3_stmt *st;
	int rc, n;
	if (lup_person_find(db, ref, person, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, person, -1, SQLITE_TRANSIENT);
	if ((n = candidates(db, st, _("finding a placement"), ", ", id, &list, err)) < 0)
		return -1;
	if (n == 1)
		rc = 0;
	else if (n == 0)
		rc = lup_err_set(err, LUP_ENOTFOUND, _("%s has no placement that is not cancelled"), ref);
	else
		rc = lup_err_set(err, LUP_EAMBIG, _("%s has several placements: %s; give one's id"), ref,
		                 list.s ? list.s : "");
	lup_buf_clear(&list);
	return rc;
}

int lup_doc_resolve(lup_db *db, enum lup_doc_kind kind, const char *ref, char id[LUP_ID_SIZE],
                    lup_err *err)
{
	lup_err e2;
	switch (kind) {
	case LUP_DOC_SHEET:
		if (strchr(ref, '@'))
			return session_at(db, ref, id, err);
		return lup_resolve_id(db, "session", ref, id, err);
	case LUP_DOC_CERTIFICATE: case LUP_DOC_PARTICIPANTS:
		return lup_cohort_find(db, ref, id, err);
	case LUP_DOC_AGREEMENT: case LUP_DOC_ATTENDANCE:
		if (lup_resolve_id(db, "placement", ref, id, &e2) == 0)
			return 0;
		if (placement_of(db, ref, id, err) == 0)
			return 0;
		if (err && err->code == LUP_ENOTFOUND && e2.code != LUP_ENOTFOUND)
			*err = e2;
		return -1;
	default:
		return lup_err_set(err, LUP_EINVAL, _("no such kind of document"));
	}
}

/* ---- Writing ---- */

int lup_doc_print(lup_db *db, const lup_config *cfg, enum lup_doc_kind kind, const char *id,
                  const struct lup_doc_opts *o, struct lup_doc_result *res, lup_err *err)
{
	const char *lang = o && o->lang && *o->lang ? o->lang : lup_doc_default_lang();
	const char *logo = cfg ? lup_config_str(cfg, "documents:logo") : "";
	char logo_path[PATH_MAX], folder[PATH_MAX], name[160];
	struct lup_doc_style style = { cfg ? lup_config_str(cfg, "documents:font") : NULL, NULL, lang };
	lup_doc_template *t = NULL;
	struct doc_job job;
	lup_afile af;
	int rc;

	memset(res, 0, sizeof *res);
	if (lup_doc_template_load(cfg, kind, lang, &t, res->template_path, sizeof res->template_path, err) < 0) {
		/* A locale lup has no template for falls back to English. */
		if (o && o->lang && *o->lang)
			return -1;
		if (strcmp(lang, "en") == 0 ||
		    lup_doc_template_load(cfg, kind, "en", &t, res->template_path, sizeof res->template_path, err) < 0)
			return -1;
		lang = style.lang = "en";
	}
	if (logo && *logo) {
		expand_path(logo, cfg ? lup_config_path(cfg) : NULL, logo_path, sizeof logo_path);
		style.logo = logo_path;
	}
	if (lup_doc_gather(db, cfg, kind, id, o ? o->person_id : NULL, lang, &job, err) < 0) {
		lup_doc_template_free(t);
		return -1;
	}
	if (o && o->output && *o->output) {
		snprintf(res->path, sizeof res->path, "%s", o->output);
	} else {
		lup_doc_folder(cfg, folder, sizeof folder);
		if (lup_mkdir_p(folder, 0700, err) < 0)
			goto fail;
		lup_doc_template_filename(t, &job.data, name, sizeof name);
		if ((size_t)snprintf(res->path, sizeof res->path, "%s/%s", folder, name) >= sizeof res->path) {
			lup_err_set(err, LUP_EINVAL, _("the documents folder's path is too long"));
			goto fail;
		}
	}
	if (lup_afile_open(&af, res->path, 0600, err) < 0)
		goto fail;
	if (lup_doc_render(t, &style, &job.data, af.fp, &res->stats, err) < 0) {
		lup_afile_abort(&af);
		goto fail;
	}
	rc = lup_afile_commit(&af, err);
	lup_doc_job_clear(&job);
	lup_doc_template_free(t);
	return rc;
fail:
	lup_doc_job_clear(&job);
	lup_doc_template_free(t);
	return -1;
}
