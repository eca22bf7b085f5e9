/*
 * tui/crop-editor: the crop of a print, set on the picture (Production
 * hub, c).  It shows the picture of one print of the order (chafa symbols,
 * tui/picture) with the rectangle the print keeps, always of the print's
 * aspect in the picture's orientation: arrows or h j k l move it, + and -
 * zoom, r turns the picture a quarter clockwise (the rectangle centred
 * again), Tab goes to the next print of the order, Enter saves the crop of
 * the image (store_image_crop_set: normalised, with the turn), Esc leaves
 * it as it was.  The crop belongs to the image: every print of it follows
 * at its next render (R).  UI thread only.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "media/render.h"
#include "store/db.h"
#include "store/production.h"
#include "tui/crop.h"
#include "tui/picture.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define CROP_STEP	0.02	/* a move, of the picture's side */
#define CROP_ZOOM	1.1
#define CROP_ZOOM_MAX	10.0

struct crop_print {
	long long	 image_id;
	char		*path, *code;
	double		 w_in, h_in;
	int		 has_crop, rot;
	double		 crop[4];
};

struct crop_editor {
	struct tui_layer	 layer;
	long long		 order;
	struct crop_print	*v;
	int			 n, cur;
	struct tui_picture	*pic;
	/* The edit of the print on show: the turn, the picture's aspect
	 * (width / height, turned), the zoom and the rectangle's centre
	 * (0-1 of the turned picture). */
	int			 rot;
	double			 aspect, zoom, cx, cy;
	char			*error;
};

static int
crop_collect(const struct production_item_row *r, void *arg)
{
	struct crop_editor *ce = arg;
	struct crop_print *p;

	if (r->image_id <= 0 || r->image_path == NULL || r->width_in <= 0 ||
	    r->height_in <= 0)
		return 0;
	ce->v = xreallocarray(ce->v, ce->n + 1, sizeof *ce->v);
	p = &ce->v[ce->n++];
	memset(p, 0, sizeof *p);
	p->image_id = r->image_id;
	p->path = xstrdup(r->image_path);
	p->code = xstrdup(r->code != NULL ? r->code : "");
	p->w_in = r->width_in;
	p->h_in = r->height_in;
	p->has_crop = r->has_crop;
	p->rot = r->crop_rot;
	memcpy(p->crop, r->crop, sizeof p->crop);
	return 0;
}

/* The print's aspect (width / height) in the turned picture's
 * orientation, as the render lays it. */
static double
crop_print_aspect(const struct crop_editor *ce)
{
	const struct crop_print *p = &ce->v[ce->cur];
	double a = p->w_in / p->h_in;

	if ((ce->aspect > 1) != (a > 1) && ce->aspect != 1 && a != 1)
		a = 1 / a;
	return a;
}

/* The rectangle now (x, y, w, h, 0-1 of the turned picture). */
static void
crop_rect(const struct crop_editor *ce, double r[4])
{
	double pa = crop_print_aspect(ce), w, h;

	/* The largest of the print's aspect, then zoomed. */
	if (ce->aspect > pa) {
		h = 1;
		w = pa / ce->aspect;
	} else {
		w = 1;
		h = ce->aspect / pa;
	}
	w /= ce->zoom;
	h /= ce->zoom;
	r[0] = ce->cx - w / 2;
	r[1] = ce->cy - h / 2;
	r[2] = w;
	r[3] = h;
}

/* Keeps the rectangle inside the picture. */
static void
crop_clamp(struct crop_editor *ce)
{
	double r[4];

	if (ce->zoom < 1)
		ce->zoom = 1;
	if (ce->zoom > CROP_ZOOM_MAX)
		ce->zoom = CROP_ZOOM_MAX;
	crop_rect(ce, r);
	if (ce->cx < r[2] / 2)
		ce->cx = r[2] / 2;
	if (ce->cx > 1 - r[2] / 2)
		ce->cx = 1 - r[2] / 2;
	if (ce->cy < r[3] / 2)
		ce->cy = r[3] / 2;
	if (ce->cy > 1 - r[3] / 2)
		ce->cy = 1 - r[3] / 2;
}

