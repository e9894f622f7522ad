#!/bin/sh
# The steering group's HTML report printed by a real browser (headless
# chromium) and read back: A4 pages, no date broken over two lines, no
# label lying on another, countries by name in the report's language.
. tests/cli/lib.sh

DB="$TMP/demo.db"
CHROMIUM=""
for c in chromium chromium-browser; do
	if command -v "$c" >/dev/null 2>&1; then CHROMIUM=$c; break; fi
done
if [ -z "$CHROMIUM" ]; then
	echo "skip: chromium is not installed (scripts/deps.sh installs it); the report was not printed"
	echo "test_report_pdf.sh: 0 passed, 0 failed"
	exit 0
fi

# print HTML PDF: what a person gets from the browser's Print, headless.
print() {
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$TMP/chromium" --print-to-pdf="$2" "file://$1" >"$TMP/chromium.log" 2>&1
}
# overlaps PDF: words whose boxes overlap on a page (pdftotext -bbox).
overlaps() {
	pdftotext -bbox "$1" - | python3 -c '
import re, sys
page, words, bad = 0, [], []
def check():
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5:
                bad.append("page %d: %s / %s" % (page, a[4], b[4]))
for line in sys.stdin:
    if "<page " in line:
        check(); page += 1; words = []
    m = re.search(r"xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)<", line)
    if m:
        words.append(tuple(float(x) for x in m.groups()[:4]) + (m.group(5),))
check()
print("\n".join(bad[:5]))
sys.exit(1 if bad else 0)'
}

run --db "$DB" demo --today 2016-06-01
expect_rc 0
# The first cohort's start date, to be found whole in the printed text.
first=$(sqlite3 "$DB" "SELECT min(start_date) FROM cohort")

for loc in C.UTF-8 sv_SE.UTF-8; do
	case_ "the report printed from chromium [$loc]"
	LC_ALL=$loc "$LUP" --db "$DB" report --format html --as-of 2016-06-01 -o "$TMP/r.html" >"$OUT" 2>"$ERR"; RC=$?
	expect_rc 0
	rm -f "$TMP/r.pdf"
	print "$TMP/r.html" "$TMP/r.pdf"
	check_ '[ -s "$TMP/r.pdf" ]' "chromium printed nothing: $(tail -3 "$TMP/chromium.log")"
	# A4 is 595 × 842 points; chromium writes 594.96 × 841.92.
	sz=$(pdfinfo "$TMP/r.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p')
	check_ 'echo "$sz" | awk "{ exit !(int(\$1 + 0.5) == 595 && int(\$2 + 0.5) == 842) }"' "not A4 but $sz"
	check_ '[ "$(pdfinfo "$TMP/r.pdf" | awk "/^Pages:/ { print \$2 }")" -ge 2 ]' "fewer than two pages"
	pdftotext -raw "$TMP/r.pdf" "$TMP/r.txt"
	# No date split over two lines ("2014-" then "03-10").
	split=$(grep -nE '(^|[^0-9])[0-9]{4}-([0-9]{2}-)?$' "$TMP/r.txt" | head -3)
	check_ '[ -z "$split" ]' "a date is broken over two lines: $split"
	check_ '[ -n "$first" ] && grep -q "$first" "$TMP/r.txt"' "the first cohort's start date ($first) is not there whole"
	bad=$(overlaps "$TMP/r.pdf"); orc=$?
	check_ '[ $orc -eq 0 ]' "labels overlap: $bad"
	# Countries by name, never a bare code in the table.
	check_ '! grep -Eq "^(FI|DE|EE|PL|DK|BE) [0-9]" "$TMP/r.txt"' "a country is a bare code"
	if [ "$loc" = sv_SE.UTF-8 ]; then
		check_ 'grep -Eq "^(Tyskland|Estland|Polen|Danmark|Belgien) [0-9]" "$TMP/r.txt"' "no country named in Swedish"
	else
		check_ 'grep -Eq "^(Germany|Estonia|Poland|Denmark|Belgium) [0-9]" "$TMP/r.txt"' "no country named in English"
	fi
done
finish
