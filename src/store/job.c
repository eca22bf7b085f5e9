/* store/job: the jobs and job_steps tables, leases and claims. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/job.h"
#include "util/xalloc.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
#define JOB_COLUMNS "id, kind, title, payload, state, done, total, " \
	"attempts, last_error, lease_owner, lease_expires, created_at, " \
	"finished_at"

static char *
col_str(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v == NULL ? NULL : xstrdup((const char *)v);
}

/* Fills out from a row of JOB_COLUMNS. */
static void
job_from_row(sqlite3_stmt *s, struct store_job *out)
{
	out->id = sqlite3_column_int64(s, 0);
	out->kind = col_str(s, 1);
	out->title = col_str(s, 2);
	out->payload = col_str(s, 3);
	out->state = col_str(s, 4);
	out->done = sqlite3_column_int64(s, 5);
	out->total = sqlite3_column_int64(s, 6);
	out->attempts = sqlite3_column_int(s, 7);
	out->last_error = col_str(s, 8);
	out->lease_owner = col_str(s, 9);
	out->lease_expires = sqlite3_column_int64(s, 10);
	out->created_at = col_str(s, 11);
	out->finished_at = col_str(s, 12);
}

void
store_job_clear(struct store_job *j)
{
	free(j->kind);
	free(j->title);
	free(j->payload);
	free(j->state);
	free(j->last_error);
	free(j->lease_owner);
	free(j->created_at);
	free(j->finished_at);
	memset(j, 0, sizeof *j);
}

long long
store_job_insert(struct store *st, const char *kind, const char *title,
    const char *payload)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO jobs(kind, title, payload) VALUES (?1, ?2, ?3)");
	long long id = -1;

	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, title != NULL ? title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, payload != NULL ? payload : "{}", -1,
	    SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_reset(s);
	return id;
}

/* Inside a transaction: the oldest unfinished job of kind with payload. */
static long long
find_same(struct store *st, const char *kind, const char *payload)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id FROM jobs WHERE kind = ?1 AND payload = ?2 AND "
	    "state IN ('queued', 'running') ORDER BY id LIMIT 1");
	long long id;
	int rc;

	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, payload, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) :
	    rc == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return id;
}

long long
store_job_insert_once(struct store *st, const char *kind, const char *title,
    const char *payload, int *found)
{
	long long id;

	*found = 0;
	if (payload == NULL)
		payload = "{}";
	if (store_begin(st) != 0)
		return -1;
	if ((id = find_same(st, kind, payload)) > 0)
		*found = 1;
	else if (id == 0)
		id = store_job_insert(st, kind, title, payload);
	if (id < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st) == 0 ? id : -1;
}

long long
store_job_insert_pending(struct store *st, const char *kind,
    const char *title, const char *payload, int *found)
{
	long long id;

	*found = 0;
	if ((id = find_same(st, kind, payload)) > 0)
		*found = 1;
	else if (id == 0)
		id = store_job_insert(st, kind, title, payload);
	return id;
}

long long
store_job_find_pending(struct store *st, const char *kind)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id FROM jobs WHERE kind = ?1 AND state IN ('queued', "
	    "'running') ORDER BY id LIMIT 1");
	long long id;
	int rc;

	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) :
	    rc == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return id;
}

int
store_job_count_pending(struct store *st, long long *n)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')");
	int rc = -1;

	if (sqlite3_step(s) == SQLITE_ROW) {
		*n = sqlite3_column_int64(s, 0);
		rc = 0;
	}
	sqlite3_reset(s);
	return rc;
}

int
store_job_get(struct store *st, long long id, struct store_job *out)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT " JOB_COLUMNS " FROM jobs WHERE id = ?1");
	int rc;

	memset(out, 0, sizeof *out);
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		job_from_row(s, out);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Inside the claim transaction: gives up on a job that keeps killing its
 * workers. */
static int
claim_give_up(struct store *st, long long id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE jobs SET state = 'failed', lease_owner = NULL, "
	    "lease_expires = NULL, finished_at = " NOW ", updated_at = " NOW
	    ", last_error = 'interrupted ' || attempts || ' times; given up' "
	    "WHERE id = ?1");
	int rc;

	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

