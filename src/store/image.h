/*
 * store/image: the SQL of imported images (table images) and the look-ups
 * the importer needs.
 *
 * An image row belongs to one session; (session, sha256) is unique, so the
 * same bytes never land twice in one session.  Paths are relative to the
 * studio folder ("library/ORG/NUMBER/IMG_0001.JPG").
 *
 * Threads: the caller's store only.  Errors: -1 (store_errmsg() says why);
 * look-ups return 1 found, 0 not found, -1 error.  Strings in rows passed
 * to callbacks belong to the statement and live only during the callback.
 */
#ifndef PICDAY_STORE_IMAGE_H
#define PICDAY_STORE_IMAGE_H

#include <stddef.h>

struct store;

struct image_row {
	long long	 id;
	long long	 session_id;
	const char	*path;		/* relative to the studio */
	const char	*source_path;	/* where it came from */
	const char	*sha256;	/* lower-case hex */
	long long	 bytes;
	int		 width, height;	/* 0: unknown */
	int		 orientation;
	const char	*captured_at;	/* "YYYY-MM-DDTHH:MM:SS.mmm" or NULL */
	const char	*camera;	/* "Make Model #serial" or NULL */
	int		 is_marker;
	int		 selected;
};

/* The session with that number: its id and organization name (caller
 * frees; "" when the session has none). */
int	store_image_session(struct store *, long long number, long long *id,
	    char **org);
/* Is there an image with that hash in the session? */
int	store_image_has_sha(struct store *, long long session_id,
	    const char *sha256);
/* The id of the image stored at path (relative), or 0. -1 error. */
long long store_image_at(struct store *, const char *path);
/* Inserts a row (id ignored); the new id, 0 when the session already has
 * those bytes, -1 on error. */
long long store_image_insert(struct store *, const struct image_row *);
/* The images of a session in capture order (then path). */
typedef int (*image_row_fn)(const struct image_row *, void *arg);
int	store_image_each(struct store *, long long session_id, image_row_fn,
	    void *arg);
/* The frames an "import" job was given: its payload's items array
 * ({"p": card path, "n": session number, "m": marker}), in order.
 * 0 (caller frees with store_image_job_items_free) or -1. */
struct image_job_item {
	char		*rel;
	long long	 number;
	int		 marker;
};
int	store_image_job_items(struct store *, long long job_id,
	    struct image_job_item **, size_t *n);
void	store_image_job_items_free(struct image_job_item *, size_t n);

/* The studio's ✓ mark (selected 1) on image id, or off (0): 1 done, 0 no
 * such image, -1 error. */
int	store_image_select(struct store *, long long id, int selected);

/* Number of images of a session. */
long long store_image_count(struct store *, long long session_id);

#endif
