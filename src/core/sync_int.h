/* sync_int.h — what sync.c, sync_apply.c, sync_file.c and sync_conflict.c
 * share; the design is described at the top of sync.c. */
#ifndef LUP_CORE_SYNC_INT_H
#define LUP_CORE_SYNC_INT_H

#include <stdint.h>
#include "core/crypto.h"
#include "core/internal.h"
#include "lup/sync.h"

/* How a column merges when both sides changed it (see sync.c). */
enum sync_rule {
	SR_LATER,     /* the later change wins; the other value is listed */
	SR_FIRST,     /* the first change stays; the later value is listed */
	SR_FORWARD,   /* a status moves forward on its lattice; the other is listed */
	SR_FOLLOW,    /* goes with the table's status column; not listed */
	SR_MIN,       /* the smaller, silently (created_at, requested_at) */
	SR_MAX,       /* the larger, silently (updated_at, iCalendar sequence) */
	SR_DERIVED    /* worked out again from the row after the merge */
};

struct sync_fk {
	int col;              /* the referring column */
	int table;            /* the referred table (its id) */
	int nullable;         /* the column may hold NULL */
};

struct sync_table {
	const char *name;
	int ncol;
	char **col;           /* names, in the table's order */
	unsigned char *notnull;
	unsigned char *rule;  /* enum sync_rule */
	int status;           /* the status column, or -1 */
	const char *const *lattice;  /* the status values, lowest first */
	struct sync_fk *fk;
	int nfk;
	int synced;           /* 0 for sync_conflict (worked out, never sent) */
	/* Statements of the table, for lup_stmt (their addresses stay): */
	char *sql_exists;     /* SELECT 1 … WHERE id = ?1 */
	char *sql_refs;       /* SELECT NULL, each referring column … WHERE id = ?1 */
	char *sql_select;     /* SELECT every column … WHERE id = ?1 */
	char *sql_insert;     /* INSERT every column: column c is ?(c+1) */
	char *sql_update;     /* UPDATE every column but id (?1): column c is ?(c+1) */
	char *sql_delete;     /* DELETE … WHERE id = ?1 */
	char **sql_setcol;    /* per column: UPDATE … SET it = ?2 WHERE id = ?1 */
};

/* The synced tables in a fixed order (the hash's), then sync_conflict. */
#define SYNC_NTABLES 21
struct sync_meta {
	struct sync_table t[SYNC_NTABLES];
};
extern const char *const lup_sync_tables[SYNC_NTABLES];
#define SYNC_CONFLICT_TABLE (SYNC_NTABLES - 1)
/* This copy's own bookkeeping, never synced (NULL-ended).  Every table of
 * the schema is in one list or the other: a table a migration adds must
 * be placed (test_sync checks). */
extern const char *const lup_sync_local_tables[];

/* The tables' columns and rules, read from the schema once per
 * connection. */
const struct sync_meta *lup_sync_meta(lup_db *db, lup_err *err);
void lup_sync_meta_free(lup_db *db);
int lup_sync_table_index(const char *name);
int lup_sync_col_index(const struct sync_table *t, const char *name);

/* A version vector: how far each device's changes go. */
struct sync_vv {
	struct sync_vv_item { char device[37]; long long seq; } *v;
	int n;
	size_t cap;
};
void lup_vv_clear(struct sync_vv *vv);
long long lup_vv_get(const struct sync_vv *vv, const char *device);
int lup_vv_set(struct sync_vv *vv, const char *device, long long seq);
/* As bytes: per device its 16 bytes and 8 (big-endian) of sequence. */
int lup_vv_encode(const struct sync_vv *vv, const char *skip, unsigned char **out, size_t *n);
int lup_vv_decode(const unsigned char *b, size_t n, struct sync_vv *vv);
/* How far each device's changes are applied here. */
int lup_vv_applied(lup_db *db, struct sync_vv *vv, lup_err *err);

void lup_put_u64(unsigned char *b, uint64_t v);
uint64_t lup_get_u64(const unsigned char *b);
void lup_put_u32(unsigned char *b, uint32_t v);
uint32_t lup_get_u32(const unsigned char *b);

/* The hybrid logical clock: the next value for a change made here (never
 * below one seen), and a value seen in a change from elsewhere. */
long long lup_sync_tick(lup_db *db, lup_err *err);
int lup_sync_seen(lup_db *db, long long hlc, lup_err *err);
/* Tests may set a clock of their own (milliseconds), for runs that
 * repeat exactly. */
extern long long (*lup_sync_clock)(void);
/* "YYYY-MM-DDTHH:MM:SSZ" of a clock value. */
void lup_sync_hlc_iso(long long hlc, char out[21]);

