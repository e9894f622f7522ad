# lib.sh — helpers for the command-line tests.  Each tests/cli/test_*.sh
# sources this file, runs lup with `run`, checks with the expect_* helpers
# and ends with `finish`.  LUP names the binary under test.
set -u
LUP=${LUP:-./lup}
case "$LUP" in /*) ;; *) LUP="$PWD/$LUP" ;; esac
TOP=$PWD
TMP=$(mktemp -d "${TMPDIR:-/tmp}/lup-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export LUP_DB="$TMP/default.db" LUP_CONFIG="" XDG_DATA_HOME="$TMP/data" \
       XDG_CONFIG_HOME="$TMP/config" HOME="$TMP/home" LC_ALL=${LC_ALL:-C.UTF-8}
unset LANGUAGE
_passed=0 _failed=0 _case=""
OUT="$TMP/out" ERR="$TMP/err" RC=0

# case NAME: start a named test case (its checks report under this name).
case_() { _case="$1"; }
# run ARGS…: run lup, keeping stdout in $OUT, stderr in $ERR, status in $RC.
run() { "$LUP" "$@" >"$OUT" 2>"$ERR" </dev/null; RC=$?; }
# run_in FILE ARGS…: as run, with FILE on standard input.
run_in() { f=$1; shift; "$LUP" "$@" >"$OUT" 2>"$ERR" <"$f"; RC=$?; }
pass() { _passed=$((_passed + 1)); }
fail() {
	_failed=$((_failed + 1))
	printf 'FAIL %s: %s: %s\n' "${0##*/}" "$_case" "$*"
	printf '  stdout: %s\n' "$(head -c 600 "$OUT" 2>/dev/null)"
	printf '  stderr: %s\n' "$(head -c 600 "$ERR" 2>/dev/null)"
}
expect_rc() { [ "$RC" -eq "$1" ] && pass || fail "exit status $RC, expected $1"; }
expect_out() { grep -Eq -- "$1" "$OUT" && pass || fail "stdout lacks /$1/"; }
expect_no_out() { grep -Eq -- "$1" "$OUT" && fail "stdout has /$1/" || pass; }
expect_err() { grep -Eq -- "$1" "$ERR" && pass || fail "stderr lacks /$1/"; }
expect_no_err() { [ -s "$ERR" ] && fail "unexpected stderr" || pass; }
expect_lines() { n=$(wc -l <"$OUT"); [ "$n" -eq "$1" ] && pass || fail "stdout has $n lines, expected $1"; }
# check_ COND DESCRIPTION: any shell condition.
check_() { if eval "$1"; then pass; else fail "$2"; fi; }
finish() {
	printf '%s: %d passed, %d failed\n' "${0##*/}" "$_passed" "$_failed"
	[ "$_failed" -eq 0 ]
}
# newdb FILE…: make empty lup databases (only init, demo and the terminal
# interface create one; other commands refuse a missing file).
newdb() { for f; do "$LUP" --db "$f" init >/dev/null 2>&1; done; }
