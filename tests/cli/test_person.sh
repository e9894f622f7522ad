#!/bin/sh
# lup person show|export|erase and lup purge.
. tests/cli/lib.sh
D="$TOP/tests/data"
DB="$TMP/p.db"
newdb "$DB"
"$LUP" --db "$DB" import people "$D/programme_people.csv" 2>/dev/null
sqlite3 "$DB" <"$D/programme.sql"

case_ "show: the record and a summary, by e-mail, employee number or id"
run --db "$DB" person show anna.berg@kungsbacka.se
expect_rc 0
expect_out "^Name +Anna Berg"
expect_out "^Manager +Hugo Ivarsson"
expect_out "^Programme status +completed"
expect_out "^Cohort +Pilot Halland"
expect_out "^Sessions +5 attended, 0 absent, 0 excused"
# each block of her cohort: met, and the one it does not run
expect_out "^Utvecklande ledarskap +met: attended 4 of 4 sessions$"
expect_out "^Aktivitetsbaserat arbetssätt met: attended 1 of 1 session$"
expect_out "^E-förvaltning +not scheduled in the cohort$"
expect_out "^Check-ins +3"
id=$(sed -n 's/^Id  *//p' "$OUT")
run --db "$DB" person show "$(echo "$id" | cut -c1-8)"
expect_rc 0
expect_out "^Name +Anna Berg"
run --db "$DB" person show 8001
expect_out "^Manager of +4"

case_ "show in Swedish: status in words, columns by characters, not bytes"
if locale -a 2>/dev/null | grep -qi '^sv_SE\.utf-\?8$'; then
	LC_ALL=sv_SE.UTF-8 run --db "$DB" person show anna.berg@kungsbacka.se
	expect_rc 0
	expect_out "^Status i programmet +genomförd$"
	expect_no_out "completed"
	# labels with å, ä and ö end where the others do: every value starts in
	# column 24, as Namn's does
	for l in Namn Anställningsnummer Ändrad Antagningar Avstämningar "Senaste avstämning"; do
		check_ 'LC_ALL=C.UTF-8 grep -qE "^$l {1,}" "$OUT" && LC_ALL=C.UTF-8 grep -E "^$l " "$OUT" | LC_ALL=C.UTF-8 grep -qE "^.{22} [^ ]"' \
			"the value of $l is not in column 24"
	done
fi

case_ "export: everything as one JSON document"
run --db "$DB" person export 8101
expect_rc 0
check_ '[ "$(sqlite3 :memory: "SELECT json_valid(readfile('"'$OUT'"'))")" = 1 ]' "not JSON"
expect_out '"person":\{"id":"[0-9a-f-]{36}","name":"Anna Berg","email":"anna.berg@kungsbacka.se"'
expect_out '"enrolments":\[\{[^]]*"cohort":"Pilot Halland"'
expect_out '"placements":\[\{[^]]*"host":"Aarhus Kommune"[^]]*"log":\[\{"date":"2014-10-08","text":"Anna Berg besökte medborgarservice i Aarhus"\}\]'
expect_out '"comment":"Anna Berg söker bättre nu"'
expect_out '"targets":\[\{"framework":"digcomp","revision":1,"competence":"1.1","level":5,"from":"[0-9T:Z-]+","to":null'
run --db "$DB" person export 8101 -o "$TMP/anna.json"
expect_rc 0
check_ '[ "$(stat -c %a "$TMP/anna.json")" = 600 ]' "the export is not private"

case_ "erase refuses without a terminal and without --yes"
run --db "$DB" person erase 8001
expect_rc 1
expect_err "without a terminal"
run --db "$DB" person show 8001
expect_rc 0

case_ "erase asks on the terminal; no keeps them"
if command -v script >/dev/null 2>&1; then
	printf 'n\n' | script -qec "'$LUP' --db '$DB' person erase 8001" /dev/null >"$OUT" 2>&1; RC=$?
	expect_rc 1
	expect_out "Erase Hugo Ivarsson <hugo.ivarsson@kungsbacka.se> and everything"
	expect_out "nothing was erased"
	run --db "$DB" person show 8001
	expect_rc 0
fi

case_ "erase --yes: no trace in the database file or its WAL"
run --db "$DB" person erase hugo.ivarsson@kungsbacka.se --yes
expect_rc 0
expect_err "erased \(enrolments 0, attendance 0, placements 0, check-ins 0, ratings 0, log entries 1; removed as manager 4 times, as assessor 1 times\)"
for s in "Hugo Ivarsson" "hugo.ivarsson@kungsbacka.se" "hugo ivarsson" "Hugo Ivarssons egen anteckning"; do
	n=$(cat "$DB" "$DB-wal" 2>/dev/null | grep -a -c -F "$s")
	check_ '[ "$n" -eq 0 ]' "'$s' is still in the database file or its WAL"
done
run --db "$DB" person show 8001
expect_rc 2
run --db "$DB" person show 8101
expect_out "^Manager +—"
run --db "$DB" check
expect_rc 0

case_ "erasing a participant frees the seat for the first waiting"
run --db "$DB" person erase eva.frost@kungsbacka.se --yes
expect_rc 0
expect_err "1 person on the waiting list got the free seat"
run --db "$DB" person show greta.holm@kungsbacka.se
expect_out "^Programme status +enrolled"
run --db "$DB" check
expect_rc 0

case_ "person: usage errors"
run --db "$DB" person
expect_rc 2
run --db "$DB" person shout 8101
expect_rc 2
run --db "$DB" person show
expect_rc 2
run --db "$DB" person show nobody@nowhere.se
expect_rc 2
expect_err "no person matches"

case_ "purge: off by default"
run --db "$DB" purge
expect_rc 0
expect_err "retention rule is off"

# Everything of the old group is from 2014, of the new one from 2016: a
# rule of (this year - 2015) years cuts between them whatever the day.
years=$(( $(date +%Y) - 2015 ))
printf '[privacy]\nretention_years = %d\n' "$years" >"$TMP/keep.ini"

case_ "purge --dry-run lists and erases nothing"
run --db "$DB" --config "$TMP/keep.ini" purge --dry-run
expect_rc 0
expect_lines 3
expect_out " 2014-06-30  Anna Berg$"
expect_out " 2014-06-30  Cecilia Dahl$"
expect_out " 2014-04-01  David Ek$"
expect_err "3 people's programme ended more than $years years ago"
run --db "$DB" person show 8101
expect_rc 0

case_ "purge erases them, and no trace is left"
run --db "$DB" --config "$TMP/keep.ini" purge
expect_rc 0
expect_err "erased 3 people"
run --db "$DB" person show 8101
expect_rc 2
run --db "$DB" person show 8102
expect_rc 0
for s in "cecilia.dahl@kungsbacka.se" "anna.berg@kungsbacka.se" "anna berg"; do
	# Anna Berg had a placement: its copy of her search text goes too
	n=$(cat "$DB" "$DB-wal" 2>/dev/null | grep -a -c -i -F "$s")
	check_ '[ "$n" -eq 0 ]' "'$s' of a purged person is still in the file"
done
run --db "$DB" --config "$TMP/keep.ini" purge --dry-run
expect_lines 0
run --db "$DB" check
expect_rc 0

finish
