/* Unit tests for merge.c: the three-way column merge. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "lup/merge.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* name, unit, role of one person, three times. */
static void only_theirs_changed(void **state)
{
	const char *base[] = { "Kjell Öberg", "IT", "enhetschef" };
	const char *mine[] = { "Kjell Öberg", "IT", "enhetschef" };
	const char *theirs[] = { "Kjell Öberg", "Digitalisering", "enhetschef" };
	const char *out[3];
	enum lup_merge_how how[3];
	(void)state;
	assert_int_equal(lup_merge3_text(3, base, mine, theirs, out, how), 0);
	assert_string_equal(out[1], "Digitalisering");
	assert_int_equal(how[0], LUP_MERGE_SAME);
	assert_int_equal(how[1], LUP_MERGE_THEIRS);
	assert_int_equal(how[2], LUP_MERGE_SAME);
}

static void only_mine_changed(void **state)
{
	const char *base[] = { "Kjell Öberg", "IT", "enhetschef" };
	const char *mine[] = { "Kjell Öberg", "IT", "verksamhetschef" };
	const char *theirs[] = { "Kjell Öberg", "IT", "enhetschef" };
	const char *out[3];
	enum lup_merge_how how[3];
	(void)state;
	assert_int_equal(lup_merge3_text(3, base, mine, theirs, out, how), 0);
	assert_string_equal(out[2], "verksamhetschef");
	assert_int_equal(how[2], LUP_MERGE_MINE);
	assert_int_equal(how[1], LUP_MERGE_SAME);
}

/* The two-windows case: one changed the unit, the other the role; both
 * edits survive. */
static void each_changed_another_column(void **state)
{
	const char *base[] = { "Kjell Öberg", "IT", "enhetschef" };
	const char *mine[] = { "Kjell Öberg", "IT", "verksamhetschef" };
	const char *theirs[] = { "Kjell Öberg", "Digitalisering", "enhetschef" };
	const char *out[3];
	enum lup_merge_how how[3];
	(void)state;
	assert_int_equal(lup_merge3_text(3, base, mine, theirs, out, how), 0);
	assert_string_equal(out[0], "Kjell Öberg");
	assert_string_equal(out[1], "Digitalisering");
	assert_string_equal(out[2], "verksamhetschef");
	assert_int_equal(how[1], LUP_MERGE_THEIRS);
	assert_int_equal(how[2], LUP_MERGE_MINE);
}

static void both_changed_differently(void **state)
{
	const char *base[] = { "IT", "enhetschef" };
	const char *mine[] = { "Ekonomi", "enhetschef" };
	const char *theirs[] = { "Digitalisering", "enhetschef" };
	const char *out[2];
	enum lup_merge_how how[2];
	(void)state;
	assert_int_equal(lup_merge3_text(2, base, mine, theirs, out, how), 1);
	assert_int_equal(how[0], LUP_MERGE_CONFLICT);
	/* Nothing is overwritten until someone decides: the stored value. */
	assert_string_equal(out[0], "Digitalisering");
	assert_int_equal(how[1], LUP_MERGE_SAME);
}

static void both_changed_to_the_same(void **state)
{
	const char *base[] = { "IT" };
	const char *mine[] = { "Digitalisering" };
	const char *theirs[] = { "Digitalisering" };
	const char *out[1];
	enum lup_merge_how how[1];
	(void)state;
	assert_int_equal(lup_merge3_text(1, base, mine, theirs, out, how), 0);
	assert_int_equal(how[0], LUP_MERGE_BOTH);
	assert_string_equal(out[0], "Digitalisering");
}

static void deleted_since_loaded(void **state)
{
	const char *base[] = { "Kjell Öberg", "IT" };
	const char *mine[] = { "Kjell Öberg", "Ekonomi" };
	const char *out[2];
	enum lup_merge_how how[2];
	(void)state;
	assert_int_equal(lup_merge3_text(2, base, mine, NULL, out, how), -1);
	/* Saved as new, the row would carry this edit. */
	assert_string_equal(out[1], "Ekonomi");
	assert_int_equal(how[1], LUP_MERGE_MINE);
	assert_int_equal(how[0], LUP_MERGE_SAME);
}

/* NULL is a value of its own: clearing a field is a change. */
static void null_is_a_value(void **state)
{
	const char *base[] = { "070-123", NULL };
	const char *mine[] = { NULL, NULL };
	const char *theirs[] = { "070-123", "x@kungsbacka.se" };
	const char *out[2];
	enum lup_merge_how how[2];
	(void)state;
	assert_int_equal(lup_merge3_text(2, base, mine, theirs, out, how), 0);
	assert_null(out[0]);
	assert_int_equal(how[0], LUP_MERGE_MINE);
	assert_string_equal(out[1], "x@kungsbacka.se");
	assert_int_equal(how[1], LUP_MERGE_THEIRS);

	/* Both cleared it: the same value. */
	{
		const char *b[] = { "a" }, *m[] = { NULL }, *t[] = { NULL };
		assert_int_equal(lup_merge3_text(1, b, m, t, out, how), 0);
		assert_int_equal(how[0], LUP_MERGE_BOTH);
		assert_null(out[0]);
	}
	/* One cleared it, the other changed it: a conflict. */
	{
		const char *b[] = { "a" }, *m[] = { NULL }, *t[] = { "b" };
		assert_int_equal(lup_merge3_text(1, b, m, t, out, how), 1);
		assert_string_equal(out[0], "b");
	}
}

