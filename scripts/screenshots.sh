#!/bin/sh
# Screenshots of the real binary in a real terminal: xterm (DejaVu Sans
# Mono, 100x30) under a virtual X server, dark (white on black) and light
# (black on white), one image per section and a form, as PNG under OUT.
# tmux runs lup inside the xterm so that the keys can be typed and the
# screen read back before each picture; the demo and lup itself live on
# a fixed day, so the images change only when the screens do.
#
#   LUP=./lup OUT=doc/screenshots sh scripts/screenshots.sh
set -eu

LUP=${LUP:-./lup}
OUT=${OUT:-doc/screenshots}
DAY=2026-03-02
TMP=$(mktemp -d /tmp/lup-shots.XXXXXX)
SOCK=lup-shots-$$
DB=$TMP/demo.db
XPID="" TPID=""

cleanup() {
	tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true
	[ -z "$TPID" ] || kill "$TPID" 2>/dev/null || true
	[ -z "$XPID" ] || kill "$XPID" 2>/dev/null || true
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

mkdir -p "$OUT"
LUP=$(cd "$(dirname "$LUP")" && pwd)/$(basename "$LUP")
"$LUP" --db "$DB" demo --today "$DAY" >/dev/null

# A free display number.
d=90
while [ -e "/tmp/.X$d-lock" ] || [ -e "/tmp/.X11-unix/X$d" ]; do d=$((d + 1)); done
export DISPLAY=":$d"
Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
XPID=$!

# poll COND SECONDS: true as soon as COND holds.
poll() {
	n=$(($2 * 20))
	while [ $n -gt 0 ]; do
		eval "$1" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}
poll '[ -e /tmp/.X11-unix/X$d ]' 10 ||
	{ echo "screenshots: Xvfb did not start" >&2; exit 1; }

tm() { tmux -L "$SOCK" "$@"; }
on_screen() { tm capture-pane -p -t lup | grep -F -q -- "$1"; }
wait_for() {
	poll "on_screen '$1'" 10 || { echo "screenshots: never showed: $1" >&2; tm capture-pane -p -t lup >&2; exit 1; }
}

# shoot THEME BG FG: one xterm in those colours, lup in it with theme THEME.
shoot() {
	theme=$1 bg=$2 fg=$3
	printf '[ui]\ntheme = %s\n' "$theme" >"$TMP/lup.ini"
	tm -f /dev/null new-session -d -s lup -x 100 -y 30 \
		"env LC_ALL=C.UTF-8 LANG=C.UTF-8 LUP_CONFIG=$TMP/lup.ini DONT_FAKE_MONOTONIC=1 \
		 faketime -f '@$DAY 09:00:00' $LUP --db $DB" \; \
		set-option -g status off \; set-option -g default-terminal tmux-256color
	rm -f "$TMP/winid"
	xterm -geometry 100x30+0+0 -fa 'DejaVu Sans Mono' -fs 11 -bg "$bg" -fg "$fg" \
		-tn xterm-256color -b 6 -bw 0 +sb -xrm 'XTerm*cursorBlink: false' \
		-e sh -c "echo \$WINDOWID >$TMP/winid; exec tmux -L $SOCK attach -t lup" \
		>"$TMP/xterm.log" 2>&1 &
	TPID=$!
	poll '[ -s "$TMP/winid" ]' 10 || { echo "screenshots: xterm did not start" >&2; exit 1; }
	win=$(cat "$TMP/winid")
	wait_for "[1 People]"
	for s in "1 people People" "2 programme Programme" "3 shadowing Shadowing" \
	         "4 competence Competence" "5 reports Reports"; do
		set -- $s
		tm send-keys -t lup "$1"
		wait_for "[$1 $3]"
		snap "$win" "$OUT/$2-$theme.png"
	done
	tm send-keys -t lup 1
	wait_for "[1 People]"
	tm send-keys -t lup a
	wait_for "New person"
	tm send-keys -t lup -l "Ann Lind"
	wait_for "Ann Lind"
	snap "$win" "$OUT/form-$theme.png"
	tm send-keys -t lup Escape
	tm kill-server >/dev/null 2>&1 || true
	kill "$TPID" 2>/dev/null || true
	wait "$TPID" 2>/dev/null || true
	TPID=""
}

# snap WINDOW FILE: the window as PNG once the terminal has drawn what tmux
# shows (two equal pictures in a row), in 256 colours without dithering
# (a third of the size, the same to the eye) and without a time stamp, so
# that an unchanged screen makes an unchanged file.
snap() {
	prev=""
	for i in 1 2 3 4 5 6 7 8 9 10; do
		sleep 0.2
		import -silent -window "$1" "$TMP/shot.png"
		sum=$(convert "$TMP/shot.png" rgb:- | md5sum)
		[ "$sum" = "$prev" ] && break
		prev=$sum
	done
	convert "$TMP/shot.png" -strip -define png:exclude-chunks=date,time \
		-dither None -colors 256 "PNG8:$2"
	echo "screenshots: $2"
}

shoot dark black white
shoot light white black
