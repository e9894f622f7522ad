#!/bin/sh
# make bench: every benchmark script in this folder, one after another.
# They print figures; none of them passes or fails on a time.
LUP=${LUP:-./lup}; B=${B:-build}
export LUP B
for b in tests/bench/*.sh; do
	case "$b" in tests/bench/run.sh|tests/bench/lib.sh) continue ;; esac
	echo "== ${b##*/}"
	sh "$b" || echo "bench: ${b##*/} did not finish (exit $?)"
done
