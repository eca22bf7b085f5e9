#!/bin/sh
# The Control Center shows an upload per session (files and MB of each,
# the file not sent in words) and overall (MB, MB/s); r sends a failed
# upload again (by the TUI's own workers), c cancels a running one and
# what it sent stays recorded.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/upload-lib.sh"
need tmux
plan 9
db() { sqlite3 "$STUDIO/picday.db" "$1"; }
# until the newest upload job is in state $1 (20 s at most)
wait_state() {
	i=0
	while [ "$(db "SELECT state FROM jobs WHERE kind = 'upload' ORDER BY id DESC LIMIT 1")" != "$1" ] &&
	    [ $i -lt 200 ]; do
		sleep 0.1; i=$((i + 1))
	done
}

upload_studio 2 || { echo "Bail out! no demo studio"; exit 1; }
set -- $numbers
first=$1
mkdir -p "$T/remote"
pd upload target "file://$T/remote" >/dev/null
# A frame of the first session goes missing from the library.
frame=$(sqlite3 "$STUDIO/picday.db" "SELECT i.path FROM images i
    JOIN sessions s ON s.id = i.session_id WHERE s.number = $first
    AND NOT i.is_marker ORDER BY i.path LIMIT 1")
mv "$STUDIO/$frame" "$T/away"
pd upload --session "$1" --session "$2" >/dev/null 2>&1
is "$?" 1 "an upload with a frame missing fails"

tui_start 120 32
wait_for 'Clients' || exit 1
keys 6 g
wait_for "Sessions: +1 whole; $first: [0-9]+ of [0-9]+ files, [0-9.]+ of [0-9.]+ MB, not sent: IMG_[0-9]+\.JPG: missing" ; \
    ok $? "per session: one whole; the other's files and MB, and the file not sent in words"
db_frames=$(sqlite3 "$STUDIO/picday.db" "SELECT count(*) FROM images i
    JOIN sessions s ON s.id = i.session_id WHERE s.number = $first AND NOT i.is_marker")
wait_for "Sessions: .*$first: $((db_frames * 2 - 1)) of $((db_frames * 2 + 1)) files" ; \
    ok $? "its count: all but the frame missing and the manifest"
wait_for 'Transfer: +[0-9.]+ of [0-9.]+ MB, [0-9.]+ MB/s' ; ok $? "and the transfer overall"

# Back in the library, r sends the rest (once the job has failed for good:
# the TUI's workers try it again first).
wait_state failed
mv "$T/away" "$STUDIO/$frame"
keys g r
wait_for 'job\(s\) queued again' ; ok $? "r queues the failed upload again"
wait_for "Sessions: +2 whole" 30 ; ok $? "the workers send the rest: both sessions whole"

# A slow upload to another target, cancelled from the Control Center: once
# no upload job is left waiting or running (on a loaded machine the workers
# may still be finishing the retried one, and an upload waits for another).
i=0
while [ "$(db "SELECT count(*) FROM jobs WHERE kind = 'upload' AND
    state IN ('queued', 'running')")" != 0 ] && [ $i -lt 600 ]; do
	sleep 0.1; i=$((i + 1))
done
mkdir -p "$T/srv"
python3 "$top_srcdir/tests/cli/upload-faults.py" "$T/srv" &
cleanup_add "kill $!"
i=0
while [ ! -f "$T/srv/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
pd upload target "http://127.0.0.1:$(cat "$T/srv/port")/slow" --parallel 1 \
    --limit-rate 30k >/dev/null
"$PICDAY" --studio "$STUDIO" upload --session "$first" >/dev/null 2>&1 &
pid=$!
cleanup_add "kill $pid 2>/dev/null"
i=0
while [ "$(pd upload list --format csv 2>/dev/null | sed 1d | wc -l)" -lt 1 ] && [ $i -lt 300 ]; do
	sleep 0.1; i=$((i + 1))
done
keys g
wait_for '^ +[0-9]+ upload +running' || true
keys c
wait_for 'job\(s\) cancelled' ; ok $? "c cancels the running upload"
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
wait_state cancelled
pd upload list --format csv | sed 1d | cut -d, -f1 >"$T/kept"
bad=
while IFS= read -r p; do [ -f "$T/srv/root/slow/$p" ] || bad="$bad $p"; done <"$T/kept"
ok "$([ -s "$T/kept" ] && [ -z "$bad" ] && ! kill -0 $pid 2>/dev/null && echo 0 || echo 1)" \
    "the upload stopped; what it sent stays recorded and is there ($(wc -l <"$T/kept") files)"
is "$(db "SELECT state FROM jobs WHERE kind = 'upload' ORDER BY id DESC LIMIT 1")" cancelled \
    "the job is cancelled"

done_testing
