#!/usr/bin/python3
"""A small S3 server for picday's tests: path-style, one user, SigV4 checked.

s3-server.py PORT ROOT LOG [--key ACCESS_KEY:SECRET] [--region REGION]
s3-server.py --self-test

Listens on 127.0.0.1:PORT (HTTP/1.1, keep-alive, Expect: 100-continue).
Every request must be signed with AWS Signature Version 4 by the one key
(AKTEST:secret unless --key), in an Authorization header or in the query
(a presigned URL); the signature is computed here from the request as
received, the way S3 does (path and each query name and value decoded and
URI-encoded again, sorted, "name=" for a name without a value; headers
lowercased and trimmed; the payload hash from x-amz-content-sha256, checked
against the body unless UNSIGNED-PAYLOAD), so a client that signs anything
else than what it sends is refused: 403 SignatureDoesNotMatch, unknown key
403 InvalidAccessKeyId, a presigned URL past X-Amz-Date + X-Amz-Expires
(by this process's clock) 403 AccessDenied.  No other check of the clock.

Buckets are folders ROOT/BUCKET, objects plain files under them (a test can
read them directly); unfinished multipart uploads live in ROOT/.multipart.
Operations: CreateBucket, PutObject, GetObject, HeadObject, DeleteObject,
ListObjects(V2), CreateMultipartUpload, UploadPart, ListMultipartUploads,
ListParts, CompleteMultipartUpload, AbortMultipartUpload.

Each request is appended to LOG, one line, "METHOD /path?query STATUS".
SIGTERM stops it.  --self-test signs requests with botocore (python3-botocore)
and checks that this verifier accepts them and refuses them altered; prints
"ok" or what went wrong.
"""
import calendar, email.utils, hashlib, hmac, json, mimetypes, os, re, secrets
import shutil, signal, sys, threading, time, urllib.parse
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape as xesc

NS = 'http://s3.amazonaws.com/doc/2006-03-01/'
UNSIGNED = 'UNSIGNED-PAYLOAD'
EMPTY_SHA = hashlib.sha256(b'').hexdigest()


