/* sync_conflict.c — the conflicts a merge listed: in words, and a
 * person's answer to each (an ordinary change, so it reaches every
 * laptop). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/sync_int.h"

/* ---- Words ---- */

static const struct { const char *table, *col, *label; } col_labels[] = {
	{ NULL, "name", N_("Name") }, { NULL, "email", N_("E-mail") }, { NULL, "phone", N_("Phone") },
	{ NULL, "org_unit", N_("Unit") }, { NULL, "role", N_("Role") }, { NULL, "manager_id", N_("Manager") },
	{ NULL, "employee_no", N_("Employee number") }, { NULL, "active", N_("Active") },
	{ NULL, "status", N_("Status") }, { "cohort", "status_override", N_("Set status") },
	{ NULL, "capacity", N_("Capacity") }, { NULL, "title", N_("Title") },
	{ NULL, "starts_at", N_("Starts") }, { NULL, "ends_at", N_("Ends") }, { NULL, "location", N_("Location") },
	{ NULL, "facilitators", N_("Facilitators") }, { NULL, "notes", N_("Notes") }, { NULL, "note", N_("Note") },
	{ NULL, "level", N_("Level") }, { NULL, "comment", N_("Comment") }, { NULL, "text", N_("Text") },
	{ NULL, "date", N_("Date") }, { NULL, "objectives", N_("Objectives") },
	{ NULL, "reflection", N_("Reflection") }, { NULL, "mentor", N_("Mentor") },
	{ NULL, "start_date", N_("Start") }, { NULL, "end_date", N_("End") },
	{ NULL, "description", N_("Description") }, { "programme", "target", N_("Target") },
	{ NULL, "country", N_("Country") }, { NULL, "city", N_("City") }, { NULL, "kind", N_("Kind") },
	{ NULL, "host_id", N_("Host") }, { NULL, "host_name", N_("Host") }, { NULL, "block_id", N_("Block") },
	{ NULL, "cohort_id", N_("Cohort") }, { NULL, "person_id", N_("Person") },
	{ NULL, "session_id", N_("Session") }, { NULL, "placement_id", N_("Placement") },
	{ NULL, "assessor_id", N_("Assessor") }, { NULL, "assessor_name", N_("Assessor") },
	{ NULL, "supersedes_id", N_("Corrects") }, { NULL, "travel_days", N_("Travel days") },
	{ NULL, "green_travel", N_("Green travel") }, { NULL, "cancel_reason", N_("Reason for cancelling") },
	{ NULL, "seq", N_("Order") }, { NULL, "revision", N_("Revision") },
	{ NULL, "enrolled_on", N_("Enrolled on") }, { NULL, "ended_on", N_("Ended on") },
	{ NULL, "waitlist_pos", N_("Waitlist place") }, { NULL, "min_attendance", N_("Minimum attendance") },
	{ NULL, "contact_name", N_("Contact") }, { NULL, "contact_email", N_("Contact's e-mail") },
	{ NULL, "contact_phone", N_("Contact's phone") }, { NULL, "themes", N_("Themes") },
	{ NULL, "languages", N_("Languages") }, { NULL, "networks", N_("Networks") },
	{ NULL, "agreement_signed", N_("Agreement signed") }, { NULL, "travel_booked", N_("Travel booked") },
	{ NULL, "insurance", N_("Insurance") }, { NULL, "report_received", N_("Report received") },
	{ NULL, "valid_from", N_("In force from") }, { NULL, "valid_to", N_("In force until") },
	{ "host_org", "type", N_("Type") }, { "host_org", "forum", N_("Forum or working group") },
	{ "host_org", "agreement_type", N_("Agreement") }, { "host_org", "agreement_start", N_("Agreement from") },
	{ "host_org", "agreement_end", N_("Agreement until") }, { "host_org", "lat", N_("Coordinates") },
	{ "host_org", "lon", N_("Coordinates") },
	{ NULL, "scope", N_("Whom") }, { NULL, "scope_value", N_("Whom") }, { NULL, "round_id", N_("Round") },
};

