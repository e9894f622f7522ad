#!/bin/sh
# The People list at 300 and at 50,000 people: start to first frame, and
# keypress to redraw, through lup's headless mode (LUP_KEYS=FILE: keys from
# a file through the same dispatch, output to a null terminal).  Prints
# figures; it does not pass or fail on them.  Target: at 50,000 both within
# 1.5x of those at 300, and every keypress under 16 ms.
. tests/bench/lib.sh
dir="$B/bench-tui"
mkdir -p "$dir"

# The keys: moving, paging, both ends, filtering letter by letter, sorting,
# opening a person and a form, and back.
cat >"$dir/keys" <<'KEYS'
j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j
PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn
k k k k k k k k k k PgUp PgUp PgUp
G k k k k PgUp g j j
/ "a" "n" "n" "a" BS BS Esc
/ "svensson" Enter j j j Esc
s j j PgDn s j j PgDn G s g
Enter q j Enter q
a Esc e Esc
KEYS
printf 'q\n' >"$dir/quit"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "?" }'; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
now_ns() { date +%s%N; }

for n in 300 50000; do
	db=$(bench_demo $n) || { echo "bench: no database of $n people"; exit 1; }
	: >"$dir/ff-$n"; : >"$dir/ffc-$n"; : >"$dir/wall-$n"
	for i in 1 2 3 4 5 6 7; do
		t0=$(now_ns)
		LUP_KEYS="$dir/quit" "$LUP" --db "$db" 2>"$dir/out" </dev/null >/dev/null
		t1=$(now_ns)
		field first_frame_ms <"$dir/out" >>"$dir/ff-$n"
		field first_frame_cpu_ms <"$dir/out" >>"$dir/ffc-$n"
		echo "$(( (t1 - t0) / 1000 ))" | awk '{ printf "%.2f\n", $1 / 1000 }' >>"$dir/wall-$n"
	done
	LUP_KEYS="$dir/keys" "$LUP" --db "$db" 2>"$dir/keys-$n.out" </dev/null >/dev/null
	line=$(grep tui-bench "$dir/keys-$n.out")
	eval "ff_$n=$(median <"$dir/ff-$n") ffc_$n=$(median <"$dir/ffc-$n") wall_$n=$(median <"$dir/wall-$n")"
	eval "mean_$n=$(echo "$line" | field mean_ms) p95_$n=$(echo "$line" | field p95_ms)"
	eval "max_$n=$(echo "$line" | field max_ms) maxkey_$n=$(echo "$line" | field max_key)"
	eval "cmean_$n=$(echo "$line" | field cpu_mean_ms) cp95_$n=$(echo "$line" | field cpu_p95_ms)"
	eval "cmax_$n=$(echo "$line" | field cpu_max_ms) idle_$n=$(echo "$line" | field idle_max_ms)"
	eval "keys_$n=$(echo "$line" | field keys)"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "?" }'; }
printf 'tui bench (%sx%s, median of 7 starts; %s keys each)\n' "$COLUMNS" "$LINES" "$keys_300"
printf '%-34s %10s %10s %7s\n' "" "300" "50000" "ratio"
printf '%-34s %10s %10s %7s\n' "start to first frame (ms, in lup)" "$ff_300" "$ff_50000" "$(ratio "$ff_300" "$ff_50000")"
printf '%-34s %10s %10s %7s\n' "start to first frame, CPU (ms)" "$ffc_300" "$ffc_50000" "$(ratio "$ffc_300" "$ffc_50000")"
printf '%-34s %10s %10s %7s\n' "whole run of 'q' (ms, process)" "$wall_300" "$wall_50000" "$(ratio "$wall_300" "$wall_50000")"
printf '%-34s %10s %10s %7s\n' "keypress to redraw, mean (ms)" "$mean_300" "$mean_50000" "$(ratio "$mean_300" "$mean_50000")"
printf '%-34s %10s %10s %7s\n' "keypress to redraw, p95 (ms)" "$p95_300" "$p95_50000" "$(ratio "$p95_300" "$p95_50000")"
printf '%-34s %10s %10s\n' "slowest keypress (ms)" "$max_300 ($maxkey_300)" "$max_50000 ($maxkey_50000)"
printf '%-34s %10s %10s %7s\n' "keypress, CPU time, mean (ms)" "$cmean_300" "$cmean_50000" "$(ratio "$cmean_300" "$cmean_50000")"
printf '%-34s %10s %10s %7s\n' "keypress, CPU time, p95 (ms)" "$cp95_300" "$cp95_50000" "$(ratio "$cp95_300" "$cp95_50000")"
printf '%-34s %10s %10s\n' "keypress, CPU time, max (ms)" "$cmax_300" "$cmax_50000"
printf '%-34s %10s %10s\n' "count/position put off, max (ms)" "$idle_300" "$idle_50000"
printf '%s\n' "(wall times include waiting for a busy CPU; the whole run includes" \
  " opening the database and loading lup's libraries; the count of a filter's" \
  " matches and a row's position are done once no key is waiting)"
