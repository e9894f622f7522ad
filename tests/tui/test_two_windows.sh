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

# Leave the current window's lup: it exits 0 and says nothing on stderr.
quit_clean() {
	keys Escape "$@"
	wait_exit
	check_ '[ "$STATUS" = 0 ]' "lup in window $_WIN exited $STATUS"
	check_ '[ ! -s "$TMP/stderr$(_sfx)" ]' "lup in window $_WIN wrote: $(head -c 400 "$TMP/stderr$(_sfx)")"
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
		REG="Attendance: UL del 2" NONE="0 present, 0 late" ONE="1 present, 0 late"
		PART="[ Participants" WITHDRAWQ="Withdraw Eva Frost from Omgång 1?"
		ALREADY="Changed in another window already: Status is withdrawn."
		WITHDRAWF="Withdraw Filip Gran from Omgång 1?" UNCHANGED="Nothing was changed"
		ASKEDF="completed (yours: withdrawn)"
	else
		EDIT="Ändra Kjell Öberg" SAVED="Sparat." KEPT="Båda ändringarna behölls: Enhet ändrades i ett annat fönster."
		ASKED="Enhet är nu Ekonomi" YOURS="(ditt: HR)"
		LOOK="[ Titta igen ]" NOTHING="Ingenting sparades" NOW="Ändrat på annat håll: nu Ekonomi"
		GONE="Kjell Öberg togs bort i ett annat fönster"
		DELQ="Ta bort Kjell Öberg?"
		REG="Närvaro: UL del 2" NONE="0 närvarande, 0 sena" ONE="1 närvarande, 0 sena"
		PART="[ Deltagare" WITHDRAWQ="Avanmäla Eva Frost från Omgång 1?"
		ALREADY="Redan ändrat i ett annat fönster: Status är avanmäld."
		WITHDRAWF="Avanmäla Filip Gran från Omgång 1?" UNCHANGED="Ingenting ändrades"
		ASKEDF="genomförd (ditt: avanmäld)"
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

	window a; quit_clean q
	window b; quit_clean q

	# ------------------------------------------------ saved in place
	# The small programme of tests/data: cohort Omgång 1 with Eva Frost and
	# Filip Gran enrolled, Greta Holm waiting, and its session "UL del 2"
	# not marked yet.
	new_db 0
	"$LUP" --db "$DB" import people "$TOP/tests/data/programme_people.csv" >/dev/null 2>&1 &&
		sqlite3 "$DB" ".read $TOP/tests/data/programme.sql" || { echo "programme data failed"; exit 1; }
	status_of() { sqlite3 "$DB" "SELECT e.status FROM enrolment e JOIN person p ON p.id = e.person_id
	                             WHERE p.name = '$1'"; }
	mark_of() { sqlite3 "$DB" "SELECT a.status FROM attendance a JOIN person p ON p.id = a.person_id
	                           JOIN session s ON s.id = a.session_id
	                           WHERE p.name = '$1' AND s.title = 'UL del 2'"; }
	# the cohort Omgång 1, its participants (Tab) or its session UL del 2
	omgang() {
		keys 2; wait_for "Omgång 1"; keys End Enter; wait_for "UL del 2"
	}
	window a; start 100x30; wait_for "1 "; omgang
	window b; start 100x30; wait_for "1 "; omgang

	case_ "a register follows the marks made in the other window"
	window a; keys Home Down Down Enter; wait_for "$REG"; wait_for "$NONE"
	window b; keys Home Down Down Enter; wait_for "$REG"; wait_for "$NONE"
	window a; keys p; wait_for "$ONE"
	window b; wait_for "$ONE" 1
	check_ 'cursor_line | grep -q "Eva Frost"' "B's focus left Eva Frost: $(cursor_line)"
	check_ '[ "$(mark_of "Eva Frost")" = present ]' "Eva Frost is not marked present"

	case_ "a withdrawal whose participant was withdrawn in the other window meanwhile"
	window a; keys q; wait_for "UL del 2"; keys Tab; wait_for "$PART"
	window b; keys q; wait_for "UL del 2"; keys Tab; wait_for "$PART"
	keys Home w; wait_for "$WITHDRAWQ"
	window a; keys Home w; wait_for "$WITHDRAWQ"; keys y; wait_gone "$WITHDRAWQ"
	check_ '[ "$(status_of "Eva Frost")" = withdrawn ]' "A did not withdraw Eva Frost"
	window b; keys y; wait_for "$ALREADY"
	check_ '[ "$(status_of "Eva Frost")" = withdrawn ]' "Eva Frost is $(status_of "Eva Frost")"

	case_ "a withdrawal whose participant was marked completed elsewhere: asked, nothing overwritten"
	window a; keys Home; wait_for "Filip Gran"
	check_ 'cursor_line | grep -q "Filip Gran"' "the focus is not on Filip Gran: $(cursor_line)"
	keys w; wait_for "$WITHDRAWF"
	# another program, while the question is open
	sqlite3 "$DB" "UPDATE enrolment SET status = 'completed', ended_on = '2016-09-30'
	               WHERE person_id = (SELECT id FROM person WHERE name = 'Filip Gran')"
	keys y; wait_for "$ASKEDF"
	check_ 'on_screen "$LOOK"' "Look again is not the focused answer"
	keys Escape; wait_for "$UNCHANGED"
	check_ '[ "$(status_of "Filip Gran")" = completed ]' "Filip was withdrawn without a yes"

	window a; quit_clean q q q
	window b; quit_clean q q q
	window lup
done
finish
