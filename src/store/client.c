/* store/client: the clients table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/client.h"
#include "store/db.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const char *const client_field_names[CLIENT_NFIELDS] = {
	"first_name", "last_name", "student_id", "grade", "teacher",
	"homeroom", "email", "phone", "guardian", "role", "title", "priority"
};

/* The columns in enum client_field order, for the statements below. */
#define CLIENT_COLS "first_name, last_name, student_id, grade, teacher," \
	" homeroom, email, phone, guardian, role, title, priority"

const char *
client_field_name(enum client_field f)
{
	return client_field_names[f];
}

void
client_clear(struct client *c)
{
	int i;

	for (i = 0; i < CLIENT_NFIELDS; i++)
		free(c->f[i]);
	memset(c, 0, sizeof *c);
}

static void
client_bind_fields(sqlite3_stmt *s, const struct client *c, int first)
{
	int i;

	for (i = 0; i < CLIENT_NFIELDS; i++) {
		const char *v = c->f[i];

		/* first_name and last_name are NOT NULL: '' for empty. */
		if (v == NULL && (i == CLIENT_FIRST_NAME ||
		    i == CLIENT_LAST_NAME))
			v = "";
		if (v == NULL)
			sqlite3_bind_null(s, first + i);
		else
			sqlite3_bind_text(s, first + i, v, -1, SQLITE_STATIC);
	}
}

/* Steps s, a SELECT of id, org_id, CLIENT_COLS, and resets it: 1 and *c
 * filled (the caller clears it), 0 no row, -1 error. */
static int
client_row(sqlite3_stmt *s, struct client *c)
{
	int rc = sqlite3_step(s), ret, i;

	if (rc == SQLITE_ROW) {
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(s, 0);
		c->org_id = sqlite3_column_int64(s, 1);
		for (i = 0; i < CLIENT_NFIELDS; i++) {
			const unsigned char *v = sqlite3_column_text(s, 2 + i);

			if (v != NULL && *v != '\0')
				c->f[i] = xstrdup((const char *)v);
		}
		ret = 1;
	} else
		ret = rc == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return ret;
}

int
store_client_find(struct store *st, long long org_id, const char *student_id,
    struct client *c)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id, org_id, " CLIENT_COLS " FROM clients"
	    " WHERE org_id IS ?1 AND student_id = ?2");

	if (org_id > 0)
		sqlite3_bind_int64(s, 1, org_id);
	else
		sqlite3_bind_null(s, 1);
	sqlite3_bind_text(s, 2, student_id, -1, SQLITE_STATIC);
	return client_row(s, c);
}

int
store_client_find_staff(struct store *st, long long org_id, const char *last,
    const char *first, struct client *c)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id, org_id, " CLIENT_COLS " FROM clients"
	    " WHERE org_id = ?1 AND student_id IS NULL AND role IS NOT NULL"
	    " AND last_name = ?2 AND first_name = ?3 ORDER BY id LIMIT 1");

	sqlite3_bind_int64(s, 1, org_id);
	sqlite3_bind_text(s, 2, last, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, first != NULL ? first : "", -1, SQLITE_STATIC);
	return client_row(s, c);
}

int
store_client_insert(struct store *st, const struct client *c, long long *id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO clients(org_id, " CLIENT_COLS ","
	    " name_key, first_key, grade_key)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " picday_name_key(?3, ?2), picday_name_key(?2, ?3),"
	    " picday_grade_key(?5))");
	int rc;

	if (c->org_id > 0)
		sqlite3_bind_int64(s, 1, c->org_id);
	else
		sqlite3_bind_null(s, 1);
	client_bind_fields(s, c, 2);
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE && id != NULL)
		*id = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_client_update(struct store *st, const struct client *c)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE clients SET first_name = ?2, last_name = ?3,"
	    " student_id = ?4, grade = ?5, teacher = ?6, homeroom = ?7,"
	    " email = ?8, phone = ?9, guardian = ?10,"
	    " role = ?11, title = ?12, priority = ?13,"
	    " name_key = picday_name_key(?3, ?2),"
	    " first_key = picday_name_key(?2, ?3),"
	    " grade_key = picday_grade_key(?5),"
	    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
	    " WHERE id = ?1");
	int rc;

	sqlite3_bind_int64(s, 1, c->id);
	client_bind_fields(s, c, 2);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_client_indexes_drop(struct store *st, char ***out)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
	    " AND tbl_name = 'clients' AND sql IS NOT NULL ORDER BY name");
	char **made = NULL, **names = NULL, *drop;
	size_t n = 0, i;
	int rc, ret = 0;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		made = xreallocarray(made, n + 2, sizeof *made);
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n] = xstrdup((const char *)sqlite3_column_text(s, 0));
		made[n++] = xstrdup((const char *)sqlite3_column_text(s, 1));
		made[n] = NULL;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		ret = -1;
	/* Names from the schema itself, quoted: DDL takes no parameters. */
	for (i = 0; i < n && ret == 0; i++) {
		drop = sqlite3_mprintf("DROP INDEX \"%w\"", names[i]);
		if (drop == NULL || store_exec(st, drop) != 0)
			ret = -1;
		sqlite3_free(drop);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (ret != 0) {
		store_client_indexes_free(made);
		made = NULL;
	}
	*out = made;
	return ret;
}

int
store_client_indexes_make(struct store *st, char **made)
{
	size_t i;
	int ret = 0;

	for (i = 0; made != NULL && made[i] != NULL && ret == 0; i++)
		if (store_exec(st, made[i]) != 0)
			ret = -1;
	store_client_indexes_free(made);
	return ret;
}

