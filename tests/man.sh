#!/bin/sh
# The manual pages lint clean, and their generated parts match the code.
LUP=${LUP:-./lup}
p=0 f=0
for m in man/*.[0-9] man/*/*.[0-9]; do
	[ -e "$m" ] || continue
	out=$(mandoc -Tlint -W warning "$m" 2>&1)
	if [ -z "$out" ]; then p=$((p + 1)); else f=$((f + 1)); echo "FAIL $m:"; echo "$out"; fi
done
if [ -x scripts/man-sync.sh ]; then
	if out=$(LUP=$LUP sh scripts/man-sync.sh --check 2>&1); then p=$((p + 1)); else
		f=$((f + 1)); echo "FAIL generated man/ini sections are stale (run scripts/man-sync.sh):"; echo "$out"; fi
fi
echo "man: $p passed, $f failed"
[ "$f" -eq 0 ]
