# imgimport
# Bulk image import (issue 4).
libpicday_a_SOURCES += src/cli/cmd-images.c
libpicday_a_SOURCES += src/jobs/job-import.c
libpicday_a_SOURCES += src/media/exif.c src/media/exif.h
libpicday_a_SOURCES += src/media/qrscan.c src/media/qrscan.h
libpicday_a_SOURCES += src/media/qrzxing.h
# zxing-cpp's shim, a module dlopen()ed by media/qrscan.c (qrzxing.h).
if HAVE_ZXING
zxingmoddir = $(pkglibdir)
zxingmod_PROGRAMS = picday-zxing.so
picday_zxing_so_SOURCES = src/media/qrzxing.cc src/media/qrzxing.h
picday_zxing_so_CXXFLAGS = -fPIC -Wall -Wextra $(ZXING_CFLAGS)
picday_zxing_so_LDFLAGS = -shared -fPIC
picday_zxing_so_LDADD = $(ZXING_LIBS)
endif
libpicday_a_SOURCES += src/core/cardscan.c src/core/cardscan.h
libpicday_a_SOURCES += src/core/imgsort.c src/core/imgsort.h
libpicday_a_SOURCES += src/store/image.c src/store/image.h
libpicday_a_SOURCES += src/core/imgscan.c src/core/imgscan.h
TESTS += tests/cli/images-qr.sh
EXTRA_DIST += tests/cli/images-qr.sh tests/cli/images-lib.sh
TESTS += tests/cli/images-metadata.sh
EXTRA_DIST += tests/cli/images-metadata.sh
TESTS += tests/cli/images-import.sh
EXTRA_DIST += tests/cli/images-import.sh
TESTS += tests/cli/kill9-import.sh
EXTRA_DIST += tests/cli/kill9-import.sh
check_PROGRAMS += tests/unit/test-imgsort
tests_unit_test_imgsort_SOURCES = tests/unit/test-imgsort.c
tests_unit_test_imgsort_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_imgsort_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-imgsort
check_PROGRAMS += tests/unit/test-exif
tests_unit_test_exif_SOURCES = tests/unit/test-exif.c
tests_unit_test_exif_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_exif_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-exif
check_PROGRAMS += tests/unit/test-qrscan
tests_unit_test_qrscan_SOURCES = tests/unit/test-qrscan.c
tests_unit_test_qrscan_CFLAGS = $(PICDAY_TEST_CFLAGS)
tests_unit_test_qrscan_LDADD = $(PICDAY_TEST_LDADD)
TESTS += tests/unit/test-qrscan
TESTS += tests/cli/images-demo.sh
EXTRA_DIST += tests/cli/images-demo.sh
TESTS += tests/cli/kill9-loop.sh
EXTRA_DIST += tests/cli/kill9-loop.sh
# Hard QR frames (issue 14): the generator the bench and the test share.
check_PROGRAMS += tests/qr-hard
tests_qr_hard_SOURCES = bench/qr-hard.c
tests_qr_hard_LDADD = $(VIPS_LIBS) $(QRENCODE_LIBS) -lm
TESTS += tests/cli/qr-hard.sh
EXTRA_DIST += tests/cli/qr-hard.sh bench/bench-qr-robust.sh \
	bench/qr-robust-score.py
