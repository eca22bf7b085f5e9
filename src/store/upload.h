/*
 * store/upload: the SQL of Image Upload — what reached which target
 * (table uploads) and what a run had in flight (upload_inflight).
 *
 * A target is its URL without credentials; a remote path is relative to it
 * ("1001/hires/IMG_0001.JPG").  (target, remote) is unique: a recorded file
 * is never sent again to that target.  store_upload_record() also drops
 * the in-flight row; call it inside the transaction of the job's step.
 *
 * Threads: the caller's store only.  Errors: -1 (store_errmsg() says why);
 * look-ups return 1 found, 0 not found, -1 error.  Strings in rows passed
 * to callbacks belong to the statement and live only during the callback.
 */
#ifndef PICDAY_STORE_UPLOAD_H
#define PICDAY_STORE_UPLOAD_H

struct store;

struct upload_row {
	long long	 session_id;
	long long	 session_number;	/* filled by store_upload_each */
	long long	 image_id;		/* 0: none (manifest) */
	const char	*kind;			/* hires, preview, manifest */
	const char	*path;			/* local, relative to studio */
	const char	*target;
	const char	*remote;
	long long	 bytes;
	const char	*sha256;
	const char	*uploaded_at;
};

/* Is remote recorded for target?  With bytes/sha256 when asked (sha256
 * gets 65 bytes). */
int	store_upload_done(struct store *, const char *target,
	    const char *remote, long long *bytes, char *sha256);
/* Was remote in flight at target?  *bytes gets the size it was to have. */
int	store_upload_inflight(struct store *, const char *target,
	    const char *remote, long long *bytes);
int	store_upload_start(struct store *, const char *target,
	    const char *remote, long long bytes);
/* Records a finished file (and forgets it in flight). */
int	store_upload_record(struct store *, const struct upload_row *);

/* Recorded files, by session number then remote path: of one session
 * (session_id > 0) or all, of one target (not NULL) or all, of one kind
 * (not NULL) or all. */
typedef int (*upload_row_fn)(const struct upload_row *, void *arg);
int	store_upload_each(struct store *, long long session_id,
	    const char *target, const char *kind, upload_row_fn, void *arg);

/* The transfer of a running upload job (Control Center): bytes sent in
 * this run of bytes_total, since `started` (unix seconds), the last
 * transient problem or NULL, and each session's progress in words (or
 * NULL). */
int	store_upload_run_set(struct store *, long long job_id,
	    long long bytes_done, long long bytes_total, double started,
	    double now, const char *problem, const char *sessions);

/* Files recorded and bytes, overall (session_id 0) or of one session. */
int	store_upload_count(struct store *, long long session_id,
	    const char *target, long long *files, long long *bytes);

#endif
