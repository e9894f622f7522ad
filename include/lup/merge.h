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

#endif
