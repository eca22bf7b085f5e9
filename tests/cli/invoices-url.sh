#!/bin/sh
# picday invoices import https://...: the orders file of an online shop,
# fetched with TLS verified against the CA given by --cacert (a self-signed
# CA made here), with the user and password of the studio's settings; the
# same reconciliation and idempotency as a file.
. "$top_srcdir/tests/lib.sh"
need /usr/bin/python3 openssl sqlite3
plan 11

. "$top_srcdir/tests/cli/shop-lib.sh"
shop_start
shop_studio
cat >"$T/www/orders.csv" <<'CSV'
Order #,Session,Order Date,SKU,Qty,Price,Total
W-1,1001,2026-06-01T10:22:00Z,DL,1,$25.00,$25.00
W-2,1002,2026-06-01T11:00:00Z,DL,2,25,50
W-3,1003,2026-06-01T11:00:00Z,DL,2,25,49
CSV
url="https://127.0.0.1:$port/orders.csv"

pd invoices import "$url" 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*cannot fetch https://127.0.0.1:$port/orders.csv: .*nothing was imported" \
    "without the shop's CA the certificate is refused (TLS verified)"

pd invoices import "$url" --cacert "$T/ca.pem" 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*HTTP 401" "without the password the shop says 401"

pd setup set invoices.user shop >/dev/null 2>&1
printf 's3cret pass\n' | pd setup secret invoices.password >/dev/null 2>&1
pd invoices import "$url" --cacert "$T/ca.pem" --dry-run 2>"$T/err"
like "$(cat "$T/err")" "orders.csv:4: invoice W-3: total 49.00 is not the sum of its lines 50.00" \
    "the dry run reconciles the fetched file with its line numbers"
is "$(pd invoices list --format csv | tr -d '\r' | wc -l)" 1 "and writes nothing"

pd invoices import "$url" --cacert "$T/ca.pem" 2>"$T/err"
like "$(cat "$T/err")" "2 new invoices \(2 lines, \\\$75.00\), 0 already imported, 1 rejected" "imported over HTTPS"
is "$(pd invoices list --format csv | tr -d '\r' | sed 1d | cut -d, -f1,2,4,5 | tr '\n' ' ')" \
    "W-1,1001,2026-06-01,2500 W-2,1002,2026-06-01,5000 " "the invoices, dated"
pd invoices import "$url" --cacert "$T/ca.pem" 2>"$T/err"
like "$(cat "$T/err")" "0 new invoices .*2 already imported" "a second fetch adds nothing"
# The worker polls the shop (invoices.url, invoices.every) and imports
# what is new, once.
cat >>"$T/www/orders.csv" <<'CSV'
W-4,1003,2026-06-02,DL,1,25,25
CSV
pd setup set invoices.url "$url" >/dev/null 2>&1
pd setup set invoices.every 1s >/dev/null 2>&1
pd setup set invoices.cacert "$T/ca.pem" >/dev/null 2>&1
"$PICDAY" --studio "$STUDIO" worker >"$T/worker.log" 2>&1 &
wrk=$!
cleanup_add "kill $wrk"
i=0
while [ "$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM jobs WHERE kind = 'invoices' AND state = 'done'" 2>/dev/null)" -lt 2 ] && [ $i -lt 300 ]; do
	sleep 0.1; i=$((i + 1))
done
kill $wrk; wait $wrk 2>/dev/null
is "$(pd invoices list --format csv | tr -d '\r' | sed 1d | cut -d, -f1 | tr '\n' ' ')" "W-1 W-2 W-4 " \
    "the worker's polls brought the new order, once"
like "$(sqlite3 "$STUDIO/picday.db" "SELECT last_error FROM jobs WHERE kind = 'invoices' ORDER BY id DESC LIMIT 1")" \
    "orders.csv:4: invoice W-3: total 49.00" "a rejected order is noted on the job"
case "$(cat "$T/err" "$T/www/auth.log" "$T/worker.log")" in
*s3cret*) ok 1 "the password is never printed";;
*) ok 0 "the password is never printed";;
esac
done_testing
