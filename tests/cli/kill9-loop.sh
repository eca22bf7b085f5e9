#!/bin/sh
# `picday images import CARD --by qr` killed with SIGKILL at random points,
# again and again, then run to the end (issue 8, item 8): each run takes
# over the one job of that card instead of leaving it "running" and making
# another, `jobs list` shows a killed job as interrupted, never running, no
# temporary file stays in the library, every frame is imported exactly
# once, the card is untouched and the database sound.  Some runs in between
# are `picday jobs run` (a worker taking over the dead foreground job).
# Two runs of the same command at once share the job: one runs it, the
# other follows it.  The kill points come from a seed (KILL9_SEED) printed
# below, and are found by watching progress, not by timing.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/images-lib.sh"
plan 16

ROUNDS=8	# + the last run: below JOBS_MAX_CLAIMS (10), when a job is given up
studio_with_sessions "Elm School" 3001 3002 3003
C=$T/card/DCIM/100CANON
# Three sessions of 40 frames, each after its QR frame, all shot in the
# same second by one body (so in file name order).  One real frame, made
# distinct per file by bytes after its end marker (JPEG readers ignore
# them): quick to make, and every hash differs.  Small frames: every run
# reads the whole card again.
frame "$T/base.jpg" 640 427 1
shot "$T/base.jpg" canon "2024:09:12 09:00:00" 00
exif_apply
mkdir -p "$C"
n=0
for s in 3001 3002 3003; do
	n=$((n + 1))
	f=$C/IMG_$(printf %04d $n).JPG
	qr_frame "$f" 640 427 25 0 $s
	shot "$f" canon "2024:09:12 09:00:00" 00
	k=1
	while [ $k -le 40 ]; do
		n=$((n + 1))
		f=$C/IMG_$(printf %04d $n).JPG
		cp "$T/base.jpg" "$f" && printf 'frame %d' $n >>"$f"
		k=$((k + 1))
	done
done
exif_apply
N=$n
chmod -R a-w "$T/card"
before=$(cd "$T/card" && find . -type f | sort | xargs sha256sum)
q() { sqlite3 "$STUDIO/picday.db" "$1" 2>/dev/null; }
# Frames and previews made so far: grows all through an import job.
progress() {
	q "SELECT count(*) + count(preview_path) FROM images"
}
# The state `jobs list` shows for every import job, one per line.
shown_states() {
	pd jobs list --format json | python3 -c 'import json, sys
for j in json.load(sys.stdin):
    if j["kind"] == "import":
        print(j["state"])'
}

