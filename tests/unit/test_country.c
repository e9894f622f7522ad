/* Unit tests for country.c: the table, lookup by code and by name in
 * either language, display names, and the picker's prefix search. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "lup/country.h"

static void test_table(void **state)
{
	(void)state;
	/* ISO 3166-1 has 249 alpha-2 codes. */
	assert_int_equal(lup_country_count(), 249);
	for (size_t i = 0; i < lup_country_count(); i++) {
		const struct lup_country *c = lup_country_at(i);
		assert_non_null(c);
		assert_int_equal(strlen(c->code), 2);
		assert_true(c->code[0] >= 'A' && c->code[0] <= 'Z');
		assert_true(c->code[1] >= 'A' && c->code[1] <= 'Z');
		assert_true(c->en[0] && c->sv[0]);
		if (i > 0)
			assert_true(strcmp(lup_country_at(i - 1)->code, c->code) < 0);
		/* Every code finds itself, and every name its code. */
		assert_ptr_equal(lup_country_get(c->code), c);
		assert_string_equal(lup_country_lookup(c->en), c->code);
		assert_string_equal(lup_country_lookup(c->sv), c->code);
	}
	assert_null(lup_country_at(249));
}

static void test_by_code(void **state)
{
	(void)state;
	assert_string_equal(lup_country_get("PL")->en, "Poland");
	assert_string_equal(lup_country_get("pl")->sv, "Polen");
	assert_string_equal(lup_country_get("Pl")->code, "PL");
	assert_null(lup_country_get("XX"));
	assert_null(lup_country_get("P"));
	assert_null(lup_country_get("POL"));
	assert_null(lup_country_get(""));
	assert_null(lup_country_get(NULL));
	assert_string_equal(lup_country_lookup("de"), "DE");
	assert_string_equal(lup_country_lookup("  se "), "SE");
}

static void test_by_name(void **state)
{
	(void)state;
	/* English */
	assert_string_equal(lup_country_lookup("Poland"), "PL");
	assert_string_equal(lup_country_lookup("GERMANY"), "DE");
	assert_string_equal(lup_country_lookup("south africa"), "ZA");
	assert_string_equal(lup_country_lookup("Cote d'Ivoire"), "CI");
	assert_string_equal(lup_country_lookup("Guinea Bissau"), "GW");
	/* Swedish, with and without diacritics, any case */
	assert_string_equal(lup_country_lookup("Polen"), "PL");
	assert_string_equal(lup_country_lookup("tyskland"), "DE");
	assert_string_equal(lup_country_lookup("Sydafrika"), "ZA");
	assert_string_equal(lup_country_lookup("Österrike"), "AT");
	assert_string_equal(lup_country_lookup("osterrike"), "AT");
	assert_string_equal(lup_country_lookup("NEDERLÄNDERNA"), "NL");
	assert_string_equal(lup_country_lookup("nederlanderna"), "NL");
	assert_string_equal(lup_country_lookup("Färöarna"), "FO");
	/* Other names people use */
	assert_string_equal(lup_country_lookup("Förenade kungariket"), "GB");
	assert_string_equal(lup_country_lookup("UK"), "GB");  /* not an ISO code */
	assert_string_equal(lup_country_lookup("Great Britain"), "GB");
	assert_string_equal(lup_country_lookup("Holland"), "NL");
	assert_string_equal(lup_country_lookup("Vitryssland"), "BY");
	/* Not countries */
	assert_null(lup_country_lookup("Atlantis"));
	assert_null(lup_country_lookup("Gdańsk"));
	assert_null(lup_country_lookup(""));
	assert_null(lup_country_lookup("   "));
	assert_null(lup_country_lookup("-"));
	assert_null(lup_country_lookup(NULL));
}

static void test_swedish_names(void **state)
{
	static const struct { const char *code, *sv; } want[] = {
		{ "PL", "Polen" }, { "DE", "Tyskland" }, { "ZA", "Sydafrika" },
		{ "EE", "Estland" }, { "LV", "Lettland" }, { "LT", "Litauen" },
		{ "FI", "Finland" }, { "DK", "Danmark" }, { "NO", "Norge" },
		{ "NL", "Nederländerna" }, { "GB", "Storbritannien" }, { "SE", "Sverige" },
		{ "AT", "Österrike" }, { "US", "USA" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_string_equal(lup_country_name_in(want[i].code, 1), want[i].sv);
		assert_string_equal(lup_country_get(want[i].code)->sv, want[i].sv);
	}
	assert_string_equal(lup_country_name_in("ee", 0), "Estonia");
	/* Without a Swedish catalogue, the display name is English. */
	assert_string_equal(lup_country_name("PL"), "Poland");
	/* An unknown code shows as it is. */
	assert_string_equal(lup_country_name("XX"), "XX");
	assert_string_equal(lup_country_name(NULL), "");
}

static int contains(const char **codes, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(codes[i], code) == 0)
			return 1;
	return 0;
}

static void test_search(void **state)
{
	const char *codes[300];
	int n;
	(void)state;

	n = lup_country_search("pol", codes, 300);
	assert_true(n >= 1);
	assert_string_equal(codes[0], "PL");
	assert_true(contains(codes, n, "PF"));  /* French Polynesia: a later word */
	assert_false(contains(codes, n, "PT"));

	n = lup_country_search("POL", codes, 1);
	assert_int_equal(n, 1);
	assert_string_equal(codes[0], "PL");

	/* Swedish names and diacritics */
	n = lup_country_search("tysk", codes, 300);
	assert_int_equal(n, 1);
	assert_string_equal(codes[0], "DE");
	n = lup_country_search("öst", codes, 300);
	assert_true(contains(codes, n, "AT"));
	assert_true(contains(codes, n, "TL"));  /* Östtimor */
	n = lup_country_search("ost", codes, 300);
	assert_true(contains(codes, n, "AT"));

	/* A code first, then names that start with it. */
	n = lup_country_search("se", codes, 300);
	assert_true(n > 2);
	assert_string_equal(codes[0], "SE");
	assert_true(contains(codes, n, "RS"));  /* Serbia */
	assert_true(contains(codes, n, "SN"));  /* Senegal */

	/* Names that start with it before names with a word that does. */
	n = lup_country_search("korea", codes, 300);
	assert_true(contains(codes, n, "KR"));
	assert_true(contains(codes, n, "KP"));
	n = lup_country_search("south", codes, 300);
	assert_true(contains(codes, n, "ZA"));
	assert_true(contains(codes, n, "GS"));
	assert_false(contains(codes, n, "PL"));

	assert_int_equal(lup_country_search("", codes, 300), 0);
	assert_int_equal(lup_country_search("  ", codes, 300), 0);
	assert_int_equal(lup_country_search(NULL, codes, 300), 0);
	assert_int_equal(lup_country_search("zzzz", codes, 300), 0);
	assert_int_equal(lup_country_search("pol", codes, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_by_code),
		cmocka_unit_test(test_by_name),
		cmocka_unit_test(test_swedish_names),
		cmocka_unit_test(test_search),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
