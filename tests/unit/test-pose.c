/*
 * The pose of each student (core/pose.c, store/pose.c; DESIGN §4 "Rules the
 * later stages share"): the ✓ image, earliest captured when several; else
 * the first frame of the latest session; markers and composites never;
 * students by last name; safe unique file names; one image under two
 * students; the school year.  And the PSPA index text (core/pspa.c).
 */
#include "config.h"

#include <ftw.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/pose.h"
#include "core/pspa.h"
#include "store/db.h"
#include "util/xalloc.h"

struct fixture {
	char		 dir[64];
	struct store	*st;
};

/* Clients (id, last, first, student id), sessions and images. */
static const char *const school_sql =
	"INSERT INTO organizations(id, name) VALUES (1, 'Oak'), (2, 'Elm');"
	"INSERT INTO clients(id, org_id, last_name, first_name, student_id,"
	"  grade, teacher) VALUES"
	"  (1, 1, 'Adams', 'Ann', '00042', '3', 'Park'),"
	"  (2, 1, 'Brown', 'Bo', 'a/b', '3', 'Park'),"
	"  (3, 1, 'Clark', 'Cy', 'A B', '4', 'Roe'),"
	"  (4, 1, 'Davis', 'Di', '', '4', 'Roe'),"
	"  (5, 1, 'van der Berg', 'Ed', '77', '4', 'Roe'),"
	"  (6, 1, 'Evans', 'Fay', '88', '4', NULL),"
	"  (7, 1, 'Zed', 'Gus', '99', '4', 'Roe'),"
	"  (8, 2, 'Other', 'Org', '1', '1', 'X');"
	"INSERT INTO sessions(id, number, client_id, org_id, status_id,"
	"  starts_at) VALUES"
	"  (1, 1001, 1, 1, 1, '2026-03-05 09:00'),"
	"  (2, 1002, 2, 1, 1, '2026-03-05 09:03'),"
	"  (3, 1010, 2, 1, 1, '2026-04-01 09:00'),"	/* Brown's retake */
	"  (4, 1003, 3, 1, 1, '2026-03-05 09:06'),"
	"  (5, 1004, 4, 1, 1, '2026-03-05 09:09'),"
	"  (6, 1005, 5, 1, 1, '2026-03-05 09:12'),"
	"  (7, 1007, 7, 1, 1, '2026-03-05 09:15'),"
	"  (8, 1008, 8, 2, 1, NULL);"
	"INSERT INTO images(session_id, path, sha256, captured_at, is_marker,"
	"  selected, is_composite) VALUES"
	/* Adams: a marker, a frame, then the chosen one. */
	"  (1, 'a0', 'h-a0', '2026-03-05T09:00:00', 1, 0, 0),"
	"  (1, 'a1', 'h-a1', '2026-03-05T09:00:10', 0, 0, 0),"
	"  (1, 'a2', 'h-a2', '2026-03-05T09:00:20', 0, 1, 0),"
	/* Brown: nothing chosen; the retake's first frame wins. */
	"  (2, 'b1', 'h-b1', '2026-03-05T09:03:00', 0, 0, 0),"
	"  (3, 'b3', 'h-b3', '2026-04-01T09:00:20', 0, 0, 0),"
	"  (3, 'b2', 'h-b2', '2026-04-01T09:00:10', 0, 0, 0),"
	/* Clark: only a marker. */
	"  (4, 'c0', 'h-c0', '2026-03-05T09:06:00', 1, 0, 0),"
	/* Davis: two chosen, the earlier captured wins; a composite before. */
	"  (5, 'd0', 'h-d0', '2026-03-05T09:08:00', 0, 1, 1),"
	"  (5, 'd2', 'h-d2', '2026-03-05T09:09:20', 0, 1, 0),"
	"  (5, 'd1', 'h-d1', '2026-03-05T09:09:10', 0, 1, 0),"
	/* van der Berg: the same bytes as Zed's (another session). */
	"  (6, 'e1', 'h-same', '2026-03-05T09:12:00', 0, 0, 0),"
	"  (7, 'g1', 'h-same', '2026-03-05T09:15:00', 0, 0, 0),"
	"  (8, 'o1', 'h-o1', NULL, 0, 0, 0);";

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *cause = NULL;

	snprintf(f->dir, sizeof f->dir, "/tmp/picday-test-pose.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	assert_int_equal(store_open(f->dir, &f->st, &cause), 0);
	assert_int_equal(store_exec(f->st, school_sql), 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	nftw(f->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static void
test_pose_rules(void **state)
{
	struct fixture *f = *state;
	struct pose_list l;
	char *cause = NULL;
	const char *want[][4] = {
		/* last name, pose path, session, file */
		{ "Adams", "a2", "1001", "00042" },
		{ "Brown", "b2", "1010", "ab" },
		{ "Clark", NULL, "1003", "AB-2" },	/* "A B": "ab" is taken */
		{ "Davis", "d1", "1004", "S1004" },
		{ "Evans", NULL, "0", "88" },
		{ "van der Berg", "e1", "1005", "77" },
		{ "Zed", "g1", "1007", "99" },
	};
	size_t i;

	assert_int_equal(pose_list(f->st, 1, &l, &cause), 0);
	assert_int_equal(l.n, 7);
	assert_int_equal(l.nposed, 5);
	for (i = 0; i < l.n; i++) {
		char session[32];

		assert_string_equal(l.v[i].last_name, want[i][0]);
		if (want[i][1] == NULL) {
			assert_null(l.v[i].path);
			assert_true(l.v[i].image_id == 0);
		} else
			assert_string_equal(l.v[i].path, want[i][1]);
		snprintf(session, sizeof session, "%lld", l.v[i].session);
		assert_string_equal(session, want[i][2]);
		assert_string_equal(l.v[i].file, want[i][3]);
	}
	/* Zed's image is van der Berg's too. */
	assert_int_equal(l.v[6].dup_of, 6);
	assert_int_equal(l.v[5].dup_of, 0);
	pose_list_free(&l);
}

static void
test_unique_files(void **state)
{
	struct fixture *f = *state;
	struct pose_list l;
	char *cause = NULL;

	/* "a-b" and "A_B"-like clashes: case-insensitive, numbered. */
	assert_int_equal(store_exec(f->st, "UPDATE clients SET student_id ="
	    " 'ab' WHERE id = 3; UPDATE clients SET student_id = 'AB'"
	    " WHERE id = 5"), 0);
	assert_int_equal(pose_list(f->st, 1, &l, &cause), 0);
	assert_string_equal(l.v[1].file, "ab");		/* Brown "a/b" */
	assert_string_equal(l.v[2].file, "ab-2");	/* Clark "ab" */
	assert_string_equal(l.v[5].file, "AB-3");	/* van der Berg */
	pose_list_free(&l);
}

static void
test_school_year(void **state)
{
	struct fixture *f = *state;
	char *y;

	y = pose_school_year(f->st, 1);		/* first session in March */
	assert_string_equal(y, "2025-2026");
	free(y);
	assert_null(pose_school_year(f->st, 2));	/* none scheduled */
	assert_int_equal(store_pref_set(f->st, "school.year", "2025/26"), 0);
	y = pose_school_year(f->st, 2);
	assert_string_equal(y, "2025/26");
	free(y);
}

static void
test_pspa_index(void **state)
{
	struct fixture *f = *state;
	struct pose_list l;
	unsigned char ok[7] = { 1, 1, 1, 1, 1, 0, 1 };
	char *cause = NULL, *t;

	assert_int_equal(store_exec(f->st, "UPDATE clients SET homeroom ="
	    " 'R\t1' WHERE id = 1"), 0);
	assert_int_equal(pose_list(f->st, 1, &l, &cause), 0);
	t = pspa_index(&l, ok, "VOL", "LARGE");
	/* No row for the students without a pose, nor for one not written
	 * (ok 0); a TAB inside a field becomes a space. */
	assert_string_equal(t,
	    "Volume Name\tImage Folder\tImage File Name\tGrade\tLast Name\t"
	    "First Name\tHome Room\tPeriod\tTeacher Name\tTrack\tDepartment\t"
	    "Title\tImage Size\r\n"
	    "VOL\tIMAGES\t00042.jpg\t3\tAdams\tAnn\tR 1\t\tPark\t\t\t\tLARGE\r\n"
	    "VOL\tIMAGES\tab.jpg\t3\tBrown\tBo\t\t\tPark\t\t\t\tLARGE\r\n"
	    "VOL\tIMAGES\tS1004.jpg\t4\tDavis\tDi\t\t\tRoe\t\t\t\tLARGE\r\n"
	    "VOL\tIMAGES\t99.jpg\t4\tZed\tGus\t\t\tRoe\t\t\t\tLARGE\r\n");
	free(t);
	pose_list_free(&l);
	assert_string_equal(pspa_size_label(320, 400), "SMALL");
	assert_null(pspa_size_label(600, 800));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pose_rules, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unique_files, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_school_year, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_pspa_index, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
