/* programme.h — programmes and their blocks, cohorts and sessions.
 *
 * A programme has blocks (UL, activity-based workplace, e-government tools,
 * other) in an editable order; a cohort is one group going through the
 * programme; a session is one dated meeting of a cohort in one block.
 *
 * Saving never refuses on the programme's rules (group size, UL spacing,
 * conflicts): those come back as warnings (conflict.h) for the coordinator
 * to weigh.  Saving does refuse bad input, naming the field in err->field.
 *
 * Lists page by keyset (as people.h does): a screen asks for the rows that
 * fit, after or before a row it holds, and never runs SQL of its own. */
#ifndef LUP_PROGRAMME_H
#define LUP_PROGRAMME_H

#include "lup/config.h"
#include "lup/conflict.h"
#include "lup/db.h"
#include "lup/merge.h"
#include "lup/util.h"

#define LUP_ID_SIZE (LUP_UUID_LEN + 1)

/* ---- Keywords: stored in English, translated only for display ---- */

/* NULL-terminated lists, in display order, for choice fields. */
extern const char *const lup_block_kinds[];       /* ul abw egov other */
extern const char *const lup_cohort_statuses[];   /* planned open running done cancelled */
extern const char *const lup_session_kinds[];     /* course_day follow_up study_visit other */

/* The translated label of a keyword ("course_day" → "Kursdag"); an unknown
 * keyword comes back as it is. */
const char *lup_block_kind_label(const char *kind);
const char *lup_cohort_status_label(const char *status);
const char *lup_session_kind_label(const char *kind);

/* Facilitators are one text field, names separated by commas (or
 * semicolons).  The number of names in it. */
int lup_facilitator_count(const char *list);

/* ---- Programmes ---- */

struct lup_programme {
	char id[LUP_ID_SIZE];            /* "" for a new programme */
	char *name, *description;
	long target;                     /* managers to reach, e.g. 300 */
	char start_date[11], end_date[11];  /* "" when not set */
	char created_at[21], updated_at[21];
};

void lup_programme_clear(struct lup_programme *p);
int lup_programme_get(lup_db *db, const char *id, struct lup_programme *out, lup_err *err);
/* Validate and insert (id "") or update.  A new programme gets the blocks
 * of [programme] blocks, each with [programme] min_attendance; a target of
 * -1 takes [programme] target.  cfg may be NULL for the built-in defaults
 * only on update. */
int lup_programme_save(lup_db *db, const lup_config *cfg, struct lup_programme *p, lup_err *err);
/* Save an edit of a stored programme over what is stored now: seen is the
 * programme as the screen loaded it.  Merged column by column as
 * lup_person_update does (lup/merge.h); LUP_EGONE, LUP_ECHANGED. */
int lup_programme_update(lup_db *db, const lup_config *cfg, const struct lup_programme *seen,
                         struct lup_programme *p, struct lup_merge_report *mr, lup_err *err);
/* Deletes its blocks, cohorts, sessions and enrolments with it. */
int lup_programme_delete(lup_db *db, const char *id, lup_err *err);

struct lup_programme_row {
	char id[LUP_ID_SIZE];
	char name[128];
	long target, cohorts;
};
/* All programmes (there are few), by name; returns how many were stored
 * (at most max). */
int lup_programme_list(lup_db *db, struct lup_programme_row *rows, int max, lup_err *err);
/* The programme a screen shows first: the oldest one.  ENOTFOUND when
 * there is none. */
int lup_programme_first(lup_db *db, char id[LUP_ID_SIZE], lup_err *err);
/* Get the first programme, creating one named `name` (default blocks from
 * cfg) when the database has none. */
int lup_programme_ensure(lup_db *db, const lup_config *cfg, const char *name,
                         char id[LUP_ID_SIZE], lup_err *err);

/* Progress towards the target. */
struct lup_progress {
	long target;
	long enrolled;    /* people holding a seat: enrolled or completed */
	long completed;
	long waitlisted;
	long cohorts, sessions;
};
int lup_programme_progress(lup_db *db, const char *programme_id, struct lup_progress *out,
                           lup_err *err);
