#!/bin/sh
# Plural forms: every message in the sources with a number in it (%d, %ld,
# %zu, %u …) goes through ngettext, so that "1 sen" and "2 sena" both read
# right.  Numbers that are not counts (a line number, a revision, a schema
# version, a fixed limit of lup's that is never 1) are listed with a reason
# in tests/plurals.allow, one "msgid<TAB>reason" a line.
B=${B:-build}
allow=${ALLOW:-tests/plurals.allow}
mkdir -p "$B/po"
pot=${POT:-$B/po/plurals.pot}
if [ -z "${POT:-}" ]; then
	xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 --add-comments=/ --package-name=lup \
		-o "$pot" src/core/*.c src/tui/*.c src/cli/*.c 2>"$B/po/plurals.err" ||
		{ cat "$B/po/plurals.err"; echo "plurals: 0 passed, 1 failed"; exit 1; }
fi
# Each singular message (no msgid_plural) with a number, with where it is.
msgcat --no-wrap "$pot" | awk '
	/^#: /        { loc = substr($0, 4) }
	/^msgid "/    { id = substr($0, 8, length($0) - 8); pl = 0; next }
	/^msgid_plural/ { pl = 1 }
	/^msgstr/     { if (id != "" && !pl && id ~ /%[-+ #0-9.*]*(hh|h|ll|l|z|j|t)?[diu]/)
	                      printf "%s\t%s\n", id, loc
	                id = "" }' >"$B/po/plurals.found"
tab=$(printf '\t')
cut -f1 "$allow" | grep -v '^#' | grep -v '^$' | sort -u >"$B/po/plurals.allowed"
p=0 f=0
while IFS="$tab" read -r id loc; do
	if grep -qxF -- "$id" "$B/po/plurals.allowed"; then p=$((p + 1)); else
		f=$((f + 1)); echo "FAIL plurals: a number meets a noun without ngettext ($loc): \"$id\""; fi
done <"$B/po/plurals.found"
# Every allowance says why, and none is stale.
while IFS="$tab" read -r id why; do
	case "$id" in ''|'#'*) continue ;; esac
	if [ -z "$why" ]; then f=$((f + 1)); echo "FAIL plurals: no reason given for \"$id\""; fi
	if ! cut -f1 "$B/po/plurals.found" | grep -qxF -- "$id"; then
		f=$((f + 1)); echo "FAIL plurals: \"$id\" is allowed but no longer in the sources (or has a plural now)"; fi
done <"$allow"
[ "$p" -gt 0 ] || { f=$((f + 1)); echo "FAIL plurals: no message with a number was found"; }
echo "plurals: $p passed, $f failed"
[ "$f" -eq 0 ]
