/* store/preview: images lacking a preview; recording a preview. */
#include "config.h"

#include <stdlib.h>

#include "store/db.h"
#include "store/preview.h"
#include "util/xalloc.h"

#define PENDING "preview_path IS NULL AND NOT EXISTS (SELECT 1 FROM " \
	"job_steps WHERE job_id = ?1 AND step = 'fail:' || images.id)"

int
store_preview_count_pending(struct store *st, long long job_id, long long *n)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT count(*) FROM images WHERE " PENDING);
	int rc = -1;

	sqlite3_bind_int64(s, 1, job_id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*n = sqlite3_column_int64(s, 0);
		rc = 0;
	}
	sqlite3_reset(s);
	return rc;
}

int
store_preview_next(struct store *st, long long job_id, long long after,
    struct store_preview_image *out)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id, path FROM images WHERE id > ?2 AND " PENDING
	    " ORDER BY id LIMIT 1");
	int rc;

	sqlite3_bind_int64(s, 1, job_id);
	sqlite3_bind_int64(s, 2, after);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->path = xstrdup((const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
store_preview_set(struct store *st, long long image_id, const char *rel)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE images SET preview_path = ?2 WHERE id = ?1");
	int rc;

	sqlite3_bind_int64(s, 1, image_id);
	sqlite3_bind_text(s, 2, rel, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

int
store_preview_get(struct store *st, long long image_id, char **rel)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT preview_path FROM images WHERE id = ?1 AND "
	    "preview_path IS NOT NULL");
	int rc;

	*rel = NULL;
	sqlite3_bind_int64(s, 1, image_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*rel = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
