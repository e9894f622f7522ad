#!/bin/sh
# lup export ics: a cohort's calendar, exported from a database built with
# sqlite3, parsed by a real iCalendar parser (python3-icalendar) and every
# event compared with the database.
. tests/cli/lib.sh

DB="$TMP/p.db"
# python3-icalendar is Debian's: prefer the system interpreter.
PY=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import icalendar' 2>/dev/null; then PY=$p; break; fi
done

case_ "init"
run --db "$DB" init
expect_rc 0

# Ids: fixed, so the checks below can name them.
P=11111111-0000-4000-8000-000000000001
UL=22222222-0000-4000-8000-000000000001
ABW=22222222-0000-4000-8000-000000000002
C1=33333333-0000-4000-8000-000000000001
C2=33333333-0000-4000-8000-000000000002
H=44444444-0000-4000-8000-000000000001
sqlite3 "$DB" <<EOF
INSERT INTO programme (id, name, target) VALUES ('$P', 'Ledarutveckling', 300);
INSERT INTO block (id, programme_id, seq, kind, name) VALUES
 ('$UL', '$P', 1, 'ul', 'Utvecklande ledarskap'),
 ('$ABW', '$P', 2, 'abw', 'Aktivitetsbaserad arbetsplats');
INSERT INTO cohort (id, programme_id, name, capacity, facilitators) VALUES
 ('$C1', '$P', 'Pilot Halland', 16, 'Eva Ek, Olle Berg'),
 ('$C2', '$P', 'Kull 2', 16, 'Kim Lund');
INSERT INTO host_org (id, name, country, city) VALUES ('$H', 'Försäkringskassan', 'SE', 'Stockholm');
INSERT INTO person (id, name, email) VALUES
 ('55555555-0000-4000-8000-000000000001', 'Åsa Öberg', 'asa.oberg@example.se'),
 ('55555555-0000-4000-8000-000000000002', 'Bo Ek', 'bo.ek@example.se');
INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, enrolled_on) VALUES
 ('66666666-0000-4000-8000-000000000001', '$C1', '55555555-0000-4000-8000-000000000001', '$P',
  'enrolled', '2015-01-02T10:00:00Z', '2015-01-02'),
 ('66666666-0000-4000-8000-000000000002', '$C2', '55555555-0000-4000-8000-000000000002', '$P',
  'enrolled', '2015-01-02T10:00:00Z', '2015-01-02');
INSERT INTO session (id, cohort_id, block_id, title, kind, starts_at, ends_at, location,
                     facilitators, host_id, host_name, notes, sequence, created_at, updated_at) VALUES
 ('77777777-0000-4000-8000-000000000001', '$C1', '$UL', 'UL del 1, dag 1', 'course_day',
  '2015-03-27 09:00', '2015-03-27 17:00', 'Tjolöholms slott; sal A', NULL, NULL, NULL,
  'Lång anteckning: åäö ÅÄÖ, komma; semikolon \\ bakstreck och en mening som är så lång att raden måste vikas flera gånger om.',
  0, '2015-01-05T09:00:00Z', '2015-01-05T09:00:00Z'),
 ('77777777-0000-4000-8000-000000000002', '$C1', '$UL', 'UL del 1, dag 2', 'course_day',
  '2015-03-28 09:00', '2015-03-28 17:00', 'Tjolöholms slott; sal A', NULL, NULL, NULL, NULL,
  3, '2015-01-05T09:00:00Z', '2015-02-11T14:30:00Z'),
 ('77777777-0000-4000-8000-000000000003', '$C1', '$UL', 'UL del 1, dag 3', 'course_day',
  '2015-03-29 09:00', '2015-03-29 17:00', 'Tjolöholms slott; sal A', NULL, NULL, NULL, NULL,
  1, '2015-01-05T09:00:00Z', '2015-01-06T08:00:00Z'),
 ('77777777-0000-4000-8000-000000000004', '$C1', '$ABW', 'Studiebesök', 'study_visit',
  '2015-10-25 01:30', '2015-10-25 03:30', NULL, 'Eva Ek', '$H', NULL, NULL,
  0, '2015-01-05T09:00:00Z', '2015-01-05T09:00:00Z'),
 ('77777777-0000-4000-8000-000000000005', '$C1', NULL, 'Uppföljning', 'follow_up',
  '2015-12-31 23:00', '2016-01-01 01:00', NULL, NULL, NULL, 'Swedbank', NULL,
  2, '2015-01-05T09:00:00Z', '2015-01-05T09:00:00Z'),
 ('77777777-0000-4000-8000-000000000006', '$C2', '$UL', 'Annan kull', 'course_day',
  '2015-04-01 09:00', '2015-04-01 12:00', 'Kungsbacka', NULL, NULL, NULL, NULL,
  0, '2015-01-05T09:00:00Z', '2015-01-05T09:00:00Z');
