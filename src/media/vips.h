/*
 * media/vips: libvips, started once and only when first needed.
 *
 * Neither loading libvips (about a hundred shared libraries, 80-100 ms of
 * CPU for the dynamic loader: media/vipsdl.h) nor initialising it (threads,
 * caches, ~20 MB resident, DESIGN §5) is cheap, so nothing loads libvips or
 * calls vips_init() until an image is really processed.  media_vips_init() is thread-safe and cheap
 * after the first call.  The operation cache is off: every file is read
 * once, and a cache keyed by file name would hand back stale pixels after a
 * file is replaced.
 */
#ifndef PICDAY_MEDIA_VIPS_H
#define PICDAY_MEDIA_VIPS_H

/* Once at start-up, before any thread: keeps libvips' optional modules
 * (HEIF, JPEG XL, PDF, ImageMagick...) out of the process by setting
 * VIPSHOME to a prefix without them, unless the user set one.  Children
 * inherit it. */
void	 media_vips_environ(void);
/* 0, or -1 with *cause set (caller frees) when libvips cannot start. */
int	 media_vips_init(char **cause);
/* Starts libvips (as media_vips_init()) with n worker threads per image
 * pipeline (process-wide; 0: libvips' default, one per core).  Jobs that
 * run their own threads of pictures set 1: memory stays bounded. */
int	 media_vips_threads(int n, char **cause);
/* The pending libvips error text, taken (caller frees); never NULL. */
char	*media_vips_error(void);

#endif
