/* competence.h — competence assurance on the frameworks of framework.h:
 * target levels per role and per person, check-ins with a rating per
 * competence, re-assessment due dates, and gap analysis.
 *
 * Every list a screen shows comes page by page (keyset paging, as
 * lup_person_page): give the last row shown and a direction, get the rows
 * that fit.  Statuses and kinds are English keywords; the *_label functions
 * translate them for display. */
#ifndef LUP_COMPETENCE_H
#define LUP_COMPETENCE_H

#include "lup/cal.h"
#include "lup/config.h"
#include "lup/db.h"
#include "lup/framework.h"
#include "lup/merge.h"
#include "lup/util.h"

/* Levels that are not a level. */
#define LUP_LEVEL_NONE (-1)   /* not rated yet; no target; no level known */
#define LUP_LEVEL_NA   (-2)   /* rated "not assessed" (stored as NULL) */

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

/* Which framework a person is assessed on: [frameworks] ROLE = ID in
 * lup.ini for their role (matched as targets are), else [competence]
 * framework (cfg NULL: digcomp).  The id, never NULL. */
const char *lup_competence_framework_for(const lup_config *cfg, const char *role);
/* The latest revision of it for a person; LUP_ENOTFOUND (saying which
 * framework and how to import it) when it has not been imported. */
int lup_competence_framework_person(lup_db *db, const lup_config *cfg, const char *person_id,
                                    char id[LUP_UUID_LEN + 1], lup_err *err);

/* ---- Check-ins ---- */

struct lup_checkin {
	char id[LUP_UUID_LEN + 1];             /* "" for a new one */
	char person_id[LUP_UUID_LEN + 1];
	char framework_id[LUP_UUID_LEN + 1];   /* the framework revision rated against */
	char date[11];                         /* YYYY-MM-DD; "" means today */
	char kind[12];                         /* self, manager, validation */
	char assessor_id[LUP_UUID_LEN + 1];    /* a person in lup, or "" */
	char *assessor_name;                   /* an assessor outside lup, or NULL */
	char *note;
	char status[8];                        /* draft, final (read only) */
	char supersedes_id[LUP_UUID_LEN + 1];  /* read only: see lup_checkin_supersede */
	char superseded_by[LUP_UUID_LEN + 1];  /* read only */
	char round_id[LUP_UUID_LEN + 1];       /* the round it was asked for in, or "" */
	char created_at[21], updated_at[21];
};

void lup_checkin_clear(struct lup_checkin *c);   /* frees the strings, zeroes */
int lup_checkin_get(lup_db *db, const char *id, struct lup_checkin *out, lup_err *err);
/* Insert a new draft (id "") or update a draft's date, kind, assessor,
 * note and framework revision (only while nothing is rated).  A manager
 * review without an assessor is given the person's manager.  A final
 * check-in cannot be changed (LUP_ECONFLICT): supersede it.  A failing
 * field is named in err->field. */
int lup_checkin_save(lup_db *db, struct lup_checkin *c, lup_err *err);
/* An edit of a stored draft over what is stored now: seen is the
 * check-in as the screen loaded it (lup/merge.h: LUP_EGONE, LUP_ECHANGED). */
int lup_checkin_update(lup_db *db, const struct lup_checkin *seen, struct lup_checkin *c,
                       struct lup_merge_report *mr, lup_err *err);
/* Make a draft final.  It needs at least one competence rated with a
 * level. */
int lup_checkin_finalize(lup_db *db, const char *id, lup_err *err);
/* Delete a draft (a final check-in is history and stays). */
int lup_checkin_delete(lup_db *db, const char *id, lup_err *err);
/* Start correcting a final check-in: a new draft with its person,
 * framework revision, kind, assessor, note and ratings, dated date (NULL or
 * "": the same date), that replaces it once made final.  If a draft
 * correction exists already, that one is returned. */
int lup_checkin_supersede(lup_db *db, const char *id, const char *date,
                          char new_id[LUP_UUID_LEN + 1], lup_err *err);
