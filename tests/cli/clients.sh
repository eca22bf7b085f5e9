#!/bin/sh
# picday clients import / list on rosters as schools export them.
. "$top_srcdir/tests/lib.sh"
need /usr/bin/python3
plan 32

# Semicolon, BOM, CRLF, accents, a quoted name with a newline and a quoted
# delimiter, a repeated student ID and rows without last name or ID.
printf '\357\273\277Student #;Last Name;First Name;Grade Level;Homeroom Teacher;Parent Email\r\n' >"$T/r1.csv"
printf '101;O'\''Brien;Zo\303\253;K;Ms Park;zoe@example.org\r\n' >>"$T/r1.csv"
printf '102;"N\303\272\303\261ez-Garc\303\255a";"Ana\r\nMar\303\255a";1;"Roe; Tom";\r\n' >>"$T/r1.csv"
printf '103;;Bob;2;Ms Park;\r\n' >>"$T/r1.csv"
printf ';Lee;Cy;3;Ms Park;\r\n' >>"$T/r1.csv"
printf '104;Smith;Al;3;Ms Park;\r\n' >>"$T/r1.csv"
printf '104;Smith-Jones;Al;4;Mr Roe;\r\n' >>"$T/r1.csv"

pd clients import "$T/r1.csv" --org "Maple Grove" --dry-run 2>"$T/err"
ok $? "dry run exits 0"
err=$(cat "$T/err")
like "$err" "r1.csv:5: no last name" "dry run names the row without last name by line"
like "$err" "r1.csv:6: no student ID" "and the row without student ID"
like "$err" "r1.csv:7: warning: student ID 104 appears again on line 8" "a repeated ID warns naming both lines"
like "$err" "3 new, 0 updated, 0 unchanged, 2 rejected" "dry run summary"
like "$err" "nothing written" "dry run says nothing was written"
is "$(pd clients list --format csv | tr -d '\r' | wc -l)" 1 "dry run wrote no client"

pd clients import "$T/r1.csv" --org "Maple Grove" --format csv >"$T/out" 2>"$T/err"
ok $? "import with rejected rows still commits the good ones (exit 0)"
like "$(cat "$T/err")" "^3 new, 0 updated, 0 unchanged, 2 rejected" "import summary"
like "$(cat "$T/err")" "organization 'Maple Grove' created" "the organization is created"
is "$(sed -n 4p "$T/out")" "5,rejected,103,\"\",Bob,no last name$(printf '\r')" \
    "report row of a rejected line (CSV lines end in CRLF)"
is "$(pd clients list --format json | /usr/bin/python3 -c '
import json, sys
rows = json.load(sys.stdin)
print(";".join(r["student_id"] + "=" + r["last_name"] + "/" + r["first_name"] + "/" + (r["grade"] or "") + "/" + (r["teacher"] or "") for r in sorted(rows, key=lambda r: r["student_id"])))
')" "101=O'Brien/Zoë/K/Ms Park;102=Núñez-García/Ana María/1/Roe; Tom;104=Smith-Jones/Al/4/Mr Roe" \
    "accents kept, quoted newline became a space, the later duplicate won"

pd clients import "$T/r1.csv" --org "Maple Grove" 2>"$T/err"
like "$(cat "$T/err")" "0 new, 0 updated, 3 unchanged, 2 rejected" "re-import changes nothing"
is "$(pd clients list --format csv | tr -d '\r' | wc -l)" 4 "and makes no duplicate clients"

# The same school, tab separated, LF, one changed row, an organization column.
printf 'School\tSurname\tGiven Name\tStudent Number\tGrade\n' >"$T/r2.tsv"
printf 'maple grove\tO'\''Brien\tZo\303\253\t101\t1\n' >>"$T/r2.tsv"
printf 'maple grove\tSmith-Jones\tAl\t104\t4\n' >>"$T/r2.tsv"
printf 'Oak Ridge\tLee\tCy\t7\t\n' >>"$T/r2.tsv"
printf '\tKim\tBo\t8\t2\n' >>"$T/r2.tsv"
pd clients import "$T/r2.tsv" 2>"$T/err"
err=$(cat "$T/err")
like "$err" "1 new, 1 updated, 1 unchanged, 1 rejected" "tab roster: a changed row updates, a new school's row is new"
like "$err" "r2.tsv:5: no organization" "a row with no organization is rejected"
is "$(pd clients list --org "Maple Grove" --format csv | tr -d '\r' | grep ',101,' | cut -d, -f2,5,6)" "O'Brien,1,Ms Park" \
    "the update changed the grade and kept the teacher the tab roster lacks"
