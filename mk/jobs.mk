# jobs
# jobs/: the job queue, worker threads and job kinds; their SQL in store/,
# libvips previews in media/.
libpicday_a_SOURCES += src/cli/cmd-jobs.c src/cli/cmd-worker.c
libpicday_a_SOURCES += src/jobs/job.h src/jobs/kinds.c src/jobs/job-preview.c \
	src/jobs/runner.h src/jobs/queue.c src/jobs/pool.c src/jobs/progress.c \
	src/jobs/progress.h \
	src/store/job.c src/store/job.h \
	src/store/preview.c src/store/preview.h \
	src/media/vips.c src/media/vips.h src/media/vipsdl.h \
	src/media/preview.c src/media/preview.h

check_PROGRAMS += tests/unit/test-jobs
tests_unit_test_jobs_SOURCES = tests/unit/test-jobs.c
tests_unit_test_jobs_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_jobs_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-jobs

TESTS += tests/cli/jobs-cli.sh tests/cli/jobs-two-workers.sh \
	tests/cli/jobs-worker-stop.sh tests/cli/kill9-preview.sh
EXTRA_DIST += tests/cli/jobs-cli.sh tests/cli/jobs-two-workers.sh \
	tests/cli/jobs-worker-stop.sh tests/cli/kill9-preview.sh
# libvips from many threads at once, as picday starts it (media/vips).
check_PROGRAMS += tests/unit/test-vips
tests_unit_test_vips_SOURCES = tests/unit/test-vips.c
tests_unit_test_vips_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_vips_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-vips