EOF

# compare FILE WHERE [utc]: every VEVENT of FILE against the sessions the SQL
# condition selects, and nothing more.
compare() {
	sqlite3 -json "$DB" "SELECT s.id, s.title, c.name AS cohort, s.starts_at, s.ends_at,
		s.sequence, s.location, coalesce(h.name, s.host_name) AS host, h.city
		FROM session s JOIN cohort c ON c.id = s.cohort_id LEFT JOIN host_org h ON h.id = s.host_id
		WHERE $2" >"$TMP/rows.json"
	"$PY" - "$1" "$TMP/rows.json" "${3:-local}" <<'PY'
import json, sys, datetime, zoneinfo
import icalendar
ics, rows, mode = sys.argv[1], sys.argv[2], sys.argv[3]
raw = open(ics, 'rb').read()
cal = icalendar.Calendar.from_ical(raw)
db = {r['id'] + '@lup': r for r in json.load(open(rows))}
stockholm = zoneinfo.ZoneInfo('Europe/Stockholm')
bad = []
events = cal.walk('VEVENT')
if len(events) != len(db):
    bad.append('%d events, %d sessions' % (len(events), len(db)))
seen = set()
def local(s):
    return datetime.datetime.strptime(s, '%Y-%m-%d %H:%M')
for ev in events:
    uid = str(ev['UID'])
    if uid in seen:
        bad.append('UID %s twice' % uid)
    seen.add(uid)
    r = db.get(uid)
    if r is None:
        bad.append('UID %s is no session' % uid)
        continue
    want_summary = '%s (%s)' % (r['title'], r['cohort'])
    if str(ev['SUMMARY']) != want_summary:
        bad.append('%s SUMMARY %r, want %r' % (uid, str(ev['SUMMARY']), want_summary))
    if int(ev['SEQUENCE']) != r['sequence']:
        bad.append('%s SEQUENCE %s, want %s' % (uid, ev['SEQUENCE'], r['sequence']))
    if r['location']:
        want_loc = r['location']
    elif r['host']:
        want_loc = r['host'] + (', ' + r['city'] if r['city'] else '')
    else:
        want_loc = None
    got_loc = str(ev['LOCATION']) if 'LOCATION' in ev else None
    if got_loc != want_loc:
        bad.append('%s LOCATION %r, want %r' % (uid, got_loc, want_loc))
    for prop, col in (('DTSTART', 'starts_at'), ('DTEND', 'ends_at')):
        p = ev[prop]
        want = local(r[col])
        if mode == 'utc':
            got = p.dt
            if got.utcoffset() != datetime.timedelta(0):
                bad.append('%s %s is not UTC: %r' % (uid, prop, got))
            want = want.replace(tzinfo=stockholm).astimezone(datetime.timezone.utc)
            if got != want:
                bad.append('%s %s %s, want %s' % (uid, prop, got, want))
        else:
            if p.params.get('TZID') != 'Europe/Stockholm':
                bad.append('%s %s TZID %r' % (uid, prop, p.params.get('TZID')))
            if p.dt.replace(tzinfo=None) != want:
                bad.append('%s %s %s, want %s' % (uid, prop, p.dt, want))
    for prop in ('DTSTAMP', 'DESCRIPTION'):
        if prop not in ev:
            bad.append('%s has no %s' % (uid, prop))
if mode != 'utc':
    tz = cal.walk('VTIMEZONE')
    if len(tz) != 1 or str(tz[0]['TZID']) != 'Europe/Stockholm':
        bad.append('no VTIMEZONE for Europe/Stockholm')
    names = sorted(str(c['TZNAME']) for c in tz[0].subcomponents) if tz else []
    if names != ['CEST', 'CET']:
        bad.append('VTIMEZONE parts %r' % names)
if 'PRODID' not in cal or str(cal['VERSION']) != '2.0':
    bad.append('PRODID or VERSION missing')
lines = raw.split(b'\n')[:-1]
if not all(l.endswith(b'\r') for l in lines):
    bad.append('a line does not end in CRLF')
if any(len(l) > 76 for l in lines):
    bad.append('a line is longer than 75 octets')
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
}

