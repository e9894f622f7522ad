/* sync.h — several laptops, one programme: the change log, change files,
 * merging, and the conflicts a person decides.
 *
 * Every write transaction records its changeset (SQLite's session
 * extension) in a log in the database, tagged with this copy's device id,
 * a sequence number and a hybrid logical clock.  Laptops exchange those
 * changes in files signed with the team's key; every laptop arrives at the
 * same programme whatever order the files come in.  What a merge rule had
 * to set aside is kept as a conflict and listed for a person.  How it
 * works: src/core/sync.c; the rules and the file format: lup-sync(1). */
#ifndef LUP_SYNC_H
#define LUP_SYNC_H

#include <stddef.h>
#include "lup/db.h"
#include "lup/err.h"

#define LUP_SYNC_FORMAT 1          /* the change file format this lup writes */
/* The oldest schema whose changes this lup reads: the change log began
 * with schema 6.  A changeset names its columns by position, so a
 * migration of a synced table may only add columns at the end (older
 * changes then fill the ones they lack with defaults); one that drops,
 * renames or reorders them must rewrite the log's changesets and raise
 * this, or older laptops' changes would land in the wrong columns. */
#define LUP_SYNC_SCHEMA_MIN 6
#define LUP_SYNC_EXT ".lupcs"      /* a file of changes */
#define LUP_SYNC_STATUS_EXT ".lupst" /* a laptop's status in a shared folder */

/* ---- The team key ---- */

typedef struct lup_sync_key {
	unsigned char k[32];
	char id[17];         /* 16 hex digits naming the team */
	char path[4096];
} lup_sync_key;

/* Where the key file is: opt (--key), else $LUP_SYNC_KEY, else
 * $XDG_CONFIG_HOME/lup/team.key (~/.config/lup/team.key). */
void lup_sync_key_path(const char *opt, char *buf, size_t n);
/* Read a key file: a missing, unreadable or malformed one is an error that
 * says so.  A key file readable by others is refused too. */
int lup_sync_key_load(const char *path, lup_sync_key *key, lup_err *err);
/* Make a new random key file (mode 0600, its folder 0700); refuses to
 * overwrite one. */
int lup_sync_key_create(const char *path, lup_sync_key *key, lup_err *err);
/* Copy a colleague's key file to path (mode 0600). */
int lup_sync_key_install(const char *from, const char *path, lup_sync_key *key, lup_err *err);

/* ---- This copy of the database ---- */

struct lup_sync_self {
	char device[37];      /* this copy's id */
	char name[256];       /* this laptop's name ("" until named) */
	char team[17];        /* the team key's id, "" before lup sync init */
	char base[37];        /* the database all copies come from */
	long long seq;        /* the number of this copy's last change */
	long long hlc;        /* its clock */
	long long log;        /* changes in the log, all devices */
	long long log_bytes;  /* their size */
	int renewed;          /* 1: opened as a copy, so given a new id now */
};
int lup_sync_self_get(lup_db *db, struct lup_sync_self *out, lup_err *err);

/* lup sync init: join this database to the team of key and name this
 * laptop (name NULL: keep it, or the host name the first time).  A
 * database of another team is refused unless force is set.  The device
 * id is given anew (a copy must never act as the laptop it was copied
 * from) when renew is set. */
int lup_sync_init(lup_db *db, const lup_sync_key *key, const char *name, int force,
                  int renew, lup_err *err);

/* ---- Change files ---- */

typedef struct lup_sync_file lup_sync_file;

/* What a file says about itself (after its signature was checked). */
struct lup_sync_file_info {
	int format, schema;
	char team[17];
	char base[37];
	char device[37];      /* the laptop that wrote it */
	char name[256];
	long long hlc;        /* its clock then */
	long entries;
	int origins;          /* devices whose changes it carries */
};

/* Read and check a file: the signature (HMAC-SHA256 with the team key)
 * over everything first, then the header (format, team, schema: one from
 * a newer lup is refused) and every entry's changeset.  A file that is
 * truncated, altered, of another team or of a newer schema is refused
 * with a message that says which, and nothing of it is used. */
int lup_sync_file_read(const char *path, const lup_sync_key *key, lup_sync_file **out,
                       lup_err *err);
int lup_sync_file_parse(const void *buf, size_t n, const lup_sync_key *key,
                        lup_sync_file **out, lup_err *err);
void lup_sync_file_info(const lup_sync_file *f, struct lup_sync_file_info *out);
void lup_sync_file_free(lup_sync_file *f);

/* What an export takes. */
enum lup_sync_export_what {
	LUP_SYNC_NEW,    /* what some known laptop has not said it has (all, when none is known) */
	LUP_SYNC_ALL,    /* every change in the log */
	LUP_SYNC_FOR     /* what the laptop that wrote peer (a file or status) lacks */
};
/* Write the changes to path (a new file, written whole and renamed into
 * place).  entries receives how many went in (0: the file is still
 * written, as a status).  Needs the database's own key. */
int lup_sync_export(lup_db *db, const lup_sync_key *key, enum lup_sync_export_what what,
                    const lup_sync_file *peer, const char *path, long *entries, lup_err *err);

/* What applying did. */
struct lup_sync_result {
	long files;        /* files read */
	long refused;      /* files refused (lup_sync_dir) */
	long entries;      /* entries in them */
	long added;        /* new to this laptop */
	long applied;      /* new and applied */
	long replayed;     /* applied again, after one that came late */
	long held;         /* waiting for an earlier change that has not come */
	long conflicts;    /* open conflicts after */
	long written;      /* entries written (lup_sync_dir) */
	char wrote[4096];  /* the file written (lup_sync_dir), or "" */
};

