#!/bin/sh
# make bench: runs every bench/bench-*.sh with the picday binary under test.
# Each prints its figures against a baseline measured in the same run, and
# fails where a budget (DESIGN §5) or a ratio is missed.
#
# usage: run.sh PICDAY [CFLAGS-OF-ITS-BUILD]
# The figures are those of a build as ./configure makes it by default
# (CFLAGS -g -O2, no sanitizers): when the build under test differs, a
# default one is configured and built first in bench-build/ beside it.
set -u
PICDAY=$1
flags=${2-}
here=$(cd "$(dirname "$0")" && pwd)
export top_srcdir="$here/.."
case " $flags " in
*" -g -O2 "*)	default=yes ;;
*)		default=no ;;
esac
case " $flags " in
*-fsanitize*|*" -O0 "*|*" -O1 "*|*" -O3 "*|*" -Os "*|*" -pg "*)
	default=no ;;
esac
if [ -n "$flags" ] && [ $default = no ]; then
	b=$(dirname "$PICDAY")/bench-build
	echo "== the build under test has CFLAGS '$flags': benchmarking a"
	echo "   default ./configure build in $b instead"
	mkdir -p "$b" &&
	(cd "$b" && { [ -f Makefile ] ||
	    env -u CFLAGS "$top_srcdir/configure" -q; } && make -s -j2 picday) ||
	    { echo "   cannot build it"; exit 1; }
	PICDAY=$b/picday
fi
export PICDAY
echo "== $PICDAY, built with CFLAGS: $(sed -n 's/^CFLAGS = //p' \
    "$(dirname "$PICDAY")/Makefile" 2>/dev/null)"
rc=0
for b in "$here"/bench-*.sh; do
	[ -f "$b" ] || continue
	echo "== $(basename "$b" .sh)"
	sh "$b" || { echo "   (failed)"; rc=1; }
done
exit $rc
