#!/bin/sh
# The Programme section by keys alone, on the demonstration database with
# 30 more people who are in no cohort: a new 16-seat cohort, entered after
# the fact (it met in spring 2025), with two sessions; 18 people marked in
# the picker and enrolled as of a day in February (two wait); a withdrawal
# that seats the first person waiting; the register taken with one key per
# person; a session copied to next week and to another cohort; the blocks
# editor.  In English at 80x24, in Swedish at 132x43.
. tests/tui/lib.sh

# The demonstration programme, and 30 people outside it ("… @example.se").
demo_db() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$LUP" --db "$DB" init >/dev/null && "$LUP" --db "$DB" demo >/dev/null ||
		{ echo "lup demo failed"; exit 1; }
	sqlite3 "$DB" ".param set :n 30" ".read $TOP/tests/tui/people.sql" ||
		{ echo "adding people failed"; exit 1; }
}
q() { sqlite3 "$DB" "$1"; }
status_line() { screen | tail -2 | head -1; }
hint_line() { screen | tail -1; }

# ---------------------------------------------------------------- English
LOC=C.UTF-8
demo_db
start 80x24

case_ "the section: progress and cohorts"
wait_for "[1 People]" || { finish; exit 1; }
keys 2
wait_for "of 300 enrolled, "
wait_for "Pilot Halland"
# the filter takes the room of C Calendar at 80 columns; the help lists C
check_ 'hint_line | grep -q "/ Filter"' "the hint line does not offer the filter"

case_ "/ on the cohort list filters, and help lists no key that does nothing"
keys /
text "halland1"
wait_for "Nothing matches the filter."
check_ 'on_screen "[2 Programme]"' "the typed filter ran as commands (1 went to People)"
keys BSpace
wait_for "Pilot Halland"
check_ '! on_screen "Omgång"' "the filter left other cohorts"
keys Enter
wait_for "Pilot Halland"
keys Escape
wait_for "Omgång"
keys ?
wait_for "Keys: Cohorts"
help=""
for i in 1 2 3 4 5 6 7 8; do help="$help
$(screen)"; keys PgDn; sleep 0.1; done
check_ 'printf "%s" "$help" | grep -q "Filter as you type"' "help does not list the filter"
check_ 'printf "%s" "$help" | grep -q "Open the programme calendar"' "help does not list the calendar"
check_ '! printf "%s" "$help" | grep -q "Change the sort order"' "help lists s, which does nothing on the cohort list"
keys Escape
wait_gone "Keys: Cohorts"

case_ "a new cohort"
keys a
wait_for "New cohort"
text "Testkull"
keys Tab C-u; text "16"
keys Tab; text "2025-03-10"
keys Tab; text "2025-06-13"
keys Tab Tab; text "Eva Ek, Olle Berg"
keys C-s
wait_for "Saved."
wait_for "Testkull"
check_ 'cursor_line | grep -q "Testkull"' "the cursor is not on the new cohort"
check_ 'cursor_line | grep -q "w. 11–24"' "the new cohort's weeks do not show"
# its status follows from its dates: past, no sessions yet; nothing set by hand
check_ 'cursor_line | grep -q "done"' "the cohort of past dates is not done"
check_ '[ "$(q "SELECT capacity || coalesce(status_override, '"'-'"') FROM cohort WHERE name = '"'Testkull'"'")" = 16- ]' \
	"the cohort was not stored with 16 seats and no status set by hand"

case_ "two sessions, warned about UL part 1"
keys Enter
wait_for "[ Sessions (0) ]"
keys a
wait_for "New session"
# the first session of a cohort: a UL course day on its start date
check_ 'on_screen "course day" && on_screen "2025-03-10"' "the first session is not a course day on the start"
keys Tab Tab; text "Kursdag ett"
keys Tab C-u; text "2025-03-10"
keys C-s
# nothing to close: the status line says how many, the message log has them
wait_for "Saved. 1 warning (L lists it): Testkull: UL part 1 is too short"
check_ '! on_screen "Enter closes"' "the save opened a box"
keys L
wait_for "Warning: Testkull: UL part 1 is too short: one day (2025-03-10)"
keys q
wait_gone "Messages of this run"
wait_for "Sessions (1)"
# the next one goes on with UL part 1: the next working day, a course day
keys a
wait_for "New session"
check_ 'on_screen "2025-03-11" && on_screen "course day"' "the new session does not go on with part 1"
keys C-s
wait_for "Saved. 1 warning"
wait_for "Sessions (2)"
check_ '[ "$(q "SELECT count(*) FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE c.name = '"'Testkull'"'")" = 2 ]' \
	"the database does not have two sessions"

