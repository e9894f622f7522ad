#!/bin/sh
# lup sync and lup conflicts end to end: a team key, copies of one
# database on three laptops, changes through a shared folder, a conflict
# listed and settled, held-back changes, refused files, an interrupted
# apply, and an erase that travels.
. tests/cli/lib.sh
D="$TOP/tests/data"
A="$TMP/a.db" B="$TMP/b.db" C="$TMP/c.db" S="$TMP/share"
mkdir -p "$S"

hash() { "$LUP" --db "$1" sync hash; }

case_ "status before sync init"
newdb "$A"
"$LUP" --db "$A" import people "$D/programme_people.csv" >/dev/null 2>&1
run --db "$A" sync status
expect_rc 0
expect_out "^Team +none yet: run lup sync init"

case_ "a folder needs the team first"
run --db "$A" sync "$S"
expect_rc 1
expect_err "no team key at .*lup sync init"

case_ "sync init makes a private team key"
run --db "$A" sync init --name anna-laptop
expect_rc 0
expect_out "^This laptop: anna-laptop \(device [0-9a-f]{8}\), team [0-9a-f]{16}$"
expect_out "A new team key is at .*team.key"
KEY="$XDG_CONFIG_HOME/lup/team.key"
check_ '[ "$(stat -c %a "$KEY")" = 600 ]' "the key is not mode 0600"
check_ '[ "$(stat -c %a "$(dirname "$KEY")")" = 700 ]' "the key's folder is not mode 0700"
team=$(sed -n 's/.*team \([0-9a-f]\{16\}\)$/\1/p' "$OUT")
run --db "$A" sync init
expect_rc 0
expect_out "^Team key: "

case_ "a copied database file gets its own device id"
cp "$A" "$B"
cp "$A" "$C"
run --db "$A" sync status
dev_a=$(sed -n 's/^This laptop.*(\([0-9a-f]*\))$/\1/p' "$OUT")
run --db "$B" sync status
expect_rc 0
expect_out "this file is a copy: it was given its own device id"
dev_b=$(sed -n 's/^This laptop.*(\([0-9a-f]*\))$/\1/p' "$OUT")
check_ '[ -n "$dev_a" ] && [ -n "$dev_b" ] && [ "$dev_a" != "$dev_b" ]' "the copy kept the device id ($dev_a, $dev_b)"
run --db "$A" sync status
expect_no_out "this file is a copy"
run --db "$B" sync init --name bo-laptop
expect_rc 0
expect_out "team $team"

case_ "a colleague's key is taken in with --key"
cp "$KEY" "$TMP/from-anna.key"
mkdir -p "$TMP/cfg2"
XDG_CONFIG_HOME="$TMP/cfg2" "$LUP" --db "$C" sync init --key "$TMP/from-anna.key" --name cecilia >"$OUT" 2>"$ERR"; RC=$?
expect_rc 0
check_ 'cmp -s "$KEY" "$TMP/cfg2/lup/team.key"' "the key was not copied"
chmod 644 "$TMP/cfg2/lup/team.key"
XDG_CONFIG_HOME="$TMP/cfg2" "$LUP" --db "$C" sync status >/dev/null 2>&1
XDG_CONFIG_HOME="$TMP/cfg2" "$LUP" --db "$C" sync "$S" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 1
expect_err "can be read by others: make it private"
rm -rf "$TMP/cfg2"

# Anna and Bo change the same person's unit offline; Bo also adds people.
printf 'Namn,E-post,Enhet\nAnna Berg,anna.berg@kungsbacka.se,Skola väster\n' >"$TMP/a.csv"
printf 'Namn,E-post,Enhet\nAnna Berg,anna.berg@kungsbacka.se,Skola öster\nIda Lund,ida.lund@kungsbacka.se,IT\n' >"$TMP/b.csv"
"$LUP" --db "$A" import people "$TMP/a.csv" >/dev/null 2>&1
"$LUP" --db "$B" import people "$TMP/b.csv" >/dev/null 2>&1

case_ "sync DIR: leaves this laptop's changes, takes the others'"
run --db "$A" sync "$S"
expect_rc 0
expect_out "^[0-9]+ changes? left in .*lup-[0-9a-f]{8}-.*\.lupcs$"
check_ '[ -n "$(ls "$S"/*.lupst)" ]' "no status file in the folder"
run --db "$B" sync "$S"
expect_rc 0
expect_out "1 new, 1 applied"
expect_out "1 open conflict: see lup conflicts"
run --db "$A" sync "$S"
expect_rc 0
expect_out "1 new, 1 applied"
check_ '[ "$(hash "$A")" = "$(hash "$B")" ]' "A and B differ after the exchange"
run --db "$B" person show anna.berg@kungsbacka.se
expect_out "^Unit +Skola öster"
run --db "$A" person show ida.lund@kungsbacka.se
expect_rc 0