const char *lup_conflict_column_label(const char *table, const char *column)
{
	if (!column || !*column)
		return "";
	for (size_t i = 0; i < sizeof col_labels / sizeof col_labels[0]; i++)
		if ((!col_labels[i].table || (table && strcmp(col_labels[i].table, table) == 0)) &&
		    strcmp(col_labels[i].col, column) == 0)
			return _(col_labels[i].label);
	return column;
}

const char *lup_conflict_table_label(const char *table)
{
	static const struct { const char *t, *label; } v[] = {
		{ "person", N_("person") }, { "programme", N_("programme") }, { "block", N_("block") },
		{ "host_org", N_("host organisation") }, { "cohort", N_("cohort") }, { "session", N_("session") },
		{ "enrolment", N_("enrolment") }, { "attendance", N_("attendance mark") },
		{ "placement", N_("placement") }, { "framework", N_("framework") }, { "level", N_("level") },
		{ "area", N_("area") }, { "competence", N_("competence") }, { "target", N_("target") },
		{ "round", N_("check-in round") }, { "checkin", N_("check-in") }, { "rating", N_("rating") }, { "log_entry", N_("learning-log entry") },
		{ "session_removed", N_("deleted session") }, { "sync_resolution", N_("answer to a conflict") },
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (table && strcmp(v[i].t, table) == 0)
			return _(v[i].label);
	return table ? table : "";
}

const char *lup_conflict_rule_text(const struct lup_conflict *c)
{
	const char *k = c->kind, *r = c->rule;
	if (strcmp(k, "note") == 0) {
		if (strcmp(r, "replaced") == 0)
			return _("Two laptops set this target at once: the later one is in force, and this one "
			         "ended where it began (it stays in the target's history).");
		if (strcmp(r, "seat") == 0)
			return _("Two laptops gave away the last seat: the earlier request keeps it, and this "
			         "person is back on the waitlist.");
		return _("Enrolled in two cohorts of one programme at once: the earlier enrolment stays, and "
		         "this one is kept as withdrawn.");
	}
	if (strcmp(k, "row") == 0) {
		if (strcmp(r, "delete") == 0)
			return c->arrived_won
				? _("Deleted on one laptop while it was being changed on another: the delete was kept, "
				    "and the record as it was is set aside here.")
				: _("Changed on one laptop after it had been deleted on another: the delete was kept, "
				    "and the change is set aside here.");
		if (strcmp(r, "parent") == 0)
			return _("Added on one laptop to something deleted meanwhile on another: it is set aside here.");
		return _("It could not be added: it clashes with another record.");
	}
	if (strcmp(r, "first") == 0)
		return _("Two laptops rated this at once: a rating is never overwritten, so the first stays "
		         "and the other is set aside.");
	if (strcmp(r, "forward") == 0)
		return _("Two laptops moved the status at once: the status furthest along was kept.");
	if (strcmp(r, "unique") == 0)
		return _("Another record already had this value: it was set aside.");
	if (strcmp(r, "parent") == 0)
		return _("What it referred to had been deleted on another laptop.");
	if (strcmp(r, "delete") == 0)
		return _("What it referred to was deleted on another laptop.");
	if (strcmp(r, "check") == 0)
		return _("The two changes together break a rule of the record: this value was set aside.");
	return _("Two laptops changed this at once: the later change was kept.");
}

/* ---- Reading ---- */

/* What a row is, in words: for each table, an expression over the row
 * (aliased x) and its neighbours. */
static const struct { const char *table, *expr; } row_words[] = {
	{ "person", "x.name" },
	{ "programme", "x.name" }, { "block", "x.name" }, { "host_org", "x.name" }, { "cohort", "x.name" },
	{ "framework", "x.name" }, { "level", "x.name" }, { "area", "x.name" },
	{ "competence", "x.code || ' ' || x.name" },
	{ "session", "x.title || ' ' || x.starts_at" },
	{ "enrolment", "(SELECT name FROM person WHERE id = x.person_id) || ', ' || "
	               "(SELECT name FROM cohort WHERE id = x.cohort_id)" },
	{ "attendance", "(SELECT name FROM person WHERE id = x.person_id) || ', ' || "
	                "(SELECT title || ' ' || substr(starts_at, 1, 10) FROM session WHERE id = x.session_id)" },
	{ "placement", "(SELECT name FROM person WHERE id = x.person_id) || ', ' || "
	               "(SELECT name FROM host_org WHERE id = x.host_id)" },
	{ "target", "(SELECT f.ident FROM framework f WHERE f.id = x.framework_id) || ' ' || "
	            "(SELECT code FROM competence WHERE id = x.competence_id) || ', ' || "
	            "coalesce(x.role, (SELECT name FROM person WHERE id = x.person_id))" },
	{ "checkin", "(SELECT name FROM person WHERE id = x.person_id) || ', ' || x.date" },
	{ "rating", "(SELECT p.name FROM checkin k JOIN person p ON p.id = k.person_id WHERE k.id = x.checkin_id) "
	            "|| ', ' || (SELECT code FROM competence WHERE id = x.competence_id)" },
	{ "log_entry", "(SELECT name FROM person WHERE id = x.person_id) || ', ' || x.date" },
	{ "session_removed", "x.title || ' ' || x.starts_at" },
	{ "round", "x.name || ' ' || x.date" },
};

/* The words for row id of table into out; 0 when the row is gone. */
static int row_label(lup_db *db, const char *table, const char *id, char *out, size_t n)
{
	char sql[512];
	sqlite3_stmt *st;
	int found = 0;
	out[0] = '\0';
	for (size_t i = 0; i < sizeof row_words / sizeof row_words[0]; i++) {
		if (strcmp(row_words[i].table, table) != 0)
			continue;
		/* both from the table above, never from outside: the id is bound */
		snprintf(sql, sizeof sql, "SELECT %s FROM \"%s\" x WHERE x.id = ?1", row_words[i].expr,
		         row_words[i].table);
		if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
			return 0;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW) {
			found = 1;
			lup_col_copy(st, 0, out, n);
		}
		sqlite3_finalize(st);
		return found;
	}
	if (lup_sync_table_index(table) >= 0) {
		snprintf(sql, sizeof sql, "SELECT 1 FROM \"%s\" WHERE id = ?1", table);
		if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
			found = sqlite3_step(st) == SQLITE_ROW;
			sqlite3_finalize(st);
		}
	}
	return found;
}

