/* tui/jobwatch: a message when a job this screen queued ends. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "jobs/sessfile.h"
#include "store/job.h"
#include "tui/jobwatch.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* More jobs than this in flight from one screen: the oldest is dropped
 * (it still runs; the Control Center shows it). */
#define WATCH_MAX	32

static struct watch {
	long long	 id;
	int		 attempts;	/* failed attempts already reported */
} watch[WATCH_MAX];
static int nwatch;

void
tui_job_watch(long long id)
{
	if (nwatch == WATCH_MAX) {
		memmove(watch, watch + 1, (WATCH_MAX - 1) * sizeof *watch);
		nwatch--;
	}
	watch[nwatch].id = id;
	watch[nwatch].attempts = 0;
	nwatch++;
}

/* 1 when the watch is over. */
static int
watch_check(struct watch *w)
{
	struct store_job job;
	char *msg;
	int rc, failed, over = 0;

	if ((rc = store_job_get(tui_store(), w->id, &job)) != 1)
		return rc == 0;		/* gone; on an error, look again */
	if (strcmp(job.state, "queued") == 0 || strcmp(job.state,
	    "running") == 0) {
		if (strcmp(job.state, "queued") == 0 && job.last_error !=
		    NULL && job.attempts > w->attempts) {
			w->attempts = job.attempts;
			/* L10N: "#12 QR cards of 9 sessions to FILE: attempt
			 * failed, will retry: REASON" */
			tui_error(_("#%lld %s: attempt failed, will retry: %s"),
			    job.id, job.title, job.last_error);
		}
	} else {
		msg = sessfile_outcome(tui_store(), &job, &failed);
		if (failed)
			tui_error("%s", msg);
		else
			tui_message("%s", msg);
		free(msg);
		over = 1;
	}
	store_job_clear(&job);
	return over;
}

void
tui_job_watch_poll(void)
{
	int i = 0;

	while (i < nwatch) {
		if (watch_check(&watch[i])) {
			memmove(watch + i, watch + i + 1,
			    (size_t)(nwatch - i - 1) * sizeof *watch);
			nwatch--;
		} else
			i++;
	}
}
