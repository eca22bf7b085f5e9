#!/bin/sh
# picday production create / render / ship and images crop (issue 11):
# invoices become prints for the lab.  Frames made with ImageMagick carry
# a QR code of the student's name (qrencode); the prints are checked with
# independent tools: vipsheader and exiftool (size, DPI, ICC profile),
# zbarimg (whose picture it is, how many wallets on a sheet), sha256sum
# (a re-render changes nothing), and pixel colours (a crop lands where its
# rectangle says).
. "$top_srcdir/tests/lib.sh"
need convert qrencode zbarimg vipsheader exiftool sqlite3 sha256sum pdftotext \
    /usr/bin/python3
MAGICK_THREAD_LIMIT=1; export MAGICK_THREAD_LIMIT
plan 34

# frame OUT WxH TEXT: a gradient frame with TEXT as a QR code in its middle.
frame() {
	qrencode -s 1 -m 0 -o "$T/qr.png" "$3"
	convert "$T/qr.png" -filter point -resize 600x600 \
	    -bordercolor white -border 60 "$T/qr.png"
	mkdir -p "$(dirname "$1")"
	convert -size "$2" gradient:"rgb(40,120,180)-rgb(230,200,90)" \
	    "$T/qr.png" -gravity center -composite -quality 92 "$1"
}
# What the QR codes of a picture say, one per line, sorted.
qr() { zbarimg -q --raw -Sbinary "$1" 2>/dev/null | sed '/^$/d' | sort; }
col() { tr -d '\r' <"$1" | python3 -c "
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(','.join(r[k] for k in sys.argv[1].split(',')))" "$2"; }

pd demo --students 4 --no-card --date 2026-11-30 >/dev/null 2>&1
ok $? "a demo studio of 4 students"
# 1001 García, Ravi   1002 Nguyen, Ana María
# 1003 Núñez-García, Liam   1004 O'Brien, Zoë
frame "$T/c1/IMG_0001.JPG" 1800x2000 "García, Ravi"
frame "$T/c2/IMG_0001.JPG" 2400x1800 "Nguyen, Ana María"
# 1003: a square frame with a red mark at x 1200-1399, y 400-649.
convert -size 2000x2000 "xc:srgb(153,153,153)" -fill red -draw "rectangle 1200,400 1399,649" \
    -quality 95 "$T/c3/IMG_0001.JPG" 2>/dev/null ||
    { mkdir -p "$T/c3" && convert -size 2000x2000 "xc:srgb(153,153,153)" -fill red \
    -draw "rectangle 1200,400 1399,649" -quality 95 "$T/c3/IMG_0001.JPG"; }
frame "$T/c4/IMG_0001.JPG" 1800x2000 "O'Brien, Zoë, first"
frame "$T/c4/IMG_0002.JPG" 1800x2000 "O'Brien, Zoë"
for n in 1 2 3 4; do
	pd images import "$T/c$n" --by "session=100$n" >/dev/null 2>&1 ||
	    echo "import $n failed"
done
is "$(sqlite3 "$STUDIO/picday.db" 'SELECT count(*) FROM images')" 5 \
    "five frames imported"

cat >"$T/pl.csv" <<'CSV'
Code,Name,Kind,Price,Width_in,Height_in,DPI,Sheet_width_in,Sheet_height_in,Contains
810,8x10 print,print,18,8,10,300,,,
57,5x7 print,print,12,5,7,,,,
W8,Wallets (8),print,20,2.5,3.5,300,10,8,
PKA,Package A,package,40,,,,,,810x1;W8x1
DL,Digital download,digital,25,,,,,,
CSV
pd pricelist import "$T/pl.csv" >/dev/null 2>&1
cat >"$T/orders.csv" <<'CSV'
Order #,Session,Order Date,SKU,Qty,Price,Total
P-1,1001,2026-12-01,PKA,1,40,40
P-2,1002,2026-12-01,810,1,18,18
P-3,1003,2026-12-01,810,1,18,18
P-9,1002,2026-12-01,DL,1,25,25
CSV
pd invoices import "$T/orders.csv" >/dev/null 2>&1
pd invoices add --session 1004 57@IMG_0002.JPG 810@IMG_0001.JPG >/dev/null 2>&1
ok $? "invoices: a package, prints, a digital download, a manual invoice"

pd production create 2>"$T/err"
like "$?:$(tr '\n' ' ' <"$T/err")" "^0:.*invoice P-9: nothing to print.*4 production orders made" \
    "one order per invoice with prints; a digital-only invoice makes none"
pd production list --format csv >"$T/list.csv"
is "$(col "$T/list.csv" order,invoice,session,client,state,prints,quantity)" \
    "1,P-1,1001,García, Ravi,new,2,2
2,P-2,1002,Nguyen, Ana María,new,1,1
3,P-3,1003,Núñez-García, Liam,new,1,1
4,M1,1004,O'Brien, Zoë,new,2,2" "production list: the package gave its 8x10 and its wallet sheet"
is "$(pd sessions list --format csv | tr -d '\r' | cut -d, -f1,6 | sed 1d | tr '\n' ' ')" \
    "1001,In Production 1002,In Production 1003,In Production 1004,In Production " \
    "their sessions are In Production"
pd production create 2>"$T/err"
like "$(cat "$T/err")" "0 production orders made" "a second create adds nothing"

# The crop of 1003: exactly the red mark (x 0.6, y 0.2, w 0.1, h 0.125).
id3=$(sqlite3 "$STUDIO/picday.db" "SELECT i.id FROM images i JOIN sessions s ON s.id = i.session_id WHERE s.number = 1003")
pd images crop "$id3" 0.6,0.2,0.1,0.125
ok $? "images crop ID X,Y,W,H"
pd images crop "$id3" 0.6,0.2,0.5,0.1 2>/dev/null
is $? 2 "a crop outside the picture is refused"

# 1004's first frame goes missing from the studio.
rm "$STUDIO/library/Maple Grove Elementary/1004/IMG_0001.JPG"
pd production render -o "$T/lab" 2>"$T/err"
rc=$?
err=$(cat "$T/err")
is "$rc" 0 "render exits 0 when one source is missing"
like "$err" "order 4: 810 \(O'Brien, Zo.\): library/Maple Grove Elementary/1004/IMG_0001.JPG: " \
    "the missing source is named with its order, item and student"
like "$err" "order 3: 810 \(Núñez-García, Liam\): .* 25 dpi instead of 300" \
    "an image smaller than the print needs: warned with its effective DPI"

ls "$T/lab/1" "$T/lab/2" "$T/lab/3" "$T/lab/4" | grep -v '^$' | grep -v ':$' | \
    grep -vE '^(manifest.csv|production-sheet.pdf)$' >"$T/names"
is "$(sort "$T/names" | tr '\n' ' ')" \
    "1-01-810-Garcia.jpg 1-02-W8-Garcia.jpg 2-01-810-Nguyen.jpg 3-01-810-Nunez_Garcia.jpg 4-01-57-O_Brien.jpg " \
    "lab-safe names; the missing print is not there, the rest of its order is"
is "$(grep -cvE '^[A-Za-z0-9._-]{1,31}$' "$T/names")" 0 "every name is ASCII and 31 characters at most"

f=$T/lab/1/1-01-810-Garcia.jpg
is "$(vipsheader -f width "$f")x$(vipsheader -f height "$f")" 2400x3000 \
    "a portrait frame gives a portrait 8x10 at 300 dpi"
is "$(exiftool -s3 -XResolution -YResolution -ResolutionUnit -ProfileDescription -ColorSpaceData "$f" | tr '\n' ' ')" \
    "300 300 inches sRGB RGB " "300 dpi in the file, an sRGB profile embedded"
is "$(qr "$f")" "García, Ravi" "the 8x10 of 1001 shows García, Ravi"
f=$T/lab/2/2-01-810-Nguyen.jpg
is "$(vipsheader -f width "$f")x$(vipsheader -f height "$f"):$(qr "$f")" \
    "3000x2400:Nguyen, Ana María" "a landscape frame gives a landscape 8x10 of the right student"
f=$T/lab/1/1-02-W8-Garcia.jpg
# Cut the sheet as the lab does (4 across, 2 down) and read each wallet.
convert "$f" -crop 4x2@ +repage "$T/wallet-%d.png"
n=0
for w in "$T"/wallet-*.png; do
	[ "$(qr "$w")" = "García, Ravi" ] && n=$((n + 1))
done
is "$(vipsheader -f width "$f")x$(vipsheader -f height "$f"):$n" "3000x2400:8" \
    "the wallets: 8 copies of the right student on a 10x8 sheet"
f=$T/lab/4/4-01-57-O_Brien.jpg
is "$(vipsheader -f width "$f")x$(vipsheader -f height "$f"):$(qr "$f")" \
    "1500x2100:O'Brien, Zoë" "the 5x7 of the invoice's own image (not the pose)"

# The crop: the whole 8x10 of 1003 is the red mark.
f=$T/lab/3/3-01-810-Nunez_Garcia.jpg
is "$(for p in 60,60 2340,60 1200,1500 60,2940 2340,2940; do
	convert "$f" -format '%[fx:int(255*p{'"$p"'}.r/64)],%[fx:int(255*p{'"$p"'}.g/64)] ' info:
done)" "3,0 3,0 3,0 3,0 3,0 " "the crop lands where its rectangle says (red at the corners and centre)"

