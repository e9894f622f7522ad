#!/bin/sh
# The fault sweep: each writing command (import, demo, purge, erase,
# framework import, a save in the terminal interface, sync apply) is run
# once to count its I/O calls (writes, syncs, truncations), then again with
# the Nth of them failing, N over every call (full) or a spread of them
# (quick, in make check).  After each, the database must pass
# integrity_check and lup check and hold exactly the state before or after
# the command.  Usage: sweep.sh [quick|full] [SCENARIO…]
mode=${1:-quick}; [ $# -gt 0 ] && shift
B=${B:-build}
W=$(mktemp -d "${TMPDIR:-/tmp}/lup-faults.XXXXXX")
trap 'rm -rf "$W"' EXIT
. tests/faults/lib.sh
SHIM="$TOP/$B/tests/libfault.so"
[ -e "$SHIM" ] || { echo "faults: $SHIM is not built"; echo "faults: 0 passed, 1 failed"; exit 1; }
QUICK=${FAULT_QUICK:-36}   # trials per scenario in the quick sweep
injected=0 ok=0 bad=0
for s in ${*:-$SCENARIOS}; do
	setup "$s" || { echo "FAIL $s: setup"; bad=$((bad + 1)); continue; }
	states "$s" || { bad=$((bad + 1)); continue; }
	rm -f "$W/t.db"*; cp "$W/$s.base" "$W/t.db"
	runcmd "$s" "$W/t.db" LD_PRELOAD="$SHIM" LUP_FAULT_COUNT="$W/count"
	total=$(cat "$W/count")
	if [ "$mode" = full ] || [ "$total" -le "$QUICK" ]; then
		ns=$(seq 1 "$total")
	else
		ns=$(awk -v t="$total" -v q="$QUICK" 'BEGIN { for (i = 0; i < q; i++) print 1 + int(i * (t - 1) / (q - 1)) }' | uniq)
	fi
	sn=0 sok=0
	for n in $ns; do
		rm -f "$W/t.db"*; cp "$W/$s.base" "$W/t.db"
		runcmd "$s" "$W/t.db" LD_PRELOAD="$SHIM" LUP_FAULT_AT="$n"
		rc=$?
		sn=$((sn + 1))
		# a failed write is a message and status 1, never a crash
		if [ "$rc" -ge 128 ]; then
			echo "FAIL $s: I/O call $n of $total failed: lup ended with status $rc"
		elif intact "$s" "$W/t.db" 2>"$W/why"; then
			sok=$((sok + 1))
		else
			echo "FAIL $s: I/O call $n of $total failed: the database is not intact"; cat "$W/why"
		fi
	done
	echo "$s: $total I/O calls, $sn faults injected, $sok intact"
	injected=$((injected + sn)); ok=$((ok + sok)); bad=$((bad + sn - sok))
done
echo "faults: $injected injected, $ok intact"
echo "faults: $ok passed, $bad failed"
[ "$bad" -eq 0 ]
