#!/bin/sh
# The sales presentation (Workflow hub, o): the session's frames one at a
# time with the price list on the number keys, a running total, Finish
# making the manual invoice with each item on the frame it was added for;
# Esc writes nothing.
. "$top_srcdir/tests/lib.sh"
need tmux sqlite3
plan 8

pd demo --students 2 --date 2026-05-04 >/dev/null 2>&1
pd images import "$STUDIO/demo-card" --by qr >/dev/null 2>&1
printf 'code,name,kind,price,width_in,height_in\n810,8x10 print,print,18,8,10\n57,5x7 print,print,"$1,012",5,7\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" 2>/dev/null
first=$(sqlite3 "$STUDIO/picday.db" "SELECT min(i.id) FROM images i JOIN sessions s ON s.id = i.session_id WHERE s.number = (SELECT min(number) FROM sessions) AND NOT i.is_marker")
number=$(sqlite3 "$STUDIO/picday.db" "SELECT min(number) FROM sessions")

tui_start 100 30
wait_for 'Clients' || exit 1
keys 3
wait_for 'Workflow' || exit 1
keys o
wait_for "Sales: session $number"
ok $? "o opens the sales presentation of the session"
wait_for "frame 1 of [0-9]+ \\(image $first\\)"
ok $? "the first frame that is not a QR marker"
keys Escape
sleep 0.3
keys o
wait_for "Sales: session"
keys 2 2 Right 1
wait_for 'Total \$1,048\.00'
ok $? "the running total: two 8x10 and one 5x7"
keys Enter
wait_for "invoice M1 for session $number: \\\$1,048\\.00"
ok $? "Finish makes the invoice"
is "$(pd invoices show M1 --format csv | sed 1d | cut -d, -f1,3,5)" "810,2,3600
57,1,101200" "its lines at the price-list prices (keys 1, 2: the items by code)"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT group_concat(image_id - $first) FROM invoice_lines")" "0,1" \
    "each item on the frame it was added for"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM invoices")" 1 "the Esc before wrote nothing"
keys 4
wait_for 'M1 +'"$number"
keys Enter
wait_for 'Invoice M1'
wait_for '[▀▄▌▐▖▗▘▝▚▞]{4}'
ok $? "the invoice's lines show the ordered frame's picture"
done_testing
