/* people.c — people: validation, storage, the keyset-paged list. */
#include <stdlib.h>
#include <string.h>
#include "core/internal.h"
#include "lup/ref.h"
#include "lup/cal.h"
#include "lup/people.h"

void lup_person_clear(struct lup_person *p)
{
	free(p->name); free(p->email); free(p->phone); free(p->org_unit);
	free(p->role); free(p->manager_id); free(p->employee_no);
	memset(p, 0, sizeof *p);
}

static const char sql_get[] =
	"SELECT id, name, email, phone, org_unit, role, manager_id, employee_no, active, "
	"created_at, updated_at FROM person WHERE id = ?1";

static void read_person(sqlite3_stmt *st, void *row)
{
	struct lup_person *p = row;
	lup_col_copy(st, 0, p->id, sizeof p->id);
	p->name = lup_col_dup(st, 1);
	p->email = lup_col_dup(st, 2);
	p->phone = lup_col_dup(st, 3);
	p->org_unit = lup_col_dup(st, 4);
	p->role = lup_col_dup(st, 5);
	p->manager_id = lup_col_dup(st, 6);
	p->employee_no = lup_col_dup(st, 7);
	p->active = sqlite3_column_int(st, 8);
	lup_col_copy(st, 9, p->created_at, sizeof p->created_at);
	lup_col_copy(st, 10, p->updated_at, sizeof p->updated_at);
}

int lup_person_get(lup_db *db, const char *id, struct lup_person *p, lup_err *err)
{
	return lup_get_row(db, lup_stmt(db, sql_get, err), id, p, sizeof *p, read_person,
	                   _("reading a person"), _("no such person"), err);
}

static int find(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], int names, lup_err *err)
{
	static const char sql[] =
		"SELECT id FROM person WHERE email = ?1 COLLATE NOCASE OR employee_no = ?1 LIMIT 2";
	sqlite3_stmt *st;
	int n = 0, rc;

	if (!ref || !*ref)
		return lup_err_set(err, LUP_EINVAL, _("no person given"));
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n++ == 0)
			lup_col_copy(st, 0, id, LUP_UUID_LEN + 1);
	lup_done(st);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("looking up a person"));
	if (n == 1)
		return 0;
	if (names)
		return lup_ref_find(db, LUP_REF_PERSON, ref, id, err);
	if (lup_resolve_id(db, "person", ref, id, err) == 0)
		return 0;
	if (err && (err->code == LUP_EINVAL || err->code == LUP_ENOTFOUND))
		lup_err_set(err, LUP_ENOTFOUND, _("no person matches '%s'"), ref);
	return -1;
}

int lup_person_find(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err)
{
	return find(db, ref, id, 1, err);
}

int lup_person_find_strict(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err)
{
	return find(db, ref, id, 0, err);
}

/* Would making manager the manager of id close a loop? */
static int manager_cycle(lup_db *db, const char *id, const char *manager, lup_err *err)
{
	static const char sql[] =
		"WITH RECURSIVE up(id, depth) AS (SELECT ?1, 0 UNION ALL "
		"SELECT p.manager_id, depth + 1 FROM up JOIN person p ON p.id = up.id "
		"WHERE p.manager_id IS NOT NULL AND depth < 1000) "
		"SELECT count(*) FROM up WHERE id = ?2";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int found;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, manager, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("checking the manager"));
	}
	found = sqlite3_column_int(st, 0) > 0;
	lup_done(st);
	return found;
}

static int exists_other(lup_db *db, const char *sql, const char *value, const char *id,
                        lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int n;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, value, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("checking"));
	}
	n = sqlite3_column_int(st, 0);
	lup_done(st);
	return n > 0;
}

/* Trim every text field; empty becomes NULL. */
/* Which unique value is taken, once the write has hit a UNIQUE
 * constraint: the common case, no clash, costs no look-ups at all (an
 * import of 50,000 people saves 100,000 of them).  1 with the field
 * named in err, 0 if neither is, -1 on error. */
