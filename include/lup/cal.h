/* cal.h - calendar dates, ISO 8601 weeks and Swedish holidays.
 *
 * All dates are proleptic Gregorian.  Valid years are 1..9999. */
#ifndef LUP_CAL_H
#define LUP_CAL_H

typedef struct {
    int y, m, d;
} lup_date;

typedef struct {
    lup_date date;
    int hh, mm;
} lup_datetime;

/* Return values of lup_holiday(). */
enum {
    LUP_WORKDAY = 0,     /* not a holiday (may still be a weekend) */
    LUP_HOLIDAY = 1,     /* public holiday, "röd dag" */
    LUP_DAY_OFF = 2      /* de facto day off: Midsummer/Christmas/New Year's Eve */
};

int  lup_is_leap(int y);
int  lup_days_in_month(int y, int m);          /* 0 if m is out of range */
int  lup_date_valid(lup_date d);                /* 1 if valid, else 0 */

/* Parse strict "YYYY-MM-DD", "today"/"i dag"/"idag" (any case), or a date
 * relative to today: "+N"/"-N" days, optionally suffixed "d" (days) or "w"
 * or "v" (weeks, vecka).
 * No surrounding whitespace is accepted.  Returns 0 on success, -1 otherwise
 * (*out is untouched on failure). */
int  lup_date_parse(const char *s, lup_date today, lup_date *out);
void lup_date_format(lup_date d, char buf[11]);  /* "YYYY-MM-DD" */
lup_date lup_date_today(void);                   /* local time */

long     lup_date_to_days(lup_date d);          /* days since 1970-01-01 */
lup_date lup_date_from_days(long days);
lup_date lup_date_add(lup_date d, long days);
long     lup_date_diff(lup_date a, lup_date b);  /* a - b, in days */
int      lup_date_cmp(lup_date a, lup_date b);   /* <0, 0, >0 */
int      lup_date_weekday(lup_date d);           /* 1 = Monday .. 7 = Sunday */

/* ISO 8601 week number (1..53); the ISO year is stored in *isoyear unless
 * it is NULL. */
int      lup_date_isoweek(lup_date d, int *isoyear);
int      lup_isoweeks_in_year(int isoyear);      /* 52 or 53 */
/* Date of the given weekday (1 = Monday .. 7 = Sunday) in ISO week `week`
 * of `isoyear`.  Out-of-range weeks/weekdays simply count on from week 1. */
lup_date lup_date_from_isoweek(int isoyear, int week, int weekday);

lup_date lup_easter(int year);                   /* Easter Sunday */

/* Classify a date as LUP_WORKDAY, LUP_HOLIDAY or LUP_DAY_OFF.  For holidays
 * the English and Swedish names (static strings) are stored through the
 * name pointers that are not NULL; for working days they are set to NULL. */
int  lup_holiday(lup_date d, const char **name_en, const char **name_sv);
/* 1 if Monday-Friday and neither a holiday nor a de facto day off. */
int  lup_is_workday(lup_date d);

/* Accepts "HH:MM", "H:MM", "HH.MM", "H.MM" and "HHMM"; hours 0..23,
 * minutes 0..59.  Returns 0 on success, -1 otherwise. */
int  lup_time_parse(const char *s, int *hh, int *mm);
/* "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM" (the time part accepts anything
 * lup_time_parse does).  Returns 0 on success, -1 otherwise. */
int  lup_datetime_parse(const char *s, lup_datetime *out);
void lup_datetime_format(lup_datetime dt, char buf[17]);  /* "YYYY-MM-DD HH:MM" */
int  lup_datetime_cmp(lup_datetime a, lup_datetime b);

#endif /* LUP_CAL_H */