/* A person's open draft of a kind (NULL: any kind), newest first: returns
 * 1 and its id, or 0 when there is none. */
int lup_checkin_find_draft(lup_db *db, const char *person_id, const char *kind,
                           char id[LUP_UUID_LEN + 1], lup_err *err);

const char *lup_checkin_kind_label(const char *kind);
const char *lup_checkin_status_label(const char *status);

/* A person's check-ins, newest first. */
struct lup_checkin_row {
	char id[LUP_UUID_LEN + 1];
	char date[11], kind[12], status[8];
	char framework[LUP_FW_IDENT_MAX + 1];
	int revision;
	char assessor[128];      /* the assessor's name */
	char round[128];         /* the round it was asked for in, or "" */
	long rated, competences; /* ratings given (levels or "not assessed"), of how many */
	int superseded;          /* 1: a final correction replaces it */
	char created_at[21];     /* with date and id: the row's place, for paging */
};
int lup_checkin_page(lup_db *db, const char *person_id, const struct lup_checkin_row *from,
                     int dir, int limit, struct lup_checkin_row *rows, lup_err *err);

/* ---- Ratings: the sheet of one check-in ---- */

struct lup_rating_row {
	char competence_id[LUP_UUID_LEN + 1];
	long seq;                        /* place in the framework; pages on it */
	char code[LUP_FW_CODE_MAX + 1];
	char name[LUP_FW_NAME_MAX + 1], name_sv[LUP_FW_NAME_MAX + 1];
	char area[LUP_FW_CODE_MAX + 1];
	char area_name[LUP_FW_NAME_MAX + 1], area_name_sv[LUP_FW_NAME_MAX + 1];
	int level_min, level_max;
	int level;                       /* a level, LUP_LEVEL_NA or LUP_LEVEL_NONE */
	char comment[512];               /* its start, for display */
	int target;                      /* the person's target in force at the end of
	                                    the check-in's day, or LUP_LEVEL_NONE */
	int previous;                    /* their level in the last final check-in of
	                                    the same kind (self vs others) for the same
	                                    competence (by identity), or LUP_LEVEL_NONE */
	int previous_rev;                /* the revision that level was given in */
	char previous_date[11];
};
/* The competences of the check-in's framework revision that are not
 * retired, in framework order, with this check-in's ratings.  Up to limit
 * rows after (dir > 0) or before (dir < 0) the row from (NULL: from the
 * start, or with dir < 0 from the end); rows come in display order. */
int lup_rating_page(lup_db *db, const char *checkin_id, const struct lup_rating_row *from,
                    int dir, int limit, struct lup_rating_row *rows, lup_err *err);
/* How many competences the sheet has and how many are rated. */
int lup_rating_count(lup_db *db, const char *checkin_id, long *rated, long *total, lup_err *err);
/* Rate one competence of a draft: a level in the competence's range,
 * LUP_LEVEL_NA ("not assessed"), or LUP_LEVEL_NONE to take the rating
 * (and its comment) away.  One keystroke, one call: a cached statement and
 * one small transaction. */
int lup_rating_set(lup_db *db, const char *checkin_id, const char *competence_id, int level,
                   lup_err *err);
/* A rating changed on a sheet: seen is the level the sheet showed, merged
 * with the stored one (lup/merge.h) before lup_rating_set.  The check-in
 * deleted since: LUP_EGONE. */
int lup_rating_edit(lup_db *db, const char *checkin_id, const char *competence_id, int seen,
                    int level, struct lup_merge_report *mr, lup_err *err);
/* The comment of a rating (rate first; NULL or "" removes it). */
int lup_rating_comment(lup_db *db, const char *checkin_id, const char *competence_id,
                       const char *comment, lup_err *err);
/* A comment edited in a form: seen is the comment as the form loaded it,
 * merged with the stored one (lup/merge.h) before lup_rating_comment. */
