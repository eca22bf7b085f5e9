/* media/render: prints for the lab with libvips (see render.h). */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <vips/vips.h>

#include "media/render.h"
#include "media/vips.h"
#include "media/vipsdl.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define RENDER_Q	95

static void
render_fail(char **cause, const char *what)
{
	char *why = media_vips_error();

	*cause = xasprintf("%s: %s", what, why);
	free(why);
}

static void
swap(int *a, int *b)
{
	int t = *a;

	*a = *b;
	*b = t;
}

/* Replaces *im by t (which may be NULL on failure). */
static int
take(VipsImage **im, VipsImage *t, int rc)
{
	g_object_unref(*im);
	*im = rc == 0 ? t : NULL;
	return rc;
}

/* Runs a libvips call that makes t from *im, then puts t in its place. */
#define STEP(im, call)	(vr = (call), take(&(im), t, vr))

/* Drops the source's metadata (EXIF, XMP, IPTC...): the print carries only
 * its size, resolution and profile. */
static void *
meta_collect(VipsImage *im, const char *name, GValue *v, void *a)
{
	GSList **l = a;

	(void)im;
	(void)v;
	if (strncmp(name, "exif-", 5) == 0 || strcmp(name, "xmp-data") == 0 ||
	    strcmp(name, "iptc-data") == 0 || strcmp(name, "ipct-data") == 0 ||
	    strcmp(name, "orientation") == 0 ||
	    strcmp(name, VIPS_META_ICC_NAME) == 0)
		*l = g_slist_prepend(*l, g_strdup(name));
	return NULL;
}

/* The single print (w x h pixels) as uchar sRGB; NULL with *cause. */
static VipsImage *
render_one(const struct render_spec *rs, int w, int h, int iw, int ih,
    double *eff, char **cause)
{
	VipsImage *im = NULL, *t = NULL;
	double cx = 0, cy = 0, cw = iw, ch = ih, aspect = (double)w / h, sc;
	int lw, x, y, aw, ah, vr, uw = rs->rot % 180 != 0 ? ih : iw;

	if (rs->has_crop) {
		cx = rs->crop[0] * iw;
		cy = rs->crop[1] * ih;
		cw = rs->crop[2] * iw;
		ch = rs->crop[3] * ih;
	}
	/* The largest rectangle of the print's aspect in the region,
	 * centred in it. */
	if (cw / ch > aspect) {
		cx += (cw - ch * aspect) / 2;
		cw = ch * aspect;
	} else {
		cy += (ch - cw / aspect) / 2;
		ch = cw / aspect;
	}
	*eff = cw / ((double)w / rs->dpi);
	/* Decoded at the smallest scale that still covers the region. */
	sc = (double)w / cw;
	lw = sc >= 1 ? uw : (int)ceil(uw * sc);
	if (lw > uw)
		lw = uw;
	if (vips_thumbnail(rs->src, &im, lw, "height", VIPS_MAX_COORD,
	    "size", VIPS_SIZE_DOWN, NULL) != 0) {
		render_fail(cause, _("cannot read image"));
		return NULL;
	}
	/* The turn needs the picture at random: it is decoded (already
	 * shrunk) into memory first. */
	if (rs->rot % 360 != 0) {
		VipsAngle a = rs->rot == 90 ? VIPS_ANGLE_D90 :
		    rs->rot == 180 ? VIPS_ANGLE_D180 : VIPS_ANGLE_D270;

		if ((t = vips_image_copy_memory(im)) == NULL) {
			g_object_unref(im);
			render_fail(cause, _("cannot read image"));
			return NULL;
		}
		g_object_unref(im);
		im = t;
		if (STEP(im, vips_rot(im, &t, a, NULL)) != 0)
			goto fail;
	}
	sc = (double)im->Xsize / iw;
	x = (int)floor(cx * sc + 0.5);
	y = (int)floor(cy * sc + 0.5);
	aw = (int)floor(cw * sc + 0.5);
	ah = (int)floor(ch * sc + 0.5);
	/* Within a pixel or two of the print: cut it out as it is (the
	 * edge padded below) rather than resample the whole picture again. */
	if (abs(aw - w) <= 2 && abs(ah - h) <= 2) {
		x += (aw - w) / 2;
		y += (ah - h) / 2;
		aw = w < im->Xsize ? w : im->Xsize;
		ah = h < im->Ysize ? h : im->Ysize;
	}
	if (aw < 1)
		aw = 1;
	if (ah < 1)
		ah = 1;
	if (x + aw > im->Xsize)
		x = im->Xsize - aw;
	if (y + ah > im->Ysize)
		y = im->Ysize - ah;
	if (x < 0)
		x = 0;
	if (y < 0)
		y = 0;
	if (x + aw > im->Xsize || y + ah > im->Ysize) {
		*cause = xstrdup(_("the crop is outside the image"));
		g_object_unref(im);
		return NULL;
	}
	if (STEP(im, vips_extract_area(im, &t, x, y, aw, ah, NULL)) != 0)
		goto fail;
	if (abs(aw - w) > 2 || abs(ah - h) > 2) {
		if (STEP(im, vips_resize(im, &t, (double)w / aw,
		    "vscale", (double)h / ah, NULL)) != 0)
			goto fail;
	}
	if (vips_image_hasalpha(im) && STEP(im, vips_flatten(im, &t,
	    "background", vips_array_double_newv(1, 255.0), NULL)) != 0)
		goto fail;
	if ((vips_image_get_interpretation(im) != VIPS_INTERPRETATION_sRGB ||
	    im->Bands != 3) && STEP(im, vips_colourspace(im, &t,
	    VIPS_INTERPRETATION_sRGB, NULL)) != 0)
		goto fail;
	if (im->BandFmt != VIPS_FORMAT_UCHAR &&
	    STEP(im, vips_cast_uchar(im, &t, NULL)) != 0)
		goto fail;
	/* A rounding pixel either way: cut or pad to the exact size. */
	if ((im->Xsize != w || im->Ysize != h) && STEP(im, vips_embed(im, &t,
	    0, 0, w, h, "extend", VIPS_EXTEND_COPY, NULL)) != 0)
		goto fail;
	return im;
fail:
	render_fail(cause, _("cannot render the print"));
	if (im != NULL)
		g_object_unref(im);
	return NULL;
}

