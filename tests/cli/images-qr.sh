#!/bin/sh
# A card made by someone else sorts exactly right by QR (issue 4, items 1,
# 2, 4): two bodies with interleaved times, a folder roll-over from 9999 to
# 0001, a small QR and rotated ones, test shots before the first QR, an
# unknown code, a repeated marker, a frame with two codes, a truncated JPEG,
# sub-second ordering and junk files.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/images-lib.sh"
plan 9

studio_with_sessions "Lincoln High" 1001 1002 1003 1004 1005
C=$T/card
A=$C/DCIM/100CANON A2=$C/DCIM/101CANON B=$C/DCIM/100NIKON
W=1200 H=800

# Body A (Canon): test shot, QR 1001 at 15% of the short edge, 2 frames,
# QR 1002 turned 30 degrees, frames across the folder roll-over, unknown
# code 4242, siblings 1004+1005, then a truncated frame.
frame "$A/IMG_9990.JPG" $W $H 1;	shot "$A/IMG_9990.JPG" canon "2024:09:12 09:00:00" 00
qr_frame "$A/IMG_9991.JPG" $W $H 15 0 1001
shot "$A/IMG_9991.JPG" canon "2024:09:12 09:01:00" 00
frame "$A/IMG_9992.JPG" $W $H 2;	shot "$A/IMG_9992.JPG" canon "2024:09:12 09:01:10" 00
frame "$A/IMG_9993.JPG" $W $H 3;	shot "$A/IMG_9993.JPG" canon "2024:09:12 09:01:20" 00
qr_frame "$A/IMG_9998.JPG" $W $H 25 30 1002
shot "$A/IMG_9998.JPG" canon "2024:09:12 09:02:00" 00
frame "$A/IMG_9999.JPG" $W $H 4;	shot "$A/IMG_9999.JPG" canon "2024:09:12 09:02:10" 00
frame "$A2/IMG_0001.JPG" $W $H 5;	shot "$A2/IMG_0001.JPG" canon "2024:09:12 09:02:20" 00
qr_frame "$A2/IMG_0002.JPG" $W $H 25 0 4242
shot "$A2/IMG_0002.JPG" canon "2024:09:12 09:03:00" 00
frame "$A2/IMG_0003.JPG" $W $H 6;	shot "$A2/IMG_0003.JPG" canon "2024:09:12 09:03:10" 00
qr_frame "$A2/IMG_0004.JPG" $W $H 20 0 1004 1005
shot "$A2/IMG_0004.JPG" canon "2024:09:12 09:04:00" 00
frame "$A2/IMG_0005.JPG" $W $H 7;	shot "$A2/IMG_0005.JPG" canon "2024:09:12 09:04:10" 00
frame "$A2/IMG_0006.JPG" $W $H 8;	shot "$A2/IMG_0006.JPG" canon "2024:09:12 09:04:20" 00

# Body B (Nikon), shooting at the same time: a test shot, QR 1003 in a
# frame tagged Orientation 6 (the code lies on its side), a repeated
# marker, then QR 1001 again and two frames in the same second.
frame "$B/DSC_0001.JPG" $W $H 11;	shot "$B/DSC_0001.JPG" nikon "2024:09:12 09:00:30" 00
qr_frame "$B/DSC_0002.JPG" $W $H 25 90 1003
shot "$B/DSC_0002.JPG" nikon "2024:09:12 09:01:05" 00 -Orientation#=6
frame "$B/DSC_0003.JPG" $W $H 12;	shot "$B/DSC_0003.JPG" nikon "2024:09:12 09:01:15" 00
frame "$B/DSC_0004.JPG" $W $H 13;	shot "$B/DSC_0004.JPG" nikon "2024:09:12 09:01:25" 00 -Orientation#=6
qr_frame "$B/DSC_0005.JPG" $W $H 25 0 1003
shot "$B/DSC_0005.JPG" nikon "2024:09:12 09:02:05" 00
frame "$B/DSC_0006.JPG" $W $H 14;	shot "$B/DSC_0006.JPG" nikon "2024:09:12 09:02:15" 00
qr_frame "$B/DSC_0007.JPG" $W $H 25 0 1001
shot "$B/DSC_0007.JPG" nikon "2024:09:12 09:03:05" 00
frame "$B/DSC_0008.JPG" $W $H 15;	shot "$B/DSC_0008.JPG" nikon "2024:09:12 09:03:15" 50
frame "$B/DSC_0009.JPG" $W $H 16;	shot "$B/DSC_0009.JPG" nikon "2024:09:12 09:03:15" 20
exif_apply

