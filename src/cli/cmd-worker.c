/*
 * cli/cmd-worker: `picday worker [--threads N]`, the job queue run headless
 * (a systemd unit) until SIGINT or SIGTERM.  On a signal the workers finish
 * the step they are in, give their jobs back to the queue (so another
 * process resumes them at once) and the command exits 0.  While it runs
 * its pool polls the online shop's orders (settings invoices.url and
 * invoices.every) by queuing an "invoices" job when one is due.
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "jobs/job.h"
#include "jobs/progress.h"
#include "jobs/runner.h"
#include "util/i18n.h"

int
cmd_worker(struct cli *cli, int argc, char **argv)
{
	struct worker_pool *pool;
	sigset_t set;
	long n = 0;
	char *end;
	int sig;

	if (argc == 3 && strcmp(argv[1], "--threads") == 0) {
		n = strtol(argv[2], &end, 10);
		if (*argv[2] == '\0' || *end != '\0' || n < 1 || n > 256)
			return cli_usage(_("worker [--threads N]: N is a "
			    "number from 1 to 256"));
	} else if (argc != 1)
		return cli_usage(_("worker [--threads N]"));
	(void)cli_store(cli);	/* a studio that cannot open fails here */

	/* The signals wait for sigwait() below; the workers block them all. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	pool = worker_pool_start_show(cli->studio_dir, (int)n, -1, 0,
	    JOBS_SHOW_EVENTS);
	jobs_progress_message(_("worker: running the jobs of %s"),
	    cli->studio_dir);
	/* The shop's orders (invoices.url, invoices.every) are polled by
	 * the pool's own thread, as in the TUI. */
	worker_pool_poll_shop(pool);
	while ((sig = sigwaitinfo(&set, NULL)) < 0)
		;
	jobs_progress_message(_("worker: stopping (%s)"), strsignal(sig));
	worker_pool_stop(pool);
	return CLI_OK;
}
