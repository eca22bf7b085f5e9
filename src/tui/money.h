/*
 * tui/money: amounts of money as people read them on screen, in the
 * studio's currency format (Setup: money.symbol, money.position,
 * money.thousands, money.decimal; "$", before, ",", "." by default), never
 * as raw cents.
 * UI thread only.
 */
#ifndef PICDAY_TUI_MONEY_H
#define PICDAY_TUI_MONEY_H

#include <stddef.h>

/* "$1,234.50" for 123450. */
void	tui_money(long long cents, char *buf, size_t size);
/* Reads the format again (after Setup changed it). */
void	tui_money_reload(void);

#endif
