/* Unit tests for map.c: keys borrowed and copied, a value replaced, case
 * ignored when asked, the order of iteration, many keys, long keys, and a
 * map emptied and used again. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lup/map.h"

static void test_put_get(void **state)
{
	lup_map m = LUP_MAP_INIT;
	(void)state;
	assert_int_equal(lup_map_get(&m, "a"), -1);     /* empty */
	assert_int_equal(lup_map_get(&m, NULL), -1);
	assert_int_equal(lup_map_put(&m, "alpha", 3), 0);
	assert_int_equal(lup_map_put(&m, "beta", 7), 0);
	assert_int_equal(lup_map_get(&m, "alpha"), 3);
	assert_int_equal(lup_map_get(&m, "beta"), 7);
	assert_int_equal(lup_map_get(&m, "Alpha"), -1);  /* case counts */
	assert_int_equal(lup_map_get(&m, "alph"), -1);
	assert_int_equal(lup_map_get(&m, "alphab"), -1);
	assert_int_equal(lup_map_count(&m), 2);
	/* the same key again takes the new value, and is not counted twice */
	assert_int_equal(lup_map_put(&m, "alpha", 9), 0);
	assert_int_equal(lup_map_get(&m, "alpha"), 9);
	assert_int_equal(lup_map_count(&m), 2);
	lup_map_clear(&m);
	assert_int_equal(lup_map_count(&m), 0);
	assert_int_equal(lup_map_get(&m, "alpha"), -1);
	/* and it is usable again */
	assert_int_equal(lup_map_put(&m, "gamma", 1), 0);
	assert_int_equal(lup_map_get(&m, "gamma"), 1);
	lup_map_clear(&m);
}

static void test_borrowed_key(void **state)
{
	lup_map m = LUP_MAP_INIT;
	char key[8] = "abc";
	(void)state;
	assert_int_equal(lup_map_put(&m, key, 1), 0);
	/* put keeps the caller's key: it follows what the caller does to it */
	memcpy(key, "xyz", 4);
	assert_int_equal(lup_map_get(&m, "abc"), -1);
	lup_map_clear(&m);
}

static void test_intern(void **state)
{
	lup_map m = LUP_MAP_INIT;
	char key[40];
	(void)state;
	snprintf(key, sizeof key, "first");
	assert_int_equal(lup_map_intern(&m, key), 0);
	snprintf(key, sizeof key, "second");
	assert_int_equal(lup_map_intern(&m, key), 1);
	snprintf(key, sizeof key, "first");
	assert_int_equal(lup_map_intern(&m, key), 0);   /* known: its number */
	assert_int_equal(lup_map_count(&m), 2);
	/* intern copies: the caller's buffer may change */
	memset(key, 'z', sizeof key - 1);
	key[sizeof key - 1] = '\0';
	assert_int_equal(lup_map_get(&m, "first"), 0);
	assert_int_equal(lup_map_get(&m, "second"), 1);
	assert_int_equal(lup_map_intern(&m, key), 2);
	lup_map_clear(&m);
}

static void test_nocase(void **state)
{
	lup_map m = LUP_MAP_NOCASE, exact = LUP_MAP_INIT;
	(void)state;
	assert_int_equal(lup_map_put(&m, "Anna.Berg@Example.se", 4), 0);
	assert_int_equal(lup_map_get(&m, "anna.berg@example.se"), 4);
	assert_int_equal(lup_map_get(&m, "ANNA.BERG@EXAMPLE.SE"), 4);
	assert_int_equal(lup_map_get(&m, "anna.berg@example.sx"), -1);
	assert_int_equal(lup_map_intern(&m, "ANNA.berg@example.SE"), 4);
	/* ASCII only, as SQLite's NOCASE: Å and å are different letters */
	assert_int_equal(lup_map_put(&m, "Åsa", 5), 0);
	assert_int_equal(lup_map_get(&m, "åsa"), -1);
	assert_int_equal(lup_map_get(&m, "ÅSA"), 5);
	assert_int_equal(lup_map_put(&exact, "Code", 1), 0);
	assert_int_equal(lup_map_get(&exact, "code"), -1);
	lup_map_clear(&m);
	assert_int_equal(m.nocase, 1);   /* kept for the next use */
	lup_map_clear(&exact);
}

static void test_iterate(void **state)
{
	lup_map m = LUP_MAP_INIT;
	const char *keys[] = { "c", "a", "b", "d" };
	lup_map_iter it = { 0 };
	size_t n = 0;
	(void)state;
	assert_int_equal(lup_map_next(&m, &it), 0);   /* empty */
	assert_int_equal(lup_map_next(&m, &it), 0);   /* and stays at its end */
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(lup_map_put(&m, keys[i], i * 10), 0);
	for (lup_map_iter j = { 0 }; lup_map_next(&m, &j); n++) {
		assert_string_equal(j.key, keys[n]);    /* in the order added */
		assert_int_equal(j.value, n * 10);
	}
	assert_int_equal(n, 4);
	lup_map_clear(&m);
}

/* Enough keys for uthash to grow its table many times, and copies that
 * fill many blocks. */
static void test_many(void **state)
{
	lup_map m = LUP_MAP_INIT;
	char key[64];
	size_t n = 200000, seen = 0;
	(void)state;
	for (size_t i = 0; i < n; i++) {
		snprintf(key, sizeof key, "%08zx-0000-4000-8000-%012zx", i * 2654435761u, i);
		assert_int_equal(lup_map_intern(&m, key), (long)i);
	}
	assert_int_equal(lup_map_count(&m), n);
	for (size_t i = 0; i < n; i++) {
		snprintf(key, sizeof key, "%08zx-0000-4000-8000-%012zx", i * 2654435761u, i);
		assert_int_equal(lup_map_get(&m, key), (long)i);
		snprintf(key, sizeof key, "%08zx-0000-4000-8000-%012zx", i * 2654435761u, i + n);
		assert_int_equal(lup_map_get(&m, key), -1);
	}
	for (lup_map_iter it = { 0 }; lup_map_next(&m, &it); seen++)
		assert_int_equal(it.value, seen);
	assert_int_equal(seen, n);
	lup_map_clear(&m);
}

/* A key longer than a quarter of a block gets a block of its own; the
 * entries after it still find room. */
static void test_long_key(void **state)
{
	lup_map m = LUP_MAP_INIT;
	size_t len = 100000;
	char *big = malloc(len + 1);
	(void)state;
	assert_non_null(big);
	memset(big, 'k', len);
	big[len] = '\0';
	assert_int_equal(lup_map_intern(&m, "short"), 0);
	assert_int_equal(lup_map_intern(&m, big), 1);
	assert_int_equal(lup_map_intern(&m, "after"), 2);
	big[len - 1] = 'x';
	assert_int_equal(lup_map_get(&m, big), -1);
	big[len - 1] = 'k';
	assert_int_equal(lup_map_get(&m, big), 1);
	assert_int_equal(lup_map_get(&m, "short"), 0);
	assert_int_equal(lup_map_get(&m, "after"), 2);
	lup_map_clear(&m);
	/* the first key of a map a long one */
	assert_int_equal(lup_map_intern(&m, big), 0);
	assert_int_equal(lup_map_intern(&m, "next"), 1);
	assert_int_equal(lup_map_get(&m, big), 0);
	lup_map_clear(&m);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get),
		cmocka_unit_test(test_borrowed_key),
		cmocka_unit_test(test_intern),
		cmocka_unit_test(test_nocase),
		cmocka_unit_test(test_iterate),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_long_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
