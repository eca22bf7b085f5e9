#!/bin/sh
# SIGKILL in the middle of `picday production render`, then the same command
# again: it takes its job over and the order's folder comes out byte for byte
# the one rendered in one go; no print twice, no temporary file left.
. "$top_srcdir/tests/lib.sh"
need convert sha256sum
MAGICK_THREAD_LIMIT=1; export MAGICK_THREAD_LIMIT
plan 6

N=24
pd demo --students 1 --no-card --date 2026-11-30 >/dev/null 2>&1
mkdir -p "$T/card"
convert -size 1600x2000 gradient:"rgb(40,120,180)-rgb(230,200,90)" \
    -quality 92 "$T/card/IMG_0001.JPG"
pd images import "$T/card" --by session=1001 >/dev/null 2>&1
printf 'Code,Name,Kind,Price,Width_in,Height_in,DPI\nS45,4x5 print,print,5,4,5,200\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" >/dev/null 2>&1
# shellcheck disable=SC2046
pd invoices add --session 1001 $(seq $N | sed 's/.*/S45/') >/dev/null 2>&1
pd production create >/dev/null 2>&1
ok $? "an order of $N prints"

"$PICDAY" --studio "$STUDIO" production render -o "$T/a" >/dev/null 2>&1 &
pid=$!
cleanup_add "kill -9 $pid 2>/dev/null"
end=$(( $(date +%s) + 60 ))
while [ "$(date +%s)" -le "$end" ]; do
	[ "$(ls "$T/a/1" 2>/dev/null | grep -c '\.jpg$')" -ge 3 ] && break
	sleep 0.01
done
kill -9 $pid
wait $pid 2>/dev/null
n=$(ls "$T/a/1" | grep -c '\.jpg$')
ok $([ "$n" -ge 1 ] && [ "$n" -lt $N ] && [ ! -e "$T/a/1/manifest.csv" ] && echo 0 || echo 1) \
    "the render was killed mid-way ($n of $N prints, no manifest yet)"

pd production render -o "$T/a" 2>"$T/err"
like "$?:$(cat "$T/err")" "^0:.*resuming job" "the same command takes its job over and finishes"
is "$(ls -A "$T/a/1" | grep -v '\.jpg$' | tr '\n' ' ')" "manifest.csv production-sheet.pdf " \
    "no temporary file left (only the manifest and the sheet besides the prints)"
is "$(tr -d '\r' <"$T/a/1/manifest.csv" | sed 1d | cut -d, -f1 | sort -u | wc -l | tr -d ' ')" $N \
    "every print once in the manifest"

pd production render -o "$T/b" >/dev/null 2>&1
diff -r "$T/a" "$T/b" >/dev/null
ok $? "the resumed folder is byte for byte the one rendered in one go"
