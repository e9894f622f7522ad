#!/bin/sh
# The database commands end to end: --version, --help, help, init, demo,
# check, backup, and every way a database file can be unusable.
. tests/cli/lib.sh

# counts FILE: the row counts of the main tables, one line.
counts() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM person) || ' ' || (SELECT count(*) FROM cohort) \
	  || ' ' || (SELECT count(*) FROM session) || ' ' || (SELECT count(*) FROM enrolment) \
	  || ' ' || (SELECT count(*) FROM attendance) || ' ' || (SELECT count(*) FROM placement) \
	  || ' ' || (SELECT count(*) FROM checkin) || ' ' || (SELECT count(*) FROM rating)"
}
# one_line: stderr holds exactly one line.
one_line() { check_ '[ "$(wc -l <"$ERR")" -eq 1 ]' "stderr is not one line"; }
sum() { sha256sum "$1" | cut -d' ' -f1; }

case_ "--version"
run --version
expect_rc 0
expect_out '^lup [0-9]+\.[0-9]+\.[0-9]+$'
expect_no_err

case_ "--help lists the commands"
run --help
expect_rc 0
for c in init demo check backup help; do expect_out "^  $c "; done
expect_out '--db FILE'

case_ "help COMMAND"
run help demo
expect_rc 0
expect_out '^usage: lup demo \[--people N\] \[--today YYYY-MM-DD\]'
run help backup
expect_rc 0
expect_out 'FILE'
run help nosuch
expect_rc 2
expect_err 'nosuch'
run help init
expect_out '^usage: lup init$'

case_ "help COMMAND in Swedish: placeholders in Swedish, options as typed"
if locale -a 2>/dev/null | grep -qi '^sv_SE\.utf-\?8$'; then
	LC_ALL=sv_SE.UTF-8 run help import
	expect_rc 0
	expect_out '^användning: lup import people FIL \[--dry-run\] .*\[--encoding NAMN\] \[--map KOLUMN=FÄLT\]'
	expect_no_out 'FILE|COLUMN'
	LC_ALL=sv_SE.UTF-8 run help report
	expect_out '^användning: lup report .*\[--as-of DATUM\] \[--wide\] \[-o FIL\]$'
	LC_ALL=sv_SE.UTF-8 run init extra
	expect_rc 2
	expect_err '^användning: lup init$'
fi

case_ "unknown command"
run frobnicate
expect_rc 2
expect_err "^lup: .*frobnicate"

case_ "unknown option"
run --frobnicate check
expect_rc 2
expect_err "--frobnicate"
run --db
expect_rc 2
expect_err "--db"

case_ "bad arguments to the commands"
run --db "$TMP/x.db" demo --people 5
expect_rc 2
expect_err "20"
run --db "$TMP/x.db" demo --people lots
expect_rc 2
run --db "$TMP/x.db" demo --colour
expect_rc 2
run --db "$TMP/x.db" demo --today 2025-02-30
expect_rc 2
expect_err "2025-02-30"
run --db "$TMP/x.db" demo --today
expect_rc 2
run --db "$TMP/x.db" check extra
expect_rc 2
run --db "$TMP/x.db" backup
expect_rc 2
run --db "$TMP/x.db" init extra
expect_rc 2
check_ '[ ! -e "$TMP/x.db" ]' "a usage error created the database"

case_ "init: a private file in a private folder"
db="$TMP/new/lup/lup.db"
run --db "$db" init
expect_rc 0
expect_out "ready \\(schema $(sqlite3 "$db" 'PRAGMA user_version')\\)"
check_ '[ "$(sqlite3 "$db" "PRAGMA user_version")" -ge 2 ]' "a new database is not at schema 2 or later"
check_ '[ "$(stat -c %a "$db")" = 600 ]' "database mode is $(stat -c %a "$db" 2>&1), not 600"
check_ '[ "$(stat -c %a "$TMP/new/lup")" = 700 ]' "folder mode is $(stat -c %a "$TMP/new/lup" 2>&1), not 700"
check_ '[ "$(stat -c %a "$TMP/new")" = 700 ]' "parent folder mode is not 700"
check_ '[ "$(sqlite3 "$db" "PRAGMA application_id")" = 1280659505 ]' "no application_id"
run --db "$db" init
expect_rc 0

case_ "the default database path comes from LUP_DB"
run init
expect_rc 0
check_ '[ -f "$LUP_DB" ]' "LUP_DB was not created"

