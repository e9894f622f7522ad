#!/bin/sh
# The shell: help, sections, the too-small notice, colours, quitting,
# signals and a terminal that goes away.
. tests/tui/lib.sh

for LOC in C.UTF-8 sv_SE.UTF-8; do
	if [ "$LOC" = C.UTF-8 ]; then
		TAB="[1 People]" HELP="Keys: People" HKEY="Show the keys of this screen" SMALL="too small: 60×20"
		PROG="[2 Programme]" NEW="New person" KEEP="Ann Lind"
	else
		TAB="[1 Personer]" HELP="Tangenter: Personer" HKEY="Visa tangenterna för den här skärmen"
		SMALL="för liten: 60×20" PROG="[2 Program]" NEW="Ny person" KEEP="Ann Lind"
	fi
	new_db 30

	case_ "help overlay"
	start 80x24
	wait_for "$TAB"
	keys ?
	wait_for "$HELP"
	wait_for "$HKEY"
	keys Escape
	wait_gone "$HELP"
	keys F1
	wait_for "$HELP"
	keys q
	wait_gone "$HELP"

	case_ "sections"
	keys 2
	wait_for "$PROG"
	keys Tab Tab Tab Tab
	wait_for "$TAB"
	keys BTab
	wait_for "[5 "
	keys 1
	wait_for "$TAB"

	case_ "resize in a form keeps the text"
	keys a
	wait_for "$NEW"
	text "$KEEP"
	resize 132x43
	wait_for "$KEEP"
	resize 60x20
	wait_for "$SMALL"
	keys q   # nothing happens while a form is open and nothing shows
	resize 80x24
	wait_for "$NEW"
	check_ 'on_screen "$KEEP"' "the typed name was lost"
	text " Berg"
	wait_for "$KEEP Berg"
	keys Escape
	wait_for "[ "   # asks before discarding
	keys y
	wait_gone "$NEW"

	case_ "too small at start, then large enough"
	keys q
	wait_exit
	start 60x20
	wait_for "$SMALL"
	resize 80x24
	wait_for "$TAB"
	resize 60x20
	wait_for "$SMALL"
	keys q
	wait_exit
	check_ '[ "$STATUS" = 0 ]' "q on the too-small screen: exit status $STATUS"
done

LOC=C.UTF-8
case_ "colour by default"
start 80x24
wait_for "[1 People]"
check_ 'tm capture-pane -p -e -t lup | grep -q "$(printf "\033")\[[0-9;]*4[0-7]m"' "no background colour on screen"
keys q; wait_exit

case_ "NO_COLOR"
start 80x24 NO_COLOR=1
wait_for "[1 People]"
check_ '! tm capture-pane -p -e -t lup | grep -q "$(printf "\033")\[[0-9;]*[34][0-7]m"' "colour despite NO_COLOR"
check_ 'tm capture-pane -p -e -t lup | grep -q "$(printf "\033")\[[0-9;]*7m"' "no reverse video for the focus"
keys q; wait_exit

case_ "[ui] theme = mono"
printf '[ui]\ntheme = mono\n' >"$CONFIG"
start 80x24
wait_for "[1 People]"
check_ '! tm capture-pane -p -e -t lup | grep -q "$(printf "\033")\[[0-9;]*[34][0-7]m"' "colour despite theme = mono"
keys q; wait_exit
: >"$CONFIG"

# The palettes: light draws headers blue and no text in green, yellow or
# cyan (unreadable on white); dark draws them cyan; the 256-colour forms
# use the colour cube.  auto follows COLORFGBG when the terminal does not
# say its background (tmux here does not).
esc=$(printf "\033")
sgr() { tm capture-pane -p -e -t lup | grep -q "$esc\[\([0-9;]*;\)\?$1m"; }
case_ "[ui] theme = light"
printf '[ui]\ntheme = light\n' >"$CONFIG"
start 80x24
wait_for "[1 People]"
wait_for "Name"
check_ 'sgr 34' "no blue header with theme = light"
check_ '! sgr 3[236]' "green, yellow or cyan text with theme = light"
check_ '! sgr 30' "black text (bold black turns grey) with theme = light"
keys q; wait_exit
start 80x24 TERM=xterm-256color
wait_for "[1 People]"
check_ 'sgr "38;5;24"' "no cube blue header with theme = light in 256 colours"
keys q; wait_exit

case_ "[ui] theme = dark"
printf '[ui]\ntheme = dark\n' >"$CONFIG"
start 80x24
wait_for "[1 People]"
wait_for "Name"
check_ 'sgr 36' "no cyan header with theme = dark"
check_ '! sgr 34' "blue text with theme = dark"
keys q; wait_exit
start 80x24 TERM=xterm-256color NO_COLOR=1
wait_for "[1 People]"
check_ 'sgr "38;5;80"' "no cube cyan header with theme = dark in 256 colours despite NO_COLOR"
keys q; wait_exit
: >"$CONFIG"

case_ "theme = auto follows COLORFGBG"
start 80x24 "COLORFGBG='0;15'"
wait_for "Name"
check_ 'sgr 34' "no light palette for COLORFGBG=0;15"
keys q; wait_exit
start 80x24 "COLORFGBG='15;0'"
wait_for "Name"
check_ 'sgr 36' "no dark palette for COLORFGBG=15;0"
keys q; wait_exit
start 80x24 COLORFGBG=
wait_for "Name"
check_ '! sgr 3[2346]' "coloured text on a background not known"
check_ 'sgr 4' "no underlined headers on a background not known"
keys q; wait_exit

case_ "SIGTERM ends it cleanly"
start 80x24
wait_for "[1 People]"
kill -TERM "$(lup_pid)"
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS after SIGTERM"

case_ "the terminal going away ends it"
start 80x24
wait_for "[1 People]"
pid=$(lup_pid)
check_ '[ -n "$pid" ]' "no lup process"
tm kill-session -t lup
check_ 'poll "! kill -0 $pid 2>/dev/null" 10' "lup still runs after its terminal went away"

case_ "refuses without a terminal"
"$LUP" --db "$DB" </dev/null >"$TMP/out" 2>"$TMP/err"; rc=$?
check_ '[ $rc = 1 ]' "exit status $rc without a terminal"
check_ 'grep -q "needs a terminal" "$TMP/err"' "no message without a terminal"
finish
