/*
 * media/qrsheet: QR sheets as PDF with cairo and libqrencode.  See
 * media/qrsheet.h.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <qrencode.h>

#include "media/qrsheet.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#define PAGE_W		612.0		/* US Letter, points */
#define PAGE_H		792.0
#define PAGE_MARGIN	18.0
#define CARD_PAD	4.0
#define QUIET		4		/* modules of white around the code */
#define FONT		"DejaVu Sans"

struct qrsheet {
	char		*path;
	char		*tmp;
	cairo_surface_t	*surface;
	cairo_t		*cr;
	int		 cols, rows, per_page;
	int		 on_page;	/* cards on the current page */
	int		 pages;
	double		 card_w, card_h;
};

int
qrsheet_per_page_ok(int n)
{
	return n == 1 || n == 2 || n == 4 || n == 6 || n == 8;
}

int
qrsheet_open(const char *path, const char *tmp, int per_page,
    struct qrsheet **out, char **cause)
{
	struct qrsheet *q;
	cairo_status_t e;

	if (!qrsheet_per_page_ok(per_page)) {
		*cause = xasprintf(_("cards per page must be 1, 2, 4, 6 or 8, "
		    "not %d"), per_page);
		return -1;
	}
	q = xcalloc(1, sizeof *q);
	q->path = xstrdup(path);
	q->tmp = tmp != NULL ? xstrdup(tmp) :
	    xasprintf("%s.tmp%ld", path, (long)getpid());
	q->per_page = per_page;
	q->cols = per_page == 1 || per_page == 2 ? 1 : 2;
	q->rows = per_page / q->cols;
	q->card_w = (PAGE_W - 2 * PAGE_MARGIN) / q->cols;
	q->card_h = (PAGE_H - 2 * PAGE_MARGIN) / q->rows;
	q->surface = cairo_pdf_surface_create(q->tmp, PAGE_W, PAGE_H);
	if ((e = cairo_surface_status(q->surface)) != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf("%s: %s", path, cairo_status_to_string(e));
		cairo_surface_destroy(q->surface);
		free(q->tmp);
		free(q->path);
		free(q);
		return -1;
	}
	cairo_pdf_surface_set_metadata(q->surface, CAIRO_PDF_METADATA_TITLE,
	    "QR sheets");
	cairo_pdf_surface_set_metadata(q->surface, CAIRO_PDF_METADATA_CREATOR,
	    "picday");
	q->cr = cairo_create(q->surface);
	*out = q;
	return 0;
}

/* Draws the code with its top-left quiet-zone corner at x, y; `side`
 * includes the quiet zone.  The code is an image of one pixel per module
 * scaled without interpolation, so that a PDF viewer or printer at any
 * resolution draws hard module edges (grey anti-aliased edges, as vector
 * squares get, defeat some decoders at some resolutions). */
static int
draw_qr(cairo_t *cr, const char *text, double x, double y, double side)
{
	cairo_surface_t *img;
	cairo_pattern_t *pat;
	QRcode *qr;
	unsigned char *px;
	int r, c, n, dim, stride;

	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8,
	    1)) == NULL)
		return -1;
	n = qr->width;
	dim = n + 2 * QUIET;
	img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, dim, dim);
	cairo_surface_flush(img);
	px = cairo_image_surface_get_data(img);
	stride = cairo_image_surface_get_stride(img);
	for (r = 0; r < dim; r++)
		for (c = 0; c < dim; c++) {
			int dark = r >= QUIET && c >= QUIET && r < QUIET + n &&
			    c < QUIET + n &&
			    (qr->data[(r - QUIET) * n + (c - QUIET)] & 1);
			uint32_t v = dark ? 0x000000 : 0xffffff;

			memcpy(px + r * stride + c * 4, &v, 4);
		}
	cairo_surface_mark_dirty(img);
	QRcode_free(qr);

	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, side / dim, side / dim);
	cairo_set_source_surface(cr, img, 0, 0);
	pat = cairo_get_source(cr);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
	cairo_rectangle(cr, 0, 0, dim, dim);
	cairo_fill(cr);
	cairo_restore(cr);
	cairo_surface_destroy(img);
	return 0;
}

/* Cuts s to fit maxw (at a UTF-8 boundary, with "…"); returns a new
 * string. */
static char *
fit_text(cairo_t *cr, const char *s, double maxw)
{
	cairo_text_extents_t ext;
	char *t;
	size_t len;

	t = xstrdup(s);
	cairo_text_extents(cr, t, &ext);
	len = strlen(t);
	while (ext.x_advance > maxw && len > 0) {
		do
			len--;
		while (len > 0 && ((unsigned char)t[len] & 0xc0) == 0x80);
		free(t);
		t = xasprintf("%.*s…", (int)len, s);
		cairo_text_extents(cr, t, &ext);
	}
	return t;
}

/* One line of text; returns the y of the next line. */
static double
draw_line(cairo_t *cr, const char *s, double x, double y, double maxw,
    double size, int bold, int centre)
{
	cairo_text_extents_t ext;
	char *t;

	if (s == NULL || *s == '\0')
		return y;
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL,
	    bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
	t = fit_text(cr, s, maxw);
	cairo_text_extents(cr, t, &ext);
	y += size;
	cairo_move_to(cr, centre ? x + (maxw - ext.x_advance) / 2 : x, y);
	cairo_show_text(cr, t);
	free(t);
	return y + size * 0.45;
}

