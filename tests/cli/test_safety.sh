#!/bin/sh
# Nothing lost, nobody let in: hostile names, planted links, files that are
# not lup's, empty files, endless input, readers beside a writer, messages
# that say why, leftovers, and settings that contradict themselves.
. tests/cli/lib.sh
DB="$TMP/s.db"
D="$TOP/tests/data"
ESC=$(printf '\033') BEL=$(printf '\007') RLO=$(printf '\342\200\256')

case_ "a database with hostile names"
newdb "$DB"
{
	printf 'Namn,E-post\n'
	printf '"=cmd|%s /C calc%s!A0",formula@example.org\n' "'" "'"
	printf '@SUM(A1),at@example.org\n'
	printf '"%s]0;owned%s%s[2JEve %sgnp.exe",eve@example.org\n' "$ESC" "$BEL" "$ESC" "$RLO"
} >"$TMP/hostile.csv"
run --db "$DB" import people "$TMP/hostile.csv"
expect_rc 0
check_ '! grep -q "$ESC" "$ERR"' "a message passed an escape to the terminal"

# 1. Formula injection
case_ "export --excel neutralises cells that start like a formula"
run --db "$DB" export people --excel
expect_rc 0
expect_no_out ';=cmd'
expect_no_out ';@SUM'
expect_out ";'=cmd"
case_ "a plain CSV export keeps the name as it is"
run --db "$DB" export people
expect_out ',"?=cmd'

case_ "round invite neutralises cells that start like a formula"
DBR="$TMP/round.db"
newdb "$DBR"
{
	printf 'Namn,E-post,Roll,Enhet\n'
	printf '"=cmd|%s /C calc%s!A0",formula@example.org,-chef,+enhet\n' "'" "'"
	printf '@SUM(A1),at@example.org,-chef,+enhet\n'
	printf 'Plain Name,=mail@example.org,-chef,+enhet\n'
} >"$TMP/round.csv"
printf '[framework]\nid = fx\nname = Fx\nversion = 1\nlevel_max = 5\n[area A]\nname = A\n[competence A.1]\narea = A\nname = One\n[targets -chef]\nA.1 = 3\n' >"$TMP/fx.ini"
"$LUP" --db "$DBR" import people "$TMP/round.csv" >/dev/null 2>&1
"$LUP" --db "$DBR" framework import "$TMP/fx.ini" >/dev/null 2>&1
printf '[frameworks]\n-chef = fx\n' >"$TMP/round.ini"
run --db "$DBR" --config "$TMP/round.ini" round start --unit "+enhet" --all --name hostile --invite "$TMP/inv1.csv"
expect_rc 0
run --db "$DBR" round invite hostile
expect_rc 0
expect_out "^'=cmd"
expect_out "^'@SUM"
expect_out ",'-chef"
expect_out ",'\+enhet"
expect_no_out "^=cmd"
expect_no_out "^@SUM"
expect_no_out ",-chef"
expect_no_out ",\+enhet"
check_ 'grep -q "^'"'"'=cmd" "$TMP/inv1.csv" && ! grep -q "^=cmd" "$TMP/inv1.csv"' "round start --invite wrote a formula unchanged"

# 2. Symbolic links at output paths
for cmd in "export people" "export ics" "report" "person export eve@example.org"; do
	case_ "$cmd -o through a planted link"
	echo precious >"$TMP/victim"
	rm -f "$TMP/link"; ln -s "$TMP/victim" "$TMP/link"
	# shellcheck disable=SC2086
	run --db "$DB" $cmd -o "$TMP/link"
	expect_rc 0
	check_ '[ "$(cat "$TMP/victim")" = precious ]' "the file behind the link was replaced"
	check_ '[ -f "$TMP/link" ] && [ ! -L "$TMP/link" ]' "the link itself was not replaced"
done

# 3. --db ''
case_ "--db '' is refused, not the default database"
rm -f "$LUP_DB"
run --db '' import people "$D/people_utf8.csv"
expect_rc 2
expect_err 'needs a value'
check_ '[ ! -e "$LUP_DB" ]' "the default database was written"
run --db= report
expect_rc 2

# 4. A foreign SQLite file
for uv in 0 1 2 99; do
	case_ "an SQLite file of another program (user_version $uv) is refused untouched"
	rm -f "$TMP/foreign.db"
	sqlite3 "$TMP/foreign.db" "CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine'); PRAGMA user_version = $uv"
	h=$(cksum <"$TMP/foreign.db")
	for cmd in report check "import people $D/people_utf8.csv" init; do
		# shellcheck disable=SC2086
		run --db "$TMP/foreign.db" $cmd
		expect_rc 1
		expect_err 'another program|not a lup database'
	done
	check_ '[ "$(cksum <"$TMP/foreign.db")" = "$h" ]' "the foreign file changed"
	check_ '[ ! -e "$TMP/foreign.db-wal" ]' "a -wal file appeared beside the foreign file"
