#!/bin/sh
# The Clients hub's editing: Enter edits a client in the same form as
# Ctrl+N (email saved); delete is refused while the client has images;
# a client with booked sessions is deleted with them after a question;
# No deletes nothing.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/studio.sh"
plan 11
make_studio
# Ana Abbott (client 3) has a picture; Kid4 Student04 (client 4) has a
# session that was mailed.
sqlite3 "$STUDIO/picday.db" <<'SQL'
INSERT INTO images(session_id, path, sha256)
  SELECT id, 'sessions/1003/a.jpg', 'ab' FROM sessions WHERE client_id = 3;
INSERT INTO mail_log(session_id, client_id, kind, to_addr, state)
  SELECT id, 4, 'schedule', 'kid4@example.org', 'sent' FROM sessions
  WHERE client_id = 4;
SQL

tui_start 100 30
wait_for 'Abbott' || exit 1
keys Enter
wait_for 'Edit client' ; ok $? "Enter opens the client form"
like "$(screen | grep 'Last name')" 'Last name \* Abbott' "the form holds the client's values"
# First name, then six Tabs to Email; Enter walks to the last field, OK.
keys Tab Tab Tab Tab Tab Tab 'ana.abbott@example.org' Enter Enter Enter Enter \
    Enter Enter Enter
wait_for 'Client Ana Abbott saved' ; ok $? "OK saves the edited client"
is "$(db "SELECT email || '|' || org_id FROM clients WHERE id = 3")" \
    'ana.abbott@example.org|2' "the email changed and the organization stayed"

keys d
wait_for 'Client not deleted' ; ok $? "delete is refused for a client with images"
like "$(screen)" 'Ana Abbott cannot be deleted: the client has 1 images' \
    "the reason is shown"
keys Enter
is "$(db 'SELECT count(*) FROM clients WHERE id = 3')" 1 "the client with images is still there"

# Down past Ågren (Å sorts beside the A's) to Student04.
keys j j d
wait_for 'Delete client Kid4 Student04 and its sessions \(1\)' ; ok $? \
    "a client with booked sessions: the question counts them"
keys n
is "$(db 'SELECT count(*) FROM clients WHERE id = 4')" 1 "No deletes nothing"
keys d
wait_for 'Delete client Kid4' || exit 1
keys y
wait_for 'Client deleted' ; ok $? "Yes deletes"
is "$(db "SELECT (SELECT count(*) FROM clients WHERE id = 4) ||
    (SELECT count(*) FROM sessions WHERE client_id = 4) ||
    (SELECT count(*) FROM sessions)")" "0039" \
    "the client and its session are gone, the others stay"
done_testing
