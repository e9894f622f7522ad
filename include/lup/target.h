/* target.h — target levels per role and per person, kept with their
 * history. */
#ifndef LUP_TARGET_H
#define LUP_TARGET_H

#include "lup/checkin.h"
#include "lup/db.h"
#include "lup/framework.h"
#include "lup/merge.h"

/* ---- Targets ----
 *
 * A target level belongs to a framework revision, for a role (matched
 * against people's roles ignoring case and accents: lup_sortkey) or for
 * one person, whose own target wins over their role's.  Targets keep
 * their history: a change ends the target in force and starts a new one,
 * and importing a new revision ends the old revision's targets and starts
 * its own (the file's, and those set in lup carried over).  A check-in is
 * measured against the targets in force at the end of its day. */

/* Set the target level of competence code in the latest revision of
 * framework ident for a role (person_id NULL) or for one person (role
 * NULL), or end it with level LUP_LEVEL_NONE.  The code must be a
 * competence of that revision, not retired, and the level in its range.
 * Targets set here are carried over to later revisions and win over a
 * file's. */
int lup_target_set(lup_db *db, const char *ident, const char *code, const char *role,
                   const char *person_id, int level, lup_err *err);
/* A target level changed on a screen: seen is the level it showed for
 * this role or person (LUP_LEVEL_NONE: none), merged with the stored one
 * (lup/merge.h) before lup_target_set: changed elsewhere to the same
 * level, nothing to do; to another, LUP_ECHANGED until decided in mr. */
int lup_target_edit(lup_db *db, const char *ident, const char *code, const char *role,
                    const char *person_id, int seen, int level, struct lup_merge_report *mr,
                    lup_err *err);
/* A person's target now: their own, else their role's; LUP_LEVEL_NONE if
 * neither.  *personal (may be NULL) is 1 for their own. */
int lup_target_get(lup_db *db, const char *ident, const char *code, const char *person_id,
                   int *level, int *personal, lup_err *err);

/* 1 when two roles are one role, as targets match them (case, accents and
 * spaces at either end aside). */
int lup_role_same(const char *a, const char *b);

/* The competences (not retired) of the latest revision of ident, in
 * framework order, with the targets in force now for a role, or for a
 * person (their own and their role's). */
struct lup_target_row {
	char competence_id[LUP_UUID_LEN + 1];
	char code[LUP_FW_CODE_MAX + 1];
	char name[LUP_FW_NAME_MAX + 1], name_sv[LUP_FW_NAME_MAX + 1];
	char area[LUP_FW_CODE_MAX + 1];
	int level_min, level_max;
	int role_level;          /* the role's (for a person: their role's) */
	int own_level;           /* a person's own; LUP_LEVEL_NONE for a role */
	int level;               /* what applies: own, else the role's */
	int from_file;           /* the role's came from the framework file */
	char since[11];          /* the day the one that applies was set */
};
int lup_target_list(lup_db *db, const char *ident, const char *role, const char *person_id,
                    struct lup_target_row **rows, size_t *n, lup_err *err);

/* The roles with targets in the latest revision of ident: as written,
 * how many competences they set, and how many active people have that
 * role now (0: the role matches nobody, perhaps a misspelling). */
struct lup_target_role {
	char role[201];
	long targets, people;
};
int lup_target_roles(lup_db *db, const char *ident, struct lup_target_role **rows, size_t *n,
                     lup_err *err);

/* The history of the targets of ident (all its revisions) for a role or
 * a person: every level set, with when it was in force and the revision
 * it belonged to; oldest first. */
struct lup_target_change {
	char code[LUP_FW_CODE_MAX + 1];
	int revision, level;
	char role[201];                   /* or "" for a person's own */
	char from[21], to[21];            /* valid_from, valid_to ("" while in force) */
	int from_file;
};
int lup_target_history(lup_db *db, const char *ident, const char *role, const char *person_id,
                       struct lup_target_change **rows, size_t *n, lup_err *err);

#endif
