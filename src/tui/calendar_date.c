/* calendar_date.c — the calendar's words and dates, without curses: what
 * may be typed to go to a date, week headings, time spans, holiday names
 * and the file an export suggests. */
#include <stdio.h>
#include <string.h>
#include "lup/i18n.h"
#include "lup/programme.h"
#define LUP_CAL_NO_SCREENS
#include "tui/calendar_int.h"

const char *cal_weekday_abbr(int wd)
{
	switch (wd) {
	case 1: return C_("weekday", "Mon");
	case 2: return C_("weekday", "Tue");
	case 3: return C_("weekday", "Wed");
	case 4: return C_("weekday", "Thu");
	case 5: return C_("weekday", "Fri");
	case 6: return C_("weekday", "Sat");
	case 7: return C_("weekday", "Sun");
	default: return "";
	}
}

const char *cal_month_name(int m)
{
	switch (m) {
	case 1: return C_("month", "January");
	case 2: return C_("month", "February");
	case 3: return C_("month", "March");
	case 4: return C_("month", "April");
	case 5: return C_("month", "May");
	case 6: return C_("month", "June");
	case 7: return C_("month", "July");
	case 8: return C_("month", "August");
	case 9: return C_("month", "September");
	case 10: return C_("month", "October");
	case 11: return C_("month", "November");
	case 12: return C_("month", "December");
	default: return "";
	}
}

/* ---- going to a date ---- */

enum { T_NUM, T_WORD, T_DASH };

struct tok {
	int type;
	int len;          /* characters */
	long num;         /* T_NUM */
	char word[8];     /* T_WORD, lower case */
};

#define MAXTOK 8

/* Split into numbers, words (ASCII letters) and dashes; spaces, dots and
 * commas only separate.  -1 for anything else, or too much of it. */
static int tokenize(const char *s, struct tok *t, int *n)
{
	*n = 0;
	while (*s) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\t' || c == '.' || c == ',') {
			s++;
			continue;
		}
		if (*n == MAXTOK)
			return -1;
		memset(&t[*n], 0, sizeof t[*n]);
		if (c >= '0' && c <= '9') {
			t[*n].type = T_NUM;
			while (*s >= '0' && *s <= '9') {
				if (t[*n].len >= 4)
					return -1;
				t[*n].num = t[*n].num * 10 + (*s - '0');
				t[*n].len++;
				s++;
			}
		} else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			t[*n].type = T_WORD;
			while (((unsigned char)*s | 0x20) >= 'a' && ((unsigned char)*s | 0x20) <= 'z') {
				if (t[*n].len >= (int)sizeof t[*n].word - 1)
					return -1;
				t[*n].word[t[*n].len++] = (char)(*s | 0x20);
				s++;
			}
		} else if (c == '-') {
			t[*n].type = T_DASH;
			t[*n].len = 1;
			s++;
		} else {
			return -1;
		}
		(*n)++;
	}
	return 0;
}

static int week_word(const struct tok *t)
{
	static const char *const words[] = { "v", "w", "vk", "wk", "vecka", "week", NULL };
	if (t->type != T_WORD)
		return 0;
	for (int i = 0; words[i]; i++)
		if (strcmp(t->word, words[i]) == 0)
			return 1;
	return 0;
}

static int is_year(const struct tok *t)
{
	return t->type == T_NUM && t->len == 4 && t->num >= 1 && t->num <= 9999;
}

static int week_date(long year, long week, long wd, lup_date *out)
{
	lup_date d;
	if (year < 1 || year > 9999 || week < 1 || week > lup_isoweeks_in_year((int)year) ||
	    wd < 1 || wd > 7)
		return -1;
	d = lup_date_from_isoweek((int)year, (int)week, (int)wd);
	if (!lup_date_valid(d))
		return -1;
	*out = d;
	return 0;
}

int cal_parse_goto(const char *s, lup_date today, lup_date ref, lup_date *out)
{
	char b[64];
	size_t len;
	struct tok t[MAXTOK];
	int n, i = 0, refyear = 0;
	long year = 0, week, wd = 1;

	if (!s)
		return -1;
	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= sizeof b)
		return -1;
	memcpy(b, s, len);
	b[len] = 0;
	if (lup_date_parse(b, today, out) == 0)
		return 0;
	if (tokenize(b, t, &n) < 0 || n == 0)
		return -1;

	/* YYYY-MM */
	if (n == 3 && is_year(&t[0]) && t[1].type == T_DASH && t[2].type == T_NUM && t[2].len <= 2 &&
	    strchr(b, '.') == NULL && strchr(b, ' ') == NULL && strchr(b, ',') == NULL) {
		lup_date d = { (int)t[0].num, (int)t[2].num, 1 };
		if (!lup_date_valid(d))
			return -1;
		*out = d;
		return 0;
	}

	/* A week: [YEAR [-]] [WORD] WEEK [- WEEKDAY] [YEAR] */
	if (n >= 2 && is_year(&t[0]) && (week_word(&t[1]) || t[1].type == T_DASH ||
	                                 (t[1].type == T_NUM && t[1].len <= 2))) {
		year = t[0].num;
		i = 1;
		if (t[i].type == T_DASH)
			i++;
	}
	if (i < n && week_word(&t[i]))
		i++;
	else if (!year && n > 1)
		return -1;   /* "37 2016" without v./week is too like a date */
	if (i >= n || t[i].type != T_NUM || t[i].len > 2)
		return -1;
	week = t[i++].num;
	if (i < n && t[i].type == T_DASH) {
		if (i + 1 >= n || t[i + 1].type != T_NUM || t[i + 1].len != 1)
			return -1;
		wd = t[i + 1].num;
		i += 2;
	}
	if (i < n && is_year(&t[i]) && !year) {
		year = t[i].num;
		i++;
	}
	if (i != n)
		return -1;
	if (!year) {
		lup_date_isoweek(ref, &refyear);
		year = refyear;
	}
	return week_date(year, week, wd, out);
}

