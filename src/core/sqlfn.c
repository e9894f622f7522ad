/* sqlfn.c — lup's own SQL functions, on every connection lup opens: what
 * queries (and migrations) need to compute as the C code does, defined
 * once in C.  They are used in statements only, never in the schema (a
 * trigger or view), so other programs can still read the database. */
#include <stdlib.h>
#include <string.h>
#include "core/internal.h"
#include "lup/programme.h"

/* lup_sortkey(text): lup_sortkey() of the text; NULL stays NULL. */
static void fn_sortkey(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	char *k;
	(void)argc;
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!(k = lup_sortkey(t))) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, k, -1, free);
}

/* lup_cohort_status(override, first, last, has_sessions, today): as
 * lup_cohort_status_on(). */
static void fn_cohort_status(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *v[5];
	(void)argc;
	for (int i = 0; i < 5; i++)
		v[i] = (const char *)sqlite3_value_text(argv[i]);
	sqlite3_result_text(ctx, lup_cohort_status_on(v[0], v[1], v[2],
	                    sqlite3_value_int(argv[3]), v[4] ? v[4] : ""), -1, SQLITE_STATIC);
}

int lup_sql_functions(sqlite3 *h)
{
	int rc = sqlite3_create_function(h, "lup_sortkey", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                                 NULL, fn_sortkey, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "lup_cohort_status", 5,
		                             SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
		                             fn_cohort_status, NULL, NULL);
	return rc;
}
