#!/bin/sh
# Import and report at 50,000 people.  Prints figures; passes or fails on
# nothing.  The CSV file and the import's databases are made here, in
# $B/bench; the report reads the shared demonstration (tests/bench/lib.sh).
#
#  - lup import people of a generated 50,000-row CSV file into a fresh
#    database, against SQLite's own shell loading the same rows into lup's
#    own person table (its UUID key, unique e-mail and employee number,
#    timestamps, the search and sort columns and the indexes that make
#    filtering instant): the goal is lup at least as fast (ratio 1.00 or
#    more).  Best of three each, as rows a second;
#  - for scale, the sqlite3 shell's .import --csv of the file into a plain
#    table of the same columns, and into the smallest person table lup's
#    data model allows, the floor for any import into it;
#  - lup report on the 50,000-person demonstration (lup demo --people N).
. tests/bench/lib.sh
N=${BENCH_PEOPLE:-50000}
W="$B/bench"
mkdir -p "$W"

now() { date +%s.%N; }
# best CMD…: run it three times after `fresh`, print the fastest in seconds.
best() {
	b=""
	for i in 1 2 3; do
		fresh
		t0=$(now)
		"$@" >/dev/null 2>"$W/err" || { echo "bench: $* failed:" >&2; cat "$W/err" >&2; return 1; }
		t1=$(now)
		b=$(awk -v a="$t0" -v z="$t1" -v b="$b" 'BEGIN { t = z - a; if (b == "" || t < b) b = t; printf "%.3f", b }')
	done
	echo "$b"
}

# ---- The file: Swedish names, units and roles; every tenth person has a
# manager, named by employee number, sometimes before the manager's row.
CSV="$W/people$N.csv"
awk -v n="$N" 'BEGIN {
	split("Anna Åsa Björn Cecilia David Eva Filip Greta Hugo Ingrid Johan Karin Lars Märta Nils Örjan Pia Rolf Sara Tove", fn, " ")
	split("Andersson Berg Ek Dahl Öberg Lindqvist Nilsson Åkesson Holm Ström Sjöberg Lund Frost Gran Ivarsson", ln, " ")
	split("Förskola,Grundskola,Gymnasium,Vård och omsorg,Individ & familj,Teknik,Kultur och fritid,Ekonomi,IT,Stadsbyggnad", un, ",")
	split("Enhetschef,Rektor,Förskolechef,Verksamhetschef,Avdelningschef,Gruppchef,Förvaltningschef", ro, ",")
	print "Namn,E-post,Enhet,Roll,Chef,Anställningsnummer,Telefon"
	for (i = 1; i <= n; i++) {
		f = fn[1 + i % 20]; l = ln[1 + int(i / 20) % 15]
		m = (i % 10 == 0) ? sprintf("E%06d", (i * 7) % n + 1) : ""
		if (m == sprintf("E%06d", i)) m = ""
		printf "%s %s,%s.%s.%d@kungsbacka.se,\"%s, område %d\",%s,%s,E%06d,0300-%06d\n",
			f, l, tolower(f), tolower(l), i, un[1 + i % 10], 1 + i % 37, ro[1 + i % 7], m, i, i
	}
}' >"$CSV"
size=$(wc -c <"$CSV")

# lup imports into an empty database made by lup init (only init, demo and
# the terminal interface make one), copied in before each run.
"$LUP" --db "$W/empty.db" init >/dev/null || exit 1
fresh() {
	rm -f "$W/lup.db" "$W/lup.db-wal" "$W/lup.db-shm" "$W/plain.db" "$W/schema.db"* "$W/floor.db"*
	cp "$W/empty.db" "$W/lup.db"
}
t_lup=$(best "$LUP" --db "$W/lup.db" import people "$CSV") || exit 1
plain() {
	sqlite3 "$W/plain.db" 'CREATE TABLE people ("Namn" TEXT, "E-post" TEXT, "Enhet" TEXT, "Roll" TEXT,
		"Chef" TEXT, "Anställningsnummer" TEXT, "Telefon" TEXT)' ".import --csv --skip 1 $CSV people"
}
t_sql=$(best plain) || exit 1

# lup's schema loaded by SQLite alone, from a table already in memory.
schema() {
	"$LUP" --db "$W/schema.db" init >/dev/null &&
	sqlite3 "$W/schema.db" 'CREATE TEMP TABLE p ("Namn" TEXT, "E-post" TEXT, "Enhet" TEXT, "Roll" TEXT,
		"Chef" TEXT, "Anställningsnummer" TEXT, "Telefon" TEXT)' ".import --csv --skip 1 $CSV p" \
	"PRAGMA cache_size = -100000" "BEGIN" \
	"INSERT INTO person (id, name, email, phone, org_unit, role, employee_no, search, sort_name, sort_unit, sort_role)
	 SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'
	        || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), Namn, \"E-post\", Telefon, Enhet, Roll,
	        \"Anställningsnummer\", lower(Namn || ' ' || \"E-post\" || ' ' || Enhet || ' ' || Roll), lower(Namn),
	        lower(Enhet), lower(Roll) FROM p" "COMMIT"
}
t_schema=$(best schema) || exit 1

