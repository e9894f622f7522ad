/* Unit tests for lineedit.c */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lup/lineedit.h"

/* ---- helpers ---------------------------------------------------------- */

/* 1 if pos is a character boundary (code point not followed by zero-width
 * code points ... i.e. the next code point is not zero-width, or the end). */
static int is_boundary(const char *s, size_t n, size_t pos)
{
    uint32_t cp;
    if (pos == 0 || pos == n)
        return 1;
    if (pos > n || ((unsigned char)s[pos] & 0xC0) == 0x80)
        return 0;
    lup_utf8_decode(s + pos, n - pos, &cp);
    return lup_cp_width(cp) != 0;
}

static int valid_utf8(const char *s, size_t n)
{
    size_t pos = 0;
    uint32_t cp;
    while (pos < n) {
        size_t k = lup_utf8_decode(s + pos, n - pos, &cp);
        if (k == 0)
            return 0;
        pos += k;
    }
    return 1;
}

static void check_invariants(const lup_lineedit *le)
{
    const char *t = lup_le_text(le);
    assert_int_equal(strlen(t), le->len);
    assert_true(le->cur <= le->len);
    assert_true(valid_utf8(t, le->len));
    assert_true(is_boundary(t, le->len, le->cur));
    if (le->maxlen)
        assert_true(le->len <= le->maxlen);
    for (size_t i = 0; i < le->len; i++) {
        unsigned char c = (unsigned char)t[i];
        assert_true(c >= 0x20 && c != 0x7F);
    }
}

/* Check lup_le_view's promises for a field of `width` columns. */
static void check_view(lup_lineedit *le, int width)
{
    size_t from = 99999, to = 99999;
    int col = -1;
    const char *t;

    lup_le_view(le, width, &from, &to, &col);
    t = lup_le_text(le);
    assert_true(from <= le->cur);
    assert_true(from <= to && to <= le->len);
    assert_int_equal(from, le->scroll);
    assert_true(is_boundary(t, le->len, from));
    assert_true(valid_utf8(t + from, to - from));  /* no code point split */
    assert_true(lup_utf8_width(t + from, to - from) <= width);
    assert_int_equal(col, lup_utf8_width(t + from, le->cur - from));
    assert_true(col >= 0 && col < width);
    if (le->cur < le->len) {
        /* the character under the cursor is drawn whole if it can be */
        uint32_t cp;
        lup_utf8_decode(t + le->cur, le->len - le->cur, &cp);
        int cw = lup_cp_width(cp);
        if (cw <= width) {
            assert_true(to > le->cur);
            assert_true(col + cw <= width);
        }
    }
    /* nothing more would have fitted: [from, to) is the longest prefix */
    assert_int_equal(to - from, lup_utf8_fit(t + from, width, NULL));
}

static void insert_all(lup_lineedit *le, const uint32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(lup_le_insert(le, cps[i]), 0);
}

static void op_n(lup_lineedit *le, enum lup_le_op op, int n)
{
    while (n-- > 0)
        lup_le_op(le, op);
}

/* ---- UTF-8 helpers ---------------------------------------------------- */

