#!/bin/sh
# Image Upload to an HTTP server that misbehaves (tests/cli/upload-faults.py):
# random 500/503/429, connections dropped half way through a PUT, stalls.
# Everything lands whole, no path gets two successful PUTs, and a full disk
# or a wrong password stops with a message that names the cause.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/upload-lib.sh"
plan 12

upload_studio 4 || { echo "Bail out! no demo studio"; exit 1; }

start_server() {	# DIR ARGS...
	_d=$1; shift
	mkdir -p "$_d"
	python3 "$top_srcdir/tests/cli/upload-faults.py" "$_d" "$@" &
	cleanup_add "kill $!"
	_i=0
	while [ ! -f "$_d/port" ] && [ $_i -lt 100 ]; do sleep 0.1; _i=$((_i + 1)); done
	port=$(cat "$_d/port")
}
twice() {	# paths with more than one successful PUT
	awk '$1 == "PUT" && $3 == 201 { n[$2]++ } END { for (p in n) if (n[p] > 1) print p }' "$1"
}

# A wrong password: nothing is written, the cause is named.
start_server "$T/auth" --auth picday:right
pd upload target "http://127.0.0.1:$port/photos" --user picday >/dev/null
printf 'wrong\n' | pd setup secret upload.password
pd upload 2>"$T/err"; rc=$?
is "$rc" 1 "wrong password: exit 1"
like "$(cat "$T/err")" "refused the user name or password \(HTTP 401\)" "the message names the cause"
grep -q wrong "$T/err"; is "$?" 1 "and does not show the password"
is "$(find "$T/auth/root" -type f | wc -l)" 0 "nothing written"

# A full disk.
start_server "$T/full" --full
pd upload target "http://127.0.0.1:$port/photos" >/dev/null
pd upload 2>"$T/err"; rc=$?
is "$rc" 1 "full remote disk: exit 1"
like "$(cat "$T/err")" "the target is full \(HTTP 507\)" "and says the target is full"
is "$(pd upload list | wc -l)" 1 "nothing recorded as sent"

# Random faults: 500s, drops, stalls.
start_server "$T/bad" --fail 0.2 --drop 0.08 --stall 0.04 --seed 7
pd upload target "http://127.0.0.1:$port/photos" --parallel 4 >/dev/null
pd upload 2>"$T/err"; rc=$?
is "$rc" 0 "random faults: the upload still completes"
is "$(check_tree "$T/bad/root/photos")" "" "every file landed whole"
is "$(twice "$T/bad/log")" "" "no path received two successful PUTs"
like "$(grep -c ' 500 \| 503 \| 429 ' "$T/bad/log")" "^[1-9]" "the server did answer with errors"
like "$(awk '$1 == "PUT" && $3 == 0' "$T/bad/log" | wc -l)" "^[1-9]" "and dropped connections"

done_testing
