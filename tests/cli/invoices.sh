#!/bin/sh
# picday invoices import / list / show / add: both shapes guessed from the
# columns, awkward money and dates, reconciliation messages with file line
# numbers, a bad line rejecting its whole invoice, idempotent re-import,
# sessions moved to Ordered (not back), bad files refused whole.
. "$top_srcdir/tests/lib.sh"
need /usr/bin/python3 sqlite3
plan 40

pd demo --students 6 --date 2026-05-04 --no-card >/dev/null 2>&1
ok $? "demo studio"
printf 'code,name,kind,price,width_in,height_in\n810,8x10,print,18,8,10\n57,5x7,print,12,5,7\nW8,Wallets,print,"$1,000.50",2.5,3.5\nDL,Download,digital,25,,\n' \
    >"$T/pl.csv"
pd pricelist import "$T/pl.csv" --name Fall 2>/dev/null
pd sessions advance --to Complete 1006 >/dev/null 2>&1
client_of() { pd sessions list --format json | /usr/bin/python3 -c '
import json, sys
print([r for r in json.load(sys.stdin) if str(r["number"]) == sys.argv[1]][0]["student_id"])' "$1"; }

# One row per line; rows of one invoice apart; quoted money with thousands
# commas, "1234.5", "18"; US and ISO dates.
cat >"$T/lines.csv" <<'CSV'
Invoice Number,Session Number,Invoice Date,Item Code,Description,Qty,Unit Price,Line Total,Total,Paid
A-100,1001,05/04/2026,810,8x10 matte,2,$18.00,$36.00,"$1,072.50",$10
A-200,1002,2026-05-05,810,,1,18,18,18,18
A-100,1001,05/04/2026,W8,,1,"$1,000.50","$1,000.50","$1,072.50",$10
A-100,1001,5/4/2026,57,,3,12,36.0,1072.5,10
A-300,1099,2026-05-05,810,,1,18,18,18,
A-400,1003,2026-05-05,QQ,,1,18,18,18,
A-500,1004,2026-05-05,810,,2,18,35,35,
A-600,1005,2026-05-05,810,,1,18,18,20,
A-700,1005,2026-02-30,57,,1,12,12,12,
A-800,1006,12/01/2026,DL,,1,$25,$25,$25,$25
A-900,1005,2026-05-05,810,,1,18,18,18,
A-900,1005,2026-05-05,XX,,1,18,18,18,
CSV

pd invoices import "$T/lines.csv" --dry-run 2>"$T/err"
ok $? "dry run exits 0"
err=$(cat "$T/err")
like "$err" "one row per line" "the shape is guessed and shown"
like "$err" "lines.csv:6: invoice A-300: unknown session 1099" "unknown session, by line"
like "$err" "lines.csv:7: invoice A-400: unknown item code QQ" "unknown item code, by line"
like "$err" "lines.csv:8: invoice A-500: line total 35.00 is not 2 x 18.00 = 36.00" "a line total that is not qty x unit price"
like "$err" "lines.csv:9: invoice A-600: total 20.00 is not the sum of its lines 18.00" "an invoice total that is not the sum of its lines"
like "$err" "lines.csv:10: invoice A-700: date '2026-02-30'" "a date that does not exist"
like "$err" "lines.csv:13: invoice A-900: unknown item code XX" "a bad second line of an invoice"
like "$err" "3 new invoices \(5 lines, \\\$1,115.50\), 0 already imported, 6 rejected \(dry run" "dry run summary"
is "$(pd invoices list --format csv | tr -d '\r' | wc -l)" 1 "dry run wrote nothing"

pd invoices import "$T/lines.csv" --format json >"$T/out" 2>"$T/err"
ok $? "import exits 0 with rejected invoices"
like "$(cat "$T/err")" "3 new invoices .*6 rejected; 2 sessions moved to Ordered" "import summary"
is "$(/usr/bin/python3 -c '
import json, sys
for r in json.load(open(sys.argv[1])):
    print(r["invoice"], r["line"], r["action"], r["total"], r["reason"] or "")
' "$T/out" | sed 's/ *$//')" "A-100 2 new 107250
A-200 3 new 1800
A-300 6 rejected None invoice A-300: unknown session 1099
A-400 7 rejected None invoice A-400: unknown item code QQ
A-500 8 rejected None invoice A-500: line total 35.00 is not 2 x 18.00 = 36.00
A-600 9 rejected None invoice A-600: total 20.00 is not the sum of its lines 18.00
A-700 10 rejected None invoice A-700: date '2026-02-30' is not YYYY-MM-DD or MM/DD/YYYY
A-800 11 new 2500
A-900 12 rejected None invoice A-900: unknown item code XX" "one report row per invoice, money in cents"

is "$(pd invoices list --format csv | tr -d '\r')" "number,session,client,date,total,paid,balance,lines
A-100,1001,$(sqlite3 "$STUDIO/picday.db" 'SELECT client_id FROM sessions WHERE number = 1001'),2026-05-04,107250,1000,106250,3
A-200,1002,$(sqlite3 "$STUDIO/picday.db" 'SELECT client_id FROM sessions WHERE number = 1002'),2026-05-05,1800,1800,0,1
A-800,1006,$(sqlite3 "$STUDIO/picday.db" 'SELECT client_id FROM sessions WHERE number = 1006'),2026-12-01,2500,2500,0,1" \
    "invoices list: number, session, client, date, total, paid, balance, lines"
like "$(pd invoices list)" '\$1,072\.50 +\$10\.00 +\$1,062\.50' "people see money"
is "$(pd invoices show A-100 --format csv | tr -d '\r')" "item,description,quantity,unit_price,amount,image
810,8x10 matte,2,1800,3600,
W8,Wallets,1,100050,100050,
57,5x7,3,1200,3600," "invoices show: the lines, in file order"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM invoices WHERE number LIKE 'A-9%' OR number IN ('A-300','A-400','A-500','A-600','A-700')")" 0 \
    "no part of a rejected invoice was written"
