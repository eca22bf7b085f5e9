/*
 * net/smtp: libcurl SMTP sending and RFC 5322 message text.  See
 * net/smtp.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <curl/curl.h>

#include "net/curldl.h"
#include "net/smtp.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct smtp {
	CURL		*curl;
	char		 errbuf[CURL_ERROR_SIZE];
	char		 reply[256];	/* the server's last reply line */
	char		 verb[5];	/* the command it answered: "RCPT" */
	char		 reply_verb[5];
};

struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
smtp_read(char *buf, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t len = size * n;

	if (len > u->left)
		len = u->left;
	memcpy(buf, u->p, len);
	u->p += len;
	u->left -= len;
	return len;
}

/* Keeps the server's last error reply (4xx, 5xx) for messages; only what
 * comes in, never what goes out (that holds the AUTH exchange). */
static int
smtp_debug(CURL *c, curl_infotype type, char *data, size_t len, void *arg)
{
	struct smtp *s = arg;
	size_t n;

	if (type == CURLINFO_HEADER_OUT) {
		/* The verb only: the rest may be the AUTH exchange. */
		n = len < 4 ? len : 4;
		memcpy(s->verb, data, n);
		s->verb[n] = '\0';
		return 0;
	}
	if (type != CURLINFO_HEADER_IN || len == 0 ||
	    (data[0] != '4' && data[0] != '5'))
		return 0;
	n = len < sizeof s->reply - 1 ? len : sizeof s->reply - 1;
	memcpy(s->reply, data, n);
	s->reply[n] = '\0';
	s->reply[strcspn(s->reply, "\r\n")] = '\0';
	memcpy(s->reply_verb, s->verb, sizeof s->verb);
	return 0;
}

int
smtp_url_has_password(const char *url)
{
	const char *p, *at, *colon;
	size_t auth;

	if ((p = strstr(url, "://")) == NULL)
		return 0;
	p += 3;
	auth = strcspn(p, "/?#");
	if ((at = memchr(p, '@', auth)) == NULL)
		return 0;
	colon = memchr(p, ':', (size_t)(at - p));
	return colon != NULL;
}

int
smtp_open(const char *url, const char *user, const char *password,
    struct smtp **out, char **cause)
{
	struct smtp *s;

	if (strncasecmp(url, "smtp://", 7) != 0 &&
	    strncasecmp(url, "smtps://", 8) != 0) {
		*cause = xasprintf(_("not an SMTP server address (smtp:// or "
		    "smtps://): %s"), url);
		return -1;
	}
	if (smtp_url_has_password(url)) {
		*cause = xstrdup(_("the SMTP address holds a password: put it "
		    "in the studio's secrets file instead"));
		return -1;
	}
	if (net_curl_load(cause) != 0)
		return -1;
	s = xcalloc(1, sizeof *s);
	if ((s->curl = curl_easy_init()) == NULL) {
		free(s);
		*cause = xstrdup(_("cannot start libcurl"));
		return -1;
	}
	curl_easy_setopt(s->curl, CURLOPT_URL, url);
	curl_easy_setopt(s->curl, CURLOPT_ERRORBUFFER, s->errbuf);
	curl_easy_setopt(s->curl, CURLOPT_DEBUGFUNCTION, smtp_debug);
	curl_easy_setopt(s->curl, CURLOPT_DEBUGDATA, s);
	curl_easy_setopt(s->curl, CURLOPT_VERBOSE, 1L);
	curl_easy_setopt(s->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(s->curl, CURLOPT_CONNECTTIMEOUT, 20L);
	curl_easy_setopt(s->curl, CURLOPT_TIMEOUT, 120L);
	curl_easy_setopt(s->curl, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(s->curl, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(s->curl, CURLOPT_USE_SSL, password != NULL ?
	    (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	curl_easy_setopt(s->curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(s->curl, CURLOPT_READFUNCTION, smtp_read);
	if (user != NULL && *user != '\0')
		curl_easy_setopt(s->curl, CURLOPT_USERNAME, user);
	if (password != NULL)
		curl_easy_setopt(s->curl, CURLOPT_PASSWORD, password);
	*out = s;
	return 0;
}

static char *
addr_of(const char *from)
{
	const char *lt = strrchr(from, '<'), *gt;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL)
		return xstrndup(lt + 1, (size_t)(gt - lt - 1));
	return xstrdup(from);
}

int
smtp_send(struct smtp *s, const char *from, const char *to,
    const char *message, char **cause)
{
	struct curl_slist *rcpt = NULL;
	struct upload u;
	char *mailfrom, *bracketed;
	CURLcode e;

	mailfrom = addr_of(from);
	bracketed = xasprintf("<%s>", mailfrom);
	free(mailfrom);
	rcpt = curl_slist_append(NULL, to);
	u.p = message;
	u.left = strlen(message);
	s->errbuf[0] = '\0';
	s->reply[0] = '\0';
	s->verb[0] = s->reply_verb[0] = '\0';
	curl_easy_setopt(s->curl, CURLOPT_MAIL_FROM, bracketed);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(s->curl, CURLOPT_READDATA, &u);
	curl_easy_setopt(s->curl, CURLOPT_INFILESIZE_LARGE,
	    (curl_off_t)u.left);
	e = curl_easy_perform(s->curl);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpt);
	free(bracketed);
	if (e == CURLE_OK)
		return 0;
	/* A reply with a 4xx/5xx code says it best; else libcurl's text. */
	if (s->reply[0] == '4' || s->reply[0] == '5')
		*cause = xstrdup(s->reply);
	else
		*cause = xstrdup(s->errbuf[0] != '\0' ? s->errbuf :
		    curl_easy_strerror(e));
	if (s->reply[0] == '5' && (strcasecmp(s->reply_verb, "MAIL") == 0 ||
	    strcasecmp(s->reply_verb, "RCPT") == 0 ||
	    strcasecmp(s->reply_verb, "DATA") == 0))
		return SMTP_REFUSED;
	return SMTP_TRY_LATER;
}

void
smtp_close(struct smtp *s)
{
	if (s == NULL)
		return;
	curl_easy_cleanup(s->curl);
	free(s);
}

int
smtp_address_ok(const char *a)
{
	const char *at, *p;

	if (a == NULL || (at = strchr(a, '@')) == NULL || at == a ||
	    at[1] == '\0' || strchr(at + 1, '@') != NULL)
		return 0;
	for (p = a; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>,;\"()[]\\",
		    *p) != NULL || *p == 0x7f)
			return 0;
	return 1;
}

static void
add_base64(struct strbuf *sb, const unsigned char *p, size_t len)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long v;
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned long)p[i] << 16 | (unsigned long)p[i + 1] << 8 |
		    p[i + 2];
		strbuf_addc(sb, tab[v >> 18 & 63]);
		strbuf_addc(sb, tab[v >> 12 & 63]);
		strbuf_addc(sb, tab[v >> 6 & 63]);
		strbuf_addc(sb, tab[v & 63]);
	}
	if (len - i == 1) {
		v = (unsigned long)p[i] << 16;
		strbuf_addc(sb, tab[v >> 18 & 63]);
		strbuf_addc(sb, tab[v >> 12 & 63]);
		strbuf_adds(sb, "==");
	} else if (len - i == 2) {
		v = (unsigned long)p[i] << 16 | (unsigned long)p[i + 1] << 8;
		strbuf_addc(sb, tab[v >> 18 & 63]);
		strbuf_addc(sb, tab[v >> 12 & 63]);
		strbuf_addc(sb, tab[v >> 6 & 63]);
		strbuf_addc(sb, '=');
	}
}

