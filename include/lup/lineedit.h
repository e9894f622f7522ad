/* lineedit.h - the pure (terminal-independent) core of a single-line
 * UTF-8 text editor, plus small UTF-8 helpers.
 *
 * Display widths come from wcwidth(3), so the caller must have set an
 * UTF-8 LC_CTYPE locale.  A "character" for cursor movement and deletion is
 * a code point followed by any zero-width code points (combining marks,
 * ZWJ, ...), so "e\u0301" moves and is deleted as one unit. */
#ifndef LUP_LINEEDIT_H
#define LUP_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

typedef struct lup_lineedit {
    char  *buf;     /* NUL-terminated valid UTF-8, NULL until first use */
    size_t len;     /* bytes in buf, excluding the NUL */
    size_t cap;     /* allocated bytes */
    size_t cur;     /* cursor byte offset, always on a character boundary */
    size_t maxlen;  /* maximum len in bytes, 0 = unlimited */
    size_t scroll;  /* first displayed byte (see lup_le_view) */
} lup_lineedit;

enum lup_le_op {
    LUP_LE_LEFT,
    LUP_LE_RIGHT,
    LUP_LE_HOME,
    LUP_LE_END,
    LUP_LE_BACKSPACE,
    LUP_LE_DELETE,
    LUP_LE_KILL_EOL,    /* ^K: delete from the cursor to the end */
    LUP_LE_KILL_BOL,    /* ^U: delete from the start to the cursor */
    LUP_LE_KILL_WORD,   /* ^W: delete the word before the cursor, skipping
                           whitespace first; words are whitespace-delimited */
    LUP_LE_WORD_LEFT,   /* to the start of this/previous word */
    LUP_LE_WORD_RIGHT   /* to the end of this/next word */
};

void lup_le_init(lup_lineedit *le, size_t maxlen);
void lup_le_clear(lup_lineedit *le);     /* leaves an empty, reusable editor */

/* Replace the text; the cursor goes to the end.  Invalid UTF-8 becomes
 * U+FFFD and control characters (tab, newline, ...) become spaces.  Text
 * beyond maxlen is dropped at a character boundary.  Returns 0 if all of
 * the text was taken, -1 if some was dropped or memory ran out. */
int lup_le_set(lup_lineedit *le, const char *utf8);
const char *lup_le_text(const lup_lineedit *le);   /* never NULL */

/* Insert one code point at the cursor.  Returns 0, or -1 (nothing changed)
 * if it is a control character, not a Unicode scalar value, would exceed
 * maxlen, or memory ran out. */
int lup_le_insert(lup_lineedit *le, uint32_t codepoint);
/* Insert a string at the cursor (e.g. a paste), cleaned up as for
 * lup_le_set and truncated at a character boundary to honour maxlen.
 * Returns 0 if all was inserted, -1 otherwise. */
int lup_le_insert_str(lup_lineedit *le, const char *utf8);

/* Perform an editing operation; returns 1 if the text or cursor changed. */
int lup_le_op(lup_lineedit *le, enum lup_le_op op);

/* Map an Emacs-style control key (^A ^E ^B ^F ^H/DEL ^D ^K ^U ^W) to an
 * operation.  Returns 1 and sets *op if `key` is one of them, else 0. */
int lup_le_key_op(int key, enum lup_le_op *op);

/* Horizontal scrolling for a field `width` columns wide: adjust le->scroll
 * so that the cursor (and the character under it) is visible, and return
 * the byte range [*from, *to) of le->buf to draw and the cursor's column in
 * the field.  Wide characters are never split at the field's edges.  Any
 * output pointer may be NULL. */
void lup_le_view(lup_lineedit *le, int width, size_t *from, size_t *to,
                 int *cursor_col);

/* Decode one code point from the n bytes at s.  Returns the number of
 * bytes consumed (1..4), or 0 if the input is empty, truncated or invalid
 * (overlong forms, surrogates, > U+10FFFF); then *cp is set to U+FFFD. */
size_t lup_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode a Unicode scalar value; returns the byte count (1..4), or 0 if
 * cp is a surrogate or beyond U+10FFFF. */
size_t lup_utf8_encode(uint32_t cp, char out[4]);

/* Display columns of one code point: wcwidth(3), except that characters
 * wcwidth rejects (controls, unassigned) count as 1, as a renderer should
 * show them as U+FFFD. */
int lup_cp_width(uint32_t cp);
/* Display columns of the first n bytes of s (invalid bytes count 1 each). */
int lup_utf8_width(const char *s, size_t n);
/* Byte length of the longest prefix of the NUL-terminated s that fits in
 * `cols` columns without splitting a code point or a wide character;
 * zero-width marks following a character that fits are included.  The
 * columns used are stored in *used unless it is NULL. */
size_t lup_utf8_fit(const char *s, int cols, int *used);

#endif /* LUP_LINEEDIT_H */
