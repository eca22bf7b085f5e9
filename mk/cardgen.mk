# The simulated camera card of picday demo (media/cardgen).
libpicday_a_SOURCES += \
	src/media/cardgen.c src/media/cardgen.h src/media/cardgen-subject.h \
	src/media/cardgen-draw.c src/media/cardgen-draw.h \
	src/media/jpegexif.c src/media/jpegexif.h

check_PROGRAMS += tests/unit/test-cardgen
tests_unit_test_cardgen_SOURCES = tests/unit/test-cardgen.c
tests_unit_test_cardgen_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_cardgen_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-cardgen
