/* country.h — ISO 3166-1 alpha-2 countries with English and Swedish names.
 *
 * Host organisations store the two-letter code; people type a code or a
 * name in either language, and see the name in the language lup speaks. */
#ifndef LUP_COUNTRY_H
#define LUP_COUNTRY_H

#include <stddef.h>

struct lup_country {
	const char *code;   /* "PL" */
	const char *en;     /* "Poland" */
	const char *sv;     /* "Polen" */
	const char *alt;    /* other names people type, '|'-separated, or NULL */
};

/* The table, ordered by code. */
size_t lup_country_count(void);
const struct lup_country *lup_country_at(size_t i);

/* The country of a two-letter code (any case), or NULL. */
const struct lup_country *lup_country_get(const char *code);

/* A code, or a name in English or Swedish (or a common other name such as
 * "Holland" or "UK"), ignoring case, diacritics, spaces and punctuation:
 * "pl", "Poland", "polen", "GDANSK" (no).  Returns the code ("PL", a static
 * string) or NULL. */
const char *lup_country_lookup(const char *text);

/* The display name of a code in the current language (lup_i18n_is_swedish);
 * an unknown code is returned as it is, NULL as "". */
const char *lup_country_name(const char *code);
/* The name in a given language (swedish 0 or 1). */
const char *lup_country_name_in(const char *code, int swedish);

/* For a picker: the codes of the countries whose code is `prefix`, or whose
 * name (either language, or an other name) or one of its words starts with
 * it.  Best matches first (the code itself, then names that start with it,
 * then names with a word that does), each group in display-name order.
 * Fills up to max codes (static strings) and returns how many it filled;
 * an empty prefix matches nothing. */
int lup_country_search(const char *prefix, const char **codes, int max);

#endif
