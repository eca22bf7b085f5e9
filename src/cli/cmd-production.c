/*
 * cli/cmd-production: `picday production create|list|render|ship` (DESIGN
 * §4, stage 8, issue 11).
 *
 * create makes orders from invoices (core/production); render queues one
 * "render" job per order (jobs/job-render) and runs each in the
 * foreground with progress on stderr, or only queues them with --queue;
 * ship marks an order shipped and completes its session when all its
 * orders are.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/school.h"
#include "core/production.h"
#include "jobs/production.h"
#include "store/db.h"
#include "store/org.h"
#include "store/production.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#define PRODUCTION_USAGE "production create [--invoice NUMBER...] | " \
	"production list | production render [--order N...|--all] " \
	"[-o DIR] [--again] [--queue] | production ship N | " \
	"production contact --org NAME -o FILE.pdf [--queue]"

static void
prod_note(const char *msg, void *arg)
{
	(void)arg;
	cli_error("%s", msg);
}

static int
production_create_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "invoice", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 }
	};
	const char **nums = xcalloc((size_t)argc + 1, sizeof *nums);
	size_t n = 0, made;
	char *cause = NULL;
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'i') {
			free(nums);
			return cli_usage("%s", _(PRODUCTION_USAGE));
		}
		nums[n++] = optarg;
	}
	for (; optind < argc; optind++)		/* --invoice A B C */
		nums[n++] = argv[optind];
	if (production_create(cli_store(cli), nums, n, prod_note, NULL, &made,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		free(nums);
		return CLI_FAILED;
	}
	free(nums);
	fprintf(stderr, ngettext("%zu production order made\n",
	    "%zu production orders made\n", made), made);
	return CLI_OK;
}

static int
production_list_row(const struct production_order_row *r, void *arg)
{
	struct table *t = arg;
	char id[24], session[24], items[24], qty[24];
	const char *vals[11];

	snprintf(id, sizeof id, "%lld", r->id);
	snprintf(session, sizeof session, "%lld", r->session);
	snprintf(items, sizeof items, "%lld", r->items);
	snprintf(qty, sizeof qty, "%lld", r->quantity);
	vals[0] = id;
	vals[1] = r->invoice;
	vals[2] = r->session > 0 ? session : NULL;
	vals[3] = r->client;
	vals[4] = r->state;
	vals[5] = items;
	vals[6] = qty;
	vals[7] = r->created_at;
	vals[8] = r->rendered_at;
	vals[9] = r->shipped_at;
	vals[10] = r->render_dir;
	table_row(t, vals);
	return 0;
}

static int
production_list_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct out_col cols[] = {
		{ "order", OUT_INT }, { "invoice", OUT_STR },
		{ "session", OUT_INT }, { "client", OUT_STR },
		{ "state", OUT_STR }, { "prints", OUT_INT },
		{ "quantity", OUT_INT }, { "created_at", OUT_STR },
		{ "rendered_at", OUT_STR }, { "shipped_at", OUT_STR },
		{ "folder", OUT_STR }
	};
	struct table *t;
	int rc;

	(void)argv;
	if (argc != 1)
		return cli_usage("%s", _(PRODUCTION_USAGE));
	t = table_new(stdout, cli->format, cols, 11);
	rc = store_production_each(cli_store(cli), 0, production_list_row, t);
	table_end(t);
	if (rc != 0) {
		cli_error("%s", _("cannot list the production orders"));
		return CLI_FAILED;
	}
	return CLI_OK;
}

struct ids {
	long long	*v;
	size_t		 n;
};

static int
collect_open(const struct production_order_row *r, void *arg)
{
	struct ids *ids = arg;

	ids->v = xreallocarray(ids->v, ids->n + 1, sizeof *ids->v);
	ids->v[ids->n++] = r->id;
	return 0;
}

static int
found_it(const struct production_order_row *r, void *arg)
{
	(void)r;
	(void)arg;
	return 1;
}

