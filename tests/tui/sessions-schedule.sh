#!/bin/sh
# The Bulk Scheduling wizard, as a user would: Esc on any step writes
# nothing; the preview counts those already booked and names who does not
# fit; Back, a wider window, Book: the new clients are booked.
. "$top_srcdir/tests/lib.sh"
need sqlite3 tmux
plan 11

pd demo --no-card --students 20 --date 2026-11-30 >/dev/null 2>&1 || { echo "Bail out! demo failed"; exit 1; }
sqlite3 "$STUDIO/picday.db" "INSERT INTO clients(org_id, first_name, last_name,
  student_id, grade) VALUES (1, 'Ada', 'Aardvark', 'N1', '3'),
  (1, 'Zed', 'Zebra', 'N2', '3'), (1, 'Bea', 'Bee', 'N3', '4');"
nsessions() { sqlite3 "$STUDIO/picday.db" 'SELECT count(*) || "/" || (SELECT value FROM counters WHERE name = "session_number") FROM sessions'; }
before=$(nsessions)

tui_start
wait_for 'Clients' || exit 1
keys 2 b
wait_for 'Bulk Scheduling — step 1 of 3' ; ok $? "b opens the Bulk Scheduling wizard"
keys Escape
wait_for 'Sessions: 20 rows' || exit 1
keys b Enter Enter Enter Enter
wait_for 'step 2 of 3' || exit 1
# Monday 2027-05-03, 08:00-08:06 in 3-minute slots: room for 2 of 3.
keys C-u 2027-05-03 Tab Tab Tab Tab C-u 08:06 Enter Enter Enter Enter Enter
wait_for 'step 3 of 3' ; ok $? "the time window leads to the preview"
wait_for 'Already booked \(skipped\): 20' ; ok $? "the preview counts those already booked"
wait_for 'Do not fit: 1' && screen | grep -q 'Zebra, Zed (N2)'
ok $? "the preview names who does not fit"
keys Escape
wait_for 'Sessions: 20 rows' || exit 1
is "$(nsessions)" "$before" "Esc on the preview wrote nothing"

keys b Enter Enter Enter Enter C-u 2027-05-03 Tab Tab Tab Tab C-u 08:06 Enter Enter Enter Enter Enter
wait_for 'Do not fit: 1' || exit 1
keys Tab Tab Enter
wait_for 'step 2 of 3' ; ok $? "Back returns to the window"
keys BTab BTab BTab BTab C-u 09:00 Enter Enter Enter Enter Enter
wait_for 'Everyone fits' && wait_for 'Will book 3: 2027-05-03 08:00 to 2027-05-03 08:06'
ok $? "a wider window fits everyone"
keys Enter
wait_for 'booked 3 sessions \(1021-1023\); 20 already booked; 0 did not fit'
ok $? "Book books them and says so"
wait_for 'Sessions: 23 rows' ; ok $? "the list shows the new sessions"
is "$(pd sessions list --format csv | tr -d '\r' | awk -F, 'NR > 1 && $1 > 1020 { print $1, $3, $6, $7 }')" \
"1021 Aardvark Booked 2027-05-03 08:00
1022 Bee Booked 2027-05-03 08:03
1023 Zebra Booked 2027-05-03 08:06" "the new clients are booked in slots (sessions list)"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM session_history WHERE what = 'created'")" 23 \
    "each new session has its history row"
done_testing
