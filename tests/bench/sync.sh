#!/bin/sh
# Merging laptops at scale, on the database programme.sh builds (50,000
# people): what recording a change costs a save, applying 1,000 and 10,000
# changes, a file's size per 1,000 attendance marks, and five laptops with
# 1,000 offline edits each merged through a folder until identical.
# Prints figures; it passes or fails on nothing.
LUP=${LUP:-./lup}; B=${B:-build}
DB="$B/bench-programme.db"
set -e
[ -s "$DB" ] || sh tests/bench/programme.sh >/dev/null
dir="$B/bench-sync.d"
rm -rf "$dir"
mkdir -p "$dir"
cc -Iinclude -Isrc -D_DEFAULT_SOURCE -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK -O2 \
	-o "$B/bench-sync" tests/bench/sync.c "$B/liblupcore.a" \
	$(pkg-config --libs sqlite3 libical cairo cairo-pdf pangocairo libsodium) -liniparser -lcsv -lm -pthread
"$B/bench-sync" "$DB" "$dir"
rm -rf "$dir"
