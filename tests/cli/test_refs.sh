#!/bin/sh
# A REF (cohort, person, host, framework) on the command line: a name in
# any case and with or without å ä ö, the unique start of a name, an id
# prefix, and for people an e-mail or employee number.  An ambiguous or
# unknown one lists up to five candidates with their ids and exits 2,
# saying what a REF may be.
. tests/cli/lib.sh

DB="$TMP/demo.db"
"$LUP" --db "$DB" demo >/dev/null 2>&1 || { echo "lup demo failed"; exit 1; }
q() { sqlite3 "$DB" "$1"; }
PILOT=$(q "SELECT id FROM cohort WHERE name = 'Pilot Halland'")

case_ "a cohort by its name in another case"
run --db "$DB" export ics --cohort "pilot halland" -o "$TMP/a.ics"
expect_rc 0
run --db "$DB" export ics --cohort "Pilot Halland" -o "$TMP/b.ics"
expect_rc 0
check_ 'cmp -s "$TMP/a.ics" "$TMP/b.ics"' "the two exports differ"

case_ "a cohort by the unique start of its name"
run --db "$DB" export ics --cohort "pilot h" -o "$TMP/c.ics"
expect_rc 0
check_ 'cmp -s "$TMP/a.ics" "$TMP/c.ics"' "pilot h did not export Pilot Halland"

case_ "a cohort without its accents, exact before the longer names"
run --db "$DB" export ics --cohort "omgang 1" -o "$TMP/o1.ics"
expect_rc 0
run --db "$DB" export ics --cohort "$(q "SELECT substr(id, 1, 8) FROM cohort WHERE name = 'Omgång 1'")" -o "$TMP/o1b.ics"
expect_rc 0
check_ 'cmp -s "$TMP/o1.ics" "$TMP/o1b.ics"' "omgang 1 is not Omgång 1"

case_ "an ambiguous cohort lists the candidates and exits 2"
run --db "$DB" export ics --cohort Pilot -o "$TMP/x.ics"
expect_rc 2
expect_err "more than one cohort matches 'Pilot'"
expect_err "Pilot Halland .*${PILOT%%-*}"
expect_err "Pilot 2 "
expect_err "REF"
check_ '[ ! -e "$TMP/x.ics" ]' "a file was written"

case_ "at most five candidates"
run --db "$DB" export ics --cohort "omgang" -o "$TMP/x.ics"
expect_rc 2
check_ '[ "$(grep -c "^lup:   Omgång" "$ERR")" -eq 5 ]' "not five candidates listed"
expect_err "and 12 more"

case_ "an unknown cohort names the nearest and exits 2"
run --db "$DB" export ics --cohort "halland" -o "$TMP/x.ics"
expect_rc 2
expect_err "no cohort matches 'halland'"
expect_err "Pilot Halland"
run --db "$DB" export ics --cohort "Ingen sådan"
expect_rc 2
expect_err "no cohort matches 'Ingen sådan'"
expect_err "a cohort's name"

case_ "a person by name"
NAME=$(q "SELECT name FROM person GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 1")
MAIL=$(q "SELECT email FROM person WHERE name = '$NAME'")
run --db "$DB" person show "$(echo "$NAME" | tr '[:upper:]' '[:lower:]')"
expect_rc 0
expect_out "$MAIL"

case_ "Kjell Öberg by name, and without the accent"
"$LUP" --db "$DB" import people /dev/stdin >/dev/null 2>&1 <<'CSV'
Name,E-mail,Unit
Kjell Öberg,kjell.oberg@example.se,Vård
Anna Sjöberg,anna.sjoberg@example.se,Skola
CSV
run --db "$DB" person show "Kjell Öberg"
expect_rc 0
expect_out "kjell.oberg@example.se"
run --db "$DB" person show "kjell oberg"
expect_rc 0
expect_out "kjell.oberg@example.se"

case_ "two people of one name: both listed with e-mail and id"
TWIN=$(q "SELECT name FROM person GROUP BY name HAVING count(*) = 2 ORDER BY name LIMIT 1")
run --db "$DB" person show "$TWIN"
expect_rc 2
expect_err "more than one person matches"
check_ '[ "$(grep -c "^lup:   $TWIN" "$ERR")" -eq 2 ]' "the two are not both listed"
for id in $(q "SELECT substr(id, 1, 8) FROM person WHERE name = '$TWIN'"); do
	expect_err "$id"
done
expect_err "e-mail"

case_ "an unknown person exits 2 and says what a REF is"
run --db "$DB" person show nobody@nowhere.se
expect_rc 2
expect_err "no person matches 'nobody@nowhere.se'"
expect_err "employee number"

case_ "targets of a person named"
run --db "$DB" target list --person "kjell oberg"
expect_rc 0
expect_out "Targets of Kjell Öberg"
run --db "$DB" target list --person "nobody at all"
expect_rc 2
expect_err "^lup: target list: no person matches 'nobody at all'"

case_ "a host is not a person"
run --db "$DB" export ics --person "city of gdansk"
expect_rc 2
expect_err "no person matches"

case_ "a framework by name"
run --db "$DB" framework show "digcomp 2.2"
expect_rc 0
expect_out "DigComp"
run --db "$DB" framework show "nosuch"
expect_rc 2
expect_err "no framework matches 'nosuch'"

case_ "the help says a REF may be a name"
run help person
expect_rc 0
expect_out "REF is a name"
run help framework
expect_out "a framework's name"
run help export
expect_out "REF: its name, in any case"
run help
expect_out "A REF \\(a cohort, person"
LC_ALL=C.UTF-8 LANGUAGE=sv LANG=sv_SE.UTF-8 run help person
expect_out "REF är ett namn"

finish
