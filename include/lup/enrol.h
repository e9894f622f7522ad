/* enrol.h — enrolment with a first-come waitlist, attendance, completion.
 *
 * Seats: people "enrolled" or "completed" hold a seat of the cohort's
 * capacity.  Past capacity a person is "waitlisted" at position 1..n in the
 * order they asked.  When a seat frees (a withdrawal, a larger capacity)
 * the first person waiting takes it at once, and the caller is told who.
 * A person is in at most one cohort per programme (withdrawn enrolments
 * apart).
 *
 * Attendance counts for a person at a session when the session is on or
 * after the day they got their seat (enrolled_on), or when attendance was
 * recorded for them anyway: someone who joined late is not absent from what
 * went before.
 *
 * A session can be marked from its day on, never before: a mark records
 * what happened.  A mark is for someone who held a seat that day (set an
 * earlier "since" date, enrolled_on, to take attendance for a session
 * before they were enrolled in lup: a paper cohort, a back-filled study
 * visit); lup_attendance_set refuses anything else.
 *
 * Completion of a block: of the block's sessions in the cohort that have
 * started (and count for the person, as above), the share marked present or
 * late must reach the block's min_attendance (default [programme]
 * min_attendance, 80%).  Excused sessions do not count as attended; they are
 * counted apart so the coordinator can see who was excused rather than
 * absent and decide on a make-up.  A session with no mark for the person
 * counts as not attended ("unrecorded").
 *
 * The blocks a cohort runs are the blocks it has sessions in.  A block it
 * does not run is "not scheduled": neither met nor missed, and not
 * counted.  A participant completes the programme by meeting every block
 * their cohort runs: the programme is the three blocks, but a cohort that
 * runs two (a pilot without the e-government block, a group that made its
 * study visits with another) is judged on what it was offered, and the
 * report says which blocks each cohort runs, so a shorter programme is
 * never counted as the whole without a word.  A cohort that runs no block
 * has nothing to complete.
 */
#ifndef LUP_ENROL_H
#define LUP_ENROL_H

#include "lup/db.h"
#include "lup/programme.h"

extern const char *const lup_enrol_statuses[];      /* enrolled waitlisted withdrawn completed */
extern const char *const lup_attendance_statuses[]; /* present late excused absent */
const char *lup_enrol_status_label(const char *status);
const char *lup_attendance_label(const char *status);

/* ---- Enrolment ---- */

enum lup_enrol_result {
	LUP_ENROL_SEATED,        /* got a seat */
	LUP_ENROL_WAITLISTED,    /* joined the waitlist at `position` */
	LUP_ENROL_REFUSED        /* not enrolled: see msg */
};

struct lup_enrol_outcome {
	char person_id[LUP_ID_SIZE];
	char enrolment_id[LUP_ID_SIZE];     /* "" when refused */
	enum lup_enrol_result result;
	int position;                       /* waitlist position, else 0 */
	char msg[512];                      /* translated: what happened */
};

/* Enrol one person.  `on` is the day the seat counts from ("YYYY-MM-DD";
 * NULL or "" for today), for entering a past cohort.  Refused (-1, with
 * LUP_ECONFLICT) when the person is already in this or another cohort of
 * the programme: the message names that cohort.  *out may be NULL. */
int lup_enrol(lup_db *db, const char *cohort_id, const char *person_id, const char *on,
              struct lup_enrol_outcome *out, lup_err *err);
/* Enrol several people (the picker's marked rows) in the order given: each
 * gets an outcome in out[i]; people the rules refuse are skipped and say
 * why.  Returns how many were seated or waitlisted, or -1 (nothing
 * written) when the database fails. */
int lup_enrol_many(lup_db *db, const char *cohort_id, const char *const *person_ids, int n,
                   const char *on, struct lup_enrol_outcome *out, lup_err *err);
/* Withdraw an enrolment (enrolled or waitlisted).  A freed seat goes to the
 * first person waiting; they are added to `promoted` (may be NULL).  The
 * waitlist closes up. */
int lup_enrol_withdraw(lup_db *db, const char *enrolment_id, struct lup_promotions *promoted,
                       lup_err *err);
/* Withdraw from a screen: seen is the status it showed (lup/merge.h).
 * Withdrawn elsewhere already: nothing to do, 0, and mr says so; moved to
 * another status elsewhere: LUP_ECHANGED until decided in mr; the
 * enrolment deleted (with its cohort): LUP_EGONE. */
int lup_enrol_withdraw_edit(lup_db *db, const char *enrolment_id, const char *seen,
                            struct lup_promotions *promoted, struct lup_merge_report *mr,
                            lup_err *err);
/* Back to the waitlist: someone holding a seat (enrolled, with no
 * attendance yet) gives it up and goes first in line, as they asked
 * before anyone now waiting.  When the seat was one the capacity has room
 * for, the first person waiting takes it (added to `promoted`); when the
 * cohort holds more people than its capacity (it was lowered), nobody
 * does.  Refused (LUP_ECONFLICT) for anyone not enrolled, anyone with
 * attendance (withdraw them), and when the seat would only come straight
 * back (a free seat and nobody waiting).  *position (may be NULL) gets
 * their place in line. */
int lup_enrol_unseat(lup_db *db, const char *enrolment_id, int *position,
                     struct lup_promotions *promoted, lup_err *err);
/* The same from a screen: seen is the status it showed (lup/merge.h), as
 * lup_enrol_withdraw_edit. */
