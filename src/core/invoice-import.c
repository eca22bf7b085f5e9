/* core/invoice-import: invoice CSV in, invoices reconciled out (pure). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvtable.h"
#include "core/invoice-import.h"
#include "core/money.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define NONE	SIZE_MAX
#define QTY_MAX	100000

struct inv_import {
	struct csvtable		*t;
	enum inv_field		*map;		/* per column */
	int			 shape_set;
	enum inv_shape		 shape;
	struct inv_invoice	*inv;
	size_t			 ninv, capinv;
	struct inv_line		*lines;		/* one per row at most */
	size_t			 nlines;
	struct inv_problem	*probs;
	size_t			 nprobs, capprobs;
	size_t			 count[INV_NACTIONS];
	size_t			 new_lines;
	long long		 new_cents;
	/* Invoice number -> index + 1 (open addressing, 0 empty). */
	size_t			*hash;
	size_t			 hashcap;
};

static const char *const inv_field_names[INV_NFIELDS] = {
	"invoice", "session", "client", "student_id", "date", "item",
	"description", "quantity", "unit_price", "amount", "total", "paid",
	"image"
};

static const char *const inv_action_names[INV_NACTIONS] = {
	"new", "skipped", "rejected"
};

/* Header texts the suites and shops write, squeezed (core/csvtable). */
static const struct {
	const char	*name;
	enum inv_field	 field;
} inv_headers[] = {
	{ "invoicenumber", INV_INVOICE }, { "invoice", INV_INVOICE },
	{ "invoiceno", INV_INVOICE }, { "invoice#", INV_INVOICE },
	{ "ordernumber", INV_INVOICE }, { "order", INV_INVOICE },
	{ "orderno", INV_INVOICE }, { "order#", INV_INVOICE },
	{ "orderid", INV_INVOICE }, { "invoiceid", INV_INVOICE },
	{ "sessionnumber", INV_SESSION }, { "session", INV_SESSION },
	{ "sessionno", INV_SESSION }, { "session#", INV_SESSION },
	{ "sessionid", INV_SESSION },
	{ "clientnumber", INV_CLIENT }, { "client", INV_CLIENT },
	{ "clientno", INV_CLIENT }, { "client#", INV_CLIENT },
	{ "clientid", INV_CLIENT }, { "customernumber", INV_CLIENT },
	{ "studentid", INV_STUDENT_ID }, { "studentnumber", INV_STUDENT_ID },
	{ "student#", INV_STUDENT_ID },
	{ "invoicedate", INV_DATE }, { "date", INV_DATE },
	{ "orderdate", INV_DATE },
	{ "itemcode", INV_ITEM }, { "item", INV_ITEM }, { "code", INV_ITEM },
	{ "sku", INV_ITEM }, { "productcode", INV_ITEM },
	{ "description", INV_DESCRIPTION }, { "itemname", INV_DESCRIPTION },
	{ "itemdescription", INV_DESCRIPTION }, { "product", INV_DESCRIPTION },
	{ "qty", INV_QUANTITY }, { "quantity", INV_QUANTITY },
	{ "unitprice", INV_UNIT_PRICE }, { "price", INV_UNIT_PRICE },
	{ "each", INV_UNIT_PRICE },
	{ "linetotal", INV_AMOUNT }, { "amount", INV_AMOUNT },
	{ "lineamount", INV_AMOUNT }, { "extendedprice", INV_AMOUNT },
	{ "total", INV_TOTAL }, { "invoicetotal", INV_TOTAL },
	{ "ordertotal", INV_TOTAL }, { "grandtotal", INV_TOTAL },
	{ "paid", INV_PAID }, { "amountpaid", INV_PAID },
	{ "payment", INV_PAID }, { "payments", INV_PAID },
	{ "image", INV_IMAGE }, { "imagename", INV_IMAGE },
	{ "imagefile", INV_IMAGE }, { "pose", INV_IMAGE },
	{ "filename", INV_IMAGE }, { "imageid", INV_IMAGE },
};

