#!/bin/sh
# Image Upload over SFTP to an sshd on loopback with its own host key and an
# authorized key: the tree, a known host key required (unknown or changed:
# refused, the key named, nothing written), a wrong password refused.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/upload-lib.sh"
need ssh-keygen
[ -x /usr/sbin/sshd ] || skip_all "needs openssh-server"
[ "$(id -u)" = 0 ] || [ "${CI:-}" = true ] || skip_all "sshd on loopback runs as root here"
plan 12

upload_studio 3 || { echo "Bail out! no demo studio"; exit 1; }

S=$T/ssh
mkdir -p "$S" "$T/remote"
chmod 700 "$S"
ssh-keygen -q -t ed25519 -N '' -f "$S/host" </dev/null
ssh-keygen -q -t ed25519 -N '' -f "$S/other" </dev/null
ssh-keygen -q -t ed25519 -N '' -f "$S/id" </dev/null
cp "$S/id.pub" "$S/authorized_keys"
port=$(free_port)
cat >"$S/sshd_config" <<CONF
ListenAddress 127.0.0.1
HostKey $S/host
PidFile $S/sshd.pid
AuthorizedKeysFile $S/authorized_keys
StrictModes no
PermitRootLogin yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no
Subsystem sftp internal-sftp
CONF
mkdir -p /run/sshd
/usr/sbin/sshd -D -e -f "$S/sshd_config" -p "$port" 2>"$S/log" &
cleanup_add "kill $!"
wait_port "$port" || { echo "Bail out! sshd did not start: $(cat "$S/log")"; exit 1; }
user=$(id -un)
printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$S/host.pub")" >"$S/known_hosts"
printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$S/other.pub")" >"$S/changed_hosts"
: >"$S/empty_hosts"
fp=$(ssh-keygen -l -f "$S/host.pub" | cut -d' ' -f2)
url="sftp://127.0.0.1:$port$T/remote"

pd upload target "$url" --user "$user" --identity "$S/id" --known-hosts "$S/changed_hosts" >/dev/null
pd upload 2>"$T/err"; rc=$?
is "$rc" 1 "changed host key: exit 1"
grep -qF "host key ssh-ed25519 $fp does not match" "$T/err"
ok $? "the server's key is named"

pd upload target "$url" --user "$user" --identity "$S/id" --known-hosts "$S/empty_hosts" >/dev/null
pd upload 2>"$T/err"; rc=$?
is "$rc" 1 "unknown host key: exit 1"
grep -qF "host key ssh-ed25519 $fp is not in" "$T/err"
ok $? "named too"

pd upload target "$url" --user "$user" --known-hosts "$S/known_hosts" >/dev/null
printf 'not-the-password\n' | pd setup secret upload.password
pd upload 2>"$T/err"; rc=$?
is "$rc" 1 "wrong password: exit 1"
like "$(cat "$T/err")" "login refused: wrong user name or password" "the cause is named"
is "$(find "$T/remote" -type f | wc -l)" 0 "nothing was written so far"
is "$(sqlite3 "$STUDIO/picday.db" "SELECT group_concat(state || ' ' || attempts)
    FROM (SELECT state, attempts FROM jobs WHERE kind = 'upload'
    AND attempts > 0 ORDER BY id)")" \
    "failed 1,failed 1,failed 1" \
    "changed or unknown host key, wrong password: each job failed at once, not tried again"

pd setup secret upload.password --unset
pd upload target "$url" --user "$user" --identity "$S/id" --known-hosts "$S/known_hosts" --test 2>"$T/err"
is "$?" 0 "test connection with the key"
pd upload 2>"$T/err"; rc=$?
is "$rc" 0 "upload over SFTP"
is "$(check_tree "$T/remote")" "" "the tree is whole and identical"

# Killed with two files half sent, one of them then whole on the server.
mkdir -p "$T/remote2"
pd upload target "sftp://127.0.0.1:$port$T/remote2" --user "$user" --identity "$S/id" \
    --known-hosts "$S/known_hosts" >/dev/null
is "$(inflight_rerun "$T/remote2")" "" \
    "killed in flight: the half file sent again whole, the whole one and the recorded ones not again"

done_testing
