#!/bin/sh
# The image group auto-created for every session (issue 13; setup
# groups.auto, groups.auto_rule): filled at import with the first N frames,
# or with the selected ones at each delivery build; a grant of style
# group:NAME then delivers exactly those frames.
. "$top_srcdir/tests/lib.sh"
need convert sqlite3 /usr/bin/python3
plan 7

files() { /usr/bin/python3 -c '
import json, sys
print(" ".join(f["file"] for f in json.load(open(sys.argv[1]))["files"]))' "$1"; }
id() { sqlite3 "$STUDIO/picday.db" "SELECT i.id FROM images i JOIN sessions s
    ON s.id = i.session_id WHERE s.number = $1 AND i.path LIKE '%/$2'"; }
card() {	# card DIR N: N frames a minute apart
	mkdir -p "$1"
	for k in $(seq 1 "$2"); do
		convert -size 300x20$k gradient:blue-yellow "$1/IMG_000$k.JPG"
		touch -d "2026-11-30 08:0$k" "$1/IMG_000$k.JPG"
	done
}

pd demo --students 2 --no-card --date 2026-11-30 >/dev/null 2>&1
pd setup set groups.auto_rule sometimes >/dev/null 2>&1
like "$?" "^[12]$" "a rule that is neither first:N nor selected is refused"
pd setup set groups.auto Best >/dev/null &&
    pd setup set groups.auto_rule first:2 >/dev/null
ok $? "groups.auto Best, rule first:2"
card "$T/c1" 3
pd images import "$T/c1" --by session=1001 >/dev/null 2>&1
is "$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM image_group_members m
    JOIN image_groups g ON g.id = m.group_id JOIN sessions s ON s.id = g.session_id
    WHERE s.number = 1001 AND g.name = 'Best' AND g.auto = 1")" 2 \
    "the import filled the session's group Best with two frames"
pd grant add --type "Picture Day" --style group:Best >/dev/null
pd delivery build --session 1001 -o "$T/a" >/dev/null 2>&1
is "$(files "$T/a/1001/manifest.json")" "IMG_0001.jpg IMG_0002.jpg" \
    "group:Best delivers the first two frames"

pd setup set groups.auto_rule selected >/dev/null
card "$T/c2" 3
pd images import "$T/c2" --by session=1002 >/dev/null 2>&1
pd images select "$(id 1002 IMG_0003.JPG)" >/dev/null
pd delivery build --session 1002 -o "$T/b" >/dev/null 2>&1
is "$(files "$T/b/1002/manifest.json")" "IMG_0003.jpg" \
    "rule selected: the frame selected after the import is delivered"
pd images select --unset "$(id 1002 IMG_0003.JPG)" >/dev/null
pd images select "$(id 1002 IMG_0001.JPG)" >/dev/null
pd delivery build --session 1002 -o "$T/c" >/dev/null 2>&1
is "$(files "$T/c/1002/manifest.json")" "IMG_0001.jpg" \
    "a changed selection changes the group at the next build"
pd images group Best "$(id 1002 IMG_0002.JPG)" >/dev/null
pd delivery build --session 1002 -o "$T/d" >/dev/null 2>&1
is "$(files "$T/d/1002/manifest.json")" "IMG_0001.jpg" \
    "the auto group follows its rule, not a frame put in by hand"
done_testing
