/*
 * test-groupcap: the Group Capture hot-folder watcher (core/groupcap) and
 * the import preview's fixes (core/importfix).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/groupcap.h"
#include "core/importfix.h"
#include "util/xalloc.h"

struct seen {
	pthread_mutex_t	 lock;
	pthread_cond_t	 cond;
	char		*names[32];
	int		 n;
};

static void
seen_fn(void *arg, const char *name)
{
	struct seen *s = arg;

	pthread_mutex_lock(&s->lock);
	if (s->n < 32)
		s->names[s->n++] = xstrdup(name);
	pthread_cond_broadcast(&s->cond);
	pthread_mutex_unlock(&s->lock);
}

/* Waits until n names were seen or ms passed; returns how many. */
static int
seen_wait(struct seen *s, int n, int ms)
{
	struct timespec ts;
	int got;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (long)(ms % 1000) * 1000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&s->lock);
	while (s->n < n && pthread_cond_timedwait(&s->cond, &s->lock,
	    &ts) != ETIMEDOUT)
		;
	got = s->n;
	pthread_mutex_unlock(&s->lock);
	return got;
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	free(p);
}

static void
test_watch(void **state)
{
	char tmpl[] = "/tmp/test-groupcap.XXXXXX", *dir, *p, *q, *cause = NULL;
	struct seen s;
	struct groupcap *gc;
	int fd, i;

	(void)state;
	memset(&s, 0, sizeof s);
	pthread_mutex_init(&s.lock, NULL);
	pthread_cond_init(&s.cond, NULL);
	assert_non_null(dir = mkdtemp(tmpl));
	gc = groupcap_watch(dir, seen_fn, &s, &cause);
	assert_non_null(gc);
	assert_string_equal(groupcap_dir(gc), dir);

	/* A frame being written is not reported before it is closed. */
	p = xasprintf("%s/IMG_0001.JPG", dir);
	assert_true((fd = open(p, O_WRONLY | O_CREAT, 0644)) >= 0);
	assert_int_equal(write(fd, "\xff\xd8half", 6), 6);
	assert_int_equal(seen_wait(&s, 1, 150), 0);
	assert_int_equal(write(fd, "rest\xff\xd9", 6), 6);
	assert_int_equal(close(fd), 0);
	assert_int_equal(seen_wait(&s, 1, 5000), 1);
	assert_string_equal(s.names[0], "IMG_0001.JPG");

	/* Junk is not reported; events keep their order, so once the
	 * frame written after the junk is seen, the junk would have been. */
	write_file(dir, ".DS_Store", "x");
	write_file(dir, "._IMG_0002.JPG", "x");
	write_file(dir, "notes.txt", "x");
	write_file(dir, "IMG_0003.jpg", "x");
	assert_int_equal(seen_wait(&s, 2, 5000), 2);
	assert_string_equal(s.names[1], "IMG_0003.jpg");

	/* Written elsewhere under a temporary name, then renamed in. */
	write_file(dir, "capture.tmp", "x");
	q = xasprintf("%s/IMG_0004.JPEG", dir);
	free(p);
	p = xasprintf("%s/capture.tmp", dir);
	assert_int_equal(rename(p, q), 0);
	assert_int_equal(seen_wait(&s, 3, 5000), 3);
	assert_string_equal(s.names[2], "IMG_0004.JPEG");
	/* Reported once: nothing more comes. */
	assert_int_equal(seen_wait(&s, 4, 150), 3);

	groupcap_stop(gc);
	write_file(dir, "IMG_0005.JPG", "x");
	assert_int_equal(seen_wait(&s, 4, 100), 3);

	unlink(q);
	free(q);
	free(p);
	for (i = 0; i < s.n; i++) {
		p = xasprintf("%s/%s", dir, s.names[i]);
		unlink(p);
		free(p);
		free(s.names[i]);
	}
	p = xasprintf("%s/IMG_0005.JPG", dir);
	unlink(p);
	free(p);
	p = xasprintf("%s/.DS_Store", dir);
	unlink(p);
	free(p);
	p = xasprintf("%s/._IMG_0002.JPG", dir);
	unlink(p);
	free(p);
	p = xasprintf("%s/notes.txt", dir);
	unlink(p);
	free(p);
	assert_int_equal(rmdir(dir), 0);
	pthread_cond_destroy(&s.cond);
	pthread_mutex_destroy(&s.lock);
}

