#!/bin/sh
# The demo card sorts exactly as the demo knows it should (issue 4, "done
# when"): `picday demo` writes STUDIO/demo-card/ and its expected.json;
# the dry run by QR must print the same assignment.  Then the import puts
# every assigned frame and marker in the library, once.
. "$top_srcdir/tests/lib.sh"
need python3 sqlite3
plan 4

pd demo --students 24 --date 2026-11-30 >/dev/null 2>"$T/demo.err"
rc=$?
ok $rc "picday demo makes a studio with a card"
[ $rc -eq 0 ] || sed 's/^/# /' "$T/demo.err"
out=$(pd images import "$STUDIO/demo-card" --by qr --dry-run --format json 2>/dev/null)
/usr/bin/python3 -c 'import json,sys
got = json.loads(sys.argv[1]); want = json.load(open(sys.argv[2]))
for k in sorted(set(got) | set(want)):
    if got.get(k) != want.get(k):
        print("# %s: got %s\n#   expected %s" % (k, json.dumps(got.get(k))[:300], json.dumps(want.get(k))[:300]))
sys.exit(got != want)' "$out" "$STUDIO/demo-card/expected.json"
ok $? "the demo card sorts exactly as its expected.json says"

want=$(/usr/bin/python3 -c 'import json,sys
e = json.load(open(sys.argv[1]))
print(sum(len(v) for v in e["sessions"].values()) +
      sum(len(v) for k, v in e["markers"].items() if k in e["sessions"]))' \
    "$STUDIO/demo-card/expected.json")
pd images import "$STUDIO/demo-card" --by qr >/dev/null 2>&1
ok $? "the demo card imports"
is "$(sqlite3 "$STUDIO/picday.db" 'SELECT count(*) FROM images')" "$want" \
    "every assigned frame and its session's markers are imported once"
done_testing
