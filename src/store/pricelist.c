/* store/pricelist: price lists, their items and the grants of digital
 * items. */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pricelist.h"
#include "util/xalloc.h"

/* Grant styles of the CLI (DESIGN §4) and the scopes of the schema. */
static const struct {
	const char	*style;
	const char	*scope;
} grant_scopes[] = {
	{ "all", "session_images" }, { "ordered", "ordered_images" },
	{ "selected", "selected_images" }, { "non-composite", "non_composite" },
	{ "group:", "image_group" }, { "single", "ordered_image" },
};
#define NSCOPES (sizeof grant_scopes / sizeof grant_scopes[0])

static const char *const item_kinds[] = {
	"print", "digital", "package", "other"
};

void
pricelist_item_clear(struct pricelist_item *it)
{
	free(it->list);
	free(it->code);
	free(it->name);
	free(it->kind);
	free(it->contains);
	free(it->grant_style);
	memset(it, 0, sizeof *it);
}

int
store_pricelist_find(struct store *st, const char *name, int create,
    long long *id)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, "SELECT id FROM price_lists WHERE name = ?1");
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc != SQLITE_DONE)
		return -1;
	if (!create)
		return 0;
	s = store_stmt(st, "INSERT INTO price_lists(name) VALUES (?1)");
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return -1;
	*id = sqlite3_last_insert_rowid(store_db(st));
	return 1;
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

/* The grant style of a scope row ("group:NAME" for image groups). */
static char *
grant_style_of(const char *scope, const char *group)
{
	size_t i;

	for (i = 0; scope != NULL && i < NSCOPES; i++)
		if (strcmp(scope, grant_scopes[i].scope) == 0) {
			if (strcmp(grant_scopes[i].style, "group:") == 0)
				return xasprintf("group:%s",
				    group != NULL ? group : "");
			return xstrdup(grant_scopes[i].style);
		}
	return NULL;
}

#define ITEM_COLS "l.name, i.id, i.code, i.name, i.kind, i.price_cents," \
	" i.width_in, i.height_in, i.dpi, i.sheet_width_in," \
	" i.sheet_height_in, i.contains, g.scope, g.group_name, g.long_side," \
	" g.watermark, g.copyright_release" \
	" FROM price_list_items i JOIN price_lists l ON l.id = i.price_list_id" \
	" LEFT JOIN delivery_grants g ON g.id = i.grant_id"

static void
item_from_row(sqlite3_stmt *s, struct pricelist_item *it)
{
	it->list = col_dup(s, 0);
	it->id = sqlite3_column_int64(s, 1);
	it->code = col_dup(s, 2);
	it->name = col_dup(s, 3);
	it->kind = col_dup(s, 4);
	it->price_cents = sqlite3_column_int64(s, 5);
	it->width_in = sqlite3_column_double(s, 6);
	it->height_in = sqlite3_column_double(s, 7);
	it->dpi = sqlite3_column_int(s, 8);
	it->sheet_width_in = sqlite3_column_double(s, 9);
	it->sheet_height_in = sqlite3_column_double(s, 10);
	it->contains = col_dup(s, 11);
	it->grant_style = grant_style_of((const char *)sqlite3_column_text(s,
	    12), (const char *)sqlite3_column_text(s, 13));
	it->grant_long_side = sqlite3_column_int(s, 14);
	it->grant_watermark = sqlite3_column_int(s, 15);
	it->grant_release = sqlite3_column_int(s, 16);
}

