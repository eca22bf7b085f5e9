/*
 * media/exif against what ExifTool reads from real cameras' JPEGs
 * (testdata/exif-samples/expected-exiftool.tsv): capture time, make,
 * model, orientation, copyright, image description, user comment, serial.
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

#include "media/exif.h"
#include "util/xalloc.h"

static char *
samples(void)
{
	const char *shared = getenv("SHARED");

	if (shared != NULL)
		return xasprintf("%s/testdata/exif-samples", shared);
	return xstrdup(PICDAY_TOP_SRCDIR "/../shared/testdata/exif-samples");
}

/* ExifTool's "-" is absent and "" empty: both are NULL here. */
static void
expect_str(const char *file, const char *what, const char *got,
    const char *want)
{
	if (strcmp(want, "-") == 0 || want[0] == '\0') {
		if (got != NULL)
			fail_msg("%s: %s: got \"%s\", want none", file, what, got);
		return;
	}
	if (got == NULL || strcmp(got, want) != 0)
		fail_msg("%s: %s: got \"%s\", want \"%s\"", file, what,
		    got != NULL ? got : "(none)", want);
}

static void
test_matches_exiftool(void **state)
{
	char *dir = samples(), *tsv = xasprintf("%s/expected-exiftool.tsv", dir);
	char line[4096];
	FILE *f = fopen(tsv, "r");
	int n = 0, serials = 0;

	assert_non_null(f);
	assert_non_null(fgets(line, sizeof line, f));	/* header */
	while (fgets(line, sizeof line, f) != NULL) {
		char *col[10], *p = line, *path, *cause = NULL;
		struct exifmeta m;
		int i;

		line[strcspn(line, "\r\n")] = '\0';
		for (i = 0; i < 10; i++)
			col[i] = strsep(&p, "\t");
		assert_non_null(col[9]);
		path = xasprintf("%s/%s", dir, col[0]);
		if (exifmeta_read(path, &m, &cause) != 0)
			fail_msg("%s: %s", col[0], cause);
		/* Two cameras from before EXIF wrote their own blocks
		 * (Olympus PictureInfo, Canon CIFF): no EXIF there. */
		if (strcmp(col[0], "exif-org/olympus-d320l.jpg") == 0 ||
		    strcmp(col[0], "exif-org/sony-powershota5.jpg") == 0) {
			assert_null(m.make);
			exifmeta_free(&m);
			free(path);
			continue;
		}
		expect_str(col[0], "DateTimeOriginal", m.datetime[0] != '\0' ?
		    m.datetime : NULL, col[1]);
		if (strcmp(col[2], "-") != 0) {
			assert_int_equal(m.subsec_ms, atoi(col[2]) *
			    (strlen(col[2]) == 1 ? 100 : strlen(col[2]) == 2 ?
			    10 : 1));
		}
		expect_str(col[0], "Make", m.make, col[3]);
		expect_str(col[0], "Model", m.model, col[4]);
		/* Serial numbers in maker notes libexif cannot read are
		 * missed; one that is read must be right. */
		if (m.serial != NULL) {
			expect_str(col[0], "SerialNumber", m.serial, col[5]);
			serials++;
		}
		assert_int_equal(m.orientation, strcmp(col[6], "-") == 0 ? 1 :
		    atoi(col[6]));
		expect_str(col[0], "Copyright",
		    m.field[EXIFMETA_COPYRIGHT], col[7]);
		expect_str(col[0], "UserComment",
		    m.field[EXIFMETA_USERCOMMENT], col[8]);
		expect_str(col[0], "ImageDescription",
		    m.field[EXIFMETA_IMAGEDESCRIPTION], col[9]);
		if (m.datetime[0] != '\0')
			assert_true(m.time_ms > 0);
		else
			assert_true(m.time_ms == -1);
		exifmeta_free(&m);
		free(path);
		n++;
	}
	fclose(f);
	assert_true(n >= 50);
	assert_true(serials >= 1);	/* the Nikon D300's */
	free(tsv);
	free(dir);
}

static void
test_time_and_size(void **state)
{
	char *dir = samples(), *path, *cause = NULL, iso[32];
	struct exifmeta m;

	path = xasprintf("%s/tests/32-lens_data.jpeg", dir);
	assert_int_equal(exifmeta_read(path, &m, &cause), 0);
	/* 2012:07:14 16:30:12 and SubSecTimeOriginal "68" */
	assert_true(m.time_ms == 1342283412680LL);
	exifmeta_iso_time(&m, iso, sizeof iso);
	assert_string_equal(iso, "2012-07-14T16:30:12.680");
	assert_int_equal(m.width, 200);
	assert_int_equal(m.height, 133);
	exifmeta_free(&m);
	free(path);
	free(dir);
}

static void
test_not_a_jpeg(void **state)
{
	struct exifmeta m;
	char *cause = NULL;

	assert_int_equal(exifmeta_read(PICDAY_TOP_SRCDIR "/configure.ac", &m,
	    &cause), -1);
	assert_non_null(strstr(cause, "configure.ac"));
	free(cause);
	cause = NULL;
	assert_int_equal(exifmeta_read("/nonexistent/x.jpg", &m, &cause), -1);
	free(cause);
}

static void
test_field_names(void **state)
{
	assert_int_equal(exifmeta_field_parse("Copyright"), EXIFMETA_COPYRIGHT);
	assert_int_equal(exifmeta_field_parse("xpcomment"), EXIFMETA_XPCOMMENT);
	assert_int_equal(exifmeta_field_parse("comment"), EXIFMETA_COMMENT);
	assert_int_equal(exifmeta_field_parse("nope"), -1);
	assert_string_equal(exifmeta_field_name(EXIFMETA_USERCOMMENT),
	    "usercomment");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matches_exiftool),
		cmocka_unit_test(test_time_and_size),
		cmocka_unit_test(test_not_a_jpeg),
		cmocka_unit_test(test_field_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