/* ---- headings and spans ---- */

void cal_week_heading(int isoyear, int week, char *buf, size_t n)
{
	lup_date mon = lup_date_from_isoweek(isoyear, week, 1), sun = lup_date_add(mon, 6);
	char a[11], b[11], w[32];
	lup_date_format(mon, a);
	lup_date_format(sun, b);
	snprintf(w, sizeof w, C_("calendar", "Week %d"), week);
	/* the year once, unless the week runs into the next one */
	snprintf(buf, n, "%s · %s – %s", w, a, sun.y == mon.y ? b + 5 : b);
}

void cal_time_span(const char *starts_at, const char *ends_at, char *buf, size_t n)
{
	lup_datetime a, e;
	if (lup_datetime_parse(starts_at, &a) < 0) {
		snprintf(buf, n, "%s", "");
		return;
	}
	if (lup_datetime_parse(ends_at, &e) < 0) {
		snprintf(buf, n, "%02d:%02d", a.hh, a.mm);
		return;
	}
	{
		long days = lup_date_diff(e.date, a.date);
		if (days == 0 || (days == 1 && e.hh == 0 && e.mm == 0))
			snprintf(buf, n, "%02d:%02d–%02d:%02d", a.hh, a.mm, e.hh, e.mm);
		else
			snprintf(buf, n, "%02d:%02d→%02d-%02d", a.hh, a.mm, e.date.m, e.date.d);
	}
}

const char *cal_holiday_name(lup_date d, int *kind)
{
	const char *en, *sv;
	int h = lup_holiday(d, &en, &sv);
	if (kind)
		*kind = h;
	if (h == LUP_WORKDAY)
		return NULL;
	return lup_i18n_is_swedish() ? sv : en;
}

const char *cal_session_holiday(const char *starts_at, const char *ends_at, int *kind)
{
	lup_datetime a, e;
	long first, last;
	if (kind)
		*kind = LUP_WORKDAY;
	if (lup_datetime_parse(starts_at, &a) < 0)
		return NULL;
	first = last = lup_date_to_days(a.date);
	if (lup_datetime_parse(ends_at, &e) == 0) {
		last = lup_date_to_days(e.date);
		if (last > first && e.hh == 0 && e.mm == 0)
			last--;
	}
	for (long d = first; d <= last && d - first <= LUP_SESSION_MAX_DAYS; d++) {
		const char *name = cal_holiday_name(lup_date_from_days(d), kind);
		if (name)
			return name;
	}
	if (kind)
		*kind = LUP_WORKDAY;
	return NULL;
}

/* ---- export ---- */

void cal_export_path(const char *cohort, const char *home, char *buf, size_t n)
{
	char name[128];
	size_t j = 0, boundary = 0;
	const char *src = cohort && *cohort ? cohort : C_("file name", "calendar"), *p;
	for (p = src; *p && j < sizeof name - 1; p++) {
		unsigned char c = (unsigned char)*p;
		int keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		           c == '_' || c >= 0x80 || (c == '.' && j > 0);
		if ((c & 0xc0) != 0x80)
			boundary = j;   /* a character starts here */
		if (keep)
			name[j++] = (char)c;
		else if (j > 0 && name[j - 1] != '-')
			name[j++] = '-';
	}
	/* cut short in the middle of a character: leave it out */
	if (*p && ((unsigned char)*p & 0xc0) == 0x80)
		j = boundary;
	while (j > 0 && (name[j - 1] == '-' || name[j - 1] == '.'))
		j--;
	name[j] = 0;
	if (!j)
		snprintf(name, sizeof name, "%s", "calendar");
	if (home && *home) {
		size_t hl = strlen(home);
		while (hl > 1 && home[hl - 1] == '/')
			hl--;
		snprintf(buf, n, "%.*s/lup-%s.ics", (int)hl, home, name);
	} else {
		snprintf(buf, n, "lup-%s.ics", name);
	}
}

int cal_expand_home(const char *in, const char *home, char *buf, size_t n)
{
	int w;
	if (in[0] == '~' && (in[1] == 0 || in[1] == '/') && home && *home) {
		size_t hl = strlen(home);
		while (hl > 1 && home[hl - 1] == '/')
			hl--;
		w = snprintf(buf, n, "%.*s%s", (int)hl, home, in + 1);
	} else {
		w = snprintf(buf, n, "%s", in);
	}
	return w < 0 || (size_t)w >= n ? -1 : 0;
}
