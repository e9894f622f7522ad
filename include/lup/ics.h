/* ics.h — the programme's sessions as iCalendar (RFC 5545), with libical.
 *
 * One VEVENT per session: UID "<session id>@lup" (stable across exports),
 * SEQUENCE from the session's sequence (raised on every change), DTSTAMP
 * and LAST-MODIFIED from the session's last change, CREATED, SUMMARY
 * ("title (cohort)"), LOCATION (the location, else the host), DESCRIPTION
 * (cohort, block, kind, facilitators, host, notes) and CATEGORIES (the
 * kind).  Times are local Europe/Stockholm with a VTIMEZONE of the EU rules
 * (CET/CEST, last Sunday of March and October), or UTC. */
#ifndef LUP_ICS_H
#define LUP_ICS_H

#include <stdio.h>
#include "lup/db.h"

struct lup_ics_opts {
	const char *cohort_id;     /* only this cohort's sessions */
	const char *person_id;     /* only the cohorts this person is enrolled
	                              in (or completed); not both */
	int utc;                   /* times in UTC instead of Europe/Stockholm */
};

/* Write the calendar to fp; the number of events to *events (may be
 * NULL). */
int lup_ics_write(lup_db *db, const struct lup_ics_opts *o, FILE *fp, long *events,
                  lup_err *err);
/* Write it to a file safely (lup_afile; "-" is standard output). */
int lup_ics_export(lup_db *db, const struct lup_ics_opts *o, const char *path,
                   long *events, lup_err *err);

/* Europe/Stockholm local time to UTC: "YYYY-MM-DD HH:MM" to
 * "YYYYMMDDTHHMM00Z".  A time in the spring-forward gap is read as winter
 * time, one in the autumn hour that repeats as summer time.  Returns 0, or
 * -1 for a malformed time. */
int lup_ics_local_to_utc(const char *local, char out[17]);

#endif
