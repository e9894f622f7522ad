/* checkin.h — competence check-ins and their ratings: a person rated
 * against a framework revision (framework.h), competence by competence, in
 * a draft made final, corrected by a draft that replaces it.  Lists come
 * page by page (keyset paging, as lup_person_page): give the last row
 * shown and a direction, get the rows that fit.  Kinds and statuses are
 * English keywords; the *_label functions translate them for display.
 * The rest of competence assurance: target.h, due.h, round.h, gaps.h,
 * heatmap.h (all of it: competence.h). */
#ifndef LUP_CHECKIN_H
#define LUP_CHECKIN_H

#include "lup/db.h"
#include "lup/framework.h"
#include "lup/merge.h"
#include "lup/util.h"

/* Levels that are not a level. */
#define LUP_LEVEL_NONE (-1)   /* not rated yet; no target; no level known */
#define LUP_LEVEL_NA   (-2)   /* rated "not assessed" (stored as NULL) */

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

#endif
