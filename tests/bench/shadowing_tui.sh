#!/bin/sh
# The Shadowing screens at 300 and at 50,000 people (`lup demo --people N`),
# and with 5,000 host organisations added to the larger one: keypress to
# redraw through lup's headless mode (LUP_KEYS=FILE), in wall and CPU time.
# Prints figures; it does not pass or fail on them.  Target: every keypress
# on the network list under 16 ms.
. tests/bench/lib.sh
dir="$B/bench-shadowing"
mkdir -p "$dir"

p300=$(bench_demo 300) && p50000=$(bench_demo 50000) || { echo "bench: lup demo failed"; exit 1; }
hosts="$dir/hosts.db"
# 5,000 more hosts, copies of the demo's, and a third of the placements
# spread over them.
if [ ! -s "$dir/hosts.db" ]; then
	bench_copy "$p50000" "$dir/hosts.db"
	sqlite3 "$dir/hosts.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
		INSERT INTO host_org (id, name, type, country, city, networks, capacity, search, sort_name,
		                      created_at, updated_at)
		SELECT printf('%08x-%04x-4%03x-8%03x-%012x', n.i, n.i % 65536, n.i % 4096, n.i % 4096, n.i),
		       h.name || ' ' || n.i, h.type, h.country, h.city, h.networks, h.capacity,
		       h.search || ' ' || n.i, h.sort_name || printf('%05d', n.i), h.created_at, h.updated_at
		FROM n JOIN host_org h ON h.rowid = 1 + (n.i % 17);
		UPDATE placement SET host_id = (SELECT id FROM host_org WHERE rowid = 18 + (placement.rowid * 7) % 5000)
		WHERE rowid % 3 = 0;" || { echo "bench: adding hosts failed"; exit 1; }
fi

# The network list: moving, paging, both ends, the text filter, sorting,
# the country and network pick lists, a host and back.
cat >"$dir/network.keys" <<'KEYS'
3
j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j
PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn
PgUp PgUp PgUp G k k g
/ "c" "i" "t" "y" BS BS BS BS Esc
/ "tartu" Enter j j Esc
s j j PgDn s j j
c "p" "o" "l" Down Enter
j j PgDn
n "u" "b" Down Enter
j j PgDn G
Esc
Enter j j q
KEYS
# The pipeline and the summary.
cat >"$dir/pipeline.keys" <<'KEYS'
3 v
j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j
PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn
PgUp PgUp PgUp G k k g
/ "s" "a" "r" "a" Enter j j Esc
/ "tartu" Enter j j Esc
s j j PgDn s
Enter q
v j j PgDn G g
KEYS

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
run() {   # run DB KEYS
	LUP_KEYS="$dir/$2.keys" LUP_KEYS_TIMES="$dir/$1-$2.times" "$LUP" --db "$(eval echo \"\$$1\")" \
		</dev/null >/dev/null 2>"$dir/$1-$2.out"
	line=$(grep tui-bench "$dir/$1-$2.out")
	slow=$(sort -k3 -n -r "$dir/$1-$2.times" | head -1 | awk '{ print $1 " " $3 }')
	printf '%-10s %-9s %5s %8s %8s %8s %8s %8s   %s\n' "$1" "$2" "$(echo "$line" | field keys)" \
		"$(echo "$line" | field mean_ms)" "$(echo "$line" | field p95_ms)" \
		"$(echo "$line" | field cpu_mean_ms)" "$(echo "$line" | field cpu_p95_ms)" \
		"$(echo "$line" | field cpu_max_ms)" "$slow"
}
printf 'shadowing tui bench (%sx%s)\n' "$COLUMNS" "$LINES"
printf '%-10s %-9s %5s %8s %8s %8s %8s %8s   %s\n' db screen keys mean p95 cpu_mean cpu_p95 cpu_max \
	"slowest key (cpu ms)"
for db in p300 p50000 hosts; do
	run "$db" network
	run "$db" pipeline
done
echo "(ms per keypress; 'hosts' is 50,000 people with 5,017 host organisations)"
