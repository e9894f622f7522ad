/* Unit tests for gaps.c: a person's levels of any revision against the
 * targets in force, with the heat map drawn from the same levels. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "comp_fixture.h"

static char kc[LUP_UUID_LEN + 1];   /* kommun-chefer revision 1 */

static int setup(void **state)
{
	return cf_setup_frameworks(state, NULL, kc);
}

static void test_gaps(void **state)
{
	char p[37], q[37], k[37], kc2[37];
	struct lup_gap_row rows[30];
	lup_err err;
	int n, unchanged;
	(void)state;
	cf_person("Anna", "Enhetschef", "Skola", p);
	cf_person("Bo", "enhetschef", "Vård", q);
	cf_checkin(p, kc, "2015-01-10", "self", "1.1=2 1.2=3 L.1=3", 1, k);
	cf_checkin(p, kc, "2015-03-10", "self", "1.1=3 1.2=2 L.1=n", 1, k);
	cf_checkin(p, kc, "2015-03-20", "manager", "1.1=4", 1, k);
	cf_checkin(p, kc, "2015-04-01", "self", "1.1=8 1.2=8", 0, k);   /* a draft: ignored */
	cf_checkin(q, kc, "2015-03-20", "manager", "1.1=2", 1, k);

	n = lup_gap_page(db, p, kc, NULL, 1, 30, rows, &err);
	assert_int_equal(n, 22);
	/* 1.1: self 2 → 3 (up), manager 4: level 4, on target. */
	assert_string_equal(rows[0].code, "1.1");
	assert_int_equal(rows[0].self, 3);
	assert_int_equal(rows[0].self_prev, 2);
	assert_int_equal(rows[0].self_change, LUP_CHANGE_UP);
	assert_string_equal(rows[0].self_date, "2015-03-10");
	assert_int_equal(rows[0].assessed, 4);
	assert_string_equal(rows[0].assessed_kind, "manager");
	assert_int_equal(rows[0].assessed_change, LUP_CHANGE_NONE);
	assert_int_equal(rows[0].level, 4);
	assert_int_equal(rows[0].target, 4);
	assert_int_equal(rows[0].has_gap, 1);
	assert_int_equal(rows[0].gap, 0);
	/* 1.2: self 3 → 2 (down), target 4: two short. */
	assert_int_equal(rows[1].self_change, LUP_CHANGE_DOWN);
	assert_int_equal(rows[1].assessed, LUP_LEVEL_NONE);
	assert_int_equal(rows[1].level, 2);
	assert_int_equal(rows[1].gap, 2);
	/* 1.3: nothing known. */
	assert_int_equal(rows[2].level, LUP_LEVEL_NONE);
	assert_int_equal(rows[2].has_gap, 0);
	assert_int_equal(rows[2].target, 4);
	/* L.1: "not assessed" last time, so the January level stands. */
	assert_string_equal(rows[20].code, "L.1");
	assert_int_equal(rows[20].self, 3);
	assert_int_equal(rows[20].self_prev, LUP_LEVEL_NONE);
	assert_int_equal(rows[20].gap, 1);

	/* A personal target changes the gap. */
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", NULL, p, 2, &err), 0);
	assert_int_equal(lup_gap_page(db, p, kc, NULL, 1, 2, rows, &err), 2);
	assert_int_equal(rows[1].target, 2);
	assert_int_equal(rows[1].target_personal, 1);
	assert_int_equal(rows[1].gap, 0);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", NULL, p, LUP_LEVEL_NONE, &err), 0);

	/* Paging back from the end. */
	assert_int_equal(lup_gap_page(db, p, kc, NULL, -1, 2, rows, &err), 2);
	assert_string_equal(rows[0].code, "L.1");
	assert_string_equal(rows[1].code, "L.2");

	/* A new revision: levels carry over by code. */
	{
		const char *path = "/tmp/lup-kc2.ini";
		FILE *in = fopen("share/lup/frameworks/kommun-chefer.ini", "r"), *out;
		char line[1024], p2[600];
		snprintf(p2, sizeof p2, "%s/kc2.ini", cf_dir);
		path = p2;
		out = fopen(path, "w");
		assert_non_null(in);
		assert_non_null(out);
		while (fgets(line, sizeof line, in))
			fputs(strncmp(line, "version", 7) == 0 ? "version = 2024.2\n" : line, out);
		fclose(in);
		fclose(out);
		assert_int_equal(lup_framework_import_file(db, path, kc2, &unchanged, &err), 0);
		assert_int_equal(unchanged, 0);
	}
	assert_int_equal(lup_gap_page(db, p, kc2, NULL, 1, 2, rows, &err), 2);
	assert_int_equal(rows[0].assessed, 4);
	assert_int_equal(rows[1].self, 2);

	/* The heat map: units × areas. */
	{
		struct lup_heatmap h;
		struct lup_heat_query hq = { kc, LUP_HEAT_UNIT, NULL, LUP_GAP_BEST };
		const struct lup_heat_cell *c;
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		assert_int_equal(h.nrows, 2);
		assert_int_equal(h.ncols, 6);
		assert_string_equal(h.row_label[0], "Skola");
		assert_string_equal(h.row_label[1], "Vård");
		assert_int_equal(h.row_people[0], 1);
		assert_string_equal(h.col_code[5], "L");
		c = &h.cells[0];                 /* Skola, area 1: 1.1 on target, 1.2 two short, 1.3 unknown */
		assert_int_equal(c->pairs, 2);
		assert_int_equal(c->below, 1);
		assert_int_equal(c->unassessed, 1);
		assert_true(c->mean_gap > 0.99 && c->mean_gap < 1.01);
		c = &h.cells[h.ncols];           /* Vård, area 1: 1.1 two short */
		assert_int_equal(c->pairs, 1);
		assert_int_equal(c->below, 1);
		assert_int_equal(c->unassessed, 2);
		assert_true(c->mean_gap > 1.99 && c->mean_gap < 2.01);
		c = &h.cells[5];                 /* Skola, area L: L.1 one short, L.2 unknown */
		assert_int_equal(c->pairs, 1);
		assert_int_equal(c->unassessed, 1);
		assert_true(c->mean_gap > 0.99 && c->mean_gap < 1.01);
		lup_heatmap_clear(&h);

		hq.source = LUP_GAP_SELF;        /* self-assessments only */
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		c = &h.cells[0];                 /* 1.1 self 3 (one short), 1.2 self 2 (two short) */
		assert_int_equal(c->pairs, 2);
		assert_true(c->mean_gap > 1.49 && c->mean_gap < 1.51);
		assert_int_equal(h.cells[h.ncols].pairs, 0);
		lup_heatmap_clear(&h);

		hq.source = LUP_GAP_ASSESSED;
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		assert_int_equal(h.cells[0].pairs, 1);
		assert_true(h.cells[0].mean_gap < 0.01);
		lup_heatmap_clear(&h);

		/* By cohort: both in one. */
		assert_int_equal(lup_exec(db,
			"INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-00000000p001', 'P');"
			"INSERT INTO cohort (id, programme_id, name) VALUES "
			"('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000p001', 'Pilot Halland');"
			"INSERT INTO enrolment (id, cohort_id, person_id, programme_id, requested_at) "
			"SELECT substr(id, 1, 35) || 'e', '00000000-0000-4000-8000-00000000c001', id, "
			"'00000000-0000-4000-8000-00000000p001', '2015-01-01' FROM person", &err), 0);
		hq.source = LUP_GAP_BEST;
		hq.by = LUP_HEAT_COHORT;
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		assert_int_equal(h.nrows, 1);
		assert_string_equal(h.row_label[0], "Pilot Halland");
		assert_int_equal(h.row_people[0], 2);
		assert_int_equal(h.cells[0].pairs, 3);
		assert_int_equal(h.cells[0].below, 2);
		assert_true(h.cells[0].mean_gap > 1.33 && h.cells[0].mean_gap < 1.34);
		lup_heatmap_clear(&h);

		/* A large group is read in one scan: the same figures. */
		assert_int_equal(lup_exec(db,
			"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4100) "
			"INSERT INTO person (id, name, org_unit) SELECT printf('00000000-0000-4000-8000-%012d', i), "
			"'Extra ' || i, 'Övrigt' FROM n", &err), 0);
		hq.by = LUP_HEAT_UNIT;
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		assert_int_equal(h.nrows, 3);
		assert_string_equal(h.row_label[0], "Skola");
		assert_string_equal(h.row_label[2], "Övrigt");     /* Swedish order: Ö after V */
		assert_int_equal(h.row_people[2], 4100);
		assert_int_equal(h.cells[0].pairs, 2);
		assert_int_equal(h.cells[0].below, 1);
		assert_int_equal(h.cells[0].unassessed, 1);
		assert_true(h.cells[0].mean_gap > 0.99 && h.cells[0].mean_gap < 1.01);
		assert_int_equal(h.cells[h.ncols].pairs, 1);
		assert_true(h.cells[h.ncols].mean_gap > 1.99 && h.cells[h.ncols].mean_gap < 2.01);
		assert_int_equal(h.cells[2 * h.ncols].pairs + h.cells[2 * h.ncols].unassessed, 0);
		lup_heatmap_clear(&h);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_gaps, setup, cf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
