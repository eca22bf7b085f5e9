# school
# The school's own deliverables (issue 12): the yearbook (PSPA) volume, SIS
# photo files and class composites, all from each student's pose.
libpicday_a_SOURCES += src/cli/cmd-export.c src/cli/cmd-composite.c \
	src/cli/school.h
libpicday_a_SOURCES += src/jobs/job-pspa.c src/jobs/job-sis.c \
	src/jobs/job-composite.c src/jobs/school.h
libpicday_a_SOURCES += src/core/pose.c src/core/pose.h \
	src/core/pspa.c src/core/pspa.h
libpicday_a_SOURCES += src/tui/dialog-school.c
libpicday_a_SOURCES += src/store/pose.c src/store/pose.h
libpicday_a_SOURCES += src/media/portrait.c src/media/portrait.h \
	src/media/composite.c src/media/composite.h
TESTS += tests/cli/export-pspa.sh tests/cli/export-sis.sh \
	tests/cli/composite.sh
EXTRA_DIST += tests/cli/export-pspa.sh tests/cli/export-sis.sh \
	tests/cli/composite.sh tests/cli/school-lib.sh
TESTS += tests/tui/sessions-school.sh tests/cli/kill9-pspa.sh
EXTRA_DIST += tests/tui/sessions-school.sh tests/cli/kill9-pspa.sh
TESTS += tests/cli/school-staff.sh
EXTRA_DIST += tests/cli/school-staff.sh
check_PROGRAMS += tests/unit/test-pose
tests_unit_test_pose_SOURCES = tests/unit/test-pose.c
tests_unit_test_pose_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_pose_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-pose