is "$(pd sessions list --format csv | tr -d '\r' | cut -d, -f1,6 | sed 1d | tr '\n' ' ')" \
    "1001,Ordered 1002,Ordered 1003,Booked 1004,Booked 1005,Booked 1006,Complete " \
    "invoiced sessions moved to Ordered, a Complete one stayed"
like "$(pd sessions history 1001 --format csv | tr -d '\r')" "invoice,,A-100" "the history says which invoice"
like "$(pd sessions history 1001 --format csv | tr -d '\r')" "status,Booked,Ordered" "and the status move"

pd invoices import "$T/lines.csv" 2>"$T/err"
like "$(cat "$T/err")" "0 new invoices \(0 lines, \\\$0.00\), 3 already imported, 6 rejected" "re-import adds nothing"
is "$(sqlite3 "$STUDIO/picday.db" 'SELECT count(*) FROM invoices; SELECT count(*) FROM invoice_lines' | tr '\n' ' ')" "3 5 " \
    "still 3 invoices and 5 lines"

# One row per invoice, semicolons, CRLF, a BOM; by client number and by
# student ID; a mapped column.
c3=$(sqlite3 "$STUDIO/picday.db" 'SELECT client_id FROM sessions WHERE number = 1003')
s4=$(client_of 1004)
printf '\357\273\277Invoice #;Client Number;Student ID;Order Date;Grand Total;Amount Paid;Memo\r\n' >"$T/inv.csv"
printf 'B-1;%s;;2026-06-01;"$1,234.50";1000;x\r\n' "$c3" >>"$T/inv.csv"
printf 'B-2;;%s;06/02/2026;18;;y\r\n' "$s4" >>"$T/inv.csv"
printf 'B-3;99999;;06/02/2026;18;;z\r\n' >>"$T/inv.csv"
printf 'B-4;;NOPE;06/02/2026;18;;z\r\n' >>"$T/inv.csv"
pd invoices import "$T/inv.csv" --dry-run 2>"$T/err"
like "$(cat "$T/err")" "one row per invoice" "the invoice shape is guessed"
like "$(cat "$T/err")" "inv.csv:4: invoice B-3: unknown client 99999" "unknown client, by line"
like "$(cat "$T/err")" "inv.csv:5: invoice B-4: unknown student ID NOPE" "unknown student ID, by line"
pd invoices import "$T/inv.csv" 2>"$T/err"
like "$(cat "$T/err")" "2 new invoices \(0 lines, \\\$1,252.50\)" "invoice shape imported"
is "$(pd invoices list --session 1004 --format csv | tr -d '\r' | sed 1d | cut -d, -f1,2,4,5)" "B-2,1004,2026-06-02,1800" \
    "by student ID: its session, a US date"

