# store/: SQLite access; all SQL of the program lives here.
libpicday_a_SOURCES += \
	src/store/db.c src/store/db.h \
	src/store/collate.c src/store/collate.h \
	src/store/schema.c src/store/schema.h \
	src/store/secrets.c src/store/secrets.h

check_PROGRAMS += tests/unit/test-store
tests_unit_test_store_SOURCES = tests/unit/test-store.c
tests_unit_test_store_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_store_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-store
