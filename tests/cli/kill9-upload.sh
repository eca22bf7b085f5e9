#!/bin/sh
# kill -9 an upload at random moments 20 times, then let it finish: the
# remote tree is whole and identical, no path received two successful PUTs
# more than --parallel times in all, and the database is intact.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/upload-lib.sh"
plan 5

upload_studio 4 || { echo "Bail out! no demo studio"; exit 1; }
mkdir -p "$T/srv"
python3 "$top_srcdir/tests/cli/upload-faults.py" "$T/srv" &
cleanup_add "kill $!"
i=0
while [ ! -f "$T/srv/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
# Slow enough that kills land in the middle of transfers.
pd upload target "http://127.0.0.1:$(cat "$T/srv/port")/photos" --parallel 2 \
    --limit-rate 120k >/dev/null

kills=0
for i in $(seq 1 20); do
	"$PICDAY" --studio "$STUDIO" upload >/dev/null 2>&1 &
	pid=$!
	# A random moment from 0.1 to 1.5 s into the run.
	sleep "$(python3 -c 'import random; print(random.uniform(0.1, 1.5))')"
	if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
	wait "$pid" 2>/dev/null
done
like "$kills" "^(1[0-9]|20)$" "most runs were killed ($kills)"

pd upload >/dev/null 2>"$T/err"; rc=$?
is "$rc" 0 "the run after the kills finishes"
is "$(check_tree "$T/srv/root/photos")" "" "the tree is whole and identical"
dup=$(awk '$1 == "PUT" && $3 == 201 { n[$2]++ } END { d = 0; for (p in n) if (n[p] > 1) d++; print d }' "$T/srv/log")
like "$dup" "^[0-2]$" "at most --parallel files were sent twice ($dup)"
is "$(sqlite3 "$STUDIO/picday.db" 'PRAGMA integrity_check')" ok "database intact"

done_testing