case_ "demo fills the database"
demo="$TMP/demo.db"
run --db "$demo" demo
expect_rc 0
expect_out '300 people'
expect_out 'host organisations'
check_ '[ "$(stat -c %a "$demo")" = 600 ]' "demo database mode is not 600"
check_ '[ "$(sqlite3 "$demo" "SELECT count(*) FROM cohort WHERE name = '"'"'Pilot Halland'"'"'")" = 1 ]' \
	"no Pilot Halland"
check_ '[ -z "$(sqlite3 "$demo" "PRAGMA foreign_key_check")" ]' "foreign_key_check reports problems"

case_ "demo refuses a database with people"
before=$(counts "$demo")
run --db "$demo" demo
expect_rc 1
expect_err 'already holds 300 people'
one_line
check_ '[ "$(counts "$demo")" = "$before" ]' "the second demo changed the database"

case_ "demo --people scales"
run --db "$TMP/demo2000.db" demo --people 2000
expect_rc 0
expect_out '2000 people'
run --db "$TMP/demo2000.db" check
expect_rc 0

case_ "demo --today: the same shape of programme on any day"
# the cohorts of each status, as lup reports them on the day the demo was made for
statuses() {
	"$LUP" --db "$1" report --as-of "$2" | awk '/^By cohort/{f=1} /^Blocks run:/{f=0}
		f && /^(Pilot|Omg)/ { for (i = 1; i <= NF; i++) if ($i ~ /^(done|running|open|planned)$/) print $i }' |
		sort | uniq -c | tr -s ' \n' ' '
}
for day in 2025-07-14 2026-11-30; do
	run --db "$TMP/day-$day.db" demo --today "$day"
	expect_rc 0
	expect_out '300 people, 19 cohorts'
done
check_ '[ "$(statuses "$TMP/day-2025-07-14.db" 2025-07-14)" = " 13 done 2 open 2 planned 2 running " ]' \
	"the summer day's demo is not 13 done, 2 open, 2 planned, 2 running: $(statuses "$TMP/day-2025-07-14.db" 2025-07-14)"
check_ '[ "$(statuses "$TMP/day-2026-11-30.db" 2026-11-30)" = "$(statuses "$TMP/day-2025-07-14.db" 2025-07-14)" ]' \
	"two days give two shapes"
# made on the real date: lives today, the Due list overdue by days or weeks
run --db "$demo" report
expect_out "^Omgång [0-9]+ +running"
expect_out "^Omgång [0-9]+ +open"
check_ '[ "$(sqlite3 "$demo" "SELECT count(*) FROM (SELECT max(date) d FROM checkin WHERE status = '"'final'"'
              GROUP BY person_id) WHERE d < date('"'now'"', '"'localtime'"', '"'-250 days'"')")" = 0 ]' \
	"someone is overdue by more than weeks"
check_ '[ "$(sqlite3 "$demo" "SELECT count(*) FROM (SELECT max(date) d FROM checkin WHERE status = '"'final'"'
              GROUP BY person_id) WHERE d < date('"'now'"', '"'localtime'"', '"'-180 days'"')")" -gt 0 ]' \
	"nobody is overdue"

case_ "check: the demo database is sound"
run --db "$demo" check
expect_rc 0
expect_err 'sound'
check_ '[ ! -s "$OUT" ]' "check printed problems"

case_ "check finds what contradicts the programme's rules"
bad="$TMP/bad.db"
run --db "$bad" init
"$LUP" --db "$bad" import people "$TOP/tests/data/programme_people.csv" >/dev/null 2>&1
sqlite3 "$bad" <"$TOP/tests/data/programme.sql"
later=$(date -d "+20 days" +%F)
# as an older lup let in: a mark on a session still to come, and a mark of
# someone whose seat counts from a later day
sqlite3 "$bad" "INSERT INTO session (id, cohort_id, title, kind, starts_at, ends_at) VALUES
  ('d0000000-0000-4000-8000-000000000077', 'c0000000-0000-4000-8000-000000000002', 'Framtida dag',
   'course_day', '$later 09:00', '$later 16:00');
INSERT INTO attendance (id, session_id, person_id, status) SELECT 'a9000000-0000-4000-8000-000000000001',
  'd0000000-0000-4000-8000-000000000077', id, 'present' FROM person WHERE name = 'Eva Frost';
