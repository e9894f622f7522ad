/* cli.h — the command line: shared context and the subcommands. */
#ifndef LUP_CLI_H
#define LUP_CLI_H

#include "lup/config.h"
#include "lup/db.h"
#include "lup/util.h"
#include <stdio.h>

/* Exit statuses (DESIGN §5). */
enum { LUP_EXIT_OK = 0, LUP_EXIT_FAIL = 1, LUP_EXIT_USAGE = 2 };

struct lup_cli {
	const char *db_opt, *config_opt;   /* --db, --config */
	char db_path[4096];
	lup_config *cfg;
	lup_db *db;                        /* opened on demand by cli_open_db */
	int db_flags;                      /* more LUP_DB_* flags for cli_open_db */
};

struct lup_cmd {
	const char *name;
	int (*run)(struct lup_cli *cli, int argc, char **argv);
	const char *synopsis;   /* after "lup NAME ", N_(): only its placeholders in capitals are translated */
	const char *summary;    /* one line */
	const char *help;       /* a paragraph, for lup help NAME */
};

/* Print "lup: what: why" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Usage error for a command: message, then its synopsis; returns 2. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Open the database (creating it when create is set); prints the error and
 * returns the exit status on failure, 0 on success. */
int cli_open_db(struct lup_cli *cli, int create);
/* Standard output through lup_safe_put (text commands), and back. */
void cli_safe_stdout(void);
void cli_safe_stdout_end(void);
/* An option a command takes: its name ("--output") and another spelling
 * (a short "-o", or NULL).  One that takes a value stores it in *value,
 * given as "--opt VALUE" or "--opt=VALUE" (a short one also as "-oVALUE");
 * with count set it may come again, each value into value[(*count)++].
 * A flag sets *flag to 1.  A list of them ends in { NULL }. */
struct cli_opt {
	const char *name, *alias;
	const char **value;
	int *flag;
	int *count;
};
/* The arguments of command cmd from argv[from]: the options opts lists,
 * and the other words, the first max of them into words in order ("-" is
 * a word: standard input).  Returns how many words there were (more than
 * max: the caller says which it did not expect), or -1 after cli_usage
 * has said what is wrong (exit LUP_EXIT_USAGE): an option it does not
 * know, a value missing, or any word when words is NULL. */
int cli_args(const char *cmd, int argc, char **argv, int from, const struct cli_opt *opts,
             const char **words, int max);
/* Parse a whole non-negative number; -1 if it is not one. */
long cli_number(const char *s);

const struct lup_cmd *cli_find(const char *name);

/* Append one count to a list, ", " between parts: fmt is what ngettext
 * gave for n and holds one %ld ("%ld person" / "%ld people"). */
void cli_count(lup_buf *b, const char *fmt, long n) __attribute__((format(printf, 2, 0)));
/* Terminal columns of a UTF-8 string (å is one column, not two bytes). */
int cli_width(const char *s);
/* Print s and pad it with spaces to width columns (left-aligned), or pad
 * first (right-aligned); printf's %-22s counts bytes, not columns. */
void cli_pad(FILE *fp, const char *s, int width);
void cli_pad_right(FILE *fp, const char *s, int width);
/* A label padded to width columns, then the rest as printf writes it. */
void cli_field(FILE *fp, int width, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Subcommands, one file each. */
int cmd_init(struct lup_cli *, int, char **);
int cmd_demo(struct lup_cli *, int, char **);
int cmd_check(struct lup_cli *, int, char **);
int cmd_backup(struct lup_cli *, int, char **);
int cmd_help(struct lup_cli *, int, char **);
/* lup export ics (argv[0] is "ics"); the general export command routes
 * "export ics" here. */
int cli_export_ics(struct lup_cli *, int, char **);
int cmd_framework(struct lup_cli *, int, char **);
int cmd_import(struct lup_cli *, int, char **);
int cmd_export(struct lup_cli *, int, char **);
int cmd_report(struct lup_cli *, int, char **);
int cmd_person(struct lup_cli *, int, char **);
int cmd_purge(struct lup_cli *, int, char **);
int cmd_sync(struct lup_cli *, int, char **);
int cmd_conflicts(struct lup_cli *, int, char **);
int cmd_target(struct lup_cli *, int, char **);
int cmd_round(struct lup_cli *, int, char **);
int cmd_print(struct lup_cli *, int, char **);

#endif
