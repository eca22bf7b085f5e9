#!/usr/bin/python3
# A test HTTPS server on 127.0.0.1 (a free port, written to DIR/port):
# serves the files of DIR; with USER:PASSWORD it asks for HTTP basic auth
# and logs each Authorization it saw to DIR/auth.log.
#   https-server.py DIR CERT KEY [USER:PASSWORD]
import base64, http.server, os, ssl, sys

root, cert, key = sys.argv[1], sys.argv[2], sys.argv[3]
cred = sys.argv[4] if len(sys.argv) > 4 else None


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **kw):
        super().__init__(*a, directory=root, **kw)

    def log_message(self, *a):
        pass

    def do_GET(self):
        if cred is not None:
            want = "Basic " + base64.b64encode(cred.encode()).decode()
            got = self.headers.get("Authorization")
            with open(os.path.join(root, "auth.log"), "a") as f:
                f.write("%s\n" % (got == want))
            if got != want:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="orders"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        super().do_GET()


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
with open(os.path.join(root, "port.tmp"), "w") as f:
    f.write("%d\n" % srv.server_address[1])
os.rename(os.path.join(root, "port.tmp"), os.path.join(root, "port"))
srv.serve_forever()
