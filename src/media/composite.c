/* media/composite: class composite pages with cairo (see composite.h). */
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
#include "media/portrait.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define FACE		"DejaVu Sans"
#define MARGIN		28.8		/* 0.4 in */
#define PHOTO_DPI	200.0

struct composite {
	cairo_surface_t	*surface;
	cairo_t		*cr;
	char		*path, *tmp;
	double		 w, h;		/* points */
};

struct composite *
composite_open(const char *pdf, const char *tmp, double width_in,
    double height_in, char **cause)
{
	struct composite *c = xcalloc(1, sizeof *c);

	c->path = xstrdup(pdf);
	c->tmp = xstrdup(tmp);
	c->w = width_in * 72.0;
	c->h = height_in * 72.0;
	c->surface = cairo_pdf_surface_create(c->tmp, c->w, c->h);
	if (cairo_surface_status(c->surface) != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf(_("cannot create %s: %s"), pdf,
		    cairo_status_to_string(cairo_surface_status(c->surface)));
		cairo_surface_destroy(c->surface);
		free(c->tmp);
		free(c->path);
		free(c);
		return NULL;
	}
	cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_CREATOR,
	    "picday");
	c->cr = cairo_create(c->surface);
	return c;
}

static void
text_font(cairo_t *cr, double size, int bold)
{
	cairo_select_font_face(cr, FACE, CAIRO_FONT_SLANT_NORMAL, bold ?
	    CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
}

static double
text_width(cairo_t *cr, const char *s)
{
	cairo_text_extents_t e;

	cairo_text_extents(cr, s, &e);
	return e.x_advance;
}

/* s centred on x with its baseline at y. */
static void
text_centre(cairo_t *cr, const char *s, double x, double y)
{
	cairo_move_to(cr, x - text_width(cr, s) / 2, y);
	cairo_show_text(cr, s);
}

/* Wraps the names after "Not pictured:" into lines of width w; returns
 * the lines, NUL-separated, and their number in *n. */
static char *
not_pictured_lines(cairo_t *cr, const struct composite_student *v,
    size_t nv, double w, size_t *n)
{
	struct strbuf all = STRBUF_INIT, line = STRBUF_INIT;
	size_t i;
	int first = 1;

	*n = 0;
	/* L10N: on a class composite, before the students without a
	 * portrait */
	strbuf_adds(&line, _("Not pictured:"));
	for (i = 0; i < nv; i++) {
		size_t keep;

		if (v[i].path != NULL)
			continue;
		keep = line.len;
		strbuf_adds(&line, first ? " " : ", ");
		strbuf_adds(&line, v[i].name);
		if (text_width(cr, strbuf_str(&line)) > w && keep > 0 &&
		    !first) {
			line.len = keep;
			line.s[keep] = '\0';
			strbuf_addc(&line, ',');
			strbuf_add(&all, line.s, line.len + 1);
			(*n)++;
			strbuf_reset(&line);
			strbuf_adds(&line, v[i].name);
		}
		first = 0;
	}
	if (first) {
		strbuf_free(&line);
		return strbuf_take(&all);
	}
	strbuf_add(&all, line.s, line.len + 1);
	(*n)++;
	strbuf_free(&line);
	return strbuf_take(&all);
}

/* Paints the portrait at path into the box (x, y, pw x ph points). */
static int
draw_photo(cairo_t *cr, const char *path, double x, double y, double pw,
    double ph, char **why)
{
	int w = (int)lround(pw / 72.0 * PHOTO_DPI);
	int h = (int)lround(ph / 72.0 * PHOTO_DPI);

	if (w < 8 || h < 10) {
		w = 8;
		h = 10;
	}
	return composite_draw_portrait(cr, path, w, h, x, y, pw, ph, why);
}

int
composite_draw_portrait(cairo_t *cr, const char *path, int w, int h,
    double x, double y, double pw, double ph, char **why)
{
	unsigned char *rgb, *row;
	cairo_surface_t *s;
	void *jpeg;
	size_t jlen;
	int i, j, stride;

	if (w < 2 || h < 2 || media_portrait_rgb(path, w, h, &rgb, &jpeg,
	    &jlen, why) != 0) {
		cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
		cairo_rectangle(cr, x, y, pw, ph);
		cairo_fill(cr);
		return -1;
	}
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_surface_flush(s);
	stride = cairo_image_surface_get_stride(s);
	row = cairo_image_surface_get_data(s);
	for (j = 0; j < h; j++, row += stride)
		for (i = 0; i < w; i++) {
			const unsigned char *p = rgb + ((size_t)j * w + i) * 3;

			((unsigned int *)(void *)row)[i] = 0xff000000u |
			    (unsigned int)p[0] << 16 | (unsigned int)p[1] << 8 |
			    p[2];
		}
	cairo_surface_mark_dirty(s);
	free(rgb);
	/* The PDF embeds the JPEG itself (DCTDecode), not the raw pixels. */
	if (cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, jpeg, jlen,
	    free, jpeg) != CAIRO_STATUS_SUCCESS)
		free(jpeg);
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, pw / w, ph / h);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(s);
	return 0;
}

/* name centred in a cell cw wide at baseline y, shrunk from size fs until
 * it fits. */
