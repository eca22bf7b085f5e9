/*
 * store/preview: the SQL of the preview job: images that lack a preview,
 * and recording one (images.preview_path, relative to the studio folder).
 *
 * A job's failures are job_steps rows named "fail:<image id>", so that a
 * resumed job does not try an undecodable image again and again.
 * Threads: the caller's connection.  Errors: -1 (store_errmsg()).
 */
#ifndef PICDAY_STORE_PREVIEW_H
#define PICDAY_STORE_PREVIEW_H

struct store;

struct store_preview_image {
	long long	 id;
	char		*path;		/* relative to the studio folder */
};

/* Images lacking a preview that job has not already failed on. 0 or -1. */
int	store_preview_count_pending(struct store *, long long job_id,
	    long long *n);
/* The first such image with id > after: 1 (*out filled; free out->path),
 * 0 none left, -1. */
int	store_preview_next(struct store *, long long job_id, long long after,
	    struct store_preview_image *out);
/* Records the preview of an image.  0 or -1. */
int	store_preview_set(struct store *, long long image_id, const char *rel);
/* The recorded preview of an image: 1 with *rel (relative; caller frees),
 * 0 none, -1. */
int	store_preview_get(struct store *, long long image_id, char **rel);

#endif
