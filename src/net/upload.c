/* net/upload: one libcurl code path for every upload target.  See upload.h. */
#include "config.h"

#include <sys/stat.h>
#include <sys/statvfs.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <glib.h>

#include "net/upload-int.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static char *
dup_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

char *
upload_redact(const char *url)
{
	const char *p = strstr(url, "://"), *end, *at;

	if (p == NULL)
		return xstrdup(url);
	p += 3;
	end = p + strcspn(p, "/?#");
	at = NULL;
	for (const char *q = p; q < end; q++)
		if (*q == '@')
			at = q;
	if (at == NULL)
		return xstrdup(url);
	return xasprintf("%.*s%s", (int)(p - url), url, at + 1);
}

static int
scheme_of(const char *url, enum scheme *s)
{
	static const struct { const char *prefix; enum scheme s; } t[] = {
		{ "file://", S_FILE }, { "sftp://", S_SFTP },
		{ "ftp://", S_FTP }, { "ftps://", S_FTP },
		{ "http://", S_HTTP }, { "https://", S_HTTP },
		{ "s3://", S_S3 },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (g_ascii_strncasecmp(url, t[i].prefix,
		    strlen(t[i].prefix)) == 0) {
			*s = t[i].s;
			return 0;
		}
	return -1;
}

int
upload_url_ok(const char *url, char **cause)
{
	const char *p, *end;
	enum scheme s;

	if (scheme_of(url, &s) != 0) {
		*cause = xstrdup(_("a URL starting file://, sftp://, ftp://, "
		    "ftps://, http://, https:// or s3://"));
		return 0;
	}
	p = strstr(url, "://") + 3;
	end = p + strcspn(p, "/?#");
	if (memchr(p, '@', (size_t)(end - p)) != NULL) {
		*cause = xstrdup(_("no user or password in the URL: use "
		    "--user, and `picday setup secret upload.password`"));
		return 0;
	}
	if (strpbrk(url, " \t\r\n") != NULL) {
		*cause = xstrdup(_("a URL without spaces (write %20)"));
		return 0;
	}
	if (s == S_FILE && *p != '/') {
		*cause = xstrdup(_("file:///ABSOLUTE/FOLDER"));
		return 0;
	}
	if (s != S_FILE && end == p) {
		*cause = xstrdup(_("a URL with a host (or an S3 bucket)"));
		return 0;
	}
	return 1;
}

/* "a/b c/d" -> "a/b%20c/d" onto sb. */
static void
add_escaped_path(struct strbuf *sb, const char *path)
{
	const char *p = path;

	while (*p != '\0') {
		size_t n = strcspn(p, "/");
		char *e = curl_easy_escape(NULL, p, (int)n);

		strbuf_adds(sb, e);
		curl_free(e);
		p += n;
		if (*p == '/') {
			strbuf_addc(sb, '/');
			p++;
		}
	}
}

char *
remote_url(struct upload *u, const char *remote)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, u->base);
	strbuf_addc(&sb, '/');
	add_escaped_path(&sb, remote);
	return strbuf_take(&sb);
}

