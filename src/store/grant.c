/* store/grant: delivery grants and image marks (see grant.h). */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/grant.h"
#include "util/xalloc.h"

/* Grant styles of the CLI (DESIGN §4) and the scopes of the schema. */
static const struct {
	const char	*style;
	const char	*scope;
} scopes[] = {
	{ "all", "session_images" }, { "ordered", "ordered_images" },
	{ "selected", "selected_images" }, { "non-composite", "non_composite" },
	{ "group:", "image_group" }, { "single", "ordered_image" },
};
#define NSCOPES (sizeof scopes / sizeof scopes[0])

static const char *const holders[] = {
	"UPDATE sessions SET grant_id = ?1 WHERE number = ?2",
	"UPDATE session_types SET grant_id = ?1 WHERE name = ?2",
	"UPDATE price_list_items SET grant_id = ?1 WHERE code = ?2"
	    " AND kind = 'digital'",
};

static int
step_done(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_grant_add(struct store *st, enum grant_source src, const char *target,
    const char *style, int long_side, int watermark, int release,
    long long *id)
{
	sqlite3_stmt *s;
	const char *scope = NULL, *group = NULL;
	size_t i;

	for (i = 0; i < NSCOPES; i++) {
		size_t n = strlen(scopes[i].style);

		if (scopes[i].style[n - 1] == ':' ?
		    strncmp(style, scopes[i].style, n) == 0 && style[n] != 0 :
		    strcmp(style, scopes[i].style) == 0) {
			scope = scopes[i].scope;
			if (scopes[i].style[n - 1] == ':')
				group = style + n;
			break;
		}
	}
	if (scope == NULL || store_begin(st) != 0)
		return -1;
	s = store_stmt(st, "INSERT INTO delivery_grants(name, scope,"
	    " group_name, long_side, watermark, copyright_release)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_bind_text(s, 1, target, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, group, -1, SQLITE_STATIC);
	if (long_side > 0)
		sqlite3_bind_int(s, 4, long_side);
	else
		sqlite3_bind_null(s, 4);
	sqlite3_bind_int(s, 5, watermark != 0);
	sqlite3_bind_int(s, 6, release != 0);
	if (step_done(s) != 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(store_db(st));
	s = store_stmt(st, holders[src]);
	sqlite3_bind_int64(s, 1, *id);
	if (src == GRANT_SESSION)
		sqlite3_bind_int64(s, 2, strtoll(target, NULL, 10));
	else
		sqlite3_bind_text(s, 2, target, -1, SQLITE_STATIC);
	if (step_done(s) != 0)
		goto fail;
	if (sqlite3_changes(store_db(st)) == 0) {
		store_rollback(st);
		return 0;
	}
	/* The grant it replaced, if nothing else holds it, goes. */
	s = store_stmt(st, "DELETE FROM delivery_grants WHERE id <> ?1"
	    " AND id NOT IN (SELECT grant_id FROM sessions WHERE grant_id"
	    " IS NOT NULL UNION SELECT grant_id FROM session_types WHERE"
	    " grant_id IS NOT NULL UNION SELECT grant_id FROM price_list_items"
	    " WHERE grant_id IS NOT NULL)");
	sqlite3_bind_int64(s, 1, *id);
	if (step_done(s) != 0)
		goto fail;
	if (store_commit(st) != 0)
		goto fail;
	return 1;
fail:
	store_rollback(st);
	return -1;
}

/* The CLI style of a scope row (into buf). */
static const char *
style_of(const char *scope, const char *group, char *buf, size_t len)
{
	size_t i;

	for (i = 0; scope != NULL && i < NSCOPES; i++)
		if (strcmp(scope, scopes[i].scope) == 0) {
			if (strcmp(scopes[i].style, "group:") == 0) {
				snprintf(buf, len, "group:%s",
				    group != NULL ? group : "");
				return buf;
			}
			return scopes[i].style;
		}
	return "?";
}

static int
each_rows(sqlite3_stmt *s, grant_row_fn fn, void *arg)
{
	struct grant_row r;
	char buf[256];
	int e, stop = 0;

	while (!stop && (e = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		r.source = (enum grant_source)sqlite3_column_int(s, 1);
		r.target = (const char *)sqlite3_column_text(s, 2);
		r.style = style_of((const char *)sqlite3_column_text(s, 3),
		    (const char *)sqlite3_column_text(s, 4), buf, sizeof buf);
		r.long_side = sqlite3_column_int(s, 5);
		r.watermark = sqlite3_column_int(s, 6);
		r.release = sqlite3_column_int(s, 7);
		r.image_id = sqlite3_column_int64(s, 8);
		r.invoiced = sqlite3_column_int(s, 9);
		stop = fn(&r, arg);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return stop || e == SQLITE_DONE ? 0 : -1;
}

int
store_grant_each(struct store *st, grant_row_fn fn, void *arg)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT g.id, 0, CAST(x.number AS TEXT), g.scope, g.group_name,"
	    " coalesce(g.long_side, 0), g.watermark, g.copyright_release,"
	    " 0, 0 FROM delivery_grants g JOIN sessions x ON x.grant_id = g.id"
	    " UNION ALL SELECT g.id, 1, x.name, g.scope, g.group_name,"
	    " coalesce(g.long_side, 0), g.watermark, g.copyright_release,"
	    " 0, 0 FROM delivery_grants g"
	    " JOIN session_types x ON x.grant_id = g.id"
	    " UNION ALL SELECT g.id, 2, x.code, g.scope, g.group_name,"
	    " coalesce(g.long_side, 0), g.watermark, g.copyright_release,"
	    " 0, EXISTS (SELECT 1 FROM invoice_lines l WHERE l.item_id = x.id)"
	    " FROM delivery_grants g JOIN price_list_items x"
	    " ON x.grant_id = g.id ORDER BY 1");

	return each_rows(s, fn, arg);
}

int
store_grant_remove(struct store *st, long long id)
{
	static const char *const sql[] = {
		"UPDATE sessions SET grant_id = NULL WHERE grant_id = ?1",
		"UPDATE session_types SET grant_id = NULL WHERE grant_id = ?1",
		"UPDATE price_list_items SET grant_id = NULL"
		    " WHERE grant_id = ?1",
		"DELETE FROM delivery_grants WHERE id = ?1",
	};
	sqlite3_stmt *s;
	size_t i;
	int n = 0;

	if (store_begin(st) != 0)
		return -1;
	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		s = store_stmt(st, sql[i]);
		sqlite3_bind_int64(s, 1, id);
		if (step_done(s) != 0) {
			store_rollback(st);
			return -1;
		}
		n = sqlite3_changes(store_db(st));
	}
	if (store_commit(st) != 0) {
		store_rollback(st);
		return -1;
	}
	return n > 0 ? 1 : 0;
}

int
store_grant_of_session(struct store *st, long long number, grant_row_fn fn,
    void *arg)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT g.id, 0, CAST(x.number AS TEXT), g.scope, g.group_name,"
	    " coalesce(g.long_side, 0), g.watermark, g.copyright_release,"
	    " 0, 0 FROM sessions x JOIN delivery_grants g ON g.id = x.grant_id"
	    " WHERE x.number = ?1"
	    " UNION ALL SELECT g.id, 1, t.name, g.scope, g.group_name,"
	    " coalesce(g.long_side, 0), g.watermark, g.copyright_release,"
	    " 0, 0 FROM sessions x JOIN session_types t ON t.id = x.type_id"
	    " JOIN delivery_grants g ON g.id = t.grant_id WHERE x.number = ?1"
	    " UNION ALL SELECT g.id, 2, p.code, g.scope, g.group_name,"
	    " coalesce(g.long_side, 0), g.watermark, g.copyright_release,"
	    " coalesce(l.image_id, 0), 1 FROM sessions x"
	    " JOIN invoices v ON v.session_id = x.id"
	    " JOIN invoice_lines l ON l.invoice_id = v.id"
	    " JOIN price_list_items p ON p.id = l.item_id"
	    " JOIN delivery_grants g ON g.id = p.grant_id WHERE x.number = ?1");

	sqlite3_bind_int64(s, 1, number);
	return each_rows(s, fn, arg);
}

