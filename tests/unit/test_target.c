/* Unit tests for target.c: targets belong to a framework revision and
 * keep their history; a check-in is measured against the targets of its
 * time; removing a competence ends its targets; roles match however they
 * are spelt (case, accents); a person's own targets, set and merged. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "comp_fixture.h"

static char kc[LUP_UUID_LEN + 1];   /* kommun-chefer revision 1 */

#define VER_HEAD "[framework]\nid = ver\nname = Verksamhet\nversion = %s\nlevel_max = 5\n" \
	"[area V]\nname = Verksamhet\n[competence VER.1]\narea = V\nname = Styrning\n"

/* Problem 2: the targets of revision 1 stay revision 1's; a check-in is
 * measured against those in force at its date. */
static void test_targets_per_revision(void **state)
{
	char r1[37], r2[37], p[37], k1[37], k2[37], buf[1024];
	struct lup_framework *fw;
	struct lup_rating_row rows[4];
	lup_err err;
	(void)state;
	snprintf(buf, sizeof buf, VER_HEAD "[competence VER.2]\narea = V\nname = Plan\n"
	         "[targets enhetschef]\nVER.1 = 3\nVER.2 = 4\n", "1");
	cf_import(buf, r1);
	cf_happened("2015-01-01T00:00:00Z");
	/* set in lup while revision 1 is the latest */
	assert_int_equal(lup_target_set(db, "ver", "VER.1", "Enhetschef", NULL, 5, &err), 0);
	cf_happened("2015-02-01T00:00:00Z");
	snprintf(buf, sizeof buf, VER_HEAD "[competence VER.3]\narea = V\nname = Ny\n"
	         "[targets enhetschef]\nVER.1 = 2\nVER.3 = 4\n", "2");
	cf_import(buf, r2);
	cf_happened("2015-06-01T00:00:00Z");

	/* show ver@1: its own targets, as they stood when revision 2 came */
	assert_int_equal(lup_framework_load(db, r1, &fw, &err), 0);
	assert_int_equal(fw->ntargets, 2);
	assert_string_equal(fw->targets[0].code, "VER.1");
	assert_int_equal(fw->targets[0].level, 5);
	assert_int_equal(fw->targets[0].user, 1);
	assert_string_equal(fw->targets[1].code, "VER.2");
	assert_int_equal(fw->targets[1].level, 4);
	lup_framework_free(fw);
	/* ver@2: the user's VER.1 wins over the file's, VER.3 new, no VER.2 */
	assert_int_equal(lup_framework_load(db, r2, &fw, &err), 0);
	assert_int_equal(fw->ntargets, 2);
	assert_string_equal(fw->targets[0].code, "VER.1");
	assert_int_equal(fw->targets[0].level, 5);
	assert_string_equal(fw->targets[1].code, "VER.3");
	lup_framework_free(fw);

	/* a check-in of March on revision 1: revision 1's targets */
	cf_person("Anna", "enhetschef", NULL, p);
	cf_checkin(p, r1, "2015-03-10", "self", "VER.1=2 VER.2=3", 1, k1);
	assert_int_equal(lup_rating_page(db, k1, NULL, 1, 4, rows, &err), 2);
	assert_int_equal(rows[0].target, 5);
	assert_int_equal(rows[1].target, 4);
	/* one of July on revision 1 (made with it after revision 2 came):
	 * the targets in force in July, by the competence's identity */
	cf_checkin(p, r1, "2015-07-01", "self", "VER.1=2", 0, k2);
	assert_int_equal(lup_rating_page(db, k2, NULL, 1, 4, rows, &err), 2);
	assert_int_equal(rows[0].target, 5);
	assert_int_equal(rows[1].target, LUP_LEVEL_NONE);
	/* a change later on does not rewrite March's */
	assert_int_equal(lup_target_set(db, "ver", "VER.1", "enhetschef", NULL, 1, &err), 0);
	assert_int_equal(lup_rating_page(db, k1, NULL, 1, 4, rows, &err), 2);
	assert_int_equal(rows[0].target, 5);
	/* the history keeps every level and when it was in force */
	{
		struct lup_target_change *h;
		size_t n;
		assert_int_equal(lup_target_history(db, "ver", "ENHETSCHEF", NULL, &h, &n, &err), 0);
		assert_true(n >= 5);
		assert_string_equal(h[0].from, "2015-01-01T00:00:00Z");
		assert_int_equal(h[0].revision, 1);
		assert_int_equal(h[n - 1].level, 1);
		assert_string_equal(h[n - 1].to, "");
		free(h);
	}
}

