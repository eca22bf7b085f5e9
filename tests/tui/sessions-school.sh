#!/bin/sh
# The school's exports from the Sessions hub: y writes the yearbook (PSPA)
# volume and C the class composites, through jobs the TUI's workers run;
# an organization without any portrait is refused and nothing is written.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/school-lib.sh"
need tmux pdfinfo
plan 10

school_make || { echo "Bail out! the school was not made"; exit 1; }
pd org add "Empty Academy" >/dev/null 2>&1
# wait_file FILE: until a job has written it (30 s at most).
wait_file() {
	_i=0
	while [ ! -s "$1" ] && [ $_i -lt 300 ]; do sleep 0.1; _i=$((_i + 1)); done
	[ -s "$1" ]
}

tui_start
wait_for 'Clients' || exit 1
keys 2
wait_for 'Sessions: 5 rows' || exit 1
keys y
wait_for 'Yearbook \(PSPA\) volume' ; ok $? "y opens the yearbook form"
screen | grep -q "Volume folder \* .*/exports/PSPA" ; ok $? "the default volume is in the studio's exports"
screen | grep -q "Organization \* < Empty Academy >" && keys Right
wait_for "Organization \* < $ORG >" || exit 1
keys Tab C-u "$T/YB27" Enter Enter
wait_for "job #[0-9]+ queued: 4 portraits; without a portrait: 1" ; ok $? "OK queues the job and says what it will hold"
wait_file "$T/YB27/INDEX.TXT"
ok $? "the TUI's workers write the volume"
wait_for "yearbook volume $T/YB27: done" 30 ; ok $? "and the message line says when it is done"
is "$(awk -F'\t' 'NR > 1 { print $3 }' "$T/YB27/INDEX.TXT" | tr -d '\r' | tr '\n' ' ')" \
    "00107.jpg 00042.jpg 7.jpg 0311.jpg " "its index lists the four pictured students"

keys C
wait_for 'Class composites' ; ok $? "C opens the composites form"
screen | grep -q "Organization \* < Empty Academy >" || keys Left
wait_for "Organization \* < Empty Academy >" || exit 1
keys Tab C-u "$T/empty.pdf" Enter Enter Enter
wait_for "nothing to export" ; ok $? "an organization without portraits is refused in the form"
keys Escape C
wait_for 'Class composites' || exit 1
screen | grep -q "Organization \* < Empty Academy >" && keys Right
wait_for "Organization \* < $ORG >" || exit 1
keys Tab C-u "$T/classes.pdf" Enter Enter Enter
# The job may be done before the screen is read: its "done" replaces the
# "queued" on the message line.
wait_for "job #[0-9]+ queued|class composites .*classes.pdf: done" || exit 1
wait_file "$T/classes.pdf"
is "$(pdfinfo "$T/classes.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')" 2 \
    "the composites PDF has a page per teacher"
[ ! -e "$T/empty.pdf" ]
ok $? "and the refused one wrote nothing"
done_testing
