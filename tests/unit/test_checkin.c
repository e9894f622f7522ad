/* Unit tests for checkin.c: a check-in's lifecycle (draft, final, a
 * correction that replaces it) and the rating sheet. */
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

/* A check-in names a person, a framework and an assessor that are there;
 * each missing one is named on its field and nothing is saved. */
static void test_refs_exist(void **state)
{
	char p[LUP_UUID_LEN + 1];
	struct lup_checkin c;
	lup_err err;
	(void)state;
	cf_person("Bo Ek", "enhetschef", "Skola", p);
	memset(&c, 0, sizeof c);
	strcpy(c.kind, "self");
	strcpy(c.person_id, "no-such-person");
	strcpy(c.framework_id, kc);
	assert_int_equal(lup_checkin_save(db, &c, &err), -1);
	assert_string_equal(err.field, "person");
	assert_string_equal(err.msg, "no such person");
	strcpy(c.person_id, p);
	strcpy(c.framework_id, "no-such-framework");
	assert_int_equal(lup_checkin_save(db, &c, &err), -1);
	assert_string_equal(err.field, "framework");
	assert_string_equal(err.msg, "no such framework");
	strcpy(c.framework_id, kc);
	strcpy(c.assessor_id, "no-such-assessor");
	assert_int_equal(lup_checkin_save(db, &c, &err), -1);
	assert_string_equal(err.field, "assessor");
	assert_string_equal(err.msg, "the assessor does not exist");
	assert_string_equal(c.id, "");
	/* a draft moved to a framework that is not there */
	c.assessor_id[0] = '\0';
	assert_int_equal(lup_checkin_save(db, &c, &err), 0);
	strcpy(c.framework_id, "no-such-framework");
	assert_int_equal(lup_checkin_save(db, &c, &err), -1);
	assert_string_equal(err.field, "framework");
	assert_string_equal(err.msg, "no such framework");
	lup_checkin_clear(&c);
}

