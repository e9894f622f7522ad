#!/bin/sh
# lup export: CSV by RFC 4180, the Excel flavour, JSON, files written
# safely, the people round trip, usage errors.
. tests/cli/lib.sh
D="$TOP/tests/data"
DB="$TMP/e.db"
newdb "$DB"
"$LUP" --db "$DB" import people "$D/programme_people.csv" 2>/dev/null
sqlite3 "$DB" <"$D/programme.sql"
sed 's/kungsbacka.se/example.org/; s/Berg, Anna/Berg, Annika/' "$D/people_quoted.csv" >"$TMP/quoted.csv"
"$LUP" --db "$DB" import people "$TMP/quoted.csv" 2>/dev/null

case_ "CSV: a header, CRLF line ends, quotes where needed"
run --db "$DB" export people
expect_rc 0
expect_out '^id,name,email,phone,unit,role,employee_no,manager,manager_name,active,created_at,updated_at'
check_ '[ "$(grep -c "$(printf "\r")\$" "$OUT")" -eq "$(grep -c . "$OUT")" ]' "a line does not end in CRLF"
expect_out '"Berg, Annika",anna.berg@example.org,,Service; kundtjänst,"Chef för ""Kontaktcenter""",5001'
expect_out 'Anna Berg,anna.berg@kungsbacka.se,0300-83 81 01,Skola norr,Rektor,8101,8001,Hugo Ivarsson,1'

case_ "--excel: a byte-order mark and semicolons"
run --db "$DB" export people --excel
expect_rc 0
check_ '[ "$(head -c 3 "$OUT" | od -An -tx1 | tr -d " ")" = efbbbf ]' "no byte-order mark"
expect_out 'name;email;phone'
expect_out 'Berg, Annika;anna.berg@example.org;;"Service; kundtjänst";'

case_ "--excel under a Swedish locale: Swedish headers that import reads back"
LC_ALL=sv_SE.UTF-8 run --db "$DB" export people --excel
expect_rc 0
expect_out '^.?.?.?Id;Namn;E-post;Telefon;Enhet;Roll;Anställningsnummer;Chef;Chefens namn;Aktiv;Skapad;Ändrad'
expect_out 'Berg, Annika;anna.berg@example.org;;"Service; kundtjänst";'
cp "$OUT" "$TMP/sv.csv"
run --db "$DB" import people --dry-run "$TMP/sv.csv"
expect_rc 0
check_ 'grep -q "ignoring the columns Chefens namn, Skapad, Ändrad$" "$ERR"' \
	"import does not read the Swedish headers it should (or reads those it should not)"
check_ 'grep -q " 0 would be added, 0 would be updated" "$ERR"' "the Swedish export does not import unchanged"
LC_ALL=sv_SE.UTF-8 run --db "$DB" export enrolments --excel
expect_out '^.?.?.?Id;Personens id;Person;E-post;Anställningsnummer;Omgångens id;Omgång;Program;Status;'
# a plain CSV keeps the names programs read; --lang says outright
LC_ALL=sv_SE.UTF-8 run --db "$DB" export people
expect_out '^id,name,email,'
LC_ALL=sv_SE.UTF-8 run --db "$DB" export people --excel --lang en
expect_out '^.?.?.?id;name;email;'
run --db "$DB" export people --lang sv
expect_out '^Id,Namn,E-post,'
run --db "$DB" export people --lang fi
expect_rc 2
check_ 'grep -q "sv or en" "$ERR"' "no word on --lang fi"
run --db "$DB" export people --format json --lang sv
expect_rc 2

case_ "JSON: an array of objects"
for t in people cohorts sessions enrolments attendance hosts placements checkins ratings; do
	run --db "$DB" export "$t" --format json
	expect_rc 0
	check_ '[ "$(sqlite3 :memory: "SELECT json_valid(readfile('"'$OUT'"')) AND json_type(readfile('"'$OUT'"')) = '"'array'"'")" = 1 ]' "$t: not a JSON array"
done
run --db "$DB" export enrolments --format json
expect_out '"person":"Greta Holm","email":"greta.holm@kungsbacka.se","employee_no":"8107","cohort_id":"c0000000-0000-4000-8000-000000000002","cohort":"Omgång 1"'