static void test_utf8_decode(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(lup_utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(lup_utf8_decode("\xc3\xa5", 2, &cp), 2);
    assert_int_equal(cp, 0xE5);
    assert_int_equal(lup_utf8_decode("\xe6\x97\xa5", 3, &cp), 3);
    assert_int_equal(cp, 0x65E5);
    assert_int_equal(lup_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    assert_int_equal(lup_utf8_decode("\xf4\x8f\xbf\xbf", 4, &cp), 4);
    assert_int_equal(cp, 0x10FFFF);
    assert_int_equal(lup_utf8_decode("\xef\xbf\xbd", 3, &cp), 3);
    assert_int_equal(cp, 0xFFFD);

    static const struct { const char *s; size_t n; } bad[] = {
        {"", 0},                    /* empty */
        {"\x80", 1},                /* stray continuation */
        {"\xbf", 1},
        {"\xc0\x80", 2},            /* overlong NUL */
        {"\xc1\xbf", 2},            /* overlong */
        {"\xe0\x80\x80", 3},        /* overlong */
        {"\xe0\x9f\xbf", 3},        /* overlong U+07FF */
        {"\xf0\x80\x80\x80", 4},    /* overlong */
        {"\xf0\x8f\xbf\xbf", 4},    /* overlong U+FFFF */
        {"\xed\xa0\x80", 3},        /* surrogate D800 */
        {"\xed\xbf\xbf", 3},        /* surrogate DFFF */
        {"\xf4\x90\x80\x80", 4},    /* > U+10FFFF */
        {"\xf5\x80\x80\x80", 4},
        {"\xff", 1},
        {"\xc3", 1},                /* truncated */
        {"\xe6\x97", 2},
        {"\xe6\x97\xa5", 2},        /* truncated by n */
        {"\xc3\x41", 2},            /* bad continuation */
        {"\xe6\x41\xa5", 3},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cp = 0;
        if (lup_utf8_decode(bad[i].s, bad[i].n, &cp) != 0)
            fail_msg("accepted bad sequence #%zu", i);
        assert_int_equal(cp, 0xFFFD);
    }
}

static void test_utf8_encode(void **state)
{
    (void)state;
    char out[4];
    assert_int_equal(lup_utf8_encode(0xD800, out), 0);
    assert_int_equal(lup_utf8_encode(0xDFFF, out), 0);
    assert_int_equal(lup_utf8_encode(0x110000, out), 0);
    assert_int_equal(lup_utf8_encode(0xFFFFFFFFu, out), 0);
    /* round trip every scalar value */
    for (uint32_t c = 0; c <= 0x10FFFF; c++) {
        size_t n = lup_utf8_encode(c, out);
        if (c >= 0xD800 && c <= 0xDFFF) {
            assert_int_equal(n, 0);
            continue;
        }
        size_t want = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        uint32_t back;
        assert_int_equal(n, want);
        assert_int_equal(lup_utf8_decode(out, n, &back), n);
        assert_int_equal(back, c);
    }
}

static void test_utf8_width_fit(void **state)
{
    (void)state;
    int used = -1;
    assert_int_equal(lup_utf8_width("", 0), 0);
    assert_int_equal(lup_utf8_width("abc", 3), 3);
    assert_int_equal(lup_utf8_width("åäö", strlen("åäö")), 3);
    assert_int_equal(lup_utf8_width("日本語", 9), 6);
    assert_int_equal(lup_utf8_width("日本語", 6), 4);
    assert_int_equal(lup_utf8_width("e\xcc\x81", 3), 1);     /* e + U+0301 */
    assert_int_equal(lup_utf8_width("a\xff" "b", 3), 3);    /* invalid = 1 */
    assert_int_equal(lup_cp_width(0x301), 0);
    assert_int_equal(lup_cp_width(0x65E5), 2);
    assert_int_equal(lup_cp_width('a'), 1);
    assert_int_equal(lup_cp_width(0x07), 1);

    assert_int_equal(lup_utf8_fit("abc", 2, &used), 2);
    assert_int_equal(used, 2);
    assert_int_equal(lup_utf8_fit("abc", 10, &used), 3);
    assert_int_equal(used, 3);
    assert_int_equal(lup_utf8_fit("åäö", 2, &used), 4);
    assert_int_equal(used, 2);
    /* a wide char is never split */
    assert_int_equal(lup_utf8_fit("日本語", 5, &used), 6);
    assert_int_equal(used, 4);
    assert_int_equal(lup_utf8_fit("日本語", 1, &used), 0);
    assert_int_equal(used, 0);
    assert_int_equal(lup_utf8_fit("a日", 2, &used), 1);
    assert_int_equal(used, 1);
    assert_int_equal(lup_utf8_fit("a日", 3, &used), 4);
    assert_int_equal(used, 3);
    /* combining marks stay with their base */
    assert_int_equal(lup_utf8_fit("ae\xcc\x81" "c", 2, &used), 4);
    assert_int_equal(used, 2);
    assert_int_equal(lup_utf8_fit("abc", 0, &used), 0);
    assert_int_equal(lup_utf8_fit("abc", -3, NULL), 0);
    assert_int_equal(lup_utf8_fit("", 5, &used), 0);
    assert_int_equal(used, 0);
}

/* ---- editing ---------------------------------------------------------- */

static void test_init_empty(void **state)
{
    (void)state;
    lup_lineedit le;
    lup_le_init(&le, 0);
    assert_string_equal(lup_le_text(&le), "");
    assert_int_equal(le.len, 0);
    for (int op = LUP_LE_LEFT; op <= LUP_LE_WORD_RIGHT; op++)
        assert_int_equal(lup_le_op(&le, (enum lup_le_op)op), 0);
    check_view(&le, 10);
    assert_int_equal(lup_le_insert_str(&le, ""), 0);
    assert_string_equal(lup_le_text(&le), "");
    lup_le_clear(&le);
    lup_le_clear(&le);                  /* harmless twice */
    assert_string_equal(lup_le_text(&le), "");
}

static void test_insert_move_delete_swedish(void **state)
{
    (void)state;
    lup_lineedit le;
    static const uint32_t word[] = {0xC5, 's', 'a', ' ', 0xE4, 0xF6};
    lup_le_init(&le, 0);
    insert_all(&le, word, 6);
    assert_string_equal(lup_le_text(&le), "Åsa äö");
    assert_int_equal(le.cur, le.len);
    check_invariants(&le);

    assert_int_equal(lup_le_op(&le, LUP_LE_LEFT), 1);
    assert_int_equal(le.cur, strlen("Åsa ä"));
    assert_int_equal(lup_le_op(&le, LUP_LE_LEFT), 1);
    assert_int_equal(le.cur, strlen("Åsa "));
    assert_int_equal(lup_le_insert(&le, 0xE5), 0);         /* å */
    assert_string_equal(lup_le_text(&le), "Åsa åäö");
    assert_int_equal(le.cur, strlen("Åsa å"));
    assert_int_equal(lup_le_op(&le, LUP_LE_BACKSPACE), 1);
    assert_string_equal(lup_le_text(&le), "Åsa äö");
    assert_int_equal(le.cur, strlen("Åsa "));
    assert_int_equal(lup_le_op(&le, LUP_LE_DELETE), 1);
    assert_string_equal(lup_le_text(&le), "Åsa ö");
    assert_int_equal(le.cur, strlen("Åsa "));
    check_invariants(&le);

    op_n(&le, LUP_LE_LEFT, 3);
    assert_int_equal(le.cur, strlen("Å"));
    assert_int_equal(lup_le_op(&le, LUP_LE_LEFT), 1);
    assert_int_equal(le.cur, 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_LEFT), 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_RIGHT), 1);
    assert_int_equal(le.cur, 2);
    assert_int_equal(lup_le_insert_str(&le, "Ä"), 0);
    assert_string_equal(lup_le_text(&le), "ÅÄsa ö");
    assert_int_equal(le.cur, 4);
    check_invariants(&le);
    lup_le_clear(&le);
}

