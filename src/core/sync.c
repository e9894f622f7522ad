/* sync.c — the change log: capture, this copy's identity, the clock, the
 * table rules, status and the programme's hash.
 *
 * DESIGN (several laptops, one programme)
 *
 * Capture.  lup_db_begin opens an SQLite session on the synced tables
 * (lup_sync_tables: the programme's tables and sync_resolution; never the
 * sync_* bookkeeping, never TEMP caches).  lup_db_commit runs the table
 * rules on what the transaction touched, takes the changeset and appends it
 * to sync_log in the same transaction with this copy's device id, the next
 * sequence number, a hybrid logical clock (milliseconds << 16 plus a
 * counter, never below a clock seen in any change) and what it was made on
 * (deps: how far each other device's changes were applied).  Changes
 * applied from elsewhere are not recorded again.  A person erase records a
 * patchset (keys only) and scrubs the log (sync_apply.c).  Undo can invert
 * a logged changeset and apply it as a new change.
 *
 * Identity.  sync_self holds the device id with a tag of the file it
 * belongs to (SHA-256 of the machine id and the file's inode): a copied
 * file (another inode, or another machine) is given a new device id when
 * opened, so two copies never act as one device or reuse its numbers.
 *
 * Convergence (sync_apply.c).  The programme is a fold of the set of
 * changes in canonical order (hlc, device, seq) through one deterministic
 * conflict handler.  A change whose predecessors (its device's previous
 * one, and those in its deps) have not arrived is held back.  New changes
 * that sort after everything applied are applied at the end; when one
 * sorts earlier, the changes after it are undone (the inverse of what each
 * did here, kept as its effect) and applied again in order.  Same set, same
 * order, same handler: the same programme, whatever the order of arrival,
 * duplicates or relays.  (Per-column clocks, as cr-sqlite keeps, would
 * avoid the replays, but foreign keys, unique indexes and seat counts do
 * not merge column by column; a fold keeps every rule an ordinary SQL
 * write.)
 *
 * The handler (no wall clock, no randomness) is the three-way column merge
 * of merge.h: base = the changeset's old values, mine = the arriving
 * change, theirs = the row here.  A column both changed goes to its table's
 * rule (sync_rule): the later change wins (the arriving one: it is later in
 * canonical order), except ratings (the first stays), statuses (they move
 * forward) and bookkeeping columns (min/max, silently); derived text is
 * worked out again.  A delete wins against a concurrent edit.  A row whose
 * parent was deleted elsewhere is dropped; a value a unique index already
 * holds is moved aside (two targets in force for one role: the later
 * holds, the other ends where it begins).  Every value a rule sets aside goes to
 * sync_conflict, keyed by the change and the cell, so every laptop lists
 * the same conflicts; a person's answer is a row of sync_resolution,
 * synced like any other change.
 *
 * Table rules, after every change made here or applied (so a change
 * applied on the state it was made on does exactly what it did there): a
 * seat this change took over the cohort's capacity goes back to the
 * waitlist (the earliest request keeps the seat) unless the person already
 * has attendance marks; the waitlist is numbered 1..n by request time when
 * a merge left gaps or twins; a free seat goes to the first waiting.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "core/sync_int.h"
#include "lup/merge.h"
#include "lup/sha256.h"

const char *const lup_sync_tables[SYNC_NTABLES] = {
	"person", "programme", "block", "host_org", "cohort", "session", "enrolment",
	"attendance", "placement", "framework", "level", "area", "competence", "target",
	"round", "checkin", "rating", "log_entry", "session_removed", "sync_resolution",
	"sync_conflict"
};

/* Tables never sent: this copy's own bookkeeping, and person_due, which
 * its triggers work out again from the person and checkin rows a merge
 * writes (schema 7), the same on every laptop. */
const char *const lup_sync_local_tables[] = {
	"sync_self", "sync_log", "sync_peer", "sync_file", "sync_erased", "sync_erased_name",
	"person_due", NULL
};

int lup_sync_table_index(const char *name)
{
	for (int i = 0; i < SYNC_NTABLES; i++)
		if (name && strcmp(lup_sync_tables[i], name) == 0)
			return i;
	return -1;
}

int lup_sync_col_index(const struct sync_table *t, const char *name)
{
	for (int i = 0; i < t->ncol; i++)
		if (name && strcmp(t->col[i], name) == 0)
			return i;
	return -1;
}

/* ---- The tables' columns and rules ---- */

static const char *const placement_lattice[] = {
	"proposed", "agreed", "confirmed", "cancelled", "completed", NULL };
static const char *const enrolment_lattice[] = {
	"waitlisted", "enrolled", "withdrawn", "completed", NULL };
static const char *const checkin_lattice[] = { "draft", "final", NULL };

static const struct { const char *table, *col; enum sync_rule rule; } col_rules[] = {
	{ NULL, "created_at", SR_MIN },
	{ NULL, "updated_at", SR_MAX },
	{ "person", "search", SR_DERIVED }, { "person", "sort_name", SR_DERIVED },
	{ "person", "sort_unit", SR_DERIVED }, { "person", "sort_role", SR_DERIVED },
	{ "host_org", "search", SR_DERIVED }, { "host_org", "sort_name", SR_DERIVED },
	{ "placement", "search", SR_DERIVED },
	{ "session", "sequence", SR_MAX }, { "session_removed", "sequence", SR_MAX },
	{ "placement", "status", SR_FORWARD }, { "placement", "status_changed_at", SR_FOLLOW },
	{ "enrolment", "status", SR_FORWARD }, { "enrolment", "waitlist_pos", SR_FOLLOW },
	{ "enrolment", "enrolled_on", SR_FOLLOW }, { "enrolment", "ended_on", SR_FOLLOW },
	{ "enrolment", "requested_at", SR_MIN },
	{ "checkin", "status", SR_FORWARD },
	{ "rating", "level", SR_FIRST }, { "rating", "comment", SR_FIRST },
	{ "framework", "imported_at", SR_MIN },
	/* a target replaced on two laptops ends when it was first replaced */
	{ "target", "valid_to", SR_MIN },
};

static void meta_free(struct sync_meta *m)
{
	if (!m)
		return;
	for (int i = 0; i < SYNC_NTABLES; i++) {
		struct sync_table *t = &m->t[i];
		for (int c = 0; c < t->ncol; c++)
			free(t->col[c]);
		free(t->col);
		free(t->notnull);
		free(t->rule);
		free(t->fk);
		free(t->sql_exists);
		free(t->sql_refs);
		free(t->sql_select);
		free(t->sql_insert);
		free(t->sql_update);
		free(t->sql_delete);
		for (int c = 0; t->sql_setcol && c < t->ncol; c++)
			free(t->sql_setcol[c]);
		free(t->sql_setcol);
	}
	free(m);
}

