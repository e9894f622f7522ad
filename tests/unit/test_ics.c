/* Unit tests for ics.c: Stockholm to UTC, and the calendar read back with
 * libical's parser. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <libical/ical.h>
#include "fixture.h"
#include "lup/ics.h"

static void test_local_to_utc(void **state)
{
	static const struct { const char *local, *utc; } cases[] = {
		{ "2015-01-15 09:00", "20150115T080000Z" },   /* CET */
		{ "2015-07-01 09:00", "20150701T070000Z" },   /* CEST */
		{ "2015-01-01 00:30", "20141231T233000Z" },   /* back over the year end */
		{ "2015-03-29 01:59", "20150329T005900Z" },   /* the last winter minute */
		{ "2015-03-29 02:30", "20150329T013000Z" },   /* the gap: winter time */
		{ "2015-03-29 03:00", "20150329T010000Z" },   /* summer begins */
		{ "2015-10-25 01:30", "20151024T233000Z" },
		{ "2015-10-25 02:30", "20151025T003000Z" },   /* the repeated hour: summer */
		{ "2015-10-25 03:00", "20151025T020000Z" },   /* winter again */
		{ "2016-03-27 12:00", "20160327T100000Z" },   /* 2016: last Sunday is the 27th */
		{ "2016-03-26 12:00", "20160326T110000Z" },
		{ "2020-10-25 12:00", "20201025T110000Z" },
	};
	char out[17];
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(lup_ics_local_to_utc(cases[i].local, out), 0);
		assert_string_equal(out, cases[i].utc);
	}
	assert_int_equal(lup_ics_local_to_utc("2015-13-01 09:00", out), -1);
	assert_int_equal(lup_ics_local_to_utc(NULL, out), -1);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long n;
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
	s[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return s;
}

static int count_events(icalcomponent *cal)
{
	int n = 0;
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
	     c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		n++;
	return n;
}

