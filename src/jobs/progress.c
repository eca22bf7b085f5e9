/* jobs/progress: the "kind #id: done/total" line on stderr. */
#include "config.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "jobs/progress.h"

static pthread_mutex_t	progress_lock = PTHREAD_MUTEX_INITIALIZER;
static int		progress_tty = -1;
static int		progress_open;	/* a line waits to be overwritten */
static long long	progress_ms;

static long long
progress_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
jobs_progress_show(const char *kind, long long id, long long done,
    long long total, int last)
{
	long long now = progress_now_ms();

	pthread_mutex_lock(&progress_lock);
	if (progress_tty < 0)
		progress_tty = isatty(STDERR_FILENO);
	/* A terminal gets a line updated in place; a log gets a line at most
	 * once a second, and the last one always. */
	if (!last && now - progress_ms < (progress_tty ? 100 : 1000))
		goto out;
	progress_ms = now;
	if (progress_tty) {
		fprintf(stderr, "\r\033[K%s #%lld: %lld/%lld%s", kind, id, done,
		    total, last ? " done\n" : "");
		progress_open = !last;
	} else
		fprintf(stderr, "%s #%lld: %lld/%lld%s\n", kind, id, done,
		    total, last ? " done" : "");
	fflush(stderr);
out:
	pthread_mutex_unlock(&progress_lock);
}

void
jobs_progress_message(const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&progress_lock);
	if (progress_open)
		fputs("\r\033[K", stderr);
	progress_open = 0;
	fputs("picday: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	pthread_mutex_unlock(&progress_lock);
}
