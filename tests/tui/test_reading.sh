#!/bin/sh
# Reading at 80x24: text of several lines, or longer than the width, wraps
# in a detail view (a two-line learning-log entry shows both lines, the
# second under the first; long objectives wrap at spaces) with the focus
# and the terminal cursor on the entry's first row; in a one-line list cell
# it shows its first line and an ellipsis (the pipeline's reason column,
# at 132 columns).  A name with a joined emoji sequence leaves no stray
# cells in the People list or the person view.
. tests/tui/lib.sh

"$LUP" --db "$DB" demo >/dev/null || { echo "lup demo failed"; exit 1; }
sql() { sqlite3 "$DB" "$1"; }
PL=$(sql "SELECT p.id FROM placement p JOIN person e ON e.id = p.person_id
	WHERE p.status = 'completed' AND EXISTS (SELECT 1 FROM log_entry WHERE placement_id = p.id)
	ORDER BY e.name LIMIT 1")
WHO=$(sql "SELECT e.name FROM placement p JOIN person e ON e.id = p.person_id WHERE p.id = '$PL'")
sql "UPDATE log_entry SET text = 'Met the head of the citizen office' || char(10) ||
	'Then the library team' WHERE placement_id = '$PL';
	UPDATE placement SET objectives = 'Learn how the town runs its digital citizen services, from the ' ||
	'first contact to the decision, and bring back three ideas' || char(10) || 'Meet the e-services team'
	WHERE id = '$PL'"
CANC=$(sql "SELECT e.name FROM placement p JOIN person e ON e.id = p.person_id
	WHERE p.status = 'cancelled' ORDER BY e.name LIMIT 1")
sql "UPDATE placement SET cancel_reason = 'The host withdrew' || char(10) || 'Travel refunded'
	WHERE id = (SELECT p.id FROM placement p JOIN person e ON e.id = p.person_id
	WHERE p.status = 'cancelled' AND e.name = '$CANC' LIMIT 1)"

case_ "a placement's learning log: two lines, wrapped"
start 80x24
wait_for "[1 People]"
keys 3
wait_for "[Network]"
keys v
wait_for "[Pipeline]"
keys /
text "$WHO"
keys Enter
keys Enter
wait_for "Checklist"
keys End
wait_for "Learning log"
check_ 'screen | grep -q "▸ [0-9-]* *Met the head of the citizen office *$"' \
	"the entry's first line is not on a row of its own"
check_ 'screen | grep -q "^ *Then the library team *$"' "the entry's second line does not show under the first"
check_ 'cursor_line | grep -q "Met the head of the citizen office"' \
	"the cursor is not on the focused entry's first row"
check_ '! on_screen "office Then"' "the two lines are joined"

case_ "long objectives wrap at spaces"
check_ 'screen | grep -q "^ *first contact to the decision, and bring back three ideas *$\|decision, and bring back three ideas *$"' \
	"the objectives are cut instead of wrapped"
check_ 'screen | grep -q "^ *Meet the e-services team *$"' "the objectives' second line does not show"

case_ "scrolling up goes by rows and the cursor follows"
keys Home
wait_gone "Then the library team"
check_ '[ "$(pane "#{cursor_y}")" -le 2 ]' "the cursor is not at the top of the view after Home"

case_ "a list cell shows the first line and an ellipsis"
keys q
wait_for "[Pipeline]"
keys Escape
keys /
text "$CANC"
keys Enter
wait_for "cancelled"
resize 132x30
wait_for "The host withdrew"
check_ 'screen | grep -q "The host withdrew…"' "the cancel reason's first line does not end in an ellipsis"
check_ '! on_screen "Travel refunded"' "the cancel reason's second line is joined in the cell"

# A joined emoji sequence (woman office worker: 👩 ZWJ 💼) is one picture
# two cells wide in some terminals (tmux among them) and two pictures in
# others, while curses counts its code points; drawn as it is, moving the
# focus over it leaves cells on screen that a redraw (Ctrl-L) then clears.
case_ "an emoji sequence in a name leaves no stray cells"
EMOJI_ID=$(sql "SELECT id FROM person WHERE active ORDER BY name LIMIT 1 OFFSET 1")
sql "UPDATE person SET name = 'Anna 👩‍💼 Berg' WHERE id = '$EMOJI_ID'"
start 80x24
wait_for "[1 People]"
wait_for "Berg"
keys Down Down Up
poll 'cursor_line | grep -q Berg' 5
sleep 0.3
screen >"$TMP/before"
keys C-l
sleep 0.5
screen >"$TMP/after"
check_ 'cmp -s "$TMP/before" "$TMP/after"' \
	"the People list changed on a redraw: $(diff "$TMP/before" "$TMP/after" | head -4)"
check_ 'grep -q "^▸ Anna .*Berg  *[^ ]" "$TMP/after"' "the name is not in the focused row"
keys Enter
wait_for "Employee number"
keys Down Down Down Up
sleep 0.3
screen >"$TMP/before"
keys C-l
sleep 0.5
screen >"$TMP/after"
check_ 'cmp -s "$TMP/before" "$TMP/after"' \
	"the person view changed on a redraw: $(diff "$TMP/before" "$TMP/after" | head -4)"

finish
