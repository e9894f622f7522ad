#!/bin/sh
# The programme calendar by keys alone, on a demonstration database: open it
# from any section, ISO week headings, jump to a typed date and to a typed
# week, a wrong date refused, a session on a public holiday, a session's
# details and conflicts, the month grid with week numbers and Midsummer
# marked, back to the agenda on a day, today, and one cohort's calendar
# exported from the screen and read back with a real iCalendar parser.
# At 80x24 and 132x43, and in Swedish.
. tests/tui/lib.sh

# python3-icalendar is Debian's: prefer the system interpreter.
PY=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import icalendar' 2>/dev/null; then PY=$p; break; fi
done

rm -f "$DB" "$DB-wal" "$DB-shm"
# The demonstration as it was on 16 May 2016, so its dates are known.
"$LUP" --db "$DB" demo --today 2016-05-16 >/dev/null || { echo "lup demo failed"; exit 1; }
# One more session, on Ascension Day 2015 (Thursday 14 May), and two that
# overlap in the week of Midsummer (Wednesday 17 June): one conflict each.
sqlite3 "$DB" "INSERT INTO session (id, cohort_id, title, kind, starts_at, ends_at, location)
               SELECT '88888888-0000-4000-8000-000000000001', id, 'Extra kursdag', 'course_day',
                      '2015-05-14 09:00', '2015-05-14 16:00', 'Aranäs, Kungsbacka'
               FROM cohort WHERE name = 'Omgång 3';
               INSERT INTO session (id, cohort_id, title, kind, starts_at, ends_at)
               SELECT '88888888-0000-4000-8000-00000000000' || n, id, 'Uppsamling ' || n, 'other',
                      '2015-06-17 ' || t1, '2015-06-17 ' || t2
               FROM cohort, (SELECT 2 AS n, '09:00' AS t1, '12:00' AS t2 UNION ALL SELECT 3, '10:00', '11:00')
               WHERE name = 'Omgång 7'" || { echo "adding a session failed"; exit 1; }
