# imgimport
# Bulk image import (issue 4).
libpicday_a_SOURCES += src/cli/cmd-images.c
libpicday_a_SOURCES += src/jobs/job-import.c
