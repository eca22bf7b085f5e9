/*
 * store/lists: every scan query walks an index (no sort step, EXPLAIN
 * QUERY PLAN), and a scan read in chunks of any size gives the same rows
 * in the same order as a plain ORDER BY, NULL keys, ties and filters
 * included.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/client.h"
#include "store/collate.h"
#include "store/db.h"
#include "store/lists.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static struct store *st;

static void
fill(void)
{
	char *sql;
	int i;

	assert_int_equal(store_exec(st, "BEGIN;"
	    "INSERT INTO organizations(id, name, code) VALUES"
	    " (1, 'Lincoln', 'L'), (2, 'Maple', 'M');"), 0);
	for (i = 1; i <= 60; i++) {
		/* Last names repeat, a third of grades/teachers/student IDs
		 * are NULL, so ties and the NULL block are walked. */
		sql = xasprintf("INSERT INTO clients(id, org_id, first_name,"
		    " last_name, student_id, grade, teacher) VALUES (%d, %d,"
		    " 'F%02d', 'L%d', %s, %s, %s);"
		    "INSERT INTO sessions(number, client_id, org_id, status_id,"
		    " starts_at) VALUES (%d, %d, %d, %d, %s);",
		    i, 1 + i % 2, (i * 7) % 13, i % 5,
		    i % 3 == 0 ? "NULL" : "printf('S%02d', 61 - ?1)",
		    i % 4 == 0 ? "NULL" : "(1 + ?1 % 4) || ''",
		    i % 3 == 1 ? "NULL" : "'T' || (?1 % 3)",
		    2000 - i, i, 1 + i % 2, 1 + i % 3,
		    i % 5 == 0 ? "NULL" : "'2025-09-1' || (?1 % 3) || ' 08:00'");
		/* (?1 is i: the statement is run with it bound below.) */
		{
			sqlite3_stmt *s;
			const char *tail = sql;

			while (*tail != '\0') {
				assert_int_equal(sqlite3_prepare_v2(store_db(st),
				    tail, -1, &s, &tail), SQLITE_OK);
				if (s == NULL)
					break;
				sqlite3_bind_int(s, 1, i);
				assert_int_equal(sqlite3_step(s), SQLITE_DONE);
				sqlite3_finalize(s);
			}
		}
		free(sql);
	}
	assert_int_equal(store_exec(st, "COMMIT"), 0);
}

static int
setup(void **state)
{
	char tmpl[] = "/tmp/picday-lists.XXXXXX", *dir, *cause = NULL;

	(void)state;
	assert_non_null(mkdtemp(tmpl));
	dir = path_join(tmpl, "studio");
	assert_int_equal(store_open(dir, &st, &cause), 0);
	free(dir);
	fill();
	/* Written as raw SQL: the sort keys as picday gives them to rows
	 * another program wrote. */
	assert_int_equal(collate_fill(store_db(st)), 0);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	store_close(st);
	return 0;
}

static void
test_every_scan_walks_an_index(void **state)
{
	sqlite3_stmt *s;
	const char *sql, *detail;
	char *explain;
	int k, sort, v, n = 0, searched;

	(void)state;
	for (k = 0; k < LISTS_NKINDS; k++)
		for (sort = 0; sort < lists_nsorts(k); sort++)
			for (v = 0; v < LISTS_NVARIANTS; v++) {
				if ((sql = lists_scan_sql(k, sort, v)) == NULL)
					continue;
				n++;
				explain = xasprintf("EXPLAIN QUERY PLAN %s", sql);
				assert_int_equal(sqlite3_prepare_v2(store_db(st),
				    explain, -1, &s, NULL), SQLITE_OK);
				searched = 0;
				while (sqlite3_step(s) == SQLITE_ROW) {
					detail = (const char *)
					    sqlite3_column_text(s, 3);
					if (strstr(detail, "TEMP B-TREE") != NULL)
						fail_msg("sorts: %s\n%s", detail,
						    sql);
					/* A seek, not a join's lookup. */
					if (strncmp(detail, "SEARCH", 6) == 0 &&
					    strstr(detail, "(rowid=?)") == NULL)
						searched = 1;
				}
				/* After an anchor: a seek into the order. */
				if (v / 3 % 2 == 1 && !searched)
					fail_msg("no seek: %s", sql);
				sqlite3_finalize(s);
				free(explain);
			}
	/* 7 kinds; clients and sessions have 5 + 2 orders. */
	assert_true(n > 100);
}

static void
add_id(long long id, void *arg)
{
	struct strbuf *sb = arg;

	strbuf_addf(sb, "%lld ", id);
}

/* The ids of a whole scan, read `chunk` rows at a time. */
static char *
scan_all(enum lists_kind k, const struct lists_filter *f, long long chunk)
{
	struct strbuf sb = STRBUF_INIT;
	struct lists_scan *sc = lists_scan_new(k, f);
	long long got, total = 0;

	do {
		got = lists_scan(st, sc, chunk, add_id, &sb);
		assert_true(got >= 0);
		total += got;
	} while (got == chunk);
	assert_true(lists_scan_done(sc));
	assert_int_equal(lists_scan(st, sc, chunk, add_id, &sb), 0);
	assert_int_equal(total, lists_count(st, k));
	lists_scan_free(sc);
	return strbuf_take(&sb);
}

