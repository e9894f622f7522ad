/* comp_int.h — what the competence modules share: checkin.c (check-ins
 * and ratings), target.c (targets), due.c (due dates and the Due list),
 * gaps.c (gaps), heatmap.c (the heat map), round.c (check-in rounds) and
 * profile.c (a person's competence profile); the helpers are in
 * competence.c. */
#ifndef LUP_CORE_COMP_INT_H
#define LUP_CORE_COMP_INT_H

#include "core/internal.h"
#include "lup/competence.h"

/* A check-in that counts: final, and not replaced by a final correction. */
#define EFFECTIVE(k) k ".status = 'final' AND NOT EXISTS (SELECT 1 FROM checkin s " \
	"WHERE s.supersedes_id = " k ".id AND s.status = 'final')"

/* The moment whose targets a check-in k (of framework revision f) is
 * measured against: the end of its day, or when its revision was
 * imported if that came later (a check-in entered after the fact). */
#define TARGET_TIME(k, f) "max(date(" k ".date, '+1 day'), " f ".imported_at)"
/* A target row t in force at the moment T (both SQL expressions). */
#define IN_FORCE(t, T) "(" t ".valid_from <= " T " AND (" t ".valid_to IS NULL OR " t ".valid_to > " T "))"
/* The target level of competence identity I for person P at moment T:
 * their own, else their role's (as their role is now). */
#define TARGET_AT(I, P, T) \
	"coalesce((SELECT t.level FROM target t JOIN competence tc ON tc.id = t.competence_id " \
	"WHERE tc.identity = " I " AND t.person_id = " P " AND " IN_FORCE("t", T) "), " \
	"(SELECT t.level FROM target t JOIN competence tc ON tc.id = t.competence_id " \
	"JOIN person tp ON tp.id = " P " WHERE tc.identity = " I " AND t.role_key = tp.sort_role " \
	"AND " IN_FORCE("t", T) "))"

/* A level column: NULL is LUP_LEVEL_NONE. */
void lup_comp_level(sqlite3_stmt *st, int col, int *out);
/* A level as text for the merge: NULL for none, "n/a" for not assessed;
 * and how a person reads such a text. */
const char *lup_comp_level_text(int level, char buf[16]);
const char *lup_comp_level_word(const char *value);
/* The one number a query with one text parameter returns; -1 on error. */
int lup_comp_count1(lup_db *db, const char *sql, const char *a, lup_err *err);

/* Whether the Due list shows today a person of role (as written; may be
 * NULL) whose latest check-in that counts was on the day last (NULL or
 * "": never assessed): overdue, due soon or never assessed. */
int lup_due_listed(const lup_config *cfg, const char *role, const char *last, lup_date today);

/* A new target row, in force from valid_from: for role (as written) or
 * person_id, of competence competence_id (whose identity is identity) in
 * revision framework_id.  source: "file" or "user". */
int lup_target_insert(lup_db *db, const char *framework_id, const char *competence_id,
                      const char *identity, const char *role, const char *person_id, int level,
                      const char *source, const char *valid_from, lup_err *err);

#endif
