#!/bin/sh
# picday grant / images composite|group / delivery build (issue 13): what
# a family may download.  Frames made with ImageMagick carry a QR code of
# their own name (qrencode), so each delivered file is decoded back to its
# source (zbarimg).  Checked with independent tools: vipsheader (size),
# ImageMagick compare (the watermark only where granted), pdftotext (the
# release), unzip -t (the zip), and the page in headless chromium (every
# link and picture resolves, every delivered file is linked).
. "$top_srcdir/tests/lib.sh"
need convert compare qrencode zbarimg vipsheader vipsthumbnail sqlite3 \
    pdftotext unzip exiftool chromium /usr/bin/python3
MAGICK_THREAD_LIMIT=1; export MAGICK_THREAD_LIMIT
plan 45

frame() {
	qrencode -s 1 -m 0 -o "$T/qr.png" "$3"
	convert "$T/qr.png" -filter point -resize 600x600 \
	    -bordercolor white -border 60 "$T/qr.png"
	mkdir -p "$(dirname "$1")"
	convert -size "$2" gradient:"rgb(40,120,180)-rgb(230,200,90)" \
	    "$T/qr.png" -gravity center -composite -quality 92 "$1"
}
qr() { zbarimg -q --raw -Sbinary "$1" 2>/dev/null | sed '/^$/d'; }
db() { sqlite3 "$STUDIO/picday.db" "$1"; }
# id SESSION FILE: the image id
id() { db "SELECT i.id FROM images i JOIN sessions s ON s.id = i.session_id
    WHERE s.number = $1 AND i.path LIKE '%/$2'"; }
# files DIR: the manifest as "file source width height watermark" lines
files() { python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["files"]:
    print(f["file"], f["source"], f["width"], f["height"],
          str(f["watermark"]).lower())' "$1/manifest.json"; }
long() { w=$(vipsheader -f width "$1"); h=$(vipsheader -f height "$1")
	[ "$w" -gt "$h" ] && echo "$w" || echo "$h"; }

pd demo --students 3 --no-card --date 2026-11-30 >/dev/null 2>&1
ok $? "a demo studio of 3 students"
# 1001 Nguyen, Ana María   1002 Núñez-García, Liam   1003 O'Brien, Zoë
pd setup set studio.name "Sunny Portraits" >/dev/null 2>&1
frame "$T/c1/IMG_0001.JPG" 1800x2000 "Nguyen, Ana María 1"
frame "$T/c1/IMG_0002.JPG" 2000x1500 "Nguyen, Ana María 2"
frame "$T/c1/IMG_0003.JPG" 1800x2000 "Nguyen, Ana María 3"
frame "$T/c2/IMG_0001.JPG" 2400x1800 "Núñez-García, Liam 1"
frame "$T/c2/IMG_0002.JPG" 1800x2400 "Núñez-García, Liam 2"
frame "$T/c3/IMG_0001.JPG" 1600x1200 "O'Brien, Zoë 1"
frame "$T/c3/IMG_0002.JPG" 1600x1200 "O'Brien, Zoë 2"
for n in 1 2 3; do
	pd images import "$T/c$n" --by "session=100$n" >/dev/null 2>&1 ||
	    echo "import $n failed"
done
is "$(db 'SELECT count(*) FROM images')" 7 "seven frames imported"
# 1002 and 1003 become sports sessions (no command changes a type yet).
db "UPDATE sessions SET type_id = (SELECT id FROM session_types
    WHERE name = 'Sports') WHERE number IN (1002, 1003)"

# Nothing granted: exit 1, "no grant", nothing written.
pd delivery build --session 1001 -o "$T/none" 2>"$T/err"
is "$?" 1 "no grant: exit 1"
like "$(cat "$T/err")" "no grant" "no grant: says so"
[ ! -e "$T/none" ]
ok $? "no grant: nothing written"

# Bad input for grants.
pd grant add --session 1001 --style sideways 2>"$T/err"
like "$?:$(cat "$T/err")" "^2:.*unknown grant style" "a bad style is refused"
pd grant add --session 1001 --style all --long-side 0 2>"$T/err"
like "$?:$(cat "$T/err")" "^2:.*long-side" "a long side of 0 is refused"
pd grant add --type Nope --style all 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*no session type" "an unknown type is named"

# (a) The session's grant: its selected image, 1000 px, watermarked.
pd images select "$(id 1001 IMG_0001.JPG)" &&
    pd images composite "$(id 1001 IMG_0003.JPG)"
ok $? "images select / composite"
g1=$(pd grant add --session 1001 --style selected --long-side 1000 --watermark)
ok $? "grant add --session"
pd delivery build --session 1001 -o "$T/a" >/dev/null 2>"$T/err"
ok $? "delivery build (session grant)"
is "$(files "$T/a/1001")" "IMG_0001.jpg IMG_0001.JPG 900 1000 true" \
    "the selected image only, 1000 px long, watermarked"
is "$(long "$T/a/1001/IMG_0001.jpg")" 1000 "long side exact (vipsheader)"
is "$(qr "$T/a/1001/IMG_0001.jpg")" "Nguyen, Ana María 1" \
    "the delivered file decodes back to its source"
vipsthumbnail "$T/c1/IMG_0001.JPG" --size 1000x1000 -o "$T/plain.png"
ae() { compare -metric AE -fuzz 12% "$1" "$2" null: 2>&1 | cut -d' ' -f1; }
[ "$(ae "$T/a/1001/IMG_0001.jpg" "$T/plain.png")" -gt 20000 ]
ok $? "the watermark is there (pixels differ from a plain resize)"

# (b) + the type's grant: non-composite, 1000 px, no watermark, release.
pd grant add --type "Picture Day" --style non-composite --long-side 1000 \
    --release >/dev/null
ok $? "grant add --type"
pd delivery build --session 1001 -o "$T/b" --zip >/dev/null 2>"$T/err"
ok $? "delivery build --zip (session + type grants)"
is "$(files "$T/b/1001")" "IMG_0001.jpg IMG_0001.JPG 900 1000 false
IMG_0002.jpg IMG_0002.JPG 1000 750 false" \
    "combined: no watermark beats a watermark; the composite is left out"
[ "$(ae "$T/b/1001/IMG_0001.jpg" "$T/plain.png")" -lt 2000 ]
ok $? "no watermark where no grant wants one"
is "$(for f in "$T"/b/1001/IMG_*.jpg; do qr "$f"; echo; done)" \
    "Nguyen, Ana María 1
Nguyen, Ana María 2" "each file decodes back to its own source"
pdftotext "$T/b/1001/copyright-release.pdf" - >"$T/rel.txt" 2>/dev/null
like "$(tr '\n' ' ' <"$T/rel.txt")" \
    "Copyright release.*Sunny Portraits.*Ana María Nguyen.*Images: 2" \
    "the release PDF: studio, client, number of images"
unzip -t "$T/b/1001/photos-1001.zip" >"$T/unzip" 2>&1
ok $? "unzip -t: the zip is sound"
is "$(unzip -Z1 "$T/b/1001/photos-1001.zip" | LC_ALL=C sort | tr '\n' ' ')" \
    "IMG_0001.jpg IMG_0002.jpg copyright-release.pdf manifest.json " \
    "the zip holds the files, the manifest and the release"
exiftool -s -s -s -Copyright "$T/b/1001/IMG_0002.jpg" 2>/dev/null |
    grep -q 'Sunny Portraits' && ! exiftool -s -GPS:all -SerialNumber \
    "$T/b/1001/IMG_0002.jpg" 2>/dev/null | grep -q .
ok $? "the copyright is set, no GPS or serial numbers"

# (c) An item: grants nothing until it is on an invoice; single = the
# image on its invoice line.
cat >"$T/pl.csv" <<'CSV'
Code,Name,Kind,Price,Width_in,Height_in
DL,Digital download,digital,25,,
810,8x10 print,print,18,8,10
CSV
pd pricelist import "$T/pl.csv" >/dev/null 2>&1
pd grant add --item DL --style single --long-side 600 >/dev/null
ok $? "grant add --item"
pd delivery build --session 1002 -o "$T/c" 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*no grant" "the item grants nothing before its invoice"
pd invoices add --session 1002 DL@IMG_0002.JPG 810@IMG_0001.JPG \
    >/dev/null 2>"$T/err" || cat "$T/err"
pd delivery build --session 1002 -o "$T/c" >/dev/null 2>"$T/err"
ok $? "after the invoice, the item grants"
is "$(files "$T/c/1002")" "IMG_0002.jpg IMG_0002.JPG 450 600 false" \
    "single: only the image on the item's invoice line, 600 px"
is "$(qr "$T/c/1002/IMG_0002.jpg")" "Núñez-García, Liam 2" "and it is that image"

# A group, a long side above the source: the source size and a message.
pd images group Best "$(id 1003 IMG_0002.JPG)"
ok $? "images group"
pd grant add --type Sports --style group:Best --long-side 5000 >/dev/null
pd delivery build --session 1003 -o "$T/d" >/dev/null 2>"$T/err"
like "$?:$(tr '\n' ' ' <"$T/err")" "^0:.*5000 is above the source's 1600" \
    "a long side above the source: said, and the source size delivered"
is "$(files "$T/d/1003")" "IMG_0002.jpg IMG_0002.JPG 1600 1200 false" \
    "group:Best gives the group's image"
pd grant add --session 1003 --style group:Nope >/dev/null
pd delivery build --session 1003 -o "$T/d" >/dev/null 2>"$T/err"
like "$?:$(tr '\n' ' ' <"$T/err")" "^0:.*no image group 'Nope'" \
    "a group the session does not have is named"

# The page in a real browser: every link and picture resolves, every
# delivered file is linked.
chromium --headless --no-sandbox --disable-gpu --user-data-dir="$T/chr" \
    --dump-dom "file://$T/b/1001/index.html" >"$T/dom.html" 2>/dev/null
python3 - "$T/dom.html" "$T/b/1001" <<'PY'
import html.parser, json, os, sys
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.refs = []; s.links = []; s.imgs = 0
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == "a": s.refs.append(a["href"]); s.links.append(a["href"])
        if tag == "img":
            s.refs.append(a["src"]); s.imgs += 1
            assert a.get("alt"), "an image without alt text"
p = P(); p.feed(open(sys.argv[1]).read())
d = sys.argv[2]
assert all(os.path.isfile(os.path.join(d, r)) for r in p.refs), p.refs
files = [f["file"] for f in json.load(open(d + "/manifest.json"))["files"]]
assert all(f in p.links for f in files)
assert "photos-1001.zip" in p.links and "copyright-release.pdf" in p.links
assert p.imgs == len(files) and "http" not in " ".join(p.refs)
PY
ok $? "chromium: every link and image resolves, every file is linked"

pd grant list --format json >"$T/g.json"
is "$(python3 -c '
import json, sys
for g in json.load(open(sys.argv[1])):
    print(g["source"], g["target"], g["style"],
          g["applies"] in (True, 1, "1", "true"))' "$T/g.json" |
    tr '\n' ';')" \
    "session 1001 selected True;type Picture Day non-composite True;item DL single True;type Sports group:Best True;session 1003 group:Nope True;" \
    "grant list"
