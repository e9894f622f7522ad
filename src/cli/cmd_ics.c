/* cmd_ics.c — lup export ics: the sessions as an iCalendar file. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/cli_ref.h"
#include "lup/i18n.h"
#include "lup/ics.h"
#include "lup/people.h"
#include "lup/programme.h"

/* argv[0] is "ics". */
int cli_export_ics(struct lup_cli *cli, int argc, char **argv)
{
	const char *cohort_ref = NULL, *person_ref = NULL, *out = "-";
	char cohort[LUP_ID_SIZE], person[LUP_ID_SIZE];
	struct lup_ics_opts o = { 0 };
	struct lup_ics_invite inv = { 0 };
	int invite = 0, cancel = 0;
	const struct cli_opt opts[] = {
		{ "--cohort", NULL, &cohort_ref, NULL, NULL },
		{ "--person", NULL, &person_ref, NULL, NULL },
		{ "-o", NULL, &out, NULL, NULL },
		{ "--utc", NULL, NULL, &o.utc, NULL },
		{ "--invite", NULL, NULL, &invite, NULL },
		{ "--cancel", NULL, NULL, &cancel, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	lup_err err;
	long events;
	int rc;

	if (cli_args("export", argc, argv, 1, opts, NULL, 0) < 0)
		return LUP_EXIT_USAGE;
	if (cohort_ref && person_ref)
		return cli_usage("export", _("give --cohort or --person, not both"));
	if (!*out)
		return cli_usage("export", _("-o needs a file name"));
	if (invite && cancel)
		return cli_usage("export", _("give --invite or --cancel, not both"));
	if (invite || cancel) {
		const struct lup_config *cfg = cli->cfg;
		const char *name = lup_config_str(cfg, "documents:organiser_name");
		if (!*name)
			name = lup_config_str(cfg, "documents:signatory");
		if (!*name)
			name = lup_config_str(cfg, "documents:organisation");
		inv.cancel = cancel;
		inv.organiser = lup_config_str(cfg, "documents:organiser");
		inv.organiser_name = name;
		o.invite = &inv;
	}
	/* Only reads: a damaged page fails the read with a message, so the
	 * whole-file quick_check need not delay every export (DESIGN §6). */
	cli->db_flags |= LUP_DB_NOCHECK | LUP_DB_READONLY;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (cohort_ref) {
		if (lup_cohort_find(cli->db, cohort_ref, cohort, &err) < 0)
			return cli_ref_error("export ics", LUP_REF_COHORT, &err);
		o.cohort_id = cohort;
	}
	if (person_ref) {
		if (lup_person_find(cli->db, person_ref, person, &err) < 0)
			return cli_ref_error("export ics", LUP_REF_PERSON, &err);
		o.person_id = person;
	}
	if (lup_ics_export(cli->db, &o, out, &events, &err) < 0) {
		cli_error("export ics: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	if (cancel)
		fprintf(stderr, ngettext("lup: export ics: %ld cancellation written to %s\n",
		                         "lup: export ics: %ld cancellations written to %s\n",
		                         (unsigned long)events), events, strcmp(out, "-") ? out : _("standard output"));
	else if (invite)
		fprintf(stderr, ngettext("lup: export ics: %ld invitation written to %s\n",
		                         "lup: export ics: %ld invitations written to %s\n",
		                         (unsigned long)events), events, strcmp(out, "-") ? out : _("standard output"));
	else if (strcmp(out, "-") != 0)
		fprintf(stderr, ngettext("lup: export ics: %ld session written to %s\n",
		                         "lup: export ics: %ld sessions written to %s\n",
		                         (unsigned long)events), events, out);
	if (inv.without_email > 0)
		fprintf(stderr, ngettext("lup: export ics: %ld participant has no e-mail address and is not invited\n",
		                         "lup: export ics: %ld participants have no e-mail address and are not invited\n",
		                         (unsigned long)inv.without_email), inv.without_email);
	return 0;
}
