/* target.c — target levels: per framework revision, for a role or for a
 * person, with their history (see lup/target.h). */
#include <stdlib.h>
#include <string.h>
#include "core/comp_int.h"
#include "core/fw_int.h"

int lup_target_insert(lup_db *db, const char *framework_id, const char *competence_id,
                      const char *identity, const char *role, const char *person_id, int level,
                      const char *source, const char *valid_from, lup_err *err)
{
	static const char sql[] =
		"INSERT INTO target (id, framework_id, competence_id, role, role_key, person_id, level, source, "
		"valid_from, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
	char id[LUP_UUID_LEN + 1], now[21], *key = NULL;
	sqlite3_stmt *st;

	if (role && !(key = lup_sortkey(role)))
		return lup_err_oom(err);
	/* from its natural key: the same target set on two laptops is one row */
	lup_id_target(id, framework_id, identity, key, key ? NULL : person_id, valid_from);
	lup_now_utc(now);
	if (!(st = lup_stmt(db, sql, err))) {
		free(key);
		return -1;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, framework_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, competence_id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 4, role);
	lup_bind_text(st, 5, key);
	lup_bind_text(st, 6, person_id);
	sqlite3_bind_int(st, 7, level);
	sqlite3_bind_text(st, 8, source, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, valid_from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, now, -1, SQLITE_TRANSIENT);
	free(key);
	return lup_run(db, st, _("storing a target"), err);
}

int lup_role_same(const char *a, const char *b)
{
	return lup_fw_same_text(a, b);
}

/* The competence code of the latest revision of ident. */
struct comp_ref {
	char fwid[LUP_UUID_LEN + 1], id[LUP_UUID_LEN + 1], identity[LUP_UUID_LEN + 1];
	char code[LUP_FW_CODE_MAX + 1];
	int lmin, lmax, retired;
};

static int find_comp(lup_db *db, const char *ident, const char *code, struct comp_ref *c, lup_err *err)
{
	static const char sql[] =
		"SELECT id, identity, code, level_min, level_max, retired FROM competence "
		"WHERE framework_id = ?1 AND code = ?2 COLLATE NOCASE";
	sqlite3_stmt *st;
	int rc;

	memset(c, 0, sizeof *c);
	if (lup_framework_current(db, ident, c->fwid, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, c->fwid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, code ? code : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, c->id, sizeof c->id);
		lup_col_copy(st, 1, c->identity, sizeof c->identity);
		lup_col_copy(st, 2, c->code, sizeof c->code);
		c->lmin = sqlite3_column_int(st, 3);
		c->lmax = sqlite3_column_int(st, 4);
		c->retired = sqlite3_column_int(st, 5);
	}
	lup_done(st);
	if (rc == SQLITE_DONE)
		return lup_err_field(err, "code", _("no competence %s in %s"), code ? code : "", ident);
	if (rc != SQLITE_ROW)
		return lup_sqlerr(db, err, _("setting a target"));
	return 0;
}

/* A role as given: trimmed into buf, NULL when blank. */
static int role_arg(const char *role, char *buf, size_t n, const char **out, lup_err *err)
{
	*out = NULL;
	if (!role || !*role)
		return 0;
	if (strlen(role) >= n || strlen(role) > 200)
		return lup_err_field(err, "role", _("the role is longer than 200 characters"));
	strcpy(buf, role);
	lup_trim(buf);
	*out = buf[0] ? buf : NULL;
	return 0;
}

