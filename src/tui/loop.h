/*
 * tui/loop: the terminal interface as a whole (loop.c), its entry point.
 *
 * tui_main() opens the studio at studio_dir (or says why on stderr),
 * starts the worker pool and runs the hubs until the operator quits.
 * Returns the exit code of util/report.h: 0, 1 the studio could not be
 * opened, 2 stdin or stdout is not a terminal.  src/main.c gives it to
 * cli_main() as what runs when there is no command word.
 */
#ifndef PICDAY_TUI_LOOP_H
#define PICDAY_TUI_LOOP_H

int	tui_main(const char *studio_dir);

#endif
