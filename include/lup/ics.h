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

/* Meeting invitations (RFC 5546 iTIP), for lup export ics --invite and
 * --cancel.  REQUEST: the sessions as above, each with STATUS:CONFIRMED,
 * an ORGANIZER and an ATTENDEE (ROLE=REQ-PARTICIPANT, PARTSTAT=NEEDS-ACTION,
 * RSVP=TRUE) for every participant of its cohort (enrolled or completed)
 * with an e-mail address; with a person, only them.  A session that moves
 * keeps its UID and its SEQUENCE rises, so a calendar program updates the
 * meeting it accepted.  CANCEL: the sessions deleted since (session_removed),
 * STATUS:CANCELLED with the SEQUENCE after their last, to the same
 * attendees. */
struct lup_ics_invite {
	int cancel;                /* METHOD:CANCEL for deleted sessions, else REQUEST */
	const char *organiser;     /* an e-mail address (required) */
	const char *organiser_name;   /* CN, or NULL */
	/* out */
	long attendees;            /* ATTENDEE lines written */
	long without_email;        /* participants left out for want of an address */
};

struct lup_ics_opts {
	const char *cohort_id;     /* only this cohort's sessions */
	const char *person_id;     /* only the cohorts this person is enrolled
	                              in (or completed); not both */
	int utc;                   /* times in UTC instead of Europe/Stockholm */
	struct lup_ics_invite *invite;   /* NULL: a plain calendar (no METHOD) */
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
