/* round.h — check-in rounds: a group asked to check in at once. */
#ifndef LUP_ROUND_H
#define LUP_ROUND_H

#include "lup/cal.h"
#include "lup/config.h"
#include "lup/db.h"
#include "lup/util.h"

/* ---- Check-in rounds ----
 *
 * A round asks a group of people to check in at once: a unit, a role or
 * a cohort (or everyone), all of them or only those the Due list shows
 * (overdue, due soon, never assessed).  Starting it makes a draft of its
 * kind for each, on the framework their role is assessed on; a person
 * with an open draft of that kind keeps it, and it joins the round.
 * Its progress is how many of them have made their check-in final. */

enum lup_round_scope { LUP_ROUND_EVERYONE, LUP_ROUND_UNIT, LUP_ROUND_ROLE, LUP_ROUND_COHORT };

struct lup_round {
	char id[LUP_UUID_LEN + 1];      /* "" for a new one */
	char name[201];                 /* "" : made from the scope and the date */
	char kind[12];                  /* self, manager, validation */
	enum lup_round_scope scope;
	char value[201];                /* the unit or the role as written; a cohort's name */
	char cohort_id[LUP_UUID_LEN + 1];
	char date[11];                  /* the drafts' date; "" for today */
	int only_due;                   /* only the people the Due list shows */
	char created_at[21];
};

struct lup_round_result {
	long people;        /* in the round */
	long made;          /* new drafts */
	long kept;          /* open drafts of the kind that joined it */
	long no_framework;  /* left out: their framework is not imported */
};

const char *lup_round_scope_label(enum lup_round_scope s);
/* Start a round (r->id "" on the way in, set on the way out), in one
 * transaction.  A round that would ask nobody is refused. */
int lup_round_start(lup_db *db, const lup_config *cfg, struct lup_round *r, lup_date today,
                    struct lup_round_result *res, lup_err *err);
int lup_round_get(lup_db *db, const char *id, struct lup_round *out, lup_err *err);
/* A round by its name (case and accents aside; the newest of that name)
 * or a unique id prefix of 6+ characters. */
int lup_round_find(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err);
/* Remove a round and those of its drafts that nothing was rated in yet;
 * check-ins with ratings stay, no longer in a round.  *removed: drafts. */
int lup_round_delete(lup_db *db, const char *id, long *removed, lup_err *err);

/* The rounds, newest first, with their progress. */
struct lup_round_row {
	char id[LUP_UUID_LEN + 1];
	char name[201], kind[12], value[201], date[11];
	enum lup_round_scope scope;
	long people;        /* asked */
	long done;          /* of them, with a final check-in in the round */
};
int lup_round_list(lup_db *db, struct lup_round_row **rows, size_t *n, lup_err *err);
int lup_round_progress(lup_db *db, const char *id, long *done, long *people, lup_err *err);

/* The people of a round by name: e-mail, unit, role, their check-in in
 * it (the latest) and its status. */
struct lup_round_person {
	char person_id[LUP_UUID_LEN + 1], checkin_id[LUP_UUID_LEN + 1];
	char name[201], email[255], unit[201], role[201];
	char status[8];     /* draft or final */
	long rated;         /* competences rated so far */
};
int lup_round_people(lup_db *db, const char *id, struct lup_round_person **rows, size_t *n,
                     lup_err *err);
/* The list of whom to invite as CSV (name, e-mail, unit, role; UTF-8,
 * CRLF; written to a temporary file and renamed; "-" standard output):
 * everyone in the round, or with pending_only those whose check-in is
 * not final yet (a reminder).  *rows and *without_email (may be NULL)
 * count them and those without an e-mail address. */
int lup_round_invites(lup_db *db, const char *id, int pending_only, const char *path, long *rows,
                      long *without_email, lup_err *err);

#endif
