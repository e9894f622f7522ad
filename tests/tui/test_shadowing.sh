#!/bin/sh
# The Shadowing section by keys alone, on the demonstration database: add a
# host in Poland (typed "pol"), propose a placement there for a demo
# participant, walk it to completed (each step first refused with what is
# missing), and watch the host's counts and capacity change on the network;
# the person's page lists it; a host with placements is not deleted; cancel
# another placement with a reason and find the reason kept; write, edit and
# delete learning-log entries.  Then the country and network filters and
# the pipeline's status filter in Swedish, and the wide layout at 132x43.
. tests/tui/lib.sh

"$LUP" --db "$TMP/demo.db" demo >/dev/null || { echo "lup demo failed"; exit 1; }
fresh_db() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	cp "$TMP/demo.db" "$DB"
}
sql() { sqlite3 "$DB" "$1"; }
has() { screen | grep -q -- "$1"; }

# A demo participant with no placement yet, whose name no one else has.
PERSON=$(sqlite3 "$TMP/demo.db" "SELECT name FROM person p WHERE active AND NOT EXISTS
	(SELECT 1 FROM placement WHERE person_id = p.id) GROUP BY name HAVING count(*) = 1
	ORDER BY name LIMIT 1")
# A stay that is over: from 20 to 12 days ago.  Capacity counts the year the
# stay starts in, this year unless today is early in January.
START=$(date -d '-20 days' +%F) END=$(date -d '-12 days' +%F)
LONG_START=$(date -d '-100 days' +%F)
THIS=$(date +%Y)
if [ "${START%%-*}" = "$THIS" ]; then LEFT=1; else LEFT=2; fi

# ---------------------------------------------------------------- English, 80x24
LOC=C.UTF-8
case_ "start"
fresh_db
start 80x24
wait_for "[1 People]"
keys 3
wait_for "[Network]"
wait_for "1 of 21"

case_ "add a host in Poland"
keys a
wait_for "New host organisation"
text "Testowo Town Hall"
keys Tab Tab
text "pol"
wait_for "Poland (PL)"
keys Enter
wait_gone "French Polynesia"
keys Tab
text "Testowo"
keys Tab
text "UBC: commission"
keys Tab Tab Tab Tab Tab Tab Tab
text "2"
keys Tab Tab Tab Tab
text "54.3520, 18.6466"
keys C-s
wait_for "Saved."
wait_for "of 22"
check_ 'cursor_line | grep -q "Testowo Town.* 0 \+0 \+0 \+0 \+0 \+2/2"' \
	"the new host is not focused with no placements and 2 of 2 left"
check_ '[ "$(sql "SELECT country FROM host_org WHERE name = '\''Testowo Town Hall'\''")" = PL ]' \
	"the host is not stored in PL"

case_ "host view"
keys Enter
wait_for "Poland (PL)"
wait_for "UBC (commission)"
wait_for "500–1999 km"
wait_for "275 EUR, green 320 EUR"
wait_for "2 left of 2 in $THIS"
wait_for "No placements here yet"

case_ "propose a placement"
keys a
wait_for "Propose a placement"
wait_for "Testowo Town Hall, Testowo"
text "$PERSON"
wait_for "┌"
keys Enter
wait_gone "┌"
keys Tab Tab Tab
text "$START"
keys Tab
text "$END"
keys C-s
wait_for "Saved"
wait_for "$LEFT left of 2 in $THIS"
check_ 'cursor_line | grep -q "proposed.*$PERSON"' "the proposed placement is not focused"

case_ "agreed needs objectives"
keys '>'
wait_for "objectives (the learning"
check_ 'cursor_line | grep -q "proposed"' "the placement moved without objectives"
keys Enter
wait_for "Next step"
check_ 'has "Status  *proposed"' "the placement view does not say proposed"
keys e
wait_for "Placement (proposed)"
keys Tab Tab Tab Tab Tab Tab Tab
text "See how the town runs its citizen services"
keys C-s
wait_for "Saved"
keys '>'
wait_for "the placement is agreed."
check_ 'has "Status  *agreed"' "the placement view does not say agreed"

