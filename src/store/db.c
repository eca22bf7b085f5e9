/* store/db: opening a studio, the statement cache, transactions, prefs. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/collate.h"
#include "store/db.h"
#include "store/schema.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/report.h"
#include "util/xalloc.h"

struct stmt_cache {
	const char	*sql;
	sqlite3_stmt	*stmt;
};

struct store {
	sqlite3			*db;
	char			*dir;
	struct stmt_cache	*cache;
	size_t			 ncache, capcache;
};

static const char *studio_folders[] = {
	"library", "previews", "renders", "deliveries", "exports"
};

/* Before SQLite starts: no memory statistics (nothing reads them), so
 * that its every allocation does not take a global mutex — a bulk import
 * makes millions. */
static pthread_once_t store_once = PTHREAD_ONCE_INIT;

static void
store_configure(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int
store_open(const char *dir, struct store **out, char **cause)
{
	struct store *st;
	char *dbpath;
	size_t i;
	int rc;

	*out = NULL;
	if (path_mkdirs(dir) != 0) {
		*cause = xasprintf(_("cannot create studio folder %s: %s"), dir,
		    strerror(errno));
		return -1;
	}
	for (i = 0; i < sizeof studio_folders / sizeof studio_folders[0]; i++) {
		char *sub = path_join(dir, studio_folders[i]);

		if (mkdir(sub, 0755) != 0 && errno != EEXIST) {
			*cause = xasprintf(_("cannot create %s: %s"), sub,
			    strerror(errno));
			free(sub);
			return -1;
		}
		free(sub);
	}

	(void)pthread_once(&store_once, store_configure);
	st = xcalloc(1, sizeof *st);
	st->dir = xstrdup(dir);
	dbpath = path_join(dir, "picday.db");
	rc = sqlite3_open_v2(dbpath, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	free(dbpath);
	if (rc != SQLITE_OK) {
		*cause = xasprintf(_("cannot open studio database in %s: %s"),
		    dir, st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		store_close(st);
		return -1;
	}
	sqlite3_busy_timeout(st->db, 15000);
	if (store_exec(st, "PRAGMA journal_mode=WAL") != 0 ||
	    store_exec(st, "PRAGMA synchronous=NORMAL") != 0 ||
	    store_exec(st, "PRAGMA foreign_keys=ON") != 0 ||
	    store_exec(st, "PRAGMA temp_store=MEMORY") != 0) {
		*cause = xasprintf(_("cannot set up studio database in %s: %s"),
		    dir, sqlite3_errmsg(st->db));
		store_close(st);
		return -1;
	}
	if (store_migrate(st->db, cause) != 0) {
		store_close(st);
		return -1;
	}
	if (collate_register(st->db) != 0) {
		*cause = xasprintf(_("cannot set up studio database in %s: %s"),
		    dir, sqlite3_errmsg(st->db));
		store_close(st);
		return -1;
	}
	/* Rows without keys only sort first until the next open: no reason
	 * to refuse the studio. */
	(void)collate_fill(st->db);
	*out = st;
	return 0;
}

struct store *
store_open_report(const char *dir)
{
	struct store *st = NULL;
	char *cause = NULL;

	if (store_open(dir, &st, &cause) != 0) {
		report_error("%s", cause != NULL ? cause : "");
		free(cause);
		return NULL;
	}
	return st;
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	free(st->cache);
	sqlite3_close(st->db);
	free(st->dir);
	free(st);
}

sqlite3 *
store_db(struct store *st)
{
	return st->db;
}

const char *
store_dir(struct store *st)
{
	return st->dir;
}

char *
store_path(struct store *st, const char *rel)
{
	return path_join(st->dir, rel);
}

sqlite3_stmt *
store_stmt(struct store *st, const char *sql)
{
	sqlite3_stmt *stmt;
	size_t i;

	for (i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql)
			return st->cache[i].stmt;
	for (i = 0; i < st->ncache; i++)
		if (strcmp(st->cache[i].sql, sql) == 0)
			return st->cache[i].stmt;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &stmt, NULL) != SQLITE_OK)
		fatal("SQL error: %s in: %s", sqlite3_errmsg(st->db), sql);
	if (st->ncache == st->capcache) {
		st->capcache = st->capcache ? st->capcache * 2 : 32;
		st->cache = xreallocarray(st->cache, st->capcache,
		    sizeof *st->cache);
	}
	st->cache[st->ncache].sql = sql;
	st->cache[st->ncache].stmt = stmt;
	st->ncache++;
	return stmt;
}

int
store_exec(struct store *st, const char *sql)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

void
store_begin_bulk(struct store *st)
{
	/* 64 MB at most, taken only as pages are touched. */
	(void)store_exec(st, "PRAGMA cache_size = -65536");
}

void
store_end_bulk(struct store *st)
{
	(void)store_exec(st, "PRAGMA cache_size = -2000");
	sqlite3_db_release_memory(st->db);
}

int
store_begin(struct store *st)
{
	return store_exec(st, "BEGIN IMMEDIATE");
}

int
store_commit(struct store *st)
{
	if (store_exec(st, "COMMIT") != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		(void)store_exec(st, "ROLLBACK");
}

const char *
store_errmsg(struct store *st)
{
	return sqlite3_errmsg(st->db);
}

int
store_busy(struct store *st)
{
	int e = sqlite3_errcode(st->db);

	return e == SQLITE_BUSY || e == SQLITE_LOCKED;
}

char *
store_pref_get(struct store *st, const char *key)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT value FROM preferences WHERE key = ?1");
	char *v = NULL;

	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return v;
}

int
store_pref_set(struct store *st, const char *key, const char *value)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO preferences(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	int rc;

	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	return rc;
}

const char *
store_user(void)
{
	static char name[64];
	struct passwd *pw;
	const char *env;

	if (name[0] != '\0')
		return name;
	if ((pw = getpwuid(getuid())) != NULL)
		snprintf(name, sizeof name, "%s", pw->pw_name);
	else if ((env = getenv("USER")) != NULL)
		snprintf(name, sizeof name, "%s", env);
	else
		snprintf(name, sizeof name, "uid%ld", (long)getuid());
	return name;
}

void
store_now(char out[21])
{
	static __thread time_t last = -1;
	static __thread char text[21];
	time_t now = time(NULL);
	struct tm tm;

	if (now != last) {
		if (gmtime_r(&now, &tm) == NULL ||
		    strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm) !=
		    20)
			memcpy(text, "1970-01-01T00:00:00Z", 21);
		last = now;
	}
	memcpy(out, text, 21);
}
