/*
 * store/lists: the windowed queries behind the TUI's lists.
 *
 * A list is a fixed order over one table (sessions by number, clients by
 * name, jobs newest first, ...).  Callers never load a list whole: they ask
 * for a RANGE of positions [off, off + n) of that unfiltered order, and get
 * the rows of the range that pass the filter, skipping the first `skip`
 * matches and returning at most `limit` rows.  The range is read through
 * the order's index alone, so its cost does not grow with the table: the
 * TUI counts a filtered 100,000-row list a few thousand rows at a time,
 * between keystrokes.
 *
 * Columns: each kind returns the columns named in its comment below, as
 * text (NULL for none); column 0 is always the row id.
 *
 * Threads: the caller's struct store, on its thread.  Errors: -1 and
 * store_errmsg() says why.
 */
#ifndef PICDAY_STORE_LISTS_H
#define PICDAY_STORE_LISTS_H

struct store;

enum lists_kind {
	/* id, last_name, first_name, student_id, grade, teacher,
	 * organization — by last name, first name */
	LISTS_CLIENTS,
	/* id, number, last_name, first_name, student_id, organization,
	 * status, starts_at — by number */
	LISTS_SESSIONS,
	/* id, id, kind, state, done, total, attempts, title, last_error —
	 * newest first */
	LISTS_JOBS,
	/* id, name, code, clients, sessions — by name */
	LISTS_ORGS,
	/* id, position, name, on_enter, sessions — by position */
	LISTS_STATUSES,
	/* id, number, invoice_date, last_name, first_name, session number,
	 * total (cents) — by number */
	LISTS_INVOICES,
	/* id, id, state, invoice number, items, created_at, rendered_at —
	 * newest first */
	LISTS_PRODUCTION,
	LISTS_NKINDS
};

/* What passes: a text found (LIKE, ASCII case-insensitive) in one of the
 * visible columns, and for the kinds that have them, an organization and a
 * status.  NULL/empty text and 0 ids mean "any". */
struct lists_filter {
	const char	*text;
	long long	 org_id;	/* clients, sessions */
	long long	 status_id;	/* sessions */
};

/* Number of columns of a kind, row id included. */
int		 lists_ncols(enum lists_kind);
/* Rows in the table (unfiltered), or -1. */
long long	 lists_count(struct store *, enum lists_kind);

/* One row: cols[0] is the id as text; strings live until fn returns. */
typedef int	(*lists_row_fn)(long long id, const char *const *cols,
		    void *arg);
/*
 * With limit 0: returns how many rows of positions [off, off + n) pass f.
 * Otherwise calls fn for the passing rows of that range in order, after
 * skipping `skip` of them, at most `limit` (a negative limit: all), and
 * returns how many it called fn for.  fn returning nonzero stops early.
 * f may be NULL.  -1 on error.
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

/* A client made by hand (the New client form).  Empty strings are stored
 * as NULL; org_id 0 is none.  0 and *id set, or -1 with *cause (caller
 * frees), e.g. when the student ID is already taken in that
 * organization. */
struct lists_client {
	const char	*first_name, *last_name, *student_id, *grade;
	const char	*teacher, *email;
	long long	 org_id;
};
int		 lists_client_insert(struct store *,
		    const struct lists_client *, long long *id, char **cause);

#endif
