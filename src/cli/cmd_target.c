/* cmd_target.c — lup target list|set|unset|history|roles: target levels
 * for a role or for one person. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/cli_ref.h"
#include "lup/due.h"
#include "lup/i18n.h"
#include "lup/lineedit.h"
#include "lup/people.h"
#include "lup/target.h"

struct who {
	const char *role, *person_ref, *framework;
	char person_id[LUP_UUID_LEN + 1];
	char name[256];        /* the role, or the person's name */
	char ident[LUP_FW_IDENT_MAX + 1];
};

/* Print s padded to cols display columns and a space. */
static void pad(const char *s, int cols)
{
	int w = lup_utf8_width(s, strlen(s));
	fputs(s, stdout);
	do
		putchar(' ');
	while (++w < cols);
}

/* The role or person, and the framework (theirs unless --framework): 0,
 * or the exit status after saying why. */
static int resolve_who(struct lup_cli *cli, struct who *w, const char *sub)
{
	lup_err err;
	if (w->person_ref) {
		struct lup_person p;
		char what[40];
		snprintf(what, sizeof what, "target %s", sub);
		if (lup_person_find(cli->db, w->person_ref, w->person_id, &err) < 0)
			return cli_ref_error(what, LUP_REF_PERSON, &err);
		if (lup_person_get(cli->db, w->person_id, &p, &err) < 0) {
			cli_error("%s: %s", what, err.msg);
			return LUP_EXIT_FAIL;
		}
		snprintf(w->name, sizeof w->name, "%s", p.name);
		if (!w->framework)
			snprintf(w->ident, sizeof w->ident, "%s", lup_competence_framework_for(cli->cfg, p.role));
		lup_person_clear(&p);
	} else {
		snprintf(w->name, sizeof w->name, "%s", w->role);
		if (!w->framework)
			snprintf(w->ident, sizeof w->ident, "%s", lup_competence_framework_for(cli->cfg, w->role));
	}
	if (w->framework)
		snprintf(w->ident, sizeof w->ident, "%s", w->framework);
	return 0;
}

