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
/* The value of an option given as "--opt VALUE" or "--opt=VALUE" at
 * argv[*i]: 1 and *out set (*i moved past the value), 0 when argv[*i] is
 * not this option, -1 when its value is missing. */
int cli_option(int argc, char **argv, int *i, const char *name, const char **out);
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