int
store_grant_images(struct store *st, long long number, grant_image_fn fn,
    void *arg)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT i.id, i.path, i.selected, i.is_composite,"
	    " EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices v"
	    "  ON v.id = l.invoice_id WHERE l.image_id = i.id),"
	    " (SELECT group_concat(g.name, char(10)) FROM image_groups g"
	    "  JOIN image_group_members m ON m.group_id = g.id"
	    "  WHERE m.image_id = i.id)"
	    " FROM images i JOIN sessions x ON x.id = i.session_id"
	    " WHERE x.number = ?1 AND i.is_marker = 0"
	    " ORDER BY i.captured_at, i.id");
	struct grant_image_row r;
	int e, stop = 0;

	sqlite3_bind_int64(s, 1, number);
	while (!stop && (e = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.path = (const char *)sqlite3_column_text(s, 1);
		r.selected = sqlite3_column_int(s, 2);
		r.composite = sqlite3_column_int(s, 3);
		r.ordered = sqlite3_column_int(s, 4);
		r.groups = (const char *)sqlite3_column_text(s, 5);
		stop = fn(&r, arg);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return stop || e == SQLITE_DONE ? 0 : -1;
}

char *
store_grant_client(struct store *st, long long number)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT trim(c.first_name || ' ' || c.last_name) FROM sessions x"
	    " JOIN clients c ON c.id = x.client_id WHERE x.number = ?1");
	char *r = NULL;

	sqlite3_bind_int64(s, 1, number);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		r = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return r;
}

