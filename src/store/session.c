/*
 * store/session: the SQL of sessions, their history and the session-number
 * counter.  See store/session.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/session.h"
#include "util/xalloc.h"

#define STORE_SESSION_STR_(x)	#x
#define STORE_SESSION_STR(x)	STORE_SESSION_STR_(x)

#define SESSION_SELECT \
	"SELECT s.id, s.number, s.client_id, s.org_id, s.minutes," \
	" c.first_name, c.last_name, c.student_id, c.grade, c.teacher," \
	" c.homeroom, c.email, c.phone, c.guardian, o.name, st.name, t.name," \
	" s.starts_at" \
	" FROM sessions s" \
	" LEFT JOIN clients c ON c.id = s.client_id" \
	" LEFT JOIN organizations o ON o.id = s.org_id" \
	" LEFT JOIN statuses st ON st.id = s.status_id" \
	" LEFT JOIN session_types t ON t.id = s.type_id"

static const char *
col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static void
session_row_read(sqlite3_stmt *s, struct session_row *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->number = sqlite3_column_int64(s, 1);
	r->client_id = sqlite3_column_int64(s, 2);
	r->org_id = sqlite3_column_int64(s, 3);
	r->minutes = sqlite3_column_int(s, 4);
	r->first_name = col_text(s, 5);
	r->last_name = col_text(s, 6);
	r->student_id = col_text(s, 7);
	r->grade = col_text(s, 8);
	r->teacher = col_text(s, 9);
	r->homeroom = col_text(s, 10);
	r->email = col_text(s, 11);
	r->phone = col_text(s, 12);
	r->guardian = col_text(s, 13);
	r->organization = col_text(s, 14);
	r->status = col_text(s, 15);
	r->type = col_text(s, 16);
	r->starts_at = col_text(s, 17);
}

static int
session_each_number(struct store *st, const struct session_filter *f,
    session_row_fn fn, void *arg)
{
	sqlite3_stmt *s;
	struct session_row r;
	size_t i;
	int rc = 0, e;

	s = store_stmt(st, SESSION_SELECT " WHERE s.number = ?1");
	for (i = 0; i < f->nnumbers && rc == 0; i++) {
		sqlite3_bind_int64(s, 1, f->numbers[i]);
		e = sqlite3_step(s);
		if (e == SQLITE_ROW) {
			session_row_read(s, &r);
			rc = fn(&r, arg);
		} else if (e == SQLITE_DONE) {
			if (f->missing != NULL)
				f->missing(f->numbers[i], arg);
		} else
			rc = -1;
		sqlite3_reset(s);
	}
	return rc;
}

/* Rows per read of a walk by organization/status: each chunk is its own
 * short read, so a long walk (a 5,000-page PDF) never pins a snapshot, and
 * the job writing its progress between rows is never refused as stale. */
#define SESSION_CHUNK	256

