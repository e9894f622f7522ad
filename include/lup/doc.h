/* doc.h — the papers a coordinator hands out, as PDF: a session's sign-in
 * sheet, a cohort's certificates and participant list, a placement's
 * mobility agreement and certificate of attendance.
 *
 * The wording and order of each document is a template (lup-documents(5)):
 * a small text file per document and language, found in [documents]
 * templates, then $XDG_DATA_HOME/lup/documents, then the installed
 * share/lup/documents.  Its placeholders ({cohort}, {name}, …) take values
 * from the database; the organisation's name, logo and signatory come from
 * [documents] in lup.ini.  Pages are A4, laid out with pango and written by
 * cairo: real fonts, shaped text (Swedish, right-to-left, anything fontconfig
 * finds a glyph for), long text wrapped within its column, table headers
 * repeated over page breaks, page numbers. */
#ifndef LUP_DOC_H
#define LUP_DOC_H

#include <stddef.h>
#include <stdio.h>
#include "lup/config.h"
#include "lup/db.h"

enum lup_doc_kind {
	LUP_DOC_SHEET,          /* a session's sign-in sheet (närvarolista) */
	LUP_DOC_CERTIFICATE,    /* a certificate per completed participant (intyg) */
	LUP_DOC_AGREEMENT,      /* a placement's mobility agreement */
	LUP_DOC_ATTENDANCE,     /* a placement's certificate of attendance */
	LUP_DOC_PARTICIPANTS,   /* a cohort's participant list */
	LUP_DOC_KINDS
};

/* "sheet", "certificate", "agreement", "attendance-certificate",
 * "participants": the command-line word and the template's file name. */
const char *lup_doc_kind_name(enum lup_doc_kind k);
/* A kind by its name, or -1. */
int lup_doc_kind_parse(const char *name);
/* Translated, for messages: "sign-in sheet". */
const char *lup_doc_kind_label(enum lup_doc_kind k);

/* ---- The values a template's placeholders take ---- */

#define LUP_DOC_KEYS(X) \
	X(organisation) X(signatory) X(signatory_title) X(today) X(page) X(pages) \
	X(programme) X(cohort) X(session) X(block) X(date) X(time) X(start) X(end) \
	X(place) X(facilitators) X(host) X(count) X(sessions) X(hours) \
	X(person) X(unit) X(role) X(email) X(phone) X(completed) \
	X(n) X(name) X(dates) \
	X(city) X(country) X(contact) X(contact_email) X(contact_phone) X(mentor) \
	X(days) X(travel_days) X(objectives) X(sending) X(home)

enum lup_doc_key {
#define LUP_DOC_KEY_ENUM(k) LUP_DK_##k,
	LUP_DOC_KEYS(LUP_DOC_KEY_ENUM)
#undef LUP_DOC_KEY_ENUM
	LUP_DK_COUNT
};

/* One set of values: NULL is the empty text. */
struct lup_doc_values {
	const char *v[LUP_DK_COUNT];
};

/* What one document prints.  doc holds the document's values; rows the
 * rows of its table (participants, blocks); copies, for certificates, one
 * set of a person's values each (person, unit, role, email, phone,
 * completed): the document is printed once per copy, each from a new
 * page.  Without copies it is printed once. */
struct lup_doc_data {
	struct lup_doc_values doc;
	const struct lup_doc_values *rows;
	int nrows;
	const struct lup_doc_values *copies;
	int ncopies;
};

/* ---- Templates ---- */

typedef struct lup_doc_template lup_doc_template;

/* Parse a template for a kind of document from text (UTF-8, len bytes).
 * `where` names it in messages (a path).  A mistake fails with LUP_EINVAL
 * and "where:line: what is wrong", naming an unknown placeholder and the
 * ones the document has. */
int lup_doc_template_parse(enum lup_doc_kind kind, const char *text, size_t len,
                           const char *where, lup_doc_template **out, lup_err *err);
/* Find and read the template of a kind in a language ("sv", "en"): in
 * [documents] templates, then the user's documents folder under
 * $XDG_DATA_HOME/lup, then the installed one.  The file found goes to
 * path (may be NULL). */
int lup_doc_template_load(const lup_config *cfg, enum lup_doc_kind kind, const char *lang,
                          lup_doc_template **out, char *path, size_t n, lup_err *err);
void lup_doc_template_free(lup_doc_template *t);
/* The file name the template gives a document (its filename line, made
 * safe: lower case, a-z 0-9 and '-', ".pdf"), into out. */
void lup_doc_template_filename(const lup_doc_template *t, const struct lup_doc_data *d,
                               char *out, size_t n);

/* ---- Writing ---- */

/* How it looks, beyond the template: from [documents]. */
struct lup_doc_style {
	const char *font;        /* family; NULL or "": DejaVu Sans */
	const char *logo;        /* a PNG or SVG file, or NULL */
	const char *lang;        /* "sv", "en": the decimal comma, page labels */
};

struct lup_doc_stats {
	int pages;               /* pages written */
	int copies;              /* copies (certificates: people) */
	int cut;                 /* table cells too long for their column, cut
	                            with an ellipsis after 40 lines */
};

/* Lay out and write the document to fp as PDF.  Nothing but the PDF is
 * written to fp. */
int lup_doc_render(const lup_doc_template *t, const struct lup_doc_style *style,
                   const struct lup_doc_data *d, FILE *fp, struct lup_doc_stats *stats,
                   lup_err *err);

/* The documents folder: [documents] folder, else XDG_DOCUMENTS_DIR (the
 * environment, then $XDG_CONFIG_HOME/user-dirs.dirs), else ~/Documents. */
int lup_doc_folder(const lup_config *cfg, char *out, size_t n);

/* The language documents are written in when none is asked for: "sv"
 * under a Swedish locale, else "en". */
const char *lup_doc_default_lang(void);

/* The thing a REF names for a kind of document: a session (an id prefix,
 * or "COHORT@YYYY-MM-DD" with an optional " HH:MM" for the cohort's
 * session then), a cohort (as lup_cohort_find), a placement (an id prefix,
 * or a person's REF when they have one placement not cancelled). */
int lup_doc_resolve(lup_db *db, enum lup_doc_kind kind, const char *ref, char id[37],
                    lup_err *err);

struct lup_doc_opts {
	const char *lang;        /* "sv", "en", …; NULL or "": lup_doc_default_lang() */
	const char *person_id;   /* certificate: only this person's */
	const char *output;      /* the file ("-": standard output); NULL or "":
	                            the template's file name in the documents folder */
};

struct lup_doc_result {
	char path[4096];         /* the file written ("-" for standard output) */
	char template_path[4096];
	struct lup_doc_stats stats;
};

/* Write a document of `kind` about `id`: a session (sheet), a cohort
 * (certificate, participants) or a placement (agreement, attendance).  The
 * file goes through lup_afile: whole or not at all.  Fails with
 * LUP_ENOTFOUND for an unknown id, LUP_ECONFLICT when there is nothing to
 * print (no completed participant, a cancelled placement), LUP_EINVAL for
 * a bad template or logo. */
int lup_doc_print(lup_db *db, const lup_config *cfg, enum lup_doc_kind kind, const char *id,
                  const struct lup_doc_opts *o, struct lup_doc_result *res, lup_err *err);

/* The placeholders of each kind, as mdoc for lup-documents(5). */
void lup_doc_dump_mdoc(FILE *fp);

#endif
