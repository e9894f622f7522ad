/* config.h — lup.ini: one table of options gives defaults, validation,
 * the documented file and the option list of lup.ini(5). */
#ifndef LUP_CONFIG_H
#define LUP_CONFIG_H

#include <stddef.h>
#include "lup/err.h"

enum lup_opt_type { LUP_OPT_INT, LUP_OPT_REAL, LUP_OPT_BOOL, LUP_OPT_STR, LUP_OPT_CHOICE };

struct lup_option {
	const char *section, *key;
	enum lup_opt_type type;
	const char *def;        /* default, as written in lup.ini */
	double min, max;        /* INT and REAL; STR: max length */
	const char *choices;    /* CHOICE: "a|b|c" */
	const char *help;       /* one line, English (translated for display) */
};

/* Sections whose keys are the user's own (role names, action names). */
struct lup_free_section {
	const char *section;
	const char *help;
};

typedef struct lup_config lup_config;

/* Called for each warning (unknown key or section), already worded. */
typedef void (*lup_warn_cb)(void *ud, const char *msg);

/* Load path (NULL or "" for the built-in defaults).  A bad value fails with
 * LUP_EINVAL naming the file, section, key, value and what is allowed;
 * an unknown key only warns. */
int lup_config_load(const char *path, lup_config **out, lup_warn_cb warn,
                    void *ud, lup_err *err);
void lup_config_free(lup_config *cfg);
const char *lup_config_path(const lup_config *cfg);  /* "" for defaults */

/* Values by "section:key"; asking for an option not in the table aborts
 * in debug builds and returns 0 / "" otherwise. */
long lup_config_int(const lup_config *cfg, const char *name);
double lup_config_real(const lup_config *cfg, const char *name);
int lup_config_bool(const lup_config *cfg, const char *name);
const char *lup_config_str(const lup_config *cfg, const char *name);

/* The keys and values of a free section such as [keys] or
 * [interval], in file order. */
typedef void (*lup_kv_cb)(void *ud, const char *key, const char *value);
void lup_config_each(const lup_config *cfg, const char *section, lup_kv_cb cb, void *ud);
/* One value of a free section, or NULL. */
const char *lup_config_get(const lup_config *cfg, const char *section, const char *key);

const struct lup_option *lup_config_options(size_t *n);
const struct lup_free_section *lup_config_free_sections(size_t *n);

#endif
