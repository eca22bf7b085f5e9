/* net/fetch: an HTTP(S) GET into memory, TLS verified. */
#include "config.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "net/curldl.h"
#include "net/fetch.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define FETCH_MAX	(256UL * 1024 * 1024)

struct fetch_buf {
	char	*data;
	size_t	 len, cap;
	int	 too_big;
};

int
fetch_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

static size_t
fetch_write(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_buf *b = arg;
	size_t add = size * n;

	if (b->len + add > FETCH_MAX) {
		b->too_big = 1;
		return 0;
	}
	if (b->len + add + 1 > b->cap) {
		while (b->len + add + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 64 * 1024;
		b->data = xreallocarray(b->data, b->cap, 1);
	}
	memcpy(b->data + b->len, p, add);
	b->len += add;
	b->data[b->len] = '\0';
	return add;
}

int
fetch_url(const char *url, const char *cacert, const char *user,
    const char *password, char **data, size_t *len, char **cause)
{
	char errbuf[CURL_ERROR_SIZE];
	struct fetch_buf b;
	CURL *c;
	CURLcode e;
	long code = 0;

	*data = NULL;
	*len = 0;
	if (net_curl_load(cause) != 0)
		return -1;
	if ((c = curl_easy_init()) == NULL) {
		*cause = xstrdup(_("cannot start libcurl"));
		return -1;
	}
	memset(&b, 0, sizeof b);
	errbuf[0] = '\0';
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 300L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP |
	    CURLPROTO_HTTPS));
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP |
	    CURLPROTO_HTTPS));
#endif
	if (cacert != NULL)
		curl_easy_setopt(c, CURLOPT_CAINFO, cacert);
	if (user != NULL)
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
	if (password != NULL)
		curl_easy_setopt(c, CURLOPT_PASSWORD, password);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fetch_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
	e = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_cleanup(c);
	if (e != CURLE_OK || code < 200 || code > 299) {
		if (b.too_big)
			*cause = xasprintf(_("%s: larger than 256 MB"), url);
		else if (e != CURLE_OK)
			*cause = xasprintf(_("cannot fetch %s: %s"), url,
			    errbuf[0] != '\0' ? errbuf :
			    curl_easy_strerror(e));
		else
			*cause = xasprintf(_("cannot fetch %s: HTTP %ld"), url,
			    code);
		free(b.data);
		return -1;
	}
	if (b.data == NULL)
		b.data = xstrdup("");
	*data = b.data;
	*len = b.len;
	return 0;
}
