/*
 * store/lists: the queries behind the TUI's lists.
 *
 * A list is one kind (clients, sessions, jobs, ...) in one of the kind's
 * orders (a "sort": clients by last name, first name, student ID, grade or
 * teacher; sessions by number or time; ...), either way round.  Callers
 * never load a list whole.  They walk the order with a scan, a chunk of
 * rows at a time, between keystrokes: each chunk starts right after the
 * sort key of the previous chunk's last row (keyset pagination), through
 * an index that holds the order, so a chunk costs the same at the end of a
 * 100,000-row table as at its start, and no chunk sorts.  The scan hands
 * back the ids of the rows that pass the filter, in order; the rows on
 * screen are then read by id (lists_rows).
 *
 * Columns: each kind returns the columns named in its comment below, as
 * text (NULL for none); column 0 is always the row id.
 *
 * Threads: the caller's struct store, on its thread; the SQL texts are
 * built on first use, so one thread (the UI's) uses this module.  Errors:
 * -1 and store_errmsg() says why.
 */
#ifndef PICDAY_STORE_LISTS_H
#define PICDAY_STORE_LISTS_H

struct store;

enum lists_kind {
	/* id, last_name, first_name, student_id, grade, teacher,
	 * organization, role (NULL: a student) — by last name, first name, student ID, grade or
	 * teacher (the last three then by name) */
	LISTS_CLIENTS,
	/* id, number, last_name, first_name, student_id, organization,
	 * status, starts_at — by number or by time (then number) */
	LISTS_SESSIONS,
	/* id, id, kind, state, done, total, attempts, title, last_error —
	 * newest first */
	LISTS_JOBS,
	/* id, name, code, clients, sessions — by name */
	LISTS_ORGS,
	/* id, position, name, on_enter, sessions — by position */
	LISTS_STATUSES,
	/* id, number, session number, "last, first", invoice_date, total,
	 * paid, balance (cents) — by number or by date (then number) */
	LISTS_INVOICES,
	/* id, id, state, invoice number, items, created_at, rendered_at —
	 * newest first */
	LISTS_PRODUCTION,
	/* id, list, code, name, kind, price (cents), size, sheet, dpi,
	 * contains or grant — by code (then list) */
	LISTS_PRICE_ITEMS,
	LISTS_NKINDS
};

/* What passes and in which order.  The text is found (LIKE, ASCII
 * case-insensitive) in one of the visible columns; for the kinds that have
 * them, an organization and a status.  NULL/empty text and 0 ids mean
 * "any".  sort picks one of the kind's orders (0: the default), reverse
 * turns it round. */
struct lists_filter {
	const char	*text;
	long long	 org_id;	/* clients, sessions */
	long long	 status_id;	/* sessions */
	int		 sort;		/* 0 .. lists_nsorts() - 1 */
	int		 reverse;
};

/* Number of columns of a kind, row id included. */
int		 lists_ncols(enum lists_kind);
/* Rows in the table (unfiltered), or -1. */
long long	 lists_count(struct store *, enum lists_kind);
/* Orders of a kind (at least 1), and the column (>= 1) order `sort` is
 * sorted on, for the arrow in the list header. */
int		 lists_nsorts(enum lists_kind);
int		 lists_sort_col(enum lists_kind, int sort);

/* A walk through one order of a kind; it copies the filter. */
struct lists_scan;
typedef void	(*lists_id_fn)(long long id, void *arg);
struct lists_scan *lists_scan_new(enum lists_kind,
		    const struct lists_filter *);
void		 lists_scan_free(struct lists_scan *);
/* Reads the next n rows of the order and calls fn, in order, for each
 * that passes the filter.  Returns how many rows it read (fewer than n at
 * the end; 0 once done), or -1. */
long long	 lists_scan(struct store *, struct lists_scan *, long long n,
		    lists_id_fn fn, void *arg);
int		 lists_scan_done(const struct lists_scan *);

/* One row: cols[0] is the id as text; strings live until fn returns. */
typedef int	(*lists_row_fn)(long long id, const char *const *cols,
		    void *arg);
/* Calls fn for each of ids[0 .. n) that still exists, in that order;
 * fn returning nonzero stops.  Returns how many it called fn for, or -1. */
long long	 lists_rows(struct store *, enum lists_kind,
		    const long long *ids, long long n, lists_row_fn fn,
		    void *arg);
/*
 * The rows of positions [off, off + n) of the order of f (f may be NULL)
 * that pass f: with limit 0, returns how many; otherwise calls fn for
 * them in order after skipping `skip`, at most `limit` (negative: all),
 * and returns how many it called fn for.  fn returning nonzero stops.
 * Reads the order from its start: for one-off whole lists (exports, the
 * choices of a form), not for paging.  -1 on error.
 */
long long	 lists_range(struct store *, enum lists_kind,
		    const struct lists_filter *f, long long off, long long n,
		    long long skip, long long limit, lists_row_fn fn,
		    void *arg);

/* Label/value pairs describing one row in full (the detail pane); labels
 * are untranslated column names, the TUI translates them.  Returns the
 * pairs called, or -1. */
typedef void	(*lists_detail_fn)(const char *label, const char *value,
		    void *arg);
int		 lists_detail(struct store *, enum lists_kind, long long id,
		    lists_detail_fn fn, void *arg);

/* Jobs queued or running (for the status line), running first: calls fn
 * with id, kind, state, title, done, total; at most `max`.  Returns the
 * total number of such jobs, or -1. */
typedef void	(*lists_job_fn)(long long id, const char *kind,
		    const char *state, const char *title, long long done,
		    long long total, void *arg);
long long	 lists_jobs_active(struct store *, int max, lists_job_fn fn,
		    void *arg);
/* Jobs in state running (a lease may be held by any process), or -1. */
long long	 lists_jobs_running(struct store *);

/* For tests: the SQL text of variant v (0 .. LISTS_NVARIANTS - 1) of a
 * scan of kind k in order sort, or NULL when the kind has no such order
 * or the variant does not apply to it. */
#define LISTS_NVARIANTS	36
const char	*lists_scan_sql(enum lists_kind k, int sort, int v);

#endif
