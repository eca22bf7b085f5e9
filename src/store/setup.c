/* store/setup: adding, renaming, moving and deleting statuses (setup.h). */
#include "config.h"

#include <stdlib.h>

#include "store/db.h"
#include "store/setup.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Runs one statement with up to two integer parameters; 0 or -1. */
static int
setup_run(struct store *st, const char *sql, long long a, long long b)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	sqlite3_bind_int64(s, 1, a);
	if (sqlite3_bind_parameter_count(s) >= 2)
		sqlite3_bind_int64(s, 2, b);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Position of status id, 0 when there is none, -1 on error. */
static long long
setup_position(struct store *st, long long id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT position FROM statuses WHERE id = ?1");
	long long pos;
	int rc;

	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	pos = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) :
	    rc == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return pos;
}

static int
setup_name_error(struct store *st, const char *name, char **cause)
{
	if (sqlite3_extended_errcode(store_db(st)) == SQLITE_CONSTRAINT_UNIQUE)
		*cause = xasprintf(_("there is a status '%s' already"), name);
	else
		*cause = xasprintf(_("cannot save status '%s': %s"), name,
		    store_errmsg(st));
	store_rollback(st);
	return -1;
}

int
store_setup_status_add(struct store *st, const char *name, long long after,
    long long *id, char **cause)
{
	sqlite3_stmt *s;
	long long pos = 0;
	int rc;

	if (store_begin(st) != 0)
		goto fail;
	if (after > 0 && (pos = setup_position(st, after)) < 0)
		goto fail_rb;
	if (pos == 0) {
		s = store_stmt(st, "SELECT coalesce(max(position), 0)"
		    " FROM statuses");
		rc = sqlite3_step(s);
		pos = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		if (rc != SQLITE_ROW)
			goto fail_rb;
	}
	/* Make room after pos: out of the way (negative), then back + 1. */
	if (setup_run(st, "UPDATE statuses SET position = -position"
	    " WHERE position > ?1", pos, 0) != 0 ||
	    setup_run(st, "UPDATE statuses SET position = 1 - position"
	    " WHERE position < 0", 0, 0) != 0)
		goto fail_rb;
	s = store_stmt(st, "INSERT INTO statuses(name, position)"
	    " VALUES (?1, ?2)");
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, pos + 1);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return setup_name_error(st, name, cause);
	if (id != NULL)
		*id = sqlite3_last_insert_rowid(store_db(st));
	if (store_commit(st) != 0)
		goto fail;
	return 0;
fail_rb:
	*cause = xasprintf(_("cannot add a status: %s"), store_errmsg(st));
	store_rollback(st);
	return -1;
fail:
	*cause = xasprintf(_("cannot add a status: %s"), store_errmsg(st));
	return -1;
}

int
store_setup_status_rename(struct store *st, long long id, const char *name,
    char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (store_begin(st) != 0) {
		*cause = xasprintf(_("cannot rename the status: %s"),
		    store_errmsg(st));
		return -1;
	}
	s = store_stmt(st, "UPDATE statuses SET name = ?2 WHERE id = ?1");
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return setup_name_error(st, name, cause);
	if (store_commit(st) != 0) {
		*cause = xasprintf(_("cannot rename the status: %s"),
		    store_errmsg(st));
		return -1;
	}
	return 0;
}

int
store_setup_status_move(struct store *st, long long id, int delta,
    char **cause)
{
	sqlite3_stmt *s;
	long long pos, other = 0, opos = 0;
	int rc;

	if (store_begin(st) != 0)
		goto fail;
	if ((pos = setup_position(st, id)) <= 0)
		goto fail_rb;
	s = store_stmt(st, delta < 0 ?
	    "SELECT id, position FROM statuses WHERE position < ?1"
	    " ORDER BY position DESC LIMIT 1" :
	    "SELECT id, position FROM statuses WHERE position > ?1"
	    " ORDER BY position LIMIT 1");
	sqlite3_bind_int64(s, 1, pos);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		other = sqlite3_column_int64(s, 0);
		opos = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		goto fail_rb;
	if (other == 0) {
		store_rollback(st);
		return 0;
	}
	if (setup_run(st, "UPDATE statuses SET position = -1 WHERE id = ?1",
	    id, 0) != 0 ||
	    setup_run(st, "UPDATE statuses SET position = ?2 WHERE id = ?1",
	    other, pos) != 0 ||
	    setup_run(st, "UPDATE statuses SET position = ?2 WHERE id = ?1",
	    id, opos) != 0)
		goto fail_rb;
	if (store_commit(st) != 0)
		goto fail;
	return 0;
fail_rb:
	*cause = xasprintf(_("cannot move the status: %s"), store_errmsg(st));
	store_rollback(st);
	return -1;
fail:
	*cause = xasprintf(_("cannot move the status: %s"), store_errmsg(st));
	return -1;
}

int
store_setup_status_delete(struct store *st, long long id, char **cause)
{
	sqlite3_stmt *s;
	long long n = 0;
	int rc;

	if (store_begin(st) != 0)
		goto fail;
	s = store_stmt(st, "SELECT count(*) FROM sessions WHERE status_id = ?1");
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		goto fail_rb;
	if (n > 0) {
		store_rollback(st);
		*cause = xasprintf(_("%lld sessions have this status; only "
		    "an unused status can be deleted"), n);
		return -1;
	}
	if (setup_run(st, "DELETE FROM statuses WHERE id = ?1", id, 0) != 0)
		goto fail_rb;
	if (store_commit(st) != 0)
		goto fail;
	return 0;
fail_rb:
	*cause = xasprintf(_("cannot delete the status: %s"), store_errmsg(st));
	store_rollback(st);
	return -1;
fail:
	*cause = xasprintf(_("cannot delete the status: %s"), store_errmsg(st));
	return -1;
}

char *
store_setup_status_name(struct store *st, long long id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT name FROM statuses WHERE id = ?1");
	char *name = NULL;

	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		name = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return name;
}
