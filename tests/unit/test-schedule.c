/* Bulk Scheduling: slots, skipping, numbers that are never reused. */
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
#include <ftw.h>
#include <sys/stat.h>

#include "core/schedule.h"
#include "core/status.h"
#include "store/db.h"
#include "store/session.h"

struct fixture {
	char		 dir[64];
	struct store	*st;
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	char *cause = NULL, *tmpl;

	tmpl = strdup("/tmp/picday-test-schedule.XXXXXX");
	assert_non_null(mkdtemp(tmpl));
	snprintf(fx->dir, sizeof fx->dir, "%s", tmpl);
	free(tmpl);
	assert_int_equal(store_open(fx->dir, &fx->st, &cause), 0);
	assert_int_equal(store_exec(fx->st,
	    "INSERT INTO organizations(name) VALUES ('Maple Grove');"
	    "INSERT INTO organizations(name) VALUES ('Other School');"
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
	    " WHERE i < 40) INSERT INTO clients(org_id, first_name, last_name,"
	    " student_id, grade, teacher) SELECT 1, 'F' || i,"
	    " printf('L%03d', 41 - i), 'S' || i, CASE WHEN i % 2 THEN '3'"
	    " ELSE '4' END, 'Smith' FROM n;"
	    "INSERT INTO clients(org_id, first_name, last_name, student_id)"
	    " VALUES (2, 'Z', 'Other', 'X1');"), 0);
	*state = fx;
	return 0;
}

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	store_close(fx->st);
	nftw(fx->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(fx);
	return 0;
}

static void
base_request(struct schedule_request *rq)
{
	schedule_request_init(rq);
	rq->org = "maple grove";
	rq->date_from = "2026-05-04";
	rq->day_from = 8 * 60;
	rq->day_to = 9 * 60;
	rq->slot_minutes = 3;
}

static void
test_parse(void **state)
{
	int a, b;

	assert_int_equal(schedule_parse_time("00:00"), 0);
	assert_int_equal(schedule_parse_time("24:00"), 1440);
	assert_int_equal(schedule_parse_time("08:05"), 485);
	assert_int_equal(schedule_parse_time("24:01"), -1);
	assert_int_equal(schedule_parse_time("8:05"), -1);
	assert_int_equal(schedule_parse_time("08:60"), -1);
	assert_int_equal(schedule_parse_range("12:00-12:30", &a, &b), 0);
	assert_int_equal(a, 720);
	assert_int_equal(b, 750);
	assert_int_equal(schedule_parse_range("12:30-12:00", &a, &b), -1);
	assert_true(schedule_valid_date("2028-02-29"));
	assert_false(schedule_valid_date("2026-02-29"));
	assert_false(schedule_valid_date("2026-13-01"));
}

static void
test_slots_break_and_per_slot(void **state)
{
	struct fixture *fx = *state;
	struct schedule_request rq;
	struct schedule_plan *p;
	char *cause = NULL;

	base_request(&rq);
	rq.break_from = 8 * 60 + 30;
	rq.break_to = 8 * 60 + 45;
	rq.per_slot = 2;
	rq.gap_minutes = 1;
	assert_int_equal(schedule_plan_make(fx->st, &rq, &p, &cause), 0);
	/* 08:00..08:24 step 4 = 7 slots (08:28 would run into the break),
	 * then 08:45..08:57 = 4 slots. */
	assert_int_equal(p->nslots, 11);
	assert_int_equal(p->capacity, 22);
	assert_int_equal(p->ncandidates, 40);
	assert_int_equal(p->nbook, 22);
	assert_int_equal(p->nmisfits, 18);
	assert_string_equal(p->book[0].starts_at, "2026-05-04 08:00");
	assert_string_equal(p->book[1].starts_at, "2026-05-04 08:00");
	assert_string_equal(p->book[2].starts_at, "2026-05-04 08:04");
	assert_string_equal(p->book[13].starts_at, "2026-05-04 08:24");
	assert_string_equal(p->book[14].starts_at, "2026-05-04 08:45");
	assert_string_equal(p->book[21].starts_at, "2026-05-04 08:57");
	/* Ordered by last name: L001 is client 40. */
	assert_int_equal(p->book[0].client_id, 40);
	assert_string_equal(p->misfits[0].name, "L023, F18 (S18)");
	schedule_plan_free(p);
}

static void
test_midnight_to_midnight_and_weekends(void **state)
{
	struct fixture *fx = *state;
	struct schedule_request rq;
	struct schedule_plan *p;
	char *cause = NULL;

	base_request(&rq);
	rq.day_from = 0;
	rq.day_to = 1440;
	rq.slot_minutes = 60;
	rq.date_from = "2026-05-01";	/* Friday */
	rq.date_to = "2026-05-04";	/* Monday */
	rq.skip_weekends = 1;
	assert_int_equal(schedule_plan_make(fx->st, &rq, &p, &cause), 0);
	assert_int_equal(p->nslots, 48);
	assert_int_equal(p->nbook, 40);
	assert_string_equal(p->book[0].starts_at, "2026-05-01 00:00");
	assert_string_equal(p->book[23].starts_at, "2026-05-01 23:00");
	assert_string_equal(p->book[24].starts_at, "2026-05-04 00:00");
	schedule_plan_free(p);
}