int
upload_open(const struct upload_config *c, struct upload **out, char **cause)
{
	struct upload *u;
	size_t n;

	*out = NULL;
	if (net_curl_load(cause) != 0)
		return -1;
	if (!upload_url_ok(c->url, cause))
		return -1;
	u = xcalloc(1, sizeof *u);
	u->c.url = xstrdup(c->url);
	u->c.user = dup_or_null(c->user);
	u->c.password = dup_or_null(c->password);
	u->c.identity = dup_or_null(c->identity);
	u->c.known_hosts = dup_or_null(c->known_hosts);
	u->c.cacert = dup_or_null(c->cacert);
	u->c.endpoint = dup_or_null(c->endpoint);
	u->c.region = dup_or_null(c->region);
	u->c.limit_rate = c->limit_rate > 0 ? c->limit_rate : 0;
	u->c.parallel = c->parallel > 0 ? c->parallel : 4;
	if (u->c.parallel > 64)
		u->c.parallel = 64;
	u->c.max_tries = c->max_tries > 0 ? c->max_tries : UPLOAD_TRIES;
	u->c.backoff_ms = c->backoff_ms > 0 ? c->backoff_ms :
	    UPLOAD_BACKOFF_MS;
	(void)scheme_of(c->url, &u->scheme);

	if (u->scheme == S_S3) {
		const char *b = c->url + 5;
		const char *region = u->c.region != NULL ? u->c.region :
		    "us-east-1";
		char *ep = u->c.endpoint != NULL ? xstrdup(u->c.endpoint) :
		    xasprintf("https://s3.%s.amazonaws.com", region);

		n = strlen(ep);
		while (n > 0 && ep[n - 1] == '/')
			ep[--n] = '\0';
		u->base = xasprintf("%s/%s", ep, b);
		u->bucket = xasprintf("%s/%.*s", ep, (int)strcspn(b, "/"), b);
		b += strcspn(b, "/");
		while (*b == '/')
			b++;
		n = strlen(b);
		while (n > 0 && b[n - 1] == '/')
			n--;
		u->prefix = n > 0 ? xasprintf("%.*s/", (int)n, b) : xstrdup("");
		free(ep);
		u->sigv4 = xasprintf("aws:amz:%s:s3", region);
	} else
		u->base = xstrdup(c->url);
	n = strlen(u->base);
	while (n > 0 && u->base[n - 1] == '/' &&
	    !(u->scheme == S_FILE && n == 8))
		u->base[--n] = '\0';
	if (u->scheme == S_FILE) {
		CURLU *h = curl_url();
		char *path = NULL;

		if (curl_url_set(h, CURLUPART_URL, c->url, 0) != CURLUE_OK ||
		    curl_url_get(h, CURLUPART_PATH, &path,
		    CURLU_URLDECODE) != CURLUE_OK) {
			*cause = xstrdup(_("cannot read the file:// URL"));
			curl_url_cleanup(h);
			upload_close(u);
			return -1;
		}
		u->root = xstrdup(path);
		curl_free(path);
		curl_url_cleanup(h);
	}
	if ((u->multi = curl_multi_init()) == NULL) {
		*cause = xstrdup(_("cannot start libcurl"));
		upload_close(u);
		return -1;
	}
	curl_multi_setopt(u->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)u->c.parallel);
	*out = u;
	return 0;
}

void
upload_close(struct upload *u)
{
	size_t i;

	if (u == NULL)
		return;
	if (u->multi != NULL)
		curl_multi_cleanup(u->multi);
	free((char *)u->c.url);
	free((char *)u->c.user);
	if (u->c.password != NULL) {
		explicit_bzero((char *)u->c.password, strlen(u->c.password));
		free((char *)u->c.password);
	}
	free((char *)u->c.identity);
	free((char *)u->c.known_hosts);
	free((char *)u->c.cacert);
	free((char *)u->c.endpoint);
	free((char *)u->c.region);
	free(u->base);
	free(u->root);
	free(u->sigv4);
	free(u->bucket);
	free(u->prefix);
	free(u->hostkey);
	for (i = 0; i < u->ndirs; i++)
		free(u->dirs[i]);
	free(u->dirs);
	free(u);
}

static const char *
key_type_name(enum curl_khtype t)
{
	switch (t) {
	case CURLKHTYPE_RSA1: return "rsa1";
	case CURLKHTYPE_RSA: return "ssh-rsa";
	case CURLKHTYPE_DSS: return "ssh-dss";
	case CURLKHTYPE_ECDSA: return "ecdsa-sha2";
	case CURLKHTYPE_ED25519: return "ssh-ed25519";
	default: return "?";
	}
}

/* Only a key that matches known_hosts passes; anything else is refused
 * and named (type and SHA256 fingerprint, as ssh prints it). */
