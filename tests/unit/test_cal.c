/* Unit tests for cal.c */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "lup/cal.h"

static lup_date D(int y, int m, int d)
{
    lup_date r = {y, m, d};
    return r;
}

#define assert_date(got, yy, mm, dd) do {                      \
        lup_date g_ = (got);                                  \
        char b_[11];                                          \
        lup_date_format(g_, b_);                              \
        char e_[11];                                          \
        lup_date_format(D(yy, mm, dd), e_);                   \
        assert_string_equal(b_, e_);                          \
    } while (0)

static void test_leap_and_month(void **state)
{
    (void)state;
    assert_false(lup_is_leap(1900));
    assert_true(lup_is_leap(2000));
    assert_true(lup_is_leap(2024));
    assert_false(lup_is_leap(2023));
    assert_false(lup_is_leap(2100));
    assert_int_equal(lup_days_in_month(1900, 2), 28);
    assert_int_equal(lup_days_in_month(2000, 2), 29);
    assert_int_equal(lup_days_in_month(2024, 2), 29);
    assert_int_equal(lup_days_in_month(2023, 2), 28);
    assert_int_equal(lup_days_in_month(2024, 4), 30);
    assert_int_equal(lup_days_in_month(2024, 12), 31);
    assert_int_equal(lup_days_in_month(2024, 13), 0);
    assert_int_equal(lup_days_in_month(2024, 0), 0);
    assert_true(lup_date_valid(D(2024, 2, 29)));
    assert_false(lup_date_valid(D(2023, 2, 29)));
    assert_false(lup_date_valid(D(1900, 2, 29)));
    assert_true(lup_date_valid(D(2000, 2, 29)));
    assert_false(lup_date_valid(D(2024, 4, 31)));
    assert_false(lup_date_valid(D(2024, 1, 0)));
    assert_false(lup_date_valid(D(0, 1, 1)));
    assert_false(lup_date_valid(D(10000, 1, 1)));
    assert_true(lup_date_valid(D(1, 1, 1)));
    assert_true(lup_date_valid(D(9999, 12, 31)));
}

static void test_parse_good(void **state)
{
    (void)state;
    lup_date today = D(2014, 3, 15), d;
    assert_int_equal(lup_date_parse("2014-02-28", today, &d), 0);
    assert_date(d, 2014, 2, 28);
    assert_int_equal(lup_date_parse("2024-02-29", today, &d), 0);
    assert_date(d, 2024, 2, 29);
    assert_int_equal(lup_date_parse("0001-01-01", today, &d), 0);
    assert_date(d, 1, 1, 1);
    assert_int_equal(lup_date_parse("9999-12-31", today, &d), 0);
    assert_date(d, 9999, 12, 31);
    assert_int_equal(lup_date_parse("today", today, &d), 0);
    assert_date(d, 2014, 3, 15);
    assert_int_equal(lup_date_parse("IDAG", today, &d), 0);
    assert_date(d, 2014, 3, 15);
    assert_int_equal(lup_date_parse("Today", today, &d), 0);
    assert_date(d, 2014, 3, 15);
    assert_int_equal(lup_date_parse("idag", today, &d), 0);
    assert_int_equal(lup_date_parse("+0", today, &d), 0);
    assert_date(d, 2014, 3, 15);
    assert_int_equal(lup_date_parse("+1", today, &d), 0);
    assert_date(d, 2014, 3, 16);
    assert_int_equal(lup_date_parse("-15", today, &d), 0);
    assert_date(d, 2014, 2, 28);
    assert_int_equal(lup_date_parse("+2w", today, &d), 0);
    assert_date(d, 2014, 3, 29);
    assert_int_equal(lup_date_parse("-1W", today, &d), 0);
    assert_date(d, 2014, 3, 8);
    assert_int_equal(lup_date_parse("+3d", today, &d), 0);
    assert_date(d, 2014, 3, 18);
    /* Swedish: "i dag" as Språkrådet writes it, and v for vecka */
    d = D(1111, 11, 11);
    assert_int_equal(lup_date_parse("i dag", today, &d), 0);
    assert_date(d, 2014, 3, 15);
    d = D(1111, 11, 11);
    assert_int_equal(lup_date_parse("I DAG", today, &d), 0);
    assert_date(d, 2014, 3, 15);
    assert_int_equal(lup_date_parse("+2v", today, &d), 0);
    assert_date(d, 2014, 3, 29);
    assert_int_equal(lup_date_parse("-1V", today, &d), 0);
    assert_date(d, 2014, 3, 8);
}

