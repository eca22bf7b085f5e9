#!/bin/sh
# The Setup hub's Upload target form (u): the URL checked, saved to the
# upload.* settings, and the connection tested on save (a file written
# and deleted); a target that cannot be written says why.
. "$top_srcdir/tests/lib.sh"
need tmux
plan 6
pd demo --students 2 --date 2026-03-02 >/dev/null 2>&1
pd images import "$STUDIO/demo-card" --by qr >/dev/null 2>&1
mkdir -p "$T/remote"

tui_start 100 30
wait_for 'Clients' || exit 1
keys 7
wait_for 'u upload target' || exit 1
keys u
wait_for 'Upload target' || exit 1
keys 'gopher://x' Enter Enter Enter Enter Enter Enter Enter Enter Enter
wait_for 'give a URL starting file://' ; ok $? "a URL picday cannot send to is refused"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
keys "file://$T/remote" Enter Enter Enter Enter Enter 3 Enter Enter Enter Enter
wait_for 'test file written and deleted' ; ok $? "saving tests the target"
is "$(pd setup get upload.url)" "file://$T/remote" "the URL is saved"
is "$(pd setup get upload.parallel)" 3 "and the parallel transfers"
is "$(ls -A "$T/remote")" "" "the test file is gone"

pd upload --session 1001 >/dev/null 2>&1
keys 6 g
wait_for 'Transfer: +[0-9.]+ of [0-9.]+ MB, [0-9.]+ MB/s' ; ok $? "the Control Center shows the upload's transfer"

done_testing
