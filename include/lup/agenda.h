/* agenda.h — the programme calendar: an agenda paged by date and a month
 * grid, for all cohorts or one.  Weeks are ISO 8601 (cal.h). */
#ifndef LUP_AGENDA_H
#define LUP_AGENDA_H

#include "lup/cal.h"
#include "lup/db.h"
#include "lup/programme.h"

struct lup_agenda_query {
	const char *cohort_id;     /* NULL or "": every cohort */
	const char *start;         /* first day "YYYY-MM-DD", NULL or "": no limit */
	const char *end;           /* last day (inclusive), NULL or "": no limit */
	int with_conflicts;        /* fill row.conflicts */
};

/* A session row as lup_session_row: isoweek/isoyear are the ISO week of the
 * start, for "v. 37" headings (a new heading where they change). */
int lup_agenda_page(lup_db *db, const struct lup_agenda_query *q,
                    const struct lup_session_row *from, int dir, int limit,
                    struct lup_session_row *rows, lup_err *err);
/* A row to page from for "jump to a date": paging forward from it gives the
 * sessions from that day on, backward the ones before.  date is
 * "YYYY-MM-DD" (lup_date_parse accepts "today", "+2w" …). */
void lup_agenda_anchor(const char *date, struct lup_session_row *row);
int lup_agenda_count(lup_db *db, const struct lup_agenda_query *q, long *n, lup_err *err);

/* A month as a grid of weeks, Monday first. */
struct lup_month_cell {
	lup_date date;
	int in_month;              /* 0 for the days of the neighbouring months */
	int sessions;              /* sessions on that day (a long one on each day) */
	int holiday;               /* LUP_WORKDAY, LUP_HOLIDAY or LUP_DAY_OFF */
	int weekend;
};
struct lup_month {
	int year, month;
	int weeks;                 /* rows: 4 to 6 */
	int isoweek[6];            /* the ISO week of each row */
	struct lup_month_cell cell[6][7];
};
int lup_agenda_month(lup_db *db, const char *cohort_id, int year, int month,
                     struct lup_month *out, lup_err *err);

#endif