static void test_export(void **state)
{
	struct fx *f = *state;
	struct lup_ics_opts o = { 0 };
	char path[400], s1[LUP_ID_SIZE], s2[LUP_ID_SIZE], other[LUP_ID_SIZE], pid[LUP_ID_SIZE];
	char uid[64];
	struct lup_session s;
	icalcomponent *cal, *ev;
	size_t len;
	long events;
	lup_err err;
	char *text;

	snprintf(path, sizeof path, "%s/out.ics", f->dir);
	memcpy(s1, fx_session(f, f->cohort, "ul", "course_day", "2015-09-07 09:00", "2015-09-07 16:30",
	                      "Tjolöholms slott, Kungsbacka", NULL), sizeof s1);
	memcpy(s2, fx_session(f, f->cohort, "abw", "study_visit", "2015-03-04 10:00", "2015-03-04 15:00",
	                      NULL, "Eva Ek"), sizeof s2);
	memcpy(other, fx_cohort(f, f->prog, "Kull 2", 16, NULL, "open"), sizeof other);
	fx_session(f, other, "egov", "course_day", "2015-05-05 09:00", "2015-05-05 12:00", NULL, NULL);
	/* A study visit at a registered host; a long note that must fold. */
	assert_int_equal(lup_session_get(f->db, s2, &s, &err), 0);
	snprintf(s.host_id, sizeof s.host_id, "%s", fx_host(f, "Försäkringskassan", "Stockholm"));
	s.notes = strdup("Samling i entrén kvart i tio; ta med legitimation. Besöket följs av en "
	                 "gemensam reflektion; semikolon, kommatecken och radbrytningar\nska klara sig. "
	                 "Återkoppling: åäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖ"
	                 "åäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖ€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€ slut.");
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, NULL, &err), 0);
	lup_session_clear(&s);

	o.cohort_id = f->cohort;
	assert_int_equal(lup_ics_export(f->db, &o, path, &events, &err), 0);
	assert_int_equal(events, 2);
	text = slurp(path, &len);
	/* CRLF everywhere, no line longer than 75 octets. */
	{
		size_t line = 0;
		for (size_t i = 0; i < len; i++) {
			if (text[i] == '\n') {
				assert_true(i > 0 && text[i - 1] == '\r');
				assert_true(line <= 76);
				line = 0;
			} else {
				line++;
			}
		}
	}
	assert_non_null(strstr(text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm"));
	assert_non_null(strstr(text, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"));
	assert_non_null(strstr(text, "DTSTART;TZID=Europe/Stockholm:20150907T090000"));

	cal = icalparser_parse_string(text);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	assert_int_equal(count_events(cal), 2);
	assert_string_equal(icalproperty_get_version(
		icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY)), "2.0");
	assert_non_null(icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT));
	/* Events by start: the study visit first. */
	ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	snprintf(uid, sizeof uid, "%s@lup", s2);
	assert_string_equal(icalcomponent_get_uid(ev), uid);
	assert_int_equal(icalcomponent_get_sequence(ev), 1);
	assert_non_null(strstr(icalcomponent_get_summary(ev), "Pilot Halland"));
	assert_string_equal(icalcomponent_get_location(ev), "Försäkringskassan, Stockholm");
	assert_non_null(strstr(icalcomponent_get_description(ev), "Eva Ek"));
	assert_non_null(strstr(icalcomponent_get_description(ev), "radbrytningar\nska klara sig."));
	assert_non_null(strstr(icalcomponent_get_description(ev), "semikolon, kommatecken"));
	/* Folded at octets, never inside a UTF-8 character. */
	assert_non_null(strstr(icalcomponent_get_description(ev), "ÅÄÖ€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€ slut."));
	{
		struct icaltimetype t = icalcomponent_get_dtstart(ev);
		assert_int_equal(t.hour, 10);
		assert_int_equal(t.day, 4);
	}
	ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
	snprintf(uid, sizeof uid, "%s@lup", s1);
	assert_string_equal(icalcomponent_get_uid(ev), uid);
	assert_int_equal(icalcomponent_get_sequence(ev), 0);
	assert_string_equal(icalcomponent_get_location(ev), "Tjolöholms slott, Kungsbacka");
	icalcomponent_free(cal);
	free(text);

	/* UTC: no VTIMEZONE, times with Z. */
	o.utc = 1;
	assert_int_equal(lup_ics_export(f->db, &o, path, &events, &err), 0);
	text = slurp(path, &len);
	assert_null(strstr(text, "VTIMEZONE"));
	assert_non_null(strstr(text, "DTSTART:20150907T070000Z"));
	assert_non_null(strstr(text, "DTEND:20150907T143000Z"));
	assert_non_null(strstr(text, "DTSTART:20150304T090000Z"));
	free(text);

	/* By person: the cohorts they hold a seat in. */
	memcpy(pid, fx_person(f, "Nils Ek"), sizeof pid);
	o.cohort_id = NULL;
	o.person_id = pid;
	assert_int_equal(lup_ics_export(f->db, &o, path, &events, &err), 0);
	assert_int_equal(events, 0);
	assert_int_equal(lup_enrol(f->db, other, pid, NULL, NULL, &err), 0);
	assert_int_equal(lup_ics_export(f->db, &o, path, &events, &err), 0);
	assert_int_equal(events, 1);
	/* Everything. */
	o.person_id = NULL;
	assert_int_equal(lup_ics_export(f->db, &o, path, &events, &err), 0);
	assert_int_equal(events, 3);
	/* Both filters: refused. */
	o.cohort_id = f->cohort;
	o.person_id = pid;
	assert_int_equal(lup_ics_export(f->db, &o, path, &events, &err), -1);
	assert_int_equal(err.code, LUP_EINVAL);
	o.person_id = "00000000-0000-4000-8000-000000000000";
	o.cohort_id = NULL;
	assert_int_equal(lup_ics_export(f->db, &o, path, &events, &err), -1);
	assert_int_equal(err.code, LUP_ENOTFOUND);
}

/* Written through lup_afile: a pipe stays a pipe, a symbolic link stays a
 * link (the file it points to is replaced). */
static void test_export_to_fifo_and_link(void **state)
{
	struct fx *f = *state;
	struct lup_ics_opts o = { 0 };
	char fifo[400], file[400], link_[400], buf[8192];
	struct stat sb;
	lup_err err;
	long events;
	ssize_t got;
	int fd;

	fx_session(f, f->cohort, "ul", "course_day", "2015-09-07 09:00", "2015-09-07 16:30", NULL, NULL);
	snprintf(fifo, sizeof fifo, "%s/pipe", f->dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	fd = open(fifo, O_RDONLY | O_NONBLOCK);   /* a reader, so the writer need not wait */
	assert_true(fd >= 0);
	assert_int_equal(lup_ics_export(f->db, &o, fifo, &events, &err), 0);
	assert_int_equal(events, 1);
	got = read(fd, buf, sizeof buf - 1);
	assert_true(got > 0);
	buf[got] = '\0';
	assert_non_null(strstr(buf, "BEGIN:VCALENDAR"));
	close(fd);
	assert_int_equal(stat(fifo, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	unlink(fifo);

	snprintf(file, sizeof file, "%s/real.ics", f->dir);
	snprintf(link_, sizeof link_, "%s/link.ics", f->dir);
	fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "old\n", 4), 4);
	close(fd);
	assert_int_equal(symlink("real.ics", link_), 0);
	assert_int_equal(lup_ics_export(f->db, &o, link_, &events, &err), 0);
	/* a link at the target is replaced, never followed */
	assert_int_equal(lstat(link_, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	fd = open(link_, O_RDONLY);
	got = read(fd, buf, 15);
	close(fd);
	assert_int_equal(got, 15);
	assert_memory_equal(buf, "BEGIN:VCALENDAR", 15);
	fd = open(file, O_RDONLY);
	got = read(fd, buf, 4);
	close(fd);
	assert_int_equal(got, 4);
	assert_memory_equal(buf, "old\n", 4);
	unlink(link_);
	unlink(file);
}

/* The calendar of an export, parsed; NULL text is a failure. */
static icalcomponent *export_parsed(struct fx *f, const struct lup_ics_opts *o, long *events)
{
	char path[400], *text;
	icalcomponent *cal;
	size_t len;
	lup_err err;
	snprintf(path, sizeof path, "%s/out.ics", f->dir);
	if (lup_ics_export(f->db, o, path, events, &err) < 0)
		fail_msg("export: %s", err.msg);
	text = slurp(path, &len);
	cal = icalparser_parse_string(text);
	free(text);
	assert_non_null(cal);
	return cal;
}

static icalcomponent *event_of(icalcomponent *cal, const char *session)
{
	char uid[64];
	snprintf(uid, sizeof uid, "%s@lup", session);
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
	     c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		if (strcmp(icalcomponent_get_uid(c), uid) == 0)
			return c;
	fail_msg("no event %s", uid);
	return NULL;
}

static int count_props(icalcomponent *c, icalproperty_kind kind)
{
	return icalcomponent_count_properties(c, kind);
}

static const char *person_with(struct fx *f, const char *name, const char *email)
{
	struct lup_person p = { 0 };
	lup_err err;
	char *id = fx_id_slot();
	p.name = strdup(name);
	p.email = email ? strdup(email) : NULL;
	if (lup_person_save(f->db, &p, &err) < 0)
		fx_fail("person", &err);
	memcpy(id, p.id, LUP_ID_SIZE);
	lup_person_clear(&p);
	if (lup_enrol(f->db, f->cohort, id, "2015-01-02", NULL, &err) < 0)
		fx_fail("enrol", &err);
	return id;
}

static void test_invite(void **state)
{
	struct fx *f = *state;
	struct lup_ics_invite inv = { 0, "kurs@kungsbacka.se", "Eva \"Ek\"", 0, 0 };
	struct lup_ics_opts o = { 0 };
	char s1[LUP_ID_SIZE], s2[LUP_ID_SIZE], asa[LUP_ID_SIZE], other[LUP_ID_SIZE];
	struct lup_session s;
	icalcomponent *cal, *ev;
	icalproperty *p;
	long events;
	lup_err err;
	int seq;

	memcpy(asa, person_with(f, "Åsa Öberg", "asa@example.se"), sizeof asa);
	person_with(f, "Bo Ek", "bo@example.se");
	person_with(f, "Utan Adress", NULL);
	memcpy(s1, fx_session(f, f->cohort, "ul", "course_day", "2015-09-07 09:00", "2015-09-07 16:30",
	                      "Tjolöholm", NULL), sizeof s1);
	memcpy(s2, fx_session(f, f->cohort, "abw", "study_visit", "2015-10-04 10:00", "2015-10-04 15:00",
	                      NULL, NULL), sizeof s2);
	memcpy(other, fx_cohort(f, f->prog, "Kull 2", 16, NULL, "open"), sizeof other);
	fx_session(f, other, "egov", "course_day", "2015-05-05 09:00", "2015-05-05 12:00", NULL, NULL);

	/* No organiser, or not an address: refused. */
	o.cohort_id = f->cohort;
	o.invite = &inv;
	inv.organiser = "";
	assert_int_equal(lup_ics_write(f->db, &o, stdout, &events, &err), -1);
	assert_non_null(strstr(err.msg, "[documents] organiser"));
	inv.organiser = "kurs at kungsbacka";
	assert_int_equal(lup_ics_write(f->db, &o, stdout, &events, &err), -1);
	assert_non_null(strstr(err.msg, "is not an e-mail address"));
	inv.organiser = "kurs@kungsbacka.se";

	cal = export_parsed(f, &o, &events);
	assert_int_equal(events, 2);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_REQUEST);
	ev = event_of(cal, s1);
	assert_int_equal(count_props(ev, ICAL_ATTENDEE_PROPERTY), 2);   /* the one without an address left out */
	assert_int_equal(inv.attendees, 4);
	assert_int_equal(inv.without_email, 1);
	assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CONFIRMED);
	p = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
	assert_string_equal(icalproperty_get_organizer(p), "mailto:kurs@kungsbacka.se");
	assert_string_equal(icalparameter_get_cn(icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER)),
	                    "Eva 'Ek'");
	p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
	assert_string_equal(icalproperty_get_attendee(p), "mailto:bo@example.se");   /* Swedish order */
	p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY);
	assert_string_equal(icalparameter_get_cn(icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER)),
	                    "Åsa Öberg");
	assert_int_equal(icalparameter_get_partstat(icalproperty_get_first_parameter(p, ICAL_PARTSTAT_PARAMETER)),
	                 ICAL_PARTSTAT_NEEDSACTION);
	assert_int_equal(icalparameter_get_rsvp(icalproperty_get_first_parameter(p, ICAL_RSVP_PARAMETER)),
	                 ICAL_RSVP_TRUE);
	seq = icalcomponent_get_sequence(ev);
	icalcomponent_free(cal);

	/* The session moves: the same UID, the next SEQUENCE. */
	assert_int_equal(lup_session_get(f->db, s1, &s, &err), 0);
	snprintf(s.starts_at, sizeof s.starts_at, "2015-09-08 09:00");
	snprintf(s.ends_at, sizeof s.ends_at, "2015-09-08 16:30");
	assert_int_equal(lup_session_save(f->db, f->cfg, &s, NULL, &err), 0);
	lup_session_clear(&s);
	cal = export_parsed(f, &o, &events);
	ev = event_of(cal, s1);
	assert_int_equal(icalcomponent_get_sequence(ev), seq + 1);
	assert_int_equal(icalcomponent_get_dtstart(ev).day, 8);
	icalcomponent_free(cal);

	/* A person's invitations name only them. */
	o.cohort_id = NULL;
	o.person_id = asa;
	cal = export_parsed(f, &o, &events);
	assert_int_equal(events, 2);
	ev = event_of(cal, s2);
	assert_int_equal(count_props(ev, ICAL_ATTENDEE_PROPERTY), 1);
	icalcomponent_free(cal);

	/* A deleted session is cancelled, after its last SEQUENCE. */
	assert_int_equal(lup_session_get(f->db, s2, &s, &err), 0);
	seq = (int)s.sequence;
	lup_session_clear(&s);
	assert_int_equal(lup_session_delete(f->db, s2, &err), 0);
	inv.cancel = 1;
	o.person_id = NULL;
	o.cohort_id = f->cohort;
	cal = export_parsed(f, &o, &events);
	assert_int_equal(events, 1);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_CANCEL);
	ev = event_of(cal, s2);
	assert_int_equal(icalcomponent_get_sequence(ev), seq + 1);
	assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
	assert_int_equal(count_props(ev, ICAL_ATTENDEE_PROPERTY), 2);
	assert_non_null(strstr(icalcomponent_get_summary(ev), "Pilot Halland"));
	icalcomponent_free(cal);

	/* A cohort deleted takes its sessions: each is remembered; the plain
	 * calendar no longer holds them. */
	assert_int_equal(lup_cohort_delete(f->db, other, &err), 0);
	o.cohort_id = NULL;
	cal = export_parsed(f, &o, &events);
	assert_int_equal(events, 2);
	icalcomponent_free(cal);
	o.invite = NULL;
	cal = export_parsed(f, &o, &events);
	assert_int_equal(events, 1);
	assert_null(icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY));
	icalcomponent_free(cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_local_to_utc),
		cmocka_unit_test_setup_teardown(test_export, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_export_to_fifo_and_link, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_invite, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
