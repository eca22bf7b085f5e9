#!/usr/bin/python3
"""A WebDAV-ish HTTP server for picday's upload tests, with faults.

upload-faults.py DIR [--fail P] [--drop P] [--stall P] [--full] [--auth U:P]
                     [--seed N]

Stores PUT bodies under DIR/root/ (written to a temporary, then renamed,
like a real server), answers MKCOL, HEAD, GET, DELETE.  Each PUT, by chance:
--fail   answers 500 (or 503 with Retry-After: 1, or 429) after the body
--drop   reads half the body and closes the connection (reset)
--stall  reads half the body, waits 2 s, and closes
--full   answers every PUT 507 Insufficient Storage
--auth   wants HTTP Basic U:P, else 401
Every request is logged to DIR/log as "METHOD PATH STATUS BYTES".  The port
is written to DIR/port once it listens.
"""
import base64, os, random, socket, struct, sys, threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

args = sys.argv[1:]
base = args.pop(0)
opt = {'fail': 0.0, 'drop': 0.0, 'stall': 0.0, 'full': False, 'auth': None, 'seed': 1}
while args:
    a = args.pop(0)[2:]
    if a == 'full':
        opt['full'] = True
    elif a in ('fail', 'drop', 'stall'):
        opt[a] = float(args.pop(0))
    elif a == 'auth':
        opt['auth'] = 'Basic ' + base64.b64encode(args.pop(0).encode()).decode()
    elif a == 'seed':
        opt['seed'] = int(args.pop(0))
rnd = random.Random(opt['seed'])
lock = threading.Lock()
root = os.path.join(base, 'root')
os.makedirs(root, exist_ok=True)
logf = open(os.path.join(base, 'log'), 'a', buffering=1)


def roll():
    with lock:
        return rnd.random()


class H(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *a):
        pass

    def log(self, code, n=0):
        logf.write('%s %s %d %d\n' % (self.command, urllib.parse.unquote(self.path), code, n))

    def local(self):
        p = urllib.parse.unquote(urllib.parse.urlparse(self.path).path)
        p = os.path.normpath('/' + p).lstrip('/')
        return os.path.join(root, p)

    def reply(self, code, body=b'', headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def authed(self):
        if opt['auth'] and self.headers.get('Authorization') != opt['auth']:
            n = int(self.headers.get('Content-Length') or 0)
            if n:
                self.rfile.read(n)
            self.log(401)
            self.reply(401, b'no\n', [('WWW-Authenticate', 'Basic realm="t"')])
            return False
        return True

    def reset(self):
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        self.close_connection = True
        self.connection.close()

    def do_PUT(self):
        if not self.authed():
            return
        n = int(self.headers.get('Content-Length') or 0)
        r = roll()
        if r < opt['drop'] or opt['drop'] <= r < opt['drop'] + opt['stall']:
            self.rfile.read(n // 2)
            if r >= opt['drop']:
                time.sleep(2)
            self.log(0, n // 2)
            self.reset()
            return
        body = self.rfile.read(n)
        if len(body) < n:       # the client went away: store nothing
            self.log(0, len(body))
            self.close_connection = True
            return
        if opt['full']:
            self.log(507)
            return self.reply(507, b'Insufficient Storage\n')
        if r < opt['drop'] + opt['stall'] + opt['fail']:
            k = roll()
            if k < 0.2:
                self.log(429)
                return self.reply(429, b'slow down\n', [('Retry-After', '1')])
            if k < 0.4:
                self.log(503)
                return self.reply(503, b'busy\n', [('Retry-After', '1')])
            self.log(500)
            return self.reply(500, b'oops\n')
        dst = self.local()
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        tmp = '%s.tmp.%d' % (dst, threading.get_ident())
        with open(tmp, 'wb') as f:
            f.write(body)
        os.rename(tmp, dst)
        self.log(201, len(body))
        self.reply(201, b'')

    def do_MKCOL(self):
        if not self.authed():
            return
        d = self.local()
        if os.path.isdir(d):
            self.log(405)
            return self.reply(405)
        os.makedirs(d, exist_ok=True)
        self.log(201)
        self.reply(201)

    def do_HEAD(self):
        if not self.authed():
            return
        p = self.local()
        if not os.path.isfile(p):
            self.log(404)
            return self.reply(404)
        self.log(200)
        self.send_response(200)
        self.send_header('Content-Length', str(os.path.getsize(p)))
        self.end_headers()

    def do_GET(self):
        p = self.local()
        if not os.path.isfile(p):
            return self.reply(404)
        self.reply(200, open(p, 'rb').read())

    def do_DELETE(self):
        if not self.authed():
            return
        p = self.local()
        if os.path.isfile(p):
            os.unlink(p)
            self.log(204)
            return self.reply(204)
        self.log(404)
        self.reply(404)


class S(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass    # clients that go away mid-request are part of the test


srv = S(('127.0.0.1', 0), H)
srv.daemon_threads = True
with open(os.path.join(base, 'port.tmp'), 'w') as f:
    f.write(str(srv.server_address[1]))
os.rename(os.path.join(base, 'port.tmp'), os.path.join(base, 'port'))
srv.serve_forever()
