/* cmd_person.c — lup person show|export|profile|erase REF. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cli/cli_ref.h"
#include "lup/enrol.h"
#include "lup/i18n.h"
#include "lup/people.h"
#include "lup/profile.h"
#include "lup/privacy.h"

static void field(const char *label, const char *value)
{
	cli_pad(stdout, label, 22);
	printf(" %s\n", value && *value ? value : "—");
}

static int show(struct lup_cli *cli, const char *id)
{
	struct lup_person p;
	struct lup_person_summary s;
	struct lup_person_impact im;
	lup_err err;
	char buf[64];

	if (lup_person_get(cli->db, id, &p, &err) < 0 || lup_person_summary(cli->db, id, &s, &err) < 0 ||
	    lup_person_impact(cli->db, id, &im, &err) < 0) {
		lup_person_clear(&p);
		cli_error("person show: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	field(_("Name"), p.name);
	field(_("E-mail"), p.email);
	field(_("Phone"), p.phone);
	field(_("Unit"), p.org_unit);
	field(_("Role"), p.role);
	field(_("Employee number"), p.employee_no);
	field(_("Manager"), s.manager_name);
	field(_("Active"), p.active ? C_("person", "yes") : C_("person", "no"));
	field(_("Id"), p.id);
	field(C_("person", "Added"), p.created_at);
	field(C_("person", "Changed"), p.updated_at);
	putchar('\n');
	field(C_("person", "Programme status"), lup_enrol_status_label(s.programme_status));
	field(_("Cohort"), s.cohort);
	snprintf(buf, sizeof buf, "%ld", s.enrolments);
	field(_("Enrolments"), buf);
	snprintf(buf, sizeof buf, _("%ld attended, %ld absent, %ld excused"),
	         s.sessions_attended, s.sessions_missed, s.sessions_excused);
	field(C_("person", "Sessions"), buf);
	{
		/* each block of the programme for their live enrolment */
		struct lup_block_progress bp[LUP_MAX_BLOCKS];
		char prog[LUP_ID_SIZE], enrolment[LUP_ID_SIZE], text[200];
		lup_err ignored;
		int nb;
		if (lup_programme_first(cli->db, prog, &ignored) == 0 &&
		    lup_enrol_find(cli->db, prog, id, enrolment, &ignored) == 0 &&
		    (nb = lup_completion(cli->db, enrolment, bp, LUP_MAX_BLOCKS, &ignored)) >= 0)
			for (int i = 0; i < nb; i++) {
				lup_block_progress_text(&bp[i], text, sizeof text);
				field(bp[i].name, text);
			}
	}
	snprintf(buf, sizeof buf, "%ld", s.placements);
	field(_("Placements"), buf);
	snprintf(buf, sizeof buf, "%ld", s.checkins);
	field(_("Check-ins"), buf);
	field(_("Latest check-in"), s.last_checkin);
	snprintf(buf, sizeof buf, "%ld", im.reports);
	field(C_("person", "Manager of"), buf);
	lup_person_clear(&p);
	return 0;
}

/* Ask on the terminal; 1 for yes. */
static int confirm(const char *question)
{
	char line[64];
	fprintf(stderr, "%s ", question);
	fflush(stderr);
	if (!fgets(line, sizeof line, stdin))
		return 0;
	line[strcspn(line, "\r\n")] = '\0';
	return strcasecmp(line, "y") == 0 || strcasecmp(line, "yes") == 0 ||
	       strcasecmp(line, "j") == 0 || strcasecmp(line, "ja") == 0;
}

