/* sqlfn.c — lup's own SQL functions, on every connection lup opens: what
 * queries (and migrations) need to compute as the C code does, defined
 * once in C.  They are used in statements only, never in the schema (a
 * trigger or view), so other programs can still read the database. */
#include <stdlib.h>
#include <string.h>
#include "core/internal.h"
#include "core/crypto.h"
#include "lup/match.h"
#include "lup/programme.h"
#include "lup/sha256.h"

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

/* lup_uuid_name(kind, part…): lup_uuid_name() of crypto.c, the name-based
 * id of a fact with a natural key (one to eight parts). */
static void fn_uuid_name(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *parts[8];
	char out[37];
	if (argc < 1 || argc > 9) {
		sqlite3_result_error(ctx, "lup_uuid_name: 1 to 9 arguments", -1);
		return;
	}
	for (int i = 1; i < argc; i++)
		parts[i - 1] = (const char *)sqlite3_value_text(argv[i]);
	lup_uuid_name(out, (const char *)sqlite3_value_text(argv[0]) ? (const char *)sqlite3_value_text(argv[0]) : "",
	              argc - 1, parts);
	sqlite3_result_text(ctx, out, 36, SQLITE_TRANSIENT);
}

/* lup_name_hash(text): SHA-256 (hex) of the text trimmed of spaces and in
 * lower case (ASCII), as COLLATE NOCASE compares: an erased person's
 * name, kept without keeping it. */
static void fn_name_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *t = sqlite3_value_text(argv[0]);
	size_t n;
	lup_sha256 s;
	char hex[65];
	(void)argc;
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	while (*t == ' ')
		t++;
	n = strlen((const char *)t);
	while (n && t[n - 1] == ' ')
		n--;
	lup_sha256_init(&s);
	lup_sha256_add(&s, "lup-name", 9);
	for (size_t i = 0; i < n; i++) {
		char c = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]);
		lup_sha256_add(&s, &c, 1);
	}
	lup_sha256_hex(&s, hex);
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

/* lup_fold(text): the text as a filter matches it (lower case, å ä ö
 * as a a o): a cohort's name against what is typed after /. */
static void fn_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *t = sqlite3_value_text(argv[0]);
	char *f;
	(void)argc;
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!(f = lup_fold((const char *)t))) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, f, -1, free);
}

/* COLLATE lup_dated: texts of a fixed-width date, a space and a name
 * (the cohort list's key).  Different days compare as bytes, which is
 * all most comparisons need; on the same day the names compare by
 * lup_sortkey, and names equal that way as bytes, so no two differ
 * without an order. */
static int coll_dated(void *ud, int na, const void *a, int nb, const void *b)
{
	const int day = 11;
	char *x, *y, *ka, *kb;
	int c;
	(void)ud;
	c = memcmp(a, b, (size_t)(na < day || nb < day ? (na < nb ? na : nb) : day));
	if (c || na < day || nb < day)
		return c ? c : na - nb;
	x = strndup((const char *)a + day, (size_t)(na - day));
	y = strndup((const char *)b + day, (size_t)(nb - day));
	ka = x ? lup_sortkey(x) : NULL;
	kb = y ? lup_sortkey(y) : NULL;
	c = ka && kb ? strcmp(ka, kb) : 0;
	if (!c) {
		c = memcmp((const char *)a + day, (const char *)b + day,
		           (size_t)(na < nb ? na : nb) - (size_t)day);
		if (!c)
			c = na - nb;
	}
	free(x);
	free(y);
	free(ka);
	free(kb);
	return c;
}

/* lup_match(text, folded query): lup_match_rank() of the text for a query
 * folded already (lup_fold, trimmed), 1 (exact) to 5 (no match). */
static void fn_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	const char *q = (const char *)sqlite3_value_text(argv[1]);
	char *ft;
	(void)argc;
	if (!(ft = lup_fold(t ? t : ""))) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_int(ctx, (int)lup_match_folded(ft, q ? q : ""));
	free(ft);
}

int lup_sql_functions(sqlite3 *h)
{
	int rc = sqlite3_create_function(h, "lup_sortkey", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                                 NULL, fn_sortkey, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "lup_cohort_status", 5,
		                             SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
		                             fn_cohort_status, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "lup_uuid_name", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
		                             NULL, fn_uuid_name, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "lup_name_hash", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
		                             NULL, fn_name_hash, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "lup_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
		                             NULL, fn_fold, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(h, "lup_dated", SQLITE_UTF8, NULL, coll_dated);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "lup_match", 2,
		                             SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
		                             NULL, fn_match, NULL, NULL);
	return rc;
}