static void test_home_end_keys(void **state)
{
    (void)state;
    lup_lineedit le;
    enum lup_le_op op;
    lup_le_init(&le, 0);
    assert_int_equal(lup_le_set(&le, "Öberg"), 0);
    assert_int_equal(le.cur, le.len);
    assert_int_equal(lup_le_op(&le, LUP_LE_END), 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_HOME), 1);
    assert_int_equal(le.cur, 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_HOME), 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_END), 1);
    assert_int_equal(le.cur, le.len);

    /* ^A / ^E and the other control keys map to operations */
    assert_int_equal(lup_le_key_op(0x01, &op), 1);
    assert_int_equal(op, LUP_LE_HOME);
    assert_int_equal(lup_le_op(&le, op), 1);
    assert_int_equal(le.cur, 0);
    assert_int_equal(lup_le_key_op(0x05, &op), 1);
    assert_int_equal(op, LUP_LE_END);
    assert_int_equal(lup_le_op(&le, op), 1);
    assert_int_equal(le.cur, le.len);

    static const struct { int key; enum lup_le_op op; } map[] = {
        {0x02, LUP_LE_LEFT}, {0x06, LUP_LE_RIGHT}, {0x04, LUP_LE_DELETE},
        {0x08, LUP_LE_BACKSPACE}, {0x7F, LUP_LE_BACKSPACE},
        {0x0B, LUP_LE_KILL_EOL}, {0x15, LUP_LE_KILL_BOL},
        {0x17, LUP_LE_KILL_WORD},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        assert_int_equal(lup_le_key_op(map[i].key, &op), 1);
        assert_int_equal(op, map[i].op);
    }
    op = LUP_LE_END;
    assert_int_equal(lup_le_key_op('a', &op), 0);
    assert_int_equal(lup_le_key_op(0x0D, &op), 0);
    assert_int_equal(lup_le_key_op(-1, &op), 0);
    assert_int_equal(op, LUP_LE_END);
    lup_le_clear(&le);
}

