/*
 * core/invoice-import: an invoice CSV read, mapped and reconciled (DESIGN
 * §1.7, §4 "invoices import"), without touching the database.
 *
 * Two shapes: one row per invoice (totals only, no lines), or one row per
 * line item, rows grouped by invoice number (they need not be next to each
 * other).  The shape is guessed from the columns (an item column means
 * lines) unless the caller sets it.  Headers are recognised by themselves
 * ("Invoice Number", "Session Number", "Client Number", "Student ID",
 * "Invoice Date", "Item Code", "Description", "Qty", "Unit Price",
 * "Line Total", "Total", "Paid", "Image" and common variants); any column
 * may be mapped by hand (--map COLUMN=FIELD).
 *
 * inv_import_reconcile() asks the studio through struct inv_lookup (the
 * store answers in core/invoice.c; unit tests answer with fakes) and
 * decides for every invoice: new, already imported (skipped: key invoice
 * number), or rejected with every problem found, each with its file line
 * (header = line 1): unknown session, client or student ID, unknown item
 * code, a line total that is not quantity × unit price, an invoice total
 * that is not the sum of its lines, bad amounts or dates, rows of one
 * invoice that disagree.  One bad line rejects its whole invoice.  Money is
 * integer cents (core/money), dates become YYYY-MM-DD.
 *
 * Ownership: the struct inv_import owns every string and array it hands
 * out, until inv_import_free().  One thread at a time.  Errors: -1 with
 * *cause (caller frees).
 */
#ifndef PICDAY_CORE_INVOICE_IMPORT_H
#define PICDAY_CORE_INVOICE_IMPORT_H

#include <stddef.h>

enum inv_field {
	INV_IGNORE = -1,
	INV_INVOICE,
	INV_SESSION,
	INV_CLIENT,
	INV_STUDENT_ID,
	INV_DATE,
	INV_ITEM,
	INV_DESCRIPTION,
	INV_QUANTITY,
	INV_UNIT_PRICE,
	INV_AMOUNT,
	INV_TOTAL,
	INV_PAID,
	INV_IMAGE,
	INV_NFIELDS
};

/* "invoice", "session", ... as in DESIGN §4; "ignore" for INV_IGNORE. */
const char	*inv_field_name(enum inv_field);
int		 inv_field_parse(const char *, enum inv_field *);
enum inv_field	 inv_field_guess(const char *header);

enum inv_shape { INV_SHAPE_INVOICE, INV_SHAPE_LINE };
const char	*inv_shape_name(enum inv_shape);	/* "invoice", "line" */

/* What the studio knows.  Each returns 1 found, 0 not, -1 error. */
struct inv_lookup {
	void	*arg;
	/* A session by number: its id and client (0 if none). */
	int	(*session)(void *arg, long long number, long long *session_id,
		    long long *client_id);
	/* A client by number (its id): exists?  And its newest session. */
	int	(*client)(void *arg, long long number, long long *session_id);
	/* A client by student ID: 2 when several organizations have it. */
	int	(*student)(void *arg, const char *student_id,
		    long long *client_id, long long *session_id);
	/* A price-list item by code: id and price. */
	int	(*item)(void *arg, const char *code, long long *item_id,
		    long long *price_cents);
	/* An image of the session by id or file name. */
	int	(*image)(void *arg, long long session_id, const char *name,
		    long long *image_id);
	/* An invoice with that number is already in the studio. */
	int	(*invoice_exists)(void *arg, const char *number);
};

enum inv_action { INV_NEW, INV_SKIPPED, INV_REJECTED, INV_NACTIONS };
const char	*inv_action_name(enum inv_action); /* new, skipped, rejected */

struct inv_line {
	long		 line;		/* file line */
	const char	*item_code;
	const char	*description;	/* may be "" */
	const char	*image;		/* as written; "" for none */
	long long	 item_id;
	long long	 quantity;
	long long	 unit_cents;
	long long	 amount_cents;
	long long	 image_id;	/* 0: none */
	size_t		 next;		/* next line of its invoice, or SIZE_MAX */
};

struct inv_invoice {
	const char	*number;
	long		 line;		/* its first file line */
	enum inv_action	 action;
	long long	 session_number;	/* 0: none */
	long long	 session_id;		/* 0: none */
	long long	 client_id;		/* 0: none */
	char		 date[11];		/* "" when none */
	long long	 total_cents;
	long long	 paid_cents;
	size_t		 first, last;	/* its lines (SIZE_MAX: none) */
	size_t		 nlines;
	const char	*reason;	/* rejected: the first problem */
};

struct inv_problem {
	long		 line;
	size_t		 invoice;	/* index, or SIZE_MAX for none */
	char		*reason;
};

struct inv_import;

/* Reads path (read-only), or data[0..len) when data is not NULL. */
int		 inv_import_open(const char *path, const char *data, size_t len,
		    struct inv_import **, char **cause);
void		 inv_import_free(struct inv_import *);

const char	*inv_import_name(const struct inv_import *);
size_t		 inv_import_ncols(const struct inv_import *);
const char	*inv_import_header(const struct inv_import *, size_t col);
size_t		 inv_import_nrows(const struct inv_import *);
enum inv_field	 inv_import_get_map(const struct inv_import *, size_t col);
/* The column mapped to f, or -1. */
long		 inv_import_col_of(const struct inv_import *, enum inv_field);
/* A cell as read ("" past the row's end), for previews. */
const char	*inv_import_cell(const struct inv_import *, size_t row,
		    size_t col);
/* Maps col to f (a column that had f before is ignored from then on). */
void		 inv_import_set_map(struct inv_import *, size_t col,
		    enum inv_field);
/* --map COLUMN=FIELD: the column by its header text.  0 or -1, *cause. */
int		 inv_import_map_column(struct inv_import *, const char *column,
		    enum inv_field, char **cause);
/* The shape guessed from the mapping, or the one set. */
enum inv_shape	 inv_import_shape(const struct inv_import *);
void		 inv_import_set_shape(struct inv_import *, enum inv_shape);
/* Whether the mapping can import: an invoice column; in the line shape an
 * item column; in the invoice shape a total; a session, client or student
 * ID column.  0, or -1 with *cause. */
int		 inv_import_check(const struct inv_import *, char **cause);

/* Groups the rows into invoices and decides each.  May be called again
 * after the mapping changed.  0, or -1 with *cause (a lookup failed). */
int		 inv_import_reconcile(struct inv_import *,
		    const struct inv_lookup *, char **cause);

size_t		 inv_import_ninvoices(const struct inv_import *);
const struct inv_invoice *inv_import_invoice(const struct inv_import *,
		    size_t i);
const struct inv_line *inv_import_line(const struct inv_import *, size_t i);
size_t		 inv_import_nproblems(const struct inv_import *);
const struct inv_problem *inv_import_problem(const struct inv_import *,
		    size_t i);
/* Invoices per action, lines of the new invoices, and their total. */
size_t		 inv_import_count(const struct inv_import *, enum inv_action);
size_t		 inv_import_new_lines(const struct inv_import *);
long long	 inv_import_new_cents(const struct inv_import *);

#endif
