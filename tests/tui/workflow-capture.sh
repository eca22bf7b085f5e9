#!/bin/sh
# Group Capture (Workflow hub, c): a JPEG copied into the watched hot folder
# lands in the current session; n switches to the next student in schedule
# order; N makes a new student (client + session) on the spot.
. "$top_srcdir/tests/lib.sh"
need tmux sqlite3 convert
plan 8

pd demo --students 4 --date 2026-11-30 >/dev/null 2>&1
db() { sqlite3 "$STUDIO/picday.db" "$1"; }
wait_db() {	# wait_db SQL EXPECTED: until the query answers EXPECTED
	_i=0
	while [ "$(db "$1")" != "$2" ] && [ $_i -lt 300 ]; do
		sleep 0.1; _i=$((_i + 1))
	done
	db "$1"
}
in_session() {
	db "SELECT group_concat(s.number) FROM images i
	    JOIN sessions s ON s.id = i.session_id WHERE i.path LIKE '%/$1'"
}
mkdir "$T/hot" "$T/shots"
convert -size 200x150 gradient:red-yellow "$T/shots/CAP_0001.JPG"
convert -size 200x150 gradient:blue-white "$T/shots/CAP_0002.JPG"
convert -size 200x150 gradient:green-black "$T/shots/CAP_0003.JPG"

tui_start
wait_for 'Clients'
keys 3
wait_for 'Session 1001'
keys c
wait_for 'Group Capture'
# Hot folder, then the session (1001, the one under the cursor), then the
# organization of new students; Enter on the last field starts.
keys "$T/hot" Enter Enter Right Enter
wait_for 'Watching '
wait_for 'Student: session 1001 +García, Ravi +0 frames'
ok $? "Group Capture watches the folder for the chosen student"

cp "$T/shots/CAP_0001.JPG" "$T/hot/"
is "$(wait_db "SELECT count(*) FROM images" 1)" 1 "a frame copied into the hot folder is imported"
is "$(in_session CAP_0001.JPG)" 1001 "into the current student's session"
wait_for 'session 1001 +García, Ravi +1 frames'
ok $? "the screen counts the student's frames"

keys n
wait_for 'Student: session 1002 +Nguyen'
ok $? "n switches to the next student in schedule order"
cp "$T/shots/CAP_0002.JPG" "$T/hot/"
wait_db "SELECT count(*) FROM images" 2 >/dev/null
is "$(in_session CAP_0002.JPG)" 1002 "the next frame lands in the new student's session"

keys N
wait_for 'New student'
keys Doe Enter Jane Enter
wait_for 'Student: session 1005 +Doe, Jane'
ok $? "N makes a client and session on the spot"
cp "$T/shots/CAP_0003.JPG" "$T/hot/"
wait_db "SELECT count(*) FROM images" 3 >/dev/null
is "$(in_session CAP_0003.JPG) $(db "SELECT o.name FROM sessions s
    JOIN organizations o ON o.id = s.org_id WHERE s.number = 1005")" \
    "1005 Maple Grove Elementary" \
    "its frames go there; the new student is in the chosen organization"
keys Escape
done_testing