int lup_rating_comment_edit(lup_db *db, const char *checkin_id, const char *competence_id,
                            const char *seen, const char *comment, struct lup_merge_report *mr,
                            lup_err *err);
/* The whole comment, malloc'd (NULL when none). */
int lup_rating_get_comment(lup_db *db, const char *checkin_id, const char *competence_id,
                           char **comment, lup_err *err);

/* ---- Re-assessment ---- */

enum lup_due_state {
	LUP_DUE_OVERDUE,   /* the due date has passed */
	LUP_DUE_SOON,      /* due within competence:due_soon_days (today included) */
	LUP_DUE_NEVER,     /* no final check-in yet */
	LUP_DUE_OK         /* assessed, not due for a while */
};
#define LUP_DUE_LISTED ((1u << LUP_DUE_OVERDUE) | (1u << LUP_DUE_SOON) | (1u << LUP_DUE_NEVER))

const char *lup_due_state_label(enum lup_due_state s);

/* Days between assessments for a role: [interval] ROLE in lup.ini, else
 * competence:interval_days (cfg NULL: the built-in default). */
int lup_competence_interval(const lup_config *cfg, const char *role);

/* A person's re-assessment: their latest final check-in (of any kind and
 * framework, corrections counted in place of what they replace) plus the
 * interval of their role gives the next due date. */
struct lup_due_info {
	enum lup_due_state state;
	char last[11];        /* date of the latest final check-in, or "" */
	char last_kind[12];
	char due[11];         /* next due date, or "" when never assessed */
	int interval;         /* days */
	long days;            /* due - today: negative when overdue */
};
int lup_due_person(lup_db *db, const lup_config *cfg, const char *person_id, lup_date today,
                   struct lup_due_info *out, lup_err *err);

struct lup_due_query {
	lup_date today;
	const char *filter;      /* matched against name, e-mail, unit, role; may be NULL */
	const char *cohort_id;   /* only this cohort's people (not withdrawn); may be NULL */
	unsigned states;         /* bits 1 << LUP_DUE_*; 0 means LUP_DUE_LISTED */
};

/* The Due list: active people, overdue first (longest overdue at the
 * top), then due soon (soonest first), then never assessed (by name), then
 * (when asked for) up to date.  The list is worked out for everyone at once
 * into a temporary table and pages come from an index on it: the first call
 * after a change costs a full pass (about 0.2 s at 50,000 people), every
 * page after it well under a millisecond.  A change means a write by this
 * connection to what the list reads (a person's name, unit, role or
 * activity, a final check-in, an enrolment's cohort or withdrawal), any
 * write by another connection, another day, cohort or [interval]; other
 * writes (attendance, draft ratings, hosts, placements) keep it, and
 * nothing needs to be invalidated by hand.  The filter is matched against
 * the table, so typing one costs milliseconds. */
struct lup_due_row {
	char id[LUP_UUID_LEN + 1];
	char name[128], org_unit[96], role[96];
	enum lup_due_state state;
	char last[11], due[11];
	long days;               /* due - today; 0 for never assessed */
	int interval;
	char key[128];           /* the sort name: with state, due and id the row's place */
};
int lup_due_page(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                 const struct lup_due_row *from, int dir, int limit,
                 struct lup_due_row *rows, lup_err *err);
/* The 0-based place of row among the rows the query lists (for a list's
 * "34 of 312"): the rows before it; from the same snapshot, so about as
 * cheap as a page. */
long lup_due_position(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                      const struct lup_due_row *row, lup_err *err);
/* People in each state (counts[LUP_DUE_*]), with the query's filter and
 * cohort; states is ignored. */
int lup_due_count(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                  long counts[4], lup_err *err);
/* The same without the filter: everyone in each state (with the query's
 * cohort), what a filtered list is "out of".  Kept with the snapshot, so
 * as cheap as a page. */
int lup_due_count_all(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                      long counts[4], lup_err *err);
/* Diagnostic, for tests and benchmarks: how many times this process has
 * worked the Due list out afresh (see lup_due_page). */
unsigned long lup_due_rebuilds(void);

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

