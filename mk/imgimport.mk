# imgimport
# Bulk image import (issue 4).
libpicday_a_SOURCES += src/cli/cmd-images.c
