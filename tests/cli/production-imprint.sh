#!/bin/sh
# The turn of a crop (`images crop --rotate`), the name imprint
# (production.imprint) and prints rendered at once (production.threads),
# issue 11.  Checked with independent tools: vipsheader (size), zbarimg
# (whose picture), ImageMagick (pixel colours, the band under the picture),
# tesseract (the name printed), sha256sum (threads change no byte).
. "$top_srcdir/tests/lib.sh"
need convert qrencode zbarimg vipsheader sha256sum tesseract /usr/bin/python3
MAGICK_THREAD_LIMIT=1; export MAGICK_THREAD_LIMIT
plan 13

qr() { zbarimg -q --raw -Sbinary "$1" 2>/dev/null | sed '/^$/d' | sort; }
# px FILE X,Y: "R,G" of a pixel in quarters (0-3)
px() { convert "$1" -format "%[fx:int(255*p{$2}.r/64)],%[fx:int(255*p{$2}.g/64)]" info:; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin)[0]; print(' '.join(str(d[k]) for k in sys.argv[1:]))" "$@"; }

pd demo --students 1 --no-card --date 2026-11-30 >/dev/null 2>&1
name=$(pd clients list --format csv | tr -d '\r' | python3 -c "
import csv, sys
r = next(csv.DictReader(sys.stdin)); print(r['last_name'] + ', ' + r['first_name'])")
# A landscape frame: the name as a QR code in the middle, a red band along
# its top edge (to see where the top went).
qrencode -s 1 -m 0 -o "$T/qr.png" "$name"
convert "$T/qr.png" -filter point -resize 600x600 -bordercolor white -border 60 "$T/qr.png"
mkdir -p "$T/card"
convert -size 2400x1800 gradient:"rgb(40,120,180)-rgb(230,200,90)" "$T/qr.png" \
    -gravity center -composite -fill red -draw "rectangle 0,0 2399,149" \
    -quality 92 "$T/card/IMG_0001.JPG"
pd images import "$T/card" --by session=1001 >/dev/null 2>&1
printf 'Code,Name,Kind,Price,Width_in,Height_in,DPI\n46,4x6,print,5,4,6,150\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" >/dev/null 2>&1
pd invoices add --session 1001 46x1 46x1 46x1 46x1 >/dev/null 2>&1
pd production create >/dev/null 2>&1
id=$(pd images list --session 1001 --format csv | tr -d '\r' | sed -n 2p | cut -d, -f1)

pd images crop "$id" --rotate 45 2>/dev/null
is $? 2 "a turn that is not a quarter is refused"
pd images crop "$id" --rotate 90
is "$(pd images crop "$id" --show --format json | json rotate cropped)" "90 False" \
    "images crop --rotate 90 keeps the picture whole, turned"
pd production render -o "$T/a" 2>/dev/null
f=$(ls "$T"/a/1/*.jpg | head -1)
is "$(vipsheader -f width "$f")x$(vipsheader -f height "$f")" 600x900 \
    "the turned landscape frame gives a portrait 4x6"
is "$(qr "$f")" "$name" "of the right student"
# (the frame is blue at its top, yellow at its bottom)
is "$(px "$f" 590,450) $(px "$f" 10,450)" "3,0 3,3" \
    "turned clockwise: the frame's red top edge is the print's right edge, its yellow bottom the left"

# Prints at once: one thread and every core give the same bytes.
pd setup set production.threads 1
pd production render -o "$T/one" 2>/dev/null
pd setup set production.threads 0
pd production render --order 1 --again -o "$T/all" 2>/dev/null
(cd "$T/one" && sha256sum 1/*.jpg) >"$T/s1"
(cd "$T/all" && sha256sum 1/*.jpg) >"$T/s2"
is "$(wc -l <"$T/s2" | tr -d ' '):$(diff "$T/s1" "$T/s2" >/dev/null && echo same)" "4:same" \
    "4 prints rendered at once are byte for byte those rendered one by one"

# The imprint: a white band under the picture with the name.
pd images crop "$id" --unset
pd setup set production.imprint bogus 2>/dev/null
ok "$([ $? -ne 0 ] && echo 0 || echo 1)" "production.imprint is none, name or name+org"
pd setup set production.imprint name+org
pd production render --order 1 --again -o "$T/b" 2>/dev/null
f=$(ls "$T"/b/1/*.jpg | head -1)
is "$(vipsheader -f width "$f")x$(vipsheader -f height "$f")" 900x600 \
    "with the imprint the print keeps its size"
is "$(qr "$f")" "$name" "the picture above the band still shows the right student"
# The band: the bottom 7% (42 px of 600), white at its edges, ink inside.
convert "$f" -crop 900x42+0+558 +repage "$T/band.png"
is "$(px "$T/band.png" 2,20) $(px "$T/band.png" 897,20)" "3,3 3,3" "the band is white at its ends"
dark=$(convert "$T/band.png" -colorspace gray -threshold 50% -format '%[fx:int(1000*(1-mean))]' info:)
ok "$([ "$dark" -gt 20 ] && echo 0 || echo 1)" "the band carries text ($dark per mille ink)"
convert "$T/band.png" -resize 300% "$T/band3.png"
org=$(pd sessions list --format csv | tr -d '\r' | python3 -c "
import csv, sys; print(next(csv.DictReader(sys.stdin))['organization'])")
last=${name%%,*}
like "$(tesseract "$T/band3.png" - 2>/dev/null | tr '\n' ' ')" \
    "$(echo "$last" | sed "s/[^A-Za-z]/./g").*$org" \
    "tesseract reads the student's name and the school in it"
pd setup set production.imprint none
pd production render --order 1 --again -o "$T/c" 2>/dev/null
f=$(ls "$T"/c/1/*.jpg | head -1)
blue() { convert "$1" -format "%[fx:int(255*p{$2}.b/64)]" info:; }
is "$(blue "$T/b/1/$(basename "$f")" 450,590) $(blue "$f" 450,590)" "3 1" \
    "with production.imprint none the picture (yellow) runs to the bottom edge where the band was white"
