/*
 * store/job: the SQL of the jobs and job_steps tables (DESIGN §2).
 *
 * A job is claimed by lease: lease_owner ("host:pid:tid") and lease_expires
 * (unix seconds).  While a job is queued, lease_expires holds the time before
 * which it must not be claimed (the back-off after a failed attempt), or
 * NULL.  store_job_claim() is one short BEGIN IMMEDIATE transaction, so two
 * connections (threads or processes) never claim the same job.  Every write
 * made on behalf of a running job names its owner and changes nothing when
 * the lease was lost (cancelled, or taken over after it expired).
 *
 * Threads: like every store/ call, on the thread that owns the connection.
 * Errors: -1 means a database error (store_errmsg() says which).
 */
#ifndef PICDAY_STORE_JOB_H
#define PICDAY_STORE_JOB_H

struct store;

struct store_job {
	long long	 id;
	char		*kind;
	char		*title;
	char		*payload;
	char		*state;		/* queued running done failed … */
	long long	 done, total;
	int		 attempts;
	char		*last_error;	/* or NULL */
	char		*lease_owner;	/* or NULL */
	long long	 lease_expires;	/* 0 when NULL */
	char		*created_at;
	char		*finished_at;	/* or NULL */
};

/* Frees the strings of a struct store_job (not the struct itself). */
void		 store_job_clear(struct store_job *);

/* A new queued job: its id, or -1. */
long long	 store_job_insert(struct store *, const char *kind,
		    const char *title, const char *payload);
/*
 * The oldest unfinished (queued or running) job of a kind whose payload is
 * exactly payload, else a new queued one, in one transaction, so two
 * processes starting the same work share one job.  Its id (*found 1 for an
 * existing job, 0 for a new one), or -1.
 */
long long	 store_job_insert_once(struct store *, const char *kind,
		    const char *title, const char *payload, int *found);
/* The same inside the caller's transaction (so that the job is queued
 * with the rows that asked for it, or not at all). */
long long	 store_job_insert_pending(struct store *, const char *kind,
		    const char *title, const char *payload, int *found);
/* The oldest queued or running job of a kind: its id, 0 when none, -1. */
long long	 store_job_find_pending(struct store *, const char *kind);
/* Jobs that are queued or running, into *n.  0 or -1. */
int		 store_job_count_pending(struct store *, long long *n);
/* One job by id: 1 found (*out filled), 0 no such job, -1. */
int		 store_job_get(struct store *, long long id,
		    struct store_job *out);

/*
 * Claims a job for owner until now + lease_secs: the oldest queued job whose
 * back-off is over, or the oldest running job whose lease expired or whose
 * owner dead(owner) says no longer exists.  With id > 0 only that job is
 * considered, and a queued one is taken even during its back-off.  A running
 * job already claimed max_claims times without finishing is marked failed
 * instead of claimed again (it kills its worker).  attempts is incremented.
 * 1 claimed (*out filled), 0 nothing to claim, -1.
 */
int		 store_job_claim(struct store *, long long id, const char *owner,
		    long long now, int lease_secs, int max_claims,
		    int (*dead)(const char *owner), struct store_job *out);
/* Records progress and renews the lease: 1 still held, 0 lost, -1. */
int		 store_job_renew(struct store *, long long id, const char *owner,
		    long long done, long long total, long long expires);
/* The job finished: state done.  1, 0 lease lost, -1. */
int		 store_job_finish(struct store *, long long id, const char *owner,
		    long long done, long long total);
/* The attempt failed: back to queued until not_before, or failed once
 * attempts >= max_attempts.  1 failed for good, 0 queued again or lease
 * lost, -1. */
int		 store_job_fail(struct store *, long long id, const char *owner,
		    const char *error, int max_attempts, long long not_before);
/* Gives a running job back to the queue, claimable at once, with its
 * progress.  0 or -1. */
int		 store_job_release(struct store *, long long id,
		    const char *owner, long long done, long long total);
/* Records a problem that did not stop the job (last_error).  0 or -1. */
int		 store_job_warn(struct store *, long long id, const char *msg);

/* Back to queued (failed or cancelled; attempts reset, steps named
 * "fail:*" forgotten) / to cancelled (queued or running).  0, 1 no such
 * job, 2 wrong state (*state set to the current one, caller frees), -1. */
int		 store_job_retry(struct store *, long long id, char **state);
int		 store_job_cancel(struct store *, long long id, char **state);

/* Calls fn for every job, oldest first; stops early when fn returns
 * non-zero.  0 or -1. */
int		 store_job_list(struct store *,
		    int (*fn)(const struct store_job *, void *), void *arg);

/* job_steps: 1 recorded, 0 not / 0 recorded (idempotent), -1. */
int		 store_job_step_done(struct store *, long long id,
		    const char *step);
int		 store_job_step_mark(struct store *, long long id,
		    const char *step);

/* A top-level field of a JSON text (json_extract): a new string or NULL /
 * the integer or dflt. */
char		*store_json_str(struct store *, const char *json,
		    const char *key);
long long	 store_json_int(struct store *, const char *json,
		    const char *key, long long dflt);

#endif
