#!/bin/sh
# Advance Status from the command line: one step, to a named status, the
# reasons a session did not move, and the history with the user.
. "$top_srcdir/tests/lib.sh"
need sqlite3
plan 14

pd org add "Maple Grove" >/dev/null 2>&1
sqlite3 "$STUDIO/picday.db" "
INSERT INTO clients(org_id, first_name, last_name, student_id)
SELECT 1, 'F' || i, 'L' || i, 'S' || i
FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n);"
pd sessions schedule --org "Maple Grove" --date 2026-05-04 --from 08:00 --to 09:00 \
    --minutes 3 >/dev/null 2>&1
status_of() { pd sessions list --format csv --columns number,status | tr -d '\r' | grep "^$1," | cut -d, -f2; }

out=$(pd sessions advance 1001 1002 2>"$T/err"); rc=$?
is "$rc" 0 "advance two sessions"
is "$out" "advanced 2 sessions to Photographed; 0 not moved" "one step forward"
is "$(status_of 1002)" "Photographed" "status changed"

out=$(pd sessions advance 1001 9999 2>"$T/err"); rc=$?
is "$rc" 1 "an unknown number makes the command fail"
is "$out" "advanced 1 sessions to Images Imported; 1 not moved" "the others still move"
is "$(cat "$T/err")" "picday: session 9999: no such session" "why 9999 did not move"

out=$(pd sessions advance --to complete 1001 1002 1003 2>"$T/err")
is "$out" "advanced 3 sessions to Complete; 0 not moved" "to a named status"
pd sessions advance 1001 2>"$T/err" >/dev/null
like "$(cat "$T/err")" "session 1001: already at the last status \(Complete\)" "last status"
pd sessions advance --to Complete 1001 2>"$T/err" >/dev/null
like "$(cat "$T/err")" "session 1001: already at Complete" "already at the target"
pd sessions advance --to Booked 1001 2>"$T/err" >/dev/null
like "$(cat "$T/err")" "moving back was not allowed" "backwards needs --allow-back"
out=$(pd sessions advance --to Booked --allow-back 1001 2>/dev/null)
is "$out" "advanced 1 sessions to Booked; 0 not moved" "backwards with --allow-back"

out=$(pd sessions advance --org "maple grove" --status booked 2>/dev/null)
is "$out" "advanced 3 sessions to Photographed; 0 not moved" "by organization and status"

is "$(pd sessions history 1001 --format csv | tr -d '\r' | cut -d, -f2- | sed 1d)" \
"$(id -un),created,,2026-05-04 08:00
$(id -un),status,Booked,Photographed
$(id -un),status,Photographed,Images Imported
$(id -un),status,Images Imported,Complete
$(id -un),status,Complete,Booked
$(id -un),status,Booked,Photographed" "every change is in the history with the user"

pd sessions advance 2>/dev/null; rc=$?
is "$rc" 2 "no sessions named is a usage error"
done_testing
