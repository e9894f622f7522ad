/* cmd_report.c — lup report [--format text|md|html] [-o FILE]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "cli/cli.h"
#include "lup/i18n.h"
#include "lup/report.h"

/* The columns text fits in: the terminal's when standard output is one,
 * else 80; --wide gives 120 (a wide terminal or a landscape printout). */
static int text_width(const char *out, int wide)
{
	struct winsize ws;
	if (wide)
		return 120;
	if (strcmp(out, "-") == 0 && isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col < 40 ? 40 : ws.ws_col;
	return 80;
}

int cmd_report(struct lup_cli *cli, int argc, char **argv)
{
	enum lup_report_format f = LUP_REPORT_TEXT;
	const char *out = "-", *as_of = NULL, *fmt = NULL;
	int rc, wide = 0;
	const struct cli_opt opts[] = {
		{ "--format", NULL, &fmt, NULL, NULL },
		{ "--as-of", NULL, &as_of, NULL, NULL },
		{ "--output", "-o", &out, NULL, NULL },
		{ "--wide", NULL, NULL, &wide, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	struct lup_report r;
	lup_err err;

	if (cli_args("report", argc, argv, 1, opts, NULL, 0) < 0)
		return LUP_EXIT_USAGE;
	if (!fmt || strcmp(fmt, "text") == 0)
		f = LUP_REPORT_TEXT;
	else if (strcmp(fmt, "md") == 0 || strcmp(fmt, "markdown") == 0)
		f = LUP_REPORT_MD;
	else if (strcmp(fmt, "html") == 0)
		f = LUP_REPORT_HTML;
	else
		return cli_usage("report", _("--format is text, md or html, not '%s'"), fmt);
	if (!*out)
		return cli_usage("report", _("-o needs a file name"));
	if (as_of && !*as_of)
		return cli_usage("report", _("%s needs a value"), "--as-of");
	/* Only reads: a damaged page fails the read with a message, so the
	 * whole-file quick_check need not delay every export (DESIGN §6). */
	cli->db_flags |= LUP_DB_NOCHECK | LUP_DB_READONLY;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_report_build(cli->db, cli->cfg, as_of, &r, &err) < 0) {
		cli_error("report: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	rc = lup_report_file_width(&r, f, out, text_width(out, wide), &err);
	lup_report_clear(&r);
	if (rc < 0) {
		cli_error("report: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	if (strcmp(out, "-") != 0)
		fprintf(stderr, _("lup: report: written to %s\n"), out);
	return 0;
}
