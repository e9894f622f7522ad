#!/bin/sh
# Two windows, one database: two real lup processes on one file, as a
# coordinator with a laptop and an ssh session has them.  Edits of
# different fields are both kept and the status says so; the same field
# changed in both asks, and nothing stored is overwritten without a yes;
# a record deleted in one window and saved in the other says so and can be
# saved as new; a list follows a change made in the other window within a
# second, its focus on the same row.
. tests/tui/lib.sh

show() { "$LUP" --db "$DB" person show kjell.oberg@kungsbacka.se 2>&1; }
shows() { show | grep -q -- "$1"; }

# Open Kjell Öberg's form in the current window: People, /kjell ober, e.
edit_kjell() {
	keys Escape
	keys /
	text "kjell ober"
	wait_for "Kjell Öberg"
	keys Enter e
	wait_for "$EDIT"
}

# Replace the text of the focused field.
retype() {
	keys End C-u
	text "$1"
}

for LOC in ${LOCS:-C.UTF-8 sv_SE.UTF-8}; do
	if [ "$LOC" = C.UTF-8 ]; then
		EDIT="Edit Kjell Öberg" SAVED="Saved." KEPT="Both edits kept: Unit changed in another window."
		ASKED="Unit is now Ekonomi" YOURS="(yours: HR)"
		LOOK="[ Look again ]" NOTHING="Nothing was saved" NOW="Changed elsewhere: now Ekonomi"
		GONE="Kjell Öberg was deleted in another window"
		DELQ="Delete Kjell Öberg?"
	else
		EDIT="Ändra Kjell Öberg" SAVED="Sparat." KEPT="Båda ändringarna behölls: Enhet ändrades i ett annat fönster."
		ASKED="Enhet är nu Ekonomi" YOURS="(ditt: HR)"
		LOOK="[ Titta igen ]" NOTHING="Ingenting sparades" NOW="Ändrat på annat håll: nu Ekonomi"
		GONE="Kjell Öberg togs bort i ett annat fönster"
		DELQ="Ta bort Kjell Öberg?"
	fi
	new_db 12
	printf 'Namn;E-post;Enhet;Roll\nKjell Öberg;kjell.oberg@kungsbacka.se;IT;Enhetschef\n' >"$TMP/kjell.csv"
	"$LUP" --db "$DB" import people "$TMP/kjell.csv" >/dev/null 2>&1 || { echo "import failed"; exit 1; }
	window a; start 100x30; wait_for "1 "
	window b; start 100x30; wait_for "1 "

	case_ "the issue's case: A changes the unit, B the role; both are kept and B is told"
	window a; edit_kjell
	window b; edit_kjell
	window a; keys Tab Tab Tab; retype "Digitalisering"; keys C-s; wait_for "$SAVED"
	window b; keys Tab Tab Tab Tab; retype "Verksamhetschef"; keys C-s; wait_for "$KEPT"
	check_ 'shows Digitalisering' "A's unit was lost: $(show)"
	check_ 'shows Verksamhetschef' "B's role was lost: $(show)"

	case_ "the same field changed in both: asked; Look again (Enter, Esc) overwrites nothing"
	window a; edit_kjell
	window b; edit_kjell
	window a; keys Tab Tab Tab; retype "Ekonomi"; keys C-s; wait_for "$SAVED"
	window b; keys Tab Tab Tab; retype "HR"; keys C-s; wait_for "$ASKED"
	check_ 'on_screen "$YOURS"' "the question does not say what was typed"
	check_ 'on_screen "$LOOK"' "Look again is not the focused answer"
	keys Enter
	wait_for "$NOTHING"
	wait_for "$NOW"
	check_ 'on_screen "$EDIT"' "the form closed"
	check_ 'shows Ekonomi' "the stored unit was overwritten: $(show)"
	keys C-s; wait_for "$ASKED"; keys Escape; wait_for "$NOTHING"
	check_ 'shows Ekonomi' "Esc overwrote the stored unit: $(show)"
	keys C-s; wait_for "$ASKED"; keys y
	check_ 'on_screen "$ASKED"' "y closed the question"
	check_ 'shows Ekonomi' "y overwrote the stored unit: $(show)"
	keys n; wait_for "$NOTHING"
	check_ 'shows Ekonomi' "n overwrote the stored unit: $(show)"

	case_ "Keep yours writes yours; Take theirs keeps the stored value and saves the rest"
	keys C-s; wait_for "$ASKED"; keys k; wait_for "$SAVED"
	check_ 'shows "HR"' "keep yours did not save HR: $(show)"
	window a; edit_kjell
	window b; edit_kjell
	window a; keys Tab Tab Tab; retype "Ekonomi"; keys C-s; wait_for "$SAVED"
	window b; keys Tab Tab; retype "0300-83 40 00"; keys Tab; retype "Kultur"; keys C-s
	wait_for "Kultur)"
	keys t; wait_for "$SAVED"
	check_ 'shows Ekonomi' "take theirs overwrote the unit: $(show)"
	check_ 'shows "0300-83 40 00"' "take theirs lost the phone number: $(show)"

	case_ "deleted in A, saved in B: said in words; Look again keeps the form; Save as new"
	window b; edit_kjell
	window a; keys Escape /; text "kjell ober"; wait_for "Kjell Öberg"; keys Enter d
	wait_for "$DELQ"; keys y; wait_gone "$DELQ"
	check_ '! show >/dev/null' "Kjell was not deleted"
	window b; keys Tab Tab; retype "0300-1"; keys C-s; wait_for "$GONE"
	check_ 'on_screen "$LOOK"' "Look again is not the focused answer"
	keys Enter; wait_for "$NOTHING"
	check_ 'on_screen "$EDIT"' "the form closed"
	check_ '! show >/dev/null' "the deleted person came back without a yes"
	keys C-s; wait_for "$GONE"; keys s; wait_for "$SAVED"
	check_ 'shows "0300-1"' "save as new did not keep the edit: $(show)"

	case_ "deleted in A, B drops the edit: the form closes, nothing comes back"
	window b; edit_kjell
	window a; keys Escape /; text "kjell ober"; wait_for "Kjell Öberg"; keys Enter d
	wait_for "$DELQ"; keys y; wait_gone "$DELQ"
	window b; keys Tab Tab; retype "0300-2"; keys C-s; wait_for "$GONE"; keys d
	wait_gone "$EDIT"
	check_ '! show >/dev/null' "dropping the edit saved it"

	case_ "a list follows the other window within a second, its focus on the same row"
	window a; keys Escape Home; wait_for "Anders Andersson 7"
	keys Down Down
	check_ 'cursor_line | grep -q "Erik Andersson 9"' "the focus is not on Erik: $(cursor_line)"
	window b; keys Escape /; text "erik andersson 9"; wait_for "Erik Andersson 9"; keys Enter e
	wait_for "Erik Andersson 9"
	keys Tab Tab Tab; retype "Stadsbyggnad"; keys C-s; wait_for "$SAVED"
	window a; wait_for "Stadsbyggnad" 1
	check_ 'cursor_line | grep -q "Erik Andersson 9"' "the focus left Erik: $(cursor_line)"
	check_ 'cursor_line | grep -q "Stadsbyggnad"' "the focused row is stale: $(cursor_line)"
	# someone renamed so that they sort first: the rows move, the focus stays
	window b; keys Escape /; text "sara andersson 8"; wait_for "Sara Andersson 8"; keys Enter e
	wait_for "Sara Andersson 8"
	retype "Aaron Andersson 8"; keys C-s; wait_for "$SAVED"
	window a; wait_for "Aaron Andersson 8" 1
	check_ 'cursor_line | grep -q "Erik Andersson 9"' "the focus left Erik: $(cursor_line)"
	# and Erik renamed there: still focused, in his new place
	window b; keys Escape /; text "erik andersson 9"; wait_for "Erik Andersson 9"; keys Enter e
	wait_for "Erik Andersson 9"
	retype "Ylva Andersson 9"; keys C-s; wait_for "$SAVED"
	window a; wait_for "Ylva Andersson 9" 1
	check_ 'cursor_line | grep -q "Ylva Andersson 9"' "the focus did not follow the renamed row: $(cursor_line)"

	window a; keys Escape q; wait_exit
	window b; keys Escape q; wait_exit
	window lup
done
finish
