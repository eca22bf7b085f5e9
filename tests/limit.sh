#!/bin/sh
# tests/limit.sh TEST [ARGS...]: runs one test of `make check` (a script or
# a cmocka program) with a time limit, PICDAY_TEST_LIMIT seconds (900).
#
# A test that hangs must fail alone, with a reason, and let the rest of the
# suite run: without a limit, one hung process stops the whole pass until
# CI's own limit ends it, and the output says nothing of where it hung.
# Past the limit this prints, as TAP diagnostics, every process the test
# still has and the stack of each thread of each picday among them (gdb,
# when there), then "not ok - timed out", and stops the test: SIGTERM to it
# (lib.sh's trap runs its clean-up), SIGKILL to everything under it.
limit=${PICDAY_TEST_LIMIT:-900}

# Under the clock pass (libfaketime preloaded), this script and its watch
# run without it, and the test gets it back with a semaphore of its own.
# libfaketime 0.9.10 makes every process that inherits FAKETIME_SHARED take
# one semaphore in /dev/shm as it starts (and on each stat() unless
# NO_FAKE_STAT is set): a process killed with -9 while holding it leaves
# every other process of that tree hung at start-up, the watch's `sleep`
# included.  Unshared, such a hang stays inside one test, and the watch
# still sees it.
if [ -n "${LD_PRELOAD:-}" ] && [ -z "${PICDAY_TEST_PRELOAD:-}" ]; then
	exec env -u LD_PRELOAD -u FAKETIME_SHARED \
	    PICDAY_TEST_PRELOAD="$LD_PRELOAD" /bin/sh "$0" "$@"
fi

# tree PID: PID's descendants, one pid per line (parents first).
tree() {
	grep -hE '^(Pid|PPid):' /proc/[0-9]*/status 2>/dev/null |
	    awk -v root="$1" '$1 == "Pid:" {p = $2; next}
		{kids[$2] = kids[$2] " " p}
		END {n = split(kids[root], q, " ")
		    for (i = 1; i <= n; i++) {
			print q[i]
			m = split(kids[q[i]], c, " ")
			for (j = 1; j <= m; j++) q[++n] = c[j]
		    }}'
}

# stacks PID: one line per thread, its innermost frames' function names.
stacks() {
	command -v gdb >/dev/null 2>&1 || { echo "#   (no gdb for stacks)"; return; }
	env -u LD_PRELOAD timeout 60 gdb -nx -batch -p "$1" \
	    -ex 'thread apply all bt 12' </dev/null 2>/dev/null |
	    awk '/^Thread /{if (t != "") print "#   " t ":" f; t = $2; f = ""; next}
		/^#[0-9]+ /{fn = ($3 == "in") ? $4 : $2
		    if (fn == "()" || fn == "??") fn = "?"
		    if (fn !~ /^0x/) f = f " " fn}
		END {if (t != "") print "#   " t ":" f}'
}

watch() {
	n=0
	while [ $n -lt "$limit" ]; do
		sleep 1 </dev/null >/dev/null 2>&1
		kill -0 "$1" 2>/dev/null || exit 0
		n=$((n + 1))
	done
	read -r self _ </proc/self/stat
	echo "# $2 still runs after ${limit} s; its processes:"
	pids=$(tree "$1" | grep -vx "$self")
	for p in $1 $pids; do
		[ -r /proc/$p/cmdline ] || continue
		# pid, state (R, S, D, T, Z), where it sleeps, command line
		echo "# $p $(sed 's/.*) \(.\).*/\1/' /proc/$p/stat) \
$(cat /proc/$p/wchan 2>/dev/null) $(tr '\0' ' ' </proc/$p/cmdline | cut -c1-150)"
		case $(readlink /proc/$p/exe 2>/dev/null) in
		*/picday) stacks "$p" ;;
		esac
	done
	echo "not ok - timed out after ${limit} s (PICDAY_TEST_LIMIT)"
	kill -TERM "$1" 2>/dev/null
	for p in $pids; do
		kill -KILL "$p" 2>/dev/null
	done
	sleep 5 </dev/null >/dev/null 2>&1
	kill -KILL "$1" 2>/dev/null
}

# The test's TAP goes to a file, handed on when the test ends: a process
# the test left behind with that output open would otherwise keep the TAP
# driver waiting for its end, the hang this is here to stop.
out=$(mktemp "${TMPDIR:-/tmp}/picday-tap.XXXXXX") || exit 99
if [ -n "${PICDAY_TEST_PRELOAD:-}" ]; then
	env -u PICDAY_TEST_PRELOAD LD_PRELOAD="$PICDAY_TEST_PRELOAD" "$@" \
	    >>"$out" &
else
	"$@" >>"$out" &
fi
test_pid=$!
watch "$test_pid" "$1" >>"$out" &
watch_pid=$!
wait "$test_pid"
rc=$?
kill "$watch_pid" 2>/dev/null
cat "$out"
# What still writes there was started by the test and not stopped by it.
for fd in /proc/[0-9]*/fd/1; do
	[ "$fd" -ef "$out" ] 2>/dev/null || continue
	p=${fd#/proc/}
	p=${p%%/*}
	[ "$p" = "$watch_pid" ] && continue
	echo "# left running by the test, stopped now: $p $(tr '\0' ' ' \
	    </proc/$p/cmdline 2>/dev/null | cut -c1-150)"
	kill -KILL "$p" 2>/dev/null
done
rm -f "$out"
exit $rc
