/* cmd_import.c — lup import people FILE. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "lup/i18n.h"
#include "lup/import.h"

static void print_problems(const char *file, const lup_import *im)
{
	size_t total, n = lup_import_nproblems(im, &total);
	for (size_t i = 0; i < n; i++) {
		const struct lup_import_problem *p = lup_import_problem(im, i);
		if (p->column)
			cli_error("import: %s:%ld: %s: %s", file, p->line, p->column, p->why);
		else
			cli_error("import: %s:%ld: %s", file, p->line, p->why);
	}
	if (total > n)
		cli_error(ngettext("import: … and %zu more problem", "import: … and %zu more problems", total - n),
		          total - n);
}

/* One line per row: line breaks and tabs inside a field print as spaces. */
static void put_clean(const char *s)
{
	for (; *s; s++)
		putchar(*s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s);
}

static void print_preview(const lup_import *im)
{
	/* the action column as wide as its widest word, in this language */
	int aw = 0;
	for (int a = LUP_IMPORT_ADD; a <= LUP_IMPORT_REFUSE; a++) {
		int w = cli_width(lup_import_action_label((enum lup_import_action)a));
		aw = w > aw ? w : aw;
	}
	for (size_t i = 0; i < lup_import_nrows(im); i++) {
		const struct lup_import_row *r = lup_import_row(im, i);
		const char *name = r->value[LUP_IMP_NAME], *mail = r->value[LUP_IMP_EMAIL];
		cli_pad(stdout, lup_import_action_label(r->action), aw);
		printf(" %6ld  ", r->line);
		put_clean(name ? name : "—");
		if (mail) {
			fputs(" <", stdout);
			put_clean(mail);
			putchar('>');
		}
		if (r->action == LUP_IMPORT_REFUSE) {
			fputs("  (", stdout);
			if (r->column) {
				put_clean(r->column);
				fputs(": ", stdout);
			}
			put_clean(r->why);
			putchar(')');
		}
		putchar('\n');
	}
}

/* The options and the file of lup import people: 0, or the exit status. */
static int import_args(int argc, char **argv, struct lup_import_opts *o, const char **maps,
                       const char **file, int *dry)
{
	const char *delimiter = NULL;
	int nfile;
	const struct cli_opt opts[] = {
		{ "--dry-run", "-n", NULL, dry, NULL },
		{ "--delimiter", "-d", &delimiter, NULL, NULL },
		{ "--encoding", NULL, &o->encoding, NULL, NULL },
		{ "--map", NULL, maps, NULL, &o->nmap },
		{ NULL, NULL, NULL, NULL, NULL }
	};

	if ((nfile = cli_args("import", argc, argv, 2, opts, file, 1)) < 0)
		return LUP_EXIT_USAGE;
	if (nfile > 1)
		return cli_usage("import", _("one file at a time"));
	if (delimiter && lup_import_delimiter_parse(delimiter, &o->delimiter) < 0)
		return cli_usage("import", _("--delimiter takes one character, or tab, "
		                             "semicolon or comma, not '%s'"), delimiter);
	for (int i = 0; i < o->nmap; i++) {
		const char *eq = strrchr(maps[i], '=');
		if (!eq || eq == maps[i] || lup_import_field_parse(eq + 1) < 0)
			return cli_usage("import", _("--map takes COLUMN=FIELD, FIELD one of name, "
			                             "first_name, last_name, email, phone, unit, role, "
			                             "manager, employee_no, active, id, ignore; not '%s'"), maps[i]);
	}
	if (!*file)
		return cli_usage("import", _("which file? (- reads standard input)"));
	o->map = maps;
	return 0;
}

int cmd_import(struct lup_cli *cli, int argc, char **argv)
{
	struct lup_import_opts o;
	struct lup_import_counts c;
	const char *file = NULL, **maps;
	int dry = 0, rc;
	lup_import *im = NULL;
	lup_err err;

	memset(&o, 0, sizeof o);
	if (argc < 2)
		return cli_usage("import", _("what to import? (people)"));
	if (strcmp(argv[1], "people") != 0)
		return cli_usage("import", _("lup imports people, not '%s'"), argv[1]);
	if (!(maps = calloc((size_t)argc, sizeof *maps))) {
		cli_error("import: %s", lup_err_oom_text());
		return LUP_EXIT_FAIL;
	}
	if ((rc = import_args(argc, argv, &o, maps, &file, &dry))) {
		free(maps);
		return rc;
	}
	if (lup_import_read_file(file, &o, &im, &err) < 0) {
		cli_error("import: %s: %s", file, err.msg);
		free(maps);
		return LUP_EXIT_FAIL;
	}
	free(maps);
	{
		lup_buf ign = { 0 };
		for (int i = 0; i < lup_import_ncolumns(im); i++)
			if (lup_import_column_field(im, i) == LUP_IMP_IGNORE)
				lup_buf_printf(&ign, "%s%s", ign.len ? ", " : "", lup_import_column(im, i));
		if (ign.len)
			fprintf(stderr, _("lup: import: %s: ignoring the columns %s\n"), file, ign.s);
		lup_buf_clear(&ign);
	}
	if ((rc = cli_open_db(cli, 0))) {
		lup_import_free(im);
		return rc;
	}
	rc = lup_import_run(cli->db, im, dry, &c, &err);
	if (dry)
		print_preview(im);
	if (rc < 0) {
		print_problems(file, im);
		cli_error("import: %s: %s", file, err.msg);
		lup_import_free(im);
		return LUP_EXIT_FAIL;
	}
	{
		lup_buf b = { 0 };
		if (dry) {
			cli_count(&b, ngettext("%ld would be added", "%ld would be added", (unsigned long)c.added),
			          c.added);
			cli_count(&b, ngettext("%ld would be updated", "%ld would be updated", (unsigned long)c.updated),
			          c.updated);
		} else {
			cli_count(&b, ngettext("%ld added", "%ld added", (unsigned long)c.added), c.added);
			cli_count(&b, ngettext("%ld updated", "%ld updated", (unsigned long)c.updated), c.updated);
		}
		cli_count(&b, ngettext("%ld left unchanged", "%ld left unchanged", (unsigned long)c.unchanged),
		          c.unchanged);
		if (dry)
			fprintf(stderr, _("lup: import: %s: %s (a dry run: nothing was stored)\n"), file, b.s);
		else
			fprintf(stderr, _("lup: import: %s: %s\n"), file, b.s);
		lup_buf_clear(&b);
	}
	lup_import_free(im);
	return 0;
}