int
store_image_composite(struct store *st, long long id, int composite)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE images SET is_composite = ?2 WHERE id = ?1");

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, composite != 0);
	if (step_done(s) != 0)
		return -1;
	return sqlite3_changes(store_db(st)) > 0 ? 1 : 0;
}

int
store_image_group(struct store *st, long long id, const char *name,
    int remove)
{
	sqlite3_stmt *s;
	int n;

	s = store_stmt(st, "SELECT 1 FROM images WHERE id = ?1");
	sqlite3_bind_int64(s, 1, id);
	n = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (n != SQLITE_ROW)
		return n == SQLITE_DONE ? 0 : -1;
	if (remove) {
		s = store_stmt(st, "DELETE FROM image_group_members"
		    " WHERE image_id = ?1 AND group_id IN (SELECT g.id FROM"
		    " image_groups g JOIN images i ON i.session_id ="
		    " g.session_id WHERE i.id = ?1 AND g.name = ?2)");
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
		return step_done(s) == 0 ? 1 : -1;
	}
	s = store_stmt(st, "INSERT OR IGNORE INTO image_groups(session_id,"
	    " name) SELECT session_id, ?2 FROM images WHERE id = ?1");
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	if (step_done(s) != 0)
		return -1;
	s = store_stmt(st, "INSERT OR IGNORE INTO image_group_members"
	    " SELECT g.id, i.id FROM images i JOIN image_groups g"
	    " ON g.session_id = i.session_id AND g.name = ?2 WHERE i.id = ?1");
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	return step_done(s) == 0 ? 1 : -1;
}

/* The session's auto group, inside the statements below (literals: the
 * statement cache keeps the SQL's address). */
#define AUTO_GROUP "(SELECT g.id FROM image_groups g JOIN sessions x" \
	" ON x.id = g.session_id WHERE x.number = ?1 AND g.name = ?2" \
	" AND g.auto = 1)"

int
store_group_auto_fill(struct store *st, long long number, const char *name,
    int first)
{
	sqlite3_stmt *s;
	int own = sqlite3_get_autocommit(store_db(st)), rc = -1;

	if (own && store_begin(st) != 0)
		return -1;
	s = store_stmt(st, "INSERT OR IGNORE INTO image_groups(session_id,"
	    " name, auto) SELECT id, ?2, 1 FROM sessions WHERE number = ?1");
	sqlite3_bind_int64(s, 1, number);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	if (step_done(s) != 0)
		goto out;
	if (first > 0) {
		s = store_stmt(st, "INSERT OR IGNORE INTO image_group_members"
		    " SELECT " AUTO_GROUP ", i.id FROM images i JOIN sessions x"
		    " ON x.id = i.session_id WHERE x.number = ?1"
		    " AND i.is_marker = 0 AND " AUTO_GROUP " IS NOT NULL"
		    " ORDER BY i.captured_at, i.id LIMIT ?3");
		sqlite3_bind_int64(s, 1, number);
		sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 3, first);
		if (step_done(s) != 0)
			goto out;
	} else {
		s = store_stmt(st, "DELETE FROM image_group_members WHERE"
		    " group_id = " AUTO_GROUP " AND image_id NOT IN (SELECT id"
		    " FROM images WHERE selected = 1)");
		sqlite3_bind_int64(s, 1, number);
		sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
		if (step_done(s) != 0)
			goto out;
		s = store_stmt(st, "INSERT OR IGNORE INTO image_group_members"
		    " SELECT " AUTO_GROUP ", i.id FROM images i JOIN sessions x"
		    " ON x.id = i.session_id WHERE x.number = ?1"
		    " AND i.is_marker = 0 AND i.selected = 1"
		    " AND " AUTO_GROUP " IS NOT NULL");
		sqlite3_bind_int64(s, 1, number);
		sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
		if (step_done(s) != 0)
			goto out;
	}
	rc = 0;
