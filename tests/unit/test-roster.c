/*
 * Roster CSV reading and the client import (core/roster, core/csvsniff):
 * csv-spectrum files parse to their JSON, delimiters/BOM/CRLF are detected,
 * Latin-1 is refused by line, headers map by themselves, and the dry run
 * and commit say and do the right thing.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/csvsniff.h"
#include "core/roster.h"
#include "store/client.h"
#include "store/db.h"
#include "store/org.h"
#include "util/xalloc.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* The csv-spectrum JSON: an array of objects whose values are strings. */
static const char *
json_string(const char *p, char *out)
{
	size_t n = 0;

	assert_int_equal(*p, '"');
	for (p++; *p != '"'; p++) {
		if (*p != '\\') {
			out[n++] = *p;
			continue;
		}
		switch (*++p) {
		case 'n': out[n++] = '\n'; break;
		case 'r': out[n++] = '\r'; break;
		case 't': out[n++] = '\t'; break;
		default: out[n++] = *p; break;	/* \" \\ \/ */
		}
	}
	out[n] = '\0';
	return p + 1;
}

static const char *
json_skip(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' ||
	    *p == ',' || *p == ':')
		p++;
	return p;
}

static void
check_spectrum(const char *dir, const char *name)
{
	char *path, *csv, *json, key[4096], val[4096];
	const char *p;
	struct roster *r;
	char *cause = NULL;
	size_t len, row = 0, col;

	path = xasprintf("%s/csvs/%s.csv", dir, name);
	csv = slurp(path, &len);
	assert_int_equal(roster_open_buffer(path, csv, len, &r, &cause), 0);
	free(path);
	path = xasprintf("%s/json/%s.json", dir, name);
	json = slurp(path, &len);

	p = json_skip(json);
	assert_int_equal(*p, '[');
	p = json_skip(p + 1);
	while (*p == '{') {
		p = json_skip(p + 1);
		col = 0;
		while (*p == '"') {
			p = json_skip(json_string(p, key));
			p = json_skip(json_string(p, val));
			assert_string_equal(roster_header(r, col), key);
			assert_true(row < roster_nrows(r));
			if (strcmp(roster_cell(r, row, col), val) != 0)
				fail_msg("%s row %zu column %s: got '%s', "
				    "want '%s'", name, row, key,
				    roster_cell(r, row, col), val);
			col++;
		}
		assert_int_equal(col, roster_ncols(r));
		assert_int_equal(*p, '}');
		p = json_skip(p + 1);
		row++;
	}
	assert_int_equal(row, roster_nrows(r));
	roster_free(r);
	free(csv);
	free(json);
	free(path);
}

static void
test_csv_spectrum_parses_to_its_json(void **state)
{
	static const char *const names[] = {
		"comma_in_quotes", "empty", "empty_crlf", "escaped_quotes",
		"json", "newlines", "newlines_crlf", "quotes_and_newlines",
		"simple", "simple_crlf", "utf8"
	};
	const char *shared = getenv("SHARED");
	char *dir;
	size_t i;

	(void)state;
	dir = xasprintf("%s/testdata/csv-spectrum", shared != NULL ? shared :
	    PICDAY_TOP_SRCDIR "/../shared");
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		check_spectrum(dir, names[i]);
	free(dir);
}

static struct roster *
open_str(const char *s)
{
	struct roster *r = NULL;
	char *cause = NULL;

	if (roster_open_buffer("t.csv", s, strlen(s), &r, &cause) != 0)
		fail_msg("open: %s", cause);
	return r;
}

static void
test_semicolon_bom_crlf(void **state)
{
	struct roster *r = open_str("\xef\xbb\xbfLast Name;First Name;"
	    "Student #\r\n\"D'Arcy; Jr\";Zo\xc3\xab;17\r\nN\xc3\xba\xc3\xb1"
	    "ez-Garc\xc3\xad" "a;Ana;18\r\n");

	(void)state;
	assert_int_equal(roster_delimiter(r), ';');
	assert_true(roster_had_bom(r));
	assert_string_equal(roster_header(r, 0), "Last Name");
	assert_int_equal(roster_nrows(r), 2);
	assert_string_equal(roster_cell(r, 0, 0), "D'Arcy; Jr");
	assert_string_equal(roster_cell(r, 1, 0), "Núñez-García");
	assert_string_equal(roster_cell(r, 1, 2), "18");
	assert_int_equal(roster_get_map(r, 0), ROSTER_LAST_NAME);
	assert_int_equal(roster_get_map(r, 2), ROSTER_STUDENT_ID);
	roster_free(r);
}

