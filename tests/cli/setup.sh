#!/bin/sh
# picday setup: preferences for scripts; passwords only in the 0600 secrets file.
. "$top_srcdir/tests/lib.sh"
plan 11

pd setup set mail.smtp_url smtp://127.0.0.1:2525
ok $? "a mail server URL is saved"
is "$(pd setup get mail.smtp_url)" "smtp://127.0.0.1:2525" "and read back"

pd setup set mail.smtp_url http://x 2>"$T/err"
is $? 1 "a URL that is not SMTP is refused"
like "$(cat "$T/err")" "mail.smtp_url: 'http://x' is not a URL starting smtp" "with the reason"

pd setup set mail.smtp_url smtp://bob:hunter2@mail.example.org 2>/dev/null
is $? 1 "a password inside the URL is refused"

pd setup set mail.smpt_url x 2>/dev/null
is $? 2 "a misspelt setting is a usage error"

pd setup set mail.smtp_password hunter2 2>"$T/err"
like "$(cat "$T/err")" "is a secret: use .picday setup secret" "a password is never taken from argv"

printf 'hunter2\n' | pd setup secret mail.smtp_password
is "$(stat -c %a "$STUDIO/secrets")" 600 "the secrets file is 0600"
pd setup list --format csv >"$T/list.csv"
if grep -q hunter2 "$T/list.csv" "$STUDIO/picday.db"; then r=1; else r=0; fi
ok $r "the password is neither listed nor in the database"
like "$(grep '^mail.smtp_password' "$T/list.csv")" '^mail.smtp_password,\*\*\*\*\*\*\*\*,' "it shows as set"

chmod 644 "$STUDIO/secrets"
pd setup list >/dev/null 2>"$T/err"
like "$(cat "$T/err")" "readable by others: chmod 600" "a secrets file others can read is refused"
done_testing