case_ "confirmed needs the agreement and the travel"
keys '>'
wait_for "agreement is not signed by all"
# the status line shows one line; the message log has the message whole
keys L
wait_for "travel is not booked"
keys q
wait_gone "Messages of this run"
check_ 'has "Status  *agreed"' "the placement moved without a signed agreement"
keys e
wait_for "Placement (agreed)"
keys Tab Tab Tab Tab Tab Tab Tab Tab y Tab y
keys C-s
wait_for "Saved"
keys '>'
wait_for "the placement is confirmed."

case_ "completed needs the report"
keys '>'
keys L
wait_for "has not been received"
check_ '! on_screen "has not passed"' "an end date in the past is said not to have passed"
keys q
wait_gone "Messages of this run"
check_ 'has "Status  *confirmed"' "the placement completed without a report"
keys e
wait_for "Placement (confirmed)"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab y
keys C-s
wait_for "Saved"
keys '>'
wait_for "the placement is completed."
check_ 'has "Status  *completed"' "the placement view does not say completed"
check_ '[ "$(sql "SELECT status FROM placement p JOIN host_org h ON h.id = p.host_id
	WHERE h.name = '\''Testowo Town Hall'\''")" = completed ]' "the database does not say completed"

case_ "the host and the network show it"
keys q
wait_for "1 completed"
check_ 'cursor_line | grep -q "completed.*$PERSON"' "the host's list does not show it completed"
keys q
wait_for "[Network]"
check_ 'cursor_line | grep -q "Testowo Town.* 0 \+0 \+0 \+1 \+0 \+$LEFT/2"' \
	"the host's row does not show 1 completed and $LEFT of 2 left"

case_ "a host with placements is not deleted"
keys d
wait_for "has placements (1)"
check_ '[ "$(sql "SELECT count(*) FROM host_org WHERE name = '\''Testowo Town Hall'\''")" = 1 ]' \
	"the host is gone"

case_ "a warning does not stop a save"
keys Enter
wait_for "1 completed"
keys a
wait_for "Propose a placement"
text "$PERSON"
wait_for "┌"
keys Enter
wait_gone "┌"
keys Tab Tab Tab
text "$LONG_START"
keys Tab
text "$END"
keys C-s
wait_for "warnings (L lists them)"
keys L
wait_for "at most 60 days"
keys q
wait_gone "Messages of this run"
check_ 'cursor_line | grep -q "proposed.*$PERSON"' "the new placement is not focused"
keys Enter
wait_for "Warnings"
wait_for "! the stay is "

case_ "learning log"
keys l
wait_for "Learning log: $PERSON at Testowo Town Hall"
text "Met the citizen service team"
keys C-s
# (the text shows in the form as it is typed: wait for the form to close)
wait_gone "Learning log: $PERSON at Testowo Town Hall"
wait_for "Met the citizen service team"
check_ '[ "$(sql "SELECT count(*) FROM log_entry WHERE text = '\''Met the citizen service team'\''")" = 1 ]' \
	"the log entry is not stored"
# (the text shows in the form as it is typed: wait for the view's cursor)
check_ 'poll "cursor_line | grep -q \"Met the citizen service team\"" 5' "the new entry is not focused"
# a second entry, dated earlier: it comes first
keys l
wait_for "Learning log: $PERSON at Testowo Town Hall"
keys BTab C-u
text "$START"
keys Tab
text "Shadowed the town clerk"
keys C-s
wait_for "Shadowed the town clerk"
check_ 'poll "cursor_line | grep -q \"$START  *Shadowed the town clerk\"" 5' "the second entry is not focused"

case_ "move between the entries"
keys Down
poll 'cursor_line | grep -q "Met the citizen service team"' 5
check_ 'cursor_line | grep -q "Met the citizen service team"' "Down did not move to the next entry"
keys Up
poll 'cursor_line | grep -q "Shadowed the town clerk"' 5
check_ 'cursor_line | grep -q "Shadowed the town clerk"' "Up did not move back to the first entry"
keys Down