/* "212 of 300 enrolled, 140 completed" (translated) into buf. */
void lup_progress_format(const struct lup_progress *p, char *buf, size_t n);

/* ---- Blocks ---- */

#define LUP_MAX_BLOCKS 32         /* blocks a programme may have */

struct lup_block {
	char id[LUP_ID_SIZE];            /* "" for a new block */
	char programme_id[LUP_ID_SIZE];
	int seq;                         /* 1, 2, 3 … (set by save and move) */
	char kind[8];                    /* ul, abw, egov, other */
	char *name, *description;
	double min_attendance;           /* 0..1; < 0 on a new block: from config */
};

void lup_block_clear(struct lup_block *b);
int lup_block_get(lup_db *db, const char *id, struct lup_block *out, lup_err *err);
/* All blocks of a programme in order (at most max, fixed strings: name and
 * description are malloc'd; free each with lup_block_clear).  Returns the
 * number stored. */
int lup_block_list(lup_db *db, const char *programme_id, struct lup_block *out, int max,
                   lup_err *err);
/* Insert (appended after the last block; at most LUP_MAX_BLOCKS) or update.  Renaming a block
 * raises the iCalendar sequence of its sessions. */
int lup_block_save(lup_db *db, const lup_config *cfg, struct lup_block *b, lup_err *err);
/* An edit of a stored block, merged over what is stored now (as
 * lup_programme_update). */
int lup_block_update(lup_db *db, const lup_config *cfg, const struct lup_block *seen,
                     struct lup_block *b, struct lup_merge_report *mr, lup_err *err);
/* Move a block one place up (delta -1) or down (+1); at either end nothing
 * changes.  Returns its new position. */
int lup_block_move(lup_db *db, const char *id, int delta, lup_err *err);
/* Its sessions stay, without a block; the others close up. */
int lup_block_delete(lup_db *db, const char *id, lup_err *err);

/* ---- Cohorts ----
 *
 * A cohort's status follows from its dates and sessions on a day (today,
 * unless a report asks for another), never from a stored word:
 *   planned   no sessions yet, and its start date (if any) still to come;
 *   open      sessions scheduled, none of them begun: open for enrolment;
 *   running   its first day has come and its last has not passed;
 *   done      its last day has passed.
 * Its first day is the earlier of its start date and its first session,
 * its last day the later of its end date and the end of its last session.
 * A coordinator may set a status by hand (status_override): "cancelled",
 * or one of the four when the dates do not tell it (a cohort closed for
 * enrolment early); it is kept apart and wins until cleared. */

/* The status of a cohort whose first and last days are first and last
 * ("" or NULL when unknown) and which has sessions or not, on today
 * ("YYYY-MM-DD"); override, when set, is returned as it is.  A static
 * keyword. */
const char *lup_cohort_status_on(const char *override, const char *first, const char *last,
                                 int has_sessions, const char *today);

struct lup_cohort {
	char id[LUP_ID_SIZE];            /* "" for a new cohort */
	char programme_id[LUP_ID_SIZE];
	char *name;
	int capacity;                    /* 0 on a new cohort: [programme] default_capacity */
	char start_date[11], end_date[11];  /* "YYYY-MM-DD" or "" */
	char status[12];                 /* read only: the status on today (see above) */
	char status_override[12];        /* "" (from the dates) or a status set by hand */
	char *facilitators;              /* "Eva Ek, Olle Berg" */
	char *notes;
	char created_at[21], updated_at[21];
};

/* People moved from the waitlist into a seat. */
struct lup_promotion {
	char enrolment_id[LUP_ID_SIZE], person_id[LUP_ID_SIZE];
	char name[128];
};
struct lup_promotions {
	struct lup_promotion *v;
	size_t n, cap;
};
void lup_promotions_clear(struct lup_promotions *p);

void lup_cohort_clear(struct lup_cohort *c);
int lup_cohort_get(lup_db *db, const char *id, struct lup_cohort *out, lup_err *err);
/* A cohort REF: a unique id prefix (6+ characters) or a cohort's exact
 * name (any programme; ambiguous names fail with LUP_EAMBIG). */
