/* fw_db.c — framework revisions in the database: finding, loading and
 * listing them; working out what importing a file would do (its base,
 * the whole checked, each competence's identity, the targets it brings
 * and carries over, the changes against the latest revision); and
 * storing it as the next revision. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/comp_int.h"
#include "core/fw_int.h"
#include "core/internal.h"
#include "lup/ref.h"
#include "lup/framework.h"
#include "lup/paths.h"

int lup_framework_current(lup_db *db, const char *ident, char id[LUP_UUID_LEN + 1], lup_err *err)
{
	static const char sql[] =
		"SELECT id FROM framework WHERE ident = ?1 ORDER BY revision DESC LIMIT 1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, ident ? ident : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lup_col_copy(st, 0, id, LUP_UUID_LEN + 1);
	lup_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("looking up a framework"));
	return lup_err_set(err, LUP_ENOTFOUND, _("the framework '%s' has not been imported"),
	                   ident ? ident : "");
}

int lup_framework_find(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err)
{
	static const char sql_rev[] = "SELECT id FROM framework WHERE ident = ?1 AND revision = ?2";
	const char *at;
	lup_err e2;

	if (!ref || !*ref)
		return lup_err_set(err, LUP_EINVAL, _("no framework given"));
	if ((at = strchr(ref, '@'))) {
		char ident[LUP_FW_IDENT_MAX + 1], *end;
		long rev;
		sqlite3_stmt *st;
		int rc;
		errno = 0;
		rev = at[1] >= '0' && at[1] <= '9' ? strtol(at + 1, &end, 10) : -1;
		if ((size_t)(at - ref) > LUP_FW_IDENT_MAX || rev < 1 || rev > INT_MAX || errno || *end)
			return lup_err_set(err, LUP_EINVAL,
				_("'%s' is not a framework reference: expected ID, ID@REVISION or an id prefix"), ref);
		memcpy(ident, ref, (size_t)(at - ref));
		ident[at - ref] = '\0';
		if (!(st = lup_stmt(db, sql_rev, err)))
			return -1;
		sqlite3_bind_text(st, 1, ident, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, rev);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			lup_col_copy(st, 0, id, LUP_UUID_LEN + 1);
		lup_done(st);
		if (rc == SQLITE_ROW)
			return 0;
		if (rc != SQLITE_DONE)
			return lup_sqlerr(db, err, _("looking up a framework"));
		return lup_err_set(err, LUP_ENOTFOUND, _("the framework '%s' has no revision %ld"), ident, rev);
	}
	if (lup_framework_current(db, ref, id, &e2) == 0)
		return 0;
	if (e2.code != LUP_ENOTFOUND) {
		if (err)
			*err = e2;
		return -1;
	}
	return lup_ref_find(db, LUP_REF_FRAMEWORK, ref, id, err);
}

int lup_framework_previous(lup_db *db, const char *id, char prev[LUP_UUID_LEN + 1], lup_err *err)
{
	static const char sql[] =
		"SELECT g.id FROM framework f JOIN framework g ON g.ident = f.ident AND g.revision < f.revision "
		"WHERE f.id = ?1 ORDER BY g.revision DESC LIMIT 1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	prev[0] = '\0';
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lup_col_copy(st, 0, prev, LUP_UUID_LEN + 1);
	lup_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("looking up a framework"));
	return lup_err_set(err, LUP_ENOTFOUND, _("it is the first revision"));
}

/* Add a role target to fw (role as written; roles with the same key are
 * one, the first spelling kept). */
static int add_target(struct lup_framework *fw, size_t *cap_roles, size_t *cap, const char *role,
                      const char *code, int level, int user)
{
	struct lup_fw_target *t;
	const char *r = NULL;
	for (size_t i = fw->nroles; i-- > 0 && !r;)
		if (lup_fw_same_text(fw->roles[i], role))
			r = fw->roles[i];
	if (!r) {
		char **slot = LUP_PUSH(fw->roles, fw->nroles, *cap_roles);
		if (!slot)
			return -1;
		if (!(*slot = strdup(role))) {
			fw->nroles--;
			return -1;
		}
		r = *slot;
	}
	if (!(t = LUP_PUSH(fw->targets, fw->ntargets, *cap)))
		return -1;
	t->role = r;
	t->level = level;
	t->user = user;
	if (!(t->code = strdup(code))) {
		fw->ntargets--;
		return -1;
	}
	return 0;
}

/* The rows of one part of a framework (sql with ?1 its id) into *rowsp,
 * counted in *n, each read by read (given its place in the order): as
 * far as they go, for lup_framework_free to free whatever the rest of
 * the reading does.  *ok is cleared when memory runs out or a row lacks
 * what it must have.  0; 1 when SQLite failed while *ok held; -1 when the
 * statement could not be made (err set). */
static int read_parts(lup_db *db, const char *sql, const char *id, void *rowsp, size_t *n,
                      size_t size, int (*read)(sqlite3_stmt *st, void *row, size_t i), int *ok,
                      lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	size_t cap = 0;
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *rows, *row;
		if (lup_grow(rowsp, &cap, *n + 1, size) < 0) {
			*ok = 0;
			break;
		}
		memcpy(&rows, rowsp, sizeof rows);
		row = memset(rows + *n * size, 0, size);
		(*n)++;
		if (read(st, row, *n) < 0)
			*ok = 0;
	}
	lup_done(st);
	return *ok && rc != SQLITE_DONE;
}

static int read_level(sqlite3_stmt *st, void *row, size_t i)
{
	struct lup_fw_level *l = row;
	(void)i;
	l->value = sqlite3_column_int(st, 0);
	l->name = lup_col_dup(st, 1);
	l->name_sv = lup_col_dup(st, 2);
	l->band = lup_col_dup(st, 3);
	l->band_sv = lup_col_dup(st, 4);
	return 0;
}

