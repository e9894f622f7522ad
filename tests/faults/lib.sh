# lib.sh — what the fault sweep and the kill -9 trials share: scenarios of
# writing commands, each with a database before it, and the test that a
# database afterwards is sound and holds exactly the before or the after
# state.  LUP names the binary; W a work folder.
LUP=${LUP:-./lup}
case "$LUP" in /*) ;; *) LUP="$PWD/$LUP" ;; esac
TOP=$PWD
# the shim beside an AddressSanitizer build (make asan)
export ASAN_OPTIONS="verify_asan_link_order=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LUP_CONFIG="" LC_ALL=C.UTF-8 HOME="$W/home" XDG_DATA_HOME="$W/data" XDG_CONFIG_HOME="$W/cfg"
mkdir -p "$W/home" "$W/cfg"
TODAY=2026-03-02

SCENARIOS="import demo purge erase framework tui sync"

# setup NAME: $W/NAME.base (the database before) and $W/NAME.cmd (how the
# command is run, with $DB for the database), once.
setup() {
	s=$1 b="$W/$1.base"
	[ -e "$b" ] && return 0
	case $s in
	import|framework|demo|tui) "$LUP" --db "$b" init >/dev/null ;;
	purge|erase) "$LUP" --db "$b" demo --people 20 --today 2019-03-02 >/dev/null 2>&1 ;;
	sync)
		"$LUP" --db "$W/sync-a.db" init >/dev/null
		XDG_CONFIG_HOME="$W/cfg-a" "$LUP" --db "$W/sync-a.db" sync init --name a >/dev/null 2>&1
		cp "$W/sync-a.db" "$b"
		"$LUP" --db "$b" sync init --name b --key "$W/cfg-a/lup/team.key" >/dev/null 2>&1
		"$LUP" --db "$W/sync-a.db" import people "$TOP/tests/data/people_utf8.csv" >/dev/null 2>&1
		XDG_CONFIG_HOME="$W/cfg-a" "$LUP" --db "$W/sync-a.db" sync export --all -o "$W/a.lupcs" >/dev/null 2>&1
		;;
	esac
	printf '[privacy]\nretention_years = 2\n' >"$W/purge.ini"
	printf '"Fault Person" Tab "fault@example.org" ^S q q\n' >"$W/tui.keys"
	case $s in
	import)    echo 'import people "$TOP/tests/data/people_utf8.csv"' ;;
	demo)      echo "demo --people 20 --today $TODAY" ;;
	purge)     echo '--config "$W/purge.ini" purge' ;;
	erase)     echo "person erase \"\$(sqlite3 \"\$DB\" 'SELECT email FROM person WHERE email IS NOT NULL ORDER BY email LIMIT 1')\" --yes" ;;
	framework) echo 'framework import "$TOP/share/lup/frameworks/digcomp-2.2.ini"' ;;
	tui)       echo 'TUI' ;;
	sync)      echo 'sync apply "$W/a.lupcs"' ;;
	esac >"$W/$s.cmd"
	# the digest query: every table but the change log's, without the
	# columns that differ from run to run (ids, times, derived keys)
	sqlite3 "$b" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sync%'
		AND name NOT LIKE 'sqlite%' ORDER BY name" | while read -r t; do
		cols=$(sqlite3 "$b" "SELECT group_concat('quote(' || name || ')', ' || ''|'' || ')
			FROM pragma_table_info('$t') WHERE name NOT LIKE '%id' AND name NOT LIKE '%\\_at' ESCAPE '\\'
			AND name NOT IN ('search', 'last', 'hlc', 'seq', 'identity', 'renamed_from', 'replaces', 'valid_from', 'valid_to') AND name NOT LIKE 'sort\\_%' ESCAPE '\\'")
		[ -n "$cols" ] || cols="''"
		echo "SELECT '$t', count(*) FROM \"$t\";"
		echo "SELECT x FROM (SELECT $cols AS x FROM \"$t\") ORDER BY x;"
	done >"$W/$s.sql"
}

# runcmd NAME DB [ENV…]: run the scenario's command on DB; its status.
runcmd() {
	s=$1 DB=$2; shift 2
	if [ "$s" = tui ]; then
		env "$@" LUP_KEYS="$W/tui.keys" "$LUP" --db "$DB" </dev/null >/dev/null 2>"$W/err"
	else
		eval "env \"\$@\" \"\$LUP\" --db \"\$DB\" $(cat "$W/$s.cmd")" </dev/null >/dev/null 2>"$W/err"
	fi
}

digest() { sqlite3 "$2" <"$W/$1.sql" 2>&1 | cksum; }

# after NAME: the digest before and after a clean run ($W/NAME.before, .after).
states() {
	s=$1
	[ -e "$W/$s.after" ] && return 0
	rm -f "$W/$s.t.db"*; cp "$W/$s.base" "$W/$s.t.db"
	digest "$s" "$W/$s.t.db" >"$W/$s.before"
	runcmd "$s" "$W/$s.t.db"
	digest "$s" "$W/$s.t.db" >"$W/$s.after"
	if cmp -s "$W/$s.before" "$W/$s.after"; then
		echo "fault: $s changes nothing: the scenario is broken" >&2
		return 1
	fi
}

# intact NAME DB: the database passes integrity_check and lup check and
# holds the before or the after state; else says why on stderr.
intact() {
	s=$1 db=$2
	if ! "$LUP" --db "$db" check >"$W/check.out" 2>&1; then
		echo "  lup check: $(head -3 "$W/check.out" | tr '\n' ' ')" >&2; return 1
	fi
	ic=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)
	[ "$ic" = ok ] || { echo "  integrity_check: $ic" >&2; return 1; }
	d=$(digest "$s" "$db")
	[ "$d" = "$(cat "$W/$s.before")" ] || [ "$d" = "$(cat "$W/$s.after")" ] || {
		echo "  neither the before nor the after state" >&2; return 1; }
	return 0
}
