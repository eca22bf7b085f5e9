/*
 * picday: entry point.  Sets up the locale and hands argv to the CLI, which
 * opens the TUI when there is no command word: main.c is the one file that
 * knows both faces (cli/ and tui/ never include each other).
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "media/vips.h"
#include "tui/loop.h"
#include "util/i18n.h"

int
main(int argc, char **argv)
{
	const char *localedir = getenv("PICDAY_LOCALEDIR");

	setlocale(LC_ALL, "");
	/* Numbers are read and written with a point in every locale: price
	 * lists, order files, print sizes and machine output are exchanged
	 * with shops and labs, and a German LC_NUMERIC would make strtod()
	 * stop at "2.5" and printf() write "2,5".  Money is shown in the
	 * studio's own format (settings money.*). */
	setlocale(LC_NUMERIC, "C");
	/* PICDAY_LOCALEDIR: catalogues of an uninstalled build (tests). */
	bindtextdomain(PACKAGE, localedir != NULL && *localedir != '\0' ?
	    localedir : LOCALEDIR);
	textdomain(PACKAGE);
	media_vips_environ();
	return cli_main(argc, argv, tui_main);
}
