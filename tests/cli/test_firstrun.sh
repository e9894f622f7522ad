#!/bin/sh
# Frameworks by name: `lup framework import digcomp-2.2` finds the file lup
# ships (beside an uninstalled binary) or the user's own in
# $XDG_DATA_HOME/lup/frameworks, which wins; an unknown name lists those at
# hand.
. tests/cli/lib.sh

DB="$TMP/fw.db"
newdb "$DB"

case_ "a shipped framework by name"
cd "$TMP" || exit 1
run --db "$DB" framework import digcomp-2.2
expect_rc 0
expect_out "imported as digcomp revision 1"
run --db "$DB" framework import kommun-chefer.ini
expect_rc 0
expect_out "imported as kommun-chefer revision 1"
cd "$TOP" || exit 1

case_ "the user's own file wins over the shipped one"
mkdir -p "$XDG_DATA_HOME/lup/frameworks"
sed 's/^name = DigComp 2.2: The Digital.*/name = Our own DigComp/' share/lup/frameworks/digcomp-2.2.ini \
	>"$XDG_DATA_HOME/lup/frameworks/digcomp-2.2.ini"
run --db "$DB" framework import digcomp-2.2
expect_rc 0
expect_out "frameworks/digcomp-2.2.ini: imported as digcomp revision 2"
expect_out "^$XDG_DATA_HOME"

case_ "an unknown name lists what is at hand"
run --db "$DB" framework import nosuch
expect_rc 1
expect_err "nosuch: no such file, and no framework of that name"
expect_err "digcomp-2.2"
expect_err "kommun-chefer"

finish