static int taken(lup_db *db, const struct lup_person *p, lup_err *err)
{
	int r;
	if (p->email) {
		r = exists_other(db, "SELECT count(*) FROM person WHERE email = ?1 COLLATE NOCASE AND id <> ?2",
		                 p->email, p->id, err);
		if (r)
			return r < 0 ? -1 : (lup_err_field(err, "email", _("%s belongs to someone else already"),
			                                   p->email), 1);
	}
	if (p->employee_no) {
		r = exists_other(db, "SELECT count(*) FROM person WHERE employee_no = ?1 AND id <> ?2",
		                 p->employee_no, p->id, err);
		if (r)
			return r < 0 ? -1 : (lup_err_field(err, "employee_no",
			                                   _("employee number %s belongs to someone else already"),
			                                   p->employee_no), 1);
	}
	return 0;
}

static int validate(lup_db *db, struct lup_person *p, lup_err *err)
{
	int r;
	lup_tidy(&p->name); lup_tidy(&p->email); lup_tidy(&p->phone); lup_tidy(&p->org_unit);
	lup_tidy(&p->role); lup_tidy(&p->manager_id); lup_tidy(&p->employee_no);
	if (!p->name)
		return lup_err_field(err, "name", _("a name is required"));
	if (strlen(p->name) > 200)
		return lup_err_field(err, "name", _("the name is longer than 200 characters"));
	if (p->email && strlen(p->email) > 254)
		return lup_err_field(err, "email", _("the e-mail address is longer than 254 characters"));
	if (p->email && !lup_email_valid(p->email))
		return lup_err_field(err, "email", _("'%s' is not an e-mail address"), p->email);
	if (p->employee_no && strlen(p->employee_no) > 40)
		return lup_err_field(err, "employee_no",
		                     _("the employee number is longer than 40 characters"));
	if (p->phone && strlen(p->phone) > 40)
		return lup_err_field(err, "phone", _("the phone number is longer than 40 characters"));
	if (p->org_unit && strlen(p->org_unit) > 200)
		return lup_err_field(err, "org_unit", _("the unit is longer than 200 characters"));
	if (p->role && strlen(p->role) > 200)
		return lup_err_field(err, "role", _("the role is longer than 200 characters"));
	if (p->manager_id) {
		r = exists_other(db, "SELECT count(*) FROM person WHERE id = ?1 AND id <> ?2",
		                 p->manager_id, p->id, err);
		if (r < 0)
			return -1;
		if (!r)
			return lup_err_field(err, "manager",
				strcmp(p->manager_id, p->id) == 0 ? _("nobody can be their own manager")
				                                   : _("the manager does not exist"));
		if (p->id[0]) {
			r = manager_cycle(db, p->id, p->manager_id, err);
			if (r < 0)
				return -1;
			if (r)
				return lup_err_field(err, "manager",
					_("that manager reports to this person: it would make a loop"));
		}
	}
	return 0;
}

/* A person's folded search text and sort keys (malloc'd; -1 when memory
 * ran out, everything freed). */
static int person_keys(const char *name, const char *email, const char *unit, const char *role,
                       const char *empno, char **search, char **k1, char **k2, char **k3)
{
	lup_buf all = { 0 };
	lup_buf_printf(&all, "%s %s %s %s %s", name ? name : "", email ? email : "",
	               unit ? unit : "", role ? role : "", empno ? empno : "");
	*search = lup_fold(all.s ? all.s : "");
	*k1 = lup_sortkey(name ? name : "");
	*k2 = lup_sortkey(unit ? unit : "");
	*k3 = lup_sortkey(role ? role : "");
	lup_buf_clear(&all);
	if (*search && *k1 && *k2 && *k3)
		return 0;
	free(*search); free(*k1); free(*k2); free(*k3);
	*search = *k1 = *k2 = *k3 = NULL;
	return -1;
}

int lup_p_person_derive(lup_db *db, const char *id, lup_err *err)
{
	static const char get[] =
		"SELECT name, email, org_unit, role, employee_no, search, sort_name, sort_unit, sort_role "
		"FROM person WHERE id = ?1";
	static const char set[] =
		"UPDATE person SET search = ?2, sort_name = ?3, sort_unit = ?4, sort_role = ?5 WHERE id = ?1";
	sqlite3_stmt *st = lup_stmt(db, get, err);
	char *k[4] = { NULL };
	int rc, same;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		lup_done(st);
		return rc == SQLITE_DONE ? 0 : lup_sqlerr(db, err, _("saving a person"));
	}
	if (person_keys((const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
	                (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
	                (const char *)sqlite3_column_text(st, 4), &k[0], &k[1], &k[2], &k[3]) < 0) {
		lup_done(st);
		return lup_err_oom(err);
	}
	same = 1;
	for (int i = 0; i < 4; i++)
		same &= strcmp((const char *)sqlite3_column_text(st, 5 + i), k[i]) == 0;
	lup_done(st);
	rc = 0;
	if (!same && (st = lup_stmt(db, set, err))) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		for (int i = 0; i < 4; i++)
			sqlite3_bind_text(st, 2 + i, k[i], -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st) == SQLITE_DONE ? 1 : lup_sqlerr(db, err, _("saving a person"));
		lup_done(st);
	} else if (!same) {
		rc = -1;
	}
	for (int i = 0; i < 4; i++)
		free(k[i]);
	return rc;
}

