#!/bin/sh
# The Bulk Image Import wizard (Workflow hub, i): the demo card sorted by
# QR in a preview (sessions, markers, unassigned); Esc writes nothing; an
# unassigned frame assigned to a session goes there on Finish.  Then a card
# sorted by metadata with an unknown code made into a new session.
. "$top_srcdir/tests/lib.sh"
need tmux sqlite3 convert exiftool
plan 15

pd demo --students 4 --date 2026-11-30 >/dev/null 2>&1
db() { sqlite3 "$STUDIO/picday.db" "$1"; }
wait_db() {	# wait_db SQL EXPECTED: until the query answers EXPECTED
	_i=0
	while [ "$(db "$1")" != "$2" ] && [ $_i -lt 300 ]; do
		sleep 0.1; _i=$((_i + 1))
	done
	db "$1"
}

tui_start
wait_for 'Clients'
keys 3 i
wait_for 'Bulk Image Import'
keys "$STUDIO/demo-card" Enter Enter Enter Enter Enter
wait_for 'step 3 of 3: preview' 60
ok $? "the scan ends in the preview"
like "$(screen)" '10 frames into 4 sessions; left out: 3 unassigned' \
    "the preview sums up what goes where and what is left out"
like "$(screen)" 'Session 1001 +García, Ravi +3 frames' "sessions with client and frame count"
keys End
wait_for 'Unassigned +3 frames'
ok $? "the unassigned frames are shown for the operator"
like "$(screen)" 'QR marker 1004 +1 frames' "markers are shown"
keys Escape
wait_for 'Import cancelled: nothing was written'
ok $? "Esc cancels the wizard"
is "$(db "SELECT count(*) FROM images") $(db "SELECT count(*) FROM jobs")" "0 0" \
    "Esc wrote nothing: no image, no job"

# Again; the last unassigned frame (the Nikon's) goes to session 1002.
keys i
wait_for 'Bulk Image Import'
keys "$STUDIO/demo-card" Enter Enter Enter Enter Enter
wait_for 'step 3 of 3: preview' 60
keys End m
wait_for 'Move frames to session'
keys 1002 Enter
wait_for '1 frames now go to session 1002'
ok $? "m assigns an unassigned frame to a session"
keys Enter
wait_for 'Enter again queues the import'
keys Enter
wait_for 'Import job #[0-9]+ queued: 15 frames'
ok $? "Finish queues one import job"
is "$(wait_db "SELECT count(*) FROM images" 15)" 15 \
    "the worker imports the 11 frames and 4 markers"
is "$(db "SELECT s.number FROM images i JOIN sessions s ON s.id = i.session_id
    WHERE i.source_path LIKE '%DSC_0231.JPG'")" 1002 \
    "the assigned frame is in session 1002"

# By metadata: 1001, an unknown code 4242 and a frame without a number.
mkdir "$T/meta"
convert -size 160x120 xc:red "$T/meta/A.JPG"
convert -size 160x120 xc:green "$T/meta/B.JPG"
convert -size 160x120 xc:blue "$T/meta/C.JPG"
exiftool -q -overwrite_original -Copyright=1001 -DateTimeOriginal='2026:11:30 09:00:00' "$T/meta/A.JPG"
exiftool -q -overwrite_original -Copyright=4242 -DateTimeOriginal='2026:11:30 09:01:00' "$T/meta/B.JPG"
exiftool -q -overwrite_original -DateTimeOriginal='2026:11:30 09:02:00' "$T/meta/C.JPG"
keys i
wait_for 'Bulk Image Import'
keys "$T/meta" Enter Right Enter Enter Enter Enter
wait_for 'step 3 of 3: preview' 60
wait_for 'Unknown code 4242 +1 frames'
ok $? "by metadata: the unknown code is shown"
keys j j c
wait_for 'New session 4242'
keys Right Enter Walker Enter Sam Enter Enter
wait_for 'Session 4242 made; 1 frames go to it'
ok $? "c makes a session for the unknown code"
keys End m
wait_for 'Move frames to session'
keys 1001 Enter
wait_for '1 frames now go to session 1001'
keys Enter Enter
wait_for 'Import job #[0-9]+ queued: 3 frames'
is "$(wait_db "SELECT count(*) FROM images" 18)" 18 "the three frames are imported"
is "$(db "SELECT c.last_name || ' ' || c.first_name || ' ' || o.name
    FROM images i JOIN sessions s ON s.id = i.session_id
    JOIN clients c ON c.id = s.client_id JOIN organizations o ON o.id = s.org_id
    WHERE i.source_path LIKE '%B.JPG'")" "Walker Sam Maple Grove Elementary" \
    "the new session's client and organization hold the frame"
done_testing
