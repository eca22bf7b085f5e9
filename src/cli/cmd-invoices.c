/*
 * cli/cmd-invoices: `picday invoices import|list|show|add` (DESIGN §4,
 * stage 7).
 *
 * import FILE|URL [--shape invoice|line] [--map COLUMN=FIELD]...
 * [--template NAME] [--cacert FILE] [--dry-run]: the template's mapping
 * (if saved before), then the --maps; core/invoice-import reconciles, then
 * core/invoice commits every new invoice in one transaction.  stderr gets
 * the shape and mapping (dry run), one "FILE:LINE: reason" line per
 * problem, and the summary; with --format one row per invoice goes to
 * stdout (invoice, line, action, session, lines, total, reason).  Exit 0
 * when the dry run ran or the import committed (an import with --template
 * saves its mapping under that name) (rejected invoices are
 * reported, the others are in); 1 when nothing was written.
 *
 * Money in machine output (csv, tsv, json) is integer cents; the text
 * format shows it as money ("$1,234.50").
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/invoice.h"
#include "core/invoice-import.h"
#include "core/money.h"
#include "net/fetch.h"
#include "store/db.h"
#include "store/grant.h"
#include "store/invoice.h"
#include "store/job.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define INVOICES_USAGE "invoices import FILE|URL [--shape invoice|line] " \
	"[--map COLUMN=FIELD]... [--template NAME] [--cacert FILE] " \
	"[--dry-run] | invoices list [--session NUMBER] | invoices show " \
	"NUMBER | invoices add --session NUMBER ITEM[xQTY][@IMAGE]..."

/* Money for the output format: cents for machines, money for people. */
static void
inv_money_out(const struct cli *cli, long long cents, char *buf, size_t size)
{
	if (cli->format == OUT_TEXT)
		money_format(cents, NULL, NULL, NULL, buf, size);
	else
		snprintf(buf, size, "%lld", cents);
}

static void
inv_print_mapping(const struct inv_import *imp)
{
	struct strbuf sb = STRBUF_INIT;
	size_t col;

	for (col = 0; col < inv_import_ncols(imp); col++)
		strbuf_addf(&sb, "%s\"%s\" -> %s", col > 0 ? ", " : "",
		    inv_import_header(imp, col),
		    inv_field_name(inv_import_get_map(imp, col)));
	fprintf(stderr, _("%s: %zu rows, one row per %s; columns: %s\n"),
	    inv_import_name(imp), inv_import_nrows(imp),
	    inv_shape_name(inv_import_shape(imp)), strbuf_str(&sb));
	strbuf_free(&sb);
}

/* The deliveries the new invoices queued (an item that grants), one line
 * a session: the worker builds them. */
static void
inv_report_deliveries(struct cli *cli, const struct inv_import *imp)
{
	struct store *st = cli_store(cli);
	struct store_job job;
	long long number, id, *seen = NULL;
	size_t i, j, nseen = 0;

	if (store_pricelist_grants_any(st) != 1)
		return;
	for (i = 0; i < inv_import_ninvoices(imp); i++) {
		const struct inv_invoice *in = inv_import_invoice(imp, i);

		if (in->action != INV_NEW || (number =
		    store_invoice_number_granted(st, in->number)) <= 0)
			continue;
		for (j = 0; j < nseen && seen[j] != number; j++)
			;
		if (j < nseen)
			continue;
		seen = xreallocarray(seen, nseen + 1, sizeof *seen);
		seen[nseen++] = number;
		if ((id = store_delivery_job(st, number)) <= 0 ||
		    store_job_get(st, id, &job) != 1)
			continue;
		if (strcmp(job.state, "queued") == 0)
			/* L10N: after invoices import */
			fprintf(stderr, _("session %lld: its delivery is "
			    "queued for the worker (job #%lld)\n"), number,
			    id);
		store_job_clear(&job);
	}
	free(seen);
}

