#!/bin/sh
# The screen never waits on slow work: p on a studio of 5,000 sessions
# queues the QR sheets (5,000 pages) and returns at once.  While the PDF is
# written, the cursor moves and Tab goes to another hub, with the status
# line still showing the job's progress; no half PDF ever has the final
# name; then the message line names the file, and its first and last pages
# decode to the first and last sessions.
. "$top_srcdir/tests/lib.sh"
need tmux pdfinfo pdftoppm zbarimg
plan 9

pd demo --students 5000 --no-card --date 2026-03-02 >/dev/null 2>&1 ||
    { echo "Bail out! demo failed"; exit 1; }
TUI_ENV="PICDAY_TUI_TRACE=$T/trace"

# both RE1 RE2 [SECONDS]: until one screen shows both.
both() {
	_end=$(( $(date +%s) + ${3:-20} ))
	while [ "$(date +%s)" -le "$_end" ]; do
		_s=$(screen)
		printf '%s\n' "$_s" | grep -qE -- "$1" &&
		    printf '%s\n' "$_s" | grep -qE -- "$2" && return 0
		sleep 0.05
	done
	echo "# timed out waiting for /$1/ and /$2/; screen was:"
	screen | sed 's/^/# | /'
	return 1
}
running='#1 qr-sheets \[.*\] [0-9]+/5000'

tui_start
wait_for 'Clients' || exit 1
keys 2
wait_for 'Sessions: 5000 rows' || exit 1
keys p
wait_for 'Print QR codes: every session' || exit 1
keys C-u "$T/all.pdf" Enter Enter
wait_for "$running" 30 ; ok $? "OK queues the job; the status line shows its progress"
screen | grep -q 'Print QR codes' ; ok $((1 - $?)) "the dialog closed at once"

keys j j j
both 'Number: +1004' "$running" ; ok $? "j moves the cursor while the PDF is being written"
is "$(ls "$T" | grep -c '^all\.pdf$')" 0 "no file under the final name while it is written"
keys Tab
both '^ Workflow: ' "$running" ; ok $? "Tab goes to the next hub while the job runs"

wait_for "wrote 5000 QR cards on 5000 pages to $T/all.pdf" 300 ; ok $? \
    "the message line says when the file is written"
is "$(pdfinfo "$T/all.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')" 5000 \
    "the PDF has 5,000 pages"
pdftoppm -r 72 -png -f 1 -l 2 "$T/all.pdf" "$T/first" &&
    pdftoppm -r 72 -png -f 4999 -l 5000 "$T/all.pdf" "$T/last" &&
    codes=$(zbarimg -q --raw "$T"/first*.png "$T"/last*.png 2>/dev/null | sort -n | tr '\n' ' ')
is "$codes" "1001 1002 5999 6000 " "its first and last pages decode to the first and last sessions"
is "$(find "$T" -name '*.picday-*' | wc -l)" 0 "no temporary file is left"
if [ -f "$T/trace" ]; then
	awk '$1 == "key" && $2 > m { m = $2 } END { printf "# slowest key: %.1f ms\n", m / 1000 }' "$T/trace"
fi
done_testing
