/* prog.h — what programme.c, cohort.c, session.c, enrol.c, attendance.c,
 * conflict.c, agenda.c and ics.c share; not part of the public API. */
#ifndef LUP_CORE_PROG_H
#define LUP_CORE_PROG_H

#include <stdarg.h>
#include "core/internal.h"
#include "lup/cal.h"
#include "lup/conflict.h"
#include "lup/programme.h"

/* Local time now, "YYYY-MM-DD HH:MM", and today "YYYY-MM-DD". */
void lup_p_now_local(char out[17]);
void lup_p_today(char out[11]);

/* Is the keyword one of the NULL-terminated list? */
int lup_p_keyword(const char *const *list, const char *s);

/* Split a facilitator list: calls cb for each name (trimmed, not empty);
 * stops early when cb returns non-zero and returns that value. */
int lup_p_each_facilitator(const char *list, int (*cb)(void *ud, const char *name, size_t n),
                           void *ud);
/* The first name of list a also on list b, case and accents ignored: fa and
 * fb are the lists through lup_fold().  The name, as a spells it, goes to
 * buf.  1 if there is one, else 0. */
int lup_p_common_facilitator(const char *a, const char *fa, const char *fb, char *buf, size_t n);

/* Add a warning; returns 0, or -1 (err set) when memory runs out. */
int lup_p_warn(struct lup_warnings *w, enum lup_warn_kind kind, const char *cohort_id,
               const char *session_id, const char *other_id, const char *person_id,
               lup_err *err, const char *fmt, ...) __attribute__((format(printf, 8, 9)));

int lup_p_promotion_add(struct lup_promotions *p, const char *enrolment_id,
                        const char *person_id, const char *name);

/* Seat waiting people while the cohort has free seats (inside the caller's
 * transaction).  Returns how many moved, or -1. */
int lup_p_promote(lup_db *db, const char *cohort_id, struct lup_promotions *promoted,
                  lup_err *err);

/* Raise the iCalendar sequence of sessions: of a cohort, or of a block. */
int lup_p_bump_cohort_sessions(lup_db *db, const char *cohort_id, lup_err *err);
int lup_p_bump_block_sessions(lup_db *db, const char *block_id, lup_err *err);

/* Delete the row ?1 of del_sql, first remembering the sessions it takes
 * with it in session_removed (note_sql: an INSERT … SELECT of them, ?1
 * the id, ?2 the time), all in one transaction.  As lup_delete_by_id. */
#define LUP_P_NOTE_REMOVED \
	"INSERT OR REPLACE INTO session_removed (id, cohort_id, cohort, title, starts_at, ends_at, " \
	"location, sequence, created_at, updated_at) SELECT s.id, s.cohort_id, c.name, s.title, " \
	"s.starts_at, s.ends_at, s.location, s.sequence + 1, ?2, ?2 FROM session s " \
	"JOIN cohort c ON c.id = s.cohort_id "
int lup_p_delete_sessions(lup_db *db, const char *note_sql, const char *del_sql, const char *id,
                          const char *what, const char *missing, lup_err *err);

/* One text value from a one-row query whose ?1 (and ?2, when b is not
 * NULL) are bound to a and b, into out (n bytes): 1, or 0 when there is
 * no row (out ""), or -1 with err set. */
int lup_p_lookup(lup_db *db, const char *sql, const char *a, const char *b, char *out, size_t n,
                 lup_err *err);


/* Validate "YYYY-MM-DD" (or "" / NULL: allowed when optional). */
int lup_p_date_ok(const char *s);

/* The people of a session's register (enrol.h): those holding a seat in
 * its cohort on its day, and anyone marked at it; ?1 is the session.  The
 * columns are the person's id and name, their mark (or ''), their best
 * enrolment status ('z' for withdrawn), then `cols` (", p.email, …"). */
#define LUP_P_REGISTER_SQL(cols) \
	"WITH s AS (SELECT cohort_id, substr(starts_at, 1, 10) AS day FROM session WHERE id = ?1) " \
	"SELECT p.id, p.name, coalesce(a.status, ''), " \
	"  min(CASE e.status WHEN 'withdrawn' THEN 'z' ELSE e.status END)" cols " " \
	"FROM s JOIN enrolment e ON e.cohort_id = s.cohort_id AND e.status <> 'waitlisted' " \
	"JOIN person p ON p.id = e.person_id " \
	"LEFT JOIN attendance a ON a.session_id = ?1 AND a.person_id = e.person_id " \
	"WHERE a.id IS NOT NULL OR " LUP_P_SEAT_ON("e", "s.day") " " \
	"GROUP BY p.id ORDER BY p.sort_name, p.id"

/* Fill a session row from a statement whose columns are LUP_P_SROW_COLS
 * (starting at column 0). */
#define LUP_P_SROW_COLS \
	"s.id, s.cohort_id, c.name, s.title, s.kind, coalesce(b.name, ''), coalesce(b.kind, ''), " \
	"s.starts_at, s.ends_at, coalesce(s.location, ''), " \
	"coalesce(s.facilitators, c.facilitators, ''), coalesce(h.name, s.host_name, ''), s.sequence, " \
	"(SELECT count(*) FROM attendance a WHERE a.session_id = s.id) "
#define LUP_P_SROW_FROM \
	" FROM session s JOIN cohort c ON c.id = s.cohort_id LEFT JOIN block b ON b.id = s.block_id " \
	"LEFT JOIN host_org h ON h.id = s.host_id "
void lup_p_session_row(sqlite3_stmt *st, void *row);   /* a struct lup_session_row */
/* Each row's count of conflicts (lup_session_conflicts). */
void lup_p_count_conflicts(lup_db *db, struct lup_session_row *rows, int n);

/* Enrolment e held a seat on day (an SQL expression "YYYY-MM-DD"): it
 * counts from enrolled_on, and a withdrawn one until the day it ended. */
#define LUP_P_SEAT_ON(e, day) \
	"(" e ".enrolled_on IS NOT NULL AND " e ".enrolled_on <= " day " AND (" e ".status <> 'withdrawn' " \
	"OR coalesce(" e ".ended_on, '') >= " day "))"

/* The status of cohort c (an alias) on the day `today` (an SQL
 * expression, e.g. "?9"), by lup_cohort_status_on: its first and last
 * day from its dates and its sessions. */
#define LUP_P_COHORT_STATUS(c, today) \
	"lup_cohort_status(" c ".status_override, " \
	"nullif(min(coalesce(" c ".start_date, '9999-12-31'), coalesce((SELECT substr(min(s_.starts_at), 1, 10) " \
	"FROM session s_ WHERE s_.cohort_id = " c ".id), '9999-12-31')), '9999-12-31'), " \
	"nullif(max(coalesce(" c ".end_date, ''), coalesce((SELECT substr(max(s_.ends_at), 1, 10) " \
	"FROM session s_ WHERE s_.cohort_id = " c ".id), '')), ''), " \
	"EXISTS (SELECT 1 FROM session s_ WHERE s_.cohort_id = " c ".id), " today ")"

#endif
