/*
 * net/upload: sending files to the studio's upload target with libcurl,
 * one code path for every scheme (DESIGN §1.6, §4 "upload").
 *
 *   file:///DIR           folders made as needed
 *   sftp://HOST[:PORT]/DIR key (identity) or password; the host key must be
 *                          in known_hosts (default ~/.ssh/known_hosts)
 *   ftp://, ftps://        missing folders created
 *   http://, https://      WebDAV: MKCOL the folders, then PUT
 *   s3://BUCKET/PREFIX     endpoint + region, SigV4 (CURLOPT_AWS_SIGV4),
 *                          user = access key, password = secret
 *
 * upload_run() keeps up to `parallel` transfers going on one curl multi
 * handle and pulls the files to send from the caller (next()), so that the
 * caller can make previews on the way and record every finished file
 * (done()) before the next one is asked for.  Transient failures (5xx,
 * 408, 429 with its Retry-After, timeouts, resets, dropped connections) are
 * retried with exponential back-off and jitter; other 4xx are permanent
 * for that file.  A wrong password, a refused host key, a failed TLS check
 * or a full remote disk stop the whole run (UPLOAD_REFUSED with the cause:
 * trying again as it is cannot help).
 *
 * TLS and host keys are always verified.  The password is handed to libcurl
 * only; URLs in causes have their user part removed (upload_redact()).
 *
 * Threads: one struct upload per thread; callbacks run on the caller's
 * thread, from inside upload_run().  Errors: -1 with *cause (caller frees).
 */
#ifndef PICDAY_NET_UPLOAD_H
#define PICDAY_NET_UPLOAD_H

struct upload;

struct upload_config {
	const char	*url;		/* the target, without a password */
	const char	*user;		/* or NULL */
	const char	*password;	/* or NULL (secret: never shown) */
	const char	*identity;	/* sftp private key file, or NULL */
	const char	*known_hosts;	/* sftp, or NULL: ~/.ssh/known_hosts */
	const char	*cacert;	/* a private CA bundle, or NULL */
	const char	*endpoint;	/* s3: http(s)://HOST[:PORT] */
	const char	*region;	/* s3, default us-east-1 */
	long long	 limit_rate;	/* bytes per second for all, 0: none */
	int		 parallel;	/* transfers at once, default 4 */
	int		 max_tries;	/* per file, default 8 */
	int		 backoff_ms;	/* first retry delay, default 500 */
};

/* A file to send: local path and the remote path under the target
 * ("1001/hires/IMG_0001.JPG").  Strings are copied by upload_run(). */
struct upload_item {
	const char	*local;
	const char	*remote;
	long long	 bytes;
	long long	 tag;		/* the caller's */
};

struct upload_hooks {
	void	*arg;
	/* The next file: 1 with *item filled (its strings must live until
	 * the next call), 0 nothing now (asked again when a transfer ends),
	 * -1 stop the run with *cause. */
	int	(*next)(void *arg, struct upload_item *, char **cause);
	/* Called just before a file's first byte goes (record it as in
	 * flight); 0, or -1 stop with *cause. */
	int	(*start)(void *arg, const struct upload_item *, char **cause);
	/* A file is there (ok) or failed for good (cause says why, one
	 * line); 0, or -1 stop the run with *stop. */
	int	(*done)(void *arg, const struct upload_item *, int ok,
		    const char *cause, char **stop);
	/* Bytes sent so far in this run (finished and in flight), and the
	 * last transient problem or NULL. */
	void	(*progress)(void *arg, long long sent, const char *problem);
	/* Nonzero: stop now (the transfers in flight are dropped). */
	int	(*cancelled)(void *arg);
};

int	 upload_open(const struct upload_config *, struct upload **,
	    char **cause);
void	 upload_close(struct upload *);
/* The target refused the run (login, host key, TLS, a full disk, no
 * access): the same run again would be refused again. */
#define UPLOAD_REFUSED	(-2)

/* 0 when every file was asked for and handled (some may have failed:
 * done() said so), -1 when the run stopped (a hook's stop, cancelled),
 * UPLOAD_REFUSED when the target refused it; *cause says why. */
int	 upload_run(struct upload *, const struct upload_hooks *,
	    char **cause);
/* Size of a remote file: 1 with *bytes, 0 not there, -1 cannot tell
 * (*cause set).  For a file that was in flight when a run died. */
int	 upload_stat(struct upload *, const char *remote, long long *bytes,
	    char **cause);
/* Writes and deletes a small file under the target (test connection):
 * 0, or -1 with *cause. */
int	 upload_test(struct upload *, char **cause);
/* The URL with any user:password@ removed (caller frees). */
char	*upload_redact(const char *url);
/* 1 when url is a target picday can send to; else 0 with *cause. */
int	 upload_url_ok(const char *url, char **cause);

#endif
