/*
 * tui/help: the `?` / F1 screen.  It lists the keys of the current hub,
 * then the list keys, the global keys and the form keys, all read from the
 * one key table (tui/keys.h), so it never disagrees with what keys do.
 */
#include "config.h"

#include <stdlib.h>

#include "tui/help.h"
#include "tui/list.h"
#include "tui/tui.h"
#include "util/utf8.h"
#include "util/xalloc.h"

struct help {
	struct tui_layer	 layer;
	char			**lines;
	int			 n, top;
};

static void
help_add(struct help *hp, char *line)
{
	hp->lines = xreallocarray(hp->lines, hp->n + 1, sizeof *hp->lines);
	hp->lines[hp->n++] = line;
}

static void
help_row(const char *label, const char *text, void *arg)
{
	char key[32];

	utf8_fit(key, sizeof key, label, 10, 1);
	help_add(arg, xasprintf("  %s %s", key, text));
}

static void
help_section(struct help *hp, const char *title, enum tui_scope scope)
{
	help_add(hp, xstrdup(""));
	help_add(hp, xasprintf("%s", title));
	keys_foreach(scope, help_row, hp);
}

static void
help_draw(struct tui_layer *tl)
{
	struct help *hp = (struct help *)tl;
	int h = LINES - 2, w = COLS - 4, i, y;

	tui_box(1, 2, h, w, _("Keys — Esc or q closes, ↑/↓ PgUp/PgDn scroll"));
	for (i = 0; i < h - 2; i++) {
		y = 2 + i;
		if (hp->top + i >= hp->n)
			break;
		tui_put(y, 4, w - 4, hp->lines[hp->top + i][0] != ' ' ?
		    ROLE_HEADER : ROLE_NORMAL, hp->lines[hp->top + i]);
	}
	curs_set(0);
}

static void
help_free(struct tui_layer *tl)
{
	struct help *hp = (struct help *)tl;
	int i;

	for (i = 0; i < hp->n; i++)
		free(hp->lines[i]);
	free(hp->lines);
	free(hp);
}

static int
help_key(struct tui_layer *tl, int key)
{
	struct help *hp = (struct help *)tl;
	int page = LINES - 4, max = hp->n - page;

	switch (key) {
	case 'q': case TUI_ESC: case '?': case KEY_F(1): case '\n': case '\r':
		tui_pop();
		return TUI_HANDLED;
	case KEY_DOWN: case 'j':
		hp->top++;
		break;
	case KEY_UP: case 'k':
		hp->top--;
		break;
	case KEY_NPAGE: case ' ':
		hp->top += page;
		break;
	case KEY_PPAGE:
		hp->top -= page;
		break;
	}
	if (hp->top > max)
		hp->top = max;
	if (hp->top < 0)
		hp->top = 0;
	tui_dirty(TUI_DIRTY_LAYERS);
	return TUI_HANDLED;
}

void
help_open(struct hub *h)
{
	struct help *hp = xcalloc(1, sizeof *hp);

	hp->layer.draw = help_draw;
	hp->layer.key = help_key;
	hp->layer.free = help_free;
	help_add(hp, xasprintf("%s: %s", _(h->name), _(h->help)));
	if (h->scope != SCOPE_GLOBAL)
		help_section(hp, _(h->name), h->scope);
	if (h->list != NULL && h->list(h) != NULL)
		help_section(hp, _("In the list"), SCOPE_LIST);
	help_section(hp, _("Everywhere"), SCOPE_GLOBAL);
	help_section(hp, _("In forms, dialogs and wizards"), SCOPE_FORM);
	tui_push(&hp->layer);
}
