/* tui/keys: lookups in the key table of keys.h. */
#include "config.h"

#include "tui/keys.h"

static const struct keys_row {
	enum tui_action	 act;
	enum tui_scope	 scope;
	int		 key[3];
	const char	*label;
	const char	*help;
} keys_rows[] = {
#define TUI_KEY_ROW(a, s, k1, k2, k3, label, help) \
	{ ACT_##a, SCOPE_##s, { k1, k2, k3 }, label, help },
	TUI_KEYS(TUI_KEY_ROW)
#undef TUI_KEY_ROW
};
#define NROWS (sizeof keys_rows / sizeof keys_rows[0])

enum tui_action
keys_action(int key, enum tui_scope scope)
{
	size_t i;
	int j;

	if (key == 0)
		return ACT_NONE;
	for (i = 0; i < NROWS; i++) {
		if (keys_rows[i].scope != scope)
			continue;
		for (j = 0; j < 3; j++)
			if (keys_rows[i].key[j] == key)
				return keys_rows[i].act;
	}
	return ACT_NONE;
}

void
keys_foreach(enum tui_scope scope, void (*fn)(const char *, const char *,
    void *), void *arg)
{
	size_t i;

	for (i = 0; i < NROWS; i++)
		if (keys_rows[i].scope == scope)
			fn(keys_rows[i].label, _(keys_rows[i].help), arg);
}