printf 'Ref,Kid,Due\nC-1,1003,$5\n' >"$T/map.csv"
pd invoices import "$T/map.csv" 2>"$T/err"
is "$?" 1 "without an invoice column nothing is imported"
like "$(cat "$T/err")" "no invoice number column" "and the reason says so"
pd invoices import "$T/map.csv" --map Ref=invoice --map Kid=session --map Due=total \
    --template "Shop A" 2>"$T/err"
like "$(cat "$T/err")" "1 new invoices" "--map makes any column a field"
printf 'Kid,Due,Ref,New column\n1003,"$6.00",C-2,x\n' >"$T/map2.csv"
pd invoices import "$T/map2.csv" --template "shop a" 2>"$T/err"
like "$(cat "$T/err")" "1 new invoices \(0 lines, \\\$6.00\)" "the next file from the same shop uses the saved mapping"

# Bad files: each refused whole with one line, the database intact.
: >"$T/empty.csv"
printf 'Invoice Number,Session Number,Total\nD-1,1001,18\nD-2,1001,\"Caf\351\"\n' >"$T/latin1.csv"
head -c 3000 /dev/urandom >"$T/junk.csv"
for f in empty latin1 junk; do
	pd invoices import "$T/$f.csv" 2>"$T/err"
	echo "$? $(wc -l <"$T/err")"
done >"$T/bad"
is "$(cat "$T/bad" | tr '\n' ' ')" "1 1 1 1 1 1 " "empty, Latin-1 and binary files: exit 1, one line each"
like "$(pd invoices import "$T/latin1.csv" 2>&1)" "latin1.csv is not UTF-8 \(line 3\)" "Latin-1 is named with its line"
is "$(sqlite3 "$STUDIO/picday.db" 'PRAGMA integrity_check')" ok "integrity_check ok"

# 100,000 lines: all in, in one go.
awk 'BEGIN { print "Invoice Number,Session Number,Item Code,Qty,Unit Price,Line Total"
	for (i = 0; i < 100000; i++)
		printf "BIG%05d,%d,DL,1,\"$25.00\",25\n", i / 4, 1001 + int(i / 4) % 5 }' >"$T/big.csv"
pd invoices import "$T/big.csv" 2>"$T/err"
like "$(cat "$T/err")" "^25000 new invoices \(100000 lines, \\\$2,500,000.00\), 0 already imported, 0 rejected" \
    "100,000 lines import whole"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.number LIKE 'BIG%'; PRAGMA integrity_check" | tr '\n' ' ')" \
    "100000 ok " "every line is there, the database intact"

# A manual invoice.
pd invoices add --session 1003 DLx2 >"$T/out" 2>"$T/err"
ok $? "invoices add"
is "$(pd invoices show "$(cat "$T/out")" --format csv | tr -d '\r' | sed 1d)" "DL,Download,2,2500,5000," "its line at the price-list price"
pd invoices add --session 1003 810 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*print 810 needs an image and session 1003 has none" "a print needs an image"
done_testing
