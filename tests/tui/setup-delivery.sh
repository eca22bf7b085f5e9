#!/bin/sh
# The Setup hub's digital delivery settings (D, issue 13): every field
# lands in the setup key of the same meaning, as `picday setup get` shows,
# and the form opens again on what was saved.
. "$top_srcdir/tests/lib.sh"
need tmux
plan 6

pd demo --students 1 --no-card --date 2026-11-30 >/dev/null 2>&1
pd setup set delivery.on_invoice off >/dev/null
tui_start
wait_for 'Clients' || exit 1
keys 7
wait_for 'Setup' || exit 1
keys D
wait_for 'Delivery settings' || exit 1
wait_for 'On invoice.*< off >'
ok $? "the form opens on the saved choice"
keys 'PROOF COPY' Enter 'Keep these.\nShare them.' Enter Best Enter first:2 Enter \
    Right Enter 7d Enter https://photos.example.org/ Enter 'Photos of {first_name}' Enter \
    'Here: {url}' Enter
wait_for 'Delivery settings saved'
ok $? "OK saves"
is "$(pd setup get delivery.watermark):$(pd setup get groups.auto):$(pd setup get groups.auto_rule)" \
    "PROOF COPY:Best:first:2" "watermark, auto group and its rule"
is "$(pd setup get delivery.on_invoice):$(pd setup get delivery.presign):$(pd setup get delivery.url)" \
    "build:7d:https://photos.example.org/" "on invoice (the next choice after off), presign, public URL"
is "$(pd setup get delivery.release | tr '\n' '|')" "Keep these.|Share them.|" \
    "the release's wording, \\\\n a new line"
keys D
wait_for 'Delivery settings' || exit 1
wait_for 'Release +Keep these\.\\nShare them\.'
ok $? "the form opens again on what was saved"
done_testing
