#!/bin/sh
# lup import people: every fixture of tests/data, all or nothing, the dry
# run, options and usage errors.
. tests/cli/lib.sh
D="$TOP/tests/data"
DB="$TMP/i.db"
people() { "$LUP" --db "$1" export people 2>/dev/null | tail -n +2 | wc -l; }

case_ "UTF-8, managers named before and after"
newdb "$DB"
run --db "$DB" import people "$D/people_utf8.csv"
expect_rc 0
expect_err "5 added, 0 updated, 0 left unchanged"
run --db "$DB" export people
expect_out "Örjan Nilsson,orjan.nilsson@kungsbacka.se,0300-83 40 04,Vård & Omsorg,Enhetschef,1004,1005,Karin Åkesson,1"
expect_out "Märta Lindqvist,marta.lindqvist@kungsbacka.se,,Förskola & Grundskola,Rektor,1003,1002,Björn Ängström"

case_ "the same file again changes nothing"
run --db "$DB" import people "$D/people_utf8.csv"
expect_rc 0
expect_err "0 added, 0 updated, 5 left unchanged"

case_ "UTF-8 with a byte-order mark, semicolons, first and last name"
run --db "$DB" import people "$D/people_bom.csv"
expect_rc 0
expect_err "1 added, 0 updated, 1 left unchanged"
run --db "$DB" export people
expect_out "Jörgen Ström,jorgen.strom@kungsbacka.se,,Kultur & Fritid,Enhetschef,2001"

case_ "Windows-1252 is found and converted"
newdb "$TMP/w.db"
run --db "$TMP/w.db" import people "$D/people_cp1252.csv" --dry-run
expect_rc 0
expect_out "add +3  Änglamark, Pär <par.anglamark@kungsbacka.se>"
expect_out "add +4  Ödegård Ölund"
run --db "$TMP/w.db" import people "$D/people_cp1252.csv"
expect_rc 0
run --db "$TMP/w.db" export people
expect_out '"Änglamark, Pär",par.anglamark@kungsbacka.se'

case_ "semicolons with commas inside fields; tabs"
newdb "$TMP/s.db"
run --db "$TMP/s.db" import people "$D/people_semicolon.csv"
expect_rc 0
expect_err "2 added"
run --db "$TMP/s.db" export people
expect_out '"Förskola, område norr"'
run --db "$TMP/s.db" import people "$D/people_tab.tsv"
expect_rc 0
expect_err "2 added"

case_ "quoted fields holding delimiters, quotes and line breaks"
newdb "$TMP/q.db"
run --db "$TMP/q.db" import people "$D/people_quoted.csv" --dry-run
expect_rc 0
expect_out "add +2  Berg, Anna <anna.berg@kungsbacka.se>"
expect_out "add +3  Lindgren  Johan"
expect_out "add +6  Eva Ek"
run --db "$TMP/q.db" import people "$D/people_quoted.csv"
run --db "$TMP/q.db" export people --format json
expect_out '"name":"Lindgren\\r\\nJohan"'
expect_out '"role":"Chef för \\"Kontaktcenter\\""'

case_ "a header alone imports nobody"
newdb "$TMP/h.db"
run --db "$TMP/h.db" import people "$D/header_only.csv"
expect_rc 0
expect_err "0 added, 0 updated, 0 left unchanged"

case_ "an empty file fails"
run --db "$TMP/h.db" import people "$D/empty.csv"
expect_rc 1
expect_err "import: .*empty.csv: the file is empty"

case_ "ragged rows: each named by line; nothing stored"
newdb "$TMP/r.db"
run --db "$TMP/r.db" import people "$D/people_ragged.csv"
expect_rc 1
expect_err "people_ragged.csv:3: the row has 2 fields where the header has 3"
expect_err "people_ragged.csv:4: the row has 4 fields where the header has 3"
expect_err "2 of 3 rows refused; nothing was stored"
check_ '[ "$(people "$TMP/r.db")" -eq 0 ]' "a ragged file stored people"

case_ "every bad row listed with line, column and why"
run --db "$DB" import people "$D/people_bad.csv"
expect_rc 1
expect_err "people_bad.csv:3: Namn: a name is required"
expect_err "people_bad.csv:4: E-post: 'kalle.ek\(at\)kungsbacka.se' is not an e-mail address"
expect_err "people_bad.csv:5: Chef: unknown manager 'nosuch@kungsbacka.se'"
expect_err "people_bad.csv:6: E-post: the same e-mail as line 2"
expect_err "people_bad.csv:7: Anställningsnummer: the same employee number as line 2"
expect_err "people_bad.csv:8: Anställningsnummer: the employee number is longer than 40 characters"
expect_err "people_bad.csv:9: the row has 3 fields where the header has 5"
expect_err "people_bad.csv:10: Chef: nobody can be their own manager"
expect_err "8 of 9 rows refused; nothing was stored"

case_ "a failed import leaves the database byte-identical"
"$LUP" --db "$DB" check 2>/dev/null
before=$(cksum <"$DB")
sqlite3 "$DB" .dump >"$TMP/before.sql"
run --db "$DB" import people "$D/people_bad.csv"
expect_rc 1
check_ '[ "$(cksum <"$DB")" = "$before" ]' "the database file changed"
check_ '[ ! -s "$DB-wal" ]' "the WAL holds frames after a failed import"
sqlite3 "$DB" .dump >"$TMP/after.sql"
check_ 'cmp -s "$TMP/before.sql" "$TMP/after.sql"' "the dump differs"

