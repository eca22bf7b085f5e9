# util/: allocation, strings, paths (owned by: foundation; utf8.c by tui)
libpicday_a_SOURCES += \
	src/util/xalloc.c src/util/xalloc.h \
	src/util/arena.c src/util/arena.h \
	src/util/strbuf.c src/util/strbuf.h \
	src/util/path.c src/util/path.h \
	src/util/report.c src/util/report.h \
	src/util/i18n.h

check_PROGRAMS += tests/unit/test-path
tests_unit_test_path_SOURCES = tests/unit/test-path.c
tests_unit_test_path_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_path_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-path
