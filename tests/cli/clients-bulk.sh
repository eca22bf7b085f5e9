#!/bin/sh
# A large roster import (core/roster builds the clients' indexes again after
# 5,000 new rows): every client lands, the indexes are all back and used,
# a second import finds every row, a third one with changes updates them.
. "$top_srcdir/tests/lib.sh"
need sqlite3
plan 8

N=6000
roster() {	# roster GRADE-OFFSET
	awk -v n=$N -v g="$1" 'BEGIN {
		print "Student ID,Last Name,First Name,Grade,Homeroom Teacher"
		for (i = 1; i <= n; i++)
			printf "B%05d,Última %d,Zoë %d,%d,Teacher %d\n", i,
			    n - i, i, (i + g) % 12, i % 30 }'
}
indexes() {
	sqlite3 "$STUDIO/picday.db" "SELECT group_concat(name, ' ') FROM
	    (SELECT name FROM sqlite_master WHERE type = 'index' AND
	    tbl_name = 'clients' ORDER BY name)"
}

pd org add "Old School" >/dev/null 2>&1
printf 'Student ID,Last Name,First Name\nX1,Keep,Me\n' >"$T/old.csv"
pd clients import "$T/old.csv" --org "Old School" >/dev/null 2>&1
before=$(indexes)
roster 0 >"$T/r.csv"
pd clients import "$T/r.csv" --org "Bench" 2>"$T/err"
ok $? "6,000 rows import"
like "$(cat "$T/err")" "^$N new, 0 updated" "all of them new"
is "$(indexes)" "$before" "the clients' indexes are all there again"
is "$(sqlite3 "$STUDIO/picday.db" "PRAGMA integrity_check")" "ok" \
    "the database is sound"
is "$(pd clients list --org Bench --format csv | sed -n 2p | cut -d, -f2-4)" \
    "Última 0,Zoë $N,B0$N" "listed by last name, through the rebuilt index"
pd clients import "$T/r.csv" --org "Bench" 2>"$T/err"
like "$(cat "$T/err")" "^0 new, 0 updated, $N unchanged" \
    "a second import finds every row"
roster 1 >"$T/r2.csv"
pd clients import "$T/r2.csv" --org "Bench" 2>"$T/err"
like "$(cat "$T/err")" "^0 new, $N updated" "a changed roster updates them"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM clients")" \
    "$((N + 1))" "and the other school's client is still there"
done_testing