is "$(pd clients list --org "Oak Ridge" --format csv | tr -d '\r' | cut -d, -f2,4,9 | tail -1)" "Lee,7,Oak Ridge" "clients list --org"

# --map for headers it does not know.
printf 'Nom,Prenom,Matricule,Classe\nDupont,Lea,55,CM1\n' >"$T/fr.csv"
pd clients import "$T/fr.csv" --org Pine 2>"$T/err"
like "$?:$(tail -1 "$T/err")" "^1:.*no column is taken as the last name" "unknown headers: refused with a hint"
pd clients import "$T/fr.csv" --org Pine --map Nom=last_name --map Prenom=first_name \
    --map Matricule=student_id --map Classe=grade 2>/dev/null
is "$(pd clients list --org Pine --format csv | tr -d '\r' | tail -1 | cut -d, -f2-5)" "Dupont,Lea,55,CM1" "--map COLUMN=FIELD maps them"
pd clients import "$T/fr.csv" --org Pine --map Nom=surname 2>/dev/null
is "$?" 2 "--map with an unknown field is a usage error"

# Latin-1 is refused, naming the file and line, and nothing is stored.
printf 'Last Name,First Name,Student ID\nLee,Al,1\nN\372\361ez,Ana,2\n' >"$T/latin1.csv"
pd clients import "$T/latin1.csv" --org Elm 2>"$T/err"
is "$?" 1 "a Latin-1 roster fails with exit 1"
like "$(cat "$T/err")" "latin1.csv is not UTF-8 \(line 3\): save it as UTF-8" "naming the file and the first bad line"
pd org list --format csv >"$T/orgs"
if grep -q Elm "$T/orgs"; then ok 1 "nothing stored"; else ok 0 "nothing stored"; fi

pd clients import "$T/missing.csv" --org Elm 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*cannot open .*missing.csv" "a missing file is named"
pd clients list --org Nowhere 2>/dev/null
is "$?" 1 "clients list of an unknown organization fails"

# Names sort as a person expects (accents beside their letters, no case), in
# any locale; rows the sqlite3 shell wrote (it lacks picday's key functions)
# too, and the shell can still write clients.
printf 'Last Name,First Name,Student ID\n\303\230degaard,Ola,1\nOak,Al,2\neva,Bo,3\nZed,Cy,4\n' >"$T/names.csv"
pd clients import "$T/names.csv" --org Cedar 2>/dev/null
sqlite3 "$STUDIO/picday.db" "INSERT INTO clients(org_id, last_name, first_name, student_id)
  SELECT id, 'Éva', 'Di', '5' FROM organizations WHERE name = 'Cedar'"
is "$?" 0 "the sqlite3 shell can still add a client"
is "$(LC_ALL=C pd clients list --org Cedar --format tsv | cut -f2 | sed 1d | tr '\n' ' ')" \
    "eva Éva Oak Ødegaard Zed " "clients list: Éva beside eva, Ødegaard among the O's"

# A quote never closed: refused, naming the row's line, nothing stored.
printf 'Last Name,First Name,Student ID\nLee,Al,1\nKim,"Bo,2\nPark,Cy,3\n' >"$T/q.csv"
pd clients import "$T/q.csv" --org Birch 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*q.csv: line 3: a quote opened in this row is never closed" \
    "an unterminated quote is named with its line"
is "$(pd org list --format tsv | grep -c Birch)" 0 "and nothing is stored"

# A 1 MB first name: that row is rejected with its line, the others go in.
{ printf 'Last Name,First Name,Student ID\nLee,Al,1\nKim,'
  head -c 1048576 /dev/zero | tr '\0' x
  printf ',2\nPark,Cy,3\n'; } >"$T/long.csv"
pd clients import "$T/long.csv" --org Birch 2>"$T/err"
like "$(cat "$T/err")" "long.csv:3: first_name is longer than 1000 bytes" \
    "a field over 1000 bytes rejects its row, by line"
is "$(pd clients list --org Birch --format tsv | cut -f2 | sed 1d | sort | tr '\n' ' ')" "Lee Park " \
    "the other rows are imported"
done_testing
