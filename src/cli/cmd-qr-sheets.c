/*
 * cli/cmd-qr-sheets: `picday qr-sheets [--org NAME] [--status S]
 * [--per-page N] [--queue] [NUMBER...] -o FILE.pdf` — queues a "qr-sheets"
 * job (jobs/sessfile.h) and runs it in the foreground with progress on
 * stderr; --queue only queues it for the worker.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "jobs/sessfile.h"
#include "media/qrsheet.h"
#include "store/db.h"
#include "store/session.h"
#include "util/i18n.h"
#include "util/xalloc.h"

struct qr_check {
	long long	*found;		/* the numbers that exist, in order */
	size_t		 nfound;
	size_t		 missing;
};

static int
qr_found(const struct session_row *r, void *arg)
{
	struct qr_check *qc = arg;

	qc->found[qc->nfound++] = r->number;
	return 0;
}

static void
qr_missing(long long number, void *arg)
{
	struct qr_check *qc = arg;

	cli_error(_("no session number %lld"), number);
	qc->missing++;
}

int
cmd_qr_sheets(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'r' },
		{ "status", required_argument, NULL, 's' },
		{ "per-page", required_argument, NULL, 'n' },
		{ "output", required_argument, NULL, 'o' },
		{ "queue", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	struct sessfile_request rq;
	struct session_filter f;
	struct qr_check qc;
	long long *numbers = NULL, v, n, id;
	char *end, *cause;
	int c, queue = 0, rc;
	size_t i;

	memset(&rq, 0, sizeof rq);
	memset(&f, 0, sizeof f);
	memset(&qc, 0, sizeof qc);
	rq.per_page = 1;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'r': rq.org = f.org = optarg; break;
		case 's': rq.status = f.status = optarg; break;
		case 'o': rq.output = optarg; break;
		case 'q': queue = 1; break;
		case 'n':
			rq.per_page = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || !qrsheet_per_page_ok(rq.per_page))
				return cli_usage("%s", _("--per-page 1, 2, 4, "
				    "6 or 8"));
			break;
		default:
			goto usage;
		}
	}
	if (rq.output == NULL)
		goto usage;
	if (optind < argc) {
		numbers = xreallocarray(NULL, (size_t)(argc - optind),
		    sizeof *numbers);
		for (i = 0; optind + (int)i < argc; i++) {
			v = strtoll(argv[optind + i], &end, 10);
			if (*end != '\0' || v <= 0) {
				free(numbers);
				goto usage;
			}
			numbers[i] = v;
		}
		/* Say now which numbers do not exist; the job prints the
		 * others. */
		f.numbers = numbers;
		f.nnumbers = i;
		f.missing = qr_missing;
		qc.found = xreallocarray(NULL, i, sizeof *qc.found);
		if (store_session_each(cli_store(cli), &f, qr_found,
		    &qc) != 0) {
			cli_error(_("cannot read the sessions: %s"),
			    store_errmsg(cli->st));
			free(numbers);
			free(qc.found);
			return CLI_FAILED;
		}
		free(numbers);
		rq.numbers = qc.found;
		rq.nnumbers = qc.nfound;
		n = (long long)qc.nfound;
	} else if ((n = store_session_count(cli_store(cli), &f)) < 0) {
		cli_error(_("cannot read the sessions: %s"),
		    store_errmsg(cli->st));
		return CLI_FAILED;
	}
	if (n == 0) {
		cli_error(_("no sessions to print"));
		free(qc.found);
		return CLI_FAILED;
	}
	id = sessfile_queue_qrsheet(cli->st, &rq, &cause);
	free(qc.found);
	if (id < 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	if (queue) {
		/* L10N: the job was queued for the worker */
		fprintf(stderr, _("queued job %lld\n"), id);
		return qc.missing > 0 ? CLI_FAILED : CLI_OK;
	}
	rc = sessfile_run(cli->studio_dir, cli->st, id, &cause);
	if (rc != 0)
		cli_error("%s", cause);
	else
		fprintf(stderr, "%s\n", cause);
	free(cause);
	return rc != 0 || qc.missing > 0 ? CLI_FAILED : CLI_OK;
usage:
	return cli_usage("%s", _("qr-sheets [--org NAME] [--status S] "
	    "[--per-page 1|2|4|6|8] [--queue] [NUMBER...] -o FILE.pdf"));
}
