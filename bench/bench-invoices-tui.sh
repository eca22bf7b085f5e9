#!/bin/sh
# bench-invoices-tui: the Invoices hub on 100,000 invoices (issue 10: the
# same budgets as the Sessions hub, DESIGN §5): the key that opens the hub,
# keys while paging and while typing a filter (the totals of the filter are
# summed between keys), against the Sessions hub on the same studio.
# Timings come from the TUI itself (PICDAY_TUI_TRACE).
set -u
: "${PICDAY:?usage: PICDAY=path/to/picday sh bench-invoices-tui.sh}"
command -v tmux >/dev/null && command -v sqlite3 >/dev/null || {
	echo "   needs tmux and sqlite3"; exit 1; }
N=${BENCH_INVOICES:-100000}
T=$(mktemp -d "${TMPDIR:-/tmp}/picday-bench.XXXXXX")
SOCK=$T/tmux.sock
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT

"$PICDAY" --studio "$T/s" jobs list >/dev/null 2>&1 || true
sqlite3 "$T/s/picday.db" <<SQL
BEGIN;
INSERT INTO organizations(id, name) VALUES (1, 'Lincoln High');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO clients(id, org_id, first_name, last_name, student_id)
SELECT i, 1, 'Kid' || i, CASE i % 5 WHEN 0 THEN 'Smith' WHEN 1 THEN 'Rossi'
  WHEN 2 THEN 'Nguyen' WHEN 3 THEN 'García' ELSE 'Okafor' END || ' ' || i,
  printf('S%06d', i) FROM n;
INSERT INTO sessions(number, client_id, org_id, type_id, starts_at, minutes,
  status_id) SELECT 1000 + id, id, 1, 1, '2025-09-01 08:00', 3, 6 FROM clients;
INSERT INTO invoices(number, client_id, session_id, invoice_date,
  total_cents, paid_cents) SELECT printf('INV%06d', id), id,
  id, printf('2026-%02d-%02d', 1 + id % 12, 1 + id % 28), 1000 + id % 5000,
  id % 3 * 500 FROM clients;
COMMIT;
SQL

tm() { tmux -S "$SOCK" "$@"; }
nlines() { wc -l < "$TRACE" 2>/dev/null || echo 0; }
wait_lines() {
	_i=0
	while [ "$(nlines)" -le "$1" ] && [ $_i -lt 500 ]; do
		sleep 0.01; _i=$((_i + 1))
	done
}
wait_screen() {
	_i=0
	while ! tm capture-pane -p -t t | grep -qE -- "$1" && [ $_i -lt 1000 ]; do
		sleep 0.01; _i=$((_i + 1))
	done
}
press() {	# one key at a time, each handled before the next
	for k in "$@"; do
		_n=$(nlines)
		tm send-keys -t t -- "$k"
		wait_lines "$_n"
	done
}
keys_since() { tail -n +$(($1 + 1)) "$TRACE" | awk '$1 == "key" { print $2 }'; }
stats() {
	sort -n "$2" | awk -v name="$1" '{ v[NR] = $1 } END {
		if (NR == 0) { printf "   %-30s (no samples)\n", name; exit }
		printf "   %-30s n=%d median %.2f ms, max %.2f ms\n", name, NR,
		    v[int((NR + 1) / 2)] / 1000, v[NR] / 1000 }'
}

TRACE=$T/trace
tm new-session -d -x 80 -y 24 -s t "exec env TERM=screen-256color \
LC_ALL=C.UTF-8 PICDAY_TUI_TRACE='$TRACE' '$PICDAY' --studio '$T/s'"
wait_screen 'Clients'
wait_lines 0
for hub in 2 4; do
	mark=$(nlines)
	press $hub
	keys_since "$mark" >"$T/open.$hub"
	mark=$(nlines)
	i=0; while [ $i -lt 30 ]; do press NPage; i=$((i + 1)); done
	press End Home j j k
	keys_since "$mark" >"$T/page.$hub"
	mark=$(nlines)
	press / R o s s i ' ' 9
	press Escape Escape / z z q Escape Escape
	keys_since "$mark" >"$T/filter.$hub"
done
wait_screen "$N invoices +total"
tm kill-server 2>/dev/null

stats "Sessions: open the hub" "$T/open.2"
stats "Invoices: open the hub" "$T/open.4"
stats "Sessions: keys while paging" "$T/page.2"
stats "Invoices: keys while paging" "$T/page.4"
stats "Sessions: keys typing a filter" "$T/filter.2"
stats "Invoices: keys typing a filter" "$T/filter.4"
cat "$T/open.4" "$T/page.4" "$T/filter.4" | sort -n | tail -1 | awk '{
	printf "   Invoices hub, slowest key: %.2f of the 20 ms budget\n", $1 / 1000 / 20
	exit !($1 < 20000) }'
