/* db.h — the lup database: opening, migrations, transactions, checks. */
#ifndef LUP_DB_H
#define LUP_DB_H

#include <stddef.h>
#include "lup/err.h"

typedef struct lup_db lup_db;

#define LUP_APPLICATION_ID 0x4c555031  /* "LUP1" */

enum lup_db_flags {
	LUP_DB_CREATE   = 1 << 0,  /* create the file (and its folder) if missing */
	LUP_DB_READONLY = 1 << 1,  /* open read-only; no migration */
	LUP_DB_NOCHECK  = 1 << 2   /* never run quick_check at open (lup check runs more) */
};

/* Open (and if needed create and migrate) the database at path.  A database
 * from a newer lup, a file that is not a lup database, a damaged file, a
 * locked one: each fails with its own code and a one-line message, and
 * leaves the file untouched.  Without LUP_DB_NOCHECK the whole file is
 * checked (quick_check) only when the last program that had it open ended
 * without closing it (SQLite recovered its log on opening) or when it is
 * about to be upgraded; a damaged page met later fails as LUP_ECORRUPT. */
int lup_db_open(const char *path, int flags, lup_db **out, lup_err *err);
void lup_db_close(lup_db *db);
const char *lup_db_path(const lup_db *db);

/* Verification in the background: the terminal interface opens with
 * LUP_DB_NOCHECK so its first frame does not wait for quick_check on a
 * large file, and runs the same check on a connection of its own in a
 * thread.  poll returns 0 while it runs, 1 when the file is sound, -1 when
 * it is damaged (err says so). */
int lup_db_verify_start(lup_db *db, lup_err *err);
int lup_db_verify_poll(lup_db *db, lup_err *err);

/* The schema version this lup writes, and the one of an open database. */
int lup_db_schema_version(void);
int lup_db_user_version(lup_db *db);

/* Every write is one transaction: BEGIN IMMEDIATE … COMMIT, or ROLLBACK. */
int lup_db_begin(lup_db *db, lup_err *err);
int lup_db_commit(lup_db *db, lup_err *err);
void lup_db_rollback(lup_db *db);

/* lup check: integrity_check, foreign_key_check and lup's own invariants.
 * Each problem found goes to cb; returns the number of problems, or -1 if
 * the check itself could not run. */
typedef void (*lup_problem_cb)(void *ud, const char *problem);
int lup_db_check(lup_db *db, lup_problem_cb cb, void *ud, lup_err *err);
/* lup check --repair: what lup keeps for itself from the programme's rows
 * (the Due list's copy of each person, person_due) made again where it
 * differs from what they give, in one transaction; deterministic, so
 * every laptop gets the same.  Returns the number of entries put right
 * (made again, or dropped for people who are gone), or -1. */
long lup_db_repair(lup_db *db, lup_err *err);

/* A consistent copy through SQLite's online backup API, written to a
 * temporary file beside dest, fsynced, then renamed into place. */
int lup_db_backup(lup_db *db, const char *dest, lup_err *err);

/* Row counts of the main tables, for summaries. */
struct lup_db_counts {
	long people, programmes, cohorts, sessions, enrolments, hosts,
	     placements, frameworks, checkins;
};
int lup_db_counts(lup_db *db, struct lup_db_counts *out, lup_err *err);

/* A stamp of the database's state, for screens that keep something costly
 * worked out from it: two stamps differ when anything was written in
 * between, by this connection or another.  (lup_heatmap_stamp narrows it
 * to what the heat map reads.) */
struct lup_db_stamp {
	long long data_version, changes;
};
void lup_db_stamp(lup_db *db, struct lup_db_stamp *out);
int lup_db_stamp_equal(const struct lup_db_stamp *a, const struct lup_db_stamp *b);

#endif
