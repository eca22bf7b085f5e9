#!/bin/sh
# The Setup hub's money format form ($): the currency symbol, where it
# goes, the thousands and decimal marks, with a live example; a format that
# cannot be read back (the same mark twice, a symbol with digits) is
# refused and nothing is saved; OK saves the money.* settings and amounts
# are shown the new way.
. "$top_srcdir/tests/lib.sh"
need tmux
plan 10

pd demo --students 3 --date 2026-05-04 --no-card >/dev/null 2>&1
printf 'code,name,kind,price\nDL,Download,digital,"$1,234.50"\n' >"$T/pl.csv"
pd pricelist import "$T/pl.csv" 2>/dev/null
pd invoices add --session 1001 DL >/dev/null 2>&1

get() { pd setup get "$1" | tr -d '\r'; }

tui_start
wait_for 'Clients' || exit 1
keys 7
wait_for 'Setup' || exit 1
keys '$'
wait_for 'Money format'
ok $? "\$ opens the money format form"
like "$(screen)" 'Example: \$1,234,567\.89 and -\$0\.05' "the example in the current format"

# A symbol with a digit is refused.
keys C-u E1 Enter Enter Enter Enter
wait_for 'currency symbol: at most 4'
ok $? "a symbol with a digit is refused"
is "$(get money.symbol)" '$' "and nothing is saved"

# (the focus is back on the symbol) €, after the amount; thousands "." while the decimal mark is "." too.
keys C-u '€' Down Right Down Right
wait_for "Not possible: thousands and decimal marks are both '\\.'"
ok $? "the live check sees the same mark twice"
keys Down Enter
wait_for '^ *│ thousands and decimal marks are both'
is "$(get money.thousands)" ',' "OK refuses it and saves nothing"

# The focus stays on the decimal mark: a comma.
keys Right
wait_for 'Example: 1\.234\.567,89 € and -0,05 €'
ok $? "the example follows the fields"
keys Enter
wait_for 'Money format saved'
is "$(get money.symbol) $(get money.position) [$(get money.thousands)] $(get money.decimal)" \
    "€ after [.] ," "OK saves the money settings"
keys 4
wait_for '1\.234,50 €'
ok $? "the Invoices hub shows amounts the new way"
keys 7 '$'
wait_for 'Example: 1\.234\.567,89 €'
ok $? "the form opens on the saved format"
done_testing
