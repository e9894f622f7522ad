/* Unit tests for the small helpers every module shares: the growable
 * array (lup_grow, LUP_PUSH), lup_reverse, lup_tidy and lup_err_oom. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lup/err.h"
#include "lup/util.h"

struct item { long a; char name[20]; };

static void test_grow(void **state)
{
	long *v = NULL;
	size_t cap = 0;
	(void)state;
	assert_int_equal(lup_grow(&v, &cap, 0, sizeof *v), 0);
	assert_null(v);                        /* nothing needed, nothing made */
	assert_int_equal(lup_grow(&v, &cap, 1, sizeof *v), 0);
	assert_non_null(v);
	assert_int_equal(cap, 16);             /* from 16 */
	v[15] = 7;
	assert_int_equal(lup_grow(&v, &cap, 16, sizeof *v), 0);
	assert_int_equal(cap, 16);             /* room enough: unchanged */
	assert_int_equal(lup_grow(&v, &cap, 17, sizeof *v), 0);
	assert_int_equal(cap, 32);             /* doubling */
	assert_int_equal(v[15], 7);            /* what was there stays */
	assert_int_equal(lup_grow(&v, &cap, 1000, sizeof *v), 0);
	assert_int_equal(cap, 1024);
	v[999] = 1;
	/* more than memory can hold: refused, the array as it was */
	assert_int_equal(lup_grow(&v, &cap, SIZE_MAX / 2, sizeof *v), -1);
	assert_int_equal(lup_grow(&v, &cap, SIZE_MAX, 1), -1);   /* no doubling past it */
	assert_int_equal(cap, 1024);
	assert_int_equal(v[15], 7);
	assert_int_equal(v[999], 1);
	free(v);
}

static void test_push(void **state)
{
	struct item *v = NULL, *it;
	size_t n = 0, cap = 0;
	int small = 0;        /* a count of another type */
	size_t scap = 0;
	int *w = NULL;
	(void)state;
	for (long i = 0; i < 100; i++) {
		it = LUP_PUSH(v, n, cap);
		assert_non_null(it);
		assert_ptr_equal(it, &v[i]);
		assert_int_equal(n, i + 1);
		assert_int_equal(it->a, 0);          /* zeroed */
		assert_string_equal(it->name, "");
		it->a = i;
		memset(it->name, 'x', sizeof it->name - 1);
	}
	for (long i = 0; i < 100; i++)
		assert_int_equal(v[i].a, i);
	assert_true(cap >= 100);
	free(v);
	for (int i = 0; i < 40; i++)
		*(int *)LUP_PUSH(w, small, scap) = i;
	assert_int_equal(small, 40);
	assert_int_equal(w[39], 39);
	free(w);
}

static void test_reverse(void **state)
{
	int a[5] = { 1, 2, 3, 4, 5 }, b[4] = { 1, 2, 3, 4 }, one = 9;
	struct big { char c[1300]; } *rows = calloc(3, sizeof *rows);
	(void)state;
	lup_reverse(a, 5, sizeof *a);
	assert_memory_equal(a, ((int[]){ 5, 4, 3, 2, 1 }), sizeof a);
	lup_reverse(b, 4, sizeof *b);
	assert_memory_equal(b, ((int[]){ 4, 3, 2, 1 }), sizeof b);
	lup_reverse(&one, 1, sizeof one);
	assert_int_equal(one, 9);
	lup_reverse(NULL, 0, sizeof one);
	/* rows larger than the helper's buffer are swapped whole */
	assert_non_null(rows);
	for (int i = 0; i < 3; i++)
		memset(rows[i].c, 'a' + i, sizeof rows[i].c);
	lup_reverse(rows, 3, sizeof *rows);
	for (int i = 0; i < 3; i++)
		for (size_t k = 0; k < sizeof rows[i].c; k++)
			assert_int_equal(rows[i].c[k], 'c' - i);
	free(rows);
}

static void test_tidy(void **state)
{
	char *s = strdup("  Anna Berg \t\n"), *blank = strdup(" \t "), *none = NULL;
	char *empty = strdup("");
	(void)state;
	lup_tidy(&s);
	assert_string_equal(s, "Anna Berg");
	lup_tidy(&blank);
	assert_null(blank);                  /* freed: ASan tells if it leaks */
	lup_tidy(&empty);
	assert_null(empty);
	lup_tidy(&none);
	assert_null(none);
	free(s);
}

static void test_copy_cut(void **state)
{
	char b[8];
	(void)state;
	assert_int_equal(lup_copy_cut(b, sizeof b, "Berg"), 0);
	assert_string_equal(b, "Berg");
	assert_int_equal(lup_copy_cut(b, 5, "Berg"), 0);      /* exactly fits */
	assert_string_equal(b, "Berg");
	assert_int_equal(lup_copy_cut(b, 4, "Berg"), 1);
	assert_string_equal(b, "Ber");
	/* "Åsa": Å is two bytes; never half of it */
	assert_int_equal(lup_copy_cut(b, 2, "Åsa"), 1);
	assert_string_equal(b, "");
	assert_int_equal(lup_copy_cut(b, 3, "Åsa"), 1);
	assert_string_equal(b, "Å");
	assert_int_equal(lup_copy_cut(b, 5, "åäö"), 1);       /* 6 bytes into 4 */
	assert_string_equal(b, "åä");
	assert_int_equal(lup_copy_cut(b, 4, "€x"), 1);        /* three bytes, then one */
	assert_string_equal(b, "€");
	assert_int_equal(lup_copy_cut(b, sizeof b, NULL), 0);
	assert_string_equal(b, "");
	b[0] = 'x';
	assert_int_equal(lup_copy_cut(b, 0, "abc"), 0);       /* no room: untouched */
	assert_int_equal(b[0], 'x');
}

static void test_parse_bool(void **state)
{
	int b = -1;
	(void)state;
	assert_int_equal(lup_parse_bool("Yes", &b), 0);
	assert_int_equal(b, 1);
	assert_int_equal(lup_parse_bool("nej", &b), 0);
	assert_int_equal(b, 0);
	assert_int_equal(lup_parse_bool("JA", &b), 0);
	assert_int_equal(b, 1);
	assert_int_equal(lup_parse_bool("OFF", &b), 0);
	assert_int_equal(b, 0);
	b = 7;
	assert_int_equal(lup_parse_bool("maybe", &b), -1);
	assert_int_equal(lup_parse_bool("", &b), -1);
	assert_int_equal(b, 7);
}

static void test_oom(void **state)
{
	lup_err err;
	(void)state;
	lup_err_clear(&err);
	snprintf(err.field, sizeof err.field, "name");
	assert_int_equal(lup_err_oom(&err), -1);
	assert_int_equal(err.code, LUP_EFAIL);
	assert_string_equal(err.msg, "out of memory");
	assert_string_equal(err.msg, lup_err_oom_text());
	assert_string_equal(err.field, "");  /* no field is at fault */
	assert_int_equal(lup_err_oom(NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_push),
		cmocka_unit_test(test_reverse),
		cmocka_unit_test(test_tidy),
		cmocka_unit_test(test_copy_cut),
		cmocka_unit_test(test_parse_bool),
		cmocka_unit_test(test_oom),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
