/* safeio.h — what keeps files and terminals safe from what lup reads:
 * leftovers of killed writers, bounded reading of outside files, and text
 * whose control characters could drive a terminal. */
#ifndef LUP_SAFEIO_H
#define LUP_SAFEIO_H

#include <stddef.h>
#include <stdio.h>
#include "lup/err.h"

/* Temporary files beside a target are named TARGET LUP_TMP_MARK PID-XXXXXX. */
#define LUP_TMP_MARK ".lup-tmp-"

/* Remove the temporary files beside path that a lup no longer running
 * left (killed while writing): they may hold personal data. */
void lup_tmp_sweep(const char *path);

/* fsync the folder holding path (a new name in it is on disk). */
void lup_fsync_dir(const char *path);

/* Size limits of outside input, in bytes. */
#define LUP_MAX_CSV      (64L << 20)   /* a staff list */
#define LUP_MAX_INI      (4L << 20)    /* lup.ini, a framework file, a template */
#define LUP_MAX_SYNCFILE (256L << 20)  /* one sync file */

/* Read a whole file of at most max bytes (NUL-terminated; *len without
 * it).  A larger file, or a device that never ends, fails with a message
 * naming the limit.  Returns a malloc'd buffer, or NULL with err set. */
char *lup_read_bounded(const char *path, long max, size_t *len, lup_err *err);
/* 0 when the open stream fp (of path) holds at most max bytes; else -1
 * with err set.  Reads nothing from a regular file; a pipe is not
 * checked (its reader counts). */
int lup_check_size(FILE *fp, const char *path, long max, lup_err *err);

/* Text safe for a terminal: control characters (but line ends and tabs),
 * DEL, C1 controls and the bidirectional overrides and isolates are
 * written as \xHH or \u{HHHH}.  Returns the number of characters escaped. */
size_t lup_safe_put(FILE *fp, const char *s, size_t n);
/* 1 when s holds a character lup_safe_put would escape (for refusing it). */
int lup_text_unsafe(const char *s);

/* A stream writing through lup_safe_put to fp (NULL on failure). */
FILE *lup_safe_stream(FILE *fp);

#endif
