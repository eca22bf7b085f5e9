#!/bin/sh
# Image Upload to nginx's WebDAV module on loopback: MKCOL + PUT, the tree
# identical to the library, a wrong password refused, test connection.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/upload-lib.sh"
need nginx openssl
plan 13

upload_studio 3 || { echo "Bail out! no demo studio"; exit 1; }

port=$(free_port)
mkdir -p "$T/dav/www/photos" "$T/dav/tmp"
printf 'picday:%s\n' "$(openssl passwd -apr1 right)" >"$T/dav/htpasswd"
cat >"$T/dav/nginx.conf" <<CONF
daemon off;
master_process off;
pid $T/dav/nginx.pid;
error_log $T/dav/error.log;
events { worker_connections 64; }
http {
	access_log $T/dav/access.log;
	client_body_temp_path $T/dav/tmp;
	client_max_body_size 0;
	server {
		listen 127.0.0.1:$port;
		root $T/dav/www;
		location /photos/ {
			dav_methods PUT DELETE MKCOL;
			dav_access user:rw group:r all:r;
		}
		# a folder above the target that the studio may not touch
		location = /locked/ { return 403; }
		location /locked/in/ {
			dav_methods PUT DELETE MKCOL;
		}
		location /private/ {
			auth_basic "picday";
			auth_basic_user_file $T/dav/htpasswd;
			dav_methods PUT DELETE MKCOL;
		}
	}
}
CONF
nginx -c "$T/dav/nginx.conf" -p "$T/dav" 2>"$T/dav/stderr" &
cleanup_add "kill $!"
wait_port "$port" || { echo "Bail out! nginx did not start: $(cat "$T/dav/stderr")"; exit 1; }

mkdir -p "$T/dav/www/private"
pd upload target "http://127.0.0.1:$port/private" --user picday >/dev/null
printf 'wrong\n' | pd setup secret upload.password
pd upload 2>"$T/err"; rc=$?
is "$rc" 1 "wrong password: exit 1"
like "$(cat "$T/err")" "refused the user name or password \(HTTP 401\)" "the cause is named"
is "$(find "$T/dav/www/private" -type f | wc -l)" 0 "nothing written"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT state, attempts FROM jobs
    WHERE kind = 'upload' ORDER BY id DESC LIMIT 1")" "failed|1" \
    "a refused login is not tried again: the job failed at once"

pd upload target "http://127.0.0.1:$port/photos" --test 2>"$T/err"; rc=$?
is "$rc" 0 "test connection writes and deletes a file"
is "$(find "$T/dav/www/photos" -type f | wc -l)" 0 "and leaves nothing"

pd upload 2>"$T/err"; rc=$?
is "$rc" 0 "upload to WebDAV"
is "$(check_tree "$T/dav/www/photos")" "" "the tree is whole and identical"
is "$(awk '$6 == "\"PUT" && $9 ~ /^2/ { print $7 }' "$T/dav/access.log" | sort | uniq -d)" "" \
    "no path received two successful PUTs"

# A target whose folders are not there yet (a new season's): made, as a
# local disk's would be, and the upload goes whole.
pd upload target "http://127.0.0.1:$port/photos/2027/fall" >/dev/null
sess=
for n in $numbers; do sess="$sess --session $n"; done
pd upload $sess 2>"$T/err"; rc=$?
is "$rc:$(grep -c "^picday:" "$T/err")" "0:0" "a target folder not made yet is made"
is "$(check_tree "$T/dav/www/photos/2027/fall")" "" "and its tree is whole and identical"
# Above the target, a folder that is not the studio's (403): left alone,
# and it is not taken for a refused login.
mkdir "$T/dav/www/locked"
pd upload target "http://127.0.0.1:$port/locked/in/new" >/dev/null
pd upload $sess 2>"$T/err"; rc=$?
is "$rc:$(grep -c "^picday:" "$T/err")" "0:0" "a folder above the target that refuses MKCOL is no error"
is "$(check_tree "$T/dav/www/locked/in/new")" "" "and the target's tree is whole and identical"

done_testing