void lup_sync_meta_free(lup_db *db)
{
	meta_free(db->sync_meta);
	db->sync_meta = NULL;
}

static int load_table(lup_db *db, struct sync_table *t, lup_err *err)
{
	char sql[128];
	sqlite3_stmt *st;
	int cap = 0, rc;

	snprintf(sql, sizeof sql, "SELECT name, \"notnull\", pk FROM pragma_table_info('%s')", t->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("reading the schema"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (!name) {
			sqlite3_finalize(st);
			return lup_err_oom(err);
		}
		if (t->ncol == cap) {
			cap = cap ? cap * 2 : 16;
			void *a = realloc(t->col, (size_t)cap * sizeof *t->col);
			void *b = a ? realloc(t->notnull, (size_t)cap) : NULL;
			void *c = b ? realloc(t->rule, (size_t)cap) : NULL;
			if (a) t->col = a;
			if (b) t->notnull = b;
			if (c) t->rule = c;
			if (!a || !b || !c) {
				sqlite3_finalize(st);
				return lup_err_oom(err);
			}
		}
		t->col[t->ncol] = strdup(name);
		t->notnull[t->ncol] = (unsigned char)sqlite3_column_int(st, 1);
		if (!t->col[t->ncol]) {
			sqlite3_finalize(st);
			return lup_err_oom(err);
		}
		if ((t->ncol == 0) != (sqlite3_column_int(st, 2) == 1) || (t->ncol == 0 && strcmp(t->col[0], "id"))) {
			sqlite3_finalize(st);
			return lup_err_set(err, LUP_EFAIL, "sync: %s: the first column must be its key, id", t->name);
		}
		t->rule[t->ncol] = SR_LATER;
		for (size_t r = 0; r < sizeof col_rules / sizeof col_rules[0]; r++)
			if ((!col_rules[r].table || strcmp(col_rules[r].table, t->name) == 0) &&
			    strcmp(col_rules[r].col, t->col[t->ncol]) == 0)
				t->rule[t->ncol] = (unsigned char)col_rules[r].rule;
		t->ncol++;
	}
	/* a table read in part (no memory, say) is not a table's columns */
	if (rc != SQLITE_DONE) {
		lup_sqlerr(db, err, _("reading the schema"));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (t->ncol == 0)
		return lup_err_set(err, LUP_EFAIL, "sync: no table %s", t->name);
	t->status = lup_sync_col_index(t, "status");
	if (strcmp(t->name, "placement") == 0) t->lattice = placement_lattice;
	else if (strcmp(t->name, "enrolment") == 0) t->lattice = enrolment_lattice;
	else if (strcmp(t->name, "checkin") == 0) t->lattice = checkin_lattice;
	else t->status = -1;

	snprintf(sql, sizeof sql, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list('%s')", t->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return lup_sqlerr(db, err, _("reading the schema"));
	cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int c = lup_sync_col_index(t, (const char *)sqlite3_column_text(st, 0));
		int p = lup_sync_table_index((const char *)sqlite3_column_text(st, 1));
		if (c < 0 || p < 0)
			continue;
		if (t->nfk == cap) {
			void *v = realloc(t->fk, (size_t)(cap = cap ? cap * 2 : 4) * sizeof *t->fk);
			if (!v) {
				sqlite3_finalize(st);
				return lup_err_oom(err);
			}
			t->fk = v;
		}
		t->fk[t->nfk].col = c;
		t->fk[t->nfk].table = p;
		t->fk[t->nfk].nullable = !t->notnull[c];
		t->nfk++;
	}
	if (rc != SQLITE_DONE) {
		lup_sqlerr(db, err, _("reading the schema"));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	{
		lup_buf q = { 0 };
		lup_buf_printf(&q, "SELECT 1 FROM \"%s\" WHERE id = ?1", t->name);
		t->sql_exists = q.s;
		memset(&q, 0, sizeof q);
		lup_buf_puts(&q, "SELECT NULL");
		for (int i = 0; i < t->nfk; i++)
			lup_buf_printf(&q, ", \"%s\"", t->col[t->fk[i].col]);
		lup_buf_printf(&q, " FROM \"%s\" WHERE id = ?1", t->name);
		t->sql_refs = q.s;
		memset(&q, 0, sizeof q);
		lup_buf_printf(&q, "SELECT * FROM \"%s\" WHERE id = ?1", t->name);
		t->sql_select = q.s;
		memset(&q, 0, sizeof q);
		lup_buf_printf(&q, "INSERT INTO \"%s\" (", t->name);
		for (int c = 0; c < t->ncol; c++)
			lup_buf_printf(&q, "%s\"%s\"", c ? ", " : "", t->col[c]);
		lup_buf_puts(&q, ") VALUES (");
		for (int c = 0; c < t->ncol; c++)
			lup_buf_printf(&q, "%s?%d", c ? ", " : "", c + 1);
		lup_buf_puts(&q, ")");
		t->sql_insert = q.s;
		memset(&q, 0, sizeof q);
		lup_buf_printf(&q, "UPDATE \"%s\" SET ", t->name);
		for (int c = 1; c < t->ncol; c++)
			lup_buf_printf(&q, "%s\"%s\" = ?%d", c > 1 ? ", " : "", t->col[c], c + 1);
		lup_buf_puts(&q, " WHERE id = ?1");
		t->sql_update = q.s;
		memset(&q, 0, sizeof q);
		lup_buf_printf(&q, "DELETE FROM \"%s\" WHERE id = ?1", t->name);
		t->sql_delete = q.s;
		if (!(t->sql_setcol = calloc((size_t)t->ncol, sizeof *t->sql_setcol)))
			return lup_err_oom(err);
		for (int c = 1; c < t->ncol; c++) {
			memset(&q, 0, sizeof q);
			lup_buf_printf(&q, "UPDATE \"%s\" SET \"%s\" = ?2 WHERE id = ?1", t->name, t->col[c]);
			if (!(t->sql_setcol[c] = q.s))
				return lup_err_oom(err);
		}
		if (!t->sql_exists || !t->sql_refs || !t->sql_select || !t->sql_insert || !t->sql_update ||
		    !t->sql_delete)
			return lup_err_oom(err);
	}
	return 0;
}

const struct sync_meta *lup_sync_meta(lup_db *db, lup_err *err)
{
	struct sync_meta *m;
	if (db->sync_meta)
		return db->sync_meta;
	if (!(m = calloc(1, sizeof *m))) {
		lup_err_oom(err);
		return NULL;
	}
	for (int i = 0; i < SYNC_NTABLES; i++) {
		m->t[i].name = lup_sync_tables[i];
		m->t[i].synced = i != SYNC_CONFLICT_TABLE;
		if (load_table(db, &m->t[i], err) < 0) {
			meta_free(m);
			return NULL;
		}
	}
	db->sync_meta = m;
	return m;
}

/* ---- Bytes and version vectors ---- */

void lup_put_u64(unsigned char *b, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		b[i] = (unsigned char)v;
}

uint64_t lup_get_u64(const unsigned char *b)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | b[i];
	return v;
}

void lup_put_u32(unsigned char *b, uint32_t v)
{
	for (int i = 3; i >= 0; i--, v >>= 8)
		b[i] = (unsigned char)v;
}

uint32_t lup_get_u32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

void lup_vv_clear(struct sync_vv *vv)
{
	free(vv->v);
	memset(vv, 0, sizeof *vv);
}

long long lup_vv_get(const struct sync_vv *vv, const char *device)
{
	for (int i = 0; i < vv->n; i++)
		if (strcmp(vv->v[i].device, device) == 0)
			return vv->v[i].seq;
	return 0;
}

int lup_vv_set(struct sync_vv *vv, const char *device, long long seq)
{
	for (int i = 0; i < vv->n; i++)
		if (strcmp(vv->v[i].device, device) == 0) {
			vv->v[i].seq = seq;
			return 0;
		}
	if (lup_grow(&vv->v, &vv->cap, (size_t)vv->n + 1, sizeof *vv->v) < 0)
		return -1;
	snprintf(vv->v[vv->n].device, sizeof vv->v[vv->n].device, "%s", device);
	vv->v[vv->n++].seq = seq;
	return 0;
}

int lup_vv_encode(const struct sync_vv *vv, const char *skip, unsigned char **out, size_t *n)
{
	unsigned char *b = malloc((size_t)vv->n * 24 + 1), *p = b;
	if (!b)
		return -1;
	for (int i = 0; i < vv->n; i++) {
		if (vv->v[i].seq <= 0 || (skip && strcmp(skip, vv->v[i].device) == 0))
			continue;
		if (lup_uuid_parse(vv->v[i].device, p) < 0)
			continue;
		lup_put_u64(p + 16, (uint64_t)vv->v[i].seq);
		p += 24;
	}
	*out = b;
	*n = (size_t)(p - b);
	return 0;
}

int lup_vv_decode(const unsigned char *b, size_t n, struct sync_vv *vv)
{
	if (n % 24)
		return -1;
	for (size_t i = 0; i < n; i += 24) {
		char dev[37];
		uint64_t s = lup_get_u64(b + i + 16);
		if (s > (uint64_t)1 << 62)
			return -1;
		lup_uuid_format(b + i, dev);
		if (lup_vv_set(vv, dev, (long long)s) < 0)
			return -1;
	}
	return 0;
}

int lup_vv_applied(lup_db *db, struct sync_vv *vv, lup_err *err)
{
	static const char sql[] = "SELECT device, applied FROM sync_peer WHERE applied > 0";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (lup_vv_set(vv, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1)) < 0) {
			lup_done(st);
			return lup_err_oom(err);
		}
	lup_done(st);
	return rc == SQLITE_DONE ? 0 : lup_sqlerr(db, err, _("reading the change log"));
}

/* ---- The clock ---- */

long long (*lup_sync_clock)(void);

static long long wall_ms(void)
{
	struct timespec ts;
	if (lup_sync_clock)
		return lup_sync_clock();
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long long lup_sync_tick(lup_db *db, lup_err *err)
{
	static const char get[] = "SELECT hlc FROM sync_self";
	static const char set[] = "UPDATE sync_self SET hlc = ?1";
	sqlite3_stmt *st = lup_stmt(db, get, err);
	long long last, h;
	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("reading the change log"));
	}
	last = sqlite3_column_int64(st, 0);
	lup_done(st);
	h = wall_ms() << 16;
	if (h <= last)
		h = last + 1;
	if (!(st = lup_stmt(db, set, err)))
		return -1;
	sqlite3_bind_int64(st, 1, h);
	if (sqlite3_step(st) != SQLITE_DONE) {
		lup_done(st);
		return lup_sqlerr(db, err, _("writing the change log"));
	}
	lup_done(st);
	return h;
}