static int
upload_keyfunc(CURL *e, const struct curl_khkey *known,
    const struct curl_khkey *found, enum curl_khmatch match, void *arg)
{
	struct upload *u = arg;
	guchar digest[32];
	gsize dlen = sizeof digest;
	GChecksum *ck;
	gchar *b64;
	guchar *raw;
	gsize rawlen;
	size_t n;

	(void)e;
	(void)known;
	if (match == CURLKHMATCH_OK)
		return CURLKHSTAT_FINE;
	if (found->len == 0)
		raw = g_base64_decode(found->key, &rawlen);
	else {
		raw = g_memdup2(found->key, found->len);
		rawlen = found->len;
	}
	ck = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(ck, raw, rawlen);
	g_checksum_get_digest(ck, digest, &dlen);
	g_checksum_free(ck);
	g_free(raw);
	b64 = g_base64_encode(digest, dlen);
	n = strlen(b64);
	while (n > 0 && b64[n - 1] == '=')
		b64[--n] = '\0';
	free(u->hostkey);
	u->hostkey = xasprintf(match == CURLKHMATCH_MISMATCH ?
	    _("the server's host key %s SHA256:%s does not match the one in "
	    "%s (changed host key: refused)") :
	    _("the server's host key %s SHA256:%s is not in %s (unknown "
	    "host key: refused)"), key_type_name(found->keytype), b64,
	    u->c.known_hosts != NULL ? u->c.known_hosts :
	    "~/.ssh/known_hosts");
	g_free(b64);
	return CURLKHSTAT_REJECT;
}

/* What every request of this target shares. */
void
easy_common(struct upload *u, CURL *e, const char *url, char *errbuf)
{
	curl_easy_setopt(e, CURLOPT_URL, url);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, errbuf);
	errbuf[0] = '\0';
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, 20L);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, (long)UPLOAD_STALL_SECS);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR,
	    "file,sftp,ftp,ftps,http,https");
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	if (u->c.cacert != NULL)
		curl_easy_setopt(e, CURLOPT_CAINFO, u->c.cacert);
	if (u->scheme != S_FILE) {
		if (u->c.user != NULL)
			curl_easy_setopt(e, CURLOPT_USERNAME, u->c.user);
		if (u->c.password != NULL && !(u->scheme == S_SFTP &&
		    u->c.identity != NULL))
			curl_easy_setopt(e, CURLOPT_PASSWORD, u->c.password);
	}
	switch (u->scheme) {
	case S_SFTP:
		if (u->c.known_hosts != NULL)
			curl_easy_setopt(e, CURLOPT_SSH_KNOWNHOSTS,
			    u->c.known_hosts);
		else {
			const char *home = getenv("HOME");
			char *kh = xasprintf("%s/.ssh/known_hosts",
			    home != NULL ? home : "");

			curl_easy_setopt(e, CURLOPT_SSH_KNOWNHOSTS, kh);
			free(kh);
		}
		curl_easy_setopt(e, CURLOPT_SSH_KEYFUNCTION, upload_keyfunc);
		curl_easy_setopt(e, CURLOPT_SSH_KEYDATA, u);
		if (u->c.identity != NULL) {
			curl_easy_setopt(e, CURLOPT_SSH_PRIVATE_KEYFILE,
			    u->c.identity);
			if (u->c.password != NULL)
				curl_easy_setopt(e, CURLOPT_KEYPASSWD,
				    u->c.password);
			curl_easy_setopt(e, CURLOPT_SSH_AUTH_TYPES,
			    (long)CURLSSH_AUTH_PUBLICKEY);
		} else
			curl_easy_setopt(e, CURLOPT_SSH_AUTH_TYPES,
			    (long)(CURLSSH_AUTH_PASSWORD |
			    CURLSSH_AUTH_KEYBOARD));
		/* FALLTHROUGH */
	case S_FTP:
		curl_easy_setopt(e, CURLOPT_FTP_CREATE_MISSING_DIRS,
		    (long)CURLFTP_CREATE_DIR_RETRY);
		break;
	case S_S3:
		curl_easy_setopt(e, CURLOPT_AWS_SIGV4, u->sigv4);
		break;
	default:
		break;
	}
}

struct curl_slist *
http_headers(struct upload *u)
{
	struct curl_slist *h = NULL;

	if (u->scheme != S_HTTP && u->scheme != S_S3)
		return NULL;
	/* No 100-continue round trip; not for S3, where libcurl would sign
	 * the empty header that it then leaves out. */
	if (u->scheme == S_HTTP)
		h = curl_slist_append(h, "Expect:");
	if (u->scheme == S_S3)
		h = curl_slist_append(h,
		    "x-amz-content-sha256: UNSIGNED-PAYLOAD");
	return h;
}

