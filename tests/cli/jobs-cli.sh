#!/bin/sh
# picday jobs list|run|retry|cancel|add: what a user sees, and exit codes
# (DESIGN §4: 1 the operation failed, with a one-line reason; 2 usage).
. "$top_srcdir/tests/lib.sh"
need sqlite3 python3
plan 19

q() { sqlite3 "$STUDIO/picday.db" "$1"; }

is "$(pd jobs list --format csv | tr -d '\r')" \
    "id,kind,state,done,total,attempts,last_error,title,created_at" \
    "an empty queue lists only the header"

pd jobs list >/dev/null
mkdir -p "$STUDIO/library/s"
cp "$SHARED/testdata/exif-samples/Canon_40D.jpg" "$STUDIO/library/s/a.jpg"
cp "$SHARED/testdata/exif-samples/orientation/portrait_3.jpg" \
    "$STUDIO/library/s/b.jpg"
q "INSERT INTO organizations(id, name) VALUES (1, 'S');
   INSERT INTO sessions(id, number, org_id, status_id) VALUES (1, 5, 1, 1);
   INSERT INTO images(session_id, path, sha256) VALUES
     (1, 'library/s/a.jpg', 'a'), (1, 'library/s/b.jpg', 'b'),
     (1, 'library/s/missing.jpg', 'c');"

id=$(pd jobs add preview)
is "$id" 1 "jobs add preview prints the job id"
is "$(pd jobs add preview 2>&1 >/dev/null)" \
    "picday: a preview job is already queued: #1" \
    "a second jobs add preview names the queued one"
pd jobs list --format json >"$T/list.json"
is "$(/usr/bin/python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
print(len(j), j[0]["id"], j[0]["kind"], j[0]["state"], j[0]["title"])
' "$T/list.json")" "1 1 preview queued Previews for 3 images" \
    "jobs list --format json shows the queued job"

pd jobs cancel 1
is "$?" 0 "jobs cancel of a queued job"
is "$(q 'SELECT state FROM jobs WHERE id = 1')" cancelled "it is cancelled"
out=$(pd jobs cancel 1 2>&1); rc=$?
is "$rc:$out" "1:picday: cannot cancel job #1: it is cancelled" \
    "cancelling it again fails with the reason"
out=$(pd jobs retry 42 2>&1); rc=$?
is "$rc:$out" "1:picday: no job #42" "an unknown job id exits 1"
pd jobs retry abc 2>/dev/null
is "$?" 2 "a job id that is not a number is a usage error"
pd jobs frobnicate 2>/dev/null
is "$?" 2 "an unknown jobs subcommand is a usage error"
pd jobs run --now 2>/dev/null
is "$?" 2 "an unknown option is a usage error"

pd jobs retry 1
is "$?" 0 "jobs retry of a cancelled job"
pd jobs run 2>"$T/run.log"
is "$?" 0 "jobs run runs it"
like "$(cat "$T/run.log")" "preview #1: 3/3 done" \
    "progress on stderr as kind #id: done/total"
is "$(q "SELECT state || ',' || done || '/' || total FROM jobs WHERE id = 1")" \
    "done,3/3" "the job is done"
like "$(q 'SELECT last_error FROM jobs WHERE id = 1')" \
    "library/s/missing.jpg" "last_error names the image it could not read"
is "$(q "SELECT group_concat(coalesce(preview_path, '-'), ' ') FROM images")" \
    "previews/1.jpg previews/2.jpg -" "previews recorded for readable images"
is "$(ls "$STUDIO/previews" | tr '\n' ' ')" "1.jpg 2.jpg " \
    "preview files in previews/"

# A job whose kind does not exist fails for good, with the reason.
q "INSERT INTO jobs(kind, title) VALUES ('nonesuch', 'x')"
pd jobs run --wait 2>/dev/null
is "$?:$(q "SELECT state || ' ' || last_error FROM jobs WHERE id = 2")" \
    "1:failed unknown job kind 'nonesuch'" \
    "an impossible job fails once, named, and jobs run exits 1"
done_testing