case_ "50,000 rows: the list indexes and the Due list's copy are made again in the same transaction"
awk 'BEGIN { print "Namn;E-post;Enhet;Roll;Chef;Anställningsnummer"
	for (i = 1; i <= 50000; i++)
		printf "Person %d Öberg;p%d@kungsbacka.se;Enhet %d;Rektor;%s;B%06d\n", i, i, i % 40,
			(i % 10 == 0 ? sprintf("B%06d", i % 9973 + 1) : ""), i }' >"$TMP/big.csv"
indexes() { sqlite3 "$1" "SELECT name, sql FROM sqlite_schema WHERE (type = 'index' AND tbl_name IN
	('person', 'person_due')) OR (type = 'trigger' AND tbl_name = 'person') ORDER BY name"; }
"$LUP" --db "$TMP/fresh.db" init 2>/dev/null
want=$(indexes "$TMP/fresh.db")
check_ '[ "$(printf "%s\n" "$want" | wc -l)" -ge 7 ]' "a new database has not the person indexes expected"
newdb "$TMP/big.db"
run --db "$TMP/big.db" import people "$TMP/big.csv"
expect_rc 0
expect_err "50000 added, 0 updated, 0 left unchanged"
check_ '[ "$(indexes "$TMP/big.db")" = "$want" ]' "the person indexes differ after a large import"
check_ '[ "$(sqlite3 "$TMP/big.db" "SELECT count(*) FROM person_due WHERE active = 1")" = 50000 ]' \
	"the Due list has not everyone imported"
run --db "$TMP/big.db" check
expect_rc 0
run --db "$TMP/big.db" person show B000020
expect_out "Person 20 Öberg"
expect_out "Person 21 Öberg"
run --db "$TMP/big.db" import people "$TMP/big.csv"
expect_rc 0
expect_err "0 added, 0 updated, 50000 left unchanged"

case_ "50,000 rows with one bad row at the end: nothing stored, indexes intact"
cp "$TMP/big.csv" "$TMP/bigbad.csv"
printf 'Sist;inte-en-adress;X;Y;;B999999\n' >>"$TMP/bigbad.csv"
rm -f "$TMP/bb.db"; newdb "$TMP/bb.db"; "$LUP" --db "$TMP/bb.db" import people "$D/people_utf8.csv" 2>/dev/null
before=$(cksum <"$TMP/bb.db")
run --db "$TMP/bb.db" import people "$TMP/bigbad.csv"
expect_rc 1
expect_err "bigbad.csv:50002: E-post: 'inte-en-adress' is not an e-mail address"
expect_err "1 of 50001 rows refused; nothing was stored"
check_ '[ "$(cksum <"$TMP/bb.db")" = "$before" ]' "the database file changed"
check_ '[ "$(indexes "$TMP/bb.db")" = "$want" ]' "the person indexes differ after a refused import"
run --db "$TMP/bb.db" import people "$TMP/bigbad.csv" --dry-run
expect_rc 1
check_ '[ "$(indexes "$TMP/bb.db")" = "$want" ]' "the person indexes differ after a dry run"

case_ "a dry run shows and stores nothing"
n=$(people "$DB")
printf 'Namn,E-post,Anställningsnummer\nNy Person,ny@kungsbacka.se,9001\nÅsa Öberg,asa.oberg@kungsbacka.se,1001\nTrasig,trasig,9002\n' >"$TMP/dry.csv"
run --db "$DB" import people "$TMP/dry.csv" --dry-run
expect_rc 1
expect_out "^add +2  Ny Person"
expect_out "^unchanged +3  Åsa Öberg"
expect_out "^refuse +4  Trasig <trasig>  \(E-post: 'trasig' is not an e-mail address\)"
check_ '[ "$(people "$DB")" -eq "$n" ]' "a dry run stored people"
if locale -a 2>/dev/null | grep -qi '^sv_SE\.utf-\?8$'; then
	# the action column is padded by characters, not bytes: "läggs till" and
	# "avvisas" put their line numbers in the same column
	LC_ALL=sv_SE.UTF-8 run --db "$DB" import people "$TMP/dry.csv" --dry-run
	expect_out "^läggs till +2  Ny Person"
	expect_out "^avvisas +4  Trasig"
	check_ '[ "$(LC_ALL=C.UTF-8 grep -cE "^.{10} .{5}[0-9]  [^ ]" "$OUT")" -eq 3 ]' \
		"the Swedish dry run's columns do not line up"
fi

case_ "--map, --delimiter, --encoding, standard input"
printf 'Vem|Kontakt|Nr\nÅke Ö|ake@x.se|77\n' | iconv -f UTF-8 -t ISO-8859-1 >"$TMP/map.csv"
newdb "$TMP/m.db"
run_in "$TMP/map.csv" --db "$TMP/m.db" import people - --delimiter '|' --encoding ISO-8859-1 \
	--map Vem=name --map Kontakt=email --map Nr=employee_no
expect_rc 0
expect_err "1 added"
run --db "$TMP/m.db" person show 77
expect_out "Åke Ö"

case_ "a file whose header names no name column"
printf 'Vem,Kontakt\nA,a@x.se\n' >"$TMP/noname.csv"
run --db "$TMP/m.db" import people "$TMP/noname.csv"
expect_rc 1
expect_err "no column gives the name"

case_ "usage errors exit 2"
run --db "$TMP/m.db" import people
expect_rc 2
run --db "$TMP/m.db" import hosts "$D/people_utf8.csv"
expect_rc 2
run --db "$TMP/m.db" import people "$D/people_utf8.csv" --map Namn=shoesize
expect_rc 2
run --db "$TMP/m.db" import people "$D/people_utf8.csv" --delimiter ';;'
expect_rc 2
run --db "$TMP/m.db" import people "$D/people_utf8.csv" --bogus
expect_rc 2
run --db "$TMP/m.db" import people "$TMP/no-such-file.csv"
expect_rc 1
expect_err "cannot read"

finish
