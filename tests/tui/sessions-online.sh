#!/bin/sh
# The Online view of a session (issue 13), as a user would: o in the
# Sessions hub shows its grants and delivery; a sets the session's grant,
# b builds and p publishes the delivery (jobs the TUI's workers run), d
# removes the grant; t and T the same for its session type's grant.  In the Workflow hub's frames, C flags a composite and
# +/- put a frame into or out of an image group.  M mails the family its
# link (aiosmtpd on loopback).  Every effect is checked
# through the CLI and the files the delivery wrote.
. "$top_srcdir/tests/lib.sh"
need tmux sqlite3 convert vipsheader /usr/bin/python3
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || skip_all "needs python3-aiosmtpd"
plan 19

db() { sqlite3 "$STUDIO/picday.db" "$1"; }
files() { /usr/bin/python3 -c '
import json, sys
print(" ".join("%s:%s:%s" % (f["file"], f["width"], str(f["watermark"]).lower())
               for f in json.load(open(sys.argv[1]))["files"]))' "$1"; }
pd demo --students 2 --no-card --date 2026-11-30 >/dev/null 2>&1
mkdir "$T/c1"
convert -size 900x600 gradient:blue-yellow "$T/c1/IMG_0001.JPG"
convert -size 900x600 gradient:red-yellow "$T/c1/IMG_0002.JPG"
touch -d '2026-11-30 08:00' "$T/c1/IMG_0001.JPG"
touch -d '2026-11-30 08:01' "$T/c1/IMG_0002.JPG"
pd images import "$T/c1" --by session=1001 >/dev/null 2>&1
pd upload target "file://$T/remote" >/dev/null 2>&1
mkdir "$T/mail"
/usr/bin/python3 "$top_srcdir/tests/cli/mail-server.py" "$T/mail" &
cleanup_add "kill $!"
i=0
while [ ! -f "$T/mail/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
pd setup set mail.smtp_url "smtp://127.0.0.1:$(cat "$T/mail/port")" >/dev/null
db "UPDATE clients SET email = 'family1001@example.org' WHERE id =
    (SELECT client_id FROM sessions WHERE number = 1001)"

tui_start
wait_for 'Clients' || exit 1
keys 2
wait_for 'Sessions: 2 rows' || exit 1
keys o
wait_for 'Session 1001: Online'
wait_for 'none: nothing to download'
ok $? "o opens the Online view of session 1001: no grant yet"

keys a
wait_for "The session's grant" || exit 1
# style all, no group, 600 px, watermark yes, release no
keys Enter Enter 600 Enter Right Enter Enter
wait_for '#[0-9]+ +session +1001 +all +600 px +watermark'
ok $? "a sets the session's grant; the view lists it"
is "$(pd grant list --format json | /usr/bin/python3 -c '
import json, sys
flag = lambda v: v in (True, 1, "1", "true")
for g in json.load(sys.stdin):
    if g["source"] == "session" and str(g["target"]) == "1001":
        print(g["style"], int(g["long_side"]), flag(g["watermark"]), flag(g["release"]))')" \
    "all 600 True False" "the grant is in the studio (grant list)"

keys b
wait_for 'Built: [0-9]{4}-' 30 && wait_for 'Job #[0-9]+: done'
ok $? "b builds the delivery (a job); the view says when"
is "$(files "$STUDIO/deliveries/1001/manifest.json")" \
    "IMG_0001.jpg:600:true IMG_0002.jpg:600:true" \
    "deliveries/1001 holds both frames at 600 px, watermarked"

keys p
wait_for 'Published: file://' 30
url=$(db "SELECT delivery_url FROM sessions WHERE number = 1001")
[ -n "$url" ] && [ -f "${url#file://}" ] &&
    [ "$(vipsheader -f width "$(dirname "${url#file://}")/IMG_0002.jpg")" = 600 ]
ok $? "p publishes it to the upload target ($url)"
like "$(screen)" "Published: ${url%%/d/*}" "the view shows the URL"

# M: the delivery e-mail of the current session, through the SMTP server.
keys Escape
wait_for 'Sessions: 2 rows' || exit 1
keys M
wait_for 'Would mail 1 of 1 sessions'
ok $? "M shows the delivery e-mail's dry run"
keys Enter
i=0
while [ "$(ls "$T/mail" | grep -c '\.eml$')" != 1 ] && [ $i -lt 100 ]; do
	sleep 0.1; i=$((i + 1))
done
grep -q '^X-Rcpt: family1001@example.org' "$T/mail/1.eml" &&
    /usr/bin/python3 -c '
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
sys.exit(0 if sys.argv[2] in m.get_content() else 1)' "$T/mail/1.eml" "$url"
ok $? "Send mails the family its link"
keys o
wait_for 'Session 1001: Online' || exit 1

keys d
wait_for 'Remove grant' || exit 1
keys y
wait_for 'none: nothing to download'
ok $? "d then y removes the grant"
is "$(pd grant list --format csv | tr -d '\r' | grep -c ',session,1001,')" 0 \
    "gone from the studio too"

keys t
wait_for "The grant of the session type" || exit 1
# style selected (two to the right of all), the rest as it is
keys Right Right Enter Enter Enter Enter Enter
wait_for '#[0-9]+ +type +Picture Day +selected +full size'
ok $? "t sets the grant of the session's type"
is "$(pd grant list --format csv | tr -d '\r' | grep -c ',type,Picture Day,selected,')" 1 \
    "the type's grant is in the studio"
keys T
wait_for 'Remove grant #[0-9]+ of session type Picture Day' || exit 1
keys y
wait_for 'none: nothing to download'
is "$(pd grant list --format csv | tr -d '\r' | grep -c ',type,')" 0 "T then y removes it"
keys Escape
wait_for 'Sessions: 2 rows'

# The frames: composite and image group keys.
keys 3
wait_for 'Session 1001' || exit 1
keys Enter
wait_for 'IMG_0002.JPG' || exit 1
keys C
wait_for 'C IMG_0001.JPG'
ok $? "C flags the current frame as a composite"
keys +
wait_for 'Put the frame into the group' || exit 1
keys Best Enter
wait_for 'put into group Best'
ok $? "+ puts it into an image group"
pd grant add --session 1001 --style non-composite >/dev/null &&
    pd delivery build --session 1001 -o "$T/nc" >/dev/null 2>&1
is "$(files "$T/nc/1001/manifest.json")" "IMG_0002.jpg:900:false" \
    "non-composite delivers only the other frame"
pd grant add --session 1001 --style group:Best >/dev/null &&
    pd delivery build --session 1001 -o "$T/gr" >/dev/null 2>&1
is "$(files "$T/gr/1001/manifest.json")" "IMG_0001.jpg:900:false" \
    "group:Best delivers the frame put into it"
keys -
wait_for 'Take the frame out of the group' || exit 1
keys Best Enter
wait_for 'taken out of group Best'
pd delivery build --session 1001 -o "$T/gr2" >/dev/null 2>"$T/err"
like "$?:$(tr "\n" " " <"$T/err")" "^1:.*no grant" "- takes it out again: the group gives nothing"
done_testing
