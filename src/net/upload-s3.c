/*
 * net/upload-s3: S3 multipart uploads for files over UPLOAD_S3_PART bytes
 * (net/upload-int.h).  The parts a run finished before it died stay on the
 * server: a later run finds the unfinished upload of that key
 * (ListMultipartUploads), asks which parts it has (ListParts), and sends
 * only the others before completing it.  Requests are signed by libcurl
 * (CURLOPT_AWS_SIGV4, through easy_common()).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "net/upload-int.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct part_body {
	FILE		*f;
	long long	 left;
};

static size_t
part_read(char *dst, size_t sz, size_t n, void *arg)
{
	struct part_body *pb = arg;
	size_t want = sz * n;

	if ((long long)want > pb->left)
		want = (size_t)pb->left;
	if (want == 0)
		return 0;
	want = fread(dst, 1, want, pb->f);
	if (want == 0)
		return CURL_READFUNC_ABORT;
	pb->left -= (long long)want;
	return want;
}

static size_t
to_strbuf(char *p, size_t sz, size_t n, void *arg)
{
	strbuf_add(arg, p, sz * n);
	return sz * n;
}

/* Keeps the ETag response header. */
static size_t
etag_header(char *p, size_t sz, size_t n, void *arg)
{
	char *etag = arg;
	size_t len = sz * n;

	if (len > 5 && strncasecmp(p, "ETag:", 5) == 0) {
		const char *v = p + 5;
		size_t k;

		while (*v == ' ')
			v++;
		k = len - (size_t)(v - p);
		while (k > 0 && (v[k - 1] == '\r' || v[k - 1] == '\n'))
			k--;
		snprintf(etag, 128, "%.*s", (int)k, v);
	}
	return len;
}

/* The text between <tag> and </tag> at or after *p; NULL when there is
 * none (caller frees).  *p moves past it. */
static char *
xml_take(const char **p, const char *tag)
{
	char open[64], close[64];
	const char *a, *b;

	snprintf(open, sizeof open, "<%s>", tag);
	snprintf(close, sizeof close, "</%s>", tag);
	if ((a = strstr(*p, open)) == NULL)
		return NULL;
	a += strlen(open);
	if ((b = strstr(a, close)) == NULL)
		return NULL;
	*p = b + strlen(close);
	return xasprintf("%.*s", (int)(b - a), a);
}

/*
 * One request: method GET/POST/PUT/DELETE on url; a POST sends `body`, a
 * PUT sends len bytes of f from its position.  The response body goes to
 * resp, the ETag to etag (128 bytes) when not NULL.
 */