int lup_enrol_unseat_edit(lup_db *db, const char *enrolment_id, const char *seen, int *position,
                          struct lup_promotions *promoted, struct lup_merge_report *mr,
                          lup_err *err);

/* One enrolment, for editing the day the seat counts from ("since") and
 * its note. */
struct lup_enrolment {
	char id[LUP_ID_SIZE], cohort_id[LUP_ID_SIZE], person_id[LUP_ID_SIZE];
	char status[12];
	int waitlist_pos;
	char enrolled_on[11];          /* since: the seat counts from this day ("" while waiting) */
	char ended_on[11];
	char *note;
	char requested_at[21], created_at[21], updated_at[21];
	char name[128], cohort[128];   /* the person's and the cohort's, read only */
};
void lup_enrolment_clear(struct lup_enrolment *e);
int lup_enrolment_get(lup_db *db, const char *id, struct lup_enrolment *out, lup_err *err);
/* Save an edit of enrolled_on and note over what is stored now (seen: as
 * the form loaded it; lup/merge.h).  The day must be a date, given for
 * anyone who holds or held a seat (none for someone waiting), not after
 * the seat ended, and not after the first session they were marked for:
 * their marks must stay inside their seat (field "enrolled_on"). */
int lup_enrolment_update(lup_db *db, const struct lup_enrolment *seen, struct lup_enrolment *e,
                         struct lup_merge_report *mr, lup_err *err);

/* The live (not withdrawn) enrolment of a person in a programme. */
int lup_enrol_find(lup_db *db, const char *programme_id, const char *person_id,
                   char enrolment_id[LUP_ID_SIZE], lup_err *err);

struct lup_enrolment_row {
	char id[LUP_ID_SIZE], person_id[LUP_ID_SIZE];
	char name[128], email[128], org_unit[96];
	char status[12];
	int waitlist_pos;               /* 0 unless waitlisted */
	char requested_at[21];
	char enrolled_on[11], ended_on[11];
	int blocks, blocks_met;         /* of the blocks the cohort runs: how many, how
	                                   many met so far (lup_completion) */
	/* sort key */
	int rank;
};

struct lup_enrolment_query {
	const char *cohort_id;          /* required */
	int with_withdrawn;             /* list withdrawn enrolments too */
};

/* A cohort's enrolments: enrolled, completed, waitlisted (by position),
 * withdrawn; within a status first come first.  Paging as
 * lup_cohort_page. */
int lup_enrolment_page(lup_db *db, const struct lup_enrolment_query *q,
                       const struct lup_enrolment_row *from, int dir, int limit,
                       struct lup_enrolment_row *rows, lup_err *err);
int lup_enrolment_count(lup_db *db, const struct lup_enrolment_query *q, long *n, lup_err *err);

/* ---- Attendance register ---- */

struct lup_register_row {
	char person_id[LUP_ID_SIZE];
	char name[128];
	char status[8];      /* present, late, excused, absent, or "" (not marked) */
	char enrolment_status[12];
};

/* The people of a session's register: those holding a seat in its cohort
 * on the session's day (including people since withdrawn, and anyone
 * already marked), by name.  *rows is malloc'd (free it); returns the
 * count or -1. */
int lup_register(lup_db *db, const char *session_id, struct lup_register_row **rows,
                 lup_err *err);
/* Mark one person: status present, late, excused or absent; NULL or ""
 * clears the mark.  The person must be (or have been) in the cohort. */
int lup_attendance_set(lup_db *db, const char *session_id, const char *person_id,
                       const char *status, lup_err *err);

/* A mark set in a register: seen is the mark it showed ("" for none),
 * status the new one, merged with the stored mark (lup/merge.h) before
 * lup_attendance_set: marked elsewhere the same, nothing to do; marked
 * otherwise, LUP_ECHANGED until decided in mr; the session deleted,
 * LUP_EGONE. */
int lup_attendance_edit(lup_db *db, const char *session_id, const char *person_id,
                        const char *seen, const char *status, struct lup_merge_report *mr,
                        lup_err *err);

/* ---- Completion ---- */

struct lup_block_progress {
	char block_id[LUP_ID_SIZE];
	char name[128];
	char kind[8];
	double min_attendance;
	int sessions;        /* started sessions that count for the person */
	int attended;        /* present or late */
	int late;            /* of which late */
	int excused, absent, unrecorded;
	int planned;         /* sessions not started yet */
	int scheduled;       /* the cohort has sessions in this block (it runs it) */
	int met;             /* scheduled, and attended / sessions >= min_attendance */
};

/* Per block of the programme (in order), for one enrolment; at most max.
 * Returns the number of blocks stored. */
int lup_completion(lup_db *db, const char *enrolment_id, struct lup_block_progress *out,
                   int max, lup_err *err);
/* How a block stands for the person, in words (translated): "not
 * scheduled in the cohort", "nothing held yet (2 sessions to come)", "met:
 * attended 4 of 4 sessions", "not met: attended 2 of 4 sessions, 4 needed". */
void lup_block_progress_text(const struct lup_block_progress *b, char *buf, size_t n);
/* Did the person meet every block their cohort runs (and does it run
 * one)?  bp and n as lup_completion filled them. */
int lup_completion_met(const struct lup_block_progress *bp, int n);
/* For a cohort whose status is done: mark "completed" every enrolled person
 * who met every block the cohort runs (ended_on today).  Returns how many were marked;
 * LUP_ECONFLICT when the cohort is not done. */
int lup_cohort_complete(lup_db *db, const char *cohort_id, lup_err *err);

#endif