static const char sql_insert[] =
	"INSERT INTO person (id, name, email, phone, org_unit, role, manager_id, employee_no, "
	"active, search, sort_name, sort_unit, sort_role, created_at, updated_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)";
static const char sql_update[] =
	"UPDATE person SET name = ?2, email = ?3, phone = ?4, org_unit = ?5, role = ?6, "
	"manager_id = ?7, employee_no = ?8, active = ?9, search = ?10, sort_name = ?11, "
	"sort_unit = ?12, sort_role = ?13, updated_at = ?14 WHERE id = ?1";

/* Check p and write it: every check (reads only) runs before the one
 * INSERT or UPDATE, which SQLite applies whole or not at all, so a failure
 * leaves the database as it was.  On failure a new p keeps id "". */
static int person_write(lup_db *db, struct lup_person *p, lup_err *err)
{
	int insert = p->id[0] == '\0';
	char now[21];
	char *search = NULL, *k1 = NULL, *k2 = NULL, *k3 = NULL;
	sqlite3_stmt *st;
	int rc = -1;

	if (!insert) {
		struct lup_person old;
		if (lup_person_get(db, p->id, &old, err) < 0)
			goto out;
		lup_person_clear(&old);
	}
	if (validate(db, p, err) < 0)
		goto out;
	if (insert) {
		lup_uuid(p->id);
		p->active = 1;
	}
	lup_now_utc(now);
	if (person_keys(p->name, p->email, p->org_unit, p->role, p->employee_no,
	                &search, &k1, &k2, &k3) < 0) {
		lup_err_oom(err);
		goto out;
	}
	if (!(st = lup_stmt(db, insert ? sql_insert : sql_update, err)))
		goto out;
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 2, p->name);
	lup_bind_text(st, 3, p->email);
	lup_bind_text(st, 4, p->phone);
	lup_bind_text(st, 5, p->org_unit);
	lup_bind_text(st, 6, p->role);
	lup_bind_text(st, 7, p->manager_id);
	lup_bind_text(st, 8, p->employee_no);
	sqlite3_bind_int(st, 9, p->active ? 1 : 0);
	sqlite3_bind_text(st, 10, search, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, k1, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, k2, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, k3, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 14, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE) {
		int x = sqlite3_extended_errcode(db->h);
		lup_sqlerr(db, err, _("saving a person"));
		lup_done(st);
		if (x == SQLITE_CONSTRAINT_UNIQUE) {
			lup_err why;
			lup_err_clear(&why);
			if (taken(db, p, &why) != 0)
				*err = why;
		}
		goto out;
	}
	lup_done(st);
	if (insert)
		memcpy(p->created_at, now, sizeof now);
	memcpy(p->updated_at, now, sizeof now);
	rc = 0;
out:
	if (rc < 0 && insert)
		p->id[0] = '\0';
	free(search); free(k1); free(k2); free(k3);
	return rc;
}

int lup_person_save(lup_db *db, struct lup_person *p, lup_err *err)
{
	int insert = p->id[0] == '\0';

	if (lup_db_begin(db, err) < 0)
		return -1;
	if (person_write(db, p, err) < 0 || lup_db_commit(db, err) < 0) {
		lup_db_rollback(db);
		if (insert)
			p->id[0] = '\0';
		return -1;
	}
	return 0;
}

int lup_person_save_in(lup_db *db, struct lup_person *p, lup_err *err)
{
	if (db->txdepth < 1)
		return lup_err_set(err, LUP_EFAIL, "lup_person_save_in: no transaction");
	return person_write(db, p, err);
}

