/*
 * cli/cmd-grant: `picday grant add|list|remove` (DESIGN §4 stage 9) and
 * the image marks a grant reads: `images composite` and `images group`
 * (called from cli/cmd-images.c).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/db.h"
#include "store/grant.h"
#include "store/image.h"
#include "util/i18n.h"

#define GRANT_USAGE "grant add --session NUMBER|--type NAME|--item CODE " \
	"--style all|ordered|selected|non-composite|group:NAME|single " \
	"[--long-side PX] [--watermark] [--release] | grant list | " \
	"grant remove ID"

static int
valid_style(const char *s)
{
	static const char *const ok[] = { "all", "ordered", "selected",
	    "non-composite", "single" };
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strcmp(s, ok[i]) == 0)
			return 1;
	return strncmp(s, "group:", 6) == 0 && s[6] != '\0';
}

static int
grant_add(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "session", required_argument, NULL, 's' },
		{ "type", required_argument, NULL, 't' },
		{ "item", required_argument, NULL, 'i' },
		{ "style", required_argument, NULL, 'y' },
		{ "long-side", required_argument, NULL, 'l' },
		{ "watermark", no_argument, NULL, 'w' },
		{ "release", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *target = NULL, *style = NULL;
	enum grant_source src = GRANT_SESSION;
	int c, n = 0, wm = 0, rel = 0, rc;
	long long side = 0, id;
	char *end;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (cli_parse_number(optarg) == 0)
				return cli_usage(_("--session takes a session "
				    "number, not '%s'"), optarg);
			src = GRANT_SESSION; target = optarg; n++;
			break;
		case 't': src = GRANT_TYPE; target = optarg; n++; break;
		case 'i': src = GRANT_ITEM; target = optarg; n++; break;
		case 'y': style = optarg; break;
		case 'l':
			side = strtoll(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || side <= 0 ||
			    side > 100000) {
				cli_error(_("--long-side takes a size in pixels "
				    "above 0, not '%s'"), optarg);
				return CLI_USAGE;
			}
			break;
		case 'w': wm = 1; break;
		case 'r': rel = 1; break;
		default:
			return cli_usage("%s", _(GRANT_USAGE));
		}
	}
	if (optind != argc || n != 1 || style == NULL)
		return cli_usage("%s", _(GRANT_USAGE));
	if (!valid_style(style)) {
		cli_error(_("unknown grant style '%s' (all, ordered, selected, "
		    "non-composite, group:NAME, single)"), style);
		return CLI_USAGE;
	}
	rc = store_grant_add(cli_store(cli), src, target, style, (int)side,
	    wm, rel, &id);
	if (rc == 0) {
		if (src == GRANT_SESSION)
			cli_error(_("no session %s"), target);
		else if (src == GRANT_TYPE)
			cli_error(_("no session type '%s'"), target);
		else
			cli_error(_("no digital price-list item '%s'"),
			    target);
		return CLI_FAILED;
	}
	if (rc < 0) {
		cli_error("%s", store_errmsg(cli_store(cli)));
		return CLI_FAILED;
	}
	printf("%lld\n", id);
	return CLI_OK;
}

static int
list_row(const struct grant_row *r, void *arg)
{
	static const char *const srcs[] = { "session", "type", "item" };
	char id[24], side[24];
	const char *v[8];

	snprintf(id, sizeof id, "%lld", r->id);
	snprintf(side, sizeof side, "%d", r->long_side);
	v[0] = id;
	v[1] = srcs[r->source];
	v[2] = r->target;
	v[3] = r->style;
	v[4] = r->long_side > 0 ? side : NULL;
	v[5] = r->watermark ? "1" : "0";
	v[6] = r->release ? "1" : "0";
	v[7] = r->source != GRANT_ITEM || r->invoiced ? "1" : "0";
	table_row(arg, v);
	return 0;
}

static int
grant_list(struct cli *cli, int argc, char **argv)
{
	static const struct out_col cols[] = {
		{ "id", OUT_INT }, { "source", OUT_STR },
		{ "target", OUT_STR }, { "style", OUT_STR },
		{ "long_side", OUT_INT }, { "watermark", OUT_BOOL },
		{ "release", OUT_BOOL }, { "applies", OUT_BOOL }
	};
	struct table *t;
	int rc;

	(void)argv;
	if (argc != 1)
		return cli_usage("%s", _(GRANT_USAGE));
	t = table_new(stdout, cli->format, cols, 8);
	rc = store_grant_each(cli_store(cli), list_row, t);
	table_end(t);
	if (rc != 0) {
		cli_error("%s", store_errmsg(cli_store(cli)));
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int
grant_remove(struct cli *cli, int argc, char **argv)
{
	long long id;
	int rc;

	if (argc != 2 || (id = cli_parse_number(argv[1])) == 0)
		return cli_usage("%s", _(GRANT_USAGE));
	if ((rc = store_grant_remove(cli_store(cli), id)) != 1) {
		if (rc == 0)
			cli_error(_("no grant %s"), argv[1]);
		else
			cli_error("%s", store_errmsg(cli_store(cli)));
		return CLI_FAILED;
	}
	return CLI_OK;
}

int
cmd_grant(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return grant_add(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return grant_list(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "remove") == 0)
		return grant_remove(cli, argc - 1, argv + 1);
	return cli_usage("%s", _(GRANT_USAGE));
}

/* `images select ID... [--unset]` (the studio's ✓ mark), `images
 * composite ID... [--unset]` and `images group NAME ID... [--remove]`: all
 * or nothing. */
int
cli_images_mark(struct cli *cli, int argc, char **argv)
{
	int group = strcmp(argv[0], "group") == 0, i, off = 0, n = 0, rc;
	int select = strcmp(argv[0], "select") == 0;
	const char *flag = group ? "--remove" : "--unset", *name = NULL;
	const char *usage = group ? _("images group NAME ID... [--remove]") :
	    select ? _("images select ID... [--unset]") :
	    _("images composite ID... [--unset]");
	struct store *st;

	i = 1;
	if (group) {
		if (argc < 2 || *argv[1] == '\0' || *argv[1] == '-')
			return cli_usage("%s", usage);
		name = argv[1];
		i = 2;
	}
	for (; i < argc; i++) {
		if (strcmp(argv[i], flag) == 0)
			off = 1;
		else if (cli_parse_number(argv[i]) == 0)
			return cli_usage("%s", usage);
		else
			n++;
	}
	if (n == 0)
		return cli_usage("%s", usage);
	st = cli_store(cli);
	if (store_begin(st) != 0) {
		cli_error("%s", store_errmsg(st));
		return CLI_FAILED;
	}
	for (i = group ? 2 : 1; i < argc; i++) {
		if (strcmp(argv[i], flag) == 0)
			continue;
		long long id = cli_parse_number(argv[i]);

		rc = group ? store_image_group(st, id, name, off) : select ?
		    store_image_select(st, id, !off) :
		    store_image_composite(st, id, !off);
		if (rc != 1) {
			if (rc == 0)
				cli_error(_("no image %s (nothing changed)"),
				    argv[i]);
			else
				cli_error("%s", store_errmsg(st));
			store_rollback(st);
			return CLI_FAILED;
		}
	}
	if (store_commit(st) != 0) {
		cli_error("%s", store_errmsg(st));
		store_rollback(st);
		return CLI_FAILED;
	}
	return CLI_OK;
}
