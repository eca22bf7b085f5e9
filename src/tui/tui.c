/* Placeholder until the TUI is built. */
#include "config.h"
#include "cli/cli.h"
#include "util/i18n.h"

int
tui_main(struct cli *cli)
{
	cli_error(_("the terminal interface is not built yet"));
	return CLI_FAILED;
}