/* A stored value as text: a reference to another row in words. */
static char *value_words(lup_db *db, const struct sync_table *t, const char *col, sqlite3_value *v)
{
	const char *s;
	if (!v || sqlite3_value_type(v) == SQLITE_NULL)
		return NULL;
	s = (const char *)sqlite3_value_text(v);
	if (!s)
		return NULL;
	if (t && col) {
		int c = lup_sync_col_index(t, col);
		for (int i = 0; c >= 0 && i < t->nfk; i++)
			if (t->fk[i].col == c) {
				char words[256];
				if (row_label(db, lup_sync_tables[t->fk[i].table], s, words, sizeof words) && words[0])
					return strdup(words);
			}
	}
	return strdup(s);
}

void lup_conflict_clear(struct lup_conflict *c)
{
	free(c->kept);
	free(c->lost);
	free(c->now);
	memset(c, 0, sizeof *c);
}

void lup_conflict_list_free(struct lup_conflict *v, int n)
{
	for (int i = 0; i < n; i++)
		lup_conflict_clear(&v[i]);
	free(v);
}

#define CCOLS "c.id, c.tbl, c.row_id, coalesce(c.col, ''), c.kind, c.rule, c.device, " \
	"coalesce((SELECT name FROM sync_peer WHERE device = c.device), ''), c.seq, c.hlc, c.arrived_won, " \
	"c.kept, c.lost, coalesce(r.how, '') "
#define CFROM "FROM sync_conflict c LEFT JOIN sync_resolution r ON r.id = c.id "

