/* lineedit.c - the pure core of a single-line UTF-8 text editor. */
#include "lup/lineedit.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#define REPLACEMENT 0xFFFDu

/* ---- UTF-8 helpers ---------------------------------------------------- */

size_t lup_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c, min;
    size_t len;

    *cp = REPLACEMENT;
    if (n == 0)
        return 0;
    c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c < 0xC2) {          /* stray continuation or overlong C0/C1 */
        return 0;
    } else if (c < 0xE0) {
        len = 2, c &= 0x1F, min = 0x80;
    } else if (c < 0xF0) {
        len = 3, c &= 0x0F, min = 0x800;
    } else if (c < 0xF5) {
        len = 4, c &= 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

size_t lup_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp <= 0x10FFFF) {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}

int lup_cp_width(uint32_t cp)
{
    int w;
    if (cp == 0)
        return 0;
    w = wcwidth((wchar_t)cp);
    return w < 0 ? 1 : w;
}

/* Decode at s[0..n), treating an invalid byte as a 1-byte U+FFFD. */
static size_t decode1(const char *s, size_t n, uint32_t *cp)
{
    size_t k = lup_utf8_decode(s, n, cp);
    return k ? k : 1;
}

int lup_utf8_width(const char *s, size_t n)
{
    int w = 0;
    size_t pos = 0;
    while (pos < n) {
        uint32_t cp;
        pos += decode1(s + pos, n - pos, &cp);
        w += lup_cp_width(cp);
    }
    return w;
}

size_t lup_utf8_fit(const char *s, int cols, int *used)
{
    size_t n = strlen(s), pos = 0;
    int w = 0;
    while (pos < n) {
        uint32_t cp;
        size_t k = decode1(s + pos, n - pos, &cp);
        int cw = lup_cp_width(cp);
        if (w + cw > cols)
            break;
        w += cw;
        pos += k;
    }
    if (used)
        *used = w;
    return pos;
}

/* ---- characters (code point + trailing zero-width code points) -------- */

static int is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 ||
           cp == 0x2029;
}

static int zero_width_at(const char *s, size_t n, size_t pos)
{
    uint32_t cp;
    decode1(s + pos, n - pos, &cp);
    return lup_cp_width(cp) == 0;
}

/* Offset of the character boundary after pos (pos < n). */
static size_t next_char(const char *s, size_t n, size_t pos)
{
    uint32_t cp;
    if (pos >= n)
        return n;
    pos += decode1(s + pos, n - pos, &cp);
    while (pos < n && zero_width_at(s, n, pos))
        pos += decode1(s + pos, n - pos, &cp);
    return pos;
}