out:
	if (own) {
		if (rc == 0 && store_commit(st) != 0)
			rc = -1;
		if (rc != 0)
			store_rollback(st);
	}
	return rc;
}

static char *
session_text(struct store *st, const char *sql, long long number)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	char *r = NULL;

	sqlite3_bind_int64(s, 1, number);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		r = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return r;
}

/* Steps s and resets it: its first column of the first row, 0 for no row,
 * -1 on an error. */
static long long
step_int64(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	long long n = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) :
	    rc == SQLITE_DONE ? 0 : -1;

	sqlite3_reset(s);
	return n;
}

char *
store_delivery_token(struct store *st, long long number)
{
	return session_text(st, "SELECT delivery_token FROM sessions"
	    " WHERE number = ?1", number);
}

long long
store_delivery_job(struct store *st, long long number)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id FROM jobs WHERE kind = 'delivery'"
	    " AND json_extract(payload, '$.session') = ?1"
	    " ORDER BY id DESC LIMIT 1");

	sqlite3_bind_int64(s, 1, number);
	return step_int64(s);
}

long long
store_invoice_number_granted(struct store *st, const char *number)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT x.number FROM invoices v JOIN sessions x"
	    " ON x.id = v.session_id WHERE v.number = ?1 AND EXISTS (SELECT 1"
	    " FROM invoice_lines l JOIN price_list_items p ON p.id = l.item_id"
	    " WHERE l.invoice_id = v.id AND p.grant_id IS NOT NULL)");

	sqlite3_bind_text(s, 1, number, -1, SQLITE_STATIC);
	return step_int64(s);
}

int
store_pricelist_grants_any(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT EXISTS (SELECT 1 FROM"
	    " price_list_items WHERE grant_id IS NOT NULL)");
	int rc = sqlite3_step(s), any;

	any = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_reset(s);
	return any;
}

long long
store_invoice_granted_session(struct store *st, long long invoice)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT x.number FROM invoices v JOIN sessions x"
	    " ON x.id = v.session_id WHERE v.id = ?1 AND EXISTS (SELECT 1"
	    " FROM invoice_lines l JOIN price_list_items p ON p.id = l.item_id"
	    " WHERE l.invoice_id = v.id AND p.grant_id IS NOT NULL)");

	sqlite3_bind_int64(s, 1, invoice);
	return step_int64(s);
}

char *
store_delivery_url(struct store *st, long long number)
{
	return session_text(st, "SELECT delivery_url FROM sessions"
	    " WHERE number = ?1", number);
}

static int
session_set(struct store *st, const char *sql, long long number,
    const char *v)
{
	sqlite3_stmt *s = store_stmt(st, sql);

	sqlite3_bind_int64(s, 1, number);
	sqlite3_bind_text(s, 2, v, -1, SQLITE_STATIC);
	if (step_done(s) != 0)
		return -1;
	return sqlite3_changes(store_db(st)) > 0 ? 1 : 0;
}

int
store_delivery_token_set(struct store *st, long long number,
    const char *token)
{
	return session_set(st, "UPDATE sessions SET delivery_token = ?2"
	    " WHERE number = ?1", number, token);
}

int
store_delivery_url_set(struct store *st, long long number, const char *url)
{
	return session_set(st, "UPDATE sessions SET delivery_url = ?2"
	    " WHERE number = ?1", number, url);
}