static void test_backspace_delete_ends(void **state)
{
    (void)state;
    lup_lineedit le;
    lup_le_init(&le, 0);
    lup_le_set(&le, "äbö");
    /* at the end: Delete does nothing, Backspace removes the last char */
    assert_int_equal(lup_le_op(&le, LUP_LE_DELETE), 0);
    assert_string_equal(lup_le_text(&le), "äbö");
    assert_int_equal(lup_le_op(&le, LUP_LE_BACKSPACE), 1);
    assert_string_equal(lup_le_text(&le), "äb");
    assert_int_equal(le.cur, 3);
    /* at the start: Backspace does nothing, Delete removes the first char */
    lup_le_op(&le, LUP_LE_HOME);
    assert_int_equal(lup_le_op(&le, LUP_LE_BACKSPACE), 0);
    assert_string_equal(lup_le_text(&le), "äb");
    assert_int_equal(lup_le_op(&le, LUP_LE_DELETE), 1);
    assert_string_equal(lup_le_text(&le), "b");
    assert_int_equal(le.cur, 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_DELETE), 1);
    assert_string_equal(lup_le_text(&le), "");
    assert_int_equal(lup_le_op(&le, LUP_LE_DELETE), 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_BACKSPACE), 0);
    check_invariants(&le);
    lup_le_clear(&le);
}

static void test_kill_ops(void **state)
{
    (void)state;
    lup_lineedit le;
    lup_le_init(&le, 0);

    /* ^W from the end of a Swedish double surname */
    lup_le_set(&le, "Åsa Öberg-Ängström");
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_WORD), 1);
    assert_string_equal(lup_le_text(&le), "Åsa ");
    assert_int_equal(le.cur, strlen("Åsa "));
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_WORD), 1);   /* skips space */
    assert_string_equal(lup_le_text(&le), "");
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_WORD), 0);

    /* ^W skips trailing spaces first, and works mid-line */
    lup_le_set(&le, "Åsa Öberg-Ängström   ");
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_WORD), 1);
    assert_string_equal(lup_le_text(&le), "Åsa ");
    lup_le_set(&le, "Åsa Öberg-Ängström");
    lup_le_op(&le, LUP_LE_HOME);
    assert_int_equal(lup_le_op(&le, LUP_LE_WORD_RIGHT), 1);
    assert_int_equal(le.cur, strlen("Åsa"));
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_WORD), 1);
    assert_string_equal(lup_le_text(&le), " Öberg-Ängström");
    assert_int_equal(le.cur, 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_WORD), 0);
    /* cursor inside a word: only its first part goes */
    lup_le_set(&le, "Åsa Öberg-Ängström");
    op_n(&le, LUP_LE_LEFT, 8);                 /* before "Ängström" */
    assert_int_equal(le.cur, strlen("Åsa Öberg-"));
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_WORD), 1);
    assert_string_equal(lup_le_text(&le), "Åsa Ängström");
    assert_int_equal(le.cur, strlen("Åsa "));

    /* ^K kills to the end, ^U to the start */
    lup_le_set(&le, "Åsa Öberg-Ängström");
    op_n(&le, LUP_LE_LEFT, 9);                 /* before "-Ängström" */
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_EOL), 1);
    assert_string_equal(lup_le_text(&le), "Åsa Öberg");
    assert_int_equal(le.cur, le.len);
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_EOL), 0);
    lup_le_op(&le, LUP_LE_LEFT);
    lup_le_op(&le, LUP_LE_LEFT);
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_BOL), 1);
    assert_string_equal(lup_le_text(&le), "rg");
    assert_int_equal(le.cur, 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_BOL), 0);
    lup_le_op(&le, LUP_LE_END);
    assert_int_equal(lup_le_op(&le, LUP_LE_KILL_BOL), 1);
    assert_string_equal(lup_le_text(&le), "");

    /* word movement */
    lup_le_set(&le, "  Åsa  Öberg-Ängström ");
    assert_int_equal(lup_le_op(&le, LUP_LE_WORD_LEFT), 1);
    assert_int_equal(le.cur, strlen("  Åsa  "));
    assert_int_equal(lup_le_op(&le, LUP_LE_WORD_LEFT), 1);
    assert_int_equal(le.cur, 2);
    assert_int_equal(lup_le_op(&le, LUP_LE_WORD_LEFT), 1);
    assert_int_equal(le.cur, 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_WORD_LEFT), 0);
    assert_int_equal(lup_le_op(&le, LUP_LE_WORD_RIGHT), 1);
    assert_int_equal(le.cur, strlen("  Åsa"));
    assert_int_equal(lup_le_op(&le, LUP_LE_WORD_RIGHT), 1);
    assert_int_equal(le.cur, strlen("  Åsa  Öberg-Ängström"));
    assert_int_equal(lup_le_op(&le, LUP_LE_WORD_RIGHT), 1);
    assert_int_equal(le.cur, le.len);
    assert_int_equal(lup_le_op(&le, LUP_LE_WORD_RIGHT), 0);
    check_invariants(&le);
    lup_le_clear(&le);
}