static void test_parse_bad(void **state)
{
    (void)state;
    static const char *bad[] = {
        "", "2014-02-30", "2014-2-3", "2014-02-03x", "2014-02-03 ",
        " 2014-02-03", "2014-13-01", "2014-00-10", "2014-01-00",
        "2023-02-29", "1900-02-29", "14-02-03", "2014/02/03", "20140203",
        "0000-01-01", "2014-02-3", "2014-02-031", "2014--2-03", "+", "-",
        "+w", "+1x", "+1ww", "+ 1", "1", "tomorrow", "todayx", "idag ",
        "i  dag", "i dag ", "idag2", "+v", "+1vv", "+1vw", "i", "dag",
        "+99999999", "-1-", "2014-0a-03",
    };
    lup_date today = D(2014, 3, 15), d = D(1111, 11, 11);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (lup_date_parse(bad[i], today, &d) != -1)
            fail_msg("accepted bad date \"%s\"", bad[i]);
    }
    assert_int_equal(lup_date_parse(NULL, today, &d), -1);
    /* *out is untouched on failure */
    assert_date(d, 1111, 11, 11);
    /* relative dates that leave the supported range */
    assert_int_equal(lup_date_parse("-1", D(1, 1, 1), &d), -1);
    assert_int_equal(lup_date_parse("+1", D(9999, 12, 31), &d), -1);
}

static void test_relative_across_ends(void **state)
{
    (void)state;
    lup_date d;
    assert_int_equal(lup_date_parse("+1", D(2014, 1, 31), &d), 0);
    assert_date(d, 2014, 2, 1);
    assert_int_equal(lup_date_parse("+1", D(2014, 2, 28), &d), 0);
    assert_date(d, 2014, 3, 1);
    assert_int_equal(lup_date_parse("+1", D(2024, 2, 28), &d), 0);
    assert_date(d, 2024, 2, 29);
    assert_int_equal(lup_date_parse("-1", D(2024, 3, 1), &d), 0);
    assert_date(d, 2024, 2, 29);
    assert_int_equal(lup_date_parse("+1", D(2014, 12, 31), &d), 0);
    assert_date(d, 2015, 1, 1);
    assert_int_equal(lup_date_parse("-1", D(2015, 1, 1), &d), 0);
    assert_date(d, 2014, 12, 31);
    assert_int_equal(lup_date_parse("+1w", D(2014, 12, 28), &d), 0);
    assert_date(d, 2015, 1, 4);
    assert_int_equal(lup_date_parse("-2w", D(2015, 1, 7), &d), 0);
    assert_date(d, 2014, 12, 24);
    assert_int_equal(lup_date_parse("+365", D(2023, 3, 1), &d), 0);
    assert_date(d, 2024, 2, 29);
    assert_int_equal(lup_date_parse("+366", D(2024, 1, 1), &d), 0);
    assert_date(d, 2025, 1, 1);
    assert_date(lup_date_add(D(2000, 2, 28), 1), 2000, 2, 29);
    assert_date(lup_date_add(D(1900, 2, 28), 1), 1900, 3, 1);
    assert_date(lup_date_add(D(2014, 3, 1), -1), 2014, 2, 28);
    assert_int_equal(lup_date_diff(D(2015, 1, 1), D(2014, 1, 1)), 365);
    assert_int_equal(lup_date_diff(D(2014, 1, 1), D(2015, 1, 1)), -365);
    assert_int_equal(lup_date_diff(D(2025, 1, 1), D(2024, 1, 1)), 366);
}

