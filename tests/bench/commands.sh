#!/bin/sh
# Every command at 300 people and at 50,000 (lup demo --people N): its
# wall time and its peak memory (maximum resident set), and how a writing
# command's start grows with the file (a dry run of an import of a file
# without rows: opening the database as a writing command does, and
# nothing else).  The goal: every command under 32 MB at 50,000 people, a
# writing command's start at 50,000 within twice its start at 300.
# Prints figures; passes or fails on nothing.
. tests/bench/lib.sh
dir="$B/bench-commands"
mkdir -p "$dir"

db300=$(bench_demo 300) && db50k=$(bench_demo 50000) || { echo "bench: no demonstration database"; exit 1; }
# person erase and the like write: work on copies
bench_copy "$db300" "$dir/300.db"; bench_copy "$db50k" "$dir/50000.db"
printf 'Namn\n' >"$dir/empty.csv"

now() { date +%s%N; }
# one DB ARGS…: "wall-ms rss-MB" of lup --db DB ARGS…
one() {
	_db=$1; shift
	t0=$(now)
	bench_rss "$dir/rss" "$LUP" --db "$_db" "$@" >/dev/null 2>"$dir/err" </dev/null
	t1=$(now)
	awk -v t="$(( (t1 - t0) / 1000 ))" -v m="$(tail -1 "$dir/rss")" \
		'BEGIN { printf "%.0f %s\n", t / 1000, m == "?" ? "?" : sprintf("%.1f", m / 1024) }'
}

# The commands, with what they need from each database ({P} a person's
# e-mail, {C} a cohort, {S} a session of it, {O} an output file).
cat >"$dir/commands" <<'EOF'
check
backup {O}
export people -o {O}
export people --format json -o {O}
export attendance -o {O}
export checkins -o {O}
export ratings -o {O}
export ics -o {O}
report -o {O}
report --format html -o {O}
person show {P}
person profile {P}
person export {P} -o {O}
framework list
framework show digcomp
target roles
round list
print participants {C} -o {O}
print sheet {S} -o {O}
import people {E} --dry-run
purge --dry-run
EOF

fill() {   # fill DB LINE
	p=$(sqlite3 "$1" "SELECT email FROM person WHERE email IS NOT NULL AND id IN (SELECT person_id FROM checkin) ORDER BY rowid LIMIT 1")
	c=$(sqlite3 "$1" "SELECT c.name FROM cohort c WHERE EXISTS (SELECT 1 FROM enrolment e WHERE e.cohort_id = c.id) ORDER BY c.rowid LIMIT 1")
	s=$(sqlite3 "$1" "SELECT '$c' || '@' || substr(min(s.starts_at), 1, 16) FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE c.name = '$(echo "$c" | sed "s/'/''/g")'")
	printf '%s\n' "$2" | sed -e "s|{P}|$p|" -e "s|{C}|'$c'|" -e "s|{S}|'$s'|" -e "s|{O}|$dir/out|" -e "s|{E}|$dir/empty.csv|"
}

printf 'commands: wall ms and peak memory (MB)\n'
printf '%-36s %16s %16s\n' "" "300 people" "50,000 people"
while IFS= read -r cmd; do
	a=$(eval "one '$dir/300.db' $(fill "$dir/300.db" "$cmd")")
	b=$(eval "one '$dir/50000.db' $(fill "$dir/50000.db" "$cmd")")
	printf '%-36s %9s ms %4s %9s ms %4s\n' "$cmd" $a $b
done <"$dir/commands"

# A writing command's start: the best of five at each size.
best() {
	b=""
	for i in 1 2 3 4 5; do
		t0=$(now)
		"$LUP" --db "$1" import people "$dir/empty.csv" --dry-run >/dev/null 2>&1 </dev/null
		t1=$(now)
		b=$(awk -v t="$(( (t1 - t0) / 1000 ))" -v b="$b" 'BEGIN { t /= 1000; if (b == "" || t < b) b = t; printf "%.1f", b }')
	done
	echo "$b"
}
s300=$(best "$dir/300.db"); s50k=$(best "$dir/50000.db")
printf "a writing command's start: %s ms at 300 people, %s ms at 50,000 (%s×; %s and %s MB files)\n" \
	"$s300" "$s50k" "$(awk -v a="$s300" -v b="$s50k" 'BEGIN { printf "%.2f", b / a }')" \
	"$(awk -v s="$(wc -c <"$dir/300.db")" 'BEGIN { printf "%.0f", s / 1e6 }')" \
	"$(awk -v s="$(wc -c <"$dir/50000.db")" 'BEGIN { printf "%.0f", s / 1e6 }')"
rm -f "$dir/300.db"* "$dir/50000.db"* "$dir/out" "$dir/rss" "$dir/err"
printf '%s\n' "(a writing command reads the whole file first only after an unclean end or" \
  " before an upgrade: lup(1), SAFETY)"