static void fill(lup_db *db, const struct sync_meta *m, sqlite3_stmt *st, struct lup_conflict *c)
{
	int ti;
	const struct sync_table *t;
	memset(c, 0, sizeof *c);
	lup_col_copy(st, 0, c->id, sizeof c->id);
	lup_col_copy(st, 1, c->table, sizeof c->table);
	lup_col_copy(st, 2, c->row_id, sizeof c->row_id);
	lup_col_copy(st, 3, c->column, sizeof c->column);
	lup_col_copy(st, 4, c->kind, sizeof c->kind);
	lup_col_copy(st, 5, c->rule, sizeof c->rule);
	lup_col_copy(st, 6, c->device, sizeof c->device);
	lup_col_copy(st, 7, c->device_name, sizeof c->device_name);
	c->seq = sqlite3_column_int64(st, 8);
	c->hlc = sqlite3_column_int64(st, 9);
	c->arrived_won = sqlite3_column_int(st, 10);
	lup_col_copy(st, 13, c->resolved, sizeof c->resolved);
	ti = lup_sync_table_index(c->table);
	t = ti >= 0 && m ? &m->t[ti] : NULL;
	c->kept = value_words(db, t, c->column, sqlite3_column_value(st, 11));
	c->lost = strcmp(c->kind, "row") == 0 ? lup_col_dup(st, 12)
	          : value_words(db, t, c->column, sqlite3_column_value(st, 12));
	c->gone = !row_label(db, c->table, c->row_id, c->what, sizeof c->what);
	if (c->gone && strcmp(c->kind, "row") == 0 && c->lost) {
		/* Words from the row set aside. */
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(db->h, "SELECT coalesce(json_extract(?1, '$.name'), "
		                       "json_extract(?1, '$.title'), json_extract(?1, '$.text'), "
		                       "json_extract(?1, '$.status'), '')", -1, &q, NULL) == SQLITE_OK) {
			sqlite3_bind_text(q, 1, c->lost, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(q) == SQLITE_ROW)
				lup_col_copy(q, 0, c->what, sizeof c->what);
			sqlite3_finalize(q);
		}
	}
	if (!c->what[0])
		snprintf(c->what, sizeof c->what, "%.8s", c->row_id);
	if (!c->gone && t && c->column[0] && lup_sync_col_index(t, c->column) >= 0) {
		char sql[160];
		sqlite3_stmt *q;
		snprintf(sql, sizeof sql, "SELECT \"%s\" FROM \"%s\" WHERE id = ?1", c->column, c->table);
		if (sqlite3_prepare_v2(db->h, sql, -1, &q, NULL) == SQLITE_OK) {
			sqlite3_bind_text(q, 1, c->row_id, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(q) == SQLITE_ROW)
				c->now = value_words(db, t, c->column, sqlite3_column_value(q, 0));
			sqlite3_finalize(q);
		}
	}
	c->can_take = strcmp(c->kind, "value") == 0 ? !c->gone : strcmp(c->kind, "row") == 0 ? c->gone : 0;
}

long lup_conflict_count(lup_db *db, lup_err *err)
{
	static const char sql[] =
		"SELECT count(*) FROM sync_conflict c WHERE NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.id = c.id)";
	sqlite3_stmt *st;
	long n;
	if (lup_db_user_version(db) < 3)
		return 0;
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	if (lup_count_row(db, st, &n, 1, _("counting conflicts"), err) < 0)
		return -1;
	return n;
}

int lup_conflict_list(lup_db *db, int all, struct lup_conflict **out, lup_err *err)
{
	static const char sql[] =
		"SELECT " CCOLS CFROM "WHERE ?1 OR r.id IS NULL ORDER BY c.hlc DESC, c.device, c.seq, c.tbl, c.row_id, c.col";
	const struct sync_meta *m = lup_sync_meta(db, err);
	struct lup_conflict *v = NULL;
	sqlite3_stmt *st;
	int n = 0, rc;
	size_t cap = 0;

	*out = NULL;
	if (!m)
		return -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("listing conflicts"));
	sqlite3_bind_int(st, 1, all ? 1 : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_conflict *c = LUP_PUSH(v, n, cap);
		if (!c) {
			sqlite3_finalize(st);
			lup_conflict_list_free(v, n);
			return lup_err_oom(err);
		}
		fill(db, m, st, c);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		lup_conflict_list_free(v, n);
		return lup_sqlerr(db, err, _("listing conflicts"));
	}
	*out = v;
	return n;
}