static void test_days_roundtrip(void **state)
{
    (void)state;
    assert_int_equal(lup_date_to_days(D(1970, 1, 1)), 0);
    assert_int_equal(lup_date_to_days(D(1969, 12, 31)), -1);
    assert_int_equal(lup_date_to_days(D(2000, 3, 1)), 11017);
    assert_int_equal(lup_date_to_days(D(1, 1, 1)), -719162);
    assert_int_equal(lup_date_to_days(D(9999, 12, 31)), 2932896);
    assert_date(lup_date_from_days(-719162), 1, 1, 1);
    assert_date(lup_date_from_days(2932896), 9999, 12, 31);

    /* every day 1900-01-01 .. 2100-12-31, stepping the date by hand */
    lup_date d = D(1900, 1, 1);
    long n = lup_date_to_days(d);
    int wd = lup_date_weekday(d);
    assert_int_equal(wd, 1);              /* 1900-01-01 was a Monday */
    long count = 0;
    while (d.y <= 2100) {
        assert_int_equal(lup_date_to_days(d), n);
        lup_date r = lup_date_from_days(n);
        assert_int_equal(lup_date_cmp(r, d), 0);
        assert_int_equal(lup_date_weekday(d), wd);
        n++;
        count++;
        wd = wd % 7 + 1;
        if (++d.d > lup_days_in_month(d.y, d.m)) {
            d.d = 1;
            if (++d.m > 12) {
                d.m = 1;
                d.y++;
            }
        }
    }
    assert_int_equal(count, 73414);
    /* extremes of the supported range, coarsely */
    for (long x = -719162; x <= 2932896; x += 997) {
        lup_date r = lup_date_from_days(x);
        assert_true(lup_date_valid(r));
        assert_int_equal(lup_date_to_days(r), x);
    }
}

static void test_cmp_weekday(void **state)
{
    (void)state;
    assert_true(lup_date_cmp(D(2014, 1, 1), D(2014, 1, 2)) < 0);
    assert_true(lup_date_cmp(D(2014, 2, 1), D(2014, 1, 31)) > 0);
    assert_true(lup_date_cmp(D(2013, 12, 31), D(2014, 1, 1)) < 0);
    assert_int_equal(lup_date_cmp(D(2014, 1, 1), D(2014, 1, 1)), 0);
    assert_int_equal(lup_date_weekday(D(1970, 1, 1)), 4);
    assert_int_equal(lup_date_weekday(D(1969, 12, 28)), 7);
    assert_int_equal(lup_date_weekday(D(2024, 2, 29)), 4);
    assert_int_equal(lup_date_weekday(D(2026, 6, 15)), 1);
    assert_int_equal(lup_date_weekday(D(1, 1, 1)), 1);
}

static void test_isoweek(void **state)
{
    (void)state;
    static const struct { int y, m, d, iy, w; } cases[] = {
        {2014, 12, 28, 2014, 52}, {2014, 12, 29, 2015, 1},
        {2015, 1, 1, 2015, 1},    {2015, 12, 31, 2015, 53},
        {2016, 1, 3, 2015, 53},   {2016, 1, 4, 2016, 1},
        {2020, 12, 31, 2020, 53}, {2021, 1, 3, 2020, 53},
        {2021, 1, 4, 2021, 1},    {2026, 12, 31, 2026, 53},
        {2027, 1, 3, 2026, 53},   {2027, 1, 4, 2027, 1},
        {2008, 12, 29, 2009, 1},  {2010, 1, 3, 2009, 53},
        {2024, 1, 1, 2024, 1},    {2023, 1, 1, 2022, 52},
        {2024, 12, 30, 2025, 1},  {2019, 12, 30, 2020, 1},
        {2014, 6, 19, 2014, 25},  {2026, 6, 15, 2026, 25},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int iy = 0;
        int w = lup_date_isoweek(D(cases[i].y, cases[i].m, cases[i].d), &iy);
        if (w != cases[i].w || iy != cases[i].iy)
            fail_msg("%04d-%02d-%02d: got %d-W%02d, want %d-W%02d",
                     cases[i].y, cases[i].m, cases[i].d, iy, w,
                     cases[i].iy, cases[i].w);
    }
    assert_int_equal(lup_date_isoweek(D(2014, 12, 29), NULL), 1);
    assert_int_equal(lup_isoweeks_in_year(2015), 53);
    assert_int_equal(lup_isoweeks_in_year(2020), 53);
    assert_int_equal(lup_isoweeks_in_year(2026), 53);
    assert_int_equal(lup_isoweeks_in_year(2014), 52);
    assert_int_equal(lup_isoweeks_in_year(2024), 52);
    assert_date(lup_date_from_isoweek(2015, 1, 1), 2014, 12, 29);
    assert_date(lup_date_from_isoweek(2015, 53, 7), 2016, 1, 3);
    assert_date(lup_date_from_isoweek(2020, 53, 7), 2021, 1, 3);
    assert_date(lup_date_from_isoweek(2026, 53, 4), 2026, 12, 31);
    assert_date(lup_date_from_isoweek(2026, 25, 1), 2026, 6, 15);
}