# Publishing: through the upload target under d/TOKEN/.
pd delivery publish --session 1001 >/dev/null 2>"$T/err"
like "$?:$(tr '\n' ' ' <"$T/err")" "^1:.*no upload target" \
    "publish without a target: said"
pd upload target "file://$T/remote" >/dev/null 2>&1
u1=$(pd delivery publish --session 1001 --zip 2>/dev/null)
ok $? "delivery publish"
t1=${u1#file://$T/remote/d/}; t1=${t1%/index.html}
echo "$t1" | grep -Eqx '[A-Za-z0-9_-]{22,}'
ok $? "the token: at least 128 bits, URL-safe ($t1)"
[ -f "${u1#file://}" ] &&
    cmp -s "$T/remote/d/$t1/manifest.json" "$STUDIO/deliveries/1001/manifest.json" &&
    unzip -tq "$T/remote/d/$t1/photos-1001.zip" >/dev/null &&
    [ "$(qr "$T/remote/d/$t1/IMG_0001.jpg")" = "Nguyen, Ana María 1" ]
ok $? "the printed URL is the page; files, manifest and zip are there"
u3=$(pd delivery publish --session 1003 2>/dev/null)
t3=${u3#file://$T/remote/d/}; t3=${t3%/index.html}
[ -n "$t3" ] && [ "$t3" != "$t1" ]
ok $? "another session gets another token"
is "$(pd delivery publish --session 1001 2>/dev/null)" "$u1" \
    "a session keeps its token"
u1b=$(pd delivery publish --session 1001 --new-token 2>/dev/null)
[ -n "$u1b" ] && [ "$u1b" != "$u1" ] && [ -f "${u1b#file://}" ]
ok $? "--new-token gives a new URL"
pd setup set delivery.url https://photos.example.org/ >/dev/null
like "$(pd delivery publish --session 1001 2>/dev/null)" \
    "^https://photos.example.org/d/[A-Za-z0-9_-]{22,}/index.html$" \
    "the URL on delivery.url"

# Rebuilt into the same folder with fewer grants: nothing stale is left.
pd grant remove "$(pd grant add --type "Picture Day" --style all)" &&
    pd delivery build --session 1001 -o "$T/b" >/dev/null 2>&1
is "$(cd "$T/b/1001" && find . -type f | LC_ALL=C sort | tr '\n' ' ')" \
    "./IMG_0001.jpg ./index.html ./manifest.json ./thumbs/IMG_0001.jpg " \
    "a rebuild leaves no stale file, zip or release behind"
pd grant remove "$g1" && pd grant list --format csv | tr -d '\r' >"$T/g.csv"
! grep -q "^$g1," "$T/g.csv" && grep -q '^[0-9]*,session,1003,' "$T/g.csv"
ok $? "grant remove"
