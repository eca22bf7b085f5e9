#!/bin/sh
# Teachers and staff (issue 12): a roster that mixes them with a Type,
# Position and Priority column (some without an ID), `clients set`, their
# rows in the PSPA INDEX.TXT byte for byte, left out of the SIS files, the
# teacher first on the class composite (pdftotext) with a portrait whose
# QR code says the teacher's name, and the staff composite by priority.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/school-lib.sh"
need pdftotext pdfimages unzip sqlite3
plan 28

school_make
ok $? "the school is made (students, sessions, portraits)"

pd composite --org "$ORG" --by staff -o "$T/none.pdf" 2>"$T/err"
is $? 1 "a staff composite without any staff fails (exit 1)"
[ ! -e "$T/none.pdf" ]
ok $? "and writes nothing"

# Park has no ID (her key is her name); Roe's ID would climb out of the
# volume if it became a path as it is.
printf 'Staff ID,Last Name,First Name,Type,Position,Homeroom,Priority\r\n' >"$T/staff.csv"
printf ',Park,Grace,Teacher,Grade 3 Teacher,12,2\r\n' >>"$T/staff.csv"
printf '../T014,Roe,Martin,Faculty,,14,\r\n' >>"$T/staff.csv"
printf ',Okafor,Chidi,Admin,Principal,,1\r\n' >>"$T/staff.csv"
printf ',Lindqvist,\303\205sa,Staff,Librarian,,\r\n' >>"$T/staff.csv"
printf ',Nobody,Ned,Wizard,,,\r\n' >>"$T/staff.csv"
pd clients import "$T/staff.csv" --org "$ORG" 2>"$T/err"
ok $? "a staff roster imports (exit 0)"
like "$(cat "$T/err")" "staff.csv:6: role 'Wizard' is none of student, teacher, staff" \
    "an unknown role is rejected with its line"
like "$(cat "$T/err")" "4 new, 0 updated, 0 unchanged, 1 rejected" "four staff are new"
pd clients import "$T/staff.csv" --org "$ORG" 2>"$T/err"
like "$(cat "$T/err")" "0 new, 0 updated, 4 unchanged" \
    "the same roster again makes no duplicate (staff without an ID by name)"

roe=$(pd clients list --org "$ORG" --format csv | tr -d '\r' | awk -F, '$2 == "Roe" { print $1 }')
pd clients set "$roe" --title "Grade 4 Teacher" --priority 3
ok $? "clients set gives a title and a priority"
pd clients set "$roe" --role wizard 2>/dev/null
is $? 2 "clients set refuses an unknown role"
is "$(pd clients list --org "$ORG" --format json | python3 -c '
import json, sys
for r in json.load(sys.stdin):
    if r["role"] != "student":
        print(r["last_name"], r["student_id"] or "-", r["role"], r["title"], r["priority"])
')" "Lindqvist - staff Librarian None
Okafor - staff Principal 1
Park - teacher Grade 3 Teacher 2
Roe ../T014 teacher Grade 4 Teacher 3" "clients list: role, title, priority"

# Their sessions (the students are booked already) and portraits whose QR
# code is the person's name; Lindqvist is not photographed.
pd sessions schedule --org "$ORG" --date 2026-11-30 --from 13:00 \
    --to 14:00 --minutes 3 >/dev/null 2>&1
pd sessions list --org "$ORG" --columns number,last_name --format csv |
    tr -d '\r' >"$T/all.csv"
sess() { awk -F, -v n="$1" '$2 == n { print $1 }' "$T/all.csv"; }
i=5
for who in "Grace Park" "Martin Roe" "Chidi Okafor"; do
	n=$(sess "${who#* }")
	portrait "$T/cards/s$n/IMG_0001.JPG" "$who" $i
	pd images import "$T/cards/s$n" --by "session=$n" >/dev/null 2>&1
	i=$((i + 1))
done
PARK=$(sess Park); OKAFOR=$(sess Okafor)

V=$T/out/MAPLE27
pd export pspa --org "$ORG" -o "$V" 2>"$T/err"
ok $? "the yearbook volume with staff (exit 0)"
like "$(cat "$T/err")" "no portrait: Lindqvist, Åsa" "the staff member without a portrait is named"
printf 'MAPLE27\tIMAGES\tS%s.jpg\tFaculty\tOkafor\tChidi\t\t\t\t\t\tPrincipal\tLARGE\r\n' "$OKAFOR" >"$T/want"
printf 'MAPLE27\tIMAGES\tS%s.jpg\t3\tPark\tGrace\t12\t\tMs Park\t\t\tGrade 3 Teacher\tLARGE\r\n' "$PARK" >>"$T/want"
printf 'MAPLE27\tIMAGES\tT014.jpg\t4\tRoe\tMartin\t14\t\tMr Roe\t\t\tGrade 4 Teacher\tLARGE\r\n' >>"$T/want"
tail -n 3 "$V/INDEX.TXT" >"$T/got"
cmp "$T/want" "$T/got" >/dev/null
ok $? "INDEX.TXT: the staff after the students, by priority, with Title, class or Faculty grade, the class's teacher name"
[ $? -eq 0 ] || diff "$T/want" "$T/got" | sed 's/^/# /'
is "$(head -n 1 "$V/INDEX.TXT" | od -An -c | tr -s ' ' | grep -c '\\r \\n')" 1 \
    "the header row is the PSPA one, CRLF"