int lup_target_set(lup_db *db, const char *ident, const char *code, const char *role,
                   const char *person_id, int level, lup_err *err)
{
	static const char sql_open_role[] =
		"SELECT id, level, valid_from, source, role FROM target WHERE framework_id = ?1 "
		"AND competence_id = ?2 AND role_key = ?3 AND valid_to IS NULL";
	static const char sql_open_person[] =
		"SELECT id, level, valid_from, source, role FROM target WHERE framework_id = ?1 "
		"AND competence_id = ?2 AND person_id = ?3 AND valid_to IS NULL";
	static const char sql_close[] = "UPDATE target SET valid_to = ?2, updated_at = ?2 WHERE id = ?1";
	static const char sql_drop[] = "DELETE FROM target WHERE id = ?1";
	static const char sql_level[] =
		"UPDATE target SET level = ?2, source = 'user', updated_at = ?3 WHERE id = ?1";
	static const char sql_person[] = "SELECT count(*) FROM person WHERE id = ?1";
	struct comp_ref c;
	char rolebuf[256], now[21], open_id[LUP_UUID_LEN + 1] = "", open_from[21] = "", open_src[8] = "";
	char open_role[256] = "", *key = NULL;
	const char *who;
	int open_level = LUP_LEVEL_NONE, rc;
	sqlite3_stmt *st;

	if (role_arg(role, rolebuf, sizeof rolebuf, &role, err) < 0)
		return -1;
	if (person_id && !*person_id)
		person_id = NULL;
	if ((role == NULL) == (person_id == NULL))
		return lup_err_set(err, LUP_EINVAL, _("a target is for a role or for one person"));
	if (find_comp(db, ident, code, &c, err) < 0)
		return -1;
	if (level != LUP_LEVEL_NONE) {
		if (c.retired)
			return lup_err_field(err, "code", _("competence %s is retired"), c.code);
		if (level < c.lmin || level > c.lmax)
			return lup_err_field(err, "level", _("level %d lies outside the levels %d-%d of %s"),
			                     level, c.lmin, c.lmax, c.code);
	}
	if (person_id) {
		if ((rc = lup_comp_count1(db, sql_person, person_id, err)) < 0)
			return -1;
		if (rc == 0)
			return lup_err_set(err, LUP_ENOTFOUND, _("no such person"));
	} else if (!(key = lup_sortkey(role))) {
		return lup_err_oom(err);
	}
	who = person_id ? person_id : key;
	lup_now_utc(now);
	if (lup_db_begin(db, err) < 0) {
		free(key);
		return -1;
	}
	if (!(st = lup_stmt(db, person_id ? sql_open_person : sql_open_role, err)))
		goto fail;
	sqlite3_bind_text(st, 1, c.fwid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, c.id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, who, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, open_id, sizeof open_id);
		open_level = sqlite3_column_int(st, 1);
		lup_col_copy(st, 2, open_from, sizeof open_from);
		lup_col_copy(st, 3, open_src, sizeof open_src);
		lup_col_copy(st, 4, open_role, sizeof open_role);
	}
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		lup_sqlerr(db, err, _("setting a target"));
		goto fail;
	}
	if (open_id[0] && level == open_level && strcmp(open_src, "user") == 0)
		goto done;   /* as it is */
	if (open_id[0] && strcmp(open_from, now) == 0) {
		/* set this very second: changed in place, no history of it */
		if (!(st = lup_stmt(db, level == LUP_LEVEL_NONE ? sql_drop : sql_level, err)))
			goto fail;
		sqlite3_bind_text(st, 1, open_id, -1, SQLITE_TRANSIENT);
		if (level != LUP_LEVEL_NONE) {
			sqlite3_bind_int(st, 2, level);
			sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
		}
		if (lup_run(db, st, _("setting a target"), err) < 0)
			goto fail;
		goto done;
	}
	if (open_id[0]) {
		if (!(st = lup_stmt(db, sql_close, err)))
			goto fail;
		sqlite3_bind_text(st, 1, open_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
		if (lup_run(db, st, _("setting a target"), err) < 0)
			goto fail;
	}
	/* a role keeps the spelling it was first given */
	if (level != LUP_LEVEL_NONE &&
	    lup_target_insert(db, c.fwid, c.id, c.identity, person_id ? NULL : open_role[0] ? open_role : role,
	                      person_id, level, "user", now, err) < 0)
		goto fail;
done:
	free(key);
	return lup_db_commit(db, err);
fail:
	free(key);
	lup_db_rollback(db);
	return -1;
}

static const struct lup_col target_col = {
	.field = "level", .label = N_("Target level"), .kind = LUP_COL_BUF, .label_of = lup_comp_level_word
};