static void
text_fit(cairo_t *cr, const char *name, double fs, int bold, double xc,
    double cw, double y)
{
	double s;

	for (s = fs; ; s -= 0.5) {
		text_font(cr, s, bold);
		if (text_width(cr, name) <= cw * 0.97 || s <= 4)
			break;
	}
	text_centre(cr, name, xc, y);
}

/* One portrait with its name (and title) under it. */
static void
draw_person(cairo_t *cr, const struct composite_student *p, double xc,
    double cw, double y, double pw, double ph, double fs, int bold,
    char **warn)
{
	char *why = NULL;

	if (draw_photo(cr, p->path, xc - pw / 2, y, pw, ph, &why) != 0) {
		free(*warn);
		*warn = xasprintf("%s: %s", p->name, why);
		free(why);
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
	text_fit(cr, p->name, fs, bold, xc, cw, y + ph + fs * 1.2);
	if (p->title != NULL && *p->title != '\0')
		text_fit(cr, p->title, fs * 0.9, 0, xc, cw, y + ph + fs * 2.4);
}

int
composite_page(struct composite *c, const char *school, const char *klass,
    const char *year, const struct composite_student *v, size_t nv,
    void (*progress)(void *), void *arg, char **warn, char **cause)
{
	cairo_t *cr = c->cr;
	double aw = c->w - 2 * MARGIN, top, bottom, cw = 0, ch = 0, pw = 0;
	double ph = 0, fs = 10, y, lpw = 0, lph = 0, lcw = 0, lfs = 0, lh = 0;
	size_t i, k, npic = 0, nlead = 0, nlines, cols = 1, rows;
	int titled = 0;
	char *lines, *p;

	for (i = 0; i < nv; i++) {
		if (v[i].path != NULL && v[i].lead)
			nlead++;
		else if (v[i].path != NULL)
			npic++;
		if (!v[i].lead && v[i].title != NULL && *v[i].title != '\0')
			titled = 1;
	}
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	/* The title: school, class, year. */
	y = MARGIN + 20;
	text_font(cr, 20, 1);
	text_centre(cr, school, c->w / 2, y);
	y += 22;
	text_font(cr, 15, 0);
	text_centre(cr, klass, c->w / 2, y);
	if (year != NULL && *year != '\0') {
		y += 17;
		text_font(cr, 11, 0);
		text_centre(cr, year, c->w / 2, y);
	}
	top = y + 16;
	/* The names not pictured, at the foot. */
	text_font(cr, 9, 0);
	lines = not_pictured_lines(cr, v, nv, aw, &nlines);
	bottom = c->h - MARGIN - nlines * 12.0 - (nlines > 0 ? 8 : 0);
	for (p = lines, k = 0; k < nlines; k++, p += strlen(p) + 1) {
		cairo_move_to(cr, MARGIN, bottom + 8 + 9 + k * 12.0);
		cairo_show_text(cr, p);
	}
	free(lines);
	/* The largest grid of 4:5 portraits that fits between them, below
	 * the teachers' row (their portraits 1.6 times as wide). */
	for (cols = 4; npic + nlead > 0; cols++) {
		cw = aw / cols;
		pw = cw * 0.86;
		ph = pw * 1.25;
		fs = fmax(4.0, fmin(10.0, cw * 0.09));
		ch = ph + fmax(7.0, fs) * (titled ? 2.8 : 1.6) + 4;
		rows = (npic + cols - 1) / cols;
		if (nlead > 0) {
			lcw = fmin(cw * 1.6, aw / nlead);
			lpw = lcw * 0.86;
			lph = lpw * 1.25;
			lfs = fmin(13.0, fs * 1.3);
			lh = lph + lfs * 1.2 + fs * 1.4 + 12;
		}
		if (rows * ch + lh <= bottom - top || cols >= 20)
			break;
	}
	for (i = 0, k = 0; i < nv; i++) {
		if (v[i].path == NULL || !v[i].lead)
			continue;
		draw_person(cr, &v[i], MARGIN + (aw - nlead * lcw) / 2 +
		    k * lcw + lcw / 2, lcw, top, lpw, lph, lfs, 1, warn);
		k++;
		if (progress != NULL)
			progress(arg);
	}
	top += lh;
	for (i = 0, k = 0; i < nv; i++) {
		if (v[i].path == NULL || v[i].lead)
			continue;
		draw_person(cr, &v[i], MARGIN + (k % cols) * cw + cw / 2, cw,
		    top + (k / cols) * ch, pw, ph, fs, 0, warn);
		k++;
		if (progress != NULL)
			progress(arg);
	}
	cairo_show_page(cr);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf(_("cannot draw the composite: %s"),
		    cairo_status_to_string(cairo_status(cr)));
		return -1;
	}
	return 0;
}

int
composite_close(struct composite *c, int commit, char **cause)
{
	cairo_status_t e;
	int rc = 0;

	cairo_destroy(c->cr);
	cairo_surface_finish(c->surface);
	e = cairo_surface_status(c->surface);
	cairo_surface_destroy(c->surface);
	if (commit && e != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf(_("cannot write %s: %s"), c->path,
		    cairo_status_to_string(e));
		rc = -1;
	} else if (commit && path_commit(c->tmp, c->path) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), c->path,
		    strerror(errno));
		rc = -1;
	}
	if (!commit || rc != 0)
		(void)unlink(c->tmp);
	free(c->tmp);
	free(c->path);
	free(c);
	return rc;
}