UPDATE enrolment SET enrolled_on = '2016-05-11' WHERE person_id = (SELECT id FROM person WHERE name = 'Filip Gran')"
run --db "$bad" check
expect_rc 1
expect_out "^attendance a9000000: Eva Frost is marked present for 'Framtida dag' on $later, which has not taken place yet$"
expect_out "^attendance a0000000: Filip Gran is marked for 'UL del 1, dag 1' on 2016-05-10 but their seat counts from 2016-05-11$"
expect_err "2 problems found"

case_ "backup: a consistent, private copy"
copy="$TMP/backups/copy.db"
mkdir -p "$TMP/backups"
run --db "$demo" backup "$copy"
expect_rc 0
expect_err 'written to'
check_ '[ -f "$copy" ]' "no backup file"
check_ '[ "$(stat -c %a "$copy")" = 600 ]' "backup mode is $(stat -c %a "$copy" 2>&1), not 600"
check_ '[ "$(counts "$copy")" = "$(counts "$demo")" ]' "the backup's counts differ"
check_ '[ -z "$(ls "$TMP/backups" | grep -v "^copy.db$")" ]' "files left beside the backup: $(ls "$TMP/backups")"
check_ '[ "$(sqlite3 "$copy" "PRAGMA journal_mode")" = delete ]' "the backup needs a -wal file"
run --db "$copy" check
expect_rc 0
# Over an existing file: replaced whole.
run --db "$TMP/demo2000.db" backup "$copy"
expect_rc 0
check_ '[ "$(counts "$copy")" = "$(counts "$TMP/demo2000.db")" ]' "the backup was not replaced"
run --db "$demo" backup "$TMP/no/such/folder/copy.db"
expect_rc 1
expect_err 'backup'
one_line

# A standalone copy (no -wal) that the following cases may damage.
fresh() { cp "$copy.ref" "$1"; }
run --db "$demo" backup "$copy.ref"

case_ "a database from a newer lup is refused and left byte-identical"
newer="$TMP/newer.db"
fresh "$newer"
sqlite3 "$newer" "PRAGMA user_version = 99"
h=$(sum "$newer")
for cmd in check init demo "backup $TMP/newer-copy.db"; do
	# shellcheck disable=SC2086
	run --db "$newer" $cmd
	expect_rc 1
	expect_err 'newer lup'
	one_line
done
check_ '[ "$(sum "$newer")" = "$h" ]' "the newer database changed"
check_ '[ ! -e "$newer-wal" ] && [ ! -e "$newer-shm" ] && [ ! -e "$newer-journal" ]' \
	"lup created files beside the newer database"
check_ '[ ! -e "$TMP/newer-copy.db" ]' "a newer database was backed up"

case_ "a file of random bytes"
junk="$TMP/junk.db"
head -c 16384 /dev/urandom >"$junk"
h=$(sum "$junk")
run --db "$junk" check
expect_rc 1
expect_err 'not a lup database'
one_line
run --db "$junk" demo
expect_rc 1
one_line
check_ '[ "$(sum "$junk")" = "$h" ]' "the random file changed"

case_ "an SQLite database of another program"
sqlite3 "$TMP/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1)"
run --db "$TMP/other.db" init
expect_rc 1
expect_err 'another program'
one_line

case_ "a real database with a damaged page"
bad="$TMP/damaged.db"
fresh "$bad"
run --db "$bad" backup "$TMP/damaged-copy.db"
expect_rc 0
good=$(cksum <"$TMP/damaged-copy.db")
pages=$(($(stat -c %s "$bad") / 4096))
head -c 4096 /dev/zero | tr '\0' '\377' |
	dd of="$bad" bs=4096 seek=$((pages / 2)) conv=notrunc 2>/dev/null
run --db "$bad" backup "$TMP/damaged-copy.db"
expect_rc 1
expect_err 'damaged'
one_line
check_ '[ "$(cksum <"$TMP/damaged-copy.db")" = "$good" ]' "the backup made before the damage was replaced"
check_ '[ -z "$(ls "$TMP" | grep "damaged-copy.db.tmp")" ]' "a temporary copy was left behind"
# lup check looks closer and lists what it finds.
run --db "$bad" check
expect_rc 1
check_ '[ -s "$OUT" ]' "check listed nothing"
expect_err 'damaged|problem'

case_ "a missing folder"
run --db "$TMP/nowhere/lup.db" check
expect_rc 1
expect_err 'does not exist'
one_line
run --db "$TMP/nowhere.db" check
expect_rc 1
expect_err 'lup init'
one_line
check_ '[ ! -e "$TMP/nowhere.db" ]' "check created a database"