case_ "edit a log entry"
keys e
wait_for "Edit a learning-log entry: $PERSON at Testowo Town Hall"
check_ 'cursor_line | grep -q "Met the citizen service team"' "the form does not hold the entry's text"
keys BTab C-u
text "$END"
keys Tab End
text " and the library"
keys C-s
wait_for "Met the citizen service team and the library"
check_ 'poll "cursor_line | grep -q \"$END  *Met the citizen service team and the library\"" 5' \
	"the edited entry is not focused with its new date and text"
check_ '[ "$(sql "SELECT date FROM log_entry WHERE text = '\''Met the citizen service team and the library'\''")" = "$END" ]' \
	"the edited date and text are not stored"
check_ '[ "$(sql "SELECT count(*) FROM log_entry WHERE text = '\''Met the citizen service team'\''")" = 0 ]' \
	"the old text is still stored"

case_ "deleting a log entry asks; No keeps it"
keys d
wait_for "Delete the learning-log entry of $END?"
wait_for "u undoes it afterwards."
keys Enter
wait_gone "Delete the learning-log entry"
check_ 'on_screen "Met the citizen service team and the library"' "No (Enter) removed the entry from the view"
check_ '[ "$(sql "SELECT count(*) FROM log_entry WHERE text LIKE '\''Met the citizen%'\''")" = 1 ]' \
	"No (Enter) deleted the entry"

case_ "deleting a log entry: Yes removes it"
keys d
wait_for "Delete the learning-log entry of $END?"
keys y
wait_for "Deleted the learning-log entry of $END."
check_ '! on_screen "and the library"' "the deleted entry still shows"
check_ '[ "$(sql "SELECT count(*) FROM log_entry WHERE text LIKE '\''Met the citizen%'\''")" = 0 ]' \
	"the entry is still stored"
check_ 'cursor_line | grep -q "Shadowed the town clerk"' "the other entry did not take the focus"
check_ '[ "$(sql "SELECT count(*) FROM placement p JOIN host_org h ON h.id = p.host_id
	WHERE h.name = '\''Testowo Town Hall'\''")" = 2 ]' "the placement went with its entry"

case_ "delete a placement"
# Home leaves the entries: d is for the placement again
keys Home
keys d
wait_for "Delete the placement: $PERSON"
keys y
wait_for "Deleted the placement: $PERSON"
wait_for "1 completed"
check_ '! on_screen "proposed"' "the deleted placement still shows"
keys q
wait_for "[Network]"

case_ "the networks field names a line at fault"
keys /
text "testowo"
wait_for "1 of 1 (22)"
keys Enter e
wait_for "Edit Testowo Town Hall"
keys Tab Tab Tab Tab End Enter
text ": nobody"
keys C-s
wait_for "line 2: a role without a network"
keys Escape
wait_for "Discard your changes?"
keys y
wait_for "[Network]"
keys Escape

case_ "delete a host without placements"
keys /
text "bergen"
wait_for "1 of 1 (22)"
keys Enter d
wait_for "Delete Bergen Municipality?"
keys Enter
wait_gone "Delete Bergen"
check_ 'cursor_line | grep -q "Bergen"' "Enter on the question deleted the host"
keys d
wait_for "Delete Bergen Municipality?"
keys y
wait_for "Deleted Bergen Municipality."
check_ '[ "$(sql "SELECT count(*) FROM host_org WHERE name = '\''Bergen Municipality'\''")" = 0 ]' \
	"the host is still there"
keys Escape

case_ "the person's page lists it"
keys 1
wait_for "[1 People]"
keys /
text "$PERSON"
wait_for "1 of 1 ("
keys Enter Enter
wait_for "Job shadowing"
wait_for "completed     Testowo Town Hall, Testowo (Poland)"

case_ "cancel with a reason"
keys 3
wait_for "[Network]"
keys v
wait_for "[Pipeline]"
check_ 'cursor_line | grep -q "proposed"' "the pipeline does not start with a proposed placement"
keys x
wait_for "Cancel the placement:"
keys C-s
wait_for "needs a reason"
text "The host had to postpone"
keys C-s
wait_for "Saved."
check_ 'cursor_line | grep -q "cancelled"' "the cancelled placement is not focused as cancelled"
keys Enter
wait_for "Cancel reason"
wait_for "The host had to postpone"
keys q
wait_for "[Pipeline]"
keys Enter
wait_for "The host had to postpone"
check_ '[ "$(sql "SELECT status FROM placement WHERE cancel_reason = '\''The host had to postpone'\''")" = cancelled ]' \
	"the reason is not stored with a cancelled placement"

