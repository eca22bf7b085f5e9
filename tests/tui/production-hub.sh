#!/bin/sh
# The Production hub (tab 5): the orders with their state; r renders the
# order under the cursor through the TUI's workers into the studio's
# renders/ folder, S marks it shipped and its session becomes Complete.
. "$top_srcdir/tests/lib.sh"
need tmux convert vipsheader python3
MAGICK_THREAD_LIMIT=1; export MAGICK_THREAD_LIMIT
plan 7

pd demo --students 1 --no-card --date 2026-11-30 >/dev/null 2>&1
mkdir -p "$T/card"
convert -size 800x1000 gradient:"rgb(40,120,180)-rgb(230,200,90)" \
    "$T/card/IMG_0001.JPG"
pd images import "$T/card" --by session=1001 >/dev/null 2>&1
printf 'Code,Name,Kind,Price,Width_in,Height_in,DPI\n46,4x6,print,5,4,6,150\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" >/dev/null 2>&1
pd invoices add --session 1001 46x2 >/dev/null 2>&1
pd production create >/dev/null 2>&1

tui_start 100 24
wait_for 'Clients' || exit 1
keys 5
wait_for '1 +new +M1' ; ok $? "tab 5 lists the order, new"
keys r
wait_for "job #[0-9]+ queued: order 1 to .*/renders/1" ; ok $? "r queues its render"
f=$(ls "$STUDIO"/renders/1/*.jpg 2>/dev/null)
i=0
while [ ! -s "$STUDIO/renders/1/manifest.csv" ] && [ $i -lt 300 ]; do
	sleep 0.1; i=$((i + 1))
done
f=$(ls "$STUDIO"/renders/1/*.jpg 2>/dev/null)
is "$(vipsheader -f width "$f" 2>/dev/null)x$(vipsheader -f height "$f" 2>/dev/null)" \
    "600x900" "the TUI's workers render the 4x6 at 150 dpi"
abs=$(cd "$STUDIO/renders/1" && pwd -P)
# The detail pane shows as much of the path as fits.
wait_for "Folder: +$(printf '%s' "$abs" | cut -c1-30)" ; ok $? \
    "its detail names the folder it was rendered to"
is "$(pd production list --format json | python3 -c 'import json, sys
print(json.load(sys.stdin)[0]["folder"])')" \
    "$abs" "production list names the folder too"
keys S
wait_for "order 1 shipped; its session is complete" ; ok $? "S ships it"
is "$(pd sessions list --format csv | tr -d '\r' | cut -d, -f6 | sed -n 2p)" Complete \
    "its session is Complete"
