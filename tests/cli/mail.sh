#!/bin/sh
# Schedule e-mails against a real SMTP server on loopback (aiosmtpd):
# dry run, sending, a refused recipient reported and retried, no double
# mail, a rescheduled session mailed again, --resend, --queue.
. "$top_srcdir/tests/lib.sh"
need sqlite3 /usr/bin/python3
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || skip_all "needs python3-aiosmtpd"
plan 26

mkdir "$T/mail"
/usr/bin/python3 "$top_srcdir/tests/cli/mail-server.py" "$T/mail" bad@example.org &
srv=$!
cleanup_add "kill $srv"
i=0
while [ ! -f "$T/mail/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$T/mail/port")

pd org add "Escuela Núñez" >/dev/null 2>&1
sqlite3 "$STUDIO/picday.db" "
INSERT INTO clients(org_id, first_name, last_name, student_id, email, guardian) VALUES
 (1, 'Ana', 'Núñez', 'S1', 'ana@example.org', 'Rosa Núñez'),
 (1, 'Bob', 'Adams', 'S2', 'bob@example.org', NULL),
 (1, 'Cy', 'Cole', 'S3', NULL, NULL),
 (1, 'Di', 'Baker', 'S4', 'bad@example.org', 'Lu Baker');
UPDATE preferences SET value = 'Día de fotos {first_name}: {date} at {time}'
 WHERE key = 'mail.schedule.subject';
INSERT OR REPLACE INTO preferences(key, value) VALUES ('mail.from', 'Studio <studio@example.com>');"
pd sessions schedule --org "Escuela Núñez" --date 2026-05-04 --from 08:00 --to 09:00 \
    --minutes 5 >/dev/null 2>&1
# Adams 1001 08:00, Baker 1002 08:05, Cole 1003 08:10, Núñez 1004 08:15
count() { ls "$T/mail" | grep -c '\.eml$'; }

out=$(pd sessions mail --org "Escuela Núñez" --dry-run 2>"$T/err"); rc=$?
is "$rc" 0 "dry run without a server set"
like "$out" "To: ana@example.org" "dry run shows the messages"
like "$out" "Dear Rosa Núñez," "template filled in"
like "$(cat "$T/err")" "session 1003 \(Cy Cole\): no e-mail address" "client without address named"
is "$(sqlite3 "$STUDIO/picday.db" 'SELECT COUNT(*) FROM mail_log')" 0 "dry run records nothing"

pd sessions mail --org "Escuela Núñez" 2>"$T/err" >/dev/null; rc=$?
is "$rc" 1 "no server set: fails"
like "$(cat "$T/err")" "no mail server is set" "and says so"

sqlite3 "$STUDIO/picday.db" "INSERT OR REPLACE INTO preferences VALUES ('mail.smtp_url', 'smtp://127.0.0.1:$port')"
out=$(pd sessions mail --org "Escuela Núñez" 2>"$T/err"); rc=$?
is "$rc" 1 "a refused recipient makes the command fail"
like "$(cat "$T/err")" "session 1002 \(Di Baker <bad@example.org>\): 550 5.1.1 mailbox unavailable" \
    "the refusal is reported for that client"
is "$out" "mailed 2 sessions; 1 not sent; 1 without an address" "the others were sent"
is "$(count)" 2 "the server got two messages"

cat >"$T/check.py" <<'PY'
import email, email.header, email.policy, email.utils, sys
for path in sys.argv[1:]:
    raw = open(path, 'rb').read()
    m = email.message_from_bytes(raw, policy=email.policy.default)
    rcpt = [l[8:] for l in raw.decode('utf-8').split('\r\n') if l.startswith('X-Rcpt: ')]
    ok = all(m[h] for h in ('Date', 'Message-ID', 'MIME-Version'))
    # The Date header parses as RFC 5322 in any locale.
    ok = ok and email.utils.parsedate_to_datetime(m['Date']) is not None
    enc = b'=?UTF-8?B?' in raw.split(b'\r\n\r\n')[0]
    print(','.join(rcpt), m['To'], str(m['Subject']), m.get_content_type(),
          m.get_content_charset(), ok, enc)
    print(m.get_content().strip().replace('\r', '').replace('\n', '|'))
PY
got=$(/usr/bin/python3 "$T/check.py" "$T"/mail/1.eml "$T"/mail/2.eml | LC_ALL=C sort)
# The day in words follows the locale (LC_TIME) the mail job ran in.
day=$(date -d 2026-05-04 '+%A %-d %B %Y')
like "$got" "ana@example.org ana@example.org Día de fotos Ana: $day at 08:15 text/plain utf-8 True True" \
    "headers: recipient, encoded UTF-8 subject, Date, Message-ID, MIME"
like "$got" "Dear Rosa Núñez,[|][|]Ana Núñez is booked for picture day at Escuela Núñez on $day at 08:15.[|]Session number: 1004." \
    "body with name, organization, date, time, number"
like "$got" "bob@example.org bob@example.org" "second recipient"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT state || ':' || to_addr || ':' || error FROM mail_log WHERE state = 'failed'")" \
    "failed:bad@example.org:550 5.1.1 mailbox unavailable" "the failure is logged"

out=$(pd sessions mail --org "Escuela Núñez" --smtp "smtp://127.0.0.1:$port" 2>/dev/null)
is "$(count):$out" "2:mailed 0 sessions; 1 not sent; 1 without an address" \
    "retry while still refused: nobody mailed twice"

touch "$T/mail/accept-all"
out=$(pd sessions mail --org "Escuela Núñez" 2>/dev/null); rc=$?
is "$rc:$out" "0:mailed 1 sessions; 0 not sent; 1 without an address" "retry sends only the failed one"
like "$(/usr/bin/python3 "$T/check.py" "$T/mail/3.eml")" "^bad@example.org" "to the one that failed"

pd sessions reschedule 1004 --date 2026-05-05 --time 09:00 >/dev/null
out=$(pd sessions mail --org "Escuela Núñez" 2>/dev/null)
is "$out" "mailed 1 sessions; 0 not sent; 1 without an address" "a rescheduled session is mailed again"

out=$(pd sessions mail 1001 1004 --resend 2>/dev/null)
is "$(count):$out" "6:mailed 2 sessions; 0 not sent; 0 without an address" "--resend mails again"

out=$(pd sessions mail 1001 --resend --queue 2>/dev/null)
like "$out" "queued job #[0-9]+: mail 1 sessions" "--queue only queues"
is "$(count):$(sqlite3 "$STUDIO/picday.db" "SELECT state FROM jobs WHERE kind = 'mail' ORDER BY id DESC LIMIT 1")" \
    "6:queued" "nothing sent yet, the job waits for the worker"

# A password lives in STUDIO/secrets (0600 only), and is never sent in clear.
printf 'mail.smtp_password=Sekr3t-pw\n' >"$STUDIO/secrets"
chmod 644 "$STUDIO/secrets"
pd sessions mail 1001 --resend >/dev/null 2>"$T/err"; rc=$?
is "$rc" 1 "a secrets file others can read is refused"
like "$(cat "$T/err")" "readable by others: chmod 600" "and says how to fix it"
chmod 600 "$STUDIO/secrets"
pd sessions mail 1001 --resend >/dev/null 2>"$T/err"; rc=$?
is "$rc:$(count)" "1:6" "with a password, a server without STARTTLS gets nothing"
sqlite3 "$STUDIO/picday.db" .dump >"$T/dump.sql"
is "$(cat "$T/err" "$T/dump.sql" "$T"/mail/*.eml | grep -c Sekr3t)" 0 \
    "the password is in no message, output or database row"
done_testing
