#!/bin/sh
# `picday qr-sheets` killed with SIGKILL half-way through 2,000 pages: no
# half PDF has the final name; `jobs run --wait` takes the job over and
# writes the whole file, which decodes; no temporary file is left (DESIGN
# §6).
. "$top_srcdir/tests/lib.sh"
need sqlite3 pdfinfo pdftoppm zbarimg
plan 8

pd demo --students 2000 --no-card --date 2026-03-02 >/dev/null 2>&1 ||
    { echo "Bail out! demo failed"; exit 1; }
OUT=$T/cards.pdf

"$PICDAY" --studio "$STUDIO" qr-sheets -o "$OUT" 2>"$T/run1.log" &
P=$!
cleanup_add "kill -9 $P"
# Until a few hundred cards are drawn (sqlite3: leaves the cores to it).
end=$(( $(date +%s) + 60 ))
done_at_kill=0
while [ "$(date +%s)" -le "$end" ]; do
	done_at_kill=$(sqlite3 "$STUDIO/picday.db" \
	    "SELECT done FROM jobs WHERE kind = 'qr-sheets'" 2>/dev/null)
	[ "${done_at_kill:-0}" -ge 300 ] && break
	sleep 0.02
done
kill -9 $P
wait $P 2>/dev/null
state=$(sqlite3 "$STUDIO/picday.db" "SELECT state FROM jobs WHERE kind = 'qr-sheets'")
is "$state" running "killed half-way (at $done_at_kill of 2000 cards): the job is left running"
is "$(test -e "$OUT" && echo file)" "" "no file has the final name"
is "$(find "$T" -name '.cards.pdf.picday-*.tmp' | wc -l)" 1 \
    "the half PDF has a temporary name in the same folder"

pd jobs run --wait 2>"$T/run2.log"; rc=$?
is "$rc:$(sqlite3 "$STUDIO/picday.db" "SELECT state || ' ' || done FROM jobs")" \
    "0:done 2000" "jobs run --wait takes the job over and finishes it"
is "$(pdfinfo "$OUT" 2>/dev/null | awk '/^Pages:/ { print $2 }')" 2000 "the PDF has every page"
pdftoppm -r 72 -png -f 1 -l 1 "$OUT" "$T/first" &&
    pdftoppm -r 72 -png -f 2000 -l 2000 "$OUT" "$T/last" &&
    codes=$(zbarimg -q --raw "$T"/first*.png "$T"/last*.png 2>/dev/null | sort -n | tr '\n' ' ')
is "$codes" "1001 3000 " "its first and last pages decode"
is "$(find "$T" -name '*.picday-*' | wc -l)" 0 "no temporary file is left"
is "$(sqlite3 "$STUDIO/picday.db" 'PRAGMA integrity_check')" ok "the database is intact"
done_testing
