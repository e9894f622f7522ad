#!/bin/sh
# Every screen at 300 people, at 50,000 (lup demo --people N) and at 50,000
# with about a million ratings (tests/bench/ratings.sql), through lup's
# headless mode (LUP_KEYS, LUP_KEYS_TIMES): the CPU time of the key that
# opens the screen (its first frame; for the People list, lup's own first
# frame), the slowest key on it, the longest piece of work put off until
# no key waits (counts, positions, the heat map's slices; a key pressed
# meanwhile waits for the piece under way), and the peak memory of the
# whole run.  The goal: every first frame and every key under 16 ms of
# CPU at 50,000 people, and under 32 MB resident.  Prints figures; passes
# or fails on nothing.
. tests/bench/lib.sh
dir="$B/bench-screens"
mkdir -p "$dir"

# name|keys that open it|keys on it (key names as in [keys]; "text" typed)
cat >"$dir/screens" <<'EOF'
People list||j j j j j j j j j j PgDn PgDn PgDn G k g / "a" "n" BS BS Esc s s s
A person|Enter|j j PgDn PgUp
Person form|a|Tab Tab Tab Tab
Programme: cohorts|2|j j j j j PgDn PgDn G k g
A cohort|2 Enter|j j Tab j j Tab
Register|2 Enter r|p p p p j j
Calendar|C|j j j PgDn PgDn G g m l l j PgDn
Shadowing: network|3|j j j PgDn PgDn G g / "a" Esc s
A host|3 Enter|j j
Pipeline|3 v|j j PgDn G g / "s" Esc
A placement|3 v Enter|j j
Shadowing summary|3 v v|j j PgDn G g
Due list|4|j j j j j j j j j j PgDn PgDn PgDn G k g / "a" "n" BS BS Esc
Heat map|4 v|j j PgDn G g
Frameworks|4 v v|j j
Rounds|4 v v v|j j
A person's check-ins|4 Enter|j j
Rating sheet|4 Enter a ^S|5 3 4 2 6 3 4 5 2 3 n BS PgDn PgUp
Gaps|4 Enter t|j j PgDn G g
Reports|5|j j PgDn G g
Help|?|j j PgDn
EOF

# run DB NAME OPEN ON: one screen; prints "open slowest longest ready rss":
# CPU of the key that opens it and of the slowest key on it, the longest
# piece of work put off, all the work put off right after it opened (wall
# ms), peak memory (MB)
run() {
	printf '%s\n%s\n' "$3" "$4" >"$dir/keys"
	set -f   # a key named ? is no pattern
	set -- $3
	set +f
	nopen=$#
	bench_rss "$dir/rss" env LUP_KEYS="$dir/keys" LUP_KEYS_TIMES="$dir/times" "$LUP" --db "$db" \
		</dev/null >/dev/null 2>"$dir/out"
	first=$(sed -n 's/.*first_frame_cpu_ms=\([^ ]*\).*/\1/p' "$dir/out")
	idle=$(sed -n 's/.*idle_max_ms=\([^ ]*\).*/\1/p' "$dir/out")
	awk -v nopen="$nopen" -v first="$first" -v idle="${idle:-0}" -v rss="$(tail -1 "$dir/rss")" '
		{ cpu[NR] = $3; put[NR] = $4 }
		END {
			open = nopen ? cpu[nopen] : first
			for (i = nopen + 1; i <= NR; i++) if (cpu[i] > slow) slow = cpu[i]
			printf "%.1f %.1f %.0f %.0f %s\n", open, slow, idle, nopen ? put[nopen] : 0,
			       rss == "?" ? "?" : sprintf("%.0f", rss / 1024)
		}' "$dir/times"
}

db300=$(bench_demo 300) && db50k=$(bench_demo 50000) && db1m=$(bench_ratings) ||
	{ echo "bench: no demonstration database"; exit 1; }
# the rating sheet writes a draft: work on copies
bench_copy "$db300" "$dir/300.db"; bench_copy "$db50k" "$dir/50k.db"; bench_copy "$db1m" "$dir/1m.db"
ratings=$(sqlite3 "$dir/1m.db" "SELECT count(*) FROM rating")

printf 'screens (%sx%s): CPU ms of the key that opens each (its first frame) / of the\n' "$COLUMNS" "$LINES"
printf 'slowest key on it; with a million ratings (%s) also the longest piece of work put\n' "$ratings"
printf 'off until no key waits and all of it right after opening (wall ms); peak memory (MB)\n'
printf '%-21s %11s %11s %11s %6s %6s %9s\n' "" "300" "50,000" "+1M ratings" "piece" "ready" "MB 50k/1M"
while IFS='|' read -r name open on; do
	db="$dir/300.db"; set -- $(run "$db" "$name" "$open" "$on"); a="$1 / $2"
	db="$dir/50k.db"; set -- $(run "$db" "$name" "$open" "$on"); b="$1 / $2"; mb=$5
	db="$dir/1m.db"; set -- $(run "$db" "$name" "$open" "$on"); c="$1 / $2"
	printf '%-21s %11s %11s %11s %6s %6s %9s\n' "$name" "$a" "$b" "$c" "$3" "$4" "$mb / $5"
done <"$dir/screens"
rm -f "$dir/300.db"* "$dir/50k.db"* "$dir/1m.db"*
printf '%s\n' "(the heat map and the Reports screen's figures are worked out in slices of" \
  " about 8 ms while no key waits: their ready column is how long until they are" \
  " complete)"