const char *
inv_field_name(enum inv_field f)
{
	if (f < 0 || f >= INV_NFIELDS)
		return "ignore";
	return inv_field_names[f];
}

int
inv_field_parse(const char *s, enum inv_field *f)
{
	int i;

	if (strcmp(s, "ignore") == 0) {
		*f = INV_IGNORE;
		return 0;
	}
	for (i = 0; i < INV_NFIELDS; i++)
		if (strcmp(s, inv_field_names[i]) == 0) {
			*f = (enum inv_field)i;
			return 0;
		}
	return -1;
}

enum inv_field
inv_field_guess(const char *header)
{
	char key[128];
	size_t i;

	csvtable_squeeze(header, key, sizeof key);
	for (i = 0; i < sizeof inv_headers / sizeof inv_headers[0]; i++)
		if (strcmp(key, inv_headers[i].name) == 0)
			return inv_headers[i].field;
	return INV_IGNORE;
}

const char *
inv_shape_name(enum inv_shape s)
{
	return s == INV_SHAPE_LINE ? "line" : "invoice";
}

const char *
inv_action_name(enum inv_action a)
{
	return inv_action_names[a];
}

static long
inv_col_of(const struct inv_import *imp, enum inv_field f)
{
	size_t col;

	for (col = 0; col < csvtable_ncols(imp->t); col++)
		if (imp->map[col] == f)
			return (long)col;
	return -1;
}

int
inv_import_open(const char *path, const char *data, size_t len,
    struct inv_import **out, char **cause)
{
	struct inv_import *imp;
	struct csvtable *t;
	size_t col;
	int rc;

	*out = NULL;
	rc = data != NULL ? csvtable_open_buffer(path, _("an invoice file"),
	    data, len, &t, cause) : csvtable_open(path, _("an invoice file"),
	    &t, cause);
	if (rc != 0)
		return -1;
	imp = xcalloc(1, sizeof *imp);
	imp->t = t;
	imp->map = xcalloc(csvtable_ncols(t) + 1, sizeof *imp->map);
	for (col = 0; col < csvtable_ncols(t); col++)
		imp->map[col] = INV_IGNORE;
	for (col = 0; col < csvtable_ncols(t); col++) {
		enum inv_field f = inv_field_guess(csvtable_header(t, col));

		if (f != INV_IGNORE && inv_col_of(imp, f) < 0)
			imp->map[col] = f;
	}
	*out = imp;
	return 0;
}

static void
inv_reset(struct inv_import *imp)
{
	size_t i;

	for (i = 0; i < imp->nprobs; i++)
		free(imp->probs[i].reason);
	imp->nprobs = 0;
	imp->ninv = 0;
	imp->nlines = 0;
	memset(imp->count, 0, sizeof imp->count);
	imp->new_lines = 0;
	imp->new_cents = 0;
}

void
inv_import_free(struct inv_import *imp)
{
	if (imp == NULL)
		return;
	inv_reset(imp);
	csvtable_free(imp->t);
	free(imp->map);
	free(imp->inv);
	free(imp->lines);
	free(imp->probs);
	free(imp->hash);
	free(imp);
}

const char *
inv_import_name(const struct inv_import *imp)
{
	return csvtable_name(imp->t);
}

size_t
inv_import_ncols(const struct inv_import *imp)
{
	return csvtable_ncols(imp->t);
}

const char *
inv_import_header(const struct inv_import *imp, size_t col)
{
	return csvtable_header(imp->t, col);
}

size_t
inv_import_nrows(const struct inv_import *imp)
{
	return csvtable_nrows(imp->t);
}

long
inv_import_col_of(const struct inv_import *imp, enum inv_field f)
{
	return f == INV_IGNORE ? -1 : inv_col_of(imp, f);
}

const char *
inv_import_cell(const struct inv_import *imp, size_t row, size_t col)
{
	return csvtable_cell(imp->t, row, col);
}

enum inv_field
inv_import_get_map(const struct inv_import *imp, size_t col)
{
	return col < csvtable_ncols(imp->t) ? imp->map[col] : INV_IGNORE;
}