case_ "python3-icalendar is there"
check_ '[ -n "$PY" ]' "no python3 with the icalendar module (scripts/deps.sh installs python3-icalendar)"

case_ "export a cohort by name"
run --db "$DB" export ics --cohort "Pilot Halland" -o "$TMP/c1.ics"
expect_rc 0
expect_err "5 sessions written to"
check_ '[ -s "$TMP/c1.ics" ]' "no file written"
diffs=$(compare "$TMP/c1.ics" "s.cohort_id = '$C1'" 2>&1); drc=$?
check_ '[ $drc -eq 0 ]' "events differ: $diffs"

case_ "the same export again: the same UIDs, the same file"
run --db "$DB" export ics --cohort "$C1" -o "$TMP/c1b.ics"
expect_rc 0
check_ 'cmp -s "$TMP/c1.ics" "$TMP/c1b.ics"' "a second export differs"

case_ "UTC"
run --db "$DB" export ics --cohort 33333333-0000-4000-8000-000000000001 --utc -o "$TMP/u.ics"
expect_rc 0
check_ '! grep -q VTIMEZONE "$TMP/u.ics"' "a VTIMEZONE in a UTC export"
diffs=$(compare "$TMP/u.ics" "s.cohort_id = '$C1'" utc 2>&1); drc=$?
check_ '[ $drc -eq 0 ]' "UTC events differ: $diffs"
# Spot checks across both DST changes (30 March 2015 is summer time).
check_ 'grep -q "DTSTART:20150327T080000Z" "$TMP/u.ics"' "27 March 09:00 CET is not 08:00Z"
check_ 'grep -q "DTSTART:20150329T070000Z" "$TMP/u.ics"' "29 March 09:00 CEST is not 07:00Z"
check_ 'grep -q "DTSTART:20151024T233000Z" "$TMP/u.ics"' "25 October 01:30 CEST is not 23:30Z the day before"

case_ "by person (e-mail): only their cohort's sessions"
run --db "$DB" export ics --person bo.ek@example.se
expect_rc 0
cp "$OUT" "$TMP/p.ics"
diffs=$(compare "$TMP/p.ics" "s.cohort_id = '$C2'" 2>&1); drc=$?
check_ '[ $drc -eq 0 ]' "person's events differ: $diffs"

case_ "everything to standard output"
run --db "$DB" export ics
expect_rc 0
expect_out "^BEGIN:VCALENDAR"
cp "$OUT" "$TMP/all.ics"
diffs=$(compare "$TMP/all.ics" "1" 2>&1); drc=$?
check_ '[ $drc -eq 0 ]' "all events differ: $diffs"

case_ "the demonstration programme's calendar"
run --db "$TMP/demo.db" demo
expect_rc 0
run --db "$TMP/demo.db" export ics -o "$TMP/demo.ics"
expect_rc 0
DB_SAVED=$DB; DB="$TMP/demo.db"
diffs=$(compare "$TMP/demo.ics" "1" 2>&1); drc=$?
check_ '[ $drc -eq 0 ]' "demo events differ: $diffs"
DB=$DB_SAVED

case_ "unknown cohort"
run --db "$DB" export ics --cohort "Ingen sådan"
expect_rc 2
expect_err "no cohort matches"

case_ "unknown person"
run --db "$DB" export ics --person nobody@example.se
expect_rc 2
expect_err "no person matches"

case_ "both filters"
run --db "$DB" export ics --cohort "Kull 2" --person bo.ek@example.se
expect_rc 2
expect_err "not both"

case_ "export of something that is not a table"
run --db "$DB" export calendars
expect_rc 2
expect_err "calendars"

case_ "unwritable target leaves nothing behind"
run --db "$DB" export ics -o "$TMP/no/such/dir/c.ics"
expect_rc 1
check_ '[ ! -e "$TMP/no" ]' "something was created"

