#!/bin/sh
# Print QR codes and Export from the Sessions hub, as a user would: the
# PDF of 5 tagged sessions decodes (pdftoppm, zbarimg) to exactly those
# numbers; the export writes the Entagged columns, and a column ticked in
# the chooser goes out too.
. "$top_srcdir/tests/lib.sh"
need sqlite3 tmux pdftoppm zbarimg
plan 11

pd demo --no-card --students 20 --date 2026-11-30 >/dev/null 2>&1 || { echo "Bail out! demo failed"; exit 1; }
tui_start
wait_for 'Clients' || exit 1
keys 2
wait_for 'Sessions: 20 rows' || exit 1
keys Down Down S-Down S-Down S-Down S-Down
wait_for '5 tagged' || exit 1

day1=$(date +%Y-%m-%d)
keys p
wait_for 'Print QR codes: 5 sessions' ; ok $? "p opens the QR dialog for the tagged sessions"
# Named for today: either side of midnight if the run crosses it.
screen | grep -Eq "Output file \* .*/exports/qr-($day1|$(date +%Y-%m-%d)).pdf" ; ok $? "the default file is in the studio's exports"
keys C-u "$T/cards.pdf" Tab Right
wait_for 'Cards per page \* < 2 >' || exit 1
keys Enter
wait_for "wrote 5 QR cards on 3 pages to $T/cards.pdf" ; ok $? "OK writes the PDF and names it"
pdftoppm -r 72 -png "$T/cards.pdf" "$T/page" && \
    codes=$(zbarimg -q --raw "$T"/page*.png 2>/dev/null | sort -n | tr '\n' ' ')
is "$codes" "1003 1004 1005 1006 1007 " "the codes decode to exactly the 5 sessions"

keys x
wait_for 'Export 5 sessions — step 1 of 3' ; ok $? "x opens the export wizard"
keys Enter
wait_for '\[x\] Session Number' || exit 1
keys Enter C-u "$T/entagged.csv" Enter
wait_for "exported 5 sessions \(5 columns\) to $T/entagged.csv" ; ok $? "Export writes the file"
expected=$(pd sessions list --format csv --columns number,first_name,last_name,student_id,organization | tr -d '\r' |
    awk -F, 'NR > 1 && $1 >= 1003 && $1 <= 1007')
is "$(tr -d '\r' <"$T/entagged.csv")" "Session Number,First Name,Last Name,Student ID,Organization
$expected" "the Entagged columns of the 5 sessions, in order"

# Tick Status (the 6th column) in the chooser.
keys x Enter
wait_for '\[ \] Status' || exit 1
keys Down Down Down Down Down Space
wait_for '\[x\] Status' ; ok $? "Space ticks a column"
keys Enter C-u "$T/six.csv" Enter
wait_for "exported 5 sessions \(6 columns\)" || exit 1
is "$(head -1 "$T/six.csv" | tr -d '\r')" "Session Number,First Name,Last Name,Student ID,Organization,Status" \
    "the ticked column goes out in the order listed"

# Nothing tagged: the QR codes of the filtered list.
keys a
wait_for '20 tagged' || exit 1
keys a
wait_for 'Sessions: 20 rows *$' || exit 1
keys / García Enter
wait_for 'Sessions: [0-9]+ rows, /García' || exit 1
want=$(pd sessions list --format csv | tr -d '\r' | awk -F, 'NR > 1 && ($2 ~ /García/ || $3 ~ /García/) { print $1 }' | tr '\n' ' ')
n=$(echo $want | wc -w)
keys p
wait_for "Print QR codes: $n sessions" ; ok $? "with nothing tagged, p takes the filtered list"
keys C-u "$T/filtered.pdf" Enter Enter
wait_for "wrote $n QR cards" || exit 1
rm -f "$T"/page*.png
pdftoppm -r 72 -png "$T/filtered.pdf" "$T/page" && \
    codes=$(zbarimg -q --raw "$T"/page*.png 2>/dev/null | sort -n | tr '\n' ' ')
is "$codes" "$want" "its codes are the filtered sessions"
done_testing
