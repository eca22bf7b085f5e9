#!/bin/sh
# Image Upload over FTP to pyftpdlib on loopback: folders made as needed,
# the tree identical, a wrong password refused and named, test connection.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/upload-lib.sh"
/usr/bin/python3 -c 'import pyftpdlib' 2>/dev/null || skip_all "needs python3-pyftpdlib"
plan 7

upload_studio 3 || { echo "Bail out! no demo studio"; exit 1; }
mkdir -p "$T/ftp/root"
cat >"$T/ftp/server.py" <<'PY'
import logging, os, sys
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer
logging.disable(logging.CRITICAL)
base = sys.argv[1]
a = DummyAuthorizer()
a.add_user('picday', 'right', os.path.join(base, 'root'), perm='elradfmwMT')
FTPHandler.authorizer = a
s = FTPServer(('127.0.0.1', 0), FTPHandler)
open(os.path.join(base, 'port.tmp'), 'w').write(str(s.socket.getsockname()[1]))
os.rename(os.path.join(base, 'port.tmp'), os.path.join(base, 'port'))
s.serve_forever()
PY
/usr/bin/python3 "$T/ftp/server.py" "$T/ftp" &
cleanup_add "kill $!"
i=0
while [ ! -f "$T/ftp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$T/ftp/port")

pd upload target "ftp://127.0.0.1:$port/photos" --user picday >/dev/null
printf 'wrong\n' | pd setup secret upload.password
pd upload 2>"$T/err"; rc=$?
is "$rc" 1 "wrong password: exit 1"
like "$(cat "$T/err")" "login refused: wrong user name or password" "the cause is named"

printf 'right\n' | pd setup secret upload.password
pd upload target "ftp://127.0.0.1:$port/photos" --user picday --test 2>"$T/err"
is "$?" 0 "test connection"
is "$(find "$T/ftp/root" -type f | wc -l)" 0 "leaves nothing"
pd upload 2>"$T/err"; rc=$?
is "$rc" 0 "upload over FTP"
is "$(check_tree "$T/ftp/root/photos")" "" "the tree is whole and identical"

# Killed with two files half sent, one of them then whole on the server.
pd upload target "ftp://127.0.0.1:$port/again" --user picday >/dev/null
mkdir -p "$T/ftp/root/again"
is "$(inflight_rerun "$T/ftp/root/again")" "" \
    "killed in flight: the half file sent again whole, the whole one and the recorded ones not again"

done_testing
