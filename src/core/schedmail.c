/*
 * core/schedmail: schedule e-mails — choose, build, send, log.  See
 * core/schedmail.h.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/schedmail.h"
#include "net/smtp.h"
#include "store/db.h"
#include "store/grant.h"
#include "store/secrets.h"
#include "store/mail.h"
#include "store/session.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define MAIL_KIND	"schedule"
#define MAIL_KIND_DELIVERY "delivery"

#define DELIVERY_SUBJECT "Your pictures from {organization}"
#define DELIVERY_BODY "Dear {guardian},\n\nThe pictures of {first_name} " \
	"{last_name} are ready to download:\n\n{url}\n\nSession number: " \
	"{number}.\n"

char *
schedmail_expand(const char *tmpl, const char *const *keys,
    const char *const *values, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = tmpl, *close;
	size_t i, len;

	while (*p != '\0') {
		if (*p == '{' && (close = strchr(p + 1, '}')) != NULL) {
			len = (size_t)(close - p - 1);
			for (i = 0; i < n; i++)
				if (strlen(keys[i]) == len &&
				    strncmp(keys[i], p + 1, len) == 0)
					break;
			if (i < n) {
				strbuf_adds(&sb, values[i] != NULL ?
				    values[i] : "");
				p = close + 1;
				continue;
			}
		}
		strbuf_addc(&sb, *p++);
	}
	return strbuf_take(&sb);
}

static void
format_when(const char *starts_at, char *date, size_t dlen, char *time_,
    size_t tlen)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	snprintf(date, dlen, "%.10s", starts_at);
	snprintf(time_, tlen, "%s", strlen(starts_at) > 11 ?
	    starts_at + 11 : "");
	if (sscanf(starts_at, "%d-%d-%d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday) == 3) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		tm.tm_hour = 12;
		tm.tm_isdst = -1;
		if (mktime(&tm) != (time_t)-1)
			strftime(date, dlen, "%A %-d %B %Y", &tm);
	}
}

struct mail_run {
	struct store			*st;
	const struct schedmail_request	*rq;
	struct schedmail_report		*rep;
	struct smtp			*smtp;
	const char			*from;
	const char			*subject;
	const char			*body;
	const char			*kind;
	long long			*numbers;
	size_t				 n;
	int				 dberr;
};

static void
note(struct mail_run *m, int failed, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
note(struct mail_run *m, int failed, const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	if (m->rq->note != NULL)
		m->rq->note(m->rq->arg, failed, line);
	free(line);
}

static int
mail_one(const struct session_row *r, void *arg)
{
	static const char *const keys[] = { "first_name", "last_name",
	    "guardian", "organization", "date", "time", "number", "url" };
	struct mail_run *m = arg;
	const char *vals[8], *key;
	char date[64], tm[16], num[32], *subject, *body, *msg, *cause;
	char *url = NULL;
	int was, rc;

	snprintf(num, sizeof num, "%lld", r->number);
	if (m->rq->delivery &&
	    (url = store_delivery_url(m->st, r->number)) == NULL) {
		m->rep->no_delivery++;
		/* L10N: skipped by `sessions mail --template delivery` */
		note(m, 0, _("session %lld (%s %s): no published delivery"),
		    r->number, r->first_name != NULL ? r->first_name : "",
		    r->last_name != NULL ? r->last_name : "");
		return 0;
	}
	if (r->email == NULL || !smtp_address_ok(r->email)) {
		m->rep->no_email++;
		note(m, 0, _("session %lld (%s %s): %s"), r->number,
		    r->first_name != NULL ? r->first_name : "",
		    r->last_name != NULL ? r->last_name : "",
		    r->email == NULL || *r->email == '\0' ?
		    _("no e-mail address") : _("not a valid e-mail address"));
		free(url);
		return 0;
	}
	if (m->rq->delivery)
		key = url;	/* a new token is a new message */
	else if (r->starts_at == NULL) {
		m->rep->no_email++;
		note(m, 0, _("session %lld (%s %s): not booked for a time"),
		    r->number, r->first_name, r->last_name);
		return 0;
	} else
		key = r->starts_at;
	if (!m->rq->resend) {
		if ((was = store_mail_was_sent(m->st, r->id, m->kind,
		    key)) < 0) {
			free(url);
			return -1;
		}
		if (was) {
			m->rep->already++;
			free(url);
			return 0;
		}
	}
	if (!m->rq->dry_run && m->rq->was_refused != NULL &&
	    m->rq->was_refused(m->rq->arg, r->number)) {
		char *why = store_mail_last_error(m->st, r->id, m->kind,
		    key);

		m->rep->failed++;
		m->rep->refused++;
		note(m, SCHEDMAIL_REFUSED, "session %lld (%s %s <%s>): %s",
		    r->number, r->first_name, r->last_name, r->email,
		    why != NULL ? why : _("refused by the server"));
		free(why);
		free(url);
		return 0;
	}
	if (r->starts_at != NULL)
		format_when(r->starts_at, date, sizeof date, tm, sizeof tm);
	else
		date[0] = tm[0] = '\0';
	vals[0] = r->first_name;
	vals[1] = r->last_name;
	vals[2] = r->guardian != NULL && *r->guardian != '\0' ? r->guardian :
	    _("parent or guardian");
	vals[3] = r->organization;
	vals[4] = date;
	vals[5] = tm;
	vals[6] = num;
	vals[7] = url;
	subject = schedmail_expand(m->subject, keys, vals, 8);
	body = schedmail_expand(m->body, keys, vals, 8);
	msg = smtp_message(m->from, r->email, subject, body, time(NULL));
	free(subject);
	free(body);
	if (m->rq->dry_run) {
		if (m->rq->message != NULL)
			m->rq->message(m->rq->arg, r->number, r->email, msg);
		m->rep->sent++;
		free(msg);
		free(url);
		return 0;
	}
	if ((rc = smtp_send(m->smtp, m->from, r->email, msg, &cause)) == 0) {
		m->rep->sent++;
		if (store_mail_log(m->st, r->id, r->client_id, m->kind,
		    r->email, key, "sent", NULL) != 0)
			m->dberr = 1;
	} else {
		m->rep->failed++;
		if (rc == SMTP_REFUSED) {
			m->rep->refused++;
			if (m->rq->refused != NULL)
				m->rq->refused(m->rq->arg, r->number);
		}
		note(m, rc == SMTP_REFUSED ? SCHEDMAIL_REFUSED :
		    SCHEDMAIL_TRY_LATER, "session %lld (%s %s <%s>): %s", r->number,
		    r->first_name, r->last_name, r->email, cause);
		if (store_mail_log(m->st, r->id, r->client_id, m->kind,
		    r->email, key, "failed", cause) != 0)
			m->dberr = 1;
		free(cause);
	}
	free(msg);
	free(url);
	return m->dberr ? -1 : 0;
}

