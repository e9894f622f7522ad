/* competence.c — what the competence modules share (comp_int.h): a
 * statement run for nothing, a level read or written as the merge shows
 * it, a page read backwards put in order, a count, a trimmed string. */
#include <stdlib.h>
#include <string.h>
#include "core/comp_int.h"

int lup_comp_run(lup_db *db, sqlite3_stmt *st, const char *what, lup_err *err)
{
	int rc = sqlite3_step(st);
	lup_done(st);
	return rc == SQLITE_DONE ? 0 : lup_sqlerr(db, err, what);
}

void lup_comp_level(sqlite3_stmt *st, int col, int *out)
{
	*out = sqlite3_column_type(st, col) == SQLITE_NULL ? LUP_LEVEL_NONE : sqlite3_column_int(st, col);
}

void lup_comp_reverse(void *rows, int n, size_t size)
{
	char tmp[4096], *r = rows;
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		/* Rows are larger than tmp only in theory; swap in pieces. */
		for (size_t o = 0; o < size; o += sizeof tmp) {
			size_t k = size - o < sizeof tmp ? size - o : sizeof tmp;
			memcpy(tmp, r + (size_t)i * size + o, k);
			memcpy(r + (size_t)i * size + o, r + (size_t)j * size + o, k);
			memcpy(r + (size_t)j * size + o, tmp, k);
		}
	}
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
	int n;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		lup_done(st);
		return lup_sqlerr(db, err, _("checking"));
	}
	n = sqlite3_column_int(st, 0);
	lup_done(st);
	return n;
}

void lup_comp_tidy(char **s)
{
	if (*s) {
		lup_trim(*s);
		if (!**s) {
			free(*s);
			*s = NULL;
		}
	}
}
