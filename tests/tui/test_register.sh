#!/bin/sh
# What really happened, by keys alone, on the small programme of tests/data
# with a session a month from now: the register of a session still to come
# shows who will be there and takes no mark; someone enrolled today is
# back-filled into a register of 2014 by moving the day their seat counts
# from; a learning-log entry about a study visit; the organisation's study
# visits and what they gave; back to the waitlist, naming who lost and who
# got the seat.  In English at 80x24, in Swedish at 132x43.
. tests/tui/lib.sh

q() { sqlite3 "$DB" "$1"; }
status_line() { screen | tail -2 | head -1; }
LATER=$(date -d "+30 days" +%F)

new_db 0
"$LUP" --db "$DB" import people "$TOP/tests/data/programme_people.csv" >/dev/null 2>&1 &&
	sqlite3 "$DB" ".read $TOP/tests/data/programme.sql" || { echo "programme data failed"; exit 1; }
# a session of Omgång 1 a month from now; Pilot Halland with a fifth seat;
# Omgång 2 of one seat, Ida Ek in it and Jon Berg waiting
sqlite3 "$DB" "
INSERT INTO session (id, cohort_id, block_id, title, kind, starts_at, ends_at) VALUES
 ('d0000000-0000-4000-8000-000000000099', 'c0000000-0000-4000-8000-000000000002',
  'b1000000-0000-4000-8000-000000000001', 'UL del 2, dag 3', 'follow_up', '$LATER 09:00', '$LATER 16:00');
UPDATE cohort SET capacity = 5 WHERE name = 'Pilot Halland';
INSERT INTO person (id, name, sort_name, search) VALUES
 ('70000000-0000-4000-8000-0000000000a1', 'Ida Ek', 'ida ek', 'ida ek'),
 ('70000000-0000-4000-8000-0000000000a2', 'Jon Berg', 'jon berg', 'jon berg');
INSERT INTO cohort (id, programme_id, name, capacity, start_date, end_date) VALUES
 ('c0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000001', 'Omgång 2', 1,
  '2031-03-01', '2031-06-30');
INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, waitlist_pos, enrolled_on) VALUES
 ('e0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-000000000003',
  '70000000-0000-4000-8000-0000000000a1', 'b0000000-0000-4000-8000-000000000001', 'enrolled',
  '2026-01-10T08:00:00Z', NULL, '2026-01-10'),
 ('e0000000-0000-4000-8000-0000000000a2', 'c0000000-0000-4000-8000-000000000003',
  '70000000-0000-4000-8000-0000000000a2', 'b0000000-0000-4000-8000-000000000001', 'waitlisted',
  '2026-01-11T08:00:00Z', 1, NULL);" || { echo "extra data failed"; exit 1; }

# ---------------------------------------------------------------- English
LOC=C.UTF-8
start 80x24
wait_for "[1 People]" || { finish; exit 1; }

case_ "the register of a session still to come"
keys 2
wait_for "Omgång 1"
go_to "Omgång 1"; keys Enter
wait_for "[ Sessions (6) ]"
keys End
wait_for "UL del 2, dag 3"
keys Enter
wait_for "Attendance: UL del 2, dag 3"
wait_for "Not held yet: attendance can be taken from $LATER."
# who will be there is shown; a stray key marks nothing
check_ 'on_screen "Eva Frost" && on_screen "Filip Gran"' "the register does not show who comes"
keys p
wait_for "has not taken place yet: attendance can be taken from"
check_ '[ "$(q "SELECT count(*) FROM attendance WHERE session_id = '"'d0000000-0000-4000-8000-000000000099'"'")" = 0 ]' \
	"a mark was stored for a session still to come"
check_ 'cursor_line | grep -q "not marked"' "the focus moved on after a refused mark"
keys q
wait_for "[ Sessions (6) ]"

case_ "back-filling: the day a seat counts from"
keys q
wait_for "Pilot Halland"
go_to "Pilot Halland"; keys Enter
wait_for "[ Sessions (5) ]"
keys Tab
wait_for "Participants 3/5"
keys a
wait_for "Enrol in Pilot Halland"
keys /; text "hugo"
wait_for "Hugo Ivarsson"
keys Enter Enter
wait_for "1 enrolled"
# his seat counts from today: the register of 3 March 2014 is not his
keys Tab
wait_for "[ Sessions (5) ]"
keys Home Enter
wait_for "Attendance: UL del 1, dag 1"
check_ '! on_screen "Hugo Ivarsson"' "someone enrolled today is on a register of 2014"
keys q
keys Tab
wait_for "Hugo Ivarsson"
go_to "Hugo Ivarsson"
keys e
wait_for "Hugo Ivarsson in Pilot Halland"
wait_for "Seat counts from"
keys C-u; text "2014-02-20"
keys C-s
wait_for "Saved."
check_ 'cursor_line | grep -q "2014-02-20"' "the participant's since does not show the day"
keys Tab
wait_for "[ Sessions (5) ]"
keys Home Enter
wait_for "Attendance: UL del 1, dag 1"
wait_for "Hugo Ivarsson"
go_to "Hugo Ivarsson"
keys p
check_ 'poll "[ \"\$(q \"SELECT a.status FROM attendance a JOIN person p ON p.id = a.person_id
        WHERE p.name = '"'Hugo Ivarsson'"' AND a.session_id = '"'d0000000-0000-4000-8000-000000000001'"'\")\" = present ]" 5' \
	"Hugo's mark of 3 March 2014 was not stored"
