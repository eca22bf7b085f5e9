#!/bin/sh
# Schedule e-mails from the Sessions hub, as a user would: the dry run
# shows the count, who has no address and the first message; Esc sends
# nothing; Send queues a mail job that the TUI's workers run against a
# loopback SMTP server (aiosmtpd); a second try says they were mailed.
. "$top_srcdir/tests/lib.sh"
need sqlite3 tmux /usr/bin/python3
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || skip_all "needs python3-aiosmtpd"
plan 9

mkdir "$T/mail"
/usr/bin/python3 "$top_srcdir/tests/cli/mail-server.py" "$T/mail" &
srv=$!
cleanup_add "kill $srv"
pd demo --no-card --students 20 --date 2026-11-30 >/dev/null 2>&1 || { echo "Bail out! demo failed"; exit 1; }
i=0
while [ ! -f "$T/mail/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
db() { sqlite3 "$STUDIO/picday.db" "$1"; }
db "INSERT OR REPLACE INTO preferences(key, value) VALUES ('mail.smtp_url', 'smtp://127.0.0.1:$(cat "$T/mail/port")');
UPDATE clients SET email = NULL WHERE id = (SELECT client_id FROM sessions WHERE number = 1003);"
to1=$(db "SELECT email FROM clients c JOIN sessions s ON s.client_id = c.id WHERE s.number = 1001")
neml() { ls "$T/mail" | grep -c '\.eml$'; }

tui_start
wait_for 'Clients' || exit 1
keys 2
wait_for 'Sessions: 20 rows' || exit 1
keys S-Down S-Down
wait_for '3 tagged' || exit 1
keys m
wait_for 'Would mail 2 of 3 sessions' &&
    wait_for 'Already mailed for that time: 0; without an address: 1'
ok $? "m shows the dry run's count"
screen | grep -q 'session 1003 (.*): no e-mail address' ; ok $? "the client without an address is named"
screen | grep -q "To: $to1" ; ok $? "the first message is shown"
keys Escape
wait_for 'Sessions: 20 rows, 3 tagged' || exit 1
is "$(db 'SELECT count(*) FROM jobs') $(db 'SELECT count(*) FROM mail_log') $(neml)" "0 0 0" \
    "Esc sends and queues nothing"

keys m
wait_for 'Would mail 2' || exit 1
keys Enter
wait_for 'queued job #[0-9]+: mail 2 sessions' ; ok $? "Send queues the mail job"
i=0
while [ "$(db "SELECT state FROM jobs WHERE kind = 'mail'")" != done ] && [ $i -lt 100 ]; do
	sleep 0.1; i=$((i + 1))
done
is "$(db "SELECT state FROM jobs WHERE kind = 'mail'")" done "the TUI's workers ran the job"
is "$(neml)" 2 "the server got the two messages"
is "$(db "SELECT group_concat(state) FROM mail_log")" "sent,sent" "both sends are in the mail log"

keys m
wait_for 'Would mail 0 of 3' && wait_for 'Already mailed for that time: 2' ; ok $? "a second try would mail nobody twice"
keys Escape
done_testing