static void
draw_text(struct qrsheet *q, const struct qrcard *c, const char *digits,
    double x, double y, double w, double base, int centre)
{
	cairo_t *cr = q->cr;
	char *name, *line;

	cairo_set_source_rgb(cr, 0, 0, 0);
	y = draw_line(cr, digits, x, y, w, base * 2.2, 1, centre);
	name = xasprintf("%s%s%s", c->first_name != NULL ? c->first_name : "",
	    c->first_name != NULL && *c->first_name != '\0' ? " " : "",
	    c->last_name != NULL ? c->last_name : "");
	y = draw_line(cr, name, x, y, w, base * 1.3, 1, centre);
	free(name);
	if (c->student_id != NULL && *c->student_id != '\0') {
		line = xasprintf(_("ID %s"), c->student_id);
		y = draw_line(cr, line, x, y, w, base, 0, centre);
		free(line);
	}
	if ((c->grade != NULL && *c->grade != '\0') ||
	    (c->teacher != NULL && *c->teacher != '\0')) {
		line = xasprintf(_("Grade %s · %s"),
		    c->grade != NULL && *c->grade != '\0' ? c->grade : "-",
		    c->teacher != NULL && *c->teacher != '\0' ? c->teacher :
		    "-");
		y = draw_line(cr, line, x, y, w, base, 0, centre);
		free(line);
	}
	y = draw_line(cr, c->organization, x, y, w, base, 0, centre);
	draw_line(cr, c->starts_at, x, y, w, base * 0.9, 0, centre);
}

int
qrsheet_add(struct qrsheet *q, const struct qrcard *c, char **cause)
{
	cairo_t *cr = q->cr;
	char digits[32];
	double x, y, w, h, side, base;
	int slot;

	if (q->on_page == q->per_page) {
		cairo_show_page(cr);
		q->on_page = 0;
	}
	if (q->on_page == 0)
		q->pages++;
	slot = q->on_page++;
	x = PAGE_MARGIN + (slot % q->cols) * q->card_w;
	y = PAGE_MARGIN + (double)(slot / q->cols) * q->card_h;
	w = q->card_w;
	h = q->card_h;
	snprintf(digits, sizeof digits, "%lld", c->number);

	if (q->per_page > 1) {	/* cut lines */
		cairo_save(cr);
		cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
		cairo_set_line_width(cr, 0.5);
		cairo_set_dash(cr, (const double[]){ 3, 3 }, 2, 0);
		cairo_rectangle(cr, x, y, w, h);
		cairo_stroke(cr);
		cairo_restore(cr);
	}
	base = w < 300 ? 9 : 12;
	if (h > w) {		/* code on top, text below, centred */
		side = w - 2 * CARD_PAD;
		if (side > h * 0.6)
			side = h * 0.6;
		if (draw_qr(cr, digits, x + (w - side) / 2, y + CARD_PAD,
		    side) != 0)
			goto fail;
		draw_text(q, c, digits, x + CARD_PAD * 3,
		    y + CARD_PAD + side, w - CARD_PAD * 6, q->per_page == 1 ?
		    16 : base, 1);
	} else {		/* code on the left, text on the right */
		side = h - 2 * CARD_PAD;
		/* 80 pt of text beside it keeps a 5 cm code at 6 a page. */
		if (side > w - 2 * CARD_PAD - 80)
			side = w - 2 * CARD_PAD - 80;
		if (w - side < 120)
			base = 8;
		if (draw_qr(cr, digits, x + CARD_PAD, y + CARD_PAD, side) != 0)
			goto fail;
		draw_text(q, c, digits, x + CARD_PAD + side,
		    y + CARD_PAD + side / 8, w - side - 3 * CARD_PAD, base, 0);
	}
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf("%s: %s", q->path,
		    cairo_status_to_string(cairo_status(cr)));
		return -1;
	}
	return 0;
fail:
	*cause = xasprintf(_("cannot encode session %s as a QR code"), digits);
	return -1;
}

int
qrsheet_close(struct qrsheet *q, int abandon, int *pages, char **cause)
{
	cairo_status_t e;
	int rc = 0;

	if (q->on_page > 0)
		cairo_show_page(q->cr);
	cairo_destroy(q->cr);
	cairo_surface_finish(q->surface);
	e = cairo_surface_status(q->surface);
	cairo_surface_destroy(q->surface);
	if (!abandon && e != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf("%s: %s", q->path, cairo_status_to_string(e));
		rc = -1;
	} else if (!abandon && path_commit(q->tmp, q->path) != 0) {
		*cause = xasprintf("%s: %s", q->path, strerror(errno));
		rc = -1;
	}
	if (abandon || rc != 0)
		unlink(q->tmp);
	if (pages != NULL)
		*pages = q->pages;
	free(q->tmp);
	free(q->path);
	free(q);
	return rc;
}
