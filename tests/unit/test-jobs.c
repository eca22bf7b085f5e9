/*
 * The job queue's leases (store/job.c, jobs/queue.c): two connections on one
 * studio never hold the same job; an expired lease, or one whose owner
 * process died, is taken over; failures back off and then fail for good;
 * the same kind and payload is one job; the foreground form follows a job
 * another process runs and takes it over when that one is gone.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <ftw.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "jobs/job.h"
#include "jobs/runner.h"
#include "store/db.h"
#include "store/job.h"
#include "util/xalloc.h"

#define NOW	1000000LL

struct fixture {
	char		 dir[64];
	struct store	*a, *b;		/* two connections, as two processes */
};

static int
no_one_dead(const char *owner)
{
	return 0;
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *cause = NULL;

	snprintf(f->dir, sizeof f->dir, "/tmp/picday-test-jobs.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	assert_int_equal(store_open(f->dir, &f->a, &cause), 0);
	assert_int_equal(store_open(f->dir, &f->b, &cause), 0);
	*state = f;
	return 0;
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->a);
	store_close(f->b);
	nftw(f->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static int
claim(struct store *st, long long id, const char *owner, long long now,
    int (*dead)(const char *), struct store_job *j)
{
	return store_job_claim(st, id, owner, now, JOBS_LEASE_SECS,
	    JOBS_MAX_CLAIMS, dead, j);
}

static void
test_claim_is_exclusive(void **state)
{
	struct fixture *f = *state;
	struct store_job j, k;
	long long id;

	id = store_job_insert(f->a, "preview", "t", "{}");
	assert_true(id > 0);
	assert_int_equal(claim(f->a, 0, "h:1:1", NOW, no_one_dead, &j), 1);
	assert_int_equal(j.id, id);
	assert_string_equal(j.state, "running");
	assert_int_equal(j.attempts, 1);
	assert_int_equal(j.lease_expires, NOW + JOBS_LEASE_SECS);
	/* The other connection finds nothing, nor by id. */
	assert_int_equal(claim(f->b, 0, "h:2:2", NOW + 1, no_one_dead, &k), 0);
	assert_int_equal(claim(f->b, id, "h:2:2", NOW + 1, no_one_dead, &k),
	    0);
	/* Progress renews the lease: still held past the first expiry. */
	assert_int_equal(store_job_renew(f->a, id, "h:1:1", 5, 10,
	    NOW + 20 + JOBS_LEASE_SECS), 1);
	assert_int_equal(claim(f->b, 0, "h:2:2", NOW + JOBS_LEASE_SECS + 1,
	    no_one_dead, &k), 0);
	assert_int_equal(store_job_finish(f->a, id, "h:1:1", 10, 10), 1);
	store_job_clear(&j);
	assert_int_equal(store_job_get(f->b, id, &j), 1);
	assert_string_equal(j.state, "done");
	assert_int_equal(j.done, 10);
	assert_non_null(j.finished_at);
	store_job_clear(&j);
}

static void
test_expired_lease_is_taken_over(void **state)
{
	struct fixture *f = *state;
	struct store_job j, k;
	long long id;

	id = store_job_insert(f->a, "preview", "t", "{}");
	assert_int_equal(claim(f->a, 0, "h:1:1", NOW, no_one_dead, &j), 1);
	assert_int_equal(store_job_renew(f->a, id, "h:1:1", 3, 10,
	    NOW + JOBS_LEASE_SECS), 1);
	assert_int_equal(claim(f->b, 0, "h:2:2", NOW + JOBS_LEASE_SECS,
	    no_one_dead, &k), 1);
	assert_int_equal(k.id, id);
	assert_int_equal(k.attempts, 2);
	assert_int_equal(k.done, 3);	/* it resumes from there */
	assert_string_equal(k.lease_owner, "h:2:2");
	/* The old owner's writes change nothing now. */
	assert_int_equal(store_job_renew(f->a, id, "h:1:1", 4, 10, NOW + 99),
	    0);
	assert_int_equal(store_job_finish(f->a, id, "h:1:1", 10, 10), 0);
	assert_int_equal(store_job_fail(f->a, id, "h:1:1", "x", 3, 0), 0);
	assert_int_equal(store_job_finish(f->b, id, "h:2:2", 10, 10), 1);
	store_job_clear(&j);
	store_job_clear(&k);
}

static void
test_dead_owner_is_taken_over_at_once(void **state)
{
	struct fixture *f = *state;
	struct store_job j, k;
	char *self, *dead, *live, *elsewhere;
	pid_t pid;
	long long id;

	/* A pid that surely no longer exists: a child, exited and reaped. */
	if ((pid = fork()) == 0)
		_exit(0);
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	self = jobs_owner_self();
	*strchr(self, ':') = '\0';	/* the host name */
	dead = xasprintf("%s:%ld:7", self, (long)pid);
	live = xasprintf("%s:%ld:7", self, (long)getppid());
	elsewhere = xasprintf("%s-other:%ld:7", self, (long)pid);
	assert_true(jobs_owner_dead(dead));
	assert_false(jobs_owner_dead(live));
	assert_false(jobs_owner_dead(elsewhere));
	assert_false(jobs_owner_dead("garbage"));

	id = store_job_insert(f->a, "preview", "t", "{}");
	assert_int_equal(claim(f->a, 0, live, NOW, no_one_dead, &j), 1);
	store_job_clear(&j);
	assert_int_equal(claim(f->b, 0, "h:2:2", NOW + 1, jobs_owner_dead, &k),
	    0);
	/* Same job, but its owner died: taken long before the expiry. */
	assert_int_equal(store_job_release(f->a, id, live, 0, 0), 0);
	assert_int_equal(claim(f->a, 0, dead, NOW, no_one_dead, &j), 1);
	store_job_clear(&j);
	assert_int_equal(claim(f->b, 0, "h:2:2", NOW + 1, jobs_owner_dead, &k),
	    1);
	assert_int_equal(k.id, id);
	store_job_clear(&k);
	/* Another host's dead-looking owner waits for its lease. */
	assert_int_equal(store_job_release(f->b, id, "h:2:2", 0, 0), 0);
	assert_int_equal(claim(f->a, 0, elsewhere, NOW, no_one_dead, &j), 1);
	store_job_clear(&j);
	assert_int_equal(claim(f->b, 0, "h:2:2", NOW + 1, jobs_owner_dead, &k),
	    0);
	free(self);
	free(dead);
	free(live);
	free(elsewhere);
}

static void
test_failures_back_off_then_fail(void **state)
{
	struct fixture *f = *state;
	struct store_job j;
	long long id;
	int i;

	id = store_job_insert(f->a, "preview", "t", "{}");
	for (i = 1; i <= 3; i++) {
		long long now = NOW + i * 100;

		assert_int_equal(claim(f->a, 0, "h:1:1", now, no_one_dead, &j),
		    1);
		assert_int_equal(j.attempts, i);
		store_job_clear(&j);
		assert_int_equal(store_job_fail(f->a, id, "h:1:1", "boom", 3,
		    now + 10), i == 3 ? 1 : 0);
		/* In back-off: not claimable yet, except by id. */
		assert_int_equal(claim(f->b, 0, "h:2:2", now + 9, no_one_dead,
		    &j), 0);
	}
	assert_int_equal(store_job_get(f->a, id, &j), 1);
	assert_string_equal(j.state, "failed");
	assert_string_equal(j.last_error, "boom");
	store_job_clear(&j);
	assert_int_equal(claim(f->b, 0, "h:2:2", NOW + 9999, no_one_dead, &j),
	    0);
}

static void
test_retry_and_cancel(void **state)
{
	struct fixture *f = *state;
	struct store_job j;
	char *st = NULL;
	long long id;

	id = store_job_insert(f->a, "preview", "t", "{}");
	assert_int_equal(store_job_retry(f->a, id, &st), 2);
	assert_string_equal(st, "queued");
	free(st);
	assert_int_equal(store_job_cancel(f->a, id, &st), 0);
	assert_int_equal(store_job_cancel(f->a, id, &st), 2);
	assert_string_equal(st, "cancelled");
	free(st);
	assert_int_equal(store_job_cancel(f->a, id + 100, &st), 1);
	assert_int_equal(store_job_step_mark(f->a, id, "fail:3"), 0);
	assert_int_equal(store_job_step_mark(f->a, id, "copied:3"), 0);
	assert_int_equal(store_job_retry(f->a, id, &st), 0);
	assert_int_equal(store_job_step_done(f->a, id, "fail:3"), 0);
	assert_int_equal(store_job_step_done(f->a, id, "copied:3"), 1);
	assert_int_equal(claim(f->b, 0, "h:2:2", NOW, no_one_dead, &j), 1);
	assert_int_equal(j.attempts, 1);
	/* A running job is cancelled under its worker: the lease is gone. */
	assert_int_equal(store_job_cancel(f->a, id, &st), 0);
	assert_int_equal(store_job_renew(f->b, id, "h:2:2", 1, 2, NOW + 99),
	    0);
	store_job_clear(&j);
}

static void
test_payload_fields(void **state)
{
	struct fixture *f = *state;
	const char *p = "{\"session\": 1042, \"dir\": \"/media/card\"}";
	char *s;

	s = store_json_str(f->a, p, "dir");
	assert_string_equal(s, "/media/card");
	free(s);
	assert_null(store_json_str(f->a, p, "nothing"));
	assert_null(store_json_str(f->a, "not json", "dir"));
	assert_int_equal(store_json_int(f->a, p, "session", -1), 1042);
	assert_int_equal(store_json_int(f->a, p, "dir", -1), -1);
	assert_int_equal(store_json_int(f->a, p, "nothing", 7), 7);
}

static void
test_foreground_run(void **state)
{
	struct fixture *f = *state;
	struct store_job j;
	char *cause = NULL, *live;
	long long id, id2;
	time_t t0;
	pid_t pid;
	int status;

	id = jobs_queue(f->a, "preview", "Previews", "{}", &cause);
	assert_true(id > 0);
	assert_int_equal(jobs_queue(f->a, "no-such-kind", "", "{}", &cause),
	    -1);
	free(cause);
	cause = NULL;
	assert_int_equal(jobs_run_foreground(f->dir, id, 0, &cause), 0);
	assert_int_equal(store_job_get(f->b, id, &j), 1);
	assert_string_equal(j.state, "done");
	store_job_clear(&j);
	assert_int_equal(jobs_run_foreground(f->dir, id, 0, &cause), 0);

	/* Held by a live process (on another host): left alone while its
	 * lease lasts, followed, and taken over when the lease runs out. */
	id2 = store_job_insert(f->a, "preview", "t", "{}");
	live = xasprintf("elsewhere:%ld:1", (long)getpid());
	t0 = time(NULL);
	assert_int_equal(store_job_claim(f->a, id2, live, t0, 2,
	    JOBS_MAX_CLAIMS, no_one_dead, &j), 1);
	store_job_clear(&j);
	assert_int_equal(jobs_run_foreground(f->dir, id2, 0, &cause), 0);
	assert_true(time(NULL) >= t0 + 2);
	assert_int_equal(store_job_get(f->b, id2, &j), 1);
	assert_string_equal(j.state, "done");
	assert_int_equal(j.attempts, 2);
	store_job_clear(&j);

	/* Finished by its owner while followed: followed to the end, not
	 * run again (the owner here is a child process, with its own
	 * connection). */
	id2 = store_job_insert(f->a, "preview", "t", "{}");
	assert_int_equal(store_job_claim(f->a, id2, live, time(NULL), 60,
	    JOBS_MAX_CLAIMS, no_one_dead, &j), 1);
	store_job_clear(&j);
	if ((pid = fork()) == 0) {
		struct store *c;

		(void)usleep(700000);
		_exit(store_open(f->dir, &c, &cause) == 0 &&
		    store_job_finish(c, id2, live, 7, 7) == 1 ? 0 : 1);
	}
	assert_true(pid > 0);
	assert_int_equal(jobs_run_foreground(f->dir, id2, 0, &cause), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(store_job_get(f->b, id2, &j), 1);
	assert_string_equal(j.state, "done");
	assert_int_equal(j.attempts, 1);
	assert_int_equal(j.done, 7);
	store_job_clear(&j);

	/* Cancelled, or no such job: refused. */
	id2 = store_job_insert(f->a, "preview", "t", "{}");
	assert_int_equal(jobs_cancel(f->a, id2, &cause), 0);
	assert_int_equal(jobs_run_foreground(f->dir, id2, 0, &cause), -1);
	assert_non_null(strstr(cause, "cancelled"));
	free(cause);
	cause = NULL;
	assert_int_equal(jobs_run_foreground(f->dir, 999, 0, &cause), -1);
	free(cause);
	free(live);
}

/* The same kind and payload is one job until it finishes; a running job
 * without a live owner is shown interrupted. */
static void
test_same_payload_is_one_job(void **state)
{
	struct fixture *f = *state;
	struct store_job j;
	char *cause = NULL, *self, *dead;
	long long id, id2;
	int found;
	pid_t pid;

	id = jobs_queue_once(f->a, "import", "t", "{\"dir\": \"/card\"}",
	    &found, &cause);
	assert_true(id > 0);
	assert_int_equal(found, 0);
	assert_int_equal(jobs_queue_once(f->b, "import", "other title",
	    "{\"dir\": \"/card\"}", &found, &cause), id);
	assert_int_equal(found, 1);
	id2 = jobs_queue_once(f->b, "import", "t", "{\"dir\": \"/card2\"}",
	    &found, &cause);
	assert_true(id2 > id);
	assert_int_equal(found, 0);
	assert_int_equal(jobs_queue_once(f->b, "preview", "t",
	    "{\"dir\": \"/card\"}", &found, &cause), id2 + 1);
	assert_int_equal(found, 0);
	assert_int_equal(jobs_queue_once(f->b, "no-such-kind", "t", "{}",
	    &found, &cause), -1);
	free(cause);
	cause = NULL;

	/* Its owner killed: still the same job, shown interrupted. */
	if ((pid = fork()) == 0)
		_exit(0);
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	self = jobs_owner_self();
	*strchr(self, ':') = '\0';
	dead = xasprintf("%s:%ld:7", self, (long)pid);
	assert_int_equal(claim(f->a, id, dead, (long long)time(NULL),
	    no_one_dead, &j), 1);
	assert_string_equal(jobs_state_shown(&j), "interrupted");
	assert_false(jobs_lease_live(&j));
	store_job_clear(&j);
	assert_int_equal(jobs_queue_once(f->b, "import", "t",
	    "{\"dir\": \"/card\"}", &found, &cause), id);
	assert_int_equal(found, 1);
	/* A live owner: running; its lease expired: interrupted. */
	assert_int_equal(claim(f->a, id, "h:1:1", (long long)time(NULL),
	    jobs_owner_dead, &j), 1);
	assert_int_equal(j.attempts, 2);
	assert_string_equal(jobs_state_shown(&j), "running");
	j.lease_expires = (long long)time(NULL) - 1;
	assert_string_equal(jobs_state_shown(&j), "interrupted");
	store_job_clear(&j);
	/* Finished: the next run is a new job. */
	assert_int_equal(store_job_finish(f->a, id, "h:1:1", 1, 1), 1);
	assert_true(jobs_queue_once(f->b, "import", "t",
	    "{\"dir\": \"/card\"}", &found, &cause) > id2 + 1);
	assert_int_equal(found, 0);
	free(dead);
	free(self);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_claim_is_exclusive,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_expired_lease_is_taken_over,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_dead_owner_is_taken_over_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failures_back_off_then_fail,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_retry_and_cancel,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_payload_fields,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreground_run,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_payload_is_one_job,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
