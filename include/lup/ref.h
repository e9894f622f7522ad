/* ref.h — a REF on the command line found by name: case and accents do not
 * count, the whole name comes first, then the unique start of one, then
 * an id prefix (DESIGN §5).  What does not settle it lists up to five
 * candidates with the start of their ids. */
#ifndef LUP_REF_H
#define LUP_REF_H

#include "lup/db.h"
#include "lup/err.h"
#include "lup/util.h"

enum lup_ref_kind { LUP_REF_PERSON, LUP_REF_COHORT, LUP_REF_HOST, LUP_REF_FRAMEWORK };

/* The id of the one row of kind whose name is ref (folded: "pilot
 * halland", "kjell oberg"); else the one whose id starts with ref (6 or
 * more characters); else the one whose name starts with ref.  A framework
 * is its current revision.  Fails with LUP_EAMBIG when several rows match
 * equally well, LUP_ENOTFOUND when none does; the message's first line
 * says so and each following line (up to five, then "and N more") names a
 * candidate: its name, an e-mail or city, and the first 8 characters of
 * its id. */
int lup_ref_find(lup_db *db, enum lup_ref_kind kind, const char *ref, char id[LUP_UUID_LEN + 1],
                 lup_err *err);

/* One line saying what a REF of kind may be, for a usage error. */
const char *lup_ref_help(enum lup_ref_kind kind);

#endif
