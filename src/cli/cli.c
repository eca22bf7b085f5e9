/* cli: global options, the command table, --help and --version. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/db.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

struct command {
	const char	*name;
	int		(*fn)(struct cli *, int, char **);
	const char	*usage;
};

/* L10N: the one-line synopses of `picday --help`; keep the option names. */
static const struct command commands[] = {
	{ "demo", cmd_demo, N_("demo [--students N] [--date YYYY-MM-DD] "
	    "[--seed N] [--no-card]") },
	{ "org", cmd_org, N_("org add NAME [--code CODE] | org list") },
	{ "clients", cmd_clients, N_("clients import FILE [--org NAME] "
	    "[--map COLUMN=FIELD]... [--dry-run]\n"
	    "         clients list [--org NAME]\n"
	    "         clients set ID [--role student|teacher|staff] "
	    "[--title TEXT] [--priority N|none]") },
	{ "sessions", cmd_sessions, N_("sessions schedule --org NAME --date "
	    "YYYY-MM-DD --from HH:MM --to HH:MM --minutes N\n"
	    "             [--to-date YYYY-MM-DD] [--skip-weekends] [--gap N] "
	    "[--break HH:MM-HH:MM]\n"
	    "             [--per-slot K] [--type NAME] [--grade G] "
	    "[--teacher T] [--dry-run]\n"
	    "         sessions reschedule NUMBER --date YYYY-MM-DD --time HH:MM\n"
	    "         sessions list [--org NAME] [--status S] [--columns C,...]\n"
	    "         sessions advance [--to STATUS] NUMBER...|--org NAME\n"
	    "         sessions history NUMBER\n"
	    "         sessions export [--preset entagged|all | --columns C,...] "
	    "[--org NAME]\n"
	    "             [--status S] [--queue] -o FILE.csv|FILE.xlsx\n"
	    "         sessions mail [--org NAME] [NUMBER...] "
	    "[--template schedule|delivery]\n"
	    "             [--dry-run] [--resend] [--queue]") },
	{ "qr-sheets", cmd_qr_sheets, N_("qr-sheets [--org NAME] [--status S] "
	    "[--per-page 1|2|4|6|8] [--queue] [NUMBER...] -o FILE.pdf") },
	{ "images", cmd_images, N_("images import DIR --by qr|metadata|"
	    "session=NUMBER [--field F] [--dry-run]\n"
	    "         images list --session NUMBER\n"
	    "         images select ID... [--unset]\n"
	    "         images composite ID... [--unset]\n"
	    "         images group NAME ID... [--remove]\n"
	    "         images crop ID X,Y,W,H|--unset") },
	{ "export", cmd_export, N_("export pspa --org NAME -o DIR "
	    "[--size 640x800|320x400] [--queue]\n"
	    "         export sis --org NAME --system powerschool|"
	    "infinite-campus -o FILE.zip\n"
	    "             [--split SIZE] [--queue]") },
	{ "composite", cmd_composite, N_("composite --org NAME "
	    "[--by teacher|grade|staff] [--page 8x10|10x13] -o FILE.pdf "
	    "[--queue]") },
	{ "jobs", cmd_jobs, N_("jobs list | run [--wait] | retry ID | "
	    "cancel ID | add preview") },
	{ "setup", cmd_setup, N_("setup list | get KEY | set KEY VALUE | "
	    "secret KEY [--unset]") },
	{ "worker", cmd_worker, N_("worker [--threads N]") },
	{ "pricelist", cmd_pricelist, N_("pricelist import FILE [--name NAME] "
	    "[--dry-run] | pricelist list") },
	{ "invoices", cmd_invoices, N_("invoices import FILE|URL "
	    "[--shape invoice|line] [--map COLUMN=FIELD]...\n"
	    "             [--template NAME] [--cacert FILE] [--dry-run]\n"
	    "         invoices list [--session NUMBER]\n"
	    "         invoices show NUMBER\n"
	    "         invoices add --session NUMBER ITEM[xQTY][@IMAGE]...") },
	{ "upload", cmd_upload, N_("upload [--session NUMBER...] [--queue]\n"
	    "         upload target URL [--user NAME] [--identity KEYFILE] "
	    "[--known-hosts FILE]\n"
	    "             [--cacert FILE] [--parallel N] [--limit-rate RATE] "
	    "[--endpoint URL] [--region R] [--test]\n"
	    "         upload list [--session NUMBER]") },
	{ "production", cmd_production, N_("production create "
	    "[--invoice NUMBER...]\n"
	    "         production list\n"
	    "         production render [--order N...|--all] [-o DIR] "
	    "[--again] [--queue]\n"
	    "         production ship N...\n"
	    "         production contact --org NAME -o FILE.pdf [--queue]") },
	{ "grant", cmd_grant, N_("grant add --session NUMBER|--type NAME|"
	    "--item CODE\n"
	    "             --style all|ordered|selected|non-composite|"
	    "group:NAME|single\n"
	    "             [--long-side PX] [--watermark] [--release]\n"
	    "         grant list\n"
	    "         grant remove ID") },
	{ "delivery", cmd_delivery, N_("delivery build --session NUMBER "
	    "[-o DIR] [--zip] [--queue]\n"
	    "         delivery publish --session NUMBER [--zip] "
	    "[--new-token] [--expires DURATION]") },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_verror(fmt, ap);
	va_end(ap);
}