void
inv_import_set_map(struct inv_import *imp, size_t col, enum inv_field f)
{
	size_t c;

	if (col >= csvtable_ncols(imp->t))
		return;
	if (f != INV_IGNORE)
		for (c = 0; c < csvtable_ncols(imp->t); c++)
			if (imp->map[c] == f)
				imp->map[c] = INV_IGNORE;
	imp->map[col] = f;
}

int
inv_import_map_column(struct inv_import *imp, const char *column,
    enum inv_field f, char **cause)
{
	char want[128], key[128];
	size_t col;

	for (col = 0; col < csvtable_ncols(imp->t); col++)
		if (strcmp(csvtable_header(imp->t, col), column) == 0) {
			inv_import_set_map(imp, col, f);
			return 0;
		}
	csvtable_squeeze(column, want, sizeof want);
	for (col = 0; col < csvtable_ncols(imp->t); col++) {
		csvtable_squeeze(csvtable_header(imp->t, col), key, sizeof key);
		if (*want != '\0' && strcmp(key, want) == 0) {
			inv_import_set_map(imp, col, f);
			return 0;
		}
	}
	*cause = xasprintf(_("%s has no column '%s'"), csvtable_name(imp->t),
	    column);
	return -1;
}

enum inv_shape
inv_import_shape(const struct inv_import *imp)
{
	if (imp->shape_set)
		return imp->shape;
	return inv_col_of(imp, INV_ITEM) >= 0 ? INV_SHAPE_LINE :
	    INV_SHAPE_INVOICE;
}

void
inv_import_set_shape(struct inv_import *imp, enum inv_shape s)
{
	imp->shape_set = 1;
	imp->shape = s;
}

int
inv_import_check(const struct inv_import *imp, char **cause)
{
	const char *name = csvtable_name(imp->t);

	if (inv_col_of(imp, INV_INVOICE) < 0) {
		*cause = xasprintf(_("%s: no invoice number column (map one "
		    "with --map COLUMN=invoice)"), name);
		return -1;
	}
	if (inv_col_of(imp, INV_SESSION) < 0 && inv_col_of(imp,
	    INV_CLIENT) < 0 && inv_col_of(imp, INV_STUDENT_ID) < 0) {
		*cause = xasprintf(_("%s: no session number, client number or "
		    "student ID column"), name);
		return -1;
	}
	if (inv_import_shape(imp) == INV_SHAPE_LINE &&
	    inv_col_of(imp, INV_ITEM) < 0) {
		*cause = xasprintf(_("%s: one row per line needs an item code "
		    "column"), name);
		return -1;
	}
	if (inv_import_shape(imp) == INV_SHAPE_INVOICE &&
	    inv_col_of(imp, INV_TOTAL) < 0) {
		*cause = xasprintf(_("%s: one row per invoice needs a total "
		    "column"), name);
		return -1;
	}
	return 0;
}

/* Problems. */