void
store_client_indexes_free(char **made)
{
	size_t i;

	for (i = 0; made != NULL && made[i] != NULL; i++)
		free(made[i]);
	free(made);
}

long long
store_client_count(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM clients");
	long long n = -1;

	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}

int
store_client_list(struct store *st, long long org_id,
    int (*fn)(const struct client_row *, void *), void *arg)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT c.id, " CLIENT_COLS ", o.name FROM clients c"
	    " LEFT JOIN organizations o ON o.id = c.org_id"
	    " WHERE ?1 = 0 OR c.org_id = ?1"
	    " ORDER BY c.name_key, c.id");
	struct client_row r;
	int rc, i;

	sqlite3_bind_int64(s, 1, org_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		for (i = 0; i < CLIENT_NFIELDS; i++)
			r.f[i] = (const char *)sqlite3_column_text(s, 1 + i);
		r.organization = (const char *)sqlite3_column_text(s,
		    1 + CLIENT_NFIELDS);
		if (fn(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* --- one client by hand --- */

int
store_client_get(struct store *st, long long id, struct client *c)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id, org_id, " CLIENT_COLS " FROM clients WHERE id = ?1");

	sqlite3_bind_int64(s, 1, id);
	return client_row(s, c);
}

/* Another client of org_id with that student ID: 1, 0 none, -1 error. */
static int
store_client_taken(struct store *st, const struct client *c)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM clients"
	    " WHERE org_id IS ?1 AND student_id = ?2 AND id != ?3");
	int rc;

	if (c->org_id > 0)
		sqlite3_bind_int64(s, 1, c->org_id);
	else
		sqlite3_bind_null(s, 1);
	sqlite3_bind_text(s, 2, c->f[CLIENT_STUDENT_ID], -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, c->id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_client_save(struct store *st, const struct client *c, long long *id,
    char **cause)
{
	sqlite3_stmt *s;
	int rc, taken;

	if (c->f[CLIENT_LAST_NAME] == NULL || *c->f[CLIENT_LAST_NAME] == '\0') {
		*cause = xasprintf(_("a client needs a last name"));
		return -1;
	}
	if (store_begin(st) != 0)
		goto fail;
	taken = 0;
	if (c->f[CLIENT_STUDENT_ID] != NULL && *c->f[CLIENT_STUDENT_ID] != '\0')
		taken = store_client_taken(st, c);
	if (taken != 0) {
		if (taken < 0)
			goto fail_rb;
		store_rollback(st);
		*cause = xasprintf(_("student ID %s is already taken in that "
		    "organization"), c->f[CLIENT_STUDENT_ID]);
		return -1;
	}
	if (c->id == 0) {
		if (store_client_insert(st, c, id) != 0) {
			goto fail_rb;
		}
	} else {
		if (store_client_update(st, c) != 0) {
			goto fail_rb;
		}
		s = store_stmt(st, "UPDATE clients SET org_id = ?2 WHERE id = ?1");
		sqlite3_bind_int64(s, 1, c->id);
		if (c->org_id > 0)
			sqlite3_bind_int64(s, 2, c->org_id);
		else
			sqlite3_bind_null(s, 2);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE) {
			goto fail_rb;
		}
		if (id != NULL)
			*id = c->id;
	}
	if (store_commit(st) != 0)
		goto fail;
	return 0;
fail:
	*cause = xasprintf(_("cannot save the client: %s"), store_errmsg(st));
	return -1;
fail_rb:
	*cause = xasprintf(_("cannot save the client: %s"), store_errmsg(st));
	store_rollback(st);
	return -1;
}

int
store_client_usage(struct store *st, long long id, struct client_usage *u)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT (SELECT count(*) FROM sessions WHERE client_id = ?1),"
	    " (SELECT count(*) FROM images WHERE session_id IN"
	    "   (SELECT id FROM sessions WHERE client_id = ?1)),"
	    " (SELECT count(*) FROM invoices WHERE client_id = ?1 OR"
	    "   session_id IN (SELECT id FROM sessions WHERE client_id = ?1))");
	int rc;

	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		u->sessions = sqlite3_column_int64(s, 0);
		u->images = sqlite3_column_int64(s, 1);
		u->invoices = sqlite3_column_int64(s, 2);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
store_client_delete(struct store *st, long long id, char **cause)
{
	static const char *const sql[] = {
		"DELETE FROM mail_log WHERE client_id = ?1 OR session_id IN"
		" (SELECT id FROM sessions WHERE client_id = ?1)",
		/* History and image groups go with the sessions (CASCADE). */
		"DELETE FROM sessions WHERE client_id = ?1",
		"DELETE FROM clients WHERE id = ?1",
	};
	struct client_usage u;
	sqlite3_stmt *s;
	size_t i;
	int rc;

	if (store_begin(st) != 0)
		goto fail;
	if (store_client_usage(st, id, &u) != 0) {
		goto fail_rb;
	}
	if (u.images > 0 || u.invoices > 0) {
		store_rollback(st);
		*cause = xasprintf(_("the client has %lld images and %lld "
		    "invoices; a client with images or invoices is kept"),
		    u.images, u.invoices);
		return -1;
	}
	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		s = store_stmt(st, sql[i]);
		sqlite3_bind_int64(s, 1, id);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE) {
			goto fail_rb;
		}
	}
	if (store_commit(st) != 0)
		goto fail;
	return 0;
fail:
	*cause = xasprintf(_("cannot delete the client: %s"),
	    store_errmsg(st));
	return -1;
fail_rb:
	*cause = xasprintf(_("cannot delete the client: %s"),
	    store_errmsg(st));
	store_rollback(st);
	return -1;
}
