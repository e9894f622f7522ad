/* undo.h — undo and redo of the changes made through one connection.
 *
 * Every write transaction records its changeset in the change log (see
 * sync.c).  Undo takes the changes a window made (their sequence numbers
 * on this device, which the connection notes as it logs them), inverts
 * them and applies the inverse as a new change: it is logged, and travels
 * to other laptops, like any edit.  When a row the change touched has
 * been changed since (in another window, or by a merge), the inverse
 * does not fit, and nothing is done.  Redo is the undo of an undo. */
#ifndef LUP_UNDO_H
#define LUP_UNDO_H

#include <stddef.h>
#include "lup/db.h"
#include "lup/err.h"

/* The sequence numbers of the changes this connection logged since the
 * last call, oldest first: up to max into seq (older ones beyond max are
 * dropped).  Returns how many. */
int lup_undo_take_logged(lup_db *db, long long *seq, int max);

/* A short account of the changes seq[0..n-1] of this device, as "deleted
 * cohort Omgång 3 with 160 attendance marks", into what. */
int lup_undo_describe(lup_db *db, const long long *seq, int n, char *what, size_t nwhat, lup_err *err);

/* Undo the changes seq[0..n-1] of this device (the newest last) in one
 * new change; *made receives its sequence number (for a redo).  With what
 * non-NULL, the account of what was undone, as lup_undo_describe.
 * Returns 0, or -1 with err set: LUP_ECHANGED when a row it touched was
 * changed since (nothing done), LUP_EINVAL for a change that cannot be
 * undone (an erase for privacy, one not made here). */
int lup_undo(lup_db *db, const long long *seq, int n, long long *made, char *what, size_t nwhat,
             lup_err *err);

#endif
