# tests/cli/upload-lib.sh: shared parts of the Image Upload tests.  Sourced
# after tests/lib.sh.
#
#   upload_studio N       a demo studio of N students, its card imported,
#                         every session with frames in "Image Upload";
#                         previews 400 px; sets $numbers
#   free_port             a free TCP port on 127.0.0.1
#   wait_port PORT        until something listens there (10 s at most)
#   s3_start              tests/cli/s3-server.py on a free port (it checks
#                         every SigV4 signature, key AKTEST:secret): sets
#                         $s3port; buckets are folders of $T/s3, its log
#                         "METHOD /path?query STATUS" is $T/s3.log; stopped
#                         when the test ends
#   s3 CURL-ARGS...       curl, its requests signed as AKTEST
#   check_tree DIR        what landed in DIR (the target's folder on disk)
#                         against the library: prints one line per problem,
#                         nothing when every session of $numbers is whole
need sqlite3 python3 vipsheader

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_port() {
	python3 - "$1" <<'PY'
import socket, sys, time
for i in range(200):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
PY
}

s3_start() {
	s3port=$(free_port)
	/usr/bin/python3 "$top_srcdir/tests/cli/s3-server.py" "$s3port" "$T/s3" \
	    "$T/s3.log" 2>"$T/s3.err" &
	cleanup_add "kill $!"
	wait_port "$s3port" && return 0
	sed 's/^/# /' "$T/s3.err"
	return 1
}

# S3 wants x-amz-content-sha256, which curl 7.88 does not add by itself.
s3() {
	curl -sS --aws-sigv4 "aws:amz:us-east-1:s3" --user AKTEST:secret \
	    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}

