/* undo.c — undo and redo: a change made here, inverted and applied as a
 * new change (undo.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/sync_int.h"
#include "lup/i18n.h"
#include "lup/sync.h"
#include "lup/undo.h"
#include "lup/util.h"

int lup_undo_take_logged(lup_db *db, long long *seq, int max)
{
	int n = db->nlogged, from = n > max ? n - max : 0;
	for (int i = from; i < n; i++)
		seq[i - from] = db->logged[i];
	db->nlogged = 0;
	return n - from;
}

/* The changes seq[0..n-1] of this device as one changeset. */
static int gather(lup_db *db, const long long *seq, int n, void **out, int *nout, lup_err *err)
{
	static const char sql[] =
		"SELECT cs, flags FROM sync_log WHERE device = (SELECT device FROM sync_self) AND seq = ?1";
	sqlite3_changegroup *g;
	int rc = 0;

	*out = NULL;
	*nout = 0;
	if (sqlite3changegroup_new(&g) != SQLITE_OK)
		return lup_err_oom(err);
	for (int i = 0; i < n && rc == 0; i++) {
		sqlite3_stmt *st = lup_stmt(db, sql, err);
		if (!st) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(st, 1, seq[i]);
		if (sqlite3_step(st) != SQLITE_ROW) {
			rc = lup_err_set(err, LUP_EINVAL, _("that change is not in this database's log"));
		} else if (sqlite3_column_int(st, 1) & SYNC_F_ERASE) {
			rc = lup_err_set(err, LUP_EINVAL, _("a person erased for privacy cannot be brought back"));
		} else if (sqlite3changegroup_add(g, sqlite3_column_bytes(st, 0),
		                                  (void *)sqlite3_column_blob(st, 0)) != SQLITE_OK) {
			rc = lup_err_set(err, LUP_EFAIL, _("the change log cannot be read back"));
		}
		lup_done(st);
	}
	if (rc == 0 && sqlite3changegroup_output(g, nout, out) != SQLITE_OK)
		rc = lup_err_set(err, LUP_EFAIL, _("the change log cannot be read back"));
	sqlite3changegroup_delete(g);
	return rc;
}

/* Which table names a change best: the first of these it touches. */
static const char *const main_tables[] = {
	"programme", "cohort", "person", "host_org", "placement", "framework", "round", "checkin",
	"session", "block", "enrolment", "target", "log_entry", "rating", "attendance", NULL
};

static int table_rank(const char *t)
{
	for (int i = 0; main_tables[i]; i++)
		if (strcmp(main_tables[i], t) == 0)
			return i;
	return 100;
}

/* The name of a row: its name or title column, from the values op left. */
static void row_name(lup_db *db, sqlite3_changeset_iter *it, const char *tab, int op, char *name, size_t n)
{
	const struct sync_meta *m = lup_sync_meta(db, NULL);
	int ti = lup_sync_table_index(tab), col = -1;
	sqlite3_value *v = NULL;
	name[0] = 0;
	if (!m || ti < 0)
		return;
	col = lup_sync_col_index(&m->t[ti], "name");
	if (col < 0)
		col = lup_sync_col_index(&m->t[ti], "title");
	if (col < 0)
		return;
	if (op == SQLITE_DELETE)
		sqlite3changeset_old(it, col, &v);
	else
		sqlite3changeset_new(it, col, &v);
	if (v && sqlite3_value_type(v) == SQLITE_TEXT) {
		snprintf(name, n, "%s", (const char *)sqlite3_value_text(v));
	} else if (op == SQLITE_UPDATE && sqlite3changeset_old(it, 0, &v) == SQLITE_OK && v) {
		/* a name the update left alone is not in the change: the row's
		 * (the table is one of the fixed list of synced tables) */
		char sql[160];
		sqlite3_stmt *st;
		snprintf(sql, sizeof sql, "SELECT \"%s\" FROM \"%s\" WHERE id = ?1", m->t[ti].col[col],
		         lup_sync_tables[ti]);
		if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_value(st, 1, v);
			if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT)
				snprintf(name, n, "%s", (const char *)sqlite3_column_text(st, 0));
			sqlite3_finalize(st);
		}
	}
}