int lup_sync_seen(lup_db *db, long long hlc, lup_err *err)
{
	static const char sql[] = "UPDATE sync_self SET hlc = ?1 WHERE hlc < ?1";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, hlc);
	if (sqlite3_step(st) != SQLITE_DONE) {
		lup_done(st);
		return lup_sqlerr(db, err, _("writing the change log"));
	}
	lup_done(st);
	return 0;
}

void lup_sync_hlc_iso(long long hlc, char out[21])
{
	time_t t = (time_t)((hlc >> 16) / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void lup_sync_hlc_text(long long hlc, char out[17])
{
	time_t t = (time_t)((hlc >> 16) / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 17, "%Y-%m-%d %H:%M", &tm);
}

/* ---- This copy's identity ---- */

/* Which file on which machine: a copy (another inode, or another machine)
 * has another tag. */
static void file_tag(const char *path, char out[33])
{
	static const char *const ids[] = { "/etc/machine-id", "/var/lib/dbus/machine-id" };
	char machine[256] = "", buf[64];
	struct stat sb;
	lup_sha256 s;
	unsigned char d[32];

	for (size_t i = 0; i < sizeof ids / sizeof ids[0] && !machine[0]; i++) {
		FILE *f = fopen(ids[i], "r");
		if (f) {
			if (!fgets(machine, sizeof machine, f))
				machine[0] = '\0';
			fclose(f);
		}
	}
	if (!machine[0] && gethostname(machine, sizeof machine - 1) != 0)
		machine[0] = '\0';
	machine[strcspn(machine, "\n")] = '\0';
	snprintf(buf, sizeof buf, "%llu", stat(path, &sb) == 0 ? (unsigned long long)sb.st_ino : 0ULL);
	lup_sha256_init(&s);
	lup_sha256_add(&s, "lup-file", 9);
	lup_sha256_add(&s, machine, strlen(machine) + 1);
	lup_sha256_add(&s, buf, strlen(buf) + 1);
	lup_sha256_final(&s, d);
	lup_hex(d, 16, out);
}

static void host_name(char *out, size_t n)
{
	if (gethostname(out, n - 1) != 0)
		out[0] = '\0';
	out[n - 1] = '\0';
}

int lup_sync_device(lup_db *db, char out[37], lup_err *err)
{
	static const char sql[] = "SELECT device FROM sync_self WHERE device IS NOT NULL";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		lup_col_copy(st, 0, out, 37);
	lup_done(st);
	if (rc != SQLITE_ROW)
		return lup_err_set(err, LUP_EFAIL, _("this database has no device id yet"));
	return 0;
}

/* A new device id for this copy: its numbers start again at 1. */
static int new_identity(lup_db *db, const char *tag, lup_err *err)
{
	static const char set[] =
		"UPDATE sync_self SET device = ?1, file_tag = ?2, seq = 0, "
		"name = CASE WHEN device IS NULL AND name <> '' THEN name ELSE ?3 END";
	static const char peer[] =
		"INSERT INTO sync_peer (device, name) VALUES (?1, ?2) "
		"ON CONFLICT (device) DO UPDATE SET name = excluded.name";
	char dev[37], host[128];
	sqlite3_stmt *st;

	lup_uuid(dev);
	host_name(host, sizeof host);
	if (!(st = lup_stmt(db, set, err)))
		return -1;
	sqlite3_bind_text(st, 1, dev, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, tag, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, host, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE) {
		lup_done(st);
		return lup_sqlerr(db, err, _("giving this copy its own id"));
	}
	lup_done(st);
	if (!(st = lup_stmt(db, peer, err)))
		return -1;
	sqlite3_bind_text(st, 1, dev, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, host, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE) {
		lup_done(st);
		return lup_sqlerr(db, err, _("giving this copy its own id"));
	}
	lup_done(st);
	return 0;
}

int lup_sync_ready(lup_db *db, lup_err *err)
{
	static const char get[] = "SELECT device, file_tag FROM sync_self";
	sqlite3_stmt *st;
	char tag[33], have[40] = "";
	int rc, had_device = 0;

	if (lup_db_user_version(db) < 3)
		return 0;
	file_tag(lup_db_path(db), tag);
	if (!(st = lup_stmt(db, get, err)))
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		had_device = sqlite3_column_type(st, 0) != SQLITE_NULL;
		lup_col_copy(st, 1, have, sizeof have);
	}
	lup_done(st);
	if (rc != SQLITE_ROW)
		return lup_sqlerr(db, err, _("reading the change log"));
	if (!had_device || strcmp(have, tag) != 0) {
		/* Not captured: an id is this copy's own business. */
		db->nocapture++;
		rc = lup_db_begin(db, err);
		if (rc == 0 && (rc = new_identity(db, tag, err)) == 0)
			rc = lup_db_commit(db, err);
		else if (rc == 0)
			lup_db_rollback(db);
		db->nocapture--;
		if (rc < 0)
			return -1;
		db->renewed = had_device;
	}
	db->sync_ready = 1;
	return 0;
}

/* ---- Capture ---- */

static int capture_filter(void *ctx, const char *table)
{
	(void)ctx;
	return lup_sync_table_index(table) >= 0 && lup_sync_table_index(table) != SYNC_CONFLICT_TABLE;
}

void lup_sync_capture_begin(lup_db *db)
{
	if (!db->sync_ready || db->nocapture || db->capture)
		return;
	if (sqlite3session_create(db->h, "main", &db->capture) != SQLITE_OK) {
		db->capture = NULL;
		return;
	}
	/* what the change would take, for lup_sync_capture_flush */
	{
		int on = 1;
		sqlite3session_object_config(db->capture, SQLITE_SESSION_OBJCONFIG_SIZE, &on);
	}
	sqlite3session_table_filter(db->capture, capture_filter, NULL);
	if (sqlite3session_attach(db->capture, NULL) != SQLITE_OK) {
		sqlite3session_delete(db->capture);
		db->capture = NULL;
	}
}

void lup_sync_capture_abort(lup_db *db)
{
	if (db->capture) {
		sqlite3session_delete(db->capture);
		db->capture = NULL;
	}
	db->erase = 0;
}

/* Append a change made here to the log. */
static int log_append(lup_db *db, long long hlc, const void *cs, int n, const void *effect,
                      int neffect, int flags, lup_err *err)
{
	static const char self_sql[] = "SELECT device, seq FROM sync_self";
	static const char ins[] =
		"INSERT INTO sync_log (device, seq, hlc, schema, flags, deps, cs, effect) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	static const char upd[] = "UPDATE sync_self SET seq = ?1";
	static const char peer[] =
		"INSERT INTO sync_peer (device, applied) VALUES (?1, ?2) "
		"ON CONFLICT (device) DO UPDATE SET applied = excluded.applied";
	struct sync_vv vv = { 0 };
	unsigned char *deps = NULL;
	size_t ndeps = 0;
	char dev[37];
	long long seq;
	sqlite3_stmt *st;
	int rc = -1;

	if (!(st = lup_stmt(db, self_sql, err)))
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL) {
		lup_done(st);
		return lup_err_set(err, LUP_EFAIL, _("this database has no device id yet"));
	}
	lup_col_copy(st, 0, dev, sizeof dev);
	seq = sqlite3_column_int64(st, 1) + 1;
	lup_done(st);
	if (lup_vv_applied(db, &vv, err) < 0)
		goto out;
	if (lup_vv_encode(&vv, dev, &deps, &ndeps) < 0) {
		lup_err_oom(err);
		goto out;
	}
	if (!(st = lup_stmt(db, ins, err)))
		goto out;
	sqlite3_bind_text(st, 1, dev, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_int64(st, 3, hlc);
	sqlite3_bind_int(st, 4, lup_db_schema_version());
	sqlite3_bind_int(st, 5, flags);
	if (ndeps)
		sqlite3_bind_blob(st, 6, deps, (int)ndeps, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 6);
	sqlite3_bind_blob(st, 7, cs, n, SQLITE_STATIC);
	if (effect)
		sqlite3_bind_blob(st, 8, effect, neffect, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		lup_done(st);
		lup_sqlerr(db, err, _("writing the change log"));
		goto out;
	}
	lup_done(st);
	if (!(st = lup_stmt(db, upd, err)))
		goto out;
	sqlite3_bind_int64(st, 1, seq);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	lup_done(st);
	if (rc == 0 && (st = lup_stmt(db, peer, err))) {
		sqlite3_bind_text(st, 1, dev, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, seq);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		lup_done(st);
	} else {
		rc = -1;
	}
	if (rc < 0) {
		lup_sqlerr(db, err, _("writing the change log"));
	} else {
		/* noted for undo; dropped again if the transaction rolls back */
		int max = (int)(sizeof db->logged / sizeof db->logged[0]);
		if (db->nlogged == max)
			memmove(db->logged, db->logged + 1, (size_t)(max - 1) * sizeof db->logged[0]);
		else
			db->nlogged++;
		db->logged[db->nlogged - 1] = seq;
	}
out:
	free(deps);
	lup_vv_clear(&vv);
	return rc;
}

int lup_sync_capture_commit(lup_db *db, lup_err *err)
{
	sqlite3_session *s = db->capture;
	struct sync_touch touch = { 0 };
	void *cs = NULL;
	int n = 0, rc = -1, erase = db->erase;
	long long hlc;

	if (!s)
		return 0;
	db->erase = 0;
	if (sqlite3session_isempty(s)) {
		lup_sync_capture_abort(db);
		return 0;
	}
	if (sqlite3session_changeset(s, &n, &cs) != SQLITE_OK) {
		lup_sqlerr(db, err, _("recording the change"));
		goto out;
	}
	if (n == 0) {
		rc = 0;
		goto out;
	}
	if ((hlc = lup_sync_tick(db, err)) < 0)
		goto out;
	/* The table rules; their writes join the change. */
	if (lup_touch_changeset(db, cs, n, &touch, err) < 0)
		goto out;
	{
		long long before = sqlite3_total_changes64(db->h);
		if (lup_sync_rules(db, &touch, hlc, NULL, err) < 0)
			goto out;
		if (sqlite3_total_changes64(db->h) != before) {
			sqlite3_free(cs);
			cs = NULL;
			if (sqlite3session_changeset(s, &n, &cs) != SQLITE_OK) {
				lup_sqlerr(db, err, _("recording the change"));
				goto out;
			}
		}
	}
	if (erase) {
		/* Keys only: the erased person's data travels nowhere.  What
		 * the erase did here stays as its effect until the log is
		 * cleared of those rows and applied again (sync_apply.c). */
		void *ps = NULL;
		int nps = 0;
		if (sqlite3session_patchset(s, &nps, &ps) != SQLITE_OK) {
			lup_sqlerr(db, err, _("recording the change"));
			goto out;
		}
		rc = log_append(db, hlc, ps, nps, cs, n, SYNC_F_ERASE, err);
		sqlite3session_delete(s);
		db->capture = NULL;
		if (rc == 0)
			rc = lup_sync_erase_rows(db, ps, nps, cs, n, err);
		sqlite3_free(ps);
		if (rc < 0)
			goto out;
	} else {
		if (log_append(db, hlc, cs, n, NULL, 0, 0, err) < 0)
			goto out;
	}
	rc = 0;
out:
	lup_touch_clear(&touch);
	sqlite3_free(cs);
	lup_sync_capture_abort(db);
	return rc;
}

int lup_sync_capture_flush(lup_db *db, lup_err *err)
{
	if (!db->capture || db->erase || db->txdepth != 1 ||
	    sqlite3session_changeset_size(db->capture) < LUP_CAPTURE_FLUSH)
		return 0;
	if (lup_sync_capture_commit(db, err) < 0)
		return -1;
	lup_sync_capture_begin(db);
	return 0;
}

/* ---- What a change touched ---- */

/* Appended as they come (a row repeated at once is skipped); a bulk
 * import touches 50,000 people, so the sets are sorted and made unique
 * once, before the rules (lup_touch_unique), not searched at each add. */
int lup_touch_add(char (**v)[37], int *n, size_t *cap, const char *id)
{
	if (!id || (*n && strcmp((*v)[*n - 1], id) == 0))
		return 0;
	if (lup_grow(v, cap, (size_t)*n + 1, sizeof **v) < 0)
		return -1;
	snprintf((*v)[(*n)++], 37, "%s", id);
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void unique(char (*v)[37], int *n)
{
	int k = 0;
	if (*n < 2)
		return;
	qsort(v, (size_t)*n, sizeof *v, cmp_id);
	for (int i = 1; i < *n; i++)
		if (strcmp(v[i], v[k]) != 0 && ++k != i)
			memcpy(v[k], v[i], sizeof *v);
	*n = k + 1;
}

void lup_touch_unique(struct sync_touch *t)
{
	unique(t->cohort, &t->ncohort);
	unique(t->seated, &t->nseated);
	unique(t->person, &t->nperson);
	unique(t->host, &t->nhost);
	unique(t->placement, &t->nplacement);
	unique(t->due, &t->ndue);
}

void lup_touch_clear(struct sync_touch *t)
{
	free(t->cohort);
	free(t->seated);
	free(t->person);
	free(t->host);
	free(t->placement);
	free(t->due);
	memset(t, 0, sizeof *t);
}

static const char *value_text(sqlite3_value *v)
{
	return v && sqlite3_value_type(v) == SQLITE_TEXT ? (const char *)sqlite3_value_text(v) : NULL;
}

/* The cohort of an enrolment: from the change, else from the row. */
static int enrolment_cohort(lup_db *db, sqlite3_changeset_iter *it, int op, int col,
                            struct sync_touch *t, lup_err *err)
{
	static const char sql[] = "SELECT cohort_id FROM enrolment WHERE id = ?1";
	sqlite3_value *v = NULL, *id = NULL;
	if (op == SQLITE_INSERT)
		sqlite3changeset_new(it, col, &v);
	else
		sqlite3changeset_old(it, col, &v);
	if (value_text(v))
		return lup_touch_add(&t->cohort, &t->ncohort, &t->capcohort, value_text(v));
	if (op == SQLITE_INSERT)
		sqlite3changeset_new(it, 0, &id);
	else
		sqlite3changeset_old(it, 0, &id);
	if (value_text(id)) {
		sqlite3_stmt *st = lup_stmt(db, sql, err);
		int r = 0;
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, value_text(id), -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			r = lup_touch_add(&t->cohort, &t->ncohort, &t->capcohort,
			                  (const char *)sqlite3_column_text(st, 0));
		lup_done(st);
		return r;
	}
	return 0;
}

/* The people whose Due-list entry a check-in's change may move: the
 * person before and after, and for an update that left person_id alone
 * the one it has now. */
static int checkin_people(lup_db *db, sqlite3_changeset_iter *it, int op, int pc, const char *id,
                          struct sync_touch *t, lup_err *err)
{
	sqlite3_value *v = NULL;
	int rc = 0;

	if (pc < 0)
		return 0;
	if (op != SQLITE_INSERT && sqlite3changeset_old(it, pc, &v) == SQLITE_OK && value_text(v))
		rc = lup_touch_add(&t->due, &t->ndue, &t->capdue, value_text(v));
	v = NULL;
	if (rc == 0 && op != SQLITE_DELETE && sqlite3changeset_new(it, pc, &v) == SQLITE_OK && value_text(v))
		rc = lup_touch_add(&t->due, &t->ndue, &t->capdue, value_text(v));
	if (rc == 0 && op == SQLITE_UPDATE && id) {
		sqlite3_stmt *st = lup_stmt(db, "SELECT person_id FROM checkin WHERE id = ?1", err);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			rc = lup_touch_add(&t->due, &t->ndue, &t->capdue, (const char *)sqlite3_column_text(st, 0));
		lup_done(st);
	}
	return rc;
}

int lup_touch_changeset(lup_db *db, const void *cs, int n, struct sync_touch *t, lup_err *err)
{
	const struct sync_meta *m = lup_sync_meta(db, err);
	sqlite3_changeset_iter *it;
	int rc = 0;

	if (!m)
		return -1;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK)
		return lup_err_set(err, LUP_EFAIL, _("a change cannot be read"));
	while (rc == 0 && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, ind, ti;
		sqlite3_value *id = NULL, *v = NULL;
		const struct sync_table *tb;

		sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
		if ((ti = lup_sync_table_index(tab)) < 0)
			continue;
		tb = &m->t[ti];
		if (op == SQLITE_DELETE)
			sqlite3changeset_old(it, 0, &id);
		else if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, 0, &id);
		else
			sqlite3changeset_old(it, 0, &id);
		if (strcmp(tab, "enrolment") == 0) {
			int cc = lup_sync_col_index(tb, "cohort_id"), sc = tb->status;
			if (cc >= 0)
				rc = enrolment_cohort(db, it, op, cc, t, err);
			if (rc == 0 && op != SQLITE_DELETE && sc >= 0 && sc < ncol &&
			    sqlite3changeset_new(it, sc, &v) == SQLITE_OK && value_text(v) &&
			    strcmp(value_text(v), "enrolled") == 0)
				rc = lup_touch_add(&t->seated, &t->nseated, &t->capseated, value_text(id));
		} else if (strcmp(tab, "cohort") == 0 && op == SQLITE_UPDATE) {
			rc = lup_touch_add(&t->cohort, &t->ncohort, &t->capcohort, value_text(id));
		} else if (strcmp(tab, "person") == 0 && op != SQLITE_DELETE) {
			rc = lup_touch_add(&t->person, &t->nperson, &t->capperson, value_text(id));
		} else if (strcmp(tab, "checkin") == 0) {
			rc = checkin_people(db, it, op, lup_sync_col_index(tb, "person_id"), value_text(id), t, err);
		}
		if (rc == 0 && strcmp(tab, "person") == 0)
			rc = lup_touch_add(&t->due, &t->ndue, &t->capdue, value_text(id));
		else if (strcmp(tab, "host_org") == 0 && op != SQLITE_DELETE) {
			rc = lup_touch_add(&t->host, &t->nhost, &t->caphost, value_text(id));
		} else if (strcmp(tab, "placement") == 0 && op != SQLITE_DELETE) {
			rc = lup_touch_add(&t->placement, &t->nplacement, &t->capplacement, value_text(id));
		}
		if (rc < 0 && !err->msg[0])
			lup_err_oom(err);
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK && rc == 0)
		rc = lup_err_set(err, LUP_EFAIL, _("a change cannot be read"));
	return rc;
}