# The floor: the smallest person table lup's rules allow (DESIGN: a UUID
# text key, created_at and updated_at on every row; the import's upsert:
# unique e-mail and employee number), with none of the list's search and
# sort columns, loaded by SQLite alone from a table already in memory, in
# the journal mode lup uses.  No import into lup's data model can beat it.
floor() {
	sqlite3 "$W/floor.db" "PRAGMA journal_mode = WAL" "PRAGMA synchronous = FULL" \
	'CREATE TABLE person (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, email TEXT, phone TEXT,
		org_unit TEXT, role TEXT, manager_id TEXT REFERENCES person(id), employee_no TEXT,
		created_at TEXT NOT NULL, updated_at TEXT NOT NULL)' \
	"CREATE UNIQUE INDEX person_email ON person(email COLLATE NOCASE) WHERE email IS NOT NULL" \
	"CREATE UNIQUE INDEX person_employee_no ON person(employee_no) WHERE employee_no IS NOT NULL" \
	'CREATE TEMP TABLE p ("Namn" TEXT, "E-post" TEXT, "Enhet" TEXT, "Roll" TEXT,
		"Chef" TEXT, "Anställningsnummer" TEXT, "Telefon" TEXT)' ".import --csv --skip 1 $CSV p" \
	"BEGIN" \
	"INSERT INTO person (id, name, email, phone, org_unit, role, employee_no, created_at, updated_at)
	 SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'
	        || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), Namn, \"E-post\", Telefon, Enhet, Roll,
	        \"Anställningsnummer\", '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM p" "COMMIT"
}
t_floor=$(best floor) || exit 1
# lup's peak memory for the import (the goal: under 32 MB)
fresh
bench_rss "$W/rss" "$LUP" --db "$W/lup.db" import people "$CSV" >/dev/null 2>&1
mb_lup=$(awk '{ m = $1 } END { printf "%s", m == "?" ? "?" : sprintf("%.0f", m / 1024) }' "$W/rss")

awk -v n="$N" -v s="$size" -v a="$t_lup" -v b="$t_sql" -v c="$t_schema" -v f="$t_floor" -v m="$mb_lup" 'BEGIN {
	printf "import: %d people, a %.1f MB CSV file (best of 3 each)\n", n, s / 1e6
	printf "  lup import people                  %7.3f s  %9.0f rows/s  (peak memory %s MB)\n", a, n / a, m
	printf "  sqlite3 into lup'"'"'s person table   %7.3f s  %9.0f rows/s  (the same rows, lup'"'"'s schema: its indexes, search and sort keys; no checks)\n", c, n / c
	printf "  ratio (lup / sqlite3 into lup'"'"'s)   %7.2f    (the goal: 1.00 or more)\n", c / a
	printf "  sqlite3 .import, plain table       %7.3f s  %9.0f rows/s  (for scale: seven text columns, no key, no index)\n", b, n / b
	printf "  sqlite3 into the smallest table    %7.3f s  %9.0f rows/s  (UUID key, unique e-mail and employee number, timestamps, WAL)\n", f, n / f
}'

# ---- The report at 50,000 people.
R=$(bench_demo "$N") || { echo "bench: no demonstration database"; exit 1; }
fresh() { :; }
t_report=$(best "$LUP" --db "$R" report -o /dev/null) || exit 1
t_html=$(best "$LUP" --db "$R" report --format html -o "$W/report.html") || exit 1
counts=$(sqlite3 "$R" "SELECT (SELECT count(*) FROM person) || ' people, ' || (SELECT count(*) FROM cohort) || ' cohorts, '
	|| (SELECT count(*) FROM attendance) || ' attendance records, ' || (SELECT count(*) FROM rating) || ' ratings'")
mb=$(awk -v s="$(wc -c <"$R")" 'BEGIN { printf "%.0f", s / 1e6 }')
echo "report: lup demo --people $N: $counts, $mb MB (best of 3 each)"
awk -v a="$t_report" -v h="$t_html" 'BEGIN {
	printf "  lup report (text)                  %7.3f s  (the goal: under 1 s)\n", a
	printf "  lup report --format html           %7.3f s\n", h
}'
echo "(a writing command's start and every command's memory: commands.sh)"