int lup_conflict_get(lup_db *db, const char *ref, struct lup_conflict *out, lup_err *err)
{
	static const char sql[] =
		"SELECT " CCOLS CFROM "WHERE c.id >= ?1 AND c.id < ?1 || '~' ORDER BY c.id LIMIT 2";
	const struct sync_meta *m = lup_sync_meta(db, err);
	sqlite3_stmt *st;
	int n = 0, rc;
	size_t len = ref ? strlen(ref) : 0;

	memset(out, 0, sizeof *out);
	if (!m)
		return -1;
	if (len < 6 || len > 36)
		return lup_err_set(err, LUP_EINVAL,
			_("'%s' is not a reference: give 6 or more characters of an id"), ref ? ref : "");
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("listing conflicts"));
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n++ == 0)
			fill(db, m, st, out);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		lup_conflict_clear(out);
		return lup_sqlerr(db, err, _("listing conflicts"));
	}
	if (n == 0)
		return lup_err_set(err, LUP_ENOTFOUND, _("no conflict matches '%s'"), ref);
	if (n > 1) {
		lup_conflict_clear(out);
		return lup_err_set(err, LUP_EAMBIG, _("'%s' matches more than one; give more characters"), ref);
	}
	return 0;
}

/* ---- Pages, for the terminal interface ---- */

#define RCOLS "c.id, c.hlc, c.tbl, coalesce(c.col, ''), c.kind, c.rule, coalesce(r.how, ''), " \
	"coalesce((SELECT name FROM sync_peer WHERE device = c.device), '') "

long lup_conflict_total(lup_db *db, int all, lup_err *err)
{
	static const char sql[] = "SELECT count(*) FROM sync_conflict";
	sqlite3_stmt *st;
	long n;
	if (!all)
		return lup_conflict_count(db, err);
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
	lup_done(st);
	return n < 0 ? lup_sqlerr(db, err, _("counting conflicts")) : n;
}

long lup_conflict_position(lup_db *db, int all, const struct lup_conflict_row *row, lup_err *err)
{
	static const char sql[] =
		"SELECT count(*) " CFROM "WHERE (?1 OR r.id IS NULL) AND (c.hlc, c.id) > (?2, ?3)";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	long n;
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, all ? 1 : 0);
	sqlite3_bind_int64(st, 2, row->hlc);
	sqlite3_bind_text(st, 3, row->id, -1, SQLITE_TRANSIENT);
	n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
	lup_done(st);
	return n < 0 ? lup_sqlerr(db, err, _("counting conflicts")) : n;
}

