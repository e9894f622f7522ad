/* privacy.h — what data-protection law asks of lup: a person's data in full
 * (access, portability), erasure that leaves no copy behind, and a
 * retention rule that erases people whose programme ended long ago.
 *
 * Erasing removes the person's own rows: enrolments, attendance,
 * placements with their log entries, check-ins with their ratings, other
 * log entries, person-level targets, and the person.  Where others'
 * records name them (as manager, or as the assessor of someone's
 * check-in) the reference is removed and an assessor name equal to
 * theirs is cleared.  What is not about one person stays as it was:
 * programmes, blocks, cohorts, sessions, host organisations,
 * frameworks, role targets, and everyone else's records.  Figures counted
 * from people (enrolled, attendance rates, competence change) count the
 * people lup still holds.  A freed seat goes to the first person waiting,
 * as when someone withdraws.  Afterwards the database is rebuilt (VACUUM)
 * and its WAL emptied, so no copy of the erased rows stays in the file's
 * free pages or in the WAL.
 */
#ifndef LUP_PRIVACY_H
#define LUP_PRIVACY_H

#include <stdio.h>
#include "lup/db.h"
#include "lup/util.h"

/* Everything lup holds on a person, as one JSON object: the person,
 * their manager, enrolments, attendance, placements with their log,
 * learning-log entries, check-ins with ratings, and targets. */
int lup_person_export_json(lup_db *db, const char *id, FILE *out, lup_err *err);
/* The same into a file written safely; "-" is standard output. */
int lup_person_export_file(lup_db *db, const char *id, const char *path, lup_err *err);

struct lup_erase_counts {
	long people, enrolments, attendance, placements, log_entries, checkins, ratings,
	     targets, manager_refs, assessor_refs, promoted;
};

/* Erase a person and everything about them, then scrub the file (see
 * above).  counts (may be NULL) are added to.  When another program keeps
 * the WAL open so it cannot be emptied, the erasure stands but the call
 * fails with LUP_EBUSY saying so. */
int lup_person_erase(lup_db *db, const char *id, struct lup_erase_counts *counts,
                     lup_err *err);

/* Rebuild the database and empty its WAL: no deleted content survives in
 * free pages, unused page space or the WAL.  LUP_EBUSY when another
 * connection keeps the WAL from being emptied. */
int lup_db_scrub(lup_db *db, lup_err *err);
/* Finish the scrub of an erase that a killed lup left undone (a mark
 * beside the file says so); 0 when there was none. */
int lup_db_scrub_pending(lup_db *db, lup_err *err);

/* People past the retention rule: every enrolment of theirs has ended
 * (its own end date, else its cohort's) more than `years` before `today`
 * (YYYY-MM-DD, NULL for today), and nothing of theirs is newer (no
 * placement, check-in or log entry since).  People never enrolled are
 * not touched.  cb gets each (id, name, the latest end); returns how many. */
typedef void (*lup_purge_cb)(void *ud, const char *id, const char *name, const char *ended);
long lup_purge_list(lup_db *db, long years, const char *today, lup_purge_cb cb, void *ud,
                    lup_err *err);
/* Erase them all in one transaction, then scrub once.  cb (may be NULL)
 * gets each one erased.  Returns how many, or -1. */
long lup_purge(lup_db *db, long years, const char *today, lup_purge_cb cb, void *ud,
               struct lup_erase_counts *counts, lup_err *err);

#endif
