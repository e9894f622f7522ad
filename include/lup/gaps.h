/* gaps.h — gap analysis: a person's levels against their targets,
 * competence by competence. */
#ifndef LUP_GAPS_H
#define LUP_GAPS_H

#include "lup/checkin.h"
#include "lup/db.h"
#include "lup/framework.h"

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

#endif
