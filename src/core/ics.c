/* ics.c — the sessions as an iCalendar file, written with libical.
 *
 * libical builds and serialises each component (escaping, CRLF line ends,
 * folding at 75 octets); the calendar is streamed one VEVENT at a time so a
 * large export never holds more than one event in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libical/ical.h>
#include "core/prog.h"
#include "lup/cal.h"
#include "lup/ics.h"

#define TZID "Europe/Stockholm"

/* ---- Europe/Stockholm: CET, CEST from the last Sunday of March 02:00
 * to the last Sunday of October 03:00 (EU rules, since 1996). ---- */

static lup_date last_sunday(int y, int m)
{
	lup_date d = { y, m, lup_days_in_month(y, m) };
	return lup_date_add(d, -(lup_date_weekday(d) % 7));
}

int lup_ics_local_to_utc(const char *local, char out[17])
{
	lup_datetime dt;
	long min, spring, autumn, day;
	int offset;
	lup_date u;

	if (!local || lup_datetime_parse(local, &dt) < 0)
		return -1;
	day = lup_date_to_days(dt.date);
	min = day * 1440 + dt.hh * 60 + dt.mm;
	spring = lup_date_to_days(last_sunday(dt.date.y, 3)) * 1440 + 3 * 60;
	autumn = lup_date_to_days(last_sunday(dt.date.y, 10)) * 1440 + 3 * 60;
	offset = (min >= spring && min < autumn) ? 120 : 60;
	min -= offset;
	u = lup_date_from_days(min >= 0 ? min / 1440 : (min - 1439) / 1440);
	min -= lup_date_to_days(u) * 1440;
	{
		unsigned y = (unsigned)u.y % 10000, mo = (unsigned)u.m % 100, d = (unsigned)u.d % 100;
		unsigned hh = (unsigned)(min / 60) % 24, mm = (unsigned)(min % 60) % 60;
		snprintf(out, 17, "%04u%02u%02uT%02u%02u00Z", y, mo, d, hh, mm);
	}
	return 0;
}

static struct icaltimetype local_time(const char *s)
{
	struct icaltimetype t = icaltime_null_time();
	lup_datetime dt;
	if (lup_datetime_parse(s, &dt) == 0) {
		t.year = dt.date.y;
		t.month = dt.date.m;
		t.day = dt.date.d;
		t.hour = dt.hh;
		t.minute = dt.mm;
	}
	return t;
}

static struct icaltimetype utc_time(const char *compact)
{
	/* "YYYYMMDDTHHMMSSZ" */
	struct icaltimetype t = icaltime_null_time();
	if (sscanf(compact, "%4d%2d%2dT%2d%2d%2d", &t.year, &t.month, &t.day, &t.hour,
	           &t.minute, &t.second) != 6)
		t = icaltime_null_time();
	t.zone = icaltimezone_get_utc_timezone();
	return t;
}

/* created_at / updated_at: "2014-09-15T08:30:00Z". */
static struct icaltimetype stamp_time(const char *iso)
{
	struct icaltimetype t = icaltime_null_time();
	if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &t.year, &t.month, &t.day, &t.hour,
	                   &t.minute, &t.second) != 6)
		t = icaltime_from_timet_with_zone(0, 0, NULL);
	t.zone = icaltimezone_get_utc_timezone();
	return t;
}

static icalcomponent *rule(int daylight, const char *name, int from, int to,
                           const char *start, const char *rrule)
{
	icalcomponent *c = daylight ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
	struct icaltimetype t = icaltime_from_string(start);
	icalcomponent_add_property(c, icalproperty_new_tzname(name));
	icalcomponent_add_property(c, icalproperty_new_tzoffsetfrom(from));
	icalcomponent_add_property(c, icalproperty_new_tzoffsetto(to));
	icalcomponent_add_property(c, icalproperty_new_dtstart(t));
	icalcomponent_add_property(c, icalproperty_new_rrule(icalrecurrencetype_from_string(rrule)));
	return c;
}

