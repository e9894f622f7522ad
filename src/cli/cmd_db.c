/* cmd_db.c — lup init, demo, check and backup. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "lup/cal.h"
#include "lup/demo.h"
#include "lup/i18n.h"

int cmd_init(struct lup_cli *cli, int argc, char **argv)
{
	int rc;
	(void)argv;
	if (argc > 1)
		return cli_usage("init", _("unexpected argument %s"), argv[1]);
	if ((rc = cli_open_db(cli, 1)))
		return rc;
	printf(_("%s: ready (schema %d)\n"), cli->db_path, lup_db_schema_version());
	return 0;
}

int cmd_demo(struct lup_cli *cli, int argc, char **argv)
{
	long people = 0;
	const char *today = NULL, *people_s = NULL;
	const struct cli_opt opts[] = {
		{ "--people", NULL, &people_s, NULL, NULL },
		{ "--today", NULL, &today, NULL, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	lup_err err;
	int rc;

	if (cli_args("demo", argc, argv, 1, opts, NULL, 0) < 0)
		return LUP_EXIT_USAGE;
	if (today) {
		lup_date d;
		if (strlen(today) != 10 || lup_date_parse(today, lup_date_today(), &d) < 0)
			return cli_usage("demo", _("--today takes a date (YYYY-MM-DD), not '%s'"), today);
	}
	if (people_s) {
		people = cli_number(people_s);
		if (people < 20 || people > 1000000)
			return cli_usage("demo", _("--people takes a number from 20 to 1000000, not '%s'"), people_s);
	}
	if ((rc = cli_open_db(cli, 1)))
		return rc;
	if (lup_demo_fill(cli->db, cli->cfg, people, today, &err) < 0) {
		cli_error("demo: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	{
		struct lup_db_counts c;
		if (lup_db_counts(cli->db, &c, &err) == 0) {
			lup_buf b = { 0 };
			cli_count(&b, ngettext("%ld person", "%ld people", (unsigned long)c.people), c.people);
			cli_count(&b, ngettext("%ld cohort", "%ld cohorts", (unsigned long)c.cohorts), c.cohorts);
			cli_count(&b, ngettext("%ld session", "%ld sessions", (unsigned long)c.sessions), c.sessions);
			cli_count(&b, ngettext("%ld host organisation", "%ld host organisations",
			                       (unsigned long)c.hosts), c.hosts);
			cli_count(&b, ngettext("%ld placement", "%ld placements", (unsigned long)c.placements),
			          c.placements);
			cli_count(&b, ngettext("%ld check-in", "%ld check-ins", (unsigned long)c.checkins), c.checkins);
			printf("%s: %s\n", cli->db_path, b.s ? b.s : "");
			lup_buf_clear(&b);
		}
	}
	return 0;
}

static void print_problem(void *ud, const char *problem)
{
	(void)ud;
	printf("%s\n", problem);
}

int cmd_check(struct lup_cli *cli, int argc, char **argv)
{
	lup_err err;
	int rc, n, repair = argc > 1 && strcmp(argv[1], "--repair") == 0;
	long fixed;
	if (argc > 1 + repair)
		return cli_usage("check", _("unexpected argument %s"), argv[1 + repair]);
	/* integrity_check below says more than quick_check at open would;
	 * only a repair writes. */
	cli->db_flags |= LUP_DB_NOCHECK | (repair ? 0 : LUP_DB_READONLY);
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (repair && (fixed = lup_db_repair(cli->db, &err)) != 0) {
		if (fixed < 0) {
			cli_error("check: %s", err.msg);
			return LUP_EXIT_FAIL;
		}
		fprintf(stderr, ngettext("lup: check: the Due list: %ld entry made again\n",
		                         "lup: check: the Due list: %ld entries made again\n", (unsigned long)fixed), fixed);
	}
	n = lup_db_check(cli->db, print_problem, NULL, &err);
	if (n < 0) {
		cli_error("check: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	if (n > 0) {
		cli_error(ngettext("check: %d problem found", "check: %d problems found", (unsigned long)n), n);
		return LUP_EXIT_FAIL;
	}
	fprintf(stderr, _("lup: check: %s is sound\n"), cli->db_path);
	return 0;
}

int cmd_backup(struct lup_cli *cli, int argc, char **argv)
{
	lup_err err;
	int rc;
	if (argc != 2)
		return cli_usage("backup", argc < 2 ? _("where to? give a file name")
		                                    : _("unexpected argument %s"), argv[argc - 1]);
	cli->db_flags |= LUP_DB_READONLY;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_db_backup(cli->db, argv[1], &err) < 0) {
		cli_error("backup: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	fprintf(stderr, _("lup: backup: written to %s\n"), argv[1]);
	return 0;
}
