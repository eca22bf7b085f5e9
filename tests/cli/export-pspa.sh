#!/bin/sh
# picday export pspa (issue 12): the yearbook volume of a school with awkward
# names, a missing portrait and a session whose second frame is the chosen
# one — INDEX.TXT byte for byte, the images' size, and that each image is
# its student's (its QR code says the session number).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/school-lib.sh"
need vipsheader
plan 23

school_make
ok $? "the school is made (roster, sessions, portraits, a ✓ frame)"

pd export pspa --org "No Such School" -o "$T/none" 2>"$T/err"
is $? 1 "an unknown organization fails (exit 1)"
is "$(wc -l <"$T/err" | tr -d ' ')" 1 "with one line why"
[ ! -e "$T/none" ]
ok $? "and writes nothing"
pd org add "Empty Academy" >/dev/null 2>&1
printf 'Student ID,Last Name,First Name\r\n1,Doe,Jo\r\n' >"$T/empty.csv"
pd clients import "$T/empty.csv" --org "Empty Academy" >/dev/null 2>&1
pd export pspa --org "Empty Academy" -o "$T/none" 2>"$T/err"
is $? 1 "an organization without any portrait fails (exit 1)"
like "$(cat "$T/err")" "nothing to export" "saying nothing is ready"
[ ! -e "$T/none" ]
ok $? "and writes nothing"

V=$T/out/MAPLE27
pd export pspa --org "$ORG" -o "$V" 2>"$T/err"
ok $? "the export succeeds with a student missing (exit 0)"
like "$(cat "$T/err")" "no portrait: Nguyễn, Thị Mai \(student ID 00555, session $SESS_00555\)" \
    "the student without a portrait is named on stderr"

printf 'Volume Name\tImage Folder\tImage File Name\tGrade\tLast Name\tFirst Name\tHome Room\tPeriod\tTeacher Name\tTrack\tDepartment\tTitle\tImage Size\r\n' >"$T/index"
printf 'MAPLE27\tIMAGES\t00107.jpg\t3\tN\303\272\303\261ez-Garc\303\255a\tAna Mar\303\255a\t12\t\tMs Park\t\t\t\tLARGE\r\n' >>"$T/index"
printf 'MAPLE27\tIMAGES\t00042.jpg\t3\tO'\''Brien\tZo\303\253\t12\t\tMs Park\t\t\t\tLARGE\r\n' >>"$T/index"
printf 'MAPLE27\tIMAGES\t7.jpg\t4\tSmith-Jones\tAl\t14\t\tMr Roe\t\t\t\tLARGE\r\n' >>"$T/index"
printf 'MAPLE27\tIMAGES\t0311.jpg\t4\tvan der Berg\tJan\t14\t\tMr Roe\t\t\t\tLARGE\r\n' >>"$T/index"
cmp "$T/index" "$V/INDEX.TXT" >/dev/null
ok $? "INDEX.TXT: header, 13 TAB fields, CRLF, UTF-8 names, by last name, no row for the missing student"
[ $? -eq 0 ] || diff "$T/index" "$V/INDEX.TXT" | sed 's/^/# /'

is "$(cd "$V/IMAGES" && LC_ALL=C ls | tr '\n' ' ')" "00042.jpg 00107.jpg 0311.jpg 7.jpg " \
    "one image per pictured student, named by student ID with its leading zeros"
is "$(ls "$V/IMAGES" | grep -cvE '^[A-Za-z0-9_-]+\.jpg$')" 0 "file names are ASCII [A-Za-z0-9_-].jpg"
sizes=$(for f in "$V"/IMAGES/*.jpg; do vipsheader -f width "$f"; vipsheader -f height "$f"; vipsheader -f bands "$f"; done | tr '\n' ' ')
is "$sizes" "640 800 3 640 800 3 640 800 3 640 800 3 " "every image is 640x800 RGB"
got=$(for sid in 00042 00107 0311 7; do printf '%s=%s ' "$sid" "$(qr_of "$V/IMAGES/$sid.jpg")"; done)
is "$got" "00042=$SESS_00042 00107=$SESS_00107 0311=$SESS_0311 7=$SESS_7 " \
    "each image is its student's portrait (QR = session number; the ✓ frame for 7)"
[ -s "$V/README.TXT" ] && [ -s "$V/COPYRIGHT.TXT" ]
ok $? "README.TXT and COPYRIGHT.TXT stand beside the index"

# The studio's own text from Setup, and the same volume again.
pd setup set studio.name "Bright Day Studio"
pd setup set studio.copyright "(c) 2026 Bright Day Studio. Yearbook use only."
pd export pspa --org "$ORG" -o "$V" 2>/dev/null
is "$(tr -d '\r' <"$V/COPYRIGHT.TXT")" "(c) 2026 Bright Day Studio. Yearbook use only." \
    "COPYRIGHT.TXT holds the studio's copyright text"
like "$(cat "$V/README.TXT")" "Bright Day Studio" "README.TXT names the studio"
cmp "$T/index" "$V/INDEX.TXT" >/dev/null
ok $? "exporting again writes the same index"

# A renamed student, and one image under two students: reported first.
sed 's/^7,Smith-Jones,/7,Smith Jones,/' "$T/roster.csv" >"$T/roster2.csv"
printf '00043,O'\''BRIEN,Zo\303\253,5,Mr Roe,14\r\n' >>"$T/roster2.csv"
pd clients import "$T/roster2.csv" --org "$ORG" >/dev/null 2>&1
pd images import "$T/cards/0311" --by "session=$SESS_00555" >/dev/null 2>&1
pd export pspa --org "$ORG" -o "$T/out/SMALL27" --size 320x400 2>"$T/err"
like "$(cat "$T/err")" "name changed since the last export: Smith-Jones, Al -> Smith Jones, Al \(student ID 7, session $SESS_7\)" \
    "a name changed since the last export is reported"
like "$(cat "$T/err")" "two students of one name: O'Brien, Zoë \(student ID 00042, session $SESS_00042\) and O'BRIEN, Zoë \(student ID 00043, no session\)" \
    "two students of one name are reported"
like "$(cat "$T/err")" "same image for Nguyễn, Thị Mai .* and van der Berg, Jan" \
    "one image under two students is reported"
is "$(awk -F'\t' 'NR > 1 { print $13 }' "$T/out/SMALL27/INDEX.TXT" | sort -u | tr -d '\r')" "SMALL" \
    "--size 320x400 is the SMALL size"
is "$(vipsheader -f width "$T/out/SMALL27/IMAGES/7.jpg")x$(vipsheader -f height "$T/out/SMALL27/IMAGES/7.jpg")" \
    "320x400" "and its images are 320x400"
done_testing
