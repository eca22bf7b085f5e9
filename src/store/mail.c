/* store/mail: the SQL of the mail log.  See store/mail.h. */
#include "config.h"

#include "store/db.h"
#include "store/mail.h"
#include "util/xalloc.h"

int
store_mail_was_sent(struct store *st, long long session_id, const char *kind,
    const char *starts_at)
{
	sqlite3_stmt *s;
	int e, rc;

	s = store_stmt(st, "SELECT 1 FROM mail_log WHERE session_id = ?1"
	    " AND kind = ?2 AND state = 'sent' AND starts_at IS ?3 LIMIT 1");
	sqlite3_bind_int64(s, 1, session_id);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, starts_at, -1, SQLITE_STATIC);
	e = sqlite3_step(s);
	rc = e == SQLITE_ROW ? 1 : e == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

char *
store_mail_last_error(struct store *st, long long session_id,
    const char *kind, const char *starts_at)
{
	sqlite3_stmt *s;
	char *err = NULL;

	s = store_stmt(st, "SELECT error FROM mail_log WHERE session_id = ?1"
	    " AND kind = ?2 AND state = 'failed' AND starts_at IS ?3"
	    " ORDER BY id DESC LIMIT 1");
	sqlite3_bind_int64(s, 1, session_id);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, starts_at, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
		err = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return err;
}

int
store_mail_log(struct store *st, long long session_id, long long client_id,
    const char *kind, const char *to_addr, const char *starts_at,
    const char *state, const char *error)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, "INSERT INTO mail_log(session_id, client_id, kind,"
	    " to_addr, starts_at, state, error)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	sqlite3_bind_int64(s, 1, session_id);
	if (client_id > 0)
		sqlite3_bind_int64(s, 2, client_id);
	else
		sqlite3_bind_null(s, 2);
	sqlite3_bind_text(s, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, to_addr, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, starts_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, state, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, error, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}
