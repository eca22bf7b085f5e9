# delivery
# Digital delivery (issue 13, stage 9): grants, image marks, the delivery
# build (files, manifest, release PDF, index.html, zip).
libpicday_a_SOURCES += src/cli/cmd-grant.c src/cli/cmd-delivery.c
libpicday_a_SOURCES += src/jobs/job-delivery.c src/jobs/delivery.h
libpicday_a_SOURCES += src/core/grant.c src/core/grant.h
libpicday_a_SOURCES += src/core/autogroup.c src/core/autogroup.h
libpicday_a_SOURCES += src/store/grant.c src/store/grant.h
libpicday_a_SOURCES += src/media/delivery.c src/media/delivery.h
libpicday_a_SOURCES += src/net/s3presign.c src/net/s3presign.h
check_PROGRAMS += tests/unit/test-s3presign
tests_unit_test_s3presign_SOURCES = tests/unit/test-s3presign.c
tests_unit_test_s3presign_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_s3presign_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-s3presign
check_PROGRAMS += tests/unit/test-grant
tests_unit_test_grant_SOURCES = tests/unit/test-grant.c
tests_unit_test_grant_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_grant_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-grant tests/cli/delivery.sh tests/cli/mail-delivery.sh \
	tests/cli/invoice-delivery.sh tests/cli/delivery-s3.sh \
	tests/cli/delivery-release.sh tests/cli/delivery-autogroup.sh \
	tests/cli/delivery-watermark-png.sh
EXTRA_DIST += tests/cli/delivery.sh tests/cli/mail-delivery.sh \
	tests/cli/invoice-delivery.sh tests/cli/delivery-s3.sh \
	tests/cli/s3-presign-check.py tests/cli/delivery-release.sh \
	tests/cli/delivery-autogroup.sh tests/cli/delivery-watermark-png.sh \
	bench/bench-delivery.sh
