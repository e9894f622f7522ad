/* conflict.h — the programme's rules and scheduling conflicts, as warnings.
 *
 * Nothing here refuses anything: the coordinator sees the warnings (in the
 * lists and when saving) and may go ahead.
 *
 * The UL rules read [programme] ul_min_group, ul_max_group,
 * ul_max_group_three, ul_part1_days and ul_part2_min_weeks.  They apply to
 * a cohort whose programme has a block of kind "ul".  Which sessions are
 * which part of UL: the cohort's sessions of kind course_day or follow_up in
 * a "ul" block, in order of start, make up the two parts.  UL part 2 begins
 * at the first follow_up, or at the first session that starts
 * LUP_UL_PART_GAP_DAYS (14) days or more after the UL sessions before it
 * ended, whichever comes first; the sessions before it are UL part 1.  So
 * "UL del 2" may be entered as follow-ups or as course days weeks later.
 * Part 1 must cover exactly ul_part1_days consecutive calendar days (too
 * short, too long and gaps are each named); part 2 must start at least
 * ul_part2_min_weeks weeks after the last day of part 1 (counted in days:
 * 8 weeks = 56 days from the last day of part 1).  UL that begins with a
 * follow-up has no part 1: it is missing, or, when course days come later,
 * out of order.
 * Group size counts the people holding a seat (enrolled or completed): at
 * most ul_max_group, or ul_max_group_three with three or more facilitators
 * (the cohort's facilitators field, comma-separated); at least ul_min_group
 * once the cohort is open or running.  The capacity itself is held to the
 * same maximum, and a cohort with UL sessions should have two facilitators.
 * In any programme, a cohort whose capacity was lowered below the seats
 * taken is warned about (nobody loses a seat), and so is every session
 * outside the cohort's own dates (starting before its start date, ending
 * after its end date).
 *
 * Conflicts of a session [start, end):
 *   - a participant (enrolled or completed in its cohort) in another
 *     session that overlaps it, in another cohort (another programme);
 *   - another session of the same cohort overlapping it;
 *   - a facilitator (by name, case and accents ignored) of both it and an
 *     overlapping session; a session without facilitators of its own has
 *     its cohort's;
 *   - a participant on a job-shadowing placement (not cancelled) on any of
 *     the session's days;
 *   - another session at the same location (case ignored) overlapping it;
 *   - a day of the session that is a Swedish public holiday or a de facto
 *     day off (Midsummer, Christmas and New Year's Eve), from lup_holiday.
 */
#ifndef LUP_CONFLICT_H
#define LUP_CONFLICT_H

#include <stddef.h>
#include "lup/config.h"
#include "lup/db.h"
#include "lup/util.h"

/* A gap this long (days) between UL course days starts UL part 2. */
#define LUP_UL_PART_GAP_DAYS 14

enum lup_warn_kind {
	LUP_WARN_GROUP_SMALL,        /* fewer than ul_min_group */
	LUP_WARN_GROUP_LARGE,        /* more than the UL maximum */
	LUP_WARN_CAPACITY,           /* capacity above the UL maximum */
	LUP_WARN_OVERBOOKED,         /* more seats taken than the capacity (any programme) */
	LUP_WARN_FACILITATORS,       /* UL with fewer than two facilitators */
	LUP_WARN_UL_PART1,           /* part 1 not N consecutive days */
	LUP_WARN_UL_PART2,           /* part 2 too soon after part 1 */
	LUP_WARN_PERSON_OVERLAP,     /* a participant in two sessions at once */
	LUP_WARN_COHORT_OVERLAP,     /* two sessions of one cohort at once */
	LUP_WARN_FACILITATOR_OVERLAP,
	LUP_WARN_PLACEMENT,          /* a participant away on job shadowing */
	LUP_WARN_LOCATION,           /* two sessions in one place at once */
	LUP_WARN_HOLIDAY,            /* public holiday or de facto day off */
	LUP_WARN_OUTSIDE_DATES       /* a session outside its cohort's dates (any programme) */
};

struct lup_warning {
	enum lup_warn_kind kind;
	char cohort_id[LUP_UUID_LEN + 1];
	char session_id[LUP_UUID_LEN + 1];  /* the session warned about, or "" */
	char other_id[LUP_UUID_LEN + 1];    /* the other session or placement, or "" */
	char person_id[LUP_UUID_LEN + 1];   /* the participant concerned, or "" */
	char *msg;                          /* translated, one line */
};

struct lup_warnings {
	struct lup_warning *v;
	size_t n, cap;
};

/* Free the messages and the array, leaving an empty list. */
void lup_warnings_clear(struct lup_warnings *w);

/* The UL rules for a cohort (nothing for a programme without UL, or
 * without cfg), and a capacity lowered below the seats taken.  Returns the
 * number of warnings added, or -1. */
int lup_cohort_warnings(lup_db *db, const lup_config *cfg, const char *cohort_id,
                        struct lup_warnings *w, lup_err *err);

/* The conflicts of one session, in the order listed above.  Returns the
 * number of warnings added, or -1. */
int lup_session_conflicts(lup_db *db, const char *session_id, struct lup_warnings *w,
                          lup_err *err);

/* The conflicts of every session of a cohort, by start.  Returns the number
 * added, or -1. */
int lup_cohort_conflicts(lup_db *db, const char *cohort_id, struct lup_warnings *w,
                         lup_err *err);

#endif
