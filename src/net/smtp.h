/*
 * net/smtp: sending mail with libcurl's SMTP, and the message text.
 *
 * One struct smtp keeps a libcurl handle so that a batch of messages goes
 * over one connection.  smtp:// uses STARTTLS when the server offers it,
 * and requires it when a password is set; smtps:// is TLS from the start.
 * Certificates are always verified.  The password is handed to libcurl
 * only; it never appears in a message or a cause.
 *
 * A failed send gives the server's last reply ("550 5.1.1 mailbox
 * unavailable") as the cause, so that a batch can report it per recipient
 * and go on.  smtp_send() tells a refusal for good (a 5xx reply to the
 * message's MAIL, RCPT or DATA: the same message will not get through) from
 * a failure that may pass later (a 4xx reply, no connection, a timeout, a
 * 5xx to EHLO or AUTH, which is the server's or the settings' trouble).
 *
 * Threads: one struct smtp per thread.  Errors: -1 with *cause (caller
 * frees).
 */
#ifndef PICDAY_NET_SMTP_H
#define PICDAY_NET_SMTP_H

#include <time.h>

struct smtp;

/* url: smtp://host[:port] or smtps://...; user and password may be NULL. */
int	 smtp_open(const char *url, const char *user, const char *password,
	    struct smtp **, char **cause);
/* 0 sent; SMTP_TRY_LATER or SMTP_REFUSED with *cause. */
#define SMTP_TRY_LATER	(-1)
#define SMTP_REFUSED	(-2)
int	 smtp_send(struct smtp *, const char *from, const char *to,
	    const char *message, char **cause);
void	 smtp_close(struct smtp *);

/* 1 when addr looks like a single plain address (a@b, no spaces, angle
 * brackets, commas or control characters). */
int	 smtp_address_ok(const char *addr);
/* 1 when url carries a password in its user part (refused: passwords
 * live in the secrets file). */
int	 smtp_url_has_password(const char *url);

/* A whole RFC 5322 message (CRLF lines): Date, From, To, Subject (an
 * RFC 2047 encoded-word when not ASCII), Message-ID, MIME-Version,
 * Content-Type text/plain; charset=UTF-8, 8bit body.  Control characters
 * in the subject become spaces (no header injection). */
char	*smtp_message(const char *from, const char *to, const char *subject,
	    const char *body, time_t now);

#endif