/* A count of what came along ("3 sessions", fmt its words), after *sep;
 * none: nothing. */
static void add_count(lup_buf *b, const char **sep, const char *fmt, long n)
{
	if (!n)
		return;
	lup_buf_puts(b, *sep);
	lup_buf_printf(b, fmt, n);
	*sep = ", ";
}

static int describe_cs(lup_db *db, const void *cs, int ncs, char *what, size_t nwhat)
{
	sqlite3_changeset_iter *it;
	char main[32] = "", name[200] = "";
	int mop = 0, best = 101;
	long marks = 0, sessions = 0, enrolments = 0, others = 0, nmain = 0;
	lup_buf b = { 0 };

	what[0] = 0;
	if (sqlite3changeset_start(&it, ncs, (void *)cs) != SQLITE_OK)
		return -1;
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, ind, r;
		sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
		r = table_rank(tab);
		if (r < best) {
			best = r;
			snprintf(main, sizeof main, "%s", tab);
			mop = op;
			nmain = 0;
			row_name(db, it, tab, op, name, sizeof name);
		}
		if (strcmp(tab, main) == 0 && op == mop) {
			nmain++;
			continue;
		}
		if (strcmp(tab, "attendance") == 0)
			marks++;
		else if (strcmp(tab, "session") == 0)
			sessions++;
		else if (strcmp(tab, "enrolment") == 0)
			enrolments++;
		else if (r < 100)
			others++;
	}
	sqlite3changeset_finalize(it);
	if (!main[0])
		return 0;
	/* rows counted before the main table was known */
	{
		const char *noun = lup_conflict_table_label(main);
		char one[300];
		if (strcmp(main, "attendance") == 0)
			snprintf(one, sizeof one, ngettext("%ld attendance mark", "%ld attendance marks",
			                                   (unsigned long)nmain), nmain);
		else if (nmain > 1 || !name[0])
			snprintf(one, sizeof one, ngettext("%ld row: %s", "%ld rows: %s", (unsigned long)nmain), nmain, noun);
		else
			snprintf(one, sizeof one, "%s %s", noun, name);
		lup_buf_printf(&b, mop == SQLITE_INSERT ? _("added %s") : mop == SQLITE_DELETE ? _("deleted %s")
		                                                       : _("changed %s"), one);
	}
	if (marks || sessions || enrolments || others) {
		const char *sep = " ";
		lup_buf_puts(&b, " ");
		lup_buf_puts(&b, _("with"));
		add_count(&b, &sep, ngettext("%ld attendance mark", "%ld attendance marks", (unsigned long)marks),
		          marks);
		add_count(&b, &sep, ngettext("%ld enrolment", "%ld enrolments", (unsigned long)enrolments),
		          enrolments);
		add_count(&b, &sep, ngettext("%ld session", "%ld sessions", (unsigned long)sessions), sessions);
		add_count(&b, &sep, ngettext("%ld other record", "%ld other records", (unsigned long)others),
		          others);
	}
	snprintf(what, nwhat, "%s", b.s ? b.s : "");
	lup_buf_clear(&b);
	return 0;
}

int lup_undo_describe(lup_db *db, const long long *seq, int n, char *what, size_t nwhat, lup_err *err)
{
	void *cs;
	int ncs;
	if (gather(db, seq, n, &cs, &ncs, err) < 0)
		return -1;
	describe_cs(db, cs, ncs, what, nwhat);
	sqlite3_free(cs);
	return 0;
}

struct clash {
	lup_db *db;
	int hit;
	char table[32];
};

static int same_value(sqlite3_value *a, sqlite3_value *b)
{
	int t = sqlite3_value_type(a);
	if (t != sqlite3_value_type(b))
		return 0;
	switch (t) {
	case SQLITE_NULL: return 1;
	case SQLITE_INTEGER: return sqlite3_value_int64(a) == sqlite3_value_int64(b);
	case SQLITE_FLOAT: return sqlite3_value_double(a) == sqlite3_value_double(b);
	default:
		return sqlite3_value_bytes(a) == sqlite3_value_bytes(b) &&
		       memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b), (size_t)sqlite3_value_bytes(a)) == 0;
	}
}

