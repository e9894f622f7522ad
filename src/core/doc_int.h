/* doc_int.h — what doc_template.c, doc_render.c, doc_data.c and doc.c
 * share: a parsed template.  Not part of the public API. */
#ifndef LUP_CORE_DOC_INT_H
#define LUP_CORE_DOC_INT_H

#include "lup/doc.h"
#include "lup/util.h"

/* Where a placeholder takes its value from. */
enum tp_src {
	TP_LIT,        /* literal text */
	TP_DOC,        /* the document's values */
	TP_COPY,       /* the copy's (a certificate's person) */
	TP_ROW,        /* the table row's */
	TP_PAGE        /* {page} and {pages}: the footer's and header's */
};

struct tp_seg {
	enum tp_src src;
	enum lup_doc_key key;        /* unless TP_LIT */
	const char *lit;             /* TP_LIT: into the template's text store */
	size_t len;
};

/* A text with placeholders. */
struct tp_text {
	struct tp_seg *seg;
	int nseg;
	size_t capseg;
	int uses_copy;               /* a copy's value appears in it */
	int uses_page;
};

enum tp_op {
	TP_TITLE, TP_SUBTITLE, TP_HEADING, TP_PARA, TP_SMALL, TP_FIELD, TP_TABLE,
	TP_SIGNATURE, TP_SPACE, TP_PAGEBREAK
};

enum tp_align { TP_LEFT, TP_RIGHT, TP_CENTER };

struct tp_column {
	struct tp_text head, value;
	double weight;
	enum tp_align align;
};

#define TP_MAX_COLUMNS 12
#define TP_MAX_PARTS 6           /* a signature's role and lines */

struct tp_table {
	struct tp_column col[TP_MAX_COLUMNS];
	int ncol;
	double rowheight;            /* mm; 0: as tall as the text */
	int blank;                   /* empty rows after the list's */
	struct tp_text empty;        /* printed when the list has no rows */
	int has_empty;
};

struct tp_item {
	enum tp_op op;
	int line;
	struct tp_text text[TP_MAX_PARTS];   /* field: label, value; signature:
	                                        role, lines; others: text[0] */
	int ntext;
	double mm;                   /* space */
	struct tp_table *table;      /* TP_TABLE */
};

struct lup_doc_template {
	enum lup_doc_kind kind;
	char *where;
	char *store;                 /* the literal text, unescaped */
	struct tp_item *items;
	int nitems;
	size_t capitems;
	struct tp_text header, footer, pagenumber, filename;
	int has_header, has_footer, has_pagenumber, has_filename;
};

/* A document's values and the text they point into. */
struct doc_job {
	struct lup_doc_data data;
	struct lup_doc_values *rows, *copies;
	size_t caprows, capcopies;
	char **strs;                 /* every value, to free */
	size_t nstrs, capstrs;
	char title_hint[128];        /* what the document is about, for messages */
};

/* Gather what a kind of document prints about id (a session, cohort or
 * placement), in a language (for decimal commas and country names);
 * person_id narrows certificates to one person.  Free with
 * lup_doc_job_clear. */
int lup_doc_gather(lup_db *db, const lup_config *cfg, enum lup_doc_kind kind, const char *id,
                   const char *person_id, const char *lang, struct doc_job *job, lup_err *err);
void lup_doc_job_clear(struct doc_job *job);

/* The name of a key ("cohort"). */
const char *lup_doc_key_name(enum lup_doc_key k);

/* Append a text with its placeholders replaced: doc, copy and row may be
 * NULL (their values are then empty); page and pages < 1 leave those
 * empty.  Invalid UTF-8 becomes U+FFFD and control characters other than
 * a newline (a tab too: it would not wrap) spaces, so what reaches pango
 * is always valid text that fits its column. */
int lup_doc_expand(lup_buf *b, const struct tp_text *t, const struct lup_doc_values *doc,
                   const struct lup_doc_values *copy, const struct lup_doc_values *row,
                   int page, int pages);

/* 1 when the text has placeholders and every one of them is empty: such
 * a line is left out (an unknown unit, a signatory without a title). */
int lup_doc_all_empty(const struct tp_text *t, const struct lup_doc_values *doc,
                      const struct lup_doc_values *copy, const struct lup_doc_values *row);

/* Append s made valid as lup_doc_expand does. */
int lup_doc_clean(lup_buf *b, const char *s, size_t n);

#endif
