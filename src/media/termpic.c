/*
 * media/termpic: image file -> grid of chafa symbols.  See termpic.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <chafa.h>
#include <vips/vips.h>
#include "media/vipsdl.h"

#include "media/termpic.h"
#include "media/vips.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Pixels per cell asked of libvips: chafa looks at 8x8 per symbol, and a
 * cell is about twice as high as wide. */
#define TERMPIC_PX_W	8
#define TERMPIC_PX_H	16

/* The picture as packed 8-bit sRGB, 3 bands. */
static int
termpic_load(const char *path, int rot, int max_w, int max_h,
    VipsImage **out, char **cause)
{
	VipsImage *t = NULL, *u = NULL;
	int turned = rot % 180 != 0;

	if (media_vips_init(cause) != 0)
		return -1;
	/* vips_thumbnail shrinks on load and turns by EXIF orientation. */
	if (vips_thumbnail(path, &t, turned ? max_h * TERMPIC_PX_H :
	    max_w * TERMPIC_PX_W, "height", turned ? max_w * TERMPIC_PX_W :
	    max_h * TERMPIC_PX_H, NULL) != 0)
		goto fail;
	if (rot % 360 != 0) {
		if (vips_rot(t, &u, rot == 90 ? VIPS_ANGLE_D90 : rot == 180 ?
		    VIPS_ANGLE_D180 : VIPS_ANGLE_D270, NULL) != 0)
			goto fail;
		g_object_unref(t);
		t = u;
		u = NULL;
	}
	if (vips_image_hasalpha(t)) {
		if (vips_flatten(t, &u, NULL) != 0)
			goto fail;
		g_object_unref(t);
		t = u;
		u = NULL;
	}
	if (vips_colourspace(t, &u, VIPS_INTERPRETATION_sRGB, NULL) != 0)
		goto fail;
	g_object_unref(t);
	t = u;
	u = NULL;
	if (vips_cast_uchar(t, &u, NULL) != 0)
		goto fail;
	g_object_unref(t);
	if (u->Bands != 3) {
		g_object_unref(u);
		*cause = xasprintf(_("%s: not an RGB picture"), path);
		return -1;
	}
	*out = u;
	return 0;

fail:
	if (t != NULL)
		g_object_unref(t);
	{
		char *e = media_vips_error();

		*cause = xasprintf("%s: %s", path, e);
		free(e);
	}
	return -1;
}

static ChafaCanvasMode
termpic_mode(enum termpic_colours c)
{
	switch (c) {
	case TERMPIC_256:
		return CHAFA_CANVAS_MODE_INDEXED_240;
	case TERMPIC_16:
		return CHAFA_CANVAS_MODE_INDEXED_16;
	case TERMPIC_8:
		return CHAFA_CANVAS_MODE_INDEXED_8;
	default:
		return CHAFA_CANVAS_MODE_FGBG;
	}
}

int
termpic_make(const char *path, int max_w, int max_h,
    enum termpic_colours colours, struct termpic *tp, char **cause)
{
	return termpic_make_turned(path, 0, max_w, max_h, colours, tp, cause);
}

int
termpic_make_turned(const char *path, int rot, int max_w, int max_h,
    enum termpic_colours colours, struct termpic *tp, char **cause)
{
	VipsImage *im = NULL;
	ChafaSymbolMap *sm;
	ChafaCanvasConfig *cfg;
	ChafaCanvas *cv;
	void *px;
	size_t len;
	int w = max_w, h = max_h, x, y, fg, bg;

	memset(tp, 0, sizeof *tp);
	if (max_w < 1 || max_h < 1) {
		*cause = xstrdup(_("no room for a picture"));
		return -1;
	}
	if (termpic_load(path, rot, max_w, max_h, &im, cause) != 0)
		return -1;
	if ((px = vips_image_write_to_memory(im, &len)) == NULL) {
		char *e = media_vips_error();

		*cause = xasprintf("%s: %s", path, e);
		free(e);
		g_object_unref(im);
		return -1;
	}
	chafa_calc_canvas_geometry(im->Xsize, im->Ysize, &w, &h, 0.5f, FALSE,
	    FALSE);
	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;

	sm = chafa_symbol_map_new();
	/* Half blocks and quadrants: an order of magnitude quicker than the
	 * whole block and border sets (~5 ms against ~50 ms for 36x12 cells
	 * on the build machine), and in every terminal font. */
	chafa_symbol_map_add_by_tags(sm, CHAFA_SYMBOL_TAG_HALF |
	    CHAFA_SYMBOL_TAG_QUAD | CHAFA_SYMBOL_TAG_SPACE);
	cfg = chafa_canvas_config_new();
	chafa_canvas_config_set_geometry(cfg, w, h);
	chafa_canvas_config_set_canvas_mode(cfg, termpic_mode(colours));
	chafa_canvas_config_set_pixel_mode(cfg, CHAFA_PIXEL_MODE_SYMBOLS);
	chafa_canvas_config_set_symbol_map(cfg, sm);
	chafa_canvas_config_set_work_factor(cfg, 0.5f);
	cv = chafa_canvas_new(cfg);
	chafa_canvas_draw_all_pixels(cv, CHAFA_PIXEL_RGB8, px, im->Xsize,
	    im->Ysize, im->Xsize * 3);

	tp->w = w;
	tp->h = h;
	tp->cells = xcalloc((size_t)w * h, sizeof *tp->cells);
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			struct termpic_cell *c = &tp->cells[y * w + x];

			c->ch = chafa_canvas_get_char_at(cv, x, y);
			fg = bg = -1;
			if (colours != TERMPIC_MONO)
				chafa_canvas_get_raw_colors_at(cv, x, y, &fg,
				    &bg);
			/* Past 255: chafa's "terminal default" indices. */
			c->fg = fg >= 0 && fg < 256 ? fg : -1;
			c->bg = bg >= 0 && bg < 256 ? bg : -1;
		}
	chafa_canvas_unref(cv);
	chafa_canvas_config_unref(cfg);
	chafa_symbol_map_unref(sm);
	g_free(px);
	g_object_unref(im);
	return 0;
}

void
termpic_free(struct termpic *tp)
{
	free(tp->cells);
	memset(tp, 0, sizeof *tp);
}
