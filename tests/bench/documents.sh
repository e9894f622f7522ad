#!/bin/sh
# Benchmark: documents at 50,000 people (lup demo --people 50000) — a
# certificate for every participant who completed a cohort, one PDF a
# cohort, through the core as lup print certificate writes them; and one
# sign-in sheet and one participant list through the command.  Prints
# figures; asserts nothing.
#   LUP           the binary (./lup)
#   B             the build folder (build)
#   BENCH_PEOPLE  the size (50000)
set -u
. tests/bench/lib.sh
n=${BENCH_PEOPLE_DOCUMENTS:-50000}
dir="$B/bench"
out="$dir/documents-out"
mkdir -p "$dir" "$out"
make -s "$B/liblupcore.a" || exit 1
# shellcheck disable=SC2046
cc -std=c11 -O2 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Iinclude -Isrc \
	$(pkg-config --cflags cairo pangocairo) -o "$dir/bench-documents" tests/bench/documents.c "$B/liblupcore.a" \
	$(pkg-config --libs sqlite3 libical cairo cairo-pdf pangocairo libsodium) -liniparser -lcsv -lm || exit 1
db=$(bench_demo "$n") || exit 1
"$dir/bench-documents" "$db" "$out" || exit 1
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f ms", (b - a) * 1000 }'; }
now() { date +%s.%N; }
cohort=$(sqlite3 "$db" "SELECT name FROM cohort ORDER BY start_date LIMIT 1 OFFSET 100")
t0=$(now); "$LUP" --db "$db" print participants "$cohort" -o "$out/list.pdf" 2>/dev/null; t1=$(now)
echo "lup print participants (one cohort, the whole command): $(ms "$t0" "$t1")"
t0=$(now); "$LUP" --db "$db" print sheet "$cohort@$(sqlite3 "$db" "SELECT substr(min(starts_at), 1, 16) FROM session s JOIN cohort c ON c.id = s.cohort_id WHERE c.name = '$(echo "$cohort" | sed "s/'/''/g")'")" \
	-o "$out/sheet.pdf" 2>/dev/null; t1=$(now)
echo "lup print sheet (one session, the whole command): $(ms "$t0" "$t1")"
rm -rf "$out"