static void test_isoweek_roundtrip(void **state)
{
    (void)state;
    for (lup_date d = D(1990, 1, 1); d.y < 2040; d = lup_date_add(d, 1)) {
        int iy;
        int w = lup_date_isoweek(d, &iy);
        int wd = lup_date_weekday(d);
        assert_true(w >= 1 && w <= lup_isoweeks_in_year(iy));
        assert_true(iy >= d.y - 1 && iy <= d.y + 1);
        lup_date r = lup_date_from_isoweek(iy, w, wd);
        if (lup_date_cmp(r, d) != 0)
            fail_msg("round trip failed for %04d-%02d-%02d", d.y, d.m, d.d);
        /* consecutive days: same week unless Monday */
        lup_date prev = lup_date_add(d, -1);
        int piy, pw = lup_date_isoweek(prev, &piy);
        if (wd == 1)
            assert_true(w == 1 ? pw >= 52 && piy == iy - 1 : pw == w - 1);
        else
            assert_true(pw == w && piy == iy);
    }
}

static void test_easter(void **state)
{
    (void)state;
    static const int md[] = {
        /* 2014 .. 2030 */
        420, 405, 327, 416, 401, 421, 412, 404, 417, 409, 331, 420, 405,
        328, 416, 401, 421,
    };
    for (int y = 2014; y <= 2030; y++) {
        lup_date e = lup_easter(y);
        assert_int_equal(e.y, y);
        assert_int_equal(e.m * 100 + e.d, md[y - 2014]);
        assert_int_equal(lup_date_weekday(e), 7);
    }
    /* a few outside the range */
    assert_date(lup_easter(1818), 1818, 3, 22);
    assert_date(lup_easter(2285), 2285, 3, 22);
    assert_date(lup_easter(1943), 1943, 4, 25);
    assert_date(lup_easter(2038), 2038, 4, 25);
    assert_date(lup_easter(2000), 2000, 4, 23);
    /* always a Sunday in 22 March .. 25 April */
    for (int y = 1583; y <= 4099; y++) {
        lup_date e = lup_easter(y);
        assert_int_equal(lup_date_weekday(e), 7);
        assert_true(lup_date_cmp(e, D(y, 3, 22)) >= 0);
        assert_true(lup_date_cmp(e, D(y, 4, 25)) <= 0);
    }
}

/* Find the holidays of `year` with the given English name. */
static int find_holiday(int year, const char *en, lup_date *found)
{
    int n = 0;
    for (lup_date d = D(year, 1, 1); d.y == year; d = lup_date_add(d, 1)) {
        const char *e = NULL;
        if (lup_holiday(d, &e, NULL) != 0 && strcmp(e, en) == 0) {
            *found = d;
            n++;
        }
    }
    return n;
}

