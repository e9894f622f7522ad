/* ref.c — a REF that did not settle, said on the command line. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/cli_ref.h"
#include "lup/i18n.h"

int cli_ref_error(const char *what, enum lup_ref_kind kind, const lup_err *err)
{
	const char *m = err->msg, *nl = strchr(m, '\n');
	int ref = err->code == LUP_ENOTFOUND || err->code == LUP_EAMBIG || err->code == LUP_EINVAL;
	fprintf(stderr, "lup: %s: %.*s\n", what, nl ? (int)(nl - m) : (int)strlen(m), m);
	while (nl) {
		const char *line = nl + 1;
		nl = strchr(line, '\n');
		fprintf(stderr, "lup: %.*s\n", nl ? (int)(nl - line) : (int)strlen(line), line);
	}
	if (!ref)
		return LUP_EXIT_FAIL;
	fprintf(stderr, "lup: %s\n", lup_ref_help(kind));
	return LUP_EXIT_USAGE;
}
