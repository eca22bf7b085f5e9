#!/bin/sh
# The Workflow hub: a session's frames after `picday images import`, the ✓
# mark toggled with s and stored in images.selected, the chafa picture of
# the current frame, and the manual import of a folder into one session.
. "$top_srcdir/tests/lib.sh"
need tmux sqlite3 convert
plan 11

pd demo --students 4 --date 2026-11-30 >/dev/null 2>&1
pd images import "$STUDIO/demo-card" --by qr >/dev/null 2>&1
db() { sqlite3 "$STUDIO/picday.db" "$1"; }

tui_start
wait_for 'Clients'
keys 3
wait_for 'Session 1001 +García, Ravi +4 frames, 0 ✓'
ok $? "the Workflow hub shows the chosen session with its frame count"
like "$(screen | sed -n 4,8p)" '1002 Nguyen' "sessions listed on the left"

keys Enter
wait_for 'Q IMG_0003.JPG +2026-11-30 08:30:45'
ok $? "Enter shows the frames: marker flag, name, capture time"
like "$(screen | sed -n 7p)" 'IMG_0006.JPG +2026-11-30 08:31:30 +[0-9]+k' \
    "each frame with its size"
# The picture: chafa half blocks and quadrants below the frame list (the
# terminal may still be receiving it: wait for the first symbols).
wait_for '[▀▄▌▐▘▝▖▗]' >/dev/null
n=$(screen | sed -n 10,22p | grep -c '[▀▄▌▐█▁▂▃▅▆▇▘▝▖▗▏▕]')
ok $([ "$n" -ge 5 ] && echo 0 || echo 1) "a picture of the frame drawn with symbols ($n rows)"

keys j s
wait_for '4 frames, 1 ✓'
is "$(db "SELECT path FROM images WHERE selected")" \
    "library/Maple Grove Elementary/1001/IMG_0004.JPG" \
    "s selects the current frame: images.selected is set"
keys '*'
wait_for '4 frames, 0 ✓'
is "$(db "SELECT count(*) FROM images WHERE selected")" 0 "* unselects it"

# Back to the sessions, the next one, and a manual import into it.
keys Escape j
wait_for 'Session 1002 +Nguyen, Ana María +3 frames'
ok $? "Esc goes back to the sessions; the pane follows the cursor"
mkdir "$T/reshoot"
convert -size 320x240 gradient:red-blue "$T/reshoot/RESHOOT_1.JPG"
keys m
wait_for 'Import into one session'
keys "$T/reshoot" Enter
wait_for 'Sort by \* < one session >'
keys Enter Enter Enter Enter
wait_for 'Session 1002 .* 1 frames'
ok $? "manual import: the preview puts the folder into session 1002"
keys Enter Enter
wait_for 'Import job #[0-9]+ queued: 1 frames'
ok $? "Enter twice queues the import job"
i=0
while [ "$(db "SELECT count(*) FROM images WHERE path LIKE '%/1002/RESHOOT_1.JPG'")" != 1 ] &&
    [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
keys C-l
wait_for 'Session 1002 +Nguyen, Ana María +4 frames'
ok $? "the worker imports it and the hub shows the new frame"
done_testing