done

# 5. Empty files and missing folders
case_ "an empty file is not a database to commands that do not create"
for cmd in check report "export people" "import people $D/people_utf8.csv"; do
	: >"$TMP/empty.db"
	# shellcheck disable=SC2086
	run --db "$TMP/empty.db" $cmd
	expect_rc 1
	expect_err 'empty'
	check_ '[ ! -s "$TMP/empty.db" ]' "$cmd wrote into the empty file"
done
case_ "init makes an empty file a database"
run --db "$TMP/empty.db" init
expect_rc 0
case_ "a missing folder is not made by import"
run --db "$TMP/typo/lup.db" import people "$D/people_utf8.csv"
expect_rc 1
check_ '[ ! -e "$TMP/typo" ]' "import made the folder"
case_ "a missing file is not made by import"
run --db "$TMP/missing.db" import people "$D/people_utf8.csv"
expect_rc 1
expect_err 'lup init'
check_ '[ ! -e "$TMP/missing.db" ]' "import made the database"

case_ "the terminal interface says it makes a new database"
echo q >"$TMP/q.keys"
LUP_KEYS="$TMP/q.keys" "$LUP" --db "$TMP/fresh.db" >"$OUT" 2>"$ERR" </dev/null
grep -q 'making a new one' "$ERR" && pass || fail "it made one without a word"
check_ '[ -s "$TMP/fresh.db" ]' "no database was made"
case_ "sync init does not make a database"
run --db "$TMP/nosync.db" sync init
expect_rc 1
check_ '[ ! -e "$TMP/nosync.db" ]' "sync init made the database"

# 6. Unbounded input
case_ "import people /dev/zero stops at the limit"
t0=$(date +%s)
run --db "$DB" import people /dev/zero
expect_rc 1
expect_err 'larger than lup reads'
check_ '[ $(( $(date +%s) - t0 )) -lt 20 ]' "it took too long"

# 7. Readers beside a writer
case_ "reading commands run while another program writes"
run --db "$DB" framework import "$TOP/share/lup/frameworks/digcomp-2.2.ini"
{ echo "BEGIN IMMEDIATE; UPDATE person SET phone = '1' WHERE email = 'at@example.org';"; sleep 12; echo "COMMIT;"; } |
	sqlite3 "$DB" >/dev/null 2>&1 &
writer=$!
sleep 1
for cmd in report "export people" "person show at@example.org" check "backup $TMP/b.db" "framework list"; do
	# shellcheck disable=SC2086
	run --db "$DB" $cmd
	[ "$RC" -eq 0 ] && pass || fail "$cmd failed beside a writer"
	check_ '! grep -q locked "$ERR"' "$cmd: the database is locked"
done
kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null

# 8. Terminal escapes and bidi overrides
case_ "person show escapes control characters and bidi overrides"
run --db "$DB" person show eve@example.org
expect_rc 0
check_ '! grep -q "$ESC" "$OUT" && ! grep -q "$BEL" "$OUT"' "an escape reached standard output"
check_ '! grep -q "$RLO" "$OUT"' "a bidi override reached standard output"
expect_out '\\x1b\]0;owned'
case_ "a message naming the person escapes them too"
run --db "$DB" person erase "$(printf 'Eve\033')"
check_ '! grep -q "$ESC" "$ERR"' "an escape reached standard error"

# 9. Messages that say why
case_ "a full disk is named"
run --db "$DB" export people -o /dev/full
expect_rc 1
expect_err 'disk is full'
case_ "a symbolic link as --db is named"
ln -s "$DB" "$TMP/dblink.db"
run --db "$TMP/dblink.db" report
expect_rc 1
expect_err 'symbolic link'
case_ "a read-only folder is named, not the database"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	mkdir -p "$TMP/rof"
	newdb "$TMP/rof/lup.db"
	chown 65534 "$TMP/rof/lup.db"
	chmod 0755 "$TMP/rof"
	chmod 0711 "$TMP"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$LUP" --db "$TMP/rof/lup.db" \
		import people "$D/people_utf8.csv" >"$OUT" 2>"$ERR" </dev/null; RC=$?
	chmod 0700 "$TMP"
	expect_rc 1
	expect_err 'folder .*rof is read-only'
else
	echo "skip ${0##*/}: a read-only folder: needs root and setpriv"
	pass
