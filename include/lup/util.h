/* util.h — small helpers shared by the core: ids, time, text, files. */
#ifndef LUP_UTIL_H
#define LUP_UTIL_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include "lup/err.h"

#define LUP_UUID_LEN 36
/* A random (version 4) UUID, lower-case, 36 characters plus NUL. */
void lup_uuid(char out[LUP_UUID_LEN + 1]);

/* The current UTC time as 2014-09-15T08:30:00Z (20 characters plus NUL). */
void lup_now_utc(char out[21]);

/* Fold text for searching: lower case, diacritics removed (Ö→o, å→a, é→e),
 * so "ost" finds "Östberg".  Returns a malloc'd string (NULL on ENOMEM). */
char *lup_fold(const char *utf8);

/* A sort key whose byte order is Swedish alphabetical order: lower case,
 * å ä ö after z (as "{", "|", "}"), other accents on their base letter,
 * ü as y; numbers by their value, so "Omgång 2" comes before "Omgång 14"
 * (stored keys: changing this needs a migration that makes them again).
 * Returns a malloc'd string. */
char *lup_sortkey(const char *utf8);

/* Text into HTML: & < > " ' escaped, line ends and tabs as spaces; the
 * first n bytes of s, or all of it (NULL: nothing). */
void lup_html_put_n(FILE *fp, const char *s, size_t n);
void lup_html_put(FILE *fp, const char *s);

/* Trim leading and trailing white space in place; returns s. */
char *lup_trim(char *s);
/* Trim a malloc'd string in place; one left empty is freed and becomes
 * NULL (how an optional field is stored).  *s may be NULL. */
void lup_tidy(char **s);
/* 1 if s is NULL or only white space. */
int lup_blank(const char *s);
/* Copy src (NULL: "") into dst of n bytes, cut where it must be at the
 * start of a UTF-8 character, never inside one; 1 when it was cut. */
int lup_copy_cut(char *dst, size_t n, const char *src);
/* strdup that accepts NULL. */
char *lup_strdup(const char *s);
/* A yes or no as a file writes it (yes true on 1 ja, no false off 0
 * nej, in any case) into *out (1 or 0); -1 for anything else. */
int lup_parse_bool(const char *s, int *out);
/* A plausible e-mail address: one @, a dot in the domain, no spaces. */
int lup_email_valid(const char *s);

/* A growable array is three things its owner keeps side by side: the
 * elements (T *v, NULL when empty), how many are in use and how many fit
 * (size_t cap).  lup_grow makes room for at least need elements of size
 * bytes, doubling from 16: arrp is the address of the pointer (any T **).
 * 0, or -1 when memory runs out (the array is then as it was). */
int lup_grow(void *arrp, size_t *cap, size_t need, size_t size);
/* The next element of arr (n in use, cap allocated), zeroed and counted;
 * NULL when memory runs out.  arr, n and cap are lvalues, used more than
 * once. */
#define LUP_PUSH(arr, n, cap) \
	((size_t)(n) < (cap) || lup_grow(&(arr), &(cap), (size_t)(n) + 1, sizeof *(arr)) == 0 \
	 ? memset(&(arr)[(n)++], 0, sizeof *(arr)) : NULL)
/* Reverse n elements of size bytes in place (rows read backwards, put in
 * the order they are shown). */
void lup_reverse(void *arr, size_t n, size_t size);

/* Names: lup_x_free(x) frees the object x; lup_x_clear(x) frees what a
 * struct the caller owns holds and empties it for use again. */

/* A growable text buffer; lup_buf_clear frees its text and empties it. */
typedef struct lup_buf { char *s; size_t len, cap; } lup_buf;
void lup_buf_clear(lup_buf *b);
int lup_buf_add(lup_buf *b, const char *s, size_t n);
int lup_buf_puts(lup_buf *b, const char *s);
int lup_buf_printf(lup_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Create a folder and its parents with the given mode for new ones. */
int lup_mkdir_p(const char *dir, mode_t mode, lup_err *err);

/* Write a file safely: data goes to a temporary file in the same folder,
 * which is fsynced and renamed over path on commit, so the old file stays
 * whole until the new one is complete.  path "-" means standard output. */
typedef struct lup_afile {
	FILE *fp;
	char *path, *tmp;
} lup_afile;
int lup_afile_open(lup_afile *af, const char *path, mode_t mode, lup_err *err);
int lup_afile_commit(lup_afile *af, lup_err *err);
void lup_afile_abort(lup_afile *af);

#endif
