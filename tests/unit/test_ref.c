/* Unit tests for references found by name (ref.c): case and accents do not
 * count, a whole name wins over longer ones, a unique start settles it,
 * and what does not settle lists its candidates with their ids. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/internal.h"
#include "lup/people.h"
#include "lup/programme.h"
#include "lup/ref.h"
#include "lup/shadowing.h"
#include "fixture.h"

static void test_hosts(void **state)
{
	struct fx *f = *state;
	char gdansk[LUP_ID_SIZE], gdynia[LUP_ID_SIZE], id[LUP_ID_SIZE];
	lup_err err;
	snprintf(gdansk, sizeof gdansk, "%s", fx_host(f, "City of Gdańsk", "Gdańsk"));
	snprintf(gdynia, sizeof gdynia, "%s", fx_host(f, "City of Gdynia", "Gdynia"));
	assert_int_equal(lup_host_find(f->db, "city of gdansk", id, &err), 0);
	assert_string_equal(id, gdansk);
	assert_int_equal(lup_host_find(f->db, "CITY OF GDY", id, &err), 0);   /* unique start */
	assert_string_equal(id, gdynia);
	assert_int_equal(lup_host_find(f->db, "City of", id, &err), -1);
	assert_int_equal(err.code, LUP_EAMBIG);
	assert_non_null(strstr(err.msg, "City of Gdańsk  Gdańsk  ("));
	{
		char pre[9];
		snprintf(pre, sizeof pre, "%.8s", gdynia);
		assert_non_null(strstr(err.msg, pre));
		/* the id's start is itself a REF */
		assert_int_equal(lup_host_find(f->db, pre, id, &err), 0);
		assert_string_equal(id, gdynia);
	}
	assert_int_equal(lup_host_find(f->db, "gdansk", id, &err), -1);   /* a word inside */
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_non_null(strstr(err.msg, "\n  City of Gdańsk"));
	assert_int_equal(lup_host_find(f->db, "Tartu", id, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_null(strchr(err.msg, '\n'));                                /* no candidates */
}

/* The host list's text filter ranks as the people list's does. */
static void test_host_filter_ranked(void **state)
{
	struct fx *f = *state;
	struct lup_host_query q = { 0 };
	struct lup_host_row rows[4], one;
	lup_err err;
	fx_host(f, "Stadt Oberhausen", "Oberhausen");
	fx_host(f, "Ober Gemeinde", "Wien");
	fx_host(f, "Kommun Sjöberga", "Sjöberga");
	assert_true(lup_host_reindex(f->db, &err) >= 0);
	q.filter = "ober";
	q.sort = LUP_HSORT_NAME;
	assert_int_equal(lup_host_page(f->db, &q, NULL, 1, 4, rows, &err), 3);
	assert_string_equal(rows[0].name, "Ober Gemeinde");      /* the name starts so */
	assert_string_equal(rows[1].name, "Stadt Oberhausen");   /* a word does */
	assert_string_equal(rows[2].name, "Kommun Sjöberga");    /* inside a word */
	assert_int_equal(lup_host_page(f->db, &q, &rows[0], 1, 4, rows + 1, &err), 2);
	assert_string_equal(rows[1].name, "Stadt Oberhausen");
	assert_int_equal(lup_host_row(f->db, &q, rows[2].id, &one, &err), 0);
	assert_int_equal(lup_host_position(f->db, &q, &one, &err), 2);
}

static void test_people_and_cohorts(void **state)
{
	struct fx *f = *state;
	char kjell[LUP_ID_SIZE], id[LUP_ID_SIZE];
	lup_err err;
	snprintf(kjell, sizeof kjell, "%s", fx_person(f, "Kjell Öberg"));
	fx_person(f, "Anna Sjöberg");
	fx_person(f, "Bo Sjöberg");
	assert_int_equal(lup_person_find(f->db, "kjell oberg", id, &err), 0);
	assert_string_equal(id, kjell);
	assert_int_equal(lup_person_find(f->db, "kjell", id, &err), 0);          /* a unique start */
	assert_string_equal(id, kjell);
	/* a file's manager column takes no names */
	assert_int_equal(lup_person_find_strict(f->db, "kjell", id, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	assert_int_equal(lup_person_find_strict(f->db, "Kjell Öberg", id, &err), -1);
	assert_int_equal(lup_ref_find(f->db, LUP_REF_PERSON, "Sjöberg", id, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
	/* the cohort "Pilot Halland" of the fixture, and two more */
	fx_cohort(f, f->prog, "Pilot Halland 2", 16, NULL, NULL);
	fx_cohort(f, f->prog, "Omgång 1", 16, NULL, NULL);
	assert_int_equal(lup_cohort_find(f->db, "pilot halland", id, &err), 0);   /* whole name first */
	assert_string_equal(id, f->cohort);
	assert_int_equal(lup_cohort_find(f->db, "pilot", id, &err), -1);
	assert_int_equal(err.code, LUP_EAMBIG);
	assert_int_equal(lup_cohort_find(f->db, "omgang", id, &err), 0);
	assert_int_equal(lup_cohort_find(f->db, "", id, &err), -1);
	assert_int_equal(err.code, LUP_EINVAL);
	assert_non_null(lup_ref_help(LUP_REF_COHORT));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_hosts, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_people_and_cohorts, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_host_filter_ranked, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
