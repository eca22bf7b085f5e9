/*
 * Teachers and staff (core/role.c): what a roster's Role/Type/Staff and
 * Priority cells say, the key of a staff row without an ID, and which
 * students' class a teacher leads.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/role.h"

static void
test_role_parse(void **state)
{
	static const struct {
		const char	*cell;
		const char	*role;	/* "-": refused */
	} cases[] = {
		{ "", NULL }, { "Student", NULL }, { " N ", NULL },
		{ "no", NULL }, { "Teacher", ROLE_TEACHER },
		{ "FACULTY", ROLE_TEACHER }, { "Homeroom Teacher", ROLE_TEACHER },
		{ "Staff", ROLE_STAFF }, { "Admin", ROLE_STAFF },
		{ "Y", ROLE_STAFF }, { "yes", ROLE_STAFF },
		{ "Principal", ROLE_STAFF }, { "Wizard", "-" },
		{ "Teachers' aide", "-" },
	};
	const char *role;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = role_parse(cases[i].cell, &role);

		if (strcmp(cases[i].role != NULL ? cases[i].role : "", "-") ==
		    0) {
			assert_int_equal(rc, -1);
			continue;
		}
		assert_int_equal(rc, 0);
		if (cases[i].role == NULL)
			assert_null(role);
		else
			assert_string_equal(role, cases[i].role);
	}
}

static void
test_role_cells(void **state)
{
	const char *role, *prio;
	char buf[8], *why = NULL;

	(void)state;
	role = "Teacher";
	prio = "007";
	assert_int_equal(role_cells(&role, &prio, buf, &why), 0);
	assert_string_equal(role, "teacher");
	assert_string_equal(prio, "7");
	role = "student";
	prio = "";
	assert_int_equal(role_cells(&role, &prio, buf, &why), 0);
	assert_string_equal(role, "");
	assert_string_equal(prio, "");
	role = NULL;		/* no such column: stays NULL */
	prio = NULL;
	assert_int_equal(role_cells(&role, &prio, buf, &why), 0);
	assert_null(role);
	assert_null(prio);
	prio = "0";
	assert_int_equal(role_cells(&role, &prio, buf, &why), -1);
	assert_non_null(strstr(why, "'0'"));
	free(why);
	prio = "1000";
	assert_int_equal(role_cells(&role, &prio, buf, &why), -1);
	free(why);
	prio = "2a";
	assert_int_equal(role_cells(&role, &prio, buf, &why), -1);
	free(why);
}

static void
test_row_key(void **state)
{
	char *a, *b;

	(void)state;
	a = role_row_key("Oak School", "0042", "Park", "Grace");
	assert_string_equal(a, "oak school\0370042");
	free(a);
	/* Without an ID: the name, which an ID never looks like. */
	a = role_row_key("OAK School", "", "Park", "Grace");
	b = role_row_key("oak school", "", "Park", "Grace");
	assert_string_equal(a, b);
	assert_string_equal(a, "oak school\037\036Park\037Grace");
	free(a);
	free(b);
	a = role_row_again("", "Park", "Grace", 7);
	assert_non_null(strstr(a, "Grace Park"));
	assert_non_null(strstr(a, "7"));
	free(a);
}

static void
test_role_leads(void **state)
{
	(void)state;
	/* The students' teacher names her, with or without a courtesy. */
	assert_true(role_leads("Park", "Grace", "", "", "Ms Park", ""));
	assert_true(role_leads("Park", "Grace", "", "", "Mrs. park", ""));
	assert_true(role_leads("Park", "Grace", "", "", "Park", ""));
	assert_true(role_leads("Park", "Grace", "", "", "Grace Park", ""));
	assert_true(role_leads("Park", "Grace", "", "", "Park, Grace", ""));
	/* Her own teacher field is the class's name. */
	assert_true(role_leads("Park", "Grace", "Room 12 - GP", "", "Room 12 - GP",
	    ""));
	/* The same homeroom. */
	assert_true(role_leads("Lee", "Kim", "", "12", "Ms Park", "12"));
	/* Not: another name, a name inside a longer one, no homeroom. */
	assert_false(role_leads("Park", "Grace", "", "", "Mr Parker", ""));
	assert_false(role_leads("Park", "Grace", "", "", "Ms Roe", "14"));
	assert_false(role_leads("Park", "Grace", "", "", "", ""));
	assert_false(role_leads("Park", "Grace", "", "", "Ms Park-Lee", ""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_parse),
		cmocka_unit_test(test_role_cells),
		cmocka_unit_test(test_row_key),
		cmocka_unit_test(test_role_leads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
