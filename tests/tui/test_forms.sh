#!/bin/sh
# Forms and keys that never surprise, on the demonstration database at
# 80x24: typing over a pre-filled field replaces it, hidden text is
# marked, length limits say so, a save answers on the status line and a
# reflex Enter after it is not taken as data, undo and redo (a cohort
# deleted with its attendance marks comes back whole), the message log,
# the help read whole at 80 columns, Ctrl-C asks, Ctrl-Z suspends.
. tests/tui/lib.sh

demo_db() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$LUP" --db "$DB" init >/dev/null && "$LUP" --db "$DB" demo >/dev/null ||
		{ echo "lup demo failed"; exit 1; }
}
q() { sqlite3 "$DB" "$1"; }
status_line() { screen | tail -2 | head -1; }
hint_line() { screen | tail -1; }
LOC=C.UTF-8
# keys typed within 600 ms after a save are not taken (the other suites
# turn that off to type at full speed)
SAVE_GUARD_MS=600
demo_db
start 80x24

case_ "typing over a pre-filled date and time replaces them"
wait_for "[1 People]" || { finish; exit 1; }
keys 2
wait_for "Omgång 16"
go_to "Omgång 16"; keys Enter
wait_for "[ Sessions"
keys a
wait_for "New session"
check_ 'hint_line | grep -q "\^U Clear"' "the hint line does not offer ^U Clear"
keys Tab Tab Tab
text "2027-09-08"
wait_for "2027-09-08"
check_ '! on_screen "2027-09-082"' "the typed date was appended"
keys Tab
text "10:00"
wait_for "10:00"
check_ '! on_screen "0010"' "the typed time was appended"
# an arrow keeps the value for editing
keys Tab End BSpace
text "5"
wait_for "16:05"

case_ "text wider than its box is marked where it is hidden"
keys BTab BTab BTab
text "$(printf 'Studiebesök%.0s ' $(seq 1 8))Slutet"
wait_for "Slutet"
check_ 'screen | grep "Title" | grep -q "‹"' "no ‹ marks the hidden start"
keys Home
wait_gone "Slutet"
check_ 'screen | grep "Title" | grep -q "›"' "no › marks the hidden end"

case_ "a length limit says so when reached"
keys C-u
text "$(printf 'x%.0s' $(seq 1 210))"
wait_for "at most 200 characters"

case_ "a field left reads from its start; notes wrap over their rows"
# the Title holds 200 x; Notes is nine fields below it
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab
text "Början $(printf 'ord%.0s ' $(seq 1 20))Slutord"
wait_for "Slutord"
keys BTab
check_ 'poll "! screen | grep -q \"‹\"" 2' "a field left still shows its end"
check_ 'poll "screen | grep Notes | grep -q Början" 2' "the notes left do not start with their first word"
check_ 'screen | grep -v Notes | grep -q "^ *ord.*Slutord"' "the notes left are not wrapped onto their next row"
keys BTab BTab BTab BTab BTab BTab BTab BTab
wait_for "▸ Title"

case_ "a save answers on the status line; a reflex Enter is not data"
keys C-u
text "Reflexprov"
marks=$(q "SELECT count(*) FROM attendance")
keys C-s Enter p p p
wait_for "Saved"
sleep 1
check_ '[ "$(q "SELECT count(*) FROM session WHERE title = '"'Reflexprov'"' AND starts_at LIKE '"'2027-09-08 10:00%'"'")" = 1 ]' \
	"the session was not stored on the typed date and time"
check_ '[ "$(q "SELECT count(*) FROM attendance")" = "$marks" ]' "keys after the save were stored as marks"
check_ '! on_screen "Attendance:"' "the reflex Enter opened the register"
check_ '! on_screen "Close the message"' "the save opened a box"
keys q