size_t
discard(char *p, size_t sz, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return sz * n;
}

/* mkdir -p of the folder that holds path. */
int
file_parents(const char *path, char **cause)
{
	char *d = xstrdup(path), *p;
	int rc = 0;

	for (p = d + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(d, 0755) != 0 && errno != EEXIST) {
			*cause = xasprintf(_("cannot make folder %s: %s"), d,
			    strerror(errno));
			rc = -1;
			break;
		}
		*p = '/';
	}
	free(d);
	return rc;
}

static int
dir_known(struct upload *u, const char *d)
{
	size_t i;

	for (i = 0; i < u->ndirs; i++)
		if (strcmp(u->dirs[i], d) == 0)
			return 1;
	return 0;
}

/* One MKCOL of url (a folder, with its closing slash): the HTTP code, or
 * 0 when no answer came.  401 and 403 are a refused login, said in
 * *cause. */
static long
http_mkcol(struct upload *u, const char *url, char **cause)
{
	char errbuf[CURL_ERROR_SIZE], *r;
	long code = 0;
	CURL *e;

	if ((e = curl_easy_init()) == NULL)
		fatal("curl_easy_init");
	easy_common(u, e, url, errbuf);
	curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "MKCOL");
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard);
	if (curl_easy_perform(e) == CURLE_OK)
		curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_cleanup(e);
	if (code == 401 || code == 403) {
		r = upload_redact(url);
		*cause = xasprintf(_("%s: the server refused the user name or "
		    "password (HTTP %ld)"), r, code);
		free(r);
	}
	return code;
}

/* The target's own folder, once: a target URL whose folder is not made
 * yet (a new season's) works as it would on a local disk, rather than
 * every PUT failing with 409 or 500.  Only when the server says its parent
 * is missing too (409) are the folders above made, from the server's root
 * down.  Answers are not judged here: folders above the target may be
 * someone else's (403) or not WebDAV at all; a refused login shows on the
 * target's own folders next. */
static void
http_mkcol_base(struct upload *u)
{
	char *d, *p, *why = NULL;
	size_t root;

	u->base_made = 1;
	if ((p = strstr(u->base, "://")) == NULL ||
	    (p = strchr(p + 3, '/')) == NULL)
		return;
	root = (size_t)(p - u->base);
	d = xasprintf("%s/", u->base);
	if (http_mkcol(u, d, &why) == 409) {
		for (p = d + root; (p = strchr(p + 1, '/')) != NULL &&
		    p[1] != '\0';) {
			char c = p[1];

			if (p[-1] == '/')
				continue;	/* "a//b" */
			p[1] = '\0';
			(void)http_mkcol(u, d, &why);
			p[1] = c;
			free(why);
			why = NULL;
		}
		(void)http_mkcol(u, d, &why);
	}
	free(why);
	free(d);
}

/* WebDAV: MKCOL every folder of remote not yet known to exist.  Only a
 * refused login stops here; anything else is left to the PUT (plain PUT
 * servers answer MKCOL with 405 or 501). */
