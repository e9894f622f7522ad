#!/bin/sh
# The Competence section by keys alone, on a demo database: a person on
# the Due list gets a new self-assessment rated on all 21 DigComp
# competences with 21 digit keys, finalised; their gap view shows the
# levels against their targets and they leave the Due list.  Also: n, an
# out-of-range digit, BS; Swedish names; 132x43; the heat map under
# NO_COLOR; a role's targets; the People detail view's way in.
. tests/tui/lib.sh

"$LUP" --db "$DB" demo >/dev/null 2>&1 || { echo "lup demo failed"; exit 1; }
TODAY=$(date +%F)
q() { sqlite3 "$DB" "$1"; }
# An overdue enhetschef whose name is in no one else's, with a final
# check-in (longest overdue first), and one with a manager review.
pick() {
	q "SELECT p.name FROM person p JOIN checkin k ON k.person_id = p.id AND k.status = 'final'
	   WHERE p.active = 1 AND p.role = 'enhetschef' $1
	   AND (SELECT count(*) FROM person o WHERE instr(o.name, p.name) > 0) = 1
	   GROUP BY p.id ORDER BY max(k.date), p.name LIMIT 1 OFFSET ${2:-0}"
}
P1=$(pick "")
P2=$(pick "" 1)
P3=$(pick "AND EXISTS (SELECT 1 FROM checkin m WHERE m.person_id = p.id AND m.kind = 'manager' AND m.status = 'final')")
target() {
	q "SELECT t.level FROM target t JOIN competence c ON c.id = t.competence_id JOIN framework f
	   ON f.id = t.framework_id WHERE f.ident = 'digcomp' AND t.role_key = 'enhetschef' AND c.code = '$1'
	   AND t.valid_to IS NULL"
}
T11=$(target 1.1) T54=$(target 5.4)
check_ '[ -n "$P1" ] && [ -n "$P2" ] && [ -n "$P3" ] && [ -n "$T11" ] && [ -n "$T54" ]' "the demo has no such people"
# lup left cleanly: status 0, nothing on its error output (sanitizers write there)
clean_exit() {
	wait_exit
	check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
	check_ '[ ! -s "$TMP/stderr" ]' "lup wrote to stderr: $(head -c 300 "$TMP/stderr")"
}
overdue() { screen | sed -n 's/.*Overdue: \([0-9]*\).*/\1/p' | head -1; }
# the count of a state above the Due list: tally "Due soon"
tally() { screen | sed -n "s/.*$1: \([0-9]*\).*/\1/p" | head -1; }
# 21 levels, one for each DigComp competence in order (1.1 … 5.4)
LEVELS="5 3 4 2 6 3 4 5 2 3 4 5 6 2 3 4 5 6 3 4 2"

case_ "the Due list"
start 80x24
wait_for "[1 People]"
keys 4
wait_for "[Due]"
wait_for "Overdue:"
BEFORE=$(overdue)
check_ '[ "${BEFORE:-0}" -gt 0 ]' "nobody is overdue"
LISTED=$((BEFORE + $(tally "Due soon") + $(tally "Never assessed")))
wait_for "1 of $LISTED"

case_ "the Due list filtered: N of M (all)"
# first one letter (many match, counted when idle), then the whole name
# (one matches: every match fits, the list does not count them again)
keys /
text "$(q "SELECT substr('$P1', 1, 1)")"
wait_for " ($LISTED)"
text "$(q "SELECT substr('$P1', 2)")"
wait_for "1 of 1 ($LISTED)"
check_ 'poll "[ \"\$(overdue)\" = 1 ] && [ \"\$(tally \"Due soon\")\" = 0 ] && [ \"\$(tally \"Never assessed\")\" = 0 ]" 5' \
	"the counts above the list are not the filter's"
keys Enter
check_ 'poll "cursor_line | grep -q \"$P1 .*overdue by [0-9]* days\"" 5' "$P1 is not shown overdue"
keys Enter
wait_for "$P1: competence check-ins"
wait_for "Next check-in: overdue by"

case_ "a new self-assessment"
keys a
wait_for "New check-in for $P1"
check_ 'on_screen "[self-assessment]"' "self-assessment is not the default kind"
check_ 'on_screen "$TODAY"' "the date is not today"
keys C-s
wait_for "Rating sheet: $P1"
wait_for "0 of 21 rated"
check_ 'cursor_line | grep -q "1\.1 "' "the focus is not on 1.1"

case_ "a digit out of range"
keys 9
wait_for "9 is not a level of 1.1 (1–8): nothing changed"
check_ 'on_screen "0 of 21 rated"' "9 was taken"
check_ 'cursor_line | grep -q "1\.1 "' "the focus moved on after 9"

