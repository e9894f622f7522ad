/* competence.c — what the competence modules share (comp_int.h): a
 * level read or written as the merge shows it, a count. */
#include <stdlib.h>
#include <string.h>
#include "core/comp_int.h"

void lup_comp_level(sqlite3_stmt *st, int col, int *out)
{
	*out = sqlite3_column_type(st, col) == SQLITE_NULL ? LUP_LEVEL_NONE : sqlite3_column_int(st, col);
}

const char *lup_comp_level_text(int level, char buf[16])
{
	if (level == LUP_LEVEL_NONE)
		return NULL;
	if (level == LUP_LEVEL_NA)
		return "n/a";
	snprintf(buf, 16, "%d", level);
	return buf;
}

const char *lup_comp_level_word(const char *value)
{
	return strcmp(value, "n/a") == 0 ? _("not assessed") : value;
}

int lup_comp_count1(lup_db *db, const char *sql, const char *a, lup_err *err)
{
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	long n;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	if (lup_count_row(db, st, &n, 1, _("checking"), err) < 0)
		return -1;
	return (int)n;
}

