/* internal.h — what the core modules share and the rest of lup never sees. */
#ifndef LUP_CORE_INTERNAL_H
#define LUP_CORE_INTERNAL_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include "lup/db.h"
#include "lup/err.h"
#include "lup/i18n.h"
#include "lup/merge.h"
#include "lup/util.h"

struct lup_migration {
	int version;
	const char *const *steps;   /* NULL-terminated SQL statements */
};
extern const struct lup_migration lup_migrations[];

/* Delete the row whose id is ?1 of sql, in its own transaction (nested in
 * the caller's if any): what names the failure, missing is the message
 * when no row has that id (LUP_ENOTFOUND). */
int lup_delete_by_id(lup_db *db, const char *sql, const char *id, const char *what,
                     const char *missing, lup_err *err);

/* A placement's search text (schema 2): its person's and its host's
 * folded search text, a newline between; the SQL expression for the
 * placement whose person and host ids are the expressions pid and hid.
 * Migration 2 stores it in triggers: a change to it needs a new migration
 * that makes them again. */
#define LUP_PLACEMENT_SEARCH(pid, hid) \
	"coalesce((SELECT search FROM person WHERE id = " pid "), '') || char(10) || " \
	"coalesce((SELECT search FROM host_org WHERE id = " hid "), '')"

/* The day of a person's latest check-in that counts (final, and not
 * replaced by a final correction), NULL when none: the SQL expression for
 * the person whose id is the expression pid.  Migration 7 stores it in
 * person_due through triggers: a change to it needs a new migration that
 * makes them again. */
#define LUP_DUE_LAST(pid) \
	"(SELECT max(k.date) FROM checkin k WHERE k.person_id = " pid " AND k.status = 'final' " \
	"AND NOT EXISTS (SELECT 1 FROM checkin s WHERE s.supersedes_id = k.id AND s.status = 'final'))"

/* Make person_due (schema 7) again for everyone, in one pass: after a
 * load of many people with its triggers set aside (import.c). */
int lup_person_due_fill(lup_db *db, lup_err *err);
/* ... and one person's entry (gone when the person is): after a merge,
 * which writes with triggers off (sync.c). */
int lup_person_due_redo(lup_db *db, const char *person_id, lup_err *err);


/* Name-based ids of rows with a natural key: the same fact entered on two
 * laptops is one row (crypto.c).  A target's: its revision, the
 * competence's identity, the role's key (lup_sortkey) or the person, and
 * the moment it came into force. */
void lup_id_attendance(char out[LUP_UUID_LEN + 1], const char *session_id, const char *person_id);
void lup_id_enrolment(char out[LUP_UUID_LEN + 1], const char *cohort_id, const char *person_id);
void lup_id_rating(char out[LUP_UUID_LEN + 1], const char *checkin_id, const char *competence_id);
void lup_id_target(char out[LUP_UUID_LEN + 1], const char *framework_id, const char *identity,
                   const char *role_key, const char *person_id, const char *valid_from);

/* Derived text worked out again from a row (after a merge): a person's
 * search text and sort keys (people.c), a host's (host.c).  1 when
 * written, 0 when already right or the row is gone, -1 on failure. */
int lup_p_person_derive(lup_db *db, const char *id, lup_err *err);
int lup_p_host_derive(lup_db *db, const char *id, lup_err *err);
extern const char lup_p_sql_promote[];   /* ?1 cohort, ?2 now, ?3 today */

#define LUP_STMT_CACHE 512   /* the programme modules alone prepare about 85, merging 150 */

struct lup_db {
	sqlite3 *h;
	char *path;
	int txdepth;
	/* background quick_check: 0 none, 1 running, 2 sound, 3 damaged,
	 * 4 interrupted by lup_db_close */
	atomic_int verify;
	pthread_t verify_thread;
	pthread_mutex_t verify_lock;  /* guards verify_h */
	sqlite3 *verify_h;            /* the check's connection, to interrupt it */
	char verify_msg[256];   /* nested lup_db_begin: savepoints inside one transaction */
	struct { const char *sql; sqlite3_stmt *st; } cache[LUP_STMT_CACHE];
	/* The change log (sync.c): the session recording the transaction
	 * under way, whether this connection records at all (schema 3 on,
	 * writable), nocapture > 0 while applying others' changes, erase when
	 * the transaction erases rows for privacy, and the synced tables'
	 * columns and rules. */
	struct sqlite3_session *capture;
	int sync_ready, nocapture, erase, renewed;
	struct sync_meta *sync_meta;
};

