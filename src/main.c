/* picday: entry point.  Sets up the locale and hands argv to the CLI. */
#include "config.h"

#include <locale.h>

#include "cli/cli.h"
#include "util/i18n.h"

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
	return cli_main(argc, argv);
}
