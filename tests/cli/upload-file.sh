#!/bin/sh
# Image Upload to a folder (file://): the remote tree, previews, manifest,
# Online with history, nothing sent twice, a changed or missing library
# file refused and named while the rest goes, a session without images,
# the setup keys and the secret, --queue and the worker.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/upload-lib.sh"
plan 27

upload_studio 4 || { echo "Bail out! no demo studio"; exit 1; }
db() { sqlite3 "$STUDIO/picday.db" "$@"; }
set -- $numbers
first=$1; second=$2

pd upload 2>"$T/err"; rc=$?
is "$rc" 1 "no target: fails"
like "$(cat "$T/err")" "no upload target is set" "and says so"

pd upload target "ftp://user:secret@example.org/x" 2>"$T/err"; rc=$?
is "$rc" 2 "a password in the URL is a usage error"
like "$(cat "$T/err")" "no user or password in the URL" "and the message says where it goes"
pd upload target "gopher://example.org/" 2>/dev/null; is "$?" 2 "an unknown scheme is refused"

pd upload target "file://$T/remote" --parallel 3 --limit-rate 50M --test 2>"$T/err"; rc=$?
is "$rc" 0 "target set and tested"
like "$(cat "$T/err")" "wrote and deleted a test file" "test connection says what it did"
is "$(ls -A "$T/remote")" "" "the test file is gone"
is "$(pd setup get upload.parallel)" 3 "upload target writes the setup keys"

printf 'hunter2\n' | pd setup secret upload.password
like "$(pd setup list)" "upload.password" "the secret is listed"
pd setup list | grep -q hunter2; is "$?" 1 "but never shown"

pd upload >"$T/out" 2>"$T/err"; rc=$?
is "$rc" 0 "upload of every session in Image Upload"
is "$(check_tree "$T/remote")" "" "hires identical, previews 400 px, manifests right"
is "$(pd sessions list --status Online --columns number --format csv | tr -d '\r' | tail -n +2 | tr '\n' ' ')" \
    "$(echo $numbers | tr ' ' '\n' | tr '\n' ' ')" "every session is Online"
is "$(db "SELECT COUNT(*) FROM session_history h JOIN sessions s ON s.id = h.session_id
    WHERE h.new_value = 'Online' AND s.number = $first")" 1 "with a history row"
grep -q hunter2 "$T/err" "$T/out"; is "$?" 1 "the password is in no message"

pd upload list --session "$first" --format json >"$T/list"
is "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(sorted(r[0].keys()), all(x["path"].startswith(sys.argv[2]+"/") for x in r))' "$T/list" "$first")" \
    "['bytes', 'path', 'sha256', 'uploaded_at'] True" "upload list: path, bytes, sha256, uploaded_at"

# Recorded files never go again, even when the remote copy is gone.
touch -d '2001-01-01' "$T/remote/$first/hires/"*
rm "$T/remote/$first/manifest.json"
pd upload --session "$first" 2>/dev/null; rc=$?
is "$rc" 0 "rerun"
is "$(find "$T/remote/$first" -newer "$T/list" -type f | wc -l)" 0 "sends nothing recorded"

# A session back in Image Upload with a changed and a missing library file.
db "DELETE FROM uploads WHERE session_id = (SELECT id FROM sessions WHERE number = $second)"
rm -rf "$T/remote/$second"
pd sessions advance --to "Image Upload" --allow-back "$second" >/dev/null 2>&1
db "SELECT path FROM images i JOIN sessions s ON s.id = i.session_id
    WHERE s.number = $second AND NOT is_marker ORDER BY path" >"$T/paths"
changed=$(sed -n 1p "$T/paths"); gone=$(sed -n 2p "$T/paths")
printf 'x' >>"$STUDIO/$changed"
mv "$STUDIO/$gone" "$T/gone.jpg"
pd upload 2>"$T/err"; rc=$?
is "$rc" 1 "changed and missing library files: exit 1"
like "$(cat "$T/err")" "$(basename "$changed"): changed since import \(sha256 differs\)" "the changed file is named"
like "$(cat "$T/err")" "$(basename "$gone"): missing from the library" "the missing file is named"
test -e "$T/remote/$second/hires/$(basename "$changed")"; is "$?" 1 "the changed file was not sent"
test -e "$T/remote/$second/preview/$(basename "$changed")"; is "$?" 0 "the rest of the session was"
is "$(pd sessions list --columns number,status --format csv | tr -d '\r' | grep "^$second,")" "$second,Image Upload" \
    "an incomplete session stays in Image Upload"

# The files come back: --queue, then the worker's queue.
truncate -s -1 "$STUDIO/$changed"
mv "$T/gone.jpg" "$STUDIO/$gone"
pd upload --session "$second" --queue >"$T/out" 2>&1
like "$(cat "$T/out")" "queued job #[0-9]+: upload 1 sessions" "--queue only queues"
pd jobs run >/dev/null 2>&1
is "$(numbers=$second check_tree "$T/remote")" "" "after jobs run the session is whole"

done_testing
