#!/bin/sh
# Export: the Entagged preset in CSV (RFC 4180) and XLSX read back; the
# command runs an export job in the foreground, --queue leaves it to
# `jobs run`, which writes the same file.
. "$top_srcdir/tests/lib.sh"
need sqlite3 /usr/bin/python3
plan 14

pd org add "Maple Grove, East" >/dev/null 2>&1
sqlite3 "$STUDIO/picday.db" "
INSERT INTO clients(org_id, first_name, last_name, student_id, grade, email) VALUES
 (1, 'Ana', 'Núñez', '00417', '3', 'ana@example.org'),
 (1, 'Bob \"Bobby\"', 'Adams', '00012', '4', NULL);"
pd sessions schedule --org "Maple Grove, East" --date 2026-05-04 --from 08:00 \
    --to 09:00 --minutes 3 >/dev/null 2>&1

pd sessions export --preset entagged -o "$T/e.csv" 2>"$T/err"; rc=$?
is "$rc" 0 "CSV export succeeds"
like "$(cat "$T/err")" "exported 2 sessions" "says how many"
is "$(tr -d '\r' <"$T/e.csv")" 'Session Number,First Name,Last Name,Student ID,Organization
1001,"Bob ""Bobby""",Adams,00012,"Maple Grove, East"
1002,Ana,Núñez,00417,"Maple Grove, East"' "entagged columns in order, quoted"
is "$(head -1 "$T/e.csv" | od -An -c | grep -c '\\r')" 1 "CRLF line ends"

pd sessions export --columns number,grade,email,minutes -o "$T/c.csv" 2>/dev/null
is "$(sed -n 3p "$T/c.csv" | tr -d '\r')" "1002,3,ana@example.org,3" "column chooser"

pd sessions export --preset entagged -o "$T/e.xlsx" 2>/dev/null; rc=$?
is "$rc" 0 "XLSX export succeeds"
cat >"$T/read.py" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sheet = z.read('xl/worksheets/sheet1.xml').decode()
styles = z.read('xl/styles.xml').decode()
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    shared = re.findall(r'<t[^>]*>(.*?)</t>', z.read('xl/sharedStrings.xml').decode())
rows = []
for row in re.findall(r'<row[^>]*>(.*?)</row>', sheet):
    cells = []
    for attrs, body in re.findall(r'<c ([^>]*?)(?:/>|>(.*?)</c>)', row):
        t = re.search(r't="(\w+)"', attrs)
        t = t.group(1) if t else 'n'
        s = re.search(r's="(\d+)"', attrs)
        if t == 's':
            v = shared[int(re.search(r'<v>(.*?)</v>', body).group(1))]
        elif t == 'inlineStr':
            v = re.search(r'<t[^>]*>(.*?)</t>', body).group(1)
        else:
            v = '#' + re.search(r'<v>(.*?)</v>', body).group(1)
        cells.append(v + ('*' if s else ''))
    rows.append('|'.join(cells))
print('\n'.join(rows).replace('&quot;', '"'))
print('bold' if '<b/>' in styles else 'plain')
PY
/usr/bin/python3 "$T/read.py" "$T/e.xlsx" >"$T/x.txt"
is "$(sed -n 1p "$T/x.txt")" "Session Number*|First Name*|Last Name*|Student ID*|Organization*" \
    "XLSX header row, styled"
is "$(sed -n 2,3p "$T/x.txt")" '#1001|Bob "Bobby"|Adams|00012|Maple Grove, East
#1002|Ana|Núñez|00417|Maple Grove, East' "numbers as numbers, student IDs keep their zeros"
is "$(tail -1 "$T/x.txt")" "bold" "the header style is bold"

pd sessions export --preset entagged --queue -o "$T/q.csv" 2>"$T/err"; rc=$?
is "$rc:$(test -e "$T/q.csv" && echo file)" "0:" "--queue only queues the job"
like "$(cat "$T/err")" "queued job [0-9]+" "and names it"
pd jobs run --wait >/dev/null 2>&1; rc=$?
is "$rc" 0 "jobs run --wait runs it"
cmp -s "$T/e.csv" "$T/q.csv" ; ok $? "the file is the same as the command's"
pd sessions export -o "$T/nowhere/e.csv" 2>"$T/err"; rc=$?
is "$rc:$(pd jobs list --format csv | grep -c nowhere)" "1:0" \
    "a folder that does not exist fails at once, and queues nothing"
done_testing
