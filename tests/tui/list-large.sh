#!/bin/sh
# A list longer than one scan step (20,000 sessions): the first screen
# comes before the total is known ("N+ rows"), the total comes by itself
# without a key, even where one scan chunk takes longer than an idle
# slice, as under the clock pass's libfaketime (the scan once stopped for
# good there, at "16449+ rows"; the limit is wide, not a time to meet),
# End goes to the last row at once, Home back to the first.
. "$top_srcdir/tests/lib.sh"
need sqlite3 tmux
plan 5
N=20000
pd jobs list >/dev/null 2>&1
sqlite3 "$STUDIO/picday.db" <<SQL || exit 1
BEGIN;
INSERT INTO organizations(id, name) VALUES (1, 'Lincoln High');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO clients(id, org_id, first_name, last_name, student_id)
SELECT i, 1, 'Kid' || i, printf('Student%05d', i), printf('S%05d', i) FROM n;
INSERT INTO sessions(number, client_id, org_id, type_id, starts_at, minutes,
  status_id)
SELECT 1000 + id, id, 1, 1, '2025-09-01 08:00', 3, 1 FROM clients;
COMMIT;
SQL

tui_start
wait_for "Clients: [0-9]+\\+? rows" ; ok $? "the first screen"
wait_for "^ Clients: $N rows" 60 ; ok $? "the total comes by itself, without a key"
keys 2
wait_for "^ Sessions: $N rows" 60 ; ok $? "the Sessions hub counts its rows too"
keys End
wait_for "Number: +$((1000 + N))( |\$)" ; ok $? "End: the last session"
keys Home
wait_for "Number: +1001( |\$)" ; ok $? "Home: the first"
done_testing
