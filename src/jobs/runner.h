/*
 * jobs/runner: how a claimed job runs (jobs/queue.c) and running the whole
 * queue from a command (jobs/pool.c); the progress line on stderr is
 * jobs/progress.h.  Internal to jobs/ except jobs_run_all(), which
 * `picday jobs run` uses.
 *
 * Leases: the owner is "host:pid:tid"; a lease lasts JOBS_LEASE_SECS and is
 * renewed by job_progress() and job_cancelled().  A failed attempt goes back
 * to the queue after a back-off of 2^attempts seconds, and the job fails for
 * good after JOBS_MAX_ATTEMPTS failed attempts.  A job interrupted
 * JOBS_MAX_CLAIMS times (it kills its worker) is given up.
 */
#ifndef PICDAY_JOBS_RUNNER_H
#define PICDAY_JOBS_RUNNER_H

#include <stdatomic.h>

#include "store/job.h"

#define JOBS_LEASE_SECS		30
#define JOBS_MAX_ATTEMPTS	3
#define JOBS_MAX_CLAIMS		10
#define JOBS_IDLE_MS		200

/* What job_exec() shows on stderr. */
#define JOBS_SHOW_PROGRESS	0x1	/* "kind #id: done/total" */
#define JOBS_SHOW_EVENTS	0x2	/* a line when a job ends */

struct job_ctx {
	struct store		*st;
	struct store_job	*job;		/* as claimed */
	const char		*owner;
	int			 wake_fd;
	const atomic_int	*stop;		/* pool stopping, or NULL */
	int			 show;
	int			 lost;		/* cancelled, or lease lost */
	int			 stopped;	/* run() was told to stop */
	long long		 done, total;
	long long		 synced_ms;	/* last write of the lease */
	long long		 shown_ms;
};

/* "host:pid:tid" of the calling thread (caller frees). */
char	*jobs_owner_self(void);
/* True when owner names a process on this host that no longer exists. */
int	 jobs_owner_dead(const char *owner);
long long jobs_now_ms(void);

/* What the job had done when it was claimed (a resumed job goes on from
 * there). */
long long job_done_before(struct job_ctx *);
long long job_total_before(struct job_ctx *);

/*
 * Runs a job claimed by owner on st and records how it ended: done, a
 * failed attempt (back to the queue, or failed for good), or given back to
 * the queue when *stop was raised.  0 done, 1 given back or cancelled,
 * -1 the attempt failed (*cause set).
 */
int	 job_exec(struct store *, struct store_job *, const char *owner,
	    int wake_fd, const atomic_int *stop, int show, char **cause);

/*
 * `picday jobs run`: runs every job that can be claimed now (queued, or
 * interrupted: its owner died or its lease expired) on a pool of threads,
 * until none is left.  With wait, also waits for jobs in back-off and jobs
 * that other processes are running, until no job is queued or running.
 * Returns the number of failed attempts, or -1 with *cause set.
 */
int	 jobs_run_all(const char *studio_dir, int wait, int show, char **cause);

/* The pool with the show flags of job_exec() (jobs/pool.c). */
struct worker_pool *worker_pool_start_show(const char *studio_dir,
	    int nthreads, int wake_fd, int until_idle, int show);
/* Failed attempts seen by the pool's threads so far. */
int	 worker_pool_failures(struct worker_pool *);

#endif
