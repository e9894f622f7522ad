/* Unit tests for undo.c: a change made here inverted and applied as a new
 * change; redo; a change someone changed since is left alone. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "lup/undo.h"

static int count(struct fx *f, const char *sql)
{
	return fx_int(f, sql, "");
}

/* The changes logged since the last look. */
static int taken(struct fx *f, long long *seq, int max)
{
	return lup_undo_take_logged(f->db, seq, max);
}

/* A cohort with two people and two sessions, each marked. */
static void fill(struct fx *f)
{
	const char *s1, *s2;
	char a[LUP_ID_SIZE], b[LUP_ID_SIZE], x[LUP_ID_SIZE], y[LUP_ID_SIZE];
	lup_err err;
	snprintf(a, sizeof a, "%s", fx_person(f, "Anna Berg"));
	snprintf(b, sizeof b, "%s", fx_person(f, "Kjell Öberg"));
	assert_int_equal(lup_enrol(f->db, f->cohort, a, "2015-01-01", NULL, &err), 0);
	assert_int_equal(lup_enrol(f->db, f->cohort, b, "2015-01-01", NULL, &err), 0);
	s1 = fx_session(f, f->cohort, "ul", "course_day", "2015-01-12 09:00", "2015-01-12 16:00", "Aulan", NULL);
	snprintf(x, sizeof x, "%s", s1);
	s2 = fx_session(f, f->cohort, "ul", "course_day", "2015-01-13 09:00", "2015-01-13 16:00", "Aulan", NULL);
	snprintf(y, sizeof y, "%s", s2);
	fx_mark(f, x, a, "present");
	fx_mark(f, x, b, "late");
	fx_mark(f, y, a, "present");
	fx_mark(f, y, b, "absent");
}

static void test_undo_cohort_delete(void **state)
{
	struct fx *f = *state;
	long long seq[16], made = 0, again = 0;
	char what[300];
	lup_err err;
	int n;

	fill(f);
	assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE ?1 = ''"), 4);
	taken(f, seq, 16);
	assert_int_equal(lup_cohort_delete(f->db, f->cohort, &err), 0);
	n = taken(f, seq, 16);
	assert_true(n >= 1);
	assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE ?1 = ''"), 0);
	assert_int_equal(lup_undo_describe(f->db, seq, n, what, sizeof what, &err), 0);
	assert_string_equal(what, "deleted cohort Pilot Halland with 4 attendance marks, 2 enrolments, 2 sessions");

	/* undo: every row back, as a new change in the log */
	assert_int_equal(lup_undo(f->db, seq, n, &made, what, sizeof what, &err), 0);
	assert_true(made > seq[n - 1]);
	assert_string_equal(what, "deleted cohort Pilot Halland with 4 attendance marks, 2 enrolments, 2 sessions");
	assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE ?1 = ''"), 4);
	assert_int_equal(count(f, "SELECT count(*) FROM enrolment WHERE status = 'enrolled' AND ?1 = ''"), 2);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM cohort WHERE id = ?1", f->cohort), 1);
	
	assert_int_equal(count(f, "SELECT count(*) FROM sync_log WHERE ?1 = ''"), (int)made);
	assert_int_equal(taken(f, seq + 8, 8), 0);   /* the undo is no step of its own */
	fx_sound(f);

	/* redo: the undo undone */
	assert_int_equal(lup_undo(f->db, &made, 1, &again, what, sizeof what, &err), 0);
	assert_true(again > made);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM cohort WHERE id = ?1", f->cohort), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE ?1 = ''"), 0);
	fx_sound(f);

	/* and back again */
	assert_int_equal(lup_undo(f->db, &again, 1, &made, what, sizeof what, &err), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE ?1 = ''"), 4);
	fx_sound(f);
}

static void test_undo_clash(void **state)
{
	struct fx *f = *state;
	long long seq[16], other[16], made = 7;
	char id[LUP_ID_SIZE], what[300];
	lup_err err;
	int n;

	taken(f, seq, 16);
	snprintf(id, sizeof id, "%s", fx_person(f, "Agnes Sundén"));
	n = taken(f, seq, 16);
	assert_int_equal(n, 1);
	/* someone changes her since */
	assert_int_equal(lup_db_begin(f->db, &err), 0);
	assert_int_equal(lup_exec(f->db, "UPDATE person SET phone = '070-123' WHERE name = 'Agnes Sundén'", &err), 0);
	assert_int_equal(lup_db_commit(f->db, &err), 0);
	taken(f, other, 16);
	assert_int_equal(lup_undo(f->db, seq, n, &made, what, sizeof what, &err), -1);
	assert_int_equal(err.code, LUP_ECHANGED);
	assert_int_equal(made, 0);
	assert_non_null(strstr(err.msg, "changed again since"));
	assert_int_equal(fx_int(f, "SELECT count(*) FROM person WHERE id = ?1", id), 1);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM person WHERE phone = '070-123' AND ?1 = ''", ""), 1);
	/* undoing the later change first, then hers, goes */
	assert_int_equal(lup_undo(f->db, other, 1, &made, what, sizeof what, &err), 0);
	assert_string_equal(what, "changed person Agnes Sundén");
	assert_int_equal(lup_undo(f->db, seq, n, &made, what, sizeof what, &err), 0);
	assert_string_equal(what, "added person Agnes Sundén");
	assert_int_equal(fx_int(f, "SELECT count(*) FROM person WHERE id = ?1", id), 0);
	fx_sound(f);
}

static void test_nothing_to_undo(void **state)
{
	struct fx *f = *state;
	long long seq = 999999, made = 5;
	char what[64];
	lup_err err;
	assert_int_equal(lup_undo(f->db, &seq, 0, &made, what, sizeof what, &err), 0);
	assert_int_equal(made, 0);
	assert_int_equal(lup_undo(f->db, &seq, 1, &made, what, sizeof what, &err), -1);
	assert_int_equal(err.code, LUP_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_undo_cohort_delete, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_undo_clash, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_nothing_to_undo, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
