#!/bin/sh
# The screen: resize redraws cleanly, NO_COLOR gives a monochrome screen.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/studio.sh"
plan 6
make_studio

TUI_ENV='NO_COLOR=1' tui_start
wait_for 'Abbott' || exit 1
colours=$(tm capture-pane -e -p -t t | grep -cE "$(printf '\033')\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;|48;)")
is "$colours" 0 "NO_COLOR: no colour on screen"
like "$(tm capture-pane -e -p -t t | head -1)" "$(printf '\033')\\[[0-9;]*7m1 Clients" \
    "NO_COLOR: the current tab stands out in reverse video"
tui_stop

tui_start
wait_for 'Abbott' || exit 1
keys 2
wait_for '^ Sessions: 40 rows' || exit 1
tm resize-window -t t -x 100 -y 30
wait_for "$(printf 'Last name {10,}')" ; ok $? "wider window: the columns grow"
is "$(screen | sed -n 29p | cut -c1-18)" " Sessions: 40 rows" "the status line moves to the new bottom"
tm resize-window -t t -x 80 -y 24
wait_for '^  Number  Last name   First nam Student  Organizati Status      Starts *$'
ok $? "back to 80x24: the columns shrink again"
# Every row of the list is the 80-column layout: nothing of the wider one.
wide=$(screen | sed -n '3,16p' | grep -cE 'Lincoln High|Escuela Núñez')
is "$(screen | wc -l | tr -d ' ') $wide" "24 0" "80x24 redrawn without leftovers of the wider screen"
done_testing
