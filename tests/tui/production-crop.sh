#!/bin/sh
# The crop editor (Production hub, c; issue 11): the print's rectangle on
# the picture; r turns the picture, + zooms, arrows move, Enter saves, Esc
# leaves it.  What was saved is read back with `images crop --show`, and
# the print rendered after it (R) is checked with zbarimg (whose picture),
# vipsheader (orientation) and ImageMagick (where the frame's red top edge
# went).
. "$top_srcdir/tests/lib.sh"
need tmux convert qrencode zbarimg vipsheader /usr/bin/python3
MAGICK_THREAD_LIMIT=1; export MAGICK_THREAD_LIMIT
plan 12

qr() { zbarimg -q --raw -Sbinary "$1" 2>/dev/null | sed '/^$/d' | sort; }
px() { convert "$1" -format "%[fx:int(255*p{$2}.r/64)],%[fx:int(255*p{$2}.g/64)]" info:; }
show() { pd images crop "$id" --show --format json | python3 -c "
import json, sys
d = json.load(sys.stdin)[0]
print(' '.join(('%.2f' % d[k]) if k in 'xywh' else str(d[k]) for k in sys.argv[1:]))" "$@"; }
# Waits for the render's manifest to be (re)written after the file $1.
rendered() {
	i=0
	while [ $i -lt 300 ]; do
		[ -s "$STUDIO/renders/1/manifest.csv" ] &&
		    [ "$STUDIO/renders/1/manifest.csv" -nt "$1" ] && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

pd demo --students 1 --no-card --date 2026-11-30 >/dev/null 2>&1
name=$(pd clients list --format csv | tr -d '\r' | python3 -c "
import csv, sys
r = next(csv.DictReader(sys.stdin)); print(r['last_name'] + ', ' + r['first_name'])")
# A landscape frame: the name as a QR code, a red band along its top.
qrencode -s 1 -m 0 -o "$T/qr.png" "$name"
convert "$T/qr.png" -filter point -resize 600x600 -bordercolor white -border 60 "$T/qr.png"
mkdir -p "$T/card"
convert -size 2400x1800 gradient:"rgb(40,120,180)-rgb(230,200,90)" "$T/qr.png" \
    -gravity center -composite -fill red -draw "rectangle 0,0 2399,149" \
    -quality 92 "$T/card/IMG_0001.JPG"
pd images import "$T/card" --by session=1001 >/dev/null 2>&1
printf 'Code,Name,Kind,Price,Width_in,Height_in,DPI\n46,4x6,print,5,4,6,150\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" >/dev/null 2>&1
pd invoices add --session 1001 46 >/dev/null 2>&1
pd production create >/dev/null 2>&1
id=$(pd images list --session 1001 --format csv | tr -d '\r' | sed -n 2p | cut -d, -f1)

tui_start 100 30
wait_for 'Clients' || exit 1
keys 5
wait_for '1 +new' || exit 1
keys c
wait_for "print 1 of 1: 46 4x6 in, image $id +crop 0.00,0.06,1.00,0.89 +turned 0°"
ok $? "c opens the crop editor: a landscape frame keeps a landscape 4x6, centred"
is "$(screen | grep -c '┌─*┐')" 1 "the rectangle is drawn on the picture"
keys Escape
wait_for "crop not changed"
is "$(show rotate cropped)" "0 False" "Esc leaves the image as it was"

keys c
wait_for "turned 0°" >/dev/null
keys r
wait_for "crop 0.06,0.00,0.89,1.00 +turned 90°"
ok $? "r turns the picture: now portrait, the rectangle a portrait 4x6"
keys Enter
wait_for "crop of image $id saved \(turned 90°\)"
ok $? "Enter saves"
is "$(show x y w h rotate cropped)" "0.06 0.00 0.89 1.00 90 True" \
    "images crop --show: the rectangle and the turn of the editor"

touch "$T/mark"; sleep 0.01
keys R
rendered "$T/mark"
f=$(ls "$STUDIO"/renders/1/*.jpg)
is "$(vipsheader -f width "$f")x$(vipsheader -f height "$f")" 600x900 \
    "R renders the turned frame as a portrait 4x6"
is "$(qr "$f")" "$name" "of the right student"
is "$(px "$f" 590,450)" "3,0" "turned clockwise: the frame's red top edge is the print's right edge"

# Zoom in three times and move right to the edge: a tighter rectangle,
# against the right (red) side.
keys c
wait_for "turned 90°" >/dev/null
keys + + + l l l l l l l l l l l l l l l l l l l l
wait_for "crop 0.33,0.12,0.67,0.75 +turned 90°"
ok $? "+ zooms in, l moves right as far as the picture goes"
keys Enter
wait_for "saved" >/dev/null
touch "$T/mark"; sleep 0.01
keys R
rendered "$T/mark"
is "$(show x w rotate)" "0.33 0.67 90" "the zoomed rectangle is saved"
# The QR code is 0.3-0.7 of the turned frame's width; the print starts at
# 0.33, so its left edge now cuts through the QR's white border.
is "$(px "$f" 590,450) $(vipsheader -f width "$f")x$(vipsheader -f height "$f")" "3,0 600x900" \
    "the print follows: still a portrait 4x6, red along its right edge"