case_ "a file that exists is replaced whole"
printf 'old\n' >"$TMP/keep.ics"
run --db "$DB" export ics --cohort "Kull 2" -o "$TMP/keep.ics"
expect_rc 0
check_ 'head -1 "$TMP/keep.ics" | grep -q "^BEGIN:VCALENDAR"' "not replaced"
check_ '[ -z "$(ls "$TMP" | grep "keep.ics.tmp")" ]' "a temporary file was left"

# ---- meeting invitations (RFC 5546) ----
# Pilot Halland: Åsa enrolled (above), Cia completed, Dag without an
# address, Eva waiting, Fia withdrawn: two attendees.
sqlite3 "$DB" <<EOF
INSERT INTO person (id, name, email) VALUES
 ('55555555-0000-4000-8000-000000000003', 'Cia Holm', 'cia@example.se'),
 ('55555555-0000-4000-8000-000000000004', 'Dag Utan', NULL),
 ('55555555-0000-4000-8000-000000000005', 'Eva Väntar', 'eva@example.se'),
 ('55555555-0000-4000-8000-000000000006', 'Fia Slutat', 'fia@example.se');
INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, enrolled_on, waitlist_pos, ended_on) VALUES
 ('66666666-0000-4000-8000-000000000003', '$C1', '55555555-0000-4000-8000-000000000003', '$P', 'completed', '2015-01-02T10:00:00Z', '2015-01-02', NULL, '2015-06-01'),
 ('66666666-0000-4000-8000-000000000004', '$C1', '55555555-0000-4000-8000-000000000004', '$P', 'enrolled', '2015-01-02T10:00:00Z', '2015-01-02', NULL, NULL),
 ('66666666-0000-4000-8000-000000000005', '$C1', '55555555-0000-4000-8000-000000000005', '$P', 'waitlisted', '2015-01-02T10:00:00Z', NULL, 1, NULL),
 ('66666666-0000-4000-8000-000000000006', '$C1', '55555555-0000-4000-8000-000000000006', '$P', 'withdrawn', '2015-01-02T10:00:00Z', '2015-01-02', NULL, '2015-02-01');
EOF
printf '[documents]\norganiser = kurs@kungsbacka.se\nsignatory = Eva Ek\n' >"$TMP/inv.ini"

# itip FILE METHOD WANT: the invitations parse, with METHOD, the organiser
# and exactly the attendees WANT (addresses, space-separated) in every
# event; prints what is wrong.
itip() {
	"$PY" - "$1" "$2" "$3" <<'PY'
import sys, icalendar
ics, method, want = sys.argv[1], sys.argv[2], sorted(sys.argv[3].split())
cal = icalendar.Calendar.from_ical(open(ics, 'rb').read())
bad = []
if str(cal.get('METHOD')) != method:
    bad.append('METHOD is %s' % cal.get('METHOD'))
events = cal.walk('VEVENT')
if not events:
    bad.append('no events')
for ev in events:
    org = str(ev.get('ORGANIZER'))
    if org != 'mailto:kurs@kungsbacka.se':
        bad.append('%s: ORGANIZER %s' % (ev['UID'], org))
    att = ev.get('ATTENDEE', [])
    if not isinstance(att, list):
        att = [att]
    got = sorted(str(a).replace('mailto:', '') for a in att)
    if got != want:
        bad.append('%s: attendees %s' % (ev['UID'], got))
    for a in att:
        if a.params.get('ROLE') != 'REQ-PARTICIPANT' or a.params.get('RSVP') != 'TRUE':
            bad.append('%s: attendee parameters %s' % (ev['UID'], dict(a.params)))
    status = 'CANCELLED' if method == 'CANCEL' else 'CONFIRMED'
    if str(ev.get('STATUS')) != status:
        bad.append('%s: STATUS %s' % (ev['UID'], ev.get('STATUS')))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
}
# uid_seq FILE ID: the SEQUENCE of the event of session ID.
uid_seq() {
	awk -v u="UID:$2@lup" '$0 == u "\r" { f = 1 } f && /^SEQUENCE:/ { sub(/\r/, ""); sub(/SEQUENCE:/, ""); print; exit }' "$1"
}

case_ "invitations need an organiser"
run --db "$DB" export ics --cohort "Pilot Halland" --invite -o "$TMP/inv.ics"
expect_rc 1
expect_err "\[documents\] organiser"
check_ '[ ! -e "$TMP/inv.ics" ]' "a file was written"

