/*
 * store/status: the statuses table and a session's status.  See
 * store/status.h.
 */
#include "config.h"

#include <stdlib.h>

#include "store/db.h"
#include "store/status.h"
#include "util/xalloc.h"

int
store_status_list(struct store *st, struct status **out, size_t *n)
{
	sqlite3_stmt *s;
	struct status *v = NULL;
	size_t len = 0;
	const char *t;
	int e;

	s = store_stmt(st, "SELECT id, position, name, on_enter FROM statuses"
	    " ORDER BY position");
	while ((e = sqlite3_step(s)) == SQLITE_ROW) {
		v = xreallocarray(v, len + 1, sizeof *v);
		v[len].id = sqlite3_column_int64(s, 0);
		v[len].position = sqlite3_column_int(s, 1);
		v[len].name = xstrdup((const char *)sqlite3_column_text(s, 2));
		t = (const char *)sqlite3_column_text(s, 3);
		v[len].on_enter = t != NULL && *t != '\0' ? xstrdup(t) : NULL;
		len++;
	}
	sqlite3_reset(s);
	if (e != SQLITE_DONE) {
		store_status_free(v, len);
		return -1;
	}
	*out = v;
	*n = len;
	return 0;
}

void
store_status_free(struct status *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].on_enter);
	}
	free(v);
}

int
store_status_of(struct store *st, long long number, long long *session_id,
    long long *status_id)
{
	sqlite3_stmt *s;
	int e, rc;

	s = store_stmt(st, "SELECT id, status_id FROM sessions"
	    " WHERE number = ?1");
	sqlite3_bind_int64(s, 1, number);
	e = sqlite3_step(s);
	if (e == SQLITE_ROW) {
		*session_id = sqlite3_column_int64(s, 0);
		*status_id = sqlite3_column_int64(s, 1);
		rc = 1;
	} else
		rc = e == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

int
store_status_set(struct store *st, long long session_id, long long status_id)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, "UPDATE sessions SET status_id = ?2,"
	    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1");
	sqlite3_bind_int64(s, 1, session_id);
	sqlite3_bind_int64(s, 2, status_id);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}
