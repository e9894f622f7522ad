#!/bin/sh
# Configuration from the command line's point of view: lookup order,
# warnings for unknown keys, exit 2 for bad values.
. tests/cli/lib.sh

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
