/* store/upload: the SQL of Image Upload.  See store/upload.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/upload.h"

static int
step_done(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

int
store_upload_done(struct store *st, const char *target, const char *remote,
    long long *bytes, char *sha256)
{
	sqlite3_stmt *s;
	int e, rc;

	s = store_stmt(st, "SELECT bytes, sha256 FROM uploads"
	    " WHERE target = ?1 AND remote = ?2");
	sqlite3_bind_text(s, 1, target, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, remote, -1, SQLITE_STATIC);
	e = sqlite3_step(s);
	rc = e == SQLITE_ROW ? 1 : e == SQLITE_DONE ? 0 : -1;
	if (rc == 1) {
		if (bytes != NULL)
			*bytes = sqlite3_column_int64(s, 0);
		if (sha256 != NULL)
			snprintf(sha256, 65, "%s",
			    (const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

int
store_upload_inflight(struct store *st, const char *target,
    const char *remote, long long *bytes)
{
	sqlite3_stmt *s;
	int e, rc;

	s = store_stmt(st, "SELECT bytes FROM upload_inflight"
	    " WHERE target = ?1 AND remote = ?2");
	sqlite3_bind_text(s, 1, target, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, remote, -1, SQLITE_STATIC);
	e = sqlite3_step(s);
	rc = e == SQLITE_ROW ? 1 : e == SQLITE_DONE ? 0 : -1;
	if (rc == 1)
		*bytes = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

int
store_upload_start(struct store *st, const char *target, const char *remote,
    long long bytes)
{
	sqlite3_stmt *s;

	s = store_stmt(st, "INSERT OR REPLACE INTO upload_inflight(target,"
	    " remote, bytes) VALUES (?1, ?2, ?3)");
	sqlite3_bind_text(s, 1, target, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, remote, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, bytes);
	return step_done(s);
}

int
store_upload_record(struct store *st, const struct upload_row *r)
{
	sqlite3_stmt *s;

	s = store_stmt(st, "INSERT OR IGNORE INTO uploads(session_id,"
	    " image_id, kind, path, target, remote, bytes, sha256)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	sqlite3_bind_int64(s, 1, r->session_id);
	if (r->image_id > 0)
		sqlite3_bind_int64(s, 2, r->image_id);
	else
		sqlite3_bind_null(s, 2);
	sqlite3_bind_text(s, 3, r->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, r->path, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, r->target, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, r->remote, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 7, r->bytes);
	sqlite3_bind_text(s, 8, r->sha256, -1, SQLITE_STATIC);
	if (step_done(s) != 0)
		return -1;
	s = store_stmt(st, "DELETE FROM upload_inflight"
	    " WHERE target = ?1 AND remote = ?2");
	sqlite3_bind_text(s, 1, r->target, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->remote, -1, SQLITE_STATIC);
	return step_done(s);
}

int
store_upload_each(struct store *st, long long session_id, const char *target,
    const char *kind, upload_row_fn fn, void *arg)
{
	struct upload_row r;
	sqlite3_stmt *s;
	int e, rc = 0;

	s = store_stmt(st, "SELECT u.session_id, s.number, u.image_id,"
	    " u.kind, u.path, u.target, u.remote, u.bytes, u.sha256,"
	    " u.uploaded_at FROM uploads u JOIN sessions s"
	    " ON s.id = u.session_id"
	    " WHERE (?1 = 0 OR u.session_id = ?1)"
	    " AND (?2 IS NULL OR u.target = ?2)"
	    " AND (?3 IS NULL OR u.kind = ?3)"
	    " ORDER BY s.number, u.remote");
	sqlite3_bind_int64(s, 1, session_id);
	sqlite3_bind_text(s, 2, target, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, kind, -1, SQLITE_STATIC);
	while ((e = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.session_id = sqlite3_column_int64(s, 0);
		r.session_number = sqlite3_column_int64(s, 1);
		r.image_id = sqlite3_column_int64(s, 2);
		r.kind = (const char *)sqlite3_column_text(s, 3);
		r.path = (const char *)sqlite3_column_text(s, 4);
		r.target = (const char *)sqlite3_column_text(s, 5);
		r.remote = (const char *)sqlite3_column_text(s, 6);
		r.bytes = sqlite3_column_int64(s, 7);
		r.sha256 = (const char *)sqlite3_column_text(s, 8);
		r.uploaded_at = (const char *)sqlite3_column_text(s, 9);
		if ((rc = fn(&r, arg)) != 0)
			break;
	}
	if (rc == 0 && e != SQLITE_DONE)
		rc = -1;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

int
store_upload_count(struct store *st, long long session_id, const char *target,
    long long *files, long long *bytes)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, "SELECT COUNT(*), COALESCE(SUM(bytes), 0)"
	    " FROM uploads WHERE (?1 = 0 OR session_id = ?1)"
	    " AND (?2 IS NULL OR target = ?2)");
	sqlite3_bind_int64(s, 1, session_id);
	sqlite3_bind_text(s, 2, target, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_ROW ? 0 : -1;
	if (rc == 0) {
		*files = sqlite3_column_int64(s, 0);
		*bytes = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

int
store_upload_run_set(struct store *st, long long job_id, long long bytes_done,
    long long bytes_total, double started, double now, const char *problem,
    const char *sessions)
{
	sqlite3_stmt *s;

	s = store_stmt(st, "INSERT OR REPLACE INTO upload_runs(job_id,"
	    " bytes_done, bytes_total, started, updated, problem, sessions)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	sqlite3_bind_int64(s, 1, job_id);
	sqlite3_bind_int64(s, 2, bytes_done);
	sqlite3_bind_int64(s, 3, bytes_total);
	sqlite3_bind_double(s, 4, started);
	sqlite3_bind_double(s, 5, now);
	sqlite3_bind_text(s, 6, problem, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, sessions, -1, SQLITE_STATIC);
	return step_done(s);
}
