#!/bin/sh
# Sorting by metadata (issue 4, item 3): the session number written at
# capture in EXIF Copyright, UserComment, ImageDescription, XPComment or the
# JPEG COM marker; picday tries them in that order, or takes the one given.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/images-lib.sh"
plan 7

studio_with_sessions "Lincoln High" 1001 1002 1003 1004 1005
C=$T/card/DCIM/100CANON
for i in 1 2 3 4 5 6 7 8 9; do frame "$C/IMG_000$i.JPG" 600 400 $i; done
shot "$C/IMG_0001.JPG" canon "2024:09:12 10:00:01" 00 -Copyright=1001
shot "$C/IMG_0002.JPG" canon "2024:09:12 10:00:02" 00 -UserComment=1002
shot "$C/IMG_0003.JPG" canon "2024:09:12 10:00:03" 00 -ImageDescription=1003
shot "$C/IMG_0004.JPG" canon "2024:09:12 10:00:04" 00 -XPComment=1004
shot "$C/IMG_0005.JPG" canon "2024:09:12 10:00:05" 00 -Comment=1005
shot "$C/IMG_0006.JPG" canon "2024:09:12 10:00:06" 00 "-Copyright=Studio Smith"
shot "$C/IMG_0007.JPG" canon "2024:09:12 10:00:07" 00 -UserComment=4242
shot "$C/IMG_0008.JPG" canon "2024:09:12 10:00:08" 00
shot "$C/IMG_0009.JPG" canon "2024:09:12 10:00:09" 00 -Copyright=Studio \
    "-UserComment= 01002 "
exif_apply
cp "$SHARED/testdata/exif-samples/corrupted.jpg" "$C/IMG_0010.JPG"

out=$(pd images import "$T/card" --by metadata --dry-run --format json 2>"$T/err")
ok $? "dry run by metadata succeeds"
json_equal "$out" '{
 "sessions": {"1001": ["DCIM/100CANON/IMG_0001.JPG"],
  "1002": ["DCIM/100CANON/IMG_0002.JPG", "DCIM/100CANON/IMG_0009.JPG"],
  "1003": ["DCIM/100CANON/IMG_0003.JPG"],
  "1004": ["DCIM/100CANON/IMG_0004.JPG"],
  "1005": ["DCIM/100CANON/IMG_0005.JPG"]},
 "markers": {},
 "unknown_codes": {"4242": ["DCIM/100CANON/IMG_0007.JPG"]},
 "unassigned": ["DCIM/100CANON/IMG_0006.JPG", "DCIM/100CANON/IMG_0008.JPG"],
 "unreadable": ["DCIM/100CANON/IMG_0010.JPG"], "unreadable_code": []}'
ok $? "each of the five fields is read; the first holding a number wins"
like "$(cat "$T/err")" "unreadable: DCIM/100CANON/IMG_0010.JPG: " \
    "the corrupted frame is named on stderr"

out=$(pd images import "$T/card" --by metadata --field usercomment --dry-run --format json 2>/dev/null)
json_equal "$out" '{
 "sessions": {"1002": ["DCIM/100CANON/IMG_0002.JPG", "DCIM/100CANON/IMG_0009.JPG"]},
 "markers": {},
 "unknown_codes": {"4242": ["DCIM/100CANON/IMG_0007.JPG"]},
 "unassigned": ["DCIM/100CANON/IMG_0001.JPG", "DCIM/100CANON/IMG_0003.JPG",
   "DCIM/100CANON/IMG_0004.JPG", "DCIM/100CANON/IMG_0005.JPG",
   "DCIM/100CANON/IMG_0006.JPG", "DCIM/100CANON/IMG_0008.JPG"],
 "unreadable": ["DCIM/100CANON/IMG_0010.JPG"], "unreadable_code": []}'
ok $? "--field usercomment reads only that field"

for f in xpcomment comment; do
	out=$(pd images import "$T/card" --by metadata --field $f --dry-run --format json 2>/dev/null)
	n=$(/usr/bin/python3 -c 'import json,sys; print(",".join(json.loads(sys.argv[1])["sessions"]))' "$out")
	case $f in xpcomment) want=1004 ;; comment) want=1005 ;; esac
	is "$n" "$want" "--field $f finds its session"
done
pd images import "$T/card" --by qr --field copyright --dry-run >/dev/null 2>&1
is $? 2 "--field without --by metadata is a usage error"
done_testing
