#!/bin/sh
# Shared widgets: the New client form (Ctrl+N) writes only after OK; the
# Sessions filter wizard writes nothing and applies only on Finish.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/studio.sh"
plan 12
make_studio
before=$(db 'SELECT count(*) FROM clients')

tui_start
wait_for 'Abbott' || exit 1
keys C-n
wait_for 'New client' ; ok $? "Ctrl+N opens the New client form"
keys Escape
wait_for '^ Clients: 40 rows'
is "$(db 'SELECT count(*) FROM clients')" "$before" "Esc on the form writes nothing"

keys C-n
wait_for 'New client'
keys 'Jürgen' Tab Tab 'S900' Tab 10 Tab 'Ms Lee' Tab Tab 'bad' Tab Tab Tab Tab Tab Tab Enter
wait_for 'Last name: required' ; ok $? "OK checks required fields first"
# The focus is on the field at fault; Enter on the last field is OK.
keys 'Ødegård' Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Enter
wait_for 'does not look like an e-mail' ; ok $? "the e-mail validator refuses a bad address"
is "$(db 'SELECT count(*) FROM clients')" "$before" "nothing written while the form is refused"
keys BSpace BSpace BSpace 'j@example.org' Tab Tab Tab Right Tab Right Tab \
    'Librarian' Tab 3 Enter
wait_for 'Client Jürgen Ødegård saved' ; ok $? "OK saves the client"
is "$(db "SELECT first_name || '|' || last_name || '|' || student_id || '|' || o.name || '|' || role || '|' || title || '|' || priority FROM clients c JOIN organizations o ON o.id = c.org_id WHERE student_id = 'S900'")" \
    'Jürgen|Ødegård|S900|Escuela Núñez|teacher|Librarian|3' \
    "the client is in the studio with its organization, role, title and priority"
keys / 'Ødegård' Enter
wait_for 'Ødegård +Jürgen .*teacher' ; ok $? "the Clients hub shows the role"

# The wizard: cancel writes nothing and changes nothing.
sum() { db 'SELECT count(*), total(status_id), total(org_id) FROM sessions'; }
s0=$(sum)
keys 2 w
wait_for 'step 1 of 2' || exit 1
keys Right Enter
wait_for 'step 2 of 2' ; ok $? "Next goes to the wizard's second page"
keys Escape
wait_for '^ Sessions: 40 rows' ; ok $? "Esc cancels the wizard and leaves the list as it was"
is "$(sum)" "$s0" "a cancelled wizard wrote nothing"
keys w Right Right Enter Right Enter
wait_for 'Only: Lincoln High, Booked' && wait_for '^ Sessions: 11 rows'
ok $? "Finish applies the organization and status filter"
done_testing
