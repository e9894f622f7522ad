/* import.h — people from a CSV file: read, check, store all or nothing.
 *
 * Reading (lup_import_parse, lup_import_read_file) needs no database: it
 * decodes the bytes (UTF-8 with or without a byte-order mark, UTF-16 with
 * one, else Windows-1252, or the encoding given), finds the delimiter
 * (comma, semicolon or tab, unless given), splits RFC 4180 records with
 * libcsv and matches the header's column names to person fields, in
 * Swedish or English.  lup_import_run then checks every row against the
 * database with the same rules as lup_person_save and stores them in one
 * transaction — or, when any row is refused or on a dry run, stores
 * nothing.  Afterwards each row says what happened to it (added, updated,
 * unchanged or refused, and why), which is also the preview a screen
 * shows before the user confirms.
 */
#ifndef LUP_IMPORT_H
#define LUP_IMPORT_H

#include <stddef.h>
#include "lup/db.h"
#include "lup/util.h"

enum lup_import_field {
	LUP_IMP_IGNORE = 0,   /* a column lup does not use */
	LUP_IMP_ID,           /* a lup id: matches an existing person */
	LUP_IMP_NAME,
	LUP_IMP_FIRST,        /* first and last name make the name when no column gives it */
	LUP_IMP_LAST,
	LUP_IMP_EMAIL,
	LUP_IMP_PHONE,
	LUP_IMP_UNIT,
	LUP_IMP_ROLE,
	LUP_IMP_MANAGER,      /* the manager's e-mail, employee number or id */
	LUP_IMP_EMPNO,
	LUP_IMP_ACTIVE,       /* 1/0, yes/no, ja/nej */
	LUP_IMP_NFIELDS
};

/* The field's keyword for --map ("name", "email", "employee_no", …) and
 * its translated label for display. */
const char *lup_import_field_key(enum lup_import_field f);
const char *lup_import_field_label(enum lup_import_field f);
/* The field a header names, in Swedish or English, ignoring case,
 * diacritics, spaces and punctuation ("E-post", "Anställningsnummer",
 * "employee_no"); LUP_IMP_IGNORE when none. */
enum lup_import_field lup_import_match_header(const char *header);
/* A field named in --map: a keyword, a header synonym, or "ignore"; -1 if
 * it names none. */
int lup_import_field_parse(const char *s);

/* A delimiter as a person names it: one character (not a quote or a line
 * end), or tab, semicolon or comma, in English or Swedish.  0 and *out,
 * or -1 when it names none. */
int lup_import_delimiter_parse(const char *name, char *out);

struct lup_import_opts {
	char delimiter;            /* ',' ';' '\t' …; 0: find it from the header */
	const char *encoding;      /* an iconv(3) name; NULL: detect */
	const char *const *map;    /* "COLUMN=FIELD": COLUMN a header name or a 1-based number */
	int nmap;
	int max_problems;          /* problems kept for reporting; 0: 100 */
};

enum lup_import_action {
	LUP_IMPORT_ADD,        /* a new person */
	LUP_IMPORT_UPDATE,     /* an existing person, changed */
	LUP_IMPORT_UNCHANGED,  /* an existing person, already as the file says */
	LUP_IMPORT_REFUSE      /* a bad row: see column and why */
};
/* What a run does with a row, as a person reads it: add, update,
 * unchanged, refuse (translated). */
const char *lup_import_action_label(enum lup_import_action a);

struct lup_import_row {
	long line;                          /* physical line where the record starts */
	enum lup_import_action action;      /* set by lup_import_run */
	const char *value[LUP_IMP_NFIELDS]; /* trimmed text; NULL if empty or no such column */
	char person_id[LUP_UUID_LEN + 1];   /* the person matched (and, once stored, added) */
	const char *column;                 /* refused: the column at fault, as the header names it; NULL for the row */
	const char *why;                    /* refused: why, translated */
};

/* Something wrong with the file: a refused row, or a line that could not
 * be read at all.  line is 0 for the file as a whole. */
struct lup_import_problem {
	long line;
	const char *column;    /* NULL when no single column is at fault */
	const char *why;
};

struct lup_import_counts {
	long rows, added, updated, unchanged, refused;
};

typedef struct lup_import lup_import;

/* Read a CSV file from memory or from a path ("-" is standard input).
 * Fails (-1, nothing to free) when the file cannot be used at all: not
 * readable, empty, not text, an unknown encoding, a header that names no
 * name column, a --map that names no column.  Rows with problems do not
 * fail the reading: they are marked refused and listed as problems. */
int lup_import_parse(const char *data, size_t len, const struct lup_import_opts *o,
                     lup_import **out, lup_err *err);
int lup_import_read_file(const char *path, const struct lup_import_opts *o,
                         lup_import **out, lup_err *err);
void lup_import_free(lup_import *im);

/* What was found: the encoding ("UTF-8", "Windows-1252", or as given),
 * whether a byte-order mark opened the file, the delimiter, the columns
 * and the field each column gives. */
const char *lup_import_encoding(const lup_import *im);
int lup_import_had_bom(const lup_import *im);
char lup_import_delimiter(const lup_import *im);
int lup_import_ncolumns(const lup_import *im);
const char *lup_import_column(const lup_import *im, int i);
enum lup_import_field lup_import_column_field(const lup_import *im, int i);

size_t lup_import_nrows(const lup_import *im);
const struct lup_import_row *lup_import_row(const lup_import *im, size_t i);
/* Problems in line order; the first max_problems are kept, total counts
 * them all. */
size_t lup_import_nproblems(const lup_import *im, size_t *total);
const struct lup_import_problem *lup_import_problem(const lup_import *im, size_t i);

/* Check every row against the database and store them all in one
 * transaction.  Rows are matched to existing people by id, else employee
 * number, else e-mail; a column the file lacks leaves that field as it
 * is, an empty cell clears it.  Managers are resolved after all rows are
 * read, so their order does not matter.  With dry_run, or when any row is
 * refused, nothing is stored.  Returns 0 (stored, or a clean dry run);
 * -1 with err->code LUP_EINVAL when rows were refused (see the problems),
 * or another code when the database failed.  counts may be NULL. */
int lup_import_run(lup_db *db, lup_import *im, int dry_run,
                   struct lup_import_counts *counts, lup_err *err);

#endif