/* Typed values, as a changeset carries them: an undefined column of mine
 * (a partial UPDATE) is no change; numbers compare by value. */
static void typed_and_undefined(void **state)
{
	lup_val base[4], mine[4], theirs[4], out[4];
	enum lup_merge_how how[4];
	(void)state;
	base[0] = lup_val_int(16);  mine[0] = (lup_val){ 0 };   theirs[0] = lup_val_int(20);
	base[1] = lup_val_text("Omgång 3"); mine[1] = lup_val_text("Omgång 4"); theirs[1] = lup_val_text("Omgång 3");
	base[2] = lup_val_int(1);   mine[2] = (lup_val){ .type = LUP_VAL_REAL, .r = 1.0 }; theirs[2] = lup_val_int(1);
	base[3] = lup_val_null();   mine[3] = lup_val_int(2);   theirs[3] = lup_val_int(3);
	assert_int_equal(lup_merge3(4, base, mine, theirs, out, how), 1);
	assert_int_equal(how[0], LUP_MERGE_THEIRS);
	assert_int_equal(out[0].type, LUP_VAL_INT);
	assert_int_equal(out[0].i, 20);
	assert_int_equal(how[1], LUP_MERGE_MINE);
	assert_int_equal(out[1].n, strlen("Omgång 4"));
	assert_memory_equal(out[1].p, "Omgång 4", out[1].n);
	assert_int_equal(how[2], LUP_MERGE_SAME);
	assert_int_equal(how[3], LUP_MERGE_CONFLICT);
	assert_int_equal(out[3].i, 3);
}

static void equality(void **state)
{
	lup_val a = lup_val_text("abc"), b = lup_val_text("abd"), n = lup_val_null();
	lup_val blob = { .type = LUP_VAL_BLOB, .p = "abc", .n = 3 };
	lup_val undef = { 0 };
	(void)state;
	assert_true(lup_val_equal(&a, &a));
	assert_false(lup_val_equal(&a, &b));
	assert_false(lup_val_equal(&a, &n));
	assert_true(lup_val_equal(&n, &n));
	assert_false(lup_val_equal(&a, &blob));   /* text is not a blob */
	assert_false(lup_val_equal(&n, &undef));
	assert_true(lup_val_equal(&undef, &undef));
}

static void changed(void **state)
{
	lup_val base[2] = { lup_val_text("a"), lup_val_int(1) };
	lup_val same[2] = { lup_val_text("a"), { 0 } };
	lup_val diff[2] = { lup_val_text("a"), lup_val_int(2) };
	(void)state;
	assert_false(lup_merge_changed(2, base, same));
	assert_true(lup_merge_changed(2, base, diff));
}

/* More columns than the text wrapper's chunk: the tally and the pointers
 * come out right across chunk borders. */
static void many_columns(void **state)
{
	const char *base[70], *mine[70], *theirs[70], *out[70];
	enum lup_merge_how how[70];
	(void)state;
	for (int i = 0; i < 70; i++) {
		base[i] = "b";
		mine[i] = i % 3 == 0 ? "m" : "b";
		theirs[i] = i % 5 == 0 ? "t" : "b";
	}
	/* Both changed where i % 15 == 0: 0, 15, 30, 45, 60. */
	assert_int_equal(lup_merge3_text(70, base, mine, theirs, out, how), 5);
	assert_int_equal(how[33], LUP_MERGE_MINE);
	assert_ptr_equal(out[33], mine[33]);
	assert_int_equal(how[35], LUP_MERGE_THEIRS);
	assert_ptr_equal(out[35], theirs[35]);
	assert_int_equal(how[45], LUP_MERGE_CONFLICT);
	assert_string_equal(out[45], "t");
	assert_int_equal(lup_merge3_text(70, base, mine, NULL, out, NULL), -1);
}

/* No common ancestor: the same attendance mark made on two laptops.  The
 * columns they agree on are BOTH, the others conflicts keeping theirs; an
 * undefined mine (not part of the change) stays theirs. */
static void both_made_the_row(void **state)
{
	lup_val mine[4] = { lup_val_text("a1"), lup_val_text("present"), lup_val_text("hej"), { 0 } };
	lup_val theirs[4] = { lup_val_text("a1"), lup_val_text("absent"), lup_val_text("hej"), lup_val_int(7) };
	lup_val out[4];
	enum lup_merge_how how[4];
	(void)state;
	assert_int_equal(lup_merge3(4, NULL, mine, theirs, out, how), 1);
	assert_int_equal(how[0], LUP_MERGE_BOTH);
	assert_int_equal(how[1], LUP_MERGE_CONFLICT);
	assert_memory_equal(out[1].p, "absent", 6);
	assert_int_equal(how[2], LUP_MERGE_BOTH);
	assert_int_equal(how[3], LUP_MERGE_THEIRS);
	assert_int_equal(out[3].i, 7);
	/* The same row made twice alike: nothing to decide. */
	assert_int_equal(lup_merge3(3, NULL, theirs, theirs, out, how), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_theirs_changed),
		cmocka_unit_test(only_mine_changed),
		cmocka_unit_test(each_changed_another_column),
		cmocka_unit_test(both_changed_differently),
		cmocka_unit_test(both_changed_to_the_same),
		cmocka_unit_test(deleted_since_loaded),
		cmocka_unit_test(null_is_a_value),
		cmocka_unit_test(typed_and_undefined),
		cmocka_unit_test(equality),
		cmocka_unit_test(changed),
		cmocka_unit_test(many_columns),
		cmocka_unit_test(both_made_the_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