static void test_holidays_each_year(void **state)
{
    (void)state;
    static const struct {
        const char *en, *sv;
        int kind;
    } names[] = {
        {"New Year's Day", "nyårsdagen", 1},
        {"Epiphany", "trettondedag jul", 1},
        {"Good Friday", "långfredagen", 1},
        {"Easter Sunday", "påskdagen", 1},
        {"Easter Monday", "annandag påsk", 1},
        {"May Day", "första maj", 1},
        {"Ascension Day", "Kristi himmelsfärdsdag", 1},
        {"Whit Sunday", "pingstdagen", 1},
        {"National Day of Sweden", "Sveriges nationaldag", 1},
        {"Midsummer Eve", "midsommarafton", 2},
        {"Midsummer Day", "midsommardagen", 1},
        {"All Saints' Day", "alla helgons dag", 1},
        {"Christmas Eve", "julafton", 2},
        {"Christmas Day", "juldagen", 1},
        {"Boxing Day", "annandag jul", 1},
        {"New Year's Eve", "nyårsafton", 2},
    };
    const size_t nn = sizeof names / sizeof names[0];

    for (int y = 2014; y <= 2030; y++) {
        lup_date e = lup_easter(y), d;
        const char *en, *sv;
        int total = 0;

        /* each holiday occurs exactly once, with matching names and kind */
        for (size_t i = 0; i < nn; i++) {
            if (find_holiday(y, names[i].en, &d) != 1)
                fail_msg("%d: \"%s\" not found exactly once", y, names[i].en);
            assert_int_equal(lup_holiday(d, &en, &sv), names[i].kind);
            assert_string_equal(en, names[i].en);
            assert_string_equal(sv, names[i].sv);
        }
        for (lup_date x = D(y, 1, 1); x.y == y; x = lup_date_add(x, 1))
            total += lup_holiday(x, NULL, NULL) != 0;
        assert_int_equal(total, (int)nn);

        assert_int_equal(lup_holiday(D(y, 1, 1), NULL, NULL), 1);
        assert_int_equal(lup_holiday(D(y, 1, 6), NULL, NULL), 1);
        assert_int_equal(lup_holiday(D(y, 5, 1), NULL, NULL), 1);
        assert_int_equal(lup_holiday(D(y, 6, 6), NULL, NULL), 1);
        assert_int_equal(lup_holiday(D(y, 12, 24), NULL, NULL), 2);
        assert_int_equal(lup_holiday(D(y, 12, 25), NULL, NULL), 1);
        assert_int_equal(lup_holiday(D(y, 12, 26), NULL, NULL), 1);
        assert_int_equal(lup_holiday(D(y, 12, 31), NULL, NULL), 2);

        find_holiday(y, "Good Friday", &d);
        assert_int_equal(lup_date_weekday(d), 5);
        assert_int_equal(lup_date_diff(d, e), -2);
        find_holiday(y, "Easter Sunday", &d);
        assert_int_equal(lup_date_cmp(d, e), 0);
        find_holiday(y, "Easter Monday", &d);
        assert_int_equal(lup_date_weekday(d), 1);
        assert_int_equal(lup_date_diff(d, e), 1);
        find_holiday(y, "Ascension Day", &d);
        assert_int_equal(lup_date_weekday(d), 4);
        assert_int_equal(lup_date_diff(d, e), 39);
        find_holiday(y, "Whit Sunday", &d);
        assert_int_equal(lup_date_weekday(d), 7);
        assert_int_equal(lup_date_diff(d, e), 49);

        find_holiday(y, "Midsummer Day", &d);
        assert_int_equal(lup_date_weekday(d), 6);
        assert_true(d.m == 6 && d.d >= 20 && d.d <= 26);
        lup_date eve;
        find_holiday(y, "Midsummer Eve", &eve);
        assert_int_equal(lup_date_weekday(eve), 5);
        assert_true(eve.m == 6 && eve.d >= 19 && eve.d <= 25);
        assert_int_equal(lup_date_diff(d, eve), 1);

        find_holiday(y, "All Saints' Day", &d);
        assert_int_equal(lup_date_weekday(d), 6);
        assert_true((d.m == 10 && d.d == 31) || (d.m == 11 && d.d <= 6));
    }
}