is "$(tr -d '\r' <"$T/lab/1/manifest.csv" | head -1)" \
    "file,order,invoice,session,last_name,first_name,item,quantity,width_in,height_in,dpi,width_px,height_px,source" \
    "manifest.csv: the header of DESIGN §4"
is "$(col "$T/lab/1/manifest.csv" file,invoice,session,last_name,first_name,item,quantity,width_in,height_in,dpi,width_px,height_px,source | tr '\n' ' ')" \
    "1-01-810-Garcia.jpg,P-1,1001,García,Ravi,810,1,8,10,300,2400,3000,library/Maple Grove Elementary/1001/IMG_0001.JPG 1-02-W8-Garcia.jpg,P-1,1001,García,Ravi,W8,1,10,8,300,3000,2400,library/Maple Grove Elementary/1001/IMG_0001.JPG " \
    "manifest rows: whose, which item, how many, sizes; the wallet row gives its sheet"
is "$(col "$T/lab/4/manifest.csv" file | tr '\n' ' ')" "4-01-57-O_Brien.jpg " \
    "the manifest lists only the prints written"

pdftotext -layout "$T/lab/1/production-sheet.pdf" "$T/sheet.txt"
like "$(tr '\n' ' ' <"$T/sheet.txt" | tr -s ' ')" \
    "Production order 1 .*Invoice P-1 .* García, Ravi .* session 1001 .*1-01-810-Garcia.jpg 810 8x10 in, 2400x3000 px, quantity 1 .*1-02-W8-Garcia.jpg W8 10x8 in, 3000x2400 px, quantity 1" \
    "the production sheet lists each print: file, item, size, quantity, client, session"
