/* tui/money: money in the studio's currency format (money.h). */
#include "config.h"

#include <stdlib.h>

#include "core/money.h"
#include "store/db.h"
#include "tui/money.h"
#include "tui/tui.h"

static char	*money_symbol, *money_position, *money_thousands, *money_decimal;
static int	 money_loaded;

void
tui_money_reload(void)
{
	free(money_symbol);
	free(money_position);
	free(money_thousands);
	free(money_decimal);
	money_symbol = store_pref_get(tui_store(), "money.symbol");
	money_position = store_pref_get(tui_store(), "money.position");
	money_thousands = store_pref_get(tui_store(), "money.thousands");
	money_decimal = store_pref_get(tui_store(), "money.decimal");
	money_loaded = 1;
}

void
tui_money(long long cents, char *buf, size_t size)
{
	struct money_style ms;

	if (!money_loaded)
		tui_money_reload();
	ms.symbol = money_symbol;
	ms.position = money_position;
	ms.thousands = money_thousands;
	ms.decimal = money_decimal;
	money_format_style(cents, &ms, buf, size);
}