static void
inv_problem(struct inv_import *imp, long line, size_t inv, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
inv_problem(struct inv_import *imp, long line, size_t inv, const char *fmt,
    ...)
{
	struct inv_problem *p;
	va_list ap;

	if (imp->nprobs == imp->capprobs) {
		imp->capprobs = imp->capprobs ? imp->capprobs * 2 : 64;
		imp->probs = xreallocarray(imp->probs, imp->capprobs,
		    sizeof *imp->probs);
	}
	p = &imp->probs[imp->nprobs++];
	p->line = line;
	p->invoice = inv;
	va_start(ap, fmt);
	p->reason = xvasprintf(fmt, ap);
	va_end(ap);
	if (inv != NONE && imp->inv[inv].action != INV_REJECTED) {
		imp->inv[inv].action = INV_REJECTED;
		imp->inv[inv].reason = p->reason;
	}
}

/* Grouping by invoice number. */

static uint64_t
inv_hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void
inv_hash_grow(struct inv_import *imp)
{
	size_t i;

	free(imp->hash);
	imp->hashcap = imp->hashcap ? imp->hashcap * 2 : 1024;
	imp->hash = xcalloc(imp->hashcap, sizeof *imp->hash);
	for (i = 0; i < imp->ninv; i++) {
		size_t h = (size_t)inv_hash_str(imp->inv[i].number) &
		    (imp->hashcap - 1);

		while (imp->hash[h] != 0)
			h = (h + 1) & (imp->hashcap - 1);
		imp->hash[h] = i + 1;
	}
}

/* The invoice with that number, made when new (*made set). */
static size_t
inv_group(struct inv_import *imp, const char *number, long line, int *made)
{
	size_t h, i;

	*made = 0;
	if (imp->ninv * 2 >= imp->hashcap)
		inv_hash_grow(imp);
	h = (size_t)inv_hash_str(number) & (imp->hashcap - 1);
	while (imp->hash[h] != 0) {
		i = imp->hash[h] - 1;
		if (strcmp(imp->inv[i].number, number) == 0)
			return i;
		h = (h + 1) & (imp->hashcap - 1);
	}
	if (imp->ninv == imp->capinv) {
		imp->capinv = imp->capinv ? imp->capinv * 2 : 256;
		imp->inv = xreallocarray(imp->inv, imp->capinv,
		    sizeof *imp->inv);
	}
	i = imp->ninv++;
	memset(&imp->inv[i], 0, sizeof imp->inv[i]);
	imp->inv[i].number = number;
	imp->inv[i].line = line;
	imp->inv[i].first = imp->inv[i].last = NONE;
	imp->hash[h] = i + 1;
	*made = 1;
	return i;
}

/* Reconciling. */

/* Per-invoice values that every row of it must agree on. */
struct inv_agree {
	const char	*text[INV_NFIELDS];	/* first non-empty value */
	long		 line[INV_NFIELDS];	/* and its line */
};

static const char *
inv_cell(struct inv_import *imp, size_t row, const long *colof,
    enum inv_field f)
{
	return colof[f] >= 0 ? csvtable_clean(imp->t, row,
	    (size_t)colof[f]) : "";
}

static void
inv_money_text(long long cents, char *buf, size_t size)
{
	money_plain(cents, buf, size);
}

/* A money cell: 0 ok (*cents set; empty leaves it), -1 bad. */
static int
inv_money(const char *v, long long *cents, int *given)
{
	*given = *v != '\0';
	if (!*given)
		return 0;
	return money_parse(v, cents);
}

/* Values of the invoice-level fields on one row, checked against the
 * first row that had them. */
static void
inv_agree_row(struct inv_import *imp, size_t inv, struct inv_agree *ag,
    const char *const *v, long line)
{
	static const enum inv_field fields[] = {
		INV_SESSION, INV_CLIENT, INV_STUDENT_ID, INV_DATE, INV_TOTAL,
		INV_PAID
	};
	size_t k;

	for (k = 0; k < sizeof fields / sizeof fields[0]; k++) {
		enum inv_field f = fields[k];
		long long a, b;
		char da[11], db[11];
		int same;

		if (*v[f] == '\0')
			continue;
		if (ag->text[f] == NULL) {
			ag->text[f] = v[f];
			ag->line[f] = line;
			continue;
		}
		if (f == INV_TOTAL || f == INV_PAID)
			same = money_parse(v[f], &a) != 0 ||
			    money_parse(ag->text[f], &b) != 0 || a == b;
		else if (f == INV_DATE)
			same = date_parse(v[f], da) != 0 ||
			    date_parse(ag->text[f], db) != 0 ||
			    strcmp(da, db) == 0;
		else
			same = strcmp(v[f], ag->text[f]) == 0;
		if (!same)
			inv_problem(imp, line, inv, _("invoice %s: %s '%s' here "
			    "but '%s' on line %ld"), imp->inv[inv].number,
			    inv_field_name(f), v[f], ag->text[f], ag->line[f]);
	}
}

/* Session, client and date of an invoice from its agreed values. */
static int
inv_resolve(struct inv_import *imp, size_t i, const struct inv_agree *ag,
    const struct inv_lookup *lk)
{
	struct inv_invoice *in = &imp->inv[i];
	const char *sv = ag->text[INV_SESSION], *cv = ag->text[INV_CLIENT],
	    *stv = ag->text[INV_STUDENT_ID];
	long long sid = 0, scl = 0, cid = 0, csess = 0;
	int r;

	if (sv != NULL) {
		char *end;
		long long n;

		errno = 0;
		n = strtoll(sv, &end, 10);
		if (end == sv || *end != '\0' || n <= 0 || errno != 0) {
			inv_problem(imp, ag->line[INV_SESSION], i, _("invoice "
			    "%s: session '%s' is not a session number"),
			    in->number, sv);
			return 0;
		}
		if ((r = lk->session(lk->arg, n, &sid, &scl)) < 0)
			return -1;
		if (r == 0) {
			inv_problem(imp, ag->line[INV_SESSION], i, _("invoice "
			    "%s: unknown session %s"), in->number, sv);
			return 0;
		}
		in->session_number = n;
		in->session_id = sid;
		in->client_id = scl;
	}
	if (cv != NULL) {
		char *end;
		long long n;

		errno = 0;
		n = strtoll(cv, &end, 10);
		if (end == cv || *end != '\0' || n <= 0 || errno != 0 ||
		    (r = lk->client(lk->arg, n, &csess)) == 0) {
			inv_problem(imp, ag->line[INV_CLIENT], i, _("invoice "
			    "%s: unknown client %s"), in->number, cv);
			return 0;
		}
		if (r < 0)
			return -1;
		cid = n;
	} else if (stv != NULL && sv == NULL) {
		if ((r = lk->student(lk->arg, stv, &cid, &csess)) < 0)
			return -1;
		if (r == 0 || r == 2) {
			inv_problem(imp, ag->line[INV_STUDENT_ID], i, r == 0 ?
			    _("invoice %s: unknown student ID %s") :
			    _("invoice %s: student ID %s is in more than one "
			    "organization; give the session number"),
			    in->number, stv);
			return 0;
		}
	}
	if (cid > 0 && in->session_id > 0 && scl != cid) {
		inv_problem(imp, ag->line[INV_CLIENT], i, _("invoice %s: "
		    "session %lld is not client %s's"), in->number,
		    in->session_number, cv);
		return 0;
	}
	if (cid > 0 && in->session_id == 0) {
		in->client_id = cid;
		in->session_id = csess;	/* the client's newest, if any */
	}
	if (in->session_id == 0 && in->client_id == 0) {
		inv_problem(imp, in->line, i, _("invoice %s: no session number, "
		    "client number or student ID"), in->number);
		return 0;
	}
	if (ag->text[INV_DATE] != NULL && date_parse(ag->text[INV_DATE],
	    in->date) != 0) {
		inv_problem(imp, ag->line[INV_DATE], i, _("invoice %s: date "
		    "'%s' is not YYYY-MM-DD or MM/DD/YYYY"), in->number,
		    ag->text[INV_DATE]);
		in->date[0] = '\0';
	}
	return 0;
}

/* One line of a line-shaped invoice. */
static int
inv_line_check(struct inv_import *imp, size_t i, struct inv_line *ln,
    const struct inv_lookup *lk, const char *qty, const char *unit,
    const char *amount)
{
	struct inv_invoice *in = &imp->inv[i];
	long long price = 0, want;
	char a[40], b[40], c[40], *end;
	int r, given;

	if (*ln->item_code == '\0') {
		inv_problem(imp, ln->line, i, _("invoice %s: no item code"),
		    in->number);
		return 0;
	}
	if ((r = lk->item(lk->arg, ln->item_code, &ln->item_id,
	    &price)) < 0)
		return -1;
	if (r == 0) {
		inv_problem(imp, ln->line, i, _("invoice %s: unknown item code "
		    "%s"), in->number, ln->item_code);
		return 0;
	}
	ln->quantity = 1;
	if (*qty != '\0') {
		ln->quantity = strtoll(qty, &end, 10);
		if (end == qty || *end != '\0' || ln->quantity < 1 ||
		    ln->quantity > QTY_MAX) {
			inv_problem(imp, ln->line, i, _("invoice %s: quantity "
			    "'%s' is not a whole number from 1 to %d"),
			    in->number, qty, QTY_MAX);
			return 0;
		}
	}
	ln->unit_cents = price;
	if (inv_money(unit, &ln->unit_cents, &given) != 0) {
		inv_problem(imp, ln->line, i, _("invoice %s: unit price '%s' is "
		    "not an amount"), in->number, unit);
		return 0;
	}
	want = ln->quantity * ln->unit_cents;
	ln->amount_cents = want;
	if (inv_money(amount, &ln->amount_cents, &given) != 0) {
		inv_problem(imp, ln->line, i, _("invoice %s: line total '%s' is "
		    "not an amount"), in->number, amount);
		return 0;
	}
	if (ln->amount_cents != want) {
		inv_money_text(ln->amount_cents, a, sizeof a);
		inv_money_text(ln->unit_cents, b, sizeof b);
		inv_money_text(want, c, sizeof c);
		inv_problem(imp, ln->line, i, _("invoice %s: line total %s is "
		    "not %lld x %s = %s"), in->number, a, ln->quantity, b, c);
		return 0;
	}
	if (*ln->image != '\0') {
		if (in->session_id == 0) {
			inv_problem(imp, ln->line, i, _("invoice %s: image %s "
			    "but no session"), in->number, ln->image);
			return 0;
		}
		if ((r = lk->image(lk->arg, in->session_id, ln->image,
		    &ln->image_id)) < 0)
			return -1;
		if (r == 0) {
			inv_problem(imp, ln->line, i, _("invoice %s: no image "
			    "%s in session %lld"), in->number, ln->image,
			    in->session_number);
			return 0;
		}
	}
	return 0;
}

int
inv_import_reconcile(struct inv_import *imp, const struct inv_lookup *lk,
    char **cause)
{
	size_t nrows = csvtable_nrows(imp->t), row, i, f, capag;
	long colof[INV_NFIELDS];
	struct inv_agree *ag = NULL;
	const char **qty = NULL, **unit = NULL, **amount = NULL;
	int lines = inv_import_shape(imp) == INV_SHAPE_LINE, made;

	if (inv_import_check(imp, cause) != 0)
		return -1;
	inv_reset(imp);
	for (f = 0; f < INV_NFIELDS; f++)
		colof[f] = inv_col_of(imp, (enum inv_field)f);
	free(imp->hash);
	imp->hash = NULL;
	imp->hashcap = 0;
	imp->lines = xreallocarray(imp->lines, nrows + 1, sizeof *imp->lines);
	if (lines) {
		qty = xcalloc(nrows + 1, sizeof *qty);
		unit = xcalloc(nrows + 1, sizeof *unit);
		amount = xcalloc(nrows + 1, sizeof *amount);
	}
	capag = 0;		/* per invoice, grown with them */

	/* Group the rows. */
	for (row = 0; row < nrows; row++) {
		const char *v[INV_NFIELDS];
		long line = csvtable_line(imp->t, row);

		for (f = 0; f < INV_NFIELDS; f++)
			v[f] = inv_cell(imp, row, colof, (enum inv_field)f);
		if (*v[INV_INVOICE] == '\0') {
			inv_problem(imp, line, NONE, _("no invoice number"));
			continue;
		}
		i = inv_group(imp, v[INV_INVOICE], line, &made);
		if (i >= capag) {
			size_t was = capag;

			capag = imp->capinv;
			ag = xreallocarray(ag, capag, sizeof *ag);
			memset(ag + was, 0, (capag - was) * sizeof *ag);
		}
		if (!made && !lines) {
			inv_problem(imp, line, i, _("invoice %s is already on "
			    "line %ld"), v[INV_INVOICE], imp->inv[i].line);
			continue;
		}
		inv_agree_row(imp, i, &ag[i], v, line);
		if (lines) {
			struct inv_line *ln = &imp->lines[imp->nlines];

			memset(ln, 0, sizeof *ln);
			ln->line = line;
			ln->item_code = v[INV_ITEM];
			ln->description = v[INV_DESCRIPTION];
			ln->image = v[INV_IMAGE];
			ln->next = NONE;
			qty[imp->nlines] = v[INV_QUANTITY];
			unit[imp->nlines] = v[INV_UNIT_PRICE];
			amount[imp->nlines] = v[INV_AMOUNT];
			if (imp->inv[i].last == NONE)
				imp->inv[i].first = imp->nlines;
			else
				imp->lines[imp->inv[i].last].next = imp->nlines;
			imp->inv[i].last = imp->nlines;
			imp->inv[i].nlines++;
			imp->nlines++;
		}
	}

	/* Decide each invoice. */
	for (i = 0; i < imp->ninv; i++) {
		struct inv_invoice *in = &imp->inv[i];
		long long sum = 0;
		size_t l;
		int r, given;

		if (in->action == INV_REJECTED)
			goto counted;
		if ((r = lk->invoice_exists(lk->arg, in->number)) < 0)
			goto dberr;
		if (r == 1) {
			in->action = INV_SKIPPED;
			goto counted;
		}
		if (inv_resolve(imp, i, &ag[i], lk) != 0)
			goto dberr;
		if (in->action == INV_REJECTED)
			goto counted;
		for (l = in->first; lines && l != NONE; l = imp->lines[l].next) {
			if (inv_line_check(imp, i, &imp->lines[l], lk, qty[l],
			    unit[l], amount[l]) != 0)
				goto dberr;
			sum += imp->lines[l].amount_cents;
		}
		in->total_cents = sum;
		if (inv_money(ag[i].text[INV_TOTAL] != NULL ?
		    ag[i].text[INV_TOTAL] : "", &in->total_cents, &given) != 0)
			inv_problem(imp, ag[i].line[INV_TOTAL], i, _("invoice "
			    "%s: total '%s' is not an amount"), in->number,
			    ag[i].text[INV_TOTAL]);
		else if (!given && !lines)
			inv_problem(imp, in->line, i, _("invoice %s: no total"),
			    in->number);
		else if (lines && in->total_cents != sum &&
		    in->action != INV_REJECTED) {
			char a[40], b[40];

			inv_money_text(in->total_cents, a, sizeof a);
			inv_money_text(sum, b, sizeof b);
			inv_problem(imp, ag[i].line[INV_TOTAL], i, _("invoice "
			    "%s: total %s is not the sum of its lines %s"),
			    in->number, a, b);
		}
		if (inv_money(ag[i].text[INV_PAID] != NULL ?
		    ag[i].text[INV_PAID] : "", &in->paid_cents, &given) != 0)
			inv_problem(imp, ag[i].line[INV_PAID], i, _("invoice "
			    "%s: paid '%s' is not an amount"), in->number,
			    ag[i].text[INV_PAID]);
counted:
		imp->count[in->action]++;
		if (in->action == INV_NEW) {
			imp->new_lines += in->nlines;
			imp->new_cents += in->total_cents;
		}
	}
	free(ag);
	free(qty);
	free(unit);
	free(amount);
	return 0;
dberr:
	*cause = xasprintf(_("%s: cannot look up the studio"),
	    csvtable_name(imp->t));
	free(ag);
	free(qty);
	free(unit);
	free(amount);
	return -1;
}

size_t
inv_import_ninvoices(const struct inv_import *imp)
{
	return imp->ninv;
}

const struct inv_invoice *
inv_import_invoice(const struct inv_import *imp, size_t i)
{
	return &imp->inv[i];
}

const struct inv_line *
inv_import_line(const struct inv_import *imp, size_t i)
{
	return &imp->lines[i];
}

size_t
inv_import_nproblems(const struct inv_import *imp)
{
	return imp->nprobs;
}

const struct inv_problem *
inv_import_problem(const struct inv_import *imp, size_t i)
{
	return &imp->probs[i];
}

size_t
inv_import_count(const struct inv_import *imp, enum inv_action a)
{
	return imp->count[a];
}

size_t
inv_import_new_lines(const struct inv_import *imp)
{
	return imp->new_lines;
}

long long
inv_import_new_cents(const struct inv_import *imp)
{
	return imp->new_cents;
}
