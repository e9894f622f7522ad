/* cmd_framework.c — lup framework list | import FILE… | show REF. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "lup/framework.h"
#include "lup/i18n.h"
#include "lup/lineedit.h"

static int fw_list(struct lup_cli *cli, int argc, char **argv)
{
	struct lup_framework_row *rows;
	size_t n;
	int all = 0, rc;
	lup_err err;

	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			all = 1;
		else
			return cli_usage("framework", _("unexpected argument %s"), argv[i]);
	}
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_framework_list(cli->db, all, &rows, &n, &err) < 0) {
		cli_error("framework: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	if (n == 0) {
		fprintf(stderr, _("lup: framework: none imported yet (lup framework import FILE)\n"));
		free(rows);
		return 0;
	}
	/* TRANSLATORS: column headings of lup framework list; keep the widths. */
	printf("%-20s %-8s %4s %11s  %-10s  %s\n", _("ID"), _("VERSION"), _("REV"),
	       _("COMPETENCES"), _("IMPORTED"), _("NAME"));
	for (size_t i = 0; i < n; i++)
		printf("%-20s %-8s %4d %11ld  %.10s  %s\n", rows[i].ident, rows[i].version,
		       rows[i].revision, rows[i].competences, rows[i].imported_at,
		       lup_fw_text(rows[i].name, rows[i].name_sv));
	free(rows);
	return 0;
}

static int fw_import(struct lup_cli *cli, int argc, char **argv)
{
	int rc, failed = 0;

	if (argc < 3)
		return cli_usage("framework", _("which file? give a framework file to import"));
	if ((rc = cli_open_db(cli, 1)))
		return rc;
	for (int i = 2; i < argc; i++) {
		struct lup_framework *fw;
		char id[LUP_UUID_LEN + 1];
		int unchanged;
		lup_err err;
		size_t active = 0;

		if (lup_framework_read(argv[i], &fw, &err) < 0 ||
		    lup_framework_import(cli->db, fw, id, &unchanged, &err) < 0) {
			/* Messages about the file name it already. */
			if (strstr(err.msg, argv[i]))
				cli_error("framework: %s", err.msg);
			else
				cli_error("framework: %s: %s", argv[i], err.msg);
			lup_framework_free(fw);
			failed = 1;
			continue;
		}
		for (size_t k = 0; k < fw->ncomps; k++)
			active += !fw->comps[k].retired;
		if (unchanged)
			printf(_("%s: unchanged (%s revision %d)\n"), argv[i], fw->ident, fw->revision);
		else
			printf(_("%s: imported as %s revision %d (%zu competences, %zu targets)\n"),
			       argv[i], fw->ident, fw->revision, active, fw->ntargets);
		lup_framework_free(fw);
	}
	return failed ? LUP_EXIT_FAIL : 0;
}

/* Print s padded with spaces to cols display columns (at least one space
 * follows it). */
static void padded(const char *s, int cols)
{
	int w = lup_utf8_width(s, strlen(s));
	fputs(s, stdout);
	do
		putchar(' ');
	while (++w < cols);
}

static void label(const char *name, const char *value)
{
	printf("  ");
	padded(name, 11);
	printf("%s\n", value);
}

static void show(const struct lup_framework *fw)
{
	const char *prev_area = NULL;

	printf("%s@%d  %s\n", fw->ident, fw->revision, lup_fw_text(fw->name, fw->name_sv));
	label(_("id"), fw->id);
	label(_("version"), fw->version);
	if (fw->extends)
		label(_("extends"), fw->extends);
	printf("  ");
	padded(_("imported"), 11);
	printf("%.10s\n", fw->imported_at);
	if (fw->file)
		label(_("from"), fw->file);
	if (fw->description)
		printf("  %s\n", fw->description);

	printf("\n%s %d-%d\n", _("Levels"), fw->level_min, fw->level_max);
	for (size_t i = 0; i < fw->nlevels; i++) {
		const struct lup_fw_level *l = &fw->levels[i];
		printf("  %3d  ", l->value);
		padded(lup_fw_text(l->band, l->band_sv), 22);
		printf("%s\n", lup_fw_text(l->name, l->name_sv));
	}

	printf("\n%s\n", _("Areas and competences"));
	for (size_t i = 0; i < fw->ncomps; i++) {
		const struct lup_fw_competence *c = &fw->comps[i];
		if (!prev_area || strcmp(prev_area, c->area) != 0) {
			const struct lup_fw_area *a = lup_fw_area_get(fw, c->area);
			printf("  %-8s %s\n", c->area, a ? lup_fw_text(a->name, a->name_sv) : "");
			prev_area = c->area;
		}
		printf("    %-8s ", c->code);
		padded(lup_fw_text(c->name, c->name_sv), 60);
		printf("%d-%d%s\n", c->level_min, c->level_max, c->retired ? _("  (retired)") : "");
	}
	/* Areas without competences still show. */
	for (size_t i = 0; i < fw->nareas; i++) {
		int used = 0;
		for (size_t k = 0; k < fw->ncomps && !used; k++)
			used = strcmp(fw->comps[k].area, fw->areas[i].code) == 0;
		if (!used)
			printf("  %-8s %s\n", fw->areas[i].code,
			       lup_fw_text(fw->areas[i].name, fw->areas[i].name_sv));
	}

	printf("\n%s\n", _("Targets"));
	if (!fw->ntargets)
		printf("  %s\n", _("none"));
	for (size_t i = 0; i < fw->ntargets;) {
		const char *role = fw->targets[i].role;
		int col = 0;
		printf("  %s\n   ", role);
		for (; i < fw->ntargets && fw->targets[i].role == role; i++) {
			if (col >= 8) {
				printf("\n   ");
				col = 0;
			}
			printf(" %s=%d", fw->targets[i].code, fw->targets[i].level);
			col++;
		}
		printf("\n");
	}
}

static int fw_show(struct lup_cli *cli, int argc, char **argv)
{
	struct lup_framework *fw;
	char id[LUP_UUID_LEN + 1];
	lup_err err;
	int rc;

	if (argc != 3)
		return cli_usage("framework", argc < 3 ? _("which framework? give its id")
		                                       : _("unexpected argument %s"), argv[argc - 1]);
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_framework_find(cli->db, argv[2], id, &err) < 0 ||
	    lup_framework_load(cli->db, id, &fw, &err) < 0) {
		cli_error("framework: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	show(fw);
	lup_framework_free(fw);
	return 0;
}

int cmd_framework(struct lup_cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("framework", _("what to do? list, import or show"));
	if (strcmp(argv[1], "list") == 0)
		return fw_list(cli, argc, argv);
	if (strcmp(argv[1], "import") == 0)
		return fw_import(cli, argc, argv);
	if (strcmp(argv[1], "show") == 0)
		return fw_show(cli, argc, argv);
	return cli_usage("framework", _("no subcommand '%s': list, import or show"), argv[1]);
}
