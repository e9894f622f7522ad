/* cmd_round.c — lup round list | start | show | invite | delete: check-in
 * rounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/cli_ref.h"
#include "lup/checkin.h"
#include "lup/i18n.h"
#include "lup/programme.h"
#include "lup/round.h"

static int find(struct lup_cli *cli, const char *sub, const char *ref, char id[LUP_UUID_LEN + 1])
{
	lup_err err;
	if (lup_round_find(cli->db, ref, id, &err) < 0) {
		cli_error("round %s: %s", sub, err.msg);
		return -1;
	}
	return 0;
}

static int list(struct lup_cli *cli)
{
	struct lup_round_row *rows;
	size_t n;
	lup_err err;
	if (lup_round_list(cli->db, &rows, &n, &err) < 0) {
		cli_error("round list: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	if (!n)
		fprintf(stderr, _("lup: round list: no rounds yet (lup round start)\n"));
	for (size_t i = 0; i < n; i++)
		printf(_("%s  %s  %ld of %ld done\n"), rows[i].date, rows[i].name, rows[i].done, rows[i].people);
	free(rows);
	return 0;
}

static int show(struct lup_cli *cli, const char *id)
{
	struct lup_round r;
	struct lup_round_person *p;
	size_t n;
	long done, people;
	lup_err err;
	if (lup_round_get(cli->db, id, &r, &err) < 0 || lup_round_progress(cli->db, id, &done, &people, &err) < 0 ||
	    lup_round_people(cli->db, id, &p, &n, &err) < 0) {
		cli_error("round show: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	printf("%s\n", r.name);
	printf(_("  %s · %s%s%s · %s\n"), lup_checkin_kind_label(r.kind), lup_round_scope_label(r.scope),
	       r.value[0] ? " " : "", r.value, r.date);
	printf(_("  %ld of %ld done\n"), done, people);
	/* the status column as wide as its widest word, in this language */
	int sw = 0;
	for (size_t i = 0; i < n; i++) {
		int w = cli_width(lup_checkin_status_label(p[i].status));
		sw = w > sw ? w : sw;
	}
	for (size_t i = 0; i < n; i++) {
		printf("  ");
		cli_pad(stdout, p[i].name, 30);
		putchar(' ');
		cli_pad(stdout, lup_checkin_status_label(p[i].status), sw);
		printf(" %s\n", p[i].email);
	}
	free(p);
	return 0;
}

static int invite(struct lup_cli *cli, const char *id, int pending, const char *out)
{
	long rows, none;
	lup_err err;
	if (lup_round_invites(cli->db, id, pending, out, &rows, &none, &err) < 0) {
		cli_error("round invite: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	fprintf(stderr, ngettext("lup: round: %ld person on the list", "lup: round: %ld people on the list",
	                         (unsigned long)rows), rows);
	if (none)
		fprintf(stderr, ngettext(", %ld without an e-mail address", ", %ld without an e-mail address",
		                         (unsigned long)none), none);
	if (strcmp(out, "-") != 0)
		fprintf(stderr, _(", written to %s"), out);
	fputc('\n', stderr);
	return 0;
}