/* The level in force now for a role or person in the latest revision. */
static int target_now(lup_db *db, const char *ident, const char *code, const char *role,
                      const char *person_id, int *level, lup_err *err)
{
	static const char sql_role[] =
		"SELECT t.level FROM target t JOIN competence c ON c.id = t.competence_id "
		"WHERE c.framework_id = ?1 AND c.code = ?2 COLLATE NOCASE AND t.role_key = ?3 AND t.valid_to IS NULL";
	static const char sql_person[] =
		"SELECT t.level FROM target t JOIN competence c ON c.id = t.competence_id "
		"WHERE c.framework_id = ?1 AND c.code = ?2 COLLATE NOCASE AND t.person_id = ?3 AND t.valid_to IS NULL";
	char fwid[LUP_UUID_LEN + 1], *key = NULL;
	sqlite3_stmt *st;
	int rc;

	*level = LUP_LEVEL_NONE;
	if (lup_framework_current(db, ident, fwid, err) < 0)
		return -1;
	if (!person_id && !(key = lup_sortkey(role ? role : "")))
		return lup_err_oom(err);
	if (key)
		lup_trim(key);
	if (!(st = lup_stmt(db, person_id ? sql_person : sql_role, err))) {
		free(key);
		return -1;
	}
	sqlite3_bind_text(st, 1, fwid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, code ? code : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, person_id ? person_id : key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lup_comp_level(st, 0, level);
	lup_done(st);
	free(key);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading a target"));
	return 0;
}

int lup_target_edit(lup_db *db, const char *ident, const char *code, const char *role,
                    const char *person_id, int seen, int level, struct lup_merge_report *mr,
                    lup_err *err)
{
	int stored, stored_wins;
	char b1[16], b2[16], b3[16];

	if (person_id && !*person_id)
		person_id = NULL;
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (target_now(db, ident, code, role, person_id, &stored, err) < 0 ||
	    lup_merge_value(db, &target_col, lup_comp_level_text(seen, b1), lup_comp_level_text(level, b2),
	                    lup_comp_level_text(stored, b3), &stored_wins, mr, err) < 0 ||
	    (!stored_wins && lup_target_set(db, ident, code, role, person_id, level, err) < 0)) {
		lup_db_rollback(db);
		return -1;
	}
	return lup_db_commit(db, err);
}

int lup_target_get(lup_db *db, const char *ident, const char *code, const char *person_id,
                   int *level, int *personal, lup_err *err)
{
	static const char sql[] =
		"SELECT (SELECT t.level FROM target t WHERE t.competence_id = c.id AND t.person_id = ?3 "
		"AND t.valid_to IS NULL), (SELECT t.level FROM target t JOIN person p ON p.id = ?3 "
		"WHERE t.competence_id = c.id AND t.role_key = p.sort_role AND t.valid_to IS NULL) "
		"FROM competence c WHERE c.framework_id = ?1 AND c.code = ?2 COLLATE NOCASE";
	char fwid[LUP_UUID_LEN + 1];
	sqlite3_stmt *st;
	int own = LUP_LEVEL_NONE, byrole = LUP_LEVEL_NONE, rc;

	*level = LUP_LEVEL_NONE;
	if (personal)
		*personal = 0;
	if (lup_framework_current(db, ident, fwid, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, fwid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, person_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_comp_level(st, 0, &own);
		lup_comp_level(st, 1, &byrole);
	}
	lup_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("reading a target"));
	if (own != LUP_LEVEL_NONE) {
		*level = own;
		if (personal)
			*personal = 1;
	} else {
		*level = byrole;
	}
	return 0;
}

static void read_target_list_row(sqlite3_stmt *st, void *row)
{
	struct lup_target_row *r = row;
	lup_col_copy(st, 0, r->competence_id, sizeof r->competence_id);
	lup_col_copy(st, 1, r->code, sizeof r->code);
	lup_col_copy(st, 2, r->name, sizeof r->name);
	lup_col_copy(st, 3, r->name_sv, sizeof r->name_sv);
	lup_col_copy(st, 4, r->area, sizeof r->area);
	r->level_min = sqlite3_column_int(st, 5);
	r->level_max = sqlite3_column_int(st, 6);
	lup_comp_level(st, 7, &r->role_level);
	r->from_file = sqlite3_column_int(st, 8);
	lup_comp_level(st, 10, &r->own_level);
	r->level = r->own_level != LUP_LEVEL_NONE ? r->own_level : r->role_level;
	lup_col_copy(st, r->own_level != LUP_LEVEL_NONE ? 11 : 9, r->since, sizeof r->since);
}

/* Every row of a target query whose ?1 is first, ?2 the role's key (NULL:
 * none) and ?3 the person (NULL: none), read into *rowsp; frees key. */
static int read_targets(lup_db *db, const char *sql, const char *first, char *key,
                        const char *person_id, void *rowsp, size_t *n, size_t size,
                        void (*read)(sqlite3_stmt *st, void *row), lup_err *err)
{
	sqlite3_stmt *st;
	int rc;
	if (!(st = lup_stmt(db, sql, err))) {
		free(key);
		return -1;
	}
	sqlite3_bind_text(st, 1, first, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 2, key);
	lup_bind_text(st, 3, person_id);
	rc = lup_read_all(db, st, rowsp, n, size, read, _("reading targets"), err);
	free(key);
	return rc;
}

int lup_target_list(lup_db *db, const char *ident, const char *role, const char *person_id,
                    struct lup_target_row **rows, size_t *n, lup_err *err)
{
	/* ?2 the role's key (for a person: their role's), ?3 the person */
	static const char sql[] =
		"SELECT c.id, c.code, c.name, coalesce(c.name_sv, ''), a.code, c.level_min, c.level_max, "
		"r.level, r.source = 'file', substr(r.valid_from, 1, 10), o.level, substr(o.valid_from, 1, 10) "
		"FROM competence c JOIN area a ON a.id = c.area_id "
		"LEFT JOIN target r ON r.competence_id = c.id AND r.role_key = ?2 AND r.valid_to IS NULL "
		"LEFT JOIN target o ON o.competence_id = c.id AND o.person_id = ?3 AND o.valid_to IS NULL "
		"WHERE c.framework_id = ?1 AND c.retired = 0 ORDER BY c.seq";
	static const char sql_role[] = "SELECT sort_role FROM person WHERE id = ?1";
	char fwid[LUP_UUID_LEN + 1], rolebuf[256], *key = NULL;
	sqlite3_stmt *st;
	int rc;

	*rows = NULL;
	*n = 0;
	if (person_id && !*person_id)
		person_id = NULL;
	if (role_arg(role, rolebuf, sizeof rolebuf, &role, err) < 0)
		return -1;
	if (lup_framework_current(db, ident, fwid, err) < 0)
		return -1;
	if (person_id) {
		if (!(st = lup_stmt(db, sql_role, err)))
			return -1;
		sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			key = lup_col_dup(st, 0);
		lup_done(st);
		if (rc == SQLITE_DONE)
			return lup_err_set(err, LUP_ENOTFOUND, _("no such person"));
		if (rc != SQLITE_ROW)
			return lup_sqlerr(db, err, _("reading targets"));
	} else if (role && !(key = lup_sortkey(role))) {
		return lup_err_oom(err);
	}
	return read_targets(db, sql, fwid, key, person_id, rows, n, sizeof **rows,
	                    read_target_list_row, err);
}

static void read_target_roles_row(sqlite3_stmt *st, void *row)
{
	struct lup_target_role *r = row;
	lup_col_copy(st, 0, r->role, sizeof r->role);
	r->targets = (long)sqlite3_column_int64(st, 1);
	r->people = (long)sqlite3_column_int64(st, 2);
}

int lup_target_roles(lup_db *db, const char *ident, struct lup_target_role **rows, size_t *n,
                     lup_err *err)
{
	static const char sql[] =
		"SELECT min(t.role), count(*), (SELECT count(*) FROM person p WHERE p.sort_role = t.role_key "
		"AND p.active = 1) FROM target t WHERE t.framework_id = ?1 AND t.role_key IS NOT NULL "
		"AND t.valid_to IS NULL GROUP BY t.role_key ORDER BY t.role_key";
	char fwid[LUP_UUID_LEN + 1];
	sqlite3_stmt *st;

	*rows = NULL;
	*n = 0;
	if (lup_framework_current(db, ident, fwid, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, fwid, -1, SQLITE_TRANSIENT);
	return lup_read_all(db, st, rows, n, sizeof **rows, read_target_roles_row,
	                    _("reading targets"), err);
}

static void read_target_history_row(sqlite3_stmt *st, void *row)
{
	struct lup_target_change *r = row;
	lup_col_copy(st, 0, r->code, sizeof r->code);
	r->revision = sqlite3_column_int(st, 1);
	r->level = sqlite3_column_int(st, 2);
	lup_col_copy(st, 3, r->role, sizeof r->role);
	lup_col_copy(st, 4, r->from, sizeof r->from);
	lup_col_copy(st, 5, r->to, sizeof r->to);
	r->from_file = sqlite3_column_int(st, 6);
}

int lup_target_history(lup_db *db, const char *ident, const char *role, const char *person_id,
                       struct lup_target_change **rows, size_t *n, lup_err *err)
{
	static const char sql[] =
		"SELECT c.code, f.revision, t.level, coalesce(t.role, ''), t.valid_from, coalesce(t.valid_to, ''), "
		"t.source = 'file' FROM target t JOIN framework f ON f.id = t.framework_id "
		"JOIN competence c ON c.id = t.competence_id WHERE f.ident = ?1 "
		"AND ((?2 IS NOT NULL AND t.role_key = ?2) OR (?3 IS NOT NULL AND t.person_id = ?3)) "
		"ORDER BY t.valid_from, f.revision, c.seq, t.rowid";
	char rolebuf[256], *key = NULL;

	*rows = NULL;
	*n = 0;
	if (person_id && !*person_id)
		person_id = NULL;
	if (role_arg(role, rolebuf, sizeof rolebuf, &role, err) < 0)
		return -1;
	if (role && !(key = lup_sortkey(role)))
		return lup_err_oom(err);
	return read_targets(db, sql, ident ? ident : "", key, person_id, rows, n, sizeof **rows,
	                    read_target_history_row, err);
}
