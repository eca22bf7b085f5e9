/*
 * media/portrait: a portrait cut to an exact size, for the school's
 * exports (yearbook, SIS photos, composites).
 *
 * The source is read with shrink-on-load (vips_thumbnail), turned upright
 * by its EXIF orientation, scaled to cover width x height and cropped
 * around its centre to exactly that size (DESIGN §4: centred unless the
 * image has a crop; images carry no crop yet), made sRGB with 3 bands (no
 * alpha, no grey), metadata stripped.  The source is only read.
 * Thread-safe.
 */
#ifndef PICDAY_MEDIA_PORTRAIT_H
#define PICDAY_MEDIA_PORTRAIT_H

#include <stddef.h>

/* A JPEG of quality q in *buf (caller frees with free()), *len bytes.
 * 0, or -1 with *cause set (caller frees, one line). */
int	media_portrait_jpeg(const char *src, int width, int height, int q,
	    void **buf, size_t *len, char **cause);

/* The same pixels as 8-bit RGB rows (width * 3 bytes each) in *rgb
 * (caller frees with free()), and when jpeg is not NULL also as a JPEG of
 * quality 90 in *jpeg, *jpeglen bytes (caller frees with free()), from one
 * decode.  0 or -1 with *cause. */
int	media_portrait_rgb(const char *src, int width, int height,
	    unsigned char **rgb, void **jpeg, size_t *jpeglen, char **cause);

#endif