static void test_combining(void **state)
{
    (void)state;
    lup_lineedit le;
    lup_le_init(&le, 0);
    /* "e" + COMBINING ACUTE, then "x" */
    lup_le_set(&le, "e\xcc\x81x");
    assert_int_equal(le.len, 4);
    assert_int_equal(lup_le_op(&le, LUP_LE_LEFT), 1);
    assert_int_equal(le.cur, 3);
    assert_int_equal(lup_le_op(&le, LUP_LE_LEFT), 1);
    assert_int_equal(le.cur, 0);                 /* over e+mark at once */
    assert_int_equal(lup_le_op(&le, LUP_LE_RIGHT), 1);
    assert_int_equal(le.cur, 3);
    assert_int_equal(lup_le_op(&le, LUP_LE_BACKSPACE), 1);
    assert_string_equal(lup_le_text(&le), "x");  /* whole cluster gone */
    assert_int_equal(le.cur, 0);

    /* typing a base then a combining mark */
    lup_le_set(&le, "");
    assert_int_equal(lup_le_insert(&le, 'a'), 0);
    assert_int_equal(lup_le_insert(&le, 0x308), 0);    /* COMBINING DIAERESIS */
    assert_int_equal(lup_le_insert(&le, 0x301), 0);
    assert_string_equal(lup_le_text(&le), "a\xcc\x88\xcc\x81");
    assert_int_equal(le.cur, 5);
    assert_int_equal(lup_utf8_width(lup_le_text(&le), le.len), 1);
    lup_le_op(&le, LUP_LE_HOME);
    assert_int_equal(lup_le_op(&le, LUP_LE_DELETE), 1);
    assert_string_equal(lup_le_text(&le), "");

    /* a leading mark: inserting a base before it keeps the cursor on a
     * boundary (after the mark that now belongs to the base) */
    lup_le_set(&le, "\xcc\x81" "b");
    lup_le_op(&le, LUP_LE_HOME);
    assert_int_equal(lup_le_insert(&le, 'o'), 0);
    assert_string_equal(lup_le_text(&le), "o\xcc\x81" "b");
    assert_int_equal(le.cur, 3);
    check_invariants(&le);
    check_view(&le, 2);
    lup_le_op(&le, LUP_LE_END);
    check_view(&le, 3);
    assert_int_equal(lup_le_op(&le, LUP_LE_WORD_LEFT), 1);
    assert_int_equal(le.cur, 0);
    lup_le_clear(&le);
}

