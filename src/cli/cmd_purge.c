/* cmd_purge.c — lup purge [--dry-run]: the retention rule. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "lup/i18n.h"
#include "lup/privacy.h"

static void list_one(void *ud, const char *id, const char *name, const char *ended)
{
	(void)ud;
	printf("%.8s  %s  ", id, ended);
	for (; *name; name++)
		putchar(*name == '\n' || *name == '\r' || *name == '\t' ? ' ' : *name);
	putchar('\n');
}

int cmd_purge(struct lup_cli *cli, int argc, char **argv)
{
	struct lup_erase_counts n = { 0 };
	long years, k;
	int dry = 0, rc;
	const struct cli_opt opts[] = {
		{ "--dry-run", "-n", NULL, &dry, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	lup_err err;

	if (cli_args("purge", argc, argv, 1, opts, NULL, 0) < 0)
		return LUP_EXIT_USAGE;
	years = lup_config_int(cli->cfg, "privacy:retention_years");
	if (years <= 0) {
		fprintf(stderr, _("lup: purge: the retention rule is off ([privacy] retention_years = 0); "
		                  "nothing to do\n"));
		return 0;
	}
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (dry) {
		k = lup_purge_list(cli->db, years, NULL, list_one, NULL, &err);
		if (k < 0) {
			cli_error("purge: %s", err.msg);
			return LUP_EXIT_FAIL;
		}
		fprintf(stderr, ngettext("lup: purge: %ld person's programme ended more than %ld years ago "
		                         "(a dry run: nothing was erased)\n",
		                         "lup: purge: %ld people's programme ended more than %ld years ago "
		                         "(a dry run: nothing was erased)\n", (unsigned long)k), k, years);
		return 0;
	}
	k = lup_purge(cli->db, years, NULL, list_one, NULL, &n, &err);
	if (k < 0 && n.people == 0) {
		cli_error("purge: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	fprintf(stderr, ngettext("lup: purge: erased %ld person whose programme ended more than %ld years ago\n",
	                         "lup: purge: erased %ld people whose programme ended more than %ld years ago\n",
	                         (unsigned long)n.people), n.people, years);
	if (k < 0) {
		cli_error("purge: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	return 0;
}
