/* due.h — re-assessment: what lup.ini says for a role (the
 * interval between check-ins, the framework assessed on), a person's next
 * due check-in, and the Due list. */
#ifndef LUP_DUE_H
#define LUP_DUE_H

#include "lup/cal.h"
#include "lup/config.h"
#include "lup/db.h"
#include "lup/util.h"

/* Which framework a person is assessed on: [frameworks] ROLE = ID in
 * lup.ini for their role (matched as targets are), else [competence]
 * framework (cfg NULL: digcomp).  The id, never NULL. */
const char *lup_competence_framework_for(const lup_config *cfg, const char *role);
/* The latest revision of it for a person; LUP_ENOTFOUND (saying which
 * framework and how to import it) when it has not been imported. */
int lup_competence_framework_person(lup_db *db, const lup_config *cfg, const char *person_id,
                                    char id[LUP_UUID_LEN + 1], lup_err *err);

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
 * (when asked for) up to date.  Each page comes from indexes over what the
 * database keeps for every person (schema 7: the day of their latest check-in
 * that counts, kept by the write that changes it), a few rows from each
 * role that [interval] gives its own interval and from everyone else,
 * merged: a page costs about the same at 50,000 people as at 300, and a
 * count (or a place) reads the indexes once, about 10 ms at 50,000.
 * Nothing is worked out beforehand or kept between calls.  The filter is
 * matched against name, e-mail, unit and role. */
struct lup_due_row {
	char id[LUP_UUID_LEN + 1];
	char name[128], org_unit[96], role[96];
	enum lup_due_state state;
	char last[11], due[11];
	long days;               /* due - today; 0 for never assessed */
	int interval;
	char key[512];           /* the sort name: with state, due and id the row's place */
};
int lup_due_page(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                 const struct lup_due_row *from, int dir, int limit,
                 struct lup_due_row *rows, lup_err *err);
/* The 0-based place of row among the rows the query lists (for a list's
 * "34 of 312"): the rows before it, counted as lup_due_count does. */
long lup_due_position(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                      const struct lup_due_row *row, lup_err *err);
/* People in each state (counts[LUP_DUE_*]), with the query's filter and
 * cohort; states is ignored. */
int lup_due_count(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                  long counts[4], lup_err *err);
/* The same without the filter: everyone in each state (with the query's
 * cohort), what a filtered list is "out of". */
int lup_due_count_all(lup_db *db, const lup_config *cfg, const struct lup_due_query *q,
                      long counts[4], lup_err *err);

#endif
