/* export.h — lup's tables as CSV (RFC 4180, UTF-8) or JSON (an array of
 * objects, made by SQLite's JSON functions), with names beside ids so a
 * spreadsheet reader needs no look-ups. */
#ifndef LUP_EXPORT_H
#define LUP_EXPORT_H

#include <stdio.h>
#include "lup/db.h"
#include "lup/util.h"

enum lup_export_format { LUP_EXPORT_CSV, LUP_EXPORT_JSON };

/* The language of a CSV file's header row (JSON keys stay as they are). */
enum lup_export_lang { LUP_EXPORT_EN, LUP_EXPORT_SV };

struct lup_export_opts {
	enum lup_export_format format;
	int excel;   /* CSV for Swedish Excel: a UTF-8 byte-order mark and semicolons */
	enum lup_export_lang lang;   /* the CSV headers: "name", or "Namn" */
};

/* A column's header in a language: "employee_no" is "Anställningsnummer"
 * in Swedish (export_sv.c); an unknown column keeps its name. */
const char *lup_export_header(const char *col, enum lup_export_lang lang);

/* The tables that can be exported, in the order lup(1) lists them:
 * people, cohorts, sessions, enrolments, attendance, hosts, placements,
 * checkins, ratings.  NULL-terminated. */
const char *const *lup_export_tables(void);
/* The canonical name of a table as the user wrote it ("person",
 * "enrollments" and the like are accepted too), or NULL. */
const char *lup_export_table_name(const char *name);

/* Write a table to out; *rows (may be NULL) gets the number of rows. */
int lup_export_write(lup_db *db, const char *table, const struct lup_export_opts *o,
                     FILE *out, long *rows, lup_err *err);
/* The same into a file written safely (temporary file, fsync, rename);
 * path "-" is standard output. */
int lup_export_file(lup_db *db, const char *table, const struct lup_export_opts *o,
                    const char *path, long *rows, lup_err *err);

/* One CSV field, quoted when it holds the delimiter, a quote, a line
 * break or surrounding spaces (quotes inside doubled).  NULL is empty. */
void lup_csv_put(FILE *out, const char *s, char delim);
/* The same for a spreadsheet: a field starting with = + - @, a tab or a
 * carriage return (a formula to Excel or LibreOffice) starts with an
 * apostrophe instead, so that it is shown as text. */
void lup_csv_put_cell(FILE *out, const char *s, char delim);

#endif
