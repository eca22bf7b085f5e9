#!/bin/sh
# delivery publish to an S3 target with a presigned URL (issue 13), against
# tests/cli/s3-server.py on loopback: the URL printed carries a SigV4 query
# signature with the expiry asked for, and fetched without credentials it
# gives the page, whose every link (files, thumbnails, zip, release) is a
# presigned URL that gives the delivered file.  The server checks each
# signature and expiry as S3 does (its checker agrees with botocore's
# signer: s3-server.py --self-test); the signature is also checked against
# AWS's example in tests/unit/test-s3presign, and here against botocore's;
# a URL altered or past its expiry is refused.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/upload-lib.sh"
need curl convert vipsheader unzip /usr/bin/python3
/usr/bin/python3 -c 'import botocore' 2>/dev/null || skip_all "needs python3-botocore"
plan 15

pd demo --students 2 --no-card --date 2026-11-30 >/dev/null 2>&1
mkdir "$T/c1"
convert -size 900x600 gradient:blue-yellow "$T/c1/IMG_0001.JPG"
convert -size 600x900 gradient:red-yellow "$T/c1/IMG_0002.JPG"
pd images import "$T/c1" --by session=1001 >/dev/null 2>&1
pd grant add --session 1001 --style all --long-side 500 --release >/dev/null

s3_start || { echo "Bail out! the S3 server did not start"; exit 1; }
port=$s3port
like "$(/usr/bin/python3 "$top_srcdir/tests/cli/s3-server.py" --self-test 2>&1)" "^ok " \
    "the server's SigV4 check agrees with botocore's signer"
s3 -X PUT "http://127.0.0.1:$port/photos" >/dev/null
pd upload target s3://photos/studio --endpoint "http://127.0.0.1:$port" \
    --region us-east-1 --user AKTEST >/dev/null
printf 'secret\n' | pd setup secret upload.password

pd upload target "file://$T/remote" >/dev/null
pd delivery publish --session 1001 --expires 1h >/dev/null 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*needs an s3:// upload target" \
    "--expires to a target that is not S3: said, nothing sent"
pd upload target s3://photos/studio --endpoint "http://127.0.0.1:$port" \
    --region us-east-1 --user AKTEST >/dev/null
pd delivery publish --session 1001 --expires 9d >/dev/null 2>&1
is "$?" 2 "an expiry over 7 days is refused"

url=$(pd delivery publish --session 1001 --zip --expires 2h 2>"$T/err")
ok $? "delivery publish --expires 2h"
like "$url" "^http://127.0.0.1:$port/photos/studio/d/[A-Za-z0-9_-]{24}/index.html\?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKTEST%2F[0-9]{8}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=[0-9]{8}T[0-9]{6}Z&X-Amz-Expires=7200&X-Amz-SignedHeaders=host&X-Amz-Signature=[0-9a-f]{64}$" \
    "the URL is a presigned GET of the page, valid 2 hours"
# botocore (AWS's own Python library) signs the same request the same way.
is "$(/usr/bin/python3 "$top_srcdir/tests/cli/s3-presign-check.py" "$url" secret 2>&1)" same \
    "botocore computes the same signature"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT delivery_url FROM sessions WHERE number = 1001")" \
    "$url" "and is kept on the session (for the delivery e-mail)"
[ "$(grep -c secret "$T/err")" = 0 ] && ! echo "$url" | grep -q secret
ok $? "the secret is in no URL and no message"

curl -sS -f -o "$T/index.html" "$url"
ok $? "the page downloads without credentials"
is "$(grep -c '^GET /photos/studio/d/[^ ]*/index.html?X-Amz-Algorithm=[^ ]* 200$' "$T/s3.log")" 1 \
    "(the server checked its signature)"
sig=${url##*X-Amz-Signature=}
alt=$(echo "$sig" | cut -c1-63)$(echo "$sig" | cut -c64 | tr 0-9a-f 1-9a-f0)
is "$(curl -sS -o /dev/null -w '%{http_code}' "${url%"$sig"}$alt"):$(curl -sS -o /dev/null -w '%{http_code}' "$(echo "$url" | sed 's/X-Amz-Expires=7200/X-Amz-Expires=7201/')")" \
    403:403 "a URL with a byte of its signature or its expiry changed is refused"
/usr/bin/python3 - "$T/index.html" >"$T/links" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src"):
                print(v)
P().feed(open(sys.argv[1]).read())
PY
is "$(grep -c 'X-Amz-Expires=7200&X-Amz-SignedHeaders=host&X-Amz-Signature=' "$T/links"):$(wc -l <"$T/links" | tr -d ' ')" \
    "6:6" "every link of the page is presigned: 2 files, 2 thumbnails, zip, release"
n=0; bad=0
while IFS= read -r l; do
	n=$((n + 1))
	curl -sS -f -o "$T/got.$n" "$l" || bad=$((bad + 1))
done <"$T/links"
is "$bad" 0 "each link gives its file"
got=""
for f in "$T"/got.*; do
	case "$(head -c 4 "$f" | od -An -c | tr -d ' ')" in
	*%PDF*) got="$got pdf" ;;
	PK*) unzip -tq "$f" >/dev/null && got="$got zip" ;;
	*) w=$(vipsheader -f width "$f"); h=$(vipsheader -f height "$f")
	   got="$got $( [ "$w" -gt "$h" ] && echo "$w" || echo "$h")" ;;
	esac
done
is "$(echo $got | tr ' ' '\n' | LC_ALL=C sort | tr '\n' ' ')" \
    "320 320 500 500 pdf zip " \
    "two pictures at 500 px, their thumbnails, the release and a sound zip"

url=$(pd delivery publish --session 1001 --expires 1s 2>/dev/null)
i=0 code=
while [ $i -lt 50 ]; do
	code=$(curl -sS -o /dev/null -w '%{http_code}' "$url")
	[ "$code" = 403 ] && break
	sleep 0.2; i=$((i + 1))
done
is "$code:$(curl -sS "$url" | grep -o '<Code>[^<]*</Code><Message>[^<]*')" \
    "403:<Code>AccessDenied</Code><Message>Request has expired" \
    "a URL past its expiry (1 s) is refused"
done_testing
