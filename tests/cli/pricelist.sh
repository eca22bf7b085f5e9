#!/bin/sh
# picday pricelist import / list: prices as money in cents, print sizes,
# n-up sheets, packages and the grant of a digital item; bad rows named by
# line; a dry run writes nothing; a re-import changes nothing.
. "$top_srcdir/tests/lib.sh"
need /usr/bin/python3
plan 20

cat >"$T/fall.csv" <<'CSV'
Code,Name,Kind,Price,Width_in,Height_in,DPI,Sheet_width_in,Sheet_height_in,Contains,Grant,Long_side,Watermark,Release
810,8x10 print,print,$18.00,8,10,300,,,,,,,
57,5x7 print,Print,12,5,7,,,,,,,,
W8,Wallets (8),print,"$1,000.50",2.5,3.5,300,8,10,,,,,
DL,Digital download,digital,25,,,,,,,ordered,2048,no,yes
PKA,Package A,package,40.5,,,,,,810x1; 57x2;W8x1,,,,
BAD,Bad price,print,abc,8,10,,,,,,,,
NOSZ,No size,print,5,,,,,,,,,,
PKB,Package B,package,40,,,,,,810x1;ZZx1,,,,
810,8x10 again,print,19,8,10,,,,,,,,
BIG,Too big,print,5,12,12,,8,10,,,,,
CSV

pd pricelist import "$T/fall.csv" --dry-run 2>"$T/err"
ok $? "dry run exits 0"
err=$(cat "$T/err")
like "$err" "fall.csv:7: price 'abc' is not an amount" "a bad price is named by its line"
like "$err" "fall.csv:8: print NOSZ needs width_in and height_in" "a print without a size"
like "$err" "fall.csv:9: package contains ZZ, which is not an item" "a package of unknown items"
like "$err" "fall.csv:10: item 810 is already on line 2" "a code twice in one file"
like "$err" "fall.csv:11: the print does not fit on its sheet" "an n-up print larger than its sheet"
like "$err" "price list 'fall': 5 new, 0 updated, 0 unchanged, 5 rejected \(dry run" "dry run summary, named after the file"
is "$(pd pricelist list --format csv | tr -d '\r' | wc -l)" 1 "dry run wrote nothing"

pd pricelist import "$T/fall.csv" --name "Fall 2026" 2>"$T/err"
ok $? "import exits 0 with rejected rows"
like "$(cat "$T/err")" "price list 'Fall 2026': 5 new" "the good rows are in"
is "$(pd pricelist list --format json | /usr/bin/python3 -c '
import json, sys
for r in json.load(sys.stdin):
    print(r["list"], r["code"], r["kind"], int(r["price"]), r["width_in"], r["height_in"],
          r["dpi"], r["sheet_width_in"], r["sheet_height_in"], r["contains"], r["grant"])
')" "Fall 2026 57 print 1200 5 7 None None None None None
Fall 2026 810 print 1800 8 10 300 None None None None
Fall 2026 DL digital 2500 None None None None None None ordered
Fall 2026 PKA package 4050 None None None None None 810x1;57x2;W8x1 None
Fall 2026 W8 print 100050 2.5 3.5 300 8 10 None None" "items as stored: cents, sizes, sheet, package, grant"
like "$(pd pricelist list)" '\$1,000\.50' "people see money, not cents"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT g.scope, g.long_side, g.watermark, g.copyright_release FROM price_list_items i JOIN delivery_grants g ON g.id = i.grant_id WHERE i.code = 'DL'")" \
    "ordered_images|2048|0|1" "the digital item's grant is stored"

pd pricelist import "$T/fall.csv" --name "Fall 2026" 2>"$T/err"
like "$(cat "$T/err")" "0 new, 0 updated, 5 unchanged, 5 rejected" "re-import changes nothing"
sed 's/^57,5x7 print,Print,12,/57,5x7 print,print,13.00,/' "$T/fall.csv" >"$T/fall2.csv"
pd pricelist import "$T/fall2.csv" --name "Fall 2026" 2>"$T/err"
like "$(cat "$T/err")" "0 new, 1 updated, 4 unchanged" "a new price updates the item"

printf '\177ELF\002\001\001\000\000\000junk' >"$T/junk.csv"
pd pricelist import "$T/junk.csv" 2>"$T/err"
is "$?" 1 "binary junk is refused"
like "$(cat "$T/err")" "not UTF-8.*nothing was imported" "with a one-line reason"
printf 'code,name\nA,B\n' >"$T/short.csv"
pd pricelist import "$T/short.csv" 2>"$T/err"
like "$(cat "$T/err")" "needs the columns code, name, kind and price" "missing columns are named"
# A quote never closed would make the rest of the file one cell: refused,
# naming the line of the row it opens in, nothing imported.
printf 'Code,Name,Kind,Price\nQ1,Key ring,other,5\nQ2,"Mug,other,9\n' >"$T/q.csv"
pd pricelist import "$T/q.csv" --name Quoted 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*q.csv: line 3: a quote opened in this row is never closed" \
    "an unclosed quote is refused with its line"
is "$(pd pricelist list --format csv 2>/dev/null | grep -c 'Q[12]')" 0 \
    "and nothing of that file is imported"
done_testing
