#!/bin/sh
# SIGKILL in the middle of a yearbook export, then `picday jobs run --wait`:
# the volume comes out the same, byte for byte, as one exported without a
# kill; no portrait twice, no temporary file left (DESIGN §6).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/images-lib.sh"
plan 9

N=80
numbers=$(seq 3001 $((3000 + N)))
# shellcheck disable=SC2086
studio_with_sessions "Oak School" $numbers
# One real frame, made distinct per session by bytes after its end marker
# (JPEG readers ignore them); recorded as each session's frame.
frame "$T/base.jpg" 1600 2000 1
L=$STUDIO/library/Oak_School
for n in $numbers; do
	mkdir -p "$L/$n"
	cp "$T/base.jpg" "$L/$n/IMG_0001.JPG" && printf 'frame %d' "$n" >>"$L/$n/IMG_0001.JPG"
	sum=$(sha256sum "$L/$n/IMG_0001.JPG" | cut -c1-64)
	echo "INSERT INTO images(session_id, path, sha256, captured_at)
	    SELECT id, 'library/Oak_School/$n/IMG_0001.JPG', '$sum',
	    '2026-11-30T10:00:00.000' FROM sessions WHERE number = $n;"
done | sqlite3 "$STUDIO/picday.db"
q() { sqlite3 "$STUDIO/picday.db" "$1" 2>/dev/null; }

# kill_after DIR K: starts the export into DIR, kills it once K portraits
# are out.
kill_after() {
	"$PICDAY" --studio "$STUDIO" export pspa --org "Oak School" -o "$1" >/dev/null 2>&1 &
	pid=$!
	cleanup_add "kill -9 $pid 2>/dev/null"
	end=$(( $(date +%s) + 60 ))
	while [ "$(date +%s)" -le "$end" ]; do
		[ "$(ls "$1/IMAGES" 2>/dev/null | wc -l)" -ge "$2" ] && break
		sleep 0.01
	done
	kill -9 $pid
	wait $pid 2>/dev/null
}
kill_after "$T/a/OAK" 3
n=$(ls "$T/a/OAK/IMAGES" | wc -l)
ok $([ "$n" -ge 1 ] && [ "$n" -lt $N ] && [ ! -e "$T/a/OAK/INDEX.TXT" ] && echo 0 || echo 1) \
    "the export was killed mid-way ($n of $N portraits, no index yet)"

pd jobs run --wait >/dev/null 2>&1
ok $? "jobs run --wait finishes it"
is "$(q "SELECT state FROM jobs WHERE kind = 'pspa'")" done "the job is done"

pd export pspa --org "Oak School" -o "$T/b/OAK" >/dev/null 2>&1
diff -r "$T/a/OAK" "$T/b/OAK" >/dev/null
ok $? "the resumed volume is byte for byte the one exported in one go"
is "$(awk 'NR > 1' "$T/a/OAK/INDEX.TXT" | wc -l | tr -d ' ')" $N "every student once in the index"
is "$(ls -A "$T/a/OAK/IMAGES" | grep -cv '\.jpg$')" 0 "no temporary file left"

# Killed again, then the same command once more: it takes its job over.
kill_after "$T/c/OAK" 3
pd export pspa --org "Oak School" -o "$T/c/OAK" 2>"$T/err"
ok $? "the same command run again finishes the export"
like "$(cat "$T/err")" "resuming job" "taking over the killed job"
diff -r "$T/c/OAK" "$T/b/OAK" >/dev/null
ok $? "and its volume is the same, byte for byte"
done_testing