keys q

case_ "a learning-log entry about a study visit"
wait_for "[ Sessions (5) ]"
go_to "Studiebesök Nacka"
keys Enter
wait_for "Attendance: Studiebesök Nacka"
go_to "Anna Berg"
keys r
wait_for "Learning log of Anna Berg: Studiebesök Nacka"
keys Tab; text "Nackas kontaktcenter: en väg in för medborgarna"
keys C-s
wait_for "Added to Anna Berg's learning log."
check_ '[ "$(q "SELECT count(*) FROM log_entry WHERE session_id = '"'d0000000-0000-4000-8000-000000000005'"'
              AND text LIKE '"'Nackas kontaktcenter%'"'")" = 1 ]' "the entry is not stored about the visit"
keys q q

case_ "an organisation's study visits and what they gave"
keys 3
wait_for "Nacka kommun"
go_to "Nacka kommun"
keys Enter
wait_for "Study visits"
check_ 'on_screen "1 (b lists them)"' "the host view does not count the visits"
keys b
wait_for "Study visits to Nacka kommun"
wait_for "Pilot Halland"
wait_for "2014-04-01"
wait_for "What the visits gave"
wait_for "Nackas kontaktcenter"
check_ 'on_screen "Lena Sjögren"' "the contact does not show"
keys j Enter
wait_for "Attendance: Studiebesök Nacka"
keys q q q

case_ "back to the waitlist, naming who lost and who got the seat"
keys 2
wait_for "Omgång 2"
go_to "Omgång 2"; keys Enter
wait_for "[ Sessions (0) ]"
keys Tab
wait_for "Participants 1/1 +1 waiting"
go_to "Ida Ek"
check_ 'cursor_line | grep -q "–"' "a cohort that runs no block yet does not show –"
keys W
wait_for "Move Ida Ek back to the waitlist of Omgång 2?"
keys y
wait_for "Ida Ek lost the seat and is number 1 on the waitlist; Jon Berg got it."
check_ '[ "$(q "SELECT status || coalesce(waitlist_pos, 0) FROM enrolment WHERE id = '"'e0000000-0000-4000-8000-0000000000a1'"'")" = waitlisted1 ]' \
	"Ida is not first on the waitlist"
check_ '[ "$(q "SELECT status FROM enrolment WHERE id = '"'e0000000-0000-4000-8000-0000000000a2'"'")" = enrolled ]' \
	"Jon did not get the seat"
keys q q
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"

case_ "a long title gives way: the register's title keeps the cohort and the day at 80 columns"
q "UPDATE session SET title = 'Utvecklande ledarskap del 1, dag 1: förmiddag och eftermiddag'
   WHERE id = 'd0000000-0000-4000-8000-000000000001'"
start 80x24
wait_for "[1 People]"
keys 2
wait_for "Pilot Halland"
go_to "Pilot Halland"; keys Enter
wait_for "[ Sessions (5) ]"
keys Home Enter
wait_for "Attendance: Utvecklande"
check_ 'screen | sed -n 2p | grep -q "(w\. 10) · Pilot Halland"' "the title lost the day or the cohort"
keys q q q
wait_exit

# ---------------------------------------------------------------- Swedish
LOC=sv_SE.UTF-8
start 132x43

case_ "Swedish: the register of a session still to come"
wait_for "[1 Personer]" || { finish; exit 1; }
keys 2
wait_for "Omgång 1"
go_to "Omgång 1"; keys Enter
wait_for "[ Tillfällen (6) ]"
keys End Enter
wait_for "Inte genomfört än: närvaron kan tas från $LATER."
keys 1
wait_for "har inte ägt rum än: närvaron kan tas från"
keys q q

case_ "Swedish: Omgång 2 first in line again"
wait_for "Omgång 2"
go_to "Omgång 2"; keys Enter
keys Tab
wait_for "Deltagare 1/1 +1 väntar"
go_to "Jon Berg"
keys W
wait_for "Flytta Jon Berg tillbaka till väntelistan för Omgång 2?"
keys y
wait_for "Jon Berg lämnade platsen och står som nummer 1 på väntelistan; Ida Ek fick den."
keys q q
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
finish
