# production
# Production (issue 11, stage 8): orders from invoices, prints rendered for
# the lab, image crops.
libpicday_a_SOURCES += src/cli/cmd-production.c
libpicday_a_SOURCES += src/jobs/job-render.c src/jobs/job-contact.c \
	src/jobs/production.h
libpicday_a_SOURCES += src/core/production.c src/core/production.h
libpicday_a_SOURCES += src/store/production.c src/store/production.h
libpicday_a_SOURCES += src/tui/crop-editor.c src/tui/crop.h
libpicday_a_SOURCES += src/media/render.c src/media/render.h \
	src/media/prodsheet.c src/media/prodsheet.h
TESTS += tests/cli/production.sh tests/cli/kill9-render.sh tests/tui/production-hub.sh \
	tests/cli/production-real.sh tests/cli/production-imprint.sh \
	tests/tui/production-crop.sh
EXTRA_DIST += tests/cli/production.sh tests/cli/kill9-render.sh tests/tui/production-hub.sh \
	tests/cli/production-real.sh tests/cli/production-imprint.sh \
	tests/tui/production-crop.sh \
	bench/bench-render.sh
