#!/bin/sh
# Bulk scheduling from the command line: book, skip the booked, report who
# did not fit, midnight windows, reschedule with history.
. "$top_srcdir/tests/lib.sh"
need sqlite3 /usr/bin/python3
plan 20

pd org add "Maple Grove" >/dev/null 2>&1
pd org add "Oak Ridge" >/dev/null 2>&1
sqlite3 "$STUDIO/picday.db" "
INSERT INTO clients(org_id, first_name, last_name, student_id, grade, teacher)
SELECT (SELECT id FROM organizations WHERE name = 'Maple Grove'),
  'First' || i, printf('Last%02d', 11 - i), 'S' || i,
  CASE WHEN i <= 6 THEN '3' ELSE '4' END, 'Smith'
FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n);
INSERT INTO clients(org_id, first_name, last_name, student_id)
VALUES ((SELECT id FROM organizations WHERE name = 'Oak Ridge'), 'Ana', 'Núñez', 'X1');"

out=$(pd sessions schedule --org "maple grove" --date 2026-05-04 --from 08:00 \
    --to 08:12 --minutes 3 --per-slot 2 --dry-run 2>"$T/err"); rc=$?
is "$rc" 0 "dry run succeeds"
like "$out" "would book 8 sessions at Maple Grove" "dry run says how many fit"
like "$(cat "$T/err")" "did not fit: Last10, First1 \(S1\)" "dry run names who does not fit"
is "$(pd sessions list --format csv | tr -d '\r' | wc -l)" 1 "dry run books nothing (header only)"

out=$(pd sessions schedule --org "Maple Grove" --date 2026-05-04 --from 08:00 \
    --to 08:12 --minutes 3 --per-slot 2 2>"$T/err"); rc=$?
is "$rc" 0 "schedule exits 0 even when some did not fit"
like "$out" "booked 8 sessions 1001-1008 at Maple Grove" "booked 8 with numbers 1001-1008"
like "$out" "skipped 0 already booked; 2 did not fit" "summary counts"
is "$(grep -c 'did not fit' "$T/err")" 2 "one warning line per client not fitting"

is "$(pd sessions list --format csv | tr -d '\r' | head -3)" "number,first_name,last_name,student_id,organization,status,starts_at
1001,First10,Last01,S10,Maple Grove,Booked,2026-05-04 08:00
1002,First9,Last02,S9,Maple Grove,Booked,2026-05-04 08:00" \
    "list: number first, booked in name order, two per slot"

out=$(pd sessions schedule --org "Maple Grove" --date 2026-05-05 --from 00:00 \
    --to 24:00 --minutes 3 --format json 2>"$T/err")
is "$(printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["booked"], d["skipped"], d["first_number"], d["first_at"])')" \
    "2 8 1009 2026-05-05 00:00" "second run books only the two left, midnight window"

pd sessions schedule --org "Maple Grove" --date 2026-05-05 --from 00:00 \
    --to 24:00 --minutes 3 --type Retake --grade 4 --teacher smith >/dev/null 2>&1
is "$(pd sessions list --format csv --columns number,type,student_id | tr -d '\r' | grep -c Retake)" 4 \
    "a retake session type with a grade filter books that grade again"

pd sessions schedule --org "Oak Ridge" --date 2026-05-08 --to-date 2026-05-11 \
    --skip-weekends --from 23:57 --to 24:00 --minutes 3 >/dev/null 2>&1
is "$(pd sessions list --org "oak ridge" --format csv --columns last_name,starts_at | tr -d '\r' | tail -1)" \
    "Núñez,2026-05-08 23:57" "last slot before midnight, accents kept"

pd sessions reschedule 1003 --date 2026-05-06 --time 10:30 >/dev/null
is "$(pd sessions list --format csv --columns number,starts_at | tr -d '\r' | grep '^1003,')" \
    "1003,2026-05-06 10:30" "reschedule moves the session"
like "$(pd sessions history 1003 --format csv | tr -d '\r')" \
    "schedule,2026-05-04 08:03,2026-05-06 10:30" "history records old -> new"

pd sessions reschedule 4242 --date 2026-05-06 --time 10:30 2>"$T/err"; rc=$?
is "$rc" 1 "rescheduling an unknown session fails"
like "$(cat "$T/err")" "no session number 4242" "and says why"

pd sessions schedule --org "Nowhere" --date 2026-05-04 --from 08:00 --to 09:00 \
    --minutes 3 2>"$T/err"; rc=$?
is "$rc" 1 "unknown organization fails"
like "$(cat "$T/err")" "no such organization: Nowhere" "and names it"
pd sessions schedule --org "Maple Grove" --date 2026-05-04 --from 8 --to 09:00 \
    --minutes 3 2>/dev/null; rc=$?
is "$rc" 2 "a malformed time is a usage error"

# Numbers never come back: delete the newest session, book again.
sqlite3 "$STUDIO/picday.db" "DELETE FROM sessions WHERE number = (SELECT MAX(number) FROM sessions)"
sqlite3 "$STUDIO/picday.db" "INSERT INTO clients(org_id, first_name, last_name, student_id)
  VALUES ((SELECT id FROM organizations WHERE name = 'Oak Ridge'), 'Bo', 'Late', 'X2')"
pd sessions schedule --org "Oak Ridge" --date 2026-05-12 --from 08:00 --to 09:00 \
    --minutes 3 --format json >"$T/out" 2>/dev/null
is "$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["booked"], d["first_number"])' "$T/out")" \
    "2 1016" "a deleted session's number is not handed out again"
done_testing
