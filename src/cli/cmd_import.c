/* cmd_import.c — lup import people FILE. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "lup/i18n.h"
#include "lup/import.h"

static int delimiter_of(const char *s, char *out)
{
	static const struct { const char *name; char c; } names[] = {
		{ "tab", '\t' }, { "\\t", '\t' }, { "semicolon", ';' }, { "semikolon", ';' },
		{ "comma", ',' }, { "komma", ',' },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].c;
			return 0;
		}
	if (strlen(s) == 1 && s[0] != '"' && s[0] != '\n' && s[0] != '\r') {
		*out = s[0];
		return 0;
	}
	return -1;
}

static const char *action_name(enum lup_import_action a)
{
	switch (a) {
	case LUP_IMPORT_ADD: return C_("import action", "add");
	case LUP_IMPORT_UPDATE: return C_("import action", "update");
	case LUP_IMPORT_UNCHANGED: return C_("import action", "unchanged");
	default: return C_("import action", "refuse");
	}
}

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
		int w = cli_width(action_name((enum lup_import_action)a));
		aw = w > aw ? w : aw;
	}
	for (size_t i = 0; i < lup_import_nrows(im); i++) {
		const struct lup_import_row *r = lup_import_row(im, i);
		const char *name = r->value[LUP_IMP_NAME], *mail = r->value[LUP_IMP_EMAIL];
		cli_pad(stdout, action_name(r->action), aw);
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

int cmd_import(struct lup_cli *cli, int argc, char **argv)
{
	struct lup_import_opts o;
	struct lup_import_counts c;
	const char *file = NULL, **maps;
	int dry = 0, rc, nmap = 0;
	lup_import *im = NULL;
	lup_err err;

	memset(&o, 0, sizeof o);
	if (argc < 2)
		return cli_usage("import", _("what to import? (people)"));
	if (strcmp(argv[1], "people") != 0)
		return cli_usage("import", _("lup imports people, not '%s'"), argv[1]);
	if (!(maps = calloc((size_t)argc, sizeof *maps))) {
		cli_error("import: %s", _("out of memory"));
		return LUP_EXIT_FAIL;
	}
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		if (strcmp(a, "--dry-run") == 0 || strcmp(a, "-n") == 0) {
			dry = 1;
		} else if (strcmp(a, "--delimiter") == 0 || strcmp(a, "--encoding") == 0 ||
		           strcmp(a, "--map") == 0 || strcmp(a, "-d") == 0) {
			if (i + 1 >= argc) {
				free(maps);
				return cli_usage("import", _("%s needs a value"), a);
			}
			v = argv[++i];
		} else if (strncmp(a, "--delimiter=", 12) == 0 || strncmp(a, "--encoding=", 11) == 0 ||
		           strncmp(a, "--map=", 6) == 0) {
			v = strchr(a, '=') + 1;
		} else if (a[0] == '-' && a[1] != '\0') {
			free(maps);
			return cli_usage("import", _("unknown option %s"), a);
		} else if (!file) {
			file = a;
			continue;
		} else {
			free(maps);
			return cli_usage("import", _("one file at a time"));
		}
		if (!v)
			continue;
		if (strncmp(a, "--delimiter", 11) == 0 || strcmp(a, "-d") == 0) {
			if (delimiter_of(v, &o.delimiter) < 0) {
				free(maps);
				return cli_usage("import", _("--delimiter takes one character, or tab, "
				                             "semicolon or comma, not '%s'"), v);
			}
		} else if (strncmp(a, "--encoding", 10) == 0) {
			o.encoding = v;
		} else {
			const char *eq = strrchr(v, '=');
			if (!eq || eq == v || lup_import_field_parse(eq + 1) < 0) {
				free(maps);
				return cli_usage("import", _("--map takes COLUMN=FIELD, FIELD one of name, "
				                             "first_name, last_name, email, phone, unit, role, "
				                             "manager, employee_no, active, id, ignore; not '%s'"), v);
			}
			maps[nmap++] = v;
		}
	}
	if (!file) {
		free(maps);
		return cli_usage("import", _("which file? (- reads standard input)"));
	}
	o.map = maps;
	o.nmap = nmap;
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
		lup_buf_free(&ign);
	}
	if ((rc = cli_open_db(cli, 1))) {
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
		lup_buf_free(&b);
	}
	lup_import_free(im);
	return 0;
}