# The truncated frame: cut in the middle of its image data.
sz=$(wc -c <"$A2/IMG_0006.JPG")
head -c $(( sz / 2 )) "$A2/IMG_0006.JPG" >"$T/cut" && mv "$T/cut" "$A2/IMG_0006.JPG"
# Junk a Mac and a camera leave behind, and a link out of the card.
printf 'Bud1 junk' >"$C/.DS_Store"
printf '\0\5\26\7 AppleDouble junk' >"$A/._IMG_9991.JPG"
mkdir -p "$C/.Trashes" && cp "$A/IMG_9992.JPG" "$C/.Trashes/IMG_0100.JPG"
printf 'not a frame' >"$C/DCIM/README.TXT"
mkdir -p "$T/outside" && cp "$A/IMG_9992.JPG" "$T/outside/OUT_0001.JPG"
ln -s "$T/outside" "$C/DCIM/LINKED"
ln -s "$T/outside/OUT_0001.JPG" "$C/DCIM/100NIKON/DSC_0010.JPG"
before=$(cd "$C" && find . -type f | sort | xargs sha256sum)

out=$(pd images import "$C" --by qr --dry-run --format json 2>"$T/err")
ok $? "dry run by QR succeeds"
json_equal "$out" '{
 "sessions": {
  "1001": ["DCIM/100CANON/IMG_9992.JPG", "DCIM/100CANON/IMG_9993.JPG",
           "DCIM/100NIKON/DSC_0009.JPG", "DCIM/100NIKON/DSC_0008.JPG"],
  "1002": ["DCIM/100CANON/IMG_9999.JPG", "DCIM/101CANON/IMG_0001.JPG"],
  "1003": ["DCIM/100NIKON/DSC_0003.JPG", "DCIM/100NIKON/DSC_0004.JPG",
           "DCIM/100NIKON/DSC_0006.JPG"],
  "1004": ["DCIM/101CANON/IMG_0005.JPG"],
  "1005": ["DCIM/101CANON/IMG_0005.JPG"]},
 "markers": {
  "1001": ["DCIM/100CANON/IMG_9991.JPG", "DCIM/100NIKON/DSC_0007.JPG"],
  "1002": ["DCIM/100CANON/IMG_9998.JPG"],
  "1003": ["DCIM/100NIKON/DSC_0002.JPG", "DCIM/100NIKON/DSC_0005.JPG"],
  "1004": ["DCIM/101CANON/IMG_0004.JPG"],
  "1005": ["DCIM/101CANON/IMG_0004.JPG"],
  "4242": ["DCIM/101CANON/IMG_0002.JPG"]},
 "unknown_codes": {"4242": ["DCIM/101CANON/IMG_0003.JPG"]},
 "unassigned": ["DCIM/100CANON/IMG_9990.JPG", "DCIM/100NIKON/DSC_0001.JPG"],
 "unreadable": ["DCIM/101CANON/IMG_0006.JPG"],
 "unreadable_code": []}'
ok $? "the card sorts exactly as its maker expects"
like "$(cat "$T/err")" "unreadable: DCIM/101CANON/IMG_0006.JPG: .+" \
    "the truncated frame is named on stderr with a reason"
is "$(grep -c 'unreadable:' "$T/err")" 1 "one line for the one unreadable frame"
like "$(cat "$T/err")" "check DCIM/101CANON/IMG_0006.JPG: unreadable frame inside the run of 1004,1005" \
    "an unreadable frame inside a run is flagged for the operator"
after=$(cd "$C" && find . -type f | sort | xargs sha256sum)
is "$after" "$before" "the card is unchanged"

# Text form for a person.
txt=$(pd images import "$C" --by qr --dry-run 2>/dev/null)
like "$txt" "session 1001: 4 frames" "text dry run counts frames per session"
like "$txt" "unassigned: 2 frames" "text dry run counts the unassigned"

pd images import "$C" --by qrx --dry-run >/dev/null 2>&1
is $? 2 "a bad --by is a usage error"
done_testing