int lup_conflict_page(lup_db *db, int all, const struct lup_conflict_row *from, int dir, int n,
                      struct lup_conflict_row *rows, lup_err *err)
{
	/* Newest first: the next page goes down in (hlc, id). */
	static const char *const sql[2] = {
		"SELECT " RCOLS CFROM "WHERE (?1 OR r.id IS NULL) AND (c.hlc, c.id) < (?2, ?3) "
		"ORDER BY c.hlc DESC, c.id DESC LIMIT ?4",
		"SELECT " RCOLS CFROM "WHERE (?1 OR r.id IS NULL) AND (c.hlc, c.id) > (?2, ?3) "
		"ORDER BY c.hlc, c.id LIMIT ?4",
	};
	int back = dir < 0, k = 0, rc;
	sqlite3_stmt *st;
	if (n <= 0)
		return 0;
	if (!(st = lup_stmt(db, sql[back], err)))
		return -1;
	sqlite3_bind_int(st, 1, all ? 1 : 0);
	if (from) {
		sqlite3_bind_int64(st, 2, from->hlc);
		sqlite3_bind_text(st, 3, from->id, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_int64(st, 2, back ? -1 : INT64_MAX);
		sqlite3_bind_text(st, 3, back ? "" : "~", -1, SQLITE_STATIC);
	}
	sqlite3_bind_int(st, 4, n);
	while (k < n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_conflict_row *r = &rows[k++];
		memset(r, 0, sizeof *r);
		lup_col_copy(st, 0, r->id, sizeof r->id);
		r->hlc = sqlite3_column_int64(st, 1);
		lup_col_copy(st, 2, r->table, sizeof r->table);
		lup_col_copy(st, 3, r->column, sizeof r->column);
		lup_col_copy(st, 4, r->kind, sizeof r->kind);
		lup_col_copy(st, 5, r->rule, sizeof r->rule);
		lup_col_copy(st, 6, r->resolved, sizeof r->resolved);
		lup_col_copy(st, 7, r->device_name, sizeof r->device_name);
	}
	lup_done(st);
	if (k < n && rc != SQLITE_DONE)
		return lup_sqlerr(db, err, _("listing conflicts"));
	if (back)
		for (int i = 0, j = k - 1; i < j; i++, j--) {
			struct lup_conflict_row t = rows[i];
			rows[i] = rows[j];
			rows[j] = t;
		}
	/* The words for each row (its row's, or the one set aside). */
	for (int i = 0; i < k; i++) {
		struct lup_conflict c;
		if (lup_conflict_get(db, rows[i].id, &c, err) < 0)
			return -1;
		snprintf(rows[i].what, sizeof rows[i].what, "%s", c.what);
		lup_conflict_clear(&c);
	}
	return k;
}

/* ---- Answering ---- */

/* Derived text of a row written here (its search text, its sort keys). */
static int derive_row(lup_db *db, const char *table, const char *id, lup_err *err)
{
	if (strcmp(table, "person") == 0)
		return lup_p_person_derive(db, id, err) < 0 ? -1 : 0;
	if (strcmp(table, "host_org") == 0)
		return lup_p_host_derive(db, id, err) < 0 ? -1 : 0;
	return 0;
}

static int write_value(lup_db *db, const struct sync_table *t, const char *id, const char *col,
                       sqlite3_value *v, const char *text, lup_err *err)
{
	char sql[200], now[21];
	sqlite3_stmt *st;
	int c = lup_sync_col_index(t, col), has_upd = lup_sync_col_index(t, "updated_at") >= 0;
	if (c <= 0)
		return lup_err_set(err, LUP_EINVAL, _("that cannot be changed here"));
	snprintf(sql, sizeof sql, "UPDATE \"%s\" SET \"%s\" = ?2%s WHERE id = ?1", t->name, col,
	         has_upd ? ", updated_at = ?3" : "");
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("resolving"));
	lup_now_utc(now);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (v)
		sqlite3_bind_value(st, 2, v);
	else
		lup_bind_text(st, 2, text);
	if (has_upd)
		sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE) {
		lup_sqlerr(db, err, _("resolving"));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (sqlite3_changes(db->h) == 0)
		return lup_err_set(err, LUP_ENOTFOUND, _("the record is no longer there"));
	return derive_row(db, t->name, id, err);
}

/* Put a row set aside back, from its columns as JSON. */
static int restore_row(lup_db *db, const struct sync_table *t, const char *json, lup_err *err)
{
	lup_buf sql = { 0 };
	sqlite3_stmt *st;
	int k = 0, rc;
	lup_buf_printf(&sql, "INSERT INTO \"%s\" (", t->name);
	for (int c = 0; c < t->ncol; c++)
		lup_buf_printf(&sql, "%s\"%s\"", c ? ", " : "", t->col[c]);
	lup_buf_puts(&sql, ") SELECT ");
	for (int c = 0; c < t->ncol; c++)
		lup_buf_printf(&sql, "%sjson_extract(?1, '$.\"%s\"')", k++ ? ", " : "", t->col[c]);
	if (!sql.s || sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL) != SQLITE_OK) {
		lup_buf_clear(&sql);
		return lup_sqlerr(db, err, _("resolving"));
	}
	lup_buf_clear(&sql);
	sqlite3_bind_text(st, 1, json, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		int x = sqlite3_extended_errcode(db->h);
		sqlite3_finalize(st);
		if (x == SQLITE_CONSTRAINT_FOREIGNKEY)
			return lup_err_set(err, LUP_ECONFLICT,
				_("it cannot come back: what it belongs to is gone"));
		if ((x & 0xff) == SQLITE_CONSTRAINT)
			return lup_err_set(err, LUP_ECONFLICT,
				_("it cannot come back: it clashes with a record there now (%s)"), sqlite3_errmsg(db->h));
		return lup_sqlerr(db, err, _("resolving"));
	}
	sqlite3_finalize(st);
	{
		sqlite3_stmt *q;
		char id[64] = "";
		if (sqlite3_prepare_v2(db->h, "SELECT json_extract(?1, '$.id')", -1, &q, NULL) == SQLITE_OK) {
			sqlite3_bind_text(q, 1, json, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(q) == SQLITE_ROW)
				lup_col_copy(q, 0, id, sizeof id);
			sqlite3_finalize(q);
		}
		return derive_row(db, t->name, id, err);
	}
}

