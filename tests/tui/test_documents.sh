#!/bin/sh
# P, the same key on a cohort, a session, a participant and a placement,
# writes its document to the documents folder and says where; the files
# are read back with pdfinfo and pdftotext.  Then a session is moved in
# its form and the invitations exported again keep its UID with a higher
# SEQUENCE.  In English at 80x24, in Swedish at 132x43.
. tests/tui/lib.sh

DOCS="$TMP/papper"
q() { sqlite3 "$DB" "$1"; }
status_line() { screen | tail -2 | head -1; }
hint_line() { screen | tail -1; }
pdfpages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

rm -f "$DB"
"$LUP" --db "$DB" demo >/dev/null || { echo "lup demo failed"; exit 1; }
# The demo lives on the day it is made: Pilot Halland's first day, and a
# week before it for moving that session.
day1=$(sqlite3 "$DB" "SELECT substr(min(s.starts_at), 1, 10) FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE c.name = 'Pilot Halland'")
moved=$(sqlite3 "$DB" "SELECT date('$day1', '-7 days')")
printf '[documents]\nfolder = %s\norganisation = Kungsbacka kommun\norganiser = kurs@kungsbacka.se\n' "$DOCS" >"$CONFIG"

for LOC in C.UTF-8 sv_SE.UTF-8; do
	rm -rf "$DOCS"
	if [ $LOC = C.UTF-8 ]; then
		start 80x24
		list=participants-pilot-halland.pdf sheet=sign-in-sheet-$day1-pilot-halland.pdf
		cert="certificate-pilot-halland-" sessions="Sessions (" people="Blocks met"
		network="Network" proposed="proposed" print="P Print"
	else
		start 132x43
		list=deltagarlista-pilot-halland.pdf sheet=narvarolista-$day1-pilot-halland.pdf
		cert="intyg-pilot-halland-" sessions="Tillfällen (" people="Klarade"
		network="Nätverk" proposed="föreslagen" print="P Skriv ut"
	fi

	case_ "P on a cohort: its participant list"
	wait_for "[1 " || { finish; exit 1; }
	keys 2
	wait_for "Pilot Halland"
	check_ 'poll "cursor_line | grep -q \"Pilot Halland\"" 5' "the cursor is not on Pilot Halland"
	keys P
	wait_for "$list" 20
	check_ 'on_screen "$DOCS"' "the status line does not name the folder"
	check_ '[ "$(pdfpages "$DOCS/$list")" -ge 1 ]' "no participant list in $DOCS"
	check_ 'pdftotext "$DOCS/$list" - | grep -q "Kungsbacka kommun"' "the list lacks the organisation"

	case_ "P on a session: its sign-in sheet"
	keys Enter
	wait_for "$sessions"
	keys P
	wait_for "$sheet" 20
	check_ '[ -s "$DOCS/$sheet" ]' "no sign-in sheet in $DOCS"
	n=$(q "SELECT count(*) FROM enrolment e JOIN cohort c ON c.id = e.cohort_id WHERE c.name = 'Pilot Halland' AND e.status <> 'waitlisted'")
	first=$(q "SELECT p.name FROM enrolment e JOIN cohort c ON c.id = e.cohort_id JOIN person p ON p.id = e.person_id WHERE c.name = 'Pilot Halland' ORDER BY p.sort_name LIMIT 1")
	check_ 'pdftotext "$DOCS/$sheet" - | grep -q -F "$first"' "the sheet lacks $first"

	case_ "P on a participant: their certificate"
	keys Tab
	wait_for "$people"
	# The first participant who completed: only they get a certificate.
	for _ in 1 2 3 4 5 6 7 8; do
		cursor_line | grep -Eq "completed|slutförd|genomförd|klar" && break
		prev=$(cursor_line); keys j
		poll '[ "$(cursor_line)" != "$prev" ]' 5
	done
	who=$(cursor_line | sed 's/^[^[:alpha:]]*//; s/  .*//')
	keys P
	wait_for "$cert" 20
	f=$(ls "$DOCS" | grep "^$cert" | head -1)
	check_ '[ -n "$f" ] && [ "$(pdfpages "$DOCS/$f")" = 1 ]' "no one-page certificate: '$f'"
	check_ 'pdftotext "$DOCS/$f" - | grep -q -F "$who"' "the certificate is not $who's"

	case_ "P on a placement: its agreement, or once confirmed its certificate of attendance"
	keys 3
	wait_for "$network"
	keys v
	wait_for "$proposed"
	check_ '[ $LOC = C.UTF-8 ] || hint_line | grep -q "$print"' "the hint line does not offer P"
	keys P
	wait_for ".pdf" 20
	check_ 'screen | grep -Eq "(agreement|overenskommelse|certificate-of-attendance|narvarointyg)-.*\.pdf"' \
		"not a placement's paper: $(status_line)"
	check_ '[ "$(ls "$DOCS" | grep -cE "^(agreement|overenskommelse|certificate-of-attendance|narvarointyg)-")" = 1 ]' \
		"no agreement in $DOCS: $(ls "$DOCS")"

	keys q q
	wait_exit
done

case_ "a session moved in its form keeps its UID, with a higher SEQUENCE"
LOC=C.UTF-8
sid=$(q "SELECT s.id FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE c.name = 'Pilot Halland' ORDER BY s.starts_at LIMIT 1")
"$LUP" --db "$DB" --config "$CONFIG" export ics --cohort "Pilot Halland" --invite -o "$TMP/before.ics" 2>/dev/null
start 80x24
wait_for "[1 People]"
keys 2
wait_for "Pilot Halland"
keys Enter
wait_for "Sessions ("
check_ 'cursor_line | grep -q "$day1"' "the first session is not focused"
keys e
wait_for "Edit the session"
keys Tab Tab Tab C-u
text "$moved"
keys C-s
wait_for "Saved"
keys Enter
keys q q q
wait_exit
"$LUP" --db "$DB" --config "$CONFIG" export ics --cohort "Pilot Halland" --invite -o "$TMP/after.ics" 2>/dev/null
# python3-icalendar is Debian's: the system interpreter first.
PY=python3
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import icalendar' 2>/dev/null; then PY=$p; break; fi
done
seq_of() {
	"$PY" - "$1" "$sid@lup" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for ev in cal.walk('VEVENT'):
    if str(ev['UID']) == sys.argv[2]:
        print(int(ev['SEQUENCE']), ev['DTSTART'].dt.strftime('%Y-%m-%d'), len(ev.get('ATTENDEE', [])))
PY
}
b=$(seq_of "$TMP/before.ics") a=$(seq_of "$TMP/after.ics")
check_ '[ -n "$b" ] && [ -n "$a" ]' "the session's UID is not in both exports: '$b' / '$a'"
check_ '[ "${a%% *}" = $(( ${b%% *} + 1 )) ]' "SEQUENCE: before $b, after $a"
check_ 'echo "$a" | grep -q " $moved "' "the invitation does not have the new day: $a"
check_ '[ "${a##* }" -ge 10 ]' "fewer than ten attendees: $a"
finish
