/*
 * store/grant: delivery grants (DESIGN §4 stage 9) and the image marks
 * they read (composite flag, image groups).
 *
 * A grant belongs to one session, one session type or one price-list
 * item (the grant_id column of that row); adding one to a target that has
 * one replaces it.  Styles are the CLI's: all, ordered, selected,
 * non-composite, group:NAME, single.
 *
 * Threads: the caller's store.  Errors: -1, store_errmsg() says why.
 * Strings handed to callbacks live until the callback returns.
 */
#ifndef PICDAY_STORE_GRANT_H
#define PICDAY_STORE_GRANT_H

struct store;

enum grant_source { GRANT_SESSION, GRANT_TYPE, GRANT_ITEM };

struct grant_row {
	long long	 id;
	enum grant_source source;
	const char	*target;	/* session number, type name, item code */
	const char	*style;		/* "group:NAME" for groups */
	int		 long_side;	/* 0: full size */
	int		 watermark, release;
	long long	 image_id;	/* single: image of an invoice line
					 * (0: the line names none) */
	int		 invoiced;	/* item grants: on an invoice */
};
typedef int (*grant_row_fn)(const struct grant_row *, void *arg);

/* Adds the grant to the target (number, name or code): 1 and *id, 0 no
 * such target, -1 error (a bad style too). */
int	store_grant_add(struct store *, enum grant_source, const char *target,
	    const char *style, int long_side, int watermark, int release,
	    long long *id);
/* Every grant with its target; fn nonzero stops.  0 or -1. */
int	store_grant_each(struct store *, grant_row_fn, void *arg);
/* Removes grant id from what holds it: 1, 0 none, -1. */
int	store_grant_remove(struct store *, long long id);

/* The grants that apply to the session with that number: its own, its
 * type's, and those of items on its invoices (one row per invoice line,
 * image_id that line's image).  Items not on an invoice give nothing. */
int	store_grant_of_session(struct store *, long long number,
	    grant_row_fn, void *arg);

struct grant_image_row {
	long long	 id;
	const char	*path;		/* relative to the studio */
	int		 selected, composite, ordered;
	const char	*groups;	/* names joined by '\n', or NULL */
};
typedef int (*grant_image_fn)(const struct grant_image_row *, void *arg);
/* The session's images (not QR markers), by capture time. */
int	store_grant_images(struct store *, long long number, grant_image_fn,
	    void *arg);
/* Client "First Last" of the session (caller frees), NULL if none. */
char	*store_grant_client(struct store *, long long number);

/* The session number of the invoice with that number when one of its
 * lines is an item that grants a delivery; 0 none, -1. */
long long store_invoice_number_granted(struct store *, const char *number);
/* 1 when some price-list item grants a delivery, 0 not, -1. */
int	store_pricelist_grants_any(struct store *);
/* The number of the session of invoice (row id) when one of its lines is
 * an item that grants a delivery; 0 when none (or no session), -1. */
long long store_invoice_granted_session(struct store *, long long invoice);

/* The auto-created image group name of the session with that number
 * (image_groups.auto = 1; made when missing, a group of that name made by
 * hand is left alone), filled by its rule: with first > 0 the first
 * `first` frames by capture time (added, never taken out), with first 0
 * exactly the selected (✓) frames.  Its own short transaction unless the
 * caller holds one.  0 or -1. */
int	store_group_auto_fill(struct store *, long long number,
	    const char *name, int first);

/* The latest "delivery" job of the session with that number (queued by
 * hand or by an invoice): its id, 0 when none, -1. */
long long store_delivery_job(struct store *, long long number);

/* The session's delivery token / URL (caller frees), NULL if none. */
char	*store_delivery_token(struct store *, long long number);
char	*store_delivery_url(struct store *, long long number);
/* Sets them: 1, 0 no such session, -1 error. */
int	store_delivery_token_set(struct store *, long long number,
	    const char *token);
int	store_delivery_url_set(struct store *, long long number,
	    const char *url);

/* Marks: 1 done, 0 no such image, -1 error. */
int	store_image_composite(struct store *, long long id, int composite);
/* Puts image id into (or out of, remove) its session's group name, made
 * when missing. */
int	store_image_group(struct store *, long long id, const char *name,
	    int remove);

#endif