static int
production_render_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "order", required_argument, NULL, 'r' },
		{ "all", no_argument, NULL, 'a' },
		{ "output", required_argument, NULL, 'o' },
		{ "queue", no_argument, NULL, 'q' },
		{ "again", no_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 }
	};
	struct store *st = cli_store(cli);
	struct ids ids = { NULL, 0 };
	const char *out = NULL;
	char *abs = NULL, *dflt = NULL, *payload, *title;
	long long id;
	size_t i;
	int c, all = 0, queue = 0, again = 0, rc = CLI_OK, r;

	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if ((id = cli_parse_number(optarg)) == 0) {
				free(ids.v);
				return cli_usage(_("--order takes an order "
				    "number, not '%s'"), optarg);
			}
			ids.v = xreallocarray(ids.v, ids.n + 1,
			    sizeof *ids.v);
			ids.v[ids.n++] = id;
			break;
		case 'a': all = 1; break;
		case 'o': out = optarg; break;
		case 'q': queue = 1; break;
		case 'g': again = 1; break;
		default:
			free(ids.v);
			return cli_usage("%s", _(PRODUCTION_USAGE));
		}
	}
	if (optind != argc || (all && ids.n > 0)) {
		free(ids.v);
		return cli_usage("%s", _(PRODUCTION_USAGE));
	}
	for (i = 0; i < ids.n; i++)
		if ((r = store_production_get(st, ids.v[i], found_it,
		    NULL)) != 1) {
			if (r == 0)
				cli_error(_("no production order %lld"),
				    ids.v[i]);
			else
				cli_error("%s", store_errmsg(st));
			free(ids.v);
			return CLI_FAILED;
		}
	if (ids.n == 0 && store_production_each(st, 1, collect_open,
	    &ids) != 0) {
		cli_error("%s", store_errmsg(st));
		return CLI_FAILED;
	}
	if (ids.n == 0) {
		cli_error("%s", _("no production order to render"));
		return CLI_FAILED;
	}
	if (out == NULL)
		out = dflt = path_join(cli->studio_dir, "renders");
	if (path_mkdirs(out) != 0 || (abs = realpath(out, NULL)) == NULL) {
		cli_error("%s: %s", out, strerror(errno));
		free(dflt);
		free(ids.v);
		return CLI_FAILED;
	}
	for (i = 0; i < ids.n && rc == CLI_OK; i++) {
		/* --again: every print of the order is rendered anew (a crop
		 * changed); the files are replaced when they differ. */
		if (again && store_production_order_reset(st, ids.v[i]) < 0) {
			cli_error("%s", store_errmsg(st));
			rc = CLI_FAILED;
			break;
		}
		payload = job_render_payload(ids.v[i], abs);
		/* L10N: job title: "render order 3 to /lab/out" */
		title = xasprintf(_("render order %lld to %s"), ids.v[i], abs);
		rc = school_run(cli, "render", title, payload, queue);
		free(title);
		free(payload);
	}
	free(abs);
	free(dflt);
	free(ids.v);
	return rc;
}

static int
production_ship_cmd(struct cli *cli, int argc, char **argv)
{
	char *cause = NULL;
	long long id;
	int r, complete, i, rc = CLI_OK;

	if (argc < 2)
		return cli_usage("%s", _(PRODUCTION_USAGE));
	for (i = 1; i < argc; i++)
		if (cli_parse_number(argv[i]) == 0)
			return cli_usage(_("not an order number: '%s'"),
			    argv[i]);
	for (i = 1; i < argc; i++) {
		id = cli_parse_number(argv[i]);
		if ((r = production_ship(cli_store(cli), id, &complete,
		    &cause)) <= 0) {
			if (r < 0) {
				cli_error("%s", cause);
				free(cause);
				cause = NULL;
			} else
				cli_error(_("no production order %lld"), id);
			rc = CLI_FAILED;
			continue;
		}
		if (complete)
			fprintf(stderr, _("order %lld shipped; its session is "
			    "complete\n"), id);
		else
			fprintf(stderr, _("order %lld shipped\n"), id);
	}
	return rc;
}

/* `production contact --org NAME -o FILE.pdf`: the contact sheet. */
static int
production_contact_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'o' },
		{ "queue", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	const char *org = NULL, *out = NULL, *slash;
	char *dir, *absdir, *abs, *payload, *title;
	long long org_id;
	int c, queue = 0, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'r': org = optarg; break;
		case 'o': out = optarg; break;
		case 'q': queue = 1; break;
		default: return cli_usage("%s", _(PRODUCTION_USAGE));
		}
	}
	if (org == NULL || out == NULL || *out == '\0' || optind != argc)
		return cli_usage("%s", _(PRODUCTION_USAGE));
	if ((rc = store_org_find(cli_store(cli), org, &org_id)) != 1) {
		if (rc == 0)
			cli_error(_("no organization '%s'"), org);
		else
			cli_error("%s", store_errmsg(cli_store(cli)));
		return CLI_FAILED;
	}
	slash = strrchr(out, '/');
	dir = slash == NULL ? xstrdup(".") : slash == out ? xstrdup("/") :
	    xstrndup(out, (size_t)(slash - out));
	if ((absdir = realpath(dir, NULL)) == NULL) {
		cli_error("%s: %s", dir, strerror(errno));
		free(dir);
		return CLI_FAILED;
	}
	abs = path_join(absdir, slash != NULL ? slash + 1 : out);
	payload = job_contact_payload(org_id, abs);
	/* L10N: job title: "contact sheet /out/maple.pdf" */
	title = xasprintf(_("contact sheet %s"), abs);
	rc = school_run(cli, "contact", title, payload, queue);
	free(title);
	free(payload);
	free(abs);
	free(absdir);
	free(dir);
	return rc;
}

int
cmd_production(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "contact") == 0)
		return production_contact_cmd(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "create") == 0)
		return production_create_cmd(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return production_list_cmd(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "render") == 0)
		return production_render_cmd(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "ship") == 0)
		return production_ship_cmd(cli, argc - 1, argv + 1);
	return cli_usage("%s", _(PRODUCTION_USAGE));
}
