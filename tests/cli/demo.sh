#!/bin/sh
# picday demo: a studio a newcomer can play with.
. "$top_srcdir/tests/lib.sh"
need /usr/bin/python3
plan 12

pd demo --students 12 --date 2025-03-14 2>"$T/err"
ok $? "picday demo --students 12 succeeds"
err=$(cat "$T/err")
like "$err" "12 students of Maple Grove Elementary" "it says what it imported"
like "$err" "images import .*demo-card --by qr --dry-run" "and what to try next"

head -1 "$STUDIO/demo-roster.csv" | grep -q "Student ID,Last Name,First Name,Grade"
ok $? "the roster CSV is in the studio, with a school system's header"
like "$(cat "$STUDIO/demo-roster.csv")" "Zoë" "names with accents"
like "$(cat "$STUDIO/demo-roster.csv")" "O'Brien" "names with apostrophes"

is "$(pd org list --format csv | tr -d '\r' | cut -d, -f2,4 | tail -1)" "Maple Grove Elementary,12" \
    "the organization has the 12 students"
pd sessions list --format csv >"$T/sessions.csv"
is "$(grep -c ',Booked,2025-03-14 ' "$T/sessions.csv")" 12 "everyone is booked on the day asked"

# The card: real JPEGs, and its expected sorting names exactly the present
# students' sessions.
n=$(find "$STUDIO/demo-card/DCIM" -name '*.JPG' | wc -l)
ok $([ "$n" -ge 24 ] && echo 0 || echo 1) "the card has frames ($n)"
file=$(find "$STUDIO/demo-card/DCIM" -name '*.JPG' | head -1)
is "$(head -c 3 "$file" | od -An -tx1 | tr -d ' ')" "ffd8ff" "the frames are JPEG"
is "$(/usr/bin/python3 - "$STUDIO/demo-card/expected.json" "$T/sessions.csv" <<'PY'
import csv, json, sys
exp = json.load(open(sys.argv[1]))
booked = {r["number"] for r in csv.DictReader(open(sys.argv[2]))}
print("ok" if exp["sessions"] and set(exp["sessions"]) <= booked
      and set(exp["markers"]) == set(exp["sessions"]) else "bad")
PY
)" ok "expected.json sorts the card into the booked sessions"

pd demo --students 5 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*already has 12 clients" "a studio with clients is refused"
done_testing
