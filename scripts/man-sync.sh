#!/bin/sh
# Regenerate the parts of the shipped documentation that come from tables
# in the code (the option table, the action table), so they cannot drift.
# With --check, change nothing and exit 1 if anything is stale.
set -eu
LUP=${LUP:-./lup}
check=0
[ "${1:-}" = "--check" ] && check=1
stale=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# splice FILE NAME COMMAND…: replace the lines between the markers
# '.\" BEGIN NAME' and '.\" END NAME' in FILE with the command's output.
splice() {
	file=$1 name=$2; shift 2
	"$@" >"$tmp/gen"
	awk -v name="$name" -v gen="$tmp/gen" '
		$0 == ".\\\" BEGIN " name { print; while ((getline l < gen) > 0) print l; skip = 1; next }
		$0 == ".\\\" END " name { skip = 0 }
		!skip { print }' "$file" >"$tmp/new"
	settle "$file"
}
# whole FILE COMMAND…: the whole file is generated.
whole() {
	file=$1; shift
	"$@" >"$tmp/new"
	settle "$file"
}
settle() {
	if cmp -s "$1" "$tmp/new"; then return 0; fi
	if [ $check = 1 ]; then
		echo "stale: $1"; diff -u "$1" "$tmp/new" | head -20 || true; stale=1
	else
		cp "$tmp/new" "$1"; echo "updated: $1"
	fi
}

splice man/lup.ini.5 OPTIONS "$LUP" --dump-options mdoc
splice man/lup.1 KEYS "$LUP" --dump-keys mdoc
# the Swedish page's commands, in Swedish, from the same table
splice man/sv/lup.1 COMMANDS env LC_ALL=sv_SE.UTF-8 LANGUAGE= "$LUP" --dump-commands mdoc
splice man/lup-documents.5 PLACEHOLDERS "$LUP" --dump-documents mdoc
whole share/lup/lup.ini "$LUP" --dump-options ini

exit $stale