case_ "a read-only database"
mkdir -p "$TMP/ro"
ro="$TMP/ro/lup.db"
fresh "$ro"
chmod 0644 "$ro"
if [ "$(id -u)" -ne 0 ]; then
	chmod 0444 "$ro"
	as_user() { "$LUP" "$@" >"$OUT" 2>"$ERR" </dev/null; RC=$?; }
	ok=1
elif command -v setpriv >/dev/null 2>&1; then
	# chmod does not stop root: run lup as nobody on a file root owns.
	chmod 0711 "$TMP"
	chmod 0755 "$TMP/ro"
	as_user() {
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$LUP" "$@" >"$OUT" 2>"$ERR" </dev/null
		RC=$?
	}
	ok=1
else
	echo "skip ${0##*/}: read-only database: running as root without setpriv"
	ok=0
fi
if [ "$ok" -eq 1 ]; then
	h=$(sum "$ro")
	for cmd in init demo; do
		as_user --db "$ro" $cmd
		expect_rc 1
		expect_err 'read-only'
		one_line
	done
	# Reading needs no write access: check, report, export work on it.
	as_user --db "$ro" check
	expect_rc 0
	as_user --db "$ro" report
	expect_rc 0
	expect_out 'Programme'
	as_user --db "$ro" export people
	expect_rc 0
	as_user --db "$ro" import people "$TOP/tests/data/people_utf8.csv"
	expect_rc 1
	expect_err 'read-only'
	check_ '[ "$(sum "$ro")" = "$h" ]' "the read-only database changed"
	check_ '[ ! -e "$ro-wal" ]' "a -wal file appeared beside the read-only database"
	chmod 0700 "$TMP"
fi

case_ "check lists a broken rule and exits 1"
broken="$TMP/broken.db"
fresh "$broken"
sqlite3 "$broken" "UPDATE placement SET report_received = 0 WHERE rowid = \
	(SELECT min(rowid) FROM placement WHERE status = 'completed')"
run --db "$broken" check
expect_rc 1
expect_out 'completed without a report'
expect_lines 1
expect_err '1 problem'

case_ "check lists a dangling reference"
fresh "$broken"
sqlite3 "$broken" "UPDATE placement SET host_id = '00000000-0000-4000-8000-000000000000' \
	WHERE rowid = 1"
run --db "$broken" check
expect_rc 1
expect_out 'foreign key: placement .*host_org'
expect_err 'problem'

case_ "check: a placement's search text out of date"
fresh "$broken"
sqlite3 "$broken" "UPDATE placement SET search = 'nobody' WHERE rowid = 1"
run --db "$broken" check
expect_rc 1
expect_out 'search text is out of date'
expect_lines 1

case_ "check --repair: the Due list's copy of each person made again"
fresh "$broken"
sqlite3 "$broken" "UPDATE person_due SET last = '1999-01-01' WHERE person_id = (SELECT id FROM person WHERE rowid = 1);
	UPDATE person_due SET sort_name = 'zzz' WHERE person_id = (SELECT id FROM person WHERE rowid = 2);
	DELETE FROM person_due WHERE person_id = (SELECT id FROM person WHERE rowid = 3);
	INSERT INTO person_due (person_id, active, sort_role, sort_name, search)
	VALUES ('00000000-0000-4000-8000-000000000001', 1, '', 'gone', 'gone')"
due_of() { sqlite3 "$1" "SELECT group_concat(person_id || active || sort_role || sort_name || search || coalesce(last, '-'), ';')
	FROM (SELECT * FROM person_due ORDER BY person_id)"; }
run --db "$broken" check
expect_rc 1
expect_out 'entry in the Due list is out of date'
expect_out 'entry for a person who is gone'
run --db "$broken" check --repair
expect_rc 0
expect_err 'Due list: 4 entries made again'
expect_err 'is sound'
expect_lines 0
check_ '[ "$(due_of "$broken")" = "$(due_of "$copy.ref")" ]' "the repaired Due list differs from the one lup keeps"
run --db "$broken" check
expect_rc 0
run --db "$broken" check --repair
expect_rc 0
expect_no_err_match() { grep -Eq -- "$1" "$ERR" && fail "stderr has /$1/" || pass; }
expect_no_err_match 'made again'
run --db "$broken" check --frobnicate
expect_rc 2

case_ "check: a manager loop"
fresh "$broken"
sqlite3 "$broken" "UPDATE person SET manager_id = (SELECT id FROM person WHERE rowid = 2) \
	WHERE rowid = 1"
run --db "$broken" check
expect_rc 1
expect_out 'manager chain loops'

finish
