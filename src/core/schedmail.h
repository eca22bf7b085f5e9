/*
 * core/schedmail: schedule e-mails (DESIGN §1.2) — each chosen session's
 * client gets its date and time by SMTP, from the templates in preferences
 * mail.schedule.subject and mail.schedule.body ({first_name} {last_name}
 * {guardian} {organization} {date} {time} {number}), From = mail.from,
 * server = mail.smtp_url (or the request's override), user =
 * mail.smtp_user, password = mail.smtp_password in the studio's 0600
 * secrets file (never in the database, never logged).
 *
 * The delivery template (request delivery = 1, `sessions mail --template
 * delivery`) mails each family its download link instead: the session's
 * published delivery URL (store/grant), from mail.delivery.subject and
 * mail.delivery.body (the same keys plus {url}); a session with no
 * published delivery is named through note() and skipped, and the URL
 * takes the place of starts_at in the log, so a new token is mailed again.
 *
 * Every attempt is written to mail_log; a session already mailed for the
 * same starts_at is skipped unless resend is set, so running the same
 * request again sends only what failed or was never sent.  A failed send
 * is reported through note() ("session 1042 (Ana Núñez <ana@x>): 550 ...")
 * and the others go on.  A send the server refused for good (a 5xx reply,
 * net/smtp SMTP_REFUSED) is noted as SCHEDMAIL_REFUSED and, for a batch
 * run in several attempts (the mail job), handed to refused() so that
 * was_refused() keeps the next attempt from sending it again; a failure
 * that may pass later (4xx, no connection) is SCHEDMAIL_TRY_LATER.
 *
 * Threads: the caller's store only; callbacks run on the calling thread.
 * Errors: -1 with *cause for what stops the whole batch (no server set,
 * unreadable secrets, database trouble); per-client failures only count in
 * the report.
 */
#ifndef PICDAY_CORE_SCHEDMAIL_H
#define PICDAY_CORE_SCHEDMAIL_H

#include <stddef.h>

struct store;

#define SCHEDMAIL_TRY_LATER	1
#define SCHEDMAIL_REFUSED	2

struct schedmail_request {
	const char	*org;		/* every session of it, or */
	const long long	*numbers;	/* these sessions */
	size_t		 nnumbers;
	int		 resend;	/* mail again what was sent */
	int		 delivery;	/* the delivery template */
	int		 dry_run;	/* message() instead of sending */
	const char	*smtp_url;	/* NULL: preference mail.smtp_url */

	void		*arg;
	/* One line per session not mailed; failed is 0 (not mailed, no
	 * address), SCHEDMAIL_TRY_LATER or SCHEDMAIL_REFUSED. */
	void		(*note)(void *arg, int failed, const char *line);
	/* Optional: records / asks whether session number's message was
	 * refused for good earlier in this batch (then it is not sent again,
	 * and counts as failed and refused with the reply logged then). */
	void		(*refused)(void *arg, long long number);
	int		(*was_refused)(void *arg, long long number);
	/* Dry run: the message that would go (CRLF lines). */
	void		(*message)(void *arg, long long number, const char *to,
			    const char *text);
	void		(*progress)(void *arg, size_t done, size_t total);
	int		(*cancelled)(void *arg);
};

struct schedmail_report {
	size_t		 total;		/* sessions chosen */
	size_t		 sent;		/* or would be sent, in a dry run */
	size_t		 failed;
	size_t		 refused;	/* of failed: refused for good (5xx) */
	size_t		 already;	/* mailed before for that time */
	size_t		 no_email;	/* no client or no valid address */
	size_t		 no_delivery;	/* delivery: nothing published */
	size_t		 unknown;	/* numbers with no session */
};

int	schedmail_run(struct store *, const struct schedmail_request *,
	    struct schedmail_report *, char **cause);
/* Expands {key} placeholders; unknown ones stay as written. */
char	*schedmail_expand(const char *tmpl, const char *const *keys,
	    const char *const *values, size_t n);

#endif
