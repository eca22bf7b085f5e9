/*
 * jobs/delivery: the digital delivery of one session (jobs/job-delivery,
 * the "delivery" job; DESIGN §4 stage 9).  Payload: {"session": NUMBER,
 * "dir": "/abs/DIR", "zip": 0|1, "token": "..." (publish only)}; it writes
 * DIR/NUMBER/ and, with a token, sends it to d/TOKEN/ under the upload
 * target.  Without "dir", DIR is the studio's deliveries/; with
 * "publish": 1 and no token (the job an invoice import queues), the
 * session's token is used, made on first use.  To an s3:// target, with
 * "expires": N (or the setting delivery.presign), the URL kept is an S3
 * presigned GET of the page, valid N seconds, and the page sent links each
 * file by its own presigned URL (net/s3presign).
 */
#ifndef PICDAY_JOBS_DELIVERY_H
#define PICDAY_JOBS_DELIVERY_H

struct store;

/* How many images the grants of the session give (0: none), or -1 with
 * *cause.  Messages for grants that cannot give anything (a group that
 * does not exist, a single-image grant whose line names no image) go to
 * note.  */
long	delivery_count(struct store *, long long session,
	    void (*note)(const char *, void *), void *arg, char **cause);
/* token: publish to d/TOKEN/ under the upload target after the build
 * (the URL is stored on the session), NULL: build only. */
char	*job_delivery_payload(long long session, const char *dir, int zip,
	    const char *token, long expires);
/* Seconds of an expiry "N[s|m|h|d]" (at most 7 days, S3's limit), or -1. */
long	delivery_expires_parse(const char *);
/* A new publishing token: 144 bits from getrandom(), base64url (24
 * characters of A-Z a-z 0-9 - _).  NULL with *cause. */
char	*delivery_token_new(char **cause);

#endif
