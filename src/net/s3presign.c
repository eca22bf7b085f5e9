/*
 * net/s3presign: S3 presigned URLs (SigV4 query signing).  See
 * net/s3presign.h; the steps are AWS's "Authenticating Requests: Using
 * Query Parameters (AWS Signature Version 4)".
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "net/s3presign.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* RFC 3986 escaping as SigV4 wants it: unreserved characters kept, and '/'
 * too when slash. */
static void
add_uri(struct strbuf *b, const char *s, int slash)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~' || (slash && c == '/'))
			strbuf_addc(b, (char)c);
		else {
			strbuf_addc(b, '%');
			strbuf_addc(b, hex[c >> 4]);
			strbuf_addc(b, hex[c & 15]);
		}
	}
}

static void
hmac(const guchar *key, gsize keylen, const char *msg, guchar out[32])
{
	GHmac *h = g_hmac_new(G_CHECKSUM_SHA256, key, keylen);
	gsize n = 32;

	g_hmac_update(h, (const guchar *)msg, (gssize)strlen(msg));
	g_hmac_get_digest(h, out, &n);
	g_hmac_unref(h);
}

char *
s3_presign(const char *endpoint, const char *region, const char *access_key,
    const char *secret, const char *path, time_t now, long expires)
{
	struct strbuf uri = STRBUF_INIT, qs = STRBUF_INIT, creq = STRBUF_INIT;
	struct strbuf cred = STRBUF_INIT;
	const char *host, *end;
	char amzdate[17], day[9], *scope, *sts, *hash, *url, *k0;
	guchar key[32], sig[32];
	struct tm tm;
	size_t hostlen, i;

	if ((host = strstr(endpoint, "://")) == NULL)
		return NULL;
	host += 3;
	end = host + strcspn(host, "/");
	hostlen = (size_t)(end - host);
	if (hostlen == 0)
		return NULL;
	gmtime_r(&now, &tm);
	strftime(amzdate, sizeof amzdate, "%Y%m%dT%H%M%SZ", &tm);
	strftime(day, sizeof day, "%Y%m%d", &tm);
	scope = xasprintf("%s/%s/s3/aws4_request", day, region);

	/* The endpoint's own path (if any), then the object. */
	add_uri(&uri, end, 1);
	if (uri.len == 0 || uri.s[uri.len - 1] != '/')
		strbuf_addc(&uri, '/');
	while (*path == '/')
		path++;
	add_uri(&uri, path, 1);

	strbuf_addf(&cred, "%s/%s", access_key, scope);
	strbuf_adds(&qs, "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=");
	add_uri(&qs, strbuf_str(&cred), 0);
	strbuf_addf(&qs, "&X-Amz-Date=%s&X-Amz-Expires=%ld"
	    "&X-Amz-SignedHeaders=host", amzdate, expires);

	strbuf_addf(&creq, "GET\n%s\n%s\nhost:%.*s\n\nhost\nUNSIGNED-PAYLOAD",
	    strbuf_str(&uri), strbuf_str(&qs), (int)hostlen, host);
	hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256,
	    strbuf_str(&creq), -1);
	sts = xasprintf("AWS4-HMAC-SHA256\n%s\n%s\n%s", amzdate, scope, hash);
	g_free(hash);

	k0 = xasprintf("AWS4%s", secret);
	hmac((const guchar *)k0, strlen(k0), day, key);
	memset(k0, 0, strlen(k0));
	free(k0);
	hmac(key, 32, region, key);
	hmac(key, 32, "s3", key);
	hmac(key, 32, "aws4_request", key);
	hmac(key, 32, sts, sig);
	memset(key, 0, sizeof key);

	strbuf_reset(&cred);
	strbuf_addf(&cred, "%.*s%s?%s&X-Amz-Signature=", (int)(end -
	    endpoint), endpoint, strbuf_str(&uri), strbuf_str(&qs));
	for (i = 0; i < 32; i++)
		strbuf_addf(&cred, "%02x", sig[i]);
	url = strbuf_take(&cred);
	free(sts);
	free(scope);
	strbuf_free(&uri);
	strbuf_free(&qs);
	strbuf_free(&creq);
	strbuf_free(&cred);
	return url;
}
