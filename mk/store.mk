# store/: SQLite access; all SQL of the program lives here.
libpicday_a_SOURCES += \
	src/store/db.c src/store/db.h \
	src/store/schema.c