is "$(($(wc -l <"$V/INDEX.TXT")))" 8 "a header, 4 students and 3 staff rows"
got=$(for f in "S$OKAFOR" "S$PARK" T014; do printf '%s; ' "$(qr_of "$V/IMAGES/$f.jpg")"; done)
is "$got" "Chidi Okafor; Grace Park; Martin Roe; " "each staff image is that person's portrait"
is "$(find "$T/out" -name '*.jpg' | grep -cv "^$V/IMAGES/")" 0 \
    "an ID with ../ never leaves the volume"

pd export sis --org "$ORG" --system powerschool -o "$T/ps.zip" 2>/dev/null
is "$(unzip -Z1 "$T/ps.zip" | grep -c '^00042.jpg$\|^00107.jpg$\|^0311.jpg$\|^7.jpg$') $(unzip -Z1 "$T/ps.zip" | wc -l | tr -d ' ')" \
    "4 5" "the SIS zip has the students only (and the mapping file)"

pd composite --org "$ORG" -o "$T/c.pdf" 2>/dev/null
ok $? "class composites with their teachers"
pdftotext -f 2 -l 2 "$T/c.pdf" - | tr -s ' \n' '  ' >"$T/p2"
like "$(cat "$T/p2")" "^Maple Grove Elementary Ms Park 2026-2027 Grace Park Grade 3 Teacher Ana María Núñez-García .*Zoë O'Brien" \
    "Ms Park's page: the teacher first, with her title, then the students"
pdftotext -f 1 -l 1 "$T/c.pdf" - | tr -s ' \n' '  ' >"$T/p1"
like "$(cat "$T/p1")" "^Maple Grove Elementary Mr Roe 2026-2027 Martin Roe Grade 4 Teacher Al Smith-Jones" \
    "Mr Roe's page: Martin Roe first"
mkdir "$T/img"
pdfimages -f 2 -l 2 -j "$T/c.pdf" "$T/img/p"
is "$(qr_of "$(ls "$T"/img/p-* | head -n 1)")" "Grace Park" \
    "the first (largest) portrait on Ms Park's page is Grace Park's"
is "$(pdfimages -f 2 -l 2 -list "$T/c.pdf" |
    awk 'NR == 3 { w = $4 } NR > 3 && $4 >= w { bad++ } END { print NR - 2, bad + 0 }')" \
    "3 0" "three portraits on her page, hers wider than each student's"

pd composite --org "$ORG" --by staff -o "$T/staff.pdf" 2>/dev/null
ok $? "the staff composite"
pdftotext "$T/staff.pdf" - | tr -s ' \n' '  ' >"$T/s"
like "$(cat "$T/s")" "Faculty and Staff .*Chidi Okafor .*Grace Park .*Martin Roe .*Not pictured: Åsa Lindqvist" \
    "one page, by priority, the one not photographed named"
# A teacher first imported without an ID, later with one, is the same
# person given the ID; a student of the same name stays a student.
printf 'Staff ID,Last Name,First Name,Type\r\n,Ito,Ken,Teacher\r\n' >"$T/s1.csv"
pd clients import "$T/s1.csv" --org "Hill School" >/dev/null 2>&1
ok $? "a teacher without an ID"
printf 'Staff ID,Last Name,First Name,Type\r\nT77,Ito,Ken,Teacher\r\nS12,Ito,Ken,Student\r\n' >"$T/s2.csv"
pd clients import "$T/s2.csv" --org "Hill School" 2>"$T/err"
like "$(cat "$T/err")" "1 new, 1 updated, 0 unchanged" \
    "then with an ID: updated, not a second teacher; the student is new"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT c.student_id || ' ' ||
    coalesce(c.role, 'student') FROM clients c JOIN organizations o
    ON o.id = c.org_id WHERE o.name = 'Hill School' ORDER BY c.id" |
    tr '\n' ' ')" "T77 teacher S12 student " \
    "the teacher keeps her record and gets the ID"
done_testing
