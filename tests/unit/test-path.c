/* Names from rosters never become paths unsanitised (DESIGN §6). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/path.h"
#include "util/strbuf.h"

static void
expect_safe(const char *in, const char *want)
{
	char *got = path_safe_component(in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_safe_component_plain_names_kept(void **state)
{
	expect_safe("Maple Grove Elementary", "Maple Grove Elementary");
	expect_safe("Núñez-García", "Núñez-García");
	expect_safe("O'Brien", "O'Brien");
}

static void
test_safe_component_no_escape(void **state)
{
	expect_safe("..", "_.");
	expect_safe("../../etc/passwd", "_._.._etc_passwd");
	expect_safe("/abs", "_abs");
	expect_safe(".hidden", "_hidden");
	expect_safe("a\\b:c*d?e\"f<g>h|i", "a_b_c_d_e_f_g_h_i");
}

static void
test_safe_component_control_chars(void **state)
{
	expect_safe("Ana\nMaría", "Ana María");
	expect_safe("\t  Zoë \r\n", "Zoë");
	expect_safe("", "_");
	expect_safe("\x01\x02", "_");
}

static void
test_safe_component_long_name_cut_on_utf8_boundary(void **state)
{
	char in[600], *got;
	size_t i;

	for (i = 0; i + 2 < sizeof in; i += 2)
		memcpy(in + i, "\xc3\xa9", 2);	/* é */
	in[i] = '\0';
	got = path_safe_component(in);
	assert_true(strlen(got) <= 200);
	assert_int_equal(strlen(got) % 2, 0);
	free(got);
}

static void
test_json_quoting(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_add_json(&sb, "a\"b\\c\nd\x01" "é");
	assert_string_equal(strbuf_str(&sb), "\"a\\\"b\\\\c\\nd\\u0001é\"");
	strbuf_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_safe_component_plain_names_kept),
		cmocka_unit_test(test_safe_component_no_escape),
		cmocka_unit_test(test_safe_component_control_chars),
		cmocka_unit_test(test_safe_component_long_name_cut_on_utf8_boundary),
		cmocka_unit_test(test_json_quoting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
