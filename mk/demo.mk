# picday demo: roster, sessions and a simulated camera card.
libpicday_a_SOURCES += src/cli/cmd-demo.c src/core/demo.c src/core/demo.h

TESTS += tests/cli/demo.sh
EXTRA_DIST += tests/cli/demo.sh
