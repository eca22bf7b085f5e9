/*
 * store/lists: windowed, filtered queries for the TUI's lists (lists.h).
 *
 * Every kind is the same shape: an inner query walks the kind's order
 * through an index (LIMIT n OFFSET off, index only, so cheap), and the
 * outer query joins the few rows of that range to what the columns need
 * and applies the filter.  ?1 n, ?2 off, ?3 LIKE pattern or NULL, ?4 org,
 * ?5 status, ?6 limit, ?7 skip.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/lists.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define L(col)	" OR " col " LIKE ?3 ESCAPE '\\'"

#define CLIENTS_FROM \
	" FROM (SELECT id FROM clients ORDER BY last_name, first_name, id" \
	"  LIMIT ?1 OFFSET ?2) x JOIN clients c ON c.id = x.id" \
	" LEFT JOIN organizations o ON o.id = c.org_id" \
	" WHERE (?4 = 0 OR c.org_id = ?4) AND ?5 = ?5 AND (?3 IS NULL" \
	L("c.last_name") L("c.first_name") L("c.student_id") L("c.grade") \
	L("c.teacher") L("o.name") ")"
#define CLIENTS_COLS \
	"SELECT c.id, c.last_name, c.first_name, c.student_id, c.grade," \
	" c.teacher, o.name"
#define CLIENTS_ORDER " ORDER BY c.last_name, c.first_name, c.id"

#define SESSIONS_FROM \
	" FROM (SELECT id FROM sessions ORDER BY number" \
	"  LIMIT ?1 OFFSET ?2) x JOIN sessions s ON s.id = x.id" \
	" LEFT JOIN clients c ON c.id = s.client_id" \
	" LEFT JOIN organizations o ON o.id = s.org_id" \
	" LEFT JOIN statuses t ON t.id = s.status_id" \
	" WHERE (?4 = 0 OR s.org_id = ?4) AND (?5 = 0 OR s.status_id = ?5)" \
	" AND (?3 IS NULL" L("s.number") L("c.last_name") L("c.first_name") \
	L("c.student_id") L("o.name") L("t.name") L("s.starts_at") ")"
#define SESSIONS_COLS \
	"SELECT s.id, s.number, c.last_name, c.first_name, c.student_id," \
	" o.name, t.name, s.starts_at"
#define SESSIONS_ORDER " ORDER BY s.number"

#define JOBS_FROM \
	" FROM (SELECT id FROM jobs ORDER BY id DESC" \
	"  LIMIT ?1 OFFSET ?2) x JOIN jobs j ON j.id = x.id" \
	" WHERE ?4 = ?4 AND ?5 = ?5 AND (?3 IS NULL" L("j.id") L("j.kind") \
	L("j.state") L("j.title") L("j.last_error") ")"
#define JOBS_COLS \
	"SELECT j.id, j.id, j.kind, j.state, j.done, j.total, j.attempts," \
	" j.title, j.last_error"
#define JOBS_ORDER " ORDER BY j.id DESC"

#define ORGS_FROM \
	" FROM (SELECT id FROM organizations ORDER BY name" \
	"  LIMIT ?1 OFFSET ?2) x JOIN organizations o ON o.id = x.id" \
	" WHERE ?4 = ?4 AND ?5 = ?5 AND (?3 IS NULL" L("o.name") \
	L("o.code") ")"
#define ORGS_COLS \
	"SELECT o.id, o.name, o.code," \
	" (SELECT count(*) FROM clients WHERE org_id = o.id)," \
	" (SELECT count(*) FROM sessions WHERE org_id = o.id)"
#define ORGS_ORDER " ORDER BY o.name"

#define STATUSES_FROM \
	" FROM (SELECT id FROM statuses ORDER BY position" \
	"  LIMIT ?1 OFFSET ?2) x JOIN statuses t ON t.id = x.id" \
	" WHERE ?4 = ?4 AND ?5 = ?5 AND (?3 IS NULL" L("t.name") \
	L("t.on_enter") ")"
#define STATUSES_COLS \
	"SELECT t.id, t.position, t.name, t.on_enter," \
	" (SELECT count(*) FROM sessions WHERE status_id = t.id)"
#define STATUSES_ORDER " ORDER BY t.position"

#define INVOICES_FROM \
	" FROM (SELECT id FROM invoices ORDER BY number" \
	"  LIMIT ?1 OFFSET ?2) x JOIN invoices i ON i.id = x.id" \
	" LEFT JOIN clients c ON c.id = i.client_id" \
	" LEFT JOIN sessions s ON s.id = i.session_id" \
	" WHERE ?4 = ?4 AND ?5 = ?5 AND (?3 IS NULL" L("i.number") \
	L("c.last_name") L("c.first_name") L("s.number") ")"
#define INVOICES_COLS \
	"SELECT i.id, i.number, i.invoice_date, c.last_name, c.first_name," \
	" s.number, i.total_cents"
#define INVOICES_ORDER " ORDER BY i.number"

#define PRODUCTION_FROM \
	" FROM (SELECT id FROM production_orders ORDER BY id DESC" \
	"  LIMIT ?1 OFFSET ?2) x JOIN production_orders p ON p.id = x.id" \
	" LEFT JOIN invoices i ON i.id = p.invoice_id" \
	" WHERE ?4 = ?4 AND ?5 = ?5 AND (?3 IS NULL" L("p.state") \
	L("i.number") ")"
#define PRODUCTION_COLS \
	"SELECT p.id, p.id, p.state, i.number," \
	" (SELECT count(*) FROM production_items WHERE order_id = p.id)," \
	" p.created_at, p.rendered_at"
#define PRODUCTION_ORDER " ORDER BY p.id DESC"

#define KIND(name, table, ncols) { \
	"SELECT count(*)" name##_FROM, \
	name##_COLS name##_FROM name##_ORDER " LIMIT ?6 OFFSET ?7", \
	"SELECT count(*) FROM " table, ncols }

static const struct lists_sql {
	const char	*count;
	const char	*rows;
	const char	*total;
	int		 ncols;
} lists_sql[LISTS_NKINDS] = {
	[LISTS_CLIENTS] = KIND(CLIENTS, "clients", 7),
	[LISTS_SESSIONS] = KIND(SESSIONS, "sessions", 8),
	[LISTS_JOBS] = KIND(JOBS, "jobs", 9),
	[LISTS_ORGS] = KIND(ORGS, "organizations", 5),
	[LISTS_STATUSES] = KIND(STATUSES, "statuses", 5),
	[LISTS_INVOICES] = KIND(INVOICES, "invoices", 7),
	[LISTS_PRODUCTION] = KIND(PRODUCTION, "production_orders", 7),
};

int
lists_ncols(enum lists_kind k)
{
	return lists_sql[k].ncols;
}

long long
lists_count(struct store *st, enum lists_kind k)
{
	sqlite3_stmt *s = store_stmt(st, lists_sql[k].total);
	long long n = -1;

	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}

/* '%text%' with LIKE's own wildcards escaped (caller frees). */
static char *
lists_pattern(const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addc(&sb, '%');
	for (; *text != '\0'; text++) {
		if (*text == '%' || *text == '_' || *text == '\\')
			strbuf_addc(&sb, '\\');
		strbuf_addc(&sb, *text);
	}
	strbuf_addc(&sb, '%');
	return strbuf_take(&sb);
}