int
store_session_each(struct store *st, const struct session_filter *f,
    session_row_fn fn, void *arg)
{
	sqlite3_stmt *s;
	struct session_row r;
	long long after = 0;
	int rc = 0, e, got;

	if (f != NULL && f->numbers != NULL)
		return session_each_number(st, f, fn, arg);
	s = store_stmt(st, SESSION_SELECT
	    " WHERE (?1 IS NULL OR o.name = ?1 COLLATE NOCASE)"
	    " AND (?2 IS NULL OR st.name = ?2 COLLATE NOCASE)"
	    " AND s.number > ?3"
	    " ORDER BY s.number LIMIT " STORE_SESSION_STR(SESSION_CHUNK));
	do {
		sqlite3_bind_text(s, 1, f != NULL ? f->org : NULL, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(s, 2, f != NULL ? f->status : NULL, -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, after);
		got = 0;
		while ((e = sqlite3_step(s)) == SQLITE_ROW) {
			session_row_read(s, &r);
			after = r.number;
			got++;
			if ((rc = fn(&r, arg)) != 0)
				break;
		}
		if (rc == 0 && e != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
	} while (rc == 0 && got == SESSION_CHUNK);
	return rc;
}

long long
store_session_count(struct store *st, const struct session_filter *f)
{
	sqlite3_stmt *s;
	long long n = -1;

	if (f != NULL && f->numbers != NULL)
		return (long long)f->nnumbers;
	if (f == NULL || (f->org == NULL && f->status == NULL))
		/* SQLite's quick count of a whole table. */
		s = store_stmt(st, "SELECT count(*) FROM sessions");
	else {
		s = store_stmt(st, "SELECT count(*) FROM sessions s"
		    " LEFT JOIN organizations o ON o.id = s.org_id"
		    " LEFT JOIN statuses st ON st.id = s.status_id"
		    " WHERE (?1 IS NULL OR o.name = ?1 COLLATE NOCASE)"
		    " AND (?2 IS NULL OR st.name = ?2 COLLATE NOCASE)");
		sqlite3_bind_text(s, 1, f->org, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, f->status, -1, SQLITE_STATIC);
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return n;
}

static int
find_named(struct store *st, const char *sql, const char *key, long long *id,
    int *extra, char **name)
{
	sqlite3_stmt *s;
	int e, rc;

	s = store_stmt(st, sql);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	e = sqlite3_step(s);
	if (e == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		if (name != NULL)
			*name = xstrdup(col_text(s, 1));
		if (extra != NULL)
			*extra = sqlite3_column_int(s, 2);
		rc = 1;
	} else
		rc = e == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

int
store_session_org_find(struct store *st, const char *org, long long *id,
    char **name)
{
	return find_named(st, "SELECT id, name, 0 FROM organizations"
	    " WHERE name = ?1 COLLATE NOCASE OR code = ?1", org, id, NULL,
	    name);
}

int
store_session_type_find(struct store *st, const char *type, long long *id,
    int *minutes, char **name)
{
	return find_named(st, "SELECT id, name, minutes FROM session_types"
	    " WHERE name = ?1 COLLATE NOCASE", type, id, minutes, name);
}

int
store_session_candidates(struct store *st, long long org_id,
    const char *grade, const char *teacher, long long type_id,
    session_candidate_fn fn, void *arg)
{
	sqlite3_stmt *s;
	int rc = 0, e;

	s = store_stmt(st, "SELECT c.id, c.first_name, c.last_name,"
	    " c.student_id, EXISTS (SELECT 1 FROM sessions s"
	    "  WHERE s.client_id = c.id AND s.type_id = ?4)"
	    " FROM clients c WHERE c.org_id = ?1"
	    " AND (?2 IS NULL OR c.grade = ?2 COLLATE NOCASE)"
	    " AND (?3 IS NULL OR c.teacher = ?3 COLLATE NOCASE)"
	    " ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE,"
	    " c.student_id, c.id");
	sqlite3_bind_int64(s, 1, org_id);
	sqlite3_bind_text(s, 2, grade, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, teacher, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, type_id);
	while ((e = sqlite3_step(s)) == SQLITE_ROW) {
		rc = fn(sqlite3_column_int64(s, 0), col_text(s, 1),
		    col_text(s, 2), col_text(s, 3), sqlite3_column_int(s, 4),
		    arg);
		if (rc != 0)
			break;
	}
	if (rc == 0 && e != SQLITE_DONE)
		rc = -1;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

int
store_session_numbers_take(struct store *st, long long n, long long *first)
{
	sqlite3_stmt *s;
	int rc = -1;

	s = store_stmt(st, "UPDATE counters SET value = value + ?1"
	    " WHERE name = 'session_number' RETURNING value");
	sqlite3_bind_int64(s, 1, n);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*first = sqlite3_column_int64(s, 0) - n + 1;
		rc = 0;
	}
	sqlite3_reset(s);
	return rc;
}

int
store_session_client_booked(struct store *st, long long client_id,
    long long type_id)
{
	sqlite3_stmt *s;
	int e, rc;

	s = store_stmt(st, "SELECT 1 FROM sessions WHERE client_id = ?1"
	    " AND type_id = ?2");
	sqlite3_bind_int64(s, 1, client_id);
	sqlite3_bind_int64(s, 2, type_id);
	e = sqlite3_step(s);
	rc = e == SQLITE_ROW ? 1 : e == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

long long
store_session_insert(struct store *st, long long number, long long client_id,
    long long org_id, long long type_id, const char *starts_at, int minutes,
    long long status_id)
{
	sqlite3_stmt *s;
	long long id = -1;

	s = store_stmt(st, "INSERT INTO sessions(number, client_id, org_id,"
	    " type_id, starts_at, minutes, status_id)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	sqlite3_bind_int64(s, 1, number);
	if (client_id > 0)
		sqlite3_bind_int64(s, 2, client_id);
	else
		sqlite3_bind_null(s, 2);
	sqlite3_bind_int64(s, 3, org_id);
	sqlite3_bind_int64(s, 4, type_id);
	sqlite3_bind_text(s, 5, starts_at, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 6, minutes);
	sqlite3_bind_int64(s, 7, status_id);
	if (sqlite3_step(s) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (id > 0 && store_history_add(st, id, "created", NULL,
	    starts_at) != 0)
		id = -1;
	return id;
}

int
store_session_find(struct store *st, long long number, long long *id,
    char **starts_at)
{
	sqlite3_stmt *s;
	const char *v;
	int e, rc;

	s = store_stmt(st, "SELECT id, starts_at FROM sessions"
	    " WHERE number = ?1");
	sqlite3_bind_int64(s, 1, number);
	e = sqlite3_step(s);
	if (e == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		if (starts_at != NULL) {
			v = col_text(s, 1);
			*starts_at = v != NULL ? xstrdup(v) : NULL;
		}
		rc = 1;
	} else
		rc = e == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

int
store_session_set_start(struct store *st, long long id, const char *starts_at)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, "UPDATE sessions SET starts_at = ?2,"
	    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1");
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, starts_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

int
store_history_add(struct store *st, long long session_id, const char *what,
    const char *old_value, const char *new_value)
{
	sqlite3_stmt *s;
	char now[21];
	int rc;

	store_now(now);
	s = store_stmt(st, "INSERT INTO session_history(session_id, user,"
	    " what, old_value, new_value, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_bind_text(s, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 1, session_id);
	sqlite3_bind_text(s, 2, store_user(), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, what, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, old_value, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, new_value, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

int
store_history_each(struct store *st, long long session_id, history_fn fn,
    void *arg)
{
	sqlite3_stmt *s;
	int rc = 0, e;

	s = store_stmt(st, "SELECT at, user, what, old_value, new_value"
	    " FROM session_history WHERE session_id = ?1 ORDER BY id");
	sqlite3_bind_int64(s, 1, session_id);
	while ((e = sqlite3_step(s)) == SQLITE_ROW) {
		rc = fn(col_text(s, 0), col_text(s, 1), col_text(s, 2),
		    col_text(s, 3), col_text(s, 4), arg);
		if (rc != 0)
			break;
	}
	if (rc == 0 && e != SQLITE_DONE)
		rc = -1;
	sqlite3_reset(s);
	return rc;
}