case_ "n, then BS"
keys n
wait_for "1 of 21 rated"
check_ 'screen | grep "1\.1 " | grep -q "n/a"' "1.1 is not marked n/a"
check_ 'cursor_line | grep -q "1\.2 "' "n did not move on"
NA=$(q "SELECT count(*) FROM rating r JOIN checkin k ON k.id = r.checkin_id JOIN person p ON p.id = k.person_id
         WHERE p.name = '$P1' AND k.status = 'draft' AND r.level IS NULL")
check_ '[ "$NA" = 1 ]' "n did not store not assessed"
keys Up BSpace
wait_for "0 of 21 rated"
check_ 'cursor_line | grep -q "1\.1 "' "BS moved the focus"

case_ "21 digits rate all 21"
# shellcheck disable=SC2086
keys $LEVELS
wait_for "21 of 21 rated"
check_ 'cursor_line | grep -q "5\.4 "' "the focus is not on the last competence"
GOT=$(q "SELECT group_concat(level, ' ') FROM (SELECT r.level FROM rating r
          JOIN competence c ON c.id = r.competence_id JOIN checkin k ON k.id = r.checkin_id
          JOIN person p ON p.id = k.person_id WHERE p.name = '$P1' AND k.status = 'draft' ORDER BY c.seq)")
check_ '[ "$GOT" = "$LEVELS" ]' "stored levels '$GOT', typed '$LEVELS'"

case_ "a comment"
keys c
wait_for "Comment on 5.4"
text "Visar andra hur man gör"
keys C-s
wait_for "Rating sheet: $P1"
check_ 'poll "screen | grep \"5\.4 \" | grep -q \"[*]\"" 5' "5.4 has no comment marker"
check_ '[ "$(q "SELECT comment FROM rating WHERE comment IS NOT NULL AND checkin_id IN (SELECT k.id FROM checkin k JOIN person p ON p.id = k.person_id WHERE p.name = '"'$P1'"' AND k.status = '"'draft'"')")" = "Visar andra hur man gör" ]' \
	"the comment is not stored"

case_ "finalise: No first, then Yes"
keys C-s
wait_for "Make this check-in final? 21 of 21 rated."
check_ 'on_screen "[ No ]"' "No is not the default"
keys Enter
wait_gone "Make this check-in final?"
check_ 'on_screen "Rating sheet: $P1"' "No left the sheet"
keys C-s
wait_for "Make this check-in final?"
keys y
wait_for "$P1: competence check-ins"
wait_for "Next check-in: next"
check_ 'screen | grep "$TODAY" | grep -q "final"' "today's check-in is not final"
check_ '[ "$(q "SELECT count(*) FROM checkin k JOIN person p ON p.id = k.person_id WHERE p.name = '"'$P1'"' AND k.date = '"'$TODAY'"' AND k.status = '"'final'"'")" = 1 ]' \
	"the database has no final check-in of today"

case_ "the gap view"
keys t
wait_for "Gap analysis: $P1"
check_ 'screen | grep "1\.1 " | grep -q "5/$T11"' "1.1 does not show level 5 against target $T11"
keys End
check_ 'poll "screen | grep \"5\.4 \" | grep -q \"2/$T54\"" 5' "5.4 does not show level 2 against target $T54"
check_ 'screen | grep -q "█"' "no bars"

case_ "a final check-in opens to be read"
keys q
wait_for "$P1: competence check-ins"
keys g Enter
wait_for "This check-in is final: it can be read, not changed (e corrects it)."
wait_for "21 of 21 rated"
keys 4
wait_for "This check-in is final: e starts its correction."
check_ '[ "$(q "SELECT count(*) FROM checkin k JOIN person p ON p.id = k.person_id WHERE p.name = '"'$P1'"' AND k.status = '"'draft'"'")" = 0 ]' \
	"a digit on a final check-in made a draft"

case_ "correcting a final check-in"
keys e
wait_for "Correct the self-assessment of $TODAY?"
keys y
wait_for "Rating sheet: $P1"
wait_for "21 of 21 rated"
keys 6
check_ 'poll "screen | grep \"1\\.1 \" | grep -q \" 6 \"" 5' "the correction did not take level 6 for 1.1"
keys q
wait_for "The draft is kept: 21 of 21 rated."
check_ 'screen | grep "$TODAY" | grep -q "draft"' "no draft correction in the history"
check_ 'screen | grep "$TODAY" | grep -q "final"' "the final check-in is gone"
# the draft and the final of the same day: in creation order, and by id
# when both were made within one second
keys g
poll 'cursor_line | grep -q draft' 1 || keys j
keys d
wait_for "Delete the draft self-assessment of $TODAY?"
keys y
wait_for "Deleted the draft self-assessment of $TODAY."
check_ '! screen | grep -E "^(▸| ) $TODAY " | grep -q "draft"' "the draft is still there"

case_ "the Due list changed"
keys q
wait_for "[Due]"
keys Escape
wait_for "Overdue: $((BEFORE - 1))"
keys /
text "$P1"
wait_for "Nothing matches the filter"
keys Escape q
clean_exit

case_ "Swedish"
LOC=sv_SE.UTF-8
start 80x24
wait_for "[1 Personer]"
keys 4
wait_for "[Förfallna]"
keys /
text "$P2"
wait_for "1 av 1"
keys Enter Enter
wait_for "$P2: kompetensavstämningar"
keys a
wait_for "Ny avstämning för $P2"
keys C-s
wait_for "Bedömningsblad: $P2"
wait_for "Informations- och datakunskap"
SV11=$(q "SELECT substr(name_sv, 1, 20) FROM competence WHERE code = '1.1' ORDER BY rowid DESC LIMIT 1")
SV41=$(q "SELECT name_sv FROM competence WHERE code = '4.1' ORDER BY rowid DESC LIMIT 1")
check_ '[ -n "$SV11" ] && ! on_screen "Browsing, searching"' "1.1 has no Swedish name, or the English one shows"
wait_for "$SV11"
keys 0
wait_for "0 är ingen nivå för 1.1 (1–8): inget ändrades"
keys n
wait_for "1 av 21 bedömda"
check_ 'screen | grep "1\.1 " | grep -q "ej bed\."' "1.1 is not marked ej bed."
keys G
wait_for "Säkerhet"
wait_for "Problemlösning"
wait_for "$SV41"
keys q
wait_for "Utkastet finns kvar: 1 av 21 bedömda."
check_ 'screen | grep "$TODAY" | grep -q "utkast"' "the draft is not in the history"
keys q q q
clean_exit
LOC=C.UTF-8

case_ "132x43: from People, a manager review beside the self-assessment"
start 132x43
wait_for "[1 People]"
keys /
text "$P3"
wait_for "1 of 1 ("
keys Enter Enter
wait_for "Next check-in due"
check_ 'screen | grep "Next check-in due" | grep -q "overdue by"' "the person view does not say overdue"
keys c
wait_for "$P3: competence check-ins"
check_ 'on_screen "manager review"' "no manager review in the history"
keys t
wait_for "Gap analysis: $P3"
for a in "Information and data literacy" "Communication and collaboration" "Digital content creation" \
	"Safety" "Problem solving"; do
	check_ 'on_screen "$a"' "area $a is not on the screen at 132x43"
done
check_ 'screen | grep -Eq "(█|░|·){16} [0-9]+/[0-9]+"' "no 16-cell bars at 132x43"
check_ 'on_screen "assessed 20"' "no date of a manager review"
latest() {
	q "SELECT r.level FROM rating r JOIN checkin k ON k.id = r.checkin_id JOIN competence c ON c.id = r.competence_id
	   JOIN person p ON p.id = k.person_id WHERE p.name = '$P3' AND c.code = '1.1' AND k.status = 'final'
	   AND r.level IS NOT NULL AND $1 ORDER BY k.date DESC, k.created_at DESC LIMIT 1"
}
S=$(latest "k.kind = 'self'") A=$(latest "k.kind <> 'self'")
check_ 'screen | grep -E "1\.1 " | grep -Eq " $S( [↑↓=])?( \([0-9]\))? +$A( [↑↓=])?( \([0-9]\))? "' \
	"1.1 does not show self $S beside assessed $A"
keys q q q q
clean_exit

case_ "the heat map in monochrome"
start 80x24 NO_COLOR=1
wait_for "[1 People]"
keys 4 v
wait_for "[Heat map]"
wait_for "By org unit"
wait_for "Mean shortfall to target:"
check_ 'screen | grep -Eq "(░░|▒▒|▓▓|██) +[0-9]\.[0-9]"' "no cell with a shade and a number"
check_ '! tm capture-pane -p -e -t lup | grep -Eq "[[;](3[0-7]|4[0-7]|38|48|9[0-7])[;m]"' "colour under NO_COLOR"
keys b
wait_for "By cohort"
wait_for "Omgång 1"
keys c
wait_for "whose levels?"
keys Down Enter
wait_for "By cohort · Pilot Halland ·"
keys b
wait_for "By org unit · Pilot Halland ·"
keys o
wait_for "Levels: self-assessed only."
keys q
clean_exit

case_ "the heat map in colour (the check above can fail)"
start 80x24
wait_for "[1 People]"
keys 4 v
wait_for "Mean shortfall to target:"
check_ 'tm capture-pane -p -e -t lup | grep -Eq "[[;](3[0-7]|4[0-7])[;m]"' "no colour without NO_COLOR"

case_ "a role's targets"
keys v
wait_for "[Frameworks]"
wait_for "digcomp"
keys t
wait_for "Target levels per role: DigComp 2.2"
wait_for "enhetschef"
keys Down
check_ 'poll "cursor_line | grep -q enhetschef" 5' "enhetschef is not the second role"
keys Enter
wait_for "Target levels of enhetschef"
keys 7
check_ 'poll "[ \"\$(target 1.1)\" = 7 ]" 5' "7 did not set the target of 1.1"
check_ 'cursor_line | grep -q "1\.2 "' "the focus did not move on"
keys Up BSpace
check_ 'poll "[ -z \"\$(target 1.1)\" ]" 5' "BS did not remove the target"
keys q q q
clean_exit
finish