static void test_draft_and_final(void **state)
{
	char p[LUP_UUID_LEN + 1], c11[LUP_UUID_LEN + 1], c34[LUP_UUID_LEN + 1], dc11[LUP_UUID_LEN + 1];
	char fix[LUP_UUID_LEN + 1], again[LUP_UUID_LEN + 1], dc[LUP_UUID_LEN + 1];
	struct lup_checkin c, d;
	long rated, total;
	char *text;
	lup_err err;
	(void)state;
	cf_person("Anna Ek", "enhetschef", "Skola", p);
	cf_comp(kc, "1.1", c11);
	cf_comp(kc, "3.4", c34);
	assert_int_equal(lup_framework_current(db, "digcomp", dc, &err), 0);
	cf_comp(dc, "1.1", dc11);

	memset(&c, 0, sizeof c);
	strcpy(c.person_id, p);
	strcpy(c.framework_id, kc);
	strcpy(c.kind, "selfish");
	assert_int_equal(lup_checkin_save(db, &c, &err), -1);
	assert_string_equal(err.field, "kind");
	assert_string_equal(c.id, "");
	strcpy(c.kind, "self");
	strcpy(c.date, "2015-02-30");
	assert_int_equal(lup_checkin_save(db, &c, &err), -1);
	assert_string_equal(err.field, "date");
	c.date[0] = '\0';   /* today */
	c.note = strdup("  first go  ");
	assert_int_equal(lup_checkin_save(db, &c, &err), 0);
	assert_int_equal(strlen(c.id), 36);
	assert_string_equal(c.status, "draft");
	assert_string_equal(c.note, "first go");
	assert_int_equal(strlen(c.date), 10);

	/* Ratings: in range, "not assessed", undo; refused outside. */
	assert_int_equal(lup_rating_set(db, c.id, c11, 9, &err), -1);
	assert_string_equal(err.field, "level");
	assert_int_equal(lup_rating_set(db, c.id, c34, 3, &err), -1);       /* retired */
	assert_int_equal(lup_rating_set(db, c.id, dc11, 3, &err), -1);      /* another framework */
	assert_int_equal(err.code, LUP_EINVAL);
	assert_int_equal(lup_rating_comment(db, c.id, c11, "why", &err), -1); /* rate first */
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(lup_rating_set(db, c.id, c11, LUP_LEVEL_NA, &err), 0);
	assert_int_equal(cf_count("SELECT count(*) FROM rating WHERE level IS NULL"), 1);
	/* Only "not assessed": not enough to finish. */
	assert_int_equal(lup_checkin_finalize(db, c.id, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(lup_rating_set(db, c.id, c11, 5, &err), 0);
	assert_int_equal(lup_rating_set(db, c.id, c11, 3, &err), 0);
	assert_int_equal(cf_count("SELECT count(*) FROM rating"), 1);
	assert_int_equal(cf_count("SELECT level FROM rating"), 3);
	assert_int_equal(lup_rating_comment(db, c.id, c11, "  uses the intranet daily ", &err), 0);
	assert_int_equal(lup_rating_get_comment(db, c.id, c11, &text, &err), 0);
	assert_string_equal(text, "uses the intranet daily");
	free(text);
	assert_int_equal(lup_rating_count(db, c.id, &rated, &total, &err), 0);
	assert_int_equal(rated, 1);
	assert_int_equal(total, 22);

	/* A draft is edited. */
	strcpy(c.kind, "manager");
	strcpy(c.date, "2015-05-04");
	c.assessor_name = strdup("Extern Bedömare");
	assert_int_equal(lup_checkin_save(db, &c, &err), 0);
	assert_int_equal(lup_checkin_get(db, c.id, &d, &err), 0);
	assert_string_equal(d.kind, "manager");
	assert_string_equal(d.date, "2015-05-04");
	assert_string_equal(d.assessor_name, "Extern Bedömare");
	lup_checkin_clear(&d);
	assert_int_equal(lup_checkin_find_draft(db, p, "manager", again, &err), 1);
	assert_string_equal(again, c.id);
	assert_int_equal(lup_checkin_find_draft(db, p, "self", again, &err), 0);

	/* Final: no more edits, ratings, comments or deleting. */
	assert_int_equal(lup_checkin_finalize(db, c.id, &err), 0);
	assert_int_equal(lup_checkin_finalize(db, c.id, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	free(c.note);
	c.note = strdup("changed");
	assert_int_equal(lup_checkin_save(db, &c, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(lup_rating_set(db, c.id, c11, 4, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(lup_rating_comment(db, c.id, c11, "x", &err), -1);
	assert_int_equal(lup_checkin_delete(db, c.id, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	assert_int_equal(cf_count("SELECT level FROM rating"), 3);
	assert_int_equal(cf_count("SELECT count(*) FROM checkin WHERE note = 'first go'"), 1);

	/* Superseding: a draft copy, the same one when asked again. */
	assert_int_equal(lup_checkin_supersede(db, c.id, NULL, fix, &err), 0);
	assert_string_not_equal(fix, c.id);
	assert_int_equal(lup_checkin_supersede(db, c.id, NULL, again, &err), 0);
	assert_string_equal(again, fix);
	assert_int_equal(lup_checkin_get(db, fix, &d, &err), 0);
	assert_string_equal(d.status, "draft");
	assert_string_equal(d.supersedes_id, c.id);
	assert_string_equal(d.date, "2015-05-04");
	assert_string_equal(d.kind, "manager");
	lup_checkin_clear(&d);
	assert_int_equal(lup_checkin_supersede(db, fix, NULL, again, &err), -1);  /* a draft */
	assert_int_equal(cf_count("SELECT count(*) FROM rating"), 2);
	assert_int_equal(lup_rating_set(db, fix, c11, 4, &err), 0);
	assert_int_equal(lup_checkin_finalize(db, fix, &err), 0);
	assert_int_equal(lup_checkin_supersede(db, c.id, NULL, again, &err), -1);
	assert_int_equal(err.code, LUP_ECONFLICT);
	/* Its history: newest first, the replaced one marked. */
	{
		struct lup_checkin_row rows[4];
		int n = lup_checkin_page(db, p, NULL, 1, 4, rows, &err);
		assert_int_equal(n, 2);
		assert_int_equal(rows[0].superseded + rows[1].superseded, 1);
		assert_string_equal(rows[0].framework, "kommun-chefer");
		assert_int_equal(rows[0].revision, 1);
		assert_int_equal(rows[0].rated, 1);
		assert_int_equal(rows[0].competences, 22);
		assert_string_equal(rows[0].assessor, "Extern Bedömare");
	}
	lup_checkin_clear(&c);

	/* A draft is deleted with its ratings. */
	cf_checkin(p, kc, "2015-05-10", "self", "1.1=2", 0, again);
	assert_int_equal(cf_count("SELECT count(*) FROM rating"), 3);
	assert_int_equal(lup_checkin_delete(db, again, &err), 0);
	assert_int_equal(cf_count("SELECT count(*) FROM rating"), 2);
	assert_int_equal(lup_checkin_delete(db, again, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 0);
}

static void test_rating_sheet(void **state)
{
	char p[LUP_UUID_LEN + 1], k[LUP_UUID_LEN + 1], draft[LUP_UUID_LEN + 1];
	struct lup_rating_row rows[30], page[10];
	lup_err err;
	int n;
	(void)state;
	cf_person("Anna Ek", "enhetschef", "Skola", p);
	cf_checkin(p, kc, "2015-01-10", "self", "1.1=2 1.2=5", 1, k);
	cf_checkin(p, kc, "2015-02-10", "manager", "1.1=6", 1, k);
	cf_checkin(p, kc, "2015-04-01", "self", "1.1=4 L.1=n", 0, draft);

	n = lup_rating_page(db, draft, NULL, 1, 30, rows, &err);
	assert_int_equal(n, 22);                       /* 3.4 is retired */
	assert_string_equal(rows[0].code, "1.1");
	assert_string_equal(rows[0].area, "1");
	assert_string_equal(rows[0].area_name_sv, "Informations- och datakunskap");
	assert_int_equal(rows[0].level, 4);
	assert_int_equal(rows[0].previous, 2);         /* the last self-assessment, not the manager's */
	assert_int_equal(rows[0].target, 4);
	assert_int_equal(rows[1].level, LUP_LEVEL_NONE);
	assert_int_equal(rows[1].previous, 5);
	assert_string_equal(rows[20].code, "L.1");
	assert_int_equal(rows[20].level, LUP_LEVEL_NA);
	assert_int_equal(rows[20].level_min, 3);
	assert_string_equal(rows[21].code, "L.2");
	for (int i = 1; i < n; i++)
		assert_true(rows[i].seq > rows[i - 1].seq);

	/* Paging forward and back gives the same rows. */
	assert_int_equal(lup_rating_page(db, draft, NULL, 1, 10, page, &err), 10);
	assert_string_equal(page[9].code, rows[9].code);
	assert_int_equal(lup_rating_page(db, draft, &page[9], 1, 10, page, &err), 10);
	assert_string_equal(page[0].code, rows[10].code);
	assert_int_equal(lup_rating_page(db, draft, &page[9], 1, 10, page, &err), 2);
	assert_string_equal(page[1].code, "L.2");
	assert_int_equal(lup_rating_page(db, draft, NULL, -1, 3, page, &err), 3);
	assert_string_equal(page[0].code, rows[19].code);
	assert_string_equal(page[2].code, "L.2");
	assert_int_equal(lup_rating_page(db, draft, &page[0], -1, 10, page, &err), 10);
	assert_string_equal(page[0].code, rows[9].code);
	assert_string_equal(page[9].code, rows[18].code);

	/* Rating every competence: one call each. */
	for (int i = 0; i < n; i++)
		assert_int_equal(lup_rating_set(db, draft, rows[i].competence_id, rows[i].level_min + 1, &err), 0);
	{
		long rated, total;
		assert_int_equal(lup_rating_count(db, draft, &rated, &total, &err), 0);
		assert_int_equal(rated, 22);
		assert_int_equal(total, 22);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_refs_exist, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_draft_and_final, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_rating_sheet, setup, cf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