int
cli_usage(const char *fmt, ...)
{
	va_list ap;

	fputs(_("picday: usage: "), stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_USAGE;
}

const char *
cli_optval(int argc, char **argv, int *i, const char *opt, int *missing)
{
	size_t n = strlen(opt);

	if (strncmp(argv[*i], opt, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

long long
cli_parse_number(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 && errno == 0 ? v : 0;
}

struct store *
cli_store(struct cli *cli)
{
	if (cli->st == NULL &&
	    (cli->st = store_open_report(cli->studio_dir)) == NULL)
		exit(CLI_FAILED);
	return cli->st;
}

static void
cli_help(FILE *f)
{
	size_t i;

	fprintf(f, _("usage: picday [--studio DIR] [COMMAND [ARGS]]\n\n"
	    "Without a command, picday opens the studio in the terminal "
	    "interface.\n\nCommands:\n"));
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  picday %s\n", _(commands[i].usage));
	fprintf(f, _("\nOptions for every command:\n"
	    "  --studio DIR     the studio folder (default $PICDAY_STUDIO, "
	    "else\n                   $XDG_DATA_HOME/picday)\n"
	    "  --format F       machine output: csv, tsv, json or text\n"
	    "  -h, --help       this help\n"
	    "  -V, --version    the version\n\n"
	    "Exit status: 0 success, 1 the operation failed, 2 usage error.\n"
	    "See picday(1).\n"));
}

/* True when a command's arguments ask for its help (before any "--"). */
static int
cli_wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

/* Takes --studio and --format out of argv, wherever they stand before
 * "--"; returns the new argc, or -1 after a usage error. */
static int
cli_take_globals(struct cli *cli, int argc, char **argv, const char **studio)
{
	int i, j = 1;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *val = NULL;
		int is_studio = 0, is_format = 0;

		if (strcmp(a, "--") == 0) {
			while (i < argc)
				argv[j++] = argv[i++];
			break;
		}
		if (strcmp(a, "--studio") == 0 || strcmp(a, "--format") == 0) {
			if (i + 1 >= argc) {
				cli_usage(_("%s needs a value"), a);
				return -1;
			}
			is_studio = a[2] == 's';
			is_format = !is_studio;
			val = argv[++i];
		} else if (strncmp(a, "--studio=", 9) == 0) {
			is_studio = 1;
			val = a + 9;
		} else if (strncmp(a, "--format=", 9) == 0) {
			is_format = 1;
			val = a + 9;
		}
		if (is_studio)
			*studio = val;
		else if (is_format) {
			if (out_parse_format(val, &cli->format) != 0) {
				cli_usage(_("--format takes csv, tsv, json or "
				    "text, not '%s'"), val);
				return -1;
			}
			cli->format_given = 1;
		} else
			argv[j++] = argv[i];
	}
	argv[j] = NULL;
	return j;
}

int
cli_main(int argc, char **argv, int (*no_command)(const char *studio_dir))
{
	struct cli cli;
	const char *studio = NULL;
	size_t i;
	int rc;

	memset(&cli, 0, sizeof cli);
	cli.format = OUT_TEXT;
	if ((argc = cli_take_globals(&cli, argc, argv, &studio)) < 0)
		return CLI_USAGE;
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0)) {
		cli_help(stdout);
		return CLI_OK;
	}
	if (argc > 1 && (strcmp(argv[1], "--version") == 0 ||
	    strcmp(argv[1], "-V") == 0)) {
		printf("picday %s\n", PACKAGE_VERSION);
		return CLI_OK;
	}
	cli.studio_dir = path_studio_dir(studio);

	if (argc < 2) {
		rc = no_command(cli.studio_dir);
		goto out;
	}
	if (argv[1][0] == '-') {
		cli_help(stderr);
		rc = cli_usage(_("unknown option %s"), argv[1]);
		goto out;
	}
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			break;
	if (i == NCOMMANDS) {
		rc = cli_usage(_("unknown command '%s' (see picday --help)"),
		    argv[1]);
		goto out;
	}
	if (cli_wants_help(argc - 1, argv + 1)) {
		printf(_("usage:\n  picday %s\n(every command also takes "
		    "--studio DIR and --format csv|tsv|json|text)\n"),
		    _(commands[i].usage));
		rc = CLI_OK;
		goto out;
	}
	rc = commands[i].fn(&cli, argc - 1, argv + 1);
out:
	store_close(cli.st);
	free(cli.studio_dir);
	return rc;
}