int
http_mkcols(struct upload *u, const char *remote, char **cause)
{
	char *d = xstrdup(remote), *p, *url, *url2;
	long code;
	int rc = 0;

	if (!u->base_made)
		http_mkcol_base(u);
	for (p = d; rc == 0 && (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (!dir_known(u, d)) {
			url = remote_url(u, d);
			url2 = xasprintf("%s/", url);
			code = http_mkcol(u, url2, cause);
			if (code == 401 || code == 403)
				rc = -1;
			else if (code == 201 || code == 405 || code == 301) {
				u->dirs = xreallocarray(u->dirs, u->ndirs + 1,
				    sizeof *u->dirs);
				u->dirs[u->ndirs++] = xstrdup(d);
			}
			free(url);
			free(url2);
		}
		*p = '/';
	}
	free(d);
	return rc;
}

/* "HTTP 503 Service Unavailable"-style words for a failed transfer. */
static char *
why_text(struct upload *u, struct xfer *x, CURLcode res, long code)
{
	char *r, *url = remote_url(u, x->remote), *s;

	r = upload_redact(url);
	free(url);
	if (res == CURLE_OK)
		s = xasprintf(_("%s: HTTP %ld"), r, code);
	else
		s = xasprintf("%s: %s", r, x->errbuf[0] != '\0' ? x->errbuf :
		    curl_easy_strerror(res));
	free(r);
	return s;
}

/* Why a file:// write failed: a full disk is named as such. */
static char *
file_write_why(struct upload *u, struct xfer *x)
{
	struct statvfs sv;

	if (statvfs(u->root, &sv) == 0 &&
	    (long long)sv.f_bavail * (long long)sv.f_frsize < x->bytes)
		return xasprintf(_("%s: the target is full (no space left "
		    "on %s)"), x->remote, u->root);
	return xasprintf(_("%s: cannot write under %s (read-only, or no "
	    "permission)"), x->remote, u->root);
}

size_t
keep_reply(char *p, size_t sz, size_t n, void *arg)
{
	struct xfer *x = arg;
	size_t len = sz * n, room = sizeof x->reply - 1 - x->nreply;

	if (room > len)
		room = len;
	memcpy(x->reply + x->nreply, p, room);
	x->nreply += room;
	x->reply[x->nreply] = '\0';
	return len;
}

/* Why S3 answered 403, in words, from the <Code> of its error reply:
 * every request of a target is signed alike, so a refused signature or
 * key is the whole target's, not one file's. */
static char *
s3_refused(const char *reply, long code)
{
	const char *a = strstr(reply, "<Code>"), *b;
	char *c, *s;

	if (a == NULL || (b = strstr(a += 6, "</Code>")) == NULL)
		return xasprintf(_("the S3 server refused access (HTTP %ld)"),
		    code);
	c = xasprintf("%.*s", (int)(b - a), a);
	if (strcmp(c, "SignatureDoesNotMatch") == 0 ||
	    strcmp(c, "InvalidAccessKeyId") == 0)
		s = xasprintf(_("the S3 server refused the access key or "
		    "secret (%s): check upload.password and --user"), c);
	else
		s = xasprintf(_("the S3 server refused access (%s, HTTP %ld)"),
		    c, code);
	free(c);
	return s;
}

enum verdict
classify(struct upload *u, struct xfer *x, CURLcode res, char **why,
    long long *delay_ms)
{
	long code = 0;
	curl_off_t ra = -1;

	*delay_ms = -1;
	curl_easy_getinfo(x->e, CURLINFO_RESPONSE_CODE, &code);
	if (res == CURLE_OK) {
		if (u->scheme != S_HTTP && u->scheme != S_S3)
			return V_OK;
		if (code >= 200 && code < 300)
			return V_OK;
		*why = why_text(u, x, res, code);
		if (code == 401 || code == 407) {
			free(*why);
			*why = xasprintf(_("the server refused the user name "
			    "or password (HTTP %ld)"), code);
			return V_FATAL;
		}
		if (code == 403 && u->scheme == S_S3) {
			free(*why);
			*why = s3_refused(x->reply, code);
			return V_FATAL;
		}
		if (code == 403)
			return V_PERM;
		if (code == 507 || code == 413) {
			free(*why);
			*why = xasprintf(_("%s: the target is full (HTTP "
			    "%ld)"), x->remote, code);
			return V_FATAL;
		}
		if (code == 408 || code == 429 || code >= 500) {
			if (curl_easy_getinfo(x->e, CURLINFO_RETRY_AFTER,
			    &ra) == CURLE_OK && ra > 0)
				*delay_ms = (long long)(ra >
				    UPLOAD_RETRY_AFTER_MAX ?
				    UPLOAD_RETRY_AFTER_MAX : ra) * 1000;
			return V_RETRY;
		}
		return V_PERM;
	}
	switch (res) {
	case CURLE_LOGIN_DENIED:
		*why = xasprintf(_("login refused: wrong user name or "
		    "password (%s)"), x->errbuf[0] != '\0' ? x->errbuf :
		    curl_easy_strerror(res));
		return V_FATAL;
	case CURLE_PEER_FAILED_VERIFICATION:
		if (u->hostkey != NULL) {
			*why = xstrdup(u->hostkey);
			return V_FATAL;
		}
		/* FALLTHROUGH */
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_ISSUER_ERROR:
		*why = xasprintf(_("the server's certificate or host key "
		    "was refused: %s"), x->errbuf[0] != '\0' ? x->errbuf :
		    curl_easy_strerror(res));
		return V_FATAL;
	case CURLE_REMOTE_DISK_FULL:
		*why = xasprintf(_("%s: the target is full"), x->remote);
		return V_FATAL;
	case CURLE_REMOTE_ACCESS_DENIED:
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_FILE_COULDNT_READ_FILE:
		*why = why_text(u, x, res, code);
		return V_FATAL;
	case CURLE_WRITE_ERROR:
		if (u->scheme == S_FILE) {
			*why = file_write_why(u, x);
			return V_FATAL;
		}
		*why = why_text(u, x, res, code);
		return V_RETRY;
	case CURLE_READ_ERROR:
	case CURLE_ABORTED_BY_CALLBACK:
		*why = why_text(u, x, res, code);
		return V_PERM;
	case CURLE_SSH:
		*why = why_text(u, x, res, code);
		if (strstr(x->errbuf, "disk full") != NULL ||
		    strstr(x->errbuf, "No space") != NULL) {
			free(*why);
			*why = xasprintf(_("%s: the target is full (%s)"),
			    x->remote, x->errbuf);
			return V_FATAL;
		}
		if (strstr(x->errbuf, "ermission denied") != NULL)
			return V_FATAL;
		return V_RETRY;
	default:
		/* Timeouts, resets, dropped connections, partial bodies. */
		*why = why_text(u, x, res, code);
		return V_RETRY;
	}
}

int
upload_stat(struct upload *u, const char *remote, long long *bytes,
    char **cause)
{
	char errbuf[CURL_ERROR_SIZE], *url;
	struct curl_slist *hdr;
	curl_off_t len = -1;
	struct stat sb;
	CURLcode res;
	long code = 0;
	CURL *e;
	int rc;

	if (u->scheme == S_FILE) {
		char *p = xasprintf("%s/%s", u->root, remote);

		rc = stat(p, &sb);
		free(p);
		if (rc == 0) {
			*bytes = (long long)sb.st_size;
			return 1;
		}
		return 0;
	}
	if ((e = curl_easy_init()) == NULL)
		fatal("curl_easy_init");
	url = remote_url(u, remote);
	easy_common(u, e, url, errbuf);
	curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, discard);
	hdr = http_headers(u);
	if (hdr != NULL)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, hdr);
	res = curl_easy_perform(e);
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(e, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &len);
	if (res == CURLE_OK && (u->scheme == S_HTTP || u->scheme == S_S3) &&
	    code == 404)
		rc = 0;
	else if (res == CURLE_OK && (code < 300 || u->scheme == S_SFTP ||
	    u->scheme == S_FTP) && len >= 0) {
		*bytes = (long long)len;
		rc = 1;
	} else if (res == CURLE_REMOTE_FILE_NOT_FOUND ||
	    res == CURLE_FTP_COULDNT_RETR_FILE)
		rc = 0;
	else {
		char *r = upload_redact(url);

		*cause = xasprintf("%s: %s", r, errbuf[0] != '\0' ? errbuf :
		    res != CURLE_OK ? curl_easy_strerror(res) :
		    _("size unknown"));
		free(r);
		rc = -1;
	}
	curl_slist_free_all(hdr);
	curl_easy_cleanup(e);
	free(url);
	return rc;
}