static icalcomponent *vtimezone(void)
{
	icalcomponent *tz = icalcomponent_new_vtimezone();
	icalcomponent_add_property(tz, icalproperty_new_tzid(TZID));
	icalcomponent_add_component(tz, rule(1, "CEST", 3600, 7200, "19810329T020000",
	                                     "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
	icalcomponent_add_component(tz, rule(0, "CET", 7200, 3600, "19961027T030000",
	                                     "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
	return tz;
}

static icalproperty *x_prop(const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);
	icalproperty_set_x_name(p, name);
	return p;
}

/* Write one serialised component; the calendar's own END line is left off
 * so the events can follow it. */
static int put(FILE *fp, icalcomponent *c, int strip_end)
{
	char *s = icalcomponent_as_ical_string_r(c);
	size_t len;
	int ok;
	if (!s)
		return -1;
	len = strlen(s);
	if (strip_end) {
		static const char end[] = "END:VCALENDAR\r\n";
		size_t el = sizeof end - 1;
		if (len >= el && strcmp(s + len - el, end) == 0)
			len -= el;
	}
	ok = fwrite(s, 1, len, fp) == len;
	icalmemory_free_buffer(s);
	return ok ? 0 : -1;
}

static void text_line(lup_buf *b, const char *label, const char *value)
{
	if (lup_blank(value))
		return;
	if (b->len)
		lup_buf_puts(b, "\n");
	lup_buf_printf(b, label, value);
}

struct row {
	const char *id, *title, *kind, *starts, *ends, *location, *facilitators, *host, *city,
	           *notes, *created, *updated, *cohort, *block;
	int sequence;
};

static icalcomponent *vevent(const struct row *r, int utc)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	lup_buf uid = { 0 }, summary = { 0 }, desc = { 0 }, where = { 0 };
	icalproperty *p;

	lup_buf_printf(&uid, "%s@lup", r->id);
	icalcomponent_add_property(ev, icalproperty_new_uid(uid.s ? uid.s : r->id));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp_time(r->updated)));
	icalcomponent_add_property(ev, icalproperty_new_created(stamp_time(r->created)));
	icalcomponent_add_property(ev, icalproperty_new_lastmodified(stamp_time(r->updated)));
	icalcomponent_add_property(ev, icalproperty_new_sequence(r->sequence));
	if (utc) {
		char a[17], b[17];
		lup_ics_local_to_utc(r->starts, a);
		lup_ics_local_to_utc(r->ends, b);
		icalcomponent_add_property(ev, icalproperty_new_dtstart(utc_time(a)));
		icalcomponent_add_property(ev, icalproperty_new_dtend(utc_time(b)));
	} else {
		p = icalproperty_new_dtstart(local_time(r->starts));
		icalproperty_add_parameter(p, icalparameter_new_tzid(TZID));
		icalcomponent_add_property(ev, p);
		p = icalproperty_new_dtend(local_time(r->ends));
		icalproperty_add_parameter(p, icalparameter_new_tzid(TZID));
		icalcomponent_add_property(ev, p);
	}
	lup_buf_printf(&summary, "%s (%s)", r->title, r->cohort);
	icalcomponent_add_property(ev, icalproperty_new_summary(summary.s ? summary.s : r->title));
	if (!lup_blank(r->location))
		lup_buf_puts(&where, r->location);
	else if (!lup_blank(r->host))
		lup_buf_printf(&where, lup_blank(r->city) ? "%s" : "%s, %s", r->host, r->city);
	if (where.s)
		icalcomponent_add_property(ev, icalproperty_new_location(where.s));
	text_line(&desc, _("Cohort: %s"), r->cohort);
	text_line(&desc, _("Block: %s"), r->block);
	if (*r->kind)
		text_line(&desc, _("Kind: %s"), lup_session_kind_label(r->kind));
	text_line(&desc, _("Facilitators: %s"), r->facilitators);
	text_line(&desc, _("Host: %s"), r->host);
	if (!lup_blank(r->notes)) {
		lup_buf_puts(&desc, "\n\n");
		lup_buf_puts(&desc, r->notes);
	}
	if (desc.s)
		icalcomponent_add_property(ev, icalproperty_new_description(desc.s));
	if (*r->kind)
		icalcomponent_add_property(ev, icalproperty_new_categories(lup_session_kind_label(r->kind)));
	lup_buf_clear(&uid);
	lup_buf_clear(&summary);
	lup_buf_clear(&desc);
	lup_buf_clear(&where);
	return ev;
}

static const char *col(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? t : "";
}

/* ---- Invitations (RFC 5546) ---- */

/* A parameter value: no double quotes (they cannot be quoted) and no
 * control characters. */
static char *param_text(const char *s)
{
	char *c = strdup(s ? s : "");
	for (char *p = c; p && *p; p++)
		if (*p == '"')
			*p = '\'';
		else if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return c;
}