/* The picture's aspect for the turn rot; 0 and ce->error when unreadable. */
static void
crop_measure(struct crop_editor *ce)
{
	char *full = store_path(tui_store(), ce->v[ce->cur].path);
	int w = 0, h = 0;

	free(ce->error);
	ce->error = NULL;
	ce->aspect = 1;
	if (media_render_upright_size(full, &w, &h, &ce->error) == 0 &&
	    w > 0 && h > 0)
		ce->aspect = ce->rot % 180 != 0 ? (double)h / w :
		    (double)w / h;
	free(full);
}

/* Starts the edit of print i from its image's crop. */
static void
crop_load(struct crop_editor *ce, int i)
{
	const struct crop_print *p = &ce->v[i];
	double r[4];

	ce->cur = i;
	ce->rot = p->rot;
	ce->zoom = 1;
	ce->cx = ce->cy = 0.5;
	crop_measure(ce);
	if (p->has_crop) {
		ce->cx = p->crop[0] + p->crop[2] / 2;
		ce->cy = p->crop[1] + p->crop[3] / 2;
		crop_rect(ce, r);
		/* The zoom that gives the stored rectangle's width (or
		 * height, whichever is the tighter). */
		if (p->crop[2] > 0 && p->crop[3] > 0)
			ce->zoom = fmin(r[2] / p->crop[2], r[3] / p->crop[3]);
	}
	crop_clamp(ce);
}

static void
crop_put_box(int y0, int x0, int y1, int x1)
{
	static const wchar_t corner[4] = { L'┌', L'┐', L'└', L'┘' };
	attr_t a = tui_attr(ROLE_CURSOR) | A_BOLD;
	cchar_t cc;
	wchar_t wc[2] = { 0, 0 };
	int x, y;

	for (x = x0; x <= x1; x++) {
		wc[0] = L'─';
		setcchar(&cc, wc, a, 0, NULL);
		mvadd_wch(y0, x, &cc);
		mvadd_wch(y1, x, &cc);
	}
	for (y = y0; y <= y1; y++) {
		wc[0] = L'│';
		setcchar(&cc, wc, a, 0, NULL);
		mvadd_wch(y, x0, &cc);
		mvadd_wch(y, x1, &cc);
	}
	wc[0] = corner[0];
	setcchar(&cc, wc, a, 0, NULL);
	mvadd_wch(y0, x0, &cc);
	wc[0] = corner[1];
	setcchar(&cc, wc, a, 0, NULL);
	mvadd_wch(y0, x1, &cc);
	wc[0] = corner[2];
	setcchar(&cc, wc, a, 0, NULL);
	mvadd_wch(y1, x0, &cc);
	wc[0] = corner[3];
	setcchar(&cc, wc, a, 0, NULL);
	mvadd_wch(y1, x1, &cc);
}

static void
crop_draw(struct tui_layer *l)
{
	struct crop_editor *ce = (struct crop_editor *)l;
	const struct crop_print *p = &ce->v[ce->cur];
	int h = LINES - 2, w = COLS, at[4], y0, x0, y1, x1;
	char buf[256], *title;
	double r[4];

	erase();
	/* L10N: crop editor title: order number */
	title = xasprintf(_("Crop: order %lld"), ce->order);
	tui_box(0, 0, h, w, title);
	free(title);
	crop_rect(ce, r);
	/* L10N: crop editor: print 1 of 2, item code, size, image id, the
	 * rectangle and the turn */
	snprintf(buf, sizeof buf, _("print %d of %d: %s %gx%g in, image %lld"
	    "   crop %.2f,%.2f,%.2f,%.2f  turned %d°"), ce->cur + 1, ce->n,
	    p->code, p->w_in, p->h_in, p->image_id, r[0], r[1], r[2], r[3],
	    ce->rot);
	tui_put(1, 2, w - 4, ROLE_LABEL, buf);
	if (ce->error != NULL)
		tui_put(3, 2, w - 4, ROLE_ERROR, ce->error);
	else {
		tui_picture_draw_turned(ce->pic, p->image_id, p->path, ce->rot,
		    2, 1, h - 3, w - 2, at);
		if (at[2] > 0 && at[3] > 0) {
			y0 = at[0] + (int)floor(r[1] * at[2] + 0.5);
			x0 = at[1] + (int)floor(r[0] * at[3] + 0.5);
			y1 = at[0] + (int)floor((r[1] + r[3]) * at[2] + 0.5) - 1;
			x1 = at[1] + (int)floor((r[0] + r[2]) * at[3] + 0.5) - 1;
			if (y1 <= y0)
				y1 = y0 + 1;
			if (x1 <= x0)
				x1 = x0 + 1;
			crop_put_box(y0, x0, y1, x1);
		}
	}
	tui_put(h, 0, w, ROLE_STATUS, _("←↓↑→ hjkl move  + - zoom  r turn "
	    "90°  Tab next print  Enter save  Esc cancel"));
}

