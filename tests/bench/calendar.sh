#!/bin/sh
# The calendar at 300 and at 50,000 people (190 and about 30,000 sessions):
# keypress to redraw while paging the agenda and while moving through the
# month grid, through lup's headless mode (LUP_KEYS=FILE).  Prints figures;
# it does not pass or fail on them.  A session's conflicts are counted once
# no key is waiting (idle): the slowest such pass is shown apart.
. tests/bench/lib.sh
dir="$B/bench-tui"
mkdir -p "$dir"

# Open the calendar, then page: down row by row, by pages, back, both
# ends, to a typed date, week by week.
cat >"$dir/cal-agenda" <<'KEYS'
C
j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j
PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn
k k k k k k k k k k PgUp PgUp PgUp PgUp PgUp
g j j j PgDn PgDn G k k k PgUp
: "2015-09-14" Enter j j PgDn PgUp
l l l l h h h h t
Enter q
KEYS
# Open it, go to a month with sessions, then move: days, weeks, months,
# to the agenda and back, today.
cat >"$dir/cal-month" <<'KEYS'
C : "2015-09-14" Enter m
l l l l l l l l l l h h h h h
j j j j k k k k
PgDn PgDn PgDn PgDn PgDn PgDn PgUp PgUp PgUp PgUp PgUp PgUp
G g t : "2016-03" Enter l l
Enter m PgDn PgUp
KEYS

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
for n in 300 50000; do
	db=$(bench_demo $n) || { echo "bench: no database of $n people"; exit 1; }
	eval "sessions_$n=$(sqlite3 "$db" "SELECT count(*) FROM session")"
	for v in agenda month; do
		LUP_KEYS="$dir/cal-$v" "$LUP" --db "$db" 2>"$dir/cal-$v-$n.out" </dev/null >/dev/null
		line=$(grep tui-bench "$dir/cal-$v-$n.out")
		for f in mean_ms p95_ms max_ms max_key cpu_mean_ms cpu_p95_ms cpu_max_ms idle_max_ms keys; do
			eval "${v}_${f}_$n=\$(echo \"\$line\" | field $f)"
		done
	done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "?" }'; }
printf 'calendar bench (%sx%s; %s and %s sessions)\n' "$COLUMNS" "$LINES" "$sessions_300" "$sessions_50000"
printf '%-36s %10s %10s %7s\n' "" "300" "50000" "ratio"
for v in agenda month; do
	eval "k=\$${v}_keys_300"
	printf '%s (%s keys)\n' "$v" "$k"
	for f in mean_ms p95_ms cpu_mean_ms cpu_p95_ms cpu_max_ms idle_max_ms; do
		eval "a=\$${v}_${f}_300 b=\$${v}_${f}_50000"
		printf '  %-34s %10s %10s %7s\n' "$f" "$a" "$b" "$(ratio "$a" "$b")"
	done
	eval "a=\$${v}_max_ms_300 ak=\$${v}_max_key_300 b=\$${v}_max_ms_50000 bk=\$${v}_max_key_50000"
	printf '  %-34s %10s %10s\n' "slowest key (ms)" "$a ($ak)" "$b ($bk)"
done
printf '%s\n' "(keypress to redraw; idle: the conflicts of the rows on screen, counted" \
  " a few at a time once no key is waiting, and the sessions in all)"