static void
inv_report(struct cli *cli, const struct inv_import *imp, int committed,
    size_t moved)
{
	static const struct out_col cols[] = {
		{ "invoice", OUT_STR }, { "line", OUT_INT },
		{ "action", OUT_STR }, { "session", OUT_INT },
		{ "lines", OUT_INT }, { "total", OUT_INT }, { "reason", OUT_STR }
	};
	size_t i, n;
	char total[48];

	n = inv_import_nproblems(imp);
	for (i = 0; i < n; i++) {
		const struct inv_problem *p = inv_import_problem(imp, i);

		fprintf(stderr, "%s:%ld: %s\n", inv_import_name(imp), p->line,
		    p->reason);
	}
	if (cli->format_given) {
		struct table *t = table_new(stdout, cli->format, cols, 7);

		for (i = 0; i < inv_import_ninvoices(imp); i++) {
			const struct inv_invoice *in = inv_import_invoice(imp,
			    i);
			char line[24], sess[24], lines[24];
			const char *vals[7];

			snprintf(line, sizeof line, "%ld", in->line);
			snprintf(sess, sizeof sess, "%lld", in->session_number);
			snprintf(lines, sizeof lines, "%zu", in->nlines);
			inv_money_out(cli, in->total_cents, total,
			    sizeof total);
			vals[0] = in->number;
			vals[1] = line;
			vals[2] = inv_action_name(in->action);
			vals[3] = in->session_number > 0 ? sess : NULL;
			vals[4] = lines;
			vals[5] = in->action == INV_NEW ? total : NULL;
			vals[6] = in->reason;
			table_row(t, vals);
		}
		table_end(t);
	}
	money_format(inv_import_new_cents(imp), NULL, NULL, NULL, total,
	    sizeof total);
	/* L10N: the summary of an invoice import; numbers first. */
	fprintf(stderr, _("%zu new invoices (%zu lines, %s), %zu already "
	    "imported, %zu rejected"), inv_import_count(imp, INV_NEW),
	    inv_import_new_lines(imp), total, inv_import_count(imp,
	    INV_SKIPPED), inv_import_count(imp, INV_REJECTED));
	if (committed && moved > 0)
		fprintf(stderr, _("; %zu sessions moved to Ordered"), moved);
	if (!committed)
		fputs(_(" (dry run: nothing written)"), stderr);
	fputc('\n', stderr);
}

static int
invoices_import(struct cli *cli, int argc, char **argv)
{
	const char *file = NULL, *shape = NULL, *cacert = NULL, *tmpl = NULL;
	const char *v;
	char **maps, *cause = NULL;
	size_t moved = 0;
	struct inv_import *imp = NULL;
	int i, nmaps = 0, dry = 0, missing = 0, rc = CLI_FAILED;

	maps = xcalloc((size_t)argc + 1, sizeof *maps);
	for (i = 1; i < argc; i++) {
		if ((v = cli_optval(argc, argv, &i, "--shape",
		    &missing)) != NULL)
			shape = v;
		else if ((v = cli_optval(argc, argv, &i, "--map",
		    &missing)) != NULL)
			maps[nmaps++] = (char *)v;
		else if ((v = cli_optval(argc, argv, &i, "--cacert",
		    &missing)) != NULL)
			cacert = v;
		else if ((v = cli_optval(argc, argv, &i, "--template",
		    &missing)) != NULL)
			tmpl = v;
		else if (missing) {
			rc = cli_usage(_("%s needs a value"), argv[i]);
			goto out;
		} else if (strcmp(argv[i], "--dry-run") == 0 ||
		    strcmp(argv[i], "-n") == 0)
			dry = 1;
		else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			rc = cli_usage(_("unknown option %s; %s"), argv[i],
			    INVOICES_USAGE);
			goto out;
		} else if (file == NULL)
			file = argv[i];
		else {
			rc = cli_usage(_("one FILE only; %s"), INVOICES_USAGE);
			goto out;
		}
	}
	if (file == NULL) {
		rc = cli_usage("%s", INVOICES_USAGE);
		goto out;
	}
	if (shape != NULL && strcmp(shape, "invoice") != 0 &&
	    strcmp(shape, "line") != 0) {
		rc = cli_usage(_("--shape takes invoice or line, not '%s'"),
		    shape);
		goto out;
	}
	for (i = 0; i < nmaps; i++) {
		char *eq = strrchr(maps[i], '=');
		enum inv_field f;

		if (eq == NULL || eq == maps[i] ||
		    inv_field_parse(eq + 1, &f) != 0) {
			rc = cli_usage(_("--map takes COLUMN=FIELD, FIELD one "
			    "of invoice, session, client, student_id, date, "
			    "item, description, quantity, unit_price, amount, "
			    "total, paid, image, ignore (not '%s')"), maps[i]);
			goto out;
		}
	}

	if (fetch_is_url(file)) {
		if (invoice_fetch_open(cli_store(cli), file, cacert, NULL, &imp,
		    &cause) != 0)
			goto fail;
	} else if (inv_import_open(file, NULL, 0, &imp, &cause) != 0)
		goto fail;
	if (tmpl != NULL && invoice_template_apply(cli_store(cli), imp, tmpl,
	    &cause) < 0)
		goto fail;
	for (i = 0; i < nmaps; i++) {
		char *eq = strrchr(maps[i], '='), *col;
		enum inv_field f;
		int bad;

		(void)inv_field_parse(eq + 1, &f);
		col = xstrndup(maps[i], (size_t)(eq - maps[i]));
		bad = inv_import_map_column(imp, col, f, &cause);
		free(col);
		if (bad)
			goto fail;
	}
	if (shape != NULL)
		inv_import_set_shape(imp, strcmp(shape, "line") == 0 ?
		    INV_SHAPE_LINE : INV_SHAPE_INVOICE);
	if (dry)
		inv_print_mapping(imp);
	if (invoice_import_run(imp, cli_store(cli), !dry, file, &moved,
	    &cause) != 0) {
		if (!dry)
			inv_print_mapping(imp);
		goto fail;
	}
	inv_report(cli, imp, !dry, moved);
	if (!dry)
		inv_report_deliveries(cli, imp);
	/* The mapping that worked, for the next file from the same shop. */
	if (tmpl != NULL && !dry && invoice_template_save(cli->st, imp, tmpl,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
	}
	rc = CLI_OK;
	goto out;
fail:
	cli_error(_("%s; nothing was imported"), cause);
	free(cause);
out:
	inv_import_free(imp);
	free(maps);
	return rc;
}

