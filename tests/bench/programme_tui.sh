#!/bin/sh
# The Programme screens at 300 and at 50,000 people (`lup demo --people N`),
# through lup's headless mode: opening the section, moving through the
# cohorts, opening a running cohort, and marking 16 people present in a
# session's register.  Prints figures per kind of key; passes or fails on
# nothing.  Target: every keypress under 16 ms of CPU at 50,000.
. tests/bench/lib.sh
dir="$B/bench-programme-tui"
mkdir -p "$dir"

for n in 300 50000; do
	src=$(bench_demo $n) || { echo "bench: lup demo failed"; exit 1; }
	db="$dir/run.db"   # marks attendance: a copy
	bench_copy "$src" "$db"
	# How far from the end of the cohort list the last running cohort is
	# (its first session begun, its last not yet ended: lup's rule).
	back=$(sqlite3 "$db" "WITH o AS (SELECT row_number() OVER (ORDER BY coalesce(c.start_date,
	  '9999-12-31') DESC, c.id DESC) AS r,
	  (SELECT min(substr(starts_at, 1, 10)) FROM session s WHERE s.cohort_id = c.id) AS f,
	  (SELECT max(substr(ends_at, 1, 10)) FROM session s WHERE s.cohort_id = c.id) AS l FROM cohort c)
	  SELECT min(r) - 1 FROM o WHERE f <= date('now', 'localtime') AND l >= date('now', 'localtime')")
	{
		echo 2
		echo "j j j j j j j j j j j j j j j j j j j j PgDn PgDn PgDn PgUp PgUp g"
		echo G
		i=0; while [ "$i" -lt "${back:-0}" ]; do printf 'k '; i=$((i + 1)); done; echo
		echo Enter Enter
		echo p p p p p p p p p p p p p p p p
		echo "q Tab j j Tab q q"
	} >"$dir/keys-$n"
	LUP_KEYS_TIMES="$dir/times-$n" LUP_KEYS="$dir/keys-$n" "$LUP" --db "$db" \
		2>"$dir/out-$n" </dev/null >/dev/null
	echo "== $n people ($(sqlite3 "$db" "SELECT count(*) FROM cohort") cohorts)"
	grep -o 'first_frame_ms=[^ ]* .*' "$dir/out-$n" | sed 's/^/  /' | fold -s -w 100
	# per key: count, mean and max wall time, mean CPU time
	awk '{ k = $1; n[k]++; s[k] += $2; c[k] += $3; if ($2 > m[k]) m[k] = $2 }
	     END { for (k in n) printf "  %-6s %4d keys  mean %7.3f ms  max %7.3f ms  cpu mean %7.3f ms\n",
	           k, n[k], s[k] / n[k], m[k], c[k] / n[k] }' "$dir/times-$n" | sort
done
echo "(2 opens the section, G/k/j/PgDn/PgUp/g move through the cohorts, Enter opens"
echo " a cohort and then a session's register, p marks present; the programme's"
echo " progress and the sessions' conflicts are counted once no key waits: idle_max_ms)"
