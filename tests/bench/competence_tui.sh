#!/bin/sh
# The Competence screens at 300 and at 50,000 people (lup demo --people N),
# through lup's headless mode (LUP_KEYS=FILE, LUP_KEYS_TIMES): the cost of
# each keypress on the Due list (moving, paging, both ends, a filter typed
# letter by letter) and on the rating sheet (the 21 digits that rate
# DigComp, n, BS), the first frame of each, the gap view, the Due list
# again after the draft (a write that changes nobody's due date) and the
# heat map.
# Prints figures; it does not pass or fail on them.
. tests/bench/lib.sh
dir="$B/bench-comp"
mkdir -p "$dir"

# Due list: open the section, move, page, ends, filter, clear.
cat >"$dir/due.keys" <<'KEYS'
4
j j j j j j j j j j j j j j j j j j j j
PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn
k k k k k PgUp PgUp PgUp G k k g
/ "a" "n" "n" "a" BS BS BS BS Esc
KEYS
# Rating sheet: the first person, a new self-assessment, 21 digits, n,
# BS, paging; then the gap view and the heat map.
cat >"$dir/sheet.keys" <<'KEYS'
4 v v v v
Enter a ^S
5 3 4 2 6 3 4 5 2 3 4 5 6 2 3 4 5 6 3 4 2
g n k BS PgDn PgUp G g
q t j j G g q q
v j j v v
KEYS

field() { awk -v k="$1" '{ for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2) }'; }
# stats FILE FROM TO: mean, p95 and max of the wall and CPU times of
# keys FROM..TO (1-based) in a LUP_KEYS_TIMES file.
stats() {
	awk -v a="$2" -v b="$3" 'NR >= a && NR <= b { n++; w[n] = $2; c[n] = $3; sw += $2; sc += $3 }
		END {
			if (!n) { print "? ? ? ? ? ?"; exit }
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) {
				if (w[j] < w[i]) { t = w[i]; w[i] = w[j]; w[j] = t }
				if (c[j] < c[i]) { t = c[i]; c[i] = c[j]; c[j] = t }
			}
			p = int(n * 0.95); if (p < 1) p = 1
			printf "%.2f %.2f %.2f %.2f %.2f %.2f\n", sw / n, w[p], w[n], sc / n, c[p], c[n]
		}' "$1"
}
# one FILE FROM: wall and CPU time of one key
one() { awk -v a="$2" 'NR == a { printf "%.1f %.1f\n", $2, $3 }' "$1"; }

for n in 300 50000; do
	db=$(bench_demo $n) || { echo "bench: lup demo --people $n failed"; exit 1; }
	# the sheet run writes: work on a copy
	bench_copy "$db" "$dir/run.db"
	LUP_KEYS="$dir/due.keys" LUP_KEYS_TIMES="$dir/due-$n.times" "$LUP" --db "$dir/run.db" \
		2>"$dir/due-$n.out" </dev/null >/dev/null
	LUP_KEYS="$dir/sheet.keys" LUP_KEYS_TIMES="$dir/sheet-$n.times" "$LUP" --db "$dir/run.db" \
		2>"$dir/sheet-$n.out" </dev/null >/dev/null
	# due.keys: 1 section switch (the list worked out), 2..50 moving and
	# paging, 51..60 the filter; sheet.keys: 2 the heat map (built), 3..5
	# back to the Due list (by the frameworks and the rounds), 6..8 to the
	# sheet, 9..29 the digits, 30..37 n, BS, paging, 39 the gap view, 45
	# back on the Due list and 46 the heat map again (after a draft and its
	# ratings: nothing either of them reads)
	eval "due_first_$n=\"$(one "$dir/due-$n.times" 1)\""
	eval "due_move_$n=\"$(stats "$dir/due-$n.times" 2 36)\""
	eval "due_filter_$n=\"$(stats "$dir/due-$n.times" 37 46)\""
	eval "heat_$n=\"$(one "$dir/sheet-$n.times" 2)\""
	eval "sheet_open_$n=\"$(one "$dir/sheet-$n.times" 8)\""
	eval "sheet_digit_$n=\"$(stats "$dir/sheet-$n.times" 9 29)\""
	eval "sheet_other_$n=\"$(stats "$dir/sheet-$n.times" 30 37)\""
	eval "gaps_$n=\"$(one "$dir/sheet-$n.times" 39)\""
	eval "due_back_$n=\"$(one "$dir/sheet-$n.times" 45)\""
	eval "heat_back_$n=\"$(one "$dir/sheet-$n.times" 46)\""
done
rm -f "$dir/run.db" "$dir/run.db-wal" "$dir/run.db-shm"

row() { printf '%-40s %24s %24s\n' "$1" "$2" "$3"; }
printf 'competence tui bench (%sx%s; wall / CPU ms; mean p95 max)\n' "$COLUMNS" "$LINES"
row "" "300 people" "50,000 people"
row "Due list: first frame (ms)" "$due_first_300" "$due_first_50000"
row "Due list: move, page (mean p95 max)" "$(echo $due_move_300 | cut -d' ' -f1-3)" "$(echo $due_move_50000 | cut -d' ' -f1-3)"
row "  CPU" "$(echo $due_move_300 | cut -d' ' -f4-6)" "$(echo $due_move_50000 | cut -d' ' -f4-6)"
row "Due list: filter keys (mean p95 max)" "$(echo $due_filter_300 | cut -d' ' -f1-3)" "$(echo $due_filter_50000 | cut -d' ' -f1-3)"
row "  CPU" "$(echo $due_filter_300 | cut -d' ' -f4-6)" "$(echo $due_filter_50000 | cut -d' ' -f4-6)"
row "Rating sheet: open (ms)" "$sheet_open_300" "$sheet_open_50000"
row "Rating sheet: a digit (mean p95 max)" "$(echo $sheet_digit_300 | cut -d' ' -f1-3)" "$(echo $sheet_digit_50000 | cut -d' ' -f1-3)"
row "  CPU" "$(echo $sheet_digit_300 | cut -d' ' -f4-6)" "$(echo $sheet_digit_50000 | cut -d' ' -f4-6)"
row "Rating sheet: n, BS, paging" "$(echo $sheet_other_300 | cut -d' ' -f1-3)" "$(echo $sheet_other_50000 | cut -d' ' -f1-3)"
row "Gap view: open (ms)" "$gaps_300" "$gaps_50000"
row "Due list after an unrelated change" "$due_back_300" "$due_back_50000"
row "Heat map: open (ms)" "$heat_300" "$heat_50000"
row "Heat map after an unrelated change" "$heat_back_300" "$heat_back_50000"
printf '%s\n' "(a digit is one transaction, synchronously written: its wall time is mostly" \
  " the disk's fsync; the Due list reads each page from indexes over what the" \
  " database keeps for every person, so its first frame costs what any page costs;" \
  " the heat map is worked out a slice at a time once no key waits, so opening it" \
  " costs its first frame, and it is worked out again only after a change to what" \
  " it reads: screens.sh shows how long until it is complete)"
