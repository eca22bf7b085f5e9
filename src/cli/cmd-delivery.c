/*
 * cli/cmd-delivery: `picday delivery build --session NUMBER [-o DIR]
 * [--zip] [--queue]` (DESIGN §4 stage 9): checks that something is
 * granted (exit 1 "no grant", nothing written), then runs the "delivery"
 * job (jobs/job-delivery) in the foreground.  DIR defaults to the studio's
 * delivery/ folder.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/school.h"
#include "jobs/delivery.h"
#include "store/db.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#define DELIVERY_USAGE "delivery build --session NUMBER [-o DIR] [--zip] " \
	"[--queue]"

static void
note(const char *msg, void *arg)
{
	(void)arg;
	cli_error("%s", msg);
}

static int
delivery_build(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "session", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "zip", no_argument, NULL, 'z' },
		{ "queue", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL;
	char *dflt = NULL, *abs, *payload, *title, *cause = NULL;
	long long session = 0;
	long n;
	int c, zip = 0, queue = 0, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if ((session = cli_parse_number(optarg)) == 0)
				return cli_usage(_("--session takes a session "
				    "number, not '%s'"), optarg);
			break;
		case 'o': out = optarg; break;
		case 'z': zip = 1; break;
		case 'q': queue = 1; break;
		default:
			return cli_usage("%s", _(DELIVERY_USAGE));
		}
	}
	if (optind != argc || session == 0)
		return cli_usage("%s", _(DELIVERY_USAGE));
	n = delivery_count(cli_store(cli), session, note, NULL, &cause);
	if (n < 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	if (n == 0) {
		/* L10N: nothing of the session may be downloaded */
		cli_error(_("session %lld: no grant"), session);
		return CLI_FAILED;
	}
	if (out == NULL)
		out = dflt = path_join(cli->studio_dir, "deliveries");
	if (path_mkdirs(out) != 0 || (abs = realpath(out, NULL)) == NULL) {
		cli_error("%s: %s", out, strerror(errno));
		free(dflt);
		return CLI_FAILED;
	}
	payload = job_delivery_payload(session, abs, zip);
	/* L10N: job title: "delivery of session 1001 to /srv/d" */
	title = xasprintf(_("delivery of session %lld to %s"), session, abs);
	rc = school_run(cli, "delivery", title, payload, queue);
	if (rc == CLI_OK && !queue)
		printf("%s/%lld\n", abs, session);
	free(title);
	free(payload);
	free(abs);
	free(dflt);
	return rc;
}

int
cmd_delivery(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "build") == 0)
		return delivery_build(cli, argc - 1, argv + 1);
	return cli_usage("%s", _(DELIVERY_USAGE));
}
