/*
 * store/db: the studio folder and its SQLite connection.
 *
 * A studio is one folder holding picday.db and the library/, previews/,
 * renders/, deliveries/ and exports/ folders; store_open() makes whatever is
 * missing and brings the schema up to date (store/schema.c).
 *
 * Threads: a struct store is one SQLite connection and belongs to one thread.
 * A worker thread opens its own with store_open() on the same folder.  The
 * database runs in WAL mode with a busy timeout, so several processes (TUIs
 * and one `picday worker`) share it.
 *
 * Statements: store_stmt() returns a prepared statement cached on the
 * connection, keyed by the SQL text, which must live as long as the
 * connection (a literal: the cache keeps its address, never a copy of a
 * string the caller frees); the caller binds, steps and must
 * sqlite3_reset() it before returning (the `goto out` pattern).  All SQL of
 * the program lives in src/store/.
 */
#ifndef PICDAY_STORE_DB_H
#define PICDAY_STORE_DB_H

#include <sqlite3.h>

struct store;

/* Opens (creating if needed) the studio at dir.  0, or -1 with *cause set
 * (caller frees). */
int		 store_open(const char *dir, struct store **out, char **cause);
/* The same for a face (cli/, tui/): the studio, or NULL after saying why
 * on stderr ("picday: CAUSE", util/report). */
struct store	*store_open_report(const char *dir);
void		 store_close(struct store *);

sqlite3		*store_db(struct store *);
const char	*store_dir(struct store *);
/* Path of a file inside the studio (caller frees). */
char		*store_path(struct store *, const char *rel);

/* A cached prepared statement; a bad SQL text is a program bug (fatal). */
sqlite3_stmt	*store_stmt(struct store *, const char *sql);

/* Short write transactions: BEGIN IMMEDIATE / COMMIT / ROLLBACK. 0 or -1. */
int		 store_begin(struct store *);
int		 store_commit(struct store *);
void		 store_rollback(struct store *);
/* A large batch (a 100,000-row roster): a page cache big enough for the
 * table and its indexes on this connection, until store_end_bulk() gives
 * the memory back.  Call around the batch's transaction. */
void		 store_begin_bulk(struct store *);
void		 store_end_bulk(struct store *);
/* Runs SQL with no result rows; 0 or -1. */
int		 store_exec(struct store *, const char *sql);
const char	*store_errmsg(struct store *);
/* True when the last error was another connection holding the lock past
 * the busy timeout (SQLITE_BUSY, SQLITE_LOCKED). */
int		 store_busy(struct store *);

/* Preferences (key/value). get returns a new string or NULL. */
char		*store_pref_get(struct store *, const char *key);
int		 store_pref_set(struct store *, const char *key, const char *value);

/* The Unix user name, for history records (static storage). */
const char	*store_user(void);
/* The time now as the schema's defaults write it, "2026-05-04T09:30:00Z"
 * (UTC), into out: bound by the writes of bulk imports, where SQLite's
 * strftime('now') for every row cost more than the row.  Thread-safe. */
void		 store_now(char out[21]);

#endif