static void
test_tab_keeps_empty_fields(void **state)
{
	struct roster *r = open_str("Surname\tGiven Name\tGrade\tID Number\n"
	    "Lee\t\t3\t55\nKim, Jr\tMin\t\t56\n");

	(void)state;
	assert_int_equal(roster_delimiter(r), '\t');
	assert_string_equal(roster_cell(r, 0, 1), "");
	assert_string_equal(roster_cell(r, 0, 2), "3");
	assert_string_equal(roster_cell(r, 1, 0), "Kim, Jr");
	assert_string_equal(roster_cell(r, 1, 3), "56");
	roster_free(r);
}

static void
test_line_numbers_count_physical_lines(void **state)
{
	struct roster *r = open_str("last,id\n\"Smith\nJones\",1\n\nLee,2\n"
	    "\"A\"\"B\",3\n");

	(void)state;
	assert_int_equal(roster_nrows(r), 3);
	assert_int_equal(roster_row_line(r, 0), 2);
	assert_int_equal(roster_row_line(r, 1), 5);
	assert_int_equal(roster_row_line(r, 2), 6);
	assert_string_equal(roster_cell(r, 2, 0), "A\"B");
	roster_free(r);
}

static void
test_mac_line_ends(void **state)
{
	struct roster *r = open_str("last,id\rLee,1\r\"A\rB\",2\rKim,3");

	(void)state;
	assert_int_equal(roster_nrows(r), 3);
	assert_int_equal(roster_row_line(r, 1), 3);
	assert_int_equal(roster_row_line(r, 2), 5);
	assert_string_equal(roster_cell(r, 1, 0), "A\rB");
	roster_free(r);
}

/* Any bytes: a roster or a reason, never a crash (run under ASan). */
static void
test_random_input_is_safe(void **state)
{
	static const char alphabet[] = "\",;\t\n\rab \xc3\xa9\xff";
	unsigned seed = 1;
	char buf[200];
	int i;

	(void)state;
	for (i = 0; i < 3000; i++) {
		struct roster *r = NULL;
		char *cause = NULL;
		size_t n, j, row;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % sizeof buf;
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			buf[j] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		if (roster_open_buffer("f.csv", buf, n, &r, &cause) != 0) {
			assert_non_null(cause);
			free(cause);
			continue;
		}
		for (row = 0; row < roster_nrows(r); row++) {
			assert_true(roster_row_line(r, row) >= 2);
			if (row > 0)
				assert_true(roster_row_line(r, row) >
				    roster_row_line(r, row - 1));
		}
		roster_free(r);
	}
}

static void
test_latin1_refused_with_line(void **state)
{
	struct roster *r = NULL;
	char *cause = NULL;
	const char *s = "last,id\nLee,1\nN\xfa\xf1" "ez,2\n";

	(void)state;
	assert_int_equal(roster_open_buffer("x.csv", s, strlen(s), &r,
	    &cause), -1);
	assert_null(r);
	assert_non_null(strstr(cause, "x.csv is not UTF-8 (line 3)"));
	free(cause);
	assert_int_equal(roster_open_buffer("u.csv", "\xff\xfel\0a\0", 6, &r,
	    &cause), -1);
	assert_non_null(strstr(cause, "UTF-16"));
	free(cause);
	/* Overlong and surrogate forms are not UTF-8 either. */
	assert_int_equal(csvsniff_encoding("a\xc0\xaf", 3, NULL),
	    CSVSNIFF_INVALID);
	assert_int_equal(csvsniff_encoding("\xed\xa0\x80", 3, NULL),
	    CSVSNIFF_INVALID);
}