static char *
query_ids(const char *sql)
{
	struct strbuf sb = STRBUF_INIT;
	sqlite3_stmt *s;

	assert_int_equal(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL),
	    SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		strbuf_addf(&sb, "%lld ", sqlite3_column_int64(s, 0));
	sqlite3_finalize(s);
	return strbuf_take(&sb);
}

static void
check_order(enum lists_kind k, int sort, int reverse, const char *text,
    long long org, const char *table, const char *order, const char *where)
{
	struct lists_filter f = { text, org, 0, sort, reverse };
	static const long long chunks[] = { 1, 2, 3, 7, 1000 };
	char *want, *got, *sql;
	size_t i;

	sql = xasprintf("SELECT id FROM %s WHERE %s ORDER BY %s", table,
	    where, order);
	want = query_ids(sql);
	for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		got = scan_all(k, &f, chunks[i]);
		if (strcmp(got, want) != 0)
			fail_msg("sort %d%s, chunks of %lld:\n got  %s\n want %s",
			    sort, reverse ? " reversed" : "", chunks[i], got,
			    want);
		free(got);
	}
	free(want);
	free(sql);
}

static void
test_clients_in_every_order(void **state)
{
	/* Names and grades by their keys (store/collate.h). */
	static const char *const asc[] = {
		"name_key, id",
		"first_key, id",
		"student_id, id",
		"grade_key, name_key, id",
		"teacher, name_key, id",
	};
	static const char *const desc[] = {
		"name_key DESC, id DESC",
		"first_key DESC, id DESC",
		"student_id DESC, id DESC",
		"grade_key DESC, name_key DESC, id DESC",
		"teacher DESC, name_key DESC, id DESC",
	};
	const char *like = "last_name LIKE '%1%' OR first_name LIKE '%1%' OR"
	    " student_id LIKE '%1%' OR grade LIKE '%1%' OR teacher LIKE '%1%'";
	int sort;

	(void)state;
	assert_int_equal(lists_nsorts(LISTS_CLIENTS), 5);
	for (sort = 0; sort < 5; sort++) {
		assert_int_equal(lists_sort_col(LISTS_CLIENTS, sort), 1 + sort);
		check_order(LISTS_CLIENTS, sort, 0, NULL, 0, "clients",
		    asc[sort], "1");
		check_order(LISTS_CLIENTS, sort, 1, NULL, 0, "clients",
		    desc[sort], "1");
		check_order(LISTS_CLIENTS, sort, 0, "1", 0, "clients",
		    asc[sort], like);
		check_order(LISTS_CLIENTS, sort, 1, NULL, 2, "clients",
		    desc[sort], "org_id = 2");
	}
}

static void
test_sessions_jobs_and_the_rest(void **state)
{
	int i;

	(void)state;
	assert_int_equal(lists_nsorts(LISTS_SESSIONS), 2);
	check_order(LISTS_SESSIONS, 0, 0, NULL, 0, "sessions", "number", "1");
	check_order(LISTS_SESSIONS, 0, 1, NULL, 2, "sessions", "number DESC",
	    "org_id = 2");
	check_order(LISTS_SESSIONS, 1, 0, NULL, 0, "sessions",
	    "starts_at, number", "1");
	check_order(LISTS_SESSIONS, 1, 1, NULL, 0, "sessions",
	    "starts_at DESC, number DESC", "1");
	check_order(LISTS_SESSIONS, 1, 0, "09-11", 0, "sessions",
	    "starts_at, number", "starts_at LIKE '%09-11%'");
	for (i = 0; i < 5; i++)
		assert_int_equal(store_exec(st, "INSERT INTO jobs(kind)"
		    " VALUES ('preview')"), 0);
	check_order(LISTS_JOBS, 0, 0, NULL, 0, "jobs", "id DESC", "1");
	check_order(LISTS_JOBS, 0, 1, NULL, 0, "jobs", "id", "1");
	check_order(LISTS_ORGS, 0, 0, NULL, 0, "organizations", "name", "1");
	check_order(LISTS_STATUSES, 0, 1, NULL, 0, "statuses",
	    "position DESC", "1");
}

static int
count_row(long long id, const char *const *cols, void *arg)
{
	(void)id;
	(void)cols;
	(*(int *)arg)++;
	return 0;
}

