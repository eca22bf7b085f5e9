#!/bin/sh
# Invoice import: 100,000 invoice lines in under 2 s (DESIGN §5).
# A studio with 5,000 sessions (demo, no card) and a price list; the file
# has 25,000 invoices of 4 lines each, awkward money and US dates.  Times
# `picday invoices import` (every line reconciled, one transaction, the
# sessions moved to Ordered), a re-import (every invoice skipped), and as
# the baseline of the same run `sqlite3 .import` of the same file into a
# plain table.
set -eu
: "${PICDAY:?usage: PICDAY=path/to/picday sh bench-invoices.sh}"
N=${BENCH_ROWS:-100000}
SESSIONS=5000
BUDGET=2.0
T=$(mktemp -d "${TMPDIR:-/tmp}/picday-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT

"$PICDAY" --studio "$T/studio" demo --students $SESSIONS --date 2026-05-04 \
    --no-card >/dev/null 2>&1
printf 'code,name,kind,price,width_in,height_in\n810,8x10,print,18,8,10\n57,5x7,print,12,5,7\nW8,Wallets,print,"$1,000.50",2.5,3.5\nDL,Download,digital,25,,\n' \
    >"$T/pl.csv"
"$PICDAY" --studio "$T/studio" pricelist import "$T/pl.csv" 2>/dev/null

awk -v n="$N" -v s="$SESSIONS" 'BEGIN {
	split("810 57 W8 DL", code, " "); split("18.00 12 1,000.50 25", price, " ")
	split("1800 1200 100050 2500", cents, " ")
	print "Invoice Number,Session Number,Invoice Date,Item Code,Qty,Unit Price,Line Total,Total"
	for (i = 0; i < n; i++) {
		inv = int(i / 4); k = i % 4 + 1
		total = 1800 + 2 * 1200 + 100050 + 2500
		q = (k == 2) ? 2 : 1
		printf "INV%06d,%d,%02d/%02d/2026,%s,%d,\"$%s\",\"%d.%02d\",\"$%d.%02d\"\n",
		    inv, 1001 + inv % s, inv % 12 + 1, inv % 28 + 1, code[k], q,
		    price[k], q * cents[k] / 100, (q * cents[k]) % 100,
		    total / 100, total % 100
	}
}' >"$T/inv.csv"

now() { date +%s.%N; }

t0=$(now)
"$PICDAY" --studio "$T/studio" invoices import "$T/inv.csv" 2>"$T/err"
t1=$(now)
tail -1 "$T/err" | sed 's/^/   picday: /'
t2=$(now)
"$PICDAY" --studio "$T/studio" invoices import "$T/inv.csv" 2>"$T/err2"
t3=$(now)
tail -1 "$T/err2" | sed 's/^/   re-import: /'
t4=$(now)
sqlite3 "$T/plain.db" ".mode csv" ".import $T/inv.csv plain"
t5=$(now)
integrity=$(sqlite3 "$T/studio/picday.db" "PRAGMA integrity_check")
echo "   integrity_check: $integrity"

awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v f="$t5" -v budget="$BUDGET" 'BEGIN {
	imp = b - a; re = d - c; base = f - e
	printf "   import %d lines: %.3f s, %.0f lines/s (budget %.1f s: %.0f%% used)%s\n",
	    n, imp, n / imp, budget, 100 * imp / budget, imp <= budget ? "" : "  OVER BUDGET"
	printf "   re-import (all skipped): %.3f s\n", re
	printf "   baseline sqlite3 .import: %.3f s; picday/baseline = %.2fx\n",
	    base, imp / base
	exit imp <= budget ? 0 : 1
}'
[ "$integrity" = ok ]
