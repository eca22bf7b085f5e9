#!/bin/sh
# The Client Import wizard (Clients hub, i): a roster with a BOM, CRLF,
# semicolons, a quoted delimiter, a bad row, a repeated student ID and an
# unknown column mapped by hand; the dry run's counts and rejected lines;
# Esc on the last step writes nothing; Finish imports and says how many.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/studio.sh"
plan 14
make_studio
counts() { db "SELECT (SELECT count(*) FROM clients) || ' ' ||
    (SELECT count(*) FROM organizations) || ' ' ||
    (SELECT count(*) FROM clients WHERE homeroom IS NOT NULL) || ' ' ||
    (SELECT email FROM clients WHERE student_id = 'S001')"; }
before=$(counts)

# Line 1 header; S001 exists in Lincoln High (an update); line 4 has no
# last name; S900 appears on lines 3 and 6 (the later row wins).
printf '\357\273\277Last Name;First Name;Student Number;Grade Level;Parent Email;Salle\r\n' >"$T/roster.csv"
printf 'Ågren-Þórsdóttir;Zoë;S001;10;zoe.new@example.org;B2\r\n' >>"$T/roster.csv"
printf '"Nakamura; Jr";Kenji;S900;9;;B1\r\n' >>"$T/roster.csv"
printf ';Nobody;S901;9;;B1\r\n' >>"$T/roster.csv"
printf 'Osei;Ama;S902;10;ama@example.org;B3\r\n' >>"$T/roster.csv"
printf '"Nakamura; Jr";Kenji;S900;10;;B1\r\n' >>"$T/roster.csv"
printf 'Quispe;Luz;S903;11;;B4\r\n' >>"$T/roster.csv"

tui_start 100 30
wait_for 'Abbott' || exit 1
keys '?'
wait_for 'i +Import clients from a roster file' ; ok $? "the Clients hub's help lists i, the import"
keys Escape
keys i
wait_for 'Import clients — step 1 of 3' ; ok $? "i opens the Client Import wizard"

keys "$T/missing.csv" Enter Enter Enter
wait_for 'cannot open .*missing.csv' ; ok $? "a file that is not there is refused with the reason"

# Organizations by name after the file's column: Escuela Núñez, Lincoln High.
keys C-u "$T/roster.csv" Tab Right Right Enter Enter
wait_for 'step 2 of 3' ; ok $? "Next opens the file and shows the column mapping"
like "$(screen | grep 'Student Number')" 'Student Number +S001 +< Student ID >|Student Number +S001 +Student ID' \
    "a school header is mapped by itself, with a sample value"
like "$(screen | grep 'roster.csv:')" '6 rows, delimiter semicolon, with BOM' \
    "the file's rows, delimiter and BOM are named"

# Salle (column 6) is not known: map it to Homeroom by hand.  → skips the
# fields other columns hold: (ignore), teacher, homeroom.
keys Down Down Down Down Down Right Right
wait_for '< Homeroom >' ; ok $? "→ changes the field of a column"

keys Tab Tab Enter
wait_for 'step 3 of 3' || exit 1
wait_for '3 new, 1 updated, 0 unchanged, 1 rejected, 1 repeated' ; ok $? "the dry run counts new, updated, rejected and repeated rows"
like "$(screen)" 'line 4: no last name' "the rejected row is named by its file line"
like "$(screen)" 'line 3: warning: .*S900' "the repeated student ID is a warning on the earlier line"

keys Escape
wait_for '^ Clients: 40 rows' || exit 1
is "$(counts)" "$before" "Esc on the dry run writes nothing"

# Again, to the end: the mapping is made again, then Finish.
keys i
wait_for 'step 1 of 3' || exit 1
keys "$T/roster.csv" Tab Right Right Enter Enter
wait_for 'step 2 of 3' || exit 1
keys End Right Right Tab Tab Enter
wait_for 'step 3 of 3' || exit 1
keys Enter
wait_for 'roster.csv: 3 new, 1 updated, 1 rejected' ; ok $? "Finish imports and the message line counts it"
wait_for '^ Clients: 43 rows' ; ok $? "the list shows the new clients"
is "$(counts)" "43 2 4 zoe.new@example.org" \
    "three clients added, one updated, homeroom from the hand-mapped column"
done_testing
