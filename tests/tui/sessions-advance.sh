#!/bin/sh
# Sessions hub, as a user would: shift-select a range of 5 sessions and
# advance them one step (exactly those 5 move, tags are cleared); advance
# to a chosen status with one already there (the message says why it did
# not move); the session form shows the history and reschedules.
. "$top_srcdir/tests/lib.sh"
need sqlite3 tmux
plan 12

pd demo --no-card --students 20 --date 2026-11-30 >/dev/null 2>&1 || { echo "Bail out! demo failed"; exit 1; }
status() { pd sessions list --format csv | tr -d '\r' | awk -F, 'NR > 1 { print $1 ":" $6 }'; }
booked=$(status)

tui_start
wait_for 'Clients' || exit 1
keys 2
wait_for 'Sessions: 20 rows' || exit 1
keys Down S-Down S-Down S-Down S-Down
wait_for '20 rows, 5 tagged' ; ok $? "Shift+Down tags a range of 5"
keys A
wait_for 'Advance 5 sessions' ; ok $? "A opens Advance Status for the 5"
keys Enter Enter
wait_for 'advanced 5 sessions to Photographed' ; ok $? "the status line says how many moved"
want=$(echo "$booked" | awk -F: '$1 >= 1002 && $1 <= 1006 { print $1 ":Photographed"; next } { print }')
is "$(status)" "$want" "exactly the 5 tagged sessions moved (sessions list)"
wait_for 'Sessions: 20 rows *$' ; ok $? "the tags are cleared"
screen | grep -q '1002 .*Photographe' ; ok $? "the list shows the new status"

# 1001 (Booked) and 1002 (Photographed) to Photographed: one moves.
keys g Space Space
wait_for '2 tagged' || exit 1
keys '>' Right Right
wait_for 'Move to < Photographed >' || exit 1
keys Enter Enter
wait_for 'advanced 1 sessions to Photographed; 1 not moved \(already at Photographed\)'
ok $? "a session already there is reported, the other moves"

# The form of 1002: its history, then a reschedule.
keys g Down Enter
wait_for 'Session 1002' || exit 1
user=$(id -un)
screen | grep -Eq "$user +status +Booked -> Photographed" ; ok $? "the form shows the history with the user"
keys C-u 2027-02-30 Tab C-u 09:45 Enter
wait_for 'Date: a date as YYYY-MM-DD' ; ok $? "an impossible date is refused"
keys C-u 2027-02-03 Enter Enter
wait_for 'session 1002 moved to 2027-02-03 09:45' ; ok $? "Reschedule moves it"
is "$(pd sessions list --format csv | tr -d '\r' | awk -F, '$1 == 1002 { print $7 }')" "2027-02-03 09:45" \
    "the new time is in the studio"
like "$(sqlite3 "$STUDIO/picday.db" "SELECT user || ' ' || old_value || ' -> ' || new_value FROM session_history h JOIN sessions s ON s.id = h.session_id WHERE s.number = 1002 AND what = 'schedule'")" \
    "^$user .* -> 2027-02-03 09:45$" "and recorded in the history"
done_testing