case_ "sync again: nothing new, and the live database is never shared"
run --db "$A" sync "$S"
expect_rc 0
expect_out "^0 changes read, 0 new, 0 applied"
run --db "$A" sync "$TMP"
expect_rc 1
expect_err "the database itself is in"

case_ "sync status: the other laptop and what it acknowledged"
run --db "$A" sync status
expect_rc 0
expect_out "^  bo-laptop +$dev_b"
expect_out "had all of this laptop's changes"
expect_out "^Conflicts +1 open: lup conflicts"

case_ "conflicts: listed alike on both laptops, both sides shown"
run --db "$A" conflicts
expect_rc 0
expect_lines 1
expect_out "person +Anna Berg — Unit$"
cid=$(cut -c1-8 "$OUT")
run --db "$B" conflicts
expect_out "^$cid "
run --db "$A" conflicts show "$cid"
expect_rc 0
expect_out "^Kept +Skola öster$"
expect_out "^Set aside +Skola väster$"
expect_out "^What happened +Two laptops changed this at once: the later change was kept\.$"
expect_out "^Answer +open$"

case_ "conflicts resolve: take back what was set aside; the answer travels"
run --db "$A" conflicts resolve "$cid" --take
expect_rc 0
expect_err "resolved \(taken back\)"
run --db "$A" person show anna.berg@kungsbacka.se
expect_out "^Unit +Skola väster"
run --db "$A" conflicts
expect_lines 0
run --db "$A" sync "$S"
run --db "$B" sync "$S"
expect_rc 0
run --db "$B" conflicts
expect_lines 0
run --db "$B" conflicts --all
expect_out "\[taken back\]$"
run --db "$B" person show anna.berg@kungsbacka.se
expect_out "^Unit +Skola väster"
check_ '[ "$(hash "$A")" = "$(hash "$B")" ]' "A and B differ after the answer"

case_ "conflicts: usage"
run --db "$A" conflicts resolve "$cid"
expect_rc 2
run --db "$A" conflicts show abc
expect_rc 1
expect_err "not a reference"
run --db "$A" conflicts resolve "$cid" --value "Skola" --keep
expect_rc 2

case_ "export, verify, apply by hand; a change is held back until what it follows comes"
printf 'Namn,E-post,Enhet\nJonas Berg,jonas.berg@kungsbacka.se,IT\n' >"$TMP/j.csv"
"$LUP" --db "$A" import people "$TMP/j.csv" >/dev/null 2>&1
# What Bo had not said he has when Anna last heard from him: her answer
# and the new person.
run --db "$A" sync export -o "$TMP/a-new.lupcs"
expect_rc 0
expect_err "2 changes written"
run --db "$A" sync verify "$TMP/a-new.lupcs"
expect_rc 0
expect_out "^2 changes from 1 laptop$"
run --db "$B" sync apply "$TMP/a-new.lupcs"
expect_out "1 new, 1 applied"
printf 'Namn,E-post,Enhet,Chef\nKarin Berg,karin.berg@kungsbacka.se,IT,jonas.berg@kungsbacka.se\n' >"$TMP/k.csv"
"$LUP" --db "$B" import people "$TMP/k.csv" >/dev/null 2>&1
run --db "$B" sync export -o "$TMP/b-new.lupcs"
expect_rc 0
run --db "$B" sync verify "$TMP/b-new.lupcs"
expect_rc 0
expect_out "signed by team $team; format 1, schema [0-9]+"
expect_out "Written by bo-laptop"
# C has seen nothing of Anna's or Bo's: Bo's change waits for Anna's.
cp "$TMP/b-new.lupcs" "$TMP/c-in.lupcs"
run --db "$C" sync apply "$TMP/c-in.lupcs"
expect_rc 0
expect_out "held back until"
run --db "$C" sync status
expect_out "^Held back +[1-9][0-9]* change"
run --db "$C" person show karin.berg@kungsbacka.se
expect_rc 2   # no such person (yet): a REF that matches none
run --db "$A" sync export --all -o "$TMP/a-all.lupcs"
run --db "$C" sync apply "$TMP/a-all.lupcs"
expect_rc 0
run --db "$C" person show karin.berg@kungsbacka.se
expect_rc 0
expect_out "^Manager +Jonas Berg"
run --db "$C" sync status
expect_out "^Held back +none"

