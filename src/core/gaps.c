/* gaps.c — gap analysis: for one person, each competence of a framework
 * revision with their latest self-assessed and assessed levels (given in
 * any revision of the framework, matched by the competence's identity),
 * the change since the level before, and the shortfall against the target
 * in force now. */
#include <string.h>
#include "core/comp_int.h"

#define copy_level lup_comp_level

/* ?1 person, ?2 framework revision.  Ratings are matched to the
 * revision's competences by identity; each carries its revision. */
#define GAP_CTE \
	"WITH rt AS (SELECT c2.identity, r.level, k.kind, k.date, g.revision, k.kind <> 'self' AS assessed, " \
	"row_number() OVER (PARTITION BY c2.identity, k.kind <> 'self' " \
	"ORDER BY k.date DESC, k.created_at DESC, k.id DESC) AS n " \
	"FROM checkin k JOIN rating r ON r.checkin_id = k.id JOIN competence c2 ON c2.id = r.competence_id " \
	"JOIN framework g ON g.id = k.framework_id " \
	"WHERE k.person_id = ?1 AND " EFFECTIVE("k") " AND r.level IS NOT NULL " \
	"AND g.ident = (SELECT ident FROM framework WHERE id = ?2)) "
/* the targets in force now */
#define GAP_SEL \
	"SELECT c.id, c.seq, c.code, c.name, coalesce(c.name_sv, ''), a.code, c.level_min, c.level_max, " \
	"(SELECT t.level FROM target t JOIN competence tc ON tc.id = t.competence_id " \
	"WHERE tc.identity = c.identity AND t.person_id = ?1 AND t.valid_to IS NULL), " \
	"(SELECT t.level FROM target t JOIN competence tc ON tc.id = t.competence_id, person p " \
	"WHERE p.id = ?1 AND tc.identity = c.identity AND t.role_key = p.sort_role AND t.valid_to IS NULL), " \
	"s1.level, s1.date, s2.level, m1.level, m1.date, m1.kind, m2.level, " \
	"s1.revision, s2.revision, m1.revision, m2.revision " \
	"FROM competence c JOIN area a ON a.id = c.area_id " \
	"LEFT JOIN rt s1 ON s1.identity = c.identity AND s1.assessed = 0 AND s1.n = 1 " \
	"LEFT JOIN rt s2 ON s2.identity = c.identity AND s2.assessed = 0 AND s2.n = 2 " \
	"LEFT JOIN rt m1 ON m1.identity = c.identity AND m1.assessed = 1 AND m1.n = 1 " \
	"LEFT JOIN rt m2 ON m2.identity = c.identity AND m2.assessed = 1 AND m2.n = 2 " \
	"WHERE c.framework_id = ?2 AND c.retired = 0 "

static const char *const gap_sql[2][2] = {
	{ GAP_CTE GAP_SEL "ORDER BY c.seq LIMIT ?4",
	  GAP_CTE GAP_SEL "AND c.seq > ?3 ORDER BY c.seq LIMIT ?4" },
	{ GAP_CTE GAP_SEL "ORDER BY c.seq DESC LIMIT ?4",
	  GAP_CTE GAP_SEL "AND c.seq < ?3 ORDER BY c.seq DESC LIMIT ?4" },
};

static enum lup_change change(int now, int before)
{
	if (now == LUP_LEVEL_NONE || before == LUP_LEVEL_NONE)
		return LUP_CHANGE_NONE;
	return now > before ? LUP_CHANGE_UP : now < before ? LUP_CHANGE_DOWN : LUP_CHANGE_SAME;
}

static void gap_row(sqlite3_stmt *st, void *row)
{
	struct lup_gap_row *r = row;
	int own, byrole;
	lup_col_copy(st, 0, r->competence_id, sizeof r->competence_id);
	r->seq = (long)sqlite3_column_int64(st, 1);
	lup_col_copy(st, 2, r->code, sizeof r->code);
	lup_col_copy(st, 3, r->name, sizeof r->name);
	lup_col_copy(st, 4, r->name_sv, sizeof r->name_sv);
	lup_col_copy(st, 5, r->area, sizeof r->area);
	r->level_min = sqlite3_column_int(st, 6);
	r->level_max = sqlite3_column_int(st, 7);
	copy_level(st, 8, &own);
	copy_level(st, 9, &byrole);
	r->target = own != LUP_LEVEL_NONE ? own : byrole;
	r->target_personal = own != LUP_LEVEL_NONE;
	copy_level(st, 10, &r->self);
	lup_col_copy(st, 11, r->self_date, sizeof r->self_date);
	copy_level(st, 12, &r->self_prev);
	copy_level(st, 13, &r->assessed);
	lup_col_copy(st, 14, r->assessed_date, sizeof r->assessed_date);
	lup_col_copy(st, 15, r->assessed_kind, sizeof r->assessed_kind);
	copy_level(st, 16, &r->assessed_prev);
	r->self_rev = sqlite3_column_int(st, 17);
	r->self_prev_rev = sqlite3_column_int(st, 18);
	r->assessed_rev = sqlite3_column_int(st, 19);
	r->assessed_prev_rev = sqlite3_column_int(st, 20);
	r->self_change = change(r->self, r->self_prev);
	r->assessed_change = change(r->assessed, r->assessed_prev);
	r->level = r->assessed != LUP_LEVEL_NONE ? r->assessed : r->self;
	r->has_gap = r->level != LUP_LEVEL_NONE && r->target != LUP_LEVEL_NONE;
	r->gap = r->has_gap ? r->target - r->level : 0;
}

int lup_gap_page(lup_db *db, const char *person_id, const char *framework_id,
                 const struct lup_gap_row *from, int dir, int limit,
                 struct lup_gap_row *rows, lup_err *err)
{
	int back = dir < 0;
	sqlite3_stmt *st = lup_stmt(db, gap_sql[back][from != NULL], err);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, person_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, framework_id, -1, SQLITE_TRANSIENT);
	if (from)
		sqlite3_bind_int64(st, 3, from->seq);
	sqlite3_bind_int(st, 4, limit);
	return lup_page_rows(db, st, back, limit, rows, sizeof *rows, gap_row, _("reading gaps"), err);
}
