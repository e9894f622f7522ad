/* demo.h — a realistic, deterministic demonstration programme. */
#ifndef LUP_DEMO_H
#define LUP_DEMO_H

#include "lup/config.h"
#include "lup/db.h"

/* Fill an empty database: the programme with its blocks, pilot and roll-out
 * cohorts reaching `people` managers (300 when 0), sessions, study visits
 * to organisations in the register, host organisations, placements and
 * competence check-ins, placed around `today` ("YYYY-MM-DD"; NULL or ""
 * for the real date): cohorts done, running, open and planned, in numbers
 * that depend on `people` only.  The same arguments always give the same
 * data (ids apart).  Fails, writing nothing, if the database already holds
 * people, or when today is not a date (field "today"). */
int lup_demo_fill(lup_db *db, const lup_config *cfg, long people, const char *today,
                  lup_err *err);

#endif
