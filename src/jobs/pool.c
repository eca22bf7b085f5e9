/*
 * jobs/pool: worker threads that claim and run jobs, and `jobs run` on top
 * of them.  Each thread opens its own store, blocks every signal (the main
 * thread handles them) and polls the queue, sleeping JOBS_IDLE_MS when it
 * finds nothing, or leaving when until_idle.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jobs/job.h"
#include "jobs/progress.h"
#include "jobs/runner.h"
#include "store/db.h"
#include "store/job.h"
#include "util/i18n.h"
#include "util/xalloc.h"

struct worker_pool {
	char		*dir;
	int		 n;
	pthread_t	*threads;
	pthread_t	 poller;
	int		 polling;	/* poller started */
	int		 wake_fd;
	int		 until_idle;
	int		 show;
	int		 joined;
	atomic_int	 stop;
	atomic_int	 failures;
	pthread_mutex_t	 lock;
	pthread_cond_t	 cond;
};

/* Sleeps JOBS_IDLE_MS, or less when the pool stops. */
static void
worker_idle(struct worker_pool *pool)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += JOBS_IDLE_MS * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&pool->lock);
	if (!atomic_load(&pool->stop))
		pthread_cond_timedwait(&pool->cond, &pool->lock, &ts);
	pthread_mutex_unlock(&pool->lock);
}

static void *
worker_main(void *arg)
{
	struct worker_pool *pool = arg;
	struct store_job job;
	struct store *st;
	char *owner, *cause = NULL;
	int rc;

	if (store_open(pool->dir, &st, &cause) != 0) {
		jobs_progress_message(_("worker: %s"), cause);
		free(cause);
		return NULL;
	}
	owner = jobs_owner_self();
	while (!atomic_load(&pool->stop)) {
		rc = store_job_claim(st, 0, owner, (long long)time(NULL),
		    JOBS_LEASE_SECS, JOBS_MAX_CLAIMS, jobs_owner_dead, &job);
		if (rc == 1) {
			if (job_exec(st, &job, owner, pool->wake_fd,
			    &pool->stop, pool->show, &cause) < 0)
				atomic_fetch_add(&pool->failures, 1);
			free(cause);
			cause = NULL;
			store_job_clear(&job);
			continue;
		}
		if (rc < 0)
			jobs_progress_message(_("worker: cannot claim a job: "
			    "%s"), store_errmsg(st));
		if (pool->until_idle)
			break;
		worker_idle(pool);
	}
	free(owner);
	store_close(st);
	return NULL;
}

/* The shop's poller: each second, one look (jobs_shop_poll); a job queued
 * wakes the idle workers at once. */
static void *
poller_main(void *arg)
{
	struct worker_pool *pool = arg;
	struct timespec ts;
	struct store *st;
	char *cause = NULL;
	int r;

	if (store_open(pool->dir, &st, &cause) != 0) {
		jobs_progress_message(_("worker: %s"), cause);
		free(cause);
		return NULL;
	}
	pthread_mutex_lock(&pool->lock);
	while (!atomic_load(&pool->stop)) {
		pthread_mutex_unlock(&pool->lock);
		if ((r = jobs_shop_poll(st, &cause)) < 0) {
			jobs_progress_message("%s", cause);
			free(cause);
			cause = NULL;
		}
		pthread_mutex_lock(&pool->lock);
		if (r == 1)
			pthread_cond_broadcast(&pool->cond);
		if (atomic_load(&pool->stop))
			break;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec++;
		pthread_cond_timedwait(&pool->cond, &pool->lock, &ts);
	}
	pthread_mutex_unlock(&pool->lock);
	store_close(st);
	return NULL;
}

void
worker_pool_poll_shop(struct worker_pool *pool)
{
	sigset_t all, old;

	if (pool->polling)
		return;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	if ((errno = pthread_create(&pool->poller, NULL, poller_main,
	    pool)) == 0)
		pool->polling = 1;
	else
		jobs_progress_message(_("worker: cannot start the shop's "
		    "poller: %s"), strerror(errno));
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

struct worker_pool *
worker_pool_start_show(const char *studio_dir, int nthreads, int wake_fd,
    int until_idle, int show)
{
	struct worker_pool *pool = xcalloc(1, sizeof *pool);
	sigset_t all, old;
	int i, flags;

	if (nthreads <= 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		nthreads = n > 0 ? (int)(n < 64 ? n : 64) : 1;
	}
	pool->dir = xstrdup(studio_dir);
	pool->wake_fd = wake_fd;
	pool->until_idle = until_idle;
	pool->show = show;
	atomic_init(&pool->stop, 0);
	atomic_init(&pool->failures, 0);
	pthread_mutex_init(&pool->lock, NULL);
	pthread_cond_init(&pool->cond, NULL);
	/* A full pipe must never stall a worker: the UI reads when it can. */
	if (wake_fd >= 0 && (flags = fcntl(wake_fd, F_GETFL)) != -1)
		(void)fcntl(wake_fd, F_SETFL, flags | O_NONBLOCK);

	/* Threads inherit the mask: created with every signal blocked, they
	 * never take one meant for the main thread. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	pool->threads = xcalloc((size_t)nthreads, sizeof *pool->threads);
	for (i = 0; i < nthreads; i++) {
		if ((errno = pthread_create(&pool->threads[i], NULL,
		    worker_main, pool)) != 0) {
			if (i == 0)
				fatal("cannot start a worker thread: %s",
				    strerror(errno));
			break;
		}
	}
	pool->n = i;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return pool;
}

struct worker_pool *
worker_pool_start(const char *studio_dir, int nthreads, int wake_fd,
    int until_idle)
{
	return worker_pool_start_show(studio_dir, nthreads, wake_fd,
	    until_idle, 0);
}

void
worker_pool_wait(struct worker_pool *pool)
{
	int i;

	if (pool->joined)
		return;
	for (i = 0; i < pool->n; i++)
		pthread_join(pool->threads[i], NULL);
	pool->joined = 1;
}

void
worker_pool_stop(struct worker_pool *pool)
{
	if (pool == NULL)
		return;
	pthread_mutex_lock(&pool->lock);
	atomic_store(&pool->stop, 1);
	pthread_cond_broadcast(&pool->cond);
	pthread_mutex_unlock(&pool->lock);
	worker_pool_wait(pool);
	if (pool->polling)
		pthread_join(pool->poller, NULL);
	pthread_mutex_destroy(&pool->lock);
	pthread_cond_destroy(&pool->cond);
	free(pool->threads);
	free(pool->dir);
	free(pool);
}

int
worker_pool_failures(struct worker_pool *pool)
{
	return atomic_load(&pool->failures);
}

int
jobs_run_all(const char *studio_dir, int wait, int show, char **cause)
{
	struct worker_pool *pool;
	struct store *st;
	long long pending;
	int failures = 0;

	if (store_open(studio_dir, &st, cause) != 0)
		return -1;
	for (;;) {
		pool = worker_pool_start_show(studio_dir, 0, -1, 1, show);
		worker_pool_wait(pool);
		failures += worker_pool_failures(pool);
		worker_pool_stop(pool);
		if (!wait)
			break;
		if (store_job_count_pending(st, &pending) != 0) {
			*cause = xasprintf(_("cannot read the job queue: %s"),
			    store_errmsg(st));
			store_close(st);
			return -1;
		}
		if (pending == 0)
			break;
		/* Jobs in back-off, or running in another process. */
		usleep(JOBS_IDLE_MS * 1000);
	}
	store_close(st);
	return failures;
}
