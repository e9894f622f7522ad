#!/bin/sh
# The fuzz harnesses as a regression suite: each runs over its seed corpus
# and then explores for a short while.  A crash fails the suite and leaves
# the input in $B/fuzz/.  `make fuzz FUZZ_SECONDS=600` explores longer.
B=${B:-build}
SECONDS_EACH=${FUZZ_CHECK_SECONDS:-10}
# fontconfig keeps its configuration for the life of the process.
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}"
p=0 f=0
if ! command -v clang >/dev/null 2>&1; then
	echo "skip: clang is not installed (make deps installs it)"
	echo "fuzz: 0 passed, 1 failed"; exit 1
fi
for src in tests/fuzz/fuzz_*.c; do
	n=${src##*/}; n=${n%.c}; seed=tests/fuzz/seed/${n#fuzz_}
	if ! make -s B="$B" "$B/fuzz/$n" >"$B/fuzz-build.log" 2>&1; then
		f=$((f + 1)); echo "FAIL $n: does not build"; tail -20 "$B/fuzz-build.log"; continue
	fi
	mkdir -p "$B/fuzz/corpus-$n" "$B/fuzz/crash-$n"
	kept=tests/fuzz/corpus/${n#fuzz_}; [ -d "$kept" ] || kept=
	# the seeds and what make fuzz-long kept, replayed; then a short run
	if "$B/fuzz/$n" -runs=0 "$seed" $kept >"$B/fuzz/$n.log" 2>&1 &&
	   "$B/fuzz/$n" -max_total_time="$SECONDS_EACH" -artifact_prefix="$B/fuzz/crash-$n/" \
	       "$B/fuzz/corpus-$n" "$seed" >>"$B/fuzz/$n.log" 2>&1; then
		p=$((p + 1)); echo "$n: $(grep -Eo 'Done [0-9]+ runs' "$B/fuzz/$n.log" | tail -1)"
	else
		f=$((f + 1)); echo "FAIL $n:"; grep -E 'ERROR|SUMMARY|#[0-9]+ 0x' "$B/fuzz/$n.log" | head -15
	fi
done
echo "fuzz: $p passed, $f failed"
[ "$f" -eq 0 ]
