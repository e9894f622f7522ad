#!/bin/sh
# The People section by keys alone: add, find (exact and folded), edit,
# delete after confirming (No is the default), at 80x24 and 132x43, in
# English and Swedish.
. tests/tui/lib.sh

for LOC in C.UTF-8 sv_SE.UTF-8; do
	if [ "$LOC" = C.UTF-8 ]; then
		TAB="[1 People]" NEW="New person" SAVED="Saved." DEL="Delete Åsa Öberg-Ängström?"
		NO="[ No ]" DELETED="Deleted Åsa" OF="of" EDIT="Edit Åsa" UNIT="Unit"
	else
		TAB="[1 Personer]" NEW="Ny person" SAVED="Sparat." DEL="Ta bort Åsa Öberg-Ängström?"
		NO="[ Nej ]" DELETED="Tog bort Åsa" OF="av" EDIT="Ändra Åsa" UNIT="Enhet"
	fi
	for SIZE in 80x24 132x43; do
		case_ "start $SIZE"
		new_db 300
		start "$SIZE"
		wait_for "$TAB" || continue
		wait_for "1 $OF 300"

		case_ "add by keys $SIZE"
		keys a
		wait_for "$NEW" || continue
		text "Åsa Öberg-Ängström"
		keys Tab; text "asa.oberg@example.se"
		keys Tab Tab; text "Östra skolan"
		keys Tab; text "Rektor"
		keys C-s
		wait_for "$SAVED"
		wait_for "301 $OF 301"
		check_ 'cursor_line | grep -q "Åsa Öberg-Ängström"' "the cursor is not on the new person"

		case_ "filter exact $SIZE"
		keys Home /
		text "Öberg"
		wait_for "1 $OF 1 (301)"
		wait_for "Åsa Öberg-Ängström"
		keys Escape
		wait_for "1 $OF 301"

		case_ "filter folded $SIZE"
		keys /
		text "oberg"
		wait_for "1 $OF 1 (301)"
		keys Escape /
		text "Öst"
		wait_for "1 $OF 1 (301)"
		check_ 'on_screen "Åsa Öberg-Ängström"' "Öst does not find her"
		keys C-u
		text "ost"
		wait_for "1 $OF 1 (301)"
		check_ 'on_screen "Åsa Öberg-Ängström"' "ost does not find her"
		# the unit changes below: keep her in view by name
		keys C-u
		text "ängström"
		wait_for "1 $OF 1 (301)"
		keys Enter

		case_ "edit unit $SIZE"
		keys e
		wait_for "$EDIT" || continue
		keys Tab Tab Tab C-u
		text "Västra skolan"
		keys F2
		wait_for "$SAVED"
		wait_for "Västra skol"
		check_ '! on_screen "Östra skolan"' "the old unit still shows"

		case_ "delete: No is the default $SIZE"
		keys d
		wait_for "$DEL"
		check_ 'on_screen "$NO"' "No is not the focused button"
		keys Enter
		wait_gone "$DEL"
		# her row, not the status line (which names her either way), and
		# the database
		check_ '! on_screen "$DELETED"' "Enter on the question said she was deleted"
		check_ 'cursor_line | grep -q "Åsa Öberg-Ängström"' "her row is gone from the list"
		check_ '[ "$(sqlite3 "$DB" "SELECT count(*) FROM person WHERE name = '"'Åsa Öberg-Ängström'"'")" = 1 ]' \
			"Enter on the question deleted her"

		case_ "delete after yes $SIZE"
		keys d
		wait_for "$DEL"
		if [ "$LOC" = C.UTF-8 ]; then keys y; else keys j; fi
		wait_for "$DELETED"
		wait_for "0 $OF 0 (300)"

		case_ "quit $SIZE"
		keys Escape q
		wait_exit
		check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
		check_ '[ "$(sqlite3 "$DB" "SELECT count(*) FROM person")" = 300 ]' "the database does not have 300 people"
	done
done
finish