case_ "enrol 18 into 16 seats by marking them"
keys Tab
wait_for "[ Participants 0/16 ]"
keys a
wait_for "Enrol in Testkull"
keys /; text "example.se"
wait_for "1 of 30 (330)"
keys Escape
wait_for "1 of 330"
keys Escape
wait_for "[ Participants 0/16 ]"
keys a
wait_for "Enrol in Testkull"
# they took part before they were entered: their seats count from February
# (: sets a day, as in the calendar; d deletes everywhere)
keys :
wait_for "Enrol as of"
text "2025-02-24"
keys C-s
wait_for "Seats given now count from 2025-02-24."
wait_for "as of 2025-02-24"
keys /; text "example.se"
wait_for "1 of 30 (330)"
keys Enter
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18; do keys Space; done
wait_for "18 marked"
keys Enter
wait_for "16 enrolled, 2 on the waitlist"
wait_for "[ Participants 16/16 +2 waiting ]"
keys End
wait_for "waitlisted (2)"
keys Home
check_ '[ "$(q "SELECT count(*) FROM enrolment WHERE status = '"'waitlisted'"' AND cohort_id = (SELECT id FROM cohort WHERE name = '"'Testkull'"')")" = 2 ]' \
	"the database does not have two waiting"
check_ '[ "$(q "SELECT count(*) FROM enrolment WHERE enrolled_on = '"'2025-02-24'"' AND cohort_id = (SELECT id FROM cohort WHERE name = '"'Testkull'"')")" = 16 ]' \
	"the seats do not count from the day given"

case_ "withdraw: the first waiting moves up and is named"
first=$(q "SELECT p.name FROM enrolment e JOIN person p ON p.id = e.person_id JOIN cohort c ON c.id = e.cohort_id
           WHERE c.name = 'Testkull' AND e.status = 'waitlisted' ORDER BY e.waitlist_pos LIMIT 1")
gone=$(cursor_line | sed 's/^▸ *//; s/  .*//')
keys w
wait_for "Withdraw $gone from Testkull?"
check_ 'on_screen "[ No ]"' "No is not the default"
keys y
wait_for "Withdrew $gone. $first moved up from the waitlist."
wait_for "[ Participants 16/16 +1 waiting ]"

case_ "the register: one key per person"
keys Tab
wait_for "[ Sessions (2) ]"
keys Home Enter
wait_for "Attendance: Kursdag ett"
wait_for "0 present, 0 late, 0 excused, 0 absent, 16 not marked"
check_ 'hint_line | grep -q "1 Present  2 Late  3 Excused  4 Absent"' "the hint line does not show the marks"
check_ 'screen | head -3 | grep -q "Testkull"' "the register's title lost the cohort's name"

case_ "e and a in the register mark nobody, and say which keys do"
keys e
wait_for "Nothing marked: 1 is present, 2 late, 3 excused, 4 absent"
keys a
check_ 'on_screen "0 present, 0 late, 0 excused, 0 absent, 16 not marked"' "e or a marked someone"
check_ '[ "$(q "SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.title = '"'Kursdag ett'"'")" = 0 ]' \
	"e or a stored a mark"
keys Home

case_ "the register: one key per person (continued)"
keys p p p p p p p p p p p p l 3 4 4
wait_for "12 present, 1 late, 1 excused, 2 absent"
wait_for "Everyone is marked."
check_ '[ "$(q "SELECT group_concat(n, '"' '"') FROM (SELECT a.status || count(*) AS n FROM attendance a
              JOIN session s ON s.id = a.session_id WHERE s.title = '"'Kursdag ett'"' GROUP BY a.status ORDER BY a.status)")" = "absent2 excused1 late1 present12" ]' \
	"the database does not hold 12/1/1/2"