static int
collect(const struct session_row *r, void *arg)
{
	struct mail_run *m = arg;

	if ((m->n & (m->n - 1)) == 0)
		m->numbers = xreallocarray(m->numbers, m->n == 0 ? 1 :
		    m->n * 2, sizeof *m->numbers);
	m->numbers[m->n++] = r->number;
	return 0;
}

static void
missing(long long number, void *arg)
{
	struct mail_run *m = arg;

	m->rep->unknown++;
	note(m, 0, _("no session number %lld"), number);
}

static int
mail_open_server(struct mail_run *m, char **cause)
{
	char *url, *user, *password = NULL;
	int rc;

	url = m->rq->smtp_url != NULL ? xstrdup(m->rq->smtp_url) :
	    store_pref_get(m->st, "mail.smtp_url");
	if (url == NULL || *url == '\0') {
		free(url);
		*cause = xstrdup(_("no mail server is set (preference "
		    "mail.smtp_url, e.g. smtp://mail.example.org:587)"));
		return -1;
	}
	if (secrets_get(m->st, "mail.smtp_password", &password, cause) != 0) {
		free(url);
		return -1;
	}
	user = store_pref_get(m->st, "mail.smtp_user");
	rc = smtp_open(url, user, password, &m->smtp, cause);
	secrets_free(password);
	free(user);
	free(url);
	return rc;
}

int
schedmail_run(struct store *st, const struct schedmail_request *rq,
    struct schedmail_report *rep, char **cause)
{
	struct session_filter f;
	struct mail_run m;
	char *from, *subject, *body;
	size_t i;
	int rc = 0;

	memset(rep, 0, sizeof *rep);
	memset(&m, 0, sizeof m);
	m.st = st;
	m.rq = rq;
	m.rep = rep;
	memset(&f, 0, sizeof f);
	if (rq->numbers != NULL) {
		f.numbers = rq->numbers;
		f.nnumbers = rq->nnumbers;
		f.missing = missing;
	} else
		f.org = rq->org;
	/* The choice first, so that progress knows the total. */
	if (store_session_each(st, &f, collect, &m) != 0) {
		*cause = xasprintf(_("cannot read the sessions: %s"),
		    store_errmsg(st));
		free(m.numbers);
		return -1;
	}
	rep->total = m.n;
	if (m.n == 0) {
		free(m.numbers);
		return 0;
	}
	if (!rq->dry_run && mail_open_server(&m, cause) != 0) {
		free(m.numbers);
		return -1;
	}
	from = store_pref_get(st, "mail.from");
	m.from = from != NULL ? from : "picday@localhost";
	if (rq->delivery) {
		m.kind = MAIL_KIND_DELIVERY;
		subject = store_pref_get(st, "mail.delivery.subject");
		body = store_pref_get(st, "mail.delivery.body");
		/* Empty (the Setup form saves what it shows): the default. */
		m.subject = subject != NULL && *subject != '\0' ? subject :
		    DELIVERY_SUBJECT;
		m.body = body != NULL && *body != '\0' ? body : DELIVERY_BODY;
	} else {
		m.kind = MAIL_KIND;
		subject = store_pref_get(st, "mail.schedule.subject");
		body = store_pref_get(st, "mail.schedule.body");
		m.subject = subject != NULL ? subject :
		    "Picture day: {date} at {time}";
		m.body = body != NULL ? body : "{first_name} {last_name}: "
		    "{date} {time}, session {number}.\n";
	}
	memset(&f, 0, sizeof f);
	for (i = 0; i < m.n && rc == 0; i++) {
		if (rq->cancelled != NULL && rq->cancelled(rq->arg))
			break;
		f.numbers = &m.numbers[i];
		f.nnumbers = 1;
		if (store_session_each(st, &f, mail_one, &m) != 0) {
			*cause = xasprintf(_("cannot record the mail: %s"),
			    store_errmsg(st));
			rc = -1;
		}
		if (rq->progress != NULL)
			rq->progress(rq->arg, i + 1, m.n);
	}
	smtp_close(m.smtp);
	free(from);
	free(subject);
	free(body);
	free(m.numbers);
	return rc;
}