int lup_cohort_find(lup_db *db, const char *ref, char id[LUP_ID_SIZE], lup_err *err);
/* Validate and insert or update.  Raising the capacity seats people from
 * the waitlist, first come first served; they are added to `promoted`
 * (may be NULL).  The cohort's rule warnings (group size, UL spacing) are
 * added to `warn` (may be NULL).  A new name or facilitators raise the
 * iCalendar sequence of its sessions. */
int lup_cohort_save(lup_db *db, const lup_config *cfg, struct lup_cohort *c,
                    struct lup_warnings *warn, struct lup_promotions *promoted, lup_err *err);
/* An edit of a stored cohort, merged over what is stored now (as
 * lup_programme_update); then saved as lup_cohort_save does. */
int lup_cohort_update(lup_db *db, const lup_config *cfg, const struct lup_cohort *seen,
                      struct lup_cohort *c, struct lup_warnings *warn,
                      struct lup_promotions *promoted, struct lup_merge_report *mr,
                      lup_err *err);
/* Deletes its sessions, enrolments and attendance with it. */
int lup_cohort_delete(lup_db *db, const char *id, lup_err *err);

struct lup_cohort_row {
	char id[LUP_ID_SIZE];
	char name[128];
	char start_date[11], end_date[11];
	char status[12];     /* on today, or the override (see lup_cohort_status_on) */
	char status_override[12];   /* "" unless set by hand */
	int capacity;
	long enrolled;       /* holding a seat: enrolled or completed */
	long completed, waitlisted, sessions;
	int facilitators;    /* how many */
	int warnings;        /* rule warnings (lup_cohort_warnings), when cfg was given */
	/* sort key: start date ("9999-12-31" when undated), a space and the
	 * whole name (200 characters fit) */
	char key[812];
};

struct lup_cohort_query {
	const char *programme_id;   /* NULL: every programme */
	const char *status;         /* NULL or "": any status (as shown: on today) */
	const lup_config *cfg;      /* for the warning counts; NULL skips them */
	const char *filter;         /* NULL or "": all; else a part of the name (any case, å = a) */
};

/* Cohorts by start date (undated ones last), then name, then id.  Up to limit rows
 * after (dir >= 0) or before (dir < 0) the row `from`; from NULL starts at
 * the first (or, backwards, the last) row.  Rows come in display order
 * either way.  Returns the number of rows, or -1. */
int lup_cohort_page(lup_db *db, const struct lup_cohort_query *q,
                    const struct lup_cohort_row *from, int dir, int limit,
                    struct lup_cohort_row *rows, lup_err *err);
int lup_cohort_count(lup_db *db, const struct lup_cohort_query *q, long *n, lup_err *err);
/* The 0-based position of a row in the query's order (for "3 of 19"), or
 * -1 with err set. */
long lup_cohort_position(lup_db *db, const struct lup_cohort_query *q,
                         const struct lup_cohort_row *row, lup_err *err);
/* One row by id (for refreshing the focused row after an edit). */
int lup_cohort_row_get(lup_db *db, const struct lup_cohort_query *q, const char *id,
                       struct lup_cohort_row *row, lup_err *err);

/* ---- Sessions ---- */

#define LUP_SESSION_MAX_DAYS 14   /* a session lasts at most this long */

struct lup_session {
	char id[LUP_ID_SIZE];            /* "" for a new session */
	char cohort_id[LUP_ID_SIZE];
	char block_id[LUP_ID_SIZE];      /* "" for none */
	char *title;                     /* blank: made from the block and kind */
	char kind[12];                   /* course_day, follow_up, study_visit, other */
	char starts_at[17], ends_at[17]; /* "YYYY-MM-DD HH:MM", local time; save
	                                    also takes "YYYY-MM-DDTHH:MM", "HH.MM" */
	char *location;
	char *facilitators;              /* NULL: the cohort's */
	char host_id[LUP_ID_SIZE];       /* a registered host organisation, or "" */
	char *host_name;                 /* or a host outside the register */
	char *notes;
	long sequence;                   /* iCalendar SEQUENCE: +1 on every change */
	char created_at[21], updated_at[21];
};