static int read_area(sqlite3_stmt *st, void *row, size_t i)
{
	struct lup_fw_area *a = row;
	lup_col_copy(st, 0, a->id, sizeof a->id);
	a->code = lup_col_dup(st, 1);
	a->name = lup_col_dup(st, 2);
	a->name_sv = lup_col_dup(st, 3);
	a->order = (long)i;
	return a->code && a->name ? 0 : -1;
}

static int read_competence(sqlite3_stmt *st, void *row, size_t i)
{
	struct lup_fw_competence *c = row;
	lup_col_copy(st, 0, c->id, sizeof c->id);
	c->code = lup_col_dup(st, 1);
	c->area = lup_col_dup(st, 2);
	c->name = lup_col_dup(st, 3);
	c->name_sv = lup_col_dup(st, 4);
	c->description = lup_col_dup(st, 5);
	c->description_sv = lup_col_dup(st, 6);
	c->level_min = sqlite3_column_int(st, 7);
	c->level_max = sqlite3_column_int(st, 8);
	c->retired = sqlite3_column_int(st, 9);
	lup_col_copy(st, 10, c->identity, sizeof c->identity);
	c->renamed_from = lup_col_dup(st, 11);
	c->replaces = lup_col_dup(st, 12);
	c->order = (long)i;
	if (!c->identity[0])   /* a row written around lup */
		memcpy(c->identity, c->id, sizeof c->identity);
	return c->code && c->area && c->name ? 0 : -1;
}

int lup_framework_load(lup_db *db, const char *id, struct lup_framework **out, lup_err *err)
{
	static const char sql_fw[] =
		"SELECT id, ident, name, name_sv, version, revision, extends, description, source, "
		"content_hash, level_min, level_max, imported_at, "
		"(SELECT min(g.imported_at) FROM framework g WHERE g.ident = framework.ident "
		"AND g.revision > framework.revision) FROM framework WHERE id = ?1";
	static const char sql_lv[] =
		"SELECT value, name, name_sv, band, band_sv FROM level WHERE framework_id = ?1 ORDER BY value";
	static const char sql_ar[] =
		"SELECT id, code, name, name_sv FROM area WHERE framework_id = ?1 ORDER BY seq, code";
	static const char sql_co[] =
		"SELECT c.id, c.code, a.code, c.name, c.name_sv, c.description, c.description_sv, "
		"c.level_min, c.level_max, c.retired, c.identity, c.renamed_from, c.replaces "
		"FROM competence c JOIN area a ON a.id = c.area_id "
		"WHERE c.framework_id = ?1 ORDER BY c.seq, c.code";
	/* The role targets in force now (?2 NULL), or when the next revision
	 * replaced this one (?2 its import); the latest of a role and
	 * competence first. */
	static const char sql_tg[] =
		"SELECT t.role, c.code, t.level, t.source = 'user', t.role_key FROM target t "
		"JOIN competence c ON c.id = t.competence_id WHERE t.framework_id = ?1 AND t.role_key IS NOT NULL "
		"AND ((?2 IS NULL AND t.valid_to IS NULL) OR (?2 IS NOT NULL AND t.valid_from <= ?2 "
		"AND (t.valid_to IS NULL OR t.valid_to >= ?2))) "
		/* roles in the order they came (a file's as it wrote them) */
		"ORDER BY (SELECT min(u.rowid) FROM target u WHERE u.framework_id = t.framework_id "
		"AND u.role_key = t.role_key), c.seq, t.valid_from DESC";
	struct lup_framework *fw;
	sqlite3_stmt *st;
	size_t cap = 0, cap_roles = 0;
	char end[21] = "", last_key[256] = "", last_code[LUP_FW_CODE_MAX + 1] = "";
	int rc, ok = 1;

	*out = NULL;
	if (!(fw = calloc(1, sizeof *fw)))
		return lup_err_oom(err);
	if (!(st = lup_stmt(db, sql_fw, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, fw->id, sizeof fw->id);
		fw->ident = lup_col_dup(st, 1);
		fw->name = lup_col_dup(st, 2);
		fw->name_sv = lup_col_dup(st, 3);
		fw->version = lup_col_dup(st, 4);
		fw->revision = sqlite3_column_int(st, 5);
		fw->extends = lup_col_dup(st, 6);
		fw->description = lup_col_dup(st, 7);
		fw->file = lup_col_dup(st, 8);
		lup_col_copy(st, 9, fw->hash, sizeof fw->hash);
		fw->level_min = sqlite3_column_int(st, 10);
		fw->level_max = sqlite3_column_int(st, 11);
		lup_col_copy(st, 12, fw->imported_at, sizeof fw->imported_at);
		lup_col_copy(st, 13, end, sizeof end);
		if (!fw->ident || !fw->name || !fw->version)
			ok = 0;
	}
	lup_done(st);
	if (rc == SQLITE_DONE) {
		lup_err_set(err, LUP_ENOTFOUND, _("no such framework"));
		goto fail;
	}
	if (rc != SQLITE_ROW) {
		lup_sqlerr(db, err, _("reading a framework"));
		goto fail;
	}
	if (!fw->file && !(fw->file = strdup(fw->ident ? fw->ident : "-")))
		ok = 0;

	if ((rc = read_parts(db, sql_lv, id, &fw->levels, &fw->nlevels, sizeof *fw->levels,
	                     read_level, &ok, err)) < 0 ||
	    (rc == 0 && (rc = read_parts(db, sql_ar, id, &fw->areas, &fw->nareas, sizeof *fw->areas,
	                                 read_area, &ok, err)) < 0) ||
	    (rc == 0 && (rc = read_parts(db, sql_co, id, &fw->comps, &fw->ncomps, sizeof *fw->comps,
	                                 read_competence, &ok, err)) < 0))
		goto fail;
	if (rc > 0)
		goto sqlfail;

	if (!(st = lup_stmt(db, sql_tg, err)))
		goto fail;
	sqlite3_bind_text(st, 1, fw->id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 2, end);
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 0);
		const char *code = (const char *)sqlite3_column_text(st, 1);
		const char *key = (const char *)sqlite3_column_text(st, 4);
		if (!role || !code || !key)
			continue;
		if (strcmp(key, last_key) == 0 && strcmp(code, last_code) == 0)
			continue;   /* an older one of the same */
		snprintf(last_key, sizeof last_key, "%s", key);
		snprintf(last_code, sizeof last_code, "%s", code);
		if (add_target(fw, &cap_roles, &cap, role, code, sqlite3_column_int(st, 2),
		               sqlite3_column_int(st, 3)) < 0)
			ok = 0;
	}
	lup_done(st);
	if (ok && rc != SQLITE_DONE)
		goto sqlfail;
	if (!ok || lup_fw_index_build(fw) < 0) {
		lup_err_oom(err);
		goto fail;
	}
	fw->resolved = 1;
	*out = fw;
	return 0;