/* ---- Saving an edit over what is stored now ---- */

static void person_gone(lup_db *db, const void *seen, lup_err *err)
{
	const struct lup_person *p = seen;
	(void)db;
	lup_err_set(err, LUP_EGONE, _("%s was deleted in another window since you opened the form"),
	            p->name ? p->name : "?");
}

static const struct lup_col person_cols[] = {
	{ LUP_COL(struct lup_person, name, STR, "name", N_("Name")) },
	{ LUP_COL(struct lup_person, email, STR, "email", N_("E-mail")) },
	{ LUP_COL(struct lup_person, phone, STR, "phone", N_("Phone")) },
	{ LUP_COL(struct lup_person, org_unit, STR, "org_unit", N_("Unit")) },
	{ LUP_COL(struct lup_person, role, STR, "role", N_("Role")) },
	{ LUP_COL(struct lup_person, manager_id, STR, "manager", N_("Manager")),
	  .ref_sql = "SELECT name FROM person WHERE id = ?1" },
	{ LUP_COL(struct lup_person, employee_no, STR, "employee_no", N_("Employee number")) },
	{ LUP_COL(struct lup_person, active, BOOL, "active", N_("Active")) },
};

LUP_TABLE(person_table, struct lup_person, person_cols,
          lup_person_get, lup_person_clear, person_gone);

int lup_person_update(lup_db *db, const struct lup_person *seen, struct lup_person *p,
                      struct lup_merge_report *mr, lup_err *err)
{
	return LUP_MERGE_SAVE(db, &person_table, p->id, seen, p, mr, err,
	                      person_write(db, p, err));
}

int lup_person_delete(lup_db *db, const char *id, lup_err *err)
{
	static const char sql[] = "DELETE FROM person WHERE id = ?1";
	return lup_delete_by_id(db, sql, id, _("deleting a person"), _("no such person"), err);
}

int lup_person_impact(lup_db *db, const char *id, struct lup_person_impact *o, lup_err *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM enrolment WHERE person_id = ?1), "
		"(SELECT count(*) FROM attendance WHERE person_id = ?1), "
		"(SELECT count(*) FROM placement WHERE person_id = ?1), "
		"(SELECT count(*) FROM checkin WHERE person_id = ?1), "
		"(SELECT count(*) FROM log_entry WHERE person_id = ?1), "
		"(SELECT count(*) FROM person WHERE manager_id = ?1)";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	memset(o, 0, sizeof *o);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("counting"));
	}
	o->enrolments = sqlite3_column_int64(st, 0);
	o->attendance = sqlite3_column_int64(st, 1);
	o->placements = sqlite3_column_int64(st, 2);
	o->checkins = sqlite3_column_int64(st, 3);
	o->log_entries = sqlite3_column_int64(st, 4);
	o->reports = sqlite3_column_int64(st, 5);
	lup_done(st);
	return 0;
}

/* ---- The list ---- */

#define PCOLS "p.id, p.name, coalesce(p.org_unit, ''), coalesce(p.role, ''), " \
	"coalesce(p.email, ''), p.active, (SELECT e.status || char(9) || c.name " \
	"FROM enrolment e JOIN cohort c ON c.id = e.cohort_id WHERE e.person_id = p.id " \
	"ORDER BY e.status = 'withdrawn', e.requested_at DESC LIMIT 1), "
#define FILT "(?3 = '' OR instr(p.search, ?3) > 0)"

