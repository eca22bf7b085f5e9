/*
 * cli/cmd-org: `picday org add NAME [--code CODE]` and
 * `picday org list [--format F]`.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/org.h"
#include "util/i18n.h"

#define ORG_USAGE "org add NAME [--code CODE] | org list [--format F]"

static int
org_add(struct cli *cli, int argc, char **argv)
{
	const char *name = NULL, *code = NULL;
	char *cause = NULL;
	long long id;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--code") == 0) {
			if (++i >= argc)
				return cli_usage(_("--code needs a value"));
			code = argv[i];
		} else if (strncmp(argv[i], "--code=", 7) == 0)
			code = argv[i] + 7;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage(_("unknown option %s; %s"), argv[i],
			    ORG_USAGE);
		else if (name == NULL)
			name = argv[i];
		else
			return cli_usage(_("one NAME only (quote a name with "
			    "spaces); %s"), ORG_USAGE);
	}
	if (name == NULL || *name == '\0')
		return cli_usage("%s", ORG_USAGE);
	if (store_org_add(cli_store(cli), name, code, &id, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	fprintf(stderr, _("organization '%s' added\n"), name);
	return CLI_OK;
}

static int
org_list_row(const struct org *o, void *arg)
{
	char id[32], n[32];
	const char *vals[5];

	snprintf(id, sizeof id, "%lld", o->id);
	snprintf(n, sizeof n, "%lld", o->nclients);
	vals[0] = id;
	vals[1] = o->name;
	vals[2] = o->code;
	vals[3] = n;
	vals[4] = o->created_at;
	table_row(arg, vals);
	return 0;
}

static int
org_list(struct cli *cli, int argc, char **argv)
{
	static const struct out_col cols[] = {
		{ "id", OUT_INT }, { "name", OUT_STR }, { "code", OUT_STR },
		{ "clients", OUT_INT }, { "created_at", OUT_STR }
	};
	struct table *t;
	int rc;

	if (argc > 1)
		return cli_usage(_("unexpected %s; %s"), argv[1], ORG_USAGE);
	t = table_new(stdout, cli->format, cols, 5);
	rc = store_org_list(cli_store(cli), org_list_row, t);
	table_end(t);
	if (rc != 0) {
		cli_error(_("cannot list organizations"));
		return CLI_FAILED;
	}
	return CLI_OK;
}

int
cmd_org(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("%s", ORG_USAGE);
	if (strcmp(argv[1], "add") == 0)
		return org_add(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return org_list(cli, argc - 1, argv + 1);
	return cli_usage(_("unknown org command '%s'; %s"), argv[1], ORG_USAGE);
}