case_ "undo a cohort deleted with its attendance marks, and redo"
wait_for "Omgång 7"
n7=$(q "SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id JOIN cohort c ON c.id = s.cohort_id WHERE c.name = 'Omgång 7'")
all=$(q "SELECT count(*) FROM attendance")
go_to "Omgång 7"
keys d
wait_for "Delete"
keys y
wait_for "Deleted the cohort Omgång 7."
check_ '[ "$(q "SELECT count(*) FROM cohort WHERE name = '"'Omgång 7'"'")" = 0 ]' "the cohort was not deleted"
keys u
wait_for "Undid: deleted cohort Omgång 7 with $n7 attendance marks"
check_ '[ "$(q "SELECT count(*) FROM attendance")" = "$all" ]' "the attendance marks did not all come back"
check_ '"$LUP" --db "$DB" check >/dev/null 2>&1' "lup check is not clean after the undo"
keys C-r
wait_for "Redid: deleted cohort Omgång 7"
check_ '[ "$(q "SELECT count(*) FROM cohort WHERE name = '"'Omgång 7'"'")" = 0 ]' "redo did not delete the cohort again"
keys u
wait_for "Undid: deleted cohort Omgång 7"
check_ '[ "$(q "SELECT count(*) FROM attendance")" = "$all" ]' "the second undo did not bring the marks back"
# several steps deep: the session saved above goes too
keys u
wait_for "Undid: added session Reflexprov"
check_ '[ "$(q "SELECT count(*) FROM session WHERE title = '"'Reflexprov'"'")" = 0 ]' "the second step was not undone"
check_ '"$LUP" --db "$DB" check >/dev/null 2>&1' "lup check is not clean after two undos"

case_ "an undo that would clash with a later change elsewhere does nothing"
keys C-r
wait_for "Redid: added session Reflexprov"
q "UPDATE session SET title = 'Ändrad annanstans' WHERE title = 'Reflexprov'"
keys u
wait_for "was changed again since"
check_ '[ "$(q "SELECT count(*) FROM session WHERE title = '"'Ändrad annanstans'"'")" = 1 ]' "the clashing undo changed something"

case_ "the message log shows every message in full, newest first"
keys L
wait_for "Messages"
check_ 'screen | grep -n "Undid: deleted cohort" | head -1 | cut -d: -f1 | { read a; b=$(screen | grep -n "Saved" | head -1 | cut -d: -f1); [ "$a" -lt "$b" ]; }' \
	"the newest message is not first"
keys q
wait_gone "Messages"

case_ "80x24: the help shows a long description whole"
keys ?
wait_for "Keys:"
for i in $(seq 1 40); do keys PgDn; done
check_ '! screen | grep -q "… │"' "a description is cut with …"
keys q

case_ "132 columns: spare width shows whole e-mail addresses"
resize 132x30
keys 1
wait_for "Aleksandra Bengtsson"
check_ 'on_screen "aleksandra.bengtsson@example.org"' "the e-mail address is cut though there is room"
resize 80x24
wait_for "[1 People]"

case_ "Ctrl-C asks before quitting"
keys C-c
wait_for "Quit lup?"
keys n
wait_gone "Quit lup?"
check_ '! dead' "lup quit on No"
keys C-c
wait_for "Quit lup?"
keys y
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"

case_ "Ctrl-Z suspends, fg redraws"
# a shell with job control around lup, in a session of its own
window sh
tm new-session -d -s sh -x 80 -y 24 "env -u LANGUAGE LUP_SAVE_GUARD_MS=600 LC_ALL=$LOC LANG=$LOC LUP_CONFIG=$CONFIG TERM=screen bash --norc --noprofile -i" \; \
	set-option -g remain-on-exit on
wait_for "bash" 20
text "PS1='shell\$ '"; keys Enter
wait_for "shell$"
text "$LUP --db $DB"; keys Enter
wait_for "[1 People]" 20
keys C-z
wait_gone "[1 People]"
wait_for "shell$"
text "fg"; keys Enter
wait_for "[1 People]"
keys q
wait_for "shell$"

finish