/* [sort][backward][from a row] */
static const char *const page_sql[LUP_PSORT_COUNT][2][2] = {
	[LUP_PSORT_NAME] = {
		{ "SELECT " PCOLS "p.sort_name, '' FROM person p WHERE " FILT
		  " ORDER BY p.sort_name, p.id LIMIT ?4",
		  "SELECT " PCOLS "p.sort_name, '' FROM person p WHERE " FILT
		  " AND (p.sort_name, p.id) > (?1, ?5) ORDER BY p.sort_name, p.id LIMIT ?4" },
		{ "SELECT " PCOLS "p.sort_name, '' FROM person p WHERE " FILT
		  " ORDER BY p.sort_name DESC, p.id DESC LIMIT ?4",
		  "SELECT " PCOLS "p.sort_name, '' FROM person p WHERE " FILT
		  " AND (p.sort_name, p.id) < (?1, ?5) ORDER BY p.sort_name DESC, p.id DESC LIMIT ?4" } },
	[LUP_PSORT_UNIT] = {
		{ "SELECT " PCOLS "p.sort_unit, p.sort_name FROM person p WHERE " FILT
		  " ORDER BY p.sort_unit, p.sort_name, p.id LIMIT ?4",
		  "SELECT " PCOLS "p.sort_unit, p.sort_name FROM person p WHERE " FILT
		  " AND (p.sort_unit, p.sort_name, p.id) > (?1, ?2, ?5) ORDER BY p.sort_unit, p.sort_name, p.id LIMIT ?4" },
		{ "SELECT " PCOLS "p.sort_unit, p.sort_name FROM person p WHERE " FILT
		  " ORDER BY p.sort_unit DESC, p.sort_name DESC, p.id DESC LIMIT ?4",
		  "SELECT " PCOLS "p.sort_unit, p.sort_name FROM person p WHERE " FILT
		  " AND (p.sort_unit, p.sort_name, p.id) < (?1, ?2, ?5) "
		  "ORDER BY p.sort_unit DESC, p.sort_name DESC, p.id DESC LIMIT ?4" } },
	[LUP_PSORT_ROLE] = {
		{ "SELECT " PCOLS "p.sort_role, p.sort_name FROM person p WHERE " FILT
		  " ORDER BY p.sort_role, p.sort_name, p.id LIMIT ?4",
		  "SELECT " PCOLS "p.sort_role, p.sort_name FROM person p WHERE " FILT
		  " AND (p.sort_role, p.sort_name, p.id) > (?1, ?2, ?5) ORDER BY p.sort_role, p.sort_name, p.id LIMIT ?4" },
		{ "SELECT " PCOLS "p.sort_role, p.sort_name FROM person p WHERE " FILT
		  " ORDER BY p.sort_role DESC, p.sort_name DESC, p.id DESC LIMIT ?4",
		  "SELECT " PCOLS "p.sort_role, p.sort_name FROM person p WHERE " FILT
		  " AND (p.sort_role, p.sort_name, p.id) < (?1, ?2, ?5) "
		  "ORDER BY p.sort_role DESC, p.sort_name DESC, p.id DESC LIMIT ?4" } },
};

static const char *const position_sql[LUP_PSORT_COUNT] = {
	[LUP_PSORT_NAME] = "SELECT count(*) FROM person p WHERE " FILT " AND (p.sort_name, p.id) < (?1, ?5)",
	[LUP_PSORT_UNIT] = "SELECT count(*) FROM person p WHERE " FILT
	                   " AND (p.sort_unit, p.sort_name, p.id) < (?1, ?2, ?5)",
	[LUP_PSORT_ROLE] = "SELECT count(*) FROM person p WHERE " FILT
	                   " AND (p.sort_role, p.sort_name, p.id) < (?1, ?2, ?5)",
};

static const char *const row_sql[LUP_PSORT_COUNT] = {
	[LUP_PSORT_NAME] = "SELECT " PCOLS "p.sort_name, '' FROM person p WHERE p.id = ?1",
	[LUP_PSORT_UNIT] = "SELECT " PCOLS "p.sort_unit, p.sort_name FROM person p WHERE p.id = ?1",
	[LUP_PSORT_ROLE] = "SELECT " PCOLS "p.sort_role, p.sort_name FROM person p WHERE p.id = ?1",
};

/* With a filter, "by name" ranks first how well the name matches it
 * (lup_match: the whole name, its start, a word's start, inside a word),
 * then by name: the rank is the second sort key. */
#define RANK "lup_match(p.name, ?3)"
static const char *const ranked_page_sql[2][2] = {
	{ "SELECT " PCOLS "p.sort_name, " RANK " FROM person p WHERE " FILT
	  " ORDER BY " RANK ", p.sort_name, p.id LIMIT ?4",
	  "SELECT " PCOLS "p.sort_name, " RANK " FROM person p WHERE " FILT
	  " AND (" RANK ", p.sort_name, p.id) > (CAST(?2 AS INTEGER), ?1, ?5) "
	  "ORDER BY " RANK ", p.sort_name, p.id LIMIT ?4" },
	{ "SELECT " PCOLS "p.sort_name, " RANK " FROM person p WHERE " FILT
	  " ORDER BY " RANK " DESC, p.sort_name DESC, p.id DESC LIMIT ?4",
	  "SELECT " PCOLS "p.sort_name, " RANK " FROM person p WHERE " FILT
	  " AND (" RANK ", p.sort_name, p.id) < (CAST(?2 AS INTEGER), ?1, ?5) "
	  "ORDER BY " RANK " DESC, p.sort_name DESC, p.id DESC LIMIT ?4" },
};
static const char ranked_position_sql[] =
	"SELECT count(*) FROM person p WHERE " FILT
	" AND (" RANK ", p.sort_name, p.id) < (CAST(?2 AS INTEGER), ?1, ?5)";