case_ "applying a file again changes nothing"
before=$(hash "$C")
run --db "$C" sync apply "$TMP/a-all.lupcs" "$TMP/c-in.lupcs"
expect_rc 0
expect_out "0 new, 0 applied"
check_ '[ "$(hash "$C")" = "$before" ]' "applying again changed the programme"

# Refused files: nothing of them is used, the programme stays as it was.
good="$TMP/a-all.lupcs"
size=$(stat -c %s "$good")
before=$(hash "$B")
refused() {
	run --db "$B" sync apply "$1"
	expect_rc 1
	expect_err "$2"
	expect_err "nothing (of it )?was (used|applied)"
	check_ '[ "$(hash "$B")" = "$before" ]' "a refused file changed the programme"
}

case_ "refused: a flipped byte"
cp "$good" "$TMP/flipped.lupcs"
printf '\377' | dd of="$TMP/flipped.lupcs" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
refused "$TMP/flipped.lupcs" "signature does not match: it was altered or cut short"

case_ "refused: a truncated file"
head -c $((size - 40)) "$good" >"$TMP/short.lupcs"
refused "$TMP/short.lupcs" "signature does not match"
head -c 20 "$good" >"$TMP/tiny.lupcs"
refused "$TMP/tiny.lupcs" "cut short"

case_ "refused: another team's key"
mkdir -p "$TMP/other"
newdb "$TMP/other.db"
XDG_CONFIG_HOME="$TMP/other" "$LUP" --db "$TMP/other.db" sync init >/dev/null 2>&1
XDG_CONFIG_HOME="$TMP/other" "$LUP" --db "$TMP/other.db" sync export --all -o "$TMP/other.lupcs" 2>/dev/null
refused "$TMP/other.lupcs" "from another team"

case_ "refused: a file from a newer lup (schema), signed correctly"
python3 - "$good" "$TMP/newer.lupcs" "$KEY" <<'EOF'
import hashlib, hmac, sys
data = bytearray(open(sys.argv[1], 'rb').read()[:-32])
key = bytes.fromhex([l for l in open(sys.argv[3]) if l.strip() and not l.startswith('#')][0].strip())
data[10:14] = (99).to_bytes(4, 'big')          # the schema version
open(sys.argv[2], 'wb').write(bytes(data) + hmac.new(key, bytes(data), hashlib.sha256).digest())
EOF
refused "$TMP/newer.lupcs" "comes from a newer lup \(schema 99"

case_ "refused: not a change file; one bad file refuses the lot"
printf 'hello' >"$TMP/hello.lupcs"
refused "$TMP/hello.lupcs" "not a lup change file"
run --db "$B" sync apply "$good" "$TMP/flipped.lupcs"
expect_rc 1
expect_err "1 file refused; nothing was applied"

case_ "sync DIR: a bad file is named and skipped, the rest goes ahead"
cp "$TMP/flipped.lupcs" "$S/lup-bad.lupcs"
run --db "$B" sync "$S"
expect_rc 1
expect_err "lup-bad.lupcs refused: the file's signature does not match"
rm "$S/lup-bad.lupcs"

case_ "a file from another database (not a copy) is refused"
newdb "$TMP/stranger.db"
XDG_CONFIG_HOME="$XDG_CONFIG_HOME" "$LUP" --db "$TMP/stranger.db" sync init >/dev/null 2>&1
"$LUP" --db "$TMP/stranger.db" sync export --all -o "$TMP/stranger.lupcs" 2>/dev/null
refused "$TMP/stranger.lupcs" "another database, not a copy of this one"

