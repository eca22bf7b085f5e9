#!/bin/sh
# picday org add / org list: what an operator sees.
. "$top_srcdir/tests/lib.sh"
plan 7

pd org add "Maple Grove Elementary" --code MGE 2>"$T/err"
ok $? "org add succeeds"
like "$(cat "$T/err")" "Maple Grove Elementary' added" "org add says what it added"
pd org add "Oak Ridge High" >/dev/null 2>&1
pd org add "maple grove elementary" 2>"$T/err"
is "$?" 1 "a name taken (any case) is refused with exit 1"
like "$(cat "$T/err")" "already exists" "and says why"
pd org add "Pine" --code MGE 2>"$T/err"
like "$?:$(cat "$T/err")" "^1:.*code 'MGE' is already used" "a code taken is refused"
is "$(pd org list --format csv | tr -d '\r' | cut -d, -f2,3,4)" "name,code,clients
Maple Grove Elementary,MGE,0
Oak Ridge High,,0" "org list shows names, codes and client counts"
pd org add 2>/dev/null
is "$?" 2 "org add without a name is a usage error"
done_testing
