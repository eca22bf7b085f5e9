#!/bin/sh
# The Invoice Import wizard (Invoices hub, i): the file, the dry run with
# the guessed shape, the summary and each rejected invoice by file line;
# Esc writes nothing; Import writes the good invoices.
. "$top_srcdir/tests/lib.sh"
need tmux sqlite3
plan 7

pd demo --students 3 --date 2026-05-04 --no-card >/dev/null 2>&1
printf 'code,name,kind,price\nDL,Download,digital,25\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" 2>/dev/null
cat >"$T/orders.csv" <<'CSV'
Invoice Number,Session Number,Invoice Date,Item Code,Qty,Line Total,Total
Q-1,1001,06/30/2026,DL,2,$50.00,$50.00
Q-2,1099,06/30/2026,DL,1,25,25
Q-3,1002,2026-07-01,DL,1,25,26
CSV

tui_start
wait_for 'Clients' || exit 1
keys 4 i
wait_for 'Invoice Import' || exit 1
keys "$T/orders.csv" Enter Enter Enter
wait_for "step 2 of 3: mapping" && keys Enter
wait_for 'Dry run'
ok $? "Next runs the dry run"
s=$(screen)
like "$s" "one row per line" "the guessed shape is shown"
like "$s" '1 new invoices \(1 lines, \$50\.00\), 0 already imported, 2 rejected' "the summary"
like "$s" "line 3: invoice Q-2: unknown session 1099" "a rejected invoice by its file line"
keys Escape
sleep 0.3
is "$(sqlite3 "$STUDIO/picday.db" 'SELECT count(*) FROM invoices')" 0 "Esc wrote nothing"

keys i
wait_for 'Invoice Import'
keys "$T/orders.csv" Enter Enter Enter
wait_for "step 2 of 3: mapping" && keys Enter
wait_for 'Dry run'
keys Enter
wait_for 'Q-1 +1001'
ok $? "Import writes the good invoice and the hub shows it"
is "$(sqlite3 "$STUDIO/picday.db" 'SELECT group_concat(number) FROM invoices')" "Q-1" "only the good one"
done_testing
