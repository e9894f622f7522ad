/* cal.c - calendar dates, ISO 8601 weeks and Swedish holidays. */
#include "lup/cal.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <time.h>

int lup_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int lup_days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && lup_is_leap(y) ? 29 : dim[m - 1];
}

int lup_date_valid(lup_date d)
{
    return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 &&
           d.d >= 1 && d.d <= lup_days_in_month(d.y, d.m);
}

/* Floor division for possibly negative numerators (positive divisor). */
static long fdiv(long a, long b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Counts from a March-based year so that the leap day is the last day of
 * the year; 719468 is the number of days from 0000-03-01 to 1970-01-01. */
long lup_date_to_days(lup_date d)
{
    long y = d.m <= 2 ? (long)d.y - 1 : d.y;
    long era = fdiv(y, 400);
    long yoe = y - era * 400;                           /* 0..399 */
    long mp = d.m > 2 ? d.m - 3 : d.m + 9;              /* March = 0 */
    long doy = (153 * mp + 2) / 5 + d.d - 1;            /* 0..365 */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;   /* 0..146096 */
    return era * 146097 + doe - 719468;
}

lup_date lup_date_from_days(long days)
{
    long z;
    if (days > LONG_MAX - 719468)     /* nonsense input; avoid overflow */
        days = LONG_MAX - 719468;
    z = days + 719468;
    long era = fdiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    lup_date r;
    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(yoe + era * 400 + (r.m <= 2));
    return r;
}

lup_date lup_date_add(lup_date d, long days)
{
    return lup_date_from_days(lup_date_to_days(d) + days);
}

long lup_date_diff(lup_date a, lup_date b)
{
    return lup_date_to_days(a) - lup_date_to_days(b);
}

int lup_date_cmp(lup_date a, lup_date b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    if (a.d != b.d)
        return a.d < b.d ? -1 : 1;
    return 0;
}

static int weekday_of_days(long days)
{
    /* 1970-01-01 was a Thursday (4). */
    long r = (days % 7 + 7) % 7;
    return (int)((r + 3) % 7) + 1;
}

int lup_date_weekday(lup_date d)
{
    return weekday_of_days(lup_date_to_days(d));
}

int lup_date_isoweek(lup_date d, int *isoyear)
{
    long days = lup_date_to_days(d);
    /* The Thursday of d's week decides the ISO year. */
    long thu = days - weekday_of_days(days) + 4;
    lup_date t = lup_date_from_days(thu);
    lup_date jan1 = {t.y, 1, 1};
    if (isoyear)
        *isoyear = t.y;
    return (int)((thu - lup_date_to_days(jan1)) / 7 + 1);
}

int lup_isoweeks_in_year(int isoyear)
{
    lup_date dec28 = {isoyear, 12, 28};   /* always in the last ISO week */
    return lup_date_isoweek(dec28, NULL);
}

lup_date lup_date_from_isoweek(int isoyear, int week, int weekday)
{
    lup_date jan4 = {isoyear, 1, 4};      /* always in week 1 */
    long j = lup_date_to_days(jan4);
    long monday1 = j - weekday_of_days(j) + 1;
    return lup_date_from_days(monday1 + 7L * (week - 1) + (weekday - 1));
}

/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
lup_date lup_easter(int year)
{
    int a = year % 19, b = year / 100, c = year % 100;
    int d = b / 4, e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int n = h + l - 7 * m + 114;
    lup_date r = {year, n / 31, n % 31 + 1};
    return r;
}

static int set_names(int kind, const char *en, const char *sv,
                     const char **name_en, const char **name_sv)
{
    if (name_en)
        *name_en = en;
    if (name_sv)
        *name_sv = sv;
    return kind;
}

int lup_holiday(lup_date d, const char **name_en, const char **name_sv)
{
/* Swedish writes the names of holidays in lower case, but for the proper
 * nouns in them (Sveriges nationaldag, Kristi himmelsfärdsdag). */
#define HOL(kind, en, sv) return set_names(kind, en, sv, name_en, name_sv)
    if (!lup_date_valid(d))
        HOL(LUP_WORKDAY, NULL, NULL);

    int wd = lup_date_weekday(d);
    switch (d.m * 100 + d.d) {
    case 101:  HOL(LUP_HOLIDAY, "New Year's Day", "nyårsdagen");
    case 106:  HOL(LUP_HOLIDAY, "Epiphany", "trettondedag jul");
    case 501:  HOL(LUP_HOLIDAY, "May Day", "första maj");
    case 606:  HOL(LUP_HOLIDAY, "National Day of Sweden", "Sveriges nationaldag");
    case 1224: HOL(LUP_DAY_OFF, "Christmas Eve", "julafton");
    case 1225: HOL(LUP_HOLIDAY, "Christmas Day", "juldagen");
    case 1226: HOL(LUP_HOLIDAY, "Boxing Day", "annandag jul");
    case 1231: HOL(LUP_DAY_OFF, "New Year's Eve", "nyårsafton");
    default:   break;
    }
    if (d.m == 6 && d.d >= 19 && d.d <= 25 && wd == 5)
        HOL(LUP_DAY_OFF, "Midsummer Eve", "midsommarafton");
    if (d.m == 6 && d.d >= 20 && d.d <= 26 && wd == 6)
        HOL(LUP_HOLIDAY, "Midsummer Day", "midsommardagen");
    if (wd == 6 && ((d.m == 10 && d.d == 31) || (d.m == 11 && d.d <= 6)))
        HOL(LUP_HOLIDAY, "All Saints' Day", "alla helgons dag");

    switch (lup_date_diff(d, lup_easter(d.y))) {
    case -2: HOL(LUP_HOLIDAY, "Good Friday", "långfredagen");
    case 0:  HOL(LUP_HOLIDAY, "Easter Sunday", "påskdagen");
    case 1:  HOL(LUP_HOLIDAY, "Easter Monday", "annandag påsk");
    case 39: HOL(LUP_HOLIDAY, "Ascension Day", "Kristi himmelsfärdsdag");
    case 49: HOL(LUP_HOLIDAY, "Whit Sunday", "pingstdagen");
    default: break;
    }
    HOL(LUP_WORKDAY, NULL, NULL);
#undef HOL
}

int lup_is_workday(lup_date d)
{
    return lup_date_weekday(d) <= 5 && lup_holiday(d, NULL, NULL) == LUP_WORKDAY;
}

/* Parse exactly `n` decimal digits. */
static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

/* Strict "YYYY-MM-DD" at the start of s (no terminator check). */
static int parse_iso_date(const char *s, lup_date *out)
{
    lup_date d;
    if (digits(s, 4, &d.y) || s[4] != '-' || digits(s + 5, 2, &d.m) ||
        s[7] != '-' || digits(s + 8, 2, &d.d) || !lup_date_valid(d))
        return -1;
    *out = d;
    return 0;
}

int lup_date_parse(const char *s, lup_date today, lup_date *out)
{
    lup_date d;
    if (!s)
        return -1;
    /* Swedish writes "i dag" (Språkrådet); "idag" is common too */
    if (strcasecmp(s, "today") == 0 || strcasecmp(s, "idag") == 0 || strcasecmp(s, "i dag") == 0) {
        d = today;
    } else if (s[0] == '+' || s[0] == '-') {
        long n = 0;
        const char *p = s + 1;
        int nd = 0;
        for (; isdigit((unsigned char)*p); p++, nd++) {
            if (nd >= 7)                    /* far beyond year 9999 anyway */
                return -1;
            n = n * 10 + (*p - '0');
        }
        if (nd == 0)
            return -1;
        if (*p == 'w' || *p == 'W' || *p == 'v' || *p == 'V') {   /* week, vecka */
            n *= 7;
            p++;
        } else if (*p == 'd' || *p == 'D') {
            p++;
        }
        if (*p != '\0' || !lup_date_valid(today))
            return -1;
        d = lup_date_add(today, s[0] == '-' ? -n : n);
    } else {
        if (strlen(s) != 10 || parse_iso_date(s, &d))
            return -1;
    }
    if (!lup_date_valid(d))
        return -1;
    *out = d;
    return 0;
}

/* Write v (non-negative) as exactly n zero-padded digits. */
static void put_digits(char *p, int v, int n)
{
    while (n-- > 0) {
        p[n] = (char)('0' + v % 10);
        v /= 10;
    }
}

void lup_date_format(lup_date d, char buf[11])
{
    if (!lup_date_valid(d)) {
        memcpy(buf, "0000-00-00", 11);
        return;
    }
    put_digits(buf, d.y, 4);
    buf[4] = '-';
    put_digits(buf + 5, d.m, 2);
    buf[7] = '-';
    put_digits(buf + 8, d.d, 2);
    buf[10] = '\0';
}

lup_date lup_date_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    lup_date d = {1970, 1, 1};
    if (localtime_r(&now, &tm)) {
        d.y = tm.tm_year + 1900;
        d.m = tm.tm_mon + 1;
        d.d = tm.tm_mday;
    }
    return d;
}

