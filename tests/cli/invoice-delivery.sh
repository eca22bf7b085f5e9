#!/bin/sh
# A purchased item that grants downloads (issue 13): importing its invoice
# queues the session's delivery for the worker, once; the worker builds
# it (or publishes it, with delivery.on_invoice publish).  A price list
# re-imported without grant columns keeps its items' grants.
. "$top_srcdir/tests/lib.sh"
need convert vipsheader sqlite3 /usr/bin/python3
plan 20

db() { sqlite3 "$STUDIO/picday.db" "$1"; }
# the states of the delivery jobs
djobs() { pd jobs list --format json | /usr/bin/python3 -c '
import json, sys
for j in json.load(sys.stdin):
    if j["kind"] == "delivery":
        print(j["state"])' | LC_ALL=C sort | tr '\n' ' '; }
files() { /usr/bin/python3 -c '
import json, sys
print(" ".join(f["file"] for f in json.load(open(sys.argv[1]))["files"]))' "$1"; }

# The studio's picture day; the invoices below are dated after it (the
# import compares no date with today's).
DAY=2026-11-30
pd demo --students 3 --no-card --date "$DAY" >/dev/null 2>&1
for n in 1 2 3; do
	mkdir -p "$T/c$n"
	convert -size 1200x800 gradient:blue-yellow -quality 90 "$T/c$n/IMG_000$n.JPG"
	pd images import "$T/c$n" --by "session=100$n" >/dev/null 2>&1 ||
	    echo "import $n failed"
done

cat >"$T/prices.csv" <<'CSV'
Code,Name,Kind,Price,Width_in,Height_in,Grant,Long_side,Watermark,Release
810,8x10 print,print,18,8,10,,,,
DL,Digital download,digital,25,,,all,500,no,yes
SEL,Selected download,digital,15,,,selected,500,no,no
CSV
pd pricelist import "$T/prices.csv" --name Fall >/dev/null 2>&1
ok $? "a price list with a digital item that grants downloads"

cat >"$T/orders.csv" <<'CSV'
Invoice Number,Session Number,Invoice Date,Item Code,Qty,Unit Price,Line Total,Total
A-1,1001,2026-12-01,DL,1,25,25,43
A-1,1001,2026-12-01,810,1,18,18,43
A-2,1002,2026-12-01,810,1,18,18,18
CSV
pd invoices import "$T/orders.csv" >/dev/null 2>"$T/err"
ok $? "invoices imported"
is "$(grep 'delivery is queued' "$T/err")" \
    "session 1001: its delivery is queued for the worker (job #$(db "SELECT id FROM jobs WHERE kind = 'delivery'"))" \
    "the import says which delivery it queued"
is "$(djobs)" "queued " "one delivery queued: the invoice with the granted item"
is "$(db "SELECT payload FROM jobs WHERE kind = 'delivery'" |
    /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["session"])')" \
    1001 "for that invoice's session"
[ ! -e "$STUDIO/deliveries/1001" ]
ok $? "nothing built before the worker runs"

pd invoices import "$T/orders.csv" >/dev/null 2>"$T/err"
is "$(djobs):$(grep -c 'delivery is queued' "$T/err")" "queued :0" \
    "the same invoices again: nothing new queued, nothing said"

pd jobs run --wait >/dev/null 2>&1
ok $? "the worker runs the queue"
is "$(djobs)" "done " "the delivery job is done"
is "$(files "$STUDIO/deliveries/1001/manifest.json")" "IMG_0001.jpg" \
    "the delivery of 1001 exists with its image"
is "$(vipsheader -f width "$STUDIO/deliveries/1001/IMG_0001.jpg")" 500 \
    "at the item's long side"
[ -f "$STUDIO/deliveries/1001/copyright-release.pdf" ] &&
    [ -f "$STUDIO/deliveries/1001/photos-1001.zip" ] &&
    [ ! -e "$STUDIO/deliveries/1002" ]
ok $? "with the release and the zip; nothing for the session without the item"

pd invoices import "$T/orders.csv" >/dev/null 2>&1
is "$(djobs)" "done " "re-imported after the build: nothing queued"

# Publishing when the studio asks for it.
pd upload target "file://$T/remote" >/dev/null 2>&1
pd setup set delivery.on_invoice publish >/dev/null
printf 'Invoice Number,Session Number,Invoice Date,Item Code,Qty,Unit Price,Line Total,Total\nA-3,1003,2026-12-02,DL,1,25,25,25\n' \
    >"$T/more.csv"
pd invoices import "$T/more.csv" >/dev/null 2>&1 && pd jobs run --wait >/dev/null 2>&1
url=$(db "SELECT delivery_url FROM sessions WHERE number = 1003")
[ -n "$url" ] && [ -f "${url#file://}" ] &&
    [ -f "$(dirname "${url#file://}")/IMG_0003.jpg" ]
ok $? "delivery.on_invoice publish: published, the URL on the session ($url)"
is "$(pd delivery publish --session 1003 2>/dev/null)" "$url" \
    "the session keeps that token"

# A grant of the selected picture on a session with none selected: the
# job fails at once, saying why (retrying would find the same).
pd setup set delivery.on_invoice build >/dev/null
printf 'Invoice Number,Session Number,Invoice Date,Item Code,Qty,Unit Price,Line Total,Total\nA-4,1002,%s,SEL,1,15,15,15\n' \
    "$DAY" >"$T/sel.csv"
pd invoices import "$T/sel.csv" >/dev/null 2>&1
is "$(db "SELECT count(*) FROM jobs WHERE kind = 'delivery' AND
    state = 'queued'")" 1 "an invoice for the selected picture queues a delivery"
pd jobs run --wait >/dev/null 2>&1
is "$(db "SELECT state || ' ' || attempts FROM jobs WHERE kind = 'delivery'
    AND payload LIKE '%1002%'")" "failed 1" \
    "nothing selected: failed after one attempt, not retried"
like "$(db "SELECT last_error FROM jobs WHERE kind = 'delivery'
    AND payload LIKE '%1002%'")" "match none of its pictures.*selected" \
    "the job's error says why"

# A price list without the grant columns keeps the grants; an empty grant
# cell takes it away.
printf 'Code,Name,Kind,Price\nDL,Digital download,digital,30\n' >"$T/p2.csv"
pd pricelist import "$T/p2.csv" --name Fall >/dev/null 2>&1
is "$(pd grant list --format csv | tr -d '\r' | grep -c '^[0-9]*,item,DL,all,')" 1 \
    "a re-import without grant columns keeps the item's grant"
printf 'Code,Name,Kind,Price,Grant\nDL,Digital download,digital,30,\n' >"$T/p3.csv"
pd pricelist import "$T/p3.csv" --name Fall >/dev/null 2>&1
is "$(pd grant list --format csv | tr -d '\r' | grep -c ',item,DL,')" 0 \
    "an empty grant cell takes it away"
done_testing
