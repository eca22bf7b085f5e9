/*
 * tui/help: the `?` screen of a hub (help.c): its keys from the table of
 * tui/keys.h, in a scrollable modal layer.  UI thread only.
 */
#ifndef PICDAY_TUI_HELP_H
#define PICDAY_TUI_HELP_H

struct hub;

void	help_open(struct hub *);

#endif
