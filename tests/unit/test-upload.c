/* net/upload and core/uploadcfg: credentials never stand in a URL shown,
 * targets picday cannot send to are refused, rates parse. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/uploadcfg.h"
#include "net/upload.h"

static void
expect_redact(const char *in, const char *want)
{
	char *got = upload_redact(in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_redact_removes_credentials(void **state)
{
	(void)state;
	expect_redact("sftp://ann:s3cret@nas.example.org:2222/photos",
	    "sftp://nas.example.org:2222/photos");
	expect_redact("https://user@dav.example.org/a@b/c",
	    "https://dav.example.org/a@b/c");
	expect_redact("ftp://a:b:c@@host/x", "ftp://host/x");
	expect_redact("file:///srv/photos", "file:///srv/photos");
	expect_redact("s3://bucket/prefix", "s3://bucket/prefix");
}

static void
expect_ok(const char *url, int want)
{
	char *cause = NULL;

	assert_int_equal(upload_url_ok(url, &cause), want);
	if (want)
		assert_null(cause);
	else
		assert_non_null(cause);
	free(cause);
}

static void
test_url_ok(void **state)
{
	(void)state;
	expect_ok("file:///srv/photos", 1);
	expect_ok("sftp://nas:22/photos", 1);
	expect_ok("ftps://ftp.example.org/x", 1);
	expect_ok("https://dav.example.org/remote.php/dav", 1);
	expect_ok("s3://bucket/prefix", 1);
	expect_ok("file://relative/dir", 0);
	expect_ok("gopher://x/", 0);
	expect_ok("sftp://ann:pw@nas/photos", 0);
	expect_ok("http:///nohost", 0);
	expect_ok("http://host/a b", 0);
}

static void
test_parse_rate(void **state)
{
	(void)state;
	assert_int_equal(uploadcfg_parse_rate("1048576"), 1048576);
	assert_int_equal(uploadcfg_parse_rate("500k"), 500 * 1024);
	assert_int_equal(uploadcfg_parse_rate("2M"), 2 * 1024 * 1024);
	assert_int_equal(uploadcfg_parse_rate("1.5MB"), 3 * 512 * 1024);
	assert_int_equal(uploadcfg_parse_rate("fast"), -1);
	assert_int_equal(uploadcfg_parse_rate("-1"), -1);
	assert_int_equal(uploadcfg_parse_rate(""), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_redact_removes_credentials),
		cmocka_unit_test(test_url_ok),
		cmocka_unit_test(test_parse_rate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