static void
test_range_and_rows(void **state)
{
	struct lists_filter f = { "L1", 0, 0, 0, 0 };
	long long ids[] = { 3, 999999, 5 };
	char *want = query_ids("SELECT count(*) FROM clients"
	    " WHERE last_name LIKE '%L1%'");
	int n = 0;

	(void)state;
	/* Only last names match "L1" in this data. */
	assert_int_equal(lists_range(st, LISTS_CLIENTS, &f, 0, 60, 0, 0,
	    NULL, NULL), atoi(want));
	assert_true(atoi(want) > 0);
	free(want);
	assert_int_equal(lists_range(st, LISTS_CLIENTS, NULL, 0, 60, 55, -1,
	    count_row, &n), 5);
	assert_int_equal(n, 5);
	n = 0;
	assert_int_equal(lists_rows(st, LISTS_CLIENTS, ids, 3, count_row,
	    &n), 2);
}

/* Accents beside their letters, no case, in any locale; grades in school
 * order (Pre-K, K, 1 ... 12, then other text), not "10" before "2". */
static int
add_first_name(long long id, const char *const *cols, void *arg)
{
	struct strbuf *sb = arg;

	(void)id;
	strbuf_addf(sb, "%s%s", sb->len > 0 ? " " : "", cols[2]);
	return 0;
}

/* The first names (column 2) of a whole scan, in its order. */
static char *
scan_first_names(const struct lists_filter *f)
{
	struct strbuf sb = STRBUF_INIT;

	assert_true(lists_range(st, LISTS_CLIENTS, f, 0, 100, 0, -1,
	    add_first_name, &sb) >= 0);
	return strbuf_take(&sb);
}

/* Client `first` of organization 3 gets these names and grade. */
static void
update_client(const char *first, const char *last, const char *grade)
{
	struct client c;
	sqlite3_stmt *s;

	memset(&c, 0, sizeof c);
	assert_int_equal(sqlite3_prepare_v2(store_db(st), "SELECT id FROM"
	    " clients WHERE org_id = 3 AND first_name = ?1", -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, first, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	c.id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	c.org_id = 3;
	c.f[CLIENT_FIRST_NAME] = (char *)first;
	c.f[CLIENT_LAST_NAME] = (char *)last;
	c.f[CLIENT_GRADE] = (char *)grade;
	assert_int_equal(store_client_update(st, &c), 0);
}

static void
test_names_and_grades_sort_as_people_expect(void **state)
{
	static const char *const rows[][3] = {	/* last, first, grade */
		{ "Zed", "A", "10" }, { "eva", "B", "2" },
		{ "\xc3\x98" "degaard", "C", "K" },	/* Ødegaard */
		{ "\xc3\x89" "va", "D", "PK" },	/* Éva */
		{ "Eva", "E", "12" }, { "Oak", "F", "Adult" },
		{ "Ortiz", "G", "1" }, { "Ng", "H", NULL },
		{ "Ewing", "I", "Pre-K" },
		{ "O\xcc\x88" "stlund", "J", "3rd" },	/* Östlund, decomposed */
	};
	struct lists_filter byname = { NULL, 3, 0, 0, 0 };
	struct lists_filter bygrade = { NULL, 3, 0, 3, 0 };
	struct client c;
	char *got;
	size_t i;

	(void)state;
	assert_int_equal(store_exec(st, "INSERT INTO organizations(id, name)"
	    " VALUES (3, 'Elm')"), 0);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		/* Half through store/client.c, half as raw SQL (as the
		 * sqlite3 shell would: keys filled in by collate_fill). */
		memset(&c, 0, sizeof c);
		c.id = 0;
		c.org_id = 3;
		c.f[CLIENT_LAST_NAME] = (char *)rows[i][0];
		c.f[CLIENT_FIRST_NAME] = (char *)rows[i][1];
		c.f[CLIENT_GRADE] = (char *)rows[i][2];
		if (i % 2 == 0)
			assert_int_equal(store_client_insert(st, &c, NULL), 0);
		else {
			char *sql = sqlite3_mprintf("INSERT INTO clients(org_id,"
			    " last_name, first_name, grade) VALUES (3, %Q, %Q,"
			    " %Q)", rows[i][0], rows[i][1], rows[i][2]);

			assert_int_equal(store_exec(st, sql), 0);
			sqlite3_free(sql);
		}
	}
	assert_int_equal(collate_fill(store_db(st)), 0);
	got = scan_first_names(&byname);
	assert_string_equal(got, "B D E I H F C G J A");
	free(got);
	got = scan_first_names(&bygrade);
	assert_string_equal(got, "H D I C G B J A E F");
	free(got);

	/* A changed name or grade moves its row. */
	update_client("A", "Aaron", "10");
	update_client("F", "Oak", "11");
	got = scan_first_names(&byname);
	assert_string_equal(got, "A B D E I H F C G J");
	free(got);
	got = scan_first_names(&bygrade);
	assert_string_equal(got, "H D I C G B J A F E");
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_scan_walks_an_index),
		cmocka_unit_test(test_clients_in_every_order),
		cmocka_unit_test(test_sessions_jobs_and_the_rest),
		cmocka_unit_test(test_range_and_rows),
		cmocka_unit_test(test_names_and_grades_sort_as_people_expect),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
