/*
 * net/upload-int: what the two halves of net/upload share — upload.c (the
 * target: URLs, the options every request gets, errors in words, stat and
 * test) and upload-run.c (the transfers of upload_run() on a multi handle).
 * Internal to net/.
 */
#ifndef PICDAY_NET_UPLOAD_INT_H
#define PICDAY_NET_UPLOAD_INT_H

#include <curl/curl.h>

#include "net/curldl.h"

#include "net/upload.h"
#define UPLOAD_TRIES		8
#define UPLOAD_BACKOFF_MS	500
#define UPLOAD_BACKOFF_MAX_MS	30000
#define UPLOAD_RETRY_AFTER_MAX	300
#define UPLOAD_STALL_SECS	30

enum scheme { S_FILE, S_SFTP, S_FTP, S_HTTP, S_S3 };

enum verdict { V_OK, V_RETRY, V_PERM, V_FATAL };

struct xfer {
	CURL		*e;
	FILE		*f;
	struct curl_slist *hdr;
	char		*local, *remote;
	long long	 bytes, tag;
	int		 tries;
	long long	 due_ms;	/* a waiting retry: when */
	curl_off_t	 sent;
	char		 errbuf[CURL_ERROR_SIZE];
	char		 reply[512];	/* the reply's first bytes (S3 errors) */
	size_t		 nreply;
};

struct upload {
	struct upload_config	 c;	/* strings owned */
	enum scheme		 scheme;
	char			*base;	/* URL the remote paths go under */
	char			*root;	/* file://: the local folder */
	char			*sigv4;	/* s3: "aws:amz:REGION:s3" */
	char			*bucket;	/* s3: ENDPOINT/BUCKET */
	char			*prefix;	/* s3: "PREFIX/" or "" */
	char			*hostkey;	/* why the host key was refused */
	char			**dirs;	/* WebDAV folders known to exist */
	size_t			 ndirs;
	int			 base_made;	/* WebDAV: its own folders */
	CURLM			*multi;
};


/* The URL of remote under the target (caller frees). */
char	*remote_url(struct upload *, const char *remote);
/* Options every request of this target gets; errbuf: CURL_ERROR_SIZE. */
void	 easy_common(struct upload *, CURL *, const char *url, char *errbuf);
/* Headers of http/s3 requests, or NULL (caller frees the list). */
struct curl_slist *http_headers(struct upload *);
size_t	 discard(char *, size_t, size_t, void *);
/* A write callback keeping the reply's first bytes in the struct xfer
 * given as its data (x->reply, NUL-terminated). */
size_t	 keep_reply(char *, size_t, size_t, void *);
/* mkdir -p of the folder that holds path: 0, or -1 with *cause. */
int	 file_parents(const char *path, char **cause);
/* WebDAV: MKCOL the folders of remote; -1 with *cause: login refused. */
int	 http_mkcols(struct upload *, const char *remote, char **cause);
/* How a finished transfer went; *why (caller frees) unless V_OK;
 * *delay_ms: a Retry-After, else -1. */
enum verdict classify(struct upload *, struct xfer *, CURLcode, char **why,
	    long long *delay_ms);
/* s3: files over UPLOAD_S3_PART bytes go as multipart uploads, sent
 * here from start to end (upload-s3.c); parts already on the server from
 * a run that died are found (ListMultipartUploads, ListParts) and kept. */
#define UPLOAD_S3_PART	(16LL * 1024 * 1024)
enum verdict s3_multipart(struct upload *, const char *local,
	    const char *remote, long long bytes, char **why);

#endif