fi
case_ "lup check names each damaged page on its own line"
cp "$DB" "$TMP/dmg.db"
root=$(sqlite3 "$TMP/dmg.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'person'")
python3 - "$TMP/dmg.db" "$root" <<'PY'
import sys
with open(sys.argv[1], 'r+b') as f:
    f.seek(4096 * (int(sys.argv[2]) - 1) + 12)
    f.write(b'\xff' * 3000)
PY
run --db "$TMP/dmg.db" check
expect_rc 1
expect_out '^On tree page [0-9]+ cell [0-9]+: '
check_ '! grep -q "the database file is damaged or not a database" "$ERR"' "only a generic line"

# 10. Leftovers
case_ "a failed backup leaves no temporary files"
run --db "$TMP/dmg.db" backup "$TMP/dmg-copy.db"
expect_rc 1
check_ '[ -z "$(ls "$TMP" | grep "dmg-copy")" ]' "a temporary file was left: $(ls "$TMP" | grep dmg-copy)"
SHIM="$TOP/${B:-build}/tests/libfault.so"
if [ -e "$SHIM" ]; then
	# each of a spread of its writes failing (tests/faults/fault.c); a
	# database larger than SQLite's page cache, so the copy has a journal
	mkdir -p "$TMP/bk"
	export ASAN_OPTIONS="verify_asan_link_order=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
	"$LUP" --db "$TMP/big.db" demo --people 60 >/dev/null 2>&1
	LD_PRELOAD="$SHIM" LUP_FAULT_COUNT="$TMP/calls" "$LUP" --db "$TMP/big.db" backup "$TMP/bk/x.db" 2>/dev/null
	total=$(cat "$TMP/calls" 2>/dev/null) left=""
	check_ '[ "${total:-0}" -gt 0 ]' "the shim counted no I/O call"
	for n in $(awk -v t="$total" 'BEGIN { for (i = 0; i < 25; i++) print 1 + int(i * (t - 1) / 24) }'); do
		rm -rf "$TMP/bk"; mkdir "$TMP/bk"
		LD_PRELOAD="$SHIM" LUP_FAULT_AT=$n "$LUP" --db "$TMP/big.db" backup "$TMP/bk/x.db" >/dev/null 2>&1
		ls "$TMP/bk" | grep -q tmp && left="$left $n"
	done
	check_ '[ -z "$left" ]' "backups failing at I/O calls$left of $total left temporary files"
fi
case_ "what a killed export left is removed by the next"
echo "personal data" >"$TMP/out.csv.lup-tmp-999999-abcdef"
run --db "$DB" export people -o "$TMP/out.csv"
expect_rc 0
check_ '[ ! -e "$TMP/out.csv.lup-tmp-999999-abcdef" ]' "the killed export's temporary file is still there"
case_ "an erase whose scrub was interrupted is finished on the next start"
newdb "$TMP/e.db"
printf 'Namn,E-post\nGone Person,leftover-secret@example.org\n' >"$TMP/one.csv"
run --db "$TMP/e.db" import people "$TMP/one.csv"
# as if killed between the commit and the scrub: rows gone, bytes left, mark made
sqlite3 "$TMP/e.db" "PRAGMA secure_delete = OFF; DELETE FROM person_due; DELETE FROM person;
	DELETE FROM sync_log; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
check_ 'grep -q leftover-secret "$TMP/e.db"' "the simulation left no bytes to scrub"
: >"$TMP/e.db-scrub"
run --db "$TMP/e.db" init
expect_rc 0
check_ '! grep -q leftover-secret "$TMP/e.db"' "the erased e-mail is still in the file"
check_ '[ ! -e "$TMP/e.db-scrub" ]' "the mark is still there"

# 11. Settings and arguments
case_ "--config naming a folder is refused"
run --config "$TMP" --db "$DB" report
expect_rc 2
case_ "min_days above max_days is refused"
printf '[shadowing]\nmin_days = 30\nmax_days = 10\n' >"$TMP/days.ini"
run --config "$TMP/days.ini" --db "$DB" report
expect_rc 2
expect_err 'min_days'
case_ "report --as-of '' is refused"
run --db "$DB" report --as-of ''
expect_rc 2
case_ "a [keys] setting that leaves an action without a key is named"
printf '[keys]\nadd = a\nedit = a\nquit =\n' >"$TMP/keys.ini"
echo q >"$TMP/quit.keys"
LUP_KEYS="$TMP/quit.keys" "$LUP" --config "$TMP/keys.ini" --db "$DB" >"$OUT" 2>"$ERR" </dev/null
grep -q 'add has no key' "$ERR" && pass || fail "add lost its key in silence"
grep -q 'quit has no key' "$ERR" && pass || fail "quit lost its key in silence"

finish
