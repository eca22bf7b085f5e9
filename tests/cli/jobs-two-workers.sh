#!/bin/sh
# Two worker processes (two threads each) on one queue never run the same
# job: every job is run once, by one of them (DESIGN §2).  Enough jobs that
# the second worker wakes from its idle poll before the first drains them.
. "$top_srcdir/tests/lib.sh"
need sqlite3
plan 5

pd jobs list >/dev/null || exit 1
for w in 1 2; do
	"$PICDAY" --studio "$STUDIO" worker --threads 2 2>"$T/w$w.log" &
	eval "W$w=\$!"
	cleanup_add "kill -9 $!"
done
end=$(( $(date +%s) + 20 ))
until grep -q running "$T/w1.log" && grep -q running "$T/w2.log"; do
	[ "$(date +%s)" -le "$end" ] || break
	sleep 0.05
done

# Many small jobs at once: preview jobs with no image to preview.  On a
# loaded machine one worker can drain a batch before the other wakes from
# its idle poll; then another batch comes (at most three), so that the run
# has both taking jobs from one queue at once.
# Count the state column: the header line has ",done," in it too.
ndone() {
	pd jobs list --format csv | tr -d '\r' |
	    awk -F, 'NR > 1 && $3 == "done" { n++ } END { print n + 0 }'
}
N=0
for round in 1 2 3; do
	sqlite3 "$STUDIO/picday.db" "WITH RECURSIVE n(i) AS (SELECT 1
	    UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO
	    jobs(kind, title) SELECT 'preview', 'job ' || i FROM n"
	N=$((N + 1000))
	# A loaded machine (an ASan build beside two others) can take minutes.
	end=$(( $(date +%s) + 300 ))
	while [ "$(ndone)" -lt $N ]; do
		[ "$(date +%s)" -le "$end" ] || break
		sleep 0.1
	done
	grep -q ': done' "$T/w1.log" && grep -q ': done' "$T/w2.log" && break
done
kill -TERM $W1 $W2
wait $W1; rc1=$?
wait $W2; rc2=$?
is "$rc1,$rc2" "0,0" "both workers stop cleanly on SIGTERM"

q() { sqlite3 "$STUDIO/picday.db" "$1"; }
# What a failure needs to be understood: the jobs that are not plain.
q "SELECT id, state, attempts, lease_owner, last_error FROM jobs
    WHERE state != 'done' OR attempts != 1" | sed 's/^/# /'
grep -v ': done' "$T/w1.log" "$T/w2.log" | sed 's/^/# /' | head -20
is "$(q "SELECT count(*) FROM jobs WHERE state = 'done'")" $N \
    "all $N jobs are done"
is "$(q 'SELECT count(*) FROM jobs WHERE attempts != 1')" 0 \
    "every job was claimed exactly once"
cat "$T/w1.log" "$T/w2.log" | sed -n 's/.*preview #\([0-9]*\): done.*/\1/p' |
    sort -n >"$T/ran"
is "$(wc -l <"$T/ran" | tr -d ' '),$(uniq -d "$T/ran" | wc -l | tr -d ' ')" \
    "$N,0" "the workers' logs show each job run once, none twice"
n1=$(grep -c ': done' "$T/w1.log"); n2=$(grep -c ': done' "$T/w2.log")
ok $([ "$n1" -gt 0 ] && [ "$n2" -gt 0 ]; echo $?) \
    "both workers took part ($n1 and $n2 jobs)"
done_testing