/* This copy's device id (after lup_sync_ready). */
int lup_sync_device(lup_db *db, char out[37], lup_err *err);

/* What a change touched that the table rules look at again. */
struct sync_touch {
	char (*cohort)[37]; int ncohort; size_t capcohort;
	char (*seated)[37]; int nseated; size_t capseated;   /* enrolments it seated */
	char (*person)[37]; int nperson; size_t capperson;   /* derived text to redo */
	char (*host)[37]; int nhost; size_t caphost;
	char (*placement)[37]; int nplacement; size_t capplacement;
	char (*due)[37]; int ndue; size_t capdue;   /* people whose person_due to redo */
};
void lup_touch_clear(struct sync_touch *t);
int lup_touch_add(char (**v)[37], int *n, size_t *cap, const char *id);
/* Each set sorted, once each (lup_sync_rules does it first). */
void lup_touch_unique(struct sync_touch *t);
/* Collect from a changeset. */
int lup_touch_changeset(lup_db *db, const void *cs, int n, struct sync_touch *t, lup_err *err);
/* The Due list's entries (person_due) of the people a changeset touched,
 * worked out again: after applying it with triggers off. */
int lup_sync_due_redo(lup_db *db, const void *cs, int n, lup_err *err);

/* Conflict records, for the rules (fold is NULL for a change made here,
 * which records nothing). */
struct sync_fold;
/* The table rules run after every change, made here or applied: seats
 * over capacity that this change took (the earliest request keeps the
 * seat), the waitlist's numbers, nobody waiting for a free seat, and the
 * derived text of the rows touched.  hlc is the change's time. */
int lup_sync_rules(lup_db *db, struct sync_touch *t, long long hlc,
                   struct sync_fold *fold, lup_err *err);
/* Record a conflict of the change being applied (sync_apply.c). */
struct lup_val;
int lup_fold_record(struct sync_fold *f, int table, const char *row_id, const char *col,
                    const char *kind, const char *rule, int arrived_won,
                    const struct lup_val *kept, const struct lup_val *lost);

/* The change log (sync.c): begin/commit hooks of lup_db_begin/commit. */
void lup_sync_capture_begin(lup_db *db);
int lup_sync_capture_commit(lup_db *db, lup_err *err);
void lup_sync_capture_abort(lup_db *db);
/* A long write (an import, the demonstration) recorded in several
 * changes of the log instead of one: once what the session recorded
 * would make a change of more than LUP_CAPTURE_FLUSH bytes (the session
 * holds about as much again), it goes to the log as a change
 * of its own (the table rules run on it, as at a commit), and a new
 * session records what follows, all in the same transaction (a rollback
 * takes the changes back with the rows).  Call it only where the rows
 * written so far stand on their own: between people, between cohorts,
 * never halfway through one.  Only at the outermost level of a
 * transaction; 0, or -1 with err set. */
#define LUP_CAPTURE_FLUSH (512u << 10)
int lup_sync_capture_flush(lup_db *db, lup_err *err);
/* After open: set up this copy's identity (a new one for a copied
 * file).  Not for read-only connections. */
int lup_sync_ready(lup_db *db, lup_err *err);
/* SQL function lup_uuid_name(kind, part…), for the migration. */

/* A value as a lup_val (pointing into v). */
void lup_val_from_sqlite(sqlite3_value *v, struct lup_val *out);

/* Rows of a table as JSON text (a whole row, or the columns of mask). */
char *lup_sync_row_json(const struct sync_table *t, sqlite3_value **vals, const unsigned char *mask);

/* The fold (sync_apply.c): add entries to the log and apply what can be. */
struct sync_entry {
	char device[37];
	long long seq, hlc;
	int schema, flags;
	const unsigned char *deps; size_t ndeps;
	const unsigned char *cs; size_t ncs;
};
#define SYNC_F_ERASE 1   /* a patchset erasing rows for privacy */
#define SYNC_F_BASED 2   /* (here only) an erase already put on the base */
int lup_sync_take(lup_db *db, const struct sync_entry *e, size_t n, struct lup_sync_result *r,
                  lup_err *err);
/* Drop the rows erased for privacy from every change in the log and redo
 * what follows the first change that held them. */
int lup_sync_erase_rows(lup_db *db, const void *patchset, int n, const void *full, int nfull,
                        lup_err *err);

/* The files (sync_file.c). */
struct lup_sync_file {
	struct lup_sync_file_info info;
	struct sync_vv acks;          /* what the writer said it had */
	struct sync_entry *e;
	size_t n;
	unsigned char *buf;           /* the file's bytes (entries point into it) */
	size_t len;
};

#endif