static void
test_watch_missing(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_null(groupcap_watch("/nonexistent/hot", seen_fn, NULL,
	    &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, "/nonexistent/hot"));
	free(cause);
}

/* Frames 0..5 of one body; 1 and 2 to session 1001, 3 unknown code 77,
 * 0 unassigned, 4 unreadable, 5 to 1002. */
static const struct imgsort_frame fix_frames[] = {
	{ "a.JPG", NULL, 1000, 0, 0, NULL, 0 },
	{ "b.JPG", NULL, 2000, 0, 0, NULL, 0 },
	{ "c.JPG", NULL, 3000, 0, 0, NULL, 0 },
	{ "d.JPG", NULL, 4000, 0, 0, NULL, 0 },
	{ "e.JPG", NULL, 5000, 1, 0, NULL, 0 },
	{ "f.JPG", NULL, 6000, 0, 0, NULL, 0 },
};

static void
fix_result(struct imgsort_result *r)
{
	memset(r, 0, sizeof *r);
	r->nsessions = 2;
	r->sessions = xcalloc(2, sizeof *r->sessions);
	r->sessions[0].code = xstrdup("1001");
	r->sessions[0].frames = xcalloc(2, sizeof(size_t));
	r->sessions[0].frames[0] = 1;
	r->sessions[0].frames[1] = 2;
	r->sessions[0].n = 2;
	r->sessions[1].code = xstrdup("1002");
	r->sessions[1].frames = xcalloc(1, sizeof(size_t));
	r->sessions[1].frames[0] = 5;
	r->sessions[1].n = 1;
	r->nunknown = 1;
	r->unknown = xcalloc(1, sizeof *r->unknown);
	r->unknown[0].code = xstrdup("77");
	r->unknown[0].frames = xcalloc(1, sizeof(size_t));
	r->unknown[0].frames[0] = 3;
	r->unknown[0].n = 1;
	r->nunassigned = 1;
	r->unassigned = xcalloc(1, sizeof(size_t));
	r->unassigned[0] = 0;
	r->nunreadable = 1;
	r->unreadable = xcalloc(1, sizeof(size_t));
	r->unreadable[0] = 4;
}

static void
test_fix(void **state)
{
	struct imgsort_result r;
	const struct imgsort_list *l;

	(void)state;
	fix_result(&r);
	/* The unassigned frame goes first in 1001, by capture time. */
	assert_int_equal(importfix_move(&r, fix_frames, 0, "1001"), 0);
	assert_int_equal(r.nunassigned, 0);
	l = imgsort_find(r.sessions, r.nsessions, "1001");
	assert_int_equal(l->n, 3);
	assert_int_equal(l->frames[0], 0);
	assert_int_equal(l->frames[2], 2);
	/* Moving 1002's only frame into a new session 999 drops 1002 and
	 * keeps the sessions in number order. */
	assert_int_equal(importfix_move(&r, fix_frames, 5, "999"), 0);
	assert_int_equal(r.nsessions, 2);
	assert_string_equal(r.sessions[0].code, "999");
	assert_string_equal(r.sessions[1].code, "1001");
	/* Unreadable frames stay. */
	assert_int_equal(importfix_move(&r, fix_frames, 4, "1001"), -1);
	assert_int_equal(r.nunreadable, 1);
	/* An unknown code made a session takes its frames along. */
	assert_int_equal(importfix_adopt(&r, fix_frames, "77"), 1);
	assert_int_equal(r.nunknown, 0);
	l = imgsort_find(r.sessions, r.nsessions, "77");
	assert_non_null(l);
	assert_int_equal(l->frames[0], 3);
	assert_string_equal(r.sessions[0].code, "77");
	assert_int_equal(importfix_adopt(&r, fix_frames, "77"), 0);
	imgsort_result_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_watch),
		cmocka_unit_test(test_watch_missing),
		cmocka_unit_test(test_fix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
