/*
 * media/render: one print for the lab with libvips (DESIGN §4 "Rules the
 * later stages share"): the image cropped to the print's aspect in the
 * image's orientation (a portrait frame gives a portrait print), centred
 * or within the image's crop rectangle, sized at width_in x height_in
 * inches at dpi, sRGB with the sRGB profile embedded, the DPI in the file,
 * JPEG quality 95.  An n-up item (sheet size set) lays as many copies as
 * fit on a white sheet, spaced evenly (the cut gaps).  Nothing but the
 * picture is drawn on a print (a name for the lab goes to its back print,
 * in the manifest).
 *
 * Shrink-on-load: the JPEG is decoded at the smallest scale that still
 * covers the print.  Threads: any (libvips is thread-safe).
 */
#ifndef PICDAY_MEDIA_RENDER_H
#define PICDAY_MEDIA_RENDER_H

#include <stddef.h>

struct render_spec {
	const char	*src;			/* the image file */
	double		 width_in, height_in;	/* the print */
	int		 dpi;			/* > 0 */
	double		 sheet_width_in, sheet_height_in;	/* 0: not n-up */
	int		 has_crop;
	double		 crop[4];		/* x, y, w, h of the upright
						 * image turned by rot, 0-1 */
	int		 rot;			/* quarter turns clockwise
						 * before the crop: 0 90 180
						 * 270 */
	const char	*dst;			/* write the JPEG here (the
						 * caller renames it), or NULL:
						 * into out->jpeg */
};

struct render_out {
	void		*jpeg;			/* malloc()ed, caller frees;
						 * NULL when written to dst */
	size_t		 len;
	int		 width_px, height_px;	/* of the file */
	int		 copies;		/* prints on it (1 unless n-up) */
	double		 effective_dpi;		/* source pixels per inch */
};

/* 0, or -1 with *cause set (caller frees). */
int	media_render_print(const struct render_spec *, struct render_out *,
	    char **cause);

/* Several prints rendered at once (n > 1) each run their libvips
 * pipeline on one thread (they already keep the cores busy, and a pool of
 * threads per pipeline only adds buffers); a job that called it with n > 1
 * calls it with 0 when done, and the last such job in the process puts
 * back libvips' concurrency of before.  Cheap; 0 or -1 (*cause) when
 * libvips cannot start. */
int	media_render_at_once(int n, char **cause);

/* A thread that rendered prints calls this before it ends (libvips'
 * per-thread buffers). */
void	media_render_thread_done(void);

/* The size of a picture upright (its EXIF orientation applied).  0 or
 * -1 (*cause). */
int	media_render_upright_size(const char *path, int *width, int *height,
	    char **cause);

/* The pixel size of an image file already written.  0 or -1 (*cause). */
int	media_render_size(const char *path, int *width, int *height,
	    char **cause);

#endif
