# lib.sh — drive the real lup in tmux and read its screen.  Each
# tests/tui/test_*.sh sources this file and ends with `finish`.
#
#   case_ NAME                  a test case: the checks (waits and check_)
#                               up to the next case_ are its; the tally
#                               counts cases, each passed when none of its
#                               checks failed (and it made one at least)
#   start [WxH] [VAR=value …]   start lup in a fresh tmux session (on a
#                               private server) with the test's database
#                               and config; LOC picks the locale; keys
#                               right after a save are taken unless
#                               SAVE_GUARD_MS says otherwise
#   window NAME                 the tmux session the other commands act on
#                               ("lup" at first): `window b; start` runs a
#                               second lup, on the same database, beside it
#   keys KEY…                   tmux key names: Enter Escape Tab BTab C-s F1 …
#   text TEXT                   type literal text
#   wait_for TEXT [SECONDS]     poll the screen every 50 ms until TEXT shows
#                               (fails with the screen dump after SECONDS, 10)
#   wait_gone TEXT [SECONDS]    … until TEXT is gone
#   wait_exit [SECONDS]         … until lup has exited; sets $STATUS
#   screen                      print the screen
#   resize WxH                  resize the terminal
#   go_to TEXT                  move down a list until the cursor's row holds TEXT
#   check_ COND WHAT            any shell condition
set -u
LUP=${LUP:-./lup}
case "$LUP" in /*) ;; *) LUP="$PWD/$LUP" ;; esac
TOP=$PWD
TMP=$(mktemp -d "${TMPDIR:-/tmp}/lup-tui.XXXXXX")
SOCK="lup-test-$$"
DB="$TMP/lup.db"
CONFIG="$TMP/lup.ini"
LOC=${LOC:-C.UTF-8}
STATUS=""
_WIN=lup
: >"$CONFIG"
_passed=0 _failed=0 _case=""
# The tally counts cases (case_ NAME … up to the next case_), not checks:
# a case passes when it made at least one check and none failed.
_cases_passed=0 _cases_failed=0 _case_checks=0 _case_fails=0

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 1' INT TERM

# Close the case that is open, if it made any check or is named.
_end_case() {
	if [ "$_case_fails" -gt 0 ]; then
		_cases_failed=$((_cases_failed + 1))
	elif [ "$_case_checks" -gt 0 ]; then
		_cases_passed=$((_cases_passed + 1))
	elif [ -n "$_case" ]; then
		_cases_failed=$((_cases_failed + 1))
		printf 'FAIL %s: %s [%s]: the case checks nothing\n' "${0##*/}" "$_case" "$LOC"
	fi
	_case_checks=0 _case_fails=0
}
case_() { _end_case; _case="$1"; }
pass() { _passed=$((_passed + 1)); _case_checks=$((_case_checks + 1)); }
fail() {
	_failed=$((_failed + 1)) _case_checks=$((_case_checks + 1)) _case_fails=$((_case_fails + 1))
	printf 'FAIL %s: %s [%s]: %s\n' "${0##*/}" "$_case" "$LOC" "$*"
	printf '%s\n' "--- screen ($_WIN) ---"
	screen 2>/dev/null | sed 's/^/  |/'
	printf '%s\n' '--------------'
}
check_() { if eval "$1"; then pass; else fail "$2"; fi; }
finish() {
	_end_case
	printf '%s: %d checks; cases: %d passed, %d failed\n' "${0##*/}" "$((_passed + _failed))" \
		"$_cases_passed" "$_cases_failed"
	[ "$_failed" -eq 0 ] && [ "$_cases_failed" -eq 0 ]
}

# A fresh database with n made-up people (0: empty).
new_db() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$LUP" --db "$DB" init >/dev/null || { echo "lup init failed"; exit 1; }
	if [ "${1:-0}" -gt 0 ]; then
		sqlite3 "$DB" ".param set :n $1" ".read $TOP/tests/tui/people.sql" ||
			{ echo "filling the database failed"; exit 1; }
	fi
}

# Each window (tmux session) notes lup's exit status and stderr apart.
window() { _WIN=$1; }
_sfx() { [ "$_WIN" = lup ] || printf '.%s' "$_WIN"; }

start() {
	size=${1:-80x24}
	[ $# -gt 0 ] && shift
	w=${size%x*} h=${size#*x}
	tm kill-session -t "$_WIN" >/dev/null 2>&1
	rm -f "$TMP/status$(_sfx)"
	# The shell around lup notes its exit status; remain-on-exit keeps the
	# pane (and its last screen) after that.
	tm new-session -d -s "$_WIN" -x "$w" -y "$h" \
		"env -u LANGUAGE LC_ALL=$LOC LANG=$LOC LUP_CONFIG=$CONFIG LUP_DB=$DB TERM=screen \
		 LUP_SAVE_GUARD_MS=${SAVE_GUARD_MS:-0} $* \
		 $LUP --db $DB 2>$TMP/stderr$(_sfx); echo \$? >$TMP/status$(_sfx)" \; \
		set-option -g remain-on-exit on
}
# The process id of lup in the pane.
lup_pid() { pgrep -P "$(pane '#{pane_pid}')" 2>/dev/null | head -1; }

keys() { tm send-keys -t "$_WIN" "$@"; }
text() { tm send-keys -t "$_WIN" -l -- "$1"; }
screen() { tm capture-pane -p -t "$_WIN"; }
resize() { tm resize-window -t "$_WIN" -x "${1%x*}" -y "${1#*x}"; }
pane() { tm display-message -p -t "$_WIN" "$1"; }

# poll COND SECONDS: evaluate COND every 50 ms until it holds.
poll() {
	n=$(( ${2:-10} * 20 ))
	while [ $n -gt 0 ]; do
		eval "$1" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}

on_screen() { screen | grep -F -q -- "$1"; }
wait_for() {
	_want=$1
	if poll 'on_screen "$_want"' "${2:-10}"; then pass; else fail "never showed: $1"; return 1; fi
}
wait_gone() {
	_want=$1
	if poll '! on_screen "$_want"' "${2:-10}"; then pass; else fail "still showing: $1"; return 1; fi
}
dead() { [ -s "$TMP/status$(_sfx)" ]; }
wait_exit() {
	if poll dead "${1:-10}"; then
		STATUS=$(cat "$TMP/status$(_sfx)")
		pass
	else
		STATUS=""
		fail "lup did not exit"
		return 1
	fi
}
# The line the terminal cursor is on.
cursor_line() { screen | sed -n "$(( $(pane '#{cursor_y}') + 1 ))p"; }
# go_to TEXT: go down the list from its top until the cursor is on a row
# holding TEXT (at most 30 rows); a failed check when there is none.
go_to() {
	_row=$1
	keys Home
	for i in $(seq 1 30); do
		poll 'cursor_line | grep -q -- "$_row"' 1 && return 0
		keys j
	done
	fail "no row with $_row"
	return 1
}