/* ---- Gap analysis ---- */

enum lup_change {
	LUP_CHANGE_NONE,   /* no earlier level to compare with */
	LUP_CHANGE_UP,
	LUP_CHANGE_SAME,
	LUP_CHANGE_DOWN
};

/* One competence for one person.  Levels come from final check-ins of
 * any revision of the framework's ident (matched by the competence's
 * identity, never by the bare code; a correction counts in place of what
 * it replaces), the latest that rates the competence with a level;
 * self-assessments apart from manager and validation ratings
 * ("assessed").  Each level says which revision it was given in.  The
 * target is the one in force now. */
struct lup_gap_row {
	char competence_id[LUP_UUID_LEN + 1];
	long seq;
	char code[LUP_FW_CODE_MAX + 1];
	char name[LUP_FW_NAME_MAX + 1], name_sv[LUP_FW_NAME_MAX + 1];
	char area[LUP_FW_CODE_MAX + 1];
	int level_min, level_max;
	int target, target_personal;       /* LUP_LEVEL_NONE: no target */
	int self, self_prev;               /* LUP_LEVEL_NONE: none */
	int self_rev, self_prev_rev;       /* the revisions they were given in */
	char self_date[11];
	enum lup_change self_change;
	int assessed, assessed_prev;
	int assessed_rev, assessed_prev_rev;
	char assessed_date[11], assessed_kind[12];
	enum lup_change assessed_change;
	int level;                         /* assessed if known, else self */
	int has_gap;                       /* target and level both known */
	int gap;                           /* target - level: > 0 below target */
};
/* The competences (not retired) of framework revision framework_id, paged
 * like lup_rating_page. */
int lup_gap_page(lup_db *db, const char *person_id, const char *framework_id,
                 const struct lup_gap_row *from, int dir, int limit,
                 struct lup_gap_row *rows, lup_err *err);

/* Which levels a heat map uses. */
enum lup_gap_source {
	LUP_GAP_BEST,       /* manager or validation when there is one, else self */
	LUP_GAP_SELF,
	LUP_GAP_ASSESSED
};
enum lup_heat_by { LUP_HEAT_UNIT, LUP_HEAT_COHORT };

struct lup_heat_query {
	const char *framework_id;   /* the revision whose areas and competences count */
	enum lup_heat_by by;        /* rows: org units, or cohorts */
	const char *cohort_id;      /* only this cohort's people; may be NULL */
	enum lup_gap_source source;
};

struct lup_heat_cell {
	long pairs;       /* person × competence with a target and a level */
	long below;       /* of those, below target */
	long unassessed;  /* with a target but no level */
	double mean_gap;  /* mean shortfall max(0, target - level) over pairs */
};

/* Rows (units or cohorts, in Swedish alphabetical order; "" is people
 * without a unit) × columns (the framework's areas in order). */
/* Built in one pass; a cohort takes a millisecond or two, everyone at
 * 50,000 people with 1.3 million ratings about two seconds. */
struct lup_heatmap {
	int revision;                  /* of the framework_id asked for */
	int rev_min, rev_max;          /* the revisions the levels counted were given in
	                                  (0 when none counted) */
	size_t nrows, ncols;
	char **row_label;
	long *row_people;              /* active people in the row */
	char **col_code, **col_name, **col_name_sv;
	struct lup_heat_cell *cells;   /* cells[row * ncols + col] */
};
int lup_heatmap_build(lup_db *db, const struct lup_heat_query *q, struct lup_heatmap *out,
                      lup_err *err);
void lup_heatmap_free(struct lup_heatmap *h);
/* A stamp of what the heat map reads: equal stamps, the same map.  Only
 * changes that can alter it (people's roles and units, enrolments,
 * cohorts, final check-ins and their ratings, targets, frameworks) or any
 * change by another connection make a new one: an attendance mark or a
 * draft's rating does not. */
void lup_heatmap_stamp(lup_db *db, struct lup_db_stamp *out);

#endif
