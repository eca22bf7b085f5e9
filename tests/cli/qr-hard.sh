#!/bin/sh
# QR codes in hard photos (issue 14).  Frames made by tests/qr-hard
# (bench/qr-hard.c: real QR renders drawn into a photograph through a
# camera model, then spoilt with libvips) decode back to their text; and a
# frame whose code is scribbled over beyond decoding, its finder patterns
# intact, is held with the frames after it as "unreadable code?" in the
# preview, never filed with the student before it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/images-lib.sh"
need tmux
plan 9

HARD=$top_builddir/tests/qr-hard
PHOTO=$SHARED/testdata/exif-samples/tests/42_IndexError.jpg

# 1. Hard frames, one per case, each read back to its own text.
mkdir -p "$T/hard"
"$HARD" "$PHOTO" "$T/hard" 1 blur defocus perspective rotation q60 small \
    >"$T/hard.list"
ok $? "hard frames made"
out=$(pd images import "$T/hard" --by qr --dry-run --format json 2>/dev/null)
ok $? "dry run over the hard frames"
/usr/bin/python3 -c 'import json,sys
got = {}
for code, rels in json.loads(sys.argv[1])["markers"].items():
    for rel in rels:
        got.setdefault(rel, set()).add(code)
bad = 0
for line in open(sys.argv[2]):
    f, text = line.split()
    if text.lstrip("0") not in got.get(f, set()):
        print("# %s: expected %s, read %s" % (f, text, sorted(got.get(f, []))))
        bad += 1
print("# %d frames" % sum(1 for _ in open(sys.argv[2])))
sys.exit(bad > 0 or not got)' "$out" "$T/hard.list"
ok $? "every hard frame decodes to the text of its code"

# 2. A card: 1001, a portrait, a marker damaged beyond decoding, a
# portrait (the next student's), 1002, a portrait.
studio_with_sessions "Lincoln High" 1001 1002
A=$T/card/DCIM/100CANON W=1200 H=800
mkdir -p "$T/dmg" "$A"
"$HARD" "$PHOTO" "$T/dmg" 1 damaged >/dev/null &&
    cp "$T/dmg/damaged-01.jpg" "$A/IMG_0003.JPG"
qr_frame "$A/IMG_0001.JPG" $W $H 25 0 1001
frame "$A/IMG_0002.JPG" $W $H 2
frame "$A/IMG_0004.JPG" $W $H 4
qr_frame "$A/IMG_0005.JPG" $W $H 25 0 1002
frame "$A/IMG_0006.JPG" $W $H 6
for i in 1 2 3 4 5 6; do
	shot "$A/IMG_000$i.JPG" canon "2024:09:12 09:0$i:00" 00
done
exif_apply
out=$(pd images import "$T/card" --by qr --dry-run --format json 2>"$T/err")
json_equal "$out" '{
 "sessions": {"1001": ["DCIM/100CANON/IMG_0002.JPG"],
              "1002": ["DCIM/100CANON/IMG_0006.JPG"]},
 "markers": {"1001": ["DCIM/100CANON/IMG_0001.JPG"],
             "1002": ["DCIM/100CANON/IMG_0005.JPG"]},
 "unknown_codes": {}, "unassigned": [], "unreadable": [],
 "unreadable_code": ["DCIM/100CANON/IMG_0003.JPG",
                     "DCIM/100CANON/IMG_0004.JPG"]}'
ok $? "the undecodable marker and the frame after it are held, not filed with 1001"
text=$(pd images import "$T/card" --by qr --dry-run 2>"$T/err")
like "$text" "unreadable code\\?: 2 frames" "the preview shows the new category"
like "$(cat "$T/err")" "check DCIM/100CANON/IMG_0003.JPG: looks like a QR code" \
    "the frame that looked like a QR is named"
# The wizard's preview (Workflow hub, i) shows them under their heading.
tui_start 140 40
wait_for 'Clients'
keys 3 i
wait_for 'Bulk Image Import'
keys "$T/card" Enter Enter Enter Enter Enter
wait_for 'step 3 of 3: preview' 60
like "$(screen)" '2 frames into 2 sessions; left out: 0 unassigned, 0 unknown codes, 2 unreadable code\?' \
    "the TUI preview sums up the frames held"
keys End
wait_for 'Unreadable code\? +2 frames'
ok $? "the TUI preview shows them under \"Unreadable code?\""
keys Escape
wait_for 'Import cancelled'

pd images import "$T/card" --by qr >/dev/null 2>"$T/err2"
held=$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM images
    WHERE source_path LIKE '%IMG_0003%' OR source_path LIKE '%IMG_0004%'")
kept=$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM images
    WHERE source_path LIKE '%IMG_0002%' OR source_path LIKE '%IMG_0006%'")
is "$held $kept" "0 2" "held frames are not imported; the sorted ones are"