static int erase(struct lup_cli *cli, const char *id, int yes)
{
	struct lup_person p;
	struct lup_person_impact im;
	struct lup_erase_counts n = { 0 };
	lup_err err;
	int rc;

	if (lup_person_get(cli->db, id, &p, &err) < 0 || lup_person_impact(cli->db, id, &im, &err) < 0) {
		lup_person_clear(&p);
		cli_error("person erase: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	if (!yes) {
		char q[1024];
		if (!isatty(STDIN_FILENO)) {
			lup_person_clear(&p);
			cli_error(_("person erase: not asking without a terminal; add --yes to erase"));
			return LUP_EXIT_FAIL;
		}
		snprintf(q, sizeof q,
		         _("Erase %s%s%s%s and everything lup holds about them (enrolments %ld, attendance %ld, "
		           "placements %ld, check-ins %ld, log entries %ld)? This cannot be undone. [y/N]"),
		         p.name, p.email ? " <" : "", p.email ? p.email : "", p.email ? ">" : "",
		         im.enrolments, im.attendance, im.placements, im.checkins, im.log_entries);
		if (!confirm(q)) {
			lup_person_clear(&p);
			fprintf(stderr, _("lup: person erase: nothing was erased\n"));
			return LUP_EXIT_FAIL;
		}
	}
	lup_person_clear(&p);
	rc = lup_person_erase(cli->db, id, &n, &err);
	if (rc < 0 && n.people == 0) {
		cli_error("person erase: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	fprintf(stderr, _("lup: person erase: erased (enrolments %ld, attendance %ld, placements %ld, "
	                  "check-ins %ld, ratings %ld, log entries %ld; removed as manager %ld times, "
	                  "as assessor %ld times)\n"),
	        n.enrolments, n.attendance, n.placements, n.checkins, n.ratings, n.log_entries,
	        n.manager_refs, n.assessor_refs);
	if (n.promoted)
		fprintf(stderr, ngettext("lup: person erase: %ld person on the waiting list got the free seat\n",
		                         "lup: person erase: %ld people on the waiting list got the free seats\n",
		                         (unsigned long)n.promoted), n.promoted);
	if (rc < 0) {
		cli_error("person erase: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	return 0;
}

int cmd_person(struct lup_cli *cli, int argc, char **argv)
{
	const char *sub, *ref = NULL, *out = "-", *words[2] = { NULL, NULL };
	char id[LUP_UUID_LEN + 1];
	int yes = 0, rc, n;
	/* the options of erase, of export and profile, of show */
	const struct cli_opt erase_opts[] = {
		{ "--yes", "-y", NULL, &yes, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	const struct cli_opt out_opts[] = {
		{ "-o", NULL, &out, NULL, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	const struct cli_opt no_opts[] = { { NULL, NULL, NULL, NULL, NULL } };
	lup_err err;

	if (argc < 2)
		return cli_usage("person", _("show, export or erase?"));
	sub = argv[1];
	if (strcmp(sub, "show") != 0 && strcmp(sub, "export") != 0 && strcmp(sub, "erase") != 0 &&
	    strcmp(sub, "profile") != 0)
		return cli_usage("person", _("no subcommand '%s' (show, export, profile, erase)"), sub);
	if ((n = cli_args("person", argc, argv, 2,
	                  strcmp(sub, "erase") == 0 ? erase_opts
	                  : strcmp(sub, "show") == 0 ? no_opts : out_opts, words, 2)) < 0)
		return LUP_EXIT_USAGE;
	if (n > 1)
		return cli_usage("person", _("one person at a time"));
	ref = words[0];
	if (!ref)
		return cli_usage("person", _("which person? (a name, e-mail, employee number or id)"));
	if (!*out)
		return cli_usage("person", _("-o needs a file name"));
	/* show and export only read: a damaged page fails the read with a
	 * message, so they skip the whole-file quick_check like report and
	 * export; erase writes and keeps it. */
	if (strcmp(sub, "erase") != 0)
		cli->db_flags |= LUP_DB_NOCHECK | LUP_DB_READONLY;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_person_find(cli->db, ref, id, &err) < 0) {
		char what[40];
		snprintf(what, sizeof what, "person %s", sub);
		return cli_ref_error(what, LUP_REF_PERSON, &err);
	}
	if (strcmp(sub, "show") == 0)
		return show(cli, id);
	if (strcmp(sub, "erase") == 0)
		return erase(cli, id, yes);
	if (strcmp(sub, "profile") == 0) {
		struct lup_profile prof;
		if (lup_profile_build(cli->db, cli->cfg, id, &prof, &err) < 0 ||
		    (lup_profile_file(&prof, out, &err) < 0 && (lup_profile_clear(&prof), 1))) {
			cli_error("person profile: %s", err.msg);
			return LUP_EXIT_FAIL;
		}
		lup_profile_clear(&prof);
		if (strcmp(out, "-") != 0)
			fprintf(stderr, _("lup: person profile: written to %s\n"), out);
		return 0;
	}
	if (lup_person_export_file(cli->db, id, out, &err) < 0) {
		cli_error("person export: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	if (strcmp(out, "-") != 0)
		fprintf(stderr, _("lup: person export: written to %s\n"), out);
	return 0;
}