case_ "a cohort's invitations: one attendee for each participant with an address"
run --db "$DB" --config "$TMP/inv.ini" export ics --cohort "Pilot Halland" --invite -o "$TMP/inv.ics"
expect_rc 0
expect_err "5 invitations written to"
expect_err "1 participant has no e-mail address and is not invited"
diffs=$(itip "$TMP/inv.ics" REQUEST "asa.oberg@example.se cia@example.se" 2>&1); drc=$?
check_ '[ $drc -eq 0 ]' "invitations: $diffs"
check_ '[ "$(grep -c "^ATTENDEE" "$TMP/inv.ics")" -eq 10 ]' "not 2 attendees in each of 5 events"
# The events themselves are those of the plain calendar.
diffs=$(compare "$TMP/inv.ics" "s.cohort_id = '$C1'" 2>&1); drc=$?
check_ '[ $drc -eq 0 ]' "invitation events differ: $diffs"

case_ "a person's invitations name only them"
run --db "$DB" --config "$TMP/inv.ini" export ics --person bo.ek@example.se --invite
expect_rc 0
cp "$OUT" "$TMP/bo.ics"
diffs=$(itip "$TMP/bo.ics" REQUEST "bo.ek@example.se" 2>&1); drc=$?
check_ '[ $drc -eq 0 ]' "a person's invitations: $diffs"

case_ "a session moved: the same UID, a higher SEQUENCE"
before=$(uid_seq "$TMP/inv.ics" 77777777-0000-4000-8000-000000000002)
# lup's own move raises the sequence (the unit tests and the terminal
# test move one through lup); here the row is left as such a move leaves it.
sqlite3 "$DB" "UPDATE session SET starts_at = '2015-03-30 09:00', ends_at = '2015-03-30 17:00',
  sequence = sequence + 1 WHERE id = '77777777-0000-4000-8000-000000000002'"
run --db "$DB" --config "$TMP/inv.ini" export ics --cohort "Pilot Halland" --invite -o "$TMP/inv2.ics"
expect_rc 0
after=$(uid_seq "$TMP/inv2.ics" 77777777-0000-4000-8000-000000000002)
check_ '[ "$before" = 3 ] && [ "$after" = 4 ]' "SEQUENCE went from '$before' to '$after'"
check_ 'grep -q "DTSTART;TZID=Europe/Stockholm:20150330T090000" "$TMP/inv2.ics"' "the new time is not there"

case_ "cancellations of deleted sessions"
sqlite3 "$DB" "INSERT INTO session_removed (id, cohort_id, cohort, title, starts_at, ends_at, sequence)
  VALUES ('77777777-0000-4000-8000-000000000099', '$C1', 'Pilot Halland', 'Inställt', '2015-11-02 09:00', '2015-11-02 12:00', 2)"
run --db "$DB" --config "$TMP/inv.ini" export ics --cohort "Pilot Halland" --cancel -o "$TMP/cancel.ics"
expect_rc 0
expect_err "1 cancellation written to"
diffs=$(itip "$TMP/cancel.ics" CANCEL "asa.oberg@example.se cia@example.se" 2>&1); drc=$?
check_ '[ $drc -eq 0 ]' "cancellations: $diffs"
check_ '[ "$(uid_seq "$TMP/cancel.ics" 77777777-0000-4000-8000-000000000099)" = 2 ]' "the cancellation's SEQUENCE"

case_ "--invite and --cancel together"
run --db "$DB" --config "$TMP/inv.ini" export ics --invite --cancel
expect_rc 2
expect_err "not both"

case_ "Swedish messages and calendar text"
LC_ALL=sv_SE.UTF-8 "$LUP" --db "$DB" export ics --cohort "Ingen sådan" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 2
expect_err "ingen omgång matchar ”Ingen sådan”"
LC_ALL=sv_SE.UTF-8 "$LUP" --db "$DB" export ics --cohort "Pilot Halland" -o "$TMP/sv.ics" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 0
expect_err "5 tillfällen skrivna till"
check_ 'grep -q "^DESCRIPTION:Omgång: Pilot Halland" "$TMP/sv.ics"' "the description is not in Swedish"
check_ 'grep -q "^CATEGORIES:studiebesök" "$TMP/sv.ics"' "the kind is not in Swedish"
finish
