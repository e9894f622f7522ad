/* cmd_sync.c — lup sync … and lup conflicts …: merging laptops. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "lup/i18n.h"
#include "lup/sync.h"

/* --key FILE, wherever it stands; the rest of argv is kept in order. */
static const char *take_key(int *argc, char **argv)
{
	const char *key = NULL;
	int k = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--key") == 0 && i + 1 < *argc)
			key = argv[++i];
		else if (strncmp(argv[i], "--key=", 6) == 0)
			key = argv[i] + 6;
		else
			argv[k++] = argv[i];
	}
	*argc = k;
	return key;
}

static int load_key(const char *opt, lup_sync_key *key)
{
	char path[4096];
	lup_err err;
	lup_sync_key_path(opt, path, sizeof path);
	if (lup_sync_key_load(path, key, &err) < 0) {
		cli_error("sync: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	return 0;
}

static void short_id(const char *id, char out[9])
{
	snprintf(out, 9, "%.8s", id);
}

static int sync_init(struct lup_cli *cli, int argc, char **argv, const char *keyopt)
{
	const char *name = NULL;
	int force = 0, renew = 0, rc, made = 0;
	char path[4096];
	lup_sync_key key;
	lup_err err;
	struct lup_sync_self self;
	struct stat sb;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			name = argv[++i];
		else if (strncmp(argv[i], "--name=", 7) == 0)
			name = argv[i] + 7;
		else if (strcmp(argv[i], "--force") == 0)
			force = 1;
		else if (strcmp(argv[i], "--new-id") == 0)
			renew = 1;
		else
			return cli_usage("sync", _("unexpected argument %s"), argv[i]);
	}
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	lup_sync_key_path(NULL, path, sizeof path);
	if (keyopt && strcmp(keyopt, path) != 0) {
		/* A colleague's key: copied to this laptop's place for it. */
		if (lup_sync_key_install(keyopt, path, &key, &err) < 0) {
			cli_error("sync init: %s", err.msg);
			return LUP_EXIT_FAIL;
		}
	} else if (stat(path, &sb) == 0) {
		if (lup_sync_key_load(path, &key, &err) < 0) {
			cli_error("sync init: %s", err.msg);
			return LUP_EXIT_FAIL;
		}
	} else {
		if (lup_sync_key_create(path, &key, &err) < 0) {
			cli_error("sync init: %s", err.msg);
			return LUP_EXIT_FAIL;
		}
		made = 1;
	}
	if (lup_sync_init(cli->db, &key, name, force, renew, &err) < 0 ||
	    lup_sync_self_get(cli->db, &self, &err) < 0) {
		cli_error("sync init: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	printf(_("This laptop: %s (device %.8s), team %s\n"), self.name, self.device, self.team);
	if (made)
		printf(_("A new team key is at %s.  Copy it once to each colleague's laptop, with a copy of "
		         "this database; there, run: lup sync init --key FILE\n"), key.path);
	else
		printf(_("Team key: %s\n"), key.path);
	return 0;
}

static void print_result(const struct lup_sync_result *r)
{
	printf(ngettext("%ld change read, ", "%ld changes read, ", (unsigned long)r->entries), r->entries);
	printf(ngettext("%ld new, ", "%ld new, ", (unsigned long)r->added), r->added);
	printf(ngettext("%ld applied", "%ld applied", (unsigned long)r->applied), r->applied);
	if (r->replayed)
		printf(ngettext(" (%ld applied again in order)", " (%ld applied again in order)",
		                (unsigned long)r->replayed), r->replayed);
	if (r->held)
		printf(ngettext(", %ld held back until an earlier one comes",
		                ", %ld held back until earlier ones come", (unsigned long)r->held), r->held);
	putchar('\n');
	if (r->conflicts)
		printf(ngettext("%ld open conflict: see lup conflicts\n",
		                "%ld open conflicts: see lup conflicts\n", (unsigned long)r->conflicts), r->conflicts);
}

static int sync_apply(struct lup_cli *cli, int argc, char **argv, const char *keyopt)
{
	lup_sync_key key;
	lup_sync_file **files;
	struct lup_sync_result r;
	lup_err err;
	int rc, n = 0, bad = 0;

	if (argc < 2)
		return cli_usage("sync", _("apply: which files? give one or more"));
	if ((rc = load_key(keyopt, &key)) || (rc = cli_open_db(cli, 0)))
		return rc;
	if (!(files = calloc((size_t)argc, sizeof *files))) {
		cli_error("sync apply: %s", lup_err_oom_text());
		return LUP_EXIT_FAIL;
	}
	/* Every file is checked before anything is applied. */
	for (int i = 1; i < argc; i++) {
		if (lup_sync_file_read(argv[i], &key, &files[n], &err) < 0) {
			cli_error("sync apply: %s: %s", argv[i], err.msg);
			bad++;
			continue;
		}
		n++;
	}
	if (bad) {
		cli_error(ngettext("sync apply: %d file refused; nothing was applied",
		                   "sync apply: %d files refused; nothing was applied", (unsigned long)bad), bad);
		rc = LUP_EXIT_FAIL;
		goto out;
	}
	memset(&r, 0, sizeof r);
	if (lup_sync_apply(cli->db, &key, files, (size_t)n, &r, &err) < 0) {
		cli_error("sync apply: %s", err.msg);
		rc = LUP_EXIT_FAIL;
		goto out;
	}
	print_result(&r);
	rc = 0;
out:
	for (int i = 0; i < n; i++)
		lup_sync_file_free(files[i]);
	free(files);
	return rc;
}

static int sync_export(struct lup_cli *cli, int argc, char **argv, const char *keyopt)
{
	enum lup_sync_export_what what = LUP_SYNC_NEW;
	const char *out = NULL, *forfile = NULL;
	lup_sync_file *peer = NULL;
	lup_sync_key key;
	lup_err err;
	long n = 0;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--all") == 0)
			what = LUP_SYNC_ALL;
		else if (strcmp(argv[i], "--for") == 0 && i + 1 < argc)
			forfile = argv[++i], what = LUP_SYNC_FOR;
		else
			return cli_usage("sync", _("unexpected argument %s"), argv[i]);
	}
	if (!out)
		return cli_usage("sync", _("export: where to? give -o FILE"));
	if ((rc = load_key(keyopt, &key)) || (rc = cli_open_db(cli, 0)))
		return rc;
	if (forfile && lup_sync_file_read(forfile, &key, &peer, &err) < 0) {
		cli_error("sync export: %s: %s", forfile, err.msg);
		return LUP_EXIT_FAIL;
	}
	rc = lup_sync_export(cli->db, &key, what, peer, out, &n, &err);
	lup_sync_file_free(peer);
	if (rc < 0) {
		cli_error("sync export: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	fprintf(stderr, ngettext("lup: sync export: %ld change written to %s\n",
	                         "lup: sync export: %ld changes written to %s\n", (unsigned long)n), n, out);
	return 0;
}

static int sync_verify(struct lup_cli *cli, int argc, char **argv, const char *keyopt)
{
	lup_sync_key key;
	lup_sync_file *f;
	struct lup_sync_file_info in;
	lup_err err;
	char when[17];
	int rc;
	(void)cli;
	if (argc != 2)
		return cli_usage("sync", _("verify: give one file"));
	if ((rc = load_key(keyopt, &key)))
		return rc;
	if (lup_sync_file_read(argv[1], &key, &f, &err) < 0) {
		cli_error("sync verify: %s: %s", argv[1], err.msg);
		return LUP_EXIT_FAIL;
	}
	lup_sync_file_info(f, &in);
	lup_sync_hlc_text(in.hlc, when);
	printf(_("%s: signed by team %s; format %d, schema %d\n"), argv[1], in.team, in.format, in.schema);
	printf(_("Written by %s (device %.8s) at %s UTC\n"), in.name[0] ? in.name : "?", in.device, when);
	printf(ngettext("%ld change ", "%ld changes ", (unsigned long)in.entries), in.entries);
	printf(ngettext("from %d laptop\n", "from %d laptops\n", (unsigned long)in.origins), in.origins);
	lup_sync_file_free(f);
	return 0;
}

static void print_bad(void *ud, const char *file, const char *why)
{
	(void)ud;
	cli_error(_("sync: %s refused: %s"), file, why);
}

static int sync_dir(struct lup_cli *cli, int argc, char **argv, const char *keyopt)
{
	lup_sync_key key;
	struct lup_sync_result r;
	lup_err err;
	int rc;
	if (argc != 1)
		return cli_usage("sync", _("one folder at a time"));
	if ((rc = load_key(keyopt, &key)) || (rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_sync_dir(cli->db, &key, argv[0], &r, print_bad, NULL, &err) < 0) {
		cli_error("sync: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	print_result(&r);
	if (r.written)
		printf(ngettext("%ld change left in %s\n", "%ld changes left in %s\n", (unsigned long)r.written),
		       r.written, r.wrote);
	return r.refused ? LUP_EXIT_FAIL : 0;
}

static int sync_status(struct lup_cli *cli, int argc, char **argv)
{
	struct lup_sync_self self;
	struct lup_sync_peer *peers = NULL;
	long held = 0, conflicts = 0;
	lup_err err;
	char when[17], id[9];
	int n = 0, rc;
	(void)argv;
	if (argc > 1)
		return cli_usage("sync", _("unexpected argument %s"), argv[1]);
	cli->db_flags |= LUP_DB_NOCHECK;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_sync_self_get(cli->db, &self, &err) < 0 ||
	    lup_sync_status(cli->db, &peers, &n, &held, &conflicts, &err) < 0) {
		cli_error("sync status: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	short_id(self.device, id);
	cli_field(stdout, 16, _("This laptop"), " %s (%s)\n", self.name[0] ? self.name : "—", id);
	cli_field(stdout, 16, _("Team"), " %s\n", self.team[0] ? self.team : _("none yet: run lup sync init"));
	cli_field(stdout, 16, _("Changes"), " ");
	printf(ngettext("%lld made here; ", "%lld made here; ", (unsigned long)self.seq), self.seq);
	printf(ngettext("%lld in the log (%.1f MiB)\n", "%lld in the log (%.1f MiB)\n", (unsigned long)self.log),
	       self.log, (double)self.log_bytes / 1048576.0);
	lup_sync_hlc_text(self.hlc, when);
	cli_field(stdout, 16, _("Clock"), " %s UTC\n", self.hlc ? when : "—");
	if (self.renewed)
		cli_field(stdout, 16, "", " %s\n", _("(this file is a copy: it was given its own device id when opened)"));
	printf("%s\n", _("Other laptops"));
	if (!n)
		printf("  %s\n", _("none heard of yet"));
	for (int i = 0; i < n; i++) {
		struct lup_sync_peer *p = &peers[i];
		short_id(p->device, id);
		fputs("  ", stdout);
		cli_field(stdout, 20, p->name[0] ? p->name : "—", " %s  ", id);
		printf(ngettext("%lld of its changes here", "%lld of its changes here", (unsigned long)p->applied),
		       p->applied);
		if (p->heard_hlc) {
			lup_sync_hlc_text(p->heard_hlc, when);
			printf("; ");
			if (p->has_all)
				printf(_("had all of this laptop's changes on %s"), when);
			else
				printf(_("had %lld of this laptop's changes on %s"), p->acked, when);
		}
		if (p->held)
			printf(ngettext("; %ld held back", "; %ld held back", (unsigned long)p->held), p->held);
		putchar('\n');
	}
	cli_field(stdout, 16, _("Held back"), " ");
	if (held)
		printf(ngettext("%ld change waits for an earlier one that has not come\n",
		                "%ld changes wait for earlier ones that have not come\n", (unsigned long)held), held);
	else
		printf("%s\n", _("none"));
	cli_field(stdout, 16, _("Conflicts"), " ");
	if (conflicts)
		printf(ngettext("%ld open: lup conflicts\n", "%ld open: lup conflicts\n", (unsigned long)conflicts),
		       conflicts);
	else
		printf("%s\n", _("none"));
	free(peers);
	return 0;
}

static int sync_hash(struct lup_cli *cli, int argc, char **argv)
{
	char hex[65];
	lup_err err;
	int rc;
	if (argc > 1)
		return cli_usage("sync", _("unexpected argument %s"), argv[1]);
	cli->db_flags |= LUP_DB_NOCHECK;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (lup_sync_hash(cli->db, hex, &err) < 0) {
		cli_error("sync hash: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	printf("%s\n", hex);
	return 0;
}

int cmd_sync(struct lup_cli *cli, int argc, char **argv)
{
	const char *keyopt = take_key(&argc, argv);
	const char *verb = argc > 1 ? argv[1] : NULL;
	if (!verb)
		return cli_usage("sync", _("what? init, status, export, apply, verify, hash, or a folder"));
	if (strcmp(verb, "init") == 0)
		return sync_init(cli, argc - 1, argv + 1, keyopt);
	if (strcmp(verb, "status") == 0)
		return sync_status(cli, argc - 1, argv + 1);
	if (strcmp(verb, "export") == 0)
		return sync_export(cli, argc - 1, argv + 1, keyopt);
	if (strcmp(verb, "apply") == 0)
		return sync_apply(cli, argc - 1, argv + 1, keyopt);
	if (strcmp(verb, "verify") == 0)
		return sync_verify(cli, argc - 1, argv + 1, keyopt);
	if (strcmp(verb, "hash") == 0)
		return sync_hash(cli, argc - 1, argv + 1);
	if (verb[0] == '-')
		return cli_usage("sync", _("unexpected argument %s"), verb);
	return sync_dir(cli, argc - 1, argv + 1, keyopt);
}

/* ---- lup conflicts ---- */

static const char *shown(const char *s)
{
	return s && *s ? s : "—";
}

/* An answer's keyword (sync_resolution.how) in words. */
static const char *answer_word(const char *how)
{
	if (strcmp(how, "kept") == 0)
		return _("kept");
	if (strcmp(how, "took") == 0)
		return _("taken back");
	if (strcmp(how, "typed") == 0)
		return _("typed");
	if (strcmp(how, "restored") == 0)
		return _("put back");
	return how;
}

static void print_conflict_line(const struct lup_conflict *c)
{
	char when[17];
	lup_sync_hlc_text(c->hlc, when);
	printf("%.8s  %s  ", c->id, when);
	cli_field(stdout, 16, lup_conflict_table_label(c->table), "  %s", c->what);
	if (c->column[0])
		printf(" — %s", lup_conflict_column_label(c->table, c->column));
	if (c->resolved[0])
		printf("  [%s]", answer_word(c->resolved));
	putchar('\n');
}

static int conflicts_show(struct lup_cli *cli, const char *ref)
{
	struct lup_conflict c;
	lup_err err;
	char when[17];
	if (lup_conflict_get(cli->db, ref, &c, &err) < 0) {
		cli_error("conflicts show: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	lup_sync_hlc_text(c.hlc, when);
	cli_field(stdout, 14, _("Conflict"), " %s\n", c.id);
	cli_field(stdout, 14, _("Record"), " %s: %s%s\n", lup_conflict_table_label(c.table), c.what,
	          c.gone ? _(" (no longer there)") : "");
	if (c.column[0])
		cli_field(stdout, 14, _("Field"), " %s\n", lup_conflict_column_label(c.table, c.column));
	cli_field(stdout, 14, _("Change from"), " %s (%.8s), %s UTC\n", shown(c.device_name), c.device, when);
	cli_field(stdout, 14, _("What happened"), " %s\n", lup_conflict_rule_text(&c));
	if (strcmp(c.kind, "row") == 0) {
		cli_field(stdout, 14, _("Set aside"), " %s\n", shown(c.lost));
	} else {
		cli_field(stdout, 14, _("Kept"), " %s\n", shown(c.kept));
		cli_field(stdout, 14, _("Set aside"), " %s\n", shown(c.lost));
		if (!c.gone)
			cli_field(stdout, 14, _("Now"), " %s\n", shown(c.now));
	}
	cli_field(stdout, 14, _("Answer"), " %s\n", c.resolved[0] ? answer_word(c.resolved) : _("open"));
	lup_conflict_clear(&c);
	return 0;
}

static int conflicts_resolve(struct lup_cli *cli, int argc, char **argv)
{
	enum lup_conflict_how how = LUP_CONFLICT_KEEP;
	const char *value = NULL, *ref = NULL;
	int picked = 0;
	struct lup_conflict c;
	lup_err err;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--keep") == 0)
			how = LUP_CONFLICT_KEEP, picked++;
		else if (strcmp(argv[i], "--take") == 0)
			how = LUP_CONFLICT_TAKE, picked++;
		else if (strcmp(argv[i], "--value") == 0 && i + 1 < argc)
			how = LUP_CONFLICT_TYPE, value = argv[++i], picked++;
		else if (argv[i][0] != '-' && !ref)
			ref = argv[i];
		else
			return cli_usage("conflicts", _("unexpected argument %s"), argv[i]);
	}
	if (!ref || picked != 1)
		return cli_usage("conflicts", _("resolve: give an id and one of --keep, --take, --value TEXT"));
	if (lup_conflict_get(cli->db, ref, &c, &err) < 0 ||
	    lup_conflict_resolve(cli->db, c.id, how, value, &err) < 0) {
		lup_conflict_clear(&c);
		cli_error("conflicts resolve: %s", err.msg);
		return LUP_EXIT_FAIL;
	}
	fprintf(stderr, _("lup: conflicts: %.8s resolved (%s); the answer travels with the next sync\n"),
	        c.id, how == LUP_CONFLICT_KEEP ? _("kept") : how == LUP_CONFLICT_TAKE ? _("taken back")
	                                                : _("typed"));
	lup_conflict_clear(&c);
	return 0;
}

int cmd_conflicts(struct lup_cli *cli, int argc, char **argv)
{
	const char *verb = argc > 1 ? argv[1] : "list";
	int rc;
	if ((rc = cli_open_db(cli, 0)))
		return rc;
	if (strcmp(verb, "list") == 0 || strcmp(verb, "--all") == 0) {
		struct lup_conflict *v;
		lup_err err;
		int all = 0, n;
		for (int i = 1; i < argc; i++) {
			if (strcmp(argv[i], "--all") == 0)
				all = 1;
			else if (strcmp(argv[i], "list") != 0 || i != 1)
				return cli_usage("conflicts", _("unexpected argument %s"), argv[i]);
		}
		if ((n = lup_conflict_list(cli->db, all, &v, &err)) < 0) {
			cli_error("conflicts: %s", err.msg);
			return LUP_EXIT_FAIL;
		}
		for (int i = 0; i < n; i++)
			print_conflict_line(&v[i]);
		if (n == 0)
			fprintf(stderr, "%s\n", all ? _("lup: conflicts: none") : _("lup: conflicts: none open"));
		lup_conflict_list_free(v, n);
		return 0;
	}
	if (strcmp(verb, "show") == 0) {
		if (argc != 3)
			return cli_usage("conflicts", _("show: give one id"));
		return conflicts_show(cli, argv[2]);
	}
	if (strcmp(verb, "resolve") == 0)
		return conflicts_resolve(cli, argc - 1, argv + 1);
	return cli_usage("conflicts", _("unexpected argument %s"), verb);
}
