#!/bin/sh
# The Invoices hub: invoices imported on the command line are listed with
# their session, client, date and money as money (never cents), the totals
# of the filter on the bottom line, Enter shows an invoice's lines, and the
# sort by date puts the newest last.
. "$top_srcdir/tests/lib.sh"
need tmux
plan 9

pd demo --students 3 --date 2026-05-04 --no-card >/dev/null 2>&1
printf 'code,name,kind,price,width_in,height_in\n810,8x10 print,print,18,8,10\nW8,Wallets,print,"$1,000.50",2.5,3.5\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" 2>/dev/null
cat >"$T/inv.csv" <<'CSV'
Invoice Number,Session Number,Invoice Date,Item Code,Qty,Line Total,Total,Paid
Z-9,1001,06/30/2026,810,2,36,"$1,036.50",$10
Z-9,1001,06/30/2026,W8,1,"1,000.50","$1,036.50",$10
A-1,1002,2026-07-01,810,1,18,18,18
CSV
pd invoices import "$T/inv.csv" 2>/dev/null

tui_start
wait_for 'Clients' || exit 1
keys 4
wait_for 'Balance'
ok $? "the Invoices hub has a Balance column"
s=$(screen)
like "$s" 'Z-9 +1001 .*2026-06-30 +\$1,036\.50 +\$10\.00 +\$1,026\.50' "an invoice row with money as money"
like "$s" 'A-1 +1002 .*2026-07-01 +\$18\.00 +\$18\.00 +\$0\.00' "a paid invoice, balance nothing"
case "$s" in *Cents*|*103650*) ok 1 "no raw cents";; *) ok 0 "no raw cents";; esac
wait_for '2 invoices +total \$1,054\.50 +paid \$28\.00 +balance \$1,026\.50'
ok $? "the totals at the bottom"

# By number A-1 comes first; Enter on it, then on Z-9.
keys j Enter
wait_for 'Invoice Z-9'
s=$(screen)
like "$s" '810 +8x10 print +2 x +\$18\.00 +\$36\.00' "Enter shows the lines with money"
like "$s" 'W8 +Wallets +1 x +\$1,000\.50 +\$1,000\.50' "every line"
keys Escape

keys / Z - 9
wait_for '1 invoices +total \$1,036\.50'
ok $? "the totals follow the filter"
keys Enter Escape
keys s
wait_for 'Date(↑|↓)'
ok $? "s sorts by date"
done_testing
