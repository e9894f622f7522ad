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

/* Binds and reads that cannot be lost (sqlguard.c): a bind that fails (no
 * memory for its copy) makes the statement's next step fail with
 * SQLITE_NOMEM instead of running with NULL in the value's place, and a
 * failed bind or value read makes the transaction's commit fail.  Every
 * core module binds, steps and reads through these. */
int lup_sq_bind_text(sqlite3_stmt *st, int i, const char *s, int n, void (*d)(void *));
int lup_sq_bind_blob(sqlite3_stmt *st, int i, const void *p, int n, void (*d)(void *));
int lup_sq_bind_value(sqlite3_stmt *st, int i, const sqlite3_value *v);
int lup_sq_bind_zeroblob(sqlite3_stmt *st, int i, int n);
int lup_sq_step(sqlite3_stmt *st);
/* Value reads that note a failed one (NULL for a value that is not). */
const unsigned char *lup_sq_column_text(sqlite3_stmt *st, int i);
const void *lup_sq_column_blob(sqlite3_stmt *st, int i);
const unsigned char *lup_sq_value_text(sqlite3_value *v);
const void *lup_sq_value_blob(sqlite3_value *v);
/* Whether a bind or a value read failed since lup_sq_oom_reset (which
 * the outermost lup_db_begin calls): the outermost lup_db_commit then
 * rolls back instead, as what was written may lack what was not read. */
void lup_sq_oom_reset(void);
int lup_sq_oom_seen(void);
/* The same for a copy of a value read that found no memory. */
void lup_sq_oom_note(void);
/* A statement handed out again: a failed bind of its last use is forgotten. */
void lup_sq_forget(sqlite3_stmt *st);
/* 1 (once) when the last step failed for a failed bind. */
int lup_sq_failed_bind(void);
/* A change (changeset) that could not be read, rc the session
 * extension's code: out of memory, or "a change cannot be read".  -1. */
int lup_cs_err(int rc, lup_err *err);
#ifndef LUP_SQLGUARD_IMPL
#define sqlite3_bind_text lup_sq_bind_text
#define sqlite3_bind_blob lup_sq_bind_blob
#define sqlite3_bind_value lup_sq_bind_value
#define sqlite3_bind_zeroblob lup_sq_bind_zeroblob
#define sqlite3_step lup_sq_step
#define sqlite3_column_text lup_sq_column_text
#define sqlite3_column_blob lup_sq_column_blob
#define sqlite3_value_text lup_sq_value_text
#define sqlite3_value_blob lup_sq_value_blob
#endif

struct lup_migration {
	int version;
	const char *const *steps;   /* NULL-terminated SQL statements */
};
extern const struct lup_migration lup_migrations[];

/* End the transaction of a write to one row just run: committed when it
 * changed a row, else rolled back and -1 with LUP_ENOTFOUND and the
 * message missing. */
int lup_commit_found(lup_db *db, const char *missing, lup_err *err);
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
	/* The sequence numbers of the changes this connection logged, for
	 * undo (undo.c): the newest LUP_LOGGED_MAX. */
	long long logged[64];
	int nlogged;
};

/* Turn the connection's last error into err; returns -1. */
int lup_sqlerr(lup_db *db, lup_err *err, const char *what);
/* Register lup's SQL functions (sqlfn.c) on a connection: lup_sortkey(t),
 * lup_cohort_status(override, first, last, has_sessions, today), and for
 * merging laptops lup_uuid_name(kind, part…) and lup_name_hash(t); for
 * ranking searches lup_match(text, folded query) (match.h). */
int lup_sql_functions(sqlite3 *h);
/* Run SQL without results. */
int lup_exec(lup_db *db, const char *sql, lup_err *err);
/* A prepared statement for a static SQL string, cached by its address:
 * call lup_done() (reset and clear bindings) when finished with it. */
sqlite3_stmt *lup_stmt(lup_db *db, const char *sql, lup_err *err);
void lup_done(sqlite3_stmt *st);

/* Step st once: SQLITE_ROW or SQLITE_DONE, or -1 with err naming what
 * failed (and st finished). */
int lup_step(lup_db *db, sqlite3_stmt *st, const char *what, lup_err *err);
/* Run a statement that writes to its end and finish it: 0, or -1 with
 * err naming what failed. */
int lup_run(lup_db *db, sqlite3_stmt *st, const char *what, lup_err *err);

/* Binding helpers: NULL or empty text binds NULL. */
int lup_bind_text(sqlite3_stmt *st, int i, const char *s);
/* A column as a malloc'd string (NULL for SQL NULL). */
char *lup_col_dup(sqlite3_stmt *st, int i);
/* Copy a column into a fixed buffer (empty for NULL). */
void lup_col_copy(sqlite3_stmt *st, int i, char *buf, size_t n);
/* The same for text a person wrote, cut (if it must be) at the start of a
 * UTF-8 character (lup_copy_cut); 1 when it was cut. */
int lup_col_cut(sqlite3_stmt *st, int i, char *buf, size_t n);

/* ---- Loading many rows at once (schema.c) ----
 *
 * Indexes are cheaper to build once, sorted, after many rows are in than
 * to grow a row at a time.  lup_bulk_begin drops table's indexes that
 * are not unique (the unique ones stay: a load looks rows up through
 * them), inside the caller's transaction; lup_bulk_end makes them again
 * as they were, before it commits.  A rollback brings them back
 * untouched.  table is one of lup's fixed table names.  A copy of the
 * table that triggers keep (person_due for person, schema 7) is set aside
 * the same way: its indexes and the triggers dropped, and lup_bulk_end
 * fills it again in one pass before it makes them again. */
