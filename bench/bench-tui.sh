#!/bin/sh
# bench-tui: the TUI on a 100,000-session studio (DESIGN §5): time to the
# first screen, time per keystroke while paging and while typing a filter,
# time per keystroke sorting the clients (s, S), and peak resident memory,
# against the same program on an empty studio.  Timings come from the TUI
# itself (PICDAY_TUI_TRACE=FILE appends "first-screen USEC", "key USEC" per
# handled key, "idle USEC" per slice of background scanning).
set -u
: "${PICDAY:?usage: PICDAY=path/to/picday sh bench-tui.sh}"
command -v tmux >/dev/null && command -v sqlite3 >/dev/null || {
	echo "   needs tmux and sqlite3"; exit 1; }
N=${BENCH_SESSIONS:-100000}
T=$(mktemp -d "${TMPDIR:-/tmp}/picday-bench.XXXXXX")
SOCK=$T/tmux.sock
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT

mkstudio() {	# mkstudio DIR ROWS
	"$PICDAY" --studio "$1" jobs list >/dev/null 2>&1 || true
	[ -f "$1/picday.db" ] || { echo "   cannot create a studio"; exit 1; }
	[ "$2" -gt 0 ] || return 0
	sqlite3 "$1/picday.db" <<SQL
BEGIN;
INSERT INTO organizations(id, name, code) VALUES (1, 'Lincoln High', 'LHS'),
  (2, 'Maple Elementary', 'MPL'), (3, 'Escuela Núñez', 'EN');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
INSERT INTO clients(id, org_id, first_name, last_name, student_id, grade,
  teacher, email)
SELECT i, 1 + i % 3,
  CASE i % 7 WHEN 0 THEN 'Ana' WHEN 1 THEN 'Zoë' WHEN 2 THEN 'Liam'
    WHEN 3 THEN 'Noah' WHEN 4 THEN 'Olivia' WHEN 5 THEN 'Mateo' ELSE 'Sofía' END,
  CASE i % 11 WHEN 0 THEN 'Smith' WHEN 1 THEN 'García' WHEN 2 THEN 'Nguyen'
    WHEN 3 THEN 'Ågren' WHEN 4 THEN 'Kowalski' WHEN 5 THEN 'Okafor'
    WHEN 6 THEN 'Müller' WHEN 7 THEN 'Johansson' WHEN 8 THEN 'Rossi'
    WHEN 9 THEN '李' ELSE 'Tanaka' END || ' ' || i,
  printf('S%06d', i), 1 + i % 12, 'Teacher ' || (i % 40),
  printf('s%d@example.org', i)
FROM n;
INSERT INTO sessions(number, client_id, org_id, type_id, starts_at, minutes,
  status_id)
SELECT 1000 + id, id, org_id, 1, printf('2025-09-%02d %02d:%02d',
  1 + id % 28, 8 + (id / 20) % 8, (id * 3) % 60), 3, 1 + id % 8 FROM clients;
UPDATE counters SET value = 1000 + $2 WHERE name = 'session_number';
COMMIT;
SQL
}

tm() { tmux -S "$SOCK" "$@"; }
nlines() { wc -l < "$TRACE" 2>/dev/null || echo 0; }
wait_lines() {	# until the trace has more than $1 lines (5 s at most)
	_i=0
	while [ "$(nlines)" -le "$1" ] && [ $_i -lt 500 ]; do
		sleep 0.01; _i=$((_i + 1))
	done
}
wait_screen() {
	_i=0
	while ! tm capture-pane -p -t t | grep -qE -- "$1" && [ $_i -lt 500 ]; do
		sleep 0.01; _i=$((_i + 1))
	done
}
press() {	# press KEY...: one at a time, each handled before the next
	for k in "$@"; do
		_n=$(nlines)
		tm send-keys -t t -- "$k"
		wait_lines "$_n"
	done
}

