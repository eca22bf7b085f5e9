/*
 * store/production: production orders and their prints (DESIGN §4, stage
 * 8), and the crop of an image.
 *
 * An order belongs to one invoice (production_orders.invoice_id unique);
 * its items are prints: an image, a price list item with a size, a
 * quantity (of sheets for an n-up item) and the lab-safe file name the
 * render writes.  Order states: new, rendered, shipped; item states: new,
 * rendered, failed.
 *
 * Threads: the caller's store.  Errors: -1, store_errmsg() says why.
 * Strings handed to callbacks live until the callback returns.
 */
#ifndef PICDAY_STORE_PRODUCTION_H
#define PICDAY_STORE_PRODUCTION_H

#include <stddef.h>

struct store;

/* Invoice ids without an order, oldest first (*ids caller frees). */
int	store_production_unordered(struct store *, long long **ids, size_t *n);
/* An invoice by number: 1 (*id, *ordered 1 when it has an order), 0, -1. */
int	store_production_invoice(struct store *, const char *number,
	    long long *id, int *ordered);
/* The number of the invoice with that row id (caller frees), or NULL. */
char	*store_production_invoice_number(struct store *, long long id);

struct production_line {
	long long	 line_id, item_id, image_id;	/* 0: none */
	long long	 session_id;			/* 0: none */
	long long	 quantity;
	const char	*kind;		/* print digital package other */
	const char	*code;
	const char	*contains;	/* of a package, or NULL */
};
typedef int (*production_line_fn)(const struct production_line *, void *);
/* The lines of an invoice, in order.  0 or -1. */
int	store_production_lines(struct store *, long long invoice_id,
	    production_line_fn, void *arg);

int	store_production_order_insert(struct store *, long long invoice_id,
	    long long *order_id);
int	store_production_item_insert(struct store *, long long order_id,
	    long long line_id, long long image_id, long long item_id,
	    long long quantity, const char *file);

/* Moves a session forward to the status named `to` (never back), with
 * history ('production', note; 'status', old, to).  *moved 1 if it
 * moved. */
int	store_production_session_move(struct store *, long long session_id,
	    const char *to, const char *note, int *moved);

struct production_order_row {
	long long	 id;
	const char	*invoice;
	long long	 session;		/* number, 0 if none */
	const char	*client;		/* "Last, First" or NULL */
	const char	*state;
	long long	 items, quantity;
	const char	*created_at, *rendered_at, *shipped_at;	/* or NULL */
	const char	*render_dir;	/* where it was last rendered, or NULL */
};
typedef int (*production_order_fn)(const struct production_order_row *,
	    void *);
/* Orders by id (only those not shipped when open_only); fn nonzero
 * stops.  0 or -1. */
int	store_production_each(struct store *, int open_only,
	    production_order_fn, void *arg);
/* 1 and fn called once, 0 none, -1. */
int	store_production_get(struct store *, long long id,
	    production_order_fn, void *arg);

struct production_item_row {
	long long	 id, order_id, image_id, quantity;
	const char	*invoice;
	long long	 session;
	const char	*last_name, *first_name;	/* or NULL */
	const char	*code, *name;
	double		 width_in, height_in;		/* 0: none */
	int		 dpi;				/* 0: default */
	double		 sheet_width_in, sheet_height_in;	/* 0: none */
	const char	*image_path;	/* relative to the studio, or NULL */
	int		 has_crop;
	double		 crop[4];	/* x, y, w, h (0-1) */
	const char	*file;
	const char	*state;
	int		 crop_rot;	/* 0 90 180 270, before the crop */
	const char	*org;		/* organization name, or NULL */
};
typedef int (*production_item_fn)(const struct production_item_row *,
	    void *);
/* The prints of an order by id.  0 or -1. */
int	store_production_items(struct store *, long long order_id,
	    production_item_fn, void *arg);
int	store_production_item_state(struct store *, long long item_id,
	    const char *state);
/* state "rendered" also sets rendered_at, "shipped" shipped_at. */
/* Marks an order rendered into dir (absolute; a copy is kept): 0 or -1. */
int	store_production_order_rendered(struct store *, long long order_id,
	    const char *dir);
int	store_production_order_state(struct store *, long long order_id,
	    const char *state);
/* Every print of the order to render again (after a crop changed): items
 * back to new, the order too unless shipped.  1, 0 no such order, -1. */
int	store_production_order_reset(struct store *, long long order_id);
/* The session of an order's invoice and how many of that session's
 * orders are not shipped.  1, 0 (no such order), -1. */
int	store_production_session_open(struct store *, long long order_id,
	    long long *session_id, long long *open);

/* The frames of an organization for its contact sheet: not markers nor
 * composites, by student (as a person sorts names), session, capture.
 * fn(caption "Last, First (SESSION) FILE", path relative to the studio);
 * nonzero stops.  0 or -1. */
typedef int (*production_frame_fn)(const char *caption, const char *path,
	    void *arg);
int	store_production_frames(struct store *, long long org_id,
	    production_frame_fn, void *arg);

/* Sets (has_crop) or clears an image's crop, and its quarter turns rot
 * (degrees clockwise, applied to the upright picture before the crop,
 * whose rectangle is of the turned picture).  1 done, 0 no image, -1. */
int	store_image_crop_set(struct store *, long long image_id, int has_crop,
	    double x, double y, double w, double h, int rot);

struct image_crop {
	int		 has_crop;	/* 0: centred (crop 0,0,1,1) */
	double		 crop[4];	/* x, y, w, h (0-1) */
	int		 rot;		/* 0 90 180 270 */
	char		 path[1024];	/* relative to the studio */
};
/* An image's crop.  1, 0 no such image, -1. */
int	store_image_crop_get(struct store *, long long image_id,
	    struct image_crop *);

#endif