/* Copies of a w x h print on a sheet sw x sh pixels: how many across and
 * down, and their number. */
static int
render_fit(int w, int h, int sw, int sh, int *nx, int *ny)
{
	*nx = sw / w;
	*ny = sh / h;
	return *nx * *ny;
}

int
media_render_print(const struct render_spec *rs, struct render_out *out,
    char **cause)
{
	VipsImage *hdr, *im, *t = NULL, *sheet;
	int iw, ih, w, h, sw = 0, sh = 0, nx = 1, ny = 1, i, j, vr;
	void *vbuf = NULL;
	size_t n = 0;
	GSList *names = NULL, *l;
	void *prof = NULL;
	size_t proflen = 0;
	VipsBlob *blob = NULL;

	memset(out, 0, sizeof *out);
	if (media_vips_init(cause) != 0)
		return -1;
	if (rs->width_in <= 0 || rs->height_in <= 0 || rs->dpi <= 0) {
		*cause = xstrdup(_("the item has no print size"));
		return -1;
	}
	if ((hdr = vips_image_new_from_file(rs->src, NULL)) == NULL) {
		render_fail(cause, _("cannot read image"));
		return -1;
	}
	iw = hdr->Xsize;
	ih = hdr->Ysize;
	if (vips_image_get_orientation_swap(hdr))
		swap(&iw, &ih);
	g_object_unref(hdr);
	if (rs->rot % 180 != 0)
		swap(&iw, &ih);
	w = (int)floor(rs->width_in * rs->dpi + 0.5);
	h = (int)floor(rs->height_in * rs->dpi + 0.5);
	/* The print in the orientation of the image. */
	if ((iw > ih) != (w > h) && iw != ih && w != h)
		swap(&w, &h);
	if (rs->sheet_width_in > 0 && rs->sheet_height_in > 0) {
		int ax, ay, bx, by;

		sw = (int)floor(rs->sheet_width_in * rs->dpi + 0.5);
		sh = (int)floor(rs->sheet_height_in * rs->dpi + 0.5);
		/* The orientation of the copies that fits most on the sheet
		 * (the image's own when both fit as many). */
		if (render_fit(h, w, sw, sh, &bx, &by) >
		    render_fit(w, h, sw, sh, &ax, &ay)) {
			swap(&w, &h);
			nx = bx;
			ny = by;
		} else {
			nx = ax;
			ny = ay;
		}
		if (nx * ny < 1) {
			*cause = xstrdup(_("the print does not fit on its "
			    "sheet"));
			return -1;
		}
	}
	if ((im = render_one(rs, w, h, iw, ih, &out->effective_dpi,
	    cause)) == NULL)
		return -1;
	if (sw > 0) {
		/* Copies spaced evenly: equal gaps between them and at the
		 * edges, to cut along. */
		int gx = (sw - nx * w) / (nx + 1), gy = (sh - ny * h) / (ny + 1);

		if ((t = vips_image_copy_memory(im)) == NULL) {
			g_object_unref(im);
			render_fail(cause, _("cannot render the print"));
			return -1;
		}
		g_object_unref(im);
		im = t;
		if (vips_black(&sheet, sw, sh, "bands", 3, NULL) != 0 ||
		    STEP(sheet, vips_linear1(sheet, &t, 1.0, 255.0,
		    "uchar", TRUE, NULL)) != 0) {
			g_object_unref(im);
			render_fail(cause, _("cannot render the print"));
			return -1;
		}
		for (j = 0; j < ny; j++)
			for (i = 0; i < nx; i++) {
				if (STEP(sheet, vips_insert(sheet, im, &t,
				    gx + i * (w + gx), gy + j * (h + gy),
				    NULL)) != 0) {
					g_object_unref(im);
					render_fail(cause, _("cannot render "
					    "the print"));
					return -1;
				}
			}
		g_object_unref(im);
		if (STEP(sheet, vips_copy(sheet, &t, "interpretation",
		    VIPS_INTERPRETATION_sRGB, NULL)) != 0) {
			render_fail(cause, _("cannot render the print"));
			return -1;
		}
		im = sheet;
	}
	out->copies = nx * ny;
	/* The resolution (pixels per mm) and the sRGB profile, nothing of
	 * the source's metadata. */
	if (STEP(im, vips_copy(im, &t, "xres", rs->dpi / 25.4, "yres",
	    rs->dpi / 25.4, NULL)) != 0) {
		render_fail(cause, _("cannot render the print"));
		return -1;
	}
	(void)vips_image_map(im, meta_collect, &names);
	for (l = names; l != NULL; l = l->next)
		(void)vips_image_remove(im, l->data);
	g_slist_free_full(names, g_free);
	if (vips_profile_load("srgb", &blob, NULL) == 0 && blob != NULL) {
		prof = (void *)vips_blob_get(blob, &proflen);
		vips_image_set_blob_copy(im, VIPS_META_ICC_NAME, prof, proflen);
		vips_area_unref((VipsArea *)blob);
	}
	if (rs->dst != NULL ? vips_jpegsave(im, rs->dst, "Q", RENDER_Q,
	    "interlace", FALSE, NULL) != 0 :
	    vips_jpegsave_buffer(im, &vbuf, &n, "Q", RENDER_Q,
	    "interlace", FALSE, NULL) != 0) {
		render_fail(cause, _("cannot encode JPEG"));
		g_object_unref(im);
		return -1;
	}
	out->width_px = im->Xsize;
	out->height_px = im->Ysize;
	g_object_unref(im);
	if (rs->dst == NULL) {
		out->jpeg = xmalloc(n);
		memcpy(out->jpeg, vbuf, n);
		out->len = n;
		g_free(vbuf);
	}
	return 0;
}