struct lup_bulk {
	int n;
	char *sql[16];
	char name[16][64];
	int trigger[16];
	int (*fill)(lup_db *db, lup_err *err);
};
int lup_bulk_begin(lup_db *db, const char *table, struct lup_bulk *b, lup_err *err);
int lup_bulk_end(lup_db *db, struct lup_bulk *b, lup_err *err);
void lup_bulk_clear(struct lup_bulk *b);

/* ---- Paging by key (pager.c) ----
 *
 * Lists never load a whole table: a screen holds a window of rows and
 * asks for the next limit rows after its last one, or before its first.
 * Each list has a statement per direction: forward, its order after the
 * key of the row `from` (or from the start); backward, the reverse order
 * before it (or from the end).  The caller prepares and binds it; the
 * pager steps it, reads each row with read (a row of size bytes, zeroed
 * first), finishes the statement and puts rows read backward in the
 * order they are shown.  Returns the count, or -1 with err naming what
 * failed (what: "listing people"). */
int lup_page_rows(lup_db *db, sqlite3_stmt *st, int back, int limit, void *rows, size_t size,
                  void (*read)(sqlite3_stmt *st, void *row), const char *what, lup_err *err);
/* Bind a text key of a list's statement: the value of the row the page
 * starts from, or (value NULL: no row) where the list starts in its
 * direction: "" forward, "~" backward (lup's keys and ids sort between). */
void lup_bind_key(sqlite3_stmt *st, int i, const char *value, int back);
/* Every row of st (prepared and bound; NULL: lup_stmt failed, err says
 * why), each read by read into a new element, zeroed first, of a growable
 * array: rowsp is the address of its pointer (any T **), *n its count,
 * both emptied first; size bytes a row.  Finishes the statement.  0, or
 * -1 with err set (out of memory, or naming what failed), the array freed
 * (for rows that hold only their own bytes). */
int lup_read_all(lup_db *db, sqlite3_stmt *st, void *rowsp, size_t *n, size_t size,
                 void (*read)(sqlite3_stmt *st, void *row), const char *what, lup_err *err);
/* Fetch one: zero row (size bytes), bind id to ?1 of st (the caller binds
 * any other parameter; st NULL: lup_stmt failed, err says why) and read
 * its row with read.  0; -1 with LUP_ENOTFOUND and the message missing
 * when there is none, or with err naming what failed. */
int lup_get_row(lup_db *db, sqlite3_stmt *st, const char *id, void *row, size_t size,
                void (*read)(sqlite3_stmt *st, void *row), const char *what, const char *missing,
                lup_err *err);
/* Prepare sql, bind id to its ?1 and step to its row: the statement on
 * that row, for the caller to read and finish; NULL with LUP_ENOTFOUND
 * and the message missing when there is none, or with err naming what
 * failed (the statement finished). */
sqlite3_stmt *lup_row_by_id(lup_db *db, const char *sql, const char *id, const char *what,
                            const char *missing, lup_err *err);
/* Prepare sql, bind the sort key of text (lup_sortkey, trimmed) to its ?1
 * and step it: SQLITE_ROW with *out on that row (the caller reads and
 * finishes it), SQLITE_DONE (finished), or -1 with err set (out of
 * memory, or what naming what failed). */
int lup_step_key(lup_db *db, const char *sql, const char *text, sqlite3_stmt **out, const char *what,
                 lup_err *err);
/* A one-row query of counts, bound by the caller: column i of its row
 * into out[i] for n columns; finishes the statement.  0, or -1 with err
 * naming what failed. */
int lup_count_row(lup_db *db, sqlite3_stmt *st, long *out, int n, const char *what, lup_err *err);

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
/* The table `name` of a module's struct `type`: its columns (an array),
 * its own get and clear (which take a type *: the macro makes the void *
 * adapters struct lup_table calls) and its gone. */
#define LUP_TABLE(name, type, cols, get, clear, gone) \
	static int name##_get(lup_db *db_, const char *id_, void *out_, lup_err *err_) \
	{ \
		return get(db_, id_, (type *)out_, err_); \
	} \
	static void name##_clear(void *row_) \
	{ \
		clear((type *)row_); \
	} \
	static const struct lup_table name = { \
		cols, sizeof cols / sizeof cols[0], sizeof(type), name##_get, name##_clear, gone \
	}

/* Inside the caller's transaction: read the row id as stored now (t->get)
 * and merge seen (as the screen loaded it), mine (the edit) and it with
 * lup_merge3; mine receives the merge.  0: save mine now.  -1: nothing
 * may be written; err says why (LUP_EGONE, LUP_ECHANGED, a failure) and mr
 * (may be NULL) what was found, keeping the answers it held. */
int lup_merge_stored(lup_db *db, const struct lup_table *t, const char *id, const void *seen,
                     void *mine, struct lup_merge_report *mr, lup_err *err);
/* Save an edit in one transaction: merge it with the row as stored
 * (lup_merge_stored on t, the row id), then write (an expression, the
 * module's save of mine: 0 or -1) and commit.  0, or -1 with nothing
 * written. */
#define LUP_MERGE_SAVE(db, t, id, seen, mine, mr, err, write) \
	(lup_db_begin((db), (err)) < 0 ? -1 \
	 : lup_merge_stored((db), (t), (id), (seen), (mine), (mr), (err)) < 0 || (write) < 0 || \
	   lup_db_commit((db), (err)) < 0 ? (lup_db_rollback(db), -1) : 0)
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
