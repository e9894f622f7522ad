/* round.c — check-in rounds: a group of people asked to check in at once,
 * the drafts made for them, their progress and the list of whom to
 * invite (see lup/round.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/comp_int.h"
#include "core/fw_int.h"
#include "lup/export.h"

static const char *const scope_words[] = { "everyone", "unit", "role", "cohort" };

const char *lup_round_scope_label(enum lup_round_scope s)
{
	switch (s) {
	case LUP_ROUND_UNIT: return _("unit");
	case LUP_ROUND_ROLE: return _("role");
	case LUP_ROUND_COHORT: return _("cohort");
	default: return _("everyone");
	}
}

static enum lup_round_scope scope_of(const char *w)
{
	for (int i = 0; i < 4; i++)
		if (w && strcmp(w, scope_words[i]) == 0)
			return (enum lup_round_scope)i;
	return LUP_ROUND_EVERYONE;
}

/* The framework revisions of the people asked, by id: a few. */
struct fw_cache {
	struct { char ident[LUP_FW_IDENT_MAX + 1], id[LUP_UUID_LEN + 1]; int found; } e[16];
	int n;
};

static const char *framework_of(lup_db *db, struct fw_cache *c, const char *ident)
{
	lup_err e2;
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->e[i].ident, ident) == 0)
			return c->e[i].found ? c->e[i].id : NULL;
	if (c->n == 16)
		c->n = 0;   /* more frameworks than that: look again */
	snprintf(c->e[c->n].ident, sizeof c->e[c->n].ident, "%s", ident);
	c->e[c->n].found = lup_framework_current(db, ident, c->e[c->n].id, &e2) == 0;
	c->n++;
	return c->e[c->n - 1].found ? c->e[c->n - 1].id : NULL;
}

struct asked {
	char id[LUP_UUID_LEN + 1];
	char *role;
};

/* The people a round asks. */
static int select_people(lup_db *db, const lup_config *cfg, const struct lup_round *r, lup_date today,
                         struct asked **out, size_t *n, lup_err *err)
{
	/* By scope (each its own statement, so that a unit's or a role's
	 * people come from its index); ?2 the unit's or role's key, ?3 the
	 * cohort; with the day of each one's latest check-in that counts */
#define ROUND_COLS "SELECT p.id, p.role, (SELECT last FROM person_due WHERE person_id = p.id) "
	static const char *const sql_all[] = {
		ROUND_COLS "FROM person p WHERE p.active = 1 ORDER BY p.sort_name, p.id",
		ROUND_COLS "FROM person p WHERE p.sort_unit = ?2 AND p.active = 1 "
		"ORDER BY p.sort_name, p.id",
		ROUND_COLS "FROM person p WHERE p.sort_role = ?2 AND p.active = 1 "
		"ORDER BY p.sort_name, p.id",
		ROUND_COLS "FROM enrolment e JOIN person p ON p.id = e.person_id "
		"WHERE e.cohort_id = ?3 AND e.status <> 'withdrawn' AND p.active = 1 "
		"ORDER BY p.sort_name, p.id",
	};
#undef ROUND_COLS
	char *key = NULL;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((r->scope == LUP_ROUND_UNIT || r->scope == LUP_ROUND_ROLE) && !(key = lup_sortkey(r->value)))
		return lup_err_oom(err);
	if (key)
		lup_trim(key);
	if (!(st = lup_stmt(db, sql_all[r->scope], err))) {
		free(key);
		return -1;
	}
	sqlite3_bind_int(st, 1, (int)r->scope);
	lup_bind_text(st, 2, key);
	lup_bind_text(st, 3, r->cohort_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct asked *a;
		if (r->only_due && !lup_due_listed(cfg, (const char *)sqlite3_column_text(st, 1),
		                                   (const char *)sqlite3_column_text(st, 2), today))
			continue;
		if (!(a = LUP_PUSH(*out, *n, cap))) {
			rc = SQLITE_NOMEM;
			break;
		}
		lup_col_copy(st, 0, a->id, sizeof a->id);
		a->role = lup_col_dup(st, 1);
	}
	lup_done(st);
	free(key);
	if (rc == SQLITE_NOMEM)
		return lup_err_oom(err);
	if (rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("starting a round"));
	return 0;
}