/* Render jobs in the process with several prints at once, and libvips'
 * own concurrency from before the first of them. */
static pthread_mutex_t at_once_lock = PTHREAD_MUTEX_INITIALIZER;
static int at_once_jobs, at_once_saved;

int
media_render_at_once(int n, char **cause)
{
	if (media_vips_init(cause) != 0)
		return -1;
	pthread_mutex_lock(&at_once_lock);
	if (n > 1) {
		if (at_once_jobs++ == 0) {
			at_once_saved = vips_concurrency_get();
			vips_concurrency_set(1);
		}
	} else if (at_once_jobs > 0 && --at_once_jobs == 0)
		vips_concurrency_set(at_once_saved);
	pthread_mutex_unlock(&at_once_lock);
	return 0;
}

void
media_render_thread_done(void)
{
	vips_thread_shutdown();
}

/* The pixel size of the file at path, turned upright by its EXIF
 * orientation when upright is set. */
static int
render_file_size(const char *path, int upright, int *width, int *height,
    char **cause)
{
	VipsImage *im;

	if (media_vips_init(cause) != 0)
		return -1;
	if ((im = vips_image_new_from_file(path, NULL)) == NULL) {
		render_fail(cause, _("cannot read image"));
		return -1;
	}
	*width = im->Xsize;
	*height = im->Ysize;
	if (upright && vips_image_get_orientation_swap(im))
		swap(width, height);
	g_object_unref(im);
	return 0;
}

int
media_render_upright_size(const char *path, int *width, int *height,
    char **cause)
{
	return render_file_size(path, 1, width, height, cause);
}

int
media_render_size(const char *path, int *width, int *height, char **cause)
{
	return render_file_size(path, 0, width, height, cause);
}
