/*
 * cmd-upload: `picday upload target|list` and `picday upload [--session
 * NUMBER...] [--queue]` (DESIGN §4 "upload").  The work is the "upload"
 * job (jobs/job-upload.c), run here in the foreground with progress on
 * stderr, or queued for the worker.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/uploadcfg.h"
#include "jobs/job.h"
#include "net/upload.h"
#include "store/db.h"
#include "store/session.h"
#include "store/upload.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Prints a multi-line cause, one "picday: " line each. */
static void
error_lines(const char *cause)
{
	const char *p = cause;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");

		if (n > 0)
			cli_error("%.*s", (int)n, p);
		p += n;
		if (*p == '\n')
			p++;
	}
}

static int
target_test(struct cli *cli)
{
	char *cause = NULL, *url;

	if (uploadcfg_test(cli_store(cli), &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	url = store_pref_get(cli_store(cli), "upload.url");
	if (url != NULL) {
		char *r = upload_redact(url);

		fprintf(stderr, _("%s: wrote and deleted a test file\n"), r);
		free(r);
	}
	free(url);
	return CLI_OK;
}

static int
target_show(struct cli *cli)
{
	static const struct out_col cols[] = { { "key", OUT_STR },
	    { "value", OUT_STR } };
	struct table *t = table_new(stdout, cli->format, cols, 2);
	size_t i;

	for (i = 0; uploadcfg_keys[i] != NULL; i++) {
		char *v = store_pref_get(cli_store(cli), uploadcfg_keys[i]);
		const char *row[2] = { uploadcfg_keys[i], v != NULL ? v : "" };

		table_row(t, row);
		free(v);
	}
	table_end(t);
	return CLI_OK;
}

static int
upload_target(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "user", required_argument, NULL, 1 },
		{ "identity", required_argument, NULL, 2 },
		{ "known-hosts", required_argument, NULL, 3 },
		{ "cacert", required_argument, NULL, 4 },
		{ "parallel", required_argument, NULL, 5 },
		{ "limit-rate", required_argument, NULL, 6 },
		{ "endpoint", required_argument, NULL, 7 },
		{ "region", required_argument, NULL, 8 },
		{ "test", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *val[9] = { NULL };
	char *cause = NULL, *end;
	int c, test = 0;
	long n;
	size_t i;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c >= 1 && c <= 8)
			val[c] = optarg;
		else if (c == 't')
			test = 1;
		else
			goto usage;
	}
	if (optind == argc) {
		for (i = 1; i < 9; i++)
			if (val[i] != NULL)
				goto usage;
		return test ? target_test(cli) : target_show(cli);
	}
	if (optind + 1 != argc)
		goto usage;
	val[0] = argv[optind];
	if (!upload_url_ok(val[0], &cause)) {
		cli_error(_("upload target '%s' is not %s"), val[0], cause);
		free(cause);
		return CLI_USAGE;
	}
	if (val[5] != NULL) {
		n = strtol(val[5], &end, 10);
		if (*end != '\0' || n < 1 || n > 64)
			return cli_usage("%s", _("--parallel N: 1 to 64"));
	}
	if (val[6] != NULL && uploadcfg_parse_rate(val[6]) <= 0)
		return cli_usage("%s", _("--limit-rate RATE: bytes per "
		    "second, e.g. 500k or 2M"));
	if (strncmp(val[0], "s3://", 5) == 0 && val[1] == NULL)
		return cli_usage("%s", _("s3:// needs --user ACCESS_KEY (the "
		    "secret: picday setup secret upload.password)"));
	if (store_begin(cli_store(cli)) != 0)
		goto dberr;
	/* A new target replaces the whole old one. */
	for (i = 0; uploadcfg_keys[i] != NULL; i++)
		if (store_pref_set(cli_store(cli), uploadcfg_keys[i],
		    val[i] != NULL ? val[i] : "") != 0) {
			store_rollback(cli_store(cli));
			goto dberr;
		}
	if (store_commit(cli_store(cli)) != 0) {
		store_rollback(cli_store(cli));
		goto dberr;
	}
	return test ? target_test(cli) : CLI_OK;
dberr:
	cli_error(_("cannot save the upload target: %s"),
	    store_errmsg(cli_store(cli)));
	return CLI_FAILED;
usage:
	return cli_usage("%s", _("upload target [URL [--user NAME] "
	    "[--identity KEYFILE] [--known-hosts FILE] [--cacert FILE] "
	    "[--parallel N] [--limit-rate RATE] [--endpoint URL] "
	    "[--region R]] [--test]"));
}

static int
list_row(const struct upload_row *r, void *arg)
{
	char bytes[32];
	const char *row[4] = { r->remote, bytes, r->sha256, r->uploaded_at };

	snprintf(bytes, sizeof bytes, "%lld", r->bytes);
	table_row(arg, row);
	return 0;
}

