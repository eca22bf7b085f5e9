#!/bin/sh
# picday composite (issue 12): one PDF page per class, the title with the
# school, class and year, the pictured students by last name with their
# names under the photos, "Not pictured:" for the rest; 8x10 or 10x13.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/school-lib.sh"
need pdftotext pdfinfo pdfimages
plan 16

school_make
ok $? "the school is made"

pd composite --org "No Such School" -o "$T/none.pdf" 2>"$T/err"
is $? 1 "an unknown organization fails (exit 1)"
[ ! -e "$T/none.pdf" ]
ok $? "and writes nothing"

pd composite --org "$ORG" -o "$T/c.pdf" 2>"$T/err"
ok $? "composites by teacher (exit 0)"
like "$(cat "$T/err")" "no portrait: Nguyễn, Thị Mai" "the student without a portrait is named on stderr"
is "$(pdfinfo "$T/c.pdf" | awk '/^Pages:/ { print $2 }')" 2 "one page per teacher"
is "$(pdfinfo "$T/c.pdf" | awk '/^Page size:/ { print $3 "x" $5 }')" "576x720" \
    "8x10 inches by default"
# The sessions are in November 2026: the 2026-2027 school year.
pdftotext -f 1 -l 1 "$T/c.pdf" - | tr -s ' \n' '  ' >"$T/p1"
like "$(cat "$T/p1")" "Maple Grove Elementary Mr Roe 2026-2027" "page 1 title: school, class, year"
like "$(cat "$T/p1")" "Al Smith-Jones .*Jan van der Berg" "its students by last name, \"First Last\""
like "$(cat "$T/p1")" "Not pictured: Thị Mai Nguyễn" "and who is not pictured, accents kept"
pdftotext -f 2 -l 2 "$T/c.pdf" - | tr -s ' \n' '  ' >"$T/p2"
like "$(cat "$T/p2")" "Maple Grove Elementary Ms Park 2026-2027 .*Ana María Núñez-García .*Zoë O'Brien" \
    "page 2: the other class, its accented names"
is "$(pdfimages -list "$T/c.pdf" | tail -n +3 | wc -l | tr -d ' ')" 4 \
    "one photo per pictured student"

pd setup set school.year "2026/27"
pd composite --org "$ORG" --by grade --page 10x13 -o "$T/g.pdf" 2>/dev/null
is "$(pdfinfo "$T/g.pdf" | awk '/^Page size:/ { print $3 "x" $5 }')" "720x936" "--page 10x13"
pdftotext "$T/g.pdf" - | tr -s ' \n' '  ' >"$T/g"
like "$(cat "$T/g")" "Maple Grove Elementary Grade 3 2026/27 .*Grade 4 2026/27" \
    "--by grade: a page per grade; the year from Setup"
pd setup set composite.page 10x13
pd composite --org "$ORG" -o "$T/s.pdf" 2>/dev/null
is "$(pdfinfo "$T/s.pdf" | awk '/^Page size:/ { print $3 "x" $5 }')" "720x936" \
    "the page size from Setup (composite.page)"
is "$(ls -A "$T" | grep -c 'picday-.*tmp')" 0 "no temporary file is left beside the PDFs"
done_testing
