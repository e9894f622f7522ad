/* main.c — lup's command line: global options, then a subcommand. */
#include <errno.h>
#include <locale.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "lup/doc.h"
#include "lup/i18n.h"
#include "lup/paths.h"
#include "lup/safeio.h"
#include "tui/tui.h"

static const struct lup_cmd commands[] = {
	{ "init", cmd_init, "",
	  N_("create an empty database"),
	  N_("Create the database file (mode 0600, in a folder of mode 0700) with the "
	     "current schema. An existing lup database is left as it is.") },
	{ "demo", cmd_demo, N_("[--people N] [--today YYYY-MM-DD]"),
	  N_("fill a new database with a demonstration programme"),
	  N_("Fill an empty database with a realistic, deterministic programme: three blocks, "
	     "two pilot cohorts and roll-out cohorts reaching 300 managers (or N people), "
	     "sessions, study visits, host organisations, placements and check-ins. It is placed "
	     "around today (or the --today date): cohorts done, running, open for enrolment and "
	     "planned, in numbers that depend on N alone.") },
	{ "check", cmd_check, "[--repair]",
	  N_("check the database for damage and broken rules"),
	  N_("Run SQLite's integrity and foreign-key checks and lup's own rules. "
	     "Lists every problem and exits 1 if there is any. With --repair, first make again "
	     "what lup keeps for itself from the programme's rows (the Due list's copy of each "
	     "person) where it is out of date.") },
	{ "backup", cmd_backup, N_("FILE"),
	  N_("write a consistent copy of the database"),
	  N_("Copy the database with SQLite's online backup API into a temporary file, "
	     "sync it to disk, then rename it to FILE.") },
	{ "export", cmd_export, N_("TABLE [--format csv|json] [--excel] [--lang sv|en] [-o FILE] | ics [--cohort REF | --person REF] [--invite | --cancel] [--utc] [-o FILE]"),
	  N_("write a table as CSV or JSON"),
	  N_("Write people, cohorts, sessions, enrolments, attendance, hosts, placements, "
	     "checkins or ratings as CSV (RFC 4180, UTF-8, CRLF line ends) or, with --format json, "
	     "as a JSON array of objects. Names stand beside ids (an enrolment has the person's "
	     "name and e-mail and the cohort's name). --excel writes the CSV as Swedish Excel "
	     "reads it: a byte-order mark and semicolons, and under a Swedish locale (or with --lang sv) "
	     "a header row in Swedish (Namn, E-post, …), which lup import reads too. The file is written to a temporary "
	     "file and renamed into place; standard output unless -o FILE. An export of people "
	     "imports again unchanged. export ics: write the sessions as iCalendar (RFC 5545) for "
	     "calendar programs: all of them, a cohort's (REF: its name, in any case and with or without "
	     "accents, the start of a name only one has, or an id prefix) or those of the cohorts a "
	     "person is enrolled in (REF: a name as for a cohort, e-mail, employee number or id prefix). Times "
	     "are in Europe/Stockholm with its time zone, or in UTC with --utc. Each session keeps "
	     "its UID across exports and its SEQUENCE rises when it changes, so importing again "
	     "updates events instead of duplicating them. --invite writes meeting invitations (RFC 5546 "
	     "METHOD:REQUEST) that Outlook and Thunderbird accept: the organiser from [documents] organiser "
	     "and an attendee for each participant with an e-mail address (with --person, only them); send "
	     "the file again after a change and the meetings move. --cancel writes the cancellations "
	     "(METHOD:CANCEL) of the sessions deleted since.") },
	{ "framework", cmd_framework, N_("list [--all] | import [--dry-run] FILE... | show REF | "
	  "export REF [--format ini|moodle] [-o FILE] | diff REF [REF]"),
	  N_("list, import, show, export and compare competence frameworks"),
	  N_("list: the imported frameworks, the latest revision of each (--all: every revision). "
	     "import: read framework files (see lup-framework(5)) and store each as a new revision, "
	     "or report it unchanged; first it lists what the new revision changes (competences "
	     "added, retired, renamed or replaced, level names, targets, roles no one has). Every "
	     "problem of every file is listed, each as file:line: [section] key: why, and then "
	     "nothing is stored: the files are stored all together or not at all. --dry-run lists "
	     "and stores nothing. show: a revision's levels, areas, competences, the targets in "
	     "force (for an older revision, those when the next replaced it) and how many check-ins "
	     "use it. export: a revision as a framework file that imports again to the same content "
	     "(--format moodle: a Moodle competency framework CSV). diff: what changed from one "
	     "revision to another, or to REF from its previous revision. REF is an id (its latest "
	     "revision), ID@REVISION, a framework's name (in any case, with or without accents, or its "
	     "start when only one has it), or 6+ characters of a revision's uuid.") },
	{ "target", cmd_target, N_("list|set|unset|history (--role ROLE | --person REF) [--framework ID] "
	  "[CODE=LEVEL... | CODE...] | roles [--framework ID]"),
	  N_("show and set target levels for a role or one person"),
	  N_("list: the competences of a framework with the target in force for a role, or for a "
	     "person their role's and their own. set CODE=LEVEL…: set targets (all or none); a "
	     "person's own target wins over their role's. unset CODE…: end them. history: every "
	     "target set, with when it was in force and its revision. roles: the roles with targets "
	     "and how many people have each (none: a misspelling?). Roles match people's roles "
	     "ignoring case and accents. The framework is the one the role or person is assessed "
	     "on ([frameworks] in lup.ini, else [competence] framework) unless --framework says.") },
	{ "import", cmd_import, N_("people FILE [--dry-run] [--delimiter C] [--encoding NAME] [--map COLUMN=FIELD]…"),
	  N_("import people from a CSV file, all or nothing"),
	  N_("Read people from a CSV file (comma, semicolon or tab; UTF-8 or Windows-1252, "
	     "found by themselves unless given) whose header names the columns in Swedish or "
	     "English: Namn/Name (or Förnamn and Efternamn), E-post/Email, Telefon/Phone, "
	     "Enhet/Unit, Roll/Role/Titel, Chef/Manager (the manager's e-mail or employee "
	     "number), Anställningsnummer/Employee number; --map COLUMN=FIELD names others. "
	     "A row updates the person with its employee number, else its e-mail, and adds "
	     "anyone new. Every row is checked first: if any is refused, each one is listed "
	     "with its line, column and reason, and nothing is stored. --dry-run lists what "
	     "would be added, updated and refused.") },
	{ "person", cmd_person, N_("show|export|profile|erase REF [--yes] [-o FILE]"),
	  N_("show, export or erase everything about one person"),
	  N_("show prints a person's record and a summary. export writes everything lup holds "
	     "on them as one JSON document (for a request of access or portability). profile "
	     "writes their competence profile for a development talk as one HTML page: their "
	     "levels now with what each means, against the targets that apply, their comments, "
	     "and each final check-in with the targets of its time and its framework revision. erase "
	     "removes them and everything about them: enrolments, attendance, placements and "
	     "their log, check-ins and ratings, log entries, targets; where others' records name "
	     "them (as manager or assessor) the reference is removed. The database is then "
	     "rebuilt and its WAL emptied so that no copy remains. erase asks first unless --yes, "
	     "and without a terminal refuses to go on without --yes. REF is a name (in any case, with "
	     "or without accents, or its start when only one person has it), an e-mail address, "
	     "an employee number or an id prefix of 6 or more characters.") },
	{ "purge", cmd_purge, N_("[--dry-run]"),
	  N_("erase the people the retention rule says to"),
	  N_("With [privacy] retention_years = N above 0, erase (as person erase does) everyone whose "
	     "every enrolment ended, by its own end date or else its cohort's, more than N years ago, "
	     "and who has no placement, check-in or log entry since. People never enrolled are kept. "
	     "--dry-run lists them and erases nothing.") },
	{ "print", cmd_print, N_("sheet|certificate|agreement|attendance-certificate|participants REF [--person REF] [--lang LANG] [-o FILE]"),
	  N_("write a sign-in sheet, certificates, an agreement or a participant list as PDF"),
	  N_("Write a document as an A4 PDF: sheet, a session's sign-in sheet (REF: a session's id "
	     "prefix, or COHORT@YYYY-MM-DD for the cohort's session that day, with \" HH:MM\" when "
	     "it has several); certificate, a certificate for each participant who completed a cohort, "
	     "one a page (--person REF: only theirs); participants, a cohort's participant list; "
	     "agreement, a placement's job-shadowing agreement (REF: a placement's id prefix, or a person "
	     "with one placement); attendance-certificate, the placement's certificate of attendance for "
	     "the host to sign. The wording comes from templates an organisation can change "
	     "(lup-documents(5)); the organisation's name, logo and signatory from [documents] in "
	     "lup.ini. The language is the locale's, or --lang sv or en. The file goes to the "
	     "documents folder ([documents] folder, else the XDG documents folder) under a name made "
	     "from the template, or to -o FILE (- for standard output), written whole or not at all.") },
	{ "report", cmd_report, N_("[--format text|md|html] [--as-of DATE] [--wide] [-o FILE]"),
	  N_("write the programme's progress for its steering group"),
	  N_("Participants reached and completed against the target, by cohort and by block; "
	     "attendance rates (present and late of those recorded; excused absences apart); "
	     "placements by status and by country; the change in self-assessed competence by "
	     "area between each person's first and latest final self-assessment; overdue "
	     "check-ins. As text, Markdown, or one self-contained HTML file with bar charts "
	     "that prints well. --as-of describes another day than today. Text fits the "
	     "terminal's width, or 80 columns when it goes to a file or a pipe; --wide makes "
	     "it 120.") },
	{ "sync", cmd_sync, N_("init [--name NAME] [--key FILE] [--new-id] [--force] | status | DIR | export -o FILE [--all | --for FILE] | apply FILE... | verify FILE | hash"),
	  N_("merge this laptop's work with the team's"),
	  N_("init: join this database to a team and name this laptop; the first time it makes the "
	     "team key (a file, mode 0600) to copy once to each colleague's laptop, where --key FILE "
	     "takes it in. DIR: a folder the team shares (a USB stick, a network share, a folder "
	     "Syncthing or Nextcloud keeps in step): apply every colleague's new changes found there, "
	     "then leave this laptop's. status: this laptop, what each other laptop has acknowledged, "
	     "changes held back and open conflicts. export: write the changes others may lack (all of "
	     "them with --all; those the laptop that wrote FILE lacks with --for FILE) to one signed "
	     "file; apply: take in such files, all at once or nothing. verify: check a file's "
	     "signature and say what it holds. hash: a digest of the programme, equal on laptops that "
	     "have the same changes. A copied database file gets a device id of its own. Never share "
	     "the live database file itself. See lup-sync(1).") },
	{ "conflicts", cmd_conflicts, N_("[list [--all] | show ID | resolve ID --keep | --take | --value TEXT]"),
	  N_("list and settle what merging laptops set aside"),
	  N_("When two laptops changed the same thing, a fixed rule decides and the value it set aside "
	     "is kept here. list: the open conflicts (--all: settled ones too). show: both sides. "
	     "resolve: keep what the rule kept, take back what it set aside (a whole record is put "
	     "back), or type a value. The answer is an ordinary change: it travels to the other "
	     "laptops. ID is 6 or more characters of a conflict's id.") },
	{ "round", cmd_round, N_("list | start (--unit UNIT | --role ROLE | --cohort REF | --everyone) "
	  "[--kind self|manager|validation] [--date DATE] [--name NAME] [--all] [--invite FILE] | "
	  "show ROUND | invite ROUND [--pending] [-o FILE] | delete ROUND"),
	  N_("ask a group of people to check in at once"),
	  N_("start: a round of check-ins for a unit, a role, a cohort or everyone: a draft check-in "
	     "(of --kind, self-assessment unless said) for each person the Due list shows there "
	     "(--all: everyone there), on the framework their role is assessed on; a person's open "
	     "draft of that kind joins the round instead. --invite FILE writes the list of whom to "
	     "invite. list: the rounds with their progress (done: a final check-in). show: its "
	     "people. invite: the list of whom to invite as CSV (name, email, unit, role); "
	     "--pending only those not done, for a reminder. delete: remove a round and its drafts "
	     "that nothing was rated in. ROUND is a round's name or an id prefix.") },
	{ "help", cmd_help, N_("[COMMAND]"),
	  N_("describe a command"),
	  N_("Without a command, list the commands; with one, describe it.") },
};

