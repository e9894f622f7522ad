#!/bin/sh
# Run every tests/tui/test_*.sh (each drives lup in tmux on its own
# server); the last line is the tally of test cases (each suite's checks,
# the screen waits among them, are summed beside it).
LUP=${LUP:-./lup}
export LUP
passed=0 failed=0 checks=0
if ! command -v tmux >/dev/null 2>&1; then
	echo "tui: tmux is not installed (scripts/deps.sh installs it)"
	echo "tui: 0 passed, 1 failed"
	exit 1
fi
for t in tests/tui/test_*.sh; do
	out=$(sh "$t" 2>&1); rc=$?
	line=$(printf '%s\n' "$out" | grep -Eo '[0-9]+ passed, [0-9]+ failed' | tail -1)
	c=$(printf '%s\n' "$out" | grep -Eo '[0-9]+ checks;' | tail -1 | awk '{print $1 + 0}')
	checks=$((checks + ${c:-0}))
	p=$(echo "$line" | awk '{print $1 + 0}'); f=$(echo "$line" | awk '{print $3 + 0}')
	[ $rc -ne 0 ] && [ "${f:-0}" -eq 0 ] && f=1
	passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
	if [ $rc -ne 0 ]; then printf '%s\n' "$out" | tail -60; fi
done
echo "tui: $checks checks; cases: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