pdftotext "$T/lab/4/production-sheet.pdf" - | grep -c '\.jpg$' >"$T/n4"
is "$(cat "$T/n4")" 1 "the sheet of the order with a missing source lists the one print written"

(cd "$T/lab" && find . -type f | sort | xargs sha256sum) >"$T/sum1"
pd production render -o "$T/lab" 2>/dev/null
(cd "$T/lab" && find . -type f | sort | xargs sha256sum) >"$T/sum2"
is "$(diff "$T/sum1" "$T/sum2" && echo same)" same \
    "rendering again replaces nothing and adds nothing (sha256 unchanged)"

# The crop changes: --again renders order 3 anew (now the grey top-left
# corner), and only its print changes.
pd images crop "$id3" 0,0,0.2,0.25
pd production render --order 3 -o "$T/lab" --again 2>/dev/null
f=$T/lab/3/3-01-810-Nunez_Garcia.jpg
is "$(convert "$f" -format '%[fx:int(255*p{1200,1500}.r/64)],%[fx:int(255*p{1200,1500}.g/64)]' info:)" \
    "2,2" "render --again after a new crop: the print shows the new rectangle"
(cd "$T/lab" && find . -type f | sort | xargs sha256sum) >"$T/sum3"
is "$(diff "$T/sum1" "$T/sum3" | sed -n 's/^> [0-9a-f]*  //p' | tr '\n' ' ')" \
    "./3/3-01-810-Nunez_Garcia.jpg ./3/production-sheet.pdf " \
    "and nothing else changed than that print and its order's sheet"

pd production list --format csv >"$T/list.csv"
is "$(col "$T/list.csv" order,state | tr '\n' ' ')" \
    "1,rendered 2,rendered 3,rendered 4,new " "orders with every print rendered are rendered"
# The contact sheet of the school: every frame, captioned, by student.
pd production contact --org "Maple Grove Elementary" -o "$T/contact.pdf" 2>"$T/err"
like "$?:$(tr '\n' ' ' <"$T/err")" "^0:.*O'Brien, Zoë \(1004\) IMG_0001.JPG" "production contact writes the PDF (the missing frame named)"
is "$(pdftotext "$T/contact.pdf" - | grep '(100[1-4])' | LC_ALL=C sort | tr '\n' '|')" \
    "García, Ravi (1001) IMG_0001.JPG|Nguyen, Ana María (1002) IMG_0001.JPG|Núñez-García, Liam (1003) IMG_0001.JPG|O'Brien, Zoë (1004) IMG_0001.JPG|O'Brien, Zoë (1004) IMG_0002.JPG|" \
    "the contact sheet captions every frame with its student and session"

pd production ship 1 2>"$T/err"
like "$?:$(cat "$T/err")" "^0:order 1 shipped; its session is complete" "shipping order 1"
is "$(pd sessions list --format csv | tr -d '\r' | cut -d, -f1,6 | sed 1d | head -2 | tr '\n' ' ')" \
    "1001,Complete 1002,In Production " "its session is Complete, the others not"
