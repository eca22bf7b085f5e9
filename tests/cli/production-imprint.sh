#!/bin/sh
# The turn of a crop (`images crop --rotate`), the back-print line
# (production.imprint: a back_print column in manifest.csv, never on the
# picture) and prints rendered at once (production.threads), issue 11.
# Checked with independent tools: vipsheader (size), zbarimg (whose picture),
# ImageMagick (pixel colours), Python's csv module (the manifest, RFC 4180),
# sha256sum (threads and the back-print setting change no byte of a print).
. "$top_srcdir/tests/lib.sh"
need convert qrencode zbarimg vipsheader sha256sum /usr/bin/python3
MAGICK_THREAD_LIMIT=1; export MAGICK_THREAD_LIMIT
plan 13

qr() { zbarimg -q --raw -Sbinary "$1" 2>/dev/null | sed '/^$/d' | sort; }
# px FILE X,Y: "R,G" of a pixel in quarters (0-3)
px() { convert "$1" -format "%[fx:int(255*p{$2}.r/64)],%[fx:int(255*p{$2}.g/64)]" info:; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin)[0]; print(' '.join(str(d[k]) for k in sys.argv[1:]))" "$@"; }
# frame OUT WxH TEXT: a gradient frame with TEXT as a QR code in its middle
# (and a red band along its top edge, to see where the top went).
frame() {
	qrencode -s 1 -m 0 -o "$T/qr.png" "$3"
	convert "$T/qr.png" -filter point -resize 600x600 -bordercolor white \
	    -border 60 "$T/qr.png"
	mkdir -p "$(dirname "$1")"
	convert -size "$2" gradient:"rgb(40,120,180)-rgb(230,200,90)" "$T/qr.png" \
	    -gravity center -composite -fill red -draw "rectangle 0,0 2399,149" \
	    -quality 92 "$1"
}
# "Last, First" of a session.
sname() { pd sessions list --format csv | tr -d '\r' | python3 -c "
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r['number'] == sys.argv[1]: print(r['last_name'] + ', ' + r['first_name'])" "$1"; }
design="file,order,invoice,session,last_name,first_name,item,quantity,width_in,height_in,dpi,width_px,height_px,source"
# The first lines of the manifests of DIR, the same line once.
headers() { for m in "$1"/*/manifest.csv; do head -1 "$m" | tr -d '\r'; done | sort -u; }

pd demo --students 2 --no-card --date 2026-11-30 >/dev/null 2>&1
# A third student at a school whose name makes a back-print line longer
# than a lab's (80 characters), cut after a two-byte character.
long="Colegio Nuestra Señora de la Asunción, San José de Calasanz, El Ángel"
pd org add "$long" >/dev/null 2>&1
printf 'First Name,Last Name,Student ID\nÑandú,Ibáñez,X1\n' >"$T/roster.csv"
pd clients import "$T/roster.csv" --org "$long" >/dev/null 2>&1
pd sessions schedule --org "$long" --date 2026-12-07 --from 09:00 --to 10:00 \
    --minutes 10 >/dev/null 2>&1
name=$(sname 1001)
# Landscape frames: the name as a QR code.
frame "$T/card/IMG_0001.JPG" 2400x1800 "$name"
frame "$T/card2/IMG_0001.JPG" 2400x1800 "$(sname 1002)"
frame "$T/card3/IMG_0001.JPG" 2400x1800 "$(sname 1003)"
pd images import "$T/card" --by session=1001 >/dev/null 2>&1
pd images import "$T/card2" --by session=1002 >/dev/null 2>&1
pd images import "$T/card3" --by session=1003 >/dev/null 2>&1
printf 'Code,Name,Kind,Price,Width_in,Height_in,DPI,Sheet_width_in,Sheet_height_in\n46,4x6,print,5,4,6,150,,\nW8,Wallets (8),print,20,2.5,3.5,150,10,8\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" >/dev/null 2>&1
pd invoices add --session 1001 46x1 46x1 46x1 46x1 >/dev/null 2>&1
pd invoices add --session 1002 46x1 W8x1 >/dev/null 2>&1
pd invoices add --session 1003 46x1 >/dev/null 2>&1
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
is "$(headers "$T/a")" "$design" \
    "by default (production.imprint none) each manifest.csv has DESIGN's header exactly"

# Prints at once: one thread and every core give the same bytes.
pd setup set production.threads 1
pd production render -o "$T/one" 2>/dev/null
pd setup set production.threads 0
pd production render --order 1 --again -o "$T/all" 2>/dev/null
(cd "$T/one" && sha256sum 1/*.jpg) >"$T/s1"
(cd "$T/all" && sha256sum 1/*.jpg) >"$T/s2"
is "$(wc -l <"$T/s2" | tr -d ' '):$(diff "$T/s1" "$T/s2" >/dev/null && echo same)" "4:same" \
    "4 prints rendered at once are byte for byte those rendered one by one"

# The back-print line: in the manifest, never on the picture.
pd images crop "$id" --unset
pd setup set production.imprint bogus 2>/dev/null
ok "$([ $? -ne 0 ] && echo 0 || echo 1)" "production.imprint is none, name or name+org"
pd production render --again -o "$T/off" 2>/dev/null
pd setup set production.imprint name+org
pd production render --again -o "$T/on" 2>/dev/null
(cd "$T/off" && sha256sum */*.jpg) >"$T/s1"
(cd "$T/on" && sha256sum */*.jpg) >"$T/s2"
is "$(wc -l <"$T/s2" | tr -d ' '):$(diff "$T/s1" "$T/s2" >/dev/null && echo same)" "7:same" \
    "the 7 prints with production.imprint name+org are byte for byte those with none"
is "$(headers "$T/on")" "$design,back_print" \
    "with name+org each manifest.csv ends its header with back_print"
# Each row joined on its file: whose picture it is (the QR codes on it, all
# copies of an n-up sheet the same) against its back_print.
pd sessions list --format csv >"$T/sessions.csv"
check() { python3 - "$1" "$2" "$T/sessions.csv" <<'PY'
import csv, glob, io, os, subprocess, sys
d, mode, sess = sys.argv[1:]
org = {}
with open(sess, newline='', encoding='utf-8') as fh:
    for r in csv.DictReader(fh):
        org[r['last_name'] + ', ' + r['first_name']] = r['organization']
rows, who, bad = 0, set(), []
for m in sorted(glob.glob(os.path.join(d, '*', 'manifest.csv'))):
    raw = open(m, 'rb').read()
    text = raw.decode('utf-8')   # strict: no character cut in half
    lines = list(csv.reader(io.StringIO(text, newline='')))
    head, body = lines[0], lines[1:]
    for f in body:
        rows += 1
        if len(f) != len(head):
            bad.append('%s: %d fields' % (m, len(f)))
            continue
        r = dict(zip(head, f))
        out = subprocess.run(['zbarimg', '-q', '--raw', '-Sbinary',
            os.path.join(os.path.dirname(m), r['file'])],
            capture_output=True).stdout.decode('utf-8')
        # (with -Sbinary the codes of a sheet come one after another:
        # the same name repeated when all copies are of one student)
        out = out.replace('\n', '')
        n = next((out[:p] for p in range(1, len(out) + 1)
                  if len(out) % p == 0 and out[:p] * (len(out) // p) == out), '')
        if ', ' not in n:
            bad.append('%s: QR %r' % (r['file'], out))
            continue
        who.add(n)
        last, first = n.split(', ', 1)
        want = first + ' ' + last
        if mode == 'name+org':
            want += ' \u00b7 ' + org[n]
        if len(want) > 80:
            want = want[:80]
        if r['back_print'] != want:
            bad.append('%s: %r, not %r' % (r['file'], r['back_print'], want))
print('%d rows, %d students%s' % (rows, len(who), ''.join('; ' + b for b in bad)))
PY
}
is "$(check "$T/on" name+org)" "7 rows, 3 students" \
    "each row's back_print is the name and school of the student in its picture (an n-up sheet's too), cut at 80 characters, never inside one"
# Changing the setting renders nothing again: the manifest is rewritten.
pd setup set production.imprint name
pd production render -o "$T/on" 2>/dev/null
(cd "$T/on" && sha256sum */*.jpg) >"$T/s3"
is "$(check "$T/on" name):$(diff "$T/s1" "$T/s3" >/dev/null && echo same)" \
    "7 rows, 3 students:same" \
    "with name the back_print is the student's name alone; the prints are untouched"
pd setup set production.imprint none
pd production render -o "$T/on" 2>/dev/null
is "$(headers "$T/on")" "$design" "production.imprint none again: DESIGN's header, no back_print"
