#!/usr/bin/python3
"""s3-presign-check.py URL SECRET: signs the same GET as URL with botocore
(at the X-Amz-Date, expiry and credential scope URL names) and prints
"same" when botocore makes the signature URL carries."""
import datetime, sys, types, urllib.parse
import botocore.auth
from botocore.auth import S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
url, secret = sys.argv[1], sys.argv[2]
base, query = url.split('?', 1)
q = dict(urllib.parse.parse_qsl(query))
when = datetime.datetime.strptime(q['X-Amz-Date'], '%Y%m%dT%H%M%SZ')
# botocore signs at "now": make that X-Amz-Date (Debian 12's botocore 1.29
# calls datetime.datetime.utcnow() in botocore.auth, later ones
# botocore.auth.get_current_datetime()).
class Fixed(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return when
botocore.auth.datetime = types.SimpleNamespace(datetime=Fixed,
                                               timedelta=datetime.timedelta)
botocore.auth.get_current_datetime = lambda *a, **k: when
ak = q['X-Amz-Credential'].split('/')[0]
req = AWSRequest(method='GET', url=base)
S3SigV4QueryAuth(Credentials(ak, secret), 's3', q['X-Amz-Credential'].split('/')[2],
                 expires=int(q['X-Amz-Expires'])).add_auth(req)
theirs = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(req.url).query))['X-Amz-Signature']
print('same' if theirs == q['X-Amz-Signature'] else 'differ %s %s' % (theirs, q['X-Amz-Signature']))
