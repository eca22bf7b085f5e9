/*
 * store/workflow: frames of a session, the ✓ mark, sessions made on the
 * spot.  See workflow.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/workflow.h"
#include "util/i18n.h"
#include "util/xalloc.h"

int
store_wf_frames(struct store *st, long long session_id, wf_frame_fn fn,
    void *arg)
{
	sqlite3_stmt *s;
	struct wf_frame f;
	int e, rc = 0;

	s = store_stmt(st, "SELECT id, path, preview_path, captured_at, bytes,"
	    " coalesce(width, 0), coalesce(height, 0), is_marker, selected,"
	    " is_composite FROM images WHERE session_id = ?1"
	    " ORDER BY captured_at, path");
	sqlite3_bind_int64(s, 1, session_id);
	while ((e = sqlite3_step(s)) == SQLITE_ROW) {
		f.id = sqlite3_column_int64(s, 0);
		f.path = (const char *)sqlite3_column_text(s, 1);
		f.preview_path = (const char *)sqlite3_column_text(s, 2);
		f.captured_at = (const char *)sqlite3_column_text(s, 3);
		f.bytes = sqlite3_column_int64(s, 4);
		f.width = sqlite3_column_int(s, 5);
		f.height = sqlite3_column_int(s, 6);
		f.is_marker = sqlite3_column_int(s, 7);
		f.selected = sqlite3_column_int(s, 8);
		f.composite = sqlite3_column_int(s, 9);
		if ((rc = fn(&f, arg)) != 0)
			break;
	}
	if (e != SQLITE_ROW && e != SQLITE_DONE)
		rc = -1;
	sqlite3_reset(s);
	return rc;
}

int
store_wf_toggle_selected(struct store *st, long long image_id, int *now)
{
	sqlite3_stmt *s;
	int rc = -1;

	s = store_stmt(st, "UPDATE images SET selected = 1 - selected"
	    " WHERE id = ?1 RETURNING selected");
	sqlite3_bind_int64(s, 1, image_id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*now = sqlite3_column_int(s, 0);
		rc = 0;
	}
	sqlite3_reset(s);
	return rc;
}

#define WF_SESSION_SQL \
	"SELECT s.id, s.number, coalesce(s.org_id, 0)," \
	" CASE WHEN c.id IS NULL THEN '' WHEN c.first_name = ''" \
	"  THEN c.last_name ELSE c.last_name || ', ' || c.first_name END," \
	" coalesce(o.name, '')," \
	" (SELECT count(*) FROM images i WHERE i.session_id = s.id)," \
	" (SELECT count(*) FROM images i WHERE i.session_id = s.id" \
	"  AND i.selected)" \
	" FROM sessions s LEFT JOIN clients c ON c.id = s.client_id" \
	" LEFT JOIN organizations o ON o.id = s.org_id"

static int
wf_session_row(sqlite3_stmt *s, struct wf_session *out)
{
	int e = sqlite3_step(s), rc;

	memset(out, 0, sizeof *out);
	if (e == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->number = sqlite3_column_int64(s, 1);
		out->org_id = sqlite3_column_int64(s, 2);
		out->name = xstrdup((const char *)sqlite3_column_text(s, 3));
		out->org = xstrdup((const char *)sqlite3_column_text(s, 4));
		out->frames = sqlite3_column_int64(s, 5);
		out->selected = sqlite3_column_int64(s, 6);
		rc = 1;
	} else
		rc = e == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

int
store_wf_session(struct store *st, long long session_id,
    struct wf_session *out)
{
	sqlite3_stmt *s = store_stmt(st, WF_SESSION_SQL " WHERE s.id = ?1");

	sqlite3_bind_int64(s, 1, session_id);
	return wf_session_row(s, out);
}

int
store_wf_session_by_number(struct store *st, long long number,
    struct wf_session *out)
{
	sqlite3_stmt *s = store_stmt(st, WF_SESSION_SQL
	    " WHERE s.number = ?1");

	sqlite3_bind_int64(s, 1, number);
	return wf_session_row(s, out);
}

void
store_wf_session_clear(struct wf_session *ws)
{
	free(ws->name);
	free(ws->org);
	memset(ws, 0, sizeof *ws);
}

int
store_wf_session_next(struct store *st, long long number, long long *next)
{
	sqlite3_stmt *s;
	int e, rc;

	/* Unscheduled sessions sort after every scheduled one ('~'). */
	s = store_stmt(st, "SELECT number FROM sessions"
	    " WHERE (coalesce(starts_at, '~'), number) >"
	    "  (SELECT coalesce(starts_at, '~'), number FROM sessions"
	    "   WHERE number = ?1)"
	    " ORDER BY coalesce(starts_at, '~'), number LIMIT 1");
	sqlite3_bind_int64(s, 1, number);
	e = sqlite3_step(s);
	if (e == SQLITE_ROW) {
		*next = sqlite3_column_int64(s, 0);
		rc = 1;
	} else
		rc = e == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