SEED=${KILL9_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
echo "# KILL9_SEED=$SEED"
rnd() {	# rnd N: R = 0..N-1, from the seed
	SEED=$(( (SEED * 1103515245 + 12345) % 2147483648 ))
	R=$(( (SEED / 65536) % $1 ))
}

# A stale temporary of a job that no longer exists goes too.
DIR3="$STUDIO/library/Elm School/3002"
mkdir -p "$DIR3" && printf 'half a frame' >"$DIR3/.picday-import-99.tmp"

killed=0 ran_by_worker=0 finished=0 bad=""
round=1
while [ $round -le $ROUNDS ] && [ $finished -eq 0 ]; do
	# Where to kill: 0 as soon as the run holds the job (often while
	# the first copy is half written), else after 1-3 more frames or
	# previews.
	rnd 4; want=$R
	start=$(progress)
	rnd 3
	# picday itself, not a subshell running it: that is what is killed.
	if [ $round -eq 3 ] || { [ $round -gt 1 ] && [ $R -eq 0 ]; }; then
		"$PICDAY" --studio "$STUDIO" jobs run >/dev/null 2>&1 &
		ran_by_worker=$((ran_by_worker + 1))
	else
		"$PICDAY" --studio "$STUDIO" images import "$T/card" --by qr \
		    >/dev/null 2>&1 &
	fi
	pid=$!
	cleanup_add "kill -9 $pid"
	end=$(( $(date +%s) + 60 ))
	while [ "$(date +%s)" -le "$end" ]; do
		if ! kill -0 $pid 2>/dev/null; then
			finished=1	# it got to the end first
			break
		fi
		if [ "$want" -eq 0 ]; then
			[ "$(q "SELECT count(*) FROM jobs WHERE state = 'running'
			    AND lease_owner LIKE '%:$pid:%'")" = 1 ] && break
		else
			[ "$(progress)" -ge $((start + want)) ] && break
		fi
		sleep 0.01
	done
	if [ $finished -eq 0 ]; then
		kill -9 $pid
		wait $pid 2>/dev/null
		killed=$((killed + 1))
		echo "# round $round: killed at $(progress) (frames + previews; wanted +$want)"
		states=$(shown_states | tr '\n' ' ')
		[ "$states" = "interrupted " ] ||
		    bad="$bad round $round: jobs list shows [$states];"
	else
		wait $pid
		rc=$?
		echo "# round $round: the run finished (exit $rc) before the kill"
		[ $rc -eq 0 ] || bad="$bad round $round: exit $rc;"
	fi
	round=$((round + 1))
done
ok $([ $killed -ge 3 ]; echo $?) \
    "$killed runs killed mid-way ($ran_by_worker run by jobs run)"
is "$bad" "" "after each kill jobs list shows the one import job as interrupted"

if [ $finished -eq 0 ]; then
	pd images import "$T/card" --by qr >/dev/null 2>"$T/final.err"
	ok $? "the last run finishes the import"
else
	ok 0 "the import got to the end inside the loop"
fi
runs=$((killed + 1))	# the runs that held the job
is "$(q "SELECT count(*) || ' ' || state || ' ' || attempts FROM jobs WHERE kind = 'import'")" \
    "1 done $runs" \
    "one import job, done, claimed once by each of the $runs runs"
is "$(q "SELECT count(*) FROM jobs WHERE state = 'running'")" 0 \
    "no job is left running in the jobs table"
is "$(shown_states | tr '\n' ' ')" "done " "jobs list shows the job done"
is "$(q "SELECT count(*) || ',' || count(DISTINCT sha256) FROM images")" "$N,$N" \
    "every frame is imported exactly once"
is "$(q "SELECT group_concat(c, ' ') FROM (SELECT s.number || ':' || count(*) AS c
    FROM images i JOIN sessions s ON s.id = i.session_id GROUP BY s.number
    ORDER BY s.number)")" "3001:41 3002:41 3003:41" "each frame in its session"
is "$(find "$STUDIO/library" -type f ! -name '.*' | wc -l | tr -d ' ')" $N \
    "no frame is copied twice"
is "$(find "$STUDIO/library" -name '*.tmp' | wc -l | tr -d ' ')" 0 \
    "no temporary file is left in the library"
is "$(q "SELECT count(*) FROM images WHERE preview_path IS NULL")" 0 \
    "every frame has its preview"

# The same command twice at once, on a second card: B finds the job A
# runs (A is stopped, so that B certainly comes while A holds it) and
# follows it without taking it; when A dies, B takes it over and finishes.
C2=$T/card2/DCIM/100CANON
mkdir -p "$C2"
cp "$C/IMG_0001.JPG" "$C2/IMG_1000.JPG"	# the QR frame of 3001
n=1
while [ $n -le 30 ]; do
	f=$C2/IMG_$(printf %04d $((1000 + n))).JPG
	cp "$T/base.jpg" "$f" && printf 'card 2 frame %d' $n >>"$f"
	n=$((n + 1))
done
N2=$((N + 30))
n0=$(q "SELECT count(*) FROM images")
"$PICDAY" --studio "$STUDIO" images import "$T/card2" --by qr >/dev/null 2>&1 &
a=$!
cleanup_add "kill -9 $a"
end=$(( $(date +%s) + 60 ))
while [ "$(date +%s)" -le "$end" ] && kill -0 $a 2>/dev/null &&
    [ "$(q "SELECT count(*) FROM images")" -le "$n0" ]; do
	sleep 0.01
done
# Stopped between two of its writes: stopped inside one, A would hold the
# studio's write lock and B could not even queue (that is a hung process,
# not this test's case).
tries=0
while kill -STOP $a && ! command sqlite3 -cmd ".timeout 100" \
    "$STUDIO/picday.db" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 &&
    [ $tries -lt 200 ]; do
	kill -CONT $a
	sleep 0.01
	tries=$((tries + 1))
done
"$PICDAY" --studio "$STUDIO" images import "$T/card2" --by qr >/dev/null \
    2>"$T/b.err" &
b=$!
cleanup_add "kill -9 $b"
# B says on stderr that it waits for the job A runs.
while [ "$(date +%s)" -le "$end" ] && kill -0 $b 2>/dev/null &&
    [ ! -s "$T/b.err" ]; do
	sleep 0.01
done
owner=$(q "SELECT lease_owner FROM jobs WHERE kind = 'import' AND state = 'running'")
case $owner in *:$a:*) r=0 ;; *) r=1 ;; esac
ok $r "the second run leaves the job to the first, which holds it ($owner)"
kill -9 $a
kill -CONT $a
wait $a 2>/dev/null
wait $b
got="$?,$(q "SELECT group_concat(s, ' ') FROM (SELECT state || '/' || attempts AS s
    FROM jobs WHERE kind = 'import' ORDER BY id)")"
is "$got" "0,done/$runs done/2" \
    "when the first dies, the second takes the job over and finishes it"
[ "$got" = "0,done/$runs done/2" ] || sed 's/^/# second run: /' "$T/b.err"
is "$(q "SELECT count(*) || ',' || count(DISTINCT sha256) FROM images")" "$N2,$N2" \
    "the second card's frames are imported exactly once too"

is "$(q 'PRAGMA integrity_check')" ok "the database is sound"
after=$(cd "$T/card" && find . -type f | sort | xargs sha256sum)
ok $([ "$before" = "$after" ]; echo $?) "the card is unchanged"
done_testing