int lup_sync_due_redo(lup_db *db, const void *cs, int n, lup_err *err)
{
	struct sync_touch t;
	int rc = 0;

	memset(&t, 0, sizeof t);
	if (lup_touch_changeset(db, cs, n, &t, err) < 0)
		rc = -1;
	lup_touch_unique(&t);
	for (int i = 0; rc == 0 && i < t.ndue; i++)
		rc = lup_person_due_redo(db, t.due[i], err);
	lup_touch_clear(&t);
	return rc;
}

/* ---- The table rules ---- */

static int exec_bind(lup_db *db, const char *sql, const char *a, const char *b, const char *c,
                     lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	if (!st)
		return -1;
	lup_bind_text(st, 1, a);
	lup_bind_text(st, 2, b);
	lup_bind_text(st, 3, c);
	if (sqlite3_step(st) != SQLITE_DONE) {
		lup_done(st);
		return lup_sqlerr(db, err, _("merging"));
	}
	lup_done(st);
	return sqlite3_changes(db->h);
}

static int is_seated_here(const struct sync_touch *t, const char *id)
{
	return t->nseated && bsearch(id, t->seated, (size_t)t->nseated, sizeof *t->seated, cmp_id) != NULL;
}

/* Seats this change took beyond capacity go back to the waitlist, the
 * latest request first; someone with attendance marks keeps the seat. */
