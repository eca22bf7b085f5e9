#!/bin/sh
# An SMTP 5xx for a recipient is final for that message: shown, and not sent
# again when the job retries; a 4xx is tried again (with the job's back-off)
# and then goes through.  Against aiosmtpd on loopback.
. "$top_srcdir/tests/lib.sh"
need sqlite3 /usr/bin/python3
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || skip_all "needs python3-aiosmtpd"
plan 10

mkdir "$T/mail"
/usr/bin/python3 "$top_srcdir/tests/cli/mail-server.py" "$T/mail" \
    gone@example.org 451:busy@example.org &
srv=$!
cleanup_add "kill $srv"
i=0
while [ ! -f "$T/mail/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$T/mail/port")

pd org add "Elm" >/dev/null 2>&1
sqlite3 "$STUDIO/picday.db" "
INSERT INTO clients(org_id, first_name, last_name, student_id, email) VALUES
 (1, 'Al', 'Adams', 'S1', 'al@example.org'),
 (1, 'Bo', 'Busy', 'S2', 'busy@example.org'),
 (1, 'Cy', 'Gone', 'S3', 'gone@example.org');
INSERT OR REPLACE INTO preferences(key, value) VALUES
 ('mail.from', 'Studio <studio@example.com>'),
 ('mail.smtp_url', 'smtp://127.0.0.1:$port');"
pd sessions schedule --org Elm --date 2030-05-06 --from 08:00 --to 09:00 \
    --minutes 5 >/dev/null 2>&1
tries() { grep -c "^$1\$" "$T/mail/rcpt.log"; }
got() { cat "$T"/mail/*.eml 2>/dev/null | grep -c "^X-Rcpt: $1"; }

out=$(pd sessions mail --org Elm 2>"$T/err"); rc=$?
is "$rc:$out" "1:mailed 1 sessions; 2 not sent; 0 without an address" \
    "first attempt: one sent, one refused, one to try again"
like "$(cat "$T/err")" "session 1003 \(Cy Gone <gone@example.org>\): 550 5.1.1 mailbox unavailable" \
    "the refusal (550) is shown"
like "$(cat "$T/err")" "session 1002 \(Bo Busy <busy@example.org>\): 451 4.3.0 try again later" \
    "the temporary failure (451) is shown"
is "$(pd jobs list --format tsv | awk -F'\t' 'NR == 2 { print $3 }')" queued \
    "the job is queued again for the 451"

pd jobs run --wait 2>"$T/err"; rc=$?
is "$rc:$(got busy@example.org):$(tries busy@example.org)" "0:1:2" \
    "the retry (after its back-off) delivers the 451 one"
is "$(tries gone@example.org):$(got gone@example.org)" "1:0" \
    "the 550 one is not tried again"
is "$(got al@example.org)" 1 "and nobody got a message twice"
is "$(pd jobs list --format tsv | awk -F'\t' 'NR == 2 { print $3 }')" done \
    "the job is done"
like "$(pd jobs list --format json | /usr/bin/python3 -c '
import json, sys; print(json.load(sys.stdin)[0]["last_error"])')" \
    "^1 message refused by the server" \
    "and says a message was refused"
like "$(pd jobs list --format json | /usr/bin/python3 -c '
import json, sys; print(json.load(sys.stdin)[0]["last_error"])')" \
    "^session 1003 \(Cy Gone <gone@example.org>\): 550 5.1.1 mailbox unavailable" \
    "naming it, with the server's reply"
done_testing
