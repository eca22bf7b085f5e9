/*
 * cli: the command-line face (DESIGN §4).  argv in, exit code out:
 * 0 success, 1 the operation failed (one line per problem on stderr),
 * 2 usage error.  Machine output goes to stdout, messages to stderr.
 *
 * cli_main() takes --studio DIR and --format F wherever they stand before
 * "--", then dispatches on the command word to one cmd_*() per file
 * (src/cli/cmd-*.c).  No SQL here: commands call core/, store/ and jobs/.
 */
#ifndef PICDAY_CLI_CLI_H
#define PICDAY_CLI_CLI_H

#include <stdio.h>

#include "cli/output.h"
#include "util/report.h"

struct store;

struct cli {
	char		*studio_dir;	/* resolved studio folder (owned) */
	struct store	*st;		/* opened by cli_store(), owned */
	enum out_format	 format;	/* --format, OUT_TEXT if not given */
	int		 format_given;
};

/* The exit codes (util/report.h, shared with the TUI). */
#define CLI_OK		PICDAY_EXIT_OK
#define CLI_FAILED	PICDAY_EXIT_FAILED
#define CLI_USAGE	PICDAY_EXIT_USAGE

/* Runs the command of argv and returns the exit code.  With no command
 * word, returns no_command(studio folder): src/main.c passes the TUI's
 * tui_main(), so the CLI never knows the TUI. */
int		 cli_main(int argc, char **argv,
		    int (*no_command)(const char *studio_dir));
/* The studio, opened on first use; on failure prints why and exits 1. */
struct store	*cli_store(struct cli *);
/* Prints "picday: usage: ..." to stderr and returns CLI_USAGE. */
int		 cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "picday: ..." to stderr (one line). */
void		 cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A positive decimal number (a session number, an id); 0 if s is not one. */
long long	 cli_parse_number(const char *s);
/* For commands that read their words in order: the value of "--opt VALUE"
 * or "--opt=VALUE" at argv[*i] (*i moves past it), or NULL when argv[*i]
 * is not opt, or is opt with no value left (*missing set). */
const char	*cli_optval(int argc, char **argv, int *i, const char *opt,
		    int *missing);

/* One function per command word; argv[0] is the command word. */
int	cmd_org(struct cli *, int, char **);
int	cmd_clients(struct cli *, int, char **);
int	cmd_sessions(struct cli *, int, char **);
int	cmd_qr_sheets(struct cli *, int, char **);
int	cmd_images(struct cli *, int, char **);
int	cmd_jobs(struct cli *, int, char **);
int	cmd_worker(struct cli *, int, char **);
int	cmd_demo(struct cli *, int, char **);
int	cmd_setup(struct cli *, int, char **);
int	cmd_pricelist(struct cli *, int, char **);
int	cmd_invoices(struct cli *, int, char **);
int	cmd_export(struct cli *, int, char **);
int	cmd_composite(struct cli *, int, char **);
int	cmd_upload(struct cli *, int, char **);
int	cmd_production(struct cli *, int, char **);
int	cmd_grant(struct cli *, int, char **);
int	cmd_delivery(struct cli *, int, char **);
/* `images select|composite|group ...` (cli/cmd-grant.c). */
int	cli_images_mark(struct cli *, int, char **);

#endif