static void test_cjk_scroll(void **state)
{
    (void)state;
    lup_lineedit le;
    size_t from, to;
    int col;
    const char *text = "日本語のテキスト";        /* 8 wide chars, 16 cols */
    lup_le_init(&le, 0);
    lup_le_set(&le, text);
    assert_int_equal(lup_utf8_width(text, strlen(text)), 16);

    /* at the end of a 5-column field: two wide chars and the cursor */
    lup_le_view(&le, 5, &from, &to, &col);
    assert_int_equal(col, 4);
    assert_int_equal(from, strlen("日本語のテキ"));
    assert_int_equal(to, le.len);
    check_view(&le, 5);

    /* walk left to the start and back, checking every position */
    for (int w = 1; w <= 18; w++) {
        lup_le_op(&le, LUP_LE_END);
        check_view(&le, w);
        while (lup_le_op(&le, LUP_LE_LEFT))
            check_view(&le, w);
        assert_int_equal(le.scroll, 0);
        while (lup_le_op(&le, LUP_LE_RIGHT))
            check_view(&le, w);
    }
    /* home shows the start, with a wide char never split at the right */
    lup_le_op(&le, LUP_LE_HOME);
    lup_le_view(&le, 5, &from, &to, &col);
    assert_int_equal(from, 0);
    assert_int_equal(col, 0);
    assert_int_equal(to, strlen("日本"));

    /* mixed narrow and wide text in odd widths */
    lup_le_set(&le, "a日b本c語dåe\xcc\x81" "f");
    for (int w = 1; w <= 8; w++) {
        lup_le_op(&le, LUP_LE_HOME);
        check_view(&le, w);
        while (lup_le_op(&le, LUP_LE_RIGHT))
            check_view(&le, w);
        while (lup_le_op(&le, LUP_LE_LEFT))
            check_view(&le, w);
    }

    /* a 1-column field with the cursor on a wide char: column 0 */
    lup_le_set(&le, "日本");
    lup_le_op(&le, LUP_LE_LEFT);
    lup_le_view(&le, 1, &from, &to, &col);
    assert_int_equal(col, 0);
    assert_int_equal(from, 3);
    assert_int_equal(to, 3);

    /* zero width: nothing to draw, no crash */
    lup_le_view(&le, 0, &from, &to, &col);
    assert_int_equal(from, to);
    assert_int_equal(col, 0);
    lup_le_view(&le, 3, NULL, NULL, NULL);

    /* deleting at the end scrolls back so no space is wasted */
    lup_le_set(&le, "abcdefghij");
    lup_le_view(&le, 4, &from, &to, &col);
    assert_int_equal(from, 7);
    assert_int_equal(col, 3);
    op_n(&le, LUP_LE_BACKSPACE, 3);
    lup_le_view(&le, 4, &from, &to, &col);
    assert_int_equal(from, 4);
    assert_int_equal(col, 3);
    /* Home, then typing wide chars: scrolls just enough, never splitting */
    lup_le_op(&le, LUP_LE_HOME);
    check_view(&le, 4);
    assert_int_equal(le.scroll, 0);
    lup_le_insert_str(&le, "日本");
    check_view(&le, 4);
    assert_int_equal(le.scroll, strlen("日"));
    lup_le_clear(&le);
}

static void test_maxlen(void **state)
{
    (void)state;
    lup_lineedit le;
    lup_le_init(&le, 5);
    assert_int_equal(lup_le_insert(&le, 'a'), 0);
    assert_int_equal(lup_le_insert(&le, 'b'), 0);
    assert_int_equal(lup_le_insert(&le, 0xE5), 0);          /* å: 4 bytes */
    assert_int_equal(lup_le_insert(&le, 0x65E5), -1);       /* 日 would be 7 */
    assert_int_equal(lup_le_insert(&le, 0xF6), -1);         /* ö would be 6 */
    assert_int_equal(lup_le_insert(&le, 'c'), 0);
    assert_int_equal(lup_le_insert(&le, 'd'), -1);
    assert_string_equal(lup_le_text(&le), "abåc");
    assert_int_equal(le.len, 5);
    check_invariants(&le);

    /* set truncates at a character boundary */
    assert_int_equal(lup_le_set(&le, "åäö"), -1);
    assert_string_equal(lup_le_text(&le), "åä");
    assert_int_equal(le.cur, 4);
    assert_int_equal(lup_le_set(&le, "åäa"), 0);
    assert_string_equal(lup_le_text(&le), "åäa");
    /* a combining cluster is not split either */
    assert_int_equal(lup_le_set(&le, "abce\xcc\x81"), -1);
    assert_string_equal(lup_le_text(&le), "abc");
    assert_int_equal(lup_le_insert_str(&le, "e\xcc\x81"), -1);
    assert_string_equal(lup_le_text(&le), "abc");
    assert_int_equal(lup_le_insert_str(&le, "xyz"), -1);
    assert_string_equal(lup_le_text(&le), "abcxy");
    /* after deleting, there is room again */
    lup_le_op(&le, LUP_LE_HOME);
    lup_le_op(&le, LUP_LE_DELETE);
    assert_int_equal(lup_le_insert(&le, 0xC5), -1);         /* 2 bytes */
    assert_int_equal(lup_le_insert(&le, 'A'), 0);
    assert_string_equal(lup_le_text(&le), "Abcxy");
    assert_int_equal(le.cur, 1);
    check_invariants(&le);
    lup_le_clear(&le);
    assert_int_equal(le.maxlen, 5);
}

