#!/bin/sh
# Benchmark: the competence core at 300 and 50,000 people — framework
# import, the Due list, gaps, rating keystrokes, heat maps.  Prints
# figures; asserts nothing.
#   B             the build folder (build)
#   BENCH_PEOPLE  the sizes ("300 50000")
set -u
B=${B:-build}
sizes=${BENCH_PEOPLE:-300 50000}
dir="$B/bench"
mkdir -p "$dir"
make -s "$B/liblupcore.a" || exit 1
# shellcheck disable=SC2046
cc -std=c11 -O2 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Iinclude -Isrc -o "$dir/competence" \
	tests/bench/competence.c "$B/liblupcore.a" \
	$(pkg-config --libs sqlite3 libical cairo cairo-pdf pangocairo libsodium) -liniparser -lcsv -lm || exit 1
for n in $sizes; do
	echo "competence at $n people:"
	"$dir/competence" "$dir/competence.db" "$n" || exit 1
	rm -f "$dir/competence.db" "$dir/competence.db-wal" "$dir/competence.db-shm"
done