run_tui() {	# run_tui STUDIO: starts it, sets PID and TRACE
	TRACE=$T/trace.$$.$(date +%s%N)
	tm kill-server 2>/dev/null
	rm -f "$SOCK"
	tm new-session -d -x 80 -y 24 -s t "exec env TERM=screen-256color \
LC_ALL=C.UTF-8 PICDAY_TUI_TRACE='$TRACE' '$PICDAY' --studio '$1'"
	PID=$(tm display-message -p -t t '#{pane_pid}')
	wait_screen 'Clients'
	wait_lines 0
}
hwm_kb() { awk '/VmHWM/ { print $2 }' "/proc/$PID/status"; }

stats() {	# stats NAME FILE: median and max of the usec column
	sort -n "$2" | awk -v name="$1" '{ v[NR] = $1 } END {
		if (NR == 0) { printf "   %-28s (no samples)\n", name; exit }
		printf "   %-28s n=%d median %.2f ms, max %.2f ms\n", name, NR,
		    v[int((NR + 1) / 2)] / 1000, v[NR] / 1000 }'
}
maxms() { sort -n "$1" | tail -1 | awk '{ printf "%.2f", $1 / 1000 }'; }

echo "   making a studio of $N sessions..."
t0=$(date +%s%N)
mkstudio "$T/big" "$N"
echo "   studio made in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
mkstudio "$T/empty" 0

# Empty studio: baseline memory.
run_tui "$T/empty"
press 2 j k 6 1
empty_kb=$(hwm_kb)
empty_first=$(awk '$1 == "first-screen" { print $2 }' "$TRACE")

# Big studio.
run_tui "$T/big"
first=$(awk '$1 == "first-screen" { print $2 }' "$TRACE")
press 2
wait_screen "Sessions: $N rows"
mark=$(nlines)
i=0; while [ $i -lt 40 ]; do press NPage; i=$((i + 1)); done
press End Home
i=0; while [ $i -lt 20 ]; do press j; i=$((i + 1)); done
tail -n +$((mark + 1)) "$TRACE" | awk '$1 == "key" { print $2 }' > "$T/page"
mark=$(nlines)
press / R o s s i ' ' 9
wait_screen "rows, /Rossi 9"
press Escape Escape / z z q
sleep 0.5	# let the background counting of the filter finish
tail -n +$((mark + 1)) "$TRACE" | awk '$1 == "key" { print $2 }' > "$T/filter"
tail -n +$((mark + 1)) "$TRACE" | awk '$1 == "idle" { print $2 }' > "$T/idle"
press Escape Escape 1 G g
# Sorting the 100,000 clients: every order, from the top and from the end.
mark=$(nlines)
press s s s s s G S s s s s g
tail -n +$((mark + 1)) "$TRACE" | awk '$1 == "key" { print $2 }' > "$T/sort"
big_kb=$(hwm_kb)
tm kill-server 2>/dev/null

echo "   first screen: $(awk -v u="$first" 'BEGIN { printf "%.1f", u / 1000 }') ms" \
    "(empty studio: $(awk -v u="$empty_first" 'BEGIN { printf "%.1f", u / 1000 }') ms)"
stats "keys while paging" "$T/page"
stats "keys while typing a filter" "$T/filter"
stats "keys sorting the clients" "$T/sort"
stats "background scan slices" "$T/idle"
echo "   peak RSS: $big_kb kB on $N sessions, $empty_kb kB empty," \
    "difference $((big_kb - empty_kb)) kB"
echo "   against the budgets of DESIGN §5 (ratio < 1 is within budget):"
awk -v f="$first" -v p="$(maxms "$T/page")" -v q="$(maxms "$T/filter")" \
    -v o="$(maxms "$T/sort")" -v b="$big_kb" -v e="$empty_kb" 'BEGIN {
	printf "   first screen   %.2f of 100 ms\n", f / 1000 / 100
	printf "   key (paging)   %.2f of 20 ms (max)\n", p / 20
	printf "   key (filter)   %.2f of 20 ms (max)\n", q / 20
	printf "   key (sort)     %.2f of 20 ms (max)\n", o / 20
	printf "   RSS            %.2f of 40 MB\n", b / 1024 / 40
	printf "   RSS growth     %.2f of 4 MB\n", (b - e) / 1024 / 4
	exit !(f < 100000 && p < 20 && q < 20 && o < 20 && b < 40960 &&
	    b - e < 4096)
}'
