#!/bin/sh
# make check: every suite, then one tally.  LUP and B come from make.
# Arguments: the unit-test programs.
LUP=${LUP:-./lup}; B=${B:-build}
export LUP B
total_p=0 total_f=0 log="$B/check.log"
mkdir -p "$B"; : >"$log"

# tally NAME COMMAND…: run a suite; its last "N passed, N failed" line counts.
tally() {
	name=$1; shift
	echo "== $name"
	"$@" >"$B/suite.out" 2>&1; rc=$?
	cat "$B/suite.out" >>"$log"
	grep -vE '^[[:alnum:]_.-]+: [0-9]+ passed, 0 failed' "$B/suite.out"
	line=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$B/suite.out" | tail -1)
	p=$(echo "$line" | awk '{print $1 + 0}'); f=$(echo "$line" | awk '{print $3 + 0}')
	[ -n "$line" ] || { [ $rc -eq 0 ] && p=1 || f=1; }
	[ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
	echo "$name: $p passed, $f failed"
	total_p=$((total_p + p)); total_f=$((total_f + f))
}

tally unit sh tests/run-unit.sh "$@"
for t in tests/cli/test_*.sh; do [ -e "$t" ] && tally "cli ${t##*/}" sh "$t"; done
# Merging laptops: a few seeds of the convergence test, and every order of
# the changes of three laptops (make sync-soak runs 200 seeds and more).
[ -x "$B/tests/sync-converge" ] && tally sync "$B/tests/sync-converge" --seeds 3 --replicas 4 \
	--rounds 3 --edits 40 --exhaustive 2,1,1
# A spread of I/O faults and failed allocations (SQLite's and lup's own)
# over each writing command (make faults: all).
tally faults sh tests/faults/sweep.sh quick
[ -x tests/tui/run.sh ] && tally tui sh tests/tui/run.sh
tally man sh tests/man.sh
tally layers sh tests/layers.sh
tally po sh tests/po.sh
tally terms sh tests/terms.sh
tally plurals sh tests/plurals.sh
[ -x tests/fuzz/run.sh ] && tally fuzz sh tests/fuzz/run.sh

echo "check: $total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