static int valid_round(lup_db *db, struct lup_round *r, lup_date today, lup_err *err)
{
	lup_date d;
	lup_trim(r->value);
	lup_trim(r->name);
	if (strcmp(r->kind, "self") && strcmp(r->kind, "manager") && strcmp(r->kind, "validation"))
		return lup_err_field(err, "kind", _("'%s' is not a kind of check-in: self, manager or validation"),
		                     r->kind);
	if ((r->scope == LUP_ROUND_UNIT || r->scope == LUP_ROUND_ROLE) && !r->value[0])
		return lup_err_field(err, "value", r->scope == LUP_ROUND_UNIT ? _("which unit?") : _("which role?"));
	if (r->scope == LUP_ROUND_COHORT) {
		sqlite3_stmt *st = lup_stmt(db, "SELECT name FROM cohort WHERE id = ?1", err);
		int rc;
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, r->cohort_id, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			lup_col_copy(st, 0, r->value, sizeof r->value);
		lup_done(st);
		if (rc == SQLITE_DONE)
			return lup_err_field(err, "cohort", _("no such cohort"));
		if (rc != SQLITE_ROW)
			return lup_sqlerr(db, err, _("starting a round"));
	} else {
		r->cohort_id[0] = '\0';
	}
	if (r->scope == LUP_ROUND_EVERYONE)
		r->value[0] = '\0';
	if (!r->date[0]) {
		lup_date_format(today, r->date);
	} else {
		if (lup_date_parse(r->date, today, &d) < 0)
			return lup_err_field(err, "date", _("'%s' is not a date (YYYY-MM-DD)"), r->date);
		lup_date_format(d, r->date);
	}
	if (!r->name[0]) {
		lup_buf b = { 0 };
		lup_buf_printf(&b, "%s · %s · %s", lup_checkin_kind_label(r->kind),
		               r->value[0] ? r->value : lup_round_scope_label(r->scope), r->date);
		if (b.s) {
			size_t k = strlen(b.s);
			if (k >= sizeof r->name) {   /* cut whole characters only */
				k = sizeof r->name - 1;
				while (k && ((unsigned char)b.s[k] & 0xc0) == 0x80)
					k--;
			}
			snprintf(r->name, sizeof r->name, "%.*s", (int)k, b.s);
		}
		lup_buf_clear(&b);
	}
	return 0;
}

int lup_round_start(lup_db *db, const lup_config *cfg, struct lup_round *r, lup_date today,
                    struct lup_round_result *res, lup_err *err)
{
	static const char sql_ins[] =
		"INSERT INTO round (id, name, kind, scope, scope_value, cohort_id, date, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
	static const char sql_join[] = "UPDATE checkin SET round_id = ?2, updated_at = ?3 WHERE id = ?1";
	struct fw_cache fws = { .n = 0 };
	struct asked *people = NULL;
	size_t n = 0;
	char now[21];
	sqlite3_stmt *st;

	memset(res, 0, sizeof *res);
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (valid_round(db, r, today, err) < 0)
		goto fail;
	lup_now_utc(now);
	lup_uuid(r->id);
	memcpy(r->created_at, now, sizeof now);
	if (!(st = lup_stmt(db, sql_ins, err)))
		goto fail;
	sqlite3_bind_text(st, 1, r->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, r->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, r->kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, scope_words[r->scope], -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 5, r->value);
	lup_bind_text(st, 6, r->cohort_id);
	sqlite3_bind_text(st, 7, r->date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, now, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("starting a round"), err) < 0 ||
	    select_people(db, cfg, r, today, &people, &n, err) < 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		const char *fwid = framework_of(db, &fws, lup_competence_framework_for(cfg, people[i].role));
		char draft[LUP_UUID_LEN + 1];
		int has;
		if (!fwid) {
			res->no_framework++;
			continue;
		}
		if ((has = lup_checkin_find_draft(db, people[i].id, r->kind, draft, err)) < 0)
			goto fail;
		if (has) {
			if (!(st = lup_stmt(db, sql_join, err)))
				goto fail;
			sqlite3_bind_text(st, 1, draft, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 2, r->id, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
			if (lup_run(db, st, _("starting a round"), err) < 0)
				goto fail;
			res->kept++;
		} else {
			struct lup_checkin c;
			memset(&c, 0, sizeof c);
			memcpy(c.person_id, people[i].id, sizeof c.person_id);
			snprintf(c.framework_id, sizeof c.framework_id, "%s", fwid);
			memcpy(c.date, r->date, sizeof c.date);
			memcpy(c.kind, r->kind, sizeof c.kind);
			memcpy(c.round_id, r->id, sizeof c.round_id);
			if (lup_checkin_save(db, &c, err) < 0) {
				lup_checkin_clear(&c);
				goto fail;
			}
			lup_checkin_clear(&c);
			res->made++;
		}
		res->people++;
	}
	if (!res->people) {
		if (res->no_framework)
			lup_err_set(err, LUP_EINVAL, ngettext("nobody to ask: the framework of the %ld person found is "
			                                      "not imported", "nobody to ask: the frameworks of the %ld "
			                                      "people found are not imported",
			                                      (unsigned long)res->no_framework), res->no_framework);
		else
			lup_err_set(err, LUP_EINVAL, "%s", r->only_due ? _("nobody to ask: no one there is due for a check-in")
			                                              : _("nobody to ask: no one active there"));
		goto fail;
	}
	for (size_t i = 0; i < n; i++)
		free(people[i].role);
	free(people);
	if (lup_db_commit(db, err) < 0) {
		r->id[0] = '\0';
		return -1;
	}
	return 0;
fail:
	for (size_t i = 0; i < n; i++)
		free(people[i].role);
	free(people);
	lup_db_rollback(db);
	r->id[0] = '\0';
	return -1;
}

