# tests/cli/upload-lib.sh: shared parts of the Image Upload tests.  Sourced
# after tests/lib.sh.
#
#   upload_studio N       a demo studio of N students, its card imported,
#                         every session with frames in "Image Upload";
#                         previews 400 px; sets $numbers
#   free_port             a free TCP port on 127.0.0.1
#   wait_port PORT        until something listens there (10 s at most)
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

upload_studio() {
	pd demo --students "${1:-3}" --date 2026-03-02 >/dev/null 2>&1 || return 1
	pd images import "$STUDIO/demo-card" --by qr >/dev/null 2>&1
	pd setup set preview.long_side 400 || return 1
	numbers=$(sqlite3 "$STUDIO/picday.db" "SELECT number FROM sessions s
	    WHERE EXISTS (SELECT 1 FROM images i WHERE i.session_id = s.id
	    AND NOT i.is_marker) ORDER BY number")
	# shellcheck disable=SC2086
	pd sessions advance --to "Image Upload" $numbers >/dev/null 2>&1
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
