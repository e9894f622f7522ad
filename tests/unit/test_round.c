/* Unit tests for round.c, and for what a check-in takes from the person:
 * the framework their role is assessed on ([frameworks] in lup.ini,
 * problem 6 of the issue) and, for a manager review, their manager as the
 * assessor.  A round asks a unit, a role or a cohort at once: drafts in
 * bulk, the list of whom to invite, its progress. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "comp_fixture.h"

static char dc[37], kc[37];

static int setup(void **state)
{
	return cf_setup_frameworks(state, dc, kc);
}

static const char INI[] = "[frameworks]\nEnhetschef = kommun-chefer\n";

static void test_framework_per_role(void **state)
{
	char anna[37], bo[37], id[37];
	lup_config *cfg = cf_config(INI);
	lup_err err;
	(void)state;
	cf_person("Anna", "enhetschef", "Skola", anna);
	cf_person("Bo", "handläggare", "Skola", bo);
	assert_string_equal(lup_competence_framework_for(cfg, "ENHETSCHEF"), "kommun-chefer");
	assert_string_equal(lup_competence_framework_for(cfg, "handläggare"), "digcomp");
	assert_string_equal(lup_competence_framework_for(NULL, "enhetschef"), "digcomp");
	assert_int_equal(lup_competence_framework_person(db, cfg, anna, id, &err), 0);
	assert_string_equal(id, kc);
	assert_int_equal(lup_competence_framework_person(db, cfg, bo, id, &err), 0);
	assert_string_equal(id, dc);
	lup_config_free(cfg);
	/* a framework named for a role but not imported is said so */
	cfg = cf_config("[frameworks]\nenhetschef = nosuch\n");
	assert_int_equal(lup_competence_framework_person(db, cfg, anna, id, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_non_null(strstr(err.msg, "framework 'nosuch' (for the role enhetschef in [frameworks] of lup.ini)"));
	lup_config_free(cfg);
}

static void test_checkin_from_the_person(void **state)
{
	char chef[37], anna[37];
	struct lup_checkin c, d;
	struct lup_merge_report mr;
	char k[37];
	lup_err err;
	(void)state;
	cf_person("Chef Ek", "avdelningschef", "Skola", chef);
	cf_person("Anna", "enhetschef", "Skola", anna);
	cf_exec("UPDATE person SET manager_id = (SELECT id FROM person WHERE name = 'Chef Ek') WHERE name = 'Anna'");
	/* a manager review is by their manager unless another is given */
	memset(&c, 0, sizeof c);
	strcpy(c.person_id, anna);
	strcpy(c.framework_id, dc);
	strcpy(c.kind, "manager");
	assert_int_equal(lup_checkin_save(db, &c, &err), 0);
	assert_string_equal(c.assessor_id, chef);
	lup_checkin_clear(&c);
	memset(&c, 0, sizeof c);
	strcpy(c.person_id, anna);
	strcpy(c.framework_id, dc);
	strcpy(c.kind, "manager");
	c.assessor_name = strdup("Extern Bedömare");
	assert_int_equal(lup_checkin_save(db, &c, &err), 0);
	assert_string_equal(c.assessor_id, "");
	/* a draft takes another framework while nothing is rated, and the
	 * choice merges like its other columns */
	assert_int_equal(lup_checkin_get(db, c.id, &d, &err), 0);
	strcpy(d.framework_id, kc);
	lup_merge_report_init(&mr);
	assert_int_equal(lup_checkin_update(db, &c, &d, &mr, &err), 0);
	lup_merge_report_clear(&mr);
	lup_checkin_clear(&d);
	assert_int_equal(lup_checkin_get(db, c.id, &d, &err), 0);
	assert_string_equal(d.framework_id, kc);
	lup_checkin_clear(&d);
	cf_checkin(anna, kc, "2015-01-01", "self", "1.1=3", 0, k);
	assert_int_equal(lup_checkin_get(db, k, &d, &err), 0);
	strcpy(d.framework_id, dc);
	assert_int_equal(lup_checkin_save(db, &d, &err), -1);
	assert_string_equal(err.field, "framework");
	lup_checkin_clear(&d);
	lup_checkin_clear(&c);
}

static void test_round(void **state)
{
	char anna[37], bo[37], cia[37], dan[37], eva[37], fia[37], k[37], draft[37];
	struct lup_round r;
	struct lup_round_result res;
	struct lup_round_row *rows;
	struct lup_round_person *people;
	size_t n;
	long done, total, written, none;
	lup_date today = { 2015, 6, 1 };
	lup_config *cfg = cf_config(INI);
	lup_err err;
	(void)state;
	cf_person("Anna", "enhetschef", "Äldreomsorg Norr", anna);   /* never assessed */
	cf_person("Bo", "handläggare", "ÄLDREOMSORG NORR", bo);      /* assessed long ago */
	cf_person("Cia", "handläggare", "Äldreomsorg Norr", cia);     /* up to date */
	cf_person("Dan", "handläggare", "Äldreomsorg Söder", dan);    /* another unit */
	cf_person("Eva", "enhetschef", "Äldreomsorg Norr", eva);      /* has a draft already */
	cf_person("Fia", "handläggare", "Äldreomsorg Norr", fia);     /* left */
	cf_exec("UPDATE person SET email = lower(name) || '@example.se' WHERE name <> 'Bo';"
	        "UPDATE person SET active = 0 WHERE name = 'Fia'");
	cf_checkin(bo, dc, "2014-01-01", "self", "1.1=3", 1, k);
	cf_checkin(cia, dc, "2015-05-01", "self", "1.1=3", 1, k);
	cf_checkin(eva, kc, "2015-05-20", "self", "1.1=2", 0, draft);

	/* the unit, however it is written; those due */
	memset(&r, 0, sizeof r);
	strcpy(r.kind, "self");
	r.scope = LUP_ROUND_UNIT;
	strcpy(r.value, "äldreomsorg norr");
	r.only_due = 1;
	assert_int_equal(lup_round_start(db, cfg, &r, today, &res, &err), 0);
	assert_int_equal(res.people, 3);
	assert_int_equal(res.made, 2);
	assert_int_equal(res.kept, 1);
	assert_string_equal(r.date, "2015-06-01");
	assert_string_equal(r.name, "self-assessment · äldreomsorg norr · 2015-06-01");
	/* each on their own framework */
	assert_int_equal(cf_count("SELECT count(*) FROM checkin k JOIN person p ON p.id = k.person_id "
	                          "JOIN framework f ON f.id = k.framework_id WHERE k.round_id IS NOT NULL "
	                          "AND ((p.name = 'Anna' AND f.ident = 'kommun-chefer') "
	                          "OR (p.name = 'Bo' AND f.ident = 'digcomp') OR (p.name = 'Eva'))"), 3);
	assert_int_equal(lup_round_progress(db, r.id, &done, &total, &err), 0);
	assert_int_equal(done, 0);
	assert_int_equal(total, 3);

	/* the list of whom to invite: name, e-mail */
	assert_int_equal(lup_round_invites(db, r.id, 0, cf_path("inv.csv"), &written, &none, &err), 0);
	assert_int_equal(written, 3);
	assert_int_equal(none, 1);
	{
		char text[512] = "";
		FILE *fp = fopen(cf_path("inv.csv"), "r");
		assert_non_null(fp);
		text[fread(text, 1, sizeof text - 1, fp)] = '\0';
		fclose(fp);
		assert_string_equal(text, "name,email,unit,role\r\n"
		                          "Anna,anna@example.se,Äldreomsorg Norr,enhetschef\r\n"
		                          "Bo,,ÄLDREOMSORG NORR,handläggare\r\n"
		                          "Eva,eva@example.se,Äldreomsorg Norr,enhetschef\r\n");
	}

	/* Eva finishes hers: one of three done */
	{
		char cid[37];
		cf_comp(kc, "1.1", cid);
		assert_int_equal(lup_checkin_finalize(db, draft, &err), 0);
		(void)cid;
	}
	assert_int_equal(lup_round_progress(db, r.id, &done, &total, &err), 0);
	assert_int_equal(done, 1);
	assert_int_equal(lup_round_people(db, r.id, &people, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(people[2].name, "Eva");
	assert_string_equal(people[2].status, "final");
	assert_int_equal(people[2].rated, 1);
	free(people);
	/* a reminder: those not done */
	assert_int_equal(lup_round_invites(db, r.id, 1, cf_path("rem.csv"), &written, NULL, &err), 0);
	assert_int_equal(written, 2);
	assert_int_equal(lup_round_list(db, &rows, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].people, 3);
	assert_int_equal(rows[0].done, 1);
	free(rows);
	{
		char found[37];
		assert_int_equal(lup_round_find(db, "SELF-ASSESSMENT · Äldreomsorg Norr · 2015-06-01", found, &err), 0);
		assert_string_equal(found, r.id);
	}

	/* a role, everyone there; nobody: refused, nothing stored */
	memset(&r, 0, sizeof r);
	strcpy(r.kind, "manager");
	r.scope = LUP_ROUND_ROLE;
	strcpy(r.value, "Handläggare");
	assert_int_equal(lup_round_start(db, cfg, &r, today, &res, &err), 0);
	assert_int_equal(res.people, 3);   /* Bo, Cia, Dan; not Fia */
	memset(&r, 0, sizeof r);
	strcpy(r.kind, "self");
	r.scope = LUP_ROUND_ROLE;
	strcpy(r.value, "kock");
	assert_int_equal(lup_round_start(db, cfg, &r, today, &res, &err), -1);
	assert_non_null(strstr(err.msg, "nobody to ask"));
	assert_int_equal(cf_count("SELECT count(*) FROM round"), 2);

	/* removing a round takes its untouched drafts */
	{
		long removed;
		char id[37];
		assert_int_equal(lup_round_find(db, "manager review · Handläggare · 2015-06-01", id, &err), 0);
		assert_int_equal(lup_round_delete(db, id, &removed, &err), 0);
		assert_int_equal(removed, 3);
		assert_int_equal(cf_count("SELECT count(*) FROM round"), 1);
	}

	/* a cohort: those enrolled and still in it (once, whatever they withdrew from before) */
	cf_exec("INSERT INTO programme (id, name) VALUES ('00000000-0000-4000-8000-0000000b0001', 'P');"
	        "INSERT INTO cohort (id, programme_id, name) VALUES ('00000000-0000-4000-8000-0000000c0001', "
	        "'00000000-0000-4000-8000-0000000b0001', 'Pilot');"
	        "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, requested_at, status) "
	        "SELECT substr(id, 1, 24) || 'e00000000001', '00000000-0000-4000-8000-0000000c0001', id, "
	        "'00000000-0000-4000-8000-0000000b0001', '2015-01-01', "
	        "CASE name WHEN 'Bo' THEN 'withdrawn' ELSE 'enrolled' END FROM person "
	        "WHERE name IN ('Bo', 'Dan', 'Fia', 'Cia');"
	        "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, requested_at, status) "
	        "SELECT substr(id, 1, 24) || 'e00000000002', '00000000-0000-4000-8000-0000000c0001', id, "
	        "'00000000-0000-4000-8000-0000000b0001', '2014-02-01', 'withdrawn' FROM person WHERE name = 'Cia'");
	memset(&r, 0, sizeof r);
	strcpy(r.kind, "validation");
	r.scope = LUP_ROUND_COHORT;
	strcpy(r.cohort_id, "00000000-0000-4000-8000-0000000c0001");
	assert_int_equal(lup_round_start(db, cfg, &r, today, &res, &err), 0);
	assert_int_equal(res.people, 2);   /* Cia, Dan */
	assert_string_equal(r.value, "Pilot");
	/* everyone active */
	memset(&r, 0, sizeof r);
	strcpy(r.kind, "self");
	r.scope = LUP_ROUND_EVERYONE;
	assert_int_equal(lup_round_start(db, cfg, &r, today, &res, &err), 0);
	assert_int_equal(res.people, 5);   /* not Fia */
	assert_int_equal(lup_db_check(db, NULL, NULL, &err), 0);
	lup_config_free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_framework_per_role, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_checkin_from_the_person, setup, cf_teardown),
		cmocka_unit_test_setup_teardown(test_round, setup, cf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
