#!/bin/sh
# make bench: every benchmark script in this folder, one after another.
# They print figures; none of them passes or fails on a time.
LUP=${LUP:-./lup}; B=${B:-build}
export LUP B
for b in tests/bench/*.sh; do
	[ "$b" = tests/bench/run.sh ] && continue
	echo "== ${b##*/}"
	sh "$b" || echo "bench: ${b##*/} did not finish (exit $?)"
done