static void test_holidays_specific(void **state)
{
    (void)state;
    const char *en = "x", *sv = "x";
    /* 2026: Easter 5 April */
    assert_int_equal(lup_holiday(D(2026, 4, 3), &en, &sv), 1);
    assert_string_equal(en, "Good Friday");
    assert_string_equal(sv, "långfredagen");
    assert_int_equal(lup_holiday(D(2026, 5, 14), &en, NULL), 1);
    assert_string_equal(en, "Ascension Day");
    assert_int_equal(lup_holiday(D(2026, 5, 24), NULL, &sv), 1);
    assert_string_equal(sv, "pingstdagen");
    assert_int_equal(lup_holiday(D(2026, 6, 19), &en, &sv), 2);
    assert_string_equal(en, "Midsummer Eve");
    assert_int_equal(lup_holiday(D(2026, 6, 20), &en, &sv), 1);
    assert_string_equal(sv, "midsommardagen");
    assert_int_equal(lup_holiday(D(2026, 10, 31), &en, &sv), 1);
    assert_string_equal(sv, "alla helgons dag");
    /* 2014: Midsummer Day 21 June, All Saints' Day 1 November */
    assert_int_equal(lup_holiday(D(2014, 6, 21), NULL, NULL), 1);
    assert_int_equal(lup_holiday(D(2014, 6, 20), NULL, NULL), 2);
    assert_int_equal(lup_holiday(D(2014, 11, 1), NULL, NULL), 1);
    /* 2015: Midsummer Day 20 June, Eve 19 June */
    assert_int_equal(lup_holiday(D(2015, 6, 19), NULL, NULL), 2);
    assert_int_equal(lup_holiday(D(2015, 6, 20), NULL, NULL), 1);
    /* 2020: Midsummer Day 20 June; 2021: 26 June, Eve 25 June */
    assert_int_equal(lup_holiday(D(2020, 6, 20), NULL, NULL), 1);
    assert_int_equal(lup_holiday(D(2021, 6, 26), NULL, NULL), 1);
    assert_int_equal(lup_holiday(D(2021, 6, 25), NULL, NULL), 2);
    /* 2020: All Saints' Day 31 October; 2025: 1 November */
    assert_int_equal(lup_holiday(D(2020, 10, 31), NULL, NULL), 1);
    assert_int_equal(lup_holiday(D(2025, 11, 1), NULL, NULL), 1);
    /* Saturdays in June outside the window are not Midsummer */
    assert_int_equal(lup_holiday(D(2026, 6, 27), NULL, NULL), 0);

    /* a plain working day (Tuesday) */
    en = sv = "x";
    assert_int_equal(lup_holiday(D(2026, 3, 17), &en, &sv), 0);
    assert_null(en);
    assert_null(sv);
    assert_true(lup_is_workday(D(2026, 3, 17)));
    assert_false(lup_is_workday(D(2026, 3, 21)));   /* Saturday */
    assert_false(lup_is_workday(D(2026, 4, 6)));    /* Easter Monday */
    assert_false(lup_is_workday(D(2026, 12, 24)));  /* Christmas Eve */
    assert_int_equal(lup_holiday(D(2026, 2, 30), NULL, NULL), 0);
    /* weekends are not holidays in themselves */
    assert_int_equal(lup_holiday(D(2026, 3, 22), NULL, NULL), 0);
}

