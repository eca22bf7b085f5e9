#!/bin/sh
# The Setup hub: a status added after another and moved with J/K, which
# `picday sessions advance` follows; organizations added, edited and
# deleted only when empty; the mail settings form.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/studio.sh"
plan 13
make_studio
order() { db "SELECT group_concat(name, ',') FROM (SELECT name FROM statuses ORDER BY position)"; }
status_of() { db "SELECT t.name FROM sessions s JOIN statuses t ON t.id = s.status_id WHERE number = $1"; }

tui_start 100 30
wait_for 'Abbott' || exit 1
keys 7 t
wait_for 'Statuses in workflow order' || exit 1
# On Booked: n adds after it.
keys n 'Checked In' Enter
wait_for 'Status Checked In saved' ; ok $? "n adds a status"
is "$(order)" "Booked,Checked In,Photographed,Images Imported,Image Upload,Online,Ordered,In Production,Complete" \
    "the new status comes right after the current one"
pd sessions advance 1001 >/dev/null 2>&1
is "$(status_of 1001)" "Checked In" "sessions advance goes to the new status"

# The cursor is on Booked; j to Checked In, J moves it below Photographed.
keys j J
wait_for '^ +3 Checked In' ; ok $? "J moves the status down in the list"
is "$(order)" "Booked,Photographed,Checked In,Images Imported,Image Upload,Online,Ordered,In Production,Complete" \
    "the order is stored"
is "$(db 'SELECT count(DISTINCT position) = count(*) FROM statuses')" 1 "positions stay unique"
pd sessions advance 1002 >/dev/null 2>&1
is "$(status_of 1002)" "Photographed" "sessions advance follows the new order"
keys K K
wait_for '^ +1 Checked In'
is "$(order | cut -d, -f1-2)" "Checked In,Booked" "K moves it up, to the top"
keys j d
wait_for 'Delete status Booked' || exit 1
keys y
wait_for '28 sessions have this status; only an unused' ; ok $? "a status that sessions have is kept, with the reason"
keys Enter

# Organizations: add one, refuse to delete one with clients, delete it.
keys o n 'Oak Middle' Tab OMS Enter
wait_for 'Organization Oak Middle saved' ; ok $? "n adds an organization"
keys g d
wait_for 'Delete organization Escuela' || exit 1
keys y
wait_for 'Organization not deleted' &&
    like "$(screen | sed 's/│//g' | tr '\n' ' ' | tr -s ' ')" 'has 19 clients and 19 sessions; only an empty one can be deleted' \
    "an organization with clients is kept, with the reason"
keys Enter G d
wait_for 'Delete organization Oak Middle' || exit 1
keys y
wait_for 'Organization deleted' && is "$(db 'SELECT count(*) FROM organizations')" 2 \
    "an empty organization is deleted"

# Mail settings: the SMTP server; the body's new lines survive the form.
body=$(db "SELECT value FROM preferences WHERE key = 'mail.schedule.body'")
keys m
wait_for 'Mail settings' || exit 1
keys Tab 'smtp://127.0.0.1:2525' Enter Enter Enter Enter
wait_for 'Mail settings saved' || exit 1
is "$(db "SELECT value FROM preferences WHERE key = 'mail.smtp_url'")|$(db "SELECT value FROM preferences WHERE key = 'mail.schedule.body'")" \
    "smtp://127.0.0.1:2525|$body" "mail settings saved, the body unchanged"
done_testing
