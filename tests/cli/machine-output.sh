#!/bin/sh
# --format json and csv as a script reads them (issue 8): numbers are JSON
# numbers, flags true/false, IDs and phone numbers stay text; CSV is RFC 4180
# (header, quoting, CRLF).
. "$top_srcdir/tests/lib.sh"
need python3 sqlite3
plan 10

q() { sqlite3 "$STUDIO/picday.db" "$1"; }

printf 'Last Name,First Name,Student ID,Grade,Teacher\r\n' >"$T/r.csv"
printf '"O""Brien, Jr",Zoë,0042,K,Ms Park\r\n' >>"$T/r.csv"
printf 'Lee,,017,10,Mr Roe\r\n' >>"$T/r.csv"
pd clients import "$T/r.csv" --org "Maple Grove" --dry-run --format json \
    >"$T/dry.json" 2>/dev/null
is "$(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1])):
    print(repr(r["line"]), r["action"], repr(r["student_id"]))
' "$T/dry.json")" "2 new '0042'
3 new '017'" "clients import --format json: line a number, student ID text"

pd clients import "$T/r.csv" --org "Maple Grove" 2>/dev/null
pd clients list --format json >"$T/clients.json"
is "$(python3 -c '
import json, sys
for r in sorted(json.load(open(sys.argv[1])), key=lambda r: r["student_id"]):
    print(type(r["id"]).__name__, repr(r["student_id"]), repr(r["grade"]),
          repr(r["first_name"]))
' "$T/clients.json")" "int '0042' 'K' 'Zoë'
int '017' '10' ''" "clients list --format json: id a number, the rest text"

pd org list --format json >"$T/org.json"
is "$(python3 -c '
import json, sys
print(json.load(open(sys.argv[1])))
' "$T/org.json" | sed 's/.created_at.: .[^}]*//')" \
    "[{'id': 1, 'name': 'Maple Grove', 'code': None, 'clients': 2, }]" \
    "org list --format json: id and clients are numbers"

# The CSV a spreadsheet or a csv library reads back exactly.
pd clients list --format csv >"$T/clients.csv"
is "$(od -An -c "$T/clients.csv" | tr -s ' ' | grep -c '\\r \\n')" 3 \
    "csv: every line (header and 2 rows) ends in CRLF"
is "$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
print(rows[0][:5]); print([r[:5] for r in rows if r[3] == "0042"][0])
' "$T/clients.csv")" "['id', 'last_name', 'first_name', 'student_id', 'grade']
['1', 'O\"Brien, Jr', 'Zoë', '0042', 'K']" \
    "csv: a header row; a comma and a quote in a name are quoted and doubled"
q "UPDATE clients SET teacher = 'Ms Park
Room 4' WHERE student_id = '017'"
is "$(pd clients list --format csv | python3 -c '
import csv, sys
print(repr([r for r in csv.DictReader(sys.stdin) if r["student_id"] == "017"][0]["teacher"]))
')" "'Ms Park\\nRoom 4'" "csv: a value with a line break is quoted and reads back whole"

pd sessions schedule --org "Maple Grove" --date 2030-01-07 --from 09:00 \
    --to 10:00 --minutes 5 >/dev/null 2>&1
pd sessions list --columns number,student_id,phone,minutes,client_id \
    --format json >"$T/sessions.json"
is "$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))[0]
print(sorted((k, type(v).__name__) for k, v in r.items()))
' "$T/sessions.json")" "[('client_id', 'int'), ('minutes', 'int'), ('number', 'int'), ('phone', 'NoneType'), ('student_id', 'str')]" \
    "sessions list --format json: number, minutes, client_id are numbers"

mkdir -p "$STUDIO/library/s"
cp "$SHARED/testdata/exif-samples/Canon_40D.jpg" "$STUDIO/library/s/a.jpg"
sid=$(q "SELECT id FROM sessions ORDER BY number LIMIT 1")
num=$(q "SELECT number FROM sessions ORDER BY number LIMIT 1")
q "INSERT INTO images(session_id, path, sha256, bytes, is_marker, selected)
   VALUES ($sid, 'library/s/a.jpg', 'a', 284306, 1, 0)"
pd images list --session "$num" --format json >"$T/images.json"
is "$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))[0]
print(type(r["id"]).__name__, r["bytes"], r["marker"], r["selected"])
' "$T/images.json")" "int 284306 True False" \
    "images list --format json: bytes a number, marker and selected booleans"

pd jobs add preview >/dev/null
pd jobs list --format json >"$T/jobs.json"
is "$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))[0]
print(r["id"], r["done"], r["total"], r["attempts"], r["state"])
' "$T/jobs.json")" "1 0 0 0 queued" "jobs list --format json: counts are numbers"

is "$(pd setup list --format json | python3 -c '
import json, sys
print(all(isinstance(r["value"], str) for r in json.load(sys.stdin)))
')" True "setup list --format json: settings values are text"
done_testing