int cmd_round(struct lup_cli *cli, int argc, char **argv)
{
	const char *sub, *unit = NULL, *role = NULL, *cohort = NULL, *kind = "self", *date = NULL, *name = NULL;
	const char *out = NULL, *ref = NULL, *words[2] = { NULL, NULL };
	int everyone = 0, all = 0, pending = 0, rc, n;
	const struct cli_opt opts[] = {
		{ "--unit", NULL, &unit, NULL, NULL },
		{ "--role", NULL, &role, NULL, NULL },
		{ "--cohort", NULL, &cohort, NULL, NULL },
		{ "--kind", NULL, &kind, NULL, NULL },
		{ "--date", NULL, &date, NULL, NULL },
		{ "--name", NULL, &name, NULL, NULL },
		{ "--invite", "-o", &out, NULL, NULL },
		{ "--everyone", NULL, NULL, &everyone, NULL },
		{ "--all", NULL, NULL, &all, NULL },
		{ "--pending", NULL, NULL, &pending, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	lup_err err;

	if (argc < 2)
		return cli_usage("round", _("what to do? list, start, show, invite or delete"));
	sub = argv[1];
	if (strcmp(sub, "list") && strcmp(sub, "start") && strcmp(sub, "show") && strcmp(sub, "invite") &&
	    strcmp(sub, "delete"))
		return cli_usage("round", _("no subcommand '%s': list, start, show, invite or delete"), sub);
	if ((n = cli_args("round", argc, argv, 2, opts, words, 2)) < 0)
		return LUP_EXIT_USAGE;
	if (n > 1)
		return cli_usage("round", _("unexpected argument %s"), words[1]);
	ref = words[0];
	if (strcmp(sub, "list") == 0) {
		if (ref)
			return cli_usage("round", _("unexpected argument %s"), ref);
		cli->db_flags |= LUP_DB_NOCHECK;
		return (rc = cli_open_db(cli, 0)) ? rc : list(cli);
	}
	if (strcmp(sub, "start") == 0) {
		struct lup_round rd;
		struct lup_round_result res;
		if (ref)
			return cli_usage("round", _("unexpected argument %s"), ref);
		if (everyone + !!unit + !!role + !!cohort != 1)
			return cli_usage("round", _("for whom? give one of --unit UNIT, --role ROLE, --cohort REF or --everyone"));
		if ((rc = cli_open_db(cli, 0)))
			return rc;
		memset(&rd, 0, sizeof rd);
		snprintf(rd.kind, sizeof rd.kind, "%s", kind);
		snprintf(rd.name, sizeof rd.name, "%s", name ? name : "");
		snprintf(rd.date, sizeof rd.date, "%s", date ? date : "");
		rd.only_due = !all;
		rd.scope = unit ? LUP_ROUND_UNIT : role ? LUP_ROUND_ROLE : cohort ? LUP_ROUND_COHORT : LUP_ROUND_EVERYONE;
		snprintf(rd.value, sizeof rd.value, "%s", unit ? unit : role ? role : "");
		if (cohort && lup_cohort_find(cli->db, cohort, rd.cohort_id, &err) < 0)
			return cli_ref_error("round start", LUP_REF_COHORT, &err);
		if (lup_round_start(cli->db, cli->cfg, &rd, lup_date_today(), &res, &err) < 0) {
			cli_error("round start: %s", err.msg);
			return LUP_EXIT_FAIL;
		}
		{
			lup_buf b = { 0 };
			cli_count(&b, ngettext("%ld new draft", "%ld new drafts", (unsigned long)res.made), res.made);
			cli_count(&b, ngettext("%ld open draft joined", "%ld open drafts joined", (unsigned long)res.kept),
			          res.kept);
			/* TRANSLATORS: the last %s lists the drafts: "3 new drafts, 1 open draft joined" */
			printf(ngettext("%s: %ld asked (%s)\n", "%s: %ld asked (%s)\n", (unsigned long)res.people),
			       rd.name, res.people, b.s);
			lup_buf_clear(&b);
		}
		if (res.no_framework)
			fprintf(stderr, ngettext("lup: round start: %ld person left out: their framework is not imported\n",
			                         "lup: round start: %ld people left out: their framework is not imported\n",
			                         (unsigned long)res.no_framework), res.no_framework);
		return out ? invite(cli, rd.id, 0, out) : 0;
	}
	if (!ref)
		return cli_usage("round", _("which round? give its name or an id prefix"));
	if (strcmp(sub, "delete") != 0)
		cli->db_flags |= LUP_DB_NOCHECK;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	{
		char id[LUP_UUID_LEN + 1];
		long removed;
		if (find(cli, sub, ref, id) < 0)
			return LUP_EXIT_FAIL;
		if (strcmp(sub, "show") == 0)
			return show(cli, id);
		if (strcmp(sub, "invite") == 0)
			return invite(cli, id, pending, out ? out : "-");
		if (lup_round_delete(cli->db, id, &removed, &err) < 0) {
			cli_error("round delete: %s", err.msg);
			return LUP_EXIT_FAIL;
		}
		fprintf(stderr, ngettext("lup: round delete: removed, with %ld draft nothing was rated in\n",
		                         "lup: round delete: removed, with %ld drafts nothing was rated in\n",
		                         (unsigned long)removed), removed);
	}
	return 0;
}