void lup_session_clear(struct lup_session *s);
int lup_session_get(lup_db *db, const char *id, struct lup_session *out, lup_err *err);
/* Validate and insert or update.  An update that changes anything raises
 * the sequence by one; one that changes nothing writes nothing.  The
 * session's conflicts and its cohort's rule warnings go to `warn` (may be
 * NULL).  Fields: cohort, block_id, title, kind, starts_at, ends_at,
 * location, facilitators, host_id, host_name, notes. */
int lup_session_save(lup_db *db, const lup_config *cfg, struct lup_session *s,
                     struct lup_warnings *warn, lup_err *err);
/* An edit of a stored session, merged over what is stored now (as
 * lup_programme_update); then saved as lup_session_save does. */
int lup_session_update(lup_db *db, const lup_config *cfg, const struct lup_session *seen,
                       struct lup_session *s, struct lup_warnings *warn,
                       struct lup_merge_report *mr, lup_err *err);
int lup_session_delete(lup_db *db, const char *id, lup_err *err);

/* Quick entry.  Copy a session `days` days later (7: the same weekday next
 * week) into cohort `cohort_id` (NULL or "": the same cohort).  Into a
 * cohort of another programme the copy takes that programme's first block
 * of the same kind (or none).  The copy is a new session (new id, sequence
 * 0) stored in *out (may be NULL); its warnings go to `warn`. */
int lup_session_copy(lup_db *db, const lup_config *cfg, const char *id, const char *cohort_id,
                     int days, struct lup_session *out, struct lup_warnings *warn,
                     lup_err *err);

/* What a new session of a cohort most likely is, for a form to start
 * from (never stored): *out gets the block, kind, day and times, and
 * location (free with lup_session_clear).
 *   - the cohort's first session: a course day in the programme's UL
 *     block (else its first block), on its start date (else a week from
 *     today), 09:00–16:00;
 *   - while UL part 1 has fewer than ul_part1_days course days and the
 *     last session is one of them: the next working day, a course day;
 *   - after the last session of a UL block: a follow-up (part 2), a week
 *     later but no sooner than ul_part2_min_weeks after part 1 (a course
 *     day when there is no part 1 yet);
 *   - else the last session's block a week later, as that block's
 *     sessions usually are: a study visit in an activity-based-workplace
 *     block, "other" in an other block, else a course day.
 * Days fall on working days; times and location are the last session's. */
int lup_session_suggest(lup_db *db, const lup_config *cfg, const char *cohort_id,
                        struct lup_session *out, lup_err *err);

struct lup_session_row {
	char id[LUP_ID_SIZE];
	char cohort_id[LUP_ID_SIZE];
	char cohort[128];
	char title[128];
	char kind[12];
	char block[128], block_kind[8];
	char starts_at[17], ends_at[17];
	int isoweek, isoyear;            /* of the start */
	char location[128];
	char facilitators[128];          /* the session's, else the cohort's */
	char host[128];                  /* registered host's name or host_name */
	long sequence;
	int marked;                      /* attendance rows recorded */
	int conflicts;                   /* lup_session_conflicts(), when asked */
};

struct lup_session_query {
	const char *cohort_id;           /* required for lup_session_page */
	int with_conflicts;              /* fill row.conflicts (costs a few queries a row) */
};

/* Sessions of a cohort by start, then id; paging as lup_cohort_page. */
int lup_session_page(lup_db *db, const struct lup_session_query *q,
                     const struct lup_session_row *from, int dir, int limit,
                     struct lup_session_row *rows, lup_err *err);
int lup_session_count(lup_db *db, const struct lup_session_query *q, long *n, lup_err *err);
int lup_session_row_get(lup_db *db, const struct lup_session_query *q, const char *id,
                        struct lup_session_row *row, lup_err *err);

#endif
