/* fw_int.h — what the framework modules share: framework.c (files: the
 * parser and the resolver), fw_db.c (revisions in the database),
 * fw_diff.c (comparing two) and fw_write.c (writing one out). */
#ifndef LUP_CORE_FW_INT_H
#define LUP_CORE_FW_INT_H

#include "lup/framework.h"

/* The keys of each kind of section, by their bit in given and bad. */
enum { F_ID, F_NAME, F_NAME_SV, F_VERSION, F_DESC, F_EXTENDS, F_LMIN, F_LMAX };
enum { L_NAME, L_NAME_SV, L_BAND, L_BAND_SV };
enum { A_NAME, A_NAME_SV, A_ORDER };
enum { C_AREA, C_NAME, C_NAME_SV, C_DESC, C_DESC_SV, C_LEVELS, C_RETIRED, C_ORDER,
       C_RENAMED, C_REPLACES };
#define BIT(k) (1u << (k))

/* Build the code look-ups of a framework (after its arrays changed). */
int lup_fw_index_build(struct lup_framework *fw);
/* "file:line: [section] key: why" into buf. */
void lup_fw_where(char *buf, size_t n, const char *file, int line, const char *section,
                  const char *key, const char *why);
/* The first problem into err (LUP_EINVAL), saying how many more there
 * are; returns -1. */
int lup_fw_problems_err(const struct lup_fw_problems *p, lup_err *err);

/* Parse past problems: every one goes to probs.  *out is the framework
 * as far as it could be read, NULL when the file could not be read at all
 * (too large, not UTF-8, out of memory): the caller may resolve it to find
 * more problems, never store it.  Returns the number of problems found,
 * or -1 when out is NULL. */
int lup_fw_parse_collect(const char *buf, size_t len, const char *file,
                         struct lup_framework **out, struct lup_fw_problems *probs, lup_err *err);
int lup_fw_read_collect(const char *path, struct lup_framework **out,
                        struct lup_fw_problems *probs, lup_err *err);
/* Resolve past problems (values the parser refused are skipped, not
 * reported again); 0 when whole, -1 when problems were found. */
int lup_fw_resolve_collect(struct lup_framework *fw, const struct lup_framework *base,
                           struct lup_fw_problems *probs, lup_err *err);

/* Add a change to d (texts copied); -1 out of memory. */
int lup_fw_add_change(struct lup_fw_diff *d, enum lup_fw_change_kind kind, const char *code,
                      const char *old_code, const char *role, const char *field, const char *before,
                      const char *after);

/* Two names mean the same: equal but for case, accents and spaces at
 * either end (NULL only equals NULL). */
int lup_fw_same_text(const char *a, const char *b);

#endif
