/* tui.c — entry point of the terminal interface. */
#include <stdio.h>
#include "lup/i18n.h"
#include "tui/tui.h"

int lup_tui_run(lup_db *db, const lup_config *cfg)
{
	struct lup_db_counts c;
	lup_err err;
	(void)cfg;
	if (lup_db_counts(db, &c, &err) < 0) {
		fprintf(stderr, "lup: %s\n", err.msg);
		return 1;
	}
	printf(_("%s: %ld people, %ld cohorts, %ld sessions, %ld host organisations, "
	         "%ld placements, %ld check-ins\n"),
	       lup_db_path(db), c.people, c.cohorts, c.sessions, c.hosts, c.placements, c.checkins);
	return 0;
}