static const char ranked_row_sql[] =
	"SELECT " PCOLS "p.sort_name, " RANK " FROM person p WHERE p.id = ?1";

static char *folded_filter(const struct lup_person_query *q)
{
	char *f = lup_fold(q && q->filter ? q->filter : "");
	if (f)
		lup_trim(f);
	return f;
}

/* Is the list ranked by the match (by name, with a filter)? */
static int ranked(enum lup_person_sort sort, const char *filter)
{
	return sort == LUP_PSORT_NAME && filter[0];
}

static void fill_row(sqlite3_stmt *st, void *row)
{
	struct lup_person_row *r = row;
	const char *stat = (const char *)sqlite3_column_text(st, 6);
	memset(r, 0, sizeof *r);
	lup_col_copy(st, 0, r->id, sizeof r->id);
	lup_col_copy(st, 1, r->name, sizeof r->name);
	lup_col_copy(st, 2, r->org_unit, sizeof r->org_unit);
	lup_col_copy(st, 3, r->role, sizeof r->role);
	lup_col_copy(st, 4, r->email, sizeof r->email);
	r->active = sqlite3_column_int(st, 5);
	if (stat) {
		size_t tab = strcspn(stat, "\t");
		snprintf(r->status, sizeof r->status, "%.*s", (int)tab, stat);
		snprintf(r->cohort, sizeof r->cohort, "%s", stat[tab] ? stat + tab + 1 : "");
	}
	lup_col_copy(st, 7, r->key1, sizeof r->key1);
	lup_col_copy(st, 8, r->key2, sizeof r->key2);
}

int lup_person_row(lup_db *db, const struct lup_person_query *q, const char *id,
                   struct lup_person_row *out, lup_err *err)
{
	enum lup_person_sort sort = q && q->sort < LUP_PSORT_COUNT ? q->sort : LUP_PSORT_NAME;
	char *filter = folded_filter(q);
	sqlite3_stmt *st;
	int rc;
	if (!filter)
		return lup_err_oom(err);
	st = lup_stmt(db, ranked(sort, filter) ? ranked_row_sql : row_sql[sort], err);
	if (st && ranked(sort, filter))
		sqlite3_bind_text(st, 3, filter, -1, SQLITE_TRANSIENT);
	rc = lup_get_row(db, st, id, out, sizeof *out, fill_row, _("listing people"),
	                 _("no such person"), err);
	free(filter);
	return rc;
}

static void bind_from(sqlite3_stmt *st, const struct lup_person_row *from)
{
	sqlite3_bind_text(st, 1, from->key1, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, from->key2, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, from->id, -1, SQLITE_TRANSIENT);
}

int lup_person_page(lup_db *db, const struct lup_person_query *q,
                    const struct lup_person_row *from, int dir, int limit,
                    struct lup_person_row *rows, lup_err *err)
{
	enum lup_person_sort sort = q && q->sort < LUP_PSORT_COUNT ? q->sort : LUP_PSORT_NAME;
	int back = dir < 0, n;
	char *filter = folded_filter(q);
	sqlite3_stmt *st;

	if (!filter)
		return lup_err_oom(err);
	if (!(st = lup_stmt(db, ranked(sort, filter) ? ranked_page_sql[back][from != NULL]
	                                             : page_sql[sort][back][from != NULL], err))) {
		free(filter);
		return -1;
	}
	sqlite3_bind_text(st, 3, filter, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 4, limit);
	if (from)
		bind_from(st, from);
	n = lup_page_rows(db, st, back, limit, rows, sizeof *rows, fill_row, _("listing people"), err);
	free(filter);
	return n;
}

