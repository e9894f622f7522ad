#!/bin/sh
# Run the cmocka unit-test programs given as arguments; print a tally.
passed=0 failed=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | head -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | head -1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ $rc -ne 0 ]; then
		[ -n "$f" ] || failed=$((failed + 1))
		printf '%s\n' "$out" | grep -vE '^\[ +(RUN|OK) +\]' | tail -40
		echo "FAIL ${t##*/} (exit $rc)"
	fi
done
printf 'unit: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
