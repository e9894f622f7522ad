#!/bin/sh
# kill -9 trials: TRIALS times (100 unless said) a writing command of the
# fault sweep's scenarios, chosen at random, is killed at a random moment
# of its run; the database must then pass integrity_check and lup check and
# hold exactly the state before or after the command.  Prints N/TRIALS intact.
TRIALS=${TRIALS:-100}
W=$(mktemp -d "${TMPDIR:-/tmp}/lup-crash.XXXXXX")
trap 'rm -rf "$W"' EXIT
. tests/faults/lib.sh
set -- $SCENARIOS
nsc=$#
for s in $SCENARIOS; do
	setup "$s" && states "$s" || { echo "crash: $s cannot be set up"; exit 1; }
	# how long a clean run takes, in milliseconds
	rm -f "$W/t.db"*; cp "$W/$s.base" "$W/t.db"
	t0=$(date +%s%N); runcmd "$s" "$W/t.db"; t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 + 1 )) >"$W/$s.ms"
done
ok=0 killed=0
i=0
while [ "$i" -lt "$TRIALS" ]; do
	i=$((i + 1))
	r=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
	k=$((r % nsc + 1))
	eval "s=\${$k}"
	ms=$(cat "$W/$s.ms")
	# within the first four fifths of a clean run, so most trials interrupt it
	delay=$((r / nsc % (ms * 4 / 5 + 1)))
	rm -f "$W/t.db"*; cp "$W/$s.base" "$W/t.db"
	runcmd "$s" "$W/t.db" &
	pid=$!
	sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
	# the lup under the shell that runs it, then the shell
	pkill -KILL -P "$pid" 2>/dev/null && killed=$((killed + 1))
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if intact "$s" "$W/t.db" 2>"$W/why"; then
		ok=$((ok + 1))
	else
		echo "FAIL trial $i: $s killed after ${delay} ms:"; cat "$W/why"
	fi
done
echo "crash: $ok/$TRIALS intact ($killed killed while running)"
[ "$ok" -eq "$TRIALS" ]