class S3Error(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


# ---- SigV4, as S3 computes it from what it received ----------------------

def uri_encode(s, keep_slash=False):
    """AWS's URI encoding: every byte but A-Z a-z 0-9 - _ . ~ as %XY."""
    return urllib.parse.quote(s, safe='/~' if keep_slash else '~')


def parse_query(raw):
    """[(name, value)], each decoded (a "+" stays a plus)."""
    out = []
    if not raw:
        return out
    for part in raw.split('&'):
        if part == '':
            continue
        n, _, v = part.partition('=')
        out.append((urllib.parse.unquote(n), urllib.parse.unquote(v)))
    return out


def canonical_query(pairs):
    enc = sorted((uri_encode(n), uri_encode(v)) for n, v in pairs)
    return '&'.join('%s=%s' % nv for nv in enc)


def canonical_uri(raw_path):
    return uri_encode(urllib.parse.unquote(raw_path), keep_slash=True) or '/'


def canonical_headers(headers, signed):
    """headers: [(name, value)] as received; signed: lowercased names."""
    got = {}
    for n, v in headers:
        got.setdefault(n.lower(), []).append(' '.join(v.strip().split()))
    lines = []
    for n in signed:
        if n not in got:
            raise S3Error(403, 'SignatureDoesNotMatch',
                          'The signed header %s is not in the request.' % n)
        lines.append('%s:%s\n' % (n, ','.join(got[n])))
    return ''.join(lines)


def hmac256(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def signing_key(secret, date, region, service):
    k = hmac256(('AWS4' + secret).encode(), date)
    k = hmac256(k, region)
    k = hmac256(k, service)
    return hmac256(k, 'aws4_request')


def amz_time(s):
    try:
        return calendar.timegm(time.strptime(s, '%Y%m%dT%H%M%SZ'))
    except (TypeError, ValueError):
        raise S3Error(403, 'AccessDenied', 'X-Amz-Date %r is not a date.' % s)


def verify(method, raw_target, headers, keys, region, now=None):
    """Checks the SigV4 signature of a request.  raw_target: the path and
    query as on the request line; headers: [(name, value)]; keys: {access
    key: secret}.  Returns (payload hash the signature covers, or None when
    presigned/unsigned: the caller checks the body against a hex one).
    Raises S3Error when refused."""
    path, _, rawq = raw_target.partition('?')
    query = parse_query(rawq)
    qd = dict(query)
    h = {n.lower(): v for n, v in headers}
    auth = h.get('authorization')
    if auth is not None and 'X-Amz-Algorithm' in qd:
        raise S3Error(400, 'InvalidArgument',
                      'Only one auth mechanism allowed.')
    if auth is not None:
        m = re.fullmatch(r'AWS4-HMAC-SHA256\s+(.*)', auth.strip())
        if not m:
            raise S3Error(400, 'InvalidArgument',
                          'Unsupported Authorization Type.')
        fields = {}
        for f in m.group(1).split(','):
            k, _, v = f.strip().partition('=')
            fields[k] = v
        try:
            cred, signed, sig = (fields['Credential'],
                                 fields['SignedHeaders'], fields['Signature'])
        except KeyError:
            raise S3Error(400, 'AuthorizationHeaderMalformed',
                          'The authorization header is malformed.')
        date = h.get('x-amz-date') or ''
        if not date:
            raise S3Error(403, 'AccessDenied',
                          'AWS authentication requires a valid Date or '
                          'x-amz-date header.')
        payload = h.get('x-amz-content-sha256')
        if payload is None:
            raise S3Error(400, 'InvalidRequest', 'Missing required header '
                          'for this request: x-amz-content-sha256')
        if payload.startswith('STREAMING-'):
            raise S3Error(501, 'NotImplemented',
                          'This test server does not take aws-chunked bodies.')
        if payload != UNSIGNED and not re.fullmatch(r'[0-9a-f]{64}', payload):
            raise S3Error(400, 'InvalidArgument',
                          'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, '
                          'STREAMING-... or a valid sha256 value.')
        cq = canonical_query(query)
    elif 'X-Amz-Algorithm' in qd:
        if qd['X-Amz-Algorithm'] != 'AWS4-HMAC-SHA256':
            raise S3Error(400, 'AuthorizationQueryParametersError',
                          'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"')
        try:
            cred, signed, sig, date, expires = (
                qd['X-Amz-Credential'], qd['X-Amz-SignedHeaders'],
                qd['X-Amz-Signature'], qd['X-Amz-Date'], qd['X-Amz-Expires'])
        except KeyError as e:
            raise S3Error(400, 'AuthorizationQueryParametersError',
                          'Query-string authentication version 4 requires '
                          'the %s parameter.' % e.args[0])
        if not expires.isdigit() or int(expires) > 604800:
            raise S3Error(400, 'AuthorizationQueryParametersError',
                          'X-Amz-Expires must be less than a week (in '
                          'seconds); that is, the given X-Amz-Expires must '
                          'be less than 604800 seconds')
        t = amz_time(date)
        if (time.time() if now is None else now) > t + int(expires):
            raise S3Error(403, 'AccessDenied', 'Request has expired')
        payload = None
        cq = canonical_query([(n, v) for n, v in query
                              if n != 'X-Amz-Signature'])
    else:
        raise S3Error(403, 'AccessDenied', 'Access Denied')

    parts = cred.split('/')
    if len(parts) != 5 or parts[4] != 'aws4_request':
        raise S3Error(400, 'AuthorizationHeaderMalformed',
                      'The Credential %r is malformed.' % cred)
    ak, cdate, creg, csvc, _ = parts
    if ak not in keys:
        raise S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you '
                      'provided does not exist in our records.')
    if cdate != date[:8]:
        raise S3Error(403, 'SignatureDoesNotMatch', 'The credential date %s '
                      'is not the date of X-Amz-Date %s.' % (cdate, date))
    if creg != region:
        raise S3Error(400, 'AuthorizationHeaderMalformed', "the region '%s' "
                      "is wrong; expecting '%s'" % (creg, region))
    if csvc != 's3':
        raise S3Error(403, 'SignatureDoesNotMatch',
                      'The credential names service %r, not s3.' % csvc)
    signed_list = signed.split(';')
    if 'host' not in signed_list or signed_list != sorted(signed_list):
        raise S3Error(403, 'SignatureDoesNotMatch',
                      'SignedHeaders must include host, sorted.')
    creq = '\n'.join([method, canonical_uri(path), cq,
                      canonical_headers(headers, signed_list), signed,
                      payload if payload is not None else UNSIGNED])
    sts = '\n'.join(['AWS4-HMAC-SHA256', date, '/'.join(parts[1:]),
                     hashlib.sha256(creq.encode()).hexdigest()])
    want = hmac.new(signing_key(keys[ak], cdate, creg, csvc), sts.encode(),
                    hashlib.sha256).hexdigest()
    if not hmac.compare_digest(want, sig):
        e = S3Error(403, 'SignatureDoesNotMatch', 'The request signature we '
                    'calculated does not match the signature you provided. '
                    'Check your key and signing method.')
        e.extra = {'StringToSign': sts, 'CanonicalRequest': creq}
        raise e
    return payload if payload not in (None, UNSIGNED) else None


# ---- storage -------------------------------------------------------------

def iso(t):
    return time.strftime('%Y-%m-%dT%H:%M:%S.000Z', time.gmtime(t))


class Store:
    def __init__(self, root):
        self.root = os.path.abspath(root)
        self.mp = os.path.join(self.root, '.multipart')
        os.makedirs(self.mp, exist_ok=True)
        self.lock = threading.Lock()
        self.etags = {}         # path -> (size, mtime_ns, etag)

    def bucket(self, b, must=True):
        if not re.fullmatch(r'[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]', b):
            raise S3Error(400, 'InvalidBucketName',
                          'The specified bucket is not valid.')
        d = os.path.join(self.root, b)
        if must and not os.path.isdir(d):
            raise S3Error(404, 'NoSuchBucket',
                          'The specified bucket does not exist')
        return d

    def path(self, b, key):
        if key.endswith('/') or any(p in ('', '.', '..')
                                    for p in key.split('/')):
            raise S3Error(400, 'InvalidArgument',
                          'This test server keeps keys that are file paths.')
        return os.path.join(self.bucket(b), key)

    def write(self, dst, src_iter):
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        tmp = '%s.s3tmp.%d' % (dst, threading.get_ident())
        md5 = hashlib.md5()
        try:
            with open(tmp, 'wb') as f:
                for chunk in src_iter:
                    md5.update(chunk)
                    f.write(chunk)
            os.rename(tmp, dst)
        except BaseException:
            os.unlink(tmp)     # a body cut short stores nothing
            raise
        return md5

    def etag(self, p):
        st = os.stat(p)
        with self.lock:
            e = self.etags.get(p)
        if e and e[0] == st.st_size and e[1] == st.st_mtime_ns:
            return e[2]
        md5 = hashlib.md5()
        with open(p, 'rb') as f:
            for chunk in iter(lambda: f.read(1 << 20), b''):
                md5.update(chunk)
        return '"%s"' % md5.hexdigest()

    def set_etag(self, p, etag):
        st = os.stat(p)
        with self.lock:
            self.etags[p] = (st.st_size, st.st_mtime_ns, etag)

    def keys(self, b):
        d = self.bucket(b)
        out = []
        for dp, _, fs in os.walk(d):
            for f in fs:
                if '.s3tmp.' in f:
                    continue
                p = os.path.join(dp, f)
                out.append((os.path.relpath(p, d), p))
        return sorted(out)

    def upload(self, uid):
        d = os.path.join(self.mp, uid)
        if not re.fullmatch(r'[A-Za-z0-9._-]+', uid) or not os.path.isdir(d):
            raise S3Error(404, 'NoSuchUpload', 'The specified upload does not '
                          'exist. The upload ID may be invalid, or the upload '
                          'may have been aborted or completed.')
        with open(os.path.join(d, 'upload.json')) as f:
            return d, json.load(f)


# ---- HTTP ----------------------------------------------------------------

def xml(root_tag, body):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<%s xmlns="%s">%s</%s>'
            % (root_tag, NS, body, root_tag)).encode()


