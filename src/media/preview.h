/*
 * media/preview: preview JPEGs made with libvips.
 *
 * media_preview_make() reads src with shrink-on-load (vips_thumbnail),
 * turns it upright by its EXIF orientation, fits it in long_side x long_side
 * (never enlarging), strips the metadata and writes a JPEG to dst
 * atomically: a temporary ".NAME.PID.TID.tmp" beside it, fsync, rename.  So
 * dst is either absent or whole, and making the same preview twice just
 * replaces it.  media_preview_sweep() removes temporaries left by processes
 * that died.  The source is only read.  Thread-safe.
 */
#ifndef PICDAY_MEDIA_PREVIEW_H
#define PICDAY_MEDIA_PREVIEW_H

/* 0, or -1 with *cause set (caller frees, one line). */
int	media_preview_make(const char *src, const char *dst, int long_side,
	    char **cause);
/* The same with text laid across the middle in translucent white (the
 * watermark of online previews; NULL or "" for none). */
int	media_preview_make_marked(const char *src, const char *dst,
	    int long_side, const char *watermark, char **cause);
/* The same made from near (a smaller picture of the same frame, e.g. the
 * import's preview, already oriented) when near decodes to exactly
 * long_side, else from src; near may be NULL. */
int	media_preview_make_from(const char *near, const char *src,
	    const char *dst, int long_side, const char *watermark,
	    char **cause);
/* Removes the temporaries of dead processes from folder dir. */
void	media_preview_sweep(const char *dir);

#ifdef VIPS_MAJOR_VERSION
/* The preview's watermark across *im (replaced): 0, or -1 (libvips
 * error).  Used by media/delivery. */
int	media_watermark(VipsImage **im, const char *text);
#endif

#endif