/* An update whose row already holds what it sets (updated_at aside): an
 * ON DELETE SET NULL of a delete before it did it. */
static int already_done(lup_db *db, sqlite3_changeset_iter *it, const char *tab, int ncol)
{
	const struct sync_meta *m = lup_sync_meta(db, NULL);
	int ti = lup_sync_table_index(tab);
	for (int i = 0; i < ncol; i++) {
		sqlite3_value *nv = NULL, *cv = NULL;
		if (sqlite3changeset_new(it, i, &nv) != SQLITE_OK || !nv)
			continue;
		if (m && ti >= 0 && i < m->t[ti].ncol && strcmp(m->t[ti].col[i], "updated_at") == 0)
			continue;
		if (sqlite3changeset_conflict(it, i, &cv) != SQLITE_OK || !cv || !same_value(nv, cv))
			return 0;
	}
	return 1;
}

/* Any conflict means a row was changed since: the inverse does not fit. */
static int on_conflict(void *ctx, int type, sqlite3_changeset_iter *it)
{
	struct clash *c = ctx;
	const char *tab = NULL;
	int ncol, op, ind;
	/* A row to delete that a delete before it took along (a cascade)
	 * is gone already, as wanted. */
	if (type == SQLITE_CHANGESET_NOTFOUND && sqlite3changeset_op(it, &tab, &ncol, &op, &ind) == SQLITE_OK &&
	    op == SQLITE_DELETE)
		return SQLITE_CHANGESET_OMIT;
	if (type == SQLITE_CHANGESET_DATA && sqlite3changeset_op(it, &tab, &ncol, &op, &ind) == SQLITE_OK &&
	    op == SQLITE_UPDATE && already_done(c->db, it, tab, ncol))
		return SQLITE_CHANGESET_OMIT;
	if (!c->hit && type != SQLITE_CHANGESET_FOREIGN_KEY && sqlite3changeset_op(it, &tab, &ncol, &op, &ind) == SQLITE_OK && tab)
		snprintf(c->table, sizeof c->table, "%s", tab);
	c->hit = 1;
	return SQLITE_CHANGESET_ABORT;
}

int lup_undo(lup_db *db, const long long *seq, int n, long long *made, char *what, size_t nwhat,
             lup_err *err)
{
	void *cs = NULL, *inv = NULL;
	int ncs = 0, ninv = 0, rc;
	struct clash clash = { db, 0, "" };

	if (made)
		*made = 0;
	if (what && nwhat)
		what[0] = 0;
	if (n <= 0)
		return 0;
	if (!db->sync_ready)
		return lup_err_set(err, LUP_EINVAL, _("this database keeps no change log to undo from"));
	if (gather(db, seq, n, &cs, &ncs, err) < 0)
		return -1;
	if (what)
		describe_cs(db, cs, ncs, what, nwhat);
	if (ncs == 0) {
		sqlite3_free(cs);
		return 0;
	}
	if (sqlite3changeset_invert(ncs, cs, &ninv, &inv) != SQLITE_OK) {
		sqlite3_free(cs);
		return lup_err_oom(err);
	}
	sqlite3_free(cs);
	if (lup_db_begin(db, err) < 0) {
		sqlite3_free(inv);
		return -1;
	}
	rc = sqlite3changeset_apply_v2(db->h, ninv, inv, NULL, on_conflict, &clash, NULL, NULL, 0);
	sqlite3_free(inv);
	if (clash.hit || rc != SQLITE_OK) {
		lup_db_rollback(db);
		if (clash.hit || rc == SQLITE_ABORT || rc == SQLITE_CONSTRAINT)
			return lup_err_set(err, LUP_ECHANGED,
			                   _("Not undone: what it changed was changed again since (%s; in another "
			                     "window or on another laptop)."),
			                   clash.table[0] ? lup_conflict_table_label(clash.table) : _("a record"));
		return lup_sqlerr(db, err, _("undoing"));
	}
	if (lup_db_commit(db, err) < 0)
		return -1;
	/* the undo's own change is not a step to undo again: redo is asked
	 * for by name */
	if (db->nlogged > 0) {
		if (made)
			*made = db->logged[db->nlogged - 1];
		db->nlogged--;
	}
	return 0;
}
