# util/: allocation, strings, paths (owned by: foundation; utf8.c by tui)
libpicday_a_SOURCES += \
	src/util/xalloc.c src/util/xalloc.h \
	src/util/strbuf.c src/util/strbuf.h \
	src/util/path.c src/util/path.h \
	src/util/i18n.h