static int seats_over(lup_db *db, const char *cohort, struct sync_touch *t, const char *now,
                      struct sync_fold *fold, lup_err *err)
{
	static const char over[] =
		"SELECT (SELECT count(*) FROM enrolment WHERE cohort_id = ?1 AND status IN ('enrolled', 'completed')) "
		"- capacity FROM cohort WHERE id = ?1";
	static const char cand[] =
		"SELECT e.id FROM enrolment e WHERE e.cohort_id = ?1 AND e.status = 'enrolled' "
		"AND NOT EXISTS (SELECT 1 FROM attendance a JOIN session s ON s.id = a.session_id "
		"  WHERE a.person_id = e.person_id AND s.cohort_id = e.cohort_id) "
		"ORDER BY e.requested_at DESC, e.id DESC";
	static const char bump[] =
		"UPDATE enrolment SET status = 'waitlisted', waitlist_pos = 1000000, enrolled_on = NULL, "
		"updated_at = ?2 WHERE id = ?1";
	sqlite3_stmt *st = lup_stmt(db, over, err);
	char (*ids)[37] = NULL;
	int n = 0, excess, rc = 0;
	size_t cap = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_TRANSIENT);
	excess = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	lup_done(st);
	if (excess <= 0)
		return 0;
	if (!(st = lup_stmt(db, cand, err)))
		return -1;
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW && n < excess) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		if (is_seated_here(t, id) && lup_touch_add(&ids, &n, &cap, id) < 0) {
			lup_done(st);
			free(ids);
			return lup_err_oom(err);
		}
	}
	lup_done(st);
	for (int i = 0; i < n && rc == 0; i++) {
		if (exec_bind(db, bump, ids[i], now, NULL, err) < 0)
			rc = -1;
		else if (fold) {
			/* kept: the waitlist; set aside: the seat. */
			lup_val k = lup_val_text("waitlisted"), l = lup_val_text("enrolled");
			rc = lup_fold_record(fold, lup_sync_table_index("enrolment"), ids[i], "status",
			                     "note", "seat", 0, &k, &l);
		}
	}
	free(ids);
	return rc;
}

