#!/bin/sh
# [keys] in lup.ini rebinds actions; bad entries are warnings naming them.
. tests/tui/lib.sh
new_db 5
printf '[keys]\nadd = n Ins\nfrobnicate = x\nsort = Boo\nhelp = F1 ^G\n' >"$CONFIG"

case_ "warnings name the action and the key"
start 80x24
wait_for "[1 People]"
check_ 'grep -q "frobnicate" "$TMP/stderr"' "no warning about the unknown action"
check_ 'grep -q "Boo" "$TMP/stderr"' "no warning about the bad key name"

case_ "a rebound action"
keys n
wait_for "New person"
keys Escape
wait_gone "New person"
keys a
check_ '! poll "on_screen \"New person\"" 1' "a still adds"
keys IC
wait_for "New person"
keys Escape
wait_gone "New person"

case_ "the hint line and help follow the bindings"
check_ 'screen | tail -1 | grep -q "n Add"' "the hint line does not show n for Add"
keys F1
wait_for "Keys: People"
check_ 'on_screen "F1, ^G"' "help does not list F1, ^G"
keys End
wait_for "n, Ins"

keys Escape
wait_gone "Keys: People"

case_ "a bad binding leaves the default"
keys s
wait_for "Sorted by unit"
keys q
wait_exit
check_ '[ "$STATUS" = 0 ]' "exit status $STATUS"
finish