case_ "names beside ids in every table"
run --db "$DB" export enrolments
expect_out 'Anna Berg,anna.berg@kungsbacka.se,8101,c0000000-0000-4000-8000-000000000001,Pilot Halland,Ledarutveckling,completed'
run --db "$DB" export attendance
expect_out 'UL del 2, dag 2",2014-05-06 09:00,Pilot Halland,.*,Björn Ek,bjorn.ek@kungsbacka.se,absent'
run --db "$DB" export placements
expect_out 'Anna Berg,anna.berg@kungsbacka.se,f0000000-0000-4000-8000-000000000001,Aarhus Kommune,DK,Aarhus,Mette Madsen,2014-10-06,2014-10-10'
run --db "$DB" export checkins
expect_out 'Anna Berg,anna.berg@kungsbacka.se,digcomp,2.2,1,2014-09-05,manager,final,.*,Hugo Ivarsson'
run --db "$DB" export ratings
expect_out 'Anna Berg,2014-09-01,self,final,digcomp,1,Information and data literacy,1.1,Browsing,4,Anna Berg söker bättre nu'

case_ "-o writes a private file, replaced whole"
run --db "$DB" export cohorts -o "$TMP/cohorts.csv"
expect_rc 0
expect_err "2 rows of cohorts written to"
check_ '[ "$(stat -c %a "$TMP/cohorts.csv")" = 600 ]' "the file is not mode 0600"
check_ '[ "$(ls "$TMP" | grep -c "cohorts.csv.tmp")" -eq 0 ]' "a temporary file was left behind"
run --db "$DB" export cohorts -o "$TMP/no-such-dir/x.csv"
expect_rc 1

case_ "people round trip: export, import into a fresh database, export again"
"$LUP" --db "$DB" export people -o "$TMP/p1.csv" 2>/dev/null
newdb "$TMP/fresh.db"
run --db "$TMP/fresh.db" import people "$TMP/p1.csv"
expect_rc 0
expect_err "11 added, 0 updated, 0 left unchanged"
"$LUP" --db "$TMP/fresh.db" export people -o "$TMP/p2.csv" 2>/dev/null
# Ids and times are new; everything else is the same.
strip() { sqlite3 :memory: ".import --csv $1 t" "SELECT name, email, phone, unit, role, employee_no, manager, manager_name, active FROM t ORDER BY rowid"; }
check_ '[ "$(strip "$TMP/p1.csv")" = "$(strip "$TMP/p2.csv")" ]' "the round trip changed people"
run --db "$DB" import people "$TMP/p1.csv"
expect_rc 0
expect_err "0 added, 0 updated, 11 left unchanged"
"$LUP" --db "$DB" export people --excel -o "$TMP/p3.csv" 2>/dev/null
run --db "$DB" import people "$TMP/p3.csv"
expect_err "0 added, 0 updated, 11 left unchanged"

case_ "usage errors exit 2; ics goes to the calendar export"
run --db "$DB" export
expect_rc 2
run --db "$DB" export secrets
expect_rc 2
expect_err "cannot export 'secrets'"
run --db "$DB" export people --format xml
expect_rc 2
run --db "$DB" export people --format json --excel
expect_rc 2
run --db "$DB" export people -o
expect_rc 2

case_ "export ics goes to the calendar export"
run --db "$DB" export ics --cohort "Pilot Halland"
expect_rc 0
expect_out "^BEGIN:VCALENDAR"
expect_out "^SUMMARY:Studiebesök Nacka \(Pilot Halland\)"
run --db "$DB" export ics --bogus
expect_rc 2

case_ "a demonstration made in Swedish writes the networks' roles in Swedish"
LC_ALL=sv_SE.UTF-8 run --db "$TMP/demo-sv.db" demo --people 40
expect_rc 0
nets=$(sqlite3 "$TMP/demo-sv.db" "SELECT group_concat(networks, ' ') FROM host_org")
check_ 'printf "%s" "$nets" | grep -q "\"role\":\"medlem\"" && printf "%s" "$nets" | grep -q "\"network\":\"Vänort\""' \
	"the Swedish demonstration's roles are not Swedish: $nets"
check_ '! printf "%s" "$nets" | grep -q "member\|twin"' "English roles left in the Swedish demonstration"
run --db "$TMP/demo-en.db" demo --people 40
nets=$(sqlite3 "$TMP/demo-en.db" "SELECT group_concat(networks, ' ') FROM host_org")
check_ 'printf "%s" "$nets" | grep -q "\"role\":\"member\"" && printf "%s" "$nets" | grep -q "\"network\":\"Twin town\""' \
	"the English demonstration's networks are not the known ones: $nets"

finish
