# The simulated camera card of picday demo (media/cardgen).
libpicday_a_SOURCES += \
	src/media/cardgen.c src/media/cardgen.h \
	src/media/cardgen-draw.c src/media/cardgen-draw.h \
	src/media/jpegexif.c src/media/jpegexif.h
