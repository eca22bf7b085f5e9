/* Names are cropped and padded by display width, never by bytes. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/utf8.h"

static int
setup(void **state)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return -1;
	return 0;
}

static void
test_width_counts_columns(void **state)
{
	assert_int_equal(utf8_width("Smith"), 5);
	assert_int_equal(utf8_width("Zoë Ågren-Þórsdóttir"), 20);
	assert_int_equal(utf8_width("李小龍"), 6);
	/* e + combining acute accent: one column. */
	assert_int_equal(utf8_width("e\xcc\x81"), 1);
	assert_int_equal(utf8_width(""), 0);
}

static void
test_pad_to_width(void **state)
{
	char buf[64];

	assert_int_equal(utf8_fit(buf, sizeof buf, "Zoë", 6, 1), 6);
	assert_string_equal(buf, "Zoë   ");
	assert_int_equal(utf8_fit(buf, sizeof buf, "李小龍", 8, 1), 8);
	assert_string_equal(buf, "李小龍  ");
	assert_int_equal(utf8_fit(buf, sizeof buf, "ab", 4, 0), 2);
	assert_string_equal(buf, "ab");
}

static void
test_crop_never_splits(void **state)
{
	char buf[64];

	assert_int_equal(utf8_fit(buf, sizeof buf, "Ågren-Þórsdóttir", 7, 0),
	    7);
	assert_string_equal(buf, "Ågren-Þ");
	/* A wide character that does not fit is replaced by padding. */
	assert_int_equal(utf8_fit(buf, sizeof buf, "李小龍", 5, 1), 5);
	assert_string_equal(buf, "李小 ");
	assert_int_equal(utf8_fit(buf, sizeof buf, "李小龍", 5, 0), 4);
	assert_string_equal(buf, "李小");
}

static void
test_small_buffer_crops_on_boundary(void **state)
{
	char buf[4];

	/* "Zoë" is 4 bytes: only "Zo" and the NUL fit in 4 bytes. */
	utf8_fit(buf, sizeof buf, "Zoë", 10, 0);
	assert_string_equal(buf, "Zo");
}

static void
test_bad_bytes_and_controls_drawn_as_question_mark(void **state)
{
	char *s;

	s = utf8_fit_dup("a\tb\xff", 10, 0);
	assert_string_equal(s, "a?b?");
	free(s);
	assert_int_equal(utf8_width("a\x01"), 2);
}

static void
test_last_len(void **state)
{
	const char *s = "aë李";

	assert_int_equal(utf8_last_len(s, strlen(s)), 3);
	assert_int_equal(utf8_last_len(s, 3), 2);
	assert_int_equal(utf8_last_len(s, 1), 1);
	assert_int_equal(utf8_last_len(s, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_counts_columns),
		cmocka_unit_test(test_pad_to_width),
		cmocka_unit_test(test_crop_never_splits),
		cmocka_unit_test(test_small_buffer_crops_on_boundary),
		cmocka_unit_test(test_bad_bytes_and_controls_drawn_as_question_mark),
		cmocka_unit_test(test_last_len),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
