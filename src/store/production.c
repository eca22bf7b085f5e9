/*
 * store/production: production orders, their prints, image crops.  See
 * store/production.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/production.h"
#include "store/session.h"
#include "util/xalloc.h"

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

static const char *
col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

int
store_production_unordered(struct store *st, long long **ids, size_t *n)
{
	sqlite3_stmt *s;
	long long *v = NULL;
	size_t len = 0;
	int e;

	s = store_stmt(st, "SELECT i.id FROM invoices i WHERE NOT EXISTS"
	    " (SELECT 1 FROM production_orders o WHERE o.invoice_id = i.id)"
	    " ORDER BY i.id");
	while ((e = sqlite3_step(s)) == SQLITE_ROW) {
		v = xreallocarray(v, len + 1, sizeof *v);
		v[len++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (e != SQLITE_DONE) {
		free(v);
		return -1;
	}
	*ids = v;
	*n = len;
	return 0;
}

int
store_production_invoice(struct store *st, const char *number, long long *id,
    int *ordered)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "SELECT i.id, EXISTS (SELECT 1 FROM"
	    " production_orders o WHERE o.invoice_id = i.id)"
	    " FROM invoices i WHERE i.number = ?1");
	sqlite3_bind_text(s, 1, number, -1, SQLITE_TRANSIENT);
	if ((e = sqlite3_step(s)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*ordered = sqlite3_column_int(s, 1);
	}
	sqlite3_reset(s);
	return e == SQLITE_ROW ? 1 : e == SQLITE_DONE ? 0 : -1;
}

char *
store_production_invoice_number(struct store *st, long long id)
{
	sqlite3_stmt *s;
	char *num = NULL;

	s = store_stmt(st, "SELECT number FROM invoices WHERE id = ?1");
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		num = xstrdup(col_text(s, 0));
	sqlite3_reset(s);
	return num;
}

int
store_production_lines(struct store *st, long long invoice_id,
    production_line_fn fn, void *arg)
{
	struct production_line l;
	sqlite3_stmt *s;
	int e, stop = 0;

	s = store_stmt(st, "SELECT l.id, l.item_id, l.image_id, i.session_id,"
	    " l.quantity, p.kind, p.code, p.contains FROM invoice_lines l"
	    " JOIN invoices i ON i.id = l.invoice_id"
	    " LEFT JOIN price_list_items p ON p.id = l.item_id"
	    " WHERE l.invoice_id = ?1 ORDER BY l.id");
	sqlite3_bind_int64(s, 1, invoice_id);
	while (!stop && (e = sqlite3_step(s)) == SQLITE_ROW) {
		l.line_id = sqlite3_column_int64(s, 0);
		l.item_id = sqlite3_column_int64(s, 1);
		l.image_id = sqlite3_column_int64(s, 2);
		l.session_id = sqlite3_column_int64(s, 3);
		l.quantity = sqlite3_column_int64(s, 4);
		l.kind = col_text(s, 5) != NULL ? col_text(s, 5) : "other";
		l.code = col_text(s, 6) != NULL ? col_text(s, 6) : "";
		l.contains = col_text(s, 7);
		stop = fn(&l, arg);
	}
	sqlite3_reset(s);
	return stop || e == SQLITE_DONE ? 0 : -1;
}

int
store_production_order_insert(struct store *st, long long invoice_id,
    long long *order_id)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "INSERT INTO production_orders(invoice_id)"
	    " VALUES (?1)");
	sqlite3_bind_int64(s, 1, invoice_id);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	if (e != SQLITE_DONE)
		return -1;
	*order_id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int
store_production_item_insert(struct store *st, long long order_id,
    long long line_id, long long image_id, long long item_id,
    long long quantity, const char *file)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "INSERT INTO production_items(order_id,"
	    " invoice_line_id, image_id, item_id, quantity, file)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_bind_int64(s, 1, order_id);
	sqlite3_bind_int64(s, 2, line_id);
	if (image_id > 0)
		sqlite3_bind_int64(s, 3, image_id);
	else
		sqlite3_bind_null(s, 3);
	sqlite3_bind_int64(s, 4, item_id);
	sqlite3_bind_int64(s, 5, quantity);
	sqlite3_bind_text(s, 6, file, -1, SQLITE_TRANSIENT);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	return e == SQLITE_DONE ? 0 : -1;
}

int
store_production_session_move(struct store *st, long long session_id,
    const char *to, const char *note, int *moved)
{
	sqlite3_stmt *s;
	long long to_id = 0;
	char *old = NULL;
	int e;

	*moved = 0;
	s = store_stmt(st, "SELECT cur.name, o.id FROM sessions x"
	    " JOIN statuses cur ON cur.id = x.status_id"
	    " JOIN statuses o ON o.name = ?2"
	    " WHERE x.id = ?1 AND cur.position < o.position");
	sqlite3_bind_int64(s, 1, session_id);
	sqlite3_bind_text(s, 2, to, -1, SQLITE_TRANSIENT);
	if ((e = sqlite3_step(s)) == SQLITE_ROW) {
		old = xstrdup(col_text(s, 0));
		to_id = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (e != SQLITE_ROW && e != SQLITE_DONE)
		return -1;
	if (note != NULL && store_history_add(st, session_id, "production",
	    NULL, note) != 0)
		goto fail;
	if (to_id > 0) {
		s = store_stmt(st, "UPDATE sessions SET status_id = ?2,"
		    " updated_at = " NOW_SQL " WHERE id = ?1");
		sqlite3_bind_int64(s, 1, session_id);
		sqlite3_bind_int64(s, 2, to_id);
		e = sqlite3_step(s);
		sqlite3_reset(s);
		if (e != SQLITE_DONE || store_history_add(st, session_id,
		    "status", old, to) != 0)
			goto fail;
		*moved = 1;
	}
	free(old);
	return 0;
fail:
	free(old);
	return -1;
}

#define ORDER_SELECT "SELECT o.id, i.number, s.number," \
	" CASE WHEN c.id IS NULL THEN NULL ELSE c.last_name || ', ' ||" \
	" c.first_name END, o.state," \
	" (SELECT count(*) FROM production_items p WHERE p.order_id = o.id)," \
	" (SELECT coalesce(sum(quantity), 0) FROM production_items p" \
	" WHERE p.order_id = o.id), o.created_at, o.rendered_at, o.shipped_at, o.render_dir" \
	" FROM production_orders o JOIN invoices i ON i.id = o.invoice_id" \
	" LEFT JOIN sessions s ON s.id = i.session_id" \
	" LEFT JOIN clients c ON c.id = coalesce(i.client_id, s.client_id)"

static int
order_rows(sqlite3_stmt *s, production_order_fn fn, void *arg, int *n)
{
	struct production_order_row r;
	int e, stop = 0;

	*n = 0;
	while (!stop && (e = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.invoice = col_text(s, 1);
		r.session = sqlite3_column_int64(s, 2);
		r.client = col_text(s, 3);
		r.state = col_text(s, 4);
		r.items = sqlite3_column_int64(s, 5);
		r.quantity = sqlite3_column_int64(s, 6);
		r.created_at = col_text(s, 7);
		r.rendered_at = col_text(s, 8);
		r.shipped_at = col_text(s, 9);
		r.render_dir = col_text(s, 10);
		(*n)++;
		stop = fn(&r, arg);
	}
	sqlite3_reset(s);
	return stop || e == SQLITE_DONE ? 0 : -1;
}

int
store_production_each(struct store *st, int open_only, production_order_fn fn,
    void *arg)
{
	sqlite3_stmt *s;
	int n;

	s = store_stmt(st, ORDER_SELECT " WHERE ?1 = 0 OR o.state <> 'shipped'"
	    " ORDER BY o.id");
	sqlite3_bind_int(s, 1, open_only);
	return order_rows(s, fn, arg, &n);
}

int
store_production_get(struct store *st, long long id, production_order_fn fn,
    void *arg)
{
	sqlite3_stmt *s;
	int n;

	s = store_stmt(st, ORDER_SELECT " WHERE o.id = ?1");
	sqlite3_bind_int64(s, 1, id);
	if (order_rows(s, fn, arg, &n) != 0)
		return -1;
	return n > 0;
}

int
store_production_items(struct store *st, long long order_id,
    production_item_fn fn, void *arg)
{
	struct production_item_row r;
	sqlite3_stmt *s;
	int e, stop = 0;

	s = store_stmt(st, "SELECT p.id, p.order_id, coalesce(p.image_id, 0),"
	    " p.quantity, i.number, coalesce(s.number, 0), c.last_name,"
	    " c.first_name, t.code, t.name, coalesce(t.width_in, 0),"
	    " coalesce(t.height_in, 0), coalesce(t.dpi, 0),"
	    " coalesce(t.sheet_width_in, 0), coalesce(t.sheet_height_in, 0),"
	    " m.path, m.crop_w IS NOT NULL, m.crop_x, m.crop_y, m.crop_w,"
	    " m.crop_h, p.file, p.state, coalesce(m.crop_rot, 0), g.name"
	    " FROM production_items p"
	    " JOIN production_orders o ON o.id = p.order_id"
	    " JOIN invoices i ON i.id = o.invoice_id"
	    " LEFT JOIN sessions s ON s.id = i.session_id"
	    " LEFT JOIN clients c ON c.id = coalesce(i.client_id, s.client_id)"
	    " JOIN price_list_items t ON t.id = p.item_id"
	    " LEFT JOIN images m ON m.id = p.image_id"
	    " LEFT JOIN organizations g ON g.id = coalesce(s.org_id, c.org_id)"
	    " WHERE p.order_id = ?1 ORDER BY p.id");
	sqlite3_bind_int64(s, 1, order_id);
	while (!stop && (e = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.order_id = sqlite3_column_int64(s, 1);
		r.image_id = sqlite3_column_int64(s, 2);
		r.quantity = sqlite3_column_int64(s, 3);
		r.invoice = col_text(s, 4);
		r.session = sqlite3_column_int64(s, 5);
		r.last_name = col_text(s, 6);
		r.first_name = col_text(s, 7);
		r.code = col_text(s, 8);
		r.name = col_text(s, 9);
		r.width_in = sqlite3_column_double(s, 10);
		r.height_in = sqlite3_column_double(s, 11);
		r.dpi = sqlite3_column_int(s, 12);
		r.sheet_width_in = sqlite3_column_double(s, 13);
		r.sheet_height_in = sqlite3_column_double(s, 14);
		r.image_path = col_text(s, 15);
		r.has_crop = sqlite3_column_int(s, 16);
		r.crop[0] = sqlite3_column_double(s, 17);
		r.crop[1] = sqlite3_column_double(s, 18);
		r.crop[2] = sqlite3_column_double(s, 19);
		r.crop[3] = sqlite3_column_double(s, 20);
		r.file = col_text(s, 21);
		r.state = col_text(s, 22);
		r.crop_rot = sqlite3_column_int(s, 23);
		r.org = col_text(s, 24);
		stop = fn(&r, arg);
	}
	sqlite3_reset(s);
	return stop || e == SQLITE_DONE ? 0 : -1;
}

int
store_production_item_state(struct store *st, long long item_id,
    const char *state)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "UPDATE production_items SET state = ?2"
	    " WHERE id = ?1");
	sqlite3_bind_int64(s, 1, item_id);
	sqlite3_bind_text(s, 2, state, -1, SQLITE_TRANSIENT);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	return e == SQLITE_DONE ? 0 : -1;
}

int
store_production_order_state(struct store *st, long long order_id,
    const char *state)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "UPDATE production_orders SET state = ?2,"
	    " rendered_at = CASE WHEN ?2 = 'rendered' THEN " NOW_SQL
	    " ELSE rendered_at END,"
	    " shipped_at = CASE WHEN ?2 = 'shipped' THEN " NOW_SQL
	    " ELSE shipped_at END WHERE id = ?1");
	sqlite3_bind_int64(s, 1, order_id);
	sqlite3_bind_text(s, 2, state, -1, SQLITE_TRANSIENT);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	return e == SQLITE_DONE ? 0 : -1;
}

int
store_production_order_rendered(struct store *st, long long order_id,
    const char *dir)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "UPDATE production_orders SET state = 'rendered',"
	    " rendered_at = " NOW_SQL ", render_dir = ?2 WHERE id = ?1");
	sqlite3_bind_int64(s, 1, order_id);
	sqlite3_bind_text(s, 2, dir, -1, SQLITE_STATIC);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return e == SQLITE_DONE ? 0 : -1;
}

int
store_production_order_reset(struct store *st, long long order_id)
{
	sqlite3_stmt *s;
	int e, n;

	s = store_stmt(st, "UPDATE production_orders SET state = 'new'"
	    " WHERE id = ?1 AND state = 'rendered'");
	sqlite3_bind_int64(s, 1, order_id);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	if (e != SQLITE_DONE)
		return -1;
	s = store_stmt(st, "UPDATE production_items SET state = 'new'"
	    " WHERE order_id = ?1");
	sqlite3_bind_int64(s, 1, order_id);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	if (e != SQLITE_DONE)
		return -1;
	n = sqlite3_changes(store_db(st));
	return n > 0;
}

int
store_production_session_open(struct store *st, long long order_id,
    long long *session_id, long long *open)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "SELECT coalesce(i.session_id, 0),"
	    " (SELECT count(*) FROM production_orders o2"
	    "  JOIN invoices i2 ON i2.id = o2.invoice_id"
	    "  WHERE i2.session_id = i.session_id AND o2.state <> 'shipped')"
	    " FROM production_orders o JOIN invoices i ON i.id = o.invoice_id"
	    " WHERE o.id = ?1");
	sqlite3_bind_int64(s, 1, order_id);
	if ((e = sqlite3_step(s)) == SQLITE_ROW) {
		*session_id = sqlite3_column_int64(s, 0);
		*open = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return e == SQLITE_ROW ? 1 : e == SQLITE_DONE ? 0 : -1;
}

int
store_production_frames(struct store *st, long long org_id,
    production_frame_fn fn, void *arg)
{
	sqlite3_stmt *s;
	int e, stop = 0;

	s = store_stmt(st, "SELECT c.last_name || ', ' || c.first_name ||"
	    " ' (' || s.number || ') ' || replace(m.path, rtrim(m.path,"
	    " replace(m.path, '/', '')), ''), m.path"
	    " FROM images m JOIN sessions s ON s.id = m.session_id"
	    " LEFT JOIN clients c ON c.id = s.client_id"
	    " WHERE s.org_id = ?1 AND m.is_marker = 0 AND m.is_composite = 0"
	    " ORDER BY picday_name_key(c.last_name, c.first_name), s.number,"
	    " m.captured_at, m.id");
	sqlite3_bind_int64(s, 1, org_id);
	while (!stop && (e = sqlite3_step(s)) == SQLITE_ROW)
		stop = fn(col_text(s, 0) != NULL ? col_text(s, 0) : "",
		    col_text(s, 1), arg);
	sqlite3_reset(s);
	return stop || e == SQLITE_DONE ? 0 : -1;
}

int
store_image_crop_set(struct store *st, long long image_id, int has_crop,
    double x, double y, double w, double h, int rot)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "UPDATE images SET crop_x = ?2, crop_y = ?3,"
	    " crop_w = ?4, crop_h = ?5, crop_rot = ?6 WHERE id = ?1");
	sqlite3_bind_int64(s, 1, image_id);
	if (has_crop) {
		sqlite3_bind_double(s, 2, x);
		sqlite3_bind_double(s, 3, y);
		sqlite3_bind_double(s, 4, w);
		sqlite3_bind_double(s, 5, h);
	} else {
		sqlite3_bind_null(s, 2);
		sqlite3_bind_null(s, 3);
		sqlite3_bind_null(s, 4);
		sqlite3_bind_null(s, 5);
	}
	sqlite3_bind_int(s, 6, ((rot % 360) + 360) % 360);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	if (e != SQLITE_DONE)
		return -1;
	return sqlite3_changes(store_db(st)) > 0;
}

int
store_image_crop_get(struct store *st, long long image_id,
    struct image_crop *ic)
{
	sqlite3_stmt *s;
	int e;

	memset(ic, 0, sizeof *ic);
	s = store_stmt(st, "SELECT crop_w IS NOT NULL, coalesce(crop_x, 0),"
	    " coalesce(crop_y, 0), coalesce(crop_w, 1), coalesce(crop_h, 1),"
	    " crop_rot, path FROM images WHERE id = ?1");
	sqlite3_bind_int64(s, 1, image_id);
	if ((e = sqlite3_step(s)) == SQLITE_ROW) {
		ic->has_crop = sqlite3_column_int(s, 0);
		ic->crop[0] = sqlite3_column_double(s, 1);
		ic->crop[1] = sqlite3_column_double(s, 2);
		ic->crop[2] = sqlite3_column_double(s, 3);
		ic->crop[3] = sqlite3_column_double(s, 4);
		ic->rot = sqlite3_column_int(s, 5);
		snprintf(ic->path, sizeof ic->path, "%s",
		    col_text(s, 6) != NULL ? col_text(s, 6) : "");
	}
	sqlite3_reset(s);
	if (e == SQLITE_ROW)
		return 1;
	return e == SQLITE_DONE ? 0 : -1;
}
