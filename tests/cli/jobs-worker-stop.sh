#!/bin/sh
# `picday worker` stopped by SIGTERM mid-job exits 0 and gives the job back
# to the queue at once (no lease left), and the job then finishes elsewhere.
# `jobs cancel` stops a job a worker is running.
. "$top_srcdir/tests/lib.sh"
need sqlite3
plan 8

N=120
pd jobs list >/dev/null || exit 1
mkdir -p "$STUDIO/library/s"
set -- "$SHARED"/testdata/exif-samples/[A-Z]*.jpg
i=0
while [ $i -lt $N ]; do
	for f in "$@"; do
		[ $i -lt $N ] && cp "$f" "$STUDIO/library/s/$i.jpg"
		i=$((i + 1))
	done
done
q() { sqlite3 "$STUDIO/picday.db" "$1"; }
q "UPDATE preferences SET value = '64' WHERE key = 'preview.long_side';
   INSERT INTO organizations(id, name) VALUES (1, 'S');
   INSERT INTO sessions(id, number, org_id, status_id) VALUES (1, 5, 1, 1);
   WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n
     WHERE i < $N - 1)
   INSERT INTO images(session_id, path, sha256)
     SELECT 1, 'library/s/' || i || '.jpg', i FROM n;" || exit 1
JOB=$(pd jobs add preview)

"$PICDAY" --studio "$STUDIO" worker --threads 1 2>"$T/worker.log" &
W=$!
cleanup_add "kill -9 $W"
end=$(( $(date +%s) + 60 ))
while [ "$(q "SELECT done FROM jobs WHERE id = $JOB")" -lt 10 ]; do
	[ "$(date +%s)" -le "$end" ] || break
	sleep 0.05
done
kill -TERM $W
wait $W
is "$?" 0 "the worker exits 0 on SIGTERM"
is "$(q "SELECT state || ',' || coalesce(lease_owner, 'none') || ',' || attempts FROM jobs WHERE id = $JOB")" \
    "queued,none,1" "its job is back in the queue with no lease"
made=$(q "SELECT count(*) FROM images WHERE preview_path IS NOT NULL")
ok $([ "$made" -ge 10 ] && [ "$made" -lt $N ]; echo $?) \
    "it stopped mid-way ($made of $N previews made)"
pd jobs run 2>/dev/null
is "$(q "SELECT state || ',' || attempts || ',' || done || '/' || total FROM jobs WHERE id = $JOB")" \
    "done,2,$N/$N" "jobs run finishes it, counting on from where it stopped"
is "$(ls "$STUDIO/previews" | wc -l | tr -d ' ')" $N "one preview per image"
# Cancelling a running job: the worker drops it and keeps serving.
q "UPDATE images SET preview_path = NULL"
JOB=$(pd jobs add preview)
"$PICDAY" --studio "$STUDIO" worker --threads 1 2>"$T/worker2.log" &
W=$!
cleanup_add "kill -9 $W"
end=$(( $(date +%s) + 60 ))
while [ "$(q "SELECT done FROM jobs WHERE id = $JOB")" -lt 10 ]; do
	[ "$(date +%s)" -le "$end" ] || break
	sleep 0.05
done
pd jobs cancel "$JOB"
is "$?" 0 "jobs cancel of a running job"
end=$(( $(date +%s) + 20 ))
until grep -q "preview #$JOB: cancelled" "$T/worker2.log"; do
	[ "$(date +%s)" -le "$end" ] || break
	sleep 0.05
done
like "$(cat "$T/worker2.log")" "preview #$JOB: cancelled" \
    "the worker stops the cancelled job"
made=$(q "SELECT count(*) FROM images WHERE preview_path IS NOT NULL")
kill -TERM $W
wait $W
is "$(q "SELECT state FROM jobs WHERE id = $JOB"),$([ "$made" -lt $N ] && echo mid-way)" \
    "cancelled,mid-way" "it stays cancelled, its work stopped mid-way ($made of $N)"
done_testing