static long long
wf_one_int(struct store *st, const char *sql, long long arg, int *found)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	long long v = 0;

	if (arg != 0)
		sqlite3_bind_int64(s, 1, arg);
	*found = sqlite3_step(s) == SQLITE_ROW;
	if (*found)
		v = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return v;
}

static long long
wf_client_new(struct store *st, long long org_id, const char *first,
    const char *last)
{
	sqlite3_stmt *s;
	long long id = -1;

	s = store_stmt(st, "INSERT INTO clients(org_id, first_name, last_name,"
	    " name_key, first_key) VALUES (?1, ?2, ?3,"
	    " picday_name_key(?3, ?2), picday_name_key(?2, ?3))");
	if (org_id > 0)
		sqlite3_bind_int64(s, 1, org_id);
	else
		sqlite3_bind_null(s, 1);
	sqlite3_bind_text(s, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, last, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return id;
}

int
store_wf_session_new(struct store *st, long long number, long long client_id,
    long long org_id, const char *first, const char *last,
    long long *out_number, char **cause)
{
	sqlite3_stmt *s;
	long long type_id, status_id, sid;
	int found;

	if (client_id <= 0 && (last == NULL || *last == '\0')) {
		*cause = xstrdup(_("a new client needs a last name"));
		return -1;
	}
	if (store_begin(st) != 0)
		goto fail;
	if (number > 0) {
		wf_one_int(st, "SELECT 1 FROM sessions WHERE number = ?1",
		    number, &found);
		if (found) {
			store_rollback(st);
			*cause = xasprintf(_("session %lld exists already"),
			    number);
			return -1;
		}
		s = store_stmt(st, "UPDATE counters SET value = max(value, ?1)"
		    " WHERE name = 'session_number'");
		sqlite3_bind_int64(s, 1, number);
		found = sqlite3_step(s) == SQLITE_DONE;
		sqlite3_reset(s);
		if (!found)
			goto fail_rollback;
	} else {
		number = wf_one_int(st, "UPDATE counters SET value = value + 1"
		    " WHERE name = 'session_number' RETURNING value", 0,
		    &found);
		if (!found)
			goto fail_rollback;
	}
	type_id = wf_one_int(st, "SELECT id FROM session_types ORDER BY id"
	    " LIMIT 1", 0, &found);
	status_id = wf_one_int(st, "SELECT id FROM statuses"
	    " ORDER BY position LIMIT 1", 0, &found);
	if (!found)
		goto fail_rollback;
	if (client_id <= 0 && (client_id = wf_client_new(st, org_id,
	    first != NULL ? first : "", last)) < 0)
		goto fail_rollback;
	s = store_stmt(st, "INSERT INTO sessions(number, client_id, org_id,"
	    " type_id, status_id) VALUES (?1, ?2, ?3, ?4, ?5)");
	sqlite3_bind_int64(s, 1, number);
	sqlite3_bind_int64(s, 2, client_id);
	if (org_id > 0)
		sqlite3_bind_int64(s, 3, org_id);
	else
		sqlite3_bind_null(s, 3);
	if (type_id > 0)
		sqlite3_bind_int64(s, 4, type_id);
	else
		sqlite3_bind_null(s, 4);
	sqlite3_bind_int64(s, 5, status_id);
	found = sqlite3_step(s) == SQLITE_DONE;
	sid = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (!found)
		goto fail_rollback;
	s = store_stmt(st, "INSERT INTO session_history(session_id, user,"
	    " what, new_value) VALUES (?1, ?2, 'created', ?3)");
	sqlite3_bind_int64(s, 1, sid);
	sqlite3_bind_text(s, 2, store_user(), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, "workflow", -1, SQLITE_STATIC);
	found = sqlite3_step(s) == SQLITE_DONE;
	sqlite3_reset(s);
	if (!found || store_commit(st) != 0)
		goto fail_rollback;
	*out_number = number;
	return 0;

fail_rollback:
	*cause = xstrdup(store_errmsg(st));
	store_rollback(st);
	return -1;
fail:
	*cause = xstrdup(store_errmsg(st));
	return -1;
}