static icalproperty *cal_address(int organiser, const char *email, const char *name)
{
	lup_buf uri = { 0 };
	icalproperty *p;
	char *cn;
	lup_buf_printf(&uri, "mailto:%s", email);
	p = organiser ? icalproperty_new_organizer(uri.s ? uri.s : email)
	              : icalproperty_new_attendee(uri.s ? uri.s : email);
	if (name && *name && (cn = param_text(name))) {
		icalproperty_add_parameter(p, icalparameter_new_cn(cn));
		free(cn);
	}
	if (!organiser) {
		icalproperty_add_parameter(p, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
		icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		icalproperty_add_parameter(p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
		icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
	}
	lup_buf_clear(&uri);
	return p;
}

/* The organiser, the status and an attendee for each participant of the
 * session's cohort (or only the person the export is for). */
static int invite_parts(lup_db *db, icalcomponent *ev, const char *cohort_id, const char *person,
                        struct lup_ics_invite *inv, lup_err *err)
{
	static const char by_cohort[] =
		"SELECT p.name, p.email FROM enrolment e JOIN person p ON p.id = e.person_id "
		"WHERE e.cohort_id = ?1 AND e.status IN ('enrolled', 'completed') AND p.email IS NOT NULL "
		"ORDER BY p.sort_name, p.id";
	static const char one[] = "SELECT name, email FROM person WHERE id = ?1 AND email IS NOT NULL";
	sqlite3_stmt *st;
	int rc;

	icalcomponent_add_property(ev, icalproperty_new_status(inv->cancel ? ICAL_STATUS_CANCELLED
	                                                                   : ICAL_STATUS_CONFIRMED));
	icalcomponent_add_property(ev, cal_address(1, inv->organiser, inv->organiser_name));
	if (!(st = lup_stmt(db, person ? one : by_cohort, err)))
		return -1;
	sqlite3_bind_text(st, 1, person ? person : cohort_id, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("exporting the calendar"), err)) == SQLITE_ROW) {
		icalcomponent_add_property(ev, cal_address(0, col(st, 1), col(st, 0)));
		inv->attendees++;
	}
	if (rc < 0)
		return -1;
	lup_done(st);
	return 0;
}

/* Participants of the export's cohorts who have no e-mail address. */
static int count_without_email(lup_db *db, const char *cohort, const char *person,
                               struct lup_ics_invite *inv, lup_err *err)
{
	static const char all[] =
		"SELECT count(*) FROM enrolment e JOIN person p ON p.id = e.person_id "
		"WHERE e.status IN ('enrolled', 'completed') AND p.email IS NULL";
	static const char by_cohort[] =
		"SELECT count(*) FROM enrolment e JOIN person p ON p.id = e.person_id "
		"WHERE e.cohort_id = ?1 AND e.status IN ('enrolled', 'completed') AND p.email IS NULL";
	static const char one[] = "SELECT count(*) FROM person WHERE id = ?1 AND email IS NULL";
	sqlite3_stmt *st = lup_stmt(db, person ? one : cohort ? by_cohort : all, err);
	int rc;
	if (!st)
		return -1;
	if (person || cohort)
		sqlite3_bind_text(st, 1, person ? person : cohort, -1, SQLITE_TRANSIENT);
	if ((rc = lup_step(db, st, _("exporting the calendar"), err)) < 0)
		return -1;
	inv->without_email = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	lup_done(st);
	return 0;
}