long long
lists_range(struct store *st, enum lists_kind k, const struct lists_filter *f,
    long long off, long long n, long long skip, long long limit,
    lists_row_fn fn, void *arg)
{
	const struct lists_sql *q = &lists_sql[k];
	sqlite3_stmt *s;
	const char *cols[16];
	char *pat = NULL;
	long long got = 0;
	int i, rc;

	s = store_stmt(st, limit == 0 ? q->count : q->rows);
	sqlite3_bind_int64(s, 1, n);
	sqlite3_bind_int64(s, 2, off);
	if (f != NULL && f->text != NULL && *f->text != '\0') {
		pat = lists_pattern(f->text);
		sqlite3_bind_text(s, 3, pat, -1, SQLITE_STATIC);
	} else
		sqlite3_bind_null(s, 3);
	sqlite3_bind_int64(s, 4, f != NULL ? f->org_id : 0);
	sqlite3_bind_int64(s, 5, f != NULL ? f->status_id : 0);
	if (limit != 0) {
		sqlite3_bind_int64(s, 6, limit);
		sqlite3_bind_int64(s, 7, skip);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (limit == 0) {
			got = sqlite3_column_int64(s, 0);
			continue;
		}
		for (i = 0; i < q->ncols; i++)
			cols[i] = (const char *)sqlite3_column_text(s, i);
		got++;
		if (fn(sqlite3_column_int64(s, 0), cols, arg) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		got = -1;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	free(pat);
	return got;
}

static const char *const lists_detail_sql[LISTS_NKINDS] = {
	[LISTS_CLIENTS] = "SELECT c.first_name, c.last_name, c.student_id,"
	    " o.name AS organization, c.grade, c.teacher, c.homeroom,"
	    " c.email, c.phone, c.guardian,"
	    " (SELECT group_concat(number, ' ') FROM sessions"
	    "  WHERE client_id = c.id) AS sessions"
	    " FROM clients c LEFT JOIN organizations o ON o.id = c.org_id"
	    " WHERE c.id = ?1",
	[LISTS_SESSIONS] = "SELECT s.number,"
	    " trim(c.first_name || ' ' || c.last_name) AS client,"
	    " c.student_id, o.name AS organization, y.name AS type,"
	    " s.starts_at AS time, t.name AS status"
	    " FROM sessions s LEFT JOIN clients c ON c.id = s.client_id"
	    " LEFT JOIN organizations o ON o.id = s.org_id"
	    " LEFT JOIN session_types y ON y.id = s.type_id"
	    " LEFT JOIN statuses t ON t.id = s.status_id WHERE s.id = ?1",
	[LISTS_JOBS] = "SELECT kind, title, state,"
	    " done || ' / ' || total AS progress, attempts,"
	    " last_error FROM jobs WHERE id = ?1",
	[LISTS_ORGS] = "SELECT name, code, created_at FROM organizations"
	    " WHERE id = ?1",
	[LISTS_STATUSES] = "SELECT name, position, on_enter FROM statuses"
	    " WHERE id = ?1",
	[LISTS_INVOICES] = "SELECT i.number, i.invoice_date,"
	    " trim(c.first_name || ' ' || c.last_name) AS client,"
	    " printf('%.2f', i.total_cents / 100.0) AS total, i.source"
	    " FROM invoices i LEFT JOIN clients c ON c.id = i.client_id"
	    " WHERE i.id = ?1",
	[LISTS_PRODUCTION] = "SELECT p.state, i.number AS invoice,"
	    " p.created_at, p.rendered_at FROM production_orders p"
	    " LEFT JOIN invoices i ON i.id = p.invoice_id WHERE p.id = ?1",
};

int
lists_detail(struct store *st, enum lists_kind k, long long id,
    lists_detail_fn fn, void *arg)
{
	sqlite3_stmt *s = store_stmt(st, lists_detail_sql[k]);
	int i, n = 0, rc;

	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		n = sqlite3_column_count(s);
		for (i = 0; i < n; i++)
			fn(sqlite3_column_name(s, i),
			    (const char *)sqlite3_column_text(s, i), arg);
	} else if (rc != SQLITE_DONE)
		n = -1;
	sqlite3_reset(s);
	return n;
}

long long
lists_jobs_active(struct store *st, int max, lists_job_fn fn, void *arg)
{
	sqlite3_stmt *s;
	long long n = -1;

	s = store_stmt(st, "SELECT count(*) FROM jobs"
	    " WHERE state IN ('queued', 'running')");
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (n <= 0 || max <= 0)
		return n;
	s = store_stmt(st, "SELECT id, kind, state, title, done, total"
	    " FROM jobs WHERE state IN ('queued', 'running')"
	    " ORDER BY state = 'running' DESC, id LIMIT ?1");
	sqlite3_bind_int(s, 1, max);
	while (sqlite3_step(s) == SQLITE_ROW)
		fn(sqlite3_column_int64(s, 0),
		    (const char *)sqlite3_column_text(s, 1),
		    (const char *)sqlite3_column_text(s, 2),
		    (const char *)sqlite3_column_text(s, 3),
		    sqlite3_column_int64(s, 4), sqlite3_column_int64(s, 5),
		    arg);
	sqlite3_reset(s);
	return n;
}

long long
lists_jobs_running(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM jobs"
	    " WHERE state = 'running'");
	long long n = -1;

	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}