int lup_round_get(lup_db *db, const char *id, struct lup_round *r, lup_err *err)
{
	static const char sql[] =
		"SELECT id, name, kind, scope, coalesce(scope_value, ''), coalesce(cohort_id, ''), date, created_at "
		"FROM round WHERE id = ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	memset(r, 0, sizeof *r);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, r->id, sizeof r->id);
		lup_col_copy(st, 1, r->name, sizeof r->name);
		lup_col_copy(st, 2, r->kind, sizeof r->kind);
		r->scope = scope_of((const char *)sqlite3_column_text(st, 3));
		lup_col_copy(st, 4, r->value, sizeof r->value);
		lup_col_copy(st, 5, r->cohort_id, sizeof r->cohort_id);
		lup_col_copy(st, 6, r->date, sizeof r->date);
		lup_col_copy(st, 7, r->created_at, sizeof r->created_at);
	}
	lup_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return lup_err_set(err, LUP_ENOTFOUND, _("no such round"));
	return lup_sqlerr(db, err, _("reading a round"));
}

int lup_round_find(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err)
{
	static const char sql[] =
		"SELECT id FROM round WHERE lup_sortkey(name) = ?1 ORDER BY date DESC, created_at DESC LIMIT 1";
	sqlite3_stmt *st;
	int rc;
	lup_err e2;

	if (!ref || !*ref)
		return lup_err_set(err, LUP_EINVAL, _("no round given"));
	if ((rc = lup_step_key(db, sql, ref, &st, _("looking up a round"), err)) < 0)
		return -1;
	if (rc == SQLITE_ROW) {
		lup_col_copy(st, 0, id, LUP_UUID_LEN + 1);
		lup_done(st);
		return 0;
	}
	if (lup_resolve_id(db, "round", ref, id, &e2) == 0)
		return 0;
	if (e2.code == LUP_EAMBIG || e2.code == LUP_EBUSY || e2.code == LUP_EFAIL) {
		if (err)
			*err = e2;
		return -1;
	}
	return lup_err_set(err, LUP_ENOTFOUND, _("no round matches '%s'"), ref);
}

int lup_round_delete(lup_db *db, const char *id, long *removed, lup_err *err)
{
	static const char sql_drafts[] =
		"DELETE FROM checkin WHERE round_id = ?1 AND status = 'draft' "
		"AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.checkin_id = checkin.id)";
	static const char sql_round[] = "DELETE FROM round WHERE id = ?1";
	sqlite3_stmt *st;

	*removed = 0;
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql_drafts, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("removing a round"), err) < 0)
		goto fail;
	*removed = (long)sqlite3_changes(db->h);
	if (!(st = lup_stmt(db, sql_round, err)))
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (lup_run(db, st, _("removing a round"), err) < 0)
		goto fail;
	if (sqlite3_changes(db->h) == 0) {
		lup_err_set(err, LUP_ENOTFOUND, _("no such round"));
		goto fail;
	}
	return lup_db_commit(db, err);
fail:
	lup_db_rollback(db);
	*removed = 0;
	return -1;
}

#define ROUND_PEOPLE(r) "(SELECT count(DISTINCT k.person_id) FROM checkin k WHERE k.round_id = " r ")"
#define ROUND_DONE(r) "(SELECT count(DISTINCT k.person_id) FROM checkin k WHERE k.round_id = " r \
	" AND k.status = 'final')"

static void read_round_list_row(sqlite3_stmt *st, void *row)
{
	struct lup_round_row *r = row;
	lup_col_copy(st, 0, r->id, sizeof r->id);
	lup_col_copy(st, 1, r->name, sizeof r->name);
	lup_col_copy(st, 2, r->kind, sizeof r->kind);
	r->scope = scope_of((const char *)sqlite3_column_text(st, 3));
	lup_col_copy(st, 4, r->value, sizeof r->value);
	lup_col_copy(st, 5, r->date, sizeof r->date);
	r->people = (long)sqlite3_column_int64(st, 6);
	r->done = (long)sqlite3_column_int64(st, 7);
}

