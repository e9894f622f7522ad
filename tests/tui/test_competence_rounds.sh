#!/bin/sh
# Competence with meaning, by keys alone on a demo database: the rating
# sheet says what a competence covers and what each level means; a round
# of check-ins started from the Due list makes its drafts, writes the
# list of whom to invite and shows its progress as people finish; a
# person's own targets; a framework file imported after a preview of
# what it changes; a long framework id whole at 150 columns.
. tests/tui/lib.sh

"$LUP" --db "$DB" demo >/dev/null 2>&1 || { echo "lup demo failed"; exit 1; }
q() { sqlite3 "$DB" "$1"; }
clean_exit() {
	wait_exit
	check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
	check_ '[ ! -s "$TMP/stderr" ]' "lup wrote to stderr: $(head -c 300 "$TMP/stderr")"
}
# the first person of the Due list: the longest overdue
FIRST_UNIT=""

case_ "the rating sheet says what the levels mean"
start 80x24
wait_for "[1 People]"
keys 4
wait_for "Overdue:"
keys Enter
wait_for ": competence check-ins"
PERSON=$(screen | sed -n 's/^ *\(.*\): competence check-ins.*/\1/p' | head -1)
keys a
wait_for "New check-in for $PERSON"
keys C-s
wait_for "0 of 21 rated"
# the focused competence: its words, and the scale in words
wait_for "1.1 Browsing, searching and filtering data, information and digital content:"
wait_for "Finding what one needs online"
wait_for "Levels: 1 Simple tasks, with guidance · 2 Simple tasks, partly on one's own"
keys 3
wait_for "1.1: 3, Routine tasks, on one's own"
check_ 'cursor_line | grep -q "1\.2 "' "the focus did not move on"
wait_for "1.2 Evaluating data"
keys Up
# the level given stands out among the levels shown
wait_for "3 Routine tasks, on one's own"
keys q
wait_for "The draft is kept: 1 of 21 rated."

case_ "a person's own targets"
keys T
wait_for "Own target levels of $PERSON"
wait_for "Role's"
keys 7
check_ 'poll "[ \"\$(q \"SELECT t.level FROM target t JOIN competence c ON c.id = t.competence_id JOIN person p ON p.id = t.person_id WHERE p.name = '"'"'$PERSON'"'"' AND c.code = '"'"'1.1'"'"' AND t.valid_to IS NULL\")\" = 7 ]" 5' \
	"7 did not set their own target of 1.1"
keys q q
wait_for "[Due]"

case_ "a round from the Due list"
FIRST_UNIT=$(screen | awk 'found == 0 && /overdue by/ { found = 1; print }' | head -1)
keys R
wait_for "Start a check-in round"
wait_for "[a unit]"
# the invite list goes to a file beside the database
keys Down Down Down Down Down Down Down
text "$TMP/invites.csv"
keys C-s
wait_for "asked ("
N=$(q "SELECT count(*) FROM checkin WHERE round_id IS NOT NULL")
check_ '[ "$N" -gt 0 ]' "no drafts in the round"
check_ 'on_screen "Round self-assessment · "' "the status line does not name the round"
check_ 'screen | tr "\n" " " | grep -Eq ": $N +asked"' "the status line does not say $N asked"
check_ '[ "$(q "SELECT count(DISTINCT person_id) FROM checkin WHERE round_id IS NOT NULL AND status = '"'draft'"'")" = "$N" ]' \
	"not one draft per person"
check_ '[ "$(head -1 "$TMP/invites.csv" | tr -d "\r")" = "name,email,unit,role" ]' "no invite list, or no header"
check_ '[ "$(($(wc -l <"$TMP/invites.csv") - 1))" = "$N" ]' "the invite list does not hold the $N asked"
keys v v v
wait_for "[Rounds]"
wait_for "0 of $N done"
keys Enter
wait_for "Round: self-assessment · "
wait_for "not yet"

case_ "the round's progress as people finish"
keys Enter
wait_for ": competence check-ins"
keys g Enter
wait_for " of 21 rated"
keys 4
wait_for "1 of 21 rated"
keys C-s
wait_for "Make this check-in final?"
keys y
wait_for ": competence check-ins"
keys q
wait_for "1 of $N done"
check_ 'on_screen "done"' "the person is not marked done"
keys q
wait_for "1 of $N done"

case_ "a framework imported after a preview"
sed -e 's/^version = 2.2$/version = 2.2.9/' \
    -e '0,/^name = Browsing, searching and filtering data, information and digital content$/s//name = Finding information\nrenamed_from = 1.1/' \
    "$TOP/share/lup/frameworks/digcomp-2.2.ini" >"$TMP/digcomp-new.ini"
keys v v v
wait_for "[Frameworks]"
wait_for "digcomp"
check_ 'screen | grep digcomp | grep -q "check-ins"' "In use does not count the check-ins"
keys i
wait_for "Import a framework file"
text "$TMP/digcomp-new.ini"
keys C-s
wait_for "What changes"
wait_for "renamed 1.1:"
check_ '[ "$(q "SELECT max(revision) FROM framework WHERE ident = '"'digcomp'"'")" = 1 ]' "stored before being asked"
keys C-s
wait_for "Store digcomp as revision 2?"
keys y
wait_for "Imported digcomp as revision 2."
check_ '[ "$(q "SELECT max(revision) FROM framework WHERE ident = '"'digcomp'"'")" = 2 ]' "revision 2 is not stored"
keys q
clean_exit

case_ "a long framework id whole at 150 columns"
sed -e 's/^id = kommun-chefer$/id = kungsbacka-chefer-2024/' "$TOP/share/lup/frameworks/kommun-chefer.ini" >"$TMP/kb.ini"
"$LUP" --db "$DB" framework import "$TMP/kb.ini" >/dev/null 2>&1
start 150x30
wait_for "[1 People]"
keys 4 v v
wait_for "[Frameworks]"
wait_for "kungsbacka-chefer-2024 "
keys q
clean_exit

case_ "the framework just imported is focused in the list"
start 80x24
wait_for "[1 People]"
keys 4 v v
wait_for "[Frameworks]"
keys i
wait_for "Import a framework file"
text "$TOP/share/lup/frameworks/kommun-chefer.ini"
keys C-s
wait_for "A new framework"
keys C-s
wait_for "Store kommun-chefer as revision 1?"
keys y
wait_for "Imported kommun-chefer as revision 1."
check_ 'poll "cursor_line | grep -q kommun-chefer" 5' "the imported framework is not focused"
keys q
clean_exit
finish
