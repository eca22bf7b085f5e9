/*
 * jobs/queue: queueing, retrying and cancelling jobs; the job_ctx a kind's
 * run() sees (progress, lease renewal, cancellation, steps); running one
 * claimed job and recording how it ended; the foreground form.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
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

/* How often progress reaches the database, and a quiet job renews its
 * lease (both well inside JOBS_LEASE_SECS). */
#define SYNC_PROGRESS_MS	100
#define SYNC_QUIET_MS		1000

long long
jobs_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *
host_name(void)
{
	static char host[256];

	if (host[0] == '\0' && gethostname(host, sizeof host - 1) != 0)
		strcpy(host, "localhost");
	return host;
}

char *
jobs_owner_self(void)
{
	return xasprintf("%s:%ld:%ld", host_name(), (long)getpid(),
	    (long)gettid());
}

int
jobs_owner_dead(const char *owner)
{
	const char *tid, *pid;
	size_t hostlen;
	long n;
	char *end;

	if ((tid = strrchr(owner, ':')) == NULL || tid == owner)
		return 0;
	for (pid = tid - 1; pid > owner && *pid != ':'; pid--)
		;
	if (*pid != ':')
		return 0;
	hostlen = (size_t)(pid - owner);
	if (strlen(host_name()) != hostlen ||
	    strncmp(owner, host_name(), hostlen) != 0)
		return 0;	/* another host: wait for its lease */
	n = strtol(pid + 1, &end, 10);
	if (end != tid || n <= 0)
		return 0;
	if (n == (long)getpid())
		return 0;	/* one of our threads holds it */
	return kill((pid_t)n, 0) == -1 && errno == ESRCH;
}

struct store *
job_store(struct job_ctx *ctx)
{
	return ctx->st;
}

long long
job_id(struct job_ctx *ctx)
{
	return ctx->job->id;
}

const char *
job_payload(struct job_ctx *ctx)
{
	return ctx->job->payload;
}

long long
job_done_before(struct job_ctx *ctx)
{
	return ctx->job->done;
}

long long
job_total_before(struct job_ctx *ctx)
{
	return ctx->job->total;
}

char *
job_payload_str(struct job_ctx *ctx, const char *key)
{
	return store_json_str(ctx->st, ctx->job->payload, key);
}

long long
job_payload_int(struct job_ctx *ctx, const char *key, long long dflt)
{
	return store_json_int(ctx->st, ctx->job->payload, key, dflt);
}

