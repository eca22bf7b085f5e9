/*
 * tests/unit/test-s3presign: net/s3presign against the example of AWS's
 * "Authenticating Requests: Using Query Parameters (AWS Signature Version
 * 4)" page, and the escaping of a path-style key.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "net/s3presign.h"

static void
test_aws_example(void **state)
{
	/* 2013-05-24T00:00:00Z */
	char *url = s3_presign("https://examplebucket.s3.amazonaws.com",
	    "us-east-1", "AKIAIOSFODNN7EXAMPLE",
	    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "test.txt",
	    (time_t)1369353600, 86400);

	(void)state;
	assert_non_null(url);
	assert_string_equal(url, "https://examplebucket.s3.amazonaws.com/"
	    "test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
	    "AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2F"
	    "aws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400"
	    "&X-Amz-SignedHeaders=host&X-Amz-Signature="
	    "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
	free(url);
}

static void
test_path_style(void **state)
{
	char *url = s3_presign("http://127.0.0.1:9000", "eu-west-1", "AK",
	    "secret", "photos/Spring 2026/d/Ab-_9/index.html",
	    (time_t)1369353600, 60);

	(void)state;
	assert_non_null(url);
	assert_true(strncmp(url, "http://127.0.0.1:9000/photos/"
	    "Spring%202026/d/Ab-_9/index.html?X-Amz-Algorithm=", 67) == 0);
	assert_non_null(strstr(url, "%2Feu-west-1%2Fs3%2F"));
	assert_non_null(strstr(url, "&X-Amz-Expires=60&"));
	assert_null(strstr(url, "secret"));
	free(url);
	assert_null(s3_presign("not a url", "r", "a", "s", "k", 0, 60));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_aws_example),
		cmocka_unit_test(test_path_style),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