# who held a seat that day: the one withdrawn since, not the one who moved up today
check_ 'on_screen "$gone"' "the withdrawn person, seated on the day, is not on the register"
check_ '! on_screen "$first"' "the person seated today is on the register of March 2025"

case_ "copy a session to the same weekday next week"
keys q
wait_for "[ Sessions (2) ]"
check_ 'cursor_line | grep -q "Kursdag ett"' "the cursor is not on the first session"
keys n
wait_for "Copy Kursdag ett to 2025-03-17 09:00 (week 12)?"
check_ 'on_screen "[ No ]"' "No is not the default"
# n answers No: two n make no copy
keys n
wait_gone "Copy Kursdag ett to"
check_ 'on_screen "Sessions (2)"' "n copied the session without a Yes"
keys n
wait_for "Copy Kursdag ett to 2025-03-17 09:00 (week 12)?"
keys y
wait_for "Copied to 2025-03-17 09:00, week 12."
wait_for "Sessions (3)"
check_ 'cursor_line | grep -q "2025-03-17 12 .*Kursdag ett"' "the cursor is not on the copy"
keys End n
wait_for "Copy Kursdag ett to 2025-03-24 09:00 (week 13)?"
keys y
wait_for "Copied to 2025-03-24 09:00, week 13."
wait_for "Sessions (4)"

case_ "delete a session: No first"
keys d
wait_for "Delete the session"
check_ 'screen | grep -q "Delete the session of 2025-0[0-9]-[0-9][0-9], "' "the question does not show the session's day"
keys Enter
wait_gone "Delete the session"
check_ 'on_screen "Sessions (4)"' "Enter deleted the session"

case_ "the help in a cohort: Tab is listed once, for switching part"
# Tab and S-Tab switch the cohort's parts there, not the section: the
# section keys they would be elsewhere are not listed at all
keys ?
wait_for "Keys: Cohort"
wait_for "Go to Reports"
check_ '! on_screen "next section" && ! on_screen "previous section" && ! on_screen "(none)"' \
	"the help lists the section keys Tab and S-Tab do not reach here"
# the whole help, page by page (its descriptions wrap)
: >"$TMP/help"
for i in 1 2 3 4 5 6 7 8; do screen >>"$TMP/help"; keys PgDn; sleep 0.1; done
wait_for "Edit the cohort: name"
check_ '[ "$(sed "s/^[^│]*│//" "$TMP/help" | sort -u | grep -c "^  Tab[, ]")" = 1 ] && grep "│  Tab, S-Tab  .*Switch between the cohort" "$TMP/help" >/dev/null' \
	"Tab is not listed once, for switching between the cohort's parts"
check_ '! grep -q "next section" "$TMP/help"' "the help lists the next section"
keys q
wait_gone "Keys: Cohort"

case_ "back to the list: seats and the progress"
keys q
wait_for "Testkull"
check_ 'poll "cursor_line | grep -q \"16/16 +1 waiting\"" 5' "the list does not show the seats"
wait_for "298 of 300 enrolled"
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"

# ---------------------------------------------------------------- Swedish
LOC=sv_SE.UTF-8
start 132x43

case_ "Swedish: the cohort and its register with digit keys"
wait_for "[1 Personer]" || { finish; exit 1; }
keys 2
wait_for "av 300 antagna"
wait_for "Veckor"
# the list goes by start date: the demonstration's cohorts move with the
# day, Testkull stays in 2025
keys Home
for i in $(seq 1 30); do
	poll 'cursor_line | grep -q "Testkull"' 1 && break
	keys j
done
wait_for "Testkull"
check_ 'cursor_line | grep -q "2025-03-10 – 2025-06-13"' "the wide list does not show both dates"
check_ 'cursor_line | grep -q "16/16 +1 väntar"' "the seats are not in Swedish"
keys Enter
wait_for "[ Tillfällen (4) ]"
check_ 'on_screen "Handledare: Eva Ek, Olle Berg"' "the facilitators do not show"
keys j Enter
wait_for "Närvaro: "
wait_for "16 ej markerade"
check_ 'hint_line | grep -q "1 Närvarande  2 Sen  3 Anmäld frånvaro  4 Frånvarande"' "the hint line is not in Swedish"
keys e
wait_for "Ingen markering: 1 är närvarande, 2 sen, 3 anmäld frånvaro, 4 frånvarande"
keys 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2 4
wait_for "14 närvarande, 1 sen, 0 med anmäld frånvaro, 1 frånvarande"
keys ?
wait_for "Tangenter: Närvarolista"
help=""
for i in 1 2 3 4; do help="$help
$(screen)"; keys PgDn; sleep 0.1; done
check_ 'printf "%s" "$help" | grep -q "Upp, k" && printf "%s" "$help" | grep -q "Backsteg, Del"' \
	"the help does not name the keys in Swedish"