sqlfail:
	lup_sqlerr(db, err, _("reading a framework"));
fail:
	lup_framework_free(fw);
	return -1;
}

static void read_framework_list_row(sqlite3_stmt *st, void *row)
{
	struct lup_framework_row *r = row;
	lup_col_copy(st, 0, r->id, sizeof r->id);
	lup_col_copy(st, 1, r->ident, sizeof r->ident);
	lup_col_copy(st, 2, r->name, sizeof r->name);
	lup_col_copy(st, 3, r->name_sv, sizeof r->name_sv);
	lup_col_copy(st, 4, r->version, sizeof r->version);
	lup_col_copy(st, 5, r->extends, sizeof r->extends);
	r->revision = sqlite3_column_int(st, 6);
	lup_col_copy(st, 7, r->imported_at, sizeof r->imported_at);
	r->competences = (long)sqlite3_column_int64(st, 8);
	r->checkins = (long)sqlite3_column_int64(st, 9);
}

int lup_framework_list(lup_db *db, int all, struct lup_framework_row **rows, size_t *n, lup_err *err)
{
	static const char sql[] =
		"SELECT f.id, f.ident, f.name, coalesce(f.name_sv, ''), f.version, coalesce(f.extends, ''), "
		"f.revision, f.imported_at, "
		"(SELECT count(*) FROM competence c WHERE c.framework_id = f.id AND c.retired = 0), "
		"(SELECT count(*) FROM checkin k WHERE k.framework_id = f.id) "
		"FROM framework f WHERE ?1 OR f.revision = "
		"(SELECT max(g.revision) FROM framework g WHERE g.ident = f.ident) "
		"ORDER BY f.ident, f.revision DESC";
	sqlite3_stmt *st = lup_stmt(db, sql, err);

	if (st)
		sqlite3_bind_int(st, 1, all ? 1 : 0);
	return lup_read_all(db, st, rows, n, sizeof **rows, read_framework_list_row,
	                    _("listing frameworks"), err);
}

/* ---- Finding the framework a file extends ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

#define MAX_DIR_FILES 256

/* Look in dir for a framework file with [framework] id = ident.  Returns 1
 * and *out when found, 0 when not; bad gets why a file named after ident
 * cannot be used. */
