#!/bin/sh
# Import and report at 50,000 people.  Prints figures; passes or fails on
# nothing.  The CSV file and the databases are made here, in $B/bench.
#
#  - lup import people of a generated 50,000-row CSV file into a fresh
#    database, against the sqlite3 shell's .import --csv of the same file
#    into a plain table of the same columns, side by side (best of three
#    each), as rows a second and their ratio;
#  - for scale, the sqlite3 shell loading the same rows into lup's own
#    person table (its indexes, search and sort columns): what the schema
#    itself costs, without lup's checks; and into the smallest person
#    table lup's data model allows, the floor for any import into it;
#  - lup report on a 50,000-person database: `lup demo --people 50000`
#    when demo is built, else the imported people with a programme
#    generated around them.
LUP=${LUP:-./lup}; B=${B:-build}
N=${BENCH_PEOPLE:-50000}
W="$B/bench"
mkdir -p "$W"
case "$LUP" in /*) ;; *) LUP="$PWD/$LUP" ;; esac
export LUP_CONFIG="" LC_ALL=C.UTF-8

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

fresh() { rm -f "$W/lup.db" "$W/lup.db-wal" "$W/lup.db-shm" "$W/plain.db" "$W/schema.db"* "$W/floor.db"*; }
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

awk -v n="$N" -v s="$size" -v a="$t_lup" -v b="$t_sql" -v c="$t_schema" -v f="$t_floor" 'BEGIN {
	printf "import: %d people, a %.1f MB CSV file (best of 3 each)\n", n, s / 1e6
	printf "  lup import people                  %7.3f s  %9.0f rows/s\n", a, n / a
	printf "  sqlite3 .import, plain table       %7.3f s  %9.0f rows/s\n", b, n / b
	printf "  ratio (lup / sqlite3)              %7.2f    (the goal: 0.50 or more)\n", b / a
	printf "  sqlite3 into lup'"'"'s person table   %7.3f s  %9.0f rows/s  (the schema'"'"'s own cost: indexes, search and sort keys; no checks)\n", c, n / c
	printf "  sqlite3 into the smallest table    %7.3f s  %9.0f rows/s  (UUID key, unique e-mail and employee number, timestamps, WAL)\n", f, n / f
	printf "  ratio of that floor to .import     %7.2f    (reading the file included, like the lines above: the best any import into lup'"'"'s data model could do)\n", b / f
}'

# ---- The report at 50,000 people.
R="$W/report.db"
if [ ! -s "$R" ] || [ "$R" -ot "$LUP" ]; then
	rm -f "$R" "$R-wal" "$R-shm"
	if "$LUP" --db "$R" demo --people "$N" >/dev/null 2>"$W/err"; then
		kind="lup demo --people $N"
	else
		rm -f "$R" "$R-wal" "$R-shm"
		kind="generated"
		"$LUP" --db "$R" import people "$CSV" 2>/dev/null
		sqlite3 -bail "$R" <<'EOF' || { echo "bench: could not generate the programme"; exit 1; }
PRAGMA cache_size = -262144;
BEGIN;
INSERT INTO programme (id, name, target, start_date, end_date)
VALUES ('00000000-0000-4000-8000-00000000000a', 'Ledarutveckling för en sammanhållen e-förvaltning', 300, '2014-01-01', '2016-12-31');
INSERT INTO block (id, programme_id, seq, kind, name, min_attendance) VALUES
 ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-00000000000a', 1, 'ul', 'Utvecklande ledarskap', 0.8),
 ('00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-00000000000a', 2, 'abw', 'Aktivitetsbaserad arbetsplats', 0.8),
 ('00000000-0000-4000-8000-0000000000b3', '00000000-0000-4000-8000-00000000000a', 3, 'egov', 'Verktyg och metoder för e-förvaltning', 0.8);
CREATE TEMP TABLE np AS SELECT (count(*) + 15) / 16 AS n FROM person;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < (SELECT n FROM np))
INSERT INTO cohort (id, programme_id, name, capacity, start_date, end_date)
SELECT printf('%08x-0000-4000-8000-00000000c000', i), '00000000-0000-4000-8000-00000000000a',
       CASE i WHEN 1 THEN 'Pilot Halland' WHEN 2 THEN 'Pilot 2' ELSE 'Omgång ' || (i - 2) END, 16,
       date('2014-03-03', '+' || (i * 900 / (SELECT n FROM np)) || ' days'),
       date('2014-03-03', '+' || (i * 900 / (SELECT n FROM np) + 90) || ' days')
FROM k;
CREATE TEMP TABLE plan (n INTEGER, block TEXT, title TEXT, kind TEXT, day INTEGER);
INSERT INTO plan VALUES (1, 'b1', 'UL del 1, dag 1', 'course_day', 0), (2, 'b1', 'UL del 1, dag 2', 'course_day', 1),
 (3, 'b1', 'UL del 1, dag 3', 'course_day', 2), (4, 'b1', 'UL del 2', 'follow_up', 63),
 (5, 'b2', 'Studiebesök: aktivitetsbaserat kontor', 'study_visit', 21), (6, 'b3', 'E-förvaltning: verktyg och metoder', 'course_day', 42);
INSERT INTO session (id, cohort_id, block_id, title, kind, starts_at, ends_at, location)
SELECT printf('%08x-0000-4000-8000-%012x', c.rowid, pl.n), c.id, '00000000-0000-4000-8000-0000000000' || pl.block, pl.title, pl.kind,
       date(c.start_date, '+' || pl.day || ' days') || ' 09:00', date(c.start_date, '+' || pl.day || ' days') || ' 16:00', 'Stadshuset'
FROM cohort c, plan pl;
INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, enrolled_on, ended_on)
SELECT printf('%08x-0000-4000-8000-0000000e0000', p.rowid), c.id, p.id, c.programme_id,
       CASE WHEN p.rowid % 53 = 0 THEN 'withdrawn' WHEN c.end_date < '2016-06-01' THEN 'completed' ELSE 'enrolled' END,
       c.start_date || 'T08:00:00Z', c.start_date, CASE WHEN p.rowid % 53 = 0 THEN date(c.start_date, '+30 days') END
FROM person p JOIN cohort c ON c.rowid = (p.rowid - 1) / 16 + 1;
INSERT INTO attendance (id, session_id, person_id, status)
SELECT printf('%08x-%04x-4000-8000-00000000a000', e.rowid, s.rowid % 65536), s.id, e.person_id,
       CASE WHEN (e.rowid * 7 + s.rowid * 13) % 20 < 17 THEN 'present' WHEN (e.rowid * 7 + s.rowid * 13) % 20 = 17 THEN 'late'
            WHEN (e.rowid * 7 + s.rowid * 13) % 20 = 18 THEN 'excused' ELSE 'absent' END
FROM enrolment e JOIN session s ON s.cohort_id = e.cohort_id
WHERE e.status <> 'withdrawn' AND s.ends_at < '2016-06-01';
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 40)
INSERT INTO host_org (id, name, type, country, city, sort_name)
SELECT printf('%08x-0000-4000-8000-0000000000f0', i), 'Värd ' || i, 'municipality',
       substr('DEFIDKNOEEFRNLPLEEITATESPTBE', 1 + (i % 14) * 2, 2), 'Stad ' || i, 'vard ' || i FROM k;
INSERT INTO placement (id, person_id, host_id, start_date, end_date, status, objectives, report_received, cancel_reason)
SELECT printf('%08x-0000-4000-8000-0000000000d0', p.rowid), p.id, printf('%08x-0000-4000-8000-0000000000f0', 1 + p.rowid / 10 % 40),
       date('2015-01-01', '+' || (p.rowid % 600) || ' days'), date('2015-01-01', '+' || (p.rowid % 600 + 5) || ' days'),
       trim(substr('proposed agreed   confirmedcompletedcancelled', 1 + (p.rowid / 10 % 5) * 9, 9)),
       'Lära av värden', (p.rowid / 10 % 5) = 3, CASE WHEN (p.rowid / 10 % 5) = 4 THEN 'Sjukdom' END
FROM person p WHERE p.rowid % 10 = 0;
INSERT INTO framework (id, ident, name, version, content_hash, level_min, level_max, imported_at)
VALUES ('00000000-0000-4000-8000-0000000000ff', 'digcomp', 'DigComp', '2.2', 'bench', 1, 8, '2014-01-01T00:00:00Z');
CREATE TEMP TABLE comp (code TEXT, area INTEGER, seq INTEGER);
INSERT INTO comp VALUES ('1.1',1,1),('1.2',1,2),('1.3',1,3),('2.1',2,1),('2.2',2,2),('2.3',2,3),('2.4',2,4),('2.5',2,5),('2.6',2,6),
 ('3.1',3,1),('3.2',3,2),('3.3',3,3),('3.4',3,4),('4.1',4,1),('4.2',4,2),('4.3',4,3),('4.4',4,4),('5.1',5,1),('5.2',5,2),('5.3',5,3),('5.4',5,4);
INSERT INTO area (id, framework_id, code, seq, name, name_sv)
SELECT printf('%08x-0000-4000-8000-0000000000aa', a), '00000000-0000-4000-8000-0000000000ff', a, a,
       CASE a WHEN 1 THEN 'Information and data literacy' WHEN 2 THEN 'Communication and collaboration' WHEN 3 THEN 'Digital content creation' WHEN 4 THEN 'Safety' ELSE 'Problem solving' END,
       CASE a WHEN 1 THEN 'Informations- och datakunskap' WHEN 2 THEN 'Kommunikation och samarbete' WHEN 3 THEN 'Skapa digitalt innehåll' WHEN 4 THEN 'Säkerhet' ELSE 'Problemlösning' END
FROM (SELECT DISTINCT area AS a FROM comp);
INSERT INTO competence (id, framework_id, area_id, code, seq, name, level_min, level_max)
SELECT printf('%08x-0000-4000-8000-0000000000cc', rowid), '00000000-0000-4000-8000-0000000000ff', printf('%08x-0000-4000-8000-0000000000aa', area), code, seq, 'Kompetens ' || code, 1, 8 FROM comp;
INSERT INTO checkin (id, person_id, framework_id, date, kind, status)
SELECT printf('%08x-0000-4000-8000-%012x', p.rowid, w.n), p.id, '00000000-0000-4000-8000-0000000000ff',
       date(c.start_date, printf('%+d days', (w.n - 1) * 180 - 7)), 'self', 'final'
FROM person p JOIN enrolment e ON e.person_id = p.id JOIN cohort c ON c.id = e.cohort_id, (SELECT 1 AS n UNION ALL SELECT 2) w
WHERE p.rowid % 5 = 0;
INSERT INTO rating (id, checkin_id, competence_id, level)
SELECT printf('%08x-%04x-4000-8000-0000000000e1', k.rowid, cp.rowid), k.id, printf('%08x-0000-4000-8000-0000000000cc', cp.rowid),
       1 + (k.rowid * 3 + cp.rowid) % 4 + CASE WHEN k.date > '2014-09-01' AND k.rowid % 2 = 0 THEN 2 ELSE 0 END
FROM checkin k, comp cp;
COMMIT;
EOF
	fi
	echo "$kind" >"$W/report.kind"
fi
kind=$(cat "$W/report.kind" 2>/dev/null)
fresh() { :; }
t_report=$(best "$LUP" --db "$R" report -o /dev/null) || exit 1
t_html=$(best "$LUP" --db "$R" report --format html -o "$W/report.html") || exit 1
# A writing command opens with a quick_check of the whole file: measured
# as a dry-run import of a file with no rows.
printf 'Namn\n' >"$W/empty.csv"
t_open=$(best sh -c "'$LUP' --db '$R' import people '$W/empty.csv' --dry-run; true") || exit 1
counts=$(sqlite3 "$R" "SELECT (SELECT count(*) FROM person) || ' people, ' || (SELECT count(*) FROM cohort) || ' cohorts, '
	|| (SELECT count(*) FROM attendance) || ' attendance records, ' || (SELECT count(*) FROM rating) || ' ratings'")
mb=$(awk -v s="$(wc -c <"$R")" 'BEGIN { printf "%.0f", s / 1e6 }')
echo "report: $kind database: $counts, $mb MB (best of 3 each)"
awk -v a="$t_report" -v h="$t_html" -v o="$t_open" 'BEGIN {
	printf "  lup report (text)                  %7.3f s  (the goal: under 1 s)\n", a
	printf "  lup report --format html           %7.3f s\n", h
	printf "  a writing command opening it       %7.3f s  (its quick_check; report and other reads skip it)\n", o
}'