/* Derived text worked out again: a person's search text and sort keys, a
 * host's, and the placements' copies of them; after a change applied from
 * elsewhere (triggers off), the Due list's entries of the people it
 * touched (a change made here has its triggers keep them). */
static int derive(lup_db *db, struct sync_touch *t, int applied, lup_err *err)
{
	static const char by_person[] =
		"UPDATE placement SET search = " LUP_PLACEMENT_SEARCH("placement.person_id", "placement.host_id")
		" WHERE person_id = ?1 AND search IS NOT " LUP_PLACEMENT_SEARCH("placement.person_id", "placement.host_id");
	static const char by_host[] =
		"UPDATE placement SET search = " LUP_PLACEMENT_SEARCH("placement.person_id", "placement.host_id")
		" WHERE host_id = ?1 AND search IS NOT " LUP_PLACEMENT_SEARCH("placement.person_id", "placement.host_id");
	static const char by_id[] =
		"UPDATE placement SET search = " LUP_PLACEMENT_SEARCH("placement.person_id", "placement.host_id")
		" WHERE id = ?1 AND search IS NOT " LUP_PLACEMENT_SEARCH("placement.person_id", "placement.host_id");
	for (int i = 0; i < t->nperson; i++)
		if (lup_p_person_derive(db, t->person[i], err) < 0 ||
		    exec_bind(db, by_person, t->person[i], NULL, NULL, err) < 0)
			return -1;
	for (int i = 0; i < t->nhost; i++)
		if (lup_p_host_derive(db, t->host[i], err) < 0 ||
		    exec_bind(db, by_host, t->host[i], NULL, NULL, err) < 0)
			return -1;
	for (int i = 0; i < t->nplacement; i++)
		if (exec_bind(db, by_id, t->placement[i], NULL, NULL, err) < 0)
			return -1;
	for (int i = 0; applied && i < t->ndue; i++)
		if (lup_person_due_redo(db, t->due[i], err) < 0)
			return -1;
	return 0;
}