static size_t prev_cp(const char *s, size_t pos)
{
    if (pos > 0)
        pos--;
    while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

/* Offset of the character boundary before pos (pos > 0). */
static size_t prev_char(const char *s, size_t n, size_t pos)
{
    size_t q = prev_cp(s, pos);
    while (q > 0 && zero_width_at(s, n, q))
        q = prev_cp(s, q);
    return q;
}

/* 1 if the character starting at pos (pos < n) is whitespace. */
static int space_at(const char *s, size_t n, size_t pos)
{
    uint32_t cp;
    decode1(s + pos, n - pos, &cp);
    return iswspace((wint_t)cp) != 0;
}

/* ---- editor ----------------------------------------------------------- */

void lup_le_init(lup_lineedit *le, size_t maxlen)
{
    memset(le, 0, sizeof *le);
    le->maxlen = maxlen;
}

void lup_le_clear(lup_lineedit *le)
{
    free(le->buf);
    lup_le_init(le, le->maxlen);
}

const char *lup_le_text(const lup_lineedit *le)
{
    return le->buf ? le->buf : "";
}

static int reserve(lup_lineedit *le, size_t need)
{
    size_t cap = le->cap ? le->cap : 32;
    char *p;
    if (need <= le->cap)
        return 0;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    p = realloc(le->buf, cap);
    if (!p)
        return -1;
    if (!le->buf)
        p[0] = '\0';
    le->buf = p;
    le->cap = cap;
    return 0;
}

/* Insert n bytes at the cursor, then move the cursor past them and off any
 * zero-width code points they now precede. */
static int insert_at_cursor(lup_lineedit *le, const char *s, size_t n)
{
    size_t pos = le->cur;
    if (n > SIZE_MAX - le->len - 1 || reserve(le, le->len + n + 1))
        return -1;
    memmove(le->buf + pos + n, le->buf + pos, le->len - pos + 1);
    memcpy(le->buf + pos, s, n);
    le->len += n;
    if (le->scroll > pos)
        le->scroll += n;
    le->cur = pos + n;
    if (le->cur > 0 && le->cur < le->len &&
        zero_width_at(le->buf, le->len, le->cur))
        le->cur = next_char(le->buf, le->len, le->cur);
    return 0;
}

static void delete_range(lup_lineedit *le, size_t a, size_t b)
{
    memmove(le->buf + a, le->buf + b, le->len - b + 1);
    le->len -= b - a;
    if (le->scroll >= b)
        le->scroll -= b - a;
    else if (le->scroll > a)
        le->scroll = a;
    if (le->cur >= b)
        le->cur -= b - a;
    else if (le->cur > a)
        le->cur = a;
}

int lup_le_insert(lup_lineedit *le, uint32_t codepoint)
{
    char tmp[4];
    size_t n;
    if (is_control(codepoint))
        return -1;
    n = lup_utf8_encode(codepoint, tmp);
    if (n == 0 || (le->maxlen && le->len + n > le->maxlen))
        return -1;
    return insert_at_cursor(le, tmp, n);
}

int lup_le_insert_str(lup_lineedit *le, const char *utf8)
{
    size_t n = strlen(utf8), tlen = 0, fit, pos;
    int rc = 0;
    char *tmp;

    /* Clean up: each input byte yields at most 3 output bytes. */
    if (n > (SIZE_MAX - 1) / 3 || !(tmp = malloc(3 * n + 1)))
        return -1;
    for (pos = 0; pos < n;) {
        uint32_t cp;
        pos += decode1(utf8 + pos, n - pos, &cp);
        if (is_control(cp))
            cp = ' ';
        tlen += lup_utf8_encode(cp, tmp + tlen);
    }

    fit = tlen;
    if (le->maxlen) {
        size_t avail = le->maxlen > le->len ? le->maxlen - le->len : 0;
        if (tlen > avail) {
            /* Cut at the last character boundary that fits. */
            for (fit = 0; fit < tlen;) {
                size_t nx = next_char(tmp, tlen, fit);
                if (nx > avail)
                    break;
                fit = nx;
            }
            rc = -1;
        }
    }
    if (insert_at_cursor(le, tmp, fit))
        rc = -1;
    free(tmp);
    return rc;
}

int lup_le_set(lup_lineedit *le, const char *utf8)
{
    le->len = le->cur = le->scroll = 0;
    if (le->buf)
        le->buf[0] = '\0';
    return lup_le_insert_str(le, utf8);
}

/* Start of the word before pos, skipping whitespace first. */
static size_t word_start(const lup_lineedit *le, size_t pos)
{
    while (pos > 0) {
        size_t p = prev_char(le->buf, le->len, pos);
        if (!space_at(le->buf, le->len, p))
            break;
        pos = p;
    }
    while (pos > 0) {
        size_t p = prev_char(le->buf, le->len, pos);
        if (space_at(le->buf, le->len, p))
            break;
        pos = p;
    }
    return pos;
}

/* End of the word after pos, skipping whitespace first. */
static size_t word_end(const lup_lineedit *le, size_t pos)
{
    while (pos < le->len && space_at(le->buf, le->len, pos))
        pos = next_char(le->buf, le->len, pos);
    while (pos < le->len && !space_at(le->buf, le->len, pos))
        pos = next_char(le->buf, le->len, pos);
    return pos;
}

int lup_le_op(lup_lineedit *le, enum lup_le_op op)
{
    size_t old_cur = le->cur, old_len = le->len, p;

    switch (op) {
    case LUP_LE_LEFT:
        if (le->cur > 0)
            le->cur = prev_char(le->buf, le->len, le->cur);
        break;
    case LUP_LE_RIGHT:
        le->cur = next_char(le->buf, le->len, le->cur);
        break;
    case LUP_LE_HOME:
        le->cur = 0;
        break;
    case LUP_LE_END:
        le->cur = le->len;
        break;
    case LUP_LE_BACKSPACE:
        if (le->cur > 0)
            delete_range(le, prev_char(le->buf, le->len, le->cur), le->cur);
        break;
    case LUP_LE_DELETE:
        if (le->cur < le->len)
            delete_range(le, le->cur, next_char(le->buf, le->len, le->cur));
        break;
    case LUP_LE_KILL_EOL:
        if (le->cur < le->len)
            delete_range(le, le->cur, le->len);
        break;
    case LUP_LE_KILL_BOL:
        if (le->cur > 0)
            delete_range(le, 0, le->cur);
        break;
    case LUP_LE_KILL_WORD:
        p = word_start(le, le->cur);
        if (p < le->cur)
            delete_range(le, p, le->cur);
        break;
    case LUP_LE_WORD_LEFT:
        le->cur = word_start(le, le->cur);
        break;
    case LUP_LE_WORD_RIGHT:
        le->cur = word_end(le, le->cur);
        break;
    }
    return le->cur != old_cur || le->len != old_len;
}

int lup_le_key_op(int key, enum lup_le_op *op)
{
    enum lup_le_op o;
    switch (key) {
    case 0x01: o = LUP_LE_HOME; break;          /* ^A */
    case 0x02: o = LUP_LE_LEFT; break;          /* ^B */
    case 0x04: o = LUP_LE_DELETE; break;        /* ^D */
    case 0x05: o = LUP_LE_END; break;           /* ^E */
    case 0x06: o = LUP_LE_RIGHT; break;         /* ^F */
    case 0x08: o = LUP_LE_BACKSPACE; break;     /* ^H */
    case 0x0B: o = LUP_LE_KILL_EOL; break;      /* ^K */
    case 0x15: o = LUP_LE_KILL_BOL; break;      /* ^U */
    case 0x17: o = LUP_LE_KILL_WORD; break;     /* ^W */
    case 0x7F: o = LUP_LE_BACKSPACE; break;     /* DEL */
    default: return 0;
    }
    *op = o;
    return 1;
}

void lup_le_view(lup_lineedit *le, int width, size_t *from, size_t *to,
                 int *cursor_col)
{
    const char *s = lup_le_text(le);
    size_t n = le->len, scroll = 0, next;
    int w, need;

    /* Snap scroll to a character boundary no later than the cursor. */
    while (scroll < n && (next = next_char(s, n, scroll)) <= le->scroll)
        scroll = next;
    if (scroll > le->cur)
        scroll = le->cur;

    if (width <= 0) {
        le->scroll = scroll;
        if (from)
            *from = le->cur;
        if (to)
            *to = le->cur;
        if (cursor_col)
            *cursor_col = 0;
        return;
    }

    /* Columns needed for the cursor cell: the whole character under it. */
    need = 1;
    if (le->cur < n) {
        int cw = lup_utf8_width(s + le->cur, next_char(s, n, le->cur) - le->cur);
        if (cw > need)
            need = cw;
    }
    /* Scroll right until the cursor fits. */
    w = lup_utf8_width(s + scroll, le->cur - scroll);
    while (scroll < le->cur && w + need > width) {
        next = next_char(s, n, scroll);
        w -= lup_utf8_width(s + scroll, next - scroll);
        scroll = next;
    }
    /* Scroll back left while all the rest (plus a cell for the cursor at
     * the end) still fits, so that no field space is wasted. */
    if (scroll > 0) {
        int tail = lup_utf8_width(s + scroll, n - scroll);
        while (scroll > 0) {
            size_t p = prev_char(s, n, scroll);
            int cw = lup_utf8_width(s + p, scroll - p);
            if (tail + cw + 1 > width)
                break;
            tail += cw;
            w += cw;
            scroll = p;
        }
    }

    le->scroll = scroll;
    if (from)
        *from = scroll;
    if (to)
        *to = scroll + lup_utf8_fit(s + scroll, width, NULL);
    if (cursor_col)
        *cursor_col = w;
}