case_ "quit"
keys q q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"

# ---------------------------------------------------------------- Swedish, 80x24
LOC=sv_SE.UTF-8
case_ "Swedish"
fresh_db
start 80x24
wait_for "[1 Personer]"
keys 3
wait_for "[3 Jobbskuggning]"
wait_for "[Nätverk]"
wait_for "Förs Övk Bekr Klar Inst  Kvar"
wait_for "1 av 21"

case_ "country filter"
keys c
wait_for "Alla länder"
text "polen"
wait_for "Polen (PL)"
keys Enter
wait_for "Land: Polen"
wait_for "1 av 2 (21)"

case_ "network filter"
keys N
wait_for "Alla nätverk"
text "euro"
wait_for "Eurocities"
keys Enter
wait_for "Land: Polen · Nätverk: Eurocities"
wait_for "1 av 1 (21)"
check_ 'cursor_line | grep -q "City of Gdańsk"' "Gdańsk (UBC and Eurocities) is not the one left"
keys Escape
wait_for "1 av 21"
check_ '! on_screen "Land: Polen"' "Esc did not clear the country"

case_ "pipeline in Swedish"
keys v
wait_for "[Flöde]"
wait_for "föreslagen 6"

case_ "status filter"
keys S
wait_for "Alla statusar"
text "bekr"
wait_gone "│  föreslagen"
keys Enter
wait_for "Status: bekräftad"
wait_for "1 av 3 (30)"
check_ 'has "^  bekräftad 3 "' "the counts line does not give bekräftad 3 alone"
check_ '! on_screen "föreslagen"' "a proposed placement or count still shows"
check_ '! on_screen "genomförd"' "a completed placement or count still shows"
check_ 'cursor_line | grep -q "bekräftad"' "the focused row is not confirmed"

case_ "status and text filter"
keys /
text "tampere"
wait_for "1 av 2 (30)"
wait_for "bekräftad 2 "
keys Escape
wait_for "1 av 3 (30)"
check_ 'has "Status: bekräftad"' "Esc cleared the status before the text filter"

case_ "Esc shows every status"
keys Escape
wait_for "1 av 30"
wait_for "föreslagen 6 · överenskommen 6 · bekräftad 3 · genomförd 12 · inställd 3"
check_ '! on_screen "Status: bekräftad"' "the status is still named"

case_ "All statuses"
keys S
wait_for "Alla statusar"
text "inst"
wait_gone "│  föreslagen"
keys Enter
wait_for "Status: inställd"
wait_for "1 av 3 (30)"
keys S
wait_for "Alla statusar"
keys Enter
wait_for "1 av 30"
check_ '! on_screen "Status: inställd"' "picking All did not show every status"
check_ 'cursor_line | grep -q "föreslagen"' "the first row is not a proposed placement"
keys '>'
wait_for "målen (lärandeavtalet) saknas"
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"

# ---------------------------------------------------------------- English, 132x43
LOC=C.UTF-8
case_ "wide"
fresh_db
start 132x43
wait_for "[1 People]"
keys 3
wait_for "government agency"
keys v
wait_for "Next step needs"
wait_for "the objectives (the"

case_ "wide: one status"
keys S
wait_for "All statuses"
text "complet"
wait_gone "│  proposed"
keys Enter
wait_for "Status: completed"
wait_for "1 of 12 (30)"
check_ 'has "^  completed 12  (one status shown"' "the counts line does not give completed 12 alone"
check_ '! on_screen "proposed"' "a proposed placement still shows"
keys v
wait_for "[Summary]"
wait_for "All years"
check_ 'has "All years  *6  *6  *3  *12  *3  *30"' "the totals are not 6 6 3 12 3 30"
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
finish
