/* cmd_framework.c — lup framework list | import FILE… | show REF |
 * export REF | diff REF [REF]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/cli_ref.h"
#include "lup/fw_files.h"
#include "lup/framework.h"
#include "lup/i18n.h"
#include "lup/lineedit.h"
#include "lup/util.h"

static int fw_list(struct lup_cli *cli, int argc, char **argv)
{
	struct lup_framework_row *rows;
	size_t n;
	int all = 0, rc;
	const struct cli_opt opts[] = {
		{ "--all", NULL, NULL, &all, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	lup_err err;

	if (cli_args("framework", argc, argv, 2, opts, NULL, 0) < 0)
		return LUP_EXIT_USAGE;
	cli->db_flags |= LUP_DB_READONLY;
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
	/* TRANSLATORS: column headings of lup framework list. */
	{
		/* each column as wide as its heading or its widest value, in
		 * terminal columns */
		int w[3] = { cli_width(_("ID")), cli_width(_("VERSION")), cli_width(_("REV")) };
		int wc = cli_width(_("COMPETENCES")), wi = cli_width(_("IMPORTED"));
		char num[2][24];
		wi = wi > 10 ? wi : 10;
		for (size_t i = 0; i < n; i++) {
			int a = cli_width(rows[i].ident), b = cli_width(rows[i].version);
			w[0] = a > w[0] ? a : w[0];
			w[1] = b > w[1] ? b : w[1];
		}
		w[2] = w[2] > 4 ? w[2] : 4;
		wc = wc > 6 ? wc : 6;
		cli_pad(stdout, _("ID"), w[0] + 1);
		cli_pad(stdout, _("VERSION"), w[1] + 1);
		cli_pad_right(stdout, _("REV"), w[2]);
		putchar(' ');
		cli_pad_right(stdout, _("COMPETENCES"), wc);
		printf("  ");
		cli_pad(stdout, _("IMPORTED"), wi + 2);
		printf("%s\n", _("NAME"));
		for (size_t i = 0; i < n; i++) {
			char day[11];
			snprintf(day, sizeof day, "%.10s", rows[i].imported_at);
			snprintf(num[0], sizeof num[0], "%d", rows[i].revision);
			snprintf(num[1], sizeof num[1], "%ld", rows[i].competences);
			cli_pad(stdout, rows[i].ident, w[0] + 1);
			cli_pad(stdout, rows[i].version, w[1] + 1);
			cli_pad_right(stdout, num[0], w[2]);
			putchar(' ');
			cli_pad_right(stdout, num[1], wc);
			printf("  ");
			cli_pad(stdout, day, wi + 2);
			printf("%s\n", lup_fw_text(rows[i].name, rows[i].name_sv));
		}
	}
	free(rows);
	return 0;
}

/* The files in the order they can be stored: a file whose framework
 * another of them extends comes before it. */
static void order_files(int n, const char **paths, int *order)
{
	char (*ident)[LUP_FW_IDENT_MAX + 1] = calloc((size_t)n, sizeof *ident);
	char (*base)[LUP_FW_IDENT_MAX + 1] = calloc((size_t)n, sizeof *base);
	int *done = calloc((size_t)n, sizeof *done), k = 0;

	for (int i = 0; i < n; i++)
		order[i] = i;
	if (!ident || !base || !done)
		goto out;
	for (int i = 0; i < n; i++) {
		struct lup_framework *fw;
		lup_err err;
		if (lup_framework_read(paths[i], &fw, &err) == 0) {
			snprintf(ident[i], sizeof ident[i], "%s", fw->ident);
			snprintf(base[i], sizeof base[i], "%s", fw->extends ? fw->extends : "");
			lup_framework_free(fw);
		}
	}
	/* up to n passes: each takes the files whose base is not waiting */
	for (int pass = 0; pass < n && k < n; pass++)
		for (int i = 0; i < n; i++) {
			int waits = 0;
			if (done[i])
				continue;
			for (int j = 0; j < n && !waits; j++)
				waits = !done[j] && j != i && base[i][0] && strcmp(base[i], ident[j]) == 0;
			if (!waits || pass == n - 1) {
				done[i] = 1;
				order[k++] = i;
			}
		}
out:
	free(ident);
	free(base);
	free(done);
}

static size_t active_count(const struct lup_framework *fw)
{
	size_t n = 0;
	for (size_t k = 0; k < fw->ncomps; k++)
		n += !fw->comps[k].retired;
	return n;
}

