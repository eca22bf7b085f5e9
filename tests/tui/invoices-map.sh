#!/bin/sh
# The Invoice Import wizard's mapping step: a shop's file whose headers
# picday does not know; each field gets its column picked from the file's
# columns (Enter, j/k, Enter) beside a preview of the column's first rows;
# s saves the mapping as a template; the invoices that land are those the
# mapping says, and the template maps the shop's next file by itself.
. "$top_srcdir/tests/lib.sh"
need tmux python3
plan 11

pd demo --students 3 --date 2026-05-04 --no-card >/dev/null 2>&1
printf 'code,name,kind,price\nDL,Download,digital,25\nCD,Disc,other,18\n' \
    >"$T/pl.csv"
pd pricelist import "$T/pl.csv" 2>/dev/null
cat >"$T/shop.csv" <<'CSV'
Ref,Booking,Day,Article,Count,Sum,Grand
W-1,1001,06/30/2026,DL,2,$50.00,$68.00
W-1,1001,06/30/2026,CD,1,18,$68.00
W-2,1002,2026-07-01,DL,1,25,25
CSV

tui_start
wait_for 'Clients' || exit 1
keys 4 i
wait_for 'Invoice Import' || exit 1
keys "$T/shop.csv" Enter Enter webshop Enter
wait_for 'step 2 of 3: mapping'
ok $? "Next shows the mapping step"
like "$(screen)" "no invoice number column" "the mapping says what is missing"

# Invoice number <- Ref: Enter opens the columns, j moves, Enter picks.
keys Enter
wait_for 'Column for Invoice number'
ok $? "Enter opens the file's columns for the field"
keys j
wait_for 'First rows of Ref'
like "$(screen)" 'W-2' "the preview shows the column's first rows"
keys Enter
# Session number <- Booking; Invoice date <- Day; Item code <- Article;
# Quantity <- Count; Line total <- Sum; Invoice total <- Grand (G: last).
keys j Enter j j Enter
keys j j j Enter j j j Enter
keys j Enter j j j j Enter
keys j j Enter j j j j j Enter
keys j j Enter j j j j j j Enter
keys j Enter G Enter
wait_for 'ready for the dry run'
ok $? "every needed field has its column"
s=$(screen)
like "$s" 'Invoice total +Grand' "the field shows the column picked"
like "$s" 'First rows of Grand' "the preview follows the field"

# s: save the mapping as a template, named webshop (from step 1).
keys s
wait_for 'Save the mapping as a template'
keys Enter
wait_for 'Which column each field reads' || exit 1
keys Tab Tab Enter
wait_for '2 new invoices'
keys Enter
wait_for 'W-2' || exit 1
is "$(pd invoices list --format csv | tr -d "\r" | cut -d, -f1,2,5,8)" \
"number,session,total,lines
W-1,1001,6800,2
W-2,1002,2500,1" "the invoices landed as mapped"
is "$(pd invoices show W-1 --format csv | tr -d "\r" | cut -d, -f1,3,5)" \
"item,quantity,amount
DL,2,5000
CD,1,1800" "with their lines"

# The shop's next file: the template maps it by itself.
cat >"$T/shop2.csv" <<'CSV'
Ref,Booking,Day,Article,Count,Sum,Grand
W-3,1003,07/02/2026,CD,2,36,36
CSV
pd invoices import --template webshop "$T/shop2.csv" 2>"$T/err"
ok $? "the saved template imports the next file"
is "$(pd invoices list --format csv | tr -d "\r" | grep '^W-3' | cut -d, -f1,2,5)" \
    "W-3,1003,3600" "with the same mapping"
done_testing
