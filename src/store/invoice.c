/* store/invoice: invoices, their lines, and the import's look-ups. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/invoice.h"
#include "store/session.h"
#include "util/xalloc.h"

/* Runs a one-row query bound by the caller; 1 row, 0 none, -1 error. */
static int
inv_step1(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
store_invoice_session(struct store *st, long long number,
    long long *session_id, long long *client_id)
{
	sqlite3_stmt *s;
	int r;

	s = store_stmt(st, "SELECT id, client_id FROM sessions"
	    " WHERE number = ?1");
	sqlite3_bind_int64(s, 1, number);
	if ((r = inv_step1(s)) == 1) {
		*session_id = sqlite3_column_int64(s, 0);
		*client_id = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return r;
}

static long long
inv_newest_session(struct store *st, long long client_id)
{
	sqlite3_stmt *s;
	long long id = 0;

	s = store_stmt(st, "SELECT id FROM sessions WHERE client_id = ?1"
	    " ORDER BY number DESC LIMIT 1");
	sqlite3_bind_int64(s, 1, client_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return id;
}

int
store_invoice_client(struct store *st, long long client_id,
    long long *session_id)
{
	sqlite3_stmt *s;
	int r;

	s = store_stmt(st, "SELECT 1 FROM clients WHERE id = ?1");
	sqlite3_bind_int64(s, 1, client_id);
	r = inv_step1(s);
	sqlite3_reset(s);
	if (r == 1)
		*session_id = inv_newest_session(st, client_id);
	return r;
}

int
store_invoice_student(struct store *st, const char *student_id,
    long long *client_id, long long *session_id)
{
	sqlite3_stmt *s;
	int r, n = 0;

	s = store_stmt(st, "SELECT id FROM clients WHERE student_id = ?1"
	    " LIMIT 2");
	sqlite3_bind_text(s, 1, student_id, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(s)) == SQLITE_ROW)
		if (n++ == 0)
			*client_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return -1;
	if (n == 1)
		*session_id = inv_newest_session(st, *client_id);
	return n > 1 ? 2 : n;
}

int
store_invoice_image(struct store *st, long long session_id, const char *name,
    long long *image_id)
{
	sqlite3_stmt *s;
	char *end;
	long long id = strtoll(name, &end, 10);
	int r;

	if (end != name && *end == '\0' && id > 0) {
		s = store_stmt(st, "SELECT id FROM images WHERE id = ?1"
		    " AND session_id = ?2");
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, session_id);
		r = inv_step1(s);
		sqlite3_reset(s);
		if (r != 0) {
			*image_id = id;
			return r;
		}
	}
	s = store_stmt(st, "SELECT id FROM images WHERE session_id = ?1 AND"
	    " (path = ?2 OR substr(path, -length(?2) - 1) = '/' || ?2 OR"
	    " substr(source_path, -length(?2) - 1) = '/' || ?2)"
	    " ORDER BY id LIMIT 1");
	sqlite3_bind_int64(s, 1, session_id);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	if ((r = inv_step1(s)) == 1)
		*image_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return r;
}

int
store_invoice_pose(struct store *st, long long session_id,
    long long *image_id)
{
	sqlite3_stmt *s;
	int r;

	s = store_stmt(st, "SELECT id FROM images WHERE session_id = ?1"
	    " AND (selected = 1 OR is_marker = 0)"
	    " ORDER BY selected DESC, captured_at, id LIMIT 1");
	sqlite3_bind_int64(s, 1, session_id);
	if ((r = inv_step1(s)) == 1)
		*image_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return r;
}

int
store_invoice_exists(struct store *st, const char *number)
{
	sqlite3_stmt *s;
	int r;

	s = store_stmt(st, "SELECT 1 FROM invoices WHERE number = ?1");
	sqlite3_bind_text(s, 1, number, -1, SQLITE_STATIC);
	r = inv_step1(s);
	sqlite3_reset(s);
	return r;
}

static void
bind_id(sqlite3_stmt *s, int i, long long id)
{
	if (id > 0)
		sqlite3_bind_int64(s, i, id);
	else
		sqlite3_bind_null(s, i);
}

int
store_invoice_insert(struct store *st, const char *number,
    long long client_id, long long session_id, const char *date,
    long long total_cents, long long paid_cents, const char *source,
    long long *id)
{
	sqlite3_stmt *s;
	char now[21];
	int rc;

	store_now(now);
	s = store_stmt(st, "INSERT INTO invoices(number, client_id,"
	    " session_id, invoice_date, subtotal_cents, total_cents,"
	    " paid_cents, source, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8)");
	sqlite3_bind_text(s, 8, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 1, number, -1, SQLITE_STATIC);
	bind_id(s, 2, client_id);
	bind_id(s, 3, session_id);
	sqlite3_bind_text(s, 4, date != NULL && *date != '\0' ? date : NULL,
	    -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, total_cents);
	sqlite3_bind_int64(s, 6, paid_cents);
	sqlite3_bind_text(s, 7, source, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE)
		return -1;
	*id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int
store_invoice_line_insert(struct store *st, long long invoice_id,
    long long item_id, const char *item_code, const char *description,
    long long quantity, long long unit_cents, long long amount_cents,
    long long image_id)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, "INSERT INTO invoice_lines(invoice_id, item_id,"
	    " item_code, description, quantity, unit_cents, amount_cents,"
	    " image_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	sqlite3_bind_int64(s, 1, invoice_id);
	bind_id(s, 2, item_id);
	sqlite3_bind_text(s, 3, item_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, description != NULL && *description != '\0' ?
	    description : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, quantity);
	sqlite3_bind_int64(s, 6, unit_cents);
	sqlite3_bind_int64(s, 7, amount_cents);
	bind_id(s, 8, image_id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_invoice_session_ordered(struct store *st, long long session_id,
    const char *number, int *moved)
{
	sqlite3_stmt *s;
	long long to = 0;
	char *old = NULL;
	int r;

	*moved = 0;
	s = store_stmt(st, "SELECT cur.name, o.id FROM sessions x"
	    " JOIN statuses cur ON cur.id = x.status_id"
	    " JOIN statuses o ON o.name = 'Ordered'"
	    " WHERE x.id = ?1 AND cur.position < o.position");
	sqlite3_bind_int64(s, 1, session_id);
	if ((r = inv_step1(s)) == 1) {
		old = xstrdup((const char *)sqlite3_column_text(s, 0));
		to = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (r < 0)
		return -1;
	if (store_history_add(st, session_id, "invoice", NULL, number) != 0)
		goto fail;
	if (to > 0) {
		char now[21];

		store_now(now);
		s = store_stmt(st, "UPDATE sessions SET status_id = ?2,"
		    " updated_at = ?3 WHERE id = ?1");
		sqlite3_bind_int64(s, 1, session_id);
		sqlite3_bind_int64(s, 2, to);
		sqlite3_bind_text(s, 3, now, -1, SQLITE_STATIC);
		r = sqlite3_step(s);
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		if (r != SQLITE_DONE || store_history_add(st, session_id,
		    "status", old, "Ordered") != 0)
			goto fail;
		*moved = 1;
	}
	free(old);
	return 0;
fail:
	free(old);
	return -1;
}

int
store_invoice_session_note(struct store *st, long long session_id,
    const char *number)
{
	return store_history_add(st, session_id, "invoice", NULL, number);
}

char *
store_invoice_next_number(struct store *st)
{
	sqlite3_stmt *s;
	long long n = -1;
	char *num;

	for (;;) {
		s = store_stmt(st, "UPDATE counters SET value = value + 1"
		    " WHERE name = 'invoice_number' RETURNING value");
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		if (n < 0)
			return NULL;
		num = xasprintf("M%lld", n);
		if (store_invoice_exists(st, num) == 0)
			return num;
		free(num);
	}
}

#define INVOICE_COLS "i.id, i.number, s.number, i.client_id," \
	" c.last_name || ', ' || c.first_name, i.invoice_date," \
	" i.total_cents, i.paid_cents," \
	" (SELECT count(*) FROM invoice_lines l WHERE l.invoice_id = i.id)" \
	" FROM invoices i LEFT JOIN sessions s ON s.id = i.session_id" \
	" LEFT JOIN clients c ON c.id = i.client_id"

static int
inv_rows(sqlite3_stmt *s, invoice_row_fn fn, void *arg, int *n)
{
	int rc;

	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct invoice_row r;

		r.id = sqlite3_column_int64(s, 0);
		r.number = (const char *)sqlite3_column_text(s, 1);
		r.session = sqlite3_column_int64(s, 2);
		r.client_id = sqlite3_column_int64(s, 3);
		r.client = (const char *)sqlite3_column_text(s, 4);
		r.date = (const char *)sqlite3_column_text(s, 5);
		r.total_cents = sqlite3_column_int64(s, 6);
		r.paid_cents = sqlite3_column_int64(s, 7);
		r.lines = sqlite3_column_int64(s, 8);
		(*n)++;
		if (fn(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_invoice_each(struct store *st, long long session_number,
    invoice_row_fn fn, void *arg)
{
	sqlite3_stmt *s;
	int n;

	if (session_number > 0) {
		s = store_stmt(st, "SELECT " INVOICE_COLS
		    " WHERE s.number = ?1 ORDER BY i.invoice_date, i.number");
		sqlite3_bind_int64(s, 1, session_number);
	} else
		s = store_stmt(st, "SELECT " INVOICE_COLS
		    " ORDER BY i.invoice_date, i.number");
	return inv_rows(s, fn, arg, &n);
}

int
store_invoice_get(struct store *st, const char *number, invoice_row_fn fn,
    void *arg)
{
	sqlite3_stmt *s;
	int n;

	s = store_stmt(st, "SELECT " INVOICE_COLS " WHERE i.number = ?1");
	sqlite3_bind_text(s, 1, number, -1, SQLITE_STATIC);
	if (inv_rows(s, fn, arg, &n) != 0)
		return -1;
	return n > 0;
}

int
store_invoice_lines(struct store *st, long long invoice_id,
    invoice_line_fn fn, void *arg)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, "SELECT l.item_code, coalesce(l.description,"
	    " p.name), l.quantity, l.unit_cents, l.amount_cents, l.image_id,"
	    " replace(m.path, rtrim(m.path, replace(m.path, '/', '')), ''),"
	    " coalesce(m.preview_path, m.path) FROM invoice_lines l"
	    " LEFT JOIN price_list_items p ON p.id = l.item_id"
	    " LEFT JOIN images m ON m.id = l.image_id"
	    " WHERE l.invoice_id = ?1 ORDER BY l.id");
	sqlite3_bind_int64(s, 1, invoice_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct invoice_line_row r;

		r.item = (const char *)sqlite3_column_text(s, 0);
		r.description = (const char *)sqlite3_column_text(s, 1);
		r.quantity = sqlite3_column_int64(s, 2);
		r.unit_cents = sqlite3_column_int64(s, 3);
		r.amount_cents = sqlite3_column_int64(s, 4);
		r.image_id = sqlite3_column_int64(s, 5);
		r.image = (const char *)sqlite3_column_text(s, 6);
		r.image_path = (const char *)sqlite3_column_text(s, 7);
		if (fn(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_invoice_totals(struct store *st, const char *text, long long *after_id,
    long long limit, long long *n, long long *total_cents,
    long long *paid_cents)
{
	sqlite3_stmt *s;
	char *pat = NULL;
	long long rows = 0;
	int rc;

	if (text != NULL && *text != '\0') {
		size_t i, o = 0, len = strlen(text);

		/* '%text%' with LIKE's own wildcards escaped. */
		pat = xmalloc(2 * len + 3);
		pat[o++] = '%';
		for (i = 0; i < len; i++) {
			if (text[i] == '%' || text[i] == '_' ||
			    text[i] == '\\')
				pat[o++] = '\\';
			pat[o++] = text[i];
		}
		pat[o++] = '%';
		pat[o] = '\0';
	}
	s = store_stmt(st, "SELECT i.id, i.total_cents, i.paid_cents,"
	    " ?3 IS NULL OR i.number LIKE ?3 ESCAPE '\\'"
	    " OR c.last_name LIKE ?3 ESCAPE '\\'"
	    " OR c.first_name LIKE ?3 ESCAPE '\\'"
	    " OR s.number LIKE ?3 ESCAPE '\\'"
	    " OR i.invoice_date LIKE ?3 ESCAPE '\\'"
	    " FROM invoices i LEFT JOIN clients c ON c.id = i.client_id"
	    " LEFT JOIN sessions s ON s.id = i.session_id"
	    " WHERE i.id > ?1 ORDER BY i.id LIMIT ?2");
	sqlite3_bind_int64(s, 1, *after_id);
	sqlite3_bind_int64(s, 2, limit);
	sqlite3_bind_text(s, 3, pat, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rows++;
		*after_id = sqlite3_column_int64(s, 0);
		if (!sqlite3_column_int(s, 3))
			continue;
		(*n)++;
		*total_cents += sqlite3_column_int64(s, 1);
		*paid_cents += sqlite3_column_int64(s, 2);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	free(pat);
	if (rc != SQLITE_DONE)
		return -1;
	return rows < limit;
}

int
store_invoice_map_get(struct store *st, const char *name, char **map)
{
	sqlite3_stmt *s;
	int r;

	*map = NULL;
	s = store_stmt(st, "SELECT map FROM invoice_maps WHERE name = ?1");
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	if ((r = inv_step1(s)) == 1)
		*map = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return r;
}

int
store_invoice_map_put(struct store *st, const char *name, const char *map)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, "INSERT INTO invoice_maps(name, map) VALUES"
	    " (?1, ?2) ON CONFLICT(name) DO UPDATE SET map = excluded.map");
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, map, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}