/* Problem 3: a competence that leaves takes its targets with it. */
static void test_targets_end_with_their_competence(void **state)
{
	char r1[37], r2[37], p[37], buf[1024];
	struct lup_target_row *rows;
	struct lup_target_role *roles;
	struct lup_framework *fw;
	size_t n;
	int level;
	lup_err err;
	(void)state;
	snprintf(buf, sizeof buf, VER_HEAD "[competence VER.2]\narea = V\nname = Plan\n", "1");
	cf_import(buf, r1);
	cf_person("Anna", "enhetschef", NULL, p);
	assert_int_equal(lup_target_set(db, "ver", "VER.2", "enhetschef", NULL, 4, &err), 0);
	assert_int_equal(lup_target_set(db, "ver", "VER.2", NULL, p, 5, &err), 0);
	snprintf(buf, sizeof buf, VER_HEAD, "2");
	cf_import(buf, r2);
	assert_int_equal(lup_framework_load(db, r2, &fw, &err), 0);
	assert_int_equal(fw->ntargets, 0);
	lup_framework_free(fw);
	assert_int_equal(lup_target_roles(db, "ver", &roles, &n, &err), 0);
	assert_int_equal(n, 0);   /* no "9 of 8 competences" */
	free(roles);
	assert_int_equal(lup_target_list(db, "ver", NULL, p, &rows, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].code, "VER.1");
	free(rows);
	assert_int_equal(lup_target_get(db, "ver", "VER.2", p, &level, NULL, &err), 0);
	assert_int_equal(level, LUP_LEVEL_NONE);
	/* ended, not forgotten */
	assert_int_equal(cf_count("SELECT count(*) FROM target t JOIN competence c ON c.id = t.competence_id "
	                          "WHERE c.code = 'VER.2' AND t.valid_to IS NOT NULL"), 2);
	assert_int_equal(cf_count("SELECT count(*) FROM target WHERE valid_to IS NULL"), 0);

	/* retired (still in the file) ends them too: the role's, the file's,
	 * the person's */
	assert_int_equal(lup_target_set(db, "ver", "VER.1", "enhetschef", NULL, 3, &err), 0);
	assert_int_equal(lup_target_set(db, "ver", "VER.1", NULL, p, 4, &err), 0);
	snprintf(buf, sizeof buf, VER_HEAD "retired = yes\n[competence VER.3]\narea = V\nname = Uppföljning\n"
	         "[targets enhetschef]\nVER.3 = 2\n", "3");
	cf_import(buf, r2);
	assert_int_equal(cf_count("SELECT count(*) FROM target t JOIN competence c ON c.id = t.competence_id "
	                          "WHERE t.valid_to IS NULL AND c.code = 'VER.1'"), 0);
	assert_int_equal(cf_count("SELECT count(*) FROM target WHERE valid_to IS NULL"), 1);
	assert_int_equal(lup_target_get(db, "ver", "VER.1", p, &level, NULL, &err), 0);
	assert_int_equal(level, LUP_LEVEL_NONE);
}

