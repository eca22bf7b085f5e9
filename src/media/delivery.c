/* media/delivery: delivered files and the release PDF (see delivery.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <vips/vips.h>
#include "media/vipsdl.h"

#include "media/delivery.h"
#include "media/jpegexif.h"
#include "media/preview.h"
#include "media/vips.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/path.h"
#include "util/xalloc.h"

#define DELIVERY_Q	92

static int
fail(char **cause, const char *what, VipsImage *im)
{
	char *why = media_vips_error();

	*cause = xasprintf("%s: %s", what, why);
	free(why);
	if (im != NULL)
		g_object_unref(im);
	return -1;
}

/* JPEG bytes of im with no metadata but the copyright: 0 and *out (caller
 * frees), or -1. */
static int
encode(VipsImage *im, const char *copyright, unsigned char **out,
    size_t *olen, char **cause)
{
	struct jpegexif x;
	void *buf = NULL;
	size_t len = 0;
	int rc;

	/* strip: none of the camera's metadata (GPS, serials) goes. */
	if (vips_jpegsave_buffer(im, &buf, &len, "Q", DELIVERY_Q, "strip",
	    TRUE, NULL) != 0)
		return fail(cause, _("cannot encode"), NULL);
	memset(&x, 0, sizeof x);
	x.make = "";
	x.model = "";
	x.datetime = "";
	x.orientation = 1;
	x.width = vips_image_get_width(im);
	x.height = vips_image_get_height(im);
	x.copyright = copyright != NULL && *copyright != '\0' ? copyright :
	    NULL;
	rc = jpegexif_splice(buf, len, &x, out, olen, cause);
	g_free(buf);
	return rc;
}

static int
save(VipsImage *im, const char *dst, const char *copyright, char **cause)
{
	unsigned char *out = NULL;
	size_t olen = 0;
	int rc;

	if (encode(im, copyright, &out, &olen, cause) != 0)
		return -1;
	rc = path_write_atomic(dst, out, (unsigned long)olen, 0644);
	free(out);
	if (rc != 0) {
		*cause = xasprintf(_("cannot write %s"), dst);
		return -1;
	}
	return 0;
}

/* The studio's PNG (with alpha) over the middle of *im, half its width
 * (aspect kept), blended by the PNG's own alpha; *im is replaced.  0, -1
 * (libvips error) or -2 (the PNG has no alpha). */
static int
png_watermark(VipsImage **im, const char *png)
{
	VipsImage *base = *im, *t[11] = { NULL };
	int w = vips_image_get_width(base), h = vips_image_get_height(base);
	int pw, ph, rc = -1;
	double scale;
	size_t i;

	if ((t[0] = vips_image_new_from_file(png, NULL)) == NULL ||
	    vips_colourspace(t[0], &t[1], VIPS_INTERPRETATION_sRGB, NULL))
		goto out;
	if (!vips_image_hasalpha(t[1])) {
		rc = -2;
		goto out;
	}
	pw = vips_image_get_width(t[1]);
	ph = vips_image_get_height(t[1]);
	scale = (double)w / 2 / pw;
	if (ph * scale > h)
		scale = (double)h / ph;
	if (vips_resize(t[1], &t[2], scale, NULL) ||
	    vips_embed(t[2], &t[3], (w - (int)(pw * scale)) / 2,
	    (h - (int)(ph * scale)) / 2, w, h, NULL) ||
	    vips_extract_band(t[3], &t[4], 0, "n", 3, NULL) ||
	    vips_extract_band(t[3], &t[5], 3, NULL) ||
	    /* out = in * (1 - a) + png * a, a = alpha / 255 */
	    vips_linear1(t[5], &t[6], 1.0 / 255.0, 0, NULL) ||
	    vips_linear1(t[6], &t[7], -1, 1, NULL) ||
	    vips_multiply(base, t[7], &t[8], NULL) ||
	    vips_multiply(t[4], t[6], &t[9], NULL) ||
	    vips_add(t[8], t[9], &t[10], NULL) ||
	    vips_cast_uchar(t[10], im, NULL))
		goto out;
	g_object_unref(base);
	rc = 0;
out:
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i] != NULL)
			g_object_unref(t[i]);
	return rc;
}

/* A watermark setting that names the studio's PNG, not a text. */
static int
watermark_is_png(const char *v)
{
	size_t n = strlen(v);

	return v[0] == '/' && n > 4 && strcasecmp(v + n - 4, ".png") == 0;
}

