/* Unit tests for heatmap.c: its stamp follows what it reads and only
 * that; taken a slice at a time it is the map built in one go. */
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

/* The heat map's stamp changes with what the map reads, and only then;
 * and a map built at an unchanged stamp is the same map. */
static void test_heat_stamp(void **state)
{
	char anna[37], draft[37], k[37], cid[37], day[11], sql[320];
	struct lup_db_stamp a, b;
	struct lup_heat_query q = { 0 };
	struct lup_heatmap h1, h2;
	lup_db *other;
	lup_err err;
	(void)state;

	cf_person("Anna", "enhetschef", "Skola", anna);
	cf_days_before(200, day); cf_checkin(anna, kc, day, "self", "1.1=3", 1, k);
	cf_comp(kc, "1.2", cid);
	lup_heatmap_stamp(db, &a);
	lup_heatmap_stamp(db, &b);
	assert_true(lup_db_stamp_equal(&a, &b));

	/* Writes the map does not read: a draft and its ratings, a phone
	 * number, a programme. */
	q.framework_id = kc;
	assert_int_equal(lup_heatmap_build(db, &q, &h1, &err), 0);
	cf_days_before(1, day); cf_checkin(anna, kc, day, "self", "1.1=5", 0, draft);
	assert_int_equal(lup_rating_set(db, draft, cid, 6, &err), 0);
	cf_set_person(anna, NULL, -1, "+46 8 123 45", NULL);
	assert_int_equal(lup_exec(db, "INSERT INTO programme (id, name) VALUES "
	                          "('00000000-0000-4000-8000-00000000p001', 'P')", &err), 0);
	lup_heatmap_stamp(db, &b);
	assert_true(lup_db_stamp_equal(&a, &b));
	assert_int_equal(lup_heatmap_build(db, &q, &h2, &err), 0);
	assert_int_equal(h1.nrows, h2.nrows);
	assert_int_equal(h1.ncols, h2.ncols);
	assert_memory_equal(h1.cells, h2.cells, h1.nrows * h1.ncols * sizeof *h1.cells);
	lup_heatmap_clear(&h2);

	/* The draft made final: new levels, a new stamp, another map. */
	assert_int_equal(lup_checkin_finalize(db, draft, &err), 0);
	lup_heatmap_stamp(db, &b);
	assert_false(lup_db_stamp_equal(&a, &b));
	assert_int_equal(lup_heatmap_build(db, &q, &h2, &err), 0);
	assert_true(h1.nrows != h2.nrows || h1.ncols != h2.ncols ||
	            memcmp(h1.cells, h2.cells, h1.nrows * h1.ncols * sizeof *h1.cells) != 0);
	lup_heatmap_clear(&h1);
	lup_heatmap_clear(&h2);

	/* A unit, a target, and another connection's write each make a new one. */
	a = b;
	assert_int_equal(lup_exec(db, "UPDATE person SET org_unit = 'Vård'", &err), 0);
	lup_heatmap_stamp(db, &b);
	assert_false(lup_db_stamp_equal(&a, &b));
	a = b;
	snprintf(sql, sizeof sql, "UPDATE target SET level = level + 1 WHERE rowid = "
	         "(SELECT min(rowid) FROM target)");
	assert_int_equal(lup_exec(db, sql, &err), 0);
	assert_true(cf_count("SELECT count(*) FROM target") > 0);
	lup_heatmap_stamp(db, &b);
	assert_false(lup_db_stamp_equal(&a, &b));
	a = b;
	snprintf(sql, sizeof sql, "%s/t.db", cf_dir);
	assert_int_equal(lup_db_open(sql, 0, &other, &err), 0);
	assert_int_equal(lup_exec(other, "UPDATE programme SET name = 'Q'", &err), 0);
	lup_db_close(other);
	lup_heatmap_stamp(db, &b);
	assert_false(lup_db_stamp_equal(&a, &b));
}