static void test_invalid_input(void **state)
{
    (void)state;
    lup_lineedit le;
    lup_le_init(&le, 0);
    /* invalid bytes become U+FFFD, one per byte */
    assert_int_equal(lup_le_set(&le, "a\xff" "b\xc3"), 0);
    assert_string_equal(lup_le_text(&le), "a\xef\xbf\xbd" "b\xef\xbf\xbd");
    assert_int_equal(lup_le_set(&le, "\xed\xa0\x80"), 0);   /* surrogate */
    assert_string_equal(lup_le_text(&le), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    assert_int_equal(lup_le_set(&le, "\xc0\xaf" "ok"), 0);  /* overlong */
    assert_string_equal(lup_le_text(&le), "\xef\xbf\xbd\xef\xbf\xbd" "ok");
    check_invariants(&le);
    /* control characters become spaces */
    assert_int_equal(lup_le_set(&le, "a\tb\nc\x7f" "d\xc2\x85"), 0);
    assert_string_equal(lup_le_text(&le), "a b c d ");
    check_invariants(&le);
    /* ... and are never inserted directly */
    lup_le_set(&le, "x");
    assert_int_equal(lup_le_insert(&le, 0), -1);
    assert_int_equal(lup_le_insert(&le, '\n'), -1);
    assert_int_equal(lup_le_insert(&le, 0x1B), -1);
    assert_int_equal(lup_le_insert(&le, 0x7F), -1);
    assert_int_equal(lup_le_insert(&le, 0x9B), -1);
    assert_int_equal(lup_le_insert(&le, 0x2028), -1);
    assert_int_equal(lup_le_insert(&le, 0xD800), -1);
    assert_int_equal(lup_le_insert(&le, 0x110000), -1);
    assert_string_equal(lup_le_text(&le), "x");
    assert_int_equal(lup_le_insert(&le, 0x1F600), 0);
    assert_string_equal(lup_le_text(&le), "x\xf0\x9f\x98\x80");
    check_invariants(&le);
    lup_le_clear(&le);
}

/* Random operations on random text; checks that the invariants hold. */
static void test_random_ops(void **state)
{
    (void)state;
    static const char *pieces[] = {
        "a", "Å", "ö", " ", "日", "e\xcc\x81", "\xcc\x88", "\xff", "\t",
        "-", "本語", "\xf0\x9f\x98\x80", "\xe2\x80\x8b" /* ZWSP */,
    };
    static const uint32_t cps[] = {'z', 0xE4, 0x65E5, 0x301, ' ', 0x1F600, 7};
    const size_t np = sizeof pieces / sizeof pieces[0];
    const size_t nc = sizeof cps / sizeof cps[0];
    uint32_t rng = 12345;
    lup_lineedit le;

    for (int round = 0; round < 200; round++) {
        lup_le_init(&le, round % 3 == 0 ? (size_t)(round % 17 + 1) : 0);
        for (int step = 0; step < 200; step++) {
            rng = rng * 1103515245u + 12345u;
            unsigned r = (rng >> 16) & 0x7FFF;
            switch (r % 4) {
            case 0:
                lup_le_insert(&le, cps[(r / 4) % nc]);
                break;
            case 1:
                lup_le_insert_str(&le, pieces[(r / 4) % np]);
                break;
            default:
                lup_le_op(&le, (enum lup_le_op)((r / 4) % (LUP_LE_WORD_RIGHT + 1)));
                break;
            }
            check_invariants(&le);
            if (step % 5 == 0)
                check_view(&le, (int)(r % 9) + 1);
        }
        lup_le_clear(&le);
    }
}

int main(void)
{
    if (!setlocale(LC_ALL, "C.UTF-8")) {
        fprintf(stderr, "test_lineedit: SKIPPED: the C.UTF-8 locale is "
                        "not available\n");
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_decode),
        cmocka_unit_test(test_utf8_encode),
        cmocka_unit_test(test_utf8_width_fit),
        cmocka_unit_test(test_init_empty),
        cmocka_unit_test(test_insert_move_delete_swedish),
        cmocka_unit_test(test_home_end_keys),
        cmocka_unit_test(test_backspace_delete_ends),
        cmocka_unit_test(test_kill_ops),
        cmocka_unit_test(test_combining),
        cmocka_unit_test(test_cjk_scroll),
        cmocka_unit_test(test_maxlen),
        cmocka_unit_test(test_invalid_input),
        cmocka_unit_test(test_random_ops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
