# tests/cli/shop-lib.sh: an online shop on loopback for the invoice tests.
# Sourced after tests/lib.sh.  shop_start makes a CA and a certificate for
# 127.0.0.1 signed by it (one TAP line), then serves $T/www over HTTPS with
# the user "shop" and the password "s3cret pass"; it sets $port, and the
# server is stopped by pid at exit.
shop_start() {
	mkdir -p "$T/www"
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 \
	    -subj "/CN=picday test CA" -keyout "$T/ca.key" \
	    -out "$T/ca.pem" >/dev/null 2>&1
	openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
	    -keyout "$T/srv.key" -out "$T/srv.csr" >/dev/null 2>&1
	printf 'subjectAltName = IP:127.0.0.1\n' >"$T/ext"
	openssl x509 -req -in "$T/srv.csr" -CA "$T/ca.pem" -CAkey "$T/ca.key" \
	    -CAcreateserial -days 2 -extfile "$T/ext" -out "$T/srv.pem" \
	    >/dev/null 2>&1
	ok $? "a test CA and server certificate"

	/usr/bin/python3 "$top_srcdir/tests/cli/https-server.py" "$T/www" \
	    "$T/srv.pem" "$T/srv.key" "shop:s3cret pass" &
	cleanup_add "kill $!"
	_i=0
	while [ ! -f "$T/www/port" ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	port=$(cat "$T/www/port")
}

# shop_studio: a demo studio of 3 sessions (1001-1003) with a price list of
# one digital item DL at 25.
shop_studio() {
	pd demo --students 3 --date 2026-05-04 --no-card >/dev/null 2>&1
	printf 'code,name,kind,price\nDL,Download,digital,25\n' >"$T/pl.csv"
	pd pricelist import "$T/pl.csv" 2>/dev/null
}
