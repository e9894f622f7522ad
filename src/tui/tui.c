/* tui.c — entry points of the terminal interface. */
#include <string.h>
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/tui.h"

int lup_tui_run(lup_db *db, const lup_config *cfg)
{
	return tui_app_run(db, cfg);
}

int lup_tui_dump_keys(FILE *fp, const char *format)
{
	if (!format || strcmp(format, "mdoc") != 0)
		return -1;
	tui_keys_defaults();
	tui_keys_dump_mdoc(fp);
	return 0;
}
