/* merge.h — the three-way column merge: one rule for two windows saving
 * the same row and for laptops merging their changes.
 *
 * A row is seen three times: base (as it was when the edit began: the row
 * a form loaded, or a changeset's old values), mine (the edit being saved
 * or applied now) and theirs (the row as it is stored now, written by
 * someone else since base).  Column by column:
 *
 *   mine = base, theirs = base    unchanged: keep it
 *   mine ≠ base, theirs = base    only mine changed: take mine
 *   mine = base, theirs ≠ base    only theirs changed: keep theirs
 *   mine = theirs ≠ base          both changed to the same value: keep it
 *   mine ≠ theirs, both ≠ base    both changed: a conflict
 *
 * A conflict's merged value is theirs, the value that is stored: nothing
 * is overwritten until the caller (a person at a form, or a table's rule
 * when laptops merge) decides otherwise.  The function knows no screen and
 * no table. */
#ifndef LUP_MERGE_H
#define LUP_MERGE_H

#include <stddef.h>

/* A column's value.  LUP_VAL_UNDEF stands for "not part of this change":
 * a changeset's partial UPDATE leaves unchanged columns undefined, and a
 * form may leave out columns it does not edit.  An undefined mine counts
 * as unchanged (mine = base); an undefined base or theirs is never
 * compared. */
enum lup_val_type {
	LUP_VAL_UNDEF = 0,
	LUP_VAL_NULL,
	LUP_VAL_INT,
	LUP_VAL_REAL,
	LUP_VAL_TEXT,
	LUP_VAL_BLOB
};

typedef struct lup_val {
	enum lup_val_type type;
	long long i;        /* LUP_VAL_INT */
	double r;           /* LUP_VAL_REAL */
	const void *p;      /* LUP_VAL_TEXT (UTF-8, not necessarily NUL-ended), LUP_VAL_BLOB */
	size_t n;           /* bytes at p */
} lup_val;

/* Constructors: text NULL gives an SQL NULL. */
lup_val lup_val_text(const char *s);
lup_val lup_val_int(long long i);
lup_val lup_val_null(void);

/* 1 when a and b hold the same value (an integer and a real compare by
 * number, text and blob by bytes; NULL equals NULL).  UNDEF equals only
 * UNDEF. */
int lup_val_equal(const lup_val *a, const lup_val *b);

/* What happened to one column. */
enum lup_merge_how {
	LUP_MERGE_SAME = 0,    /* nobody changed it */
	LUP_MERGE_MINE,        /* only mine changed it: mine is taken */
	LUP_MERGE_THEIRS,      /* only theirs changed it: theirs is kept */
	LUP_MERGE_BOTH,        /* both changed it to the same value */
	LUP_MERGE_CONFLICT     /* both changed it, differently: theirs is kept */
};

/* Merge n columns.  out[i] receives the merged value (pointing into the
 * inputs, nothing is copied), how[i] what happened.  theirs NULL means the
 * row no longer exists (deleted since base): every column then merges as
 * if theirs were base, and the function returns -1 so the caller can say
 * so.  base NULL means there is no common ancestor: both sides made the
 * row (the same natural key entered on two laptops), so a column where
 * they agree is BOTH and one where they differ a CONFLICT (an undefined
 * mine still counts as unchanged).  Otherwise returns the number of
 * conflicts (0: the merge is complete).  out or how may be NULL when not
 * wanted. */
int lup_merge3(size_t n, const lup_val *base, const lup_val *mine,
               const lup_val *theirs, lup_val *out, enum lup_merge_how *how);

/* The same for rows of text columns, the shape forms work in: NULL is an
 * SQL NULL.  out[i] points at one of the inputs. */
int lup_merge3_text(size_t n, const char *const *base, const char *const *mine,
                    const char *const *theirs, const char **out,
                    enum lup_merge_how *how);

/* 1 when mine changed any column against base (a form with nothing
 * changed need not be merged or saved). */
int lup_merge_changed(size_t n, const lup_val *base, const lup_val *mine);

/* ---- Saving an edit: the update functions of the core ----
 *
 * Every screen that edits a stored row saves it through an update function
 * of its module (lup_person_update, lup_cohort_update, lup_attendance_mark,
 * …) that takes the row as the screen loaded it ("seen") besides the edit.
 * In one transaction it reads the row as it is stored now and merges the
 * three with lup_merge3, column by column: what only the other side
 * changed is kept, what only the edit changed is written.  Then:
 *
 *   - the row is gone: nothing is written; the function fails with
 *     LUP_EGONE, err->msg names the record ("Kjell Öberg was deleted in
 *     another window since you opened the form") and report->deleted is 1;
 *   - a column both changed, differently, that nobody has decided on:
 *     nothing is written; it fails with LUP_ECHANGED and the report lists
 *     the conflicts (err->msg asks about the first, see lup_merge_question);
 *   - otherwise the merged row is saved, and the report lists the columns
 *     kept from the other side.
 *
 * A person decides a conflict by setting its answer (lup_merge_resolve)
 * and calling the update again with the same report: the answer holds
 * while the stored value is still the one they were shown; a value that
 * changed again is asked about again.  Nothing stored is overwritten
 * without such an answer. */

enum lup_resolve {
	LUP_ASK = 0,          /* not decided: nothing is saved */
	LUP_KEEP_MINE,        /* write the edit's value over the stored one */
	LUP_TAKE_THEIRS       /* keep the stored value, drop the edit's */
};

/* One column that the other side changed. */
struct lup_merge_col {
	char field[32];              /* its name, as in err->field */
	const char *label;           /* what a person calls it: N_(), translate it */
	enum lup_merge_how how;      /* LUP_MERGE_THEIRS, LUP_MERGE_BOTH or LUP_MERGE_CONFLICT */
	enum lup_resolve resolve;    /* a conflict's answer */
	char *theirs;                /* the stored value as text (NULL: empty) */
	char *theirs_shown;          /* the stored value and the edit's as a person */
	char *mine_shown;            /*   reads them (a name for an id, a label for
	                                a keyword); "" when empty */
};

#define LUP_MERGE_MAX 32

struct lup_merge_report {
	int deleted;                 /* the row was deleted since it was loaded */
	int conflicts;               /* conflicts still to decide */
	int n;
	struct lup_merge_col col[LUP_MERGE_MAX];
};

void lup_merge_report_init(struct lup_merge_report *r);
/* Free the strings and forget everything, answers too. */
void lup_merge_report_clear(struct lup_merge_report *r);
/* Answer the conflict on field: 0, or -1 when there is none. */
int lup_merge_resolve(struct lup_merge_report *r, const char *field, enum lup_resolve how);
/* The first conflict not yet answered, or NULL. */
const struct lup_merge_col *lup_merge_next_conflict(const struct lup_merge_report *r);
/* The translated labels of the columns merged as how, joined by ", " into
 * buf ("Unit, Role"); returns how many there are. */
int lup_merge_fields(const struct lup_merge_report *r, enum lup_merge_how how, char *buf,
                     size_t n);
/* "Changed elsewhere since you opened it: Unit is now X (yours: Y)"
 * (translated; long values shortened) into buf. */
void lup_merge_question(const struct lup_merge_col *c, char *buf, size_t n);

#endif
