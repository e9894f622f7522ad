# lib.sh — what the benchmarks share: the demonstration databases, made
# once into $B/bench-db and kept for every script and every run of
# `make bench` (make clean removes them).  A database made by an older lup
# is upgraded when a benchmark first opens it.  Scripts that write work on
# a copy (bench_copy).
LUP=${LUP:-./lup}; B=${B:-build}
case "$LUP" in /*) ;; *) LUP="$PWD/$LUP" ;; esac
BENCH_DB="$B/bench-db"
mkdir -p "$BENCH_DB"
# lup's defaults, in English, at the size of an ordinary terminal
export LUP_CONFIG="" LINES=${LINES:-24} COLUMNS=${COLUMNS:-80} LC_ALL=${LC_ALL:-C.UTF-8}
unset LANGUAGE

# bench_demo N: the path of a database of `lup demo --people N`.
bench_demo() {
	_db="$BENCH_DB/demo-$1.db"
	if [ ! -s "$_db" ]; then
		rm -f "$_db" "$_db-wal" "$_db-shm"
		echo "(making $_db with lup demo --people $1 …)" >&2
		LUP_CONFIG= "$LUP" --db "$_db" demo --people "$1" >/dev/null 2>"$BENCH_DB/demo-$1.err" ||
			{ cat "$BENCH_DB/demo-$1.err" >&2; rm -f "$_db"; return 1; }
	fi
	echo "$_db"
}

# bench_ratings: the path of the 50,000-people demonstration grown to about
# a million ratings (tests/bench/ratings.sql: one more self-assessment of
# every competence for nine people in ten).
bench_ratings() {
	_db="$BENCH_DB/demo-50000-1m.db"
	if [ ! -s "$_db" ]; then
		_src=$(bench_demo 50000) || return 1
		echo "(making $_db: the demonstration with a million ratings …)" >&2
		rm -f "$_db" "$_db-wal" "$_db-shm"
		# upgraded first, so that the ratings go through today's schema
		LUP_CONFIG= "$LUP" --db "$_src" framework list >/dev/null 2>&1
		sqlite3 "$_src" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
		cp "$_src" "$_db" && sqlite3 -bail "$_db" <tests/bench/ratings.sql >/dev/null ||
			{ rm -f "$_db"; return 1; }
	fi
	echo "$_db"
}

# bench_copy SRC DEST: a copy of a database to write to.
bench_copy() {
	sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1
	rm -f "$2" "$2-wal" "$2-shm"
	cp "$1" "$2"
}

# Peak memory of a command, when GNU time is there: bench_rss FILE CMD…
# runs CMD and writes its maximum resident set (kB) to FILE ("?" without).
bench_rss() {
	_f=$1; shift
	if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
		/usr/bin/time -f %M -o "$_f" "$@"
	else
		echo "?" >"$_f"
		"$@"
	fi
}