static int scan_dir(const char *dir, const char *ident, struct lup_framework **out,
                    char *bad, size_t badn)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char *names[MAX_DIR_FILES];
	size_t n = 0;
	int found = 0;

	*out = NULL;
	if (!d)
		return 0;
	while ((de = readdir(d)) && n < MAX_DIR_FILES) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".ini") != 0)
			continue;
		size_t size = strlen(dir) + len + 2;
		if ((names[n] = malloc(size))) {
			snprintf(names[n], size, "%s/%s", dir, de->d_name);
			n++;
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n && !found; i++) {
		struct lup_framework *fw;
		lup_err e;
		const char *base = strrchr(names[i], '/') + 1;
		if (lup_framework_read(names[i], &fw, &e) < 0) {
			if (!bad[0] && strncmp(base, ident, strlen(ident)) == 0)
				snprintf(bad, badn, "%s", e.msg);
			continue;
		}
		if (strcmp(fw->ident, ident) == 0) {
			*out = fw;
			found = 1;
		} else {
			lup_framework_free(fw);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	return found;
}

/* A problem with [framework] extends of child; returns -1. */
static int base_problem(const struct lup_framework *child, struct lup_fw_problems *pr, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int base_problem(const struct lup_framework *child, struct lup_fw_problems *pr, const char *fmt, ...)
{
	char why[700], msg[1200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	lup_fw_where(msg, sizeof msg, child->file ? child->file : "-", child->key_line[F_EXTENDS],
	             "framework", "extends", why);
	lup_fw_problem(pr, msg);
	return -1;
}

static int find_base(lup_db *db, const struct lup_framework *child, const char **chain, int depth,
                     struct lup_framework **out, struct lup_fw_problems *pr, lup_err *err)
{
	const char *ident = child->extends;
	char id[LUP_UUID_LEN + 1], dirs[2][PATH_MAX], bad[512] = "";
	struct lup_framework *cand = NULL, *up = NULL;
	lup_err e2;

	*out = NULL;
	for (int i = 0; i < depth; i++)
		if (strcmp(chain[i], ident) == 0)
			return base_problem(child, pr, _("'%s' leads back to itself through extends"), ident);
	if (depth >= LUP_FW_MAX_DEPTH)
		return base_problem(child, pr, _("frameworks extend each other more than %d deep"),
		                    LUP_FW_MAX_DEPTH);
	if (db) {
		if (lup_framework_current(db, ident, id, &e2) == 0) {
			if (lup_framework_load(db, id, out, err) < 0) {
				lup_fw_problem(pr, err->msg);
				return -1;
			}
			return 0;
		}
		if (e2.code != LUP_ENOTFOUND) {
			if (err)
				*err = e2;
			lup_fw_problem(pr, e2.msg);
			return -1;
		}
	}
	if (lup_path_user_frameworks(dirs[0], sizeof dirs[0]) < 0)
		dirs[0][0] = '\0';
	snprintf(dirs[1], sizeof dirs[1], "%s/frameworks", lup_path_datadir());
	for (int i = 0; i < 2 && !cand; i++)
		if (dirs[i][0])
			scan_dir(dirs[i], ident, &cand, bad, sizeof bad);
	if (!cand) {
		if (bad[0])
			return base_problem(child, pr, _("the framework '%s' cannot be read: %s"), ident, bad);
		return base_problem(child, pr,
		                    _("no framework '%s' has been imported, nor is there a file for it in %s or %s"),
		                    ident, dirs[0], dirs[1]);
	}
	if (cand->extends) {
		chain[depth] = cand->ident;
		if (find_base(db, cand, chain, depth + 1, &up, pr, err) < 0) {
			lup_framework_free(cand);
			return -1;
		}
	}
	if (lup_framework_resolve(cand, up, &e2) < 0) {
		base_problem(child, pr, _("the framework '%s' cannot be read: %s"), ident, e2.msg);
		lup_framework_free(up);
		lup_framework_free(cand);
		return -1;
	}
	lup_framework_free(up);
	*out = cand;
	return 0;
}

/* ---- Planning an import ---- */

/* A competence of an earlier revision, the latest with its code. */
struct earlier {
	char *code, *name, *name_sv, *replaces;
	char identity[LUP_UUID_LEN + 1];
	int revision;
};

/* A target of the new revision. */
struct new_target {
	size_t comp;                        /* in fw->comps */
	char *role;                         /* or NULL for a person */
	char person_id[LUP_UUID_LEN + 1];
	int level, user;
};

struct plan_priv {
	struct earlier *e;
	size_t ne;
	struct new_target *t;
	size_t nt, capt;
	struct lup_framework shown;         /* fw with the new revision's role targets */
	size_t cap_roles, cap_targets;
};

static void priv_free(struct plan_priv *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->ne; i++) {
		free(p->e[i].code); free(p->e[i].name); free(p->e[i].name_sv); free(p->e[i].replaces);
	}
	free(p->e);
	for (size_t i = 0; i < p->nt; i++)
		free(p->t[i].role);
	free(p->t);
	for (size_t i = 0; i < p->shown.ntargets; i++)
		free(p->shown.targets[i].code);
	for (size_t i = 0; i < p->shown.nroles; i++)
		free(p->shown.roles[i]);
	free(p->shown.targets);
	free(p->shown.roles);
	free(p);
}

void lup_fw_plan_clear(struct lup_fw_plan *p)
{
	if (!p)
		return;
	lup_fw_diff_clear(&p->diff);
	lup_fw_problems_clear(&p->problems);
	priv_free(p->priv);
	p->priv = NULL;
	if (p->own_fw)
		lup_framework_free(p->fw);
	p->fw = NULL;
	p->own_fw = 0;
}

static int cmp_earlier(const void *a, const void *b)
{
	return strcasecmp(((const struct earlier *)a)->code, ((const struct earlier *)b)->code);
}

static const struct earlier *earlier_get(const struct plan_priv *p, const char *code)
{
	struct earlier key = { 0 };
	if (!code)
		return NULL;
	key.code = (char *)code;
	return p->ne ? bsearch(&key, p->e, p->ne, sizeof *p->e, cmp_earlier) : NULL;
}

/* Every competence code of the ident's revisions, the latest of each. */
static int load_earlier(lup_db *db, const char *ident, struct plan_priv *p, lup_err *err)
{
	static const char sql[] =
		"SELECT c.code, c.name, c.name_sv, c.replaces, c.identity, c.id, f.revision FROM competence c "
		"JOIN framework f ON f.id = c.framework_id WHERE f.ident = ?1 "
		"ORDER BY lower(c.code), f.revision DESC";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	size_t cap = 0;
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, ident, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		struct earlier *e;
		if (!code || (p->ne && strcasecmp(p->e[p->ne - 1].code, code) == 0))
			continue;   /* an older revision of the same code */
		if (!(e = LUP_PUSH(p->e, p->ne, cap))) {
			rc = SQLITE_NOMEM;
			break;
		}
		e->code = lup_col_dup(st, 0);
		e->name = lup_col_dup(st, 1);
		e->name_sv = lup_col_dup(st, 2);
		e->replaces = lup_col_dup(st, 3);
		lup_col_copy(st, 4, e->identity, sizeof e->identity);
		if (!e->identity[0])
			lup_col_copy(st, 5, e->identity, sizeof e->identity);
		e->revision = sqlite3_column_int(st, 6);
		if (!e->code || !e->name) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	lup_done(st);
	if (rc == SQLITE_NOMEM)
		return lup_err_oom(err);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading a framework"));
	/* ordered by lower(code) already; sorted again by the same rule as
	 * the look-up compares, to be sure */
	if (p->ne)
		qsort(p->e, p->ne, sizeof *p->e, cmp_earlier);
	return 0;
}

static int comp_problem(struct lup_fw_plan *plan, const struct lup_fw_competence *c, int key,
                        const char *keyname, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int comp_problem(struct lup_fw_plan *plan, const struct lup_fw_competence *c, int key,
                        const char *keyname, const char *fmt, ...)
{
	char why[800], label[LUP_FW_CODE_MAX + 16], msg[1400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	snprintf(label, sizeof label, "competence %s", c->code);
	lup_fw_where(msg, sizeof msg, plan->fw->file ? plan->fw->file : "-",
	             key >= 0 && c->key_line[key] ? c->key_line[key] : c->line, label, keyname, why);
	lup_fw_problem(&plan->problems, msg);
	return -1;
}

struct ident_slot {
	const char *identity;
	size_t comp;
};

static int cmp_slot(const void *a, const void *b)
{
	const struct ident_slot *x = a, *y = b;
	int c = strcmp(x->identity, y->identity);
	return c ? c : (x->comp < y->comp ? -1 : x->comp > y->comp);
}

/* Give each competence its identity: the earlier one's while it means
 * the same; the one it was renamed from; or its own (new, or replacing
 * another).  A code whose name changed without either is a problem. */
static int assign_identities(struct lup_fw_plan *plan, struct plan_priv *p, lup_err *err)
{
	struct lup_framework *fw = plan->fw;
	struct ident_slot *slots;

	for (size_t i = 0; i < fw->ncomps; i++) {
		struct lup_fw_competence *c = &fw->comps[i];
		const struct earlier *prev = earlier_get(p, c->code);
		int same = prev && lup_fw_same_text(prev->name, c->name) &&
		           (!prev->name_sv || !c->name_sv || lup_fw_same_text(prev->name_sv, c->name_sv));
		if (!c->id[0])
			lup_uuid(c->id);
		/* renamed_from and replaces the file gave; those inherited from
		 * the framework it extends count only where they apply here */
		const struct earlier *ren = earlier_get(p, c->renamed_from), *rep = earlier_get(p, c->replaces);
		int own_ren = c->renamed_from && (c->given & BIT(C_RENAMED));
		int own_rep = c->replaces && (c->given & BIT(C_REPLACES));
		if (own_ren && !ren)
			comp_problem(plan, c, C_RENAMED, "renamed_from",
			             _("no competence %s in an earlier revision of %s"), c->renamed_from, fw->ident);
		if (own_rep && !rep)
			comp_problem(plan, c, C_REPLACES, "replaces",
			             _("no competence %s in an earlier revision of %s"), c->replaces, fw->ident);
		if (same && (!rep || (prev->replaces && strcasecmp(prev->replaces, c->replaces) == 0))) {
			memcpy(c->identity, prev->identity, sizeof c->identity);
		} else if (ren) {
			memcpy(c->identity, ren->identity, sizeof c->identity);
		} else if (prev && !same && !own_ren && !own_rep) {
			int en = !lup_fw_same_text(prev->name, c->name);
			comp_problem(plan, c, en ? C_NAME : C_NAME_SV, en ? "name" : "name_sv",
			             _("%s was \"%s\" in revision %d and is now \"%s\": if it is the same competence, "
			               "say renamed_from = %s (its ratings carry over); if it is another, say "
			               "replaces = %s (they do not)"),
			             c->code, en ? prev->name : prev->name_sv, prev->revision, en ? c->name : c->name_sv,
			             prev->code, prev->code);
			memcpy(c->identity, c->id, sizeof c->identity);
		} else {
			/* new, or taking another's place */
			memcpy(c->identity, c->id, sizeof c->identity);
		}
	}
	/* One identity, one competence: a retired one yields it to the one
	 * renamed from it; two in use are a problem. */
	if (!fw->ncomps)
		return 0;
	if (!(slots = calloc(fw->ncomps, sizeof *slots)))
		return lup_err_oom(err);
	for (size_t i = 0; i < fw->ncomps; i++) {
		slots[i].identity = fw->comps[i].identity;
		slots[i].comp = i;
	}
	qsort(slots, fw->ncomps, sizeof *slots, cmp_slot);
	for (size_t i = 1; i < fw->ncomps; i++) {
		struct lup_fw_competence *a = &fw->comps[slots[i - 1].comp], *b = &fw->comps[slots[i].comp];
		if (strcmp(a->identity, b->identity) != 0)
			continue;
		if (a->retired || b->retired) {
			struct lup_fw_competence *r = a->retired ? a : b;
			memcpy(r->identity, r->id, sizeof r->identity);
		} else {
			struct lup_fw_competence *renamed = b->renamed_from ? b : a, *other = renamed == a ? b : a;
			comp_problem(plan, renamed, C_RENAMED, "renamed_from",
			             _("%s is still part of this framework, as competence %s: retire it (retired = yes) "
			               "or leave renamed_from out"), renamed->renamed_from ? renamed->renamed_from
			             : other->code, other->code);
		}
	}
	free(slots);
	return 0;
}

static const struct lup_fw_competence *active_by_identity(const struct lup_framework *fw, const char *identity,
                                                          size_t *at)
{
	for (size_t i = 0; i < fw->ncomps; i++)
		if (!fw->comps[i].retired && strcmp(fw->comps[i].identity, identity) == 0) {
			if (at)
				*at = i;
			return &fw->comps[i];
		}
	return NULL;
}

static struct new_target *new_target(struct plan_priv *p, size_t comp, const char *role,
                                     const char *person_id, int level, int user)
{
	struct new_target *t = LUP_PUSH(p->t, p->nt, p->capt);
	if (!t)
		return NULL;
	t->comp = comp;
	t->level = level;
	t->user = user;
	if (person_id)
		snprintf(t->person_id, sizeof t->person_id, "%s", person_id);
	if (role && !(t->role = strdup(role))) {
		p->nt--;
		return NULL;
	}
	return t;
}

/* The targets of the new revision: the file's, and those set in lup for
 * the latest revision carried over (winning over the file's) when their
 * competence is still in use and the level still one of its levels. */
static int plan_targets(lup_db *db, struct lup_fw_plan *plan, struct plan_priv *p,
                        struct lup_fw_diff *gone, lup_err *err)
{
	static const char sql[] =
		"SELECT t.role, t.person_id, t.level, t.source = 'user', c.identity, c.code, coalesce(p.name, '') "
		"FROM target t JOIN competence c ON c.id = t.competence_id LEFT JOIN person p ON p.id = t.person_id "
		"WHERE t.framework_id = ?1 AND t.valid_to IS NULL ORDER BY t.role_key, p.sort_name, c.seq";
	struct lup_framework *fw = plan->fw;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	for (size_t i = 0; i < fw->ntargets; i++) {
		const struct lup_fw_competence *c = lup_fw_competence_get(fw, fw->targets[i].code);
		if (c && !new_target(p, (size_t)(c - fw->comps), fw->targets[i].role, NULL, fw->targets[i].level, 0))
			return lup_err_oom(err);
	}
	if (plan->latest[0]) {
		if (!(st = lup_stmt(db, sql, err)))
			return -1;
		sqlite3_bind_text(st, 1, plan->latest, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *role = (const char *)sqlite3_column_text(st, 0);
			const char *pid = (const char *)sqlite3_column_text(st, 1);
			const char *identity = (const char *)sqlite3_column_text(st, 4);
			const char *code = (const char *)sqlite3_column_text(st, 5);
			const char *who = (const char *)sqlite3_column_text(st, 6);
			int level = sqlite3_column_int(st, 2), user = sqlite3_column_int(st, 3);
			const struct lup_fw_competence *c;
			size_t at = 0, k;
			char lv[16];
			if (!identity || !code)
				continue;
			c = active_by_identity(fw, identity, &at);
			if (!c || level < c->level_min || level > c->level_max) {
				/* its competence is gone, or the level no longer one of
				 * it; a role's shows in the comparison */
				snprintf(lv, sizeof lv, "%d", level);
				if (!role && lup_fw_add_change(gone, LUP_FW_TARGET_GONE, code, NULL, who, "person",
				                               lv, NULL) < 0) {
					rc = SQLITE_NOMEM;
					break;
				}
				continue;
			}
			if (!user)
				continue;   /* the file's: the new file says */
			for (k = 0; k < p->nt; k++)
				if (p->t[k].comp == at && role && p->t[k].role && lup_fw_same_text(p->t[k].role, role))
					break;
			if (k < p->nt) {
				p->t[k].level = level;
				p->t[k].user = 1;
			} else if (!new_target(p, at, role, role ? NULL : pid, level, 1)) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
		lup_done(st);
		if (rc == SQLITE_NOMEM)
			return lup_err_oom(err);
		if (rc != SQLITE_DONE)
			return lup_sqlerr(db, err, _("reading targets"));
	}
	/* fw as the new revision will be, for the comparison: its role targets */
	p->shown = *fw;
	p->shown.targets = NULL;
	p->shown.ntargets = 0;
	p->shown.roles = NULL;
	p->shown.nroles = 0;
	p->shown.index = fw->index;
	for (size_t k = 0; k < p->nt; k++)
		if (p->t[k].role && add_target(&p->shown, &p->cap_roles, &p->cap_targets, p->t[k].role,
		                               fw->comps[p->t[k].comp].code, p->t[k].level, p->t[k].user) < 0)
			return lup_err_oom(err);
	return 0;
}

/* Roles of the new revision's targets that no active person has. */
static int roles_nobody(lup_db *db, struct plan_priv *p, struct lup_fw_diff *d, lup_err *err)
{
	static const char sql[] = "SELECT EXISTS (SELECT 1 FROM person WHERE sort_role = ?1 AND active = 1)";
	for (size_t i = 0; i < p->shown.nroles; i++) {
		sqlite3_stmt *st;
		int rc, found;
		if ((rc = lup_step_key(db, sql, p->shown.roles[i], &st, _("reading people"), err)) < 0)
			return -1;
		if (rc != SQLITE_ROW)
			return lup_err_set(err, LUP_EFAIL, "%s", _("reading people"));
		found = sqlite3_column_int(st, 0);
		lup_done(st);
		if (!found && lup_fw_add_change(d, LUP_FW_ROLE_NOBODY, NULL, NULL, p->shown.roles[i], NULL,
		                                NULL, NULL) < 0)
			return lup_err_oom(err);
	}
	return 0;
}

static int append_diff(struct lup_fw_diff *to, struct lup_fw_diff *from)
{
	for (size_t i = 0; i < from->n; i++) {
		struct lup_fw_change *c = LUP_PUSH(to->c, to->n, to->cap);
		if (!c)
			return -1;
		*c = from->c[i];
		from->c[i].before = from->c[i].after = NULL;
	}
	lup_fw_diff_clear(from);
	return 0;
}

int lup_framework_plan(lup_db *db, struct lup_framework *fw, struct lup_fw_plan *plan, lup_err *err)
{
	static const char sql_latest[] =
		"SELECT id, revision, content_hash FROM framework WHERE ident = ?1 ORDER BY revision DESC LIMIT 1";
	static const char sql_same[] =
		"SELECT revision FROM framework WHERE ident = ?1 AND content_hash = ?2 ORDER BY revision DESC LIMIT 1";
	struct plan_priv *p;
	struct lup_fw_diff gone = { 0 };
	struct lup_framework *latest = NULL;
	sqlite3_stmt *st;
	int rc;

	memset(plan, 0, sizeof *plan);
	plan->fw = fw;
	if (!(p = calloc(1, sizeof *p)))
		return lup_err_oom(err);
	plan->priv = p;
	if (!fw->resolved) {
		struct lup_framework *base = NULL;
		const char *chain[LUP_FW_MAX_DEPTH + 1];
		size_t before = plan->problems.total;
		if (fw->extends) {
			chain[0] = fw->ident;
			if (find_base(db, fw, chain, 1, &base, &plan->problems, err) < 0)
				return plan->problems.total > before ? 0 : -1;
		}
		rc = lup_fw_resolve_collect(fw, base, &plan->problems, err);
		lup_framework_free(base);
		if (rc < 0)
			return plan->problems.total > before ? 0 : -1;
	}
	plan->revision = 1;
	if (!(st = lup_stmt(db, sql_latest, err)))
		return -1;
	sqlite3_bind_text(st, 1, fw->ident, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 2);
		lup_col_copy(st, 0, plan->latest, sizeof plan->latest);
		plan->revision = sqlite3_column_int(st, 1) + 1;
		plan->unchanged = h && strcmp(h, fw->hash) == 0;
	}
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("looking up a framework"));
	if (plan->unchanged) {
		plan->revision--;
		plan->same_as = plan->revision;
		memcpy(fw->id, plan->latest, sizeof fw->id);
		fw->revision = plan->revision;
		return 0;
	}
	if (!(st = lup_stmt(db, sql_same, err)))
		return -1;
	sqlite3_bind_text(st, 1, fw->ident, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, fw->hash, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		plan->same_as = sqlite3_column_int(st, 0);
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("looking up a framework"));

	if (load_earlier(db, fw->ident, p, err) < 0 || assign_identities(plan, p, err) < 0)
		return -1;
	if (plan->problems.total)
		return 0;
	if (plan_targets(db, plan, p, &gone, err) < 0)
		goto fail;
	if (plan->latest[0] && lup_framework_load(db, plan->latest, &latest, err) < 0)
		goto fail;
	rc = lup_framework_diff(latest, &p->shown, &plan->diff, err);
	lup_framework_free(latest);
	if (rc < 0 || append_diff(&plan->diff, &gone) < 0 || roles_nobody(db, p, &plan->diff, err) < 0) {
		if (rc == 0)
			lup_err_oom(err);
		goto fail;
	}
	return 0;
fail:
	lup_fw_diff_clear(&gone);
	return -1;
}

/* ---- Storing ---- */

static int step_done(lup_db *db, sqlite3_stmt *st, lup_err *err)
{
	int rc = sqlite3_step(st);
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("storing a framework"));
	return 0;
}

static int store(lup_db *db, struct lup_fw_plan *plan, const char *source, lup_err *err)
{
	static const char sql_fw[] =
		"INSERT INTO framework (id, ident, name, name_sv, version, revision, extends, description, "
		"source, content_hash, level_min, level_max, imported_at, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?13)";
	static const char sql_lv[] =
		"INSERT INTO level (id, framework_id, value, name, name_sv, band, band_sv, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
	static const char sql_ar[] =
		"INSERT INTO area (id, framework_id, code, seq, name, name_sv, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
	static const char sql_co[] =
		"INSERT INTO competence (id, framework_id, area_id, code, seq, name, name_sv, description, "
		"description_sv, level_min, level_max, retired, identity, renamed_from, replaces, "
		"created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)";
	/* the targets in force end with the revision they belong to */
	static const char sql_end[] =
		"UPDATE target SET valid_to = ?2, updated_at = ?2 WHERE valid_to IS NULL AND framework_id IN "
		"(SELECT id FROM framework WHERE ident = ?1)";
	struct lup_framework *fw = plan->fw;
	struct plan_priv *p = plan->priv;
	char now[21], uuid[LUP_UUID_LEN + 1];
	sqlite3_stmt *st;

	lup_now_utc(now);
	lup_uuid(fw->id);
	fw->revision = plan->revision;
	memcpy(fw->imported_at, now, sizeof now);
	if (!(st = lup_stmt(db, sql_end, err)))
		return -1;
	sqlite3_bind_text(st, 1, fw->ident, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	if (step_done(db, st, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql_fw, err)))
		return -1;
	sqlite3_bind_text(st, 1, fw->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, fw->ident, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, fw->name, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 4, fw->name_sv);
	sqlite3_bind_text(st, 5, fw->version, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, fw->revision);
	lup_bind_text(st, 7, fw->extends);
	lup_bind_text(st, 8, fw->description);
	lup_bind_text(st, 9, source);
	sqlite3_bind_text(st, 10, fw->hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 11, fw->level_min);
	sqlite3_bind_int(st, 12, fw->level_max);
	sqlite3_bind_text(st, 13, now, -1, SQLITE_TRANSIENT);
	if (step_done(db, st, err) < 0)
		return -1;

	for (size_t i = 0; i < fw->nlevels; i++) {
		const struct lup_fw_level *l = &fw->levels[i];
		if (!(st = lup_stmt(db, sql_lv, err)))
			return -1;
		lup_uuid(uuid);
		sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, fw->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 3, l->value);
		sqlite3_bind_text(st, 4, l->name, -1, SQLITE_TRANSIENT);
		lup_bind_text(st, 5, l->name_sv);
		lup_bind_text(st, 6, l->band);
		lup_bind_text(st, 7, l->band_sv);
		sqlite3_bind_text(st, 8, now, -1, SQLITE_TRANSIENT);
		if (step_done(db, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < fw->nareas; i++) {
		struct lup_fw_area *a = &fw->areas[i];
		if (!(st = lup_stmt(db, sql_ar, err)))
			return -1;
		lup_uuid(a->id);
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, fw->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, a->code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 4, a->order);
		sqlite3_bind_text(st, 5, a->name, -1, SQLITE_TRANSIENT);
		lup_bind_text(st, 6, a->name_sv);
		sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
		if (step_done(db, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < fw->ncomps; i++) {
		struct lup_fw_competence *c = &fw->comps[i];
		const struct lup_fw_area *a = lup_fw_area_get(fw, c->area);
		if (!a)
			return lup_err_set(err, LUP_EFAIL, _("storing a framework: competence %s has no area"), c->code);
		if (!(st = lup_stmt(db, sql_co, err)))
			return -1;
		sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, fw->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, a->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, c->code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 5, c->order);
		sqlite3_bind_text(st, 6, c->name, -1, SQLITE_TRANSIENT);
		lup_bind_text(st, 7, c->name_sv);
		lup_bind_text(st, 8, c->description);
		lup_bind_text(st, 9, c->description_sv);
		sqlite3_bind_int(st, 10, c->level_min);
		sqlite3_bind_int(st, 11, c->level_max);
		sqlite3_bind_int(st, 12, c->retired ? 1 : 0);
		sqlite3_bind_text(st, 13, c->identity, -1, SQLITE_TRANSIENT);
		lup_bind_text(st, 14, c->renamed_from);
		lup_bind_text(st, 15, c->replaces);
		sqlite3_bind_text(st, 16, now, -1, SQLITE_TRANSIENT);
		if (step_done(db, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < p->nt; i++) {
		const struct new_target *t = &p->t[i];
		const struct lup_fw_competence *c = &fw->comps[t->comp];
		if (lup_target_insert(db, fw->id, c->id, c->identity, t->role, t->role ? NULL : t->person_id,
		                      t->level, t->user ? "user" : "file", now, err) < 0)
			return -1;
	}
	return 0;
}

int lup_framework_store(lup_db *db, struct lup_fw_plan *plan, char id_out[LUP_UUID_LEN + 1],
                        lup_err *err)
{
	static const char sql_rev[] = "SELECT coalesce(max(revision), 0) FROM framework WHERE ident = ?1";
	struct lup_framework *fw = plan->fw;
	char *real;
	sqlite3_stmt *st;
	int rc, have = -1;

	id_out[0] = '\0';
	if (plan->problems.total)
		return lup_fw_problems_err(&plan->problems, err);
	if (!plan->priv)
		return lup_err_set(err, LUP_EFAIL, _("storing a framework: it was not planned"));
	if (plan->unchanged) {
		memcpy(id_out, plan->latest, LUP_UUID_LEN + 1);
		return 0;
	}
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql_rev, err)))
		goto fail;
	sqlite3_bind_text(st, 1, fw->ident, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		have = sqlite3_column_int(st, 0);
	lup_done(st);
	if (have < 0) {
		lup_sqlerr(db, err, _("looking up a framework"));
		goto fail;
	}
	if (have != plan->revision - 1) {
		lup_err_set(err, LUP_ECHANGED,
		            _("%s revision %d was imported meanwhile (in another window?): import the file again"),
		            fw->ident, have);
		goto fail;
	}
	/* The source is recorded as a full path when the file exists. */
	real = fw->file ? realpath(fw->file, NULL) : NULL;
	rc = store(db, plan, real ? real : fw->file, err);
	free(real);
	if (rc < 0)
		goto fail;
	if (lup_db_commit(db, err) < 0) {
		fw->id[0] = '\0';
		return -1;
	}
	memcpy(id_out, fw->id, LUP_UUID_LEN + 1);
	return 0;
fail:
	lup_db_rollback(db);
	fw->id[0] = '\0';
	return -1;
}

int lup_framework_import(lup_db *db, struct lup_framework *fw, char id_out[LUP_UUID_LEN + 1],
                         int *unchanged, lup_err *err)
{
	struct lup_fw_plan plan;
	int rc;

	*unchanged = 0;
	id_out[0] = '\0';
	if (lup_framework_plan(db, fw, &plan, err) < 0) {
		lup_fw_plan_clear(&plan);
		return -1;
	}
	rc = lup_framework_store(db, &plan, id_out, err);
	if (rc == 0)
		*unchanged = plan.unchanged;
	lup_fw_plan_clear(&plan);
	return rc;
}

int lup_framework_import_file(lup_db *db, const char *path, char id_out[LUP_UUID_LEN + 1],
                              int *unchanged, lup_err *err)
{
	struct lup_framework *fw;
	int rc;

	*unchanged = 0;
	id_out[0] = '\0';
	if (lup_framework_read(path, &fw, err) < 0)
		return -1;
	rc = lup_framework_import(db, fw, id_out, unchanged, err);
	lup_framework_free(fw);
	return rc;
}

int lup_framework_plan_file(lup_db *db, const char *path, struct lup_fw_plan *plan, lup_err *err)
{
	struct lup_framework *fw = NULL;
	struct lup_fw_problems pr = { 0 };
	int rc;

	memset(plan, 0, sizeof *plan);
	lup_err_clear(err);
	rc = lup_fw_read_collect(path, &fw, &pr, err);
	if (!fw) {
		plan->problems = pr;
		return err && err->code == LUP_EFAIL && !pr.total ? -1 : 0;
	}
	if (rc > 0) {
		/* what the syntax allows is still resolved, to find the rest */
		struct lup_framework *base = NULL;
		const char *chain[LUP_FW_MAX_DEPTH + 1];
		if (fw->extends) {
			chain[0] = fw->ident;
			find_base(db, fw, chain, 1, &base, &pr, err);
		}
		if (!fw->extends || base)
			lup_fw_resolve_collect(fw, base, &pr, err);
		lup_framework_free(base);
		plan->fw = fw;
		plan->own_fw = 1;
		plan->problems = pr;
		return 0;
	}
	rc = lup_framework_plan(db, fw, plan, err);
	plan->own_fw = 1;
	/* problems found on the way come first */
	if (pr.total) {
		for (size_t i = 0; i < plan->problems.n; i++)
			lup_fw_problem(&pr, plan->problems.msg[i]);
		pr.total += plan->problems.total - plan->problems.n;
		lup_fw_problems_clear(&plan->problems);
		plan->problems = pr;
	}
	return rc;
}