static void
test_headers_recognised(void **state)
{
	static const struct {
		const char *h;
		enum roster_field f;
	} cases[] = {
		{ "First Name", ROSTER_FIRST_NAME }, { "first", ROSTER_FIRST_NAME },
		{ "Given Name", ROSTER_FIRST_NAME },
		{ "Student First Name", ROSTER_FIRST_NAME },
		{ "LAST_NAME", ROSTER_LAST_NAME }, { "Surname", ROSTER_LAST_NAME },
		{ "Family Name", ROSTER_LAST_NAME },
		{ "Student ID", ROSTER_STUDENT_ID },
		{ "Student Number", ROSTER_STUDENT_ID },
		{ "ID Number", ROSTER_STUDENT_ID },
		{ "Student #", ROSTER_STUDENT_ID },
		{ "Grade", ROSTER_GRADE }, { "Grade Level", ROSTER_GRADE },
		{ "Gr.", ROSTER_GRADE }, { "Teacher", ROSTER_TEACHER },
		{ "Homeroom Teacher", ROSTER_TEACHER },
		{ "Homeroom", ROSTER_HOMEROOM }, { "Room", ROSTER_HOMEROOM },
		{ "E-mail", ROSTER_EMAIL }, { "Parent Email", ROSTER_EMAIL },
		{ "Guardian Email", ROSTER_EMAIL }, { "Phone", ROSTER_PHONE },
		{ "Parent Phone", ROSTER_PHONE }, { "Guardian", ROSTER_GUARDIAN },
		{ "Parent Name", ROSTER_GUARDIAN },
		{ "Parent/Guardian", ROSTER_GUARDIAN },
		{ "Organization", ROSTER_ORGANIZATION },
		{ "School", ROSTER_ORGANIZATION },
		{ " School Name ", ROSTER_ORGANIZATION },
		{ "Shoe size", ROSTER_IGNORE },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (roster_field_guess(cases[i].h) != cases[i].f)
			fail_msg("header '%s' not taken as %s", cases[i].h,
			    roster_field_name(cases[i].f));
}

static void
test_map_override(void **state)
{
	struct roster *r = open_str("Nom,Prenom,Matricule,Teacher\nA,B,1,C\n");
	char *cause = NULL;

	(void)state;
	assert_int_equal(roster_check(r, "S", &cause), -1);
	free(cause);
	assert_int_equal(roster_map_column(r, "Nom", ROSTER_LAST_NAME,
	    &cause), 0);
	assert_int_equal(roster_map_column(r, "matricule", ROSTER_STUDENT_ID,
	    &cause), 0);
	assert_int_equal(roster_map_column(r, "Teacher", ROSTER_IGNORE,
	    &cause), 0);
	assert_int_equal(roster_col_of(r, ROSTER_TEACHER), -1);
	assert_int_equal(roster_check(r, "S", &cause), 0);
	/* A field comes from one column: mapping it again moves it. */
	roster_set_map(r, 1, ROSTER_LAST_NAME);
	assert_int_equal(roster_get_map(r, 0), ROSTER_IGNORE);
	assert_int_equal(roster_map_column(r, "Nope", ROSTER_GRADE, &cause),
	    -1);
	assert_non_null(strstr(cause, "no column 'Nope'"));
	free(cause);
	roster_free(r);
}

/* Import against a real studio. */

struct studio {
	char		 dir[64];
	struct store	*st;
};

static int
studio_setup(void **state)
{
	struct studio *s = xcalloc(1, sizeof *s);
	char *cause = NULL;

	snprintf(s->dir, sizeof s->dir, "/tmp/picday-test-roster.XXXXXX");
	assert_non_null(mkdtemp(s->dir));
	if (store_open(s->dir, &s->st, &cause) != 0)
		fail_msg("%s", cause);
	*state = s;
	return 0;
}

static int
studio_teardown(void **state)
{
	struct studio *s = *state;
	char *cmd;

	store_close(s->st);
	cmd = xasprintf("rm -rf '%s'", s->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(s);
	return 0;
}

static struct roster_report *
run(struct store *st, const char *csv, const char *org, int commit)
{
	struct roster *r = open_str(csv);
	struct roster_report *rep = NULL;
	char *cause = NULL;

	if (roster_run(r, st, org, commit, &rep, &cause) != 0)
		fail_msg("run: %s", cause);
	roster_free(r);
	return rep;
}

#define ROSTER1 \
	"First Name,Last Name,Student ID,Grade,School\n" \
	"Zoë,O'Brien,100,K,Maple\n" \
	"\"Ana\nMaría\",Núñez-García,101,1,Maple\n" \
	",NoFirst,102,2,Maple\n" \
	"Bo,,103,2,Maple\n" \
	"Cy,Lee,,3,Maple\n" \
	"Di,Kim,104,3,\n" \
	"Ed,Old,105,4,Maple\n" \
	"Ed,New,105,5,maple\n" \
	",,,,\n"

static void
test_import_dry_run_then_commit(void **state)
{
	struct studio *s = *state;
	struct roster_report *rep;
	struct client c;
	long long org;

	rep = run(s->st, ROSTER1, NULL, 0);
	assert_false(rep->committed);
	assert_int_equal(rep->nrows, 8);	/* the blank row is no row */
	assert_int_equal(rep->count[ROSTER_NEW], 4);
	assert_int_equal(rep->count[ROSTER_REJECTED], 3);
	assert_int_equal(rep->count[ROSTER_DUPLICATE], 1);
	assert_int_equal(rep->rows[3].line, 6);	/* the name spans 2 lines */
	assert_string_equal(rep->rows[3].reason, "no last name");
	assert_string_equal(rep->rows[4].reason, "no student ID");
	assert_non_null(strstr(rep->rows[5].reason, "no organization"));
	assert_int_equal(rep->rows[6].action, ROSTER_DUPLICATE);
	assert_string_equal(rep->rows[6].reason, "student ID 105 appears "
	    "again on line 10; the later row wins");
	assert_string_equal(rep->rows[1].first_name, "Ana María");
	assert_int_equal(rep->nnew_orgs, 1);
	roster_report_free(rep);
	assert_int_equal(store_client_count(s->st), 0);
	assert_int_equal(store_org_find(s->st, "Maple", &org), 0);

	rep = run(s->st, ROSTER1, NULL, 1);
	assert_true(rep->committed);
	assert_int_equal(rep->count[ROSTER_NEW], 4);
	roster_report_free(rep);
	assert_int_equal(store_client_count(s->st), 4);
	assert_int_equal(store_org_find(s->st, "MAPLE", &org), 1);
	assert_int_equal(store_client_find(s->st, org, "105", &c), 1);
	assert_string_equal(c.f[CLIENT_LAST_NAME], "New");
	assert_string_equal(c.f[CLIENT_GRADE], "5");
	client_clear(&c);
	assert_int_equal(store_client_find(s->st, org, "101", &c), 1);
	assert_string_equal(c.f[CLIENT_FIRST_NAME], "Ana María");
	client_clear(&c);

	/* The same file again changes nothing. */
	rep = run(s->st, ROSTER1, NULL, 1);
	assert_int_equal(rep->count[ROSTER_NEW], 0);
	assert_int_equal(rep->count[ROSTER_UPDATED], 0);
	assert_int_equal(rep->count[ROSTER_UNCHANGED], 4);
	assert_int_equal(rep->count[ROSTER_REJECTED], 3);
	roster_report_free(rep);
	assert_int_equal(store_client_count(s->st), 4);
}

/* An opening quote never closed swallows the rest of the file: refused,
 * naming the line of the row where it opens. */
static void
test_unterminated_quote_named_by_line(void **state)
{
	struct roster *r = NULL;
	char *cause = NULL;
	const char *s = "Last Name,First Name,Student ID\nLee,Al,1\n"
	    "Kim,\"Bo,2\nPark,Cy,3\nRoe,Di,4\n";

	(void)state;
	assert_int_equal(roster_open_buffer("q.csv", s, strlen(s), &r,
	    &cause), -1);
	assert_null(r);
	if (strstr(cause, "q.csv: line 3:") == NULL ||
	    strstr(cause, "quote") == NULL)
		fail_msg("cause: %s", cause);
	free(cause);
}

/* A 1 MB first name is no name: that row is rejected with its line, the
 * others go in. */
static void
test_overlong_field_rejected(void **state)
{
	struct studio *s = *state;
	struct roster_report *rep;
	size_t big = 1024 * 1024, n;
	char *csv = xmalloc(big + 200);

	n = (size_t)sprintf(csv, "First Name,Last Name,Student ID\n"
	    "Al,Lee,1\n");
	memset(csv + n, 'x', big);
	n += big;
	n += (size_t)sprintf(csv + n, ",Kim,2\nCy,Roe,3\n");
	rep = run(s->st, csv, "Maple", 0);
	free(csv);
	assert_int_equal(rep->nrows, 3);
	assert_int_equal(rep->count[ROSTER_NEW], 2);
	assert_int_equal(rep->rows[1].action, ROSTER_REJECTED);
	assert_int_equal(rep->rows[1].line, 3);
	if (strstr(rep->rows[1].reason, "first_name") == NULL ||
	    strstr(rep->rows[1].reason, "1000") == NULL)
		fail_msg("reason: %s", rep->rows[1].reason);
	assert_true(strlen(rep->rows[1].first_name) <= ROSTER_FIELD_MAX);
	roster_report_free(rep);
}

static void
test_changed_row_updates_only_mapped_fields(void **state)
{
	struct studio *s = *state;
	struct roster_report *rep;
	struct client c;
	long long org;

	rep = run(s->st, "last,first,id,email,grade\nLee,Al,7,a@x.org,3\n"
	    "Kim,Bo,8,,4\n", "Oak School", 1);
	assert_int_equal(rep->count[ROSTER_NEW], 2);
	roster_report_free(rep);
	/* A roster without the email column keeps the email. */
	rep = run(s->st, "Student ID,Last Name,First Name,Grade\n"
	    "7,Lee,Alan,3\n8,Kim,Bo,4\n", "oak school", 1);
	assert_int_equal(rep->count[ROSTER_UPDATED], 1);
	assert_int_equal(rep->count[ROSTER_UNCHANGED], 1);
	assert_int_equal(rep->rows[0].action, ROSTER_UPDATED);
	assert_int_equal(rep->nnew_orgs, 0);
	roster_report_free(rep);
	assert_int_equal(store_org_find(s->st, "Oak School", &org), 1);
	assert_int_equal(store_client_find(s->st, org, "7", &c), 1);
	assert_string_equal(c.f[CLIENT_FIRST_NAME], "Alan");
	assert_string_equal(c.f[CLIENT_EMAIL], "a@x.org");
	client_clear(&c);
	assert_int_equal(store_client_count(s->st), 2);
}

static void
test_failure_mid_commit_writes_nothing(void **state)
{
	struct studio *s = *state;
	struct roster *r = open_str("last,id,school\nA,1,Elm\nB,2,Elm\n"
	    "Boom,3,Elm\nC,4,Elm\n");
	struct roster_report *rep = NULL;
	char *cause = NULL;
	long long org;

	assert_int_equal(store_exec(s->st, "CREATE TEMP TRIGGER boom BEFORE "
	    "INSERT ON clients WHEN NEW.last_name = 'Boom' BEGIN "
	    "SELECT RAISE(ABORT, 'disk on fire'); END"), 0);
	assert_int_equal(roster_run(r, s->st, NULL, 1, &rep, &cause), -1);
	assert_null(rep);
	assert_non_null(strstr(cause, "line 4"));
	free(cause);
	assert_int_equal(store_client_count(s->st), 0);
	assert_int_equal(store_org_find(s->st, "Elm", &org), 0);
	roster_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_spectrum_parses_to_its_json),
		cmocka_unit_test(test_semicolon_bom_crlf),
		cmocka_unit_test(test_tab_keeps_empty_fields),
		cmocka_unit_test(test_line_numbers_count_physical_lines),
		cmocka_unit_test(test_mac_line_ends),
		cmocka_unit_test(test_random_input_is_safe),
		cmocka_unit_test(test_latin1_refused_with_line),
		cmocka_unit_test(test_headers_recognised),
		cmocka_unit_test(test_map_override),
		cmocka_unit_test(test_unterminated_quote_named_by_line),
		cmocka_unit_test_setup_teardown(test_overlong_field_rejected,
		    studio_setup, studio_teardown),
		cmocka_unit_test_setup_teardown(test_import_dry_run_then_commit,
		    studio_setup, studio_teardown),
		cmocka_unit_test_setup_teardown(
		    test_changed_row_updates_only_mapped_fields, studio_setup,
		    studio_teardown),
		cmocka_unit_test_setup_teardown(
		    test_failure_mid_commit_writes_nothing, studio_setup,
		    studio_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
