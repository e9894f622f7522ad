/* internal.h — what the core modules share and the rest of lup never sees. */
#ifndef LUP_CORE_INTERNAL_H
#define LUP_CORE_INTERNAL_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include "lup/db.h"
#include "lup/err.h"
#include "lup/i18n.h"
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

/* Name-based ids of rows with a natural key: the same fact entered on two
 * laptops is one row (crypto.c).  A target's role counts without regard
 * to case (ASCII), as its unique index does. */
void lup_id_attendance(char out[LUP_UUID_LEN + 1], const char *session_id, const char *person_id);
void lup_id_enrolment(char out[LUP_UUID_LEN + 1], const char *cohort_id, const char *person_id);
void lup_id_rating(char out[LUP_UUID_LEN + 1], const char *checkin_id, const char *competence_id);
void lup_id_target(char out[LUP_UUID_LEN + 1], const char *ident, const char *role,
                   const char *person_id, const char *code);

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

#endif
