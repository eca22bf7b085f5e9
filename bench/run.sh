#!/bin/sh
# make bench: runs every bench/bench-*.sh with the picday binary under test.
# Each prints its figures as ratios against a baseline measured in the same run.
set -u
PICDAY=$1; export PICDAY
here=$(cd "$(dirname "$0")" && pwd)
export top_srcdir="$here/.."
rc=0
for b in "$here"/bench-*.sh; do
	[ -f "$b" ] || continue
	echo "== $(basename "$b" .sh)"
	sh "$b" || { echo "   (failed)"; rc=1; }
done
exit $rc
