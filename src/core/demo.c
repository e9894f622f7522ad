/* demo.c — the demonstration programme.  (Grows into the full data set.) */
#include "core/internal.h"
#include "lup/demo.h"

int lup_demo_fill(lup_db *db, const lup_config *cfg, long people, lup_err *err)
{
	(void)cfg; (void)people;
	return lup_err_set(err, LUP_EFAIL, "%s", _("not built yet"));
	(void)db;
}