/* What importing the file does (or would do): its changes, one a line. */
static void preview(const char *path, const struct lup_fw_plan *plan)
{
	const struct lup_framework *fw = plan->fw;
	char line[1400];
	if (plan->unchanged)
		return;
	if (plan->revision == 1) {
		lup_buf b = { 0 };
		cli_count(&b, ngettext("%ld competence", "%ld competences", active_count(fw)), (long)active_count(fw));
		cli_count(&b, ngettext("%ld area", "%ld areas", fw->nareas), (long)fw->nareas);
		cli_count(&b, ngettext("%ld target", "%ld targets", fw->ntargets), (long)fw->ntargets);
		/* TRANSLATORS: the last %s lists counts: "21 competences, 5 areas, 40 targets" */
		printf(_("%s: %s is new: %s\n"), path, fw->ident, b.s ? b.s : "");
		lup_buf_clear(&b);
	} else {
		printf(ngettext("%s: %s revision %d, %zu change from revision %d:\n",
		                "%s: %s revision %d, %zu changes from revision %d:\n", (unsigned long)plan->diff.n),
		       path, fw->ident, plan->revision, plan->diff.n, plan->revision - 1);
		if (plan->same_as)
			printf(_("  the same content as revision %d\n"), plan->same_as);
	}
	for (size_t i = 0; i < plan->diff.n; i++) {
		const struct lup_fw_change *c = &plan->diff.c[i];
		if (plan->revision == 1 && c->kind != LUP_FW_ROLE_NOBODY)
			continue;   /* everything is new */
		lup_fw_change_text(c, line, sizeof line);
		printf("  %s\n", line);
	}
}

