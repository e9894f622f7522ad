#!/bin/sh
# Programme figures at scale: 50,000 people in 3,125 cohorts of 16 with
# 31,250 sessions, 160,000 attendance marks and 2,000 placements.  Times the
# iCalendar export and the calls a Programme screen makes (a page of each
# list, the register, one attendance mark, the month grid).  Prints figures;
# it passes or fails on nothing.
LUP=${LUP:-./lup}; B=${B:-build}
DB="$B/bench-programme.db"
set -e

if [ ! -s "$DB" ]; then
	echo "building $DB …"
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$LUP" --db "$DB" init >/dev/null
	sqlite3 "$DB" <<'EOF'
PRAGMA journal_mode = WAL;
BEGIN;
INSERT INTO programme (id, name, target) VALUES ('00000000-0000-4000-8000-000000000000', 'Ledarutveckling', 50000);
INSERT INTO block (id, programme_id, seq, kind, name) VALUES
 ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000000', 1, 'ul', 'Utvecklande ledarskap (UL)'),
 ('00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-000000000000', 2, 'abw', 'Aktivitetsbaserad arbetsplats'),
 ('00000000-0000-4000-8000-0000000000b3', '00000000-0000-4000-8000-000000000000', 3, 'egov', 'Verktyg och metoder för e-förvaltning');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
INSERT INTO person (id, name, email, sort_name, search)
SELECT printf('%08x-0000-4000-8000-%012x', i, i), 'Person ' || i, 'p' || i || '@example.se',
       'person ' || printf('%06d', i), 'person ' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 3124)
INSERT INTO cohort (id, programme_id, name, capacity, start_date, facilitators)
SELECT printf('c%07x-0000-4000-8000-%012x', i, i), '00000000-0000-4000-8000-000000000000',
       'Kull ' || i, 16, date('2015-01-05', '+' || (i * 7 % 700) || ' days'),
       'Handledare ' || (i % 50) || ', Handledare ' || ((i + 7) % 50) FROM n;
-- Ten sessions a cohort: UL part 1 (three days), UL part 2 (+9 weeks),
-- three study visits, three e-government days.
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 31249),
 s AS (SELECT i, i / 10 AS c, i % 10 AS k FROM n)
INSERT INTO session (id, cohort_id, block_id, title, kind, starts_at, ends_at, location, sequence)
SELECT printf('s%07x-0000-4000-8000-%012x', i, i), printf('c%07x-0000-4000-8000-%012x', c, c),
       CASE WHEN k < 4 THEN '00000000-0000-4000-8000-0000000000b1'
            WHEN k < 7 THEN '00000000-0000-4000-8000-0000000000b2'
            ELSE '00000000-0000-4000-8000-0000000000b3' END,
       CASE WHEN k < 3 THEN 'UL del 1, dag ' || (k + 1) WHEN k = 3 THEN 'UL del 2'
            WHEN k < 7 THEN 'Studiebesök ' || (k - 3) ELSE 'E-förvaltning ' || (k - 6) END,
       CASE WHEN k < 3 THEN 'course_day' WHEN k = 3 THEN 'follow_up'
            WHEN k < 7 THEN 'study_visit' ELSE 'course_day' END,
       strftime('%Y-%m-%d 09:00', date('2015-01-05', '+' || ((c * 7 % 700) +
         CASE WHEN k < 3 THEN k WHEN k = 3 THEN 63 ELSE 7 * (k - 2) END) || ' days')),
       strftime('%Y-%m-%d 16:00', date('2015-01-05', '+' || ((c * 7 % 700) +
         CASE WHEN k < 3 THEN k WHEN k = 3 THEN 63 ELSE 7 * (k - 2) END) || ' days')),
       'Rum ' || (i % 40), i % 3 FROM s;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, enrolled_on)
SELECT printf('e%07x-0000-4000-8000-%012x', i, i), printf('c%07x-0000-4000-8000-%012x', i / 16, i / 16),
       printf('%08x-0000-4000-8000-%012x', i, i), '00000000-0000-4000-8000-000000000000',
       'enrolled', '2014-12-01T08:00:00Z', '2014-12-01' FROM n;
-- Marks for the first 1,000 cohorts' sessions.
INSERT INTO attendance (id, session_id, person_id, status)
SELECT printf('a%07x-%04x-4000-8000-%012x', s.rowid, e.rowid % 65536, e.rowid), s.id, e.person_id,
       CASE (s.rowid + e.rowid) % 10 WHEN 0 THEN 'absent' WHEN 1 THEN 'excused' WHEN 2 THEN 'late'
            ELSE 'present' END
FROM session s JOIN enrolment e ON e.cohort_id = s.cohort_id
WHERE s.cohort_id < 'c00003e8';
INSERT INTO host_org (id, name, country, city) VALUES ('00000000-0000-4000-8000-0000000000h1', 'Stadt Wien', 'AT', 'Wien');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999)
INSERT INTO placement (id, person_id, host_id, start_date, end_date, status, objectives)
SELECT printf('p%07x-0000-4000-8000-%012x', i, i), printf('%08x-0000-4000-8000-%012x', i * 25, i * 25),
       '00000000-0000-4000-8000-0000000000h1', date('2015-02-02', '+' || (i % 600) || ' days'),
       date('2015-02-06', '+' || (i % 600) || ' days'), 'confirmed', 'Lära' FROM n;
COMMIT;
ANALYZE;
EOF
fi

printf '%s: ' "$DB"
sqlite3 "$DB" "SELECT (SELECT count(*) FROM person) || ' people, ' || (SELECT count(*) FROM cohort) ||
  ' cohorts, ' || (SELECT count(*) FROM session) || ' sessions, ' || (SELECT count(*) FROM attendance) ||
  ' attendance marks, ' || (SELECT count(*) FROM placement) || ' placements'"

ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f ms", (b - a) * 1000 }'; }
now() { date +%s.%N; }

t0=$(now); "$LUP" --db "$DB" export ics -o "$B/bench-all.ics" 2>/dev/null; t1=$(now)
echo "export ics, all sessions: $(ms "$t0" "$t1"), $(grep -c '^BEGIN:VEVENT' "$B/bench-all.ics") events, $(wc -c <"$B/bench-all.ics") bytes"
t0=$(now); "$LUP" --db "$DB" export ics --cohort "Kull 2000" -o "$B/bench-one.ics" 2>/dev/null; t1=$(now)
echo "export ics --cohort: $(ms "$t0" "$t1"), $(grep -c '^BEGIN:VEVENT' "$B/bench-one.ics") events"
t0=$(now); "$LUP" --db "$DB" export ics --person p31000@example.se -o "$B/bench-person.ics" 2>/dev/null; t1=$(now)
echo "export ics --person: $(ms "$t0" "$t1"), $(grep -c '^BEGIN:VEVENT' "$B/bench-person.ics") events"
rm -f "$B/bench-all.ics" "$B/bench-one.ics" "$B/bench-person.ics"

# The calls of the screens, through the core.
cc -Iinclude -Isrc -D_DEFAULT_SOURCE -O2 -o "$B/bench-programme" tests/bench/programme.c \
	"$B/liblupcore.a" $(pkg-config --libs sqlite3 libical cairo cairo-pdf pangocairo libsodium) -liniparser -lcsv -lm
cp "$DB" "$B/bench-programme-w.db"
"$B/bench-programme" "$B/bench-programme-w.db"
rm -f "$B/bench-programme-w.db" "$B/bench-programme-w.db-wal" "$B/bench-programme-w.db-shm"