static int
upload_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "session", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct out_col cols[] = { { "path", OUT_STR },
	    { "bytes", OUT_INT }, { "sha256", OUT_STR },
	    { "uploaded_at", OUT_STR } };
	struct uploadcfg cfg;
	struct table *t;
	long long number = 0, sid = 0;
	char *cause = NULL;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 's' && (number = cli_parse_number(optarg)) > 0)
			continue;
		goto usage;
	}
	if (optind != argc)
		goto usage;
	if (number > 0 && store_session_find(cli_store(cli), number, &sid,
	    NULL) != 1) {
		cli_error(_("no session %lld"), number);
		return CLI_FAILED;
	}
	if (uploadcfg_load(cli_store(cli), &cfg, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	t = table_new(stdout, cli->format, cols, 4);
	rc = store_upload_each(cli_store(cli), sid, cfg.target, NULL,
	    list_row, t);
	table_end(t);
	uploadcfg_free(&cfg);
	if (rc != 0) {
		cli_error(_("cannot list uploads: %s"),
		    store_errmsg(cli_store(cli)));
		return CLI_FAILED;
	}
	return CLI_OK;
usage:
	return cli_usage("%s", _("upload list [--session NUMBER]"));
}

struct numbers {
	long long	*v;
	size_t		 n;
	int		 bad;	/* a number with no session */
};

static int
numbers_row(const struct session_row *r, void *arg)
{
	struct numbers *nb = arg;

	nb->v = xreallocarray(nb->v, nb->n + 1, sizeof *nb->v);
	nb->v[nb->n++] = r->number;
	return 0;
}

static void
missing(long long number, void *arg)
{
	struct numbers *nb = arg;

	cli_error(_("session %lld: no such session"), number);
	nb->bad = 1;
}

static int
upload_send(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "session", required_argument, NULL, 's' },
		{ "queue", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	struct numbers given = { NULL, 0, 0 }, nb = { NULL, 0, 0 };
	struct session_filter flt;
	struct strbuf payload = STRBUF_INIT;
	struct uploadcfg cfg;
	long long number, id, files = 0, bytes = 0, files0 = 0, bytes0 = 0;
	char *cause = NULL, *title, *p, *tok;
	int c, queue = 0, rc = CLI_OK;
	size_t i;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			p = optarg;
			while ((tok = strsep(&p, ",")) != NULL) {
				if ((number = cli_parse_number(tok)) == 0) {
					free(given.v);
					goto usage;
				}
				given.v = xreallocarray(given.v, given.n + 1,
				    sizeof *given.v);
				given.v[given.n++] = number;
			}
			break;
		case 'q':
			queue = 1;
			break;
		default:
			free(given.v);
			goto usage;
		}
	}
	if (optind != argc) {
		free(given.v);
		goto usage;
	}
	if (uploadcfg_load(cli_store(cli), &cfg, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		free(given.v);
		return CLI_FAILED;
	}
	memset(&flt, 0, sizeof flt);
	if (given.n > 0) {
		flt.numbers = given.v;
		flt.nnumbers = given.n;
		flt.missing = missing;
	} else
		flt.status = "Image Upload";
	if (store_session_each(cli_store(cli), &flt, numbers_row, &nb) != 0) {
		cli_error(_("cannot read sessions: %s"),
		    store_errmsg(cli_store(cli)));
		rc = CLI_FAILED;
		goto out;
	}
	if (nb.n == 0) {
		if (given.n == 0)
			fprintf(stderr, _("no session is in Image Upload: "
			    "nothing to send\n"));
		rc = nb.bad ? CLI_FAILED : CLI_OK;
		goto out;
	}
	strbuf_adds(&payload, "{\"numbers\":\"");
	for (i = 0; i < nb.n; i++)
		strbuf_addf(&payload, i > 0 ? ",%lld" : "%lld", nb.v[i]);
	strbuf_adds(&payload, "\"}");
	title = xasprintf(_("Image Upload: %zu sessions"), nb.n);
	id = jobs_queue(cli_store(cli), "upload", title, strbuf_str(&payload),
	    &cause);
	free(title);
	if (id < 0) {
		cli_error("%s", cause);
		free(cause);
		rc = CLI_FAILED;
		goto out;
	}
	if (queue) {
		printf(_("queued job #%lld: upload %zu sessions\n"), id, nb.n);
		goto out;
	}
	(void)store_upload_count(cli_store(cli), 0, cfg.target, &files0,
	    &bytes0);
	if (jobs_run_foreground(cli->studio_dir, id, 1, &cause) != 0) {
		error_lines(cause);
		free(cause);
		rc = CLI_FAILED;
	}
	if (store_upload_count(cli_store(cli), 0, cfg.target, &files,
	    &bytes) == 0)
		printf(_("%s: sent %lld files, %.1f MB\n"), cfg.target,
		    files - files0, (double)(bytes - bytes0) / 1e6);
	if (nb.bad)
		rc = CLI_FAILED;
out:
	uploadcfg_free(&cfg);
	strbuf_free(&payload);
	free(given.v);
	free(nb.v);
	return rc;
usage:
	return cli_usage("%s", _("upload [--session NUMBER...] [--queue] | "
	    "upload target URL [...] | upload list [--session NUMBER]"));
}

int
cmd_upload(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "target") == 0)
		return upload_target(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return upload_list(cli, argc - 1, argv + 1);
	return upload_send(cli, argc, argv);
}
