/* shadow_int.h — helpers the shadowing modules share (host.c, placement.c,
 * networks.c, distance.c); nothing outside the core sees them. */
#ifndef LUP_CORE_SHADOW_INT_H
#define LUP_CORE_SHADOW_INT_H

#include <stddef.h>
#include "core/internal.h"
#include "lup/cal.h"

/* Characters (code points) in a UTF-8 string. */
size_t lup_sh_chars(const char *s);
/* Turn a date as typed (YYYY-MM-DD, today, +N) into YYYY-MM-DD in place
 * (*s is replaced); NULL stays NULL.  -1 if it is not a date. */
int lup_sh_date(char **s, lup_date today);
/* Set a lifecycle error: code LUP_ECONFLICT, naming a field; returns -1. */
int lup_sh_conflict(lup_err *err, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Year bounds "YYYY-01-01" and "YYYY-12-31" (empty for year 0). */
void lup_sh_year_bounds(int year, char lo[11], char hi[11]);

#endif