static int list(struct lup_cli *cli, struct who *w)
{
	struct lup_target_row *rows;
	size_t n;
	lup_err err;
	char b[32];

	if (lup_target_list(cli->db, w->ident, w->role, w->person_id[0] ? w->person_id : NULL, &rows, &n, &err) < 0) {
		cli_error("target list: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	printf(_("Targets of %s in %s (in force now)\n"), w->name, w->ident);
	/* TRANSLATORS: column headings of lup target list */
	pad(_("CODE"), 8);
	pad(_("COMPETENCE"), 44);
	pad(_("LEVELS"), 7);
	if (w->person_id[0]) {
		pad(_("ROLE"), 5);
		pad(_("OWN"), 4);
	} else {
		pad(_("TARGET"), 7);
	}
	printf("%s\n", _("SINCE"));
	for (size_t i = 0; i < n; i++) {
		const struct lup_target_row *r = &rows[i];
		char name[200];
		snprintf(name, sizeof name, "%s", lup_fw_text(r->name, r->name_sv));
		name[lup_utf8_fit(name, 42, NULL)] = '\0';
		pad(r->code, 8);
		pad(name, 44);
		snprintf(b, sizeof b, "%d-%d", r->level_min, r->level_max);
		pad(b, 7);
		if (w->person_id[0]) {
			pad(r->role_level == LUP_LEVEL_NONE ? "-" : (snprintf(b, sizeof b, "%d", r->role_level), b), 5);
			pad(r->own_level == LUP_LEVEL_NONE ? "-" : (snprintf(b, sizeof b, "%d", r->own_level), b), 4);
		} else {
			pad(r->role_level == LUP_LEVEL_NONE ? "-" : (snprintf(b, sizeof b, "%d", r->role_level), b), 7);
		}
		printf("%s\n", r->level == LUP_LEVEL_NONE ? "" : r->since);
	}
	free(rows);
	return 0;
}

static int history(struct lup_cli *cli, struct who *w)
{
	struct lup_target_change *rows;
	size_t n;
	lup_err err;

	if (lup_target_history(cli->db, w->ident, w->role, w->person_id[0] ? w->person_id : NULL, &rows, &n,
	                       &err) < 0) {
		cli_error("target history: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	printf(_("Target history of %s in %s\n"), w->name, w->ident);
	for (size_t i = 0; i < n; i++) {
		const struct lup_target_change *r = &rows[i];
		printf("  %-8s r%-3d %3d  %.10s – %.10s%s\n", r->code, r->revision, r->level, r->from,
		       r->to[0] ? r->to : "", r->from_file ? _("  (from the file)") : "");
	}
	if (!n)
		printf("  %s\n", _("none"));
	free(rows);
	return 0;
}

static int roles(struct lup_cli *cli, const char *ident)
{
	struct lup_target_role *rows;
	size_t n;
	lup_err err;

	if (lup_target_roles(cli->db, ident, &rows, &n, &err) < 0) {
		cli_error("target roles: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	printf(_("Roles with targets in %s\n"), ident);
	for (size_t i = 0; i < n; i++) {
		printf("  ");
		pad(rows[i].role, 30);
		printf(ngettext("%ld target, ", "%ld targets, ", (unsigned long)rows[i].targets), rows[i].targets);
		if (rows[i].people)
			printf(ngettext("%ld person has the role\n", "%ld people have the role\n",
			                (unsigned long)rows[i].people), rows[i].people);
		else
			printf("%s\n", _("no one has the role"));
	}
	free(rows);
	return 0;
}

/* set CODE=LEVEL… or unset CODE…, all or nothing. */
static int change(struct lup_cli *cli, struct who *w, int set, int n, const char **args)
{
	lup_err err;
	const char *pid = w->person_id[0] ? w->person_id : NULL;

	if (lup_db_begin(cli->db, &err) < 0) {
		cli_error("target: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	for (int i = 0; i < n; i++) {
		char code[64];
		const char *eq = strchr(args[i], '=');
		long level = LUP_LEVEL_NONE;
		int before = LUP_LEVEL_NONE, personal = 0;
		if (set) {
			if (!eq || eq == args[i] || (size_t)(eq - args[i]) >= sizeof code ||
			    (level = cli_number(eq + 1)) < 0) {
				lup_db_rollback(cli->db);
				return cli_usage("target", _("'%s': expected CODE=LEVEL, as 1.1=4"), args[i]);
			}
			snprintf(code, sizeof code, "%.*s", (int)(eq - args[i]), args[i]);
		} else {
			snprintf(code, sizeof code, "%s", args[i]);
		}
		if (pid)
			lup_target_get(cli->db, w->ident, code, pid, &before, &personal, &err);
		if (lup_target_set(cli->db, w->ident, code, w->role, pid, (int)level, &err) < 0) {
			cli_error("target %s: %s: %s", set ? "set" : "unset", code, err.msg);
			lup_db_rollback(cli->db);
			fprintf(stderr, _("lup: target: nothing was changed\n"));
			return LUP_EXIT_FAIL;
		}
		if (set)
			printf(_("%s, %s %s: %ld\n"), w->name, w->ident, code, level);
		else
			printf(_("%s, %s %s: no target of its own\n"), w->name, w->ident, code);
		(void)before;
	}
	if (lup_db_commit(cli->db, &err) < 0) {
		cli_error("target: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	return 0;
}

int cmd_target(struct lup_cli *cli, int argc, char **argv)
{
	struct who w;
	const char *sub;
	const char **rest;
	int nrest, rc;
	const struct cli_opt opts[] = {
		{ "--role", NULL, &w.role, NULL, NULL },
		{ "--person", NULL, &w.person_ref, NULL, NULL },
		{ "--framework", NULL, &w.framework, NULL, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};

	memset(&w, 0, sizeof w);
	if (argc < 2)
		return cli_usage("target", _("what to do? list, set, unset, history or roles"));
	sub = argv[1];
	if (strcmp(sub, "list") && strcmp(sub, "set") && strcmp(sub, "unset") && strcmp(sub, "history") &&
	    strcmp(sub, "roles"))
		return cli_usage("target", _("no subcommand '%s': list, set, unset, history or roles"), sub);
	if (!(rest = calloc((size_t)argc, sizeof *rest)))
		return LUP_EXIT_FAIL;
	if ((nrest = cli_args("target", argc, argv, 2, opts, rest, argc)) < 0) {
		free(rest);
		return LUP_EXIT_USAGE;
	}
	rc = LUP_EXIT_USAGE;
	if (strcmp(sub, "roles") == 0) {
		if (nrest || w.role || w.person_ref)
			rc = cli_usage("target", _("roles takes only --framework"));
		else if (!(rc = cli_open_db(cli, 0)))
			rc = roles(cli, w.framework ? w.framework : lup_competence_framework_for(cli->cfg, NULL));
		free(rest);
		return rc;
	}
	if (!w.role == !w.person_ref)
		rc = cli_usage("target", _("for whom? give --role ROLE or --person REF"));
	else if ((strcmp(sub, "list") == 0 || strcmp(sub, "history") == 0) && nrest)
		rc = cli_usage("target", _("unexpected argument %s"), rest[0]);
	else if ((strcmp(sub, "set") == 0 || strcmp(sub, "unset") == 0) && !nrest)
		rc = cli_usage("target", strcmp(sub, "set") == 0 ? _("which targets? give CODE=LEVEL, as 1.1=4")
		                                                 : _("which targets? give their codes, as 1.1"));
	else if (!(rc = cli_open_db(cli, 0)))
		rc = resolve_who(cli, &w, sub);
	if (!rc)
		rc = strcmp(sub, "list") == 0 ? list(cli, &w)
		   : strcmp(sub, "history") == 0 ? history(cli, &w)
		   : change(cli, &w, strcmp(sub, "set") == 0, nrest, rest);
	free(rest);
	return rc;
}