PILOT=$(sqlite3 "$DB" "SELECT count(*) FROM session s JOIN cohort c ON c.id = s.cohort_id
                       WHERE c.name = 'Pilot Halland'")
ICS="$TMP/lup-Pilot-Halland.ics"

# The VEVENTs of a file, counted by python3-icalendar.
vevents() {
	"$PY" -c 'import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print(len(cal.walk("VEVENT")))' "$1"
}

for RUN in "C.UTF-8 80x24" "C.UTF-8 132x43" "sv_SE.UTF-8 80x24"; do
	LOC=${RUN% *} SIZE=${RUN#* }
	if [ "$LOC" = C.UTF-8 ]; then
		TAB="[1 People]" CAL="Calendar · All cohorts" WEEK="Week" GOTO="Go to a date"
		W38="Week 38 · 2015-09-14 – 09-20" WED="Tue 15" NOTDATE="is not a date"
		W25="Week 25 · 2015-06-15 – 06-21" MIDS="Midsummer Eve, Midsummer Day" CONFL="Conflicts (1)"
		ONE="1 conflict" JUNE="June 2015" JULY="July 2015" LEGEND="19 Midsummer Eve, 20 Midsummer Day"
		DAY19="Fri 2015-06-19 · Week 25 · ✱ Midsummer Eve (day off)" HEAD="Week  Mon"
		NEXT="No sessions on 2015-06-19: the next is on 2015-08-11." LAST="these are the last ones"
		PICK="Whose calendar" PCAL="Calendar · Pilot Halland" EXPORT="Export this cohort's calendar"
		WROTE="Wrote $PILOT events to $ICS"
		HOLROW="✱ Ascension Day" HOLWARN="2015-05-14 is a public holiday: Ascension Day"
	else
		TAB="[1 Personer]" CAL="Kalender · Alla omgångar" WEEK="v." GOTO="Gå till ett datum"
		W38="v. 38 · 2015-09-14 – 09-20" WED="tis 15" NOTDATE="är inget datum"
		W25="v. 25 · 2015-06-15 – 06-21" MIDS="midsommarafton, midsommardagen" CONFL="Krockar (1)"
		ONE="1 krock" JUNE="juni 2015" JULY="juli 2015" LEGEND="19 midsommarafton, 20 midsommardagen"
		DAY19="fre 2015-06-19 · v. 25 · ✱ midsommarafton (ledig dag)" HEAD="Vecka mån"
		NEXT="Inga tillfällen den 2015-06-19: nästa är den 2015-08-11." LAST="här är de sista"
		PICK="Vems kalender" PCAL="Kalender · Pilot Halland" EXPORT="Exportera omgångens kalender"
		WROTE="Skrev $PILOT händelser till $ICS"
		HOLROW="✱ Kristi himmelsf" HOLWARN="2015-05-14 är en helgdag: Kristi himmelsfärdsdag"
	fi
	rm -f "$ICS"

	case_ "open from a section $SIZE"
	start "$SIZE" HOME="$TMP"
	wait_for "$TAB" || continue
	keys C
	wait_for "$CAL" || continue
	check_ 'screen | grep -Eq "^ $WEEK ?[0-9]+ · [0-9]{4}-[0-9]{2}-[0-9]{2} – "' "no ISO week heading"

	case_ "go to a typed date $SIZE"
	text ":"
	wait_for "$GOTO" || continue
	text "2015-09-14"
	keys Enter
	wait_for "$W38"
	wait_for "$WED"
	check_ 'cursor_line | grep -q "$WED"' "the focus is not on the week's first session"

	case_ "a wrong date is refused $SIZE"
	text ":"
	wait_for "$GOTO"
	text "v. 99"
	keys Enter
	wait_for "$NOTDATE"
	keys Escape
	wait_gone "$GOTO"
	check_ 'on_screen "$W38"' "a refused date moved the agenda"

	case_ "a session on a public holiday $SIZE"
	text ":"
	wait_for "$GOTO"
	text "2015-05-14"
	keys Enter
	wait_for "$HOLROW"
	# (the week's heading names the holiday first: wait for the session's line)
	check_ 'poll "cursor_line | grep -q \"Extra kursdag.*$HOLROW\"" 5' "no holiday marker on the session's line"
	keys Enter
	wait_for "$HOLWARN"
	check_ 'on_screen "$HOLROW"' "the details do not name the holiday"
	keys Escape
	wait_gone "$HOLWARN"

	case_ "go to a typed week $SIZE"
	text ":"
	wait_for "$GOTO"
	text "v. 25"
	keys Enter
	wait_for "$W25"
	wait_for "$MIDS"          # the week's holidays, in its heading
	wait_for "$ONE"           # conflicts, counted once no key waits

	case_ "a session's details $SIZE"
	keys Enter
	wait_for "$CONFL"
	check_ 'on_screen "⚠"' "no conflict marker in the details"
	keys q
	wait_for "$W25"

	case_ "month grid $SIZE"
	keys m
	wait_for "$JUNE" || continue
	wait_for "$HEAD"
	for w in 23 24 25 26 27; do
		check_ 'screen | grep -Eq "^ $w +"' "no week number $w at the left"
	done
	wait_for "$LEGEND"
	check_ 'screen | grep -Eq "19 ✱"' "Midsummer Eve is not marked in the grid"
	keys l l l l
	wait_for "$DAY19"
	check_ 'cursor_line | grep -q "19 ✱"' "the cursor is not on the 19th"
	keys PgDn
	wait_for "$JULY"
	keys PgUp
	wait_for "$JUNE"

	case_ "Enter on a day shows it in the agenda $SIZE"
	keys Enter
	wait_for "$NEXT"
	check_ '! on_screen "$JUNE"' "still in the month grid"

	case_ "today $SIZE"
	keys t
	wait_for "$LAST"

	case_ "one cohort's calendar, exported $SIZE"
	keys c
	wait_for "$PICK" || continue
	keys j Enter
	wait_for "$PCAL" || continue
	keys x
	wait_for "$EXPORT" || continue
	wait_for "$ICS"
	keys Enter
	wait_for "$WROTE" || continue
	check_ '[ -s "$ICS" ]' "no file at $ICS"
	if [ -n "$PY" ]; then
		n=$(vevents "$ICS")
		check_ '[ "$n" = "$PILOT" ]' "the file has $n events, the database $PILOT sessions"
	else
		fail "python3-icalendar is not installed"
	fi

	case_ "quit $SIZE"
	keys q
	wait_for "$TAB"
	keys q
	wait_exit
	check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
done
finish
