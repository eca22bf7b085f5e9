/*
 * tui/detail: the detail pane of a hub (detail.c): label/value pairs of
 * one row in one or two columns, read by id.  UI thread only.
 */
#ifndef PICDAY_TUI_DETAIL_H
#define PICDAY_TUI_DETAIL_H

#include "store/lists.h"

void	tui_detail(enum lists_kind, long long id, int y, int h, int w);

#endif