def el(tag, v):
    return '<%s>%s</%s>' % (tag, xesc(str(v)), tag)


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'picday-s3-test'
    sys_version = ''

    def log_message(self, *a):
        pass

    # Body: read whole (Content-Length or chunked) before answering, so the
    # connection can be kept.
    def body_chunks(self):
        if self.headers.get('Transfer-Encoding', '').lower() == 'chunked':
            while True:
                line = self.rfile.readline()
                n = int(line.split(b';')[0].strip() or b'0', 16)
                if n == 0:
                    while self.rfile.readline() not in (b'\r\n', b'\n', b''):
                        pass
                    break
                data = self.rfile.read(n)
                self.rfile.readline()
                if len(data) < n:
                    raise ConnectionError('short body')
                yield data
        else:
            left = int(self.headers.get('Content-Length') or 0)
            while left > 0:
                data = self.rfile.read(min(left, 1 << 20))
                if not data:
                    raise ConnectionError('short body')
                left -= len(data)
                yield data

    def read_body(self):
        if self._body is None:
            self._body = b''.join(self.body_chunks())
        return self._body

    def reply(self, status, body=b'', headers=(), ctype='application/xml'):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if body or ctype != 'application/xml':
            self.send_header('Content-Type', ctype)
        if self.command == 'HEAD' and headers and any(
                k == 'Content-Length' for k, _ in headers):
            self.end_headers()
        else:
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            if self.command != 'HEAD':
                self.wfile.write(body)
        self.status = status

    def error(self, e):
        extra = ''.join(el(k, v) for k, v in getattr(e, 'extra', {}).items())
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n<Error>%s%s%s%s'
                '</Error>' % (el('Code', e.code), el('Message', e.message),
                              el('Resource', self.path.partition('?')[0]),
                              extra)).encode()
        self.reply(e.status, b'' if self.command == 'HEAD' else body)

    def handle_one_request(self):
        self.status = 0
        super().handle_one_request()

    def dispatch(self):
        self._body = None
        srv = self.server
        try:
            payload = verify(self.command, self.path, self.headers.items(),
                             srv.keys, srv.region)
            self.act(payload)
            if self._body is None:     # a body nobody wanted: keep in step
                self.read_body()
        except S3Error as e:
            if self._body is None:
                try:    # keep the connection: take the body first
                    self.read_body()
                except (ConnectionError, ValueError):
                    self.close_connection = True
            self.error(e)
        except (ConnectionError, ValueError):
            self.close_connection = True
            self.status = 0
        srv.log('%s %s %d' % (self.command, self.path, self.status))

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = dispatch

    def checked_body(self, payload):
        body = self.read_body()
        if payload is not None and hashlib.sha256(body).hexdigest() != payload:
            raise S3Error(400, 'XAmzContentSHA256Mismatch', 'The provided '
                          "'x-amz-content-sha256' header does not match what "
                          'was computed.')
        return body

    def act(self, payload):
        st = self.server.store
        path, _, rawq = self.path.partition('?')
        q = dict((n, v) for n, v in parse_query(rawq)
                 if not n.startswith('X-Amz-'))
        segs = urllib.parse.unquote(path).lstrip('/').split('/', 1)
        b, key = segs[0], (segs[1] if len(segs) > 1 else '')
        m = self.command
        if b == '':
            raise S3Error(501, 'NotImplemented', 'ListBuckets is not here.')
        if key == '':
            if m == 'PUT' and not q:
                self.checked_body(payload)
                os.makedirs(st.bucket(b, must=False), exist_ok=True)
                return self.reply(200, headers=[('Location', '/' + b)])
            if m == 'GET' and 'uploads' in q:
                return self.list_uploads(b, q)
            if m == 'GET' and not (set(q) - {'list-type', 'prefix',
                                             'delimiter', 'max-keys',
                                             'start-after', 'marker',
                                             'continuation-token',
                                             'encoding-type',
                                             'fetch-owner'}):
                return self.list_objects(b, q)
            if m == 'HEAD' and not q:
                st.bucket(b)
                return self.reply(200)
            raise S3Error(501, 'NotImplemented', 'Not on this test server: '
                          '%s of a bucket with %s' % (m, sorted(q)))
        if m == 'POST' and 'uploads' in q:
            return self.create_upload(b, key, payload)
        if m == 'PUT' and 'uploadId' in q and 'partNumber' in q:
            return self.upload_part(b, key, q, payload)
        if m == 'GET' and 'uploadId' in q:
            return self.list_parts(b, key, q)
        if m == 'POST' and 'uploadId' in q:
            return self.complete(b, key, q, payload)
        if m == 'DELETE' and 'uploadId' in q:
            d, _ = st.upload(q['uploadId'])
            shutil.rmtree(d, ignore_errors=True)
            return self.reply(204)
        if q:
            raise S3Error(501, 'NotImplemented', 'Not on this test server: '
                          '%s of an object with %s' % (m, sorted(q)))
        if m == 'PUT':
            if 'x-amz-copy-source' in self.headers:
                raise S3Error(501, 'NotImplemented', 'No CopyObject here.')
            p = st.path(b, key)
            if payload is None:
                md5 = st.write(p, self.body_chunks())
                self._body = b''
            else:
                body = self.checked_body(payload)
                md5 = st.write(p, [body])
            etag = '"%s"' % md5.hexdigest()
            st.set_etag(p, etag)
            return self.reply(200, headers=[('ETag', etag)])
        if m in ('GET', 'HEAD'):
            p = st.path(b, key)
            if not os.path.isfile(p):
                raise S3Error(404, 'NoSuchKey',
                              'The specified key does not exist.')
            hdr = [('ETag', st.etag(p)), ('Last-Modified',
                   email.utils.formatdate(os.path.getmtime(p), usegmt=True)),
                   ('Accept-Ranges', 'bytes')]
            ctype = mimetypes.guess_type(key)[0] or 'binary/octet-stream'
            if m == 'HEAD':
                hdr.append(('Content-Length', str(os.path.getsize(p))))
                return self.reply(200, b'', hdr, ctype)
            with open(p, 'rb') as f:
                return self.reply(200, f.read(), hdr, ctype)
        if m == 'DELETE':
            p = st.path(b, key)
            try:
                os.unlink(p)
            except FileNotFoundError:
                pass
            return self.reply(204)
        raise S3Error(405, 'MethodNotAllowed',
                      'The specified method is not allowed.')

    def list_objects(self, b, q):
        st = self.server.store
        prefix, delim = q.get('prefix', ''), q.get('delimiter', '')
        v2 = q.get('list-type') == '2'
        after = q.get('continuation-token') or q.get('start-after') or \
            q.get('marker') or ''
        try:
            maxk = min(int(q.get('max-keys', '1000')), 1000)
        except ValueError:
            raise S3Error(400, 'InvalidArgument', 'max-keys is not a number')
        items, prefixes, trunc, last = [], [], False, ''
        for k, p in st.keys(b):
            if not k.startswith(prefix) or k <= after:
                continue
            if delim and delim in k[len(prefix):]:
                cp = k[:len(prefix) + k[len(prefix):].index(delim) + len(delim)]
                if cp in prefixes:
                    continue
                entry = ('P', cp)
            else:
                entry = ('K', k, p)
            if len(items) + len(prefixes) >= maxk:
                trunc = True
                break
            if entry[0] == 'P':
                prefixes.append(entry[1])
                last = entry[1]
            else:
                items.append(entry)
                last = k
        out = [el('Name', b), el('Prefix', prefix), el('MaxKeys', maxk),
               el('IsTruncated', 'true' if trunc else 'false')]
        if delim:
            out.append(el('Delimiter', delim))
        if v2:
            out.append(el('KeyCount', len(items) + len(prefixes)))
            if trunc:
                out.append(el('NextContinuationToken', last))
        elif trunc:
            out.append(el('NextMarker', last))
        for _, k, p in items:
            out.append('<Contents>%s%s%s%s%s</Contents>' % (
                el('Key', k), el('LastModified', iso(os.path.getmtime(p))),
                el('ETag', st.etag(p)), el('Size', os.path.getsize(p)),
                el('StorageClass', 'STANDARD')))
        for cp in prefixes:
            out.append('<CommonPrefixes>%s</CommonPrefixes>' % el('Prefix', cp))
        self.reply(200, xml('ListBucketResult', ''.join(out)))

    def create_upload(self, b, key, payload):
        st = self.server.store
        st.path(b, key)
        self.checked_body(payload)
        uid = 'pd.' + secrets.token_urlsafe(24)
        d = os.path.join(st.mp, uid)
        os.makedirs(d)
        with open(os.path.join(d, 'upload.json'), 'w') as f:
            json.dump({'bucket': b, 'key': key, 'initiated': time.time()}, f)
        self.reply(200, xml('InitiateMultipartUploadResult', el('Bucket', b) +
                            el('Key', key) + el('UploadId', uid)))

    def upload_part(self, b, key, q, payload):
        st = self.server.store
        d, meta = st.upload(q['uploadId'])
        if (meta['bucket'], meta['key']) != (b, key):
            raise S3Error(404, 'NoSuchUpload', 'The upload is of another key.')
        n = q['partNumber']
        if not n.isdigit() or not 1 <= int(n) <= 10000:
            raise S3Error(400, 'InvalidArgument', 'Part number must be an '
                          'integer between 1 and 10000, inclusive')
        dst = os.path.join(d, 'part.%05d' % int(n))
        if payload is None:
            md5 = st.write(dst, self.body_chunks())
            self._body = b''
        else:
            md5 = st.write(dst, [self.checked_body(payload)])
        etag = '"%s"' % md5.hexdigest()
        st.set_etag(dst, etag)
        self.reply(200, headers=[('ETag', etag)])

    def parts(self, d):
        st = self.server.store
        out = []
        for f in sorted(os.listdir(d)):
            if re.fullmatch(r'part\.\d{5}', f):
                p = os.path.join(d, f)
                out.append((int(f[5:]), p, st.etag(p), os.path.getsize(p)))
        return out

    def list_parts(self, b, key, q):
        d, meta = self.server.store.upload(q['uploadId'])
        if (meta['bucket'], meta['key']) != (b, key):
            raise S3Error(404, 'NoSuchUpload', 'The upload is of another key.')
        marker = int(q.get('part-number-marker') or 0)
        ps = [p for p in self.parts(d) if p[0] > marker]
        out = [el('Bucket', b), el('Key', key), el('UploadId', q['uploadId']),
               el('PartNumberMarker', marker),
               el('NextPartNumberMarker', ps[-1][0] if ps else 0),
               el('MaxParts', 1000), el('IsTruncated', 'false'),
               el('StorageClass', 'STANDARD')]
        for n, p, etag, size in ps:
            out.append('<Part>%s%s%s%s</Part>' % (
                el('PartNumber', n), el('LastModified',
                                        iso(os.path.getmtime(p))),
                el('ETag', etag), el('Size', size)))
        self.reply(200, xml('ListPartsResult', ''.join(out)))

    def list_uploads(self, b, q):
        st = self.server.store
        st.bucket(b)
        prefix = q.get('prefix', '')
        ups = []
        for uid in os.listdir(st.mp):
            try:
                _, meta = st.upload(uid)
            except (S3Error, OSError, ValueError):
                continue
            if meta['bucket'] == b and meta['key'].startswith(prefix):
                ups.append((meta['key'], meta['initiated'], uid))
        out = [el('Bucket', b), el('KeyMarker', ''), el('UploadIdMarker', ''),
               el('NextKeyMarker', ''), el('NextUploadIdMarker', ''),
               el('Prefix', prefix), el('MaxUploads', 1000),
               el('IsTruncated', 'false')]
        for k, t, uid in sorted(ups):
            out.append('<Upload>%s%s%s%s%s%s</Upload>' % (
                el('Key', k), el('UploadId', uid),
                '<Initiator><ID>test</ID><DisplayName>test</DisplayName>'
                '</Initiator>', '<Owner><ID>test</ID><DisplayName>test'
                '</DisplayName></Owner>', el('StorageClass', 'STANDARD'),
                el('Initiated', iso(t))))
        self.reply(200, xml('ListMultipartUploadsResult', ''.join(out)))

    def complete(self, b, key, q, payload):
        st = self.server.store
        body = self.checked_body(payload)
        d, meta = st.upload(q['uploadId'])
        if (meta['bucket'], meta['key']) != (b, key):
            raise S3Error(404, 'NoSuchUpload', 'The upload is of another key.')
        try:
            doc = ET.fromstring(body)
        except ET.ParseError:
            raise S3Error(400, 'MalformedXML', 'The XML you provided was not '
                          'well-formed or did not validate against our '
                          'published schema.')
        strip = lambda t: t.rsplit('}', 1)[-1]
        asked = []
        for part in doc:
            if strip(part.tag) != 'Part':
                continue
            f = {strip(c.tag): (c.text or '').strip() for c in part}
            if 'PartNumber' not in f or 'ETag' not in f:
                raise S3Error(400, 'MalformedXML', 'A Part lacks its '
                              'PartNumber or ETag.')
            asked.append((int(f['PartNumber']), f['ETag'].strip('"')))
        if not asked:
            raise S3Error(400, 'MalformedXML', 'No parts.')
        if [n for n, _ in asked] != sorted({n for n, _ in asked}):
            raise S3Error(400, 'InvalidPartOrder', 'The list of parts was not '
                          'in ascending order.')
        have = {n: (p, etag, size) for n, p, etag, size in self.parts(d)}
        for i, (n, etag) in enumerate(asked):
            if n not in have or have[n][1].strip('"') != etag:
                raise S3Error(400, 'InvalidPart', 'One or more of the '
                              'specified parts could not be found or its '
                              'entity tag did not match.')
            if i < len(asked) - 1 and have[n][2] < 5 * 1024 * 1024:
                raise S3Error(400, 'EntityTooSmall', 'Your proposed upload is '
                              'smaller than the minimum allowed size')

        def chunks():
            for n, _ in asked:
                with open(have[n][0], 'rb') as f:
                    yield from iter(lambda: f.read(1 << 20), b'')
        dst = st.path(b, key)
        st.write(dst, chunks())
        whole = hashlib.md5(b''.join(bytes.fromhex(e) for _, e in asked))
        etag = '"%s-%d"' % (whole.hexdigest(), len(asked))
        st.set_etag(dst, etag)
        shutil.rmtree(d, ignore_errors=True)
        host = self.headers.get('Host', '127.0.0.1')
        self.reply(200, xml('CompleteMultipartUploadResult', ''.join([
            el('Location', 'http://%s/%s/%s' % (host, b, urllib.parse.quote(
                key))), el('Bucket', b), el('Key', key), el('ETag', etag)])))


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port, root, logpath, keys, region):
        self.store = Store(root)
        self.keys, self.region = keys, region
        self.logf = open(logpath, 'a', buffering=1)
        self.loglock = threading.Lock()
        super().__init__(('127.0.0.1', port), Handler)

    def log(self, line):
        with self.loglock:
            self.logf.write(line + '\n')
            self.logf.flush()

    def handle_error(self, request, client_address):
        pass    # a client killed mid-request is part of the tests


