#!/bin/sh
# Client import: 100,000 roster rows in under 2 s (DESIGN §5).
# Generates a roster, times `picday clients import` into a fresh studio and,
# as the baseline of the same run, `sqlite3 .import` of the same file into a
# plain table (no parsing rules, no keys, no checks).  Prints rows/s, the
# share of the budget used and the ratio to the baseline.
set -eu
: "${PICDAY:?usage: PICDAY=path/to/picday sh bench-clients.sh}"
N=${BENCH_ROWS:-100000}
BUDGET=2.0
T=$(mktemp -d "${TMPDIR:-/tmp}/picday-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT

awk -v n="$N" 'BEGIN {
	split("Zoë Liam Ana María Noah Chloé Mateo Aoife Jürgen Siobhán Yuki", f, " ")
	split("O'\''Brien Núñez-García Smith Nguyen Müller D'\''Arcy Kowalski Øster Lee Dubois", l, " ")
	print "Student ID,Last Name,First Name,Grade,Homeroom Teacher,Homeroom,Parent Email,Parent Phone,Guardian"
	for (i = 1; i <= n; i++)
		printf "%d,%s,\"%s\",%d,Teacher %d,R%d,parent%d@example.org,555-%04d,\"Parent, %s\"\n",
		    100000 + i, l[i % 10 + 1], f[i % 11 + 1], i % 6, i % 40, i % 40, i, i % 10000, l[i % 10 + 1]
}' >"$T/roster.csv"

now() { date +%s.%N; }

t0=$(now)
"$PICDAY" --studio "$T/studio" clients import "$T/roster.csv" --org "Bench School" 2>"$T/err"
t1=$(now)
tail -1 "$T/err" | sed 's/^/   picday: /'
t2=$(now)
sqlite3 "$T/plain.db" ".mode csv" ".import $T/roster.csv plain"
t3=$(now)
# A second import of the same file: every row looked up, none written.
t4=$(now)
"$PICDAY" --studio "$T/studio" clients import "$T/roster.csv" --org "Bench School" 2>/dev/null
t5=$(now)

awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v f="$t5" -v budget="$BUDGET" 'BEGIN {
	imp = b - a; base = d - c; re = f - e
	printf "   import %d rows: %.3f s, %.0f rows/s (budget %.1f s: %.0f%% used)%s\n",
	    n, imp, n / imp, budget, 100 * imp / budget, imp <= budget ? "" : "  OVER BUDGET"
	printf "   re-import (all unchanged): %.3f s, %.0f rows/s\n", re, n / re
	printf "   baseline sqlite3 .import: %.3f s, %.0f rows/s; picday/baseline = %.2fx\n",
	    base, n / base, imp / base
	exit imp <= budget ? 0 : 1
}'
