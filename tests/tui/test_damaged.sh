#!/bin/sh
# A damaged database: the interface opens at once (the check runs beside
# the first frame) and then says plainly that the file is damaged.
. tests/tui/lib.sh
LOC=C.UTF-8

new_db 400
# Checkpoint so the people are in the main file, then spoil a page of it.
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
root=$(sqlite3 "$DB" "SELECT rootpage FROM sqlite_schema WHERE name = 'person'")
python3 - "$DB" "$root" <<'PY'
import sys
path, page = sys.argv[1], int(sys.argv[2])
with open(path, 'r+b') as f:      # the person table's root page, past its header
    f.seek(4096 * (page - 1) + 12)
    f.write(b'\xff' * 3000)
PY
check_ '[ "$(sqlite3 "$DB" "PRAGMA quick_check(1)")" != ok ]' "the file was not damaged"

case_ "the damage is reported on the status line"
start 80x24
wait_for "[1 People]"
wait_for "is damaged (quick_check failed)"
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"

case_ "a sound database gives no such message"
new_db 30
start 80x24
wait_for "[1 People]"
keys j
wait_for "2 of 30"
check_ '! on_screen "is damaged"' "a sound file was called damaged"
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"

finish
