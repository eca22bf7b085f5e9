/* The studio store: created on first use, migrated, refuses the future. */
#include "config.h"

#include <sys/stat.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/schema.h"
#include "util/path.h"
#include "util/xalloc.h"

static char *
tmp_studio(void)
{
	char tmpl[] = "/tmp/picday-store.XXXXXX";

	assert_non_null(mkdtemp(tmpl));
	return path_join(tmpl, "studio");	/* does not exist yet */
}

static int
user_version(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "PRAGMA user_version");
	int v;

	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	v = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return v;
}

static void
test_new_studio_has_folders_schema_and_defaults(void **state)
{
	char *dir = tmp_studio(), *cause = NULL, *sub, *v;
	struct store *st;
	struct stat sb;
	sqlite3_stmt *s;

	assert_int_equal(store_open(dir, &st, &cause), 0);
	assert_int_equal(user_version(st), store_schema_version());
	sub = path_join(dir, "library");
	assert_int_equal(stat(sub, &sb), 0);
	free(sub);

	s = store_stmt(st, "SELECT group_concat(name, '>') FROM "
	    "(SELECT name FROM statuses ORDER BY position)");
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0),
	    "Booked>Photographed>Images Imported>Image Upload>Online>"
	    "Ordered>In Production>Complete");
	sqlite3_reset(s);

	assert_int_equal(store_pref_set(st, "x.y", "Zoë"), 0);
	v = store_pref_get(st, "x.y");
	assert_string_equal(v, "Zoë");
	free(v);
	assert_null(store_pref_get(st, "no.such"));
	store_close(st);

	/* Reopening changes nothing and keeps what was written. */
	assert_int_equal(store_open(dir, &st, &cause), 0);
	v = store_pref_get(st, "x.y");
	assert_string_equal(v, "Zoë");
	free(v);
	store_close(st);
	free(dir);
}

static void
test_newer_database_is_refused(void **state)
{
	char *dir = tmp_studio(), *cause = NULL, *sql;
	struct store *st;

	assert_int_equal(store_open(dir, &st, &cause), 0);
	sql = xasprintf("PRAGMA user_version = %d", store_schema_version() + 1);
	assert_int_equal(store_exec(st, sql), 0);
	free(sql);
	store_close(st);

	assert_int_equal(store_open(dir, &st, &cause), -1);
	assert_null(st);
	assert_non_null(strstr(cause, "newer than this picday"));
	free(cause);
	free(dir);
}

static void
test_foreign_keys_are_enforced(void **state)
{
	char *dir = tmp_studio(), *cause = NULL;
	struct store *st;

	assert_int_equal(store_open(dir, &st, &cause), 0);
	/* A session for a client that does not exist is refused. */
	assert_int_equal(store_exec(st, "INSERT INTO sessions(number, "
	    "client_id, status_id) VALUES (5, 999, 1)"), -1);
	store_close(st);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_studio_has_folders_schema_and_defaults),
		cmocka_unit_test(test_newer_database_is_refused),
		cmocka_unit_test(test_foreign_keys_are_enforced),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
