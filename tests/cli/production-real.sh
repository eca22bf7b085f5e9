#!/bin/sh
# picday production render from real camera JPEGs (shared/testdata): EXIF
# orientation honoured (a frame stored sideways gives the print of the
# upright picture, in its orientation), tiny frames rendered with a warning
# of their effective DPI, a corrupt source named while the rest renders.
. "$top_srcdir/tests/lib.sh"
need compare vipsheader
EX=$SHARED/testdata/exif-samples
plan 7

pd demo --students 1 --no-card --date 2026-11-30 >/dev/null 2>&1
mkdir -p "$T/card"
cp "$EX/orientation/portrait_1.jpg" "$T/card/IMG_0001.JPG"
cp "$EX/orientation/portrait_6.jpg" "$T/card/IMG_0002.JPG"
cp "$EX/orientation/landscape_6.jpg" "$T/card/IMG_0003.JPG"
cp "$EX/Canon_40D.jpg" "$T/card/IMG_0004.JPG"
cp "$EX/Nikon_D70.jpg" "$T/card/IMG_0005.JPG"
pd images import "$T/card" --by session=1001 >/dev/null 2>&1
ok $? "real camera frames imported"
# The fifth goes bad in the studio after the import.
cp "$EX/corrupted.jpg" "$(ls "$STUDIO"/library/*/1001/IMG_0005.JPG)"
printf 'Code,Name,Kind,Price,Width_in,Height_in,DPI\n57,5x7,print,12,5,7,200\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" >/dev/null 2>&1
pd invoices add --session 1001 57@IMG_0001.JPG 57@IMG_0002.JPG \
    57@IMG_0003.JPG 57@IMG_0004.JPG 57@IMG_0005.JPG >/dev/null 2>&1
pd production create >/dev/null 2>&1
pd production render -o "$T/lab" 2>"$T/err"
is "$?" 0 "render exits 0"
size() { echo "$(vipsheader -f width "$1")x$(vipsheader -f height "$1")"; }
d=$T/lab/1
is "$(size "$d"/1-01-*.jpg) $(size "$d"/1-02-*.jpg) $(size "$d"/1-03-*.jpg) $(size "$d"/1-04-*.jpg)" \
    "1000x1400 1000x1400 1400x1000 1400x1000" \
    "5x7 at 200 dpi in the orientation of the upright picture (EXIF honoured)"
# The two differ only by the digit drawn on them (1, 6); a picture turned
# the wrong way differs by 0.25 or more.
rmse=$(compare -metric RMSE "$d"/1-01-*.jpg "$d"/1-02-*.jpg null: 2>&1 | sed 's/.*(\(.*\))/\1/')
ok "$(awk -v r="$rmse" 'BEGIN { print (r < 0.15) ? 0 : 1 }')" \
    "a frame stored sideways prints like the same picture stored upright (RMSE $rmse)"
like "$(cat "$T/err")" "order 1: 57 \(.*\): library/.*/IMG_0004.JPG is smaller than the print needs: 14 dpi instead of 200" \
    "a 100x68 frame: warned with its effective DPI"
like "$(cat "$T/err")" "order 1: 57 \(.*\): library/.*/IMG_0005.JPG: " "the corrupt source is named"
is "$(ls "$d" | grep -c '\.jpg$'):$(tr -d '\r' <"$d/manifest.csv" | sed 1d | wc -l | tr -d ' ')" "4:4" \
    "the other four prints and their manifest rows are there"
