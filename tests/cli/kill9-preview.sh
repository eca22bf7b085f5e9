#!/bin/sh
# A worker killed with SIGKILL half-way through a large preview job: another
# run resumes it at once and finishes it, with every preview made exactly
# once, no temporary file left and the database intact (issue 2, DESIGN §6).
. "$top_srcdir/tests/lib.sh"
need sqlite3 identify
plan 11

N=240		# images; one of them cannot be read
LONG=96		# preview.long_side: small, so the test stays quick
EX=$SHARED/testdata/exif-samples
DIR=library/school/1001

pd jobs list >/dev/null || exit 1	# makes the studio
mkdir -p "$STUDIO/$DIR"
# Real JPEGs from cameras (mostly small ones: quick under ASan too), and
# EXIF-rotated frames.
set -- "$EX"/[A-Z]*.jpg "$EX"/long_description.jpg \
    "$EX"/orientation/landscape_6.jpg "$EX"/orientation/portrait_8.jpg
i=0
while [ $i -lt $N ]; do
	for f in "$@"; do
		[ $i -lt $N ] || break
		cp "$f" "$STUDIO/$DIR/img$i.jpg"
		i=$((i + 1))
	done
done
BROKEN=100
printf 'not a JPEG at all\n' >"$STUDIO/$DIR/img$BROKEN.jpg"
# landscape_6.jpg is stored 450x600 with "rotate 90": upright it is wide.
cp "$EX/orientation/landscape_6.jpg" "$STUDIO/$DIR/img7.jpg"

sqlite3 "$STUDIO/picday.db" <<EOF || exit 1
UPDATE preferences SET value = '$LONG' WHERE key = 'preview.long_side';
INSERT INTO organizations(id, name) VALUES (1, 'School');
INSERT INTO clients(id, org_id, last_name) VALUES (1, 1, 'Pupil');
INSERT INTO sessions(id, number, client_id, org_id, status_id)
  VALUES (1, 1001, 1, 1, 1);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $N - 1)
INSERT INTO images(id, session_id, path, sha256)
  SELECT i + 1, 1, '$DIR/img' || i || '.jpg', 'sha-' || i FROM n;
EOF

JOB=$(pd jobs add preview)
is "$JOB" 1 "jobs add preview prints the new job's id"

job_field() {	# job_field COLUMN: of job $JOB, from jobs list --format csv
	pd jobs list --format csv | tr -d '\r' | awk -F, -v id="$JOB" -v col="$1" '
	    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    $1 == id { print $c[col] }'
}

"$PICDAY" --studio "$STUDIO" worker 2>"$T/worker1.log" &
W=$!
cleanup_add "kill -9 $W"
# Until the worker is a quarter of the way through.
end=$(( $(date +%s) + 60 ))
done_at_kill=0
while [ "$(date +%s)" -le "$end" ]; do
	# sqlite3, not picday: cheap enough to leave the cores to the worker
	done_at_kill=$(sqlite3 "$STUDIO/picday.db" \
	    "SELECT done FROM jobs WHERE id = $JOB" 2>/dev/null)
	[ "${done_at_kill:-0}" -ge $((N / 4)) ] && break
	sleep 0.05
done
kill -9 $W
wait $W 2>/dev/null	# reaped: its pid no longer exists
state=$(job_field state)
# Its owner is gone: jobs list shows it interrupted, not running.
ok $([ "$state" = interrupted ] && [ "$done_at_kill" -lt $N ]; echo $?) \
    "worker killed mid-way (state $state, $done_at_kill of $N done)"

# `jobs run` never waits for a live lease: it resumes the job only because
# it sees the owner's process is gone, not 30 s later when the lease expires.
pd jobs run 2>"$T/run.log"
is "$?" 0 "jobs run resumes the interrupted job at once"
is "$(job_field state),$(job_field attempts),$(job_field done)/$(job_field total)" \
    "done,2,$N/$N" "job done after exactly two attempts, every image counted"
like "$(job_field last_error)" "img$BROKEN\.jpg" \
    "last_error names the image that cannot be read"

q() { sqlite3 "$STUDIO/picday.db" "$1"; }
files=$(ls "$STUDIO/previews" | grep -c '\.jpg$')
is "$files" $((N - 1)) "one preview file per readable image"
is "$(ls -A "$STUDIO/previews" | grep -vc '^[0-9]*\.jpg$')" 0 \
    "no temporary file left in previews/"
is "$(q "SELECT count(*) FROM images WHERE preview_path = 'previews/' || id || '.jpg'"),$(q "SELECT group_concat(id) FROM images WHERE preview_path IS NULL")" \
    "$((N - 1)),$((BROKEN + 1))" \
    "every readable image records its preview; the broken one none"

bad=
for id in 1 2 3 20 50 150 200 $N; do
	wh=$(identify -format '%m %w %h' "$STUDIO/previews/$id.jpg" 2>&1)
	set -- $wh
	long=${2:-0}; [ "${3:-0}" -gt "$long" ] && long=$3
	[ "${1:-}" = JPEG ] && [ "$long" -eq $LONG ] || bad="$bad $id:$wh"
done
# Every source is larger than $LONG pixels, so the long side is exactly it.
is "$bad" "" "previews are JPEGs with a long side of $LONG pixels"
set -- $(identify -format '%w %h' "$STUDIO/previews/8.jpg")
ok $([ "$1" -gt "$2" ]; echo $?) \
    "an EXIF-rotated frame is previewed upright (${1}x$2)"

is "$(q 'PRAGMA integrity_check')" ok "PRAGMA integrity_check is ok"
done_testing
