# Organizations, clients and the roster import (issue 3).
libpicday_a_SOURCES += src/cli/cmd-org.c src/cli/cmd-clients.c \
	src/core/csvsniff.c src/core/csvsniff.h \
	src/core/roster.c src/core/roster.h \
	src/core/role.c src/core/role.h \
	src/store/client.c src/store/client.h \
	src/store/org.c src/store/org.h

check_PROGRAMS += tests/unit/test-roster
tests_unit_test_roster_SOURCES = tests/unit/test-roster.c
tests_unit_test_roster_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_roster_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-roster
check_PROGRAMS += tests/unit/test-role
tests_unit_test_role_SOURCES = tests/unit/test-role.c
tests_unit_test_role_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_role_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-role

TESTS += tests/cli/org.sh tests/cli/clients.sh tests/cli/clients-bulk.sh
EXTRA_DIST += tests/cli/org.sh tests/cli/clients.sh tests/cli/clients-bulk.sh