static void
test_bad_requests(void **state)
{
	struct fixture *fx = *state;
	struct schedule_request rq;
	struct schedule_plan *p;
	char *cause = NULL;

	base_request(&rq);
	rq.org = "No Such School";
	assert_int_equal(schedule_plan_make(fx->st, &rq, &p, &cause), -1);
	assert_non_null(strstr(cause, "No Such School"));
	free(cause);
	base_request(&rq);
	rq.day_to = rq.day_from;
	assert_int_equal(schedule_plan_make(fx->st, &rq, &p, &cause), -1);
	free(cause);
	base_request(&rq);
	rq.date_to = "2026-05-01";
	assert_int_equal(schedule_plan_make(fx->st, &rq, &p, &cause), -1);
	free(cause);
	base_request(&rq);
	rq.type = "Nope";
	assert_int_equal(schedule_plan_make(fx->st, &rq, &p, &cause), -1);
	free(cause);
}

static long long
counter(struct store *st)
{
	sqlite3_stmt *s;
	long long v;

	assert_int_equal(sqlite3_prepare_v2(store_db(st), "SELECT value FROM"
	    " counters WHERE name = 'session_number'", -1, &s, NULL), 0);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void
test_commit_skip_and_never_reuse(void **state)
{
	struct fixture *fx = *state;
	struct schedule_request rq;
	struct schedule_plan *p;
	struct schedule_result res;
	struct status_result sr;
	char *cause = NULL, *starts = NULL;
	long long id, numbers[2];

	base_request(&rq);
	rq.grade = "3";
	assert_int_equal(schedule_plan_make(fx->st, &rq, &p, &cause), 0);
	assert_int_equal(p->nbook, 20);
	assert_int_equal(schedule_plan_commit(fx->st, p, &res, &cause), 0);
	assert_int_equal(res.booked, 20);
	assert_int_equal(res.first_number, 1001);
	assert_int_equal(res.last_number, 1020);
	/* Committing the same preview again books nobody twice. */
	assert_int_equal(schedule_plan_commit(fx->st, p, &res, &cause), 0);
	assert_int_equal(res.booked, 0);
	assert_int_equal(res.skipped, 20);
	schedule_plan_free(p);

	/* Delete the last one: its number is not handed out again. */
	assert_int_equal(store_exec(fx->st, "DELETE FROM sessions"
	    " WHERE number = 1020"), 0);
	base_request(&rq);
	assert_int_equal(schedule_plan_make(fx->st, &rq, &p, &cause), 0);
	assert_int_equal(p->nskipped, 19);
	assert_int_equal(p->nbook, 20);		/* 20 slots in the hour */
	assert_int_equal(p->nmisfits, 1);
	assert_int_equal(schedule_plan_commit(fx->st, p, &res, &cause), 0);
	assert_int_equal(res.first_number, 1021);
	assert_int_equal(counter(fx->st), 1040);
	schedule_plan_free(p);

	/* Reschedule and advance leave history. */
	assert_int_equal(schedule_reschedule(fx->st, 1001, "2026-05-06",
	    "10:15", &cause), 0);
	assert_int_equal(store_session_find(fx->st, 1001, &id, &starts), 1);
	assert_string_equal(starts, "2026-05-06 10:15");
	free(starts);
	assert_int_equal(schedule_reschedule(fx->st, 99, "2026-05-06",
	    "10:15", &cause), -1);
	free(cause);
	numbers[0] = 1001;
	numbers[1] = 1020;	/* deleted */
	assert_int_equal(status_advance(fx->st, numbers, 2, NULL, 0, &sr,
	    &cause), 0);
	assert_int_equal(sr.moved, 1);
	assert_string_equal(sr.targets, "Photographed");
	assert_int_equal(sr.nskips, 1);
	assert_int_equal(sr.skips[0].why, STATUS_SKIP_UNKNOWN);
	status_result_free(&sr);
	assert_int_equal(status_advance(fx->st, numbers, 1, "image upload", 0,
	    &sr, &cause), 0);
	assert_int_equal(sr.nenters, 1);
	assert_string_equal(sr.enters[0].kind, "upload");
	assert_int_equal(sr.enters[0].numbers[0], 1001);
	status_result_free(&sr);
	assert_int_equal(status_advance(fx->st, numbers, 1, "Booked", 0,
	    &sr, &cause), 0);
	assert_int_equal(sr.moved, 0);
	assert_int_equal(sr.skips[0].why, STATUS_SKIP_BACKWARD);
	status_result_free(&sr);
	assert_int_equal(status_advance(fx->st, numbers, 1, "Nope", 0,
	    &sr, &cause), -1);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test_setup_teardown(test_slots_break_and_per_slot,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_midnight_to_midnight_and_weekends, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_requests, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_commit_skip_and_never_reuse, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
