/*
 * cli/cmd-jobs: `picday jobs list|run|retry|cancel|add`, the job queue from
 * the command line.
 *
 *   jobs list            every job: id, kind, state, done, total, attempts,
 *                        last_error, title, created_at; a running job whose
 *                        owner died (or whose lease expired) is shown
 *                        "interrupted" until a worker or the next run of
 *                        its command takes it over
 *   jobs run [--wait]    runs every job that can be claimed now (queued,
 *                        and interrupted ones) until none is left; --wait
 *                        also waits out retry back-offs and jobs that other
 *                        processes are running, until nothing is queued or
 *                        running.  Exit 1 when an attempt failed.
 *   jobs retry ID        a failed or cancelled job back to the queue
 *   jobs cancel ID       stops a queued or running job
 *   jobs add preview     queues a job making the missing previews (or names
 *                        the one already queued); prints its id
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "jobs/job.h"
#include "jobs/runner.h"
#include "store/db.h"
#include "store/job.h"
#include "store/preview.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define JOBS_USAGE N_("jobs list | run [--wait] | retry ID | cancel ID | " \
	"add preview")

static int
jobs_list_row(const struct store_job *j, void *arg)
{
	char id[24], done[24], total[24], attempts[16];
	const char *vals[9];

	snprintf(id, sizeof id, "%lld", j->id);
	snprintf(done, sizeof done, "%lld", j->done);
	snprintf(total, sizeof total, "%lld", j->total);
	snprintf(attempts, sizeof attempts, "%d", j->attempts);
	vals[0] = id;
	vals[1] = j->kind;
	vals[2] = jobs_state_shown(j);
	vals[3] = done;
	vals[4] = total;
	vals[5] = attempts;
	vals[6] = j->last_error;
	vals[7] = j->title;
	vals[8] = j->created_at;
	table_row(arg, vals);
	return 0;
}

static int
jobs_list(struct cli *cli, int argc, char **argv)
{
	static const struct out_col cols[] = { { "id", OUT_INT },
	    { "kind", OUT_STR }, { "state", OUT_STR }, { "done", OUT_INT },
	    { "total", OUT_INT }, { "attempts", OUT_INT },
	    { "last_error", OUT_STR }, { "title", OUT_STR },
	    { "created_at", OUT_STR } };
	struct store *st;
	struct table *t;
	int rc;

	if (argc != 1)
		return cli_usage(_("jobs list [--format csv|tsv|json|text]"));
	st = cli_store(cli);
	t = table_new(stdout, cli->format, cols, 9);
	rc = store_job_list(st, jobs_list_row, t);
	table_end(t);
	if (rc != 0) {
		cli_error(_("cannot list the jobs: %s"), store_errmsg(st));
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int
jobs_run(struct cli *cli, int argc, char **argv)
{
	char *cause = NULL;
	int i, wait = 0, failed;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--wait") == 0)
			wait = 1;
		else
			return cli_usage(_("jobs run [--wait]"));
	}
	if ((failed = jobs_run_all(cli->studio_dir, wait, JOBS_SHOW_PROGRESS,
	    &cause)) < 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	if (failed > 0) {
		cli_error(ngettext("%d job attempt failed",
		    "%d job attempts failed", (unsigned long)failed), failed);
		return CLI_FAILED;
	}
	return CLI_OK;
}

/* retry ID / cancel ID. */
static int
jobs_by_id(struct cli *cli, int argc, char **argv)
{
	int (*fn)(struct store *, long long, char **);
	long long id;
	char *end, *cause = NULL;

	fn = strcmp(argv[0], "retry") == 0 ? jobs_retry : jobs_cancel;
	if (argc != 2)
		return cli_usage(_("jobs %s ID"), argv[0]);
	id = strtoll(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || id <= 0)
		return cli_usage(_("jobs %s ID: '%s' is not a job id"),
		    argv[0], argv[1]);
	if (fn(cli_store(cli), id, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int
jobs_add(struct cli *cli, int argc, char **argv)
{
	struct store *st;
	long long id, n;
	char *cause = NULL, *title;

	if (argc != 2 || strcmp(argv[1], "preview") != 0)
		return cli_usage(_("jobs add preview"));
	st = cli_store(cli);
	if ((id = store_job_find_pending(st, "preview")) > 0) {
		cli_error(_("a preview job is already queued: #%lld"), id);
		printf("%lld\n", id);
		return CLI_OK;
	}
	if (id < 0 || store_preview_count_pending(st, 0, &n) != 0) {
		cli_error(_("cannot read the job queue: %s"), store_errmsg(st));
		return CLI_FAILED;
	}
	title = xasprintf(ngettext("Previews for %lld image",
	    "Previews for %lld images", (unsigned long)n), n);
	id = jobs_queue(st, "preview", title, "{}", &cause);
	free(title);
	if (id < 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	printf("%lld\n", id);
	return CLI_OK;
}

int
cmd_jobs(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";

	if (strcmp(sub, "list") == 0)
		return jobs_list(cli, argc - 1, argv + 1);
	if (strcmp(sub, "run") == 0)
		return jobs_run(cli, argc - 1, argv + 1);
	if (strcmp(sub, "retry") == 0 || strcmp(sub, "cancel") == 0)
		return jobs_by_id(cli, argc - 1, argv + 1);
	if (strcmp(sub, "add") == 0)
		return jobs_add(cli, argc - 1, argv + 1);
	return cli_usage("%s", _(JOBS_USAGE));
}
