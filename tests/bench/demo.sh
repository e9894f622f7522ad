#!/bin/sh
# Benchmark: how long `lup demo` takes to fill a new database, its peak
# memory (the goal: under 32 MB at 50,000 people), and how large the
# database grows.  Prints figures; asserts nothing.
#   LUP           the binary (./lup)
#   B             the build folder for the scratch databases (build)
#   BENCH_PEOPLE  the sizes to fill ("300 50000")
#   BENCH_RUNS    runs per size with hyperfine (3); one run without it
set -u
LUP=${LUP:-./lup}
B=${B:-build}
case "$LUP" in /*) ;; *) LUP="$PWD/$LUP" ;; esac
sizes=${BENCH_PEOPLE:-300 50000}
runs=${BENCH_RUNS:-3}
dir="$B/bench"
mkdir -p "$dir"
db="$dir/demo.db"
export LUP_CONFIG=""

clean() { rm -f "$db" "$db-wal" "$db-shm" "$db-journal"; }

for n in $sizes; do
	if command -v hyperfine >/dev/null 2>&1; then
		csv="$dir/demo-$n.csv"
		hyperfine --style none --runs "$runs" --export-csv "$csv" \
			--prepare "rm -f '$db' '$db-wal' '$db-shm'" \
			"'$LUP' --db '$db' demo --people $n" >/dev/null 2>&1 || {
			echo "bench demo: lup demo --people $n failed"; exit 1; }
		# command,mean,stddev,median,user,system,min,max
		t=$(awk -F, 'NR == 2 { printf "%.3f s (min %.3f, max %.3f, user %.3f, system %.3f; %s runs)", \
			$2, $7, $8, $5, $6, "'"$runs"'" }' "$csv")
	else
		clean
		t0=$(date +%s.%N)
		"$LUP" --db "$db" demo --people "$n" >/dev/null || {
			echo "bench demo: lup demo --people $n failed"; exit 1; }
		t1=$(date +%s.%N)
		t=$(echo "$t0 $t1" | awk '{ printf "%.3f s (1 run)", $2 - $1 }')
	fi
	# its peak memory: one more run under GNU time, when it is there
	mb="?"
	if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
		clean
		/usr/bin/time -f %M -o "$dir/demo.rss" "$LUP" --db "$db" demo --people "$n" >/dev/null 2>&1 &&
			mb=$(awk '{ m = $1 } END { printf "%.0f", m / 1024 }' "$dir/demo.rss")
	fi
	size=$(stat -c %s "$db")
	rows=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM person) || ' people, ' || \
		(SELECT count(*) FROM session) || ' sessions, ' || (SELECT count(*) FROM attendance) || \
		' attendance, ' || (SELECT count(*) FROM checkin) || ' check-ins, ' || \
		(SELECT count(*) FROM rating) || ' ratings'" 2>/dev/null)
	printf 'demo --people %s: %s; peak memory %s MB; database %s MiB (%s)\n' "$n" "$t" "$mb" \
		"$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }')" "$rows"
	clean
done
