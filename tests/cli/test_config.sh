#!/bin/sh
# Configuration from the command line's point of view: lookup order,
# warnings for unknown keys, exit 2 for bad values, and a setting read from
# each place taking effect (a person's next check-in is due interval_days
# after their latest).
. tests/cli/lib.sh

# A person with a final check-in, and the day their next is due after n days.
run --db "$TMP/c.db" demo --people 40 --today 2015-06-01
who=$(sqlite3 "$TMP/c.db" "SELECT p.email FROM person p JOIN checkin k ON k.person_id = p.id
	WHERE k.status = 'final' AND p.email IS NOT NULL ORDER BY p.email LIMIT 1")
# the day of their latest final check-in (not one a final correction replaces)
due_after() {
	sqlite3 "$TMP/c.db" "SELECT date(max(k.date), '+$1 days') FROM checkin k JOIN person p
		ON p.id = k.person_id WHERE p.email = '$who' AND k.status = 'final' AND NOT EXISTS
		(SELECT 1 FROM checkin s WHERE s.supersedes_id = k.id AND s.status = 'final')"
}
interval_ini() { printf '[competence]\ninterval_days = %s\n' "$2" >"$TMP/$1"; }
# expect_due N: the profile says the next check-in is due N days after the latest
expect_due() {
	run --db "$TMP/c.db" "$@" person profile "$who"
	expect_rc 0
	grep -q "the next is due $(due_after "$DUE")" "$OUT" && pass ||
		fail "not due $DUE days after the latest check-in ($(grep -o 'the next is due [0-9-]*' "$OUT"))"
}

case_ "defaults without a file"
run --db "$TMP/a.db" init
expect_rc 0
expect_no_err

case_ "unknown key warns, naming section and key"
printf '[ui]\ntheme = mono\ncolour = 3\n' >"$TMP/warn.ini"
run --db "$TMP/a.db" --config "$TMP/warn.ini" check
expect_rc 0
expect_err "unknown key 'colour' in section \[ui\]"

case_ "bad value stops with exit 2, naming value and what is allowed"
printf '[competence]\ninterval_days = often\n' >"$TMP/bad.ini"
run --db "$TMP/a.db" --config "$TMP/bad.ini" check
expect_rc 2
expect_err "interval_days = 'often': expected a whole number from 1 to 3650"

case_ "LUP_CONFIG is used when --config is not given"
LUP_CONFIG="$TMP/bad.ini" run --db "$TMP/a.db" check
expect_rc 2

case_ "--config wins over LUP_CONFIG"
LUP_CONFIG="$TMP/bad.ini" run --db "$TMP/a.db" --config "$TMP/warn.ini" check
expect_rc 0

case_ "XDG_CONFIG_HOME/lup/lup.ini is read when present"
mkdir -p "$XDG_CONFIG_HOME/lup"
cp "$TMP/bad.ini" "$XDG_CONFIG_HOME/lup/lup.ini"
run --db "$TMP/a.db" check
expect_rc 2
rm "$XDG_CONFIG_HOME/lup/lup.ini"

case_ "a setting takes effect: none, then from --config, LUP_CONFIG and XDG_CONFIG_HOME"
check_ '[ -n "$who" ]' "the demonstration has nobody with a check-in"
interval_ini seven.ini 7
interval_ini thirty.ini 30
DUE=180 expect_due
DUE=7 expect_due --config "$TMP/seven.ini"
LUP_CONFIG="$TMP/seven.ini" DUE=7 expect_due
LUP_CONFIG="$TMP/seven.ini" DUE=30 expect_due --config "$TMP/thirty.ini"
mkdir -p "$XDG_CONFIG_HOME/lup"
cp "$TMP/seven.ini" "$XDG_CONFIG_HOME/lup/lup.ini"
DUE=7 expect_due
LUP_CONFIG="$TMP/thirty.ini" DUE=30 expect_due
rm "$XDG_CONFIG_HOME/lup/lup.ini"

case_ "a named config that does not exist is an error"
run --db "$TMP/a.db" --config "$TMP/none.ini" check
expect_rc 2
expect_err "none.ini"

case_ "the database from LUP_DB, else XDG_DATA_HOME"
LUP_DB="$TMP/env.db" run init
expect_rc 0
check_ '[ -f "$TMP/env.db" ]' "LUP_DB was not used"
LUP_DB= run init
expect_rc 0
check_ '[ -f "$XDG_DATA_HOME/lup/lup.db" ]' "XDG_DATA_HOME/lup/lup.db was not created"

case_ "Swedish messages under sv_SE.UTF-8"
if locale -a 2>/dev/null | grep -qi '^sv_SE\.utf-\?8$'; then
	LC_ALL=sv_SE.UTF-8 run --db "$TMP/a.db" --config "$TMP/bad.ini" check
	expect_rc 2
	expect_err "förväntade ett heltal"
	LC_ALL=sv_SE.UTF-8 run --db "$TMP/a.db" --config "$TMP/warn.ini" check
	expect_rc 0
else
	echo "skip: no sv_SE.UTF-8 locale"
fi

case_ "the shipped lup.ini loads without warnings"
run --db "$TMP/a.db" --config share/lup/lup.ini check
expect_rc 0
expect_no_out "warning"
check_ '! grep -q warning "$ERR"' "the shipped lup.ini gives warnings"

finish
