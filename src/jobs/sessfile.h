/*
 * jobs/sessfile: files made from a set of sessions, as jobs — the session
 * export (kind "export", jobs/job-export.c) and the QR sheets (kind
 * "qr-sheets", jobs/job-qrsheet.c).  The command and the Sessions hub queue
 * them here, so that a 5,000-page PDF never holds up a screen.
 *
 * Payload: {"output": absolute path, "org": NAME, "status": NAME,
 * "numbers": [1001, ...], "columns": "number,first_name,..." (export),
 * "per_page": N (QR sheets)}; numbers, when present, win over org/status
 * and keep their order.  The file is written to ".NAME.picday-JOB.tmp" in
 * its folder, synced and renamed when complete: a job killed at any moment
 * leaves no half file under the final name, and its rerun (same temporary
 * name, truncated) writes the whole file again.  Progress is one step per
 * session.  An output path that is not absolute is taken from the current
 * folder when the job is queued.
 *
 * Threads: the caller's store.  Errors: -1 with *cause (caller frees).
 */
#ifndef PICDAY_JOBS_SESSFILE_H
#define PICDAY_JOBS_SESSFILE_H

#include <stddef.h>

struct store;
struct store_job;

struct sessfile_request {
	const char	*output;	/* .csv/.xlsx, or .pdf */
	const char	*org, *status;	/* the filter, or NULL */
	const long long	*numbers;	/* these sessions instead (not NULL) */
	size_t		 nnumbers;
	const int	*cols;		/* export: core/export.h columns */
	size_t		 ncols;
	int		 per_page;	/* QR sheets: 1, 2, 4, 6 or 8 */
};

/* Queue the job; its id, or -1 with *cause. */
long long	 sessfile_queue_export(struct store *,
		    const struct sessfile_request *, char **cause);
long long	 sessfile_queue_qrsheet(struct store *,
		    const struct sessfile_request *, char **cause);

/*
 * The command's form: runs job id now, on this thread, with progress on
 * stderr (jobs_run_foreground), and gives what it says in *msg (caller
 * frees): 0 with the outcome, -1 with the reason.
 */
int		 sessfile_run(const char *studio_dir, struct store *,
		    long long id, char **msg);

/*
 * What a finished job of these kinds says to the user ("wrote 9 QR cards
 * on 3 pages to FILE", "exported 2 sessions (5 columns) to FILE"), or for
 * any job that failed "TITLE: failed: ERROR"; a new string (caller frees).
 * *failed is set when the job did not end done.
 */
char		*sessfile_outcome(struct store *, const struct store_job *,
		    int *failed);

/* For the kinds: the request read back from the payload. */
#ifdef PICDAY_JOBS_SESSFILE_INTERNAL
#include "store/session.h"

struct job_ctx;
struct sessfile_job {
	char			*output;
	char			*tmp;		/* .NAME.picday-JOB.tmp */
	char			*org, *status, *columns;
	long long		*numbers;
	int			 per_page;
	struct session_filter	 filter;
	long long		 total;		/* sessions to write */
};
int	sessfile_job_read(struct job_ctx *, struct sessfile_job *,
	    char **cause);
void	sessfile_job_free(struct sessfile_job *);
#endif

#endif