int
media_delivery_image(const char *src, const char *dst, int long_side,
    const char *watermark, const char *copyright, const char *thumb,
    int thumb_side, int *w, int *h, int *src_long, char **cause)
{
	VipsImage *im, *t;
	int sw, sh, side, rc;

	if (media_vips_init(cause) != 0)
		return -1;
	if ((im = vips_image_new_from_file(src, NULL)) == NULL)
		return fail(cause, _("cannot read image"), NULL);
	sw = vips_image_get_width(im);
	sh = vips_image_get_height(im);
	g_object_unref(im);
	*src_long = sw > sh ? sw : sh;
	side = long_side > 0 && long_side < *src_long ? long_side : *src_long;
	/* Shrink-on-load, upright (EXIF orientation), never enlarged. */
	if (vips_thumbnail(src, &im, side, "height", side, "size",
	    VIPS_SIZE_DOWN, NULL) != 0)
		return fail(cause, _("cannot read image"), NULL);
	if (vips_image_hasalpha(im)) {
		rc = vips_flatten(im, &t, "background",
		    vips_array_double_newv(1, 255.0), NULL);
		g_object_unref(im);
		if (rc != 0)
			return fail(cause, _("cannot flatten"), NULL);
		im = t;
	}
	if (vips_image_get_interpretation(im) != VIPS_INTERPRETATION_sRGB ||
	    im->Bands != 3) {
		rc = vips_colourspace(im, &t, VIPS_INTERPRETATION_sRGB, NULL);
		g_object_unref(im);
		if (rc != 0)
			return fail(cause, _("cannot convert to sRGB"), NULL);
		im = t;
	}
	if (im->BandFmt != VIPS_FORMAT_UCHAR) {
		rc = vips_cast_uchar(im, &t, NULL);
		g_object_unref(im);
		if (rc != 0)
			return fail(cause, _("cannot convert"), NULL);
		im = t;
	}
	if (watermark != NULL && *watermark != '\0' &&
	    (rc = watermark_is_png(watermark) ? png_watermark(&im,
	    watermark) : media_watermark(&im, watermark)) != 0) {
		if (rc == -2) {
			*cause = xasprintf(_("%s: the watermark needs an "
			    "alpha channel"), watermark);
			g_object_unref(im);
			return -1;
		}
		return fail(cause, _("cannot draw the watermark"), im);
	}
	*w = vips_image_get_width(im);
	*h = vips_image_get_height(im);
	/* Decoded once: the file and its thumbnail come from memory. */
	if (thumb != NULL) {
		if ((t = vips_image_copy_memory(im)) == NULL)
			return fail(cause, _("cannot read image"), im);
		g_object_unref(im);
		im = t;
	}
	if (save(im, dst, copyright, cause) != 0) {
		g_object_unref(im);
		return -1;
	}
	if (thumb != NULL) {
		side = *w > *h ? *w : *h;
		if (side > thumb_side) {
			rc = vips_resize(im, &t, (double)thumb_side / side,
			    NULL);
			g_object_unref(im);
			if (rc != 0)
				return fail(cause, _("cannot resize"), NULL);
			im = t;
		}
		if (save(im, thumb, copyright, cause) != 0) {
			g_object_unref(im);
			return -1;
		}
	}
	g_object_unref(im);
	return 0;
}

static void
line(cairo_t *cr, double size, double *y, const char *s)
{
	cairo_set_font_size(cr, size);
	cairo_move_to(cr, 72, *y);
	cairo_show_text(cr, s);
	*y += size * 1.8;
}

/* The studio's own wording, wrapped to the page's 6.5 inches; a new page
 * when one is full. */
static void
wrapped(cairo_t *cr, double size, double *y, const char *text)
{
	struct strbuf ln = STRBUF_INIT;
	cairo_text_extents_t ext;
	const char *p = text, *w;
	size_t before, n;

	cairo_set_font_size(cr, size);
	while (*p != '\0') {
		if (*p == '\n') {
			line(cr, size, y, strbuf_str(&ln));
			strbuf_reset(&ln);
			p++;
			continue;
		}
		w = p;
		n = strcspn(w, " \n");
		before = ln.len;
		if (before > 0)
			strbuf_addc(&ln, ' ');
		strbuf_add(&ln, w, n);
		cairo_text_extents(cr, strbuf_str(&ln), &ext);
		if (ext.x_advance > 468 && before > 0) {
			ln.s[before] = '\0';
			ln.len = before;
			line(cr, size, y, strbuf_str(&ln));
			strbuf_reset(&ln);
			strbuf_add(&ln, w, n);
		}
		if (*y > 720) {
			cairo_show_page(cr);
			*y = 72;
		}
		p = w + n;
		while (*p == ' ')
			p++;
	}
	if (ln.len > 0)
		line(cr, size, y, strbuf_str(&ln));
	strbuf_free(&ln);
}

int
media_release_pdf(const char *pdf, const char *studio, const char *client,
    const char *date, int nimages, const char *text, char **cause)
{
	cairo_surface_t *s;
	cairo_t *cr;
	char *tmp = xasprintf("%s.tmp.%ld", pdf, (long)getpid()), *t;
	double y = 110;
	int rc = 0;

	s = cairo_pdf_surface_create(tmp, 612, 792);
	cr = cairo_create(s);
	cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_BOLD);
	/* L10N: title of the copyright release PDF */
	line(cr, 22, &y, _("Copyright release"));
	cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	y += 10;
	/* L10N: release PDF: "Studio: Sunny Portraits" */
	t = xasprintf(_("Studio: %s"), studio);
	line(cr, 12, &y, t);
	free(t);
	t = xasprintf(_("Client: %s"), client);
	line(cr, 12, &y, t);
	free(t);
	t = xasprintf(_("Date: %s"), date);
	line(cr, 12, &y, t);
	free(t);
	t = xasprintf(ngettext("Images: %d", "Images: %d", nimages), nimages);
	line(cr, 12, &y, t);
	free(t);
	y += 10;
	if (text != NULL && *text != '\0')
		wrapped(cr, 11, &y, text);
	else {
		t = xasprintf(_("%s, the copyright owner, grants %s permission "
		    "to print and share"), studio, client);
		line(cr, 11, &y, t);
		free(t);
		line(cr, 11, &y, _("the images of this delivery for personal, "
		    "non-commercial use."));
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
	    rename(tmp, pdf) != 0) {
		*cause = xasprintf(_("cannot write %s"), pdf);
		(void)unlink(tmp);
		rc = -1;
	}
	cairo_surface_destroy(s);
	free(tmp);
	return rc;
}
