/*
 * store/mail: the mail log (table mail_log): what was sent to whom, so that
 * a client is not mailed twice by mistake and failed sends can be retried.
 *
 * Threads: the caller's store only.  Errors: -1.
 */
#ifndef PICDAY_STORE_MAIL_H
#define PICDAY_STORE_MAIL_H

struct store;

/* 1 when a mail of that kind was sent for the session announcing exactly
 * starts_at (so a rescheduled session is mailed again), 0 not, -1 error. */
int	store_mail_was_sent(struct store *, long long session_id,
	    const char *kind, const char *starts_at);
/* The error of the latest failed attempt for that message: a new string
 * (caller frees), or NULL when there is none. */
char	*store_mail_last_error(struct store *, long long session_id,
	    const char *kind, const char *starts_at);
/* Records one attempt; state "sent" or "failed" (with error). */
int	store_mail_log(struct store *, long long session_id,
	    long long client_id, const char *kind, const char *to_addr,
	    const char *starts_at, const char *state, const char *error);

#endif
