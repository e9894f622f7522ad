/* report.h — the programme's progress for its steering group, as figures
 * (what the Reports screen shows) and as text, Markdown or HTML.
 *
 * Definitions (lup(1) says the same):
 * - reached: people with a place (enrolled or completed); completed: people
 *   whose enrolment is completed; both are set against the programme's
 *   target (or [programme] target when the programme has none).
 * - a session is held once its day has come (it starts on or before the
 *   report's day); only held sessions count, so marks on a session still
 *   to come (which an older lup let in) are left out everywhere.
 * - attendance rate: (present + late) / (present + late + absent) over held
 *   sessions; excused absences are counted apart and left out of the rate.
 * - a cohort runs the blocks it has sessions in; the by-cohort table says
 *   which, and the by-block table counts only the cohorts that run each
 *   block (a block a cohort does not run is neither met nor missed).
 * - a block is finished in a cohort when all of the cohort's sessions of
 *   that block have been held; a participant completed the block when they
 *   attended (present or late) at least the block's minimum share of them.
 * - a cohort's status is the one its dates and sessions give on the
 *   report's day (lup_cohort_status_on), or the one set by hand.
 * - study visits made: sessions with a host organisation (from the
 *   register, or a name typed on the session), held and still to come,
 *   per host, with the cohorts that made them and who was there.
 * - competence change: for each person with two or more final
 *   self-assessments, the mean of their ratings in an area in the first
 *   and in the latest; the report gives the mean of those over people.
 * - a check-in is overdue when a participant's latest final check-in is
 *   older than their interval ([interval] by role, else
 *   [competence] interval_days), or when they have none.
 */
#ifndef LUP_REPORT_H
#define LUP_REPORT_H

#include <stdio.h>
#include "lup/config.h"
#include "lup/db.h"
#include "lup/shadowing.h"
#include "lup/util.h"

struct lup_report_att {
	long present, late, excused, absent;
};
/* (present + late) / (present + late + absent), or -1 when none. */
double lup_report_att_rate(const struct lup_report_att *a);

struct lup_report_enrol {
	long enrolled, completed, waitlisted, withdrawn;
};

struct lup_report_programme {
	char id[LUP_UUID_LEN + 1];
	char name[201], start_date[11], end_date[11];
	long target;
	struct lup_report_enrol enrol;
	long cohorts;
};

struct lup_report_cohort {
	char id[LUP_UUID_LEN + 1], programme_id[LUP_UUID_LEN + 1];
	char name[201], status[16], start_date[11], end_date[11];
	long capacity;
	struct lup_report_enrol enrol;
	long sessions, sessions_held;
	unsigned runs;       /* bit seq-1: the cohort has sessions of the programme's block seq */
	struct lup_report_att att;
	long checkins_due, checkins_overdue, checkins_never;  /* participants counted */
};

struct lup_report_block {
	char id[LUP_UUID_LEN + 1], programme_id[LUP_UUID_LEN + 1];
	char name[201], kind[8];
	int seq;
	double min_attendance;
	long sessions, sessions_held;
	struct lup_report_att att;
	long cohorts, runs;  /* cohorts of its programme; of them, those that run it */
	long participants;   /* enrolled or completed in cohorts with sessions of this block */
	long finished;       /* … in cohorts where the block is finished */
	long completed;      /* … of those, attended at least min_attendance */
};

struct lup_report_country {
	char country[3];
	long by_status[LUP_PS_COUNT];   /* by enum lup_pstatus */
	long total, days;            /* days: length of the completed stays */
};

struct lup_report_visits {
	char host[201];
	int registered;      /* a host from the register (else a name typed on sessions) */
	long held, planned;  /* study visits made, and still to come */
	long cohorts;        /* cohorts that made one */
	long present;        /* present or late at the visits made */
};

struct lup_report_area {
	char framework[65], code[32], name[201], name_sv[201];
	long people;
	double before, after;
	int first_rev_min, first_rev_max;     /* the framework revisions the first */
	int latest_rev_min, latest_rev_max;   /* and the latest levels were given in */
};

struct lup_report {
	char as_of[11];              /* the day the report describes */
	long people, active_people;
	long default_target;         /* [programme] target */
	struct lup_report_programme *programmes;
	size_t nprogrammes;
	struct lup_report_cohort *cohorts;      /* by programme, start date, name */
	size_t ncohorts;
	struct lup_report_block *blocks;        /* by programme, sequence */
	size_t nblocks;
	struct lup_report_att att;              /* every recorded session */
	struct lup_report_visits *visits;       /* most visits made first */
	size_t nvisits;
	long placements[LUP_PS_COUNT];          /* by enum lup_pstatus */
	long placements_total;
	struct lup_report_country *countries;   /* most placements first */
	size_t ncountries;
	struct lup_report_area *areas;          /* by framework, area code */
	size_t nareas;
	long competence_people;                 /* people with a before and an after */
	long interval_days;                     /* [competence] interval_days */
	long checkins_due, checkins_overdue, checkins_never;
};

/* The blocks cohort c of r runs, by number: "3 of 3", "2 of 3: 1, 3", or
 * "none" (translated) into buf. */
void lup_report_blocks_run(const struct lup_report *r, const struct lup_report_cohort *c,
                           char *buf, size_t n);

/* The check-ins in one sentence (translated): how many participants,
 * how many overdue, how many with none yet, into buf. */
void lup_report_checkins_said(const struct lup_report *r, char *buf, size_t n);

/* Gather the figures as of a day (YYYY-MM-DD; NULL or "" for today).
 * cfg may be NULL (built-in defaults). */
int lup_report_build(lup_db *db, const lup_config *cfg, const char *as_of,
                     struct lup_report *r, lup_err *err);
void lup_report_clear(struct lup_report *r);

/* The same figures a few milliseconds at a time, for a screen that must
 * stay live meanwhile: begin, then step until it returns 1 (each step
 * goes on for about ms milliseconds; ms < 0: to the end, 0: one row or
 * one phase's end; *progress, if
 * not NULL, gets 0..1), then take the figures; free at any time.  The
 * statement under way stays open between steps; a write between begin
 * and the last step can leave some figures before it and some after
 * (compare lup_db_stamp before and after, as the heat map does). */
typedef struct lup_report_gather lup_report_gather;
int lup_report_gather_begin(lup_db *db, const lup_config *cfg, const char *as_of,
                            lup_report_gather **out, lup_err *err);
/* 1 when the figures are complete, 0 when there is more to do, -1 on error */
int lup_report_gather_step(lup_report_gather *g, int ms, double *progress, lup_err *err);
void lup_report_gather_take(lup_report_gather *g, struct lup_report *r);
void lup_report_gather_free(lup_report_gather *g);

enum lup_report_format { LUP_REPORT_TEXT, LUP_REPORT_MD, LUP_REPORT_HTML };

int lup_report_write(const struct lup_report *r, enum lup_report_format f, FILE *out,
                     lup_err *err);
/* Written safely (temporary file, fsync, rename); "-" is standard output. */
int lup_report_file(const struct lup_report *r, enum lup_report_format f,
                    const char *path, lup_err *err);
/* As the two above, with the text format fitted to `width` columns (0: no
 * limit): paragraphs wrap between words, and a table wider than that wraps
 * the cells of its widest columns over several lines. */
int lup_report_write_width(const struct lup_report *r, enum lup_report_format f, FILE *out,
                           int width, lup_err *err);
int lup_report_file_width(const struct lup_report *r, enum lup_report_format f,
                          const char *path, int width, lup_err *err);

#endif
