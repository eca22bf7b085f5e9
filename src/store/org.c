/* store/org: the organizations table. */
#include "config.h"

#include <stdlib.h>

#include "store/db.h"
#include "store/org.h"
#include "util/i18n.h"
#include "util/xalloc.h"

int
store_org_add(struct store *st, const char *name, const char *code,
    long long *id, char **cause)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO organizations(name, code) VALUES (?1, ?2)");
	int rc;

	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	if (code != NULL && *code != '\0')
		sqlite3_bind_text(s, 2, code, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, 2);
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		if (id != NULL)
			*id = sqlite3_last_insert_rowid(store_db(st));
		sqlite3_reset(s);
		return 0;
	}
	if (sqlite3_extended_errcode(store_db(st)) ==
	    SQLITE_CONSTRAINT_UNIQUE) {
		long long other;

		if (store_org_find(st, name, &other) == 1)
			*cause = xasprintf(_("organization '%s' already "
			    "exists"), name);
		else
			*cause = xasprintf(_("organization code '%s' is "
			    "already used"), code);
	} else
		*cause = xasprintf(_("cannot add organization '%s': %s"),
		    name, store_errmsg(st));
	sqlite3_reset(s);
	return -1;
}

int
store_org_find(struct store *st, const char *name, long long *id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id FROM organizations WHERE name = ?1");
	int rc, ret;

	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		ret = 1;
	} else
		ret = rc == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return ret;
}

char *
store_org_name(struct store *st, long long id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT name FROM organizations WHERE id = ?1");
	char *name = NULL;

	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		name = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return name;
}

int
store_org_list(struct store *st, int (*fn)(const struct org *, void *),
    void *arg)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT o.id, o.name, o.code, o.created_at,"
	    " (SELECT count(*) FROM clients c WHERE c.org_id = o.id)"
	    " FROM organizations o ORDER BY o.name");
	struct org o;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		o.id = sqlite3_column_int64(s, 0);
		o.name = (const char *)sqlite3_column_text(s, 1);
		o.code = (const char *)sqlite3_column_text(s, 2);
		o.created_at = (const char *)sqlite3_column_text(s, 3);
		o.nclients = sqlite3_column_int64(s, 4);
		if (fn(&o, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_org_get(struct store *st, long long id, char **name, char **code)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT name, code FROM organizations WHERE id = ?1");
	const unsigned char *c;
	int rc;

	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*name = xstrdup((const char *)sqlite3_column_text(s, 0));
		c = sqlite3_column_text(s, 1);
		*code = c != NULL ? xstrdup((const char *)c) : NULL;
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_org_update(struct store *st, long long id, const char *name,
    const char *code, char **cause)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE organizations SET name = ?2, code = ?3 WHERE id = ?1");
	long long other;
	int rc;

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	if (code != NULL && *code != '\0')
		sqlite3_bind_text(s, 3, code, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, 3);
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return 0;
	}
	if (sqlite3_extended_errcode(store_db(st)) ==
	    SQLITE_CONSTRAINT_UNIQUE) {
		sqlite3_reset(s);
		if (store_org_find(st, name, &other) == 1 && other != id)
			*cause = xasprintf(_("organization '%s' already "
			    "exists"), name);
		else
			*cause = xasprintf(_("organization code '%s' is "
			    "already used"), code);
		return -1;
	}
	*cause = xasprintf(_("cannot change organization '%s': %s"), name,
	    store_errmsg(st));
	sqlite3_reset(s);
	return -1;
}

int
store_org_delete(struct store *st, long long id, char **cause)
{
	sqlite3_stmt *s;
	long long nclients = 0, nsessions = 0;
	int rc;

	if (store_begin(st) != 0)
		goto fail;
	s = store_stmt(st, "SELECT"
	    " (SELECT count(*) FROM clients WHERE org_id = ?1),"
	    " (SELECT count(*) FROM sessions WHERE org_id = ?1)");
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		nclients = sqlite3_column_int64(s, 0);
		nsessions = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		goto fail_rb;
	if (nclients > 0 || nsessions > 0) {
		store_rollback(st);
		*cause = xasprintf(_("the organization has %lld clients and "
		    "%lld sessions; only an empty one can be deleted"),
		    nclients, nsessions);
		return -1;
	}
	s = store_stmt(st, "DELETE FROM organizations WHERE id = ?1");
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		goto fail_rb;
	if (store_commit(st) != 0)
		goto fail;
	return 0;
fail_rb:
	*cause = xasprintf(_("cannot delete the organization: %s"),
	    store_errmsg(st));
	store_rollback(st);
	return -1;
fail:
	*cause = xasprintf(_("cannot delete the organization: %s"),
	    store_errmsg(st));
	return -1;
}
