/*
 * store/image: the SQL of the images table (imports and image lists).
 */
#include "config.h"

#include <stdlib.h>

#include "store/db.h"
#include "store/image.h"
#include "util/xalloc.h"

static const char *
col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

int
store_image_session(struct store *st, long long number, long long *id,
    char **org)
{
	sqlite3_stmt *s;
	const char *v;
	int e, rc;

	s = store_stmt(st, "SELECT s.id, o.name FROM sessions s"
	    " LEFT JOIN organizations o ON o.id = s.org_id WHERE s.number = ?1");
	sqlite3_bind_int64(s, 1, number);
	e = sqlite3_step(s);
	if (e == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		if (org != NULL) {
			v = col_text(s, 1);
			*org = xstrdup(v != NULL ? v : "");
		}
		rc = 1;
	} else
		rc = e == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

int
store_image_has_sha(struct store *st, long long session_id, const char *sha)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "SELECT 1 FROM images WHERE session_id = ?1"
	    " AND sha256 = ?2");
	sqlite3_bind_int64(s, 1, session_id);
	sqlite3_bind_text(s, 2, sha, -1, SQLITE_STATIC);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	return e == SQLITE_ROW ? 1 : e == SQLITE_DONE ? 0 : -1;
}

long long
store_image_at(struct store *st, const char *path)
{
	sqlite3_stmt *s;
	long long id;
	int e;

	s = store_stmt(st, "SELECT id FROM images WHERE path = ?1");
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	e = sqlite3_step(s);
	id = e == SQLITE_ROW ? sqlite3_column_int64(s, 0) :
	    e == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return id;
}

static void
bind_text_or_null(sqlite3_stmt *s, int i, const char *v)
{
	if (v != NULL && *v != '\0')
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

long long
store_image_insert(struct store *st, const struct image_row *r)
{
	sqlite3_stmt *s;
	long long id = -1;
	int e;

	s = store_stmt(st, "INSERT INTO images(session_id, path, source_path,"
	    " sha256, bytes, width, height, orientation, captured_at, camera,"
	    " is_marker) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	    " ON CONFLICT (session_id, sha256) DO NOTHING");
	sqlite3_bind_int64(s, 1, r->session_id);
	sqlite3_bind_text(s, 2, r->path, -1, SQLITE_STATIC);
	bind_text_or_null(s, 3, r->source_path);
	sqlite3_bind_text(s, 4, r->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, r->bytes);
	if (r->width > 0 && r->height > 0) {
		sqlite3_bind_int(s, 6, r->width);
		sqlite3_bind_int(s, 7, r->height);
	} else {
		sqlite3_bind_null(s, 6);
		sqlite3_bind_null(s, 7);
	}
	sqlite3_bind_int(s, 8, r->orientation > 0 ? r->orientation : 1);
	bind_text_or_null(s, 9, r->captured_at);
	bind_text_or_null(s, 10, r->camera);
	sqlite3_bind_int(s, 11, r->is_marker != 0);
	e = sqlite3_step(s);
	if (e == SQLITE_DONE)
		id = sqlite3_changes(store_db(st)) > 0 ?
		    sqlite3_last_insert_rowid(store_db(st)) : 0;
	sqlite3_reset(s);
	return id;
}

int
store_image_each(struct store *st, long long session_id, image_row_fn fn,
    void *arg)
{
	sqlite3_stmt *s;
	struct image_row r;
	int e, rc = 0;

	s = store_stmt(st, "SELECT id, session_id, path, source_path, sha256,"
	    " bytes, width, height, orientation, captured_at, camera,"
	    " is_marker, selected FROM images WHERE session_id = ?1"
	    " ORDER BY captured_at IS NULL, captured_at, path");
	sqlite3_bind_int64(s, 1, session_id);
	while ((e = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.session_id = sqlite3_column_int64(s, 1);
		r.path = col_text(s, 2);
		r.source_path = col_text(s, 3);
		r.sha256 = col_text(s, 4);
		r.bytes = sqlite3_column_int64(s, 5);
		r.width = sqlite3_column_int(s, 6);
		r.height = sqlite3_column_int(s, 7);
		r.orientation = sqlite3_column_int(s, 8);
		r.captured_at = col_text(s, 9);
		r.camera = col_text(s, 10);
		r.is_marker = sqlite3_column_int(s, 11);
		r.selected = sqlite3_column_int(s, 12);
		if ((rc = fn(&r, arg)) != 0)
			break;
	}
	if (rc == 0 && e != SQLITE_DONE)
		rc = -1;
	sqlite3_reset(s);
	return rc;
}

long long
store_image_count(struct store *st, long long session_id)
{
	sqlite3_stmt *s;
	long long n = -1;

	s = store_stmt(st, "SELECT count(*) FROM images WHERE session_id = ?1");
	sqlite3_bind_int64(s, 1, session_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}

int
store_image_job_items(struct store *st, long long job_id,
    struct image_job_item **out, size_t *n)
{
	sqlite3_stmt *s;
	struct image_job_item *v = NULL;
	size_t k = 0;
	int e;

	s = store_stmt(st, "SELECT json_extract(j.value, '$.p'),"
	    " json_extract(j.value, '$.n'), json_extract(j.value, '$.m')"
	    " FROM jobs, json_each(jobs.payload, '$.items') AS j"
	    " WHERE jobs.id = ?1 ORDER BY j.key");
	sqlite3_bind_int64(s, 1, job_id);
	while ((e = sqlite3_step(s)) == SQLITE_ROW) {
		const char *p = col_text(s, 0);

		if (p == NULL)
			continue;
		v = xreallocarray(v, k + 1, sizeof *v);
		v[k].rel = xstrdup(p);
		v[k].number = sqlite3_column_int64(s, 1);
		v[k].marker = sqlite3_column_int(s, 2);
		k++;
	}
	sqlite3_reset(s);
	if (e != SQLITE_DONE) {
		store_image_job_items_free(v, k);
		return -1;
	}
	*out = v;
	*n = k;
	return 0;
}

void
store_image_job_items_free(struct image_job_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].rel);
	free(v);
}

int
store_image_select(struct store *st, long long id, int selected)
{
	sqlite3_stmt *s;
	int e;

	s = store_stmt(st, "UPDATE images SET selected = ?2 WHERE id = ?1");
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, selected != 0);
	e = sqlite3_step(s);
	sqlite3_reset(s);
	if (e != SQLITE_DONE)
		return -1;
	return sqlite3_changes(store_db(st)) > 0 ? 1 : 0;
}
