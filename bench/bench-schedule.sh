#!/bin/sh
# Scheduling 10,000 sessions (DESIGN §5: under 1 s), against a baseline
# measured in the same run: sqlite3 inserting 10,000 session rows and their
# history rows in one transaction into the same studio schema.
set -eu
: "${PICDAY:?run through make bench}"
N=${BENCH_SCHEDULE_N:-10000}
T=$(mktemp -d "${TMPDIR:-/tmp}/picday-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
ms() { echo $(( $(date +%s%N) / 1000000 )); }

"$PICDAY" --studio "$T/s" org add "Bench School" >/dev/null 2>&1
clients="INSERT INTO clients(org_id, first_name, last_name, student_id, grade)
  SELECT 1, 'F' || i, 'L' || (i * 7919 % $N), 'S' || i, i % 12
  FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
  WHERE i < $N) SELECT i FROM n);"
sqlite3 "$T/s/picday.db" "$clients"
cp "$T/s/picday.db" "$T/base.db"

t0=$(ms)
sqlite3 "$T/base.db" "BEGIN;
  INSERT INTO sessions(number, client_id, org_id, type_id, starts_at, minutes,
    status_id)
  SELECT 1000 + id, id, 1, 1, '2026-05-04 08:00', 2, 1 FROM clients;
  INSERT INTO session_history(session_id, user, what, new_value)
  SELECT id, 'bench', 'created', starts_at FROM sessions;
  UPDATE counters SET value = value + $N WHERE name = 'session_number';
  COMMIT;"
t1=$(ms)
"$PICDAY" --studio "$T/s" sessions schedule --org "Bench School" \
    --date 2026-05-04 --from 00:00 --to 24:00 --minutes 2 --per-slot 14 \
    >"$T/out" 2>&1
t2=$(ms)
booked=$(sqlite3 "$T/s/picday.db" "SELECT COUNT(*) FROM sessions")
base=$((t1 - t0)); sched=$((t2 - t1))
[ "$base" -gt 0 ] || base=1
[ "$sched" -gt 0 ] || sched=1
echo "   scheduled $booked sessions in $sched ms ($(( booked * 1000 / sched )) sessions/s)"
echo "   baseline: sqlite3 bulk INSERT of the same rows $base ms"
awk -v s="$sched" -v b="$base" 'BEGIN {
	printf "   ratio vs baseline %.1fx; vs the 1 s budget %.2f (%s)\n",
	    s / b, s / 1000, s <= 1000 ? "within budget" : "OVER BUDGET" }'
[ "$booked" -eq "$N" ]
