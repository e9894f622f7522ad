#!/bin/sh
# The fault sweep: each writing command (import, demo, purge, erase,
# framework import, a save in the terminal interface, sync apply) is run
# once to count its calls of a kind, then again with the Nth of them
# failing.  Kinds: I/O calls (io: writes, syncs, truncations), SQLite's
# memory allocations (alloc) and lup's own (lupalloc: malloc and the like
# called from lup's program).  quick (make check): a spread of N over each
# command and kind; full (make faults): every I/O call and a wider spread
# of allocations.  After each, lup must have ended with a message (a
# status, never a crash or a sanitizer's report), and the database must
# pass integrity_check and lup check and hold exactly the state before or
# after the command (after, when lup said it succeeded).
# Usage: sweep.sh [quick|full] [SCENARIO…]; FAULT_KINDS="io alloc
# lupalloc" by default; FAULT_KEEP=DIR keeps what each failed trial left;
# FAULT_AT="N…" fails those calls only.
mode=${1:-quick}; [ $# -gt 0 ] && shift
B=${B:-build}
W=$(mktemp -d "${TMPDIR:-/tmp}/lup-faults.XXXXXX")
trap 'rm -rf "$W"' EXIT
. tests/faults/lib.sh
SHIM="$TOP/$B/tests/libfault.so"
[ -e "$SHIM" ] || { echo "faults: $SHIM is not built"; echo "faults: 0 passed, 1 failed"; exit 1; }
KINDS=${FAULT_KINDS:-io alloc lupalloc}
# lup's own allocations: a shim of their own, and not beside a sanitizer's
# allocator (make asan)
SHIMLUP="$TOP/$B/tests/libfaultlup.so"
if nm -D "$LUP" 2>/dev/null | grep -q ' __asan_init'; then
	KINDS=$(echo "$KINDS" | sed 's/lupalloc//')
	echo "faults: lup's own allocations are not failed beside AddressSanitizer"
elif [ ! -e "$SHIMLUP" ]; then
	echo "faults: $SHIMLUP is not built"; echo "faults: 0 passed, 1 failed"; exit 1
fi
QUICK=${FAULT_QUICK:-36}        # I/O trials per scenario in the quick sweep
QUICK_ALLOC=${FAULT_QUICK_ALLOC:-10}  # allocation trials per scenario and kind
# every I/O call in the full sweep, but a spread of allocations: a purge
# makes some 400,000 of SQLite's
FULL_ALLOC=${FAULT_FULL_ALLOC:-400}
injected=0 ok=0 bad=0
io_n=0 io_ok=0 al_n=0 al_ok=0

# one scenario, one kind: count its calls, then fail each chosen one
sweep1() {
	s=$1 kind=$2
	shim=$SHIM
	[ "$kind" = lupalloc ] && shim=$SHIMLUP
	case $kind in
	io) what="I/O calls" q=$QUICK ;;
	alloc) what="SQLite allocations" q=$QUICK_ALLOC ;;
	*) what="lup allocations" q=$QUICK_ALLOC ;;
	esac
	full=$mode
	if [ "$mode" = full ] && [ "$kind" != io ]; then full=spread q=$FULL_ALLOC; fi
	rm -f "$W/t.db"* "$W/count"; cp "$W/$s.base" "$W/t.db"
	runcmd "$s" "$W/t.db" LD_PRELOAD="$shim" LUP_FAULT_KIND="$kind" LUP_FAULT_COUNT="$W/count"
	total=$(cat "$W/count" 2>/dev/null)
	if [ -z "$total" ] || [ "$total" -eq 0 ]; then
		echo "FAIL $s: no $what counted: $(head -2 "$W/err" | tr '\n' ' ')"
		bad=$((bad + 1)); return
	fi
	if [ -n "$FAULT_AT" ]; then
		ns=$FAULT_AT
	elif [ "$full" = full ] || [ "$total" -le "$q" ]; then
		ns=$(seq 1 "$total")
	else
		ns=$(awk -v t="$total" -v q="$q" 'BEGIN { for (i = 0; i < q; i++) print 1 + int(i * (t - 1) / (q - 1)) }' | uniq)
	fi
	sn=0 sok=0
	for n in $ns; do
		rm -f "$W/t.db"*; cp "$W/$s.base" "$W/t.db"
		runcmd "$s" "$W/t.db" LD_PRELOAD="$shim" LUP_FAULT_KIND="$kind" LUP_FAULT_AT="$n"
		rc=$?
		sn=$((sn + 1))
		why=
		# a failed call is a message and a status, never a crash
		if [ "$rc" -ge 128 ]; then
			why="lup ended with status $rc"
		elif grep -q 'Sanitizer\|runtime error' "$W/err"; then
			why="a sanitizer's report: $(grep -m1 'Sanitizer\|runtime error' "$W/err")"
		elif [ "$rc" -ne 0 ] && [ "$s" != tui ] && ! grep -q '^lup' "$W/err"; then
			why="status $rc without a message"
		elif [ "$rc" -ne 0 ] && [ "$s" != tui ] && grep -q '^lup.*:  *$' "$W/err"; then
			why="a message that does not say why"
		elif ! intact "$s" "$W/t.db" 2>"$W/why"; then
			why="the database is not intact: $(cat "$W/why")"
		elif [ "$rc" -eq 0 ] && [ "$s" != tui ] && [ "$(digest "$s" "$W/t.db")" != "$(cat "$W/$s.after")" ]; then
			why="lup said it succeeded but the change is not there"
		fi
		if [ -z "$why" ]; then
			sok=$((sok + 1))
		else
			echo "FAIL $s: $kind call $n of $total failed: $why"
			# FAULT_KEEP=DIR keeps the database, the one before and the message
			[ -n "$FAULT_KEEP" ] && mkdir -p "$FAULT_KEEP" && cp "$W/t.db" "$FAULT_KEEP/$s-$kind-$n.db" &&
				cp "$W/$s.base" "$FAULT_KEEP/$s.base.db" && cp "$W/err" "$FAULT_KEEP/$s-$kind-$n.err"
			[ -s "$W/err" ] && sed 's/^/  stderr: /' "$W/err" | head -3
		fi
	done
	echo "$s: $total $what, $sn faults injected, $sok intact"
	injected=$((injected + sn)); ok=$((ok + sok)); bad=$((bad + sn - sok))
	case $kind in
	io) io_n=$((io_n + sn)); io_ok=$((io_ok + sok)) ;;
	*) al_n=$((al_n + sn)); al_ok=$((al_ok + sok)) ;;
	esac
}

for s in ${*:-$SCENARIOS}; do
	setup "$s" || { echo "FAIL $s: setup"; bad=$((bad + 1)); continue; }
	states "$s" || { bad=$((bad + 1)); continue; }
	for kind in $KINDS; do
		# lup's own allocations in the terminal interface: make faults only
		# (a form's values are copied one by one, and one copy that fails
		# is saved as an empty field: not yet handled)
		if [ "$kind" = lupalloc ] && [ "$s" = tui ] && [ "$mode" != full ]; then
			echo "$s: lup's own allocations are swept by make faults only"; continue
		fi
		sweep1 "$s" "$kind"
	done
done
echo "faults: $injected injected, $ok intact (I/O: $io_n injected, $io_ok intact; allocation: $al_n injected, $al_ok intact)"
echo "faults: $ok passed, $bad failed"
[ "$bad" -eq 0 ]
