#!/bin/sh
# Image Upload to S3-compatible storage (tests/cli/s3-server.py on loopback,
# which checks every SigV4 signature as S3 does): requests signed by
# libcurl, path-style under --endpoint, the objects read back and compared
# with the library; a wrong secret refused before anything is written; a
# frame over 16 MiB as a multipart upload, killed after its first part: the
# rerun keeps that part.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/upload-lib.sh"
need curl /usr/bin/python3
plan 14

upload_studio 3 || { echo "Bail out! no demo studio"; exit 1; }
s3_start || { echo "Bail out! the S3 server did not start"; exit 1; }
port=$s3port
is "$(s3 -X PUT -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/photos")" 200 "bucket made"

pd upload target s3://photos/studio --endpoint "http://127.0.0.1:$port" --region us-east-1 \
    --user AKTEST >/dev/null
printf 'not-the-secret\n' | pd setup secret upload.password
pd upload 2>"$T/err"; rc=$?
like "$rc:$(tr '\n' ' ' <"$T/err")" "^1:.*refused the access key or secret \(SignatureDoesNotMatch\)" \
    "a wrong secret: exit 1, the cause named (the server's SignatureDoesNotMatch)"
refused=$(grep -c ' 403$' "$T/s3.log")
is "$(grep -vc ' 403$' "$T/s3.log"):$(find "$T/s3/photos" -type f | wc -l | tr -d ' '):$(pd upload list --format csv | tr -d '\r' | tail -n +2 | wc -l | tr -d ' ')" \
    "1:0:0" "every request refused (its signature): nothing written, nothing recorded"
like "$(s3 --user AKTEST:not-the-secret "http://127.0.0.1:$port/photos/x")" \
    "<Code>SignatureDoesNotMatch</Code>" "(the server says SignatureDoesNotMatch)"
printf 'secret\n' | pd setup secret upload.password
pd upload target --test 2>/dev/null; is "$?" 0 "test connection writes and deletes an object"
pd upload 2>"$T/err"; rc=$?
is "$rc" 0 "upload to S3"
mkdir "$T/back"
pd upload list --format csv | tr -d '\r' | tail -n +2 | cut -d, -f1 | while IFS= read -r p; do
	mkdir -p "$T/back/$(dirname "$p")"
	s3 -o "$T/back/$p" "http://127.0.0.1:$port/photos/studio/$p"
done
is "$(check_tree "$T/back")" "" "the objects read back equal the library, previews and manifests"
like "$(s3 "http://127.0.0.1:$port/photos?list-type=2&prefix=studio%2F.picday-test")" \
    "<KeyCount>0</KeyCount>" "no test object left"

# A 25 MB frame: two parts of 16 MiB at most.
need vips
vips gaussnoise "$T/n.v" 6000 4000 --sigma 40 --mean 128
vips cast "$T/n.v" "$T/u.v" uchar
vips bandjoin "$T/u.v $T/u.v $T/u.v" "$T/c.v"
mkdir "$T/big"
vips jpegsave "$T/c.v" "$T/big/IMG_9000.JPG" --Q 98
rm -f "$T"/*.v
big=$(sqlite3 "$STUDIO/picday.db" "SELECT number FROM sessions ORDER BY number DESC LIMIT 1")
pd images import "$T/big" --by "session=$big" >/dev/null 2>&1
pd upload target s3://photos/studio --endpoint "http://127.0.0.1:$port" --user AKTEST \
    --limit-rate 8M >/dev/null
"$PICDAY" --studio "$STUDIO" upload --session "$big" >/dev/null 2>&1 &
pid=$!
i=0
until grep -q '^PUT .*?partNumber=1&.* 200$' "$T/s3.log" || [ $i -gt 300 ]; do sleep 0.1; i=$((i + 1)); done
kill -9 "$pid"; wait "$pid" 2>/dev/null
like "$(grep -c 'partNumber=1&' "$T/s3.log")" "^1$" "killed after the first part"
pd upload --session "$big" 2>"$T/err"; rc=$?
is "$rc" 0 "the rerun finishes the multipart upload"
is "$(grep -c 'partNumber=1&' "$T/s3.log")" 1 "the part sent before the kill was kept"
like "$(grep -c "^GET /photos/studio/$big/hires/IMG_9000.JPG?uploadId=[^ ]* 200\$" "$T/s3.log")" "^[1-9]" \
    "the rerun asked the server which parts it had"
is "$(s3 "http://127.0.0.1:$port/photos/studio/$big/hires/IMG_9000.JPG" | sha256sum | cut -d' ' -f1)" \
    "$(sha256sum "$T/big/IMG_9000.JPG" | cut -d' ' -f1)" "the object is the frame, byte for byte"
is "$(ls -A "$T/s3/.multipart"):$(grep -c ' 403$' "$T/s3.log")" ":$((refused + 1))" \
    "no unfinished upload left; no request refused but the wrong secret's"
done_testing