/* Problem 4: roles as HR writes them; roles no one has are named. */
static void test_roles_any_spelling(void **state)
{
	char r1[37], p[37], q[37], buf[1024];
	int level;
	struct lup_target_role *roles;
	struct lup_fw_plan plan;
	size_t n;
	lup_err err;
	lup_config *cfg = cf_config("[interval]\näldreomsorgschef = 90\n");
	(void)state;
	cf_person("Åsa", "Äldreomsorgschef", NULL, p);
	cf_person("Örjan", "  ÄLDREOMSORGSCHEF ", NULL, q);
	snprintf(buf, sizeof buf, VER_HEAD "[targets äldreomsorgschef]\nVER.1 = 4\n"
	         "[targets enhetchef]\nVER.1 = 3\n", "1");
	cf_write("roles.ini", buf);
	assert_int_equal(lup_framework_plan_file(db, cf_path("roles.ini"), &plan, &err), 0);
	{
		int nobody = 0, other = 0;
		for (size_t i = 0; i < plan.diff.n; i++)
			if (plan.diff.c[i].kind == LUP_FW_ROLE_NOBODY) {
				nobody += strcmp(plan.diff.c[i].role, "enhetchef") == 0;
				other += strcmp(plan.diff.c[i].role, "enhetchef") != 0;
			}
		assert_int_equal(nobody, 1);
		assert_int_equal(other, 0);
	}
	assert_int_equal(lup_framework_store(db, &plan, r1, &err), 0);
	lup_fw_plan_clear(&plan);
	assert_int_equal(lup_target_get(db, "ver", "VER.1", p, &level, NULL, &err), 0);
	assert_int_equal(level, 4);
	assert_int_equal(lup_target_get(db, "ver", "VER.1", q, &level, NULL, &err), 0);
	assert_int_equal(level, 4);
	assert_int_equal(lup_target_roles(db, "ver", &roles, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(roles[0].role, "enhetchef");
	assert_int_equal(roles[0].people, 0);
	assert_string_equal(roles[1].role, "äldreomsorgschef");
	assert_int_equal(roles[1].people, 2);
	free(roles);
	assert_true(lup_role_same("Äldreomsorgschef", " äldreomsorgschef"));
	assert_false(lup_role_same("Äldreomsorgschef", "aldreomsorgschef"));   /* ä is a letter of its own */
	assert_true(lup_role_same("Rektor", "RÉKTOR"));
	/* the heat map counts their targets; the interval of the role applies */
	{
		struct lup_heatmap h;
		struct lup_heat_query hq = { r1, LUP_HEAT_UNIT, NULL, LUP_GAP_BEST };
		char k[37];
		cf_checkin(p, r1, "2015-03-10", "self", "VER.1=2", 1, k);
		assert_int_equal(lup_heatmap_build(db, &hq, &h, &err), 0);
		assert_int_equal(h.cells[0].pairs, 1);
		assert_int_equal(h.cells[0].unassessed, 1);
		lup_heatmap_clear(&h);
	}
	assert_int_equal(lup_competence_interval(cfg, "ÄLDREOMSORGSCHEF"), 90);
	{
		struct lup_due_info info;
		lup_date today = { 2015, 7, 1 };
		assert_int_equal(lup_due_person(db, cfg, p, today, &info, &err), 0);
		assert_int_equal(info.interval, 90);
		assert_int_equal(info.state, LUP_DUE_OVERDUE);
	}
	lup_config_free(cfg);
}

/* Problem 5: a person's own target, beside their role's. */
static void test_person_targets(void **state)
{
	char r1[37], p[37], buf[1024];
	struct lup_target_row *rows;
	struct lup_merge_report mr;
	size_t n;
	int level, personal;
	lup_err err;
	(void)state;
	snprintf(buf, sizeof buf, VER_HEAD "[targets enhetschef]\nVER.1 = 3\n", "1");
	cf_import(buf, r1);
	cf_person("Anna", "enhetschef", NULL, p);
	assert_int_equal(lup_target_set(db, "ver", "ver.1", NULL, p, 5, &err), 0);
	assert_int_equal(lup_target_get(db, "ver", "VER.1", p, &level, &personal, &err), 0);
	assert_int_equal(level, 5);
	assert_int_equal(personal, 1);
	assert_int_equal(lup_target_list(db, "ver", NULL, p, &rows, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].role_level, 3);
	assert_int_equal(rows[0].own_level, 5);
	assert_int_equal(rows[0].level, 5);
	assert_int_equal(strlen(rows[0].since), 10);
	free(rows);
	/* two windows: one saw 5 and sets 4, the other had set 2 meanwhile */
	assert_int_equal(lup_target_set(db, "ver", "VER.1", NULL, p, 2, &err), 0);
	lup_merge_report_init(&mr);
	assert_int_equal(lup_target_edit(db, "ver", "VER.1", NULL, p, 5, 4, &mr, &err), -1);
	assert_int_equal(err.code, LUP_ECHANGED);
	lup_merge_report_clear(&mr);
	assert_int_equal(lup_target_get(db, "ver", "VER.1", p, &level, NULL, &err), 0);
	assert_int_equal(level, 2);
	/* removed: the role's applies again */
	assert_int_equal(lup_target_edit(db, "ver", "VER.1", NULL, p, 2, LUP_LEVEL_NONE, NULL, &err), 0);
	assert_int_equal(lup_target_get(db, "ver", "VER.1", p, &level, &personal, &err), 0);
	assert_int_equal(level, 3);
	assert_int_equal(personal, 0);
	/* refused: out of range, nobody */
	assert_int_equal(lup_target_set(db, "ver", "VER.1", NULL, p, 9, &err), -1);
	assert_string_equal(err.field, "level");
	assert_int_equal(lup_target_set(db, "ver", "VER.1", NULL, "00000000-0000-4000-8000-000000000000", 2, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
}

/* A role's and a person's targets in the latest revision: set, ended,
 * matched ignoring case, refused when wrong. */
static int setup_frameworks(void **state)
{
	return cf_setup_frameworks(state, NULL, kc);
}

static void test_targets(void **state)
{
	char p[LUP_UUID_LEN + 1], q[LUP_UUID_LEN + 1];
	int level, personal;
	lup_err err;
	(void)state;
	cf_person("Anna Ek", "Enhetschef", "Skola", p);
	cf_person("Bo Alm", "kock", NULL, q);

	/* From the file, role matched ignoring case. */
	assert_int_equal(lup_target_get(db, "kommun-chefer", "1.2", p, &level, &personal, &err), 0);
	assert_int_equal(level, 4);
	assert_int_equal(personal, 0);
	assert_int_equal(lup_target_get(db, "kommun-chefer", "1.2", q, &level, &personal, &err), 0);
	assert_int_equal(level, LUP_LEVEL_NONE);
	assert_int_equal(lup_target_get(db, "digcomp", "1.2", p, &level, NULL, &err), 0);
	assert_int_equal(level, LUP_LEVEL_NONE);

	/* A person's own target wins; removing it brings the role's back. */
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", NULL, p, 6, &err), 0);
	assert_int_equal(lup_target_get(db, "kommun-chefer", "1.2", p, &level, &personal, &err), 0);
	assert_int_equal(level, 6);
	assert_int_equal(personal, 1);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", NULL, p, 7, &err), 0);
	assert_int_equal(cf_count("SELECT count(*) FROM target WHERE person_id IS NOT NULL AND valid_to IS NULL"), 1);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", NULL, p, LUP_LEVEL_NONE, &err), 0);
	assert_int_equal(lup_target_get(db, "kommun-chefer", "1.2", p, &level, &personal, &err), 0);
	assert_int_equal(level, 4);

	/* Role targets: a new role, and changing a file's (code case ignored). */
	assert_int_equal(lup_target_set(db, "kommun-chefer", "l.1", " Kock ", NULL, 3, &err), 0);
	assert_int_equal(lup_target_get(db, "kommun-chefer", "L.1", q, &level, NULL, &err), 0);
	assert_int_equal(level, 3);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.2", "ENHETSCHEF", NULL, 2, &err), 0);
	assert_int_equal(cf_count("SELECT t.level FROM target t JOIN competence c ON c.id = t.competence_id "
	                       "WHERE t.role = 'enhetschef' AND c.code = '1.2' AND t.source = 'user' "
	                       "AND t.valid_to IS NULL"), 2);
	assert_int_equal(cf_count("SELECT count(*) FROM target t JOIN competence c ON c.id = t.competence_id "
	                       "WHERE t.role_key = 'enhetschef' AND c.code = '1.2' AND t.valid_to IS NULL"), 1);

	/* Refused: out of range, retired, unknown, both or neither. */
	assert_int_equal(lup_target_set(db, "kommun-chefer", "L.1", "kock", NULL, 2, &err), -1);
	assert_string_equal(err.field, "level");
	assert_int_equal(lup_target_set(db, "kommun-chefer", "3.4", "kock", NULL, 2, &err), -1);
	assert_non_null(strstr(err.msg, "retired"));
	assert_int_equal(lup_target_set(db, "kommun-chefer", "9.9", "kock", NULL, 2, &err), -1);
	assert_string_equal(err.field, "code");
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.1", "kock", p, 2, &err), -1);
	assert_int_equal(lup_target_set(db, "kommun-chefer", "1.1", NULL, NULL, 2, &err), -1);
	assert_int_equal(lup_target_set(db, "nosuch", "1.1", "kock", NULL, 2, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_targets_per_revision, cf_setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_targets_end_with_their_competence, cf_setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_roles_any_spelling, cf_setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_person_targets, cf_setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_targets, setup_frameworks, cf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
