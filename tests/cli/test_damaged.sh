#!/bin/sh
# Reading commands open without the whole-file check; a damaged page they
# read still ends them with a one-line reason and exit 1, never bad data.
. tests/cli/lib.sh
DB="$TMP/d.db"

case_ "a demo database to damage"
run --db "$DB" demo --people 40
expect_rc 0
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
email=$(sqlite3 "$DB" "SELECT email FROM person WHERE email IS NOT NULL ORDER BY rowid LIMIT 1")
root=$(sqlite3 "$DB" "SELECT rootpage FROM sqlite_schema WHERE name = 'person'")
python3 - "$DB" "$root" <<'PY'
import sys
path, page = sys.argv[1], int(sys.argv[2])
with open(path, 'r+b') as f:
    f.seek(4096 * (page - 1) + 12)
    f.write(b'\xff' * 3000)
PY

for cmd in "export people" "export people --format json" "report" "report --format html" \
           "person show $email" "person export $email"; do
	case_ "$cmd on a damaged table"
	# shellcheck disable=SC2086
	run --db "$DB" $cmd
	expect_rc 1
	expect_err "damaged"
done

case_ "writing commands refuse the file at open"
printf 'Namn,E-post\nAnna Ek,anna.ek@example.org\n' >"$TMP/one.csv"
run --db "$DB" import people "$TMP/one.csv"
expect_rc 1
expect_err "damaged"

case_ "lup check lists the damage"
run --db "$DB" check
expect_rc 1

finish
