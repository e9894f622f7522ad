#!/bin/sh
# Names with terminal escapes and bidirectional overrides never reach the
# terminal as such: the screen shows them as marks, the title stays.
. tests/tui/lib.sh

ESC=$(printf '\033') BEL=$(printf '\007') RLO=$(printf '\342\200\256')
new_db 0
{
	printf 'Namn,E-post\n'
	printf '"Eve %s]2;owned%s%s[2J Ek",eve@example.org\n' "$ESC" "$BEL" "$ESC"
	printf '"Rolf %sgnp.exe",rolf@example.org\n' "$RLO"
} >"$TMP/hostile.csv"
"$LUP" --db "$DB" import people "$TMP/hostile.csv" >/dev/null 2>&1

case_ "an escape in a name neither retitles nor clears the terminal"
start 80x24
wait_for "Eve"
wait_for "rolf@example"
check_ '[ "$(pane "#{pane_title}")" != owned ]' "the name retitled the terminal"
check_ 'screen | grep -q "Eve  ]2;owned"' "the name is not shown with its escape as a mark"

case_ "a bidirectional override is shown as a mark, not obeyed"
check_ '! screen | grep -q "$RLO"' "the override reached the terminal"
check_ 'screen | grep -q "Rolf �gnp.exe"' "the override is not shown as a mark"
keys q
wait_exit

finish
