/* heatmap.h — the heat map: org units or cohorts × a framework's
 * areas, how far people fall short of their targets. */
#ifndef LUP_HEATMAP_H
#define LUP_HEATMAP_H

#include "lup/db.h"

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
 * without a unit) × columns (the framework's areas in order).  Built in
 * one pass over the people and their ratings: a cohort takes a
 * millisecond or two, everyone at 50,000 people about 0.4 s, with a
 * million ratings about two seconds. */
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
void lup_heatmap_clear(struct lup_heatmap *h);
/* The same pass a few milliseconds at a time, for a screen that stays
 * live meanwhile: begin reads the framework and the targets and sets out's
 * columns (cheap); each step goes on for about ms milliseconds (ms < 0:
 * to the end) and returns 0 while there is more to do (*progress, may be
 * NULL: about how far, 0 to 1), 1 when out is complete (rows and cells),
 * -1 on failure (out emptied).  end frees what building needed, not out.
 * A write between begin and the last step can leave the map part before
 * and part after it: a screen compares lup_heatmap_stamp at both ends and
 * starts again when they differ. */
typedef struct lup_heat_build lup_heat_build;
int lup_heatmap_begin(lup_db *db, const struct lup_heat_query *q, struct lup_heatmap *out,
                      lup_heat_build **b, lup_err *err);
int lup_heatmap_step(lup_heat_build *b, int ms, double *progress, lup_err *err);
void lup_heatmap_end(lup_heat_build *b);
/* A stamp of what the heat map reads: equal stamps, the same map.  Only
 * changes that can alter it (people's roles and units, enrolments,
 * cohorts, final check-ins and their ratings, targets, frameworks) or any
 * change by another connection make a new one: an attendance mark or a
 * draft's rating does not. */
void lup_heatmap_stamp(lup_db *db, struct lup_db_stamp *out);

#endif
