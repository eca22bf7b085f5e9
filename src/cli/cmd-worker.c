/* Placeholder until this command is built. */
#include "config.h"
#include "cli/cli.h"
#include "util/i18n.h"

int
cmd_worker(struct cli *cli, int argc, char **argv)
{
	cli_error(_("%s: not built yet"), argv[0]);
	return CLI_FAILED;
}