int lup_conflict_resolve(lup_db *db, const char *id, enum lup_conflict_how how,
                         const char *value, lup_err *err)
{
	static const char get[] = "SELECT tbl, row_id, col, kind, lost FROM sync_conflict WHERE id = ?1";
	static const char answer[] =
		"INSERT INTO sync_resolution (id, how, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4) "
		"ON CONFLICT (id) DO UPDATE SET how = excluded.how, value = excluded.value, "
		"updated_at = excluded.updated_at";
	const struct sync_meta *m = lup_sync_meta(db, err);
	char tbl[32], row[64], col[64], kind[8], now[21], words[256];
	const char *how_word = how == LUP_CONFLICT_KEEP ? "kept" : how == LUP_CONFLICT_TYPE ? "typed" : "took";
	sqlite3_stmt *st = NULL;
	int ti;

	if (!m)
		return -1;
	if (lup_db_begin(db, err) < 0)
		return -1;
	if (sqlite3_prepare_v2(db->h, get, -1, &st, NULL) != SQLITE_OK) {
		lup_sqlerr(db, err, _("resolving"));
		goto fail;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_err_set(err, LUP_ENOTFOUND, _("no such conflict"));
		goto fail;
	}
	lup_col_copy(st, 0, tbl, sizeof tbl);
	lup_col_copy(st, 1, row, sizeof row);
	lup_col_copy(st, 2, col, sizeof col);
	lup_col_copy(st, 3, kind, sizeof kind);
	if ((ti = lup_sync_table_index(tbl)) < 0 || ti == SYNC_CONFLICT_TABLE) {
		lup_err_set(err, LUP_EINVAL, _("that cannot be changed here"));
		goto fail;
	}
	if (how != LUP_CONFLICT_KEEP) {
		if (strcmp(kind, "note") == 0) {
			lup_err_set(err, LUP_EINVAL,
				_("there is nothing to take back here: keep it, and change the record itself if need be"));
			goto fail;
		}
		if (strcmp(kind, "row") == 0) {
			if (how == LUP_CONFLICT_TYPE) {
				lup_err_set(err, LUP_EINVAL, _("a whole record cannot be typed: keep it or take it back"));
				goto fail;
			}
			if (row_label(db, tbl, row, words, sizeof words)) {
				lup_err_set(err, LUP_ECONFLICT, _("the record is there already"));
				goto fail;
			}
			how_word = "restored";
			if (restore_row(db, &m->t[ti], (const char *)sqlite3_column_text(st, 4), err) < 0)
				goto fail;
		} else if (write_value(db, &m->t[ti], row, col, how == LUP_CONFLICT_TAKE ? sqlite3_column_value(st, 4) : NULL,
		                       how == LUP_CONFLICT_TYPE ? (value && *value ? value : NULL) : NULL, err) < 0) {
			goto fail;
		}
	}
	sqlite3_finalize(st);
	st = NULL;
	lup_now_utc(now);
	{
		sqlite3_stmt *a = lup_stmt(db, answer, err);
		int rc;
		if (!a)
			goto fail;
		sqlite3_bind_text(a, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(a, 2, how_word, -1, SQLITE_STATIC);
		lup_bind_text(a, 3, how == LUP_CONFLICT_TYPE ? value : NULL);
		sqlite3_bind_text(a, 4, now, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(a);
		lup_done(a);
		if (rc != SQLITE_DONE) {
			lup_sqlerr(db, err, _("resolving"));
			goto fail;
		}
	}
	return lup_db_commit(db, err);
fail:
	sqlite3_finalize(st);
	lup_db_rollback(db);
	return -1;
}
