#!/bin/sh
# The price-list editor of the Setup hub (p): the items with money as
# money, a new item through the form (checked like a price-list import:
# a print needs its size), an edit, and a delete refused for an item that
# is on an invoice.
. "$top_srcdir/tests/lib.sh"
need tmux sqlite3
plan 8

pd demo --students 2 --date 2026-05-04 --no-card >/dev/null 2>&1
printf 'code,name,kind,price,width_in,height_in,sheet_width_in,sheet_height_in\n810,8x10 print,print,18,8,10,,\nW8,Wallets,print,"$1,000.50",2.5,3.5,8,10\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" --name Fall 2>/dev/null
pd invoices add --session 1001 W8 >/dev/null 2>&1 || true
printf 'Invoice Number,Session Number,Item Code,Qty,Line Total\nX-1,1001,W8,1,1000.50\n' >"$T/i.csv"
pd invoices import "$T/i.csv" 2>/dev/null

tui_start
wait_for 'Clients' || exit 1
keys 7 p
wait_for 'Price lists'
like "$(screen)" 'W8 +Wallets +print +\$1,000\.50 +2\.5 x 3\.5 in +8 x 10 in +Fall' \
    "the items with money, sizes and the n-up sheet"

# A print without its size is refused with the import's reason.
keys n
wait_for 'New price-list item'
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace Fall Down AL Down Album Down Down 45 Tab
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
keys Enter
wait_for 'print AL needs width_in and height_in'
ok $? "a print without its size is refused with the reason"
keys Up Up Up Up Up Up Up Up Up Up 8 Down 10
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab
keys Enter
wait_for 'AL +Album +print +\$45\.00 +8 x 10 in'
ok $? "the new item is listed"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT l.name, i.price_cents, i.width_in, i.height_in FROM price_list_items i JOIN price_lists l ON l.id = i.price_list_id WHERE code = 'AL'")" \
    "Fall|4500|8.0|10.0" "and stored in the Fall list, in cents"

# Edit: the price.
keys g j e
wait_for 'Edit price-list item'
keys Down Down Down Down BSpace BSpace BSpace BSpace BSpace 49.99 Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
keys Enter
wait_for 'AL +Album +print +\$49\.99'
ok $? "an edit changes the price"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM price_list_items WHERE code = 'AL'")" 1 "one item still"

# Delete: W8 is on an invoice, so it stays.
keys G
keys d
wait_for 'Delete W8'
keys y
wait_for 'on invoices: it stays'
ok $? "an item on an invoice is not deleted"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM price_list_items WHERE code = 'W8'")" 1 "W8 is still there"
done_testing