/* Inside the claim transaction: the id of the job to take, 0 for none. */
static long long
claim_pick(struct store *st, long long id, long long now, int max_claims,
    int (*dead)(const char *))
{
	sqlite3_stmt *s;
	long long pick = 0, give_up = 0;
	int rc;

	if (id > 0) {
		s = store_stmt(st, "SELECT id, state, lease_owner, "
		    "lease_expires, attempts FROM jobs WHERE id = ?1 AND "
		    "state IN ('queued', 'running')");
		sqlite3_bind_int64(s, 1, id);
	} else {
		s = store_stmt(st, "SELECT id, state, lease_owner, "
		    "lease_expires, attempts FROM jobs WHERE (state = 'queued' "
		    "AND (lease_expires IS NULL OR lease_expires <= ?1)) OR "
		    "state = 'running' ORDER BY id");
		sqlite3_bind_int64(s, 1, now);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *state = (const char *)sqlite3_column_text(s, 1);
		const char *owner = (const char *)sqlite3_column_text(s, 2);
		long long expires = sqlite3_column_int64(s, 3);

		if (strcmp(state, "queued") == 0) {
			pick = sqlite3_column_int64(s, 0);
			break;
		}
		if (owner != NULL && expires > now && !dead(owner))
			continue;	/* a live lease */
		if (sqlite3_column_int(s, 4) >= max_claims) {
			give_up = sqlite3_column_int64(s, 0);
			break;
		}
		pick = sqlite3_column_int64(s, 0);
		break;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (give_up != 0) {
		if (claim_give_up(st, give_up) != 0)
			return -1;
		return id > 0 ? 0 : claim_pick(st, id, now, max_claims, dead);
	}
	return pick;
}

/* 1 when some job is queued or running, 0 none, -1. */
static int
claim_any(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM jobs WHERE state "
	    "IN ('queued', 'running') LIMIT 1");
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
store_job_claim(struct store *st, long long id, const char *owner,
    long long now, int lease_secs, int max_claims,
    int (*dead)(const char *), struct store_job *out)
{
	sqlite3_stmt *s;
	long long pick;
	int rc;

	memset(out, 0, sizeof *out);
	/* Idle workers poll often: look before taking the write lock. */
	if (id == 0 && (rc = claim_any(st)) <= 0)
		return rc;
	if (store_begin(st) != 0)
		return -1;
	if ((pick = claim_pick(st, id, now, max_claims, dead)) <= 0) {
		if (pick == 0)
			return store_commit(st) == 0 ? 0 : -1;
		store_rollback(st);
		return -1;
	}
	s = store_stmt(st, "UPDATE jobs SET state = 'running', attempts = "
	    "attempts + 1, lease_owner = ?2, lease_expires = ?3, "
	    "updated_at = " NOW " WHERE id = ?1");
	sqlite3_bind_int64(s, 1, pick);
	sqlite3_bind_text(s, 2, owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, now + lease_secs);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE || store_job_get(st, pick, out) != 1) {
		store_job_clear(out);
		store_rollback(st);
		return -1;
	}
	if (store_commit(st) != 0) {
		store_job_clear(out);
		return -1;
	}
	return 1;
}

/* Runs a write naming (id, owner) as ?1, ?2: 1 a row changed, 0 none, -1. */
static int
owned_write(struct store *st, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return -1;
	return sqlite3_changes(store_db(st)) > 0 ? 1 : 0;
}

int
store_job_renew(struct store *st, long long id, const char *owner,
    long long done, long long total, long long expires)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE jobs SET done = ?3, total = ?4, lease_expires = ?5, "
	    "updated_at = " NOW " WHERE id = ?1 AND lease_owner = ?2 AND "
	    "state = 'running'");

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, done);
	sqlite3_bind_int64(s, 4, total);
	sqlite3_bind_int64(s, 5, expires);
	return owned_write(st, s);
}

int
store_job_finish(struct store *st, long long id, const char *owner,
    long long done, long long total)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE jobs SET state = 'done', done = ?3, total = ?4, "
	    "lease_owner = NULL, lease_expires = NULL, finished_at = " NOW ", "
	    "updated_at = " NOW " WHERE id = ?1 AND lease_owner = ?2 AND "
	    "state = 'running'");

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, done);
	sqlite3_bind_int64(s, 4, total);
	return owned_write(st, s);
}

