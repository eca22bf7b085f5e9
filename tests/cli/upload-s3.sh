#!/bin/sh
# Image Upload to S3-compatible storage (moto's server on loopback): SigV4
# requests through libcurl, path-style under --endpoint, the objects read
# back and compared with the library.  (Multipart uploads of files over
# 16 MiB are not built yet: such files go as one PUT.)
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/upload-lib.sh"
need curl
command -v moto_server >/dev/null 2>&1 || skip_all "needs moto (moto_server)"
plan 5

upload_studio 3 || { echo "Bail out! no demo studio"; exit 1; }
port=$(free_port)
moto_server -H 127.0.0.1 -p "$port" >"$T/moto.log" 2>&1 &
cleanup_add "kill $!"
wait_port "$port" || { echo "Bail out! moto did not start"; exit 1; }
s3() { curl -sS --aws-sigv4 "aws:amz:us-east-1:s3" --user AKTEST:secret "$@"; }
is "$(s3 -X PUT -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/photos")" 200 "bucket made"

pd upload target s3://photos/studio --endpoint "http://127.0.0.1:$port" --region us-east-1 \
    --user AKTEST >/dev/null
printf 'secret\n' | pd setup secret upload.password
pd upload target --test 2>/dev/null; is "$?" 0 "test connection writes and deletes an object"
pd upload 2>"$T/err"; rc=$?
is "$rc" 0 "upload to S3"
mkdir "$T/back"
pd upload list --format csv | tail -n +2 | cut -d, -f1 | while IFS= read -r p; do
	mkdir -p "$T/back/$(dirname "$p")"
	s3 -o "$T/back/$p" "http://127.0.0.1:$port/photos/studio/$p"
done
is "$(check_tree "$T/back")" "" "the objects read back equal the library, previews and manifests"
is "$(s3 "http://127.0.0.1:$port/photos?list-type=2&prefix=studio/.picday-test" | grep -c '<Key>')" 0 \
    "no test object left"

done_testing
