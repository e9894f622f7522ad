/* people.h — the leaders, managers and facilitators lup knows. */
#ifndef LUP_PEOPLE_H
#define LUP_PEOPLE_H

#include "lup/db.h"
#include "lup/merge.h"
#include "lup/util.h"

struct lup_person {
	char id[LUP_UUID_LEN + 1];      /* "" for a new person */
	char *name, *email, *phone, *org_unit, *role, *manager_id, *employee_no;
	int active;
	char created_at[21], updated_at[21];
};

/* Free the strings of p (not p itself) and zero it. */
void lup_person_clear(struct lup_person *p);
int lup_person_get(lup_db *db, const char *id, struct lup_person *out, lup_err *err);
/* A REF: an e-mail address, an employee number, or else as lup_ref_find
 * (ref.h) finds a person: a name, a unique id prefix (6+ characters), the
 * unique start of a name. */
int lup_person_find(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err);
/* Only an e-mail address, an employee number or a unique id prefix: for a
 * file's manager column, where a name's start must not pick someone. */
int lup_person_find_strict(lup_db *db, const char *ref, char id[LUP_UUID_LEN + 1], lup_err *err);
/* Validate and insert (id "") or update.  Name required; e-mail syntax and
 * uniqueness; employee number unique; the manager must exist and must not
 * make a cycle.  A failing field is named in err->field. */
int lup_person_save(lup_db *db, struct lup_person *p, lup_err *err);
/* The same checks and the same write as lup_person_save, for a caller that
 * saves many people inside its own transaction (lup_db_begin): without
 * the savepoint lup_person_save opens for each person.  None is needed:
 * every check runs before the single INSERT or UPDATE, which SQLite
 * applies whole or not at all, so a refused person leaves nothing behind
 * and the caller may go on.  Fails when no transaction is open. */
int lup_person_save_in(lup_db *db, struct lup_person *p, lup_err *err);
/* Save an edit of a stored person: seen is the person as the screen
 * loaded them, p the edit (p->id theirs).  In one transaction the stored
 * person is merged with the edit column by column (lup/merge.h): what was
 * changed elsewhere since seen is kept, what only p changed is written;
 * fails with LUP_EGONE (deleted since) or LUP_ECHANGED (a column changed
 * on both sides, to be decided in mr) and then writes nothing.  mr may
 * be NULL. */
int lup_person_update(lup_db *db, const struct lup_person *seen, struct lup_person *p,
                      struct lup_merge_report *mr, lup_err *err);
int lup_person_delete(lup_db *db, const char *id, lup_err *err);

/* What goes with a person when they are deleted. */
struct lup_person_impact {
	long enrolments, attendance, placements, checkins, log_entries,
	     reports;  /* people who have them as manager (they lose it) */
};
int lup_person_impact(lup_db *db, const char *id, struct lup_person_impact *out, lup_err *err);

/* ---- The list: keyset pagination, so a page costs the same at 300 people
 * as at 50,000. ---- */
enum lup_person_sort { LUP_PSORT_NAME, LUP_PSORT_UNIT, LUP_PSORT_ROLE, LUP_PSORT_COUNT };

struct lup_person_row {
	char id[LUP_UUID_LEN + 1];
	char name[128], org_unit[96], role[96], email[128];
	char status[24];     /* programme status: enrolled, waitlisted, completed, withdrawn or "" */
	char cohort[64];     /* the cohort of that status */
	int active;
	/* the sort key of the row, for paging on from it */
	char key1[128], key2[128];
};

struct lup_person_query {
	const char *filter;              /* matched against name, e-mail, unit, role; may be NULL */
	enum lup_person_sort sort;
};

/* Up to limit rows after (or, dir < 0, before) the row `from` (NULL: from the
 * start, or with dir < 0 from the end).  Rows come in display order either
 * way.  With a filter, "by name" puts the best matches of the name first
 * (lup_match_rank: whole name, its start, a word's start, inside a word),
 * each rank by name.  Returns the number of rows, or -1. */
int lup_person_page(lup_db *db, const struct lup_person_query *q,
                    const struct lup_person_row *from, int dir, int limit,
                    struct lup_person_row *rows, lup_err *err);
/* The list row of one person, with the sort keys of q->sort, to page on
 * from (e.g. to focus someone just saved).  The filter is not applied. */
int lup_person_row(lup_db *db, const struct lup_person_query *q, const char *id,
                   struct lup_person_row *out, lup_err *err);
/* How many people there are, and how many match the filter. */
int lup_person_count(lup_db *db, const struct lup_person_query *q,
                     long *total, long *matching, lup_err *err);
/* The 0-based position of a row in the query's order (for "34 of 312"). */
long lup_person_position(lup_db *db, const struct lup_person_query *q,
                         const struct lup_person_row *row, lup_err *err);
/* Sort names, for the status line. */
const char *lup_person_sort_name(enum lup_person_sort s);

/* For the detail view.  Sessions count once held (their day has come):
 * a mark on a session still to come is left out. */
struct lup_person_summary {
	long enrolments, sessions_attended, sessions_missed, sessions_excused,
	     placements, checkins;
	char programme_status[24], cohort[128];
	char last_checkin[11];          /* date or "" */
	char manager_name[128];
};
int lup_person_summary(lup_db *db, const char *id, struct lup_person_summary *out, lup_err *err);

#endif
