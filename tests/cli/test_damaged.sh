#!/bin/sh
# Commands open without reading the whole file, except a writing one after
# an unclean end or before an upgrade (lup(1), SAFETY); a damaged page a
# command reads still ends it with a one-line reason and exit 1, never bad
# data.
. tests/cli/lib.sh
DB="$TMP/d.db"

# damage TABLE FILE: overwrite most of the table's first page.
damage() {
	root=$(sqlite3 "$2" "SELECT rootpage FROM sqlite_schema WHERE name = '$1'")
	python3 - "$2" "$root" <<'PY'
import sys
path, page = sys.argv[1], int(sys.argv[2])
with open(path, 'r+b') as f:
    f.seek(4096 * (page - 1) + 12)
    f.write(b'\xff' * 3000)
PY
}

case_ "a demo database to damage"
run --db "$DB" demo --people 40
expect_rc 0
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
email=$(sqlite3 "$DB" "SELECT email FROM person WHERE email IS NOT NULL ORDER BY rowid LIMIT 1")
damage person "$DB"

for cmd in "export people" "export people --format json" "report" "report --format html" \
           "person show $email" "person export $email"; do
	case_ "$cmd on a damaged table"
	# shellcheck disable=SC2086
	run --db "$DB" $cmd
	expect_rc 1
	expect_err "damaged"
done

case_ "a writing command that reads a damaged page stops"
run --db "$DB" round start --everyone --all
expect_rc 1
expect_err "damaged"
check_ '[ "$(sqlite3 "$DB" "SELECT count(*) FROM round")" = 0 ]' "no round was kept"
printf 'Namn,E-post\nAnna Ek,anna.ek@example.org\n' >"$TMP/one.csv"

case_ "lup check lists the damage"
run --db "$DB" check
expect_rc 1

# Another program writes and ends without closing the file (killed): its
# change stays in the WAL for the next opener to recover.
unclean_end() {
	python3 - "$1" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode = WAL")
c.execute("UPDATE programme SET description = 'ändrad'")
os._exit(0)
PY
	[ -s "$1-wal" ]
}
GOOD="$TMP/good.db"
run --db "$GOOD" demo --people 40
sqlite3 "$GOOD" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null

case_ "after a clean end a writing command does not read the whole file first"
# attendance: a table an import does not read
cp "$GOOD" "$TMP/a.db"
damage attendance "$TMP/a.db"
run --db "$TMP/a.db" import people "$TMP/one.csv"
expect_rc 0
run --db "$TMP/a.db" check
expect_rc 1
expect_out "attendance|Tree|page"

case_ "after an unclean end a writing command checks the whole file first"
cp "$GOOD" "$TMP/b.db"
damage attendance "$TMP/b.db"
check_ 'unclean_end "$TMP/b.db"' "the WAL was left behind"
run --db "$TMP/b.db" import people "$TMP/one.csv"
expect_rc 1
expect_err "damaged \(quick_check failed\)"
check_ '[ "$(sqlite3 "$TMP/b.db" "SELECT count(*) FROM person WHERE email = '"'anna.ek@example.org'"'")" = 0 ]' \
	"nothing was imported into the damaged file"

case_ "after an unclean end a sound file is checked and written"
cp "$GOOD" "$TMP/c.db"
check_ 'unclean_end "$TMP/c.db"' "the WAL was left behind"
run --db "$TMP/c.db" import people "$TMP/one.csv"
expect_rc 0
check_ '[ "$(sqlite3 "$TMP/c.db" "SELECT description FROM programme LIMIT 1")" = "ändrad" ]' \
	"the other program's change was kept"

case_ "a file about to be upgraded is checked first"
cp "$GOOD" "$TMP/d.db"
damage attendance "$TMP/d.db"
old=$(( $(sqlite3 "$GOOD" 'PRAGMA user_version') - 1 ))
sqlite3 "$TMP/d.db" "PRAGMA user_version = $old"
run --db "$TMP/d.db" import people "$TMP/one.csv"
expect_rc 1
expect_err "damaged \(quick_check failed\)"

finish