case_ "killed while applying: the database is as before"
awk 'BEGIN { print "Namn,E-post,Enhet"; for (i = 0; i < 20000; i++) printf "Person %d,p%d@example.se,Enhet %d\n", i, i, i % 50 }' >"$TMP/many.csv"
"$LUP" --db "$A" import people "$TMP/many.csv" >/dev/null 2>&1
run --db "$A" sync export -o "$TMP/many.lupcs"
cp "$B" "$TMP/b-kill.db"
before=$(hash "$TMP/b-kill.db")
wal() { stat -c %s "$TMP/b-kill.db-wal" 2>/dev/null || echo 0; }
w0=$(wal)
"$LUP" --db "$TMP/b-kill.db" sync apply "$TMP/many.lupcs" >/dev/null 2>&1 &
pid=$!
# Killed once the apply has written a good part of its transaction (it
# spills into the write-ahead log before it commits): polled, not timed.
while kill -0 $pid 2>/dev/null && [ "$(wal)" -le $((w0 + 2000000)) ]; do sleep 0.01; done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null; killed=$?
check_ '[ "$killed" -eq 137 ]' "the apply ended before it could be killed (exit $killed)"
after=$(hash "$TMP/b-kill.db")
check_ '[ "$after" = "$before" ]' "a killed apply left its changes half made"
run --db "$TMP/b-kill.db" check
expect_rc 0
cp "$B" "$TMP/b-full.db"
"$LUP" --db "$TMP/b-full.db" sync apply "$TMP/many.lupcs" >/dev/null 2>&1
run --db "$TMP/b-kill.db" sync apply "$TMP/many.lupcs"
expect_rc 0
check_ '[ "$(hash "$TMP/b-kill.db")" = "$(hash "$TMP/b-full.db")" ]' "applied again after the kill, it differs"

case_ "an erase travels as keys only and takes the person off every laptop"
run --db "$A" sync "$S"
run --db "$B" sync "$S"
run --db "$A" person erase david.ek@kungsbacka.se --yes
expect_rc 0
run --db "$A" sync "$S"
run --db "$B" sync "$S"
expect_rc 0
run --db "$B" person show david.ek@kungsbacka.se
expect_rc 2   # gone: a REF that matches none
check_ '[ "$(hash "$A")" = "$(hash "$B")" ]' "A and B differ after the erase"
for f in "$A" "$A-wal" "$S"/lup-*; do
	[ -e "$f" ] || continue
	n=$(grep -a -c -F "david.ek@kungsbacka.se" "$f")
	case $f in
	"$S"/*) ;;   # files written before the erase still hold it (see lup-sync(1))
	*) check_ '[ "$n" -eq 0 ]' "the erased e-mail is still in $f" ;;
	esac
done
newest=$(ls -t "$S"/lup-*.lupcs | head -1)
n=$(grep -a -c -F "david.ek" "$newest")
check_ '[ "$n" -eq 0 ]' "the erase's file holds the erased person's data"

case_ "a large import goes to the log in several changes and arrives whole"
big() {   # big N [BAD]: N people, and a row without a name at the end with BAD
	awk -v n="$1" -v bad="${2:-}" 'BEGIN { print "Namn,E-post,Enhet,Roll,Anställningsnummer"
		for (i = 1; i <= n; i++)
			printf "Person %d Storimport,big.%d@kungsbacka.se,Enhet %d med ett längre namn,Enhetschef,B%06d\n", i, i, i % 40, i
		if (bad) print ",nobody@kungsbacka.se,,," }'
}
mine() { sqlite3 "$1" "SELECT count(*) FROM sync_log WHERE device = (SELECT device FROM sync_self)"; }
people() { sqlite3 "$1" "SELECT count(*) FROM person WHERE email LIKE 'big.%'"; }
run --db "$A" sync "$S"
run --db "$B" sync "$S"
before=$(mine "$A")
big 9000 bad >"$TMP/big-bad.csv"
run --db "$A" import people "$TMP/big-bad.csv"
expect_rc 1
check_ '[ "$(mine "$A")" = "$before" ] && [ "$(people "$A")" = 0 ]' \
	"a refused import left changes in the log or people behind"
big 9000 >"$TMP/big.csv"
run --db "$A" import people "$TMP/big.csv"
expect_rc 0
check_ '[ "$(mine "$A")" -ge "$((before + 3))" ]' "the import is $(($(mine "$A") - before)) changes in the log, not several"
run --db "$A" sync "$S"
expect_rc 0
run --db "$B" sync "$S"
expect_rc 0
run --db "$A" sync "$S"
check_ '[ "$(people "$B")" = 9000 ]' "B has $(people "$B") of the 9000 people"
check_ '[ "$(hash "$A")" = "$(hash "$B")" ]' "A and B differ after the import"
run --db "$B" check
expect_rc 0

case_ "usage errors"
run --db "$A" sync
expect_rc 2
run --db "$A" sync export
expect_rc 2
run --db "$A" sync apply
expect_rc 2
run --db "$A" sync "$TMP/no-such-folder"
expect_rc 1
expect_err "no folder"

finish
