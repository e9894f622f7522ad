#!/bin/sh
# Importing people from the People list: the preview counts the rows and
# lists them; Esc and No store nothing; ^S and Yes import them all, the list
# reloads and the imported people can be found; a second import finds
# them unchanged; a file with bad rows shows the line and why, and offers
# no import.  At 80x24 and 132x43, in English and Swedish.
. tests/tui/lib.sh

cp tests/data/people_utf8.csv "$TMP/chefer.csv"
cp tests/data/people_bad.csv "$TMP/fel.csv"
cp tests/data/people_cp1252.csv "$TMP/ansi.csv"
count() { sqlite3 "$DB" "SELECT count(*) FROM person"; }

for LOC in C.UTF-8 sv_SE.UTF-8; do
	if [ "$LOC" = C.UTF-8 ]; then
		OF="of" TITLE="Import people from a CSV file" ADD="5 to add" REF0="0 refused"
		NOTHING="Nothing was imported." Q="Import 5 people?" DONE="Imported: 5 added, 0 updated"
		UNCH="5 unchanged" NONE="Nothing to import" REF8="8 refused" ALL="All or nothing"
		WHY="Line 3, column Namn: a name is required" HINT="^S Import" QT="Question"
		NOIMP="Nothing can be imported while rows are refused"
	else
		OF="av" TITLE="Importera personer från en CSV-fil" ADD="5 att lägga till" REF0="0 avvisade"
		NOTHING="Ingenting importerades." Q="Importera 5 personer?" DONE="Importerat: 5 tillagda, 0 uppdaterade"
		UNCH="5 oförändrade" NONE="Inget att importera" REF8="8 avvisade" ALL="Allt eller inget"
		WHY="Rad 3, kolumn Namn: namn krävs" HINT="Ctrl-S Importera" QT="Bekräfta"
		NOIMP="Ingenting kan importeras så länge rader avvisas"
	fi
	for SIZE in 80x24 132x43; do
		case_ "preview $SIZE"
		new_db 300
		start "$SIZE"
		wait_for "1 $OF 300" || continue
		keys i
		wait_for "$TITLE" || continue
		text "$TMP/chefer.csv"
		keys C-s
		wait_for "$ADD"
		wait_for "$REF0"
		wait_for "Åsa Öberg"
		check_ 'on_screen "Märta Lindqvist"' "the rows are not listed"
		check_ 'screen | tail -1 | grep -qF "$HINT"' "the hint line does not name the key that imports"

		case_ "Esc stores nothing $SIZE"
		keys Escape
		wait_for "$NOTHING"
		wait_for "$TITLE"
		keys Escape
		wait_for "1 $OF 300"
		check_ '[ "$(count)" = 300 ]' "Esc stored people"

		case_ "No stores nothing $SIZE"
		keys i
		wait_for "$TITLE"
		text "$TMP/chefer.csv"
		keys C-s
		wait_for "$ADD"
		keys C-s
		wait_for "$Q"
		keys Enter
		wait_gone "$Q"
		check_ '[ "$(count)" = 300 ]' "No stored people"

		case_ "import $SIZE"
		keys C-s
		wait_for "$Q"
		keys y
		wait_for "$DONE"
		wait_for "305"
		check_ '[ "$(count)" = 305 ]' "the database does not have 305 people"
		keys /
		text "öberg"
		wait_for "1 $OF 1 (305)"
		check_ 'on_screen "Åsa Öberg"' "the imported person is not found"
		keys Escape

		case_ "again: unchanged $SIZE"
		keys i
		wait_for "$TITLE"
		text "$TMP/chefer.csv"
		keys C-s
		wait_for "$UNCH"
		wait_for "$NONE"
		check_ '! screen | tail -1 | grep -qF "$HINT"' "importing is offered with nothing to import"
		keys Escape Escape
		wait_for "$OF 305"

		case_ "bad rows $SIZE"
		keys i
		wait_for "$TITLE"
		text "$TMP/fel.csv"
		keys C-s
		wait_for "$REF8"
		wait_for "$ALL"
		wait_for "$WHY"
		check_ '! screen | tail -1 | grep -qF "$HINT"' "importing is offered although rows are refused"
		keys C-s
		wait_for "$NOIMP"
		check_ '! on_screen "$QT"' "a question was asked"
		keys Escape Escape
		wait_for "$OF 305"
		check_ '[ "$(count)" = 305 ]' "a file with bad rows stored people"

		case_ "quit $SIZE"
		keys q
		wait_exit
		check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
	done
done

# A Windows-1252 file: found by itself, and read as chosen.
LOC=C.UTF-8
case_ "Windows-1252"
new_db 0
start 80x24
keys i
wait_for "Import people from a CSV file"
text "$TMP/ansi.csv"
keys C-s
wait_for "Windows-1252, separated by semicolons"
wait_for "Åsa Öberg"
keys Escape
wait_for "Nothing was imported."
# told it is UTF-8, the file cannot be read: the reason shows under its name
keys Tab Tab Space
keys C-s
wait_for "not valid UTF-8"
check_ '[ "$(count)" = 0 ]' "a file that cannot be read stored people"
keys Escape q
wait_exit
finish
