/*
 * cli/cmd-pricelist: `picday pricelist import FILE [--name NAME]
 * [--dry-run]` and `picday pricelist list` (DESIGN §4, stage 7).
 *
 * import: stderr gets one "FILE:LINE: reason" line per rejected row, then
 * the summary ("12 new, 0 updated, 0 unchanged, 1 rejected"); with
 * --format the rows (line, code, action, reason) go to stdout.  Exit 0
 * when the import committed or the dry run ran (rejected rows are
 * reported, the good ones are in); 1 when nothing was written.
 * list: list,code,name,kind,price,width_in,height_in,dpi,sheet_width_in,
 * sheet_height_in,contains,grant — price in cents for machines, as money
 * for people (text).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/money.h"
#include "core/pricelist.h"
#include "store/pricelist.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define PRICELIST_USAGE "pricelist import FILE [--name NAME] [--dry-run] | " \
	"pricelist list [--format F]"

static int
pricelist_import(struct cli *cli, int argc, char **argv)
{
	static const struct out_col cols[] = { { "line", OUT_INT },
	    { "code", OUT_STR }, { "action", OUT_STR }, { "reason", OUT_STR } };
	const char *file = NULL, *name = NULL;
	char *cause = NULL, *defname = NULL;
	struct pricelist_file *pf = NULL;
	size_t i;
	int a, dry = 0, rc = CLI_FAILED;

	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--name") == 0 && a + 1 < argc)
			name = argv[++a];
		else if (strncmp(argv[a], "--name=", 7) == 0)
			name = argv[a] + 7;
		else if (strcmp(argv[a], "--dry-run") == 0 ||
		    strcmp(argv[a], "-n") == 0)
			dry = 1;
		else if (argv[a][0] == '-' && argv[a][1] != '\0')
			return cli_usage(_("unknown option %s; %s"), argv[a],
			    PRICELIST_USAGE);
		else if (file == NULL)
			file = argv[a];
		else
			return cli_usage(_("one FILE only; %s"),
			    PRICELIST_USAGE);
	}
	if (file == NULL)
		return cli_usage("%s", PRICELIST_USAGE);
	if (name != NULL && *name == '\0')
		return cli_usage("%s", _("--name needs a name"));
	if (name == NULL)
		name = defname = pricelist_default_name(file);
	if (pricelist_read(file, NULL, 0, &pf, &cause) != 0 ||
	    pricelist_run(pf, cli_store(cli), name, !dry, &cause) != 0) {
		cli_error(_("%s; nothing was imported"), cause);
		free(cause);
		goto out;
	}
	for (i = 0; i < pf->nrows; i++)
		if (pf->rows[i].action == PRICELIST_REJECTED)
			fprintf(stderr, "%s:%ld: %s\n", pf->name,
			    pf->rows[i].line, pf->rows[i].reason);
	if (cli->format_given) {
		struct table *t = table_new(stdout, cli->format, cols, 4);

		for (i = 0; i < pf->nrows; i++) {
			char line[32];
			const char *vals[4];

			snprintf(line, sizeof line, "%ld", pf->rows[i].line);
			vals[0] = line;
			vals[1] = pf->rows[i].item.code;
			vals[2] = pricelist_action_name(pf->rows[i].action);
			vals[3] = pf->rows[i].reason;
			table_row(t, vals);
		}
		table_end(t);
	}
	/* L10N: the summary of a price list import; numbers first. */
	fprintf(stderr, _("price list '%s': %zu new, %zu updated, "
	    "%zu unchanged, %zu rejected"), name, pf->count[PRICELIST_NEW],
	    pf->count[PRICELIST_UPDATED], pf->count[PRICELIST_UNCHANGED],
	    pf->count[PRICELIST_REJECTED]);
	if (dry)
		fputs(_(" (dry run: nothing written)"), stderr);
	fputc('\n', stderr);
	rc = CLI_OK;
out:
	pricelist_file_free(pf);
	free(defname);
	return rc;
}

struct pricelist_list_arg {
	struct table	*t;
	int		 human;
};

static void
pl_num(char *buf, size_t size, double v)
{
	if (v > 0)
		snprintf(buf, size, "%g", v);
	else
		buf[0] = '\0';
}

static int
pricelist_list_row(const struct pricelist_item *it, void *arg)
{
	struct pricelist_list_arg *la = arg;
	char price[48], w[32], h[32], dpi[16], sw[32], sh[32];
	const char *vals[12];

	if (la->human)
		money_format(it->price_cents, NULL, NULL, NULL, price,
		    sizeof price);
	else
		snprintf(price, sizeof price, "%lld", it->price_cents);
	pl_num(w, sizeof w, it->width_in);
	pl_num(h, sizeof h, it->height_in);
	pl_num(sw, sizeof sw, it->sheet_width_in);
	pl_num(sh, sizeof sh, it->sheet_height_in);
	if (it->dpi > 0)
		snprintf(dpi, sizeof dpi, "%d", it->dpi);
	else
		dpi[0] = '\0';
	vals[0] = it->list;
	vals[1] = it->code;
	vals[2] = it->name;
	vals[3] = it->kind;
	vals[4] = price;
	vals[5] = w[0] != '\0' ? w : NULL;
	vals[6] = h[0] != '\0' ? h : NULL;
	vals[7] = dpi[0] != '\0' ? dpi : NULL;
	vals[8] = sw[0] != '\0' ? sw : NULL;
	vals[9] = sh[0] != '\0' ? sh : NULL;
	vals[10] = it->contains;
	vals[11] = it->grant_style;
	table_row(la->t, vals);
	return 0;
}

static int
pricelist_list(struct cli *cli, int argc, char **argv)
{
	static const struct out_col cols[] = {
		{ "list", OUT_STR }, { "code", OUT_STR }, { "name", OUT_STR },
		{ "kind", OUT_STR }, { "price", OUT_INT },
		{ "width_in", OUT_NUM }, { "height_in", OUT_NUM },
		{ "dpi", OUT_INT }, { "sheet_width_in", OUT_NUM },
		{ "sheet_height_in", OUT_NUM }, { "contains", OUT_STR },
		{ "grant", OUT_STR }
	};
	struct pricelist_list_arg la;
	int rc;

	if (argc > 1)
		return cli_usage(_("unexpected %s; %s"), argv[1],
		    PRICELIST_USAGE);
	la.human = cli->format == OUT_TEXT;
	la.t = table_new(stdout, cli->format, cols, 12);
	rc = store_pricelist_each(cli_store(cli), pricelist_list_row, &la);
	table_end(la.t);
	if (rc != 0) {
		cli_error("%s", _("cannot list the price lists"));
		return CLI_FAILED;
	}
	return CLI_OK;
}

int
cmd_pricelist(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("%s", PRICELIST_USAGE);
	if (strcmp(argv[1], "import") == 0)
		return pricelist_import(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return pricelist_list(cli, argc - 1, argv + 1);
	return cli_usage(_("unknown pricelist command '%s'; %s"), argv[1],
	    PRICELIST_USAGE);
}