int lup_sync_rules(lup_db *db, struct sync_touch *t, long long hlc,
                   struct sync_fold *fold, lup_err *err)
{
	static const char check[] =
		"SELECT count(*), coalesce(max(waitlist_pos), 0), count(DISTINCT waitlist_pos) "
		"FROM enrolment WHERE cohort_id = ?1 AND status = 'waitlisted'";
	static const char renumber[] =
		"UPDATE enrolment SET waitlist_pos = (SELECT count(*) FROM enrolment w "
		"WHERE w.cohort_id = enrolment.cohort_id AND w.status = 'waitlisted' "
		"AND (w.requested_at, w.id) <= (enrolment.requested_at, enrolment.id)), updated_at = ?2 "
		"WHERE cohort_id = ?1 AND status = 'waitlisted'";
	static const char close_up[] =
		"UPDATE enrolment SET waitlist_pos = waitlist_pos - 1, updated_at = ?2 "
		"WHERE cohort_id = ?1 AND status = 'waitlisted'";
	char now[21], day[11];

	lup_touch_unique(t);
	lup_sync_hlc_iso(hlc, now);
	snprintf(day, sizeof day, "%.10s", now);
	for (int i = 0; i < t->ncohort; i++) {
		const char *c = t->cohort[i];
		sqlite3_stmt *st;
		long v[3];
		int rc;

		if (seats_over(db, c, t, now, fold, err) < 0)
			return -1;
		if (!(st = lup_stmt(db, check, err)))
			return -1;
		sqlite3_bind_text(st, 1, c, -1, SQLITE_TRANSIENT);
		/* the waiting list's places: count, highest, distinct */
		if (lup_count_row(db, st, v, 3, _("merging enrolments"), err) < 0)
			return -1;
		if ((v[1] != v[0] || v[2] != v[0]) && exec_bind(db, renumber, c, now, NULL, err) < 0)
			return -1;
		while ((rc = exec_bind(db, lup_p_sql_promote, c, now, day, err)) > 0)
			if (exec_bind(db, close_up, c, now, NULL, err) < 0)
				return -1;
		if (rc < 0)
			return -1;
	}
	return derive(db, t, fold != NULL, err);
}

/* ---- Who we are, and lup sync init ---- */

int lup_sync_self_get(lup_db *db, struct lup_sync_self *out, lup_err *err)
{
	static const char sql[] =
		"SELECT coalesce(device, ''), name, coalesce(team, ''), base, seq, hlc, "
		"(SELECT count(*) FROM sync_log), (SELECT coalesce(sum(length(cs)), 0) FROM sync_log) FROM sync_self";
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	if (lup_db_user_version(db) < 3)
		return lup_err_set(err, LUP_EVERSION, _("this database predates merging laptops"));
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("reading the change log"));
	}
	lup_col_copy(st, 0, out->device, sizeof out->device);
	lup_col_copy(st, 1, out->name, sizeof out->name);
	lup_col_copy(st, 2, out->team, sizeof out->team);
	lup_col_copy(st, 3, out->base, sizeof out->base);
	out->seq = sqlite3_column_int64(st, 4);
	out->hlc = sqlite3_column_int64(st, 5);
	out->log = sqlite3_column_int64(st, 6);
	out->log_bytes = sqlite3_column_int64(st, 7);
	out->renewed = db->renewed;
	lup_done(st);
	return 0;
}