const struct lup_cmd *cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("lup: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* "NAME SYNOPSIS" with the synopsis's placeholders in the user's language
 * (lup init has none, and no space after its name). */
static const char *synopsis(const struct lup_cmd *c)
{
	static char buf[512];
	if (c->synopsis[0])
		snprintf(buf, sizeof buf, "%s %s", c->name, _(c->synopsis));
	else
		snprintf(buf, sizeof buf, "%s", c->name);
	return buf;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	const struct lup_cmd *c = cmd ? cli_find(cmd) : NULL;
	va_list ap;
	fputs("lup: ", stderr);
	if (cmd)
		fprintf(stderr, "%s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c)
		fprintf(stderr, _("usage: lup %s\n"), synopsis(c));
	else
		fprintf(stderr, _("Try 'lup --help'.\n"));
	return LUP_EXIT_USAGE;
}

long cli_number(const char *s)
{
	char *end;
	long n;
	if (!s || !*s || *s == '-' || *s == '+')
		return -1;
	n = strtol(s, &end, 10);
	return *end || n < 0 ? -1 : n;
}

int cli_open_db(struct lup_cli *cli, int create)
{
	lup_err err;
	if (cli->db)
		return 0;
	if (lup_path_db(cli->db_opt, cli->db_path, sizeof cli->db_path) < 0) {
		cli_error(_("the database path is too long"));
		return LUP_EXIT_USAGE;
	}
	if (lup_db_open(cli->db_path, (create ? LUP_DB_CREATE : 0) | cli->db_flags, &cli->db, &err) < 0) {
		cli_error("%s", err.msg);
		return LUP_EXIT_FAIL;
	}
	return 0;
}

static void usage(FILE *fp)
{
	fprintf(fp, _("usage: lup [--db FILE] [--config FILE] [COMMAND [ARG…]]\n\n"
	              "Without a command, lup opens its terminal interface.\n\nCommands:\n"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(fp, _("\nOptions:\n"
	              "  --db FILE      the database (else $LUP_DB, else ~/.local/share/lup/lup.db)\n"
	              "  --config FILE  the configuration (else $LUP_CONFIG, else ~/.config/lup/lup.ini)\n"
	              "  --help         show this help\n"
	              "  --version      show the version\n\n"
	              "'lup help COMMAND' describes a command; lup(1) describes everything.\n"));
	fprintf(fp, "\n%s", _("A REF (a cohort, person, host organisation or framework) is its name, in any\n"
	                      "case and with or without accents, the start of a name only one has, an id\n"
	                      "prefix of 6 or more characters or, for a person, an e-mail address or\n"
	                      "employee number.\n"));
}

int cmd_help(struct lup_cli *cli, int argc, char **argv)
{
	const struct lup_cmd *c;
	(void)cli;
	if (argc < 2) {
		usage(stdout);
		return 0;
	}
	if (argc > 2)
		return cli_usage("help", _("one command at a time"));
	if (!(c = cli_find(argv[1]))) {
		cli_error(_("help: no command '%s'"), argv[1]);
		return LUP_EXIT_USAGE;
	}
	printf(_("usage: lup %s\n\n"), synopsis(c));
	printf("%s\n", _(c->help));
	return 0;
}

/* mdoc text: one sentence a line, no line starting with a control
 * character, no backslash read as an escape. */
static void mdoc_text(FILE *fp, const char *s)
{
	int bol = 1;
	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", fp);
		bol = 0;
		if (*s == '\\') {
			fputs("\\e", fp);
		} else if (strchr(".?!", *s) && s[1] == ' ' && s[2] && s[2] != ' ') {
			putc(*s++, fp);
			putc('\n', fp);
			bol = 1;
		} else {
			putc(*s, fp);
		}
	}
}

/* The command table as documentation, in the language of the locale: one
 * subsection per command with its usage line and its help.  The Swedish
 * lup(1) is made from it by scripts/man-sync.sh. */
static int dump_commands(const char *format)
{
	if (strcmp(format, "mdoc") != 0)
		return cli_usage(NULL, "--dump-commands takes mdoc");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		const char *w = synopsis(&commands[i]);
		printf(".Ss %s\n.Bd -literal -offset indent\nlup ", commands[i].name);
		mdoc_text(stdout, w);
		printf("\n.Ed\n");
		mdoc_text(stdout, _(commands[i].help));
		putchar('\n');
	}
	return 0;
}

/* The option table as documentation: the option list of lup.ini(5)
 * (mdoc) or the commented default lup.ini.  scripts/man-sync.sh keeps the
 * shipped files in step with the table. */
static int dump_options(const char *format)
{
	size_t n, nfree;
	const struct lup_option *o = lup_config_options(&n);
	const struct lup_free_section *fs = lup_config_free_sections(&nfree);
	int mdoc = strcmp(format, "mdoc") == 0;
	const char *sec = "";

	if (!mdoc && strcmp(format, "ini") != 0)
		return cli_usage(NULL, "--dump-options takes mdoc or ini");
	if (mdoc) {
		for (size_t i = 0; i < n; i++) {
			if (strcmp(sec, o[i].section) != 0) {
				if (*sec)
					printf(".El\n");
				sec = o[i].section;
				printf(".Ss [%s]\n.Bl -tag -width Ds\n", sec);
			}
			printf(".It Cm %s No = Ar %s\n", o[i].key,
			       o[i].type == LUP_OPT_INT ? "integer" : o[i].type == LUP_OPT_REAL ? "number" :
			       o[i].type == LUP_OPT_BOOL ? "yes|no" : o[i].type == LUP_OPT_CHOICE ? o[i].choices : "text");
			if (*o[i].def)
				printf("%s\nDefault:\n.Ql %s .\n", o[i].help, o[i].def);
			else
				printf("%s\nDefault: empty.\n", o[i].help);
			if (o[i].type == LUP_OPT_INT || o[i].type == LUP_OPT_REAL)
				printf("Allowed: %.10g to %.10g.\n", o[i].min, o[i].max);
		}
		printf(".El\n");
		for (size_t i = 0; i < nfree; i++)
			printf(".Ss [%s]\n%s\n", fs[i].section, fs[i].help);
		return 0;
	}
	printf("; lup.ini — lup's configuration, with every option at its default.\n"
	       "; Copy it to ~/.config/lup/lup.ini and change what you need; see lup.ini(5).\n");
	for (size_t i = 0; i < n; i++) {
		if (strcmp(sec, o[i].section) != 0) {
			sec = o[i].section;
			printf("\n[%s]\n", sec);
		}
		printf("; %s\n", o[i].help);
		if (o[i].type == LUP_OPT_CHOICE)
			printf("; one of: %s\n", o[i].choices);
		printf("%s = %s\n", o[i].key, o[i].def);
	}
	for (size_t i = 0; i < nfree; i++)
		printf("\n; %s\n;[%s]\n", fs[i].help, fs[i].section);
	return 0;
}

static void config_warning(void *ud, const char *msg)
{
	(void)ud;
	fprintf(stderr, _("lup: warning: %s\n"), msg);
}

/* lup's own options, before the command: "--opt VALUE" or "--opt=VALUE"
 * at argv[*i]: 1 and *out set (*i moved past the value), 0 when argv[*i]
 * is not this option, -1 when its value is missing. */
static int cli_option(int argc, char **argv, int *i, const char *name, const char **out)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*out = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*out = argv[++*i];
	return 1;
}

/* Commands whose standard output is text for a person to read: what
 * they print passes through lup_safe_put.  (Exports, documents and sync
 * files are data and go out as they are.) */
static int text_command(int argc, char **argv)
{
	static const char *const whole[] = { "check", "report", "target", "conflicts", NULL };
	static const char *const sub[][2] = {
		{ "person", "show" }, { "framework", "list" }, { "framework", "show" },
		{ "framework", "diff" }, { "framework", "import" }, { "round", "list" },
		{ "round", "show" }, { "sync", "status" }, { "sync", "verify" }, { NULL, NULL }
	};
	for (int k = 0; whole[k]; k++)
		if (strcmp(argv[0], whole[k]) == 0)
			return 1;
	if (argc < 2)
		return strcmp(argv[0], "round") == 0;
	for (int k = 0; sub[k][0]; k++)
		if (strcmp(argv[0], sub[k][0]) == 0 && strcmp(argv[1], sub[k][1]) == 0)
			return 1;
	return 0;
}

static FILE *real_stdout;

void cli_safe_stdout(void)
{
	FILE *s;
	if (real_stdout || !(s = lup_safe_stream(stdout)))
		return;
	real_stdout = stdout;
	stdout = s;
}

void cli_safe_stdout_end(void)
{
	if (!real_stdout)
		return;
	fclose(stdout);
	stdout = real_stdout;
	real_stdout = NULL;
}

int main(int argc, char **argv)
{
	struct lup_cli cli;
	const struct lup_cmd *cmd;
	char cfgpath[4096];
	int i, explicit_, rc;
	lup_err err;

	/* Messages quote names and lines read from outside: nothing in them
	 * may reach the terminal as a control sequence. */
	{
		FILE *e = lup_safe_stream(stderr);
		if (e) {
			setvbuf(e, NULL, _IOLBF, 0);
			stderr = e;
		}
	}
	setlocale(LC_ALL, "");
	/* Numbers in files and the database use a decimal point whatever the
	 * language: sv_SE would otherwise make strtod stop at "0.8". */
	setlocale(LC_NUMERIC, "C");
	lup_i18n_init(lup_path_localedir());
	memset(&cli, 0, sizeof cli);

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		int r;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
			printf("lup %s\n", LUP_VERSION);
			return 0;
		}
		if (strcmp(argv[i], "--dump-commands") == 0)
			return dump_commands(i + 1 < argc ? argv[i + 1] : "");
		if (strcmp(argv[i], "--dump-options") == 0)
			return dump_options(i + 1 < argc ? argv[i + 1] : "");
		if (strcmp(argv[i], "--dump-documents") == 0) {
			if (strcmp(i + 1 < argc ? argv[i + 1] : "", "mdoc") != 0)
				return cli_usage(NULL, "--dump-documents takes mdoc");
			lup_doc_dump_mdoc(stdout);
			return 0;
		}
		if (strcmp(argv[i], "--dump-keys") == 0) {
			if (lup_tui_dump_keys(stdout, i + 1 < argc ? argv[i + 1] : "") < 0)
				return cli_usage(NULL, "--dump-keys takes mdoc");
			return 0;
		}
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if ((r = cli_option(argc, argv, &i, "--db", &cli.db_opt)) ||
		    (r = cli_option(argc, argv, &i, "--config", &cli.config_opt))) {
			if (r < 0)
				return cli_usage(NULL, _("%s needs a value"), argv[i]);
			/* an empty name is a mistake, never "the default file" */
			if ((cli.db_opt && !*cli.db_opt) || (cli.config_opt && !*cli.config_opt))
				return cli_usage(NULL, _("%s needs a value"),
				                 cli.db_opt && !*cli.db_opt ? "--db" : "--config");
			continue;
		}
		return cli_usage(NULL, _("unknown option %s"), argv[i]);
	}

	if (lup_path_config(cli.config_opt, cfgpath, sizeof cfgpath, &explicit_) < 0)
		return cli_usage(NULL, _("the config path is too long"));
	if (lup_config_load(cfgpath, &cli.cfg, config_warning, NULL, &err) < 0) {
		cli_error("%s", err.msg);
		return LUP_EXIT_USAGE;
	}

	if (i >= argc) {
		/* The interface checks the file beside its first frame; a
		 * file it makes now opens on the welcome screen. */
		struct stat sb;
		lup_tui_first_run(lup_path_db(cli.db_opt, cli.db_path, sizeof cli.db_path) == 0 &&
		                  stat(cli.db_path, &sb) != 0);
		cli.db_flags |= LUP_DB_NOCHECK;
		/* Only init, demo and the interface make a database; the
		 * interface says so first (a typo in --db shows here). */
		if (lup_path_db(cli.db_opt, cli.db_path, sizeof cli.db_path) == 0 &&
		    lstat(cli.db_path, &sb) != 0 && errno == ENOENT)
			fprintf(stderr, _("lup: no database at %s: making a new one\n"), cli.db_path);
		rc = cli_open_db(&cli, 1);
		if (rc == 0)
			rc = lup_tui_run(cli.db, cli.cfg);
	} else if (!(cmd = cli_find(argv[i]))) {
		rc = cli_usage(NULL, _("no command '%s'"), argv[i]);
	} else {
		if (text_command(argc - i, argv + i))
			cli_safe_stdout();
		rc = cmd->run(&cli, argc - i, argv + i);
	}
	cli_safe_stdout_end();
	lup_db_close(cli.db);
	lup_config_free(cli.cfg);
	return rc;
}
