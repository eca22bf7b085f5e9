#!/usr/bin/python3
"""A loopback SMTP server for picday's mail tests (python3-aiosmtpd).

mail-server.py DIR [ADDRESS...]: listens on 127.0.0.1 on a free port,
writes the port to DIR/port once it accepts connections, stores each
message as DIR/N.eml (with X-Rcpt: lines for the envelope recipients) and
answers RCPT TO for any ADDRESS given with 550 mailbox unavailable; an
ADDRESS written 451:ADDRESS gets 451 (try again later) the first time only.
Every RCPT TO is appended to DIR/rcpt.log, one address a line.
A file DIR/accept-all makes it accept everyone from then on.
"""
import os
import signal
import socket
import sys
import time

from aiosmtpd.controller import Controller

outdir = sys.argv[1]
reject = {a.lower() for a in sys.argv[2:] if not a.startswith('451:')}
later = {a[4:].lower() for a in sys.argv[2:] if a.startswith('451:')}


class Handler:
    count = 0

    async def handle_RCPT(self, server, session, envelope, address, options):
        with open(os.path.join(outdir, 'rcpt.log'), 'a') as f:
            f.write(address + '\n')
        if os.path.exists(os.path.join(outdir, 'accept-all')):
            pass
        elif address.lower() in reject:
            return '550 5.1.1 mailbox unavailable'
        elif address.lower() in later:
            later.discard(address.lower())
            return '451 4.3.0 try again later'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        Handler.count += 1
        path = os.path.join(outdir, '%d.eml' % Handler.count)
        with open(path + '.tmp', 'wb') as f:
            for r in envelope.rcpt_tos:
                f.write(b'X-Rcpt: ' + r.encode() + b'\r\n')
            f.write(b'X-Mail-From: ' + envelope.mail_from.encode() + b'\r\n')
            f.write(envelope.original_content)
        os.rename(path + '.tmp', path)
        return '250 Message accepted'


s = socket.socket()
s.bind(('127.0.0.1', 0))
port = s.getsockname()[1]
s.close()
controller = Controller(Handler(), hostname='127.0.0.1', port=port,
                        decode_data=False)
controller.start()
with open(os.path.join(outdir, 'port.tmp'), 'w') as f:
    f.write(str(port))
os.rename(os.path.join(outdir, 'port.tmp'), os.path.join(outdir, 'port'))
signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
try:
    while True:
        time.sleep(3600)
finally:
    controller.stop()
