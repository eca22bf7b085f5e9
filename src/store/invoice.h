/*
 * store/invoice: invoices and their lines (DESIGN §4, stage 7), and the
 * look-ups an invoice import needs.
 *
 * Key of an invoice: its number (text, unique).  Money in integer cents.
 * Threads: the caller's store.  Errors: -1, store_errmsg() says why.
 * Strings handed to callbacks live until the callback returns.
 */
#ifndef PICDAY_STORE_INVOICE_H
#define PICDAY_STORE_INVOICE_H

struct store;

/* Look-ups: 1 found, 0 not, -1 error. */
int	store_invoice_session(struct store *, long long number,
	    long long *session_id, long long *client_id);
/* A client by id; *session_id its newest session (0 if none). */
int	store_invoice_client(struct store *, long long client_id,
	    long long *session_id);
/* A client by student ID; 2 when several clients have it. */
int	store_invoice_student(struct store *, const char *student_id,
	    long long *client_id, long long *session_id);
/* An image of the session by id or by file name (last path part). */
int	store_invoice_image(struct store *, long long session_id,
	    const char *name, long long *image_id);
/* The session's pose: its selected image (earliest captured), else its
 * first frame that is not a QR marker. */
int	store_invoice_pose(struct store *, long long session_id,
	    long long *image_id);
int	store_invoice_exists(struct store *, const char *number);

/* Inserts an invoice; *id its row.  date may be NULL.  0 or -1. */
int	store_invoice_insert(struct store *, const char *number,
	    long long client_id, long long session_id, const char *date,
	    long long total_cents, long long paid_cents, const char *source,
	    long long *id);
int	store_invoice_line_insert(struct store *, long long invoice_id,
	    long long item_id, const char *item_code, const char *description,
	    long long quantity, long long unit_cents, long long amount_cents,
	    long long image_id);
/*
 * The session has an order: moves it to the status named "Ordered" unless
 * it is already there or further along, and writes the history ('invoice',
 * number; and 'status', old, Ordered when it moved).  *moved 1 if it moved.
 */
int	store_invoice_session_ordered(struct store *, long long session_id,
	    const char *number, int *moved);
/* Only the history line ('invoice', number): for a session already
 * moved (or found further along) earlier in the same transaction. */
int	store_invoice_session_note(struct store *, long long session_id,
	    const char *number);
/* The next manual invoice number "M<n>" not taken (caller frees). */
char	*store_invoice_next_number(struct store *);

struct invoice_row {
	long long	 id;
	const char	*number;
	long long	 session;	/* number, 0 if none */
	long long	 client_id;	/* 0 if none */
	const char	*client;	/* "Last, First" or NULL */
	const char	*date;		/* or NULL */
	long long	 total_cents, paid_cents;
	long long	 lines;
};
typedef int (*invoice_row_fn)(const struct invoice_row *, void *arg);
/* Invoices (of one session when session_number > 0), by date then number;
 * fn nonzero stops.  0 or -1. */
int	store_invoice_each(struct store *, long long session_number,
	    invoice_row_fn, void *arg);
/* One invoice by number: 1 (fn called), 0 none, -1. */
int	store_invoice_get(struct store *, const char *number, invoice_row_fn,
	    void *arg);

struct invoice_line_row {
	const char	*item;
	const char	*description;
	long long	 quantity, unit_cents, amount_cents;
	long long	 image_id;	/* 0 if none */
	const char	*image;		/* its file name, or NULL */
	const char	*image_path;	/* its preview, else the file
					 * (relative to the studio), or NULL */
};
typedef int (*invoice_line_fn)(const struct invoice_line_row *, void *arg);
/*
 * The totals of the invoices a text filter passes (as store/lists filters
 * the Invoices hub: number, names, session number, date; NULL or "" for
 * all), a chunk at a time so that a screen never waits: adds the invoices
 * with ids after *after_id, at most `limit` rows read, to *n, *total_cents
 * and *paid_cents, and moves *after_id on.  Returns 1 when the table is
 * done, 0 when there is more, -1 on error.
 */
int	store_invoice_totals(struct store *, const char *text,
	    long long *after_id, long long limit, long long *n,
	    long long *total_cents, long long *paid_cents);

/* The lines of an invoice (by its row id), in order.  0 or -1. */
int	store_invoice_lines(struct store *, long long invoice_id,
	    invoice_line_fn, void *arg);

/* Mapping templates of the Invoice Import: "Header=field" lines.  get:
 * 1 with *map (caller frees), 0 none, -1; put: 0 or -1. */
int	store_invoice_map_get(struct store *, const char *name, char **map);
int	store_invoice_map_put(struct store *, const char *name,
	    const char *map);

#endif
