/* media/portrait: exact-size portraits with libvips (see portrait.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <vips/vips.h>

#include "media/portrait.h"
#include "media/vips.h"
#include "media/vipsdl.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static void
portrait_fail(char **cause, const char *what)
{
	char *why = media_vips_error();

	*cause = xasprintf("%s: %s", what, why);
	free(why);
}

/* The portrait as a uchar sRGB 3-band image (caller unrefs), or NULL. */
static VipsImage *
portrait_load(const char *src, int width, int height, char **cause)
{
	VipsSource *source;
	VipsImage *im = NULL, *t;
	int fd;

	if (media_vips_init(cause) != 0)
		return NULL;
	if ((fd = open(src, O_RDONLY | O_CLOEXEC)) < 0) {
		*cause = xasprintf(_("cannot open %s: %s"), src,
		    strerror(errno));
		return NULL;
	}
	source = vips_source_new_from_descriptor(fd);
	close(fd);
	/* Covers width x height, then crops the centre: shrink-on-load
	 * decodes a big JPEG at 1/2, 1/4 or 1/8 when that is enough. */
	if (source == NULL || vips_thumbnail_source(source, &im, width,
	    "height", height, "size", VIPS_SIZE_BOTH,
	    "crop", VIPS_INTERESTING_CENTRE, NULL) != 0) {
		portrait_fail(cause, _("cannot read image"));
		if (source != NULL)
			g_object_unref(source);
		return NULL;
	}
	g_object_unref(source);
	if (vips_image_hasalpha(im)) {
		if (vips_flatten(im, &t, "background",
		    vips_array_double_newv(1, 255.0), NULL) != 0)
			goto fail;
		g_object_unref(im);
		im = t;
	}
	if (vips_image_get_interpretation(im) != VIPS_INTERPRETATION_sRGB ||
	    im->Bands != 3) {
		if (vips_colourspace(im, &t, VIPS_INTERPRETATION_sRGB,
		    NULL) != 0)
			goto fail;
		g_object_unref(im);
		im = t;
	}
	if (im->BandFmt != VIPS_FORMAT_UCHAR) {
		if (vips_cast_uchar(im, &t, NULL) != 0)
			goto fail;
		g_object_unref(im);
		im = t;
	}
	if (im->Xsize != width || im->Ysize != height || im->Bands != 3) {
		*cause = xasprintf(_("cannot cut the portrait to %dx%d"),
		    width, height);
		g_object_unref(im);
		return NULL;
	}
	return im;
fail:
	portrait_fail(cause, _("cannot convert image"));
	g_object_unref(im);
	return NULL;
}

int
media_portrait_jpeg(const char *src, int width, int height, int q,
    void **buf, size_t *len, char **cause)
{
	VipsImage *im;
	void *vbuf = NULL;
	size_t n = 0;

	if ((im = portrait_load(src, width, height, cause)) == NULL)
		return -1;
	if (vips_jpegsave_buffer(im, &vbuf, &n, "Q", q, "strip", TRUE,
	    "optimize_coding", TRUE, "interlace", FALSE, NULL) != 0) {
		portrait_fail(cause, _("cannot encode JPEG"));
		g_object_unref(im);
		return -1;
	}
	g_object_unref(im);
	/* Handed over in malloc()ed memory, whatever allocator glib uses. */
	*buf = xmalloc(n);
	memcpy(*buf, vbuf, n);
	*len = n;
	g_free(vbuf);
	return 0;
}

int
media_portrait_rgb(const char *src, int width, int height,
    unsigned char **rgb, void **jpeg, size_t *jpeglen, char **cause)
{
	VipsImage *im, *mim;
	void *mem, *vbuf = NULL;
	size_t n = 0;

	if ((im = portrait_load(src, width, height, cause)) == NULL)
		return -1;
	/* Decoded once into memory, then both forms come from it. */
	if ((mim = vips_image_copy_memory(im)) == NULL) {
		portrait_fail(cause, _("cannot decode image"));
		g_object_unref(im);
		return -1;
	}
	g_object_unref(im);
	im = mim;
	if (jpeg != NULL) {
		if (vips_jpegsave_buffer(im, &vbuf, &n, "Q", 90, "strip", TRUE,
		    NULL) != 0) {
			portrait_fail(cause, _("cannot encode JPEG"));
			g_object_unref(im);
			return -1;
		}
		*jpeg = xmalloc(n);
		memcpy(*jpeg, vbuf, n);
		*jpeglen = n;
		g_free(vbuf);
		n = 0;
	}
	if ((mem = vips_image_write_to_memory(im, &n)) == NULL ||
	    n != (size_t)width * height * 3) {
		portrait_fail(cause, _("cannot decode image"));
		g_free(mem);
		if (jpeg != NULL)
			free(*jpeg);
		g_object_unref(im);
		return -1;
	}
	g_object_unref(im);
	*rgb = xmalloc(n);
	memcpy(*rgb, mem, n);
	g_free(mem);
	return 0;
}
