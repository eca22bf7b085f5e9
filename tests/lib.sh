# tests/lib.sh: shared helpers for picday's shell tests (TAP output).
#
# A test script sources this, calls plan N, then ok/is/like; each prints one
# TAP line.  $PICDAY is the binary under test, $SHARED the shared test data,
# $T a fresh temporary folder removed at exit (with any tmux server and
# background process the test registered through cleanup_add).
set -u
: "${PICDAY:?run through make check}"
: "${top_srcdir:?run through make check}"
SHARED=${SHARED:-$top_srcdir/../shared}
# The locale the tests run in: C.UTF-8, or the one the clock pass of
# ./quickstart check chooses (a non-English UTF-8 locale).
export LC_ALL=${PICDAY_TEST_LOCALE:-C.UTF-8}
unset PICDAY_STUDIO XDG_DATA_HOME NO_COLOR

T=$(mktemp -d "${TMPDIR:-/tmp}/picday-test.XXXXXX")
_tap_n=0
_tap_failed=0
_cleanup=""
cleanup_add() { _cleanup="$1; $_cleanup"; }
_finish() {
	eval "$_cleanup" 2>/dev/null || true
	rm -rf "$T"
}
trap _finish EXIT
# Stopped by tests/limit.sh (past its time limit): clean up all the same.
trap 'exit 143' TERM

plan() { echo "1..$1"; }
ok() {	# ok STATUS DESCRIPTION  (STATUS 0 = pass)
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_tap_n - $2"
	else
		echo "not ok $_tap_n - $2"
		_tap_failed=1
	fi
}
is() {	# is GOT EXPECTED DESCRIPTION
	if [ "$1" = "$2" ]; then ok 0 "$3"; else
		ok 1 "$3"
		printf '# got:      %s\n# expected: %s\n' "$1" "$2" | head -40
	fi
}
like() {	# like GOT REGEX DESCRIPTION
	if printf '%s' "$1" | grep -qE -- "$2"; then ok 0 "$3"; else
		ok 1 "$3"
		printf '# got: %s\n# wanted /%s/\n' "$1" "$2" | head -40
	fi
}
skip_all() {	# never under CI: there, everything needed is installed
	if [ "${CI:-}" = true ]; then
		echo "1..1"; echo "not ok 1 - cannot skip under CI: $1"; exit 1
	fi
	echo "1..0 # SKIP $1"; exit 0
}
need() { for c in "$@"; do command -v "$c" >/dev/null 2>&1 || skip_all "needs $c"; done; }
done_testing() { exit $_tap_failed; }

# The sqlite3 shell waits for a lock as picday does (15 s), rather than
# failing at once with "database is locked" while a worker writes.
sqlite3() { command sqlite3 -cmd ".timeout 15000" "$@"; }

# pd ARGS...: picday on the test studio.
STUDIO=$T/studio
pd() { "$PICDAY" --studio "$STUDIO" "$@"; }

# TUI helpers: one tmux server per test, on its own socket.
TMUX_SOCK=$T/tmux.sock
tm() { tmux -S "$TMUX_SOCK" "$@"; }
tui_start() {	# tui_start [WIDTH HEIGHT] -- runs picday on $STUDIO
	w=${1:-80}; h=${2:-24}
	tm new-session -d -x "$w" -y "$h" -s t \
	    "env TERM=screen-256color LC_ALL=$LC_ALL ${TUI_ENV:-} '$PICDAY' --studio '$STUDIO'; sleep 30"
	cleanup_add "tmux -S '$TMUX_SOCK' kill-server"
}
# tui_stop: ends this tmux server; the next tui_start uses a new socket, as
# a server still shutting down would take the old one with it.
_tmux_n=0
tui_stop() {
	tm kill-server 2>/dev/null || true
	_tmux_n=$((_tmux_n + 1))
	TMUX_SOCK=$T/tmux.$_tmux_n.sock
}
screen() { tm capture-pane -p -t t; }
keys() { tm send-keys -t t "$@"; }
wait_for() {	# wait_for REGEX [SECONDS]: until the screen shows it
	_end=$(( $(date +%s) + ${2:-10} ))
	while [ "$(date +%s)" -le "$_end" ]; do
		screen | grep -qE -- "$1" && return 0
		sleep 0.1
	done
	echo "# timed out waiting for /$1/; screen was:"; screen | sed 's/^/# | /'
	return 1
}
