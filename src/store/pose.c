/*
 * store/pose: the SQL of the school's exports (see pose.h).
 */
#include "config.h"

#include <stdlib.h>

#include "store/db.h"
#include "store/pose.h"
#include "util/xalloc.h"

static const char *
txt(sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);

	return v != NULL ? v : "";
}

int
store_pose_each(struct store *st, long long org_id, pose_row_fn fn,
    void *arg)
{
	sqlite3_stmt *s;
	struct pose_row r;
	int e, rc = 0;

	s = store_stmt(st, "SELECT c.id, c.first_name, c.last_name,"
	    " c.student_id, c.grade, c.teacher, c.homeroom,"
	    " (SELECT max(number) FROM sessions WHERE client_id = c.id),"
	    " i.id, s.number, i.path, i.sha256, i.selected,"
	    " c.role, c.title, c.priority"
	    " FROM clients c"
	    " LEFT JOIN sessions s ON s.client_id = c.id"
	    " LEFT JOIN images i ON i.session_id = s.id AND i.is_marker = 0"
	    "  AND i.is_composite = 0"
	    " WHERE c.org_id = ?1"
	    " ORDER BY picday_name_key(c.last_name, c.first_name), c.id,"
	    "  i.id IS NULL,"
	    "  i.selected DESC,"
	    "  CASE WHEN i.selected THEN 0 ELSE -s.number END,"
	    "  i.captured_at IS NULL, i.captured_at, i.path");
	sqlite3_bind_int64(s, 1, org_id);
	while ((e = sqlite3_step(s)) == SQLITE_ROW) {
		r.client_id = sqlite3_column_int64(s, 0);
		r.first_name = txt(s, 1);
		r.last_name = txt(s, 2);
		r.student_id = txt(s, 3);
		r.grade = txt(s, 4);
		r.teacher = txt(s, 5);
		r.homeroom = txt(s, 6);
		r.session = sqlite3_column_int64(s, 7);
		r.image_id = sqlite3_column_int64(s, 8);
		r.image_session = sqlite3_column_int64(s, 9);
		r.path = r.image_id != 0 ? txt(s, 10) : NULL;
		r.sha256 = txt(s, 11);
		r.selected = sqlite3_column_int(s, 12);
		r.role = (const char *)sqlite3_column_text(s, 13);
		r.title = txt(s, 14);
		r.priority = sqlite3_column_int(s, 15);
		if ((rc = fn(&r, arg)) != 0)
			break;
	}
	if (e != SQLITE_ROW && e != SQLITE_DONE)
		rc = -1;
	sqlite3_reset(s);
	return rc < 0 ? -1 : 0;
}

char *
store_pose_first_date(struct store *st, long long org_id)
{
	sqlite3_stmt *s;
	char *v = NULL;

	s = store_stmt(st, "SELECT substr(min(starts_at), 1, 10) FROM sessions"
	    " WHERE org_id = ?1 AND starts_at IS NOT NULL");
	sqlite3_bind_int64(s, 1, org_id);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    sqlite3_column_type(s, 0) != SQLITE_NULL)
		v = xstrdup(txt(s, 0));
	sqlite3_reset(s);
	return v;
}

int
store_pose_name_get(struct store *st, const char *kind, long long client_id,
    char **first, char **last)
{
	sqlite3_stmt *s;
	int e, rc;

	s = store_stmt(st, "SELECT first_name, last_name FROM export_names"
	    " WHERE kind = ?1 AND client_id = ?2");
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, client_id);
	e = sqlite3_step(s);
	if (e == SQLITE_ROW) {
		*first = xstrdup(txt(s, 0));
		*last = xstrdup(txt(s, 1));
		rc = 1;
	} else
		rc = e == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

int
store_pose_name_set(struct store *st, const char *kind, long long client_id,
    const char *first, const char *last)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "INSERT INTO export_names(kind, client_id,"
	    " first_name, last_name) VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT (kind, client_id) DO UPDATE SET"
	    " first_name = excluded.first_name, last_name = excluded.last_name");
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, client_id);
	sqlite3_bind_text(s, 3, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, last, -1, SQLITE_STATIC);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	return e == SQLITE_DONE ? 0 : -1;
}