static void
lists_bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

int
lists_client_insert(struct store *st, const struct lists_client *c,
    long long *id, char **cause)
{
	sqlite3_stmt *s;
	int rc, taken = 0;

	if (store_begin(st) != 0)
		goto fail;
	if (c->student_id != NULL && *c->student_id != '\0') {
		s = store_stmt(st, "SELECT 1 FROM clients WHERE student_id = ?1"
		    " AND org_id IS ?2");
		sqlite3_bind_text(s, 1, c->student_id, -1, SQLITE_STATIC);
		if (c->org_id > 0)
			sqlite3_bind_int64(s, 2, c->org_id);
		else
			sqlite3_bind_null(s, 2);
		taken = sqlite3_step(s) == SQLITE_ROW;
		sqlite3_reset(s);
		if (taken) {
			store_rollback(st);
			*cause = xasprintf(_("student ID %s is already taken "
			    "in that organization"), c->student_id);
			return -1;
		}
	}
	s = store_stmt(st, "INSERT INTO clients(first_name, last_name,"
	    " student_id, grade, teacher, email, org_id)"
	    " VALUES (coalesce(?1, ''), ?2, ?3, ?4, ?5, ?6, ?7)");
	lists_bind_opt(s, 1, c->first_name);
	lists_bind_opt(s, 2, c->last_name);
	lists_bind_opt(s, 3, c->student_id);
	lists_bind_opt(s, 4, c->grade);
	lists_bind_opt(s, 5, c->teacher);
	lists_bind_opt(s, 6, c->email);
	if (c->org_id > 0)
		sqlite3_bind_int64(s, 7, c->org_id);
	else
		sqlite3_bind_null(s, 7);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE) {
		store_rollback(st);
		goto fail;
	}
	*id = sqlite3_last_insert_rowid(store_db(st));
	if (store_commit(st) != 0)
		goto fail;
	return 0;
fail:
	*cause = xasprintf(_("cannot save the client: %s"), store_errmsg(st));
	return -1;
}