/* Turn the connection's last error into err; returns -1. */
int lup_sqlerr(lup_db *db, lup_err *err, const char *what);
/* Register lup's SQL functions (sqlfn.c) on a connection: lup_sortkey(t),
 * lup_cohort_status(override, first, last, has_sessions, today), and for
 * merging laptops lup_uuid_name(kind, part…) and lup_name_hash(t). */
int lup_sql_functions(sqlite3 *h);
/* Run SQL without results. */
int lup_exec(lup_db *db, const char *sql, lup_err *err);
/* A prepared statement for a static SQL string, cached by its address:
 * call lup_done() (reset and clear bindings) when finished with it. */
sqlite3_stmt *lup_stmt(lup_db *db, const char *sql, lup_err *err);
void lup_done(sqlite3_stmt *st);

/* Binding helpers: NULL or empty text binds NULL. */
int lup_bind_text(sqlite3_stmt *st, int i, const char *s);
/* A column as a malloc'd string (NULL for SQL NULL). */
char *lup_col_dup(sqlite3_stmt *st, int i);
/* Copy a column into a fixed buffer (empty for NULL). */
void lup_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n);

/* Resolve a reference (a unique id prefix of 6+ characters) in table to a
 * full id.  table is one of lup's fixed table names. */
int lup_resolve_id(lup_db *db, const char *table, const char *ref,
                   char out[LUP_UUID_LEN + 1], lup_err *err);

/* ---- Saving an edit: the stored row merged with it (merge_row.c) ----
 *
 * A table's merged columns are described once, next to the code that
 * saves them: where the value sits in the module's struct and how a
 * person reads it.  Columns a screen never edits (ids, timestamps, a
 * status moved only by its own function) are left out. */
enum lup_col_kind {
	LUP_COL_STR,     /* char *, NULL when empty */
	LUP_COL_BUF,     /* char[size], "" when empty */
	LUP_COL_INT,     /* int */
	LUP_COL_LONG,    /* long */
	LUP_COL_BOOL,    /* int, 0 or not */
	LUP_COL_REAL,    /* double */
	LUP_COL_FN       /* text() and copy() below */
};

struct lup_col {
	const char *field;           /* as in err->field and the forms */
	const char *label;           /* N_(): what a person calls it */
	enum lup_col_kind kind;
	size_t off, size;            /* in the struct; size for LUP_COL_BUF */
	/* How a person reads a stored value (NULL: as it is): a keyword's
	 * label, or a name looked up by id (ref_sql: one column, ?1 the id). */
	const char *(*label_of)(const char *value);
	const char *ref_sql;
	void (*show)(const char *value, char *buf, size_t n);
	/* LUP_COL_FN: the value as comparable text (malloc'd, NULL for empty;
	 * *oom set when memory ran out), and taking it from another row. */
	char *(*text)(const void *row, int *oom);
	int (*copy)(void *dst, const void *src);
};
#define LUP_COL(type, member, kind_, field_, label_) \
	.field = (field_), .label = (label_), .kind = LUP_COL_##kind_, \
	.off = offsetof(type, member), .size = sizeof(((type *)0)->member)

struct lup_table {
	const struct lup_col *cols;
	size_t ncols, size;          /* size: of the struct */
	int (*get)(lup_db *db, const char *id, void *out, lup_err *err);
	void (*clear)(void *row);
	/* LUP_EGONE with a message naming the record the screen loaded. */
	void (*gone)(lup_db *db, const void *seen, lup_err *err);
};

/* Inside the caller's transaction: read the row id as stored now (t->get)
 * and merge seen (as the screen loaded it), mine (the edit) and it with
 * lup_merge3; mine receives the merge.  0: save mine now.  -1: nothing
 * may be written; err says why (LUP_EGONE, LUP_ECHANGED, a failure) and mr
 * (may be NULL) what was found, keeping the answers it held. */
int lup_merge_stored(lup_db *db, const struct lup_table *t, const char *id, const void *seen,
                     void *mine, struct lup_merge_report *mr, lup_err *err);
/* The row an edit was for is gone: mr (may be NULL) says so, err gets
 * LUP_EGONE and the message.  Returns -1. */
int lup_merge_gone(struct lup_merge_report *mr, lup_err *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same for one value of an in-place edit, as text (NULL or "" for
 * none): *stored_wins is set to 1 when the stored value stays (nothing to
 * write), 0 when mine is to be written. */
int lup_merge_value(lup_db *db, const struct lup_col *col, const char *seen, const char *mine,
                    const char *stored, int *stored_wins, struct lup_merge_report *mr,
                    lup_err *err);

#endif
