/* cmd_report.c — lup report [--format text|md|html] [-o FILE]. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "lup/i18n.h"
#include "lup/report.h"

int cmd_report(struct lup_cli *cli, int argc, char **argv)
{
	enum lup_report_format f = LUP_REPORT_TEXT;
	const char *out = "-", *as_of = NULL;
	struct lup_report r;
	lup_err err;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		size_t n;
		if (strncmp(a, "--format", 8) == 0 && (a[8] == '=' || a[8] == '\0'))
			n = 8;
		else if (strncmp(a, "--as-of", 7) == 0 && (a[7] == '=' || a[7] == '\0'))
			n = 7;
		else if (strcmp(a, "-o") == 0 || strncmp(a, "--output", 8) == 0)
			n = a[1] == 'o' ? 2 : 8;
		else
			return cli_usage("report", _("unexpected argument %s"), a);
		if (a[n] == '=')
			v = a + n + 1;
		else if (a[n] == '\0' && i + 1 < argc)
			v = argv[++i];
		else
			return cli_usage("report", _("%s needs a value"), a);
		if (n == 8 && a[2] == 'f') {
			if (strcmp(v, "text") == 0)
				f = LUP_REPORT_TEXT;
			else if (strcmp(v, "md") == 0 || strcmp(v, "markdown") == 0)
				f = LUP_REPORT_MD;
			else if (strcmp(v, "html") == 0)
				f = LUP_REPORT_HTML;
			else
				return cli_usage("report", _("--format is text, md or html, not '%s'"), v);
		} else if (n == 7) {
			as_of = v;
		} else {
			out = v;
		}
	}
	if (!*out)
		return cli_usage("report", _("-o needs a file name"));
	/* Only reads: a damaged page fails the read with a message, so the
	 * whole-file quick_check need not delay every export (DESIGN §6). */
	cli->db_flags |= LUP_DB_NOCHECK;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_report_build(cli->db, cli->cfg, as_of, &r, &err) < 0) {
		cli_error("report: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	rc = lup_report_file(&r, f, out, &err);
	lup_report_clear(&r);
	if (rc < 0) {
		cli_error("report: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	if (strcmp(out, "-") != 0)
		fprintf(stderr, _("lup: report: written to %s\n"), out);
	return 0;
}
