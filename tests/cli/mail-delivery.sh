#!/bin/sh
# `sessions mail --template delivery` (issue 13): each family with a
# published delivery gets its own download link, through a real SMTP
# server on loopback (aiosmtpd); sessions with nothing published are named
# and skipped; a new token is mailed again, the same one is not.
. "$top_srcdir/tests/lib.sh"
need convert sqlite3 /usr/bin/python3
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || skip_all "needs python3-aiosmtpd"
plan 14

db() { sqlite3 "$STUDIO/picday.db" "$1"; }
pd demo --students 3 --no-card --date 2026-11-30 >/dev/null 2>&1
# 1001 Nguyen, Ana María   1002 Núñez-García, Liam   1003 O'Brien, Zoë
db "UPDATE clients SET email = 'nguyen@example.org', guardian = 'Hoa Nguyen'
    WHERE last_name = 'Nguyen';
    UPDATE clients SET email = 'nunez@example.org' WHERE last_name = 'Núñez-García';
    UPDATE clients SET email = 'obrien@example.org' WHERE last_name = 'O''Brien';"
for n in 1 2 3; do
	mkdir -p "$T/c$n"
	convert -size 900x600 gradient:blue-yellow -quality 90 "$T/c$n/IMG_000$n.JPG"
	pd images import "$T/c$n" --by "session=100$n" >/dev/null 2>&1 ||
	    echo "import $n failed"
done
pd grant add --type "Picture Day" --style all --long-side 400 >/dev/null
pd upload target "file://$T/remote" >/dev/null 2>&1
u1=$(pd delivery publish --session 1001 2>/dev/null)
u2=$(pd delivery publish --session 1002 2>/dev/null)
[ -f "${u1#file://}" ] && [ -f "${u2#file://}" ] && [ "$u1" != "$u2" ]
ok $? "two sessions published, each its own URL"

mkdir "$T/mail"
/usr/bin/python3 "$top_srcdir/tests/cli/mail-server.py" "$T/mail" &
srv=$!
cleanup_add "kill $srv"
i=0
while [ ! -f "$T/mail/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$T/mail/port")
pd setup set mail.smtp_url "smtp://127.0.0.1:$port" >/dev/null
pd setup set mail.delivery.subject "" >/dev/null	# empty: the default
pd setup set mail.from studio@example.com >/dev/null
count() { ls "$T/mail" | grep -c '\.eml$'; }
# FILE...: "recipient|subject|body" per message, body lines joined by |
cat >"$T/show.py" <<'PY'
import email, email.policy, sys
for path in sys.argv[1:]:
    raw = open(path, 'rb').read()
    m = email.message_from_bytes(raw, policy=email.policy.default)
    rcpt = [l[8:] for l in raw.decode('utf-8').split('\r\n') if l.startswith('X-Rcpt: ')]
    body = m.get_content().strip().replace('\r', '').replace('\n', '|')
    print(','.join(rcpt) + '|' + str(m['Subject']) + '|' + body)
PY
show() { /usr/bin/python3 "$T/show.py" "$@"; }

out=$(pd sessions mail --template delivery 1001 1002 1003 --dry-run 2>"$T/err")
is "$?" 0 "dry run"
like "$out" "To: nguyen@example.org" "dry run shows the message"
like "$(cat "$T/err")" "session 1003 \(Zoë O'Brien\): no published delivery" \
    "dry run names the session without a delivery"
is "$(count)" 0 "dry run sends nothing"

out=$(pd sessions mail --template delivery --org "$(db 'SELECT name FROM organizations LIMIT 1')" 2>"$T/err")
is "$?:$out" "0:mailed 2 sessions; 0 not sent; 0 without an address" \
    "the families with a published delivery are mailed"
like "$(cat "$T/err")" "session 1003 \(Zoë O'Brien\): no published delivery" \
    "the session without one is named and skipped"
is "$(count):$(cat "$T/mail/rcpt.log" | LC_ALL=C sort | tr '\n' ' ')" \
    "2:nguyen@example.org nunez@example.org " "the server got one message per family"
got=$(show "$T"/mail/*.eml)
like "$got" "nguyen@example.org\|Your pictures from [^|]*\|Dear Hoa Nguyen,\|\|The pictures of Ana María Nguyen are ready to download:\|\|$u1\|" \
    "Nguyen's message carries Nguyen's link"
like "$got" "^nunez@example.org\|.*$u2" "Núñez-García's message carries Núñez-García's link"
is "$(echo "$got" | grep -c "$u1")" 1 "each link goes to its own family only"

out=$(pd sessions mail --template delivery 1001 1002 2>/dev/null)
is "$(count):$out" "2:mailed 0 sessions; 2 already mailed, 0 without an address" \
    "the same link is not mailed twice"

u1b=$(pd delivery publish --session 1001 --new-token 2>/dev/null)
pd setup set mail.delivery.subject "Photos of {first_name}" >/dev/null
out=$(pd sessions mail --template delivery 1001 1002 2>/dev/null)
is "$(count):$out" "3:mailed 1 sessions; 0 not sent; 0 without an address" \
    "a new token is mailed again"
like "$(show "$T/mail/3.eml")" "^nguyen@example.org\|Photos of Ana María\|.*$u1b" \
    "with the new link and the studio's subject"
done_testing
