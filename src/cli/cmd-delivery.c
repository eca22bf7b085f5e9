/*
 * cli/cmd-delivery: `picday delivery build --session NUMBER [-o DIR]
 * [--zip] [--queue]` and `delivery publish --session NUMBER [--zip]
 * [--new-token]` (DESIGN §4 stage 9): checks that something is granted
 * (exit 1 "no grant", nothing written), then runs the "delivery" job
 * (jobs/job-delivery) in the foreground; publish gives it the session's
 * token (made on first use or with --new-token) and prints the URL.  DIR defaults to the studio's
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
#include "core/autogroup.h"
#include "core/uploadcfg.h"
#include "jobs/delivery.h"
#include "store/db.h"
#include "store/grant.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#define DELIVERY_USAGE "delivery build --session NUMBER [-o DIR] [--zip] " \
	"[--queue] | delivery publish --session NUMBER [--zip] [--new-token] " \
	"[--expires DURATION]"

static void
note(const char *msg, void *arg)
{
	(void)arg;
	cli_error("%s", msg);
}

static int
delivery_build(struct cli *cli, int argc, char **argv, int pub)
{
	static const struct option opts[] = {
		{ "session", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "zip", no_argument, NULL, 'z' },
		{ "queue", no_argument, NULL, 'q' },
		{ "new-token", no_argument, NULL, 'n' },
		{ "expires", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct store *st;
	char *token = NULL, *url;
	int fresh = 0;
	const char *out = NULL;
	char *dflt = NULL, *abs, *payload, *title, *cause = NULL;
	long long session = 0;
	long n, expires = 0;
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
		case 'n': fresh = 1; break;
		case 'e':
			if ((expires = delivery_expires_parse(optarg)) < 0)
				return cli_usage(_("--expires takes a duration "
				    "of at most 7 days (e.g. 7d, 24h, 3600), "
				    "not '%s'"), optarg);
			break;
		default:
			return cli_usage("%s", _(DELIVERY_USAGE));
		}
	}
	if (optind != argc || session == 0 || ((fresh || expires) && !pub) ||
	    (pub && (out != NULL || queue)))
		return cli_usage("%s", _(DELIVERY_USAGE));
	st = cli_store(cli);
	if (autogroup_fill(st, session, &cause) == 0)
		n = delivery_count(st, session, note, NULL, &cause);
	else
		n = -1;
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
	if (pub) {	/* no target: said before anything is built */
		struct uploadcfg cfg;

		if (uploadcfg_load(st, &cfg, &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
			return CLI_FAILED;
		}
		if (expires > 0 && strncmp(cfg.c.url, "s3://", 5) != 0) {
			cli_error("%s", _("a presigned URL needs an s3:// "
			    "upload target"));
			uploadcfg_free(&cfg);
			return CLI_FAILED;
		}
		uploadcfg_free(&cfg);
	}
	if (out == NULL)
		out = dflt = path_join(cli->studio_dir, "deliveries");
	if (path_mkdirs(out) != 0 || (abs = realpath(out, NULL)) == NULL) {
		cli_error("%s: %s", out, strerror(errno));
		free(dflt);
		return CLI_FAILED;
	}
	/* A session keeps its token (and so its URL) until --new-token. */
	if (pub && (fresh || (token = store_delivery_token(st,
	    session)) == NULL)) {
		if ((token = delivery_token_new(&cause)) == NULL ||
		    store_delivery_token_set(st, session, token) != 1) {
			cli_error("%s", cause != NULL ? cause :
			    store_errmsg(st));
			free(cause);
			free(token);
			free(abs);
			free(dflt);
			return CLI_FAILED;
		}
	}
	payload = job_delivery_payload(session, abs, zip, token, expires);
	/* L10N: job title: "delivery of session 1001 to /srv/d" */
	title = pub ? xasprintf(_("publish the delivery of session %lld"),
	    session) : xasprintf(_("delivery of session %lld to %s"),
	    session, abs);
	rc = school_run(cli, "delivery", title, payload, queue);
	if (rc == CLI_OK && !queue && !pub)
		printf("%s/%lld\n", abs, session);
	if (rc == CLI_OK && pub) {
		if ((url = store_delivery_url(st, session)) != NULL)
			printf("%s\n", url);
		free(url);
	}
	free(token);
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
		return delivery_build(cli, argc - 1, argv + 1, 0);
	if (argc >= 2 && strcmp(argv[1], "publish") == 0)
		return delivery_build(cli, argc - 1, argv + 1, 1);
	return cli_usage("%s", _(DELIVERY_USAGE));
}