check_ 'printf "%s" "$help" | grep -q "1, p " && printf "%s" "$help" | grep -q "3  "' "the help does not list 1 and p, and 3"
keys Escape
wait_gone "Tangenter: Närvarolista"
check_ 'on_screen "frånvarande"' "the status words are not in Swedish"
keys q

case_ "Swedish: copy to another cohort with the picker"
wait_for "[ Tillfällen (4) ]"
keys o
wait_for "Vilken omgång ska tillfället kopieras till?"
keys Escape
wait_gone "Vilken omgång ska tillfället kopieras till?"
wait_for "[ Tillfällen (4) ]"
keys o
wait_for "Vilken omgång ska tillfället kopieras till?"
check_ 'on_screen "Testkull (den här)"' "the picker does not mark the cohort itself"
pilot=$(q "SELECT count(*) FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE c.name = 'Pilot Halland'")
keys g Enter
wait_for "Kopierat till Pilot Halland: 2025-03-11 09:00, v. 11."
check_ '[ "$(q "SELECT count(*) FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE c.name = '"'Pilot Halland'"'")" = $((pilot + 1)) ]' \
	"the copy is not in Pilot Halland"

case_ "Swedish: participants, completions of a cohort that is done"
keys Tab
wait_for "[ Deltagare 16/16 +1 väntar ]"
wait_for "på väntelista (1)"
keys m
wait_for "Inga fler har klarat alla block: ingen markerades som genomförd."
keys q

case_ "Swedish: the blocks editor moves a block"
wait_for "Testkull"
keys b
wait_for "Programmets block, i ordning"
b1=$(q "SELECT name FROM block ORDER BY seq LIMIT 1")
keys +
check_ 'poll "[ \"\$(q \"SELECT name FROM block WHERE seq = 2\")\" = \"$b1\" ]" 5' "the first block did not move down"
check_ 'cursor_line | grep -q "$b1"' "the cursor did not follow the block"
keys -
check_ 'poll "[ \"\$(q \"SELECT name FROM block WHERE seq = 1\")\" = \"$b1\" ]" 5' "the block did not move back up"
keys q

case_ "Swedish: deleting a cohort says what goes with it"
wait_for "Testkull"
keys d
wait_for "Ta bort omgången Testkull?"
check_ 'hint_line | grep -q "j Ja"' "the question does not show j for Ja"
check_ 'on_screen "4 tillfällen, 17 antagningar"' "the question does not say what goes"
keys n
wait_gone "Ta bort omgången"

case_ "Swedish: a larger capacity seats the one waiting, and says so"
second=$(q "SELECT p.name FROM enrolment e JOIN person p ON p.id = e.person_id JOIN cohort c ON c.id = e.cohort_id
            WHERE c.name = 'Testkull' AND e.status = 'waitlisted'")
keys e
wait_for "Ändra omgången Testkull"
check_ 'hint_line | grep -q "Skift-Tab Föregående" && hint_line | grep -q "Ctrl-S Spara"' \
	"the form's hint line does not name the keys in Swedish"
check_ '! hint_line | grep -q "S-Tab\|\^S"' "the form's hint line names keys in English"
keys Tab C-u; text "17"
keys C-s
wait_for "Sparat. Fick plats från väntelistan: $second."
wait_for "3 varningar (L visar dem)"
keys L
wait_for "17 platser är fler än UL:s högsta antal"
keys q
wait_for "17/17"
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
check_ '[ "$(q "SELECT count(*) FROM cohort WHERE name = '"'Testkull'"'")" = 1 ]' "No deleted the cohort"
finish
