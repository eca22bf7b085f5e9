# Image Upload (stage 6, issue 9): net/upload (libcurl, every target),
# store/upload (what reached the target), the "upload" job, the command.
libpicday_a_SOURCES += src/net/upload.c src/net/upload.h \
	src/net/upload-run.c src/net/upload-int.h src/net/upload-s3.c \
	src/store/upload.c src/store/upload.h \
	src/core/uploadcfg.c src/core/uploadcfg.h \
	src/jobs/job-upload.c src/jobs/pvmaker.c src/jobs/pvmaker.h \
	src/jobs/filesha.c src/jobs/filesha.h \
	src/cli/cmd-upload.c

UPLOAD_TESTS = tests/cli/upload-file.sh tests/cli/upload-webdav.sh \
	tests/cli/upload-sftp.sh tests/cli/upload-ftp.sh tests/cli/upload-s3.sh \
	tests/cli/upload-faults.sh \
	tests/cli/kill9-upload.sh tests/tui/setup-upload.sh \
	tests/tui/control-upload.sh
TESTS += $(UPLOAD_TESTS)
EXTRA_DIST += $(UPLOAD_TESTS) tests/cli/upload-lib.sh \
	tests/cli/upload-faults.py tests/cli/s3-server.py bench/bench-upload.sh

check_PROGRAMS += tests/unit/test-upload
tests_unit_test_upload_SOURCES = tests/unit/test-upload.c
tests_unit_test_upload_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_upload_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-upload