static int fw_import(struct lup_cli *cli, int argc, char **argv)
{
	int rc, dry = 0, nfiles, *order, failed = 0;
	const char **files;
	char (*found)[4096];
	const struct cli_opt opts[] = {
		{ "--dry-run", "-n", NULL, &dry, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	size_t problems = 0;
	lup_err err;

	if (!(files = calloc((size_t)argc, sizeof *files)) || !(order = calloc((size_t)argc, sizeof *order))) {
		free(files);
		cli_error("framework: %s", lup_err_oom_text());
		return LUP_EXIT_FAIL;
	}
	if ((nfiles = cli_args("framework", argc, argv, 2, opts, files, argc)) < 0) {
		free(files);
		free(order);
		return LUP_EXIT_USAGE;
	}
	if (!nfiles) {
		free(files);
		free(order);
		return cli_usage("framework", _("which file? give a framework file to import, or the name of one at hand (digcomp-2.2)"));
	}
	/* a file, or the name of one at hand: digcomp-2.2 */
	if (!(found = calloc((size_t)nfiles, sizeof *found))) {
		free(files);
		free(order);
		cli_error("framework: %s", lup_err_oom_text());
		return LUP_EXIT_FAIL;
	}
	for (int k = 0; k < nfiles; k++) {
		if (lup_fw_file_find(files[k], found[k], sizeof found[k], &err) < 0) {
			cli_error("framework: %s", err.msg);
			free(found);
			free(files);
			free(order);
			return LUP_EXIT_FAIL;
		}
		files[k] = found[k];
	}
	if ((rc = cli_open_db(cli, 0))) {
		free(found);
		free(files);
		free(order);
		return rc;
	}
	order_files(nfiles, files, order);
	/* All the files, or none: one transaction around them. */
	if (lup_db_begin(cli->db, &err) < 0) {
		cli_error("framework: %s", err.msg);
		free(found);
		free(files);
		free(order);
		return LUP_EXIT_FAIL;
	}
	for (int k = 0; k < nfiles; k++) {
		const char *path = files[order[k]];
		struct lup_fw_plan plan;
		char id[LUP_UUID_LEN + 1];
		lup_err_clear(&err);
		if (lup_framework_plan_file(cli->db, path, &plan, &err) < 0) {
			cli_error("framework: %s: %s", path, err.msg);
			failed = 1;
		} else if (plan.problems.total) {
			for (size_t i = 0; i < plan.problems.n; i++)
				cli_error("framework: %s", plan.problems.msg[i]);
			if (plan.problems.total > plan.problems.n)
				cli_error(ngettext("framework: %s: and %zu more problem",
				                   "framework: %s: and %zu more problems",
				                   plan.problems.total - plan.problems.n), path,
				          plan.problems.total - plan.problems.n);
			problems += plan.problems.total;
			failed = 1;
		} else {
			preview(path, &plan);
			if (!failed && lup_framework_store(cli->db, &plan, id, &err) < 0) {
				cli_error("framework: %s: %s", path, err.msg);
				failed = 1;
			} else if (plan.unchanged) {
				printf(_("%s: unchanged (%s revision %d)\n"), path, plan.fw->ident, plan.revision);
			} else if (!failed) {
				lup_buf b = { 0 };
				cli_count(&b, ngettext("%ld competence", "%ld competences", active_count(plan.fw)),
				          (long)active_count(plan.fw));
				cli_count(&b, ngettext("%ld target", "%ld targets", plan.fw->ntargets),
				          (long)plan.fw->ntargets);
				/* TRANSLATORS: the last %s lists counts: "21 competences, 40 targets" */
				printf(dry ? _("%s: would be imported as %s revision %d (%s)\n")
				           : _("%s: imported as %s revision %d (%s)\n"),
				       path, plan.fw->ident, plan.revision, b.s ? b.s : "");
				lup_buf_clear(&b);
			}
		}
		lup_fw_plan_clear(&plan);
	}
	if (failed || dry) {
		lup_db_rollback(cli->db);
		if (failed && problems)
			cli_error(ngettext("framework: %zu problem: nothing was stored",
			                   "framework: %zu problems: nothing was stored", (unsigned long)problems), problems);
		else if (failed)
			cli_error(_("framework: nothing was stored"));
		else
			fprintf(stderr, _("lup: framework: nothing stored (--dry-run)\n"));
	} else if (lup_db_commit(cli->db, &err) < 0) {
		cli_error("framework: %s", err.msg);
		failed = 1;
	}
	free(found);
	free(files);
	free(order);
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

static void show(const struct lup_framework *fw, long checkins, int latest)
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
	if (checkins >= 0) {
		printf("  ");
		padded(_("in use"), 11);
		printf(ngettext("%ld check-in\n", "%ld check-ins\n", (unsigned long)checkins), checkins);
	}

	printf("\n%s %d–%d\n", _("Levels"), fw->level_min, fw->level_max);
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
		printf("%d–%d%s", c->level_min, c->level_max, c->retired ? _("  (retired)") : "");
		if (c->renamed_from && strcmp(c->renamed_from, c->code) != 0)
			printf(_("  (renamed from %s)"), c->renamed_from);
		if (c->replaces)
			printf(_("  (replaces %s)"), c->replaces);
		putchar('\n');
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

	printf("\n%s\n", latest ? _("Targets (in force now)") : _("Targets (in force when the next revision came)"));
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

/* A REF's revision; the number of check-ins made with it and whether it
 * is the latest of its framework (may be NULL). */
static int load_ref(struct lup_cli *cli, const char *ref, struct lup_framework **fw, long *checkins,
                    int *latest)
{
	struct lup_framework_row *rows;
	char id[LUP_UUID_LEN + 1], cur[LUP_UUID_LEN + 1];
	size_t n;
	lup_err err;

	if (lup_framework_find(cli->db, ref, id, &err) < 0)
		return -cli_ref_error("framework", LUP_REF_FRAMEWORK, &err);
	if (lup_framework_load(cli->db, id, fw, &err) < 0) {
		cli_error("framework: %s", err.msg);
		return -1;
	}
	if (latest)
		*latest = lup_framework_current(cli->db, (*fw)->ident, cur, &err) == 0 && strcmp(cur, id) == 0;
	if (checkins) {
		*checkins = -1;
		if (lup_framework_list(cli->db, 1, &rows, &n, &err) == 0) {
			for (size_t i = 0; i < n; i++)
				if (strcmp(rows[i].id, id) == 0)
					*checkins = rows[i].checkins;
			free(rows);
		}
	}
	return 0;
}

static int fw_show(struct lup_cli *cli, int argc, char **argv)
{
	struct lup_framework *fw;
	long checkins;
	int rc, latest;

	if (argc != 3)
		return cli_usage("framework", argc < 3 ? _("which framework? give its id")
		                                       : _("unexpected argument %s"), argv[argc - 1]);
	cli->db_flags |= LUP_DB_READONLY;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if ((rc = load_ref(cli, argv[2], &fw, &checkins, &latest)) < 0)
		return -rc;
	show(fw, checkins, latest);
	lup_framework_free(fw);
	return 0;
}

/* framework export REF [--format ini|moodle] [-o FILE] */
static int fw_export(struct lup_cli *cli, int argc, char **argv)
{
	const char *ref[2] = { NULL, NULL }, *format = "ini", *out = "-";
	const struct cli_opt opts[] = {
		{ "--format", NULL, &format, NULL, NULL },
		{ "--output", "-o", &out, NULL, NULL },
		{ NULL, NULL, NULL, NULL, NULL }
	};
	struct lup_framework *fw;
	lup_afile af;
	lup_err err;
	int rc, n;

	if ((n = cli_args("framework", argc, argv, 2, opts, ref, 2)) < 0)
		return LUP_EXIT_USAGE;
	if (n > 1)
		return cli_usage("framework", _("one framework at a time"));
	if (!ref[0])
		return cli_usage("framework", _("which framework? give its id"));
	if (strcmp(format, "ini") != 0 && strcmp(format, "moodle") != 0)
		return cli_usage("framework", _("--format is ini or moodle, not '%s'"), format);
	if (!*out)
		return cli_usage("framework", _("-o needs a file name"));
	cli->db_flags |= LUP_DB_NOCHECK | LUP_DB_READONLY;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if ((rc = load_ref(cli, ref[0], &fw, NULL, NULL)) < 0)
		return -rc;
	if (lup_afile_open(&af, out, 0644, &err) < 0 ||
	    ((strcmp(format, "ini") == 0 ? lup_framework_write_ini(fw, af.fp, &err)
	                                 : lup_framework_write_moodle(fw, af.fp, &err)) < 0 &&
	     (lup_afile_abort(&af), 1)) ||
	    lup_afile_commit(&af, &err) < 0) {
		cli_error("framework export: %s", err.msg);
		lup_framework_free(fw);
		return LUP_EXIT_FAIL;
	}
	if (strcmp(out, "-") != 0)
		fprintf(stderr, _("lup: framework export: %s revision %d written to %s\n"), fw->ident, fw->revision, out);
	lup_framework_free(fw);
	return 0;
}

/* framework diff A [B]: from A to B, or from A's previous revision to A. */
static int fw_diff(struct lup_cli *cli, int argc, char **argv)
{
	struct lup_framework *a = NULL, *b = NULL;
	struct lup_fw_diff d;
	char prev[LUP_UUID_LEN + 1], line[1400];
	lup_err err;
	int rc;

	if (argc < 3 || argc > 4)
		return cli_usage("framework", argc < 3 ? _("which revisions? e.g. framework diff ID@1 ID@2")
		                                       : _("unexpected argument %s"), argv[argc - 1]);
	cli->db_flags |= LUP_DB_NOCHECK | LUP_DB_READONLY;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (argc == 4) {
		if ((rc = load_ref(cli, argv[2], &a, NULL, NULL)) < 0 ||
		    (rc = load_ref(cli, argv[3], &b, NULL, NULL)) < 0) {
			lup_framework_free(a);
			return -rc;
		}
	} else {
		if ((rc = load_ref(cli, argv[2], &b, NULL, NULL)) < 0)
			return -rc;
		if (lup_framework_previous(cli->db, b->id, prev, &err) < 0 ||
		    lup_framework_load(cli->db, prev, &a, &err) < 0) {
			cli_error("framework diff: %s@%d: %s", b->ident, b->revision, err.msg);
			lup_framework_free(b);
			return LUP_EXIT_FAIL;
		}
	}
	if (strcmp(a->ident, b->ident) != 0)
		fprintf(stderr, _("lup: framework diff: %s and %s are different frameworks: competences are "
		                  "compared by identity, which they do not share\n"), a->ident, b->ident);
	if (lup_framework_diff(a, b, &d, &err) < 0) {
		cli_error("framework diff: %s", err.msg);
		rc = LUP_EXIT_FAIL;
	} else {
		printf(ngettext("%s@%d → %s@%d: %zu change\n", "%s@%d → %s@%d: %zu changes\n", (unsigned long)d.n),
		       a->ident, a->revision, b->ident, b->revision, d.n);
		for (size_t i = 0; i < d.n; i++) {
			lup_fw_change_text(&d.c[i], line, sizeof line);
			printf("  %s\n", line);
		}
		lup_fw_diff_clear(&d);
		rc = 0;
	}
	lup_framework_free(a);
	lup_framework_free(b);
	return rc;
}

int cmd_framework(struct lup_cli *cli, int argc, char **argv)
{
	static const struct { const char *name; int (*run)(struct lup_cli *, int, char **); } subs[] = {
		{ "list", fw_list }, { "import", fw_import }, { "show", fw_show },
		{ "export", fw_export }, { "diff", fw_diff },
	};
	if (argc < 2)
		return cli_usage("framework", _("what to do? list, import, show, export or diff"));
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(cli, argc, argv);
	return cli_usage("framework", _("no subcommand '%s': list, import, show, export or diff"), argv[1]);
}