int
store_pricelist_item_get(struct store *st, long long list_id,
    const char *code, struct pricelist_item *it)
{
	sqlite3_stmt *s;
	int rc;

	memset(it, 0, sizeof *it);
	s = store_stmt(st, "SELECT " ITEM_COLS
	    " WHERE i.price_list_id = ?1 AND i.code = ?2");
	sqlite3_bind_int64(s, 1, list_id);
	sqlite3_bind_text(s, 2, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		item_from_row(s, it);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static void
bind_real_or_null(sqlite3_stmt *s, int i, double v)
{
	if (v > 0)
		sqlite3_bind_double(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

/* Makes or updates the grant row of an item; *grant_id 0 when none. */
static int
grant_put(struct store *st, const struct pricelist_item *it,
    long long old_id, long long *grant_id)
{
	sqlite3_stmt *s;
	const char *scope = NULL, *group = NULL;
	size_t i;
	int rc;

	*grant_id = 0;
	if (it->grant_style == NULL)
		return 0;	/* an old grant row stays, unreferenced */
	for (i = 0; i < NSCOPES; i++) {
		size_t n = strlen(grant_scopes[i].style);

		if (strncmp(it->grant_style, grant_scopes[i].style, n) == 0 &&
		    (grant_scopes[i].style[n - 1] == ':' ||
		    it->grant_style[n] == '\0')) {
			scope = grant_scopes[i].scope;
			if (grant_scopes[i].style[n - 1] == ':')
				group = it->grant_style + n;
			break;
		}
	}
	if (scope == NULL)
		return -1;
	if (old_id > 0)
		s = store_stmt(st, "UPDATE delivery_grants SET name = ?1,"
		    " scope = ?2, group_name = ?3, long_side = ?4,"
		    " watermark = ?5, copyright_release = ?6 WHERE id = ?7");
	else
		s = store_stmt(st, "INSERT INTO delivery_grants(name, scope,"
		    " group_name, long_side, watermark, copyright_release)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_bind_text(s, 1, it->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, group, -1, SQLITE_STATIC);
	if (it->grant_long_side > 0)
		sqlite3_bind_int(s, 4, it->grant_long_side);
	else
		sqlite3_bind_null(s, 4);
	sqlite3_bind_int(s, 5, it->grant_watermark != 0);
	sqlite3_bind_int(s, 6, it->grant_release != 0);
	if (old_id > 0)
		sqlite3_bind_int64(s, 7, old_id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE)
		return -1;
	*grant_id = old_id > 0 ? old_id :
	    sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int
store_pricelist_item_put(struct store *st, long long list_id,
    const struct pricelist_item *it)
{
	sqlite3_stmt *s;
	long long old_grant = 0, grant_id;
	int rc;

	s = store_stmt(st, "SELECT grant_id FROM price_list_items"
	    " WHERE price_list_id = ?1 AND code = ?2");
	sqlite3_bind_int64(s, 1, list_id);
	sqlite3_bind_text(s, 2, it->code, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		old_grant = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (grant_put(st, it, old_grant, &grant_id) != 0)
		return -1;

	s = store_stmt(st, "INSERT INTO price_list_items(price_list_id, code,"
	    " name, price_cents, kind, width_in, height_in, dpi, grant_id,"
	    " sheet_width_in, sheet_height_in, contains) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
	    " ON CONFLICT(price_list_id, code) DO UPDATE SET"
	    " name = excluded.name, price_cents = excluded.price_cents,"
	    " kind = excluded.kind, width_in = excluded.width_in,"
	    " height_in = excluded.height_in, dpi = excluded.dpi,"
	    " grant_id = excluded.grant_id,"
	    " sheet_width_in = excluded.sheet_width_in,"
	    " sheet_height_in = excluded.sheet_height_in,"
	    " contains = excluded.contains");
	sqlite3_bind_int64(s, 1, list_id);
	sqlite3_bind_text(s, 2, it->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, it->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, it->price_cents);
	sqlite3_bind_text(s, 5, it->kind, -1, SQLITE_STATIC);
	bind_real_or_null(s, 6, it->width_in);
	bind_real_or_null(s, 7, it->height_in);
	if (it->dpi > 0)
		sqlite3_bind_int(s, 8, it->dpi);
	else
		sqlite3_bind_null(s, 8);
	if (grant_id > 0)
		sqlite3_bind_int64(s, 9, grant_id);
	else
		sqlite3_bind_null(s, 9);
	bind_real_or_null(s, 10, it->sheet_width_in);
	bind_real_or_null(s, 11, it->sheet_height_in);
	sqlite3_bind_text(s, 12, it->contains, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_pricelist_each(struct store *st, pricelist_item_fn fn, void *arg)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, "SELECT " ITEM_COLS " ORDER BY l.name, i.code");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct pricelist_item it;

		memset(&it, 0, sizeof it);
		item_from_row(s, &it);
		rc = fn(&it, arg);
		pricelist_item_clear(&it);
		if (rc != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_pricelist_item_find(struct store *st, const char *code, long long *id,
    const char **kind, long long *price_cents)
{
	sqlite3_stmt *s;
	size_t i;
	int rc;

	s = store_stmt(st, "SELECT id, kind, price_cents FROM price_list_items"
	    " WHERE code = ?1 ORDER BY price_list_id DESC LIMIT 1");
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 1);

		*id = sqlite3_column_int64(s, 0);
		*price_cents = sqlite3_column_int64(s, 2);
		*kind = "other";
		for (i = 0; k != NULL && i < 4; i++)
			if (strcmp(k, item_kinds[i]) == 0)
				*kind = item_kinds[i];
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
store_pricelist_item_by_id(struct store *st, long long id,
    struct pricelist_item *it)
{
	sqlite3_stmt *s;
	int rc;

	memset(it, 0, sizeof *it);
	s = store_stmt(st, "SELECT " ITEM_COLS " WHERE i.id = ?1");
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		item_from_row(s, it);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
store_pricelist_item_delete(struct store *st, long long id)
{
	sqlite3_stmt *s;
	int rc, used = 0;

	if (store_begin(st) != 0)
		return -1;
	s = store_stmt(st, "SELECT 1 FROM invoice_lines WHERE item_id = ?1"
	    " UNION ALL SELECT 1 FROM production_items WHERE item_id = ?1"
	    " LIMIT 1");
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		used = 1;
	else if (rc != SQLITE_DONE)
		goto fail;
	if (!used) {
		s = store_stmt(st, "DELETE FROM price_list_items WHERE id = ?1");
		sqlite3_bind_int64(s, 1, id);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			goto fail;
	}
	if (store_commit(st) != 0)
		goto fail;
	return !used;
fail:
	store_rollback(st);
	return -1;
}

long long
store_pricelist_count(struct store *st)
{
	sqlite3_stmt *s;
	long long n = -1;

	s = store_stmt(st, "SELECT count(*) FROM price_list_items");
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}
