#!/bin/sh
# SIGKILL in the middle of an import, then `picday jobs run --wait`: every
# frame is imported exactly once, no file twice, no temporary file left,
# and the database is sound (issue 4, item 5; DESIGN §6).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/images-lib.sh"
plan 8

N=150
studio_with_sessions "Oak School" 2001
C=$T/card/DCIM/100CANON
# One real frame, made distinct per file by bytes after its end marker
# (JPEG readers ignore them): quick to make, and every hash differs.
frame "$T/base.jpg" 2400 1600 1
mkdir -p "$C"
i=1
while [ $i -le $N ]; do
	f=$C/IMG_$(printf %04d $i).JPG
	cp "$T/base.jpg" "$f" && printf 'frame %d' $i >>"$f"
	i=$((i + 1))
done
q() { sqlite3 "$STUDIO/picday.db" "$1" 2>/dev/null; }

"$PICDAY" --studio "$STUDIO" images import "$T/card" --by session=2001 >/dev/null 2>&1 &
pid=$!
cleanup_add "kill -9 $pid"
# Kill the job as soon as it has imported a few frames: the copies are
# quick, so a late look would find the card done.
end=$(( $(date +%s) + 60 ))
while [ "$(date +%s)" -le "$end" ]; do
	n=$(q "SELECT count(*) FROM images")
	[ "${n:-0}" -ge 3 ] && break
	sleep 0.01
done
kill -9 $pid
wait $pid 2>/dev/null
n=$(q "SELECT count(*) FROM images")
ok $([ "${n:-0}" -ge 1 ] && [ "${n:-0}" -lt $N ] && echo 0 || echo 1) \
    "the import was killed mid-way ($n of $N frames)"
is "$(q "SELECT state FROM jobs WHERE kind = 'import'")" running \
    "the killed job is left running"

pd jobs run --wait >/dev/null 2>&1
ok $? "jobs run --wait finishes the import"
is "$(q "SELECT state FROM jobs WHERE kind = 'import'")" done "the import job is done"
is "$(q "SELECT count(*) || ',' || count(DISTINCT sha256) FROM images")" "$N,$N" \
    "every frame is imported exactly once"
is "$(find "$STUDIO/library" -type f ! -name '.*' | wc -l | tr -d ' ')" $N \
    "no frame is copied twice"
is "$(find "$STUDIO" -name '*.tmp' | wc -l | tr -d ' ')" 0 "no temporary file is left"
is "$(q 'PRAGMA integrity_check')" ok "the database is sound"
done_testing