/* Take in the changes of files (already read and checked): all of them
 * in one transaction, so an interruption leaves the database as it was.
 * Changes already here are skipped; a change whose predecessors have not
 * come is kept and held back until they do. */
int lup_sync_apply(lup_db *db, const lup_sync_key *key, lup_sync_file *const *files, size_t n,
                   struct lup_sync_result *r, lup_err *err);

/* lup sync DIR: read every new change file other laptops left in dir and
 * apply them, then leave there what dir lacks of this laptop's log (its
 * own changes and those it relays) and this laptop's status.  A file that
 * is refused is named to bad (with why) and skipped; the rest go ahead. */
typedef void (*lup_sync_bad_cb)(void *ud, const char *file, const char *why);
int lup_sync_dir(lup_db *db, const lup_sync_key *key, const char *dir, struct lup_sync_result *r,
                 lup_sync_bad_cb bad, void *ud, lup_err *err);

/* ---- Status ---- */

struct lup_sync_peer {
	char device[37];
	char name[256];
	long long applied;    /* its changes applied here */
	long long acked;      /* of this laptop's changes, how many it said it has */
	long long has_all;    /* 1 when it said it has everything this laptop has */
	long long heard_hlc;  /* its clock when last heard (0: never heard from directly) */
	long held;            /* its changes held back here */
};
/* Every other device known here; *peers is malloc'd (free it).  held and
 * conflicts receive the counts of held-back changes and open conflicts. */
int lup_sync_status(lup_db *db, struct lup_sync_peer **peers, int *n, long *held,
                    long *conflicts, lup_err *err);

/* A digest of the programme: SHA-256 over every synced table's rows in id
 * order, and the conflicts.  Laptops with the same changes have the same
 * hash. */
int lup_sync_hash(lup_db *db, char out[65], lup_err *err);

/* A time from the hybrid logical clock, as "YYYY-MM-DD HH:MM" (UTC). */
void lup_sync_hlc_text(long long hlc, char out[17]);

/* ---- Conflicts ---- */

enum lup_conflict_how {
	LUP_CONFLICT_KEEP,     /* keep what the rule kept */
	LUP_CONFLICT_TAKE,     /* take what it set aside (a value; a row: restore it) */
	LUP_CONFLICT_TYPE      /* a value typed by the person */
};

struct lup_conflict {
	char id[37];
	char table[24];
	char row_id[37];
	char column[40];      /* "" for a whole row */
	char kind[8];         /* "value", "row" or "note" */
	char rule[12];        /* the rule: later, first, forward, delete, parent, unique, seat */
	char device[37];      /* the laptop whose change met the conflict */
	char device_name[128];
	long long seq, hlc;
	int arrived_won;      /* 1: that change's value was kept */
	char *kept;           /* what the rule kept, as text (NULL: empty) */
	char *lost;           /* what it set aside (a row: its columns as JSON) */
	char *now;            /* the value there now (NULL: empty, or the row is gone) */
	int gone;             /* the row no longer exists */
	char what[256];       /* what the row is, in words: a name, a session … */
	char resolved[12];    /* "" while open, else kept, took, typed or restored */
	int can_take;         /* 1 when taking the other side is possible */
};
void lup_conflict_clear(struct lup_conflict *c);
/* Column and table names in words, translated. */
const char *lup_conflict_column_label(const char *table, const char *column);
const char *lup_conflict_table_label(const char *table);
/* What the rule did, one translated sentence. */
const char *lup_conflict_rule_text(const struct lup_conflict *c);

/* A conflict in a list: fixed size, for the terminal interface's pages. */
struct lup_conflict_row {
	char id[37];
	long long hlc;
	char table[24], column[40], kind[8], rule[12], resolved[12];
	char what[256];       /* what the row is, in words */
	char device_name[64]; /* the laptop whose change met it */
};
/* Up to n conflicts after (dir > 0) or before (dir < 0) the row from
 * (NULL: from the newest, or dir < 0 the oldest), newest first; open ones
 * only unless all.  Returns the count, or -1. */
int lup_conflict_page(lup_db *db, int all, const struct lup_conflict_row *from, int dir, int n,
                      struct lup_conflict_row *rows, lup_err *err);
/* How many (open, or all), and how many come before row. */
long lup_conflict_total(lup_db *db, int all, lup_err *err);
long lup_conflict_position(lup_db *db, int all, const struct lup_conflict_row *row, lup_err *err);

/* Open conflicts (all: resolved ones too), newest first; *out malloc'd,
 * each to be cleared.  Returns the number, or -1. */
int lup_conflict_list(lup_db *db, int all, struct lup_conflict **out, lup_err *err);
void lup_conflict_list_free(struct lup_conflict *v, int n);
long lup_conflict_count(lup_db *db, lup_err *err);
/* One by id or a unique id prefix of 6 or more characters. */
int lup_conflict_get(lup_db *db, const char *ref, struct lup_conflict *out, lup_err *err);
/* Resolve: an ordinary change (it travels to the other laptops).  value
 * is the typed value for LUP_CONFLICT_TYPE ("" is empty). */
int lup_conflict_resolve(lup_db *db, const char *id, enum lup_conflict_how how,
                         const char *value, lup_err *err);

#endif
