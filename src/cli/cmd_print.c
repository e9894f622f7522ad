/* cmd_print.c — lup print: the papers of a session, a cohort or a
 * placement as PDF (doc.h). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cli/cli_ref.h"
#include "lup/doc.h"
#include "lup/i18n.h"
#include "lup/people.h"

int cmd_print(struct lup_cli *cli, int argc, char **argv)
{
	const char *ref = NULL, *person_ref = NULL, *lang = NULL, *out = NULL;
	const struct cli_opt opts[] = {
		{ "--person", NULL, &person_ref, NULL, NULL },
		{ "--lang", NULL, &lang, NULL, NULL },
		{ "-o", NULL, &out, NULL, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	char id[37], person[37], what[48];
	struct lup_doc_opts o = { 0 };
	struct lup_doc_result res;
	lup_err err;
	const char *words[2] = { NULL, NULL };
	int kind, rc, n;

	if (argc < 2)
		return cli_usage("print", _("which document? sheet, certificate, agreement, "
		                            "attendance-certificate or participants"));
	if ((kind = lup_doc_kind_parse(argv[1])) < 0)
		return cli_usage("print", _("'%s' is not a document: sheet, certificate, agreement, "
		                            "attendance-certificate or participants"), argv[1]);
	if ((n = cli_args("print", argc, argv, 2, opts, words, 2)) < 0)
		return LUP_EXIT_USAGE;
	if (n > 1)
		return cli_usage("print", _("unexpected argument %s"), words[1]);
	ref = words[0];
	if (!ref)
		return cli_usage("print", kind == LUP_DOC_SHEET ? _("which session?") :
		                          kind == LUP_DOC_AGREEMENT || kind == LUP_DOC_ATTENDANCE ?
		                          _("which placement?") : _("which cohort?"));
	if (person_ref && kind != LUP_DOC_CERTIFICATE)
		return cli_usage("print", _("--person is for certificates"));
	if (out && !*out)
		return cli_usage("print", _("-o needs a file name"));
	if (out && strcmp(out, "-") == 0 && isatty(STDOUT_FILENO))
		return cli_usage("print", _("a PDF is not for the terminal: give -o FILE, or send - to a program"));
	/* Only reads: as the exports, no whole-file check first. */
	cli->db_flags |= LUP_DB_NOCHECK;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_doc_resolve(cli->db, (enum lup_doc_kind)kind, ref, id, &err) < 0) {
		/* a cohort's REF that did not settle is a usage error; a
		 * session or placement not found fails as before */
		snprintf(what, sizeof what, "print %s", argv[1]);
		if (kind == LUP_DOC_CERTIFICATE || kind == LUP_DOC_PARTICIPANTS)
			return cli_ref_error(what, LUP_REF_COHORT, &err);
		cli_error("%s: %s", what, err.msg);
		return LUP_EXIT_FAIL;
	}
	if (person_ref) {
		if (lup_person_find(cli->db, person_ref, person, &err) < 0) {
			snprintf(what, sizeof what, "print %s", argv[1]);
			return cli_ref_error(what, LUP_REF_PERSON, &err);
		}
		o.person_id = person;
	}
	o.lang = lang;
	o.output = out;
	if (lup_doc_print(cli->db, cli->cfg, (enum lup_doc_kind)kind, id, &o, &res, &err) < 0) {
		cli_error("print %s: %s", argv[1], err.msg);
		return LUP_EXIT_FAIL;
	}
	if (strcmp(res.path, "-") != 0) {
		if (kind == LUP_DOC_CERTIFICATE)
			fprintf(stderr, ngettext("lup: print: %d certificate written to %s\n",
			                         "lup: print: %d certificates written to %s\n",
			                         (unsigned long)res.stats.copies), res.stats.copies, res.path);
		else
			fprintf(stderr, ngettext("lup: print: %s written to %s (%d page)\n",
			                         "lup: print: %s written to %s (%d pages)\n",
			                         (unsigned long)res.stats.pages),
			        lup_doc_kind_label((enum lup_doc_kind)kind), res.path, res.stats.pages);
	}
	if (res.stats.cut > 0)
		fprintf(stderr, ngettext("lup: print: %d table cell was too long for its column and is cut short\n",
		                         "lup: print: %d table cells were too long for their columns and are cut short\n",
		                         (unsigned long)res.stats.cut), res.stats.cut);
	return 0;
}