# ---- self-test against botocore ------------------------------------------

def fix_botocore_clock(when):
    """botocore signs at "now": make that `when` (a naive UTC datetime).
    Debian 12's botocore 1.29 calls datetime.datetime.utcnow() in
    botocore.auth; later ones call botocore.auth.get_current_datetime()."""
    import datetime, types
    import botocore.auth

    class Fixed(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return when

        @classmethod
        def now(cls, tz=None):
            return when if tz is None else when.replace(tzinfo=tz)
    botocore.auth.datetime = types.SimpleNamespace(
        datetime=Fixed, timedelta=datetime.timedelta,
        timezone=datetime.timezone)
    botocore.auth.get_current_datetime = lambda *a, **k: when


def self_test():
    import datetime
    import botocore.auth
    from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    keys = {'AKTEST': 'secret'}
    when = datetime.datetime(2028, 2, 29, 9, 30, 0)
    t0 = calendar.timegm(when.timetuple())
    fix_botocore_clock(when)
    bad, n = [], [0]

    def split(req):
        u = urllib.parse.urlsplit(req.url)
        target = u.path + ('?' + u.query if u.query else '')
        hdr = [('Host', u.netloc)] + list(req.headers.items())
        return target, hdr

    def check(what, method, target, hdr, want, now=t0, secret_keys=keys):
        n[0] += 1
        try:
            verify(method, target, hdr, secret_keys, 'us-east-1', now)
            got = 'ok'
        except S3Error as e:
            got = e.code
        if got != want:
            bad.append('%s: %s, not %s' % (what, got, want))

    base = 'http://127.0.0.1:9000'
    # Queries written canonically, as a client must (botocore signs the
    # query as written, like libcurl 7.88).
    cases = [
        ('PUT', '/photos', None, b''),
        ('PUT', '/photos/studio/1001/hires/IMG_0001.JPG', None, b'jpeg'),
        ('GET', '/photos', 'list-type=2&prefix=studio%2F.picday-test', b''),
        ('POST', '/photos/studio/9/hires/IMG_9000.JPG', 'uploads=', b''),
        ('GET', '/photos', 'prefix=studio%2F9%2Fhires%2FIMG_9000.JPG&uploads=',
         b''),
        ('PUT', '/photos/studio/9/hires/IMG_9000.JPG',
         'partNumber=2&uploadId=pd.a-b_c', b'x' * 100),
        ('GET', '/photos/k%20with%20space%2Bplus', 'uploadId=pd.x', b''),
        ('POST', '/photos/k', 'uploadId=pd.x', b'<CompleteMultipartUpload/>'),
        ('DELETE', '/photos/k', 'uploadId=pd.x', b''),
        ('HEAD', '/photos/k', None, b''),
    ]
    for method, path, query, body in cases:
        url = base + path + ('?' + query if query else '')
        for unsigned in (False, True):
            req = AWSRequest(method=method, url=url, data=body)
            if unsigned:
                req.headers['X-Amz-Content-SHA256'] = UNSIGNED
            S3SigV4Auth(Credentials('AKTEST', 'secret'), 's3',
                        'us-east-1').add_auth(req)
            target, hdr = split(req)
            what = '%s %s%s' % (method, target, ' unsigned' if unsigned else '')
            check(what, method, target, hdr, 'ok')
            # one byte of the signature changed
            h2 = [(n, re.sub(r'Signature=(.)', lambda m: 'Signature=' + (
                '1' if m.group(1) != '1' else '2'), v)) for n, v in hdr]
            check(what + ' (signature changed)', method, target, h2,
                  'SignatureDoesNotMatch')
            check(what + ' (other secret)', method, target, hdr,
                  'SignatureDoesNotMatch', secret_keys={'AKTEST': 'secreT'})
            check(what + ' (unknown key)', method, target, hdr,
                  'InvalidAccessKeyId', secret_keys={'AKOTHER': 'secret'})
            # what was signed, sent otherwise
            if query:
                check(what + ' (query as sent differs)', method,
                      target + '&x=1', hdr, 'SignatureDoesNotMatch')
            check(what + ' (path differs)', method,
                  target.replace('/photos', '/photoz', 1), hdr,
                  'SignatureDoesNotMatch')
        # S3 reads a valueless name as "name=": signed either way, it holds
        if query and query.endswith('uploads='):
            req = AWSRequest(method=method, url=url)
            S3SigV4Auth(Credentials('AKTEST', 'secret'), 's3',
                        'us-east-1').add_auth(req)
            target, hdr = split(req)
            check(method + ' ' + target + ' sent without "="', method,
                  target[:-1], hdr, 'ok')
    # presigned GETs
    for path in ('/photos/studio/d/TOKEN/index.html', '/photos/a%20b.JPG'):
        req = AWSRequest(method='GET', url=base + path)
        S3SigV4QueryAuth(Credentials('AKTEST', 'secret'), 's3', 'us-east-1',
                         expires=7200).add_auth(req)
        target, _ = split(req)
        hdr = [('Host', '127.0.0.1:9000')]
        check('presigned ' + target, 'GET', target, hdr, 'ok', now=t0 + 7200)
        check('presigned, expired', 'GET', target, hdr, 'AccessDenied',
              now=t0 + 7201)
        check('presigned, other host', 'GET', target,
              [('Host', '127.0.0.1:9001')], 'SignatureDoesNotMatch')
        sig = re.search(r'X-Amz-Signature=([0-9a-f]+)', target).group(1)
        flip = sig[:-1] + ('0' if sig[-1] != '0' else '1')
        check('presigned, signature changed', 'GET',
              target.replace(sig, flip), hdr, 'SignatureDoesNotMatch')
        check('presigned, expiry changed', 'GET',
              target.replace('X-Amz-Expires=7200', 'X-Amz-Expires=7201'), hdr,
              'SignatureDoesNotMatch')
    # no signature at all
    check('anonymous', 'GET', '/photos/k', [('Host', 'h')], 'AccessDenied')
    print('\n'.join(bad) if bad else 'ok (%d requests)' % n[0])
    return 1 if bad else 0


def main():
    if sys.argv[1:] == ['--self-test']:
        sys.exit(self_test())
    args = sys.argv[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    port, root, logpath = int(args[0]), args[1], args[2]
    keys, region = {'AKTEST': 'secret'}, 'us-east-1'
    rest = args[3:]
    while rest:
        o = rest.pop(0)
        if o == '--key' and rest:
            ak, _, sk = rest.pop(0).partition(':')
            keys = {ak: sk}
        elif o == '--region' and rest:
            region = rest.pop(0)
        else:
            sys.exit(__doc__)
    srv = Server(port, root, logpath, keys, region)
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    try:
        srv.serve_forever()
    finally:
        srv.server_close()


if __name__ == '__main__':
    main()
