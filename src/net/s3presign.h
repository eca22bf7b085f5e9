/*
 * net/s3presign: an S3 presigned GET URL (AWS Signature Version 4 in the
 * query string), so that a family downloads from a private bucket without
 * credentials until the URL expires.  Pure: HMAC-SHA256 from GLib, no
 * network, no libcurl.  The signed header is Host only; the payload is
 * UNSIGNED-PAYLOAD, as S3 wants for presigned requests.
 *
 * Threads: any.  The secret is only hashed, never copied into the URL.
 */
#ifndef PICDAY_NET_S3PRESIGN_H
#define PICDAY_NET_S3PRESIGN_H

#include <time.h>

/* Longest expiry S3 accepts: 7 days. */
#define S3_PRESIGN_MAX	604800L

/*
 * endpoint: "http(s)://HOST[:PORT]" (path-style: path begins with the
 * bucket) or a virtual-hosted "https://BUCKET.s3.amazonaws.com"; path: the
 * object under it, unescaped ("photos/studio/d/TOKEN/index.html"); now:
 * the signing time; expires: seconds (1 .. S3_PRESIGN_MAX).  Returns the
 * URL (caller frees), or NULL when the endpoint is not a URL.
 */
char	*s3_presign(const char *endpoint, const char *region,
	    const char *access_key, const char *secret, const char *path,
	    time_t now, long expires);

#endif
