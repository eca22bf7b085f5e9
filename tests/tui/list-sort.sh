#!/bin/sh
# Sorting the Clients and Sessions hubs: s cycles the sort, S reverses it,
# the header's arrow and the message line say which; the order on screen
# changes while the tags and the cursor's row stay.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/studio.sh"
plan 15
make_studio
db "UPDATE sessions SET starts_at = '2025-09-15 07:30' WHERE number = 1030"

first() { screen | sed -n 3p; }	# the first row of the list
current() { screen | sed -n 's/^ Last name: *\([^ ]*\).*/\1/p'; }

tui_start
wait_for 'Abbott' || exit 1
like "$(screen | sed -n 2p)" '^  Last name↑ ' "by last name at first: the arrow says so"
keys '?'
wait_for 'Sort by the next column: last name, first name' ; ok $? "help lists s and S"
keys Escape
# Tag Abbott; the cursor moves on to Ågren, whose Å sorts beside the A's.
keys Space
wait_for '40 rows, 1 tagged' || exit 1
is "$(current)" Ågren-Þórsdóttir "the cursor is on Ågren (Å beside A)"

keys s
wait_for 'Sorted by First name, ascending' ; ok $? "s sorts by first name"
like "$(screen | sed -n 2p)" 'First name↑ ' "the arrow moves to First name"
is "$(current)" Ågren-Þórsdóttir "the cursor stays on its row (Zoë, now last)"
keys g
wait_for '^  李小龍' || exit 1
is "$(screen | sed -n '3,4p' | cut -c1-12 | tr -s ' ' | tr '\n' ,)" "* Abbott , 李小龍 ," \
    "the order on screen: Ana, then Bruce; Ana's tag went along"

keys s
wait_for 'Sorted by Student ID' || exit 1
keys g
wait_for '^  Ågren' && like "$(first)" 'S001' "by student ID: S001 first"
keys s
wait_for 'Sorted by Grade' || exit 1
keys g
wait_for '^  Abbott' ; like "$(first)" 'Abbott' \
    "by grade in school order (9 before 10), then last name: Abbott first"
keys S
wait_for 'Sorted by Grade, descending' || exit 1
like "$(screen | sed -n 2p)" 'Grad↓' "S reverses: the arrow points down (the title gives way)"
keys g
wait_for '^  Student39' ; like "$(first)" 'Student39' \
    "descending: grade 12 first (not 9), last names backwards"

# The tag went along through every sort.
keys / A b b Enter
wait_for '^\* Abbott' ; ok $? "the tagged row is still tagged"
like "$(screen | grep 'Clients: ')" '1 row, 1 tagged' "one tag, no more"

keys 2 s
wait_for 'Sorted by Starts, ascending' || exit 1
like "$(screen | sed -n 2p)" 'Starts↑' "Sessions: s sorts by time, the arrow appears"
keys g
wait_for '^ +1030 ' ; ok $? "the earliest session first"
done_testing
