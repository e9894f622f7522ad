#!/bin/sh
# The first run: with no database file, lup opens on a welcome screen (in
# Swedish or English by locale) that says where the file will live and
# offers a demo, importing staff, importing a competence framework (the
# ones lup ships, found beside an uninstalled binary) or starting empty;
# the framework path ends with DigComp imported without leaving lup.  A
# database that exists opens as before.  Then the programme's name, target
# and dates, edited from the Programme screen.
. tests/tui/lib.sh

sql() { sqlite3 "$DB" "$1"; }
fresh() { rm -f "$DB" "$DB-wal" "$DB-shm"; }

LOC=C.UTF-8
case_ "welcome on the first run"
fresh
start 80x24
wait_for "Welcome to lup"
wait_for "$DB"
wait_for "Open a demo"
wait_for "Import staff from a CSV file"
wait_for "Import a competence framework"
wait_for "Start empty"

case_ "to an imported DigComp without leaving lup"
keys f
wait_for "digcomp-2.2"
wait_for "kommun-chefer"
text "digcomp"
keys Enter
wait_for "A new framework"
wait_for "revision 1 (21 competences"
keys C-s
wait_for "Store digcomp as revision 1?"
keys y
wait_for "Imported digcomp as revision 1."
check_ '[ "$(sql "SELECT count(*) FROM competence c JOIN framework f ON f.id = c.framework_id WHERE f.ident = '\''digcomp'\''")" = 21 ]' \
	"DigComp is not stored with its 21 competences"
# lup lands on Competence → Frameworks with DigComp focused
wait_for "[4 Competence]"
wait_for "[Frameworks]"
check_ 'poll "cursor_line | grep -q \"DigComp 2.2\"" 5' "DigComp is not focused in the frameworks list"
check_ 'on_screen "Imported digcomp as revision 1."' "the status line no longer says what was imported"
keys q q
wait_exit

case_ "start empty, and the next run opens as before"
fresh
start 80x24
wait_for "Welcome to lup"
keys s
wait_for "Nobody here yet"
keys q
wait_exit
start 80x24
wait_for "Nobody here yet"
check_ '! on_screen "Welcome to lup"' "the welcome shows again on a database that exists"
keys q
wait_exit

case_ "a demo"
fresh
start 80x24
wait_for "Welcome to lup"
keys D
wait_for "1 of 3" 30
check_ '[ "$(sql "SELECT count(*) > 250 FROM person")" = 1 ]' "the demo people are not there"
keys q
wait_exit

case_ "staff from a CSV file"
fresh
printf 'Name,E-mail,Unit\nKjell Öberg,kjell.oberg@example.se,Vård\nAnna Sjöberg,anna.sjoberg@example.se,Skola\n' >"$TMP/staff.csv"
start 80x24
wait_for "Welcome to lup"
keys i
wait_for "Import people from a CSV file"
text "$TMP/staff.csv"
keys C-s
wait_for "2 to add"
keys C-s
wait_for "Import 2"
keys y
wait_for "1 of 2"
wait_for "Kjell Öberg"
check_ '[ "$(sql "SELECT count(*) FROM person")" = 2 ]' "the two are not imported"
keys q
wait_exit

case_ "Competence → Frameworks says what works when empty"
fresh
"$LUP" --db "$DB" init >/dev/null
start 80x24
wait_for "[1 People]"
keys 4 v v
wait_for "[Frameworks]"
wait_for "press i to import one"
keys q q
wait_exit

LOC=sv_SE.UTF-8
case_ "in Swedish"
fresh
start 80x24
wait_for "Välkommen till lup"
wait_for "Importera ett kompetensramverk"
keys s
wait_for "[1 Personer]"
keys 2 a
wait_for "Ny omgång"
text "Omgång 1"
keys C-s
wait_for "Omgång 1"
check_ '[ "$(sql "SELECT name FROM programme")" = Ledarutveckling ]' \
	"a programme made under a Swedish locale is not named in Swedish"
keys q
wait_exit

LOC=C.UTF-8
case_ "the programme's name, target and dates"
fresh
"$LUP" --db "$DB" demo >/dev/null 2>&1
start 80x24
wait_for "[1 People]"
keys 2
wait_for "· Ledarutveckling fö"
keys p
wait_for "Edit the programme"
keys C-u
text "Ledarutveckling 2027"
keys Tab Tab C-u
text "320"
keys Tab C-u
text "2027-01-11"
keys Tab C-u
text "2027-12-17"
keys C-s
wait_for "Saved"
wait_for "of 320 enrolled"
wait_for "· Ledarutveckling 20"
check_ '[ "$(sql "SELECT name || '\''|'\'' || target || '\''|'\'' || start_date || '\''|'\'' || end_date FROM programme")" = "Ledarutveckling 2027|320|2027-01-11|2027-12-17" ]' \
	"the programme is not stored as edited"

finish
