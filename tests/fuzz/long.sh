#!/bin/sh
# make fuzz-long: each harness explores for FUZZ_LONG_SECONDS (600 unless
# said) from its seeds and kept corpus, then what it found is minimised
# (libFuzzer's -merge) into tests/fuzz/corpus/NAME, at most
# FUZZ_KEEP files a harness, which make check's fuzz stage replays.
B=${B:-build}
SECS=${FUZZ_LONG_SECONDS:-600}
KEEP=${FUZZ_KEEP:-30}
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}"
status=0
for src in tests/fuzz/fuzz_*.c; do
	n=${src##*/}; n=${n%.c}; h=${n#fuzz_}
	make -s B="$B" "$B/fuzz/$n" || { status=1; continue; }
	keep="tests/fuzz/corpus/$h" work="$B/fuzz/long-$n"
	mkdir -p "$keep" "$work" "$B/fuzz/crash-$n"
	"$B/fuzz/$n" -max_total_time="$SECS" -max_len=8192 -artifact_prefix="$B/fuzz/crash-$n/" \
		"$work" "tests/fuzz/seed/$h" "$keep" >"$B/fuzz/long-$n.log" 2>&1 || {
		echo "FAIL $n: a finding in $B/fuzz/crash-$n/"; status=1; }
	execs=$(grep -Eo 'Done [0-9]+ runs' "$B/fuzz/long-$n.log" | tail -1)
	# minimise: the smallest set of inputs that covers what all of them do
	rm -rf "$keep.new"; mkdir -p "$keep.new"
	"$B/fuzz/$n" -merge=1 -max_len=8192 "$keep.new" "$keep" "$work" >/dev/null 2>&1
	ls -S "$keep.new" | tail -n +"$((KEEP + 1))" | while read -r f; do rm -f "$keep.new/$f"; done
	rm -rf "$keep"; mv "$keep.new" "$keep"
	echo "$n: $execs in ${SECS}s, $(ls "$keep" | wc -l) inputs kept"
done
exit $status