static void
crop_save(struct crop_editor *ce)
{
	struct crop_print *p = &ce->v[ce->cur];
	double r[4];
	int i;

	crop_rect(ce, r);
	if (store_image_crop_set(tui_store(), p->image_id, 1, fmax(r[0], 0),
	    fmax(r[1], 0), fmin(r[2], 1), fmin(r[3], 1), ce->rot) != 1) {
		tui_error("%s", store_errmsg(tui_store()));
		return;
	}
	for (i = 0; i < ce->n; i++)
		if (ce->v[i].image_id == p->image_id) {
			ce->v[i].has_crop = 1;
			ce->v[i].rot = ce->rot;
			memcpy(ce->v[i].crop, r, sizeof r);
		}
	/* L10N: after the crop editor saved */
	tui_message(_("crop of image %lld saved (turned %d°): R renders order "
	    "%lld again"), p->image_id, ce->rot, ce->order);
	tui_pop();
	tui_reload_all();
}

static int
crop_key(struct tui_layer *l, int key)
{
	struct crop_editor *ce = (struct crop_editor *)l;
	double r[4];

	crop_rect(ce, r);
	switch (key) {
	case KEY_LEFT: case 'h':
		ce->cx -= CROP_STEP;
		break;
	case KEY_RIGHT: case 'l':
		ce->cx += CROP_STEP;
		break;
	case KEY_UP: case 'k':
		ce->cy -= CROP_STEP;
		break;
	case KEY_DOWN: case 'j':
		ce->cy += CROP_STEP;
		break;
	case '+': case '=':
		ce->zoom *= CROP_ZOOM;
		break;
	case '-': case '_':
		ce->zoom /= CROP_ZOOM;
		break;
	case 'r':
		ce->rot = (ce->rot + 90) % 360;
		ce->zoom = 1;
		ce->cx = ce->cy = 0.5;
		crop_measure(ce);
		break;
	case '\t':
		crop_load(ce, (ce->cur + 1) % ce->n);
		break;
	case '\n': case '\r': case KEY_ENTER:
		/* Never a rectangle measured on a picture not read. */
		if (ce->error != NULL)
			tui_error("%s", ce->error);
		else
			crop_save(ce);
		return TUI_HANDLED;
	case TUI_ESC:
		tui_message("%s", _("crop not changed"));
		tui_pop();
		return TUI_HANDLED;
	default:
		return TUI_HANDLED;
	}
	crop_clamp(ce);
	tui_dirty(TUI_DIRTY_ALL);
	return TUI_HANDLED;
}

static void
crop_free(struct tui_layer *l)
{
	struct crop_editor *ce = (struct crop_editor *)l;
	int i;

	for (i = 0; i < ce->n; i++) {
		free(ce->v[i].path);
		free(ce->v[i].code);
	}
	free(ce->v);
	tui_picture_free(ce->pic);
	free(ce->error);
	free(ce);
}

void
crop_editor_open(long long order)
{
	struct crop_editor *ce = xcalloc(1, sizeof *ce);

	ce->order = order;
	if (store_production_items(tui_store(), order, crop_collect, ce) != 0) {
		tui_error("%s", store_errmsg(tui_store()));
		crop_free(&ce->layer);
		return;
	}
	if (ce->n == 0) {
		tui_error("%s", _("This order has no print with an image and a "
		    "size to crop."));
		crop_free(&ce->layer);
		return;
	}
	ce->pic = tui_picture_new();
	crop_load(ce, 0);
	ce->layer.draw = crop_draw;
	ce->layer.key = crop_key;
	ce->layer.free = crop_free;
	tui_push(&ce->layer);
}
