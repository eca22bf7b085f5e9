/*
 * jobs/job: the job queue (DESIGN §2) and the interface of a job kind.
 *
 * Jobs live in the jobs table (store/job.c holds the SQL).  A worker claims a
 * queued job, or a running one whose lease has expired, by writing its lease
 * (owner "host:pid:tid", expiry); a lease whose owner is a process on this
 * host that no longer exists counts as expired at once.  The worker renews
 * the lease at every job_progress().  A kind's run() must be idempotent step
 * by step: it starts from what the database says is done, so a job killed
 * at any moment and run again loses and duplicates nothing.
 *
 * Threads: every worker thread opens its own struct store.  run() is called
 * on a worker thread (or on the main thread for a foreground command) and
 * must not touch ncurses.  Payloads are JSON text; read them with SQLite's
 * json_extract in store/ code, or with job_payload_str/int below.
 */
#ifndef PICDAY_JOBS_JOB_H
#define PICDAY_JOBS_JOB_H

#include <stddef.h>

struct store;
struct store_job;
struct job_ctx;

/* run(): this job cannot succeed as it stands (bad payload, nothing to
 * do that a retry would find); it fails for good, with its cause. */
#define JOB_FAIL_FINAL	(-2)

struct job_kind {
	const char	*name;		/* "preview", "import", "mail", … */
	/* Does the work; 0 when finished, -1 with *cause (caller frees) when
	 * this attempt failed, JOB_FAIL_FINAL with *cause when trying again
	 * cannot help (the job fails at once, not after JOBS_MAX_ATTEMPTS).
	 * Returns early (0) when job_cancelled(). */
	int		(*run)(struct job_ctx *, char **cause);
};

/* Every kind, by name; NULL for an unknown kind (jobs/kinds.c). */
const struct job_kind	*job_kind_find(const char *name);

/* For a kind's run(): */
struct store	*job_store(struct job_ctx *);	/* this thread's connection */
long long	 job_id(struct job_ctx *);
const char	*job_payload(struct job_ctx *);	/* JSON, owned by ctx */
/* Payload fields (top-level keys): new string or NULL / the value or dflt. */
char		*job_payload_str(struct job_ctx *, const char *key);
long long	 job_payload_int(struct job_ctx *, const char *key,
		    long long dflt);
/* The positive numbers of a list field ([1001,1002] or "1001,1002"), *n
 * of them: a new array (caller frees, never NULL when the key is there,
 * even when empty), or NULL when there is no such key. */
long long	*job_payload_numbers(struct job_ctx *, const char *key,
		    size_t *n);
/* Records progress, renews the lease, wakes the UI; cheap to call often. */
void		 job_progress(struct job_ctx *, long long done, long long total);
/* True once the job was cancelled (or the worker is stopping). */
int		 job_cancelled(struct job_ctx *);
/* Records a finished step / asks whether it was (table job_steps), for
 * steps not visible in the tables they change. */
int		 job_step_done(struct job_ctx *, const char *step);
int		 job_step_mark(struct job_ctx *, const char *step);
/* Records a problem that did not stop the job, such as one image that
 * cannot be read, in the job's last_error; the job goes on. */
void		 job_warn(struct job_ctx *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/* Queue a job; returns its id (> 0), or -1 with *cause set. */
long long	 jobs_queue(struct store *, const char *kind, const char *title,
		    const char *payload_json, char **cause);

/*
 * Job identity: the same kind with the same payload is the same work.
 * Returns the oldest unfinished job of that kind and payload (queued, or
 * running: perhaps interrupted, its owner gone), with *found set, else a new
 * queued job; its id (> 0), or -1 with *cause set.  A foreground command
 * run again after a kill -9 so takes over its own job instead of leaving it
 * behind and starting another.
 */
long long	 jobs_queue_once(struct store *, const char *kind,
		    const char *title, const char *payload_json, int *found,
		    char **cause);

/* Whether a running job's lease is held by a live owner: 0 when its owner
 * is a process on this host that no longer exists or its lease expired, so
 * any worker may take it over. */
int		 jobs_lease_live(const struct store_job *);
/* The state to show: "interrupted" for a running job without a live lease,
 * else the stored state (queued running done failed cancelled). */
const char	*jobs_state_shown(const struct store_job *);

/* Back to the queue (failed or cancelled job) / stop a queued or running
 * job (its run() sees job_cancelled()).  0, or -1 with *cause set. */
int		 jobs_retry(struct store *, long long id, char **cause);
int		 jobs_cancel(struct store *, long long id, char **cause);

/*
 * Runs one job on the calling thread, now, with progress on stderr when
 * `progress` is set (the foreground form of `picday images import` etc.).
 * Claims it by lease like a worker, taking over a job whose owner died.
 * While another live process holds the lease (a worker claimed it first,
 * or the same command runs twice) it follows that job's progress until it
 * ends, and takes it over if that owner dies.  0 done, -1 failed, cancelled
 * (*cause set).
 */
int		 jobs_run_foreground(const char *studio_dir, long long id,
		    int progress, char **cause);

/*
 * A pool of worker threads (one per core when nthreads is 0) running the
 * queue of the studio at studio_dir.  Each write of one byte to wake_fd
 * (if >= 0) tells the UI that a job moved.  Workers block all signals.
 * With until_idle, threads exit once no job is left to claim, and
 * worker_pool_wait() returns then.
 */
struct worker_pool;
struct worker_pool	*worker_pool_start(const char *studio_dir, int nthreads,
			    int wake_fd, int until_idle);
void			 worker_pool_wait(struct worker_pool *);
void			 worker_pool_stop(struct worker_pool *); /* and free */
/*
 * The pool also polls the online shop's orders: a thread of its own (with
 * its own connection) looks each second whether invoices.url is set and
 * invoices.every has passed since the last poll of any process
 * (core/invoice: invoice_poll_due), and then queues an "invoices" job for
 * the workers.  `picday worker` and the TUI call it; `jobs run` does not.
 */
void			 worker_pool_poll_shop(struct worker_pool *);
/* One such look on st: 1 queued a job, 0 not due, -1 error (*cause). */
int			 jobs_shop_poll(struct store *, char **cause);

#endif
