/* agenda.c — the calendar: the agenda paged by start, the month grid. */
#include <stdlib.h>
#include <string.h>
#include "core/prog.h"
#include "lup/agenda.h"

/* [one cohort][backward] */
#define AFILT "AND s.starts_at >= ?5 AND s.starts_at < ?6 "
static const char *const page_sql[2][2] = {
	{ "SELECT " LUP_P_SROW_COLS LUP_P_SROW_FROM
	  "WHERE (s.starts_at, s.id) > (?2, ?3) " AFILT "ORDER BY s.starts_at, s.id LIMIT ?4",
	  "SELECT " LUP_P_SROW_COLS LUP_P_SROW_FROM
	  "WHERE (s.starts_at, s.id) < (?2, ?3) " AFILT "ORDER BY s.starts_at DESC, s.id DESC LIMIT ?4" },
	{ "SELECT " LUP_P_SROW_COLS LUP_P_SROW_FROM
	  "WHERE s.cohort_id = ?1 AND (s.starts_at, s.id) > (?2, ?3) " AFILT
	  "ORDER BY s.starts_at, s.id LIMIT ?4",
	  "SELECT " LUP_P_SROW_COLS LUP_P_SROW_FROM
	  "WHERE s.cohort_id = ?1 AND (s.starts_at, s.id) < (?2, ?3) " AFILT
	  "ORDER BY s.starts_at DESC, s.id DESC LIMIT ?4" },
};

/* The range as bounds on starts_at: [start 00:00, the day after end). */
static void bounds(const struct lup_agenda_query *q, char lo[17], char hi[17])
{
	lup_date d;
	snprintf(lo, 17, "%s", "");
	snprintf(hi, 17, "%s", "~");
	if (q && q->start && *q->start)
		snprintf(lo, 17, "%.10s 00:00", q->start);
	if (q && q->end && *q->end && lup_date_parse(q->end, lup_date_today(), &d) == 0) {
		char b[11];
		lup_date_format(lup_date_add(d, 1), b);
		snprintf(hi, 17, "%s 00:00", b);
	}
}

int lup_agenda_page(lup_db *db, const struct lup_agenda_query *q,
                    const struct lup_session_row *from, int dir, int limit,
                    struct lup_session_row *rows, lup_err *err)
{
	int back = dir < 0, one = q && q->cohort_id && *q->cohort_id, n;
	char lo[17], hi[17];
	sqlite3_stmt *st;
	if (limit <= 0)
		return 0;
	if (!(st = lup_stmt(db, page_sql[one][back], err)))
		return -1;
	bounds(q, lo, hi);
	if (one)
		sqlite3_bind_text(st, 1, q->cohort_id, -1, SQLITE_TRANSIENT);
	lup_bind_key(st, 2, from ? from->starts_at : NULL, back);
	lup_bind_key(st, 3, from ? from->id : NULL, back);
	sqlite3_bind_int(st, 4, limit);
	sqlite3_bind_text(st, 5, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, hi, -1, SQLITE_TRANSIENT);
	n = lup_page_rows(db, st, back, limit, rows, sizeof *rows, lup_p_session_row,
	                  _("reading the calendar"), err);
	if (n > 0 && q && q->with_conflicts)
		lup_p_count_conflicts(db, rows, n);
	return n;
}

void lup_agenda_anchor(const char *date, struct lup_session_row *row)
{
	memset(row, 0, sizeof *row);
	snprintf(row->starts_at, sizeof row->starts_at, "%.10s 00:00", date ? date : "");
	/* id "" sorts before every id: forward includes midnight starts. */
}

int lup_agenda_count(lup_db *db, const struct lup_agenda_query *q, long *n, lup_err *err)
{
	static const char sql[] =
		"SELECT count(*) FROM session s WHERE (?1 IS NULL OR s.cohort_id = ?1) "
		"AND s.starts_at >= ?5 AND s.starts_at < ?6";
	sqlite3_stmt *st = lup_stmt(db, sql, err);
	char lo[17], hi[17];
	if (!st)
		return -1;
	bounds(q, lo, hi);
	lup_bind_text(st, 1, q ? q->cohort_id : NULL);
	sqlite3_bind_text(st, 5, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, hi, -1, SQLITE_TRANSIENT);
	return lup_count_row(db, st, n, 1, _("reading the calendar"), err);
}

int lup_agenda_month(lup_db *db, const char *cohort_id, int year, int month,
                     struct lup_month *m, lup_err *err)
{
	/* Sessions that touch the grid's days (a long one may start before). */
	static const char sql[] =
		"SELECT s.starts_at, s.ends_at FROM session s WHERE (?1 IS NULL OR s.cohort_id = ?1) "
		"AND s.starts_at >= ?2 AND s.starts_at < ?3 AND s.ends_at > ?4";
	lup_date first = { year, month, 1 }, start;
	long d0, ncells;
	char lo[17], hi[17], from[17], b[11];
	sqlite3_stmt *st;
	int rc;

	memset(m, 0, sizeof *m);
	if (!lup_date_valid(first))
		return lup_err_field(err, "month", _("there is no month %04d-%02d"), year, month);
	m->year = year;
	m->month = month;
	start = lup_date_add(first, 1 - lup_date_weekday(first));  /* the Monday */
	d0 = lup_date_to_days(start);
	{
		long last = lup_date_to_days(first) + lup_days_in_month(year, month) - 1;
		m->weeks = (int)((last - d0) / 7 + 1);
	}
	ncells = m->weeks * 7L;
	for (int r = 0; r < m->weeks; r++) {
		for (int c = 0; c < 7; c++) {
			struct lup_month_cell *cell = &m->cell[r][c];
			cell->date = lup_date_from_days(d0 + r * 7 + c);
			cell->in_month = cell->date.m == month;
			cell->holiday = lup_holiday(cell->date, NULL, NULL);
			cell->weekend = c >= 5;
		}
		m->isoweek[r] = lup_date_isoweek(m->cell[r][0].date, NULL);
	}
	lup_date_format(start, b);
	snprintf(from, sizeof from, "%s 00:00", b);
	lup_date_format(lup_date_add(start, -(LUP_SESSION_MAX_DAYS + 1)), b);
	snprintf(lo, sizeof lo, "%s 00:00", b);
	lup_date_format(lup_date_from_days(d0 + ncells), b);
	snprintf(hi, sizeof hi, "%s 00:00", b);
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	lup_bind_text(st, 1, cohort_id);
	sqlite3_bind_text(st, 2, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, hi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, from, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("reading the calendar"), err)) == SQLITE_ROW) {
		lup_datetime a, e;
		long x, y;
		if (lup_datetime_parse((const char *)sqlite3_column_text(st, 0), &a) < 0 ||
		    lup_datetime_parse((const char *)sqlite3_column_text(st, 1), &e) < 0)
			continue;
		x = lup_date_to_days(a.date);
		y = lup_date_to_days(e.date);
		if (y > x && e.hh == 0 && e.mm == 0)
			y--;   /* ends at midnight: not on that day */
		for (long d = x < d0 ? d0 : x; d <= y && d < d0 + ncells; d++)
			m->cell[(d - d0) / 7][(d - d0) % 7].sessions++;
	}
	if (rc < 0)
		return -1;
	lup_done(st);
	return 0;
}
