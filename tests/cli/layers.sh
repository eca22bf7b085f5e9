#!/bin/sh
# The layers of DESIGN §2 hold in src/: no include points up the order
# util < store, media, net < core < jobs < cli, tui < main.c, cli and tui
# never include each other, and no modules include each other in a circle
# (tests/cli/layers.py; foo.c and foo.h are one module).
. "$top_srcdir/tests/lib.sh"
need python3
plan 6

check="$top_srcdir/tests/cli/layers.py"

out=$(python3 "$check" "$top_srcdir/src")
rc=$?
is "$(printf '%s\n' "$out" | grep '^up:')" "" "no include in src/ points up the layers"
is "$(printf '%s\n' "$out" | grep '^cycle:')" "" "no include circle in src/"
ok $rc "the layer check passes on src/"

is "$(grep -rl '#include "cli/' "$top_srcdir/src/tui")" "" \
    "nothing under src/tui includes cli/"

# The check itself finds what it is there for: a tree with an arrow up, a
# circle of three modules and a face including the other.
mkdir -p "$T/src/util" "$T/src/core" "$T/src/cli" "$T/src/tui"
printf '#include "core/a.h"\n' >"$T/src/util/x.c"
printf '#include "core/b.h"\n' >"$T/src/core/a.c"
printf '#include "core/c.h"\n' >"$T/src/core/b.h"
printf '#include "core/a.h"\n#include "util/x.h"\n' >"$T/src/core/c.c"
: >"$T/src/core/a.h"; : >"$T/src/core/c.h"; : >"$T/src/util/x.h"
printf '#include "cli/cli.h"\n' >"$T/src/tui/tui.c"
: >"$T/src/cli/cli.h"
out=$(python3 "$check" "$T/src")
rc=$?
like "$out" "up: util/x.c:1 includes core/a.h" "an include up the layers is found"
found=1
printf '%s\n' "$out" | grep -q '^cycle: core/a -> core/b -> core/c -> core/a ' &&
    printf '%s\n' "$out" | grep -q '^up: tui/tui.c:1 includes cli/cli.h' &&
    found=0
[ $rc -ne 0 ] && [ $found -eq 0 ]
ok $? "a circle and tui including cli are found, and the check fails"
done_testing
