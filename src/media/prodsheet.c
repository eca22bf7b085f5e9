/* media/prodsheet: an order's production sheet (see prodsheet.h). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "media/composite.h"
#include "media/prodsheet.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#define FACE		"DejaVu Sans"
#define PAGE_W		612.0		/* US Letter, points */
#define PAGE_H		792.0
#define MARGIN		36.0
#define ROW_H		90.0
#define THUMB		72.0		/* the longer side, points */
#define THUMB_DPI	100.0

static void
sheet_thumb(cairo_t *cr, const struct prodsheet_row *r, double x, double y)
{
	double pw, ph;
	char *why = NULL;
	int w, h;

	if (r->width_px >= r->height_px) {
		pw = THUMB;
		ph = THUMB * r->height_px / (r->width_px > 0 ? r->width_px : 1);
	} else {
		ph = THUMB;
		pw = THUMB * r->width_px / r->height_px;
	}
	w = (int)lround(pw / 72.0 * THUMB_DPI);
	h = (int)lround(ph / 72.0 * THUMB_DPI);
	if (composite_draw_portrait(cr, r->path, w, h, x, y, pw, ph,
	    &why) != 0)
		free(why);
}

static void
sheet_text(cairo_t *cr, double size, int bold, double x, double y,
    const char *s)
{
	cairo_select_font_face(cr, FACE, CAIRO_FONT_SLANT_NORMAL, bold ?
	    CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, x, y);
	cairo_show_text(cr, s);
}

static void
sheet_head(cairo_t *cr, const char *title, const char *subtitle, int page)
{
	char p[32];

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	sheet_text(cr, 16, 1, MARGIN, MARGIN + 16, title);
	if (subtitle != NULL)
		sheet_text(cr, 11, 0, MARGIN, MARGIN + 34, subtitle);
	/* L10N: page number of the production sheet */
	snprintf(p, sizeof p, _("page %d"), page);
	sheet_text(cr, 9, 0, PAGE_W - MARGIN - 40, MARGIN + 16, p);
}

int
prodsheet_write(const char *pdf, const char *tmp, const char *title,
    const char *subtitle, const char *date, const struct prodsheet_row *v,
    size_t n, char **cause)
{
	cairo_surface_t *surface;
	cairo_t *cr;
	double y;
	size_t i;
	int page = 1;
	char line[256];

	surface = cairo_pdf_surface_create(tmp, PAGE_W, PAGE_H);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf(_("cannot create %s: %s"), pdf,
		    cairo_status_to_string(cairo_surface_status(surface)));
		cairo_surface_destroy(surface);
		return -1;
	}
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
	    "picday");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
	    title);
	if (date != NULL)
		cairo_pdf_surface_set_metadata(surface,
		    CAIRO_PDF_METADATA_CREATE_DATE, date);
	cr = cairo_create(surface);
	sheet_head(cr, title, subtitle, page);
	y = MARGIN + 50;
	for (i = 0; i < n; i++) {
		if (y + ROW_H > PAGE_H - MARGIN) {
			cairo_show_page(cr);
			sheet_head(cr, title, subtitle, ++page);
			y = MARGIN + 50;
		}
		sheet_thumb(cr, &v[i], MARGIN, y);
		sheet_text(cr, 11, 1, MARGIN + THUMB + 14, y + 14, v[i].file);
		sheet_text(cr, 10, 0, MARGIN + THUMB + 14, y + 30, v[i].item);
		/* L10N: production sheet: 8x10 in, 2400x3000 px, quantity 2 */
		snprintf(line, sizeof line, _("%gx%g in, %dx%d px, quantity "
		    "%lld"), v[i].width_in, v[i].height_in, v[i].width_px,
		    v[i].height_px, v[i].quantity);
		sheet_text(cr, 10, 0, MARGIN + THUMB + 14, y + 46, line);
		y += ROW_H;
	}
	cairo_show_page(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf(_("cannot write %s: %s"), pdf,
		    cairo_status_to_string(cairo_surface_status(surface)));
		cairo_surface_destroy(surface);
		(void)unlink(tmp);
		return -1;
	}
	cairo_surface_destroy(surface);
	if (path_commit(tmp, pdf) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), pdf,
		    strerror(errno));
		(void)unlink(tmp);
		return -1;
	}
	return 0;
}
