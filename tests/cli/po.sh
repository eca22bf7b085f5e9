#!/bin/sh
# Translations: every source file with translatable strings is in
# po/POTFILES.in, and the Spanish catalogue is valid and used.
. "$top_srcdir/tests/lib.sh"
need msgfmt
plan 3

missing=$(cd "$top_srcdir" && grep -lE '\b_\(|N_\(' src/*.c src/*/*.c |
    while read -r f; do grep -qx "$f" po/POTFILES.in || echo "$f"; done)
is "$missing" "" "po/POTFILES.in lists every file with translatable strings"

msgfmt -c -o "$T/es.mo" "$top_srcdir/po/es.po"
ok $? "po/es.po is a valid catalogue"

# The program speaks Spanish when asked (the catalogue as installed).
mkdir -p "$T/locale/es/LC_MESSAGES" && cp "$T/es.mo" "$T/locale/es/LC_MESSAGES/picday.mo"
out=$(PICDAY_LOCALEDIR="$T/locale" LANGUAGE=es "$PICDAY" --studio "$STUDIO" no-such-command 2>&1)
like "$out" "orden desconocida" "an error message comes out in Spanish"
done_testing