upload_studio() {	# on failure, says why (as TAP comments)
	{ pd demo --students "${1:-3}" --date 2026-03-02 >/dev/null 2>"$T/us.err" &&
	    pd images import "$STUDIO/demo-card" --by qr >/dev/null 2>>"$T/us.err" &&
	    pd setup set preview.long_side 400 2>>"$T/us.err" &&
	    numbers=$(sqlite3 "$STUDIO/picday.db" "SELECT number FROM sessions s
		WHERE EXISTS (SELECT 1 FROM images i WHERE i.session_id = s.id
		AND NOT i.is_marker) ORDER BY number") &&
	    # shellcheck disable=SC2086
	    pd sessions advance --to "Image Upload" $numbers >/dev/null \
		2>>"$T/us.err"; } && return 0
	sed 's/^/# /' "$T/us.err" | tail -n 20
	return 1
}

check_tree() {
	sqlite3 -separator '|' "$STUDIO/picday.db" "SELECT s.number, i.path, i.sha256
	    FROM images i JOIN sessions s ON s.id = i.session_id
	    WHERE NOT i.is_marker ORDER BY s.number, i.path" >"$T/expect"
	python3 - "$1" "$STUDIO" "$T/expect" $numbers <<'PY'
import hashlib, json, os, subprocess, sys
root, studio, expect = sys.argv[1:4]
want = set(sys.argv[4:])
def sha(p):
    return hashlib.sha256(open(p, 'rb').read()).hexdigest()
by = {}
for line in open(expect):
    n, path, h = line.rstrip('\n').split('|')
    if n in want:
        by.setdefault(n, []).append((path, h))
for n, imgs in sorted(by.items()):
    d = os.path.join(root, n)
    names = set()
    for path, h in imgs:
        name = os.path.basename(path)
        names.add(name)
        hi = os.path.join(d, 'hires', name)
        if not os.path.exists(hi):
            print('missing', hi); continue
        if sha(hi) != h or sha(os.path.join(studio, path)) != h:
            print('sha256 differs', hi)
        pv = os.path.join(d, 'preview', name)
        if not os.path.exists(pv):
            print('missing', pv); continue
        w, hh = subprocess.run(['vipsheader', '-f', 'width', pv], capture_output=True, text=True).stdout, \
            subprocess.run(['vipsheader', '-f', 'height', pv], capture_output=True, text=True).stdout
        if max(int(w), int(hh)) != 400:
            print('preview long side', w.strip(), hh.strip(), pv)
    try:
        m = json.load(open(os.path.join(d, 'manifest.json')))
    except Exception as e:
        print('manifest', n, e); continue
    if str(m.get('session')) != n or not m.get('client') or not m.get('organization'):
        print('manifest head', n, m.get('session'), m.get('client'))
    got = {}
    for f in m['files']:
        p = os.path.join(d, f['path'])
        if not os.path.exists(p) or os.path.getsize(p) != int(f['bytes']) or sha(p) != f['sha256']:
            print('manifest entry wrong', n, f['path'])
        got[f['path']] = f
    exp = {'hires/' + x for x in names} | {'preview/' + x for x in names}
    if set(got) != exp:
        print('manifest lists', sorted(got), 'not', sorted(exp))
    extra = set(os.listdir(d)) - {'hires', 'preview', 'manifest.json'}
    if extra:
        print('extra files', n, sorted(extra))
PY
}

# remote_state DIR: one line per file under DIR (the target's folder on
# disk): "PATH SIZE LOCAL_SIZE MTIME_NS", LOCAL_SIZE the size of the file
# it stands for in the studio (library frame, made preview, manifest).
remote_state() {
	sqlite3 -separator '|' "$STUDIO/picday.db" "SELECT s.number, i.path
	    FROM images i JOIN sessions s ON s.id = i.session_id
	    WHERE NOT i.is_marker" >"$T/frames"
	python3 - "$1" "$STUDIO" "$T/frames" <<'PY'
import os, sys
root, studio, frames = sys.argv[1:4]
lib = {}
for line in open(frames):
    n, path = line.rstrip('\n').split('|')
    lib[(n, os.path.basename(path))] = os.path.join(studio, path)
for d, _, files in os.walk(root):
    for f in files:
        p = os.path.join(d, f)
        rel = os.path.relpath(p, root)
        parts = rel.split('/')
        local = None
        if len(parts) == 3 and parts[1] == 'hires':
            local = lib.get((parts[0], parts[2]))
        elif len(parts) == 3 and parts[1] == 'preview':
            local = os.path.join(studio, 'uploads/previews', parts[0], parts[2])
        elif len(parts) == 2 and parts[1] == 'manifest.json':
            local = os.path.join(studio, 'uploads/manifests', parts[0] + '.json')
        size = os.path.getsize(local) if local and os.path.exists(local) else -1
        st = os.stat(p)
        print(rel, st.st_size, size, st.st_mtime_ns)
PY
}

# inflight_rerun DIR: the saved target (its files land in DIR) gets an
# upload killed (-9) while two files are half sent; one of them is then
# completed by hand on the server (its last byte arrived before the kill).
# The rerun must find both by their size: the half one sent again whole,
# the whole one not sent again, and no file recorded before the kill sent
# again.  Prints one line per problem, nothing when all is well.
inflight_rerun() {
	pd setup set upload.parallel 2 || return 1
	pd setup set upload.limit_rate 40k || return 1
	sess=
	for n in $numbers; do sess="$sess --session $n"; done
	# shellcheck disable=SC2086
	"$PICDAY" --studio "$STUDIO" upload $sess >/dev/null 2>&1 &
	pid=$!
	i=0 ok=
	while [ $i -lt 400 ] && kill -0 $pid 2>/dev/null; do
		remote_state "$1" >"$T/state"
		# a file recorded whole, and two half sent
		if [ "$(awk '$2 > 0 && $2 < $3' "$T/state" | wc -l)" -ge 2 ] &&
		    [ "$(pd upload list --format csv 2>/dev/null | wc -l)" -ge 2 ]; then
			ok=1
			break
		fi
		sleep 0.05
		i=$((i + 1))
	done
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ -n "$ok" ] || { echo "never saw two files half sent"; return 0; }
	remote_state "$1" >"$T/state"
	awk '$2 > 0 && $2 < $3 { print $1 }' "$T/state" >"$T/half"
	[ "$(wc -l <"$T/half")" -ge 2 ] || { echo "no two half files after the kill"; return 0; }
	# What was recorded before the kill, and its time on the server.
	pd upload list --format csv | sed 1d | cut -d, -f1 | sort >"$T/recorded"
	whole=$(sed -n 1p "$T/half")
	half=$(sed -n 2p "$T/half")
	python3 - "$1/$whole" "$STUDIO" "$T/frames" "$whole" <<'PY'
import os, shutil, sys
dst, studio, frames, rel = sys.argv[1:5]
n, kind, name = rel.split('/')
src = None
if kind == 'hires':
    for line in open(frames):
        num, path = line.rstrip('\n').split('|')
        if num == n and os.path.basename(path) == name:
            src = os.path.join(studio, path)
else:
    src = os.path.join(studio, 'uploads/previews', n, name)
shutil.copyfile(src, dst)
PY
	remote_state "$1" | sort >"$T/before"
	pd setup set upload.limit_rate '' || return 1
	# shellcheck disable=SC2086
	pd upload $sess >/dev/null 2>"$T/err" || echo "the rerun failed: $(cat "$T/err")"
	remote_state "$1" | sort >"$T/after"
	check_tree "$1"
	awk -v h="$half" '$1 == h && $2 != $3 { print "still half sent:", $0 }' "$T/after"
	# Same mtime as before the rerun: not sent again.
	for p in $(cat "$T/recorded") "$whole"; do
		b=$(awk -v p="$p" '$1 == p { print $4 }' "$T/before")
		a=$(awk -v p="$p" '$1 == p { print $4 }' "$T/after")
		[ -n "$b" ] && [ "$a" = "$b" ] || echo "sent again: $p ($b, $a)"
	done
}
