/* Unit tests for profile.c: a person's competence profile holds their
 * levels now with what they mean, against the targets that apply, their
 * comments, and each final check-in with the targets of its time and its
 * revision; written as one HTML page. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "comp_fixture.h"
#include "lup/profile.h"

static void test_profile(void **state)
{
	char r1[37], r2[37], anna[37], chef[37], k[37], buf[1024];
	struct lup_profile p;
	const struct lup_profile_fw *f;
	char *html = NULL;
	size_t len = 0;
	FILE *fp;
	lup_err err;
	(void)state;
	snprintf(buf, sizeof buf, SJ_HEAD "description = Att ge & ta emot <återkoppling>\n"
	         "[competence SJ.2]\narea = SJ\nname = Resilience\n[targets enhetschef]\nSJ.1 = 4\n", "1");
	cf_import(buf, r1);
	cf_happened("2014-12-01T00:00:00Z");
	cf_person("Chef Ek", "avdelningschef", NULL, chef);
	cf_person("Anna Ek", "Enhetschef", "Skola", anna);
	cf_exec("UPDATE person SET manager_id = (SELECT id FROM person WHERE name = 'Chef Ek') WHERE name = 'Anna Ek'");
	cf_checkin(anna, r1, "2015-01-10", "self", "SJ.1=2 SJ.2=n", 1, k);
	assert_int_equal(lup_rating_comment(db, k, "", NULL, &err), -1);   /* a competence needed */
	{
		char cid[37], k2[37];
		cf_checkin(anna, r1, "2015-03-10", "self", "SJ.1=3", 0, k2);
		cf_comp(r1, "SJ.1", cid);
		assert_int_equal(lup_rating_comment(db, k2, cid, "Ger återkoppling varje vecka", &err), 0);
		assert_int_equal(lup_checkin_finalize(db, k2, &err), 0);
	}
	/* revision 2 renames SJ.1 and sets another target */
	cf_import("[framework]\nid = sj\nname = Självledarskap\nversion = 2\nlevel_max = 5\n"
	          "[level 3]\nname = Kompetent\n[area SJ]\nname = Självledarskap\n"
	          "[competence SJ.1]\narea = SJ\nname = Återkoppling\nrenamed_from = SJ.1\n"
	          "[competence SJ.2]\narea = SJ\nname = Resilience\n"
	          "[targets enhetschef]\nSJ.1 = 5\n", r2);
	cf_happened("2015-06-01T00:00:00Z");

	assert_int_equal(lup_profile_build(db, NULL, anna, &p, &err), 0);
	assert_string_equal(p.name, "Anna Ek");
	assert_string_equal(p.manager, "Chef Ek");
	assert_int_equal(p.nfws, 1);
	f = &p.fws[0];
	assert_string_equal(f->ident, "sj");
	assert_int_equal(f->revision, 2);
	assert_int_equal(f->theirs, 0);   /* their role's is digcomp, not imported */
	assert_int_equal(f->nitems, 2);
	assert_string_equal(f->items[0].name, "Återkoppling");
	assert_int_equal(f->items[0].self, 3);
	assert_string_equal(f->items[0].self_meaning, "Kompetent");
	assert_int_equal(f->items[0].self_rev, 1);
	assert_int_equal(f->items[0].target, 5);
	assert_string_equal(f->items[0].comment, "Ger återkoppling varje vecka");
	assert_int_equal(f->items[1].self, LUP_LEVEL_NONE);   /* not assessed is no level */
	assert_int_equal(f->below, 1);
	assert_int_equal(f->with_target, 1);
	/* the check-ins with the targets of their time */
	assert_int_equal(f->ncheckins, 2);
	assert_string_equal(f->checkins[0].date, "2015-01-10");
	assert_int_equal(f->checkins[0].revision, 1);
	assert_int_equal(f->checkins[0].nratings, 2);
	assert_int_equal(f->checkins[0].ratings[0].level, 2);
	assert_int_equal(f->checkins[0].ratings[0].target, 4);
	assert_int_equal(f->checkins[0].ratings[1].level, LUP_LEVEL_NA);
	assert_string_equal(f->checkins[1].ratings[0].meaning, "Kompetent");

	fp = open_memstream(&html, &len);
	assert_int_equal(lup_profile_write_html(&p, fp, &err), 0);
	fclose(fp);
	assert_non_null(strstr(html, "<h1>Competence profile: Anna Ek</h1>"));
	assert_non_null(strstr(html, "3 <span class=\"m\">Kompetent</span><br><span class=\"small\">2015-03-10 · revision 1"));
	assert_non_null(strstr(html, "Ger återkoppling varje vecka"));
	assert_non_null(strstr(html, "Target then"));
	assert_null(strstr(html, "<återkoppling>"));   /* escaped */
	free(html);
	lup_profile_clear(&p);

	/* someone without check-ins or a framework of their own */
	{
		char bo[37];
		cf_person("Bo", NULL, NULL, bo);
		assert_int_equal(lup_profile_build(db, NULL, bo, &p, &err), 0);
		assert_int_equal(p.nfws, 0);
		assert_int_equal(p.due.state, LUP_DUE_NEVER);
		lup_profile_clear(&p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_profile, cf_setup, cf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
