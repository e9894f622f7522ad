#!/bin/sh
# The person form and view: core validation shown at the field at fault,
# the manager picked by typing, the detail view, and a manager loop refused.
. tests/tui/lib.sh

for LOC in C.UTF-8 sv_SE.UTF-8; do
	if [ "$LOC" = C.UTF-8 ]; then
		NEW="New person" NAMEREQ="! a name is required" MAILBAD="is not an e-mail address"
		FIX="Please correct the marked field." SAVED="Saved." MGR="Manager" LOOP="reports to this person"
		DISCARD="Discard your changes?" EDIT="Edit Anna"
	else
		NEW="Ny person" NAMEREQ="! namn krävs" MAILBAD="är ingen e-postadress"
		FIX="Rätta det markerade fältet." SAVED="Sparat." MGR="Chef" LOOP="har den här personen som chef"
		DISCARD="Vill du slänga ändringarna?" EDIT="Ändra Anna"
	fi
	new_db 12
	start 80x24
	wait_for "1 "

	case_ "a name is required"
	keys a
	wait_for "$NEW"
	keys C-s
	wait_for "$NAMEREQ"
	wait_for "$FIX"
	check_ 'cursor_line | grep -q "\*"' "the cursor is not on the name field"

	case_ "a bad e-mail address"
	text "Bo Ek"
	wait_gone "$NAMEREQ"
	keys Tab
	text "bo-at-example"
	keys C-s
	wait_for "$MAILBAD"
	check_ 'cursor_line | grep -q "bo-at-example"' "the cursor is not on the e-mail field"

	case_ "the manager picked by typing"
	keys C-u
	text "bo@example.se"
	keys Tab Tab Tab Tab
	text "anna"
	wait_for "Anna Johansson 12"
	keys Enter
	wait_for "Anna Johansson 12"
	keys C-s
	wait_for "$SAVED"

	case_ "the detail view"
	keys Home /
	text "bo ek"
	wait_for "Bo Ek"
	keys Enter Enter
	wait_for "$MGR"
	check_ 'screen | grep "$MGR" | grep -q "Anna Johansson 12"' "the view does not name the manager"
	check_ 'on_screen "bo@example.se"' "the view does not show the e-mail address"

	case_ "a manager loop is refused at the field"
	keys q Escape /
	text "anna johansson"
	wait_for "Anna Johansson 12"
	keys Enter e
	wait_for "$EDIT"
	keys Tab Tab Tab Tab Tab
	text "bo ek"
	wait_for "Bo Ek"
	keys Enter C-s
	wait_for "$LOOP"
	check_ 'cursor_line | grep -q "Bo Ek"' "the cursor is not on the manager field"

	case_ "Esc asks before throwing changes away; No is the default"
	keys Escape
	wait_for "$DISCARD"
	keys Enter
	wait_gone "$DISCARD"
	check_ 'on_screen "$EDIT"' "the form closed on Enter"
	keys Escape
	wait_for "$DISCARD"
	keys y
	wait_gone "$EDIT"
	keys q q
	wait_exit
	check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
	check_ '[ -z "$(sqlite3 "$DB" "SELECT manager_id FROM person WHERE name = '"'"'Anna Johansson 12'"'"'")" ]' \
		"the loop was saved"
done
finish
