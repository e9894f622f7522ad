/* Unit tests for the ranking of matches (match.c): exact before prefix
 * before a word's start before inside a word, whatever the case and the
 * diacritics. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lup/match.h"
#include "tui/rank.h"

static void test_tiers(void **state)
{
	(void)state;
	assert_int_equal(lup_match_rank("Poland", "poland"), LUP_MATCH_EXACT);
	assert_int_equal(lup_match_rank("Poland", "  POL "), LUP_MATCH_PREFIX);
	assert_int_equal(lup_match_rank("French Polynesia", "pol"), LUP_MATCH_WORD);
	assert_int_equal(lup_match_rank("Napoli", "pol"), LUP_MATCH_INSIDE);
	assert_int_equal(lup_match_rank("Sweden", "pol"), LUP_MATCH_NONE);
	assert_true(LUP_MATCH_EXACT < LUP_MATCH_PREFIX && LUP_MATCH_PREFIX < LUP_MATCH_WORD &&
	            LUP_MATCH_WORD < LUP_MATCH_INSIDE && LUP_MATCH_INSIDE < LUP_MATCH_NONE);
}

static void test_accents_and_case(void **state)
{
	(void)state;
	/* Kjell Öberg before the Sjöbergs */
	assert_int_equal(lup_match_rank("Kjell Öberg", "oberg"), LUP_MATCH_WORD);
	assert_int_equal(lup_match_rank("Anna Sjöberg", "oberg"), LUP_MATCH_INSIDE);
	assert_true(lup_match_rank("Kjell Öberg", "oberg") < lup_match_rank("Anna Sjöberg", "oberg"));
	assert_int_equal(lup_match_rank("kjell öberg", "KJELL OBERG"), LUP_MATCH_EXACT);
	assert_int_equal(lup_match_rank("Östberg", "Öst"), LUP_MATCH_PREFIX);
	assert_int_equal(lup_match_rank("Ängelholm", "angel"), LUP_MATCH_PREFIX);
	assert_int_equal(lup_match_rank("Café Åre", "are"), LUP_MATCH_WORD);
}

static void test_words(void **state)
{
	(void)state;
	/* a word starts after a space, a hyphen or other punctuation */
	assert_int_equal(lup_match_rank("Anna-Karin Berg", "karin"), LUP_MATCH_WORD);
	assert_int_equal(lup_match_rank("Pilot Halland (2)", "2"), LUP_MATCH_WORD);
	assert_int_equal(lup_match_rank("Pilot Halland 2", "halland 2"), LUP_MATCH_WORD);
	assert_int_equal(lup_match_rank("Pilot Halland 2", "pilot halland 2"), LUP_MATCH_EXACT);
	/* the best place counts, not the first */
	assert_int_equal(lup_match_rank("Bergberg Berg", "berg"), LUP_MATCH_PREFIX);
	assert_int_equal(lup_match_rank("Sjöberg Berg", "berg"), LUP_MATCH_WORD);
}

static void test_edges(void **state)
{
	(void)state;
	assert_int_equal(lup_match_rank("Anything", ""), LUP_MATCH_PREFIX);
	assert_int_equal(lup_match_rank("Anything", "   "), LUP_MATCH_PREFIX);
	assert_int_equal(lup_match_rank("", ""), LUP_MATCH_EXACT);
	assert_int_equal(lup_match_rank(NULL, NULL), LUP_MATCH_EXACT);
	assert_int_equal(lup_match_rank(NULL, "a"), LUP_MATCH_NONE);
	assert_int_equal(lup_match_rank("ab", "abc"), LUP_MATCH_NONE);
	/* trailing spaces of the text do not hide an exact match */
	assert_int_equal(lup_match_rank(" Polen ", "polen"), LUP_MATCH_EXACT);
	/* folded already */
	assert_int_equal(lup_match_folded("kjell oberg", "oberg"), LUP_MATCH_WORD);
	assert_int_equal(lup_match_folded("sjoberg", "oberg"), LUP_MATCH_INSIDE);
}

/* A small search's matches in rank order, equals in their own order. */
static void test_ref_rank(void **state)
{
	struct tui_ref r[4] = { { "1", "Anna Sjöberg" }, { "2", "Bo Sjöberg" }, { "3", "Kjell Öberg" },
	                        { "4", "Öberg AB" } };
	(void)state;
	tui_ref_rank(r, 4, "oberg");
	assert_string_equal(r[0].id, "4");   /* starts so */
	assert_string_equal(r[1].id, "3");   /* a word does */
	assert_string_equal(r[2].id, "1");   /* inside, in their order */
	assert_string_equal(r[3].id, "2");
	tui_ref_rank(r, 4, "");              /* nothing typed: left as it is */
	assert_string_equal(r[0].id, "4");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tiers),
		cmocka_unit_test(test_accents_and_case),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_ref_rank),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
