#!/bin/sh
# The TUI shell: hub tabs, lists with UTF-8 names, filter, range tagging,
# help, the Control Center's retry/cancel, and quitting while a job runs.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/studio.sh"
plan 16
make_studio

tui_start
wait_for 'Abbott' ; ok $? "Clients hub lists clients on the first screen"
like "$(screen | head -1)" '1 Clients 2 Sessions 3 Workflow 4 Invoices 5 Production 6 Control Center 7 Setup' \
    "tabs for every hub across the top"

# UTF-8 names padded by display width: the next column lines up.  (Ågren
# sorts beside the A's, at the top; 李小龍 at the end.)
a=$(screen | grep -m1 '^  Ågren' | sed 's/S001.*//' | wc -m)
keys G
wait_for '李小龍'
b=$(screen | grep -m1 '^  李小龍' | sed 's/S002.*//' | wc -m)
c=$(screen | grep -m1 '^  Student40' | sed 's/S040.*//' | wc -m)
# wc -m counts characters: a wide character is one character but two
# columns, so 李小龍 (3 chars, 6 columns) sits 3 characters short.
is "$a $((b + 3))" "$c $c" "UTF-8 names padded so the Student ID column lines up"

keys Tab
wait_for '^ Sessions: 40 rows' ; ok $? "Tab goes to the Sessions hub with its rows"
like "$(screen | sed -n 2p)" 'Number +Last name +First nam.* Student +Organizati.* Status +Starts' \
    "Sessions columns: number, last, first, student id, organization, status, starts"
keys 6
wait_for 'Schedule mails' ; ok $? "number key 6 opens the Control Center with the jobs"
keys BTab
wait_for '^ Production' ; ok $? "Shift+Tab goes back one hub"

# Filter as you type, then range-tag with Shift+Down.
keys 2 / A b b
wait_for '^ Sessions: 1 row, /Abb' ; ok $? "/ filters as you type"
like "$(screen | sed -n 3p)" '1003 Abbott' "the filtered list shows the match"
keys Escape Escape
wait_for '^ Sessions: 40 rows' ; ok $? "Esc clears the filter"
keys S-Down S-Down S-Down
wait_for 'Sessions: 40 rows, 4 tagged' ; ok $? "Shift+Down extends a tagged range; the status line counts it"

keys '?'
wait_for 'Filter wizard' ; ok $? "help lists the Sessions hub's own keys"
keys NPage
wait_for 'Extend the tagged range down' ; ok $? "? shows the keys, from the key table (PgDn scrolls)"
keys Escape

# A job runs elsewhere (job 2): q asks first.
keys 6 q
wait_for 'Quit picday\?' ; ok $? "q asks first while a job is running"
keys n
keys r
wait_for 'cannot retry job #2' ; ok $? "r on a running job says why it cannot"
keys c
wait_for 'job\(s\) cancelled'
is "$(db 'SELECT state FROM jobs WHERE id = 2')" cancelled "c cancels the job in the studio"
done_testing