/* The heat map taken a person at a time is the map built in one go: more
 * people than one chunk, rows by unit and by cohort (some people in two
 * cohorts), every source, everyone and one cohort; roles' and people's own
 * targets, corrections, inactive people. */
static void heat_same(const struct lup_heatmap *a, const struct lup_heatmap *b)
{
	assert_int_equal(a->nrows, b->nrows);
	assert_int_equal(a->ncols, b->ncols);
	assert_int_equal(a->rev_min, b->rev_min);
	assert_int_equal(a->rev_max, b->rev_max);
	for (size_t r = 0; r < a->nrows; r++) {
		assert_string_equal(a->row_label[r], b->row_label[r]);
		assert_int_equal(a->row_people[r], b->row_people[r]);
	}
	assert_memory_equal(a->cells, b->cells, a->nrows * a->ncols * sizeof *a->cells);
}

static void test_heat_steps(void **state)
{
	char p[37], k[37];
	lup_err err;
	(void)state;

	cf_exec("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 700) "
	        "INSERT INTO person (id, name, org_unit, role, active, search, sort_name, sort_unit, sort_role) "
	        "SELECT id, name, unit, role, i % 29 <> 0, lower(name), lower(name), "
	        "lup_sortkey(coalesce(unit, '')), lup_sortkey(coalesce(role, '')) FROM (SELECT i, "
	        "printf('%08x-0000-4000-8000-%012x', (i * 2654435761) % 4294967296, i) AS id, 'P ' || i AS name, "
	        "CASE WHEN i % 17 = 0 THEN NULL ELSE 'Enhet ' || (i % 23) END AS unit, "
	        "CASE i % 4 WHEN 0 THEN 'Enhetschef' WHEN 1 THEN 'avdelningschef' WHEN 2 THEN 'kock' END AS role FROM s)");
	cf_exec("INSERT INTO checkin (id, person_id, framework_id, date, kind, status, created_at, updated_at) "
	        "SELECT substr(p.id, 1, 24) || printf('%012x', j.j), p.id, f.id, "
	        "printf('2015-0%d-%02d', 1 + j.j, 1 + p.rowid % 28), CASE j.j WHEN 1 THEN 'manager' ELSE 'self' END, "
	        "'final', '2015-01-01T00:00:00Z', '2015-01-01T00:00:00Z' "
	        "FROM person p, framework f, (SELECT 0 AS j UNION ALL SELECT 1 UNION ALL SELECT 2) j "
	        "WHERE f.ident = 'kommun-chefer' AND p.rowid % 5 <> 0 AND j.j <= p.rowid % 3");
	cf_exec("INSERT INTO rating (id, checkin_id, competence_id, level) "
	        "SELECT substr(k.id, 1, 24) || printf('%04x%08x', c.seq, k.rowid), k.id, c.id, "
	        "CASE WHEN (k.rowid + c.seq) % 11 = 0 THEN NULL ELSE "
	        "c.level_min + (k.rowid * 7 + c.seq * 3) % (c.level_max - c.level_min + 1) END "
	        "FROM checkin k JOIN competence c ON c.framework_id = k.framework_id AND c.retired = 0 "
	        "WHERE (k.rowid + c.seq) % 4 <> 0");
	/* a correction that replaces a check-in */
	cf_exec("INSERT INTO checkin (id, person_id, framework_id, date, kind, status, supersedes_id) "
	        "SELECT '00000000-0000-4000-8000-0000000000c1', person_id, framework_id, '2015-05-05', kind, "
	        "'final', id FROM checkin ORDER BY rowid LIMIT 1");
	cf_exec("INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-00000000p001', 'P'), "
	        "('00000000-0000-4000-8000-00000000p002', 'Q');"
	        "INSERT INTO cohort (id, programme_id, name) VALUES "
	        "('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000p001', 'Omgång 2'), "
	        "('00000000-0000-4000-8000-00000000c002', '00000000-0000-4000-8000-00000000p001', 'Omgång 10'), "
	        "('00000000-0000-4000-8000-00000000c003', '00000000-0000-4000-8000-00000000p002', 'Pilot');"
	        "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at) "
	        "SELECT substr(id, 1, 24) || 'e0000000000' || (rowid % 2), CASE rowid % 2 WHEN 0 THEN "
	        "'00000000-0000-4000-8000-00000000c001' ELSE '00000000-0000-4000-8000-00000000c002' END, id, "
	        "'00000000-0000-4000-8000-00000000p001', CASE WHEN rowid % 13 = 0 THEN 'withdrawn' ELSE 'enrolled' END, "
	        "'2015-01-01' FROM person WHERE rowid % 3 = 0;"
	        "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at) "
	        "SELECT substr(id, 1, 24) || 'f00000000000', '00000000-0000-4000-8000-00000000c003', id, "
	        "'00000000-0000-4000-8000-00000000p002', 'enrolled', '2015-01-01' FROM person WHERE rowid % 4 = 0");
	/* people's own targets */
	cf_person("Own Target", "enhetschef", "Enhet 1", p);
	cf_checkin(p, kc, "2015-03-03", "self", "1.1=2 1.2=3", 1, k);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.1", NULL, p, 6, &err), 0);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "L.1", NULL, p, 5, &err), 0);
	assert_true(cf_count("SELECT count(*) FROM rating") > 2000);

	for (int by = 0; by < 2; by++)
		for (int src = 0; src < 3; src++)
			for (int one = 0; one < 2; one++) {
				struct lup_heat_query q = { kc, (enum lup_heat_by)by,
				                            one ? "00000000-0000-4000-8000-00000000c001" : NULL,
				                            (enum lup_gap_source)src };
				struct lup_heatmap whole, stepped;
				lup_heat_build *b;
				double progress = -1, last = -1;
				int rc, steps = 0;
				assert_int_equal(lup_heatmap_build(db, &q, &whole, &err), 0);
				assert_true(whole.nrows > 0);
				/* every person in their rows, across the chunks */
				for (size_t r = 0; r < whole.nrows; r++) {
					sqlite3_stmt *st;
					assert_int_equal(sqlite3_prepare_v2(db->h, by == LUP_HEAT_UNIT ?
						"SELECT count(*) FROM person p WHERE p.active = 1 AND coalesce(p.org_unit, '') = ?1 "
						"AND (?2 IS NULL OR EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = p.id "
						"AND e.cohort_id = ?2 AND e.status <> 'withdrawn'))" :
						"SELECT count(DISTINCT p.id) FROM person p JOIN enrolment e ON e.person_id = p.id "
						"JOIN cohort c ON c.id = e.cohort_id WHERE p.active = 1 AND e.status <> 'withdrawn' "
						"AND c.name = ?1 AND (?2 IS NULL OR c.id = ?2)", -1, &st, NULL), SQLITE_OK);
					sqlite3_bind_text(st, 1, whole.row_label[r], -1, SQLITE_STATIC);
					if (one)
						sqlite3_bind_text(st, 2, q.cohort_id, -1, SQLITE_STATIC);
					assert_int_equal(sqlite3_step(st), SQLITE_ROW);
					assert_int_equal(whole.row_people[r], sqlite3_column_int64(st, 0));
					sqlite3_finalize(st);
				}
				assert_int_equal(lup_heatmap_begin(db, &q, &stepped, &b, &err), 0);
				assert_int_equal(stepped.ncols, whole.ncols);   /* the columns at once */
				assert_int_equal(stepped.nrows, 0);
				while ((rc = lup_heatmap_step(b, 0, &progress, &err)) == 0) {
					assert_true(progress >= 0 && progress < 1);
					assert_true(progress >= last);
					last = progress;
					steps++;
				}
				assert_int_equal(rc, 1);
				assert_true(progress == 1);
				assert_true(steps > (one ? 10 : 300));
				lup_heatmap_end(b);
				heat_same(&whole, &stepped);
				lup_heatmap_clear(&whole);
				lup_heatmap_clear(&stepped);
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_heat_stamp, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_heat_steps, setup, cf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
