#!/bin/sh
# The TUI's workers poll the online shop too (invoices.url, invoices.every,
# as `picday worker` does): with only the TUI open, an order put on the
# shop's HTTPS server (self-signed CA, the shop's user and password) lands
# as an invoice by itself, once, and the Invoices hub shows it.
. "$top_srcdir/tests/lib.sh"
need tmux /usr/bin/python3 openssl sqlite3
plan 6

. "$top_srcdir/tests/cli/shop-lib.sh"
shop_start
shop_studio
cat >"$T/www/orders.csv" <<'CSV'
Order #,Session,Order Date,SKU,Qty,Price,Total
W-1,1001,2026-06-01,DL,1,$25.00,$25.00
CSV
pd setup set invoices.url "https://127.0.0.1:$port/orders.csv" >/dev/null 2>&1
pd setup set invoices.every 1s >/dev/null 2>&1
pd setup set invoices.cacert "$T/ca.pem" >/dev/null 2>&1
pd setup set invoices.user shop >/dev/null 2>&1
printf 's3cret pass\n' | pd setup secret invoices.password >/dev/null 2>&1

invoices() { pd invoices list --format csv | tr -d '\r' | sed 1d | cut -d, -f1,2,5 | tr '\n' ' '; }
# wait_invoices N: until N invoices are in (30 s at most).
wait_invoices() {
	i=0
	while [ "$(pd invoices list --format csv | tr -d '\r' | sed 1d | wc -l)" -lt "$1" ] &&
	    [ $i -lt 300 ]; do
		sleep 0.1; i=$((i + 1))
	done
}

tui_start
wait_for 'Clients' || exit 1
wait_invoices 1
is "$(invoices)" "W-1,1001,2500 " "the TUI's workers fetched the shop's order"

# A new order on the shop: the next poll brings it, and only it.
cat >>"$T/www/orders.csv" <<'CSV'
W-2,1002,2026-06-02,DL,2,25,50
CSV
wait_invoices 2
is "$(invoices)" "W-1,1001,2500 W-2,1002,5000 " "a later poll brings the new order, once"
keys 4
wait_for 'W-2 +1002'
ok $? "the Invoices hub shows it"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) > 1 FROM jobs WHERE kind = 'invoices' AND state = 'done'")" 1 \
    "by invoices jobs of the queue"
is "$(pd sessions list --format csv | tr -d '\r' | grep '^1002,' | cut -d, -f6)" "Ordered" \
    "its session moved to Ordered"
done_testing
