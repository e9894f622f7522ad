#!/bin/sh
# Two windows on one database at 50,000 people: the core figures of
# two_windows.c, then the whole way from a change written by another
# process to the People list showing it (lup in tmux, polling its screen
# every 20 ms).  Prints figures; it passes or fails on nothing.
. tests/bench/lib.sh
unset LINES COLUMNS   # lup runs in tmux, at the size of its window
dir="$B/bench-tui"
mkdir -p "$dir"
src=$(bench_demo 50000) || exit 1
bench_copy "$src" "$dir/two-windows.db"
db="$dir/two-windows.db"
cc -Iinclude -Isrc -D_DEFAULT_SOURCE -O2 -o "$B/bench-two-windows" tests/bench/two_windows.c \
	"$B/liblupcore.a" $(pkg-config --libs sqlite3 libsodium 2>/dev/null || echo -lsqlite3 -lsodium) \
	-lical -licalss -licalvcal -liniparser -lcsv -lm -pthread || exit 1
echo "core, at 50,000 people:"
"$B/bench-two-windows" "$db" || exit 1

command -v tmux >/dev/null 2>&1 || { echo "(no tmux: the end-to-end figure is left out)"; exit 0; }
sock="lup-bench-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1' EXIT
tm new-session -d -s a -x 100 -y 30 "env LC_ALL=C.UTF-8 LUP_CONFIG= TERM=screen $LUP --db $db"
i=0
until tm capture-pane -p -t a | grep -q "of 50000"; do
	sleep 0.05; i=$((i + 1)); [ $i -gt 400 ] && { echo "lup did not start"; exit 1; }
done
id=$(sqlite3 "$db" "SELECT id FROM person ORDER BY sort_name, id LIMIT 1")
: >"$dir/two-windows.ms"
for r in 1 2 3 4 5 6 7 8 9; do
	unit="Enhet $r$$"
	t0=$(date +%s%N)
	sqlite3 -cmd '.timeout 3000' "$db" "UPDATE person SET org_unit = '$unit' WHERE id = '$id'"
	until tm capture-pane -p -t a | grep -q "$unit"; do
		sleep 0.02
		[ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 5000 ] && break
	done
	echo $(( ($(date +%s%N) - t0) / 1000000 )) >>"$dir/two-windows.ms"
done
tm send-keys -t a q
printf '%-58s %9s ms (median of 9; min %s, max %s)\n' \
	"another process's change shown by the People list" \
	"$(sort -n "$dir/two-windows.ms" | sed -n 5p)" "$(sort -n "$dir/two-windows.ms" | head -1)" \
	"$(sort -n "$dir/two-windows.ms" | tail -1)"
echo "(the list looks for changes every 250 ms while no key comes; the figure"
echo " includes starting sqlite3 for the write and tmux reading the screen)"
