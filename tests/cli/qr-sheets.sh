#!/bin/sh
# QR sheets: every page's codes decode (ZBar) to that page's sessions, at
# every supported number of cards per page.  The command runs a qr-sheets
# job in the foreground; --queue leaves it to `jobs run`, which writes the
# same file (at the absolute path, from any folder).
. "$top_srcdir/tests/lib.sh"
need sqlite3 pdftoppm zbarimg
plan 20

pd org add "Maple Grove" >/dev/null 2>&1
pd org add "Oak Ridge" >/dev/null 2>&1
sqlite3 "$STUDIO/picday.db" "
INSERT INTO clients(org_id, first_name, last_name, student_id, grade, teacher)
SELECT 1, 'Zoë' || i, printf('Núñez%02d', i), 'S' || i, '3', 'Ms. Ömer'
FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9) SELECT i FROM n);
INSERT INTO clients(org_id, first_name, last_name, student_id) VALUES (2, 'X', 'Other', 'O1');"
pd sessions schedule --org "Maple Grove" --date 2026-05-04 --from 08:00 --to 09:00 \
    --minutes 3 >/dev/null 2>&1
pd sessions schedule --org "Oak Ridge" --date 2026-05-04 --from 08:00 --to 09:00 \
    --minutes 3 >/dev/null 2>&1

# decode PDF: one line per page, the sorted codes on it.
decode() {
	rm -rf "$T/png"; mkdir "$T/png"
	pdftoppm -r 100 -png "$1" "$T/png/p" 2>/dev/null
	for f in "$T"/png/p-*.png; do
		zbarimg -q --raw "$f" 2>/dev/null | sort | tr '\n' ' ' | sed 's/ $//'
		echo
	done
}

pd qr-sheets --org "Maple Grove" --per-page 4 -o "$T/s4.pdf" 2>"$T/err"; rc=$?
is "$rc" 0 "4 per page"
like "$(cat "$T/err")" "wrote 9 QR cards on 3 pages" "says cards and pages"
is "$(decode "$T/s4.pdf")" "1001 1002 1003 1004
1005 1006 1007 1008
1009" "4 per page: each page decodes to its sessions"

pd qr-sheets -o "$T/s1.pdf" 2>/dev/null
is "$(decode "$T/s1.pdf" | tr '\n' ' ')" "1001 1002 1003 1004 1005 1006 1007 1008 1009 1010 " \
    "1 per page, all organizations"

for n in 2 6 8; do
	pd qr-sheets --org "Maple Grove" --per-page $n -o "$T/s$n.pdf" 2>/dev/null
done
is "$(decode "$T/s2.pdf" | tr '\n' '/')" "1001 1002/1003 1004/1005 1006/1007 1008/1009/" "2 per page"
is "$(decode "$T/s6.pdf" | tr '\n' '/')" "1001 1002 1003 1004 1005 1006/1007 1008 1009/" "6 per page"
is "$(decode "$T/s8.pdf" | tr '\n' '/')" "1001 1002 1003 1004 1005 1006 1007 1008/1009/" "8 per page"

pd qr-sheets 1005 1010 -o "$T/n.pdf" 2>/dev/null
is "$(decode "$T/n.pdf" | tr '\n' '/')" "1005/1010/" "chosen session numbers"

# The card text is there for a person when the code fails.
pdftotext "$T/s4.pdf" "$T/s4.txt" 2>/dev/null
like "$(cat "$T/s4.txt")" "Zoë1 Núñez01" "name in text, accents kept"
like "$(cat "$T/s4.txt")" "ID S1" "student ID in text"

pd qr-sheets --per-page 3 -o "$T/x.pdf" 2>/dev/null; rc=$?
is "$rc" 2 "3 per page is a usage error"
pd qr-sheets --org "Nobody" -o "$T/x.pdf" 2>/dev/null; rc=$?
is "$rc:$(test -e "$T/x.pdf" && echo file)" "1:" "nothing to print fails and leaves no file"

pd qr-sheets 1005 4242 -o "$T/m.pdf" 2>"$T/err"; rc=$?
is "$rc" 1 "an unknown session number fails the command"
like "$(cat "$T/err")" "no session number 4242" "and says which"
is "$(decode "$T/m.pdf" | tr '\n' '/')" "1005/" "the known ones are printed"

# --queue: the job waits for a worker; `jobs run` writes the same sheets.
mkdir "$T/here"
(cd "$T/here" && "$PICDAY" --studio "$STUDIO" qr-sheets --org "Maple Grove" \
    --per-page 4 --queue -o q4.pdf) 2>"$T/err"; rc=$?
is "$rc" 0 "--queue succeeds"
like "$(cat "$T/err")" "queued job [0-9]+" "and names the job"
is "$(test -e "$T/here/q4.pdf" && echo file)" "" "nothing is written yet"
pd jobs run --wait >/dev/null 2>&1; rc=$?
is "$rc:$(decode "$T/here/q4.pdf" | tr '\n' '/')" "0:1001 1002 1003 1004/1005 1006 1007 1008/1009/" \
    "jobs run --wait writes it, relative to the folder it was queued from"
is "$(find "$T" -name '*.picday-*' | wc -l)" 0 "no temporary file is left"
done_testing
