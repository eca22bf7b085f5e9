# cli/: the command-line face.  One cmd-*.c per command word, listed in the
# fragment of the area that owns it.
libpicday_a_SOURCES += \
	src/cli/cli.c src/cli/cli.h \
	src/cli/output.c src/cli/output.h \
	src/cli/cmd-setup.c

TESTS += tests/cli/setup.sh
EXTRA_DIST += tests/cli/setup.sh bench/run.sh bench/lib.sh
TESTS += tests/cli/po.sh
EXTRA_DIST += tests/cli/po.sh
# The layers of DESIGN §2: no include up, no include circle in src/.
TESTS += tests/cli/layers.sh
EXTRA_DIST += tests/cli/layers.sh tests/cli/layers.py
TESTS += tests/cli/machine-output.sh
EXTRA_DIST += tests/cli/machine-output.sh