int lup_person_count(lup_db *db, const struct lup_person_query *q,
                     long *total, long *matching, lup_err *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM person), "
		"CASE WHEN ?3 = '' THEN -1 ELSE (SELECT count(*) FROM person p WHERE " FILT ") END";
	char *filter = folded_filter(q);
	sqlite3_stmt *st;
	long c[2];
	int rc;
	if (!filter)
		return lup_err_oom(err);
	if (!(st = lup_stmt(db, sql, err))) {
		free(filter);
		return -1;
	}
	sqlite3_bind_text(st, 3, filter, -1, SQLITE_TRANSIENT);
	rc = lup_count_row(db, st, c, 2, _("counting people"), err);
	free(filter);
	if (rc < 0)
		return -1;
	*total = c[0];
	*matching = c[1] < 0 ? c[0] : c[1];
	return 0;
}

long lup_person_position(lup_db *db, const struct lup_person_query *q,
                         const struct lup_person_row *row, lup_err *err)
{
	enum lup_person_sort sort = q && q->sort < LUP_PSORT_COUNT ? q->sort : LUP_PSORT_NAME;
	char *filter = folded_filter(q);
	sqlite3_stmt *st;
	long pos = -1;
	if (!filter)
		return lup_err_oom(err);
	if ((st = lup_stmt(db, ranked(sort, filter) ? ranked_position_sql : position_sql[sort], err))) {
		sqlite3_bind_text(st, 3, filter, -1, SQLITE_TRANSIENT);
		bind_from(st, row);
		if (lup_count_row(db, st, &pos, 1, _("listing people"), err) < 0)
			pos = -1;
	}
	free(filter);
	return pos;
}

const char *lup_person_sort_name(enum lup_person_sort s)
{
	switch (s) {
	case LUP_PSORT_UNIT: return _("by unit");
	case LUP_PSORT_ROLE: return _("by role");
	default: return _("by name");
	}
}

int lup_person_summary(lup_db *db, const char *id, struct lup_person_summary *o, lup_err *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM enrolment WHERE person_id = ?1 AND status <> 'withdrawn'), "
		/* marks of sessions held: a mark on one still to come counts nowhere */
		"(SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id WHERE a.person_id = ?1 "
		" AND a.status IN ('present', 'late') AND substr(s.starts_at, 1, 10) <= ?2), "
		"(SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id WHERE a.person_id = ?1 "
		" AND a.status = 'absent' AND substr(s.starts_at, 1, 10) <= ?2), "
		"(SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id WHERE a.person_id = ?1 "
		" AND a.status = 'excused' AND substr(s.starts_at, 1, 10) <= ?2), "
		"(SELECT count(*) FROM placement WHERE person_id = ?1), "
		"(SELECT count(*) FROM checkin WHERE person_id = ?1), "
		"(SELECT e.status FROM enrolment e WHERE e.person_id = ?1 "
		" ORDER BY e.status = 'withdrawn', e.requested_at DESC LIMIT 1), "
		"(SELECT c.name FROM enrolment e JOIN cohort c ON c.id = e.cohort_id WHERE e.person_id = ?1 "
		" ORDER BY e.status = 'withdrawn', e.requested_at DESC LIMIT 1), "
		"(SELECT max(date) FROM checkin WHERE person_id = ?1 AND +status = 'final'), "
		"(SELECT m.name FROM person p JOIN person m ON m.id = p.manager_id WHERE p.id = ?1)";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char today[11];
	memset(o, 0, sizeof *o);
	if (!st)
		return -1;
	lup_date_format(lup_date_today(), today);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("reading a person"));
	}
	o->enrolments = sqlite3_column_int64(st, 0);
	o->sessions_attended = sqlite3_column_int64(st, 1);
	o->sessions_missed = sqlite3_column_int64(st, 2);
	o->sessions_excused = sqlite3_column_int64(st, 3);
	o->placements = sqlite3_column_int64(st, 4);
	o->checkins = sqlite3_column_int64(st, 5);
	lup_col_copy(st, 6, o->programme_status, sizeof o->programme_status);
	lup_col_copy(st, 7, o->cohort, sizeof o->cohort);
	lup_col_copy(st, 8, o->last_checkin, sizeof o->last_checkin);
	lup_col_copy(st, 9, o->manager_name, sizeof o->manager_name);
	lup_done(st);
	return 0;
}