/* The subject as one header value: ASCII as is, else RFC 2047 B
 * encoded-words of at most 45 bytes (60 base64 characters) each, cut at
 * UTF-8 character boundaries, on folded lines. */
static void
add_subject(struct strbuf *sb, const char *subject)
{
	const unsigned char *p = (const unsigned char *)subject;
	size_t len = strlen(subject), i, n;
	int ascii = 1;

	for (i = 0; i < len; i++)
		if (p[i] >= 0x80)
			ascii = 0;
	if (ascii) {
		strbuf_adds(sb, subject);
		return;
	}
	for (i = 0; i < len; i += n) {
		n = len - i < 45 ? len - i : 45;
		while (n > 0 && i + n < len && (p[i + n] & 0xc0) == 0x80)
			n--;
		if (i > 0)
			strbuf_adds(sb, "\r\n ");
		strbuf_adds(sb, "=?UTF-8?B?");
		add_base64(sb, p + i, n);
		strbuf_adds(sb, "?=");
	}
}

char *
smtp_message(const char *from, const char *to, const char *subject,
    const char *body, time_t now)
{
	static unsigned long seq;
	struct strbuf sb = STRBUF_INIT;
	char date[64], *subj, *p, *domain;
	const char *at, *b;
	struct tm tm;

	/* RFC 5322 names days and months in English whatever the locale
	 * (strftime's %a and %b would follow LC_TIME). */
	static const char days[7][4] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr",
		"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	char zone[8];

	localtime_r(&now, &tm);
	strftime(zone, sizeof zone, "%z", &tm);
	snprintf(date, sizeof date, "%s, %02d %s %d %02d:%02d:%02d %s",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, zone);
	subj = xstrdup(subject);
	for (p = subj; *p != '\0'; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
	domain = addr_of(from);
	at = strchr(domain, '@');
	strbuf_addf(&sb, "Date: %s\r\n", date);
	strbuf_addf(&sb, "From: %s\r\n", from);
	strbuf_addf(&sb, "To: %s\r\n", to);
	strbuf_adds(&sb, "Subject: ");
	add_subject(&sb, subj);
	strbuf_adds(&sb, "\r\n");
	strbuf_addf(&sb, "Message-ID: <%lld.%ld.%lu.%lx@%s>\r\n",
	    (long long)now, (long)getpid(),
	    __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED),
	    (unsigned long)random(), at != NULL ? at + 1 : "localhost");
	strbuf_adds(&sb, "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\n\r\n");
	/* Body lines end in CRLF whatever the template used. */
	for (b = body; *b != '\0'; b++) {
		if (*b == '\r')
			continue;
		if (*b == '\n')
			strbuf_addc(&sb, '\r');
		strbuf_addc(&sb, *b);
	}
	if (sb.len < 2 || sb.s[sb.len - 1] != '\n')
		strbuf_adds(&sb, "\r\n");
	free(subj);
	free(domain);
	return strbuf_take(&sb);
}
