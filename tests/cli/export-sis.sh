#!/bin/sh
# picday export sis (issue 12): PowerSchool's flat zip with its TAB mapping
# file, Infinite Campus's zips split by size; file names are student numbers
# with their leading zeros, images the system's size, each its student's.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/school-lib.sh"
need unzip vipsheader
plan 17

school_make
ok $? "the school is made"

pd export sis --org "No Such School" --system powerschool -o "$T/none.zip" 2>"$T/err"
is $? 1 "an unknown organization fails (exit 1)"
[ ! -e "$T/none.zip" ]
ok $? "and writes nothing"
pd export sis --org "$ORG" --system moodle -o "$T/none.zip" 2>/dev/null
is $? 2 "an unknown system is a usage error"

pd export sis --org "$ORG" --system powerschool -o "$T/ps.zip" 2>"$T/err"
ok $? "the PowerSchool export succeeds with a student missing"
like "$(cat "$T/err")" "no portrait: Nguyễn, Thị Mai \(student ID 00555" \
    "the student without a portrait is named on stderr"
is "$(unzip -Z1 "$T/ps.zip" | LC_ALL=C sort | tr '\n' ' ')" \
    "00042.jpg 00107.jpg 0311.jpg 7.jpg student_photos.txt " \
    "a flat zip of student-number JPEGs (leading zeros kept) and the mapping file"
printf 'Student_Number\tfile\r\n00107\t00107.jpg\r\n00042\t00042.jpg\r\n7\t7.jpg\r\n0311\t0311.jpg\r\n' >"$T/map"
unzip -p "$T/ps.zip" student_photos.txt | cmp - "$T/map" >/dev/null
ok $? "the mapping file: Student_Number<TAB>file, one row per photo"
mkdir "$T/ps" && (cd "$T/ps" && unzip -q "$T/ps.zip")
sizes=$(for f in "$T"/ps/*.jpg; do printf '%sx%s/%s ' "$(vipsheader -f width "$f")" "$(vipsheader -f height "$f")" "$(vipsheader -f bands "$f")"; done)
is "$sizes" "200x300/3 200x300/3 200x300/3 200x300/3 " "PowerSchool images are 200x300 RGB"
got=$(for sid in 00042 00107 0311 7; do printf '%s=%s ' "$sid" "$(qr_of "$T/ps/$sid.jpg")"; done)
is "$got" "00042=$SESS_00042 00107=$SESS_00107 0311=$SESS_0311 7=$SESS_7 " \
    "each photo is its student's (QR = session number; the ✓ frame for 7)"

# Infinite Campus, with the split lowered from 100 MB so that four small
# photos make two zips.
pd export sis --org "$ORG" --system infinite-campus -o "$T/ic.zip" --split 20k 2>/dev/null
ok $? "the Infinite Campus export succeeds"
is "$(cd "$T" && LC_ALL=C ls ic*.zip | tr '\n' ' ')" "ic-2.zip ic.zip " \
    "the zip is split at the size: FILE.zip, FILE-2.zip"
is "$( (unzip -Z1 "$T/ic.zip"; unzip -Z1 "$T/ic-2.zip") | LC_ALL=C sort | tr '\n' ' ')" \
    "00042.jpg 00107.jpg 0311.jpg 7.jpg " "between them, every photo once"
big=$(for z in "$T"/ic*.zip; do [ "$(wc -c <"$z")" -le 20000 ] || echo "$z"; done)
is "$big" "" "no part is over the split size"
mkdir "$T/ic" && (cd "$T/ic" && unzip -q "$T/ic.zip" && unzip -q "$T/ic-2.zip")
sizes=$(for f in "$T"/ic/*.jpg; do printf '%sx%s ' "$(vipsheader -f width "$f")" "$(vipsheader -f height "$f")"; done)
is "$sizes" "175x263 175x263 175x263 175x263 " "Infinite Campus images are 175x263"
got=$(for sid in 00042 00107 0311 7; do printf '%s=%s ' "$sid" "$(qr_of "$T/ic/$sid.jpg")"; done)
is "$got" "00042=$SESS_00042 00107=$SESS_00107 0311=$SESS_0311 7=$SESS_7 " \
    "each Infinite Campus photo is its student's"
is "$(ls -A "$T" | grep -c 'picday-.*tmp')" 0 "no temporary file is left beside the zips"
done_testing