long long *
job_payload_numbers(struct job_ctx *ctx, const char *key, size_t *n)
{
	char *s = job_payload_str(ctx, key), *p, *end;
	long long *v, x;
	size_t cap = 16;

	*n = 0;
	if (s == NULL)
		return NULL;
	v = xreallocarray(NULL, cap, sizeof *v);
	for (p = s; *p != '\0';) {
		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		errno = 0;
		x = strtoll(p, &end, 10);
		p = end;
		if (x <= 0 || errno != 0)
			continue;
		if (*n == cap) {
			cap *= 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[(*n)++] = x;
	}
	free(s);
	return v;
}

static void
job_wake(struct job_ctx *ctx)
{
	char c = 'j';

	if (ctx->wake_fd >= 0)
		(void)!write(ctx->wake_fd, &c, 1);
}

/* Writes progress and renews the lease; notices a lost lease. */
static void
job_sync(struct job_ctx *ctx, long long now)
{
	int rc;

	ctx->synced_ms = now;
	rc = store_job_renew(ctx->st, ctx->job->id, ctx->owner, ctx->done,
	    ctx->total, (long long)time(NULL) + JOBS_LEASE_SECS);
	if (rc == 0)
		ctx->lost = 1;
	/* On a database error (busy for 15 s) the lease is kept by the next
	 * write, or lost; the job's own writes will fail and say why. */
	job_wake(ctx);
}

void
job_progress(struct job_ctx *ctx, long long done, long long total)
{
	long long now = jobs_now_ms();
	int last = done >= total;

	ctx->done = done;
	ctx->total = total;
	if (last || now - ctx->synced_ms >= SYNC_PROGRESS_MS)
		job_sync(ctx, now);
	if ((ctx->show & JOBS_SHOW_PROGRESS) && (last ||
	    now - ctx->shown_ms >= SYNC_PROGRESS_MS)) {
		ctx->shown_ms = now;
		jobs_progress_show(ctx->job->kind, ctx->job->id, done, total,
		    0);
	}
}

int
job_cancelled(struct job_ctx *ctx)
{
	long long now;

	if (ctx->lost)
		return 1;
	if (ctx->stop != NULL && atomic_load(ctx->stop)) {
		ctx->stopped = 1;
		return 1;
	}
	now = jobs_now_ms();
	if (now - ctx->synced_ms >= SYNC_QUIET_MS)
		job_sync(ctx, now);
	return ctx->lost;
}

int
job_step_done(struct job_ctx *ctx, const char *step)
{
	return store_job_step_done(ctx->st, ctx->job->id, step) == 1;
}

int
job_step_mark(struct job_ctx *ctx, const char *step)
{
	return store_job_step_mark(ctx->st, ctx->job->id, step);
}

void
job_warn(struct job_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	(void)store_job_warn(ctx->st, ctx->job->id, msg);
	if (ctx->show & (JOBS_SHOW_EVENTS | JOBS_SHOW_PROGRESS))
		jobs_progress_message("%s #%lld: %s", ctx->job->kind,
		    ctx->job->id, msg);
	free(msg);
}

long long
jobs_queue(struct store *st, const char *kind, const char *title,
    const char *payload_json, char **cause)
{
	long long id;

	if (job_kind_find(kind) == NULL) {
		*cause = xasprintf(_("unknown job kind '%s'"), kind);
		return -1;
	}
	if ((id = store_job_insert(st, kind, title, payload_json)) < 0) {
		*cause = xasprintf(_("cannot queue the %s job: %s"), kind,
		    store_errmsg(st));
		return -1;
	}
	return id;
}

long long
jobs_queue_once(struct store *st, const char *kind, const char *title,
    const char *payload_json, int *found, char **cause)
{
	long long id;

	*found = 0;
	if (job_kind_find(kind) == NULL) {
		*cause = xasprintf(_("unknown job kind '%s'"), kind);
		return -1;
	}
	if ((id = store_job_insert_once(st, kind, title, payload_json,
	    found)) < 0) {
		*cause = xasprintf(_("cannot queue the %s job: %s"), kind,
		    store_errmsg(st));
		return -1;
	}
	return id;
}

int
jobs_lease_live(const struct store_job *j)
{
	/* The test store_job_claim() makes before taking a running job. */
	return j->lease_owner != NULL &&
	    j->lease_expires > (long long)time(NULL) &&
	    !jobs_owner_dead(j->lease_owner);
}

const char *
jobs_state_shown(const struct store_job *j)
{
	if (j->state != NULL && strcmp(j->state, "running") == 0 &&
	    !jobs_lease_live(j))
		return "interrupted";	/* a state name, not translated */
	return j->state;
}

/* The cause for a retry/cancel that found no job or the wrong state. */
static int
jobs_refused(struct store *st, long long id, int rc, char *state,
    const char *what, char **cause)
{
	if (rc == 1)
		*cause = xasprintf(_("no job #%lld"), id);
	else if (rc == 2)
		/* L10N: "cannot retry job #3: it is running" */
		*cause = xasprintf(_("cannot %s job #%lld: it is %s"), what, id,
		    state);
	else
		*cause = xasprintf(_("cannot %s job #%lld: %s"), what, id,
		    store_errmsg(st));
	free(state);
	return -1;
}

int
jobs_retry(struct store *st, long long id, char **cause)
{
	char *state;
	int rc;

	if ((rc = store_job_retry(st, id, &state)) == 0)
		return 0;
	return jobs_refused(st, id, rc, state, _("retry"), cause);
}

int
jobs_cancel(struct store *st, long long id, char **cause)
{
	char *state;
	int rc;

	if ((rc = store_job_cancel(st, id, &state)) == 0)
		return 0;
	return jobs_refused(st, id, rc, state, _("cancel"), cause);
}

/* Marks the job done: 1, or 0 when the lease was lost.  The work is done,
 * so a database error (busy past the timeout on a loaded machine) is tried
 * again rather than leaving the job to be run a second time. */
static int
job_finish(struct job_ctx *ctx)
{
	int rc, tries;

	for (tries = 0; tries < 5; tries++) {
		rc = store_job_finish(ctx->st, ctx->job->id, ctx->owner,
		    ctx->done, ctx->total);
		if (rc >= 0)
			return rc;
		jobs_progress_message(_("%s #%lld: cannot mark it done: %s"),
		    ctx->job->kind, ctx->job->id, store_errmsg(ctx->st));
		(void)usleep(200000);
	}
	return 0;
}

int
job_exec(struct store *st, struct store_job *job, const char *owner,
    int wake_fd, const atomic_int *stop, int show, char **cause)
{
	const struct job_kind *kind = job_kind_find(job->kind);
	struct job_ctx ctx;
	char *err = NULL;
	long long backoff;
	int rc, final;

	*cause = NULL;
	memset(&ctx, 0, sizeof ctx);
	ctx.st = st;
	ctx.job = job;
	ctx.owner = owner;
	ctx.wake_fd = wake_fd;
	ctx.stop = stop;
	ctx.show = show;
	ctx.done = job->done;
	ctx.total = job->total;
	ctx.synced_ms = jobs_now_ms();
	job_wake(&ctx);

	if (kind == NULL) {
		err = xasprintf(_("unknown job kind '%s'"), job->kind);
		rc = -1;
	} else if ((rc = kind->run(&ctx, &err)) != 0 && err == NULL)
		err = xstrdup(_("failed"));

	if (rc != 0) {
		/* Attempts 1, 2, … wait 2, 4, … seconds. */
		backoff = 1LL << (job->attempts < 10 ? job->attempts : 10);
		final = store_job_fail(st, job->id, owner, err, kind == NULL ||
		    rc == JOB_FAIL_FINAL ? 0 : JOBS_MAX_ATTEMPTS,
		    (long long)time(NULL) + backoff);
		if (show & (JOBS_SHOW_EVENTS | JOBS_SHOW_PROGRESS))
			jobs_progress_message(final == 1 ?
			    _("%s #%lld failed: %s") :
			    _("%s #%lld: attempt failed, will retry: %s"),
			    job->kind, job->id, err);
		*cause = xasprintf("%s #%lld: %s", job->kind, job->id, err);
		free(err);
		job_wake(&ctx);
		return -1;
	}
	free(err);
	if (!ctx.lost && ctx.stopped) {
		/* run() returned early because the pool is stopping: hand the
		 * job over; another worker resumes it.  A run() that finished
		 * before it heard of the stop is finished below. */
		(void)store_job_release(st, job->id, owner, ctx.done,
		    ctx.total);
		if (show & (JOBS_SHOW_EVENTS | JOBS_SHOW_PROGRESS))
			jobs_progress_message(_("%s #%lld: stopped at "
			    "%lld/%lld, back in the queue"), job->kind, job->id,
			    ctx.done, ctx.total);
		ctx.lost = 2;
	} else if (!ctx.lost && job_finish(&ctx) != 1)
		ctx.lost = 1;
	if (ctx.lost == 1 && (show & (JOBS_SHOW_EVENTS | JOBS_SHOW_PROGRESS)))
		/* L10N: the job was cancelled, or its lease expired and
		 * another worker took it over. */
		jobs_progress_message(_("%s #%lld: cancelled or taken over at "
		    "%lld/%lld"), job->kind, job->id, ctx.done, ctx.total);
	if (!ctx.lost && (show & JOBS_SHOW_PROGRESS))
		jobs_progress_show(job->kind, job->id, ctx.done, ctx.total, 1);
	else if (!ctx.lost && (show & JOBS_SHOW_EVENTS))
		jobs_progress_message(_("%s #%lld: done (%lld/%lld)"),
		    job->kind, job->id, ctx.done, ctx.total);
	job_wake(&ctx);
	return ctx.lost ? 1 : 0;
}

/* Why a job that cannot be claimed is not done: a new cause. */
static char *
foreground_refused(const struct store_job *job)
{
	if (strcmp(job->state, "failed") == 0 && job->last_error != NULL)
		return xasprintf(_("job #%lld failed: %s"), job->id,
		    job->last_error);
	/* L10N: "job #3 is cancelled" (the state is not translated) */
	return xasprintf(_("job #%lld is %s"), job->id, job->state);
}

int
jobs_run_foreground(const char *studio_dir, long long id, int progress,
    char **cause)
{
	struct store *st;
	struct store_job job;
	char *owner;
	int rc, following = 0, busy_said = 0;

	if (store_open(studio_dir, &st, cause) != 0)
		return -1;
	owner = jobs_owner_self();
	for (;;) {
		if (following) {
			/* While another live process runs it, a read will do:
			 * the claim below takes the write lock. */
			if (store_job_get(st, id, &job) == 1 &&
			    strcmp(job.state, "running") == 0 &&
			    jobs_lease_live(&job)) {
				if (progress)
					jobs_progress_show(job.kind, id,
					    job.done, job.total, 0);
				store_job_clear(&job);
				usleep(JOBS_IDLE_MS * 1000);
				continue;
			}
			store_job_clear(&job);
		}
		rc = store_job_claim(st, id, owner, (long long)time(NULL),
		    JOBS_LEASE_SECS, JOBS_MAX_CLAIMS, jobs_owner_dead, &job);
		if (rc == 1) {
			rc = job_exec(st, &job, owner, -1, NULL, progress ?
			    JOBS_SHOW_PROGRESS : 0, cause);
			if (rc == 1) {
				*cause = xasprintf(_("job #%lld was cancelled"),
				    id);
				rc = -1;
			}
			break;
		}
		if (rc < 0 && store_busy(st)) {
			/* Another process holds the studio's write lock past
			 * the busy timeout (one stopped or very slow mid-way):
			 * wait on, as for a job it runs, rather than give up
			 * on the job; it dies or lets go. */
			if (!busy_said && progress)
				jobs_progress_message(_("the studio database is "
				    "busy in another process: waiting for it"));
			busy_said = 1;
			usleep(JOBS_IDLE_MS * 1000);
			continue;
		}
		if (rc < 0) {
			*cause = xasprintf(_("cannot claim job #%lld: %s"), id,
			    store_errmsg(st));
			break;
		}
		if ((rc = store_job_get(st, id, &job)) != 1) {
			if (rc < 0 && store_busy(st)) {
				usleep(JOBS_IDLE_MS * 1000);
				continue;
			}
			*cause = rc == 0 ? xasprintf(_("no job #%lld"), id) :
			    xstrdup(store_errmsg(st));
			rc = -1;
			break;
		}
		if (strcmp(job.state, "done") == 0) {
			if (following && progress)
				jobs_progress_show(job.kind, id, job.done,
				    job.total, 1);
			rc = 0;
			break;
		}
		if (strcmp(job.state, "queued") == 0) {
			store_job_clear(&job);	/* given back just now */
			continue;
		}
		if (strcmp(job.state, "running") != 0) {
			*cause = foreground_refused(&job);
			rc = -1;
			break;
		}
		/* Another live process runs it: follow it until it ends, or
		 * take it over when its owner dies. */
		if (!following && progress)
			jobs_progress_message(_("%s #%lld is running in "
			    "another process (%s): waiting for it"), job.kind,
			    id, job.lease_owner != NULL ?
			    job.lease_owner : "?");
		following = 1;
		if (progress)
			jobs_progress_show(job.kind, id, job.done, job.total,
			    0);
		store_job_clear(&job);
		usleep(JOBS_IDLE_MS * 1000);
	}
	store_job_clear(&job);
	free(owner);
	store_close(st);
	return rc;
}