static enum verdict
s3_request(struct upload *u, const char *method, const char *url,
    const char *body, struct part_body *pb, struct strbuf *resp, char *etag,
    const char *remote, char **why)
{
	struct curl_slist *hdr;
	struct xfer x;
	enum verdict v;
	long long delay;
	CURLcode res;

	memset(&x, 0, sizeof x);
	x.remote = (char *)remote;
	if ((x.e = curl_easy_init()) == NULL)
		fatal("curl_easy_init");
	easy_common(u, x.e, url, x.errbuf);
	hdr = http_headers(u);
	if (strcmp(method, "POST") == 0)
		hdr = curl_slist_append(hdr, "Content-Type: application/xml");
	curl_easy_setopt(x.e, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(x.e, CURLOPT_WRITEFUNCTION, to_strbuf);
	curl_easy_setopt(x.e, CURLOPT_WRITEDATA, resp);
	if (etag != NULL) {
		etag[0] = '\0';
		curl_easy_setopt(x.e, CURLOPT_HEADERFUNCTION, etag_header);
		curl_easy_setopt(x.e, CURLOPT_HEADERDATA, etag);
	}
	if (strcmp(method, "POST") == 0) {
		curl_easy_setopt(x.e, CURLOPT_POSTFIELDS, body != NULL ? body :
		    "");
		curl_easy_setopt(x.e, CURLOPT_POSTFIELDSIZE, (long)(body !=
		    NULL ? strlen(body) : 0));
	} else if (strcmp(method, "PUT") == 0) {
		curl_easy_setopt(x.e, CURLOPT_UPLOAD, 1L);
		curl_easy_setopt(x.e, CURLOPT_READFUNCTION, part_read);
		curl_easy_setopt(x.e, CURLOPT_READDATA, pb);
		curl_easy_setopt(x.e, CURLOPT_INFILESIZE_LARGE,
		    (curl_off_t)pb->left);
		if (u->c.limit_rate > 0)
			curl_easy_setopt(x.e, CURLOPT_MAX_SEND_SPEED_LARGE,
			    (curl_off_t)u->c.limit_rate);
	} else if (strcmp(method, "GET") != 0)
		curl_easy_setopt(x.e, CURLOPT_CUSTOMREQUEST, method);
	res = curl_easy_perform(x.e);
	v = classify(u, &x, res, why, &delay);
	/* S3 may answer 200 with an error document (CompleteMultipartUpload). */
	if (v == V_OK && strstr(strbuf_str(resp), "<Error>") != NULL) {
		const char *p = strbuf_str(resp);
		char *code = xml_take(&p, "Code");

		*why = xasprintf(_("%s: S3 error %s"), remote, code != NULL ?
		    code : "?");
		free(code);
		v = V_RETRY;
	}
	curl_slist_free_all(hdr);
	curl_easy_cleanup(x.e);
	return v;
}

/* The request with retries: transient failures are tried again after a
 * back-off, up to max_tries. */
static enum verdict
s3_retry(struct upload *u, const char *method, const char *url,
    const char *body, FILE *f, long long off, long long len,
    struct strbuf *resp, char *etag, const char *remote, char **why)
{
	struct part_body pb;
	enum verdict v = V_RETRY;
	long long delay = u->c.backoff_ms;
	int tries;

	for (tries = 1; tries <= u->c.max_tries; tries++) {
		free(*why);
		*why = NULL;
		strbuf_reset(resp);
		pb.f = f;
		pb.left = len;
		if (f != NULL && fseeko(f, (off_t)off, SEEK_SET) != 0) {
			*why = xasprintf(_("cannot read %s: %s"), remote,
			    strerror(errno));
			return V_PERM;
		}
		v = s3_request(u, method, url, body, &pb, resp, etag, remote,
		    why);
		if (v != V_RETRY)
			return v;
		usleep((useconds_t)(delay * 1000));
		if (delay < 30000)
			delay *= 2;
	}
	return V_PERM;
}

enum verdict
s3_multipart(struct upload *u, const char *local, const char *remote,
    long long bytes, char **why)
{
	struct strbuf resp = STRBUF_INIT, sb = STRBUF_INIT, done = STRBUF_INIT;
	char *key = NULL, *url = NULL, *id = NULL, *s, etag[128];
	long long nparts, n, off, len;
	char **etags = NULL;
	enum verdict v;
	const char *p;
	FILE *f;

	*why = NULL;
	if ((f = fopen(local, "rbe")) == NULL) {
		*why = xasprintf(_("cannot read %s: %s"), local,
		    strerror(errno));
		return V_PERM;
	}
	nparts = (bytes + UPLOAD_S3_PART - 1) / UPLOAD_S3_PART;
	etags = xcalloc((size_t)nparts + 1, sizeof *etags);
	key = xasprintf("%s%s", u->prefix, remote);
	url = remote_url(u, remote);

	/* Query strings are written in SigV4's canonical form (parameters
	 * sorted, each value escaped, "name=" for one without a value):
	 * libcurl before 8.3 (Debian 12 has 7.88) signs the query as it is
	 * written, so "?uploads" would be refused by S3 as a bad signature.
	 * Newer libcurl keeps an already canonical query as it is. */
	/* An unfinished upload of this key from a run that died? */
	strbuf_adds(&sb, u->bucket);
	strbuf_adds(&sb, "?prefix=");
	s = curl_easy_escape(NULL, key, 0);
	strbuf_adds(&sb, s);
	curl_free(s);
	strbuf_adds(&sb, "&uploads=");
	v = s3_retry(u, "GET", strbuf_str(&sb), NULL, NULL, 0, 0, &resp, NULL,
	    remote, why);
	if (v != V_OK)
		goto out;
	for (p = strbuf_str(&resp); (s = xml_take(&p, "Upload")) != NULL;
	    free(s)) {
		const char *q = s;
		char *k = xml_take(&q, "Key"), *i;

		q = s;
		i = xml_take(&q, "UploadId");
		if (k != NULL && i != NULL && strcmp(k, key) == 0 &&
		    id == NULL) {
			id = curl_easy_escape(NULL, i, 0);
			if (id == NULL)
				fatal("curl_easy_escape");
		}
		free(k);
		free(i);
	}
	if (id != NULL) {
		/* Which parts are there, whole? */
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s?uploadId=%s", url, id);
		v = s3_retry(u, "GET", strbuf_str(&sb), NULL, NULL, 0, 0,
		    &resp, NULL, remote, why);
		if (v != V_OK)
			goto out;
		for (p = strbuf_str(&resp); (s = xml_take(&p, "Part")) !=
		    NULL; free(s)) {
			const char *q = s;
			char *num = xml_take(&q, "PartNumber"), *et, *size;

			q = s;
			et = xml_take(&q, "ETag");
			q = s;
			size = xml_take(&q, "Size");
			n = num != NULL ? strtoll(num, NULL, 10) : 0;
			len = n == nparts ? bytes - (n - 1) * UPLOAD_S3_PART :
			    UPLOAD_S3_PART;
			if (n >= 1 && n <= nparts && et != NULL && size !=
			    NULL && strtoll(size, NULL, 10) == len) {
				free(etags[n]);
				etags[n] = et;
				et = NULL;
			}
			free(num);
			free(et);
			free(size);
		}
	} else {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s?uploads=", url);
		v = s3_retry(u, "POST", strbuf_str(&sb), "", NULL, 0, 0,
		    &resp, NULL, remote, why);
		if (v != V_OK)
			goto out;
		p = strbuf_str(&resp);
		if ((s = xml_take(&p, "UploadId")) == NULL) {
			*why = xasprintf(_("%s: no UploadId from the S3 "
			    "server"), remote);
			v = V_PERM;
			goto out;
		}
		id = curl_easy_escape(NULL, s, 0);
		free(s);
		if (id == NULL)
			fatal("curl_easy_escape");
	}
	for (n = 1; n <= nparts; n++) {
		if (etags[n] != NULL)
			continue;
		off = (n - 1) * UPLOAD_S3_PART;
		len = n == nparts ? bytes - off : UPLOAD_S3_PART;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s?partNumber=%lld&uploadId=%s", url, n,
		    id);
		v = s3_retry(u, "PUT", strbuf_str(&sb), NULL, f, off, len,
		    &resp, etag, remote, why);
		if (v != V_OK)
			goto out;
		etags[n] = xstrdup(etag);
	}
	strbuf_adds(&done, "<CompleteMultipartUpload>");
	for (n = 1; n <= nparts; n++)
		strbuf_addf(&done, "<Part><PartNumber>%lld</PartNumber>"
		    "<ETag>%s</ETag></Part>", n, etags[n]);
	strbuf_adds(&done, "</CompleteMultipartUpload>");
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s?uploadId=%s", url, id);
	v = s3_retry(u, "POST", strbuf_str(&sb), strbuf_str(&done), NULL, 0,
	    0, &resp, NULL, remote, why);
out:
	for (n = 0; n <= nparts; n++)
		free(etags[n]);
	free(etags);
	fclose(f);
	free(key);
	free(url);
	curl_free(id);
	strbuf_free(&resp);
	strbuf_free(&sb);
	strbuf_free(&done);
	return v;
}
