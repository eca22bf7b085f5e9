#!/bin/sh
# Invoice import: 100,000 invoice lines in under 2 s (DESIGN §5).
# A studio with 5,000 sessions (demo, no card) and a price list; the file
# has 25,000 invoices of 4 lines each, awkward money and US dates.  Times
# `picday invoices import` into a fresh copy of that studio (every line
# reconciled, one transaction, the sessions moved to Ordered), best of
# BENCH_RUNS (3), and as the baseline of the same run `sqlite3 .import` of
# the same file into a plain table; then a re-import (every invoice
# skipped).  Prints wall and CPU (user + system) times, each the least of
# the runs, and the ratios to the baseline.  Fails when the import takes
# 2 s or more (the budget), or RATIO (8) times the baseline or more (a
# guard against regressions: picday reconciles every line and writes five
# B-trees, the history and the status moves where .import fills one plain
# table, about 3-5x the baseline here); on a machine so busy that the wall
# time is over 1.3x the CPU time, the CPU times judge (other processes do
# not inflate them as much).
set -eu
: "${PICDAY:?usage: PICDAY=path/to/picday sh bench-invoices.sh}"
N=${BENCH_ROWS:-100000}
RUNS=${BENCH_RUNS:-3}
SESSIONS=5000
BUDGET=2.0
RATIO=8.0
T=$(mktemp -d "${TMPDIR:-/tmp}/picday-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
command -v python3 >/dev/null || { echo "   needs python3"; exit 1; }
command -v sqlite3 >/dev/null || { echo "   needs sqlite3"; exit 1; }
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

. "$(dirname "$0")/lib.sh"

# The studio before any import, copied fresh for each run.
cp "$T/studio/picday.db" "$T/before.db"
i=0
: >"$T/imp"; : >"$T/base"
while [ $i -lt "$RUNS" ]; do
	rm -rf "$T/run" "$T/plain.db"
	mkdir -p "$T/run"
	cp "$T/before.db" "$T/run/picday.db"
	timed "$PICDAY" --studio "$T/run" invoices import "$T/inv.csv" \
	    >>"$T/imp" 2>"$T/err" || { cat "$T/err"; exit 1; }
	timed sqlite3 "$T/plain.db" ".mode csv" ".import $T/inv.csv plain" \
	    >>"$T/base" 2>"$T/err2" || { cat "$T/err2"; exit 1; }
	i=$((i + 1))
done
tail -1 "$T/err" | sed 's/^/   picday: /'
re=$(timed "$PICDAY" --studio "$T/run" invoices import "$T/inv.csv" \
    2>"$T/err2")
tail -1 "$T/err2" | sed 's/^/   re-import: /'
integrity=$(sqlite3 "$T/run/picday.db" "PRAGMA integrity_check")
echo "   integrity_check: $integrity"
[ "$integrity" = ok ] || exit 1
lines=$(sqlite3 "$T/run/picday.db" "SELECT count(*) FROM invoice_lines")
[ "$lines" -eq "$N" ] || { echo "   $lines invoice lines, not $N"; exit 1; }

# The least wall and the least CPU time of the runs, each.
for f in imp base; do
	echo "$(sort -n "$T/$f" | head -1 | cut -d' ' -f1)" \
	    "$(sort -n -k2 "$T/$f" | head -1 | cut -d' ' -f2)" >"$T/$f.best"
done
awk -v n="$N" -v budget="$BUDGET" -v ratio="$RATIO" -v re="$re" \
    -v runs="$RUNS" '
FILENAME ~ /imp.best$/ { imp = $1; impcpu = $2 }
FILENAME ~ /base.best$/ { base = $1; basecpu = $2 }
END {
	split(re, r, " ")
	printf "   import %d lines (best of %d): %.3f s, %.0f lines/s, CPU %.3f s\n",
	    n, runs, imp, n / imp, impcpu
	printf "   re-import (all skipped): %.3f s, CPU %.3f s\n", r[1], r[2]
	printf "   baseline sqlite3 .import of the same rows: %.3f s, CPU %.3f s\n",
	    base, basecpu
	printf "   picday/baseline: wall %.2fx, CPU %.2fx\n", imp / base,
	    impcpu / basecpu
	busy = imp > 1.3 * impcpu
	t = busy ? impcpu : imp; b = busy ? basecpu : base
	if (busy)
		printf "   the machine is busy (wall %.1fx the CPU time): judged" \
		    " on CPU time\n", imp / impcpu
	printf "   against the budgets (ratio < 1 is within budget):\n"
	printf "   import             %.2f of %.1f s%s\n", t / budget, budget,
	    t < budget ? "" : "  MISSED"
	printf "   import / baseline  %.2f of %.1fx%s\n", t / b / ratio, ratio,
	    t / b < ratio ? "" : "  MISSED"
	exit !(t < budget && t / b < ratio)
}' "$T/imp.best" "$T/base.best"
