/* tui/picture: a studio image as chafa symbols in a box (picture.h). */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "media/termpic.h"
#include "store/db.h"
#include "tui/picture.h"
#include "tui/tui.h"
#include "util/xalloc.h"

#define PICTURE_PAIR_FIRST	ROLE_NROLES

struct tui_picture {
	struct termpic	 pic;
	long long	 id;
	int		 w, h, rot;
	char		*error;
	short		*pairs;
	int		 npairs;
};

struct tui_picture *
tui_picture_new(void)
{
	return xcalloc(1, sizeof(struct tui_picture));
}

void
tui_picture_free(struct tui_picture *tp)
{
	if (tp == NULL)
		return;
	termpic_free(&tp->pic);
	free(tp->error);
	free(tp->pairs);
	free(tp);
}

static enum termpic_colours
picture_colours(void)
{
	const char *nc = getenv("NO_COLOR");

	if (!has_colors() || (nc != NULL && *nc != '\0'))
		return TERMPIC_MONO;
	if (COLORS >= 256)
		return TERMPIC_256;
	return COLORS >= 16 ? TERMPIC_16 : TERMPIC_8;
}

static short
picture_pair(struct tui_picture *tp, short fg, short bg)
{
	int key = (fg + 1) * 257 + bg + 1, max;

	if (tp->pairs == NULL)
		tp->pairs = xcalloc(257 * 257, sizeof *tp->pairs);
	if (tp->pairs[key] != 0)
		return tp->pairs[key];
	max = COLOR_PAIRS < 32767 ? COLOR_PAIRS : 32767;
	if (PICTURE_PAIR_FIRST + tp->npairs >= max)
		return 0;
	tp->pairs[key] = (short)(PICTURE_PAIR_FIRST + tp->npairs++);
	init_pair(tp->pairs[key], fg, bg);
	return tp->pairs[key];
}

void
tui_picture_draw(struct tui_picture *tp, long long id, const char *path,
    int y, int x, int h, int w)
{
	int at[4];

	tui_picture_draw_turned(tp, id, path, 0, y, x, h, w, at);
}

void
tui_picture_draw_turned(struct tui_picture *tp, long long id,
    const char *path, int rot, int y, int x, int h, int w, int at[4])
{
	enum termpic_colours colours = picture_colours();
	const struct termpic *p = &tp->pic;
	int r, c, x0, y0;
	cchar_t cc;
	wchar_t wc[2];

	memset(at, 0, 4 * sizeof *at);
	if (w < 2 || h < 1)
		return;
	if (tp->id != id || tp->w != w || tp->h != h || tp->rot != rot) {
		char *full = store_path(tui_store(), path);

		termpic_free(&tp->pic);
		free(tp->error);
		tp->error = NULL;
		tp->id = id;
		tp->w = w;
		tp->h = h;
		tp->rot = rot;
		if (termpic_make_turned(full, rot, w, h, colours, &tp->pic,
		    &tp->error) != 0)
			termpic_free(&tp->pic);
		free(full);
	}
	if (tp->error != NULL) {
		tui_put(y, x, w, ROLE_ERROR, tp->error);
		return;
	}
	if (tp->pairs != NULL && tp->npairs > 0) {
		memset(tp->pairs, 0, 257 * 257 * sizeof *tp->pairs);
		tp->npairs = 0;
	}
	x0 = x + (w - p->w) / 2;
	y0 = y + (h - p->h) / 2;
	at[0] = y0;
	at[1] = x0;
	at[2] = p->h;
	at[3] = p->w;
	for (r = 0; r < p->h; r++)
		for (c = 0; c < p->w; c++) {
			const struct termpic_cell *cell = &p->cells[r * p->w + c];
			short pair = 0;

			wc[0] = cell->ch != 0 ? (wchar_t)cell->ch : L' ';
			wc[1] = L'\0';
			if (colours != TERMPIC_MONO)
				pair = picture_pair(tp, cell->fg, cell->bg);
			setcchar(&cc, wc, A_NORMAL, pair, NULL);
			mvadd_wch(y0 + r, x0 + c, &cc);
		}
}