struct inv_list_arg {
	struct cli	*cli;
	struct table	*t;
};

static int
invoices_list_row(const struct invoice_row *r, void *arg)
{
	struct inv_list_arg *la = arg;
	char sess[24], client[24], total[48], paid[48], bal[48], lines[24];
	const char *vals[8];

	snprintf(sess, sizeof sess, "%lld", r->session);
	snprintf(client, sizeof client, "%lld", r->client_id);
	snprintf(lines, sizeof lines, "%lld", r->lines);
	inv_money_out(la->cli, r->total_cents, total, sizeof total);
	inv_money_out(la->cli, r->paid_cents, paid, sizeof paid);
	inv_money_out(la->cli, r->total_cents - r->paid_cents, bal,
	    sizeof bal);
	vals[0] = r->number;
	vals[1] = r->session > 0 ? sess : NULL;
	vals[2] = r->client_id > 0 ? client : NULL;
	vals[3] = r->date;
	vals[4] = total;
	vals[5] = paid;
	vals[6] = bal;
	vals[7] = lines;
	table_row(la->t, vals);
	return 0;
}

static int
invoices_list(struct cli *cli, int argc, char **argv)
{
	static const struct out_col cols[] = {
		{ "number", OUT_STR }, { "session", OUT_INT },
		{ "client", OUT_INT }, { "date", OUT_STR }, { "total", OUT_INT },
		{ "paid", OUT_INT }, { "balance", OUT_INT }, { "lines", OUT_INT }
	};
	struct inv_list_arg la;
	long long session = 0;
	const char *v;
	int i, missing = 0, rc;

	for (i = 1; i < argc; i++) {
		if ((v = cli_optval(argc, argv, &i, "--session",
		    &missing)) != NULL) {
			if ((session = cli_parse_number(v)) == 0)
				return cli_usage(_("--session takes a session "
				    "number, not '%s'"), v);
		} else if (missing)
			return cli_usage(_("%s needs a value"), argv[i]);
		else
			return cli_usage(_("unexpected %s; %s"), argv[i],
			    INVOICES_USAGE);
	}
	la.cli = cli;
	la.t = table_new(stdout, cli->format, cols, 8);
	rc = store_invoice_each(cli_store(cli), session, invoices_list_row,
	    &la);
	table_end(la.t);
	if (rc != 0) {
		cli_error("%s", _("cannot list the invoices"));
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int
invoices_show_id(const struct invoice_row *r, void *arg)
{
	*(long long *)arg = r->id;
	return 0;
}

static int
invoices_show_line(const struct invoice_line_row *r, void *arg)
{
	struct inv_list_arg *la = arg;
	char qty[24], unit[48], amount[48], img[32];
	const char *vals[6];

	snprintf(qty, sizeof qty, "%lld", r->quantity);
	inv_money_out(la->cli, r->unit_cents, unit, sizeof unit);
	inv_money_out(la->cli, r->amount_cents, amount, sizeof amount);
	snprintf(img, sizeof img, "%lld", r->image_id);
	vals[0] = r->item;
	vals[1] = r->description;
	vals[2] = qty;
	vals[3] = unit;
	vals[4] = amount;
	vals[5] = r->image != NULL ? r->image : r->image_id > 0 ? img : NULL;
	table_row(la->t, vals);
	return 0;
}

static int
invoices_show(struct cli *cli, int argc, char **argv)
{
	static const struct out_col cols[] = {
		{ "item", OUT_STR }, { "description", OUT_STR },
		{ "quantity", OUT_INT }, { "unit_price", OUT_INT },
		{ "amount", OUT_INT }, { "image", OUT_STR }
	};
	struct inv_list_arg la;
	long long id = 0;
	int r;

	if (argc != 2)
		return cli_usage("%s", _("invoices show NUMBER"));
	if ((r = store_invoice_get(cli_store(cli), argv[1], invoices_show_id,
	    &id)) != 1) {
		if (r == 0)
			cli_error(_("no invoice %s"), argv[1]);
		else
			cli_error(_("cannot read invoice %s"), argv[1]);
		return CLI_FAILED;
	}
	la.cli = cli;
	la.t = table_new(stdout, cli->format, cols, 6);
	r = store_invoice_lines(cli->st, id, invoices_show_line, &la);
	table_end(la.t);
	if (r != 0) {
		cli_error(_("cannot read invoice %s"), argv[1]);
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int
invoices_add(struct cli *cli, int argc, char **argv)
{
	struct invoice_spec *sp;
	long long session = 0, total = 0;
	char *cause = NULL, *number = NULL, money[48];
	const char *v;
	size_t n = 0, k;
	int i, missing = 0, rc = CLI_FAILED;

	sp = xcalloc((size_t)argc + 1, sizeof *sp);
	for (i = 1; i < argc; i++) {
		if ((v = cli_optval(argc, argv, &i, "--session",
		    &missing)) != NULL) {
			if ((session = cli_parse_number(v)) == 0) {
				rc = cli_usage(_("--session takes a session "
				    "number, not '%s'"), v);
				goto out;
			}
		} else if (missing) {
			rc = cli_usage(_("%s needs a value"), argv[i]);
			goto out;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			rc = cli_usage(_("unknown option %s; %s"), argv[i],
			    INVOICES_USAGE);
			goto out;
		} else if (invoice_spec_parse(cli_store(cli), argv[i],
		    &sp[n], &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
			rc = CLI_USAGE;
			goto out;
		} else
			n++;
	}
	if (session == 0 || n == 0) {
		rc = cli_usage("%s", _("invoices add --session NUMBER "
		    "ITEM[xQTY][@IMAGE]..."));
		goto out;
	}
	if (invoice_add(cli_store(cli), session, sp, n, &number, &total,
	    &cause) != 0) {
		cli_error(_("%s; no invoice made"), cause);
		free(cause);
		goto out;
	}
	money_format(total, NULL, NULL, NULL, money, sizeof money);
	if (cli->format_given) {
		static const struct out_col cols[] = { { "number", OUT_STR },
		    { "session", OUT_INT }, { "total", OUT_INT } };
		struct table *t = table_new(stdout, cli->format, cols, 3);
		char sess[24], tot[48];
		const char *vals[3];

		snprintf(sess, sizeof sess, "%lld", session);
		inv_money_out(cli, total, tot, sizeof tot);
		vals[0] = number;
		vals[1] = sess;
		vals[2] = tot;
		table_row(t, vals);
		table_end(t);
	} else
		printf("%s\n", number);
	fprintf(stderr, _("invoice %s for session %lld: %zu items, %s\n"),
	    number, session, n, money);
	rc = CLI_OK;
out:
	for (k = 0; k < n; k++)
		invoice_spec_clear(&sp[k]);
	free(sp);
	free(number);
	return rc;
}

int
cmd_invoices(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("%s", INVOICES_USAGE);
	if (strcmp(argv[1], "import") == 0)
		return invoices_import(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return invoices_list(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "show") == 0)
		return invoices_show(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "add") == 0)
		return invoices_add(cli, argc - 1, argv + 1);
	return cli_usage(_("unknown invoices command '%s'; %s"), argv[1],
	    INVOICES_USAGE);
}