int lup_ics_write(lup_db *db, const struct lup_ics_opts *o, FILE *fp, long *events,
                  lup_err *err)
{
#define ICOLS "SELECT s.id, s.title, s.kind, s.starts_at, s.ends_at, coalesce(s.location, ''), " \
	"coalesce(s.facilitators, c.facilitators, ''), coalesce(h.name, s.host_name, ''), " \
	"coalesce(h.city, ''), coalesce(s.notes, ''), s.sequence, s.created_at, s.updated_at, " \
	"c.name, coalesce(b.name, ''), s.cohort_id "
#define IJOIN "JOIN cohort c ON c.id = s.cohort_id LEFT JOIN block b ON b.id = s.block_id " \
	"LEFT JOIN host_org h ON h.id = s.host_id "
	/* One statement per filter, each on its index. */
	static const char all_sql[] = ICOLS "FROM session s " IJOIN "ORDER BY s.starts_at, s.id";
	static const char by_cohort[] = ICOLS "FROM session s " IJOIN
		"WHERE s.cohort_id = ?1 ORDER BY s.starts_at, s.id";
	static const char by_person[] = ICOLS "FROM enrolment e CROSS JOIN session s "
		"ON s.cohort_id = e.cohort_id " IJOIN
		"WHERE e.person_id = ?1 AND e.status IN ('enrolled', 'completed') ORDER BY s.starts_at, s.id";
#undef ICOLS
#undef IJOIN
	/* Deleted sessions, in the same columns. */
#define RCOLS "SELECT r.id, r.title, '', r.starts_at, r.ends_at, coalesce(r.location, ''), '', '', '', " \
	"'', r.sequence, r.created_at, r.updated_at, r.cohort, '', r.cohort_id FROM session_removed r "
	static const char removed_all[] = RCOLS "ORDER BY r.starts_at, r.id";
	static const char removed_cohort[] = RCOLS "WHERE r.cohort_id = ?1 ORDER BY r.starts_at, r.id";
	static const char removed_person[] = RCOLS
		"WHERE r.cohort_id IN (SELECT cohort_id FROM enrolment WHERE person_id = ?1 "
		"AND status IN ('enrolled', 'completed')) ORDER BY r.starts_at, r.id";
#undef RCOLS
	static const char cohort_sql[] = "SELECT name FROM cohort WHERE id = ?1";
	static const char person_sql[] = "SELECT name FROM person WHERE id = ?1";
	const char *cohort = o && o->cohort_id && *o->cohort_id ? o->cohort_id : NULL;
	const char *person = o && o->person_id && *o->person_id ? o->person_id : NULL;
	struct lup_ics_invite *inv = o ? o->invite : NULL;
	const char *sql;
	char calname[200] = "lup";
	icalcomponent *cal;
	sqlite3_stmt *st;
	long n = 0;
	int rc;

	if (events)
		*events = 0;
	if (cohort && person)
		return lup_err_set(err, LUP_EINVAL, _("give a cohort or a person, not both"));
	if (inv) {
		inv->attendees = inv->without_email = 0;
		if (!inv->organiser || !*inv->organiser)
			return lup_err_set(err, LUP_EINVAL,
				_("an invitation needs the organiser's e-mail address ([documents] organiser in lup.ini)"));
		if (!lup_email_valid(inv->organiser))
			return lup_err_set(err, LUP_EINVAL, _("the organiser '%s' is not an e-mail address"),
			                   inv->organiser);
	}
	if (cohort || person) {
		if (!(st = lup_stmt(db, cohort ? cohort_sql : person_sql, err)))
			return -1;
		sqlite3_bind_text(st, 1, cohort ? cohort : person, -1, SQLITE_TRANSIENT);
		if ((rc = lup_step(db, st, _("exporting the calendar"), err)) < 0)
			return -1;
		if (rc == SQLITE_ROW) {
			char name[160];
			lup_col_cut(st, 0, name, sizeof name);
			snprintf(calname, sizeof calname, "lup: %s", name);
		}
		lup_done(st);
		if (rc != SQLITE_ROW)
			return lup_err_set(err, LUP_ENOTFOUND, cohort ? _("no such cohort") : _("no such person"));
	}
	if (inv && count_without_email(db, cohort, person, inv, err) < 0)
		return -1;

	cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//lup//lup " LUP_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	if (inv)
		icalcomponent_add_property(cal, icalproperty_new_method(inv->cancel ? ICAL_METHOD_CANCEL
		                                                                    : ICAL_METHOD_REQUEST));
	icalcomponent_add_property(cal, x_prop("X-WR-CALNAME", calname));
	if (!(o && o->utc)) {
		icalcomponent_add_property(cal, x_prop("X-WR-TIMEZONE", TZID));
		icalcomponent_add_component(cal, vtimezone());
	}
	rc = put(fp, cal, 1);
	icalcomponent_free(cal);
	if (rc < 0)
		goto io;

	if (inv && inv->cancel)
		sql = cohort ? removed_cohort : person ? removed_person : removed_all;
	else
		sql = cohort ? by_cohort : person ? by_person : all_sql;
	if (!(st = lup_stmt(db, sql, err)))
		return -1;
	if (cohort || person)
		sqlite3_bind_text(st, 1, cohort ? cohort : person, -1, SQLITE_TRANSIENT);
	while ((rc = lup_step(db, st, _("exporting the calendar"), err)) == SQLITE_ROW) {
		struct row r = {
			col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4), col(st, 5),
			col(st, 6), col(st, 7), col(st, 8), col(st, 9), col(st, 11), col(st, 12),
			col(st, 13), col(st, 14), sqlite3_column_int(st, 10)
		};
		icalcomponent *ev = vevent(&r, o && o->utc);
		int bad;
		if (inv) {
			/* The attendees' query needs its own statement: keep the
			 * cohort's id past this row. */
			char cohort_id[40];
			lup_col_cut(st, 15, cohort_id, sizeof cohort_id);
			if (invite_parts(db, ev, cohort_id, person, inv, err) < 0) {
				icalcomponent_free(ev);
				lup_done(st);
				return -1;
			}
		}
		bad = put(fp, ev, 0);
		icalcomponent_free(ev);
		if (bad) {
			lup_done(st);
			goto io;
		}
		n++;
	}
	if (rc < 0)
		return -1;
	lup_done(st);
	if (fputs("END:VCALENDAR\r\n", fp) == EOF || ferror(fp))
		goto io;
	if (events)
		*events = n;
	return 0;
io:
	return lup_err_set(err, LUP_EFAIL, _("writing the calendar failed"));
}

int lup_ics_export(lup_db *db, const struct lup_ics_opts *o, const char *path, long *events,
                   lup_err *err)
{
	lup_afile af;
	if (lup_afile_open(&af, path && *path ? path : "-", 0600, err) < 0)
		return -1;
	if (lup_ics_write(db, o, af.fp, events, err) < 0) {
		lup_afile_abort(&af);
		return -1;
	}
	return lup_afile_commit(&af, err);
}
