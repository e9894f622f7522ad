#!/bin/sh
# The Reports section on a demo database: the programme against its target,
# cohorts by name, scrolling to the end, writing the report as HTML (with
# its charts) and as Markdown from the screen, asking before replacing a
# file, counting again; columns that only a wide terminal shows; Swedish
# words and decimal commas.
. tests/tui/lib.sh

demo_db() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	# as it was on 16 May 2016: every figure below is known
	"$LUP" --db "$DB" demo --today 2016-05-16 >/dev/null || { echo "lup demo failed"; exit 1; }
}
demo_db

# --- English, 80x24 ---
LOC=C.UTF-8
case_ "the figures 80x24"
start 80x24
wait_for "[1 People]" || { finish; exit 1; }
keys 5
wait_for "[5 Reports]"
wait_for "282 of 300 enrolled, 204 completed"
wait_for "Pilot Halland"
check_ 'on_screen "By cohort"' "no table by cohort"
check_ 'screen | grep -q "█"' "no progress bar drawn"
check_ 'screen | grep -Eq "98\.9 %"' "no attendance rate for Pilot Halland"
# at 80 columns the cohorts' dates and seats are left out
check_ '! on_screen "Seats"' "the seats column shows at 80 columns"
check_ 'on_screen "x Save as"' "the hint line does not offer writing a file"

case_ "scrolling 80x24"
keys End
wait_for "Check-ins"
wait_for "more cohorts; the written report lists them all"
check_ '! on_screen "282 of 300"' "End did not scroll"
keys Home
wait_for "Pilot Halland"
keys PgDn
wait_for "lines 20–39 of"

case_ "write HTML 80x24"
keys x
wait_for "Write the report to a file"
wait_for "lup-report-"
check_ 'screen | grep -Eq "lup-report-[0-9]{4}-[0-9]{2}-[0-9]{2}\.html"' "the default file name is not lup-report-DATE.html"
keys C-u
text "$TMP/progress.html"
keys C-s
wait_for "Wrote the report to $TMP/progress.html"
check_ '[ -s "$TMP/progress.html" ]' "the HTML report was not written"
check_ 'grep -q "<svg" "$TMP/progress.html"' "the HTML report has no chart"
check_ 'grep -q "Pilot Halland" "$TMP/progress.html"' "the HTML report has no cohorts"
wait_for "x Save as"

case_ "replace asks, No keeps the file 80x24"
: >"$TMP/keep.html"
keys x
wait_for "Write the report to a file"
keys C-u
text "$TMP/keep.html"
keys C-s
wait_for "Replace $TMP/keep.html?"
keys Enter
wait_gone "Replace $TMP/keep.html?"
check_ '[ ! -s "$TMP/keep.html" ]' "No replaced the file"
keys C-s
wait_for "Replace $TMP/keep.html?"
keys y
wait_for "Wrote the report to $TMP/keep.html"
check_ 'grep -q "<svg" "$TMP/keep.html"' "Yes did not replace the file"

case_ "write Markdown 80x24"
keys x
wait_for "Write the report to a file"
keys C-u
text "$TMP/progress.html"
keys BTab Space
wait_for "$TMP/progress.md"
keys C-s
wait_for "Wrote the report to $TMP/progress.md"
check_ 'head -1 "$TMP/progress.md" | grep -q "^# Programme progress"' "the Markdown report is not Markdown"
check_ '! grep -q "<svg" "$TMP/progress.md"' "the Markdown report has HTML charts"

case_ "count again 80x24"
keys r
wait_for "Counted again, as of"
keys g
wait_for "282 of 300 enrolled"

case_ "wider terminal shows more columns"
keys j j j j j j j j j j
wait_for "Cohort         Status  Blocks run  Enrolled"
resize 132x43
wait_for "Seats"
check_ 'on_screen "Withdrawn"' "no withdrawn column at 132 columns"
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"

# --- 132x43 from the start ---
case_ "the figures 132x43"
start 132x43
keys 5
wait_for "282 of 300 enrolled, 204 completed"
wait_for "Pilot Halland"
check_ 'screen | grep "Pilot Halland" | grep -Eq "2013-11-18 +2014-02-11"' "no dates beside the cohort at 132 columns"
check_ 'on_screen "By block"' "the block table is not in view at 132x43"
keys q
wait_exit

# --- Swedish ---
LOC=sv_SE.UTF-8
case_ "Swedish 80x24"
start 80x24
keys 5
wait_for "[5 Rapporter]"
wait_for "Programmets läge"
wait_for "282 av 300 antagna, 204 har genomfört"
wait_for "Per omgång"
check_ 'screen | grep "Pilot Halland" | grep -Eq "98,9 %"' "no decimal comma in Swedish"
check_ 'screen | grep -Eq "94,0 % antagna"' "no decimal comma in the progress line"
keys x
wait_for "Skriv rapporten till en fil"
wait_for "lup-rapport-"
keys C-u
text "$TMP/rapport.html"
keys C-s
wait_for "Skrev rapporten till $TMP/rapport.html"
check_ 'grep -q "Programmets läge" "$TMP/rapport.html"' "the Swedish report is not in Swedish"
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
finish
