#!/bin/sh
# Swedish terminology: no message in sv.po uses a word the terminology list
# (share/lup/po/sv-terms.txt) replaced.  Each msgstr is read whole, on one
# line, so a word split across the file's wrapped lines is still seen.
B=${B:-build}
terms=${TERMS:-share/lup/po/sv-terms.txt} po=${PO:-share/lup/po/sv.po}
mkdir -p "$B/po"
strs="$B/po/sv.msgstr"
msgcat --no-wrap "$po" | sed -n 's/^msgstr\(\[[0-9]\]\)\{0,1\} "\(.*\)"$/\2/p' | grep -v '^$' >"$strs"
p=0 f=0
tab=$(printf '\t')
while IFS="$tab" read -r en sv bad except; do
	case "$en" in ''|'#'*) continue ;; esac
	[ "$bad" = - ] && continue
	hits=$(grep -iE -- "$bad" "$strs")
	[ "$except" != - ] && [ -n "$hits" ] && hits=$(printf '%s\n' "$hits" | grep -viE -- "$except")
	if [ -z "$hits" ]; then p=$((p + 1)); else
		f=$((f + 1))
		echo "FAIL terms: '$en' is '$sv' in Swedish; these messages use /$bad/:"
		printf '%s\n' "$hits" | head -10 | sed 's/^/  /'
	fi
done <"$terms"
# The list itself is read: an empty or unreadable list is a failure.
[ "$p" -gt 0 ] || { f=$((f + 1)); echo "FAIL terms: no terms read from $terms"; }
echo "terms: $p passed, $f failed"
[ "$f" -eq 0 ]