int lup_sync_init(lup_db *db, const lup_sync_key *key, const char *name, int force,
                  int renew, lup_err *err)
{
	static const char team_sql[] = "SELECT coalesce(team, '') FROM sync_self";
	static const char set[] =
		"UPDATE sync_self SET team = ?1, name = coalesce(?2, CASE WHEN name = '' THEN ?3 ELSE name END)";
	static const char peer[] =
		"UPDATE sync_peer SET name = (SELECT name FROM sync_self) WHERE device = (SELECT device FROM sync_self)";
	char team[17] = "", host[128];
	sqlite3_stmt *st;

	if (name && (strlen(name) == 0 || strlen(name) > 100))
		return lup_err_field(err, "name", _("a laptop's name has 1 to 100 characters"));
	db->nocapture++;
	if (lup_db_begin(db, err) < 0) {
		db->nocapture--;
		return -1;
	}
	if (!(st = lup_stmt(db, team_sql, err)))
		goto fail;
	if (sqlite3_step(st) == SQLITE_ROW)
		lup_col_copy(st, 0, team, sizeof team);
	lup_done(st);
	if (team[0] && strcmp(team, key->id) != 0 && !force) {
		lup_err_set(err, LUP_ECONFLICT,
			_("this database belongs to team %s, and the key %s is of team %s; "
			  "use that team's key (or --force to move the database to this team)"),
			team, key->path, key->id);
		goto fail;
	}
	if (renew) {
		char tag[33];
		file_tag(lup_db_path(db), tag);
		if (new_identity(db, tag, err) < 0)
			goto fail;
		db->renewed = 1;
	}
	host_name(host, sizeof host);
	if (!(st = lup_stmt(db, set, err)))
		goto fail;
	sqlite3_bind_text(st, 1, key->id, -1, SQLITE_TRANSIENT);
	lup_bind_text(st, 2, name);
	sqlite3_bind_text(st, 3, host, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE) {
		lup_done(st);
		lup_sqlerr(db, err, _("setting up merging"));
		goto fail;
	}
	lup_done(st);
	if (!(st = lup_stmt(db, peer, err)))
		goto fail;
	sqlite3_step(st);
	lup_done(st);
	if (lup_db_commit(db, err) < 0) {
		db->nocapture--;
		return -1;
	}
	db->nocapture--;
	return 0;
fail:
	lup_db_rollback(db);
	db->nocapture--;
	return -1;
}

/* ---- Status and hash ---- */

int lup_sync_status(lup_db *db, struct lup_sync_peer **peers, int *n, long *held,
                    long *conflicts, lup_err *err)
{
	static const char sql[] =
		"SELECT p.device, p.name, p.applied, p.acks, p.heard_hlc, "
		"(SELECT count(*) FROM sync_log l WHERE l.device = p.device AND l.held = 1) "
		"FROM sync_peer p WHERE p.device <> (SELECT device FROM sync_self) ORDER BY p.name, p.device";
	static const char held_sql[] = "SELECT count(*) FROM sync_log WHERE held = 1";
	struct lup_sync_peer *v = NULL;
	struct sync_vv mine = { 0 };
	char self[37];
	sqlite3_stmt *st;
	int k = 0, rc;
	size_t cap = 0;

	*peers = NULL;
	*n = 0;
	if (lup_sync_device(db, self, err) < 0 || lup_vv_applied(db, &mine, err) < 0)
		return -1;
	if (!(st = lup_stmt(db, sql, err))) {
		lup_vv_clear(&mine);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lup_sync_peer *p;
		struct sync_vv acks = { 0 };
		if (!(p = LUP_PUSH(v, k, cap))) {
			lup_done(st);
			free(v);
			lup_vv_clear(&mine);
			return lup_err_oom(err);
		}
		lup_col_copy(st, 0, p->device, sizeof p->device);
		lup_col_copy(st, 1, p->name, sizeof p->name);
		p->applied = sqlite3_column_int64(st, 2);
		lup_vv_decode(sqlite3_column_blob(st, 3), (size_t)sqlite3_column_bytes(st, 3), &acks);
		p->acked = lup_vv_get(&acks, self);
		p->has_all = acks.n > 0;
		for (int i = 0; i < mine.n && p->has_all; i++)
			if (lup_vv_get(&acks, mine.v[i].device) < mine.v[i].seq)
				p->has_all = 0;
		lup_vv_clear(&acks);
		p->heard_hlc = sqlite3_column_int64(st, 4);
		p->held = sqlite3_column_int(st, 5);
	}
	lup_done(st);
	lup_vv_clear(&mine);
	if (rc != SQLITE_DONE) {
		free(v);
		return lup_sqlerr(db, err, _("reading the change log"));
	}
	*peers = v;
	*n = k;
	if (held) {
		if (!(st = lup_stmt(db, held_sql, err)))
			return -1;
		*held = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
		lup_done(st);
	}
	if (conflicts && (*conflicts = lup_conflict_count(db, err)) < 0)
		return -1;
	return 0;
}

int lup_sync_hash(lup_db *db, char out[65], lup_err *err)
{
	const struct sync_meta *m = lup_sync_meta(db, err);
	lup_sha256 s;

	if (!m)
		return -1;
	lup_sha256_init(&s);
	for (int i = 0; i < SYNC_NTABLES; i++) {
		const struct sync_table *t = &m->t[i];
		lup_buf sql = { 0 };
		sqlite3_stmt *st;
		int rc;

		lup_buf_printf(&sql, "SELECT * FROM \"%s\" ORDER BY id", t->name);
		if (!sql.s || sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL) != SQLITE_OK) {
			lup_buf_clear(&sql);
			return lup_sqlerr(db, err, _("hashing"));
		}
		lup_buf_clear(&sql);
		lup_sha256_add(&s, t->name, strlen(t->name) + 1);
		/* Each value: its type, then its bytes (a number as text, so an
		 * integer and the same real are told apart by type alone). */
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				unsigned char head[5];
				int type = sqlite3_column_type(st, c), n;
				const void *p = NULL;
				char num[32];
				if (type == SQLITE_INTEGER) {
					n = snprintf(num, sizeof num, "%lld", sqlite3_column_int64(st, c));
					p = num;
				} else if (type == SQLITE_FLOAT) {
					n = snprintf(num, sizeof num, "%.17g", sqlite3_column_double(st, c));
					p = num;
				} else if (type == SQLITE_TEXT) {
					p = sqlite3_column_text(st, c);
					n = sqlite3_column_bytes(st, c);
				} else if (type == SQLITE_BLOB) {
					p = sqlite3_column_blob(st, c);
					n = sqlite3_column_bytes(st, c);
				} else {
					n = 0;
				}
				head[0] = (unsigned char)type;
				lup_put_u32(head + 1, (uint32_t)n);
				lup_sha256_add(&s, head, sizeof head);
				if (n)
					lup_sha256_add(&s, p, (size_t)n);
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return lup_sqlerr(db, err, _("hashing"));
	}
	lup_sha256_hex(&s, out);
	return 0;
}
