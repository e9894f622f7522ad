/* cmd_export.c — lup export TABLE [--format csv|json] [--excel] [--lang sv|en] [-o FILE],
 * and lup export ics …, which the calendar export (cmd_ics.c) answers. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "lup/export.h"
#include "lup/i18n.h"

static int table_usage(const char *what)
{
	lup_buf b = { 0 };
	int rc;
	for (const char *const *t = lup_export_tables(); *t; t++)
		lup_buf_printf(&b, "%s, ", *t);
	lup_buf_puts(&b, "ics");
	rc = what ? cli_usage("export", _("cannot export '%s' (%s)"), what, b.s)
	          : cli_usage("export", _("what to export? (%s)"), b.s);
	lup_buf_clear(&b);
	return rc;
}

int cmd_export(struct lup_cli *cli, int argc, char **argv)
{
	struct lup_export_opts o = { LUP_EXPORT_CSV, 0, LUP_EXPORT_EN };
	const char *table, *out = "-", *fmt = NULL, *lang = NULL;
	const struct cli_opt opts[] = {
		{ "--format", NULL, &fmt, NULL, NULL },
		{ "--output", "-o", &out, NULL, NULL },
		{ "--excel", NULL, NULL, &o.excel, NULL },
		{ "--lang", NULL, &lang, NULL, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	long rows;
	lup_err err;
	int rc;

	if (argc < 2)
		return table_usage(NULL);
	if (strcmp(argv[1], "ics") == 0)
		return cli_export_ics(cli, argc - 1, argv + 1);
	if (!(table = lup_export_table_name(argv[1])))
		return table_usage(argv[1]);
	if (cli_args("export", argc, argv, 2, opts, NULL, 0) < 0)
		return LUP_EXIT_USAGE;
	if (fmt && strcmp(fmt, "json") == 0)
		o.format = LUP_EXPORT_JSON;
	else if (fmt && strcmp(fmt, "csv") != 0)
		return cli_usage("export", _("--format is csv or json, not '%s'"), fmt);
	if (o.excel && o.format == LUP_EXPORT_JSON)
		return cli_usage("export", _("--excel is for CSV, not JSON"));
	/* The header row: Swedish for Swedish Excel under a Swedish locale, or
	 * as --lang says; a plain CSV keeps the column names programs read. */
	if (lang && o.format == LUP_EXPORT_JSON)
		return cli_usage("export", _("--lang names the CSV headers' language; JSON keys stay in English"));
	if (lang && strcmp(lang, "sv") == 0)
		o.lang = LUP_EXPORT_SV;
	else if (lang && strcmp(lang, "en") != 0)
		return cli_usage("export", _("--lang is sv or en, not '%s'"), lang);
	else if (!lang && o.excel && lup_i18n_is_swedish())
		o.lang = LUP_EXPORT_SV;
	if (!*out)
		return cli_usage("export", _("-o needs a file name"));
	/* Only reads: a damaged page fails the read with a message, so the
	 * whole-file quick_check need not delay every export (DESIGN §6). */
	cli->db_flags |= LUP_DB_NOCHECK | LUP_DB_READONLY;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_export_file(cli->db, table, &o, out, &rows, &err) < 0) {
		cli_error("export: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	if (strcmp(out, "-") != 0)
		fprintf(stderr, ngettext("lup: export: %ld row of %s written to %s\n",
		                         "lup: export: %ld rows of %s written to %s\n",
		                         (unsigned long)rows), rows, table, out);
	return 0;
}