struct membuf {
	const char	*p;
	size_t		 left;
};

static size_t
mem_read(char *dst, size_t sz, size_t n, void *arg)
{
	struct membuf *m = arg;
	size_t k = sz * n < m->left ? sz * n : m->left;

	memcpy(dst, m->p, k);
	m->p += k;
	m->left -= k;
	return k;
}

int
upload_test(struct upload *u, char **cause)
{
	static const char body[] = "picday test connection\n";
	char errbuf[CURL_ERROR_SIZE], *remote, *url, *why = NULL;
	struct curl_slist *hdr, *quote = NULL;
	struct membuf mb = { body, sizeof body - 1 };
	struct xfer x;
	long long delay;
	CURLcode res;
	int rc = 0;

	remote = xasprintf(".picday-test-%ld", (long)getpid());
	if (u->scheme == S_FILE) {
		char *p = xasprintf("%s/%s", u->root, remote);

		if (file_parents(p, cause) != 0) {
			free(p);
			free(remote);
			return -1;
		}
		free(p);
	}
	memset(&x, 0, sizeof x);
	x.remote = remote;
	x.bytes = (long long)mb.left;
	if ((x.e = curl_easy_init()) == NULL)
		fatal("curl_easy_init");
	url = remote_url(u, remote);
	easy_common(u, x.e, url, x.errbuf);
	curl_easy_setopt(x.e, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(x.e, CURLOPT_READFUNCTION, mem_read);
	curl_easy_setopt(x.e, CURLOPT_READDATA, &mb);
	curl_easy_setopt(x.e, CURLOPT_INFILESIZE_LARGE, (curl_off_t)mb.left);
	curl_easy_setopt(x.e, CURLOPT_WRITEFUNCTION, keep_reply);
	curl_easy_setopt(x.e, CURLOPT_WRITEDATA, &x);
	hdr = http_headers(u);
	if (hdr != NULL)
		curl_easy_setopt(x.e, CURLOPT_HTTPHEADER, hdr);
	if (u->scheme == S_SFTP) {
		char *path = NULL, *cmd;
		CURLU *h = curl_url();

		if (curl_url_set(h, CURLUPART_URL, url, 0) == CURLUE_OK &&
		    curl_url_get(h, CURLUPART_PATH, &path,
		    CURLU_URLDECODE) == CURLUE_OK) {
			cmd = xasprintf("rm \"%s\"", path);
			quote = curl_slist_append(NULL, cmd);
			free(cmd);
		}
		curl_free(path);
		curl_url_cleanup(h);
	} else if (u->scheme == S_FTP) {
		char *cmd = xasprintf("DELE %s", remote);

		quote = curl_slist_append(NULL, cmd);
		free(cmd);
	}
	if (quote != NULL)
		curl_easy_setopt(x.e, CURLOPT_POSTQUOTE, quote);
	res = curl_easy_perform(x.e);
	if (classify(u, &x, res, &why, &delay) != V_OK) {
		*cause = why;
		why = NULL;
		rc = -1;
	}
	free(why);
	curl_easy_cleanup(x.e);
	curl_slist_free_all(quote);
	if (rc == 0 && u->scheme == S_FILE) {
		char *p = xasprintf("%s/%s", u->root, remote);

		if (unlink(p) != 0) {
			*cause = xasprintf(_("cannot delete %s: %s"), p,
			    strerror(errno));
			rc = -1;
		}
		free(p);
	} else if (rc == 0 && (u->scheme == S_HTTP || u->scheme == S_S3)) {
		CURL *e = curl_easy_init();
		long code = 0;

		if (e == NULL)
			fatal("curl_easy_init");
		easy_common(u, e, url, errbuf);
		curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "DELETE");
		curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard);
		if (hdr != NULL)
			curl_easy_setopt(e, CURLOPT_HTTPHEADER, hdr);
		res = curl_easy_perform(e);
		curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
		if (res != CURLE_OK || code >= 300) {
			char *r = upload_redact(url);

			*cause = xasprintf(_("%s: wrote the test file but "
			    "cannot delete it (%s)"), r, res != CURLE_OK ?
			    curl_easy_strerror(res) : "HTTP error");
			free(r);
			rc = -1;
		}
		curl_easy_cleanup(e);
	}
	curl_slist_free_all(hdr);
	free(url);
	free(remote);
	return rc;
}