int lup_round_list(lup_db *db, struct lup_round_row **rows, size_t *n, lup_err *err)
{
	static const char sql[] =
		"SELECT r.id, r.name, r.kind, r.scope, coalesce(r.scope_value, ''), r.date, "
		ROUND_PEOPLE("r.id") ", " ROUND_DONE("r.id") " FROM round r "
		"ORDER BY r.date DESC, r.created_at DESC, r.id";
	return lup_read_all(db, lup_stmt(db, sql, err), rows, n, sizeof **rows, read_round_list_row,
	                    _("listing rounds"), err);
}

int lup_round_progress(lup_db *db, const char *id, long *done, long *people, lup_err *err)
{
	static const char sql[] = "SELECT " ROUND_PEOPLE("?1") ", " ROUND_DONE("?1");
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	long v[2];
	*done = *people = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (lup_count_row(db, st, v, 2, _("reading a round"), err) < 0)
		return -1;
	*people = v[0];
	*done = v[1];
	return 0;
}

static void read_round_people_row(sqlite3_stmt *st, void *row)
{
	struct lup_round_person *r = row;
	lup_col_copy(st, 0, r->person_id, sizeof r->person_id);
	lup_col_copy(st, 1, r->name, sizeof r->name);
	lup_col_copy(st, 2, r->email, sizeof r->email);
	lup_col_copy(st, 3, r->unit, sizeof r->unit);
	lup_col_copy(st, 4, r->role, sizeof r->role);
	lup_col_copy(st, 5, r->checkin_id, sizeof r->checkin_id);
	lup_col_copy(st, 6, r->status, sizeof r->status);
	r->rated = (long)sqlite3_column_int64(st, 7);
}

int lup_round_people(lup_db *db, const char *id, struct lup_round_person **rows, size_t *n,
                     lup_err *err)
{
	/* each person once: their final check-in in the round, else the latest */
	static const char sql[] =
		"SELECT p.id, p.name, coalesce(p.email, ''), coalesce(p.org_unit, ''), coalesce(p.role, ''), "
		"k.id, k.status, (SELECT count(*) FROM rating r WHERE r.checkin_id = k.id) "
		"FROM checkin k JOIN person p ON p.id = k.person_id WHERE k.round_id = ?1 "
		"AND k.id = (SELECT k2.id FROM checkin k2 WHERE k2.round_id = ?1 AND k2.person_id = k.person_id "
		"ORDER BY k2.status = 'final' DESC, k2.date DESC, k2.created_at DESC, k2.id DESC LIMIT 1) "
		"ORDER BY p.sort_name, p.id";
	sqlite3_stmt *st = lup_stmt(db, sql, err);

	if (st)
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	return lup_read_all(db, st, rows, n, sizeof **rows, read_round_people_row,
	                    _("reading a round"), err);
}

int lup_round_invites(lup_db *db, const char *id, int pending_only, const char *path, long *rows,
                      long *without_email, lup_err *err)
{
	struct lup_round_person *p;
	size_t n;
	lup_afile af;
	long count = 0, none = 0;

	if (rows)
		*rows = 0;
	if (without_email)
		*without_email = 0;
	if (lup_round_people(db, id, &p, &n, err) < 0)
		return -1;
	if (lup_afile_open(&af, path, 0600, err) < 0) {
		free(p);
		return -1;
	}
	/* the header in English keywords, as lup's other exports */
	fputs("name,email,unit,role\r\n", af.fp);
	for (size_t i = 0; i < n; i++) {
		if (pending_only && strcmp(p[i].status, "final") == 0)
			continue;
		lup_csv_put_cell(af.fp, p[i].name, ',');
		fputc(',', af.fp);
		lup_csv_put_cell(af.fp, p[i].email, ',');
		fputc(',', af.fp);
		lup_csv_put_cell(af.fp, p[i].unit, ',');
		fputc(',', af.fp);
		lup_csv_put_cell(af.fp, p[i].role, ',');
		fputs("\r\n", af.fp);
		count++;
		none += !p[i].email[0];
	}
	free(p);
	if (ferror(af.fp)) {
		lup_afile_abort(&af);
		return lup_err_set(err, LUP_EFAIL, _("cannot write the invitation list"));
	}
	if (lup_afile_commit(&af, err) < 0)
		return -1;
	if (rows)
		*rows = count;
	if (without_email)
		*without_email = none;
	return 0;
}
