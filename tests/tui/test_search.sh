#!/bin/sh
# Pick lists and searches find what was meant: on Shadowing → Network the
# country picker takes `pol` or `Polen` and Enter picks Poland (not "All
# countries"); in a person field `oberg` puts Kjell Öberg (a word that
# starts so) before the Sjöbergs (inside a word), and Enter takes him.
. tests/tui/lib.sh

sql() { sqlite3 "$DB" "$1"; }
# The line of the open drop-down or pick list just under its input: the
# first entry.
first_entry() { screen | grep -A1 -- "$1" | tail -1; }

"$LUP" --db "$TMP/demo.db" demo >/dev/null || { echo "lup demo failed"; exit 1; }

LOC=C.UTF-8
case_ "pol Enter picks Poland"
cp "$TMP/demo.db" "$DB"
start 80x24
wait_for "[1 People]"
keys 3
wait_for "[Network]"
keys c
wait_for "All countries"
text "pol"
wait_for "Poland (PL)"
keys Enter
wait_for "Country: Poland"
check_ 'screen | grep -q "of 2 (21)"' "the list is not narrowed to Poland's hosts"

case_ "an exact name picks it"
keys c
wait_for "All countries"
text "sweden"
wait_for "Sweden (SE)"
keys Enter
wait_for "Country: Sweden"

LOC=sv_SE.UTF-8
case_ "Polen Enter picks Poland in Swedish"
start 80x24
wait_for "[1 Personer]"
keys 3
wait_for "[Nätverk]"
keys c
wait_for "Alla länder"
text "Polen"
wait_for "Polen (PL)"
keys Enter
wait_for "Land: Polen"
wait_for "1 av 2 (21)"

LOC=C.UTF-8
case_ "oberg finds Kjell Öberg first"
new_db 0
printf 'Name,E-mail,Unit\nAnna Sjöberg,anna.sjoberg@example.se,Skola\nBo Sjöberg,bo.sjoberg@example.se,Skola\nCarl Sjöberg,carl.sjoberg@example.se,Vård\nKjell Öberg,kjell.oberg@example.se,Vård\n' >"$TMP/p.csv"
"$LUP" --db "$DB" import people "$TMP/p.csv" >/dev/null 2>&1 || { echo "import failed"; exit 1; }
start 80x24
wait_for "1 of 4"
keys a
wait_for "New person"
text "Test Person"
keys Tab Tab Tab Tab Tab
text "oberg"
wait_for "┌"
wait_for "Sjöberg"
# the list follows each key typed: poll until it has caught up with all five
check_ 'poll "screen | grep -E \"Öberg|Sjöberg\" | head -1 | grep -q \"Kjell Öberg\"" 5' \
	"Kjell Öberg is not the first match for oberg"
keys Enter
wait_gone "┌"
keys C-s
wait_for "Saved"
check_ '[ "$(sql "SELECT m.name FROM person p JOIN person m ON m.id = p.manager_id WHERE p.name = '\''Test Person'\''")" = "Kjell Öberg" ]' \
	"Enter did not take Kjell Öberg as manager"

case_ "oberg in the People filter"
keys /
text "oberg"
wait_for "Sjöberg"
# the list follows each key typed: poll until it has caught up with all five
check_ 'poll "screen | grep -E \"Öberg|Sjöberg\" | head -1 | grep -q \"Kjell Öberg\"" 5' \
	"the People filter does not list Kjell Öberg first"

finish
