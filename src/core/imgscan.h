/*
 * core/imgscan: reads a card for the Bulk Image Importer: walks it
 * (core/cardscan), reads each frame's EXIF (media/exif) and, when sorting
 * by QR, looks for codes (media/qrscan), on a pool of threads, one per core;
 * then sorts the frames (core/imgsort) and turns the result, after the
 * operator's fixes, into the payload of an "import" job.
 *
 *   struct imgscan sc;
 *   struct imgsort_result r;
 *   imgscan_card(dir, &opts, &sc, &cause);          slow: all cores
 *   imgscan_sort(&sc, st, &r);                      fast: pure + look-ups
 *   ... show r; the operator moves frames ...
 *   items = imgscan_items(&sc, &r, st, &n);         what to import
 *   payload = imgscan_payload(dir, "qr", items, n, advance);
 *   jobs_queue(st, "import", title, payload, &cause);
 *
 * Threads: imgscan_card() runs its own worker threads and calls
 * opts->progress from them (serialised by a mutex).  The rest runs on the
 * caller's thread with the caller's store.
 * Errors: imgscan_card() fails (-1, *cause) only when the folder cannot be
 * read; a frame that cannot be read is marked unreadable with its reason.
 */
#ifndef PICDAY_CORE_IMGSCAN_H
#define PICDAY_CORE_IMGSCAN_H

#include <stddef.h>

#include "core/imgsort.h"

struct store;

enum imgscan_by {
	IMGSCAN_QR,		/* QR markers start runs */
	IMGSCAN_METADATA,	/* the number is in an EXIF field or COM */
	IMGSCAN_SESSION		/* every frame into one session */
};

struct imgscan_opts {
	enum imgscan_by	 by;
	int		 field;		/* METADATA: an exifmeta_field, or -1
					   for the first that holds a number */
	const char	*session;	/* SESSION: the session number */
	int		 threads;	/* 0: one per core */
	void		(*progress)(void *arg, size_t done, size_t total);
	void		*arg;
};

struct imgscan_frame {
	char		 *rel;		/* relative to the card */
	char		 *body;		/* "make|model|serial" */
	char		 *camera;	/* "Make Model #serial", or NULL */
	long long	  time_ms;	/* capture time, else file time; -1 */
	char		  captured_at[32];	/* ISO, "" if no EXIF time */
	int		  width, height, orientation;
	int		  unreadable;
	char		 *why;		/* why unreadable */
	int		  qr_like;
	char		**codes;
	size_t		  ncodes;
};

struct imgscan {
	char			*dir;
	enum imgscan_by		 by;
	struct imgscan_frame	*f;
	size_t			 n;
	struct imgsort_frame	*sf;	/* the same frames, for imgsort */
	char			*walk_problem;	/* a subfolder not read, or NULL */
};

int	imgscan_card(const char *dir, const struct imgscan_opts *,
	    struct imgscan *, char **cause);
void	imgscan_free(struct imgscan *);

/* Sorts the scanned frames; a code is a session when the studio st has a
 * session with that number. */
void	imgscan_sort(const struct imgscan *, struct store *,
	    struct imgsort_result *);

/* One frame to copy into one session. */
struct import_item {
	const char	*rel;		/* borrowed */
	long long	 number;	/* session number */
	int		 marker;
};

/* What the sort assigns to sessions: the frames of every session, and the
 * markers whose code is a session of st (kept, flagged as markers), in
 * capture order per session.  Caller frees the array (not the paths). */
struct import_item *imgscan_items(const struct imgscan *,
	    const struct imgsort_result *, struct store *, size_t *n);
/* The "import" job payload: {"dir", "mode", "advance", "items": [{"p",
 * "n", "m"}]}; dir is made absolute (the worker runs elsewhere).  mode is
 * "qr", "metadata" or "session" (for the record).  Caller frees. */
char	*imgscan_payload(const char *dir, const char *mode,
	    const struct import_item *, size_t n, int advance);

#endif