static void test_time_parse(void **state)
{
    (void)state;
    int h = -1, m = -1;
    assert_int_equal(lup_time_parse("13:00", &h, &m), 0);
    assert_int_equal(h, 13);
    assert_int_equal(m, 0);
    assert_int_equal(lup_time_parse("13.00", &h, &m), 0);
    assert_int_equal(h, 13);
    assert_int_equal(lup_time_parse("9:05", &h, &m), 0);
    assert_int_equal(h, 9);
    assert_int_equal(m, 5);
    assert_int_equal(lup_time_parse("9.05", &h, &m), 0);
    assert_int_equal(lup_time_parse("0930", &h, &m), 0);
    assert_int_equal(h, 9);
    assert_int_equal(m, 30);
    assert_int_equal(lup_time_parse("00:00", &h, &m), 0);
    assert_int_equal(lup_time_parse("23:59", &h, &m), 0);
    assert_int_equal(h, 23);
    assert_int_equal(m, 59);

    static const char *bad[] = {
        "24:00", "12:60", "", "9", "930", "9:5", "12:5", "123:00", "12:000",
        "12-00", " 9:05", "9:05 ", "a9:05", "12:0a", "2400", "1260", "12:",
        ":30", "+9:05", "-1:00", "12:30:00",
    };
    h = m = -7;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (lup_time_parse(bad[i], &h, &m) != -1)
            fail_msg("accepted bad time \"%s\"", bad[i]);
    }
    assert_int_equal(h, -7);
    assert_int_equal(lup_time_parse(NULL, &h, &m), -1);
}

static void test_datetime(void **state)
{
    (void)state;
    lup_datetime dt, dt2;
    char buf[17];
    assert_int_equal(lup_datetime_parse("2026-06-15 13:00", &dt), 0);
    assert_date(dt.date, 2026, 6, 15);
    assert_int_equal(dt.hh, 13);
    assert_int_equal(dt.mm, 0);
    lup_datetime_format(dt, buf);
    assert_string_equal(buf, "2026-06-15 13:00");
    assert_int_equal(lup_datetime_parse("2026-06-15T09:05", &dt2), 0);
    lup_datetime_format(dt2, buf);
    assert_string_equal(buf, "2026-06-15 09:05");
    assert_true(lup_datetime_cmp(dt2, dt) < 0);
    assert_true(lup_datetime_cmp(dt, dt2) > 0);
    assert_int_equal(lup_datetime_cmp(dt, dt), 0);
    assert_int_equal(lup_datetime_parse("2026-06-15 9:05", &dt2), 0);
    assert_int_equal(dt2.hh, 9);
    dt2 = dt;
    dt2.mm = 1;
    assert_true(lup_datetime_cmp(dt, dt2) < 0);
    dt2 = dt;
    dt2.date.d = 14;
    dt2.hh = 23;
    assert_true(lup_datetime_cmp(dt, dt2) > 0);

    static const char *bad[] = {
        "2026-06-15", "2026-06-15 ", "2026-06-15 24:00", "2026-06-31 10:00",
        "2026-06-15  10:00", "2026-06-15x10:00", "2026-06-15 10:00 ",
        "2026-6-15 10:00", "", "2026-06-15t10:00",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (lup_datetime_parse(bad[i], &dt) != -1)
            fail_msg("accepted bad datetime \"%s\"", bad[i]);
    }
    assert_int_equal(lup_datetime_parse(NULL, &dt), -1);
}

static void test_format_today(void **state)
{
    (void)state;
    char buf[11];
    lup_date_format(D(1, 2, 3), buf);
    assert_string_equal(buf, "0001-02-03");
    lup_date_format(D(2014, 2, 30), buf);
    assert_string_equal(buf, "0000-00-00");
    lup_date t = lup_date_today();
    assert_true(lup_date_valid(t));
    assert_true(t.y >= 2024);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_leap_and_month),
        cmocka_unit_test(test_parse_good),
        cmocka_unit_test(test_parse_bad),
        cmocka_unit_test(test_relative_across_ends),
        cmocka_unit_test(test_days_roundtrip),
        cmocka_unit_test(test_cmp_weekday),
        cmocka_unit_test(test_isoweek),
        cmocka_unit_test(test_isoweek_roundtrip),
        cmocka_unit_test(test_easter),
        cmocka_unit_test(test_holidays_each_year),
        cmocka_unit_test(test_holidays_specific),
        cmocka_unit_test(test_time_parse),
        cmocka_unit_test(test_datetime),
        cmocka_unit_test(test_format_today),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