int
store_job_fail(struct store *st, long long id, const char *owner,
    const char *error, int max_attempts, long long not_before)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE jobs SET last_error = ?3, lease_owner = NULL, "
	    "state = CASE WHEN attempts >= ?4 THEN 'failed' ELSE 'queued' END, "
	    "lease_expires = CASE WHEN attempts >= ?4 THEN NULL ELSE ?5 END, "
	    "finished_at = CASE WHEN attempts >= ?4 THEN " NOW " END, "
	    "updated_at = " NOW " WHERE id = ?1 AND lease_owner = ?2 AND "
	    "state = 'running' RETURNING state = 'failed'");
	int rc, failed = 0;

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, owner, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, error, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, max_attempts);
	sqlite3_bind_int64(s, 5, not_before);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		failed = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? failed : -1;
}

int
store_job_release(struct store *st, long long id, const char *owner,
    long long done, long long total)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE jobs SET state = 'queued', lease_owner = NULL, "
	    "lease_expires = NULL, done = ?3, total = ?4, updated_at = " NOW
	    " WHERE id = ?1 AND lease_owner = ?2 AND state = 'running'");

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, done);
	sqlite3_bind_int64(s, 4, total);
	return owned_write(st, s) < 0 ? -1 : 0;
}

int
store_job_warn(struct store *st, long long id, const char *msg)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE jobs SET last_error = ?2, updated_at = " NOW
	    " WHERE id = ?1");
	int rc;

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, msg, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

/* After an UPDATE that changed nothing: 1 no such job, 2 wrong state. */
static int
job_why_not(struct store *st, long long id, char **state)
{
	struct store_job j;
	int rc;

	if ((rc = store_job_get(st, id, &j)) <= 0)
		return rc == 0 ? 1 : -1;
	*state = j.state;
	j.state = NULL;
	store_job_clear(&j);
	return 2;
}

int
store_job_retry(struct store *st, long long id, char **state)
{
	sqlite3_stmt *s;
	int rc;

	*state = NULL;
	if (store_begin(st) != 0)
		return -1;
	s = store_stmt(st, "UPDATE jobs SET state = 'queued', attempts = 0, "
	    "lease_owner = NULL, lease_expires = NULL, finished_at = NULL, "
	    "updated_at = " NOW " WHERE id = ?1 AND state IN ('failed', "
	    "'cancelled')");
	sqlite3_bind_int64(s, 1, id);
	if ((rc = owned_write(st, s)) == 1) {
		s = store_stmt(st, "DELETE FROM job_steps WHERE job_id = ?1 "
		    "AND step LIKE 'fail:%'");
		sqlite3_bind_int64(s, 1, id);
		rc = owned_write(st, s) < 0 ? -1 : 0;
	} else if (rc == 0)
		rc = job_why_not(st, id, state);
	if (rc < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st) == 0 ? rc : -1;
}

int
store_job_cancel(struct store *st, long long id, char **state)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE jobs SET state = 'cancelled', lease_owner = NULL, "
	    "lease_expires = NULL, finished_at = " NOW ", updated_at = " NOW
	    " WHERE id = ?1 AND state IN ('queued', 'running')");
	int rc;

	*state = NULL;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = owned_write(st, s)) == 1)
		return 0;
	return rc < 0 ? -1 : job_why_not(st, id, state);
}

int
store_job_list(struct store *st, int (*fn)(const struct store_job *, void *),
    void *arg)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT " JOB_COLUMNS " FROM jobs ORDER BY id");
	struct store_job j;
	int rc, stop = 0;

	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		job_from_row(s, &j);
		stop = fn(&j, arg);
		store_job_clear(&j);
	}
	sqlite3_reset(s);
	return stop || rc == SQLITE_DONE ? 0 : -1;
}

int
store_job_step_done(struct store *st, long long id, const char *step)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT 1 FROM job_steps WHERE job_id = ?1 AND step = ?2");
	int rc;

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, step, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
store_job_step_mark(struct store *st, long long id, const char *step)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT OR IGNORE INTO job_steps(job_id, step) VALUES (?1, ?2)");
	int rc;

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, step, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

/* json_extract on a quoted key, so that any key name is taken literally. */
#define JSON_FIELD "SELECT json_extract(?1, '$.\"' || " \
	"replace(?2, '\"', '') || '\"')"

char *
store_json_str(struct store *st, const char *json, const char *key)
{
	sqlite3_stmt *s = store_stmt(st, JSON_FIELD);
	char *v = NULL;

	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = col_str(s, 0);
	sqlite3_reset(s);
	return v;
}

long long
store_json_int(struct store *st, const char *json, const char *key,
    long long dflt)
{
	sqlite3_stmt *s = store_stmt(st, JSON_FIELD);
	long long v = dflt;

	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    sqlite3_column_type(s, 0) == SQLITE_INTEGER)
		v = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return v;
}
