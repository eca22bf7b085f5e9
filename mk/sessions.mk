# Sessions: scheduling, status, export, QR sheets (issue 3).
libpicday_a_SOURCES += src/cli/cmd-sessions.c src/cli/cmd-qr-sheets.c
libpicday_a_SOURCES += src/core/qrprint.c src/core/qrprint.h
# The export and the QR sheets run as jobs (jobs/sessfile.h).
libpicday_a_SOURCES += src/jobs/sessfile.c src/jobs/sessfile.h \
	src/jobs/job-export.c src/jobs/job-qrsheet.c
libpicday_a_SOURCES += \
	src/core/schedule.c src/core/schedule.h \
	src/core/status.c src/core/status.h \
	src/core/export.c src/core/export.h \
	src/store/session.c src/store/session.h \
	src/store/status.c src/store/status.h \
	src/media/qrsheet.c src/media/qrsheet.h

check_PROGRAMS += tests/unit/test-schedule
tests_unit_test_schedule_SOURCES = tests/unit/test-schedule.c
tests_unit_test_schedule_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_schedule_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-schedule

SESSIONS_TESTS = tests/cli/sessions-schedule.sh tests/cli/sessions-status.sh \
	tests/cli/sessions-export.sh tests/cli/qr-sheets.sh \
	tests/cli/kill9-qrsheet.sh
TESTS += $(SESSIONS_TESTS)
EXTRA_DIST += $(SESSIONS_TESTS)