int lup_time_parse(const char *s, int *hh, int *mm)
{
    int h, m;
    size_t n;
    if (!s)
        return -1;
    n = strlen(s);
    if (n == 4 && digits(s, 4, &h) == 0) {              /* HHMM */
        m = h % 100;
        h /= 100;
    } else if (n == 4 && (s[1] == ':' || s[1] == '.')) { /* H:MM */
        if (digits(s, 1, &h) || digits(s + 2, 2, &m))
            return -1;
    } else if (n == 5 && (s[2] == ':' || s[2] == '.')) { /* HH:MM */
        if (digits(s, 2, &h) || digits(s + 3, 2, &m))
            return -1;
    } else {
        return -1;
    }
    if (h > 23 || m > 59)
        return -1;
    if (hh)
        *hh = h;
    if (mm)
        *mm = m;
    return 0;
}

int lup_datetime_parse(const char *s, lup_datetime *out)
{
    lup_datetime dt;
    if (!s || strlen(s) < 11 || parse_iso_date(s, &dt.date) ||
        (s[10] != ' ' && s[10] != 'T') ||
        lup_time_parse(s + 11, &dt.hh, &dt.mm))
        return -1;
    *out = dt;
    return 0;
}

void lup_datetime_format(lup_datetime dt, char buf[17])
{
    int hh = dt.hh >= 0 && dt.hh <= 23 ? dt.hh : 0;
    int mm = dt.mm >= 0 && dt.mm <= 59 ? dt.mm : 0;
    lup_date_format(dt.date, buf);
    buf[10] = ' ';
    put_digits(buf + 11, hh, 2);
    buf[13] = ':';
    put_digits(buf + 14, mm, 2);
    buf[16] = '\0';
}

int lup_datetime_cmp(lup_datetime a, lup_datetime b)
{
    int c = lup_date_cmp(a.date, b.date);
    if (c)
        return c;
    if (a.hh != b.hh)
        return a.hh < b.hh ? -1 : 1;
    if (a.mm != b.mm)
        return a.mm < b.mm ? -1 : 1;
    return 0;
}
